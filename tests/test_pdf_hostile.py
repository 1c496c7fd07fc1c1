"""Hostile and odd PDFs: no glyph dropped, unmappable and encrypted PDFs said aloud, linear work.

Every PDF here is made in the test (``pdf_make`` draws with PDFium; the CID
font case is written byte by byte), so nothing depends on the corpus.
"""

from __future__ import annotations

import io
from collections import Counter

import pytest

from mkdocs_resolutions._internal.model import RichText
from mkdocs_resolutions._internal.readers import pdf as pdf_module
from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.readers.pdf import _page_layout, _Row, read_pdf
from mkdocs_resolutions._internal.readers.pdf_glyphs import open_pdf, page_glyphs

from .pdf_make import Run, make_pdf, resolution_cover


def _rows(data: bytes) -> list[str]:
    return [row.text for row in _page_layout(page_glyphs(open_pdf(data), 0), 1, [0]).rows]


# --- de-duplication keeps every letter --------------------------------------------------------


@pytest.mark.parametrize("size", [1.0, 2.0, 4.0, 10.0, 30.0])
def test_no_letter_dropped_at_any_size(size: float) -> None:
    data = make_pdf([[Run("Recalling its resolution", 72, 100, size), Run("iiii llll", 72, 100 + 3 * size, size)]])
    assert _rows(data) == ["Recalling its resolution", "iiii llll"]


def test_an_overprinted_word_is_read_once() -> None:
    """Fake bold: the same word drawn again a fraction of a point to the right."""
    data = make_pdf([[Run("Decides", 72, 100), Run("Decides", 72.3, 100), Run("to act.", 110, 100)]])
    assert _rows(data) == ["Decides to act."]


# --- fonts without Unicode values -------------------------------------------------------------


def _cid_pdf(codes: str) -> bytes:
    """One page in a Type 0 font (Identity-H) with no ToUnicode map: its glyphs have no known letters."""
    content = f"BT /F1 10 Tf 72 700 Td <{codes}> Tj ET".encode()
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
        b"<</Type/Font/Subtype/Type0/BaseFont/Foo/Encoding/Identity-H/DescendantFonts[6 0 R]>>",
        b"<</Type/Font/Subtype/CIDFontType2/BaseFont/Foo/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)"
        b"/Supplement 0>>/FontDescriptor 7 0 R/DW 500>>",
        b"<</Type/FontDescriptor/FontName/Foo/Flags 4/FontBBox[0 -200 1000 800]/ItalicAngle 0/Ascent 800"
        b"/Descent -200/CapHeight 700/StemV 80>>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_glyphs_without_unicode_are_a_warning_with_the_page() -> None:
    raw = read_pdf(_cid_pdf("005400680065"), "cid.pdf")
    messages = [d.message for d in raw.diagnostics]
    assert messages[0] == (
        "page 1: 3 characters have no Unicode value (a font without ToUnicode); shown as \ufffd, read this page in the PDF"
    )
    assert "(cid:" not in repr(raw)


# --- encrypted PDFs ---------------------------------------------------------------------------


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf([[Run("The Security Council,", 72, 100)]])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_says_so() -> None:
    raw = read_pdf(_encrypted("secret"), "locked.pdf")
    assert [d.message for d in raw.diagnostics] == ["PDF is encrypted (a password is needed to open it); nothing read"]
    doc = read_source(_encrypted("secret"), "locked.pdf")
    assert doc.diagnostics[0].message == "PDF is encrypted (a password is needed to open it); nothing read"


def test_a_pdf_encrypted_without_a_user_password_is_read() -> None:
    raw = read_pdf(_encrypted(""), "open.pdf")
    assert [p.text.text for p in raw.paras] == ["The Security Council,"]


# --- "%PDF" before plain text -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["fake.pdf", "fake.txt"])
def test_pdf_header_before_plain_text_is_read_as_text(name: str) -> None:
    text = b"%PDF-1.4\nThe General Assembly,\n\nRecalling its resolution 98/1,\n\n1. Decides to remain seized of the matter.\n"
    doc = read_source(text, name)
    assert [(p.anchor, p.lead, p.body.text) for p in doc.paragraphs()] == [
        ("pp-1", "Recalling", "its resolution 98/1,"),
        ("op-1", "Decides", "to remain seized of the matter."),
    ]
    assert doc.diagnostics[0].message == "starts with %PDF but is not a PDF that can be opened: read as text"


# --- linear work ------------------------------------------------------------------------------


class _CountingPattern:
    """Stands in for a compiled pattern and counts the characters it is asked to search."""

    def __init__(self, pattern) -> None:  # noqa: ANN001
        self.pattern = pattern
        self.searched = 0

    def search(self, text: str):  # noqa: ANN201
        self.searched += len(text)
        return self.pattern.search(text)


@pytest.mark.parametrize("rows", [1_000, 4_000])
def test_joining_rows_searches_a_bounded_tail(monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    counting = _CountingPattern(pdf_module._HYPHEN_END)
    monkeypatch.setattr(pdf_module, "_HYPHEN_END", counting)
    pieces = [RichText(f"word{k} long-") for k in range(rows)]
    joined = pdf_module._join(pieces, Counter())
    assert joined.text.count("long-") == rows  # unknown words keep their hyphen and lose no letter
    assert counting.searched <= pdf_module._TAIL * rows


def test_rows_are_never_compared_by_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the body start among thousands of rows goes by identity, not by comparing rows."""

    def refuse(self, other):  # noqa: ANN001, ANN202
        raise AssertionError("rows compared by content")

    monkeypatch.setattr(_Row, "__eq__", refuse)
    lines = [Run("The Security Council,", 72, 60)] + [
        Run(f"{k}. Decides to act number {k};", 72, 72 + 24 * k) for k in range(1, 1500)
    ]
    raw = read_pdf(make_pdf([lines], height=72 + 24 * 1500 + 72), "tall.pdf")
    assert len(raw.paras) == 1500
    assert raw.paras[-1].text.text == "1499. Decides to act number 1499;"


# --- thresholds in ems ------------------------------------------------------------------------


def _resolution(scale: float) -> bytes:
    def run(text: str, x: float, y: float, size: float = 10.0, font: str = "Times-Roman") -> Run:
        return Run(text, x * scale, y * scale, size * scale, font)

    page = [
        *resolution_cover("A/RES/99/1", "99/1. Testing the reader", scale),
        run("Recalling", 108, 280, 10, "Times-Italic"), run("its resolution 98/1 of 1 January 2098, and the many", 150, 280),
        run("texts that follow from it over many years of work,", 72, 292),
        run("1.", 108, 312), run("Decides", 125, 312, 10, "Times-Italic"), run("to keep the matter under review.", 160, 312),
        run("Annex", 285, 340, 10, "Times-Bold"),
        run("Rules of procedure", 260, 360),
    ]
    return make_pdf([page], 612 * scale, 792 * scale)


def test_a_scaled_pdf_reads_the_same() -> None:
    readings = []
    for scale in (0.5, 1.0, 2.0):
        raw = read_pdf(_resolution(scale), "scaled.pdf")
        readings.append(
            [(p.text.text, p.heading, [p.text.text[a:b] for a, b in p.text.italics]) for p in raw.paras]
            + [raw.meta.symbol, raw.meta.title, [d.message for d in raw.diagnostics]]
        )
    assert readings[0] == readings[1] == readings[2] == [
        ("The General Assembly,", False, ["The General Assembly,"]),
        (
            "Recalling its resolution 98/1 of 1 January 2098, and the many texts that follow from it over many years of work,",
            False,
            ["Recalling"],
        ),
        ("1. Decides to keep the matter under review.", False, ["Decides"]),
        ("Annex", True, []),
        ("Rules of procedure", False, []),
        "A/RES/99/1",
        "Testing the reader",
        [],
    ]
