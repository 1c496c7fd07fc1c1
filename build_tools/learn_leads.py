"""Learn from PDFs how far the italics of lead phrases run, for the plain-text lead finder.

    python build_tools/learn_leads.py ../shared/corpus/originals            # writes _internal/data/leads.json
    python build_tools/learn_leads.py ../shared/corpus/originals --check    # accuracy only, held-out too

A PDF prints each lead phrase in italics ("*Expresses its intention* to ...",
"*Calls* upon ..."). Plain text has lost them; the word lists of
``leads.py`` find the head ("Expresses", "Calls") and the phrases that may
follow it (qualifiers, a preposition, an object, a learned complement). This
command reads every paragraph of the PDFs and counts, per organ (GA/SC),
role and head, how often each following phrase was printed in italics.
``split_lead`` keeps a phrase when most PDFs did. Complements the word lists
lack ("its concern" after "Reiterating") are learned when the italics run past
everything the lists know, and used once two paragraphs agree.

``--check`` also reports the held-out figure: rules learned from two thirds of
the documents, measured on the other third.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from mkdocs_resolutions._internal import leads  # noqa: E402
from mkdocs_resolutions._internal.model import Document  # noqa: E402
from mkdocs_resolutions._internal.parse import read_source  # noqa: E402

DATA = ROOT / "plugins" / "mkdocs_resolutions" / "_internal" / "data" / "leads.json"
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True)
class Seen:
    """One printed lead: where, and how far its italics ran."""

    document: str
    organ: str
    role: str
    text: str  # lead and body, as read from the PDF
    printed: int  # length of the italic lead


def observations(doc: Document) -> list[Seen]:
    organ = leads.organ_key(doc.meta.organ)
    out = []
    for para in doc.paragraphs():
        if para.role in ("preambular", "operative") and para.lead:
            out.append(Seen(doc.path, organ, para.role, f"{para.lead} {para.body.text}", len(para.lead)))
    return out


def learn(seen: list[Seen]) -> dict:
    """Rules (italic, total per head and phrase) and learned complements from printed leads."""
    phrases: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for s in seen:
        head, end, steps = leads.lead_steps(s.text, s.role)
        if not head:
            continue
        for step in steps:
            if s.printed < step.end:
                break
            end = step.end
        rest = s.text[end:s.printed].strip()
        boundary = s.printed == len(s.text) or not s.text[s.printed].isalnum()
        if rest and boundary and len(rest.split()) <= MAX_PHRASE_WORDS and s.printed > end:
            phrases[s.organ][s.role][head].add(" ".join(rest.lower().split()))
    plain = {o: {r: {h: sorted(v) for h, v in hs.items()} for r, hs in rs.items()} for o, rs in phrases.items()}
    rules: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0]))))
    for s in seen:
        head, _end, steps = leads.lead_steps(s.text, s.role, plain.get(s.organ, {}).get(s.role))
        for step in steps:
            italic = s.printed >= step.end
            counts = rules[s.organ][s.role][head][leads._rule_key(step)]
            counts[0] += italic
            counts[1] += 1
            if not italic:
                break
    table = {
        organ: {role: {h: dict(sorted(k.items())) for h, k in sorted(heads.items())} for role, heads in roles.items()}
        for organ, roles in rules.items()
    }
    return {"phrases": plain, "rules": table}


def read(folder_or_files: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for p in folder_or_files:
        paths += sorted(p.glob("*.pdf")) if p.is_dir() else [p]
    return paths


def accuracy(pairs: list[tuple[Document, Document]], learned: dict) -> tuple[int, int, list[tuple[str, str, str, str]]]:
    """(equal, compared, mismatches): plain-text leads against the PDF's, paragraph by paragraph (by anchor)."""
    saved = leads._learned
    leads._learned = lambda: learned  # type: ignore[assignment]
    try:
        equal = total = 0
        misses = []
        for pdf_doc, text_path in pairs:
            text_doc = read_source(Path(text_path).read_bytes(), Path(text_path).name)  # type: ignore[arg-type]
            theirs = {p.anchor: p.lead for p in text_doc.paragraphs()}
            for para in pdf_doc.paragraphs():
                if para.anchor not in theirs:
                    continue
                total += 1
                if theirs[para.anchor] == para.lead:
                    equal += 1
                else:
                    misses.append((Path(pdf_doc.path).stem, para.anchor, para.lead, theirs[para.anchor]))
    finally:
        leads._learned = saved  # type: ignore[assignment]
    return equal, total, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="+", type=Path, help="PDFs or folders of PDFs (their .txt beside them or one folder up)")
    parser.add_argument("--check", action="store_true", help="print accuracy (all and held out); write nothing")
    args = parser.parse_args()
    docs = [read_source(p.read_bytes(), p.name) for p in read(args.pdfs)]
    paths = read(args.pdfs)
    seen = [s for d in docs for s in observations(d)]
    learned = learn(seen)
    if not args.check:
        DATA.parent.mkdir(parents=True, exist_ok=True)
        DATA.write_text(json.dumps(learned, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{DATA.relative_to(ROOT)}: rules from {len(seen)} lead phrases of {len(docs)} PDFs")
        return
    pairs = []
    for doc, path in zip(docs, paths):
        text = next((c for c in (path.with_suffix(".txt"), path.parent.parent / f"{path.stem}.txt") if c.exists()), None)
        if text is not None:
            pairs.append((doc, text))
    for label, rules in (("without learned rules", {}), ("learned from all", learned)):
        equal, total, _ = accuracy(pairs, rules)
        print(f"{label}: {equal}/{total} = {equal / total:.2%}")
    held_equal = held_total = 0
    for k in range(3):
        train = [s for s in seen if docs.index(next(d for d in docs if d.path == s.document)) % 3 != k]
        test = [pair for i, pair in enumerate(pairs) if i % 3 == k]
        equal, total, _ = accuracy(test, learn(train))
        held_equal += equal
        held_total += total
    print(f"held out (3-fold by document): {held_equal}/{held_total} = {held_equal / held_total:.2%}")


if __name__ == "__main__":
    main()
