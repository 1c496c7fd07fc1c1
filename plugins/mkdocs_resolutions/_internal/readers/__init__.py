"""Undo the delivery form of a resolution text: bytes in, a :class:`RawDocument` out.

This is the only place that knows which forms exist. It decodes bytes, reads
front matter and picks the reader; :mod:`..parse` hands the result to the
structurer. Nothing here imports the structurer, which imports :mod:`.raw`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from dataclasses import dataclass, field

from ..model import Diagnostic, Document, Metadata
from ..symbols import normalize_symbol
from .raw import RawDocument

FRONT_MATTER_KEYS = ("symbol", "title")
_FRONT = re.compile(r"\A---[ \t]*\n((?:[A-Za-z_]+:[^\n]*\n){1,20})---[ \t]*(?:\n|\Z)")
# Markdown conversions show <sup> markers, # headings or *italic* lead phrases;
# plain text has none of them (its barcode "*2516593*" is digits, not a word).
_MARKDOWN_HINTS = re.compile(r"<sup>\s*\d|^\s{0,3}#{1,6}\s|^\s*[*_]{1,2}[A-Z][a-z]+[^*_\n]{0,60}[*_]{1,2}\s*[,\s]", re.M)
# What each hint needs wherever it stands: a text with none of it (nearly every plain text) is
# not searched with the hints, whose line-start anchors make the search try every position.
_ITALIC_LEAD = re.compile(r"[*_]{1,2}[A-Z][a-z]+[^*_\n]{0,60}[*_]{1,2}\s*[,\s]")


def decode(data: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Bytes to text with LF line ends; odd encodings are read, never refused."""
    notes: list[Diagnostic] = []
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            text = data.decode("cp1252", errors="replace")
            notes.append(Diagnostic(path, line, "text is not UTF-8; read as Windows-1252 (Latin-1)", code="not-utf8"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notes


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Our own small front matter: only plain ``key: value`` strings, only known keys.

    The block is blanked rather than cut so that line numbers in warnings still
    match the file.
    """
    m = _FRONT.match(text)
    if not m:
        return text, {}
    values = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip() in FRONT_MATTER_KEYS:
            values[key.strip()] = value.strip().strip("\"'")
    return "\n" * m.group(0).count("\n") + text[m.end():], values


def _clean_front(front: dict[str, str], path: str) -> list[Diagnostic]:
    """Control and bidirectional-override characters would disguise a symbol or a title: each is read as a space."""
    notes = []
    for key, value in front.items():
        shown = " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Cf") else c for c in value).split())
        if shown != value:
            notes.append(Diagnostic(path, 1, f"front matter {key} holds control or formatting characters; each is read as a space",
                                    code="front-matter-control"))
            front[key] = shown
    return notes


_ORGAN_LINE = re.compile(r"(General Assembly|Security Council|Economic and Social Council)(?:\s+Distr\.:.*)?")
_DISTR_LINE = re.compile(r"(?:.*\s)?Distr\.:\s*\S.*")
_SYMBOL_LINE = re.compile(r"(?:United Nations\s+)?(\S{3,80})(?:\s+United Nations)?")
_MARKUP = re.compile(r"^\s{0,3}#{1,6}\s+|[*_]+")


def has_un_cover(text: str) -> bool:
    """Whether ``text`` opens with a UN cover block: its symbol, the organ and ``Distr.:`` each on a
    line of its own among the first lines. Headings naming the organs are not enough: an ordinary
    page about the United Nations stays an ordinary page."""
    lines = [_MARKUP.sub("", line).strip() for line in _front_matter(text[:4000])[0].split("\n")]
    lines = [line for line in lines if line][:25]
    symbol = any((m := _SYMBOL_LINE.fullmatch(line)) and normalize_symbol(m.group(1)) for line in lines)
    organ = any(_ORGAN_LINE.fullmatch(line) for line in lines)
    return symbol and organ and any(_DISTR_LINE.fullmatch(line) for line in lines)


def _is_text(data: bytes) -> bool:
    """UTF-8 without NUL bytes: what a "%PDF" file that PDFium cannot open must be to be read as text."""
    try:
        return "\x00" not in data.decode("utf-8")
    except UnicodeDecodeError:
        return False


def is_markdown_form(text: str, path: str) -> bool:
    if path.endswith(".md"):
        return True
    head = text[:20000]
    return _may_hint(head) and bool(_MARKDOWN_HINTS.search(head))


def _may_hint(head: str) -> bool:
    """Whether ``head`` holds a "<sup>", a "#" or an italic lead anywhere (found by ``str.find``, fast)."""
    if "<sup>" in head or "#" in head:
        return True
    for mark in "*_":
        at = head.find(mark)
        while at != -1:
            if _ITALIC_LEAD.match(head, at):
                return True
            at = head.find(mark, at + 1)
    return False


@dataclass
class Delivered:
    """What the readers made of one file: its paragraphs, or a page to publish as it is."""

    raw: RawDocument | None = None  # None when ``verbatim`` holds the page
    front: dict[str, str] = field(default_factory=dict)  # front matter: "symbol", "title"
    text: str = ""  # the decoded text ("" for a PDF): shown verbatim if no paragraph is found
    verbatim: Document | None = None  # binary or empty content


def read_delivered(data: bytes, path: str) -> Delivered:
    """Read one source file (text or PDF) with the reader for its form; never raises on bad input."""
    not_pdf: list[Diagnostic] = []
    if data.startswith(b"%PDF"):
        from .pdf import read_pdf
        from .pdf_glyphs import opens_as_pdf

        raw = read_pdf(data, path)
        if raw.paras or raw.footnotes or (path.lower().endswith(".pdf") and (opens_as_pdf(data) or not _is_text(data))):
            return Delivered(raw)
        # "%PDF" began a text, not a PDF: read it as text rather than lose its words.
        not_pdf.append(
            Diagnostic(path, 1, "starts with %PDF but is not a PDF that can be opened: read as text", code="pdf-as-text")
        )
    text, notes = decode(data, path)
    notes[:0] = not_pdf
    if "\x00" in text:
        doc = Document(path, Metadata(), fallback=text.replace("\x00", "\ufffd"), diagnostics=notes)
        doc.warn(1, "binary content: published as a preformatted page", code="binary-content")
        return Delivered(verbatim=doc)
    if not text.strip():
        doc = Document(path, Metadata(), diagnostics=notes)
        doc.warn(1, "empty file: published as a page with no text", code="empty-file")
        return Delivered(verbatim=doc)
    text, front = _front_matter(text)
    notes += _clean_front(front, path)
    if is_markdown_form(text, path):
        from .markdown import read_markdown

        raw = read_markdown(text, path)
    else:
        from .plaintext import read_plaintext

        raw = read_plaintext(text, path)
    raw.diagnostics[:0] = notes
    return Delivered(raw, front, text)
