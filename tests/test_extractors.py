"""The plain-text reader on the texts other extractors make of the corpus PDFs.

The 39 PDFs of ``../shared/corpus/originals`` are converted in the test run with
poppler's ``pdftotext`` (default and ``-layout``), pdfplumber's ``extract_text`` and
PDFium's page text as Chromium's PDF viewer copies it; Firefox's pdf.js copies are
fixtures (``tests/fixtures/pdfjs``, made with node and pdfjs-dist: see
``tests/fixtures/pdfjs/make.mjs``). Each text must give the same document as the
PyMuPDF text of the corpus (which agrees with the PDF form): symbol, paragraph
anchors, footnote numbers, markers and annexes. The documents where a form still
differs are listed exactly, with what differs and why, so that a fix or a
regression both show. The counting rule is ``build_tools/extractor_forms.py``'s.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.extractor_forms import SUFFIX, chromium_copy, compare, firefox_copy, pdfplumber_text, pdftotext
from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.readers.extracted import rejoin_split_words, traits
from tests.conftest import need_corpus

# Why a form still differs from the PyMuPDF text's document, by cause (checked by hand):
ORDER = "the extractor prints a paragraph's last line above its first ('2021;' / 'Decides to extend ...')"
NOTES_APART = "footnote numbers printed in a block apart from their texts and out of order; the pairing is not certain"
SUBHEADING = "S/2018/221's '(d) Supporting ...:' heading and its lead-in line: where the reference breaks is not shown"
CAPITALS = "S/2022/158's annex entry in capitals ('THE HOUTHIS, AKA: ...') is a paragraph of its own; the reference runs it on"
SUPERSCRIPT = "PDFium prints some superscript markers apart from their word, where no line end shows it"

# Documents whose strict comparison (symbol, paragraph anchors, footnote and marker numbers, annexes) differs.
STRICT = {
    "pdftotext": {
        "A-RES-78-213": (["paragraphs"], ORDER),
        "A-RES-80-229": (["footnotes", "markers"], NOTES_APART),
        "S-2018-221": (["paragraphs"], SUBHEADING),
        "S-2022-158": (["paragraphs"], CAPITALS),
    },
    "pdftotext -layout": {
        "S-2022-158": (["paragraphs"], CAPITALS),
    },
    "pdfplumber": {
        "S-2018-221": (["paragraphs"], SUBHEADING),
        "S-2022-158": (["paragraphs"], CAPITALS),
    },
    "Chromium copy": {
        "A-C.3-80-L.3": (["markers", "paragraphs"], SUPERSCRIPT),
        "S-2018-221": (["paragraphs"], SUBHEADING),
        "S-2022-158": (["paragraphs"], CAPITALS),
    },
    "Firefox copy": {
        "S-2018-221": (["paragraphs"], SUBHEADING),
        "S-2022-158": (["paragraphs"], CAPITALS),
    },
}
# Documents not fully right (symbol, every operative anchor, >= 99.5 % of the body words).
NOT_RIGHT = {
    "pdftotext": {"S-2021-443": ORDER},
    "pdftotext -layout": {},
    "pdfplumber": {},
    "Chromium copy": {},
    "Firefox copy": {},
}


@pytest.fixture(scope="module")
def pdfs() -> list[Path]:
    return sorted((need_corpus() / "originals").glob("*.pdf"))


@pytest.fixture(scope="module")
def references(pdfs) -> dict[str, object]:
    """The PyMuPDF text's document for each PDF, read once for every test here."""
    corpus = need_corpus()
    return {p.stem: read_source((corpus / f"{p.stem}.txt").read_bytes(), f"{p.stem}.txt") for p in pdfs}


def _make(form: str, pdf: Path) -> bytes:
    if form.startswith("pdftotext"):
        if shutil.which("pdftotext") is None:
            pytest.skip("poppler's pdftotext is not installed")
        return pdftotext(pdf, *form.split()[1:])
    if form == "pdfplumber":
        pytest.importorskip("pdfplumber")
        return pdfplumber_text(pdf)
    if form == "Chromium copy":
        return chromium_copy(pdf)
    copied = firefox_copy(pdf)
    assert copied is not None, f"tests/fixtures/pdfjs/{pdf.stem}.txt is missing"
    return copied


@pytest.fixture(scope="module")
def compared(pdfs, references) -> dict[str, dict[str, tuple[bool, list[str], float]]]:
    """Each form of each PDF, made in the test run (Firefox's copies are fixtures), compared with the reference."""
    out: dict[str, dict[str, tuple[bool, list[str], float]]] = {}
    for form in STRICT:
        out[form] = {}
        for pdf in pdfs:
            try:
                data = _make(form, pdf)
            except pytest.skip.Exception:
                break
            out[form][pdf.stem] = compare(read_source(data, pdf.stem + SUFFIX.get(form, ".txt")), references[pdf.stem])
    return out


@pytest.mark.parametrize("form", sorted(STRICT))
def test_each_extractor_gives_the_pymupdf_document(form, compared, pdfs):
    if len(compared[form]) < len(pdfs):
        pytest.skip(f"{form} cannot be made here")
    differences = {stem: sorted(differ) for stem, (_ok, differ, _kept) in compared[form].items() if differ}
    assert differences == {stem: fields for stem, (fields, _why) in STRICT[form].items()}


@pytest.mark.parametrize("form", sorted(NOT_RIGHT))
def test_each_extractor_reads_the_documents_fully_right(form, compared, pdfs):
    """Item 1's count: at the symbol, every operative anchor, >= 99.5 % of the body words; misses listed with their cause."""
    if len(compared[form]) < len(pdfs):
        pytest.skip(f"{form} cannot be made here")
    assert {stem for stem, (ok, _d, _k) in compared[form].items() if not ok} == set(NOT_RIGHT[form])


def test_split_words_are_rejoined_only_when_certain():
    """ "o f", "Presid en t", "a nd" joined; words side by side, pieces before a hyphen or digits, unknown words stay."""
    lines = [
        (1, "statements o f its Presid en t a nd the President of"),
        (2, "as set out in to the resolution S-32/1 and resolution s"),
        (3, "with rega rd to resolution 2216 (201 5 ) and the wh ich"),
        (4, "Ansar Allah and Ansarallah"),
    ]
    assert rejoin_split_words(lines) == [
        (1, "statements of its President and the President of"),
        (2, "as set out in to the resolution S-32/1 and resolutions"),
        (3, "with regard to resolution 2216 (2015) and the which"),
        (4, "Ansar Allah and Ansarallah"),
    ]


def test_layout_cover_symbol_and_organ_on_one_line():
    """ "United Nations      A/RES/80/229" as ``-layout`` prints it: the page is at its symbol, no false warning."""
    text = (
        "                United Nations                                             A/RES/80/229\n"
        "                General Assembly                              Distr.: General\n"
        "                                                              22 December 2025\n\n\n"
        "Eightieth session\nAgenda item 107\n\n"
        "                Resolution adopted by the General Assembly on 18 December 2025\n"
        "                [without reference to a Main Committee (A/80/L.9)]\n\n"
        "  80/229.       A title\n\n"
        "                     The General Assembly,\n"
        "                     Recalling its resolution 79/1,\n"
        "                     Noting the report,\n"
        "                1.   Decides to remain seized of the matter;\n"
        "                2.   Requests the Secretary-General to report to it at its\n"
        "                eighty-first session.\n"
    )
    doc = read_source(text.encode(), "upload.txt")
    assert doc.meta.symbol == "A/RES/80/229"
    assert doc.meta.title == "A title"
    assert doc.meta.report == "without reference to a Main Committee (A/80/L.9)"
    assert [p.anchor for p in doc.paragraphs()] == ["pp-1", "pp-2", "op-1", "op-2"]
    assert [d.code for d in doc.diagnostics] == []


def test_pymupdf_texts_are_read_as_they_are():
    """No corpus text of PyMuPDF's shape is taken for another extractor's (the reshaping never runs on them)."""
    corpus = need_corpus()
    misread = [p.name for p in sorted(corpus.glob("*.txt")) if traits(p.read_text(encoding="utf-8")).flat
               or traits(p.read_text(encoding="utf-8")).indented]
    assert misread == []
