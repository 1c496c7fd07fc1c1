"""Reader for PDF-to-markdown conversions (the seed's form).

The converter leaves page furniture in the text: ``---`` page breaks, footnote
texts as ``<sup>N</sup> text`` paragraphs at page bottoms, and paragraphs split
where a page ended. This module removes the furniture, collects footnotes and
joins the split paragraphs; :mod:`..structure` does the rest.

Inline markup is parsed with markdown-it-py restricted to emphasis, ``<sup>``
and backslash escapes. Everything else (links, raw HTML, entities) stays as
literal text, because a source text must never become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from ..model import Footnote, NoteMark, RichText
from .cover import parse_cover
from .raw import RawDocument, RawPara

_MD = MarkdownIt("zero", {"html": True}).enable(["emphasis", "html_inline", "escape"])
_PAGE_BREAK = re.compile(r"^\s*(?:---+|\*\*\*+|___+)\s*$")
_FOOTNOTE_DEF = re.compile(r"^\s*<sup>\s*(\d{1,3})\s*</sup>\s*")
_SUP_OPEN = re.compile(r"^<sup>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"^</sup>$", re.IGNORECASE)
_MARKER_TEXT = re.compile(r"^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_OPENING = re.compile(r"^[*_]*The (General Assembly|Security Council|Economic and Social Council|Human Rights Council)[*_\s]*,")


@dataclass
class _Block:
    """A run of non-blank lines: one paragraph of the source."""

    line: int
    text: str
    after_break: bool  # a page break came between this block and the previous running text


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    buf: list[str] = []
    start = 0
    after_break = False
    for number, line in enumerate(lines, 1):
        if _PAGE_BREAK.match(line) or not line.strip():
            if buf:
                blocks.append(_Block(start, "\n".join(buf), after_break))
                buf, after_break = [], False
            if _PAGE_BREAK.match(line):
                after_break = True
            continue
        if not buf:
            start = number
        buf.append(line)
    if buf:
        blocks.append(_Block(start, "\n".join(buf), after_break))
    return blocks


def inline(source: str, raw: RawDocument, line: int) -> tuple[RichText, bool]:
    """Parse one paragraph's inline markdown into :class:`RichText`.

    Returns the text and whether all of it was bold (a heading hint).
    """
    rich = RichText()
    italic_start: list[int] = []
    sup: list[str] | None = None
    bold_chars = 0
    bold_depth = 0
    tokens = _MD.parseInline(source)[0].children or []
    for token in tokens:
        kind, content = token.type, token.content
        if sup is not None and not (kind == "html_inline" and _SUP_CLOSE.match(content)):
            sup.append(content if kind != "softbreak" else " ")
            continue
        if kind in ("text", "text_special"):
            rich.text += content
            if bold_depth:
                bold_chars += len(content.strip())
        elif kind in ("softbreak", "hardbreak"):
            rich.text += " "
        elif kind == "em_open":
            italic_start.append(len(rich.text))
        elif kind == "em_close" and italic_start:
            start = italic_start.pop()
            if len(rich.text) > start:
                rich.italics.append((start, len(rich.text)))
        elif kind == "strong_open":
            bold_depth += 1
        elif kind == "strong_close":
            bold_depth = max(0, bold_depth - 1)
        elif kind == "html_inline" and _SUP_OPEN.match(content):
            sup = []
        elif kind == "html_inline" and sup is not None:  # </sup>
            _close_sup("".join(sup), rich, raw, line)
            sup = None
        else:  # any other HTML stays literal text
            rich.text += content
    if sup is not None:
        raw.warn(line, "unclosed <sup>: its content is kept as text")
        rich.text += "<sup>" + "".join(sup)
    rich.italics.sort()
    visible = len(rich.text.strip())
    return rich, visible > 0 and bold_chars >= visible - 2


def _close_sup(content: str, rich: RichText, raw: RawDocument, line: int) -> None:
    if _MARKER_TEXT.match(content):
        for number in re.findall(r"\d+", content):
            rich.notes.append(NoteMark(len(rich.text), str(int(number))))
    else:  # a superscript that is not a marker ("20<sup>th</sup>"): keep its words
        rich.text += content


def _strip_markup(text: str) -> str:
    text = _HEADING.sub("", text)
    text = re.sub(r"<[^>]{0,40}>", "", text)
    return re.sub(r"(\*\*|__|[*_])", "", text).strip()


def _continues(prev: RichText, nxt: RichText) -> bool:
    """Whether ``nxt`` is the rest of a paragraph that a page break (or a stray blank line) cut."""
    head = nxt.text.lstrip()[:1]
    return bool(prev.text) and head.islower() and not prev.text.rstrip().endswith((".", ";", ":"))


def read_markdown(text: str, path: str) -> RawDocument:
    """Read a PDF-to-markdown conversion into paragraphs and footnotes."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    opening = next((i for i, b in enumerate(blocks) if _OPENING.match(b.text.strip())), None)
    last = len(lines) if opening is None else blocks[opening].line + blocks[opening].text.count("\n")
    cover_lines = [(n, _strip_markup(line)) for n, line in enumerate(lines[:last], 1) if not _PAGE_BREAK.match(line)]
    cover = parse_cover(cover_lines, path)
    raw = RawDocument(path, cover.meta, diagnostics=list(cover.diagnostics))
    body = blocks[opening:] if opening is not None else _after_cover(blocks, cover_lines, cover.body_start)

    for block in body:
        if m := _FOOTNOTE_DEF.match(block.text):
            rich, _ = inline(block.text[m.end():], raw, block.line)
            raw.footnotes.append(Footnote(m.group(1), rich.strip(), block.line))
            continue
        rich, bold = inline(block.text, raw, block.line)
        heading = bool(_HEADING.match(block.text)) or bold
        if raw.paras and not heading and _continues(raw.paras[-1].text, rich):
            raw.paras[-1].text.append(rich, " ")
            continue
        raw.paras.append(RawPara(rich, block.line, heading))
    return raw


def _after_cover(blocks: list[_Block], cover_lines: list[tuple[int, str]], body_start: int) -> list[_Block]:
    """Blocks after the cover when no opening line was found."""
    if body_start >= len(cover_lines):
        return []
    first_line = cover_lines[body_start][0]
    return [b for b in blocks if b.line + b.text.count("\n") >= first_line]
