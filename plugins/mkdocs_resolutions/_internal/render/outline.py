"""A resolution's outline, for the theme's table of contents.

Built from the document's own structure, never from rendered HTML: annexes,
headings (chapter > article), "Action 3." paragraphs and, where a long run of
operative paragraphs has no heading to break it, ranges of paragraphs. Entries
carry the printed words only; a document with no structure has an empty
outline, so the theme shows no empty table of contents.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from html import escape
from typing import Iterable

from .. import anchors
from ..model import Annex, Block, Document, Heading, Paragraph

RANGE = 20  # operative paragraphs per entry when a long run has no heading
LONG_RUN = 40  # a run longer than this gets range entries


@dataclass(frozen=True)
class Entry:
    level: int  # 1 for an annex or a top heading, deeper for what sits under it
    anchor: str
    title: str  # plain text, as printed


def _title(heading: Heading) -> str:
    text = " ".join(heading.text.text.split())
    if heading.title and heading.title.text.strip():
        text += " — " + " ".join(heading.title.text.split())
    return text


def _runin(para: Paragraph) -> str | None:
    """"Action 3" for a paragraph printed as "Action 3.", else None."""
    if para.role != "operative":
        return None
    parsed = anchors.parse(para.anchor)
    if parsed is None or parsed.kind not in ("action", "item"):
        return None
    return anchors.Anchor(parsed.kind, parsed.number).label()


def _runs(blocks: list[Block]) -> Iterable[list[Paragraph]]:
    """Runs of numbered operative paragraphs not broken by a heading or an action."""
    run: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Heading) or _runin(block):
            if run:
                yield run
            run = []
        elif block.role == "operative" and block.number and block.number.isdigit():
            run.append(block)
    if run:
        yield run


def _part(blocks: list[Block], base: int) -> list[Entry]:
    """Entries of one part (the body, or an annex), headings starting at level ``base``."""
    entries: list[Entry] = []
    long_runs = {id(run[0]): run for run in _runs(blocks) if len(run) > LONG_RUN}
    depth = base - 1  # level of the innermost heading seen so far
    for block in blocks:
        if isinstance(block, Heading):
            if block.anchor:
                depth = base + block.level - 2
                entries.append(Entry(depth, block.anchor, _title(block)))
            continue
        if name := _runin(block):
            entries.append(Entry(depth + 1, block.anchor, name))
        run = long_runs.get(id(block))
        if run:
            for i in range(0, len(run), RANGE):
                chunk = run[i : i + RANGE]
                first, last = chunk[0].number, chunk[-1].number
                title = f"Paragraphs {first}–{last}" if first != last else f"Paragraph {first}"
                entries.append(Entry(depth + 1, chunk[0].anchor, title))
    return entries


def _annex_title(annex: Annex) -> str:
    name = anchors.label(annex.anchor)  # "Annex I"
    title = " ".join(annex.title.text.split())
    return f"{name} — {title}" if title else name


def reading_order(doc: Document) -> list[list[Block] | Annex]:
    """The body's blocks in runs, with the annex of a part ("Resolution I, Annex") between its part and
    the next, where it is printed; every other annex after the body. The page and its outline both
    follow it, so they show the same order."""
    lines = [block.line for block in doc.blocks]
    inside: dict[int, list[Annex]] = {}
    after: list[Annex] = []
    for annex in doc.annexes:
        parsed = anchors.parse(annex.anchor)
        at = bisect_right(lines, annex.line) if parsed is not None and parsed.part else len(lines)
        (inside.setdefault(at, []) if at < len(lines) else after).append(annex)
    order: list[list[Block] | Annex] = []
    start = 0
    for at in sorted(inside):
        order.append(doc.blocks[start:at])
        order.extend(inside[at])
        start = at
    order.append(doc.blocks[start:])
    order.extend(after)
    return order


def outline(doc: Document, notes: bool = True, cited_by: bool = False) -> list[Entry]:
    """The outline of ``doc``: empty when it has no structure worth a table of contents.

    ``notes`` and ``cited_by`` add the page's own closing sections, but only to an
    outline that already has entries.
    """
    if doc.fallback is not None:
        return []
    entries: list[Entry] = []
    for item in reading_order(doc):
        if isinstance(item, Annex):
            entries.append(Entry(1, item.anchor, _annex_title(item)))
            entries.extend(_part(item.blocks, 2))
        else:
            entries.extend(_part(item, 1))
    if not entries:
        return []
    if notes and doc.footnotes:
        entries.append(Entry(1, "footnotes", "Notes"))
    if cited_by:
        entries.append(Entry(1, "cited-by", "Cited by"))
    return entries


def toc_tokens(entries: list[Entry]) -> list[dict]:
    """The flat outline as the nested tokens of Python-Markdown's ``toc`` (which MkDocs reads):
    each entry under the nearest earlier entry of a lower level; names are escaped HTML."""
    roots: list[dict] = []
    stack: list[dict] = []
    for entry in entries:
        token = {"level": entry.level + 1, "id": entry.anchor, "name": escape(entry.title), "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots


def _items(tokens: list[dict]) -> str:
    return "".join(
        f'<li><a href="#{escape(t["id"])}">{t["name"]}</a>{_list(t["children"])}</li>' for t in tokens
    )


def _list(tokens: list[dict]) -> str:
    return f"<ul>{_items(tokens)}</ul>" if tokens else ""


def contents_html(entries: list[Entry]) -> str:
    """The outline as an in-page "Contents" disclosure, for screens where the theme
    shows no table of contents (its CSS hides it where the sidebar appears, and in
    print). Same entries and nesting as :func:`toc_tokens`; empty for an empty outline."""
    if not entries:
        return ""
    return (
        '<details class="res-contents" data-pagefind-ignore><summary>Contents</summary>'
        f'<nav aria-label="Contents of this document">{_list(toc_tokens(entries))}</nav></details>'
    )
