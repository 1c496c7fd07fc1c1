"""Recognise how a text extractor laid out a UN document and reshape it for the plain-text reader.

The plain-text reader reads PyMuPDF's shape: pages joined by an empty line and a
running header, paragraphs separated by blank lines. Other extractors print the
same pages differently, and the traits show in the text itself, so no option is
needed:

* form feeds (``\\f``) end the pages (poppler ``pdftotext``);
* the page keeps its columns: most lines are indented to a common margin and a
  paragraph's first line is indented further (``pdftotext -layout``); page furniture
  shares a line with other furniture ("2/27      25-20947");
* footnote numbers stand alone on the line above their text.

:func:`reshape` rewrites such a text into the reader's shape. Every line keeps
its source line number (blank separators it adds reuse the number of the line
they precede), and only whitespace changes, so no word is lost.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..leads import split_lead
from ..conventions import (
    BARCODE, FOOTNOTE_RULE, JOB_LANGUAGE, JOB_NUMBER, JOB_STAMP, LETTER_LABEL, OPENING, OPERATIVE_NUMBER, PAGE_COUNTER,
    PART_HEADING, RUNNING_SYMBOL, STAR_MARK,
)

__all__ = ["Traits", "traits", "reshape"]

Line = tuple[int, str]

_COLUMN_GAP = re.compile(r"\s{3,}")
_RULE = re.compile(rf"\s*{FOOTNOTE_RULE}\s*")
_NOTE_NUMBER = re.compile(r"\s*(\d{1,3}|\*{1,3})\s*")
_OPENING_LINE = re.compile(rf"\s*{OPENING}\s?[,:]?\s*")
_LABELLED = re.compile(rf"\s*(?:{OPERATIVE_NUMBER}|{LETTER_LABEL})\s+\S")
_ITEM_END = re.compile(r"(?:[:;.,]|(?:^|[;,])\s*(?:and/or|and|or))\s*$")  # "; and" ends an item, "Parliament and" does not
_PART = re.compile(rf"\s*{PART_HEADING}\s*")
_BULLET = re.compile(r"\s*[•▪●◦]\s")  # a bulleted item always starts a line
_NUMBERED = re.compile(rf"\s*{OPERATIVE_NUMBER}(?:\s+[A-Z]|\s*$)")  # "7. Decides", or "7." alone
_BARE_NUMBER = re.compile(r"\s*(\d{1,3})\s+[A-Z][a-z]")
_NUMBER_OPEN = re.compile(r"\s*(\d{1,3})\.(?:\s|$)")
_COUNTER_OR_JOB = re.compile(rf"{PAGE_COUNTER}|{JOB_NUMBER}(?:{JOB_LANGUAGE})?")
# "25-198212/2", "9/925-16860": a page's job number and counter run together (pdf.js prints no space).
_GLUED_FOOT = re.compile(rf"^\s*({JOB_NUMBER}|{PAGE_COUNTER})({PAGE_COUNTER}|{JOB_NUMBER})\s*$")
_STAR_NOTE = re.compile(rf"{STAR_MARK} [A-Z]")  # "* On behalf of ...": a cover note printed without a rule
_NOTE_START = re.compile(r"\s*(?:\d{1,3}|\*{1,3})\s+\S")  # "2  Ibid.": a note's number and its text
_GOES_ON = re.compile(r" [a-z]")  # PDFium: the rest of a line after a superscript, on a line of its own
_INDENT_STEP = 3  # a paragraph's first line is indented at least this much past the margin


@dataclass(frozen=True)
class Traits:
    """What the text shows of its extractor."""

    form_feeds: bool  # pages end with "\f"
    indented: bool  # the page's layout is kept: a margin, first lines indented past it
    flat: bool = False  # neither indentation nor blank lines mark paragraphs (pdftotext, pdfplumber)


def traits(text: str) -> Traits:
    """Read the extractor's traits from the text (the first pages are enough)."""
    sample = text[:60000].split("\n")
    filled = [t for t in sample if t.strip()]
    indented = sum(1 for t in filled if t.startswith("    ")) > 0.5 * max(1, len(filled))
    sample = text.split("\n")  # numbered paragraphs may come after a long preamble
    # Numbered paragraphs ("7. Decides") right under a text line, not after a blank one: nothing
    # but the words marks where paragraphs begin.
    numbered = [k for k, t in enumerate(sample) if k and _NUMBERED.match(t)]
    flat = len(numbered) >= 2 and sum(1 for k in numbered if sample[k - 1].strip()) > len(numbered) / 2
    # PyMuPDF separates paragraphs with lines of spaces and pages with empty lines; the others
    # print no lines of spaces at all.
    spaces = sum(1 for t in sample if t and not t.strip())
    flat = flat and spaces <= sum(1 for t in sample if not t)
    return Traits("\f" in text, indented, flat and not indented)


def reshape(lines: list[Line], found: Traits) -> list[Line]:
    """The lines in the plain-text reader's shape, when the traits ask for it; else as they are."""
    if found.flat:
        return rejoin_split_words(_reshape_flat(lines, found))
    if not found.indented:
        return lines
    return rejoin_split_words(_reshape_layout(lines))


def _reshape_layout(lines: list[Line]) -> list[Line]:
    """``pdftotext -layout``: pages at form feeds, paragraphs from the indentation."""
    pages = _pages(lines)
    marks = _marks(lines)
    out: list[Line] = []
    flow = _Flow()
    for k, page in enumerate(pages):
        head, body, foot = _furniture(page, k, marks)
        if k == 0:
            # The first page's foot (job number, barcode) is part of the cover, as PyMuPDF reads it.
            cover, body = _cover(body)
            out += [(n, t.strip()) for n, t in foot] + [(n, " ") for n, _t in foot[:1]] + cover  # read as fields
        else:
            # A later page's head and foot together make the running header the reader removes.
            first = head[0][0] if head else (body[0][0] if body else foot[0][0] if foot else 0)
            out.append((first, ""))
            out += _columns(head) + _columns(foot)
        out += _body(body, k > 0, flow)
    return out


@dataclass
class _Flow:
    """What the running text carries from one page to the next."""

    above: str = ""  # the last body line so far
    listing: bool = False  # the last paragraph opened with a label on its own line ("(i) the ...")
    number: int = 0  # the last operative number that opened a paragraph

    def next_number(self, text: str) -> bool:
        """ "11 Condemns": the next operative number, printed (or extracted) without its full stop."""
        m = _BARE_NUMBER.match(text)
        return m is not None and int(m.group(1)) == self.number + 1

    def opened(self, text: str) -> None:
        m = _BARE_NUMBER.match(text) or _NUMBER_OPEN.match(text)
        if m:
            self.number = int(m.group(1))


def _pages(lines: list[Line]) -> list[list[Line]]:
    """Cut at form feeds; a text without them is one page."""
    pages: list[list[Line]] = [[]]
    for n, text in lines:
        parts = text.split("\f")
        for j, part in enumerate(parts):
            if j:
                pages.append([])
            if part or j == 0:
                pages[-1].append((n, part.rstrip()))
    return [p for p in pages if any(t.strip() for _n, t in p)]


def _own_symbol(lines: list[Line]) -> str:
    """The document's symbol as its cover prints it: the running head of later pages.

    Another symbol alone on a line ("A/80/124." as a footnote) is text, not furniture.
    """
    for _n, text in _symbol_rejoined(lines[:12]):
        m = re.search(rf"(?<!\S){RUNNING_SYMBOL}(?!\S)", text)
        if m:
            return m.group(0)
    return ""


@dataclass(frozen=True)
class _Marks:
    """One document's page furniture: job number, page counter, stamp, barcode and its own symbol."""

    token: re.Pattern[str]
    line: re.Pattern[str]
    own: str  # the document's symbol ("" when the cover shows none)

    def __call__(self, text: str) -> bool:
        """Is the line nothing but furniture ("2/27      25-20947", "A/RES/80/229")?"""
        return bool(text.strip()) and self.line.fullmatch(text) is not None


def _marks(lines: list[Line]) -> _Marks:
    own = _own_symbol(lines)
    token = rf"(?:{PAGE_COUNTER}|{JOB_NUMBER}(?:{JOB_LANGUAGE})?|{JOB_STAMP}|{BARCODE}" + (f"|{re.escape(own)})" if own else ")")
    return _Marks(re.compile(rf"(?<!\S){token}(?!\S)"), re.compile(rf"\s*{token}(?:\s+{token})*\s*"), own)


def _furniture(page: list[Line], k: int, marks: _Marks) -> tuple[list[Line], list[Line], list[Line]]:
    """Split a page into its running head (later pages), body and foot (job number, counter, barcode)."""
    lines = list(page)
    while lines and not lines[-1][1].strip():
        lines.pop()
    foot: list[Line] = []
    while lines and (not lines[-1][1].strip() or marks(lines[-1][1])):
        line = lines.pop()
        if line[1].strip():
            foot.insert(0, line)
    head: list[Line] = []
    if k > 0:
        top = 0
        while top < len(lines) and not lines[top][1].strip():
            top += 1
        end = top
        while end < len(lines) and lines[end][1].strip() and end - top < 3:
            end += 1
        block = lines[top:end]
        if block and (end == len(lines) or not lines[end][1].strip()) and any(
            marks.token.search(t) for _n, t in block
        ):
            head = block
            lines = lines[end:]
    return head, lines, foot


def _columns(lines: list[Line]) -> list[Line]:
    """Furniture printed side by side ("2/27      25-20947") as one line each."""
    return [(n, part) for n, text in lines for part in _COLUMN_GAP.split(text.strip()) if part]


def _cover(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The first page's lines up to the opening line stay as printed (the cover reader reads columns)."""
    for i, (_n, text) in enumerate(lines):
        if _OPENING_LINE.fullmatch(text):
            return lines[:i], lines[i:]
    return [], lines


def _margin(lines: list[Line]) -> int:
    """The page's left margin: the least indentation that many lines share.

    Not simply the most common one: on a page of two-line paragraphs the indented
    first lines are as many as the lines at the margin.
    """
    counts: Counter[int] = Counter()
    for _n, text in lines:
        if _RULE.fullmatch(text):
            break  # the footnotes have their own indentation
        if text.strip():
            counts[len(text) - len(text.lstrip())] += 1
    total = sum(counts.values())
    return min((i for i, c in counts.items() if c >= max(2, total / 10)), default=min(counts, default=0))


def _body(lines: list[Line], continued: bool, flow: _Flow) -> list[Line]:
    """Body lines flush left, a blank line before each indented first line, footnotes as "6  text"."""
    margin = _margin(lines)
    filled = [(n, t) for n, t in lines if t.strip()]
    width = max((len(t) for _n, t in filled), default=0)
    after_blank = {n for (n, t), (_m, before) in zip(lines[1:], lines) if t.strip() and not before.strip()}
    out: list[Line] = []
    notes = False
    pending_number: Line | None = None
    for k, (n, text) in enumerate(filled):
        if _RULE.fullmatch(text):
            notes = True
            out.append((n, text.strip()))
            continue
        if notes:
            if _NOTE_NUMBER.fullmatch(text):
                if pending_number:
                    out.append(pending_number)
                pending_number = (n, text.strip())
                continue
            if pending_number:
                out.append((pending_number[0], f"{pending_number[1]}  {text.strip()}"))
                pending_number = None
                continue
            out.append((n, re.sub(r"\s{2,}", " ", text.strip())))
            continue
        above = filled[k - 1][1] if k else None
        below = filled[k + 1][1] if k + 1 < len(filled) else ""
        labelled = _labelled(text, flow.above, flow.listing)
        starts = bool(
            _starts(text, above, below, margin, flow.above) or labelled or (k > 0 and n in after_blank)
            or (above is not None and _heading_like(above, width)) or _BULLET.match(text) is not None
            or (_heading_like(text, width if _indent(below) < margin + _INDENT_STEP else 2 * width)
                and _ends_item(flow.above if above is None else above))
        )
        if starts and above is not None and _hangs(text, above):
            starts = labelled or _BULLET.match(text) is not None
        if starts:
            flow.listing = labelled and text.lstrip().startswith("(")
        flow.above = text
        if k == 0:
            out += [(n, " ")] * (2 if starts or not continued else 1)
        elif starts:
            out.append((n, " "))
        out.append((n, re.sub(r"\s{2,}", " ", text.strip())))
    if pending_number:
        out.append(pending_number)
    return out


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _starts(text: str, above: str | None, below: str, margin: int, previous: str) -> bool:
    """Is this line indented as a paragraph's first line (``above`` is None at the top of the page)?

    Past the margin is not enough: a block of sub-paragraphs may hang at a deeper
    indentation. A first line is also more indented than the line below it, or than
    the line above it, or follows the end of an item and opens with a capital or
    sits above a line at the margin.
    """
    indent = _indent(text)
    if _PART.fullmatch(text) or (above is not None and _PART.fullmatch(above)):
        return True  # "Annex I", wherever the page puts it, and the title under it
    if indent < margin + _INDENT_STEP:
        return False
    first_line = bool(below.strip()) and _indent(below) <= margin + 1
    if above is None:  # a page's first line: its own shape, and how the last page ended
        return first_line or (_ends_item(previous) and text.lstrip()[:1].isupper())
    if _indent(above) < indent - 1:
        return True
    return _ends_item(above) and (first_line or text.lstrip()[:1].isupper())


def _ends_item(text: str) -> bool:
    """Does the line end a paragraph's last sentence or item (a footnote marker after it aside)?"""
    return bool(_ITEM_END.search(re.sub(r"(?:\s?\d{1,3}|\*{1,3})$", "", text.rstrip())))


def _labelled(text: str, above: str, listing: bool) -> bool:
    """ "(a) To ..." or "7. Decides" under a line that ended an item: a new paragraph whatever its indentation.

    A label before a small letter under a ";" may be an inline list run onto a new line
    ("...the OIOS;" / "(ii) production of ..."): a ":" above, a capital or a list of such
    lines so far tell.
    """
    m = _LABELLED.match(text)
    if not m or not _ends_item(above):
        return False
    return text[m.end() - 1].isupper() or above.rstrip().endswith(":") or listing



def _heading_like(text: str, width: int) -> bool:
    """A short line that ends no sentence ("Dialogue (two months)"): what follows it starts afresh.

    Lines inside a paragraph run to the full width; its last line ends with punctuation.
    (Callers double ``width`` when the next line is indented as a first line: then only
    the missing punctuation and the few words count.)
    """
    words = text.strip()
    return (
        len(text) < width * 0.6 and words[:1].isupper() and not re.search(r"[,;:.\-–]\s*$", words)
        and not _ends_item(text) and len(words.split()) <= 12
    )


# --- flat text: no indentation, no blank lines between paragraphs ----------------------------------------


def _reshape_flat(lines: list[Line], found: Traits) -> list[Line]:
    """Pages cut at form feeds or at their furniture; paragraphs found from line lengths and words."""
    lines = [(n, _GLUED_FOOT.sub(r"\1 \2", t)) for n, t in lines]
    marks = _marks(lines)
    running = _running_lines(lines, marks)
    pages = _pages(lines) if found.form_feeds else _pages_at_furniture(lines, marks, running)
    out: list[Line] = []
    flow = _Flow()
    carried: list[Line] = []  # the next page's head, printed before the cut this reader found
    for k, page in enumerate(pages):
        cover: list[Line] = []
        if k == 0:
            cover, page = _cover(page)  # the cover as printed: its blank lines end its fields
            cover = _symbol_rejoined(cover)
        furniture = [(n, t) for n, t in page if marks(t) or (t.strip() and _strip_symbol(t) in running)]
        taken = set(furniture)
        body = [(n, t.rstrip()) for n, t in page if t.strip() and (n, t) not in taken]  # stripped in _flat_body
        if k == 0:
            # The first page's foot (job number, barcode) joins the cover, as printed; a running
            # symbol after it is the next page's head.
            foot = [(n, t.strip()) for n, t in furniture if not re.fullmatch(RUNNING_SYMBOL, t.strip())]
            kept = set(foot)
            carried = [(n, t) for n, t in furniture if (n, t.strip()) not in kept]
            out += foot + [(n, " ") for n, _t in foot[:1]] + cover  # read as fields, before the title
        else:
            out.append((furniture[0][0] if furniture else body[0][0] if body else 0, ""))
            heads = [(n, t) for n, t in carried + furniture if not marks(t)]
            tokens = [(n, m.group(0)) for n, t in carried + furniture if marks(t) for m in marks.token.finditer(t)]
            # The reader's header ends at its job number and counter: the symbols (this page's head
            # and, printed after this page's foot, the next one's) and the running title go before them.
            out += [t for t in tokens if not _COUNTER_OR_JOB.fullmatch(t[1])] + _columns(heads)
            out += [t for t in tokens if _COUNTER_OR_JOB.fullmatch(t[1])]
            carried = []
        out += _flat_body(body, k > 0, flow)
    return out


def _strip_symbol(text: str) -> str:
    """A running head's words without the symbol printed beside them (or the number before the cover's title)."""
    return re.sub(rf"^\s*{RUNNING_SYMBOL}\s+|\s+{RUNNING_SYMBOL}\s*$|^\d{{1,3}}/\d{{1,4}}\.\s+", "", text.strip())


def _running_lines(lines: list[Line], marks: _Marks) -> set[str]:
    """The running title: a line printed again and again, each time next to page furniture.

    Away from it only on the cover (its title); a line of text that recurs ("chap. I,
    sect. D." under several notes) is somewhere far from the furniture.
    """
    seen: Counter[str] = Counter()
    far: set[str] = set()
    cover = True
    for k, (_n, text) in enumerate(lines):
        cover = cover and not _OPENING_LINE.fullmatch(text)
        if len(text.strip()) > 15:
            seen[_strip_symbol(text)] += 1
            if not cover and not any(marks(t) for _m, t in lines[max(0, k - 3) : k + 4]):
                far.add(_strip_symbol(text))
    return {t for t, count in seen.items() if count >= 2 and t not in far}  # a two-page text has one head


def _pages_at_furniture(lines: list[Line], marks: _Marks, running: set[str]) -> list[list[Line]]:
    """A text without form feeds: a page ends at its foot (job number or page counter), or
    where the next one's head (symbol or running title) follows text (a browser's copy puts the foot first).

    Not before the opening line: a browser's copy prints the first page's job number
    and barcode inside the cover, under its date.
    """
    pages: list[list[Line]] = [[]]
    cover = True
    text_here = False  # the page so far holds text besides its furniture and running title
    own = marks.own
    for k, (n, text) in enumerate(lines):
        cover = cover and not _OPENING_LINE.fullmatch(text)
        before = lines[k - 1][1] if k else ""
        head = bool(own and text.strip().startswith(own)) or bool(text.strip() and _strip_symbol(text) in running)
        if not cover and k and (
            (head and not marks(before) and _strip_symbol(before) not in running)
            or (marks(before) and not marks(text) and text_here)
        ):
            pages.append([])
            text_here = False
        pages[-1].append((n, text))
        text_here = text_here or bool(text.strip() and not marks(text) and _strip_symbol(text) not in running)
    return [p for p in pages if any(t.strip() for _n, t in p)]


def _flat_body(lines: list[Line], continued: bool, flow: _Flow) -> list[Line]:
    """A blank line before each line that starts a paragraph; footnote numbers joined to their text."""
    rule = next((k for k, (_n, t) in enumerate(lines) if _RULE.fullmatch(t)), len(lines))
    notes = _notes_beside_numbers([(n, t.strip()) for n, t in lines[rule:]])
    numbers = {t.split()[0] for _n, t in notes[1:] if _NOTE_START.match(t)}
    text_lines = [(n, t.strip()) for n, t in _markers_rejoined(lines[:rule], numbers)]
    lengths = sorted(len(t) for _n, t in text_lines)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[Line] = []
    for k, (n, text) in enumerate(text_lines):
        above = text_lines[k - 1][1] if k else flow.above
        short = k > 0 and len(above) < width * 0.8
        labelled = _labelled(text, above, flow.listing)
        starts = (
            labelled or _BULLET.match(text) is not None or _STAR_NOTE.match(text) is not None
            or _PART.fullmatch(text) is not None or _PART.fullmatch(above) is not None
            or bool(_OPENING_LINE.fullmatch(above)) or (_heading_like(above, width) and not text[:1].islower())
            or (_ends_item(above) and text[:1].isupper() and (short or k == 0))
            or (_ends_item(above) and flow.next_number(text))
            or (not flow.number and above.endswith((",", ";")) and split_lead(text, "preambular") > 0)
        )
        if starts:
            flow.listing = labelled and text.startswith("(")
            flow.opened(text)
        if k == 0:
            out += [(n, " ")] * (2 if starts or not continued else 1)
        elif starts:
            out.append((n, " "))
        out.append((n, text))
        flow.above = text
    return out + _flat_notes(notes)


def _markers_rejoined(lines: list[Line], numbers: set[str]) -> list[Line]:
    """A marker PDFium printed on a line of its own ("78/283," / "2"): back at the end of the line above,
    and the line below too when it goes on after the marker (it opens with a space: " Petitioners ...");
    a line opening with one space and a small letter always goes on the line above ("Agreement 1" / " and its").

    Only the number of a note on this page; the lines become one, their words in their order.
    """
    out: list[Line] = []
    glue = False
    for n, text in lines:
        if out and (glue and text[:1] == " " or _GOES_ON.match(text)):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text.strip()}")
            glue = False
            continue
        glue = False
        if out and text.strip() in numbers and _NOTE_NUMBER.fullmatch(text) and not _NOTE_NUMBER.fullmatch(out[-1][1]):
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {text.strip()}")
            glue = True
            continue
        out.append((n, text))
    return out


def _notes_beside_numbers(lines: list[Line]) -> list[Line]:
    """A note number alone on its line, right above its text ("2" / "Ibid., vol. 976 ..."): on one line.

    Only when the page's note numbers run in order: numbers printed in a block apart
    from their texts, or out of order (pdftotext), are left to :func:`_flat_notes`.
    """
    numbers = [int(t.split()[0]) for _n, t in lines if re.match(r"\s*\d{1,3}(?:\s|$)", t)]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True:
        return lines
    out: list[Line] = []
    k = 0
    while k < len(lines):
        n, text = lines[k]
        alone = _NOTE_NUMBER.fullmatch(text) and k + 1 < len(lines) and not _NOTE_NUMBER.fullmatch(lines[k + 1][1])
        if alone and (k == 0 or not _NOTE_NUMBER.fullmatch(lines[k - 1][1])) and not _RULE.fullmatch(lines[k + 1][1]):
            out.append((n, f"{text.strip()}  {lines[k + 1][1]}"))
            k += 2
            continue
        out.append((n, text))
        k += 1
    return out


def _flat_notes(lines: list[Line]) -> list[Line]:
    """Footnotes whose numbers were printed apart from their text ("1", "3" ... then the texts): paired in order."""
    numbers = [(n, t) for n, t in lines[1:] if _NOTE_NUMBER.fullmatch(t)]
    texts = [(n, t) for n, t in lines[1:] if not _NOTE_NUMBER.fullmatch(t)]
    if not numbers:
        return lines
    groups: list[list[Line]] = []
    for n, text in texts:
        if not groups or (groups[-1][-1][1].rstrip().endswith((".", ")")) and text[:1].isupper()):
            groups.append([])
        groups[-1].append((n, text))
    if len(groups) != len(numbers):
        return lines  # the pairing is not certain: the reader warns about what it cannot match
    ordered = sorted(numbers, key=lambda nt: int(nt[1]) if nt[1].isdigit() else 0)
    out = lines[:1]
    for (_m, number), group in zip(ordered, groups):
        out.append((group[0][0], f"{number}  {group[0][1]}"))
        out += group[1:]
    return out


_SYMBOL_TAIL = re.compile(r"(?<=\s)/[A-Za-z0-9./\-]*\d[A-Za-z0-9./\-]*$")


def _symbol_rejoined(cover: list[Line]) -> list[Line]:
    """ "S" / "United Nations /2022/426": the symbol's large first letter extracted as a line of its own."""
    out = list(cover)
    for k, (n, text) in enumerate(out):
        if re.fullmatch(r"\s*[ASE]\s*", text):
            for j in range(k + 1, min(k + 4, len(out))):
                m = _SYMBOL_TAIL.search(out[j][1].rstrip())
                if m:
                    line = out[j][1].rstrip()
                    out[j] = (out[j][0], f"{line[: m.start()].rstrip()}\n{text.strip()}{m.group(0)}")
                    out[k] = (n, "")
                    break
    return [(n, piece) for n, text in out for piece in text.split("\n")]


_LABEL_HEAD = re.compile(rf"\s*(?:[•▪●◦]|{OPERATIVE_NUMBER}|{LETTER_LABEL})\s+")


def _hangs(text: str, above: str) -> bool:
    """Is the line indented to the text after the label of the line above ("• specific ..." / "  protection ...")?"""
    m = _LABEL_HEAD.match(above)
    return m is not None and abs(_indent(text) - m.end()) <= 1


# --- words the extractor split inside ("presid en t", "rega rd", "o f") -------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # "Houthi’s" is one word: its "s" is not a word alone
_SPLIT_YEAR = re.compile(r"\((?=[\d ]{5,8}\))(\d[\d ]*\d) ?\)")  # "(201 5 )": a year in brackets, split
_MOST_PIECES = 6


def rejoin_split_words(lines: list[Line]) -> list[Line]:
    """Join pieces of one word that the extractor printed apart, when the joined word is certain.

    Certain means: the joined word is written elsewhere in the document or is in the
    reader's vocabulary (``data/vocabulary.txt``, the words UN texts write), and one
    piece is a fragment, in no vocabulary: too short to be a word ("a nd", "o f",
    "civilian s") or opening the word and never standing alone in the document
    outside such runs ("Presid en t", "rega rd").
    Words side by side ("in to", "as set") stay apart; no word is made up. Only
    spaces go, so every letter stays where it was printed.
    """
    lines = [(n, _SPLIT_YEAR.sub(_year, t)) for n, t in lines]
    vocab = Counter(w.lower() for _n, t in lines for w in _WORDS.findall(t))
    known = vocabulary()
    runs = [_runs(t, vocab, known) for _n, t in lines]
    in_runs = Counter(p.lower() for found in runs for run in found for p in run[2])

    def fragment(k: int, piece: str) -> bool:
        low = piece.lower()
        if low in known or low in _SHORT_WORDS:
            return False
        return len(low) <= 2 or (k == 0 and vocab[low] <= in_runs[low])

    out = []
    for (n, text), found in zip(lines, runs):
        for start, end, pieces in reversed(found):
            if any(fragment(k, p) for k, p in enumerate(pieces)):
                text = text[:start] + "".join(pieces) + text[end:]
        out.append((n, text))
    return out


@cache
def vocabulary() -> frozenset[str]:
    """The words UN texts write, learned by ``build_tools/learn_vocabulary.py``."""
    return frozenset((resources.files(__package__.rsplit(".", 1)[0]) / "data" / "vocabulary.txt").read_text(encoding="utf-8").split())


_SHORT_WORDS = {"a", "i", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or",
                "so", "to", "up", "us", "we"}
_BEFORE = re.compile(r"(?:^|[\s(\[“‘\"'-])$")
_AFTER = re.compile(r"(?:$|[\s,;:.!?)\]”’\"'])")


def _runs(text: str, vocab: Counter[str], known: frozenset[str]) -> list[tuple[int, int, list[str]]]:
    """The longest runs of letter groups one space apart, standing as a word, that spell a known word.

    A capital after the first piece opens another word ("Ansar Allah"), never a piece of one.
    """
    pieces = list(_LETTERS.finditer(text))
    found = []
    i = 0
    while i < len(pieces):
        end = i
        if _BEFORE.search(text[: pieces[i].start()]):
            for j in range(min(len(pieces) - 1, i + _MOST_PIECES - 1), i, -1):
                run = pieces[i : j + 1]
                if (
                    all(text[a.end() : b.start()] == " " and not b.group(0)[0].isupper() for a, b in zip(run, run[1:]))
                    and _AFTER.match(text, run[-1].end())
                    and _known("".join(p.group(0) for p in run).lower(), vocab, known)
                ):
                    end = j
                    break
        if end > i:
            found.append((pieces[i].start(), pieces[end].end(), [p.group(0) for p in pieces[i : end + 1]]))
        i = end + 1
    return found


def _known(word: str, vocab: Counter[str], known: frozenset[str]) -> bool:
    return vocab[word] > 0 or word in known


def _year(m: re.Match[str]) -> str:
    digits = m.group(1).replace(" ", "")
    return f"({digits})" if len(digits) == 4 and digits[:2] in ("19", "20") else m.group(0)
