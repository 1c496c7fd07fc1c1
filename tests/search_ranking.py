"""The committed query set (tests/fixtures/search/queries.json) run through a built site's Pagefind index.

Each query names the documents that answer it (any of them counts) and, for a
phrase, the paragraph that holds it. The ranking is what a reader sees: the
search box's order (Pagefind's, then a result whose own symbol is the query
first). ``python -m tests.search_ranking SITE`` prints the report.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "fixtures" / "search" / "queries.json"
QUERY_JS = ROOT / "tests" / "js" / "pagefind_query.mjs"
SEARCH_JS = ROOT / "plugins" / "mkdocs_resolutions" / "_internal" / "assets" / "search.js"
DEPTH = 10  # results a reader sees before "More results"


@dataclass
class Outcome:
    q: str
    type: str
    expect: list[str]
    rank: int | None  # 1-based rank of the first expected document, None past DEPTH
    anchor: str | None  # expected paragraph, if any
    anchor_found: bool  # the expected paragraph is among the first result's paragraph hits
    top: str | None  # symbol ranked first


def run(site: Path, queries: list[dict] | None = None) -> list[Outcome]:
    queries = queries if queries is not None else json.loads(QUERIES.read_text(encoding="utf-8"))
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("node")
    asked = [{"q": q["q"], "limit": DEPTH} for q in queries]
    proc = subprocess.run([node, str(QUERY_JS), str(site), str(SEARCH_JS), json.dumps(asked)],
                          capture_output=True, text=True, env={**os.environ, "BASE_URL": "/"}, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    out = []
    for query, answer in zip(queries, json.loads(proc.stdout)):
        symbols = [r["symbol"] for r in answer["results"]]
        rank = next((i + 1 for i, s in enumerate(symbols) if s in query["expect"]), None)
        anchor = query.get("anchor")
        found = False
        if anchor and rank:
            found = any(p["id"] == anchor for p in answer["results"][rank - 1]["paragraphs"])
        out.append(Outcome(query["q"], query["type"], query["expect"], rank, anchor, found, symbols[0] if symbols else None))
    return out


def mrr(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)


def top1(outcomes: list[Outcome]) -> float:
    return sum(o.rank == 1 for o in outcomes) / len(outcomes)


def report(outcomes: list[Outcome]) -> str:
    lines = [f"{len(outcomes)} queries: MRR {mrr(outcomes):.3f}, top-1 {top1(outcomes):.3f}"]
    for kind in sorted({o.type for o in outcomes}):
        some = [o for o in outcomes if o.type == kind]
        lines.append(f"  {kind:<7} {len(some):>3}: MRR {mrr(some):.3f}, top-1 {top1(some):.3f}")
    anchored = [o for o in outcomes if o.anchor]
    lines.append(f"  paragraph found in the first result's hits: {sum(o.anchor_found for o in anchored)}/{len(anchored)}")
    for o in outcomes:
        if o.rank != 1 or (o.anchor and not o.anchor_found):
            lines.append(f"  miss: {o.q!r} rank {o.rank} (first: {o.top}; expected {', '.join(o.expect)}"
                         + (f" at {o.anchor}, found: {o.anchor_found}" if o.anchor else "") + ")")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(Path(sys.argv[1]))))
