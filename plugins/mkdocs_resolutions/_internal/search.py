"""What a page tells Pagefind's search index (``indexer`` runs Pagefind).

Each resolution page is wrapped in ``data-pagefind-body`` (so browse pages,
which name every symbol, stay out of the index) and carries a heavily weighted line of the forms its
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

import re
from html import escape

from . import anchors
from .model import Document, Heading, Metadata

# Page furniture that would pollute words and excerpts ("kidnapping11", "¶"), and text
# that is not the document's own: its header's field labels, links to related
# documents, and the cited-by section (sentences of the documents citing it).
EXCLUDE = (
    "sup.res-fnref", ".res-permalink", ".res-backref", ".res-notice",
    ".res-meta", ".res-lineage", ".res-citedby", ".res-citedby-count",
)
BODY_MARK = b"data-pagefind-body"  # a page holding it is indexed (Pagefind then ignores pages without it)
# What Pagefind reads outside a page's body: a data-pagefind-* attribute, and the page's first
# <h1> and <img> (its title and image when the body has none).
_READ_OUTSIDE = re.compile(r"data-pagefind|<(?:h1|img)\b", re.IGNORECASE)
_H1_IMG = re.compile(r"<(?:h1|img)\b")  # the same in a lower-cased part (a literal start: 9x quicker)


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


def indexed_part(html: str) -> str:
    """A written page as Pagefind needs it: without what lies between its head and the first thing
    Pagefind reads (a theme's header and navigation, a fifth of a page), so it parses less; and
    with the ids of its body's paragraphs on empty elements (see :func:`bare_anchors`).

    Pagefind indexes the same words and meta either way (tested against its command line).
    """
    head = html.find("</head>")
    cut = _first_read(html, head) if head >= 0 else -1
    if cut > head:
        html = html[:head] + "</head><body>" + html[cut:]
    return bare_anchors(html, html.find(BODY_MARK.decode()))


def _first_read(html: str, head: int) -> int:
    """Where the tag of the first data-pagefind attribute after ``head`` starts; -1 when an ``<h1>`` or
    ``<img>`` comes first, or none. Found in lower case at C speed; the rare page with something
    Pagefind reads written otherwise before it is searched again letter by letter."""
    mark = html.find("data-pagefind", head)
    if mark < 0 or "data-pagefind" in html[head:mark].lower() or _H1_IMG.search(html[head:mark].lower()):
        first = _READ_OUTSIDE.search(html, head)
        if first is None or not first.group().lower().startswith("data-pagefind"):
            return -1
        mark = first.start()
    return html.rfind("<", head, mark)


# An id attribute (Pagefind's anchor), found by its literal start: the regex engine skips to each "id" at
# C speed (a leading \s or a look-behind made the search 7x slower). A start tag holding one id, but not a
# heading's (its anchor keeps its text: Pagefind's own results show it), nor one whose own data-pagefind-ignore
# or -body decides whether it is an anchor: its name and other attributes, the id, the rest; as HTML spells them.
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_NAME = r"""(?!(?i:id|data-pagefind-(?:ignore|body))[\s=/>])[^\s"'>/=]+"""
_ATTR = rf"""\s+{_NAME}(?:\s*=\s*{_VALUE})?"""
_ID = re.compile(rf"id\s*=\s*{_VALUE}")
_ID_TAG = re.compile(rf"<(?![hH][1-6][\s/>])([a-zA-Z][^\s/>]*(?:{_ATTR})*)\s+((?i:id)\s*=\s*{_VALUE})((?:{_ATTR})*\s*/?>)")
# Elements whose content Pagefind reads as text, tags and all (and indexes: neither is removed): a page
# holding one is handed as it is, lest a tag-like string in it be rewritten.
_TEXT_ONLY = re.compile(r"<(?:textarea|title)\b", re.IGNORECASE)


def bare_anchors(html: str, start: int = 0) -> str:
    """``html`` with each id after ``start`` (but a heading's) moved onto an empty ``<span>`` just before its element.

    Pagefind records every element with an id as an anchor: its id, the word where it starts, and
    all its text. The search box reads only the id and the word (``search.js``), so a paragraph's
    text stored again in its anchor doubled each fragment a reader downloads and Pagefind compresses.
    An empty element at the same place is the same anchor (id, word) without the text; the page's
    words are untouched. A tag this cannot read for certain is left as it is.
    """
    if start < 0 or _TEXT_ONLY.search(html, start):
        return html
    out = [html[:start]]
    done = start  # html[:done] is in out
    for found in _ID.finditer(html, start):
        at = found.start()
        lt = html.rfind("<", done, at) if at >= done else -1
        tag = _ID_TAG.match(html, lt) if lt >= 0 else None
        if tag is None or tag.start(2) != at:  # not an attribute ("valid =", "data-id"), or not one to move
            continue
        out += [html[done:lt], "<span ", tag.group(2), "></span><", tag.group(1), tag.group(3)]
        done = tag.end()
    if done == start:
        return html
    out.append(html[done:])
    return "".join(out)
