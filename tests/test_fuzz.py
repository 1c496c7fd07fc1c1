"""Property-based tests: generated resolutions are read back exactly; random input never loses a word.

Bounded for CI by the ``ci`` profile (fixed example counts, no deadline). A
longer run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py -q

(``long``: 2,000 random examples per test; add ``--hypothesis-seed=<n>`` to replay a run.
The ``ci`` profile is derandomized: the same 60 examples every run.)

Round trip: a random resolution (preambular and operative paragraphs with
leads from the lead lists, sub-paragraphs, citations, footnotes with markers,
page breaks at random points *inside* paragraphs) is written out in the seed's
markdown form and in the plain-text form of the PDF extractions, then read.
The reader must give back the same paragraphs (role, number, lead, text), the
same footnotes and each marker after the same word.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.readers import decode, is_markdown_form

from .hostile_support import render

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Leads without optional objects ("Expressing its concern"), and body words that no lead list extends.
PP_LEADS = ["Recalling", "Reaffirming", "Noting", "Welcoming", "Recognizing", "Bearing in mind", "Deeply concerned",
            "Taking note", "Stressing", "Convinced", "Recalling also", "Reaffirming further", "Emphasizing"]
OP_LEADS = ["Decides", "Requests", "Urges", "Calls upon", "Welcomes", "Encourages", "Also requests", "Takes note",
            "Invites", "Stresses", "Further invites", "Emphasizes", "Recommends", "Underlines"]
WORDS = ["programme", "rights", "development", "women", "capacity", "efforts", "national", "regional",
         "cooperation", "assistance", "measures", "implementation", "justice", "crime", "youth", "health",
         "water", "climate", "policies", "institutions", "partners", "support", "Governments", "society"]
CITES = ["resolution 60/1", "document A/66/303", "resolutions 65/232 and 64/179", "Council resolution 1373 (2001)"]


@dataclass
class Para:
    role: str  # "preambular", "operative", "sub"
    number: str | None
    lead: str
    words: list[str]
    notes: dict[int, str] = field(default_factory=dict)  # word index -> footnote number after it
    cut: int | None = None  # a page break after this word (markdown) / after this line (plain)
    end: str = ","

    def text(self, marker) -> str:
        out = []
        for i, word in enumerate(self.words):
            if i in self.notes:
                word = f"{word},{marker(self.notes[i])}"
            out.append(word)
        return " ".join(out) + self.end

    def plain_body(self) -> str:
        """The expected body text: words, commas where markers were, the end punctuation."""
        return " ".join(f"{w}," if i in self.notes else w for i, w in enumerate(self.words)) + self.end


@st.composite
def resolutions(draw) -> tuple[list[Para], list[tuple[str, str]]]:
    paras: list[Para] = []
    note_count = 0

    def body(min_words: int) -> tuple[list[str], dict[int, str]]:
        nonlocal note_count
        words = ["the"] + draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=min_words + 70))
        if draw(st.booleans()):
            at = draw(st.integers(1, len(words) - 1))
            words[at:at] = draw(st.sampled_from(CITES)).split()
        notes = {}
        for at in sorted(set(draw(st.lists(st.integers(1, len(words) - 2), max_size=2)))):
            if words[at] in WORDS and words[at + 1] in WORDS:  # a marker follows a plain word
                note_count += 1
                notes[at] = str(note_count)
        return words, notes

    for _ in range(draw(st.integers(1, 4))):
        words, notes = body(3)
        paras.append(Para("preambular", None, draw(st.sampled_from(PP_LEADS)), words, notes))
    count = draw(st.integers(1, 5))
    for n in range(1, count + 1):
        words, notes = body(3)
        subs = draw(st.integers(0, 3)) if n < count else 0
        paras.append(Para("operative", str(n), draw(st.sampled_from(OP_LEADS)), words, notes, end=":" if subs else ";"))
        for k in range(subs):
            words, notes = body(2)
            paras.append(Para("sub", "abcdefgh"[k], "", words[1:], {i - 1: v for i, v in notes.items()}, end=";"))
    paras[-1].end = "."
    for para in paras:  # page breaks inside paragraphs: after a plain word, before a plain word
        spots = [i for i in range(len(para.words) - 1) if i not in para.notes and para.words[i + 1] in WORDS]
        if spots and draw(st.integers(0, 3)) == 0:
            para.cut = draw(st.sampled_from(spots))
    notes = [(str(k), f"Note {k} cites resolution {k}/1 and the {WORDS[k % len(WORDS)]} report.")
             for k in range(1, note_count + 1)]
    return paras, notes


def _head(para: Para, italic: bool) -> str:
    lead = f"*{para.lead}*" if italic and para.lead else para.lead
    label = f"{para.number}. " if para.role == "operative" else f"({para.number}) " if para.role == "sub" else ""
    return label + (lead + " " if lead else "")


def to_markdown(paras: list[Para], notes: list[tuple[str, str]]) -> str:
    """The seed's form: italic leads, <sup> markers, notes after '---' where a page ends."""
    out = ["*The General Assembly,*", ""]
    pending = dict(notes)
    for para in paras:
        text = _head(para, True) + para.text(lambda n: f"<sup>{n}</sup>")
        if para.cut is None:
            out += [text, ""]
            continue
        # Split after word ``cut`` (counting in the head-less words).
        head = _head(para, True)
        words = para.text(lambda n: f"<sup>{n}</sup>").split(" ")
        first, second = " ".join(words[: para.cut + 1]), " ".join(words[para.cut + 1 :])
        out += [head + first, "", "---", ""]
        for number in [n for n in pending if int(n) <= _last_note(paras, para)]:
            out += [f"<sup>{number}</sup> {pending.pop(number)}", ""]
        out += [second, ""]
    if pending:
        out += ["---", ""] + [line for n, t in pending.items() for line in (f"<sup>{n}</sup> {t}", "")]
    return "\n".join(out)


def _last_note(paras: list[Para], upto: Para) -> int:
    last = 0
    for para in paras:
        last = max([last] + [int(v) for v in para.notes.values()])
        if para is upto:
            break
    return last


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def to_plaintext(paras: list[Para], notes: list[tuple[str, str]], width: int, spaced: bool = False,
                 cover: bool = False) -> str:
    """The PDF extraction's form: wrapped lines, ' ' between paragraphs, notes under a rule, page headers.

    ``spaced``: markers set off by a space ("rights, 3 the") instead of glued ("rights,3 the");
    ``cover``: the first page starts with a UN cover block, as extractions do.
    """
    note_text = dict(notes)
    pages: list[list[str]] = [["The General Assembly,", " "]]
    page_notes: list[list[str]] = [[]]
    for para in paras:
        text = _head(para, False) + para.text(lambda n: f"\x01{n}" if spaced else n)
        lines = [line.replace("\x01", " ") for line in _wrap(text, width)]  # a spaced marker stays on its line
        cut_line = None
        if para.cut is not None and len(lines) > 1:
            cut_line = min(len(lines) - 2, para.cut * len(lines) // max(1, len(para.words)))
        for k, line in enumerate(lines):
            pages[-1].append(line + " ")
            for number in re.findall(r"[a-z], ?(\d+)(?=\s|$)", line):
                page_notes[-1].append(number)
            if k == cut_line:
                pages.append([" "])  # one blank line after the header: the paragraph continues
                page_notes.append([])
        pages[-1].append(" ")
        if para.role != "sub" and len(pages[-1]) > 30:  # a page break between paragraphs
            pages.append([" ", " "])
            page_notes.append([])
    out: list[str] = COVER.split("\n") if cover else []
    for k, (body, numbers) in enumerate(zip(pages, page_notes)):
        if k:
            out += ["", "A/80/L.99 ", " ", "25-12345", f"{k + 1}/{len(pages)} "]
        out += body
        if numbers:
            out.append("__________________ ")
            for number in numbers:
                out += [" ", f"{number}  {note_text[number]} "]
    return "\n".join(out) + "\n"


COVER = """United Nations \nA/80/L.99\n \n \nGeneral Assembly \nDistr.: Limited \n6 November 2025 \nOriginal: English \n \n25-12345 (E)    141125 \n*2512345* \n \n \nEightieth session \nAgenda item 13 \nSustainable development \n \n \n \nItaly and Mexico: draft resolution  \n \n \n \n Generated resolution for round trips \n \n \n """


def _read_back(doc) -> tuple[list[tuple], list[tuple[str, str]]]:
    got = []
    for p in doc.paragraphs():
        marks = [m.number for m in p.body.notes]
        got.append((p.role, p.number, p.lead, re.sub(r"\s+", " ", p.body.text), marks))
    return got, [(n.number, n.body.text) for n in doc.footnotes]


def _expected(paras: list[Para], notes) -> tuple[list[tuple], list[tuple[str, str]]]:
    want = []
    for p in paras:
        body = p.plain_body()
        want.append((p.role, p.number, p.lead, body, [p.notes[i] for i in sorted(p.notes)]))
    return want, list(notes)


@given(resolutions())
def test_markdown_round_trip(res):
    paras, notes = res
    src = to_markdown(paras, notes)
    doc = read_source(src.encode(), "gen.md")
    assert _read_back(doc) == _expected(paras, notes), src
    page = render(src.encode(), "gen.md")
    assert not page.lost(src, markdown=True)


@given(resolutions(), st.integers(60, 95), st.booleans(), st.booleans())
def test_plaintext_round_trip(res, width, spaced, cover):
    paras, notes = res
    src = to_plaintext(paras, notes, width, spaced, cover)
    doc = read_source(src.encode(), "gen.txt")
    assert _read_back(doc) == _expected(paras, notes), src
    if cover:
        assert doc.meta.symbol == "A/80/L.99" and doc.meta.title == "Generated resolution for round trips"
        assert doc.meta.sponsors == ["Italy", "Mexico"]
    page = render(src.encode(), "gen.txt")
    body = src[len(COVER):] if cover else src  # cover words are metadata, shown in part
    furniture = re.sub(r"(?m)^(A/80/L\.99|25-12345|\d+/\d+) ?$", "", body)
    assert not page.lost(furniture)


# -- readers on arbitrary input: no crash, no lost word --------------------------------------------

FRAGMENTS = [
    "The General Assembly,", "Recalling", "1.", "7.", "(a)", "(ii)", "Annex", "Article 3", "<sup>", "</sup>",
    "<sup>1</sup>", "*", "**", "_", "---", "__________", "#", "[x](y)", "<b>", "&amp;", "\\", "`", "|", "60/1",
    "A/RES/60/1", "S/RES/1373(2001)", "resolution", "ibid.", "Ibid.,", "2/3", "25-12345", ";", ",", ":", ".",
    "“", "”", "’", "–", "é", "\u00a0", "\t", "\f", "\r", "\r\n", "\n", "\n\n", " ", "  ", "plenary meeting",
    "71st plenary meeting", "19 December 2025", "Distr.: General", "General Assembly", "Original: English",
]


@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=120), st.sampled_from(["f.txt", "f.md"]))
def test_arbitrary_text_never_crashes_or_loses_words(parts, path):
    src = "".join(parts)
    page = render(src.encode("utf-8", "surrogatepass"), path)
    text, _ = decode(src.encode("utf-8", "surrogatepass"), path)
    assert not page.lost(text, markdown=_markdown(text, path, page))


def _markdown(text: str, path: str, page) -> bool:
    """Whether the markdown reader read it (then <sup> tags are markup, not words)."""
    return page.doc.fallback is None and is_markdown_form(text, path)


@given(st.binary(max_size=600), st.sampled_from(["b.txt", "b.md"]))
def test_arbitrary_bytes_never_crash_or_lose_words(data, path):
    assume(not data.startswith(b"%PDF"))  # see test_hostile.py::test_text_file_starting_with_pdf_magic
    page = render(data, path)
    text, _ = decode(data, path)
    assert not page.lost(text.replace("\x00", " "), markdown=_markdown(text, path, page))
