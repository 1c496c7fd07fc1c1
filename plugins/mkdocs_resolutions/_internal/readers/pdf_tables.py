"""Tables in a PDF, found from where the glyphs stand (and the rules drawn between rows).

Running text fills the measure: each row is one run of words with word-sized
gaps. A table row is cut by wide gaps into pieces that stand in *columns*: the
same bands of the page, row after row. What counts as a table here:

* at least three rows cut by gaps wider than an em into two or more pieces
  (a lone "7." or "(a)" before its text is a label, not a column);
* consecutive rows on one page, no wider apart than a blank line and a half;
* every piece of every row inside one column band: a line of running text
  crosses the bands and ends the table;
* rows with only one piece (a cell's second line) belong to it when they stay
  inside one column.

Columns are the bands of x that some piece covers, so left-aligned words,
right-aligned figures and centred headings all find their column. A row whose
first column is empty and that follows closely continues the row above (a
cell's text wrapped onto a second line). Header rows are those above a rule
drawn across the table, else the leading bold or italic rows, else a first
row of words over rows with figures. "Table 3 ..." printed just above is the
caption.

The module knows nothing of PDFium: it reads rows as :mod:`.pdf` builds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol, Sequence

__all__ = ["TableLayout", "find_tables"]

_COLUMN_GAP = 1.0  # ems: a gap this wide inside a row separates cells (word spaces are under half an em)
_ROW_GAP = 1.5  # ems: rows further apart than this are not one table
_CONTINUED = 0.45  # ems: a row closer than this to the one above, first column empty, continues it
_MIN_ROWS = 3
_LABEL = re.compile(r"\(?[0-9A-Za-z]{1,4}[.)]|\([ivxlc]{1,6}\)")
_CAPTION = re.compile(r"Table\s+\S", re.IGNORECASE)
_FIGURE = re.compile(r"[(\[]?[-–−+]?\d[\d,. ]*%?[)\]]?[a-z*]?")


class GlyphLike(Protocol):
    text: str
    x0: float
    x1: float


class RowLike(Protocol):
    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool

    @property
    def glyphs(self) -> Sequence[GlyphLike]: ...

    @property
    def text(self) -> str: ...


Piece = list  # the glyphs of one cell on one row, left to right


@dataclass
class TableLayout:
    """Where a table stands among the rows and what each cell holds.

    ``cells[r][c]`` lists, for logical row ``r`` and column ``c``, the
    ``(row index, glyphs)`` pieces that make the cell, top to bottom.
    """

    start: int  # index of the first row (the caption's, when there is one)
    end: int  # index after the last row
    header_rows: int
    caption: int | None = None  # row index of a "Table ..." line just above
    cells: list[list[list[tuple[int, Piece]]]] = field(default_factory=list)


def _pieces(glyphs: Sequence[GlyphLike], em: float) -> list[Piece]:
    out: list[Piece] = []
    for g in glyphs:
        if out and g.x0 - out[-1][-1].x1 <= _COLUMN_GAP * em:
            out[-1].append(g)
        else:
            out.append([g])
    return out


def _text(piece: Piece) -> str:
    return "".join(g.text for g in piece)


def _is_candidate(pieces: list[Piece]) -> bool:
    """Two or more pieces, not counting labels before the text ("7.   Decides", "1.   (a)   Decides")."""
    k = 0
    while k < len(pieces) - 1 and _LABEL.fullmatch(_text(pieces[k])):
        k += 1
    return len(pieces) - k >= 2


def _bands(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The union of x spans as sorted, disjoint bands."""
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlaps(span: tuple[float, float], bands: list[tuple[float, float]]) -> int:
    return sum(1 for a, b in bands if span[0] < b and span[1] > a)


def _fits(pieces: list[Piece], bands: list[tuple[float, float]], candidate: bool) -> bool:
    """Every piece within one band (a new band only for a row of several pieces)."""
    for p in pieces:
        n = _overlaps((p[0].x0, p[-1].x1), bands)
        if n > 1 or (n == 0 and not candidate):
            return False
    return True


def find_tables(rows: Sequence[RowLike], em: float, rules: dict[int, list[tuple[float, float, float]]]) -> list[TableLayout]:
    """Every table among ``rows`` (running text in reading order); ``rules`` are (y, x0, x1) per page."""
    pieces = [_pieces(row.glyphs, em) for row in rows]
    found: list[TableLayout] = []
    i = 0
    while i < len(rows):
        if not _is_candidate(pieces[i]):
            i += 1
            continue
        end, bands = _run(rows, pieces, i, em)
        members = [k for k in range(i, end) if _is_candidate(pieces[k])]
        if len(members) >= _MIN_ROWS and len(bands) >= 2:
            found.append(_layout(rows, pieces, i, end, bands, em, rules.get(rows[i].page, [])))
        i = max(end, i + 1)  # rows of a run that is no table are not looked at again: linear
    return found


def _run(rows: Sequence[RowLike], pieces: list[list[Piece]], i: int, em: float) -> tuple[int, list[tuple[float, float]]]:
    """The rows from ``i`` that stand in one set of columns, and those columns."""
    bands = _bands([(p[0].x0, p[-1].x1) for p in pieces[i]])
    end = i + 1
    while end < len(rows):
        row, prev = rows[end], rows[end - 1]
        if row.page != prev.page or row.top - prev.bottom > _ROW_GAP * em:
            break
        candidate = _is_candidate(pieces[end])
        if not _fits(pieces[end], bands, candidate):
            break
        bands = _bands(bands + [(p[0].x0, p[-1].x1) for p in pieces[end]])
        end += 1
    # a trailing single-piece row is text under the table, unless a cell row follows it
    while end - 1 > i and not _is_candidate(pieces[end - 1]) and len(pieces[end - 1]) == 1 \
            and _overlaps((pieces[end - 1][0][0].x0, pieces[end - 1][0][-1].x1), bands[:1]):
        end -= 1
    return end, bands


def _layout(rows: Sequence[RowLike], pieces: list[list[Piece]], start: int, end: int,
            bands: list[tuple[float, float]], em: float, rules: list[tuple[float, float, float]]) -> TableLayout:
    cells: list[list[list[tuple[int, Piece]]]] = []
    for k in range(start, end):
        row_cells: list[list[tuple[int, Piece]]] = [[] for _ in bands]
        for p in pieces[k]:
            column = next(c for c, (a, b) in enumerate(bands) if p[0].x0 < b and p[-1].x1 > a)
            if row_cells[column] and row_cells[column][-1][0] == k:
                row_cells[column][-1][1].extend(p)
            else:
                row_cells[column].append((k, list(p)))
        close = k > start and rows[k].top - rows[k - 1].bottom < _CONTINUED * em
        if cells and close and not row_cells[0]:
            for c, pieces_here in enumerate(row_cells):
                cells[-1][c].extend(pieces_here)
        else:
            cells.append(row_cells)
    layout = TableLayout(start, end, _header_rows(rows, cells, start, end, bands, rules), cells=cells)
    above = start - 1
    if above >= 0 and rows[above].page == rows[start].page and _CAPTION.match(rows[above].text.strip()) \
            and rows[start].top - rows[above].bottom <= _ROW_GAP * em:
        layout.caption = above
        layout.start = above
    return layout


def _header_rows(rows: Sequence[RowLike], cells: list[list[list[tuple[int, Piece]]]], start: int, end: int,
                 bands: list[tuple[float, float]], rules: list[tuple[float, float, float]]) -> int:
    if len(cells) < 2:
        return 0
    left, right = bands[0][0], bands[-1][1]
    top, bottom = rows[start].top, rows[end - 1].bottom
    across = sorted(y for y, x0, x1 in rules if top < y < bottom and x0 <= left + 1 and x1 >= right - 1)
    last_row = [max(k for column in row for k, _p in column) for row in cells]
    if across:
        n = sum(1 for r in last_row if rows[r].bottom <= across[0] + 1)
        if 0 < n < len(cells):
            return n
    styled = 0
    for row in cells:
        indices = {k for column in row for k, _p in column}
        if all(rows[k].bold or rows[k].italic for k in indices):
            styled += 1
        else:
            break
    if 0 < styled < len(cells):
        return styled
    def figures(row: list[list[tuple[int, Piece]]]) -> bool:
        return any(_FIGURE.fullmatch(" ".join(_text(p) for _k, p in column)) for column in row if column)
    return 1 if not figures(cells[0]) and any(figures(row) for row in cells[1:]) else 0
