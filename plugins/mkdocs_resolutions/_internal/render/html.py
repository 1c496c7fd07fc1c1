"""Model → HTML. Every character from a source passes through :func:`html.escape`.

Link targets come only from :class:`.links.Linker` (our own URL templates),
never from the source text, so no source can inject markup or a script URL.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from html import escape
from typing import Callable, Iterable, Mapping

from .. import anchors, browse
from ..citations import Citation
from ..model import Annex, Block, Document, Footnote, Heading, Metadata, Paragraph, RichText, Table
from ..graph import CITED_BY_SHOWN, CITED_PLACES_SHOWN, PageGraph
from ..symbols import undocs_url
from .amendments import amends_html, amendments_html
from .links import Linker
from .mandates import MandateView
from .outline import contents_html, outline, reading_order

ROLE_CLASSES = {"preambular": "res-pp", "operative": "res-op", "sub": "res-sub", "text": "res-text", "opening": "res-opening"}


@dataclass(frozen=True)
class Span:
    """An element wrapped around ``text[start:end]`` (a citation link, an Ibid. note)."""

    start: int
    end: int
    open: str
    close: str


@dataclass
class _Page:
    doc: Document
    linker: Linker
    citations: Mapping[str, list[Citation]]
    ibid: Mapping[str, str]
    anchors: set[str]
    graph: PageGraph | None = None
    marker_count: dict[str, int] = field(default_factory=dict)
    mandates: MandateView | None = None  # issue 16: markers and the "Mandates in this text" list


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _rich(rich: RichText, spans: Iterable[Span], page: _Page) -> str:  # noqa: C901 (13: one linear sweep of four kinds of bound)
    """Render ``rich`` with italics, footnote markers and outer ``spans`` (citations).

    Spans are kept outermost and are never nested in each other or cut by a
    marker, so the output is always well formed.
    """
    text = rich.text
    spans = sorted(spans, key=lambda s: s.start)
    if not spans and not rich.notes and not rich.italics:  # most paragraphs: the words alone
        return escape(text, quote=False)
    cuts = sorted({m.offset for m in rich.notes})
    outer = [s for s in spans if not _cut(s.start, s.end, cuts)]
    bounds = sorted({0, len(text), *cuts, *(x for s in outer for x in (s.start, s.end)), *(x for a, b in rich.italics for x in (a, b))})
    notes_at: dict[int, list[str]] = {}
    for mark in rich.notes:
        notes_at.setdefault(mark.offset, []).append(mark.number)

    out: list[str] = []
    span: Span | None = None
    italic = False
    # One sweep over the bounds (linear: a paragraph may hold thousands of citations): the spans
    # and italics begun so far, in order, dropping from the front those that have ended.
    begun: deque[Span] = deque()
    italics: deque[tuple[int, int]] = deque()
    next_span = next_italic = 0
    italic_spans = sorted(rich.italics)
    for i, pos in enumerate(bounds):
        nxt = bounds[i + 1] if i + 1 < len(bounds) else None
        while next_span < len(outer) and outer[next_span].start <= pos:
            begun.append(outer[next_span])
            next_span += 1
        while begun and begun[0].end <= pos:
            begun.popleft()
        while next_italic < len(italic_spans) and italic_spans[next_italic][0] <= pos:
            italics.append(italic_spans[next_italic])
            next_italic += 1
        while italics and italics[0][1] <= pos:
            italics.popleft()
        new_span = begun[0] if begun and nxt is not None else None
        new_italic = nxt is not None and bool(italics)
        if italic and (not new_italic or new_span is not span):
            out.append("</em>")
            italic = False
        if span is not None and new_span is not span:
            out.append(span.close)
            span = None
        for number in notes_at.get(pos, ()):
            out.append(_marker(number, page))
        if new_span is not None and span is None:
            out.append(new_span.open)
            span = new_span
        if new_italic and not italic:
            out.append("<em>")
            italic = True
        if nxt is not None:
            out.append(escape(text[pos:nxt], quote=False))
    return "".join(out)


def _cut(start: int, end: int, cuts: list[int]) -> bool:
    """Whether a cut (a sorted list of offsets) falls strictly inside ``start:end``."""
    k = bisect_right(cuts, start)
    return k < len(cuts) and cuts[k] < end


def _marker(number: str, page: _Page) -> str:
    if page.doc.footnote(number) is None:
        return f'<sup class="res-fnref res-fnref--missing">{escape(number)}</sup>'
    count = page.marker_count[number] = page.marker_count.get(number, 0) + 1
    n = _attr(number)
    return (
        f'<sup class="res-fnref" id="{anchors.note_ref(n, count)}">'
        f'<a href="#{anchors.footnote(n)}" role="doc-noteref" aria-describedby="{anchors.footnote(n)}" aria-label="Footnote {n}" data-note="{n}">{n}</a></sup>'
    )


def _cite_spans(key: str, page: _Page, text: str) -> list[Span]:
    cites = page.citations.get(key)
    if not cites:  # most texts cite nothing
        return []
    spans = (_cite_span(cite, page, text) for cite in cites)
    return [span for span in spans if span is not None]


def _cite_span(cite: Citation, page: _Page, text: str) -> Span | None:
    """One citation: another body's mark, a range, or a link; None when there is nothing to link to."""
    if cite.body:  # another body's resolution or decision: marked with its name, no link
        body = _attr(cite.body)
        return Span(cite.start, cite.end, f'<span class="res-cite-body" data-body="{body}" title="Adopted by the {body}">', "</span>")
    if len(cite.symbols) > 1:
        return _range_span(cite, page)
    preview: Mapping[str, str] = {}
    if cite.internal:
        if not cite.pinpoint or cite.pinpoint not in page.anchors:
            return None
        href, cls, symbol = "#" + cite.pinpoint, "res-cite res-cite--self", ""
    elif cite.symbols:
        target = page.linker.target(cite.symbols[0], cite.pinpoint, cite.through)
        href, preview = target.href, target.preview
        cls = "res-cite res-cite--internal" if target.internal else "res-cite res-cite--external"
        symbol = cite.symbols[0]
    else:
        return None
    if symbol and text[cite.start : cite.end] != symbol:
        cls += " res-cite--differs"  # print shows the symbol after words that are not it
    attrs = f'class="{cls}" href="{_attr(href)}"'
    for name, value in sorted(preview.items()):
        attrs += f' data-{name}="{_attr(value)}"'
    if symbol:
        attrs += f' data-symbol="{_attr(symbol)}"'
    attrs += _place_attrs(cite, page)
    return Span(cite.start, cite.end, f"<a {attrs}>", "</a>")


def _place_attrs(cite: Citation, page: _Page) -> str:
    """Where a link points inside the cited text: its pinpoint and the place named ("paragraph 14 to 17")."""
    attrs = ""
    through = cite.through if cite.through and (not cite.internal or cite.through in page.anchors) else None
    if cite.pinpoint:
        place = anchors.label(cite.pinpoint)
        if through:  # "paragraph 14 to 17"
            place += " to " + re.sub(r"^\D+", "", anchors.label(through))
        attrs += f' data-pinpoint="{_attr(cite.pinpoint)}" data-place="{_attr(place)}"'
    if through:
        attrs += f' data-through="{_attr(through)}"'
    return attrs


def _range_span(cite: Citation, page: _Page) -> Span:
    """A printed range of documents ("A/62/PV.117-120"): one piece of text linking the first,
    followed by the list of every member, shown on hover or focus and in print (citations.css)."""
    first = page.linker.target(cite.symbols[0])
    members = []
    for symbol in cite.symbols:
        target = page.linker.target(symbol)
        title = f' title="{_attr(target.preview["title"])}"' if target.preview.get("title") else ""
        members.append(f'<a class="res-range__member" href="{_attr(target.href)}"{title}>{escape(symbol)}</a>')
    symbols = _attr(" ".join(cite.symbols))
    return Span(
        cite.start, cite.end,
        f'<span class="res-range"><a class="res-range__link" href="{_attr(first.href)}" data-symbols="{symbols}">',
        f'</a><span class="res-range__members" data-pagefind-ignore>{" ".join(members)}</span></span>',
    )


@functools.lru_cache(maxsize=anchors.CACHED)
def _id_attrs(anchor: str) -> tuple[str, str]:
    """A paragraph's id escaped, and its ``data-label`` attribute (ids repeat from page to page)."""
    return _attr(anchor), f' data-label="{_attr(anchors.label(anchor))}"'


def _paragraph(para: Paragraph, page: _Page) -> str:
    """A paragraph: a ``<p>`` with its id, or a ``<div>`` around it and its sub-paragraphs.

    The printed number hangs in a gutter that the paragraph's own padding makes
    (class ``res-numbered``), so it stays inside the page at every width and in
    print. ``data-label`` is the place as a reader names it ("paragraph 7 (a)"),
    for the permalink's accessible name and "copy citation". Permalinks are added
    by resolutions.js, not sent: they would be a sixth of a long page.
    """
    anchor, label = _id_attrs(para.anchor)
    parts = []
    numbered = ""
    if para.number:
        shown = f"{para.number}." if para.role == "operative" and para.number.isdigit() else f"({para.number})"
        if para.number.endswith("."):  # an item of a numbered list, printed "1."
            shown = para.number
        parsed = anchors.parse(para.anchor)
        if para.role == "operative" and parsed is not None and parsed.kind in ("action", "item"):
            # "Action 30.", also in an annex: printed as a run-in heading, too long to hang
            runin = f"{anchors.Anchor(parsed.kind, para.number).label()}."
            parts.append(f'<strong class="res-num res-num--runin">{escape(runin)}</strong> ')
        else:
            numbered = " res-numbered"
            parts.append(f'<span class="res-num">{escape(shown)}</span> ')
    if para.lead:
        parts.append(f'<em class="res-lead">{escape(para.lead)}</em>')
        if para.body.text and para.body.text[0] not in ",.;:":
            parts.append(" ")
    parts.append(_rich(para.body, _cite_spans(para.anchor, page, para.body.text), page))
    count = page.graph.pinpoints.get(para.anchor) if page.graph else None
    if count:
        parts.append(
            f' <a class="res-citedby-count" href="#cited-by-{anchor}" '
            f'aria-label="Cited in {_places(count)} on this site">{count}</a>'
        )
    if page.mandates:
        parts.append(page.mandates.marker(para.anchor))
    classes = f"res-p {ROLE_CLASSES[para.role]}"
    if not para.children and not para.tables:
        return f'<p class="{classes}{numbered}" id="{anchor}"{label}>{"".join(parts)}</p>'
    children = "".join(
        _table(table, page, functools.partial(anchors.table_key, para.anchor, t)) for t, table in enumerate(para.tables, 1)
    )
    children += "".join(_paragraph(child, page) for child in para.children)
    return f'<div class="{classes}" id="{anchor}"{label}><p class="res-p__own{numbered}">{"".join(parts)}</p>{children}</div>'


_READ_FROM = {"pdf": "", "markdown": "", "text": "Table read from plain text: shown as extracted, columns as the extractor left them."}


def _table(table: Table, page: _Page, key: Callable[[int], str]) -> str:
    """A printed table: an HTML table (header cells with their scope, the printed caption) in a
    box that scrolls sideways on a narrow screen (a focusable region, so keyboards scroll it too)
    and prints whole; read from plain text, its lines as one preformatted block with a note."""
    pieces = iter(range(10**9))  # keys of Table.cells(), in its order: caption, lines, cells

    def cell(rich: RichText) -> str:
        at = key(next(pieces))
        return _rich(rich, _cite_spans(at, page, rich.text), page)

    caption = cell(table.caption) if table.caption is not None else ""
    name = f' aria-label="{_attr(table.caption.text)}"' if table.caption is not None else ' aria-label="Table"'
    if table.pre is not None:
        note = escape(_READ_FROM["text"])
        title = f'<span class="res-table__caption">{caption}</span> ' if caption else ""
        return (
            f'<figure class="res-table res-table--text"><div class="res-table__scroll" role="region" tabindex="0"{name}>'
            f'<pre class="res-table__pre">{cell(table.pre)}</pre></div>'
            f'<figcaption class="res-table__note">{title}{note}</figcaption></figure>'
        )
    rows = []
    for k, row in enumerate(table.rows):
        tag, scope = ("th", ' scope="col"') if k < table.header_rows else ("td", "")
        rows.append("<tr>" + "".join(f"<{tag}{scope}>{cell(c)}</{tag}>" for c in row) + "</tr>")
    head = f'<thead>{"".join(rows[: table.header_rows])}</thead>' if table.header_rows else ""
    body = f'<tbody>{"".join(rows[table.header_rows :])}</tbody>'
    cap = f"<caption>{caption}</caption>" if caption else ""
    return (
        f'<figure class="res-table"><div class="res-table__scroll" role="region" tabindex="0"{name}>'
        f"<table>{cap}{head}{body}</table></div></figure>"
    )


def _places(count: int) -> str:
    return f"{count} place" if count == 1 else f"{count} places"


def _heading(block: Heading, base: int, page: _Page) -> str:
    """``<h{base}>`` for a top heading of its part, one level deeper under a chapter; the printed
    title ("General provisions") on its own line inside the same heading."""
    level = min(base + block.level - 2, 6)
    anchor = f' id="{_attr(block.anchor)}"' if block.anchor else ""
    text = _rich(block.text, _cite_spans(anchors.heading_key(block.line), page, block.text.text), page)
    if block.title:
        text += f' <span class="res-heading__title">{_rich(block.title, (), page)}</span>'
    return f'<h{level} class="res-heading res-heading--{level}"{anchor}>{text}</h{level}>'


def _blocks(blocks: list[Block], base: int, page: _Page) -> str:
    return "\n".join(
        _heading(block, base, page) if isinstance(block, Heading) else _paragraph(block, page) for block in blocks
    )


def _annex(annex: Annex, page: _Page) -> str:
    name = escape(anchors.label(annex.anchor))  # "Annex I", "Annex"
    title = f' <span class="res-heading__title">{_rich(annex.title, (), page)}</span>' if annex.title.text else ""
    return (
        f'<section class="res-annex" id="{_attr(annex.anchor)}">'
        f'<h2 class="res-annex__title">{name}{title}</h2>\n'
        f"{_blocks(annex.blocks, 3, page)}</section>"
    )


def _footnote(note: Footnote, page: _Page) -> str:
    n = _attr(note.number)
    spans = _cite_spans(anchors.footnote(note.number), page, note.body.text)
    source = page.ibid.get(note.number)
    start = note.body.text.find("Ibid") if source else -1
    if source and start >= 0:
        said = f'title="{_attr(source)}" data-ibid="{_attr(source)}"'
        link = next((i for i, s in enumerate(spans) if s.start == start), None)
        if link is not None:  # "Ibid." is itself a citation link: say on the link what it stands for
            span = spans[link]
            spans[link] = Span(span.start, span.end, span.open.replace('class="res-cite', f'{said} class="res-ibid res-cite', 1), span.close)
        else:
            end = start + (5 if note.body.text[start + 4 : start + 5] == "." else 4)
            spans.append(Span(start, end, f'<abbr class="res-ibid" {said}>', "</abbr>"))
    refs = page.marker_count.get(note.number, 0)
    if refs == 1:
        back = anchors.note_ref(n, 1)
        backs = f'<a class="res-backref" href="#{back}" aria-label="Back to the text of footnote {n}">↩</a>'
    elif refs:  # "↩ a b c": one link per place the note is referenced from
        letters = " ".join(
            f'<a class="res-backref" href="#{anchors.note_ref(n, k)}" aria-label="Back to reference {_letter(k)} of footnote {n}">{_letter(k)}</a>'
            for k in range(1, refs + 1)
        )
        backs = f'<span class="res-backrefs"><span aria-hidden="true">↩</span> {letters}</span>'
    else:
        backs = ""
    printed = anchors.printed_number(note.number)  # "1-2": a second footnote printed as 1
    value = f' value="{_attr(printed)}"' if printed.isdigit() else f' data-mark="{_attr(printed)}"'  # "*" notes
    return f'<li id="{anchors.footnote(n)}"{value}><span class="res-fn__text">{_rich(note.body, spans, page)}</span> {backs}</li>'


def _letter(k: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa": the labels of a footnote's back-links."""
    out = ""
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(97 + r) + out
    return out


def _meta(doc: Document, page: _Page) -> str:
    meta = doc.meta
    rows = [
        ("Symbol", meta.symbol),
        ("Organ", meta.organ),
        ("Kind", meta.kind_line or (meta.kind.value if meta.kind.value != "document" else None)),
        ("Date", meta.date),
        ("Adopted", meta.adopted_on),
        ("Session", meta.session),
        ("Committee", meta.committee),
        ("Agenda item", " ".join(x for x in (meta.agenda_item, meta.agenda_title and f"— {meta.agenda_title}") if x) or None),
        ("Sponsors", meta.sponsor_line or ", ".join(meta.sponsors) or None),
        ("Amendment to", meta.amends),
        ("Report", meta.report),
        ("Distribution", meta.distribution),
        ("Original", meta.original_language),
    ]
    shown = {k: _starred(v, doc) if k == "Sponsors" else escape(v) for k, v in rows if v}
    if meta.amends:  # the amended draft (or the report holding it) linked, the words as printed
        shown["Amendment to"] = amends_html(meta.amends, page.linker)
    if meta.symbol:  # the official copy, named so a screen reader knows it leaves the site
        href = _attr(undocs_url(meta.symbol, page.linker.template))
        shown["Symbol"] = f'<a class="res-official" href="{href}" title="Official copy at undocs.org">{shown["Symbol"]}</a>'
    items = "".join(f"<div><dt>{escape(k)}</dt><dd>{v}</dd></div>" for k, v in shown.items())
    return f'<header class="res-meta"><dl class="res-meta__list">{items}</dl></header>'


def _starred(text: str, doc: Document) -> str:
    """The sponsor line, escaped, its "*" markers linked to the notes they call (issue 11)."""
    def link(m: re.Match[str]) -> str:
        star = m.group(0)
        if doc.footnote(star) is None:
            return star
        return f'<sup class="res-fnref"><a href="#{anchors.footnote(star)}" role="doc-noteref" aria-label="Note {star}">{star}</a></sup>'

    return re.sub(r"\*{1,3}", link, escape(text))


def _breadcrumb(doc: Document, page: _Page) -> str:
    """Browse › General Assembly › Eightieth session › Third Committee: the browse pages listing this one."""
    item = browse.placed(doc.meta, page.linker.page_url)
    key, label = browse.group_of(item)
    organ = f"{browse.ROOT}{browse.slug(item.organ)}/"
    group = f"{organ}{key}/"
    crumbs: list[tuple[str, str, str | None]] = [
        ("Browse", browse.ROOT, None),
        (item.organ, organ, None),
        (doc.meta.session or label, group, None),
    ]
    # The session page heads its plenary section "Plenary" only for the General Assembly.
    committee = item.committee or (browse.PLENARY if item.organ == browse.ORGAN_ORDER[0] else "")
    if committee:
        crumbs.append((committee, group, browse.slug(committee)))
    items = "".join(f'<li><a href="{_attr(page.linker.href(url, frag))}">{escape(text)}</a></li>' for text, url, frag in crumbs)
    return f'<nav class="res-crumbs" aria-label="Breadcrumb"><ol>{items}</ol></nav>'


def description(meta: Metadata, fallback: str = "") -> str:
    """The page's one-line summary for search engines and link previews: symbol and title."""
    return " — ".join(x for x in (meta.symbol, meta.title or (fallback if not meta.symbol else None)) if x)


def _lineage(graph: PageGraph) -> str:
    if not graph.lineage:
        return ""
    items = "".join(
        f'<li><a class="res-lineage__link res-lineage__changes" href="{_attr(href)}">{escape(f"{relation} {symbol}".strip())}</a></li>'
        if relation.startswith("Changes") else  # a changes page (render/changes.py)
        f'<li>{escape(relation)}: <a class="res-lineage__link" href="{_attr(href)}">{escape(symbol)}</a></li>'
        for relation, symbol, href in graph.lineage
    )
    return f'<nav class="res-lineage" aria-label="Related documents"><ul>{items}</ul></nav>'


def cited_by_html(graph: PageGraph, limit: int | None = CITED_BY_SHOWN) -> str:
    """Citing documents, each with deep links to the citing places; then, per pinpointed paragraph, its citers.

    On a document's own page at most ``limit`` citing documents (and a few places
    each) are shown, so its size does not grow with the site; ``graph.full_href``
    then leads to the page with them all.
    """
    if not graph.cited_by:
        return ""
    total = len(graph.cited_by)
    shown = graph.cited_by if limit is None else graph.cited_by[:limit]
    places = None if limit is None else CITED_PLACES_SHOWN
    out = [
        '<section class="res-citedby" aria-labelledby="cited-by">',
        f'<h2 id="cited-by">Cited by {total} document{"s" if total != 1 else ""} on this site</h2>',
    ]
    for doc in shown:
        title = f" — {escape(doc.title)}" if doc.title else ""
        out.append(f'<h3 class="res-citedby__doc"><a href="{_attr(doc.href)}">{escape(doc.symbol)}</a>{title}</h3><ul>')
        for place in doc.places[:places]:
            target = f' <span class="res-citedby__pin">(on {escape(anchors.label(place.pinpoint))})</span>' if place.pinpoint else ""
            out.append(
                f'<li><a href="{_attr(place.href)}">{escape(place.label)}</a>{target}: '
                f'<span class="res-citedby__excerpt">{escape(place.excerpt)}</span></li>'
            )
        if places is not None and len(doc.places) > places:
            rest = len(doc.places) - places
            out.append(f"<li>and {rest} more place{'s' if rest != 1 else ''}</li>")
        out.append("</ul>")
    if len(shown) < total and graph.full_href:
        out.append(f'<p class="res-citedby__all"><a href="{_attr(graph.full_href)}">All {total} citing documents</a></p>')
    for anchor in sorted(graph.pinpoints):
        items = [
            f'<li><a href="{_attr(p.href)}">{escape(d.symbol)}, {escape(p.label)}</a></li>'
            for d in graph.cited_by for p in d.places if p.pinpoint == anchor
        ]
        more = f"<li>and {len(items) - limit} more</li>" if limit is not None and len(items) > limit else ""
        out.append(
            f'<div class="res-citedby__pinpoint" id="cited-by-{_attr(anchor)}"><h3>Citing <a href="#{_attr(anchor)}">'
            f"{escape(anchors.label(anchor))}</a></h3><ul>{''.join(items[:limit])}{more}</ul></div>"
        )
    out.append("</section>")
    return "\n".join(out)


def render_document(
    doc: Document,
    linker: Linker,
    citations: Mapping[str, list[Citation]],
    ibid: Mapping[str, str] | None = None,
    graph: PageGraph | None = None,
    cited_by_limit: int = CITED_BY_SHOWN,
    mandates: MandateView | None = None,
    breadcrumb: bool = False,
) -> str:
    """The page body for ``doc``. ``citations`` maps a key of :meth:`Document.texts`
    to the citations found in that text; ``ibid`` a footnote number to what its Ibid. stands for."""
    if doc.fallback is not None:
        return (
            '<div class="res-doc res-doc--fallback">'
            '<p class="res-notice" role="note">This text could not be read as a resolution; it is shown as delivered.</p>'
            f"<pre>{escape(doc.fallback, quote=False)}</pre></div>"
        )
    page = _Page(doc, linker, citations, ibid or {}, doc.anchors(), graph, mandates=mandates)
    symbol = f' data-symbol="{_attr(doc.meta.symbol)}"' if doc.meta.symbol else ""
    parts = [f'<div class="res-doc"{symbol}>', _breadcrumb(doc, page) if breadcrumb else "", _meta(doc, page)]
    parts.append(_lineage(graph) if graph else "")
    parts.append(amendments_html(graph.amendments) if graph else "")
    parts.append(f'<h1 id="title" class="res-title">{escape(doc.meta.title or doc.meta.symbol or doc.path)}</h1>')
    parts.append(contents_html(outline(doc, cited_by=bool(graph and graph.cited_by))))
    parts.append(mandates.summary() if mandates else "")
    if doc.opening.text:
        parts.append(f'<p class="res-opening">{_rich(doc.opening, (), page)}</p>')
    for k, item in enumerate(reading_order(doc)):  # a part's annex stands between its part and the next
        if isinstance(item, Annex):
            parts.append(_annex(item, page))
        elif item or k == 0:
            parts.append(f'<div class="res-body">\n{_blocks(item, 2, page)}\n</div>')
    if doc.closing:
        parts.append(f'<p class="res-closing">{"<br>".join(escape(line) for line in doc.closing)}</p>')
    if doc.footnotes:
        notes = "\n".join(_footnote(note, page) for note in doc.footnotes)
        parts.append(
            '<section class="res-footnotes" role="doc-endnotes" aria-labelledby="footnotes">'
            f'<h2 id="footnotes">Notes</h2><ol>\n{notes}\n</ol></section>'
        )
    if graph:
        parts.append(cited_by_html(graph, cited_by_limit))
    parts.append("</div>")
    return "\n".join(p for p in parts if p)
