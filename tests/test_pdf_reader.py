"""The PDF reader against real UN PDFs: exact texts, italics, markers, footnotes, no word lost.

Fixtures (tests/fixtures/pdf/) are three untouched UN PDFs from the corpus: a one-page
Security Council draft, a nine-page General Assembly committee draft with footnotes
(one a "*" cover note) and a two-page adopted resolution. The corpus sweep at the end
reads all 39 PDFs of ../shared/corpus/originals and checks every word against the
PyMuPDF plain text of the same PDF, and the paragraphs against the plain-text reader.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.model import NoteMark, RichText
from mkdocs_resolutions._internal.readers.pdf import _Reader, read_pdf
from mkdocs_resolutions._internal.readers.raw import RawDocument

from .conftest import pdf_reader

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
ORIGINALS = CORPUS / "originals"

_reader = pdf_reader  # each PDF read once per test session


def _fixture(name: str) -> RawDocument:
    return _reader(FIXTURES / name).raw


def _italic(rt: RichText) -> list[str]:
    return [rt.text[a:b] for a, b in rt.italics]


# --- a one-page Security Council draft ----------------------------------------------------------


def test_security_council_draft_paragraphs_exact() -> None:
    raw = _fixture("S-2022-443.pdf")
    assert [p.text.text for p in raw.paras] == [
        "The Security Council,",
        "Reaffirming all its previous resolutions and presidential statements concerning the situation in Sudan,",
        "Reaffirming its strong commitment to the sovereignty, unity, independence, and territorial integrity of Sudan,",
        "Taking note of the Report of the Secretary-General of the United Nations on the situation in Sudan and the "
        "activities of the United Nations Integrated Transition Assistance Mission (UNITAMS) (S/2022/400),",
        "1. Decides to extend the mandate of UNITAMS until 3 June 2023 as contained in paragraph 3 of resolution "
        "2579 (2021);",
        "2. Requests the Secretary-General to continue to report to the Security Council every 90 days on the "
        "implementation of UNITAMS mandate;",
        "3. Decides to remain actively seized of the matter.",
    ]
    assert [_italic(p.text) for p in raw.paras] == [
        ["The Security Council"],
        ["Reaffirming"],
        ["Reaffirming"],
        ["Taking note"],
        ["Decides"],
        ["Requests"],
        ["Decides"],
    ]
    assert raw.paras[4].text.italics == [(3, 10)]  # after the operative number "1. "
    assert [p.line for p in raw.paras] == [9, 10, 12, 14, 17, 19, 21]
    assert not any(p.heading for p in raw.paras)
    assert raw.footnotes == []
    assert raw.diagnostics == []


def test_security_council_cover() -> None:
    meta = _fixture("S-2022-443.pdf").meta
    assert meta.symbol == "S/2022/443"
    assert meta.organ == "Security Council"
    assert meta.date == "3 June 2022"
    assert meta.distribution == "General"
    assert meta.job_number == "22-08529 (E)"
    assert meta.sponsors == ["United Kingdom of Great Britain and Northern Ireland"]


# --- a General Assembly committee draft with footnotes ------------------------------------------


def test_ga_draft_counts_and_footnotes() -> None:
    raw = _fixture("A-C.2-80-L.32.pdf")
    assert len(raw.paras) == 55
    assert raw.paras[0].text.text == "The General Assembly,"
    assert [(n.number, n.line) for n in raw.footnotes] == [
        ("*", 42), ("1", 95), ("2", 96), ("3", 97), ("4", 204), ("5", 256), ("6", 257), ("7", 258),
    ]
    star = raw.footnotes[0].body
    assert star.text == (
        "On behalf of the States that are members of the Group of 77 and China, taking into account also "
        "the provisions of General Assembly resolution ES-10/23 of 10 May 2024."
    )  # two lines of footnote joined
    two = raw.footnotes[2].body
    assert two.text == "United Nations, Treaty Series, vol. 1771, No. 30822."
    assert _italic(two) == ["Treaty Series"]
    assert raw.footnotes[5].body.text == "A/80/282."
    assert raw.diagnostics == []


def test_ga_draft_note_marks_removed_from_text() -> None:
    raw = _fixture("A-C.2-80-L.32.pdf")
    para = raw.paras[5]
    assert para.text.text.startswith("Reaffirming further the Paris Agreement and its early entry into force,")
    assert para.text.notes == [NoteMark(39, "1"), NoteMark(206, "2")]
    assert para.text.text[:39].endswith("the Paris Agreement")
    assert para.text.text[:206].endswith("United Nations Framework Convention on Climate Change")
    assert _italic(para.text) == ["Reaffirming further"]
    markers = [m.number for p in raw.paras for m in p.text.notes]
    assert markers == ["1", "2", "3", "4", "5", "6", "7"]


def test_ga_draft_paragraph_joined_across_pages() -> None:
    para = _fixture("A-C.2-80-L.32.pdf").paras[4]
    assert para.line == 40
    assert "and reaffirming its outcome document, the Sevilla Commitment, endorsed by the General Assembly" in (
        para.text.text
    )
    assert "A/C.2/80/L.32" not in para.text.text and "25-16860" not in para.text.text
    assert para.text.text.endswith("international cooperation, and global solidarity,")


def test_ga_draft_operative_numbers_and_leads() -> None:
    raw = _fixture("A-C.2-80-L.32.pdf")
    operative = [p for p in raw.paras if re.match(r"\d+\. ", p.text.text)]
    assert [p.text.text.split(".")[0] for p in operative] == [str(i) for i in range(1, 28)]
    assert operative[0].text.text == "1. Takes note of the report of the Secretary-General and the recommendations contained therein;"
    assert operative[0].text.notes == [NoteMark(len("1. Takes note of the report of the Secretary-General"), "5")]
    assert _italic(operative[10].text) == ["Notes with great concern"]
    assert operative[-1].text.text.startswith("27. Decides to include in the provisional agenda of its eighty-first session")
    assert _italic(raw.paras[14].text) == ["Emphasizing also"]


def test_ga_draft_cover() -> None:
    meta = _fixture("A-C.2-80-L.32.pdf").meta
    assert meta.symbol == "A/C.2/80/L.32"
    assert meta.committee == "Second Committee"
    assert meta.agenda_item == "22 (b)"
    assert meta.title == "Eradicating rural poverty to implement the 2030 Agenda for Sustainable Development"


# --- an adopted resolution ----------------------------------------------------------------------


def test_resolution_closing_lines_and_running_header() -> None:
    raw = _fixture("A-RES-79-292.pdf")
    texts = [p.text.text for p in raw.paras]
    assert len(texts) == 19
    assert texts[-2:] == ["74th plenary meeting", "3 June 2025"]  # right-aligned lines stay apart
    assert _italic(raw.paras[-2].text) == ["74th plenary meeting"]
    # the running header (symbol and the two-line title) of page 2 is gone
    assert not any("A/RES/79/292" in t for t in texts)
    assert sum("Status of internally displaced persons" in t for t in texts) == 0
    assert [(n.number, n.body.text) for n in raw.footnotes] == [
        ("1", "E/CN.4/1998/53/Add.2, annex."),
        ("2", "A/79/892."),
    ]
    assert raw.paras[3].text.text == (
        "Recognizing the Guiding Principles on Internal Displacement as the key international framework "
        "for the protection of internally displaced persons,"
    )
    assert raw.paras[3].text.notes == [NoteMark(len("Recognizing the Guiding Principles on Internal Displacement"), "1")]
    assert raw.meta.title == (
        "Status of internally displaced persons and refugees from Abkhazia, Georgia, and the "
        "Tskhinvali region/South Ossetia, Georgia"
    )
    assert raw.meta.adopted_on == "3 June 2025"


# --- bad input ----------------------------------------------------------------------------------

_EMPTY_PAGE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "could not be opened"),
        (b"%PDF-1.4\nthis is not a PDF body\n%%EOF", "could not be opened"),
        (b"\x00\xff" * 100, "could not be opened"),
        (_EMPTY_PAGE_PDF, "no text layer"),
    ],
)
def test_bad_pdfs_give_a_diagnostic_not_a_crash(data: bytes, expected: str) -> None:
    raw = read_pdf(data, "bad.pdf")
    assert raw.paras == [] and raw.footnotes == []
    assert len(raw.diagnostics) == 1
    assert expected in raw.diagnostics[0].message
    assert raw.diagnostics[0].path == "bad.pdf"


def test_truncated_pdf_never_raises() -> None:
    data = (FIXTURES / "A-C.2-80-L.32.pdf").read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 100):
        raw = read_pdf(data[:cut], "cut.pdf")
        assert isinstance(raw, RawDocument)
        assert raw.paras or raw.diagnostics


def test_read_twice_is_identical() -> None:
    data = (FIXTURES / "S-2022-443.pdf").read_bytes()
    assert read_pdf(data, "a.pdf") == read_pdf(data, "a.pdf")


# --- the corpus: every word, every note, and the plain-text reader ------------------------------


def _corpus_pdfs() -> list[str]:
    return sorted(p.stem for p in ORIGINALS.glob("*.pdf")) if ORIGINALS.is_dir() else ["(corpus absent)"]


def _need(name: str) -> Path:
    path = ORIGINALS / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"../shared/corpus not found: {ORIGINALS}")
    return path


def _tokens(text: str) -> list[str]:
    """Words and numbers: "Corruption5" (a glued marker in plain text) is "Corruption", "5"."""
    return re.findall(r"[^\W\d_]+|\d+", unicodedata.normalize("NFKC", text))


def _with_marks(rt: RichText) -> str:
    text = rt.text
    for mark in sorted(rt.notes, key=lambda m: -m.offset):
        text = text[: mark.offset] + mark.number + text[mark.offset:]
    return text


_FURNITURE = re.compile(
    r"[A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+|\d{2}-\d{5}(?: ?\([A-Z]\))?(?: +\d{6})?|\d{1,3}/\d{1,3}|\*\d{5,}\*|_{5,}"
)


@pytest.mark.parametrize("name", _corpus_pdfs())
def test_corpus_words_match_pymupdf_text(name: str) -> None:
    """Running text + footnotes hold exactly the words of the PyMuPDF text minus cover and furniture."""
    reader = _reader(_need(name))
    raw = reader.raw
    mine: Counter[str] = Counter()
    for para in raw.paras:
        mine.update(_tokens(_with_marks(para.text)))
    for note in raw.footnotes:
        mine.update(_tokens(note.number + " " + _with_marks(note.body)))
    expected = Counter(_tokens((CORPUS / f"{name}.txt").read_text(encoding="utf-8")))
    for line in reader.cover_lines + reader.furniture:
        expected.subtract(_tokens(line.text))
    expected = +expected
    assert mine - expected == Counter(), "words the PDF reader has that the plain text lacks"
    assert expected - mine == Counter(), "words of the plain text the PDF reader lost"


@pytest.mark.parametrize("name", _corpus_pdfs())
def test_corpus_dropped_lines_are_furniture(name: str) -> None:
    """Only symbols, job numbers, page counters, barcodes, rules and the bold running title are dropped."""
    reader = _reader(_need(name))
    for line in reader.furniture:
        text = line.text.strip()
        running_title = all(g.bold for g in line.glyphs) and max(g.size for g in line.glyphs) < 9.5
        barcode = all(g.barcode for g in line.glyphs)
        assert _FURNITURE.fullmatch(text) or running_title or barcode, (line.page, line.number, text)


@pytest.mark.parametrize("name", _corpus_pdfs())
def test_corpus_markers_and_footnotes_agree(name: str) -> None:
    raw = _reader(_need(name)).raw
    numbers = [n.number for n in raw.footnotes if n.number.isdigit()]
    assert numbers == [str(i) for i in range(1, len(numbers) + 1)]
    marks = [m.number for p in raw.paras for m in p.text.notes if m.number.isdigit()]
    assert sorted(set(marks), key=int) == numbers
    first_seen = list(dict.fromkeys(marks))
    assert first_seen == sorted(first_seen, key=int)
    assert raw.paras and raw.paras[0].text.text.startswith("The ")
    assert not any(d.level == "warning" for d in raw.diagnostics), raw.diagnostics


# Where the two readers differ and the PDF shows the plain-text reader is wrong.
_PLAINTEXT_DIFFERS: dict[str, str] = {}  # name -> why the plain-text reader reads it differently (none left)


@pytest.mark.parametrize("name", _corpus_pdfs())
def test_corpus_same_as_plaintext_reader(name: str) -> None:
    path = _need(name)
    try:
        from mkdocs_resolutions._internal.readers.plaintext import read_plaintext
    except ImportError:
        pytest.skip("readers.plaintext.read_plaintext is not available yet")
    if name in _PLAINTEXT_DIFFERS:
        pytest.xfail(_PLAINTEXT_DIFFERS[name])
    mine = _reader(path).raw
    theirs = read_plaintext((CORPUS / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt")

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip()

    assert [norm(p.text.text) for p in mine.paras] == [norm(p.text.text) for p in theirs.paras]
    assert [m.number for p in mine.paras for m in p.text.notes] == [
        m.number for p in theirs.paras for m in p.text.notes
    ]
    assert [(n.number, norm(n.body.text)) for n in mine.footnotes] == [
        (n.number, norm(n.body.text)) for n in theirs.footnotes
    ]


# --- rules that the corpus does not exercise, on synthetic rows ---------------------------------


def _row(page: int, number: int, top: float, text: str, *, size: float = 8.5, x: float = 123.4, lead: str = ""):
    """A row as the layout step would build it: ``lead`` is a raised footnote number before the text."""
    from mkdocs_resolutions._internal.readers.pdf import _Glyph, _Line, _Row

    glyphs = []
    if lead:
        for i, ch in enumerate(lead):
            glyphs.append(_Glyph(ch, 117.0 + 3 * i, 119.8 + 3 * i, top - 0.7, top + 4.8, 5.5, False, False, False))
    space = False
    for i, ch in enumerate(text):
        if ch == " ":
            space = True
            continue
        glyphs.append(_Glyph(ch, x + 4.0 * i, x + 4.0 * i + 3.8, top, top + size, size, False, False, False, space))
        space = False
    line = _Line(number, page, glyphs, text)
    return _Row(page, [line], top, top + size, size)


def _bare_reader() -> _Reader:
    reader = _Reader(b"", "synthetic.pdf")
    reader.left, reader.right, reader.size = 123.4, 488.0, 10.0
    return reader


def test_footnote_continues_on_next_page() -> None:
    reader = _bare_reader()
    reader._footnotes([
        _row(1, 40, 700.0, "United Nations, Treaty Series, vol. 1771,", lead="3"),
        _row(2, 88, 650.0, "No. 30822."),
        _row(2, 89, 660.0, "Resolution 70/1.", lead="4"),
    ])
    assert [(n.number, n.body.text, n.line) for n in reader.raw.footnotes] == [
        ("3", "United Nations, Treaty Series, vol. 1771, No. 30822.", 40),
        ("4", "Resolution 70/1.", 89),
    ]
    assert reader.raw.diagnostics == []


def test_footnote_text_without_number_is_kept_and_reported_with_page_and_line() -> None:
    reader = _bare_reader()
    reader._footnotes([_row(2, 57, 650.0, "Orphan note text."), _row(2, 58, 660.0, "Second line.", lead="1")])
    assert [(n.number, n.body.text) for n in reader.raw.footnotes] == [("?", "Orphan note text."), ("1", "Second line.")]
    (diag,) = reader.raw.diagnostics
    assert diag.line == 57
    assert diag.message.startswith("page 2, line 57: footnote text without a number")


def test_full_size_footnote_number_at_the_hanging_margin() -> None:
    reader = _bare_reader()
    reader._footnotes([_row(1, 9, 700.0, "12 See A/79/892.", x=110.0)])
    assert [(n.number, n.body.text) for n in reader.raw.footnotes] == [("12", "See A/79/892.")]


def test_line_end_hyphen_kept_unless_the_document_prints_the_word_whole() -> None:
    from mkdocs_resolutions._internal.readers.pdf import _join

    vocab = Counter({"implementation": 2, "counterterrorism": 0})
    assert _join([RichText("the implemen-"), RichText("tation of")], vocab).text == "the implementation of"
    assert _join([RichText("Global Counter-"), RichText("Terrorism Strategy")], vocab).text == (
        "Global Counter-Terrorism Strategy"
    )
    assert _join([RichText("non-"), RichText("discrimination")], vocab).text == "non-discrimination"
    assert _join([RichText("post-"), RichText("2021,")], vocab).text == "post-2021,"
    joined = _join([RichText("Reaffirming", [(0, 11)]), RichText("also its", [(0, 4)])], vocab)
    assert joined.text == "Reaffirming also its" and joined.italics == [(0, 16)]  # one lead-phrase span


@pytest.mark.parametrize(
    "name, headings",
    [
        ("S-2017-142", ["Designation Criteria", "Reporting"]),  # lone italic lines at the margin
        ("S-2018-221", ["Reports"]),
        (
            "S-2024-557",
            [
                "Annex I", "Delisting procedures", "Information Gathering (up to four months)",
                "Dialogue (two months)", "Committee Discussion and Decision (two months)", "Other Focal Point Tasks",
                "Annex II",
                "Terms of reference of the Informal Working Group of the Security Council on General United Nations "
                "Security Council Sanctions Issues",
                "I. Title and composition", "II. Meetings", "III. Mandate", "IV. Methods of work",
            ],
        ),
        ("A-RES-80-229", []),
    ],
)
def test_corpus_headings(name: str, headings: list[str]) -> None:
    raw = _reader(_need(name)).raw
    assert [p.text.text for p in raw.paras if p.heading] == headings


def test_a_page_that_cannot_be_parsed_loses_only_that_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs_resolutions._internal.readers.pdf as pdf_module

    real = pdf_module._page_layout

    def fragile(page, pno, counter):  # noqa: ANN001
        if pno == 2:
            raise ValueError("bad content stream")
        return real(page, pno, counter)

    monkeypatch.setattr(pdf_module, "_page_layout", fragile)
    raw = read_pdf((FIXTURES / "A-RES-79-292.pdf").read_bytes(), "r.pdf")
    assert raw.paras[0].text.text == "The General Assembly,"
    assert raw.paras[-1].text.text.startswith("Concerned also by the humanitarian situation")  # last on page 1
    assert [d.message for d in raw.diagnostics] == [
        "page 2: could not be read (ValueError: bad content stream); its text is missing"
    ]


def test_an_unforeseen_reader_error_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, rows):  # noqa: ANN001
        raise RuntimeError("unforeseen layout")

    monkeypatch.setattr(_Reader, "_paragraphs", broken)
    raw = read_pdf((FIXTURES / "S-2022-443.pdf").read_bytes(), "s.pdf")
    assert raw.paras == []
    assert raw.meta.symbol == "S/2022/443"
    assert raw.diagnostics[-1].message == "PDF reader failed (RuntimeError: unforeseen layout); document left empty"
