"""Citation links in an ordinary page's rendered HTML (the ``link_pages`` option).

Only text outside links, code, headings and scripts is read; each citation the
core finds there becomes the same link, with the same preview, as in a
resolution text (:func:`.html._cite_spans` makes both).
"""

from __future__ import annotations

import re
from html import escape, unescape

from ..citations import find_citations
from ..model import Document, Metadata
from .html import _cite_spans, _Page
from .links import Linker

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
# No links inside links, code, headings (their permalinks and the TOC) or scripts.
_NO_LINKS = {"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "template"}


def link_html(html: str, linker: Linker, path: str) -> str:
    """Rendered page HTML with every citation in its running text made a link with a preview."""
    out: list[str] = []
    closed: list[str] = []  # open elements that forbid links, innermost last
    pos = 0
    for tag in _TAG.finditer(html):
        out.append(_link_text(html[pos : tag.start()], linker, path) if not closed else html[pos : tag.start()])
        out.append(tag.group())
        pos = tag.end()
        name = _TAG_NAME.match(tag.group())
        if name is None or name.group(1).lower() not in _NO_LINKS or tag.group().endswith("/>"):
            continue
        if tag.group().startswith("</"):
            if closed and closed[-1] == name.group(1).lower():
                closed.pop()
        else:
            closed.append(name.group(1).lower())
    out.append(_link_text(html[pos:], linker, path) if not closed else html[pos:])
    return "".join(out)


def _link_text(segment: str, linker: Linker, path: str) -> str:
    text = unescape(segment)
    if not text.strip():
        return segment
    found = find_citations(text, organ=None, path=path)
    cites = [c for c in found.citations if not c.internal]  # "paragraph 3 above" means nothing on a web page
    if not cites:
        return segment
    page = _Page(Document(path, Metadata()), linker, {"text": cites}, {}, set())
    spans = sorted(_cite_spans("text", page, text), key=lambda s: s.start)
    out, at = [], 0
    for span in spans:
        if span.start < at:
            continue
        out += [escape(text[at : span.start], quote=False), span.open, escape(text[span.start : span.end], quote=False), span.close]
        at = span.end
    out.append(escape(text[at:], quote=False))
    return "".join(out)
