"""The plain-text reader on the texts other extractors make of the corpus PDFs.

The 39 PDFs of ``../shared/corpus/originals`` are converted in the test run with
poppler's ``pdftotext`` (default and ``-layout``) and, for a few short ones, with
pdfplumber's ``extract_text``. Each text must give the same document as the
PyMuPDF text of the corpus (which agrees with the PDF form): symbol, paragraph
anchors, footnote numbers, markers and annexes. The documents where an extractor
still differs are listed exactly, with what differs and why, so that a fix or a
regression both show.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.readers.extracted import traits
from tests.conftest import need_corpus

FIELDS = ("symbol", "paragraphs", "footnotes", "markers", "annexes")

# What each extractor's text still gets wrong, document by document. Causes, checked by hand:
# - footnotes/markers (pdftotext default): the numbers of a page's notes are printed in a block
#   apart from their texts and out of order, and a multi-line note cannot be told from two;
# - paragraphs: a paragraph break that only the indentation showed ("14 June 2013," / "14 February
#   2014" wraps at a short line), an operative number printed without its full stop ("11 Condemns"),
#   a sanctions entry in capitals (S/2022/158's annex), inline words split by the extractor.
EXPECTED = {
    "pdftotext": {
        "A-C.2-80-L.19": ["footnotes", "markers", "paragraphs"],
        "A-C.2-80-L.32": ["footnotes", "markers", "paragraphs"],
        "A-C.3-80-L.3": ["footnotes", "markers", "paragraphs"],
        "A-RES-78-213": ["paragraphs"],
        "A-RES-79-246": ["footnotes", "markers", "paragraphs"],
        "A-RES-79-89": ["footnotes", "markers"],
        "A-RES-80-229": ["footnotes", "markers", "paragraphs"],
        "S-2018-221": ["paragraphs"],
        "S-2018-257": ["paragraphs"],
        "S-2019-266": ["paragraphs"],
        "S-2022-158": ["paragraphs"],
        "S-2024-400": ["paragraphs"],
        "S-2024-557": ["footnotes", "markers", "paragraphs"],
    },
    "pdftotext-layout": {
        "S-2022-158": ["paragraphs"],
    },
    "pdfplumber": {},
}
# pdfplumber needs about half a second a page: a few short documents of both organs.
PLUMBER_SAMPLE = ("A-RES-79-131", "A-RES-80-32", "S-2016-1061", "S-2021-523", "S-2022-443")


def shape(doc) -> dict[str, object]:
    return {
        "symbol": doc.meta.symbol,
        "paragraphs": [p.anchor for p in doc.paragraphs()],
        "footnotes": [f.number for f in doc.footnotes],
        "markers": [m.number for m in doc.markers()],
        "annexes": [a.anchor for a in doc.annexes],
    }


@pytest.fixture(scope="module")
def pdfs() -> list[Path]:
    return sorted((need_corpus() / "originals").glob("*.pdf"))


def _pdftotext(pdfs: list[Path], folder: Path, *options: str) -> dict[str, bytes]:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    folder.mkdir()
    out = {}
    for pdf in pdfs:
        target = folder / f"{pdf.stem}.txt"
        subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), str(target)], check=True)
        out[pdf.stem] = target.read_bytes()
    return out


def _plumber(pdfs: list[Path]) -> dict[str, bytes]:
    import pdfplumber

    out = {}
    for pdf in pdfs:
        if pdf.stem in PLUMBER_SAMPLE:
            with pdfplumber.open(pdf) as opened:
                out[pdf.stem] = "\n".join(page.extract_text() or "" for page in opened.pages).encode()
    return out


@pytest.fixture(scope="module")
def references(pdfs) -> dict[str, object]:
    """The PyMuPDF text's document for each PDF, read once for every test here."""
    corpus = need_corpus()
    return {p.stem: read_source((corpus / f"{p.stem}.txt").read_bytes(), f"{p.stem}.txt") for p in pdfs}


@pytest.fixture(scope="module")
def texts(pdfs, tmp_path_factory) -> dict[str, dict[str, bytes]]:
    base = tmp_path_factory.mktemp("extracted")
    return {
        "pdftotext": _pdftotext(pdfs, base / "default"),
        "pdftotext-layout": _pdftotext(pdfs, base / "layout", "-layout"),
        "pdfplumber": _plumber(pdfs),
    }


@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_each_extractor_gives_the_pymupdf_document(form, texts, references):
    differences = {}
    for stem, data in sorted(texts[form].items()):
        ref = shape(references[stem])
        got = shape(read_source(data, f"{stem}.txt"))
        assert got["symbol"] == ref["symbol"], f"{form} {stem}: published at {got['symbol']}, not its symbol"
        wrong = sorted(field for field in FIELDS if got[field] != ref[field])
        if wrong:
            differences[stem] = wrong
    assert differences == EXPECTED[form]


def test_every_printed_operative_number_is_anchored_from_the_layout_text(texts, references):
    """The stricter reading of item 1: no operative paragraph lost or invented by ``-layout``."""
    lost = {}
    for stem, data in sorted(texts["pdftotext-layout"].items()):
        ref = references[stem]
        got = read_source(data, f"{stem}.txt")
        if [p.anchor for p in got.operative()] != [p.anchor for p in ref.operative()]:
            lost[stem] = len(got.operative()) - len(ref.operative())
    assert lost == {}


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
