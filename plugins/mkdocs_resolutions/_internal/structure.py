"""Turn a reader's flat paragraph stream into a structured :class:`Document`.

Shared by every input form, so a paragraph is classified the same way whether
it came from markdown, plain text or PDF. Classification relies on what is
printed (operative numbers, "(a)" labels, "Annex", "Article 14") and never on
position alone, so anchors stay stable when text around them changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import anchors
from .anchors import Anchor
from .conventions import CLOSING, DATE, LABEL, OPENING, ORGAN_CODES, PART_MARK
from .model import Annex, Block, Diagnostic, Document, Footnote, Heading, Paragraph, RichText, Table
from .leads import split_lead
from .readers.raw import RawDocument, RawPara

_OPENING = re.compile(rf"^{OPENING}\s*,?\s*$")
_OPERATIVE = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
_BARE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=[A-Z][a-z])")  # "25 Condemns": a number that lost its full stop
_LABEL = re.compile(rf"^{LABEL}\s+(?=\S)")
_ANNEX = re.compile(r"^Annex(?:\s+([IVXLC]+|\d+|[A-Z]))?\s*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^Article\s+(\d+)\s*\.?\s*$")
_CHAPTER = re.compile(r"^(Chapter|Part|Section)\s+([IVXLC]+|\d+)\s*\.?\s*$")
_ROMAN_HEADING = re.compile(r"^([IVXLC]+|[A-H])\.\s+\S")
_ROMAN_ALONE = re.compile(r"^([IVXLC]{1,6})\.?$")  # "II" printed above its title ("Capacity-building")
_ACTION = re.compile(r"^(Action|Item)\s+(\d+)\.\s*(?=\S)")
_PLENARY = re.compile(rf"^{CLOSING}\b")
_DATE_LINE = re.compile(rf"^{DATE}\s*$")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
# One of several resolutions or sections in one text: "B" or "II" alone, "Draft resolution B", "Resolution B".
_PART_MARK = re.compile(rf"^{PART_MARK}$")
_MARK_TITLE = re.compile(r"^([A-H]|[IVX]{1,5})\s+([A-Z].*)$")  # a mark and its title on one line
# The opening formula of an annexed instrument's preamble: "The States Parties to the present Convention,".
_FORMULA = re.compile(r"^The\s[^,;.:]{3,150},$")


def _lead_length(body: RichText, role: str, organ: str | None = None) -> int:
    """Length of the lead phrase: the leading italic run if printed, else the word list."""
    for a, b in body.italics:
        if a == 0:
            lead = body.text[:b].rstrip()
            # An italic run that is most of the paragraph is not a lead phrase.
            if lead and len(lead) < 120 and len(lead) < len(body.text.strip()):
                return len(lead)
    if role in ("preambular", "operative", "sub"):  # a sub-paragraph's lead is its heading ("Protection of civilians:")
        return split_lead(body.text, role, organ)  # type: ignore[arg-type]
    return 0


def _looks_like_title(text: str) -> bool:
    """An annex's title: right under "Annex", unnumbered, no closing punctuation."""
    return (
        len(text) < 300 and text[:1].isupper() and not text.rstrip().endswith((".", ",", ";", ":"))
        and not _OPERATIVE.match(text) and not _LABEL.match(text)
    )


def _is_roman(label: str) -> bool:
    return bool(_ROMAN.match(label))


@dataclass
class _Level:
    """One open level of sub-paragraph labels, to tell "(i)" the letter from "(i)" the numeral."""

    style: str  # "alpha", "roman", "digit"
    para: Paragraph
    last: str = ""


def _label_style(label: str, stack: list[_Level]) -> str:
    if label.isdigit():
        return "digit"
    if not _is_roman(label):
        return "alpha"
    # "(i)" follows "(h)" as a letter; "(v)" follows "(u)", "(x)" follows "(w)".
    for level in reversed(stack):
        if level.style == "alpha" and level.last and ord(label[0]) == ord(level.last[-1]) + 1 and len(label) == 1:
            return "alpha"
    return "roman"


@dataclass
class _Builder:
    raw: RawDocument
    doc: Document
    annex: Annex | None = None
    pp_count: int = 0
    annex_pp_count: int = 0
    used: set[str] = field(default_factory=set)
    next_copy: dict[str, int] = field(default_factory=dict)  # the next "-N" to try for an id printed again
    current: Paragraph | None = None  # the last top-level paragraph (for sub-paragraphs)
    stack: list[_Level] = field(default_factory=list)
    article: str | None = None  # inside an annex's "Article 14": "14"
    operative_seen: bool = False  # in the current part (body or annex)
    part: str = ""  # the last roman-numbered heading ("ii"), parent of lettered ones
    letter: str = ""  # the last lettered heading under it ("h": then "I." is a letter too)
    last_op: int = 0  # the last operative number of the body
    last_number: int = 0  # the last paragraph number of the body or annex being read
    text_count: int = 0
    # -- heading levels and titles (issue 10) --
    heading_level: int = 2  # level of the heading being added: 3 under a chapter or a numbered part
    in_chapter: bool = False  # a "Chapter I" heading is open in this part: its articles sit under it
    titled: Heading | None = None  # a chapter or article heading whose printed title may come next
    adopts_text: bool = False  # an unnumbered "Adopts the following ...:" was just read: a title may follow
    # -- parts and formulas (issue 11) --
    unnumbered: set[int] = field(default_factory=set)  # indexes of the body's unnumbered operative clauses
    index: int = 0  # of the paragraph being added
    prefix: str | None = None  # the id of the part the text is in ("res-b"), None outside parts
    opened: bool = False  # the current resolution's opening formula has been read
    part_start: int = 0  # where the current part's blocks begin (in the annex's or the body's blocks)

    # -- anchors -------------------------------------------------------------
    def unique(self, anchor: str, line: int, printed_twice: bool = True) -> str:
        """``anchor``, or ``anchor-2`` (``-3`` ...) when taken.

        A top-level number printed twice is a defect worth a warning; a list that
        restarts its lettering inside one paragraph, or a second unnumbered annex,
        is ordinary printing and only noted.
        """
        if anchor not in self.used:
            self.used.add(anchor)
            return anchor
        n = self.next_copy.get(anchor, 2)  # counted on from the last copy: linear in the copies
        while anchors.duplicate(anchor, n) in self.used:
            n += 1
        self.next_copy[anchor] = n + 1
        again = anchors.duplicate(anchor, n)
        message = f"anchor '{anchor}' already used; this one is '{again}'"
        if printed_twice:
            self.doc.warn(line, f"{message} (number printed twice)", code="number-repeated")
        else:
            self.doc.diagnostics.append(Diagnostic(self.doc.path, line, message, "info", code="anchor-repeated"))
        self.used.add(again)
        return again

    def here(self, kind: str, number: str, in_article: bool = False) -> str:
        """The id of ``kind`` ``number`` where the text is: in the body or a part of it, or an annex (and its article)."""
        annex = anchors.parse(self.annex.anchor) if self.annex else None
        article = self.article if annex is not None and in_article else None
        part = annex.part if annex is not None else self.prefix
        return Anchor(kind, number, annex=annex.annex if annex else None, article=article, part=part).id

    @property
    def blocks(self) -> list[Block]:
        return self.annex.blocks if self.annex else self.doc.blocks

    # -- paragraphs ----------------------------------------------------------
    def add(self, para: RawPara) -> None:
        rich = para.text.strip()
        text = rich.text
        if (not text and not rich.notes) or self.take_frame(rich, para.line):
            return
        if self.take_title(rich, para.line, para.heading):
            return
        if (m := _BARE_NUMBER.match(text)) and self.annex is None and int(m.group(1)) == self.last_op + 1 > 1:
            self.doc.warn(para.line, f"operative number {m.group(1)} is printed without its full stop; read as paragraph {m.group(1)}", code="number-no-full-stop")
            self.operative(rich, m, para.line)
        elif m := _OPERATIVE.match(text):
            self.operative(rich, m, para.line)
        elif m := _ACTION.match(text):
            self.numbered(rich, m, para.line, self.here(m.group(1).lower(), m.group(2)))
        elif (m := _LABEL.match(text)) and self.current is not None:
            self.sub(rich, m, para.line)
        elif self.index in self.unnumbered:
            self.unnumbered_operative(rich, para.line)
        elif (heading := self.heading_anchor(text, para.heading)) is not None:
            self.heading(rich, heading, para.line)
        elif self.titles_next(text):
            self.heading(rich, "", para.line)
        elif self.annex is None and not self.operative_seen and self.opened and not _adopts(text):
            self.preambular(rich, para.line)
        else:
            self.plain(rich, para.line)

    def take_frame(self, rich: RichText, line: int) -> bool:
        """An opening formula, an "Annex" line or a closing line: what frames the paragraphs."""
        text = rich.text
        if self.annex is None and not self.doc.blocks and not self.doc.opening.text and _OPENING.match(text):
            self.doc.opening = RichText(text, [], list(rich.notes))
            self.opened = True
        elif self.is_formula(text):
            self.formula(rich, line)
        elif m := _ANNEX.match(text):
            self.start_annex(m.group(1), line)
        elif self.is_closing(text):
            self.doc.closing.append(text)
        else:
            return False
        return True

    def titles_next(self, text: str) -> bool:
        """A section title between paragraphs N and N + 1, printed on two lines (so no form hints it)."""
        nxt = self.raw.paras[self.index + 1].text.text if self.index + 1 < len(self.raw.paras) else ""
        m = _OPERATIVE.match(nxt)
        return (
            m is not None and self.last_number > 0 and int(m.group(1)) == self.last_number + 1
            and len(text.split()) <= 20 and _looks_like_title(text) and not text.rstrip().endswith(")")
        )

    def is_formula(self, text: str) -> bool:
        """An opening formula inside the text: a part's own "The General Assembly,", or the opening
        of an annexed instrument's preamble ("The States Parties to the present Convention,"),
        before any paragraph of its part. The pattern is tried first: the blocks are looked at only
        for a line that reads like a formula (a part's blocks are headings until its first paragraph)."""
        if self.annex is None:
            shaped = self.prefix is not None and not self.opened and bool(_OPENING.match(text))
        else:
            shaped = bool(_FORMULA.match(text) or _OPENING.match(text)) and split_lead(text, "preambular") == 0
        return shaped and not any(isinstance(b, Paragraph) for b in self.blocks[self.part_start:])

    def formula(self, rich: RichText, line: int) -> None:
        where = self.annex.anchor if self.annex else self.prefix
        self.blocks.append(Paragraph("opening", self.unique(anchors.opening(where), line), None, "", rich, line))
        self.opened = True
        self.current, self.stack = None, []

    def start_part(self, part: _Part, para: RawPara) -> None:
        """Resolution B (or section II) begins: its own preamble, numbering and anchors (``res-b-op-1``)."""
        anchor = anchors.part(part.kind, part.printed).id
        self.prefix, self.annex = None, None  # the part's own id has no prefix; resolution A's annex ends
        rich = para.text.strip()
        m = _mark_and_title(para)
        heading = Heading(rich.slice(0, m.end(1)) if m else rich, para.line, self.unique(anchor, para.line), 2)
        if m:  # "A" and its title set close together and read as one heading line
            heading.title = rich.slice(m.start(2))
        self.doc.blocks.append(heading)
        self.prefix = anchor
        self.part_start = len(self.doc.blocks)
        self.titled = heading if _PART_MARK.match(heading.text.text) and heading.title is None else None
        self.pp_count = self.text_count = self.last_op = self.last_number = 0
        self.operative_seen = self.in_chapter = False
        self.opened = part.kind == "sec"  # a section is under the text's one opening formula
        self.part, self.letter, self.article = "", "", None
        self.current, self.stack = None, []

    def unnumbered_operative(self, rich: RichText, line: int) -> None:
        """An operative clause printed without a number (the only one, or one of the last few)."""
        self.text_count += 1
        para = self.make("operative", self.here("text", str(self.text_count)), None, rich, line)
        self.operative_seen = True
        self.blocks.append(para)
        self.current = para
        self.stack = [_Level("digit", para)]

    def is_closing(self, text: str) -> bool:
        if _PLENARY.match(text):
            return True
        return bool(self.doc.closing) and bool(_DATE_LINE.match(text)) and len(self.doc.closing) == 1

    def heading_anchor(self, text: str, hinted: bool) -> str | None:
        """An anchor for a heading line, or None when the line is not a heading."""
        if m := _ARTICLE.match(text):
            self.article = m.group(1)
            self.text_count = 0  # an article's unnumbered paragraphs count from 1
            self.heading_level = 3 if self.in_chapter else 2
            return self.here("art", m.group(1))
        if m := _CHAPTER.match(text):
            self.article = None
            self.heading_level, self.in_chapter = 2, True
            return self.here(m.group(1)[:2].lower(), m.group(2).lower())
        self.heading_level = 2
        short = len(text) < 200 and not text.rstrip().endswith((",", ";"))
        if short and (hinted or _ROMAN_HEADING.match(text) or _ROMAN_ALONE.match(text)):
            m = _ROMAN_HEADING.match(text) or _ROMAN_ALONE.match(text)
            if not m:
                return ""  # a heading without a printed number gets no anchor
            label = m.group(1).lower()
            is_letter = len(label) == 1 and (label in "abcdefgh" or (self.letter and ord(label) == ord(self.letter) + 1))
            if is_letter and self.part:
                self.letter = label
                self.heading_level = 3
                return anchors.child(self.here("part", self.part), label)  # "A." under "II." is part-ii-a
            self.part, self.letter = label, ""
            return self.here("part", label)
        return None

    def start_annex(self, numeral: str | None, line: int) -> None:
        # The annex of resolution B is "res-b-annex"; annexes after the parts are the text's own.
        anchor = self.unique(replace(anchors.annex(numeral), part=self.prefix).id, line, printed_twice=bool(numeral))
        self.annex = Annex(anchor=anchor, title=RichText(), line=line)
        self.doc.annexes.append(self.annex)
        self.current = None
        self.stack = []
        self.article = None
        self.annex_pp_count = self.part_start = 0
        self.text_count = self.last_number = 0
        self.operative_seen = False
        self.part = ""
        self.in_chapter = False

    def make(self, role: str, anchor: str, number: str | None, body: RichText, line: int) -> Paragraph:
        lead_len = _lead_length(body, role, self.doc.meta.organ)
        lead = body.text[:lead_len].strip()
        rest = body.slice(lead_len).strip() if lead_len else body
        anchor = self.unique(anchor, line, printed_twice=role != "sub")
        return Paragraph(role, anchor, number, lead, rest, line)  # type: ignore[arg-type]

    def operative(self, rich: RichText, m: re.Match[str], line: int) -> None:
        number = m.group(1)
        if self.numbered_list(rich, m, line):
            return
        if self.annex is None:
            self.last_op = int(number)
        self.last_number = int(number)
        anchor = self.here("p", number, in_article=True) if self.annex else self.here("op", number)
        para = self.make("operative", anchor, number, rich.slice(m.end()), line)
        self.operative_seen = True
        self.blocks.append(para)
        self.current = para
        self.stack = [_Level("digit", para, number)]

    def numbered_list(self, rich: RichText, m: re.Match[str], line: int) -> bool:
        """A list "1. 2. 3." inside a paragraph that ends with a colon ("the following objectives:")."""
        number = int(m.group(1))
        level = self.stack[-1] if self.stack else None
        in_list = level is not None and level.style == "list" and number == int(level.last) + 1
        starts = (
            number == 1 and self.current is not None and self.current.body.text.rstrip().endswith(":")
            and self.current.number is not None and self.current.number != "1"
        )
        if not (in_list or starts):
            return False
        if in_list:
            self.stack.pop()
        parent = self.stack[-1].para if self.stack else self.current
        assert parent is not None
        # As printed: "1." (a list item), unlike the "(1)" of a sub-paragraph label.
        para = self.make("sub", anchors.child(parent.anchor, str(number)), f"{number}.", rich.slice(m.end()), line)
        parent.children.append(para)
        self.stack.append(_Level("list", para, str(number)))
        return True

    def numbered(self, rich: RichText, m: re.Match[str], line: int, anchor: str) -> None:
        para = self.make("operative", anchor, m.group(2), rich.slice(m.end()), line)
        self.operative_seen = True
        self.blocks.append(para)
        self.current = para
        self.stack = [_Level("digit", para, m.group(1))]

    def sub(self, rich: RichText, m: re.Match[str], line: int) -> None:
        label = m.group(1)
        style = _label_style(label, self.stack)
        # Close levels until one of the same style is found (a sibling), else nest.
        depth = next((i for i in range(len(self.stack) - 1, 0, -1) if self.stack[i].style == style), None)
        if depth is not None:
            del self.stack[depth:]
        parent = self.stack[-1].para if self.stack else self.current
        assert parent is not None
        para = self.make("sub", anchors.child(parent.anchor, label), label, rich.slice(m.end()), line)
        parent.children.append(para)
        self.stack.append(_Level(style, para, label))
        for level in self.stack[:-1]:
            if level.style == style:
                level.last = label
        self.stack[-1].last = label

    def heading(self, rich: RichText, anchor: str, line: int) -> None:
        numbered = _ARTICLE.match(rich.text) or _CHAPTER.match(rich.text)
        if numbered:  # "Article 13." printed with a stray full stop: the heading is "Article 13"
            rich = rich.slice(0, len(rich.text.rstrip(". ")))
        heading = Heading(rich, line, self.unique(anchor, line) if anchor else None, self.heading_level)
        self.blocks.append(heading)
        self.titled = heading if numbered else None
        self.current = None
        self.stack = []

    def take_title(self, rich: RichText, line: int, hinted: bool) -> bool:
        """A printed title: an annex's (right under "Annex"), the one under "Article 1" ("Statement of
        purpose"), or that of a text the resolution adopts ("Adopts the following Pact ...:" then
        "The Pact for the Future")."""
        titled, adopts = self.titled, self.adopts_text
        self.titled, self.adopts_text = None, _adopts(rich.text) and self.annex is None and not self.operative_seen
        if self.annex is not None and not self.annex.blocks and not self.annex.title.text and (
            hinted or _looks_like_title(rich.text.rstrip().rstrip(";"))
        ):
            self.annex.title = rich
            return True
        if (  # a title printed on two lines, the first ending ";" ("United Nations Convention against Cybercrime;")
            self.annex is not None and not self.annex.blocks and self.annex.title.text.rstrip().endswith(";")
            and _looks_like_title(rich.text)
        ):
            self.annex.title.append(rich, " ")
            return True
        if not _looks_like_title(rich.text) or _ANNEX.match(rich.text) or _ACTION.match(rich.text):
            return False
        if titled is not None and self.blocks and self.blocks[-1] is titled:
            titled.title = rich
            return True
        if adopts and not self.heading_anchor(rich.text, False):
            self.blocks.append(Heading(rich, line, None))
            return True
        return False

    def table(self, table: Table, line: int) -> None:
        """A table belongs to the paragraph printed just before it ("... set forth in the table below:");
        with none before it in this part, it stands in a text paragraph of its own."""
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, Paragraph):
            host = last
            while host.children:
                host = host.children[-1]
        else:
            self.text_count += 1
            host = self.make("text", self.here("text", str(self.text_count), in_article=True), None, RichText(), line)
            self.blocks.append(host)
            self.current, self.stack = host, [_Level("digit", host)]
        host.tables.append(table)

    def preambular(self, rich: RichText, line: int) -> None:
        self.pp_count += 1
        para = self.make("preambular", self.here("pp", str(self.pp_count)), None, rich, line)
        self.blocks.append(para)
        self.current = para
        self.stack = [_Level("digit", para)]

    def plain(self, rich: RichText, line: int) -> None:
        # An annex's preamble ends where its numbered paragraphs, chapters or articles begin.
        if self.annex is not None and not self.operative_seen and self.article is None and not self.in_chapter:
            self.annex_pp_count += 1
            anchor = self.here("pp", str(self.annex_pp_count), in_article=True)
            para = self.make("preambular", anchor, None, rich, line)
        else:
            self.text_count += 1
            para = self.make("text", self.here("text", str(self.text_count), in_article=True), None, rich, line)
        self.blocks.append(para)
        self.current = para
        self.stack = [_Level("digit", para)]


def _adopts(text: str) -> bool:
    """An unnumbered operative clause introducing an adopted text: "Adopts the following Pact ...:"."""
    return text.rstrip().endswith(":") and split_lead(text, "operative") > 0 and split_lead(text, "preambular") == 0


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _ordinal(printed: str) -> tuple[str, int]:
    """ "B" is letter 2, "IV" is numeral 4: the style and place of a part's printed mark."""
    if printed in "ABCDEFGH":
        return "letter", ord(printed) - ord("A") + 1
    values = [_ROMAN_VALUES[c] for c in printed]
    return "roman", sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@dataclass(frozen=True)
class _Part:
    """Where one of several resolutions (``kind`` "res") or restarting sections ("sec") begins."""

    kind: str
    printed: str  # "B", "II"


def _mark_and_title(para: RawPara) -> re.Match[str] | None:
    """ "A Information in the service of humanity": a part's mark and title read as one heading
    (both bold and centred, no space between them). Only a hinted heading: "A Member State ..."
    in running text is a sentence."""
    m = _MARK_TITLE.match(para.text.text.strip())
    return m if m and para.heading and _looks_like_title(m.group(2)) else None


def _find_parts(paras: list[RawPara]) -> dict[int, _Part]:
    """The paragraphs that open parts A, B, C (or I, II ...) of the body, each with its own numbering.

    A text prints several resolutions ("Draft resolutions" A to C, a budget's "A. Budget
    appropriations", "B. Income estimates") or sections numbered from 1 again ("Questions
    relating to the programme budget", sections I, II ...). One rule for both: a run of marks
    printed in order (A, B, C or I, II, III) where each part after the first starts its own
    numbering at 1 or has its own opening formula. Parts with their own "The General
    Assembly," are resolutions (``res-b``), the others sections of one (``sec-ii``). Numbered
    headings whose paragraphs run on ("I. General", then 1 to 12, "II. ..." then 13) are not parts.
    """
    marks: list[tuple[int, str, int, str, bool]] = []  # index, style, ordinal, printed, named "Draft resolution B"
    numbers: list[tuple[int, int]] = []  # the body's, not an annex's
    texts = [para.text.text.strip() for para in paras]
    openings = {i for i, text in enumerate(texts) if _OPENING.match(text)}
    in_annex = False
    for i, text in enumerate(texts):
        m = _PART_MARK.match(text) or _ROMAN_HEADING.match(text) or _mark_and_title(paras[i])
        opens = any(j in openings for j in range(i + 1, i + 4))
        if _ANNEX.match(text):
            in_annex = True
        elif m and (opens or not in_annex):  # after the annex of resolution A, only a mark with its own opening line
            in_annex = False
            style, place = _ordinal(m.group(1))
            marks.append((i, style, place, m.group(1), text[:1] in "DR" and len(text) > 5 and not _ROMAN_HEADING.match(text)))
        elif (m := _OPERATIVE.match(text)) and not in_annex:
            numbers.append((i, int(m.group(1))))
    run: list[tuple[int, str, int, str, bool]] = []
    for mark in marks:
        if not run and mark[2] == 1:
            run = [mark]
        elif run and mark[1] == run[0][1] and mark[2] == run[-1][2] + 1:
            run.append(mark)
    if len(run) < 2:
        return {}
    ends = [m[0] for m in run[1:]] + [len(paras)]
    own_opening = [any(j in openings for j in range(m[0] + 1, min(end, m[0] + 4))) for m, end in zip(run, ends)]
    restarts, unnumbered = [], []  # a part numbering from 1 again (or with its own opening); one with no number
    for k, (mark, end) in enumerate(zip(run, ends)):
        mine = [n for j, n in numbers if mark[0] < j < end]
        before = any(j < mark[0] for j, _n in numbers)
        restarts.append(own_opening[k] or (bool(mine) and mine[0] == 1 and before))
        unnumbered.append(not mine)
    # Every later part restarts or has no number of its own, and at least one really restarts.
    if not all(r or u for r, u in zip(restarts[1:], unnumbered[1:])) or not any(restarts[1:]):
        return {}
    kind = "res" if all(own or m[4] for own, m in zip(own_opening, run)) else "sec"
    return {m[0]: _Part(kind, m[3]) for m in run}


def _unnumbered_operative(paras: list[RawPara]) -> set[int]:
    """A body with no numbered paragraph ends in its operative clauses, printed without numbers:
    "Decides to include in the provisional agenda ...", "Adopts the Convention ... as contained in
    the annex to the present resolution." Their lead is an operative verb, never a participle."""
    body: list[int] = []
    for i, para in enumerate(paras):
        text = para.text.text.strip()
        if _ANNEX.match(text):
            break
        if not text or _PLENARY.match(text) or _DATE_LINE.match(text):
            continue
        if _OPERATIVE.match(text) or _BARE_NUMBER.match(text) or _ACTION.match(text) or _PART_MARK.match(text):
            return set()
        body.append(i)
    if not any(_OPENING.match(paras[i].text.text.strip()) for i in body):
        return set()
    found: set[int] = set()
    for i in reversed(body):
        text = paras[i].text.text.strip()
        if _LABEL.match(text):
            continue  # "(a) ..." under the clause
        if split_lead(text, "operative") > 0 and split_lead(text, "preambular") == 0:
            found.add(i)
            continue
        break
    return found


def _unique_footnotes(footnotes: list[Footnote], doc: Document) -> list[Footnote]:
    """A number defined twice keeps both texts; the second is numbered "N-2" so ids stay unique."""
    seen: set[str] = set()
    out = []
    for note in footnotes:
        number, k = note.number, 1
        while number in seen:
            k += 1
            number = anchors.duplicate(note.number, k)
        if number != note.number:
            doc.warn(note.line, f"footnote {note.number} is defined twice; this text is kept as footnote {number}, its markers go to the first", code="footnote-twice")
            note = Footnote(number, note.body, note.line)
        seen.add(number)
        out.append(note)
    return out


def build_document(raw: RawDocument) -> Document:
    """Classify ``raw``'s paragraphs and number their anchors."""
    doc = Document(path=raw.path, meta=raw.meta, diagnostics=list(raw.diagnostics))
    doc.footnotes = _unique_footnotes(raw.footnotes, doc)
    builder = _Builder(raw, doc, unnumbered=_unnumbered_operative(raw.paras))
    parts = _find_parts(raw.paras)
    for i, para in enumerate(raw.paras):
        builder.index = i
        if para.table is not None:  # a table opens no part: its first cell may well be "A"
            builder.table(para.table, para.line)
        elif i in parts:
            builder.start_part(parts[i], para)
        else:
            builder.add(para)
    _check(doc)
    return doc


def organ_code(doc: Document) -> str | None:
    """The symbol prefix of the organ adopting ``doc`` ("A", "S", ...), for "its resolution"."""
    if doc.meta.organ in ORGAN_CODES:
        return ORGAN_CODES[doc.meta.organ]
    m = _OPENING.match(doc.opening.text)
    return ORGAN_CODES[m.group(1)] if m else None


def _check(doc: Document) -> None:
    """Warn about numbering and footnote problems a reader should know of."""
    expected, part = 1, None
    for para in doc.operative():
        parsed = anchors.parse(para.anchor)
        if para.number is None or parsed is None or not parsed.is_operative:  # "Action 3." counts on its own
            continue
        if parsed.part != part:  # resolution B numbers its paragraphs from 1
            expected, part = 1, parsed.part
        number = int(para.number)
        if number != expected:
            doc.warn(para.line, f"operative paragraph {number} follows {expected - 1}: numbering gap or repeat kept as printed", code="numbering-gap")
        expected = number + 1
    defined = {note.number for note in doc.footnotes}
    used = [mark.number for mark in doc.markers()]
    for mark in dict.fromkeys(used):
        if mark not in defined:
            doc.warn(_marker_line(doc, mark), f"footnote marker {mark} has no footnote text; shown as a plain marker",
                     code="marker-without-footnote")
    for note in doc.footnotes:
        # "*" notes belong to the cover (sponsors, agenda item), whose markers are not running text.
        already = any(d.message.startswith(f"footnote {note.number} ") for d in doc.diagnostics)
        if note.number not in used and note.number.isdigit() and not already:
            doc.warn(note.line, f"footnote {note.number} is never referenced in the text; kept in the footnote list", code="footnote-unused")
    explained = {"cover-run-on", "cover-amendment", "cover-note"}  # the cover said why already: a decision, an amendment, a note
    opened = any(isinstance(b, Paragraph) and b.role == "opening" for b in doc.blocks)
    if not doc.opening.text and not opened and not any(d.code in explained for d in doc.diagnostics):
        doc.diagnostics.append(Diagnostic(doc.path, 1, "no opening line (e.g. 'The General Assembly,') found", "info", code="no-opening-line"))


def _marker_line(doc: Document, number: str) -> int:
    for block in doc.all_blocks():
        if isinstance(block, Paragraph):
            for para in block.walk():
                if any(m.number == number for m in para.body.notes):
                    return para.line
    return 1
