"""Read a delivered resolution text, in whatever form, into a :class:`Document`.

This is the only place that knows which forms exist. It decodes bytes, picks
the reader, applies front matter and hands the result to the structurer.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..model import Diagnostic, Document, Metadata
from ..structure import build_document
from ..symbols import normalize_symbol
from .raw import RawDocument

FRONT_MATTER_KEYS = ("symbol", "title")
_FRONT = re.compile(r"\A---[ \t]*\n((?:[A-Za-z_]+:[^\n]*\n){1,20})---[ \t]*(?:\n|\Z)")
# Markdown conversions show <sup> markers, # headings or *italic* lead phrases;
# plain text has none of them (its barcode "*2516593*" is digits, not a word).
_MARKDOWN_HINTS = re.compile(r"<sup>\s*\d|^\s{0,3}#{1,6}\s|^\s*[*_]{1,2}[A-Z][a-z]+[^*_\n]{0,60}[*_]{1,2}\s*[,\s]", re.M)


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
            notes.append(Diagnostic(path, line, "text is not UTF-8; read as Windows-1252 (Latin-1)"))
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


def is_markdown_form(text: str, path: str) -> bool:
    return path.endswith(".md") or bool(_MARKDOWN_HINTS.search(text[:20000]))


def read_source(data: bytes, path: str) -> Document:
    """Read one source file (text or PDF) into a document; never raises on bad input."""
    if data.startswith(b"%PDF"):
        from .pdf import read_pdf

        raw = read_pdf(data, path)
        if raw.paras or raw.footnotes or path.lower().endswith(".pdf"):
            return _finish(raw, {}, "")
        # "%PDF" began a text, not a PDF: read it as text rather than lose its words.
    text, notes = decode(data, path)
    if "\x00" in text:
        doc = Document(path, Metadata(), fallback=text.replace("\x00", "\ufffd"), diagnostics=notes)
        doc.warn(1, "binary content: published as a preformatted page")
        return doc
    if not text.strip():
        doc = Document(path, Metadata(), diagnostics=notes)
        doc.warn(1, "empty file: published as a page with no text")
        return doc
    text, front = _front_matter(text)
    if is_markdown_form(text, path):
        from .markdown import read_markdown

        raw = read_markdown(text, path)
    else:
        from .plaintext import read_plaintext

        raw = read_plaintext(text, path)
    raw.diagnostics[:0] = notes
    return _finish(raw, front, text)


def _finish(raw: RawDocument, front: dict[str, str], text: str) -> Document:
    doc = build_document(raw)
    for key, value in list(front.items()):
        # Control and bidirectional-override characters would disguise a symbol or a title.
        shown = " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Cf") else c for c in value).split())
        if shown != value:
            doc.warn(1, f"front matter {key} holds control or formatting characters; each is read as a space")
            front[key] = shown
    if front.get("symbol"):
        doc.meta.symbol = front["symbol"]
    if front.get("title"):
        doc.meta.title = front["title"]
    if not any(True for _ in doc.paragraphs()) and text.strip():
        doc.fallback = text
        doc.warn(1, "no paragraphs recognised: published as a preformatted page with a notice")
    return doc
