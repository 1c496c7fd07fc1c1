"""Read UN documents delivered as plain text extracted from their PDFs (PyMuPDF style).

What the extraction looks like, and what this module relies on:

* pages are joined by an empty line (``""``); every page after the first starts
  with a running header holding the symbol, sometimes the running title, the job
  number ("25-16593") and the page counter ("2/24");
* inside a page, paragraphs are separated by lines holding only spaces;
  operative numbers and sub-paragraph labels may stand alone on a line ("1. ");
* footnotes sit at the page bottom after a ``______`` rule, each "1  text";
* footnote markers are bare digits glued to the text ("thereto,1") or set off by
  spaces ("Protocol, 2  the");
* a paragraph that continues on the next page is followed there by exactly one
  blank line after the header; a new paragraph by two or more (the PDF's
  paragraph spacing survives as an extra blank line).

Nothing is lost: every removed line is kept as furniture (see
:func:`read_plaintext_parts`) so that tests can prove the words add up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from .. import conventions, hyphens
from ..italics import mark_standard_italics
from ..leads import split_lead
from ..conventions import CLOSING, FOOTNOTE_RULE, JOB_LANGUAGE, JOB_NUMBER, LETTER_LABEL, MONTHS, OPERATIVE_NUMBER, PAGE_COUNTER, PART_HEADING
from ..model import Diagnostic, Footnote, NoteMark, RichText
from .cover import parse_cover
from .extracted import reshape, traits
from .raw import RawDocument, RawPara
from .text_tables import table_spans, text_table, usual_width

__all__ = ["read_plaintext", "read_plaintext_parts", "Furniture"]

_RULE = re.compile(rf"\s*{FOOTNOTE_RULE}\s*")
_COUNTER = re.compile(rf"\s*{PAGE_COUNTER}\s*")
_JOB = re.compile(rf"\s*{JOB_NUMBER}(?:{JOB_LANGUAGE})?\s*")
_LABEL_LINE = re.compile(rf"\s*({OPERATIVE_NUMBER}|{LETTER_LABEL}|[a-z]\))\s*")
_NOTE_START = re.compile(rf"({conventions.FOOTNOTE_MARK})\s+(\S.*)")
_HEADING_RE = re.compile(
    r"(?:Annex(?:es)?|Appendix|Preamble|Chapter|Part|Section|Article|Action|Title)"
    r"(?: [IVXLC\d]+[A-Z]?)?\.?"
    r"|[IVXLC]{1,6}\.? .{1,80}|[A-H]\. .{1,80}"
)
# Lines that always start a paragraph, even with no blank line before them.
_STARTER = re.compile(r"\s*(?:Item|Action)\s+\d{1,3}\.(?:\s|$)")
# Lines that never continue the previous page's paragraph.
_PART_START = re.compile(rf"\s*{PART_HEADING}\s*")
_CLOSING_RE = re.compile(CLOSING)
_MONTHS = {month.lower() for month in MONTHS}
# Words after which a number belongs to the text ("paragraph 7", "vol. 2349"), never a marker.
_NUMBER_WORDS = {
    "paragraph", "paragraphs", "para.", "paras.", "subparagraph", "subparagraphs", "vol.", "vols.",
    "no.", "nos.", "article", "articles", "art.", "arts.", "resolution", "resolutions", "decision",
    "decisions", "chapter", "chapters", "chap.", "item", "items", "annex", "annexes", "rule", "rules",
    "principle", "principles", "goal", "goals", "target", "targets", "section", "sections", "sect.",
    "page", "pages", "p.", "pp.", "and", "or", "to", "from", "between", "than", "phase", "step",
    "level", "levels", "recommendation", "recommendations", "volume", "part", "table", "figure", "box",
    "strategy", "number", "about", "over", "under", "least", "nearly", "approximately", "appendix",
    "supplement", "tier", "grade", "category", "option", "version", "edition", "round", "cycle",
}
_NOT_AFTER_MARKER = _MONTHS | {
    "per", "years", "year", "days", "months", "weeks", "hours", "million", "billion", "trillion",
    "thousand", "hundred", "times", "countries", "states", "members", "persons", "people", "cent",
}
_ABBREVIATIONS = {"rev", "add", "corr", "no", "nos", "vol", "vols", "para", "paras", "l", "art", "chap",
                  "sect", "p", "pp", "sess", "ser", "suppl", "amend", "misc", "inf", "wp", "c", "a", "s", "e"}


@dataclass
class Furniture:
    """What was taken out of the running text or changed in it, for word accounting."""

    cover: list[tuple[int, str]] = field(default_factory=list)  # the cover block's lines
    headers: list[tuple[int, str]] = field(default_factory=list)  # running headers of later pages
    rules: list[tuple[int, str]] = field(default_factory=list)  # the "______" footnote rules
    dehyphenated: list[tuple[int, str, str]] = field(default_factory=list)  # (line, "policy-", "making")


@dataclass
class _Page:
    body: list[tuple[int, str]]  # (line number, text without trailing spaces)
    notes: list[tuple[int, str]]
    rule_line: int | None = None

    def lead_blanks(self) -> int:
        count = 0
        for _n, text in self.body:
            if text.strip():
                break
            count += 1
        return count


@dataclass
class _Mark:
    line: int
    start: int
    end: int
    number: str


# --- pages --------------------------------------------------------------------------------------


def _split_pages(lines: list[tuple[int, str]], furniture: Furniture) -> list[list[tuple[int, str]]]:
    """Cut at page breaks (empty lines) and drop each page's running header."""
    pages: list[list[tuple[int, str]]] = [[]]
    i = 0
    while i < len(lines):
        n, text = lines[i]
        if text == "":
            window = lines[i + 1 : i + 11]
            counter = [k for k, (_m, t) in enumerate(window) if _COUNTER.fullmatch(t)]
            job = [k for k, (_m, t) in enumerate(window) if _JOB.fullmatch(t)]
            if i == len(lines) - 1:
                i += 1
                continue
            if counter and job:
                end = max(counter[0], job[0])
                furniture.headers += [(m, t) for m, t in window[: end + 1] if t.strip()]
                pages.append([])
                i += end + 2
                continue
            pages[-1].append((n, " "))  # an empty line that is no page break: a blank line
            i += 1
            continue
        pages[-1].append((n, text.rstrip()))
        i += 1
    return pages


def _cut_notes(page: list[tuple[int, str]], furniture: Furniture) -> _Page:
    for k, (n, text) in enumerate(page):
        if "_____" in text and _RULE.fullmatch(text):  # the rule is five underscores or more
            furniture.rules.append((n, text))
            return _Page(page[:k], page[k + 1 :], n)
    return _Page(page, [])


# --- footnote definitions -----------------------------------------------------------------------


@dataclass
class _Note:
    number: str
    line: int
    lines: list[tuple[int, str]]


def _parse_notes(pages: list[_Page], doc: RawDocument) -> list[list[_Note]]:
    """Footnote definitions per page; a note starts with the next number in sequence."""
    expected = 1
    per_page: list[list[_Note]] = []
    last: _Note | None = None
    for page in pages:
        notes: list[_Note] = []
        blank_before = True
        for n, text in page.notes:
            if not text.strip():
                blank_before = True
                continue
            m = _NOTE_START.match(text.strip())
            start = False
            if m:
                label = m.group(1)
                if label.startswith("*"):
                    start = blank_before or last is None
                else:
                    value = int(label)
                    if value == expected or (blank_before and value == 1 and last is not None):
                        start = True
                    elif blank_before and value > expected and re.match(r"\d+\s\s", text.strip()):
                        doc.warn(n, f"footnote {value} follows footnote {expected - 1}: numbers missing", code="footnote-numbers-missing")
                        start = True
            if start and m:
                label = m.group(1)
                last = _Note(label, n, [(n, m.group(2))])
                notes.append(last)
                if label.isdigit():
                    expected = int(label) + 1
            elif last is not None:
                last.lines.append((n, text.strip()))
            else:
                doc.warn(n, "text under a footnote rule before any footnote: kept as a footnote '?'", code="footnote-without-number")
                last = _Note("?", n, [(n, text.strip())])
                notes.append(last)
            blank_before = False
        per_page.append(notes)
    return per_page


def _bottom_star_notes(page: _Page) -> list[_Note]:
    """A '* On behalf of ...' note printed without a rule at the bottom of a page."""
    body = page.body
    k = len(body)
    while k and not body[k - 1][1].strip():
        k -= 1
    j = k
    while j and body[j - 1][1].strip():
        j -= 1
    if j < k and re.match(rf"{conventions.STAR_MARK} \S", body[j][1].strip()):
        m = _NOTE_START.match(body[j][1].strip())
        if m:
            note = _Note(m.group(1), body[j][0], [(body[j][0], m.group(2))] + [(n, t.strip()) for n, t in body[j + 1 : k]])
            page.notes = body[j:k] + page.notes
            page.body = body[:j]
            return [note]
    return []


# --- markers ------------------------------------------------------------------------------------

_GLUED = re.compile(r"(?<=[A-Za-z\u00C0-\u024F,;:.)\]”’\"])(\d{1,3})(?=\s|$)")
_SPACED = re.compile(r"(?<=[A-Za-z\u00C0-\u024F\d,;:.)\]”’\"]) {1,3}(\d{1,3})(?=\s|$)")
# A marker glued to a year: "18 May 201834" is 2018 + marker 34 (only accepted when 34 is expected).
_YEAR_GLUED = re.compile(r"(?<![\d/.])(?:19|20)\d\d(\d{1,2})(?=[\s,;.]|$)")
_STAR = re.compile(rf"(?<=[A-Za-z,;:)”’])({conventions.STAR_MARK})(?=\s|$)")


def _prev_token(text: str, start: int) -> str:
    return text[:start].rstrip().split(" ")[-1] if text[:start].strip() else ""


def _plausible(text: str, start: int, glued: bool, next_word: str) -> bool:
    """Is the number at ``text[start:end]`` a footnote marker rather than part of the text?"""
    if next_word[:1] in ("/", "%", "-", "–") or next_word.lower().strip(",.;") in _NOT_AFTER_MARKER:
        return False
    if glued:
        token = _prev_token(text, start) if text[start - 1 : start] == " " else text[:start].split(" ")[-1]
        prefix = token
        if "/" in prefix:
            return prefix[-1:] in ",;:)”’"
        if re.fullmatch(r"[A-Z]{1,2}", prefix) or prefix[-1:].isdigit():
            return False
        if prefix.endswith(".") and prefix[:-1].lower() in _ABBREVIATIONS:
            return False
        return True
    prev = _prev_token(text, start)
    if not prev:
        return False
    if prev.lower() in _NUMBER_WORDS or prev.lower().rstrip(",") in _NUMBER_WORDS and not prev.endswith(","):
        return False
    if prev.endswith(",") and re.fullmatch(r"\(?[\da-z]{1,3}\)?", prev[:-1]):
        before = text[:start].rstrip()[: -len(prev)].split()
        if before and (before[-1].lower() in _NUMBER_WORDS or re.fullmatch(r"\(?[\da-z]{1,3}\)?,", before[-1])):
            return False  # "paragraphs 3, 4": a list of numbers
    return True


def _find_marks(
    body: list[tuple[int, str]], wanted: list[str], search_from: tuple[int, int] = (0, 0)
) -> tuple[list[_Mark], list[str]]:
    """Find the markers for the footnotes ``wanted`` (in order) in ``body``; return marks and misses."""
    if not wanted:
        return [], []
    wanted_set = set(wanted)
    # Candidates per number, in reading order: only wanted numbers are ever taken, so others are not weighed.
    candidates: dict[str, list[tuple[tuple[int, int], _Mark]]] = {}
    # a candidate is a wanted number, so its line holds that number's first character
    holds = re.compile("[" + re.escape("".join(sorted({number[0] for number in wanted_set}))) + "]").search
    for k, (n, text) in enumerate(body):
        if not holds(text):
            continue
        for regex, glued in ((_GLUED, True), (_SPACED, False), (_STAR, True), (_YEAR_GLUED, True)):
            for m in regex.finditer(text):
                if m.group(1) not in wanted_set:
                    continue
                start, end = m.start(1), m.end(1)
                if regex is _STAR or regex is _YEAR_GLUED:
                    ok = True
                else:
                    rest = text[end:].split(None, 1)
                    nxt = rest[0] if rest else (body[k + 1][1].split() or [""])[0] if k + 1 < len(body) else ""
                    ok = _plausible(text, start, glued, nxt)
                if ok:
                    begin = m.start() if not glued else start
                    candidates.setdefault(m.group(1), []).append(((k, begin), _Mark(n, begin, end, m.group(1))))
    for found_here in candidates.values():
        found_here.sort(key=lambda c: c[0])  # stable: the regex order breaks ties, as before
    found: list[_Mark] = []
    missing: list[str] = []
    pos = search_from
    for number in wanted:
        these = candidates.get(number, [])
        i = bisect_left(these, pos, key=lambda c: c[0])
        if i == len(these):
            missing.append(number)
            continue
        found.append(these[i][1])
        pos = (these[i][0][0], these[i][0][1] + 1)
    return found, missing


def _find_glued_to_number(body: list[tuple[int, str]], number: str) -> _Mark | None:
    """Last resort: "at least 56514 humanitarian" or "COVID-1916" when footnote 14/16 has no other marker."""
    if not number.isdigit():
        return None
    pattern = re.compile(rf"(?:(?<=[\s(])(?:[IVX]{{1,4}})|(?<=[^\d\s])\d+|(?<=\s)\d+)({number})(?=[\s,;.]|$)")
    hits = []
    for n, text in body:
        for m in pattern.finditer(text):
            whole = m.group(0)
            if whole.isdigit() and len(whole) == 4 and 1900 <= int(whole) <= 2099 and text[m.start() - 1 : m.start()] in (" ", ""):
                continue  # a year, not a number with a marker glued to it
            hits.append((n, m))
    if len(hits) != 1:
        return None
    n, m = hits[0]
    return _Mark(n, m.start(1), m.end(1), number)


# --- assembling text ----------------------------------------------------------------------------


_WORD_HYPHEN_END = re.compile(r"([A-Za-z\u00C0-\u024F]+)-$")
_WORD_START = re.compile(r"[A-Za-z\u00C0-\u024F]+")


def _one_space(piece: str) -> str:
    """Each run of white space as one space (what ``re.sub(r"\\s+", " ", piece)`` gives, in half the time)."""
    words = piece.split()
    if not words:
        return " " if piece else ""
    return (" " if piece[0].isspace() else "") + " ".join(words) + (" " if piece[-1].isspace() else "")


class _Builder:
    """Accumulate running text with normalised spaces, markers and line-end hyphen joins."""

    def __init__(self, vocabulary: Mapping[str, int], joins: list[tuple[int, str, str]] | None = None) -> None:
        self.rich = RichText()
        self.vocabulary = vocabulary
        self.joins = joins if joins is not None else []
        self.line = 0

    def add_line(self, text: str, marks: list[_Mark], line: int = 0) -> None:
        self.line = line
        pos = 0
        first = True
        for mark in sorted(marks, key=lambda m: m.start):
            self._add(text[pos : mark.start], first)
            first = False
            self.rich.text = self.rich.text.rstrip()
            self.rich.notes.append(NoteMark(len(self.rich.text), mark.number))
            pos = mark.end
        self._add(text[pos:], first)

    def _add(self, piece: str, new_line: bool) -> None:
        piece = _one_space(piece)
        cur = self.rich.text
        if not piece.strip():
            if piece and cur and not cur.endswith(" ") and not new_line:
                self.rich.text += " "
            return
        if new_line and cur:
            piece = piece.lstrip()
            cur = cur.rstrip()
            # the tail only (a search over the whole text is quadratic), and only when it can match
            m = _WORD_HYPHEN_END.search(cur[-64:]) if cur.endswith("-") else None
            if m and piece[:1].isalpha():
                head = m.group(1)
                tail = _WORD_START.match(piece)
                if hyphens.is_break(self.vocabulary, head, tail.group(0) if tail else ""):
                    cur = cur[:-1]  # a line-break hyphen: the document writes the word unbroken
                    self.joins.append((self.line, head + "-", tail.group(0) if tail else ""))
                self.rich.text = cur + piece
                return
            if cur.endswith("-") and cur[-2:-1].isalpha() and piece[:1].isdigit():
                self.rich.text = cur + piece  # "post-" / "2021": a hyphenated compound broken at the line end
                return
            self.rich.text = cur + " " + piece
            return
        if cur.endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        self.rich.text = cur + piece

    def result(self) -> RichText:
        rich = self.rich
        rich.text = rich.text.rstrip()
        return rich


_HYPHEN_AT_LINE_END = re.compile(r"-[^\S\n]*\n")  # a line (not the last) ending in a hyphen


def _running_text(
    lines: list[tuple[int, str]], marks: dict[int, list[_Mark]], vocab: Mapping[str, int], joins: list[tuple[int, str, str]]
) -> RichText:
    """The lines (each without its newline) as one run of text, as :class:`_Builder` makes it.

    Most paragraphs have no marker and no line but the last ending in a hyphen: the builder
    then joins their words with one space, a space first if the first line with words is
    indented; so they are joined in one step."""
    numbers, texts = zip(*lines) if lines else ((), ())
    joined = "\n".join(texts).rstrip()
    if (marks and not marks.keys().isdisjoint(numbers)) or _HYPHEN_AT_LINE_END.search(joined):
        builder = _Builder(vocab, joins)
        for n, t in lines:
            builder.add_line(t, marks.get(n, []), n)
        return builder.result()
    words = joined.split()
    if not words:
        return RichText()
    first = len(joined) - len(joined.lstrip())  # the first character of a word
    indented = first > joined.rfind("\n", 0, first) + 1
    return RichText((" " if indented else "") + " ".join(words))


# --- main ---------------------------------------------------------------------------------------


def read_plaintext(text: str, path: str) -> RawDocument:
    """Read one PDF-extracted plain text into running-text paragraphs and footnotes."""
    return read_plaintext_parts(text, path)[0]


def read_plaintext_parts(text: str, path: str) -> tuple[RawDocument, Furniture]:
    """Like :func:`read_plaintext`, also returning every line removed as furniture."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = traits(text)
    if found.indented or found.flat:
        lines = reshape([(i + 1, t) for i, t in enumerate(text.split("\n"))], found)
    else:
        lines = [(i + 1, t) for i, t in enumerate(text.replace("\f", "\n\n").split("\n"))]
    cover = parse_cover(lines, path)
    doc = RawDocument(path, cover.meta, diagnostics=list(cover.diagnostics))
    furniture = Furniture(cover=[(n, t) for n, t in lines[: cover.body_start] if t.strip()])
    pages = [_cut_notes(p, furniture) for p in _split_pages(lines[cover.body_start :], furniture)]
    notes_per_page = _parse_notes(pages, doc)
    for k, page in enumerate(pages):
        if not page.notes:
            notes_per_page[k] = _bottom_star_notes(page) + notes_per_page[k]
    vocab = hyphens.vocabulary(t for p in pages for _n, t in p.body)
    marks = _place_marks(pages, notes_per_page, doc, bool(cover.meta.sponsors or cover.meta.agenda_item))  # "*": a cover note
    _assemble(pages, marks, vocab, doc, furniture.dehyphenated)
    for notes in notes_per_page:
        for note in notes:
            doc.footnotes.append(Footnote(note.number, _running_text(note.lines, {}, vocab, furniture.dehyphenated), note.line))
    for rich in [p.text for p in doc.paras] + [n.body for n in doc.footnotes]:
        mark_standard_italics(rich)  # titles always printed in italics ("Treaty Series")
    return doc, furniture


def _place_marks(
    pages: list[_Page], notes_per_page: list[list[_Note]], doc: RawDocument, sponsors: bool
) -> dict[int, list[_Mark]]:
    """Markers, page by page, for the notes defined on that page, by line."""
    marks: dict[int, list[_Mark]] = {}
    for k, page in enumerate(pages):
        wanted = [note.number for note in notes_per_page[k] if note.number != "?"]
        found, missing = _find_marks(page.body, wanted)
        for number in missing:
            if k > 0:  # the marker may sit at the end of the previous page
                more, still = _find_marks(pages[k - 1].body, [number], _after(marks, pages[k - 1]))
                if not still:
                    found += more
                    continue
            glued = _find_glued_to_number(page.body, number)
            if glued is not None:
                found.append(glued)
                doc.diagnostics.append(Diagnostic(
                    doc.path, glued.line, f"footnote marker {number} read from the end of a number glued to it", "info",
                    code="marker-glued"))
                continue
            if number.startswith("*") and sponsors:
                continue  # "Iraq:*": the marker is in the cover's sponsor line
            doc.warn(_note_line(notes_per_page[k], number), f"footnote {number} has no marker in the text", code="footnote-unused")
        for mark in found:
            marks.setdefault(mark.line, []).append(mark)
    return marks


def _after(marks: dict[int, list[_Mark]], page: _Page) -> tuple[int, int]:
    """Search position just after the last marker already found on ``page``."""
    pos = (0, 0)
    for k, (n, _t) in enumerate(page.body):
        for mark in marks.get(n, []):
            pos = max(pos, (k, mark.start + 1))
    return pos


def _note_line(notes: list[_Note], number: str) -> int:
    return next((n.line for n in notes if n.number == number), 0)


def _assemble(
    pages: list[_Page], marks: dict[int, list[_Mark]], vocab: Mapping[str, int], doc: RawDocument,
    joins: list[tuple[int, str, str]],
) -> None:
    """Turn page bodies into paragraphs, joining across page breaks."""
    width = usual_width(t for page in pages for _n, t in page.body)
    paras = _merge_paragraphs(_page_paragraphs(pages))
    tables = table_spans(paras, width)
    k = 0
    while k < len(paras):
        if k in tables:  # kept as printed, never run into a sentence; the words also as running text
            group, k = paras[k : tables[k]], tables[k]
            rich = _running_text([line for p in group for line in p], marks, vocab, joins)
            at = {n: [(m.start, m.end, m.number) for m in marks.get(n, [])] for p in group for n, _t in p}
            doc.paras.append(RawPara(rich, group[0][0][0], table=text_table(group, at)))
            continue
        lines = paras[k]
        k += 1
        if _CLOSING_RE.fullmatch(lines[0][1].strip()):
            for n, t in lines:  # "69th plenary meeting" / "18 December 2025": one paragraph each
                doc.paras.append(RawPara(RichText(t.strip()), n))
            continue
        rich = _running_text(lines, marks, vocab, joins)
        heading = _is_heading(lines, rich.text)
        doc.paras.append(RawPara(rich, lines[0][0], heading))


_NUMBER_START = re.compile(r"\s*(\d{1,3})\.(?:\s|$)")
_NEXT_NUMBER = re.compile(r"\s*(\d{1,3})\. [A-Z]")


def _page_paragraphs(pages: list[_Page]) -> list[tuple[list[tuple[int, str]], bool]]:
    """Each page's paragraphs as runs of lines, and whether each continues the previous page's last."""
    paras: list[tuple[list[tuple[int, str]], bool]] = []
    last_number = 0
    for k, page in enumerate(pages):
        current: list[tuple[int, str]] = []
        first = True
        page_continues = False
        for n, text in page.body:
            if not text.strip():
                if current:
                    paras.append((current, first and k > 0 and page_continues))
                    current, first = [], False
                continue
            if current:
                # A part heading, a label, "Item 3." or the next number opens with one of these (most
                # lines, running text, with none: the patterns are not tried on them).
                opening = text.lstrip()
                may_open = opening[:1].isdecimal() or opening[:1] in "(ACPI" or ("a" <= opening[:1] <= "z" and opening[1:2] == ")")
                part_line = (may_open and _PART_START.fullmatch(text) is not None) or (
                    len(current) == 1 and _PART_START.fullmatch(current[0][1]) is not None
                )  # "Annex" / "Programme of Action" with no blank line between: two paragraphs
                if (
                    part_line
                    or (may_open and (_LABEL_LINE.fullmatch(text) or _STARTER.match(text)
                                      or _next_number_line(text, current[-1][1], last_number)))
                    or _next_preambular_line(text, current[-1][1], last_number)
                ):
                    paras.append((current, first and k > 0 and page_continues))
                    current, first = [], False
            # "13. After ..." at the top of a page, under the end of paragraph 12, starts a paragraph.
            numbered_next = not current and bool(paras) and _next_number_line(text, paras[-1][0][-1][1], last_number)
            if not current and (m := _NUMBER_START.match(text)):
                last_number = int(m.group(1))
            if not current and first:
                page_continues = (
                    k > 0 and page.lead_blanks() == 1 and bool(paras) and not numbered_next
                    and not _LABEL_LINE.fullmatch(text) and not _PART_START.fullmatch(text)
                    and not _STARTER.match(text)  # "Action 6." at a page top is never a continuation
                )
            current.append((n, text))
        if current:
            paras.append((current, first and k > 0 and page_continues))
    return paras


def _merge_paragraphs(paras: list[tuple[list[tuple[int, str]], bool]]) -> list[list[tuple[int, str]]]:
    """Join a paragraph continued from the previous page, and a number alone on its line, to what they belong to."""
    merged: list[list[tuple[int, str]]] = []
    for lines, continued in paras:
        if continued and merged and not _heading_at_page_top(lines, merged[-1]):
            merged[-1].extend(lines)
        elif merged and len(merged[-1]) == 1 and _LABEL_LINE.fullmatch(merged[-1][0][1]):
            merged[-1].extend(lines)  # "1." alone, then a blank line, then the text
        else:
            merged.append(list(lines))
    return merged


_SENTENCE_END = re.compile(r"[.;:][\d\s]*$")  # "... them." or "... Agreement.3": a paragraph may end here


def _heading_at_page_top(lines: list[tuple[int, str]], previous: list[tuple[int, str]]) -> bool:
    """A heading first on a page ("Building confidence and security ..."), under a paragraph that
    ended on the page before: a run of one or two lines ending without punctuation cannot be a
    paragraph's tail (a tail ends a sentence), so it does not continue that paragraph."""
    last = lines[-1][1].rstrip()
    return (
        len(lines) <= 2 and lines[0][1].strip()[:1].isupper() and not last.endswith((".", ",", ";", ":"))
        and not last[-1:].isdigit() and bool(_SENTENCE_END.search(previous[-1][1].rstrip()))
    )


def _next_number_line(text: str, previous: str, last_number: int) -> bool:
    """ "63. Urges ..." right under the end of paragraph 62, with no blank line between."""
    m = _NEXT_NUMBER.match(text)
    if m is None or int(m.group(1)) != last_number + 1:
        return False
    end = previous.rstrip().rstrip("0123456789").rstrip()  # "Paris Agreement.3": a marker after the full stop
    return end.endswith((";", ".", ":"))


def _next_preambular_line(text: str, previous: str, last_number: int) -> bool:
    """ "Stressing the importance ..." right under a preambular paragraph's closing comma."""
    if last_number or not previous.rstrip().rstrip("0123456789").rstrip().endswith(","):
        return False
    return text[:1].isupper() and split_lead(text.strip(), "preambular") > 0


def _is_heading(lines: list[tuple[int, str]], text: str) -> bool:
    """A hint only: short single lines without closing punctuation, or "Article 14", "Annex II"."""
    if len(lines) > 2 or not text:
        return False
    if _HEADING_RE.fullmatch(text) and len(lines) == 1 and not text.endswith((",", ";")):
        return True
    return (
        len(lines) == 1
        and len(text.split()) <= 12
        and text[0].isupper()
        and not text.endswith((",", ";", ":", "."))
        and not re.match(r"\d", text)
    )
