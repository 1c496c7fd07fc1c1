"""The document model: what a resolution *is*, independent of how it was delivered.

Readers build it, citation finding and rendering read it. Nothing here knows
about MkDocs, markdown or PDF.

Running text is held as :class:`RichText`: one plain string plus spans over it
(italics, footnote markers). Keeping the words in one string makes the "no word
lost or doubled" guarantee checkable and lets the citation stage annotate spans
without caring about markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator, Literal

from .anchors import footnote, heading_key, table_key


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a source text: where it is and what was done about it."""

    path: str
    line: int
    message: str
    level: Literal["warning", "info"] = "warning"
    code: str = ""
    """Stable name of the kind of problem (``footnote-unused``), listed in :data:`.diagnostics.CODES`."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: {self.message}"
        return f"{where} [{self.code}]" if self.code else where


@dataclass(frozen=True)
class NoteMark:
    """A footnote marker standing *after* ``text[offset - 1]``."""

    offset: int
    number: str


@dataclass
class RichText:
    """Text with italic spans and footnote markers positioned by character offset."""

    text: str = ""
    italics: list[tuple[int, int]] = field(default_factory=list)
    notes: list[NoteMark] = field(default_factory=list)

    def append(self, other: RichText, sep: str = "") -> None:
        """Append ``other`` (after ``sep``), shifting its spans."""
        if sep and self.text:
            self.text += sep
        shift = len(self.text)
        self.text += other.text
        self.italics += [(a + shift, b + shift) for a, b in other.italics]
        self.notes += [NoteMark(m.offset + shift, m.number) for m in other.notes]

    def slice(self, start: int, end: int | None = None) -> RichText:
        """The part from ``start`` to ``end``, spans clipped and shifted.

        A marker standing at a cut stays with the part (at its start or end), so
        cutting off a label or a lead phrase never loses a footnote marker.
        """
        end = len(self.text) if end is None else end
        italics = [(max(a, start) - start, min(b, end) - start) for a, b in self.italics if min(b, end) > max(a, start)]
        notes = [NoteMark(m.offset - start, m.number) for m in self.notes if start <= m.offset <= end]
        return RichText(self.text[start:end], italics, notes)

    def merge_italics(self) -> None:
        """Italic spans that touch, overlap or are apart by white space only become one span."""
        merged: list[tuple[int, int]] = []
        for a, b in sorted(self.italics):
            if merged and not self.text[merged[-1][1]:a].strip():
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self.italics = merged

    def strip(self) -> RichText:
        """Trim white space at both ends, keeping spans aligned."""
        left = len(self.text) - len(self.text.lstrip())
        text = self.text.strip()
        end = len(text)

        def clamp(i: int) -> int:
            return max(0, min(end, i - left))

        return RichText(
            text,
            [(clamp(a), clamp(b)) for a, b in self.italics if clamp(a) < clamp(b)],
            [NoteMark(clamp(m.offset), m.number) for m in self.notes],
        )


class Kind(str, Enum):
    """What sort of document this is."""

    DRAFT_RESOLUTION = "draft resolution"
    RESOLUTION = "resolution"
    DRAFT_DECISION = "draft decision"
    DECISION = "decision"
    AMENDMENT = "amendment"  # "X: amendment to draft resolution A/80/L.18": instructions, read by :mod:`.amendments`
    NOTE = "note"  # "Note by the Secretariat", "Note by the Secretary-General"
    OTHER = "document"


@dataclass
class Metadata:
    """The cover block of a UN document. Every field is optional: PDFs convert badly."""

    symbol: str | None = None
    organ: str | None = None  # "General Assembly", "Security Council"
    distribution: str | None = None  # "Limited", "General"
    date: str | None = None  # as printed, e.g. "6 October 2011"
    iso_date: str | None = None  # "2011-10-06" when the printed date parses
    original_language: str | None = None
    session: str | None = None  # as printed, e.g. "Sixty-sixth session"
    session_number: int | None = None
    committee: str | None = None  # "Third Committee"; None for plenary
    agenda_item: str | None = None  # "107" or "107 (a)"
    agenda_title: str | None = None
    sponsors: list[str] = field(default_factory=list)
    sponsor_line: str | None = None  # as printed, with its note markers: "Kenya and Mexico*"
    kind: Kind = Kind.OTHER
    title: str | None = None
    adopted_on: str | None = None  # "19 December 2025" for adopted resolutions
    kind_line: str | None = None  # the kind as printed where no other field keeps it: "Note by the Secretary-General"
    amends: str | None = None  # an amendment's object as printed: "draft resolution A/80/L.18"
    report: str | None = None  # "[on the report of the Third Committee (A/80/545, para. 5)]"
    job_number: str | None = None  # "25-16593 (E)"


@dataclass
class Table:
    """A table printed inside the text (a scale of assessments, appropriations, a programme of work).

    Read from a PDF's layout it has ``rows`` of cells, the first ``header_rows``
    of them column headings. Plain text cannot show where a cell ends, so a table
    read from text keeps its lines as printed in ``pre`` (no cells, never re-flowed
    into a sentence). ``read_from`` says which, for the page's note.
    """

    line: int  # 1-based source line of its first row
    rows: list[list[RichText]] = field(default_factory=list)
    header_rows: int = 0
    caption: RichText | None = None  # a printed title ("Table 2 ...")
    pre: RichText | None = None  # read from plain text: the lines as printed, "\n" between them
    read_from: Literal["pdf", "markdown", "text"] = "pdf"
    row_lines: list[int] = field(default_factory=list)  # source line of each row (warnings name it)

    def cells(self) -> Iterator[RichText]:
        """Every piece of text of the table: caption, cells in reading order, or its lines."""
        yield from (rich for rich, _line in self.pieces())

    def pieces(self) -> Iterator[tuple[RichText, int]]:
        """:meth:`cells` with the source line each starts on."""
        if self.caption is not None:
            yield self.caption, self.line
        if self.pre is not None:
            yield self.pre, self.line
        for k, row in enumerate(self.rows):
            line = self.row_lines[k] if k < len(self.row_lines) else self.line
            yield from ((cell, line) for cell in row)


@dataclass
class Paragraph:
    """A numbered or lead-phrase paragraph, or a sub-paragraph of one.

    ``anchor`` is the stable id (``pp-3``, ``op-7``, ``op-7-a-ii``); it derives
    from printed numbers (preambular paragraphs have none and count from 1).
    """

    role: Literal["preambular", "operative", "sub", "text", "opening"]  # "opening": a formula inside the text ("The States Parties ...,")
    anchor: str
    number: str | None  # as printed: "7", "a", "ii"; None for preambular paragraphs
    lead: str  # the italic lead phrase ("Reaffirming also"), may be ""
    body: RichText  # the words after the lead phrase
    line: int  # 1-based source line where the paragraph starts
    children: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # printed after its words, before its children

    def walk(self) -> Iterator[Paragraph]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Heading:
    """A heading between paragraphs ("I. General", "Chapter II", "Article 14")."""

    text: RichText
    line: int
    anchor: str | None = None
    level: int = 2  # 2: a top heading of its part (body or annex); 3: under a chapter or numbered part
    title: RichText | None = None  # the printed title under "Chapter I" / "Article 1" ("General provisions")


Block = Paragraph | Heading


@dataclass
class Footnote:
    number: str
    body: RichText
    line: int


@dataclass
class Annex:
    """An annex: its own title and blocks; anchors are prefixed ``annex-N-`` (``annex-`` if alone)."""

    anchor: str
    title: RichText
    blocks: list[Block] = field(default_factory=list)
    line: int = 0


@dataclass
class Document:
    """One resolution text, read and understood."""

    path: str  # source path as given to the reader (docs-relative in the site)
    meta: Metadata
    opening: RichText = field(default_factory=RichText)  # "The General Assembly,"
    blocks: list[Block] = field(default_factory=list)  # preamble, operative part, headings, in order
    annexes: list[Annex] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # "95th plenary meeting", "19 December 2025"
    footnotes: list[Footnote] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fallback: str | None = None  # set when the text could not be classified: shown verbatim

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and sub-paragraph, body then annexes, in reading order."""
        for block in self.all_blocks():
            if isinstance(block, Paragraph):
                yield from block.walk()

    def all_blocks(self) -> Iterator[Block]:
        yield from self.blocks
        for annex in self.annexes:
            yield from annex.blocks

    def anchors(self) -> set[str]:
        """Every id the page has for a paragraph, a numbered heading or an annex: what a pinpoint may name."""
        ids = {a.anchor for a in self.annexes}
        ids.update(b.anchor for b in self.all_blocks() if isinstance(b, Heading) and b.anchor)
        ids.update(p.anchor for p in self.paragraphs())
        return ids

    def preambular(self) -> list[Paragraph]:
        return [p for p in self.blocks if isinstance(p, Paragraph) and p.role == "preambular"]

    def operative(self) -> list[Paragraph]:
        return [p for p in self.blocks if isinstance(p, Paragraph) and p.role == "operative"]

    def footnote(self, number: str) -> Footnote | None:
        for note in self.footnotes:
            if note.number == number:
                return note
        return None

    def markers(self) -> Iterator[NoteMark]:
        """Every footnote marker in reading order (running text only)."""
        yield from self.opening.notes
        for block in self.all_blocks():
            if isinstance(block, Heading):
                yield from block.text.notes
                yield from block.title.notes if block.title else ()
            else:
                for para in block.walk():
                    yield from para.body.notes
                    for table in para.tables:
                        for cell in table.cells():
                            yield from cell.notes
        for annex in self.annexes:
            yield from annex.title.notes

    def texts(self) -> Iterator[tuple[str, RichText, int]]:
        """Every run of text that may hold citations, with a stable key and its line.

        Keys: a paragraph's anchor, ``h<line>`` for a heading, ``fn-<N>`` for a footnote (a heading's printed title holds no citations),
        :func:`.anchors.table_key` for a piece of a table (its lines from plain text, or one cell).
        """
        for block in self.all_blocks():
            if isinstance(block, Heading):
                yield heading_key(block.line), block.text, block.line
            else:
                for para in block.walk():
                    yield para.anchor, para.body, para.line
                    for t, table in enumerate(para.tables, 1):
                        for k, (piece, line) in enumerate(table.pieces()):
                            yield table_key(para.anchor, t, k), piece, line
        for note in self.footnotes:
            yield footnote(note.number), note.body, note.line

    def warn(self, line: int, message: str, code: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message, code=code))
