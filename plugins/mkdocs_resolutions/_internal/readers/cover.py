"""Read the cover block of a UN document (symbol, organ, date, session, sponsors, title).

Shared by every reader: the caller hands over the lines of the document with any
markup already removed, and gets back :class:`Metadata` plus the index of the
first body line. Three delivery forms are handled by the same scanner:

* PDF plain text, one field per line, multi-line fields as consecutive lines;
* markdown converted from PDF with one field per paragraph (the seed);
* sloppier markdown where several fields share one line
  ("Distr.: Limited 14 October 2025", "Eightieth session Third Committee").

Each line is first cut into *segments*: recognised fields (``Distr.:``, a date,
``Agenda item 107``) and free text. Consecutive free-text lines form a *run*
(a blank line ends it); a run is then classified as agenda title, sponsors,
adoption line, report reference, title or the opening "The General Assembly,".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from enum import Enum

from ..conventions import BARCODE, DATE, JOB_LANGUAGE, JOB_NUMBER, JOB_STAMP, MONTHS, OPENING, ORGAN_OF_SYMBOL, ORGANS, PART_MARK
from ..model import Diagnostic, Kind, Metadata

__all__ = ["Cover", "parse_cover", "ordinal_number", "split_sponsors", "iso_date"]


@dataclass
class Cover:
    """What :func:`parse_cover` found: metadata and where the body starts (index into ``lines``)."""

    meta: Metadata
    body_start: int
    diagnostics: list[Diagnostic] = field(default_factory=list)


# --- ordinals ("Sixty-sixth" -> 66) -----------------------------------------------------------

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]  # + "ieth" / "y-"


def _ordinal_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, word in enumerate(_UNITS, 1):
        table[word] = i
    for i, word in enumerate(_TEENS, 10):
        table[word] = i
    for i, stem in enumerate(_TENS, 2):
        table[stem + "ieth"] = 10 * i
        for j, unit in enumerate(_UNITS, 1):
            table[f"{stem}y-{unit}"] = 10 * i + j
    return table


_ORDINALS = _ordinal_table()
_ORDINAL_RE = "|".join(sorted(_ORDINALS, key=len, reverse=True))


def ordinal_number(word: str) -> int | None:
    """``"Sixty-sixth"`` -> 66; ``None`` if ``word`` is not an ordinal from 1 to 99."""
    return _ORDINALS.get(re.sub(r"\s*-\s*", "-", word.strip().lower()))


# --- dates --------------------------------------------------------------------------------------



def iso_date(printed: str) -> str | None:
    """``"6 October 2011"`` -> ``"2011-10-06"``; ``None`` when it is not a real date."""
    m = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", printed.strip())
    if not m or m.group(2) not in MONTHS:
        return None
    try:
        return _date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat()
    except ValueError:
        return None


# --- sponsors -----------------------------------------------------------------------------------

# Member and observer States whose names contain " and " or a comma: they must not be split.
_JOINED_NAMES = [
    "United Kingdom of Great Britain and Northern Ireland",
    "Saint Vincent and the Grenadines",
    "Bosnia and Herzegovina",
    "Sao Tome and Principe",
    "Saint Kitts and Nevis",
    "Trinidad and Tobago",
    "Antigua and Barbuda",
    "Heard Island and McDonald Islands",
    "Wallis and Futuna",
    "Turks and Caicos Islands",
]


def split_sponsors(text: str) -> list[str]:
    """Split ``"Antigua and Barbuda, Belgium and Mexico"`` into state names.

    Names containing "and" are protected first; parenthesised parts
    ("Netherlands (Kingdom of the)") never split.
    """
    text = re.sub(r"\s+", " ", text).strip().rstrip(",")
    if not text:
        return []
    protected: list[str] = []

    def protect(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    for name in _JOINED_NAMES:
        text = re.sub(re.escape(name), protect, text)
    text = re.sub(r"\([^()]*\)", protect, text)
    parts = [p for chunk in text.split(", ") for p in re.split(r"(?:^| )and ", chunk)]

    def restore(s: str) -> str:
        while "\x00" in s:
            s = re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], s)
        return s.strip()

    return [restore(p) for p in parts if p.strip()]


# --- line segmentation --------------------------------------------------------------------------

_COMMITTEE_RE = (
    r"Special Political and Decolonization Committee(?: \(Fourth Committee\))?"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
)
_SPDC = "Special Political and Decolonization Committee"
_ITEM = r"\d+(?: ?\([a-z]\))?"
_SYMBOL = re.compile(r"[ASE]/(?:[A-Z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*")
# Field patterns tried at the start of the rest of a line; the lambda decides on the rest.
_FIELDS: list[tuple[str, re.Pattern[str], bool]] = [
    # (name, pattern, must the pattern take the whole rest of the line?)
    ("barcode", re.compile(BARCODE), False),
    ("job", re.compile(rf"({JOB_NUMBER}{JOB_LANGUAGE})(?: +{JOB_STAMP})?"), False),  # printed with its language
    ("distr", re.compile(r"Distr\.: ?(\w+)"), False),
    ("original", re.compile(r"Original: ?([A-Z][a-z]+(?:(?:/| and )[A-Z][a-z]+)*)"), False),
    ("session", re.compile(
        rf"((?:Resumed |Continued )?(?:{_ORDINAL_RE})(?: (?:emergency |special )*)? ?session)",
        re.IGNORECASE), False),
    # "Agenda item 16 (a)"; a report or note prints "Item 70 of the provisional agenda*"
    ("agenda", re.compile(rf"Agenda items? ({_ITEM}(?:(?:, | and ){_ITEM})*)"
                          rf"|Items? ({_ITEM}(?:(?:, | and ){_ITEM})*) of the (?:preliminary |provisional )?(?:list|agenda)\*{{0,3}}"), False),
    ("date", re.compile(DATE), False),
    ("committee", re.compile(_COMMITTEE_RE), True),
    ("organ", re.compile("|".join(ORGANS)), True),
    ("un", re.compile(r"United Nations"), True),
    ("symbol", _SYMBOL, True),
    ("stamp", re.compile(JOB_STAMP), True),  # the processing date printed apart from the job number
]


def _starts_field(rest: str) -> bool:
    """Does ``rest`` begin with a field that is recognised mid-line (used after a whole-line field)?

    The symbol counts when it is all of the rest: "United Nations      A/RES/80/229", the two
    columns of the cover's first line as ``pdftotext -layout`` prints them.
    """
    return any(p.match(rest) for _name, p, whole in _FIELDS if not whole) or bool(_SYMBOL.fullmatch(rest))


@dataclass
class _Seg:
    index: int  # index into ``lines``
    line: int  # source line number
    kind: str  # a field name, "text" or "blank"
    text: str
    value: str = ""


def _clean(text: str) -> str:
    """Collapse spaces. Markup is not touched: the markdown reader strips its own
    before calling, and in plain text "<sup>" or "**" are words of the source."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _segments(index: int, lineno: int, text: str) -> list[_Seg]:
    """Cut one cover line into recognised fields and free text."""
    out: list[_Seg] = []
    rest = text
    while rest:
        for name, pattern, whole in _FIELDS:
            m = pattern.match(rest)
            if not m:
                continue
            after = rest[m.end():]
            if whole and after.strip() and not _starts_field(after.strip()):
                continue
            if after and not after[0].isspace():
                continue  # a field must end at a word boundary
            value = next((g for g in m.groups() if g), m.group(0))
            out.append(_Seg(index, lineno, name, m.group(0), value))
            rest = after.strip()
            break
        else:
            out.append(_Seg(index, lineno, "text", rest))
            break
    return out


# --- run classification -------------------------------------------------------------------------

_OPENING_RE = re.compile(rf"{OPENING}(?: ?,| ?:)?")
_PART_MARK_RE = re.compile(PART_MARK)
_SPONSOR_RE = re.compile(
    r"(?P<who>.*?) ?: ?\*? ?(?P<what>(?:revised )?draft (?:resolution|decision)s?|amendments? to .*)",
    re.IGNORECASE,
)
_SUBMITTED_RE = re.compile(r"(?:Revised )?(?P<what>[Dd]raft (?:resolution|decision)s?)(?: submitted by (?P<who>.+))?")
_ADOPTED_RE = re.compile(
    r"(?P<what>Resolution|Decision) adopted by the (?P<organ>[A-Z][\w ]+?)(?: on (?P<date>" + DATE + r"))?"
)
# "Note by the Secretariat" under (or over) the title: a note, whose body has no opening line.
_NOTE_RE = re.compile(r"Note by the (?:Secretariat|Secretary-General|President of the [A-Z][\w ]+|Chair of the [A-Z][\w ]+)")
_TITLE_NUMBER_RE = re.compile(r"\d{1,3}/\d{1,4}(?: ?[A-Z])?\. ")
_RUN_START = re.compile(rf"\[|(?:Resolution|Decision) adopted by |{_TITLE_NUMBER_RE.pattern}")


def _join(parts: list[str]) -> str:
    """Join the lines of a run; a line ending in a hyphen joins without a space."""
    out = ""
    for part in parts:
        if out.endswith("-") and not out.endswith(" -"):
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out.strip()


# Fields stored as printed, the first time they are seen.
_PLAIN_FIELDS = {
    "distr": "distribution", "original": "original_language", "committee": "committee",
    "organ": "organ", "symbol": "symbol",
}


class _Run(Enum):
    """What a run of free-text lines turned out to be, for the scanner's next step."""

    FIELD = "field"  # a cover field (sponsors, report, agenda title ...): keep scanning
    TITLE = "title"  # the title (or its continuation): the body may start after it
    BODY = "body"  # the opening line or the first paragraph: the body starts here


@dataclass
class _Scanner:
    """Reads cover lines one by one; state: which fields are still expected, the pending run,
    and where the title ended. It stops at the first body line."""

    lines: list[tuple[int, str]]
    meta: Metadata = field(default_factory=Metadata)
    header: bool = True  # recognise fields only until sponsors/adoption/title are seen
    after_agenda: bool = False  # the next run may be the agenda item's title
    run: list[_Seg] = field(default_factory=list)
    run_start: int = 0  # index of the pending run's first line
    body_start: int | None = None
    title_end: int | None = None  # index of the line after the title

    def scan(self) -> None:
        for index, (lineno, raw) in enumerate(self.lines):
            text = _clean(raw)
            if not text or re.fullmatch(r"-{3,}|\*{3,}|_{3,}", text):
                if self.close_run(index):
                    return
            elif self.line(index, lineno, text):
                return
        self.close_run(len(self.lines))

    def close_run(self, index: int) -> bool:
        """Classify the pending run at a break before line ``index``; True when the body starts with it."""
        outcome = self.classify()
        if outcome is _Run.TITLE:
            self.title_end = index
        elif outcome is _Run.BODY:
            self.body_start = self.run_start
            return True
        return False

    def line(self, index: int, lineno: int, text: str) -> bool:
        """Read one non-blank line; True when the body starts at (or before) it."""
        segs = _segments(index, lineno, text) if self.header else [_Seg(index, lineno, "text", text)]
        for seg in segs:
            if seg.kind != "text" and self.take_field(seg):
                if self.classify() is _Run.BODY:  # a field ends the run before it (the title, if any, stays open)
                    self.body_start = self.run_start
                    return True
                continue
            if seg.text.startswith("(Fourth Committee)") and self.meta.committee == _SPDC and not self.run:
                self.meta.committee += " (Fourth Committee)"  # the committee name wrapped onto two lines
                rest = seg.text[len("(Fourth Committee)"):].strip()
                if not rest:
                    continue
                seg = _Seg(seg.index, seg.line, "text", rest)
            if not self.run and self.meta.kind is Kind.OTHER and _NOTE_RE.fullmatch(seg.text):
                self.meta.kind, self.meta.kind_line = Kind.NOTE, seg.text  # "Note by the Secretary-General" under the title: a field
                continue
            if not self.run and self.title_end is not None and not (self.meta.title or "").endswith((";", ":", ",")):
                self.body_start = index  # text after the title without an opening line
                return True
            opening = bool(_OPENING_RE.fullmatch(seg.text))
            # "Resolution adopted by ...", "[on the report of ...]", "[without reference ...]" and
            # "79/131. Title" begin a run of their own even with no blank line above them.
            if (opening or _RUN_START.match(seg.text)) and self.run and self.close_run(index):
                return True
            if not self.run:
                self.run_start = seg.index
            self.run.append(_Seg(seg.index, seg.line, "text", seg.text))
            if opening:
                self.body_start = index
                return True
        return False

    def classify(self) -> _Run:
        """Store what the pending run is (a field, the title) or say that the body starts with it."""
        if not self.run:
            return _Run.FIELD
        text = _join([s.text for s in self.run])
        self.run.clear()
        if _OPENING_RE.fullmatch(text):
            return _Run.BODY
        if self.front_field(text):
            self.header = self.after_agenda = False
            return _Run.FIELD
        if self.after_agenda and self.meta.agenda_title is None and self.header:
            self.meta.agenda_title = text
            self.after_agenda = False
            return _Run.FIELD
        if self.meta.title is not None and self.title_end is not None and self.meta.title.endswith((";", ":", ",")):
            self.meta.title = f"{self.meta.title} {text}"  # "79/243. United Nations Convention against Cybercrime;" + subtitle
            return _Run.TITLE
        if self.meta.title is None and _TITLE_NUMBER_RE.fullmatch(text + " ") and self.meta.kind in (Kind.RESOLUTION, Kind.DECISION):
            return _Run.FIELD  # "80/32." printed apart from its title (pdftotext): the title follows
        if self.meta.title is None:
            m = _TITLE_NUMBER_RE.match(text)
            if m and self.meta.kind in (Kind.RESOLUTION, Kind.DECISION):
                text = text[m.end():]
            self.meta.title = text
            self.header = self.after_agenda = False
            return _Run.TITLE
        return _Run.BODY

    def front_field(self, text: str) -> bool:
        """A run that says who submitted or adopted the text, or on whose report (the last three before the title)."""
        meta = self.meta
        if meta.kind is Kind.OTHER and _NOTE_RE.fullmatch(text):
            meta.kind, meta.kind_line = Kind.NOTE, text
        elif m := _SUBMITTED_RE.fullmatch(text):
            meta.kind = Kind.DRAFT_DECISION if "decision" in m["what"].lower() else Kind.DRAFT_RESOLUTION
            meta.sponsors = [m["who"].strip()] if m["who"] else []
            meta.sponsor_line = m["who"].strip() if m["who"] else None
        elif meta.title is not None:
            return False
        elif m := _SPONSOR_RE.fullmatch(text):
            what = m["what"].lower()
            if what.startswith("amendment"):
                meta.kind = Kind.AMENDMENT
                meta.amends = re.sub(r"^amendments? to\s+", "", m["what"], flags=re.IGNORECASE).strip()
            else:
                meta.kind = Kind.DRAFT_DECISION if "decision" in what else Kind.DRAFT_RESOLUTION
            meta.sponsors = split_sponsors(m["who"])
            # The line as printed keeps its "and" and the note markers after the colon ("Iraq:*").
            meta.sponsor_line = re.sub(r"\s*:\s*(\**)\s*$", r"\1", text[: m.start("what")]).strip()
        elif m := _ADOPTED_RE.fullmatch(text):
            meta.kind = Kind.DECISION if m["what"] == "Decision" else Kind.RESOLUTION
            meta.adopted_on = m["date"]
            if meta.organ is None:
                meta.organ = m["organ"]
        elif text.startswith("["):
            meta.report = text.strip("[] ")
        else:
            return False
        return True

    def take_field(self, seg: _Seg) -> bool:
        """Store a recognised field; ``False`` if it is not wanted here (then it is text)."""
        meta, kind, value = self.meta, seg.kind, seg.value
        if kind in ("barcode", "stamp") or (kind == "un" and meta.organ is None):
            return True
        if kind == "job" and meta.job_number is None:
            meta.job_number = re.sub(r"(\d) ?\(", r"\1 (", value)
        elif kind in _PLAIN_FIELDS and getattr(meta, _PLAIN_FIELDS[kind]) is None:
            setattr(meta, _PLAIN_FIELDS[kind], value)
        elif kind == "session" and meta.session is None:
            meta.session = value
            word = re.sub(r"^(?:Resumed|Continued) ", "", value, flags=re.IGNORECASE).split(" ")[0]
            meta.session_number = ordinal_number(word)
        elif kind == "agenda" and meta.agenda_item is None:
            meta.agenda_item = value
            self.after_agenda = True
        elif kind == "date" and meta.date is None:
            meta.date = value
            meta.iso_date = iso_date(value)
        else:
            return False
        return True


def parse_cover(lines: list[tuple[int, str]], path: str) -> Cover:
    """Read the cover block at the top of ``lines`` (line number, markup-free text)."""
    scanner = _Scanner(lines)
    scanner.scan()
    meta, body_start, title_end = scanner.meta, scanner.body_start, scanner.title_end
    diags: list[Diagnostic] = []
    if body_start is None or (title_end is not None and body_start >= title_end and not _is_opening(lines, body_start)):
        if body_start is None:
            body_start = title_end if title_end is not None else 0
        if not _PART_MARK_RE.fullmatch(_clean(lines[body_start][1]).strip() if body_start < len(lines) else ""):
            diags.append(_no_opening(lines, body_start, title_end, path))  # part "A" has its own opening line
    # A body that starts at a blank line starts at the next non-blank one.
    while body_start < len(lines) and not _clean(lines[body_start][1]).strip("-_* "):
        body_start += 1
    if meta.organ is None and meta.symbol:
        meta.organ = ORGAN_OF_SYMBOL.get(meta.symbol[0])
    if meta.kind is Kind.OTHER and meta.symbol and "/RES/" in meta.symbol:
        meta.kind = Kind.RESOLUTION
    return Cover(meta, body_start, diags)


def _no_opening(lines: list[tuple[int, str]], body_start: int, title_end: int | None, path: str) -> Diagnostic:
    """Why the body starts where it does when no opening line was seen: an info or a warning."""
    line = lines[body_start][0] if body_start < len(lines) else (lines[-1][0] if lines else 1)
    first = _clean(lines[body_start][1]) if body_start < len(lines) else ""
    if _OPENING_RE.match(first):  # a decision: "The General Assembly, taking note of ..."
        return Diagnostic(path, line, "cover: opening line runs on into the first paragraph", "info", code="cover-run-on")
    if any("amendment" in text.lower() for _, text in lines[:body_start]):
        # An amendment ("Delete operative paragraph 9.") has no opening line by nature.
        return Diagnostic(path, line, "cover: an amendment; its body starts after the title", "info", code="cover-amendment")
    if any(_NOTE_RE.fullmatch(_clean(text)) for _, text in lines[:body_start]):
        return Diagnostic(path, line, "cover: a note; its body starts after the title", "info", code="cover-note")
    where = "after the title" if title_end is not None else "at the top"
    return Diagnostic(
        path, line, f"cover: no opening line (\"The General Assembly,\"); body taken to start {where}", code="no-opening-line"
    )


def _is_opening(lines: list[tuple[int, str]], index: int) -> bool:
    return index < len(lines) and bool(_OPENING_RE.fullmatch(_clean(lines[index][1])))
