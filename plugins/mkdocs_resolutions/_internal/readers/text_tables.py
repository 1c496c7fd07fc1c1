"""Tables in plain text: found, kept as printed, never re-flowed into a sentence.

Plain text cannot say where a cell ends, so a table read from it is not cut
into cells: its lines are kept as one preformatted block (:class:`.Table` with
``pre``). What shows a table in text:

* columns side by side (``pdftotext -layout``): three or more lines with a gap
  of three spaces or more inside them, not just after a leading "7." or "(a)",
  and the column after the gap starting at the same place in at least three of
  them;
* one cell per line (PyMuPDF): a run of at least eight lines, most of them short
  (under half the text's usual line), with at least three that are only a
  number ("7.5", "22,946", "(1 250)"), and hardly any ending a sentence
  (footnotes an extractor printed apart from their numbers do). Paragraph
  numbers alone on a line ("11.") do not count: they open paragraphs.

Markdown pipe tables are real tables (:func:`pipe_table`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..model import NoteMark, RichText, Table

__all__ = ["is_text_table", "pipe_table", "preformatted", "table_spans", "text_table", "usual_width"]

_GAP = re.compile(r"\S( {3,})(?=\S)")
_LEADING_LABEL = re.compile(r"\s*(?:\d{1,3}\.|\([a-z0-9]{1,4}\)|[a-z]\))( {3,})(?=\S)")
_NUMBER_CELL = re.compile(r"[(\[]?[-–−+]?(?:\d[\d,. \u00a0]*\d|\d)%?[)\]]?[a-z*]?")
_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\.")
_CAPTION = re.compile(r"Table\s+\S", re.IGNORECASE)
_MIN_COLUMNS_ROWS = 3  # lines showing one column start: fewer is two sentences that happen to align
_MIN_CELL_LINES = 8  # a one-cell-per-line table: fewer is a short list
_MIN_NUMBER_CELLS = 3


def usual_width(lines: Iterable[str]) -> int:
    """The length of a full line of running text in this document (its most common long length)."""
    lengths = Counter(len(t.rstrip()) // 4 * 4 for t in lines if len(t.strip()) > 30)
    return max(lengths.items(), key=lambda kv: (kv[1], kv[0]))[0] if lengths else 80


def _column_starts(text: str) -> list[int]:
    """Where the columns after wide gaps start in ``text`` (a gap after a leading label does not count)."""
    if "   " not in text:  # no gap of three spaces: no column (most lines; the regexes cost more)
        return []
    label = _LEADING_LABEL.match(text)
    skip = label.end() if label else 0
    return [m.end() for m in _GAP.finditer(text) if m.end() > skip]


def _columns(body: list[str]) -> bool:
    """Columns side by side: a column start shared by three lines (one character of play), and
    gaps in at least half the lines."""
    found = [starts for starts in map(_column_starts, body) if starts]
    if len(found) * 2 < len(body):
        return False
    starts = Counter(s for line in found for s in set(line))
    aligned = max((starts[x - 1] + starts[x] + starts[x + 1] for x in starts), default=0)
    return aligned >= _MIN_COLUMNS_ROWS


def _cells(body: list[str], width: int) -> bool:
    """One cell per line: many short lines, some only a figure, hardly any ending a sentence."""
    if len(body) < _MIN_CELL_LINES:
        return False
    numbers = sum(bool(_NUMBER_CELL.fullmatch(t.strip())) and not _PARAGRAPH_NUMBER.fullmatch(t.strip()) for t in body)
    if numbers < _MIN_NUMBER_CELLS:  # most long paragraphs: the other counts are not needed
        return False
    short = sum(len(t.strip()) < width / 2 for t in body[:-1])
    sentences = sum(t.endswith((".", ",", ";", ":")) and not _NUMBER_CELL.fullmatch(t.strip()) for t in body)
    return short * 5 >= 3 * (len(body) - 1) and sentences * 5 <= len(body)


def is_text_table(lines: list[str], width: int) -> bool:
    """Whether these lines (one paragraph, no blank line inside) print a table."""
    body = [t.rstrip() for t in lines if t.strip()]
    return len(body) >= _MIN_COLUMNS_ROWS and (_columns(body) or _cells(body, width))


Lines = list[tuple[int, str]]


def table_spans(paras: list[Lines], width: int) -> dict[int, int]:
    """Tables among paragraphs (each a run of lines): first paragraph index -> index after the last.

    A table may be one paragraph, or (an extractor that puts a blank line between
    cells) a run of short paragraphs, none ending a sentence, that together print
    one cell per line. A
    paragraph just above a table whose gaps line up with its columns (the header
    row, set off by a blank line) or that names it ("Table 2") belongs to it.
    """
    spans: dict[int, int] = {}
    run_end = list(range(len(paras) + 1))  # where the run of cell-like paragraphs from k ends (one pass: linear)
    for k in range(len(paras) - 1, -1, -1):
        if _cell_like(paras[k]):
            run_end[k] = run_end[k + 1]
    k = 0
    while k < len(paras):
        end = run_end[k]
        if end - k >= _MIN_CELL_LINES and _cells([t for p in paras[k:end] for _n, t in p], width):
            spans[k] = end
            k = end
            continue
        for j in range(k, max(end, k + 1)):  # each paragraph of a run that is no table is looked at once
            if is_text_table([t for _n, t in paras[j]], width):
                spans[j] = j + 1
        k = max(end, k + 1)
    covered = {k for start, end in spans.items() for k in range(start, end)}
    for start, end in sorted(spans.items()):
        before = start - 1
        if before >= 0 and before not in covered and _heads(paras[before], [t for p in paras[start:end] for _n, t in p]):
            spans[before] = spans.pop(start)
    return spans


def _cell_like(para: Lines) -> bool:
    """A paragraph that may be one cell: at most three lines, not ending a sentence (or a figure)."""
    last = para[-1][1].strip()
    return len(para) <= 3 and (not last.endswith((".", ",", ";", ":")) or bool(_NUMBER_CELL.fullmatch(last)))


def _heads(para: Lines, table: list[str]) -> bool:
    """Whether ``para`` is the head of the table below it: a "Table 2" line, or columns where its columns are."""
    if para and _CAPTION.match(para[0][1].strip()) and len(para) <= 3:
        return True
    below = {s for t in table for s in _column_starts(t)}
    return any(sum(any(abs(s - x) <= 1 for x in below) for s in _column_starts(t)) >= 2 for _n, t in para)


def preformatted(lines: list[tuple[int, str]], marks: dict[int, list[tuple[int, int, str]]]) -> RichText:
    """The lines as printed, common indentation removed, footnote markers ``(start, end, number)``
    taken out of the text and kept as markers (so "80a" shows 80 and its note a)."""
    indent = min((len(t) - len(t.lstrip()) for _n, t in lines if t.strip()), default=0)
    out = RichText()
    for k, (n, text) in enumerate(lines):
        cut = indent if len(text) - len(text.lstrip()) >= indent else 0
        pos = cut
        piece = RichText()
        for start, end, number in sorted(marks.get(n, [])):
            piece.text += text[pos:start]
            piece.notes.append(NoteMark(len(piece.text), number))
            pos = end
        piece.text += text[pos:]
        keep = len(piece.text.rstrip())
        piece = RichText(piece.text[:keep], [], [NoteMark(min(m.offset, keep), m.number) for m in piece.notes])
        if k:
            out.text += "\n"
        out.append(piece)
    return out


_PIPE_ROW = re.compile(r"\s*\|.*\|\s*")
_PIPE_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")


def pipe_table(lines: list[str]) -> list[list[str]] | None:
    """The rows of a markdown pipe table (header row, ``|---|`` rule, body rows), or None.

    Cells are split at unescaped "|"; ``\\|`` is a printed bar.
    """
    if len(lines) < 2 or not all(_PIPE_ROW.fullmatch(t) for t in lines) or not _PIPE_RULE.fullmatch(lines[1]):
        return None
    rows = []
    for k, line in enumerate(lines):
        if k == 1:
            continue
        inner = line.strip()[1:-1]
        cells = [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", inner)]
        rows.append(cells)
    return rows


def text_table(paras: list[Lines], marks: dict[int, list[tuple[int, int, str]]]) -> Table:
    """A table read from plain text: its lines, kept as printed (a blank line between paragraphs
    of a table with columns; cells one per line run on)."""
    lines = [line for p in paras for line in p]
    if len(paras) > 1 and not _cells([t for _n, t in lines], 10**6):
        lines = [line for k, p in enumerate(paras) for line in ([(p[0][0], "")] if k else []) + p]
    return Table(lines[0][0], pre=preformatted(lines, marks), read_from="text")
