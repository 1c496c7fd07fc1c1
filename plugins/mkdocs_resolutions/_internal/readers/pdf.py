"""Read a UN PDF (the most faithful delivery form) into a :class:`RawDocument`.

The PDF carries what plain text loses: italics (font names), footnote markers
(small raised digits), headings (bold fonts, centred lines) and the exact page
layout. Everything is read from PDFium's positioned glyphs (:mod:`.pdf_glyphs`):

* characters are grouped into *rows* by vertical position (a raised marker
  joins the row it belongs to) and rows are cut into *lines* at wide gaps
  (cover columns); every line gets a running number counted over the whole
  PDF, which is the ``line`` of paragraphs, footnotes and diagnostics (whose
  messages also say "page P, line L");
* page furniture is dropped: everything above the thin rule at the top of each
  page (symbol, running title), and at the page bottom the job number, page
  counter "2/24" and barcode;
* page 1 goes to :func:`.cover.parse_cover`; the body starts where it says;
* below a footnote rule ("_____", or a short drawn line) rows are footnotes;
  a footnote without a number at the top of a page continues the last one;
* rows are joined into paragraphs at vertical gaps, at indented first lines
  and across pages; line-end hyphens are kept unless the document itself shows
  the word unhyphenated elsewhere.

Geometry thresholds are relative to the font size, so scaled PDFs still read.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from .. import conventions, hyphens
from ..model import Footnote, Metadata, NoteMark, RichText, Table
from .pdf_glyphs import Glyph, PageGlyphs, PdfOpenError, open_pdf, page_glyphs
from .pdf_tables import TableLayout, find_tables
from .raw import RawDocument, RawPara

__all__ = ["read_pdf"]

# --- furniture patterns -------------------------------------------------------------------------

_JOB_RE = re.compile(rf"{conventions.JOB_NUMBER}(?:{conventions.JOB_LANGUAGE})?(?: +{conventions.JOB_STAMP})?")
_COUNTER_RE = re.compile(conventions.PAGE_COUNTER)
_BARCODE_RE = re.compile(conventions.BARCODE)
_SYMBOL_RE = re.compile(conventions.RUNNING_SYMBOL)
_RULE_TEXT_RE = re.compile(conventions.FOOTNOTE_RULE)
_MARK_RE = re.compile(conventions.FOOTNOTE_MARK)
_LEAD_MARK_RE = re.compile(rf"({conventions.FOOTNOTE_MARK})\s+(?=\S)")  # "1  Text": a full-size footnote number


# --- positioned text ----------------------------------------------------------------------------


_Glyph = Glyph


@dataclass
class _Line:
    """One extracted text line: a row, or one column of a row (cover block)."""

    number: int
    page: int
    glyphs: list[_Glyph]
    text: str = ""  # plain text, raised characters inline (for furniture tests and the cover)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1


@dataclass
class _Row:
    """Glyphs sharing a baseline band on one page, as lines left to right."""

    page: int
    lines: list[_Line]
    top: float
    bottom: float
    size: float  # dominant font size
    bold: bool = False
    italic: bool = False

    @property
    def glyphs(self) -> list[_Glyph]:
        return [g for line in self.lines for g in line.glyphs]

    @property
    def x0(self) -> float:
        return self.lines[0].x0

    @property
    def x1(self) -> float:
        return self.lines[-1].x1

    @property
    def number(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class _Page:
    number: int  # 1-based
    width: float
    height: float
    rows: list[_Row]
    rule_y: float | None  # the thin rule under the running header
    drawn_rules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1) short rules
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1) every rule (tables)


def _dominant_size(glyphs: list[_Glyph]) -> float:
    sizes = Counter(round(g.size, 1) for g in glyphs)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _base(g: _Glyph) -> float:
    """Approximate baseline: the glyph box runs from the descender (about 0.22 em) to the ascender."""
    return g.bottom - 0.22 * g.size


_HOST_WINDOW = 40  # raised groups look for their row among this many neighbours on each side


def _cluster_rows(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Group glyphs into rows by baseline; small raised groups join the row they rise from.

    Baselines, not boxes: a 20-point organ name must not swallow the two 10-point
    lines printed beside it on the cover. Linear after the sort: a group seeks
    its host row among its neighbours in baseline order only.
    """
    groups: list[list[_Glyph]] = []
    ref = 0.0
    for base, _x0, _k, g in sorted((_base(g), g.x0, k, g) for k, g in enumerate(glyphs)):
        if groups:
            last = groups[-1]
            if abs(base - ref) <= 0.2 * min(g.size, last[-1].size) + 0.5:
                last.append(g)
                ref = base
                continue
        groups.append([g])
        ref = base
    info = []
    for members in groups:
        size = max(m.size for m in members)
        top = min(m.top for m in members)
        bottom = max(m.bottom for m in members)
        info.append((size, top, bottom, statistics.median(_base(m) for m in members)))
    target = list(range(len(groups)))
    for i, (size, top, bottom, base) in enumerate(info):
        mid = (top + bottom) / 2
        hosts = [
            j
            for j in range(max(0, i - _HOST_WINDOW), min(len(info), i + _HOST_WINDOW + 1))
            if j != i
            and size < 0.8 * info[j][0]
            and info[j][1] - 0.5 <= mid <= info[j][2] + 0.5
            and base < info[j][3] - 0.5
        ]
        if hosts:
            target[i] = min(hosts, key=lambda j: (abs((info[j][1] + info[j][2]) / 2 - mid), j))
    rows: dict[int, list[_Glyph]] = {}
    for i, members in enumerate(groups):
        j = i
        while target[j] != j:  # a host is never itself hosted (it is larger), but be safe
            j = target[j]
            if j == i:
                break
        rows.setdefault(j, []).extend(members)
    return [sorted(rows[j], key=lambda g: g.x0) for j in sorted(rows, key=lambda j: info[j][3])]


def _split_columns(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Cut a row at gaps wider than two ems: cover columns, page number beside job number."""
    parts = [[glyphs[0]]]
    for prev, g in zip(glyphs, glyphs[1:]):
        if g.x0 - prev.x1 > 2.2 * max(prev.size, g.size, 1.0):
            parts.append([g])
        else:
            parts[-1].append(g)
    return parts


def _needs_space(prev: _Glyph, g: _Glyph) -> bool:
    return g.space_before or g.x0 - prev.x1 > 0.18 * min(prev.size, g.size)


def _plain(glyphs: list[_Glyph]) -> str:
    out = [glyphs[0].text]
    for prev, g in zip(glyphs, glyphs[1:]):
        if g.space_before or g.x0 - prev.x1 > 0.18 * min(prev.size, g.size):  # _needs_space, inlined: hot
            out.append(" ")
        out.append(g.text)
    return "".join(out)


_OVERPRINT = 0.15  # ems: the same glyph nearer than this to its twin is an overprint; letters are wider


def _dedupe(row: list[_Glyph]) -> list[_Glyph]:
    """Drop glyphs printed twice at the same place (fake bold, overprint) from a row sorted by x.

    "The same place" is relative to the glyph: within 0.15 em in both
    directions, so that two letters side by side at 2 points ("ll") both stay.
    A twin can only be among the few glyphs just before it in x order.
    """
    out: list[_Glyph] = []
    for g in row:
        tol = _OVERPRINT * g.size
        k = len(out) - 1
        twin = None
        while k >= 0 and g.x0 - out[k].x0 < tol:
            other = out[k]
            if other.text == g.text and abs(other.top - g.top) < tol and abs(other.size - g.size) < 0.01:
                twin = other
                break
            k -= 1
        if twin is None:
            out.append(g)
        elif g.space_before:
            twin.space_before = True
    return out


def _page_rules(page: PageGlyphs) -> tuple[float | None, list[tuple[float, float, float]]]:
    """The header rule (full-width, top fifth) and short drawn rules lower down (footnote rules)."""
    header = None
    short = []
    bands: dict[float, list[tuple[float, float]]] = {}
    for top, _height, x0, x1 in page.rules:
        bands.setdefault(round(top, 1), []).append((x0, x1))
    for y, spans in sorted(bands.items()):
        x0, x1 = min(a for a, _ in spans), max(b for _, b in spans)
        if y < 0.2 * page.height and x1 - x0 > 0.6 * page.width and header is None:
            header = y
        elif y > 0.3 * page.height and x1 - x0 < 0.35 * page.width:
            short.append((y, x0, x1))
    return header, short


def _page_layout(page: PageGlyphs, pno: int, counter: list[int]) -> _Page:
    rule_y, short = _page_rules(page)
    rows = []
    for members in _cluster_rows(page.glyphs):
        members = _dedupe(members)
        lines = []
        for part in _split_columns(members):
            counter[0] += 1
            lines.append(_Line(counter[0], pno, part, _plain(part)))
        body = [g for g in members if not g.barcode]
        size = _dominant_size(body or members)
        main = [g for g in members if abs(g.size - size) < 0.06 * size]
        rows.append(
            _Row(
                pno,
                lines,
                min(g.top for g in main),
                max(g.bottom for g in main),
                size,
                sum(g.bold for g in main) > 0.6 * len(main),
                sum(g.italic for g in main) > 0.6 * len(main),
            )
        )
    return _Page(pno, page.width, page.height, rows, rule_y, short, [(top, x0, x1) for top, _h, x0, x1 in page.rules])


def _layout(doc, counter: list[int], failed: list[tuple[int, str]], unmapped: list[tuple[int, int]]) -> list[_Page]:  # noqa: ANN001
    """Every page's rows; a page that cannot be parsed is left empty and reported in ``failed``."""
    pages = []
    for index in range(len(doc)):
        pno = index + 1
        try:
            glyphs = page_glyphs(doc, index)
            if glyphs.unmapped:
                unmapped.append((pno, glyphs.unmapped))
            pages.append(_page_layout(glyphs, pno, counter))
        except Exception as err:  # noqa: BLE001 - one broken page must not lose the others
            failed.append((pno, f"{type(err).__name__}: {err}"))
            pages.append(_Page(pno, 612.0, 792.0, [], None))
    return pages


# --- furniture ----------------------------------------------------------------------------------


def _is_footer_line(line: _Line) -> bool:
    text = line.text.strip()
    return (
        all(g.barcode for g in line.glyphs)
        or bool(_JOB_RE.fullmatch(text) or _COUNTER_RE.fullmatch(text) or _BARCODE_RE.fullmatch(text))
        or text.lower() == conventions.RECYCLE.lower()
    )


def _is_header_line(line: _Line, symbol: str | None) -> bool:
    text = line.text.strip()
    return text == symbol or bool(_SYMBOL_RE.fullmatch(text)) or _is_footer_line(line)


def _split_furniture(page: _Page, symbol: str | None) -> tuple[list[_Row], list[_Row], list[_Row]]:
    """(header rows, content rows, footer rows) of one page."""
    rows = page.rows
    start = 0
    if page.rule_y is not None:
        while start < len(rows) and rows[start].bottom <= page.rule_y + 1:
            start += 1
    else:  # no rule drawn: only rows that look like a running header go
        while start < len(rows) and rows[start].top < 0.12 * page.height and all(
            _is_header_line(line, symbol) for line in rows[start].lines
        ):
            start += 1
    end = len(rows)
    while end > start and all(_is_footer_line(line) for line in rows[end - 1].lines):
        end -= 1
    return rows[:start], rows[start:end], rows[end:]


# --- rich text of a row -------------------------------------------------------------------------


def _baseline(glyphs: list[_Glyph], size: float) -> float:
    main = [g.bottom for g in glyphs if abs(g.size - size) < 0.06 * size]
    return statistics.median(main) if main else max(g.bottom for g in glyphs)


def _raised(g: _Glyph, size: float, base: float) -> bool:
    return g.size < 0.8 * size and g.bottom < base - 0.12 * size


@dataclass
class _Piece:
    """A row as rich text, with its leading raised number (footnote rows) kept apart."""

    text: RichText
    lead_number: str | None = None


@dataclass
class _RowBuilder:
    """Rich text built left to right from glyphs, joined once at the end (linear in the row)."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    italics: list[tuple[int, int]] = field(default_factory=list)
    notes: list[NoteMark] = field(default_factory=list)
    italic_start: int | None = None

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def italic(self, on: bool) -> None:
        if on and self.italic_start is None:
            self.italic_start = self.length
        elif not on and self.italic_start is not None:
            self.italics.append((self.italic_start, self.length))
            self.italic_start = None

    def result(self) -> RichText:
        self.italic(False)
        return RichText("".join(self.parts), [(a, b) for a, b in self.italics if b > a], self.notes)


def _row_text(row: _Row, footnote_margin: float | None = None) -> _Piece:
    """Rich text of a row; with ``footnote_margin`` a leading number is the footnote's own."""
    glyphs = row.glyphs
    size = row.size
    base = _baseline(glyphs, size)
    out = _RowBuilder()
    lead: str | None = None
    pending_space = False
    prev: _Glyph | None = None
    i = 0
    while i < len(glyphs):
        g = glyphs[i]
        pending_space = pending_space or (prev is not None and _needs_space(prev, g))
        if _raised(g, size, base):
            j = _raised_run_end(glyphs, i, size, base)
            run = "".join(x.text for x in glyphs[i:j])
            marker = bool(_MARK_RE.fullmatch(run))
            note = marker and out.length > 0  # a space before a note marker is kept for the next word
            if marker and not out.length and footnote_margin is not None and lead is None:
                lead = run
            elif note:
                out.italic(False)
                out.notes.append(NoteMark(out.length, run))
            else:  # raised letters ("95th", "1er") or a marker before any text: kept as text
                if pending_space and out.length:
                    out.add(" ")
                out.add(run)
            pending_space = pending_space and note
            prev, i = glyphs[j - 1], j
            continue
        if pending_space and out.length:
            if not g.italic:
                out.italic(False)
            out.add(" ")
        pending_space = False
        out.italic(g.italic)
        out.add(g.text)
        prev, i = g, i + 1
    text = out.result()
    if footnote_margin is not None and lead is None and row.lines[0].x0 < footnote_margin:
        return _full_size_number(text)
    return _Piece(text, lead)


def _raised_run_end(glyphs: list[_Glyph], i: int, size: float, base: float) -> int:
    """End of the run of raised glyphs starting at ``i`` (a marker: no space inside)."""
    j = i
    while j < len(glyphs) and _raised(glyphs[j], size, base) and (j == i or not _needs_space(glyphs[j - 1], glyphs[j])):
        j += 1
    return j


def _full_size_number(out: RichText) -> _Piece:
    """A footnote row whose number is printed at full size in the margin: "1  Text"."""
    m = _LEAD_MARK_RE.match(out.text)
    return _Piece(out.slice(m.end()), m.group(1)) if m else _Piece(out, None)


# --- assembling paragraphs ----------------------------------------------------------------------


@dataclass
class _Block:
    """Rows of one paragraph or footnote, joined only once the whole document is known."""

    pieces: list[RichText]
    line: int
    page: int
    heading: bool = False
    number: str | None = None  # footnotes
    rows: list[_Row] = field(default_factory=list)
    table: Table | None = None


_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")
_TAIL = 80  # characters: the line-end word is looked for in this much of the text before it


def _join(pieces: list[RichText], vocabulary: Mapping[str, int]) -> RichText:
    """Join rows with a space; a line-end hyphen is kept unless the word is known unhyphenated.

    Linear in the paragraph: the hyphenated word is looked for in a bounded
    tail of the text so far, never in the whole paragraph.
    """
    parts: list[str] = []
    italics: list[tuple[int, int]] = []
    notes: list[NoteMark] = []
    length = 0
    tail = ""
    for piece in pieces:
        sep = " " if length else ""
        if length:
            end = _HYPHEN_END.search(tail)
            start = _WORD_START.match(piece.text[:_TAIL])
            if end and start and not (notes and notes[-1].offset == length):
                sep = ""
                if start.group(1)[0].islower() and hyphens.is_break(vocabulary, end.group(1), start.group(1)):
                    k = len(parts) - 1
                    while not parts[k]:
                        k -= 1
                    parts[k] = parts[k][:-1]
                    length -= 1
                    tail = tail[:-1]
                    while italics and italics[-1][1] > length:
                        a, _ = italics.pop()
                        if a < length:
                            italics.append((a, length))
                            break
        shift = length + len(sep)
        parts += [sep, piece.text]
        italics += [(a + shift, b + shift) for a, b in piece.italics]
        notes += [NoteMark(m.offset + shift, m.number) for m in piece.notes]
        length = shift + len(piece.text)
        tail = (tail + sep + piece.text)[-_TAIL:]
    out = RichText("".join(parts), italics, notes)
    out.merge_italics()
    return out


class _Reader:
    """One PDF read: layout, cover, body rows, footnotes, paragraphs."""

    def __init__(self, data: bytes, path: str) -> None:
        self.data = data
        self.path = path
        self.raw = RawDocument(path, Metadata())
        self.furniture: list[_Line] = []  # dropped header/footer lines (kept for tests)
        self.cover_lines: list[_Line] = []
        self.pages: list[_Page] = []

    def warn(self, line: _Line | _Row | int, page: int, message: str, code: str = "") -> None:
        number = line if isinstance(line, int) else line.number
        self.raw.warn(number, f"page {page}, line {number}: {message}", code=code)

    # -- steps

    def read(self) -> RawDocument:
        counter = [0]
        failed: list[tuple[int, str]] = []
        unmapped: list[tuple[int, int]] = []
        try:
            doc = open_pdf(self.data)
        except PdfOpenError as err:
            if err.encrypted:
                self.raw.warn(1, "PDF is encrypted (a password is needed to open it); nothing read", code="pdf-encrypted")
            else:
                self.raw.warn(1, f"PDF could not be opened ({err}); nothing read", code="pdf-unreadable")
            return self.raw
        try:
            self.pages = _layout(doc, counter, failed, unmapped)
        finally:
            doc.close()
        for pno, why in failed:
            self.raw.warn(
                counter[0] or 1, f"page {pno}: could not be read ({why}); its text is missing", code="pdf-page-unreadable"
            )
        for pno, count in unmapped:
            line = next((r.number for r in self.pages[pno - 1].rows), counter[0] or 1)
            self.raw.warn(
                line,
                f"page {pno}: {count} characters have no Unicode value (a font without ToUnicode); "
                "shown as \ufffd, read this page in the PDF",
                code="pdf-unmapped-glyphs",
            )
        if not any(p.rows for p in self.pages):
            self.raw.warn(1, "PDF has no text layer (scanned?); nothing read", code="pdf-no-text")
            return self.raw
        self._measure()
        body_rows = self._cover_and_body()
        content, notes = self._split_footnotes(body_rows)
        self._paragraphs(content)
        self._footnotes(notes)
        return self.raw

    def _measure(self) -> None:
        """Body font size, left margin, first-line indent and right margin, from the whole PDF."""
        sizes: Counter[float] = Counter()
        lefts: Counter[int] = Counter()
        rights: Counter[int] = Counter()
        for page in self.pages:
            for row in page.rows:
                sizes[round(row.size, 1)] += len(row.glyphs)
        self.size = max(sizes.items(), key=lambda kv: kv[1])[0] if sizes else 10.0
        for page in self.pages:
            for row in page.rows:
                if abs(row.size - self.size) < 0.06 * self.size and len(row.lines) == 1:
                    lefts[round(row.x0)] += 1
                    rights[round(row.x1)] += 1
        self.left = float(lefts.most_common(1)[0][0]) if lefts else 72.0
        self.right = float(max((x for x, n in rights.items() if n >= 0.1 * sum(rights.values())), default=500))

    def _cover_and_body(self) -> list[_Row]:
        """Give page 1 to the cover parser; return every body row in reading order."""
        first = self.pages[0]
        _, content, footer = _split_furniture(first, None)
        # rows are told apart by identity (by index), never by comparing their contents
        placed_ids = {id(r) for r in content} | {id(r) for r in footer}
        rows_above = [r for r in first.rows if id(r) not in placed_ids]
        # Reading order of the cover as printed text has it: the job number and barcode
        # (page bottom) follow the "Original:" line.
        order: list[_Row] = []
        placed = False
        for row in rows_above + content:
            order.append(row)
            if not placed and any(line.text.startswith("Original:") for line in row.lines):
                order.extend(footer)
                placed = True
        if not placed:
            order[len(rows_above):len(rows_above)] = footer
        lines: list[tuple[int, str]] = []
        owner: list[_Row | None] = []
        prev: _Row | None = None
        for row in order:
            if prev is not None and row.top - prev.bottom > 0.45 * min(row.size, prev.size):
                lines.append((prev.lines[-1].number, ""))
                owner.append(None)
            for line in row.lines:
                lines.append((line.number, line.text))
                owner.append(row)
            prev = row
        cover = _parse_cover(lines, self.path)
        self.raw.meta = cover.meta
        self.raw.diagnostics.extend(cover.diagnostics)
        start_row = owner[cover.body_start] if cover.body_start < len(owner) else None
        position = {id(r): k for k, r in enumerate(content)}
        if start_row is None or id(start_row) not in position:
            body_first: list[_Row] = []
            if start_row is not None:
                self.warn(start_row, 1, "cover: body start is not in the running text; page 1 taken as cover", code="cover-body-start")
        else:
            body_first = content[position[id(start_row)]:]
        covered = set(map(id, body_first))
        self.cover_lines = [line for row in order if id(row) not in covered for line in row.lines]
        symbol = self.raw.meta.symbol
        rows = list(body_first)
        for page in self.pages[1:]:
            header, content, footer = _split_furniture(page, symbol)
            self.furniture += [line for row in header + footer for line in row.lines]
            rows += content
        return rows

    def _split_footnotes(self, rows: list[_Row]) -> tuple[list[_Row], list[_Row]]:
        """Rows of running text and rows of footnotes (below a rule, to the page end)."""
        content: list[_Row] = []
        notes: list[_Row] = []
        by_page: dict[int, list[_Row]] = {}
        for row in rows:
            by_page.setdefault(row.page, []).append(row)
        for pno, page_rows in by_page.items():
            page = self.pages[pno - 1]
            cut = None
            for i, row in enumerate(page_rows):
                if _RULE_TEXT_RE.fullmatch(row.text.replace(" ", "")):
                    cut = i
                    self.furniture += row.lines
                    break
            if cut is not None:
                content += page_rows[:cut]
                notes += page_rows[cut + 1:]
                continue
            drawn = [y for y, x0, x1 in page.drawn_rules if x0 < self.left + 0.5 * self.size]
            if drawn:
                y = min(drawn)
                below = [r for r in page_rows if r.top > y]
                if below and all(r.size < 0.95 * self.size for r in below):
                    content += [r for r in page_rows if r.top <= y]
                    notes += below
                    continue
            content += page_rows
        return content, notes

    # -- paragraphs

    def _is_heading(self, row: _Row) -> bool:
        if row.bold:
            return True
        mid = (row.x0 + row.x1) / 2
        centre = (self.left + self.right) / 2
        em = self.size
        return row.x0 > self.left + 3 * em and row.x1 < self.right - 3 * em and abs(mid - centre) < 1.2 * em

    def _italic_heading(self, row: _Row, text: str) -> bool:
        """A lone italic line at the left margin without closing punctuation ("Designation Criteria")."""
        return (
            row.italic
            and abs(row.x0 - self.left) < 0.3 * self.size
            and not self._right_aligned(row)
            and not text.rstrip().endswith((",", ";", ".", ":"))
        )

    def _right_aligned(self, row: _Row) -> bool:
        return row.x0 > (self.left + self.right) / 2 and row.x1 > self.right - 0.4 * self.size

    def _starts_paragraph(self, prev: _Row | None, row: _Row, text: str, hang: float) -> bool:
        """Does ``row`` open a new paragraph? ``hang`` is where the current paragraph's lines start."""
        if prev is None:
            return True
        if row.page == prev.page:
            return row.top - prev.bottom > 0.45 * min(row.size, prev.size)
        # across a page: a continuation follows a full line and starts where its lines start
        if prev.x1 < self.right - 0.06 * (self.right - self.left):
            return True
        if re.match(r"\(?[0-9a-z]{1,4}[.)]\s", text) and prev.text.rstrip().endswith((";", ".", ":")):
            return True
        return row.x0 > hang + 0.6 * self.size

    def _paragraphs(self, rows: list[_Row]) -> None:
        vocab = hyphens.vocabulary(row.text for row in rows)
        blocks: list[_Block] = []
        prev: _Row | None = None
        hang = self.left  # x of the current paragraph's second line, once seen
        tables = {t.start: t for t in find_tables(rows, self.size, {p.number: p.rules for p in self.pages})}
        skip = 0
        for index, row in enumerate(rows):
            if index in tables:  # a table is one block of its own, its cells read from the glyphs
                blocks.append(self._table(rows, tables[index], vocab))
                skip, prev = tables[index].end, None
            if index < skip:
                continue
            piece = _row_text(row).text
            if not piece.text:
                continue
            heading = self._is_heading(row)
            new = self._starts_paragraph(prev, row, piece.text, hang)
            if not new and blocks:
                last = blocks[-1]
                if last.heading != heading or self._right_aligned(row):
                    new = True
            if new or not blocks:
                blocks.append(_Block([piece], row.number, row.page, heading, rows=[row]))
                hang = self.left
            else:
                if len(blocks[-1].pieces) == 1:
                    hang = row.x0
                blocks[-1].pieces.append(piece)
                blocks[-1].rows.append(row)
            prev = row
        for block in blocks:
            text = _join(block.pieces, vocab)
            if block.table is not None:
                self.raw.paras.append(RawPara(text, block.line, table=block.table))
                continue
            heading = block.heading or (len(block.pieces) == 1 and self._italic_heading(block.rows[0], text.text))
            self.raw.paras.append(RawPara(text, block.line, heading))

    def _table(self, rows: list[_Row], layout: TableLayout, vocab: Mapping[str, int]) -> _Block:
        """The table's cells as rich text (markers and italics kept); its words, in reading order, as the block's."""
        def text(pieces: list[tuple[int, list[_Glyph]]]) -> RichText:
            parts = []
            for k, glyphs in pieces:
                row = rows[k]
                part = _Row(row.page, [_Line(row.number, row.page, glyphs)], row.top, row.bottom, row.size)
                parts.append(_row_text(part).text)
            return _join(parts, vocab) if parts else RichText()

        cells = [[text(column) for column in row] for row in layout.cells]
        caption = _row_text(rows[layout.caption]).text if layout.caption is not None else None
        words = [caption] if caption is not None else []
        words += [cell for row in cells for cell in row if cell.text or cell.notes]
        first = rows[layout.start]
        lines = [rows[min(k for column in row for k, _g in column)].number for row in layout.cells]
        table = Table(first.number, cells, layout.header_rows, caption, read_from="pdf", row_lines=lines)
        return _Block(words, first.number, first.page, rows=rows[layout.start:layout.end], table=table)

    def _footnotes(self, rows: list[_Row]) -> None:
        vocab = hyphens.vocabulary(row.text for row in rows)
        blocks: list[_Block] = []
        for row in rows:
            piece = _row_text(row, self.left - 1)
            if piece.lead_number is not None:
                blocks.append(_Block([piece.text], row.number, row.page, number=piece.lead_number))
            elif blocks:
                blocks[-1].pieces.append(piece.text)
            elif piece.text.text:
                self.warn(row, row.page, "footnote text without a number before it; kept as footnote '?'", code="footnote-without-number")
                blocks.append(_Block([piece.text], row.number, row.page, number="?"))
        seen: set[str] = set()
        for block in blocks:
            body = _join(block.pieces, vocab).strip()
            if block.number in seen:
                self.warn(block.line, block.page, f"footnote {block.number} printed twice; both kept", code="footnote-twice")
            seen.add(block.number or "?")
            self.raw.footnotes.append(Footnote(block.number or "?", body, block.line))


def _parse_cover(lines: list[tuple[int, str]], path: str):  # noqa: ANN202 - Cover
    from .cover import parse_cover

    return parse_cover(lines, path)


def read_pdf(data: bytes, path: str) -> RawDocument:
    """Read a UN PDF into running-text paragraphs and footnotes; never raises on bad input."""
    reader = _Reader(data, path)
    try:
        return reader.read()
    except Exception as err:  # noqa: BLE001 - a layout this reader does not foresee: report, keep going
        raw = RawDocument(path, reader.raw.meta)
        raw.diagnostics = list(reader.raw.diagnostics)
        raw.warn(1, f"PDF reader failed ({type(err).__name__}: {err}); document left empty", code="pdf-reader-failed")
        return raw
