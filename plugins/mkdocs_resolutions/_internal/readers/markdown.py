"""Reader for PDF-to-markdown conversions (the seed's form and pymupdf4llm's).

The converters leave the PDF's page furniture in the text and this module
removes it, collects footnotes and joins paragraphs split where a page ended;
:mod:`..structure` does the rest. Two families are read:

* the seed: ``---`` page breaks, footnotes as ``<sup>N</sup> text`` paragraphs
  (running text may follow them on the same page);
* pymupdf4llm: job number and barcode (``25-16593 (E)    201025 **_*2516593*_**``),
  page counters (``**2/24**``), running headers (``**A/C.3/80/L.3**``, the bold
  running title), footnotes at the page bottom as list items (``- 1  text``),
  quotes (``> 2  text``) or plain lines (``8  text``), ``_Lead_ ,`` italics with a
  stray space before punctuation, and ``<!-- Start of picture text -->`` blocks.

A footnote is only taken where the PDF puts one: at the bottom of a page, with
the next number in sequence, and (for plain lines) after its marker was seen.

Inline markup is parsed with markdown-it-py restricted to emphasis, ``<sup>``
and backslash escapes. Everything else (links, raw HTML, entities) stays as
literal text, because a source text must never become markup.

Nothing is lost: :func:`read_markdown_parts` also returns every line taken out
as furniture and every repair made, so tests can prove the words add up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from ..conventions import (
    BARCODE, CLOSING, DATE, FOOTNOTE_MARK, JOB_LANGUAGE, JOB_NUMBER, JOB_STAMP, LETTER_LABEL, MONTH_ALT, NUMBER_LABEL, OPENING,
    OPERATIVE_NUMBER, PAGE_COUNTER, PART_MARK, RUNNING_SYMBOL, STAR_MARK,
)
from ..hyphens import RUN_TOGETHER, DroppedHyphens
from ..model import Diagnostic, Footnote, NoteMark, RichText, Table
from .cover import parse_cover
from .raw import RawDocument, RawPara
from .text_tables import pipe_table

__all__ = ["read_markdown", "read_markdown_parts", "MarkdownParts", "inline"]

_MD = MarkdownIt("zero", {"html": True}).enable(["emphasis", "html_inline", "escape"])
_PAGE_BREAK = re.compile(r"^\s*(?:---+|\*\*\*+|___+)\s*$")
_SUP_NOTE = re.compile(rf"^\s*<sup>\s*({FOOTNOTE_MARK})\s*</sup>\s*")
_SUP_OPEN = re.compile(r"^<sup>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"^</sup>$", re.IGNORECASE)
_SUP_ANY = re.compile(r"<sup>([\d,\s]*)</sup>", re.IGNORECASE)  # one class, no nested repeats: linear
_MARKER_TEXT = re.compile(r"^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_OPENING = re.compile(rf"^(?:#{{1,6}}\s+)?[*_]*{OPENING}[*_\s]*,")
_PART_MARK = re.compile(PART_MARK)

# Page furniture (whole lines, markup included).
_BARCODE = rf"\*\*_?{BARCODE}_?\*\*"
_FURNITURE = [
    re.compile(rf"^{JOB_NUMBER}(?:{JOB_LANGUAGE})?(?:\s+{JOB_STAMP})?(?:\s+{_BARCODE})?$"),  # job number line
    re.compile(rf"^{_BARCODE}$"),
    re.compile(rf"^\*\*{PAGE_COUNTER}\*\*$"),  # page counter
    re.compile(rf"^\*\*{RUNNING_SYMBOL}\*\*$"),  # running header: the symbol
]
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*$")
_PICTURE = re.compile(r"<!-- (?:Start|End) of picture text -->")

# Footnote definitions at a page bottom: "- 1  text", "> 2  text", "8  text", "* On behalf of ...".
_NOTE_LINE = re.compile(r"^(?P<prefix>(?:[-+]|>)\s+)?(?P<num>\d{1,3})\s+(?P<text>\S.*)$")
_STAR_LINE = re.compile(rf"^(?:>\s+)?(?:[-+]\s+)?(?P<num>{STAR_MARK})\s+(?P<text>\S.*)$")
_QUOTE = re.compile(r"^>\s?")
_LIST = re.compile(r"^\s*[-+*]\s+(?!\*)")
_LABEL_START = re.compile(rf"^(?:{OPERATIVE_NUMBER}\s|(?:{LETTER_LABEL}|{NUMBER_LABEL})\s)")
_PARA_START = re.compile(rf"^(?:{OPERATIVE_NUMBER}\s|{LETTER_LABEL}\s|_[A-Z])")

_CLOSING_ONE_LINE = re.compile(rf"^_({CLOSING}) ({DATE})_\s*$")
_ITALIC_PUNCT = re.compile(r"\s_([,;:.])_(?=\s|$)")
_ITALIC_PUNCT_OPEN = re.compile(r"\s_([,;:.])\s+(?=[^\s_])")
# Converter slips repaired in place (recorded as repairs).
_NUMBER_IN_ITALICS = re.compile(r"^(\d{1,3}) _\. (?=\S)")  # "61 _. Welcomes_" -> "61. _Welcomes_"
# Two paragraphs the converter ran together: "...processes; 16. _Expresses_", "...refugees, _Condemning_ all".
_MERGED = re.compile(
    r"(?<=[;:.,]) (?=\d{1,3}\. _[A-Z])|(?<=[,;]) (?=_[A-Z][a-z]+(?:ing|ed)_ )|(?<=[;:]) (?=\([a-z]{1,4}\) [A-Z])"
)
_SPLIT_CAPITAL = re.compile(r"^(\d{1,3}\.\s+)([A-Z]) _([a-z])")  # "19. C _alls upon_" -> "19. _Calls upon_"


@dataclass
class MarkdownParts:
    """What was taken out of the running text or changed in it, for word accounting."""

    cover: list[tuple[int, str]] = field(default_factory=list)  # cover lines (markup kept)
    furniture: list[tuple[int, str]] = field(default_factory=list)  # page furniture removed
    repairs: list[tuple[int, str, str]] = field(default_factory=list)  # (line, as delivered, as read)


@dataclass
class _Block:
    """A run of non-blank running-text lines: one paragraph of the source, or part of one."""

    line: int
    text: str
    after_break: bool  # page furniture or footnotes came between this block and the previous running text
    picture: bool = False  # from a converter's picture-text box ("97th plenary meeting<br>1 July 2024")


# --- inline markup ------------------------------------------------------------------------------


def inline(source: str, raw: RawDocument, line: int) -> tuple[RichText, bool]:
    """Parse one paragraph's inline markdown into :class:`RichText`.

    Returns the text and whether all of it was bold (a heading hint). The space
    pymupdf4llm puts between a closing ``_``/``**`` and punctuation
    (``_The General Assembly_ ,``) is dropped.
    """
    # "approach _,_ reducing", "Somalia _, stresses_": punctuation in italics is the converter's doing
    source = _ITALIC_PUNCT.sub(r"\1", source)
    source = _ITALIC_PUNCT_OPEN.sub(r"\1 _", source)
    reader = _Inline(raw, line)
    for token in _MD.parseInline(source)[0].children or []:
        reader.token(token.type, token.content)
    return reader.result()


@dataclass
class _Inline:
    """The state of reading one paragraph's inline tokens."""

    raw: RawDocument
    line: int
    rich: RichText = field(default_factory=RichText)
    italic_start: list[int] = field(default_factory=list)
    sup: list[str] | None = None  # inside <sup>: its content so far
    bold_chars: int = 0
    bold_depth: int = 0
    closed: bool = False  # the previous token closed emphasis
    unmatched: bool = False  # a stray "*" was reported for this paragraph

    def token(self, kind: str, content: str) -> None:
        if self.sup is not None and not (kind == "html_inline" and _SUP_CLOSE.match(content)):
            self.sup.append(content if kind != "softbreak" else " ")
            return
        if kind in ("text", "text_special"):
            self.text(kind, content)
        elif kind in ("softbreak", "hardbreak"):
            self.rich.text += " "
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            self.emphasis(kind, content)
        elif kind == "html_inline" and _SUP_OPEN.match(content):
            self.sup = []
        elif kind == "html_inline" and self.sup is not None:  # </sup>
            _close_sup("".join(self.sup), self.rich)
            self.sup = None
        else:  # any other HTML stays literal text
            self.rich.text += content
        self.closed = kind in ("em_close", "strong_close") or (self.closed and kind in ("em_open", "strong_open"))

    def text(self, kind: str, content: str) -> None:
        if self.closed and re.match(r" [,;:.)\]]", content):
            content = content[1:]
        if kind == "text" and "*" in content and not self.unmatched:
            self.unmatched = True
            self.raw.warn(self.line, "an '*' that opens or closes no emphasis is kept as a literal asterisk", code="stray-asterisk")
        self.rich.text += content
        if self.bold_depth:
            self.bold_chars += len(content.strip())

    def emphasis(self, kind: str, content: str) -> None:
        if kind == "em_open":
            self.italic_start.append(len(self.rich.text))
        elif kind == "em_close" and self.italic_start:
            start = self.italic_start.pop()
            if len(self.rich.text) > start:
                self.rich.italics.append((start, len(self.rich.text)))
        elif kind == "strong_open":
            self.bold_depth += 1
        elif kind == "strong_close":
            self.bold_depth = max(0, self.bold_depth - 1)
        else:  # an unmatched closing "_"
            self.rich.text += content

    def result(self) -> tuple[RichText, bool]:
        if self.sup is not None:
            self.raw.warn(self.line, "unclosed <sup>: its content is kept as text", code="unclosed-sup")
            self.rich.text += "<sup>" + "".join(self.sup)
        self.rich.merge_italics()
        visible = len(self.rich.text.strip())
        return self.rich, visible > 0 and self.bold_chars >= visible - 2


def _close_sup(content: str, rich: RichText) -> None:
    if _MARKER_TEXT.match(content):
        for number in re.findall(r"\d+", content):
            rich.notes.append(NoteMark(len(rich.text), str(int(number))))
    else:  # a superscript that is not a marker ("20<sup>th</sup>"): keep its words
        rich.text += content


def _strip_markup(text: str) -> str:
    """A cover line without its markdown: emphasis marks and <sup> tags dropped, but a
    word boundary kept where they stood ("title<sup>1</sup>The" is "title 1 The")."""
    text = _HEADING.sub("", text)
    text = re.sub(r"</?sup>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<=\w)(\*\*|__|[*_])(?=\w)", " ", text)
    text = re.sub(r"(\*\*|__|[*_])", "", text)
    return re.sub(r"\s+([,;:.])", r"\1", re.sub(r"\s+", " ", text)).strip()


def _line_body(text: str) -> tuple[str, bool]:
    """A running-text line without its block prefix (heading, quote, list, indent); and whether it was a heading."""
    heading = bool(_HEADING.match(text))
    text = _HEADING.sub("", text)
    text = _QUOTE.sub("", text.lstrip())
    if m := _LIST.match(text):
        rest = text[m.end():]
        text = rest if _LABEL_START.match(rest) else "\u2022 " + rest
    return text.strip(), heading


# --- lines and pages ----------------------------------------------------------------------------


def _expand(lines: list[str], parts: MarkdownParts, start: int) -> list[tuple[int, str]]:
    """Number the body lines; split picture-text boxes at ``<br>`` into lines of their own."""
    out: list[tuple[int, str]] = []
    in_picture = False
    for number, line in enumerate(lines[start:], start + 1):
        if _PICTURE.search(line) or in_picture:
            for m in _PICTURE.finditer(line):
                parts.furniture.append((number, m.group(0)))
                in_picture = "Start" in m.group(0)
            pieces = _PICTURE.sub("", line).split("<br>")
            for piece in pieces:
                out += [(number, ""), (number, "\x00" + piece.strip())] if piece.strip() else []
            out.append((number, ""))
            continue
        out.append((number, line.rstrip()))
    return out


def _is_furniture(text: str) -> bool:
    s = text.strip()
    if _PAGE_BREAK.match(s) or any(p.match(s) for p in _FURNITURE):
        return True
    return False


def _is_running_title(text: str, title: str) -> bool:
    m = _BOLD_LINE.match(text.strip())
    if not m or not title:
        return False
    words = " ".join(_strip_markup(m.group(1)).split())
    return len(words) >= 3 and words in title


def _pages(lines: list[tuple[int, str]], title: str, parts: MarkdownParts) -> list[list[tuple[int, str]]]:
    """Cut the body at page furniture; the furniture lines go to ``parts``.

    A bold line holding (part of) the document title is a running header when it
    stands next to other furniture.
    """
    flags = [_is_furniture(t) if t.strip() else None for _n, t in lines]
    changed = True
    while changed:
        changed = False
        for k, (_n, t) in enumerate(lines):
            if flags[k] is False and _is_running_title(t, title):
                near = [flags[j] for j in (_neighbour(flags, k, -1), _neighbour(flags, k, 1)) if j is not None]
                if any(near):
                    flags[k] = changed = True
    pages: list[list[tuple[int, str]]] = [[]]
    for k, (n, t) in enumerate(lines):
        if flags[k]:
            parts.furniture.append((n, t.strip()))
            if pages[-1]:
                pages.append([])
            continue
        pages[-1].append((n, t))
    return [p for p in pages if any(t.strip() for _n, t in p)]


def _neighbour(flags: list[bool | None], k: int, step: int) -> int | None:
    j = k + step
    while 0 <= j < len(flags) and flags[j] is None:
        j += step
    return j if 0 <= j < len(flags) else None


# --- footnotes ----------------------------------------------------------------------------------


@dataclass
class _Note:
    number: str
    line: int
    texts: list[str]


def _note_start(
    text: str, expected: int, seen: set[str], defined: set[str], in_zone: bool = False
) -> tuple[str, str] | None:
    """``(number, text)`` when ``text`` starts a footnote definition that may stand here."""
    s = text.strip()
    if m := _STAR_LINE.match(s):
        return (m["num"], m["text"]) if m["num"] not in defined else None
    m = _NOTE_LINE.match(s)
    if not m or m["text"].startswith(("_.", ". ")):
        return None
    number = str(int(m["num"]))
    if number in defined:
        return None
    strong = m["prefix"] is not None or in_zone
    if int(number) == expected and (strong or number in seen):
        return number, m["text"]
    if number in seen and strong:  # out of sequence ("13" printed before "12"): its marker was seen
        return number, m["text"]
    return None


def _page_notes(page: list[tuple[int, str]], state: _NoteState) -> tuple[list[tuple[int, str]], list[_Note]]:
    """Split a page into running-text lines and the footnotes at its bottom."""
    body: list[tuple[int, str]] = []
    notes: list[_Note] = []
    k = 0
    while k < len(page):
        n, t = page[k]
        start = _note_start(t, state.expected, state.seen, state.defined) if t.strip() else None
        if start is None or not _bottom(page, k):
            body.append((n, t))
            state.seen.update(x for grp in _SUP_ANY.findall(t) for x in re.findall(r"\d+", grp))
            k += 1
            continue
        # From here to the page end: footnotes (and their continuation lines).
        for n2, t2 in page[k:]:
            if not t2.strip():
                continue
            begin = _note_start(t2, state.expected, state.seen, state.defined, in_zone=True)
            if begin is not None:
                notes.append(_Note(begin[0], n2, []))
                state.defined.add(begin[0])
                if begin[0].isdigit():
                    state.expected = int(begin[0]) + 1
                rest = begin[1]
            else:
                rest = _line_body(t2)[0]
            # Two footnotes on one line: "51 See CTOC/COP/2020/10, sect. I.A. 52 See CTOC/COP/2018/13, sect. I.A."
            while (m := re.search(rf"(?<=\S) +({state.expected}) +(?=\S)", rest)) and m.group(1) in state.seen:
                notes[-1].texts.append(rest[: m.start()])
                notes.append(_Note(m.group(1), n2, []))
                state.defined.add(m.group(1))
                state.expected += 1
                rest = rest[m.end():]
            notes[-1].texts.append(rest)
        break
    return body, notes


def _bottom(page: list[tuple[int, str]], k: int) -> bool:
    """Whether line ``k`` starts the bottom of its page: nothing after it looks like a new paragraph."""
    for _n, t in page[k + 1 :]:
        s = t.strip()
        if s and (_PARA_START.match(s) or _HEADING.match(s)) and not _NOTE_LINE.match(s.lstrip(">-+ ")):
            return False
    return True


@dataclass
class _NoteState:
    expected: int = 1
    seen: set[str] = field(default_factory=set)
    defined: set[str] = field(default_factory=set)


# --- blocks and joins ---------------------------------------------------------------------------


def _blocks(pages: list[list[tuple[int, str]]]) -> list[_Block]:
    blocks: list[_Block] = []
    for page in pages:
        buf: list[str] = []
        start = 0
        first = True
        picture = False
        for n, t in page + [(0, "")]:
            if not t.strip():
                if buf:
                    blocks.append(_Block(start, "\n".join(buf), first and bool(blocks), picture))
                    buf, first, picture = [], False, False
                continue
            if not buf:
                start = n
            if t.startswith("\x00"):
                t, picture = t[1:], True
            buf.append(t)
    return blocks


_TERMINAL = re.compile(r"[.;:,!?][\"'”’)\]]*\s*$")


def _continues(prev: RawPara, nxt: RichText, block: _Block, heading: bool) -> bool:
    """Whether ``nxt`` is the rest of ``prev``, cut by a page break or by the converter."""
    head = nxt.text.lstrip()
    if not prev.text.text or not head or prev.heading or block.picture:
        return False
    if _LABEL_START.match(head) or re.match(rf"\d{{1,3}}\s+_?(?!{MONTH_ALT})[A-Z]", head):
        return False
    open_end = not _TERMINAL.search(prev.text.text)
    if head.startswith("\u2022 ") and prev.text.text.startswith("\u2022 "):
        return False  # the next item of a bulleted list
    if block.after_break:
        return open_end or head[:1].islower() or head[:1] in ",;:.)"
    return open_end and not heading and not _is_closing(prev.text.text)


def _is_closing(text: str) -> bool:
    return bool(re.match(rf"^{CLOSING}", text))


# --- main ---------------------------------------------------------------------------------------


def read_markdown(text: str, path: str) -> RawDocument:
    """Read a PDF-to-markdown conversion into paragraphs and footnotes."""
    return read_markdown_parts(text, path)[0]


def read_markdown_parts(text: str, path: str) -> tuple[RawDocument, MarkdownParts]:
    """Like :func:`read_markdown`, also returning what was removed or repaired."""
    lines = text.split("\n")
    parts = MarkdownParts()
    opening = next((k for k, line in enumerate(lines) if _OPENING.match(line.strip())), None)
    last = len(lines) if opening is None else opening + 1
    cover_lines = [(n, _strip_markup(line)) for n, line in enumerate(lines[:last], 1) if not _PAGE_BREAK.match(line)]
    cover = parse_cover(cover_lines, path)
    raw = RawDocument(path, cover.meta, diagnostics=list(cover.diagnostics))
    start = cover_lines[cover.body_start] if cover.body_start < len(cover_lines) else None
    if opening is not None and start is not None and _PART_MARK.fullmatch(start[1].strip()):
        body_from = start[0] - 1  # "A" above part A's own opening line: the body starts with the mark
    elif opening is not None:
        body_from = opening
    elif cover.body_start < len(cover_lines):
        body_from = cover_lines[cover.body_start][0] - 1
    else:
        body_from = len(lines)
    parts.cover = [(n, line) for n, line in enumerate(lines[:body_from], 1) if line.strip()]

    body = _expand(lines, parts, body_from)
    body = _repair(body, parts, raw)
    title = " ".join((cover.meta.title or "").split())
    state = _NoteState()
    running: list[list[tuple[int, str]]] = []
    for page in _pages(body, title, parts):
        page_body, notes = _page_notes(page, state)
        for note in notes:
            rich, _ = inline(" ".join(note.texts), raw, note.line)
            raw.footnotes.append(Footnote(note.number, rich.strip(), note.line))
        running.append(page_body)

    for block in _blocks(running):
        if m := _SUP_NOTE.match(block.text):  # the seed's "<sup>N</sup> text" paragraphs
            rich, _ = inline(block.text[m.end():], raw, block.line)
            raw.footnotes.append(Footnote(m.group(1), rich.strip(), block.line))
            continue
        if (cells := pipe_table(block.text.split("\n"))) is not None:  # a markdown table is a real table
            rows = [[inline(cell, raw, block.line)[0].strip() for cell in row] for row in cells]
            words = RichText()
            for cell in (c for row in rows for c in row):
                words.append(cell, " ")
            row_lines = [block.line] + [block.line + k for k in range(2, len(rows) + 1)]  # the |---| rule is line 2
            raw.paras.append(RawPara(words, block.line, table=Table(block.line, rows, 1, read_from="markdown", row_lines=row_lines)))
            continue
        source_lines = [_line_body(t) for t in block.text.split("\n")]
        rich, bold = inline("\n".join(t for t, _h in source_lines), raw, block.line)
        heading = source_lines[0][1] or bold
        if raw.paras and _continues(raw.paras[-1], rich, block, heading):
            if rich.text.startswith("\u2022 "):  # "- requests;": a line the converter made a list item
                rich = rich.slice(2)
            raw.paras[-1].text.append(rich, "" if rich.text.lstrip()[:1] in tuple(",;:.)") else " ")
            continue
        raw.paras.append(RawPara(rich, block.line, heading))

    return raw, parts


def _repair(body: list[tuple[int, str]], parts: MarkdownParts, raw: RawDocument) -> list[tuple[int, str]]:
    """Undo converter slips that would change an operative number or a lead phrase."""
    out = []
    for n, t in body:
        s = t.lstrip()
        for pattern, repl, what in (
            (_NUMBER_IN_ITALICS, r"\1. _", "operative number's full stop inside the italics"),
            (_SPLIT_CAPITAL, r"\1_\2\3", "lead phrase's capital letter outside the italics"),
        ):
            if pattern.match(s):
                fixed = pattern.sub(repl, s, count=1)
                parts.repairs.append((n, s, fixed))
                raw.diagnostics.append(Diagnostic(raw.path, n, f"converter slip repaired: {what}", "info", code="converter-slip"))
                s = fixed
        if "( " in s:
            parts.repairs.append((n, "( ", "("))
            s = re.sub(r"\( +(?=\S)", "(", s)
        if m := _CLOSING_ONE_LINE.match(s):  # "_47th plenary meeting 4 December 2024_": two lines in the PDF
            s = f"_{m.group(1)}_ _{m.group(2)}_"
            pieces = [f"_{m.group(1)}_", f"_{m.group(2)}_"]
        else:
            pieces = _MERGED.split(s)
        if len(pieces) > 1:
            raw.diagnostics.append(Diagnostic(raw.path, n, "two paragraphs on one line: split before the next lead phrase or number", "info", code="paragraphs-merged"))
        for k, piece in enumerate(pieces):
            if k:
                out.append((n, ""))
            out.append((n, t if len(pieces) == 1 and s == t.lstrip() else piece))
    return _rehyphenate(out, parts, raw)


def _rehyphenate(body: list[tuple[int, str]], parts: MarkdownParts, raw: RawDocument) -> list[tuple[int, str]]:
    """Put back hyphens the converter dropped where a line ended in one ("Secretary-\nGeneral").

    Only with evidence: the hyphenated form is written elsewhere in the document,
    the word is a compound ordinal ("twenty-seventh"), two capitalised words run
    together ("SecretaryGeneral"), or "non"/"cross"/"zero"/"post" plus a word of
    the document ("nondiscrimination", "post2021").
    """
    hyphens = DroppedHyphens.of("\n".join(t for _n, t in body))
    out = []
    for n, t in body:
        def sub(m: re.Match[str], n: int = n) -> str:
            fixed = hyphens.fix(m.group(0))
            if fixed is None:
                return m.group(0)
            parts.repairs.append((n, m.group(0), fixed))
            raw.diagnostics.append(Diagnostic(raw.path, n, f"hyphen restored: '{m.group(0)}' read as '{fixed}'", "info", code="hyphen-restored"))
            return fixed

        out.append((n, t if t.startswith("\x00") else RUN_TOGETHER.sub(sub, t)))
    return out
