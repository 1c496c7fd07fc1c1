"""Citations in ordinary Markdown pages (the ``link_pages`` option).

A guide or commentary page that writes "resolution 65/232" or "A/RES/80/229,
para. 7" gets the same citation links and previews as a resolution text, and
is listed among the documents citing them. The citation finder is the core's
own (:func:`.citations.find_citations`). This module reads the Markdown source
for the citation graph, which must be known before any page is rendered;
:mod:`.render.prose` makes the links in the rendered page.
"""

from __future__ import annotations

import re

from . import anchors
from .citations import Citation, find_citations
from .corpus import Analysis
from .model import Document, Heading, Metadata, RichText

_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`]+|^\s{0,3}(?:#+|>|[-+*]|\d+\.)\s+", re.M)


def analyse_page(markdown: str, path: str, fallback_title: str) -> Analysis:
    """The citations of an ordinary page's Markdown, paragraph by paragraph, as a citing "document".

    Each paragraph is a heading-like block keyed by its source line, so the
    citation graph links to the page itself (a Markdown page has no paragraph ids).
    """
    text = _FRONT.sub(lambda m: "\n" * m.group().count("\n"), markdown)
    title = _TITLE.search(text)
    doc = Document(path, Metadata(title=title.group(1) if title else fallback_title))
    citations: dict[str, list[Citation]] = {}
    for line, words in _paragraphs(text):
        found = find_citations(words, organ=None, path=path, line=line)
        if found.citations:
            key = anchors.heading_key(line)
            doc.blocks.append(Heading(RichText(words), line))
            citations[key] = list(found.citations)
    return Analysis(doc, citations, {}, [])


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, plain words) of each paragraph of Markdown outside code blocks."""
    out: list[tuple[int, str]] = []
    lines: list[str] = []
    start, fenced = 0, False
    for n, line in enumerate(text.splitlines() + [""], 1):
        if _FENCE.match(line):
            fenced = not fenced
            line = ""
        if fenced or not line.strip() or line.startswith(("    ", "\t")):
            if lines:
                out.append((start, " ".join(_MD_MARKS.sub("", _MD_LINK.sub(r"\1", x)).strip() for x in lines)))
            lines = []
            continue
        if not lines:
            start = n
        lines.append(line)
    return out
