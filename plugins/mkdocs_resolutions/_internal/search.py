"""Pagefind glue: what a resolution page tells the search index, and running the indexer.

Pagefind indexes the built HTML at the end of the build. Each resolution page
is wrapped in ``data-pagefind-body`` (so browse pages, which name every symbol,
stay out of the index) and carries a heavily weighted line of the forms its
symbol is searched by ("A/RES/80/229", "80/229"), so a symbol query puts that
document first. Only the document's own words are indexed: the metadata
header, related-document links and the cited-by section (other documents'
sentences) are excluded. Filters (organ, session, kind, year) and the result
line's fields (symbol, date, organ, kind) and the paragraphs' human labels are
empty elements or hidden text outside the body, so they are stored, not indexed.
Paragraph-level hits are worked out in the browser (``search.js``) from the
ids Pagefind records as anchors (``pp-3``, ``op-7``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path

from . import anchors
from .model import Document, Heading, Metadata

OUTPUT_SUBDIR = "pagefind"
# Page furniture that would pollute words and excerpts ("kidnapping11", "¶"), and text
# that is not the document's own: its header's field labels, links to related
# documents, and the cited-by section (sentences of the documents citing it).
EXCLUDE = (
    "sup.res-fnref", ".res-permalink", ".res-backref", ".res-notice",
    ".res-meta", ".res-lineage", ".res-citedby", ".res-citedby-count",
)
TIMEOUT = 3600  # seconds for the whole index; Pagefind takes about 1 s per 20 pages here, so this is a hang, not a big site
SHARD_PAGES = 1500  # pages per Pagefind run: about 1 GB of Pagefind's memory (measured: 0.75 GB for 1,000 pages)
SHARDS_FILE = "shards.json"  # in the main bundle: the other shards' folders, relative to it
BODY_MARK = b"data-pagefind-body"


def symbol_keys(symbol: str | None) -> list[str]:
    """The forms a reader types for ``symbol``: itself, and "RES/80/229" and "80/229" for "A/RES/80/229"."""
    if not symbol:
        return []
    keys = [symbol]
    short = re.fullmatch(r"[A-Z]+/(RES/(\d+/\d+[A-Z]?|\d+\s?\(\d{4}\)))", symbol)
    if short:
        keys += [short.group(1), short.group(2)]
    return keys


def filters(meta: Metadata) -> dict[str, str]:
    """Filter values of a page: organ, session, kind and year, where known."""
    out: dict[str, str] = {}
    if meta.organ:
        out["organ"] = meta.organ
    if meta.session_number:
        out["session"] = str(meta.session_number)
    kind = meta.kind.value
    out["kind"] = kind if kind != "document" else "other"
    if meta.iso_date:
        out["year"] = meta.iso_date[:4]
    return out


def _attr(value: str) -> str:
    return escape(value, quote=True)


def result_fields(meta: Metadata) -> dict[str, str]:
    """What a result line shows besides the title: symbol, date, organ and kind."""
    kind = meta.kind.value
    fields = {"symbol": meta.symbol, "date": meta.date or meta.adopted_on, "organ": meta.organ,
              "kind": kind if kind != "document" else None}
    return {k: v for k, v in fields.items() if v}


def place_ids(doc: Document) -> list[str]:
    """The ids a hit can fall under: paragraphs, numbered headings, annexes, footnotes, in reading order."""
    ids = [annex.anchor for annex in doc.annexes]
    for block in doc.all_blocks():
        if isinstance(block, Heading):
            ids += [block.anchor] if block.anchor else []
        else:
            ids += [para.anchor for para in block.walk()]
    return ids + [anchors.footnote(note.number) for note in doc.footnotes]


def places(doc: Document) -> str:
    """Every id of :func:`place_ids` with its human label, "op-7-a=paragraph 7 (a)" joined by "|",
    so a paragraph hit is named as the page names it."""
    return "|".join(f"{key}={anchors.label(key)}" for key in place_ids(doc))


def _stored(name: str, value: str) -> str:
    """A meta field stored with the page but not indexed (outside the body, text content: any character)."""
    return f'<span hidden data-pagefind-meta="{_attr(name)}">{escape(value)}</span>'


def wrap(html: str, doc: Document | None) -> str:
    """``html`` (a page body) marked for Pagefind: indexed, filtered, findable by symbol.

    ``doc`` None: an ordinary page (home, about), indexed without filters.
    """
    if doc is None:
        return f"<div data-pagefind-body>{html}</div>"
    meta = doc.meta
    parts = []
    for name, value in filters(meta).items():
        # Inline "name:value" form; a comma would start a second filter, so none may appear.
        parts.append(f'<span data-pagefind-filter="{_attr(name)}:{_attr(value.replace(",", " "))}"></span>')
    for name, value in result_fields(meta).items():
        parts.append(_stored(name, value))
    labels = places(doc)
    if labels:
        parts.append(_stored("places", labels))
    operative = doc.operative()
    if operative:  # what a symbol query shows: the first thing the document does
        parts.append(_stored("first", operative[0].anchor))
    parts.append("<div data-pagefind-body>")
    keys = symbol_keys(meta.symbol)
    if keys:
        parts.append(f'<p class="res-search-keys" hidden data-pagefind-weight="10">{escape(" ".join(keys))}</p>')
    parts.append(html)
    parts.append("</div>")
    return "".join(parts)


@dataclass
class IndexResult:
    ok: bool
    message: str


def pagefind_executable() -> str | None:
    """The Pagefind binary bundled with the ``pagefind[bin]`` package, else one on PATH."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-not-found]

        return str(get_executable())
    except Exception:
        return shutil.which("pagefind")


def indexed_pages(site_dir: Path) -> list[str]:
    """Site-relative paths of the pages Pagefind indexes (those marked ``data-pagefind-body``), sorted."""
    out = []
    for file in site_dir.rglob("*.html"):
        rel = file.relative_to(site_dir).as_posix()
        if not rel.startswith(OUTPUT_SUBDIR + "/") and BODY_MARK in file.read_bytes():
            out.append(rel)
    return sorted(out)


def shards(pages: list[str], size: int = SHARD_PAGES) -> list[list[str]]:
    """``pages`` cut into runs of at most ``size``, in path order (deterministic)."""
    return [pages[i:i + size] for i in range(0, len(pages), size)] or [[]]


def shard_dir(number: int) -> str:
    """Site-relative folder of shard ``number`` (from 0): the first is the main bundle, the others inside it."""
    return OUTPUT_SUBDIR if number == 0 else f"{OUTPUT_SUBDIR}/{number + 1}"


def _glob(paths: list[str]) -> str:
    """A Pagefind ``--glob`` matching exactly ``paths`` (glob metacharacters escaped)."""
    return "{" + ",".join(re.sub(r"([\\{}\[\]*?,!])", r"\\\1", path) for path in paths) + "}"


def index_site(site_dir: Path, executable: str | None = None, timeout: float = TIMEOUT,
               shard_pages: int = SHARD_PAGES) -> IndexResult:
    """Run Pagefind over the built site; the bundle lands in ``site_dir/pagefind/``.

    Pagefind holds every page it indexes in memory (about 0.7 MB a page), so a
    large site is indexed in shards of ``shard_pages`` pages, one Pagefind run
    each: the first shard is the main bundle, the others are written inside it
    (``pagefind/2/`` ...) and listed in ``pagefind/shards.json``, and the search
    box merges them (Pagefind's ``mergeIndex``). Peak memory is one shard's.
    """
    exe = executable or pagefind_executable()
    if exe is None:
        return IndexResult(False, "Pagefind not found (pip install 'pagefind[bin]'): the site has no search")
    parts = shards(indexed_pages(site_dir), shard_pages)
    shutil.rmtree(site_dir / OUTPUT_SUBDIR, ignore_errors=True)
    deadline = time.monotonic() + timeout
    messages = []
    for number, paths in enumerate(parts):
        cmd = [exe, "--site", str(site_dir), "--output-subdir", shard_dir(number), "--silent"]
        if len(parts) > 1:
            cmd += ["--glob", _glob(paths)]
        for selector in EXCLUDE:
            cmd += ["--exclude-selectors", selector]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            return IndexResult(False, f"Pagefind did not finish within {timeout:.0f} s and was stopped: the site has no search")
        except OSError as exc:
            return IndexResult(False, f"Pagefind could not be started ({exe}): {exc}: the site has no search")
        if proc.returncode != 0:
            return IndexResult(False, f"Pagefind failed ({proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}")
        messages.append(proc.stdout.strip())
    more = [f"{number + 1}/" for number in range(1, len(parts))]
    (site_dir / OUTPUT_SUBDIR / SHARDS_FILE).write_text(json.dumps(more) + "\n", encoding="utf-8")
    return IndexResult(True, "\n".join(m for m in messages if m))
