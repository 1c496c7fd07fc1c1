"""Positioned glyphs and drawn rules of a PDF page, from PDFium (pypdfium2).

The one place that knows the PDF library. It hands :mod:`.pdf` what layout
analysis needs, in top-down page coordinates:

* one :class:`Glyph` per printed character: text, box, font size (as drawn,
  after the text and page matrices), italic/bold/barcode from the font;
  PDFium's line-end hyphen (U+FFFE) is a hyphen, ligatures are split into
  their letters, and the spaces PDFium infers from gaps are not glyphs (gaps
  are measured by :mod:`.pdf` itself);
* the thin horizontal rules drawn on the page (header rule, footnote rule);
* how many glyphs have no Unicode value (a font without ``ToUnicode``).

The box follows the PDF font model: the bottom is the baseline plus the
font's descent, the height is the font size, so thresholds in :mod:`.pdf`
can be expressed in ems.
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

__all__ = ["Glyph", "PageGlyphs", "PdfOpenError", "open_pdf", "page_glyphs"]

_HYPHENS = {"\ufffe": "-", "\x02": "-", "\u00ad": "-"}
_LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}
_FONT_NAME = ctypes.create_string_buffer(256)


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool
    bold: bool
    barcode: bool
    space_before: bool = False  # a space character preceded it in the content stream


@dataclass
class PageGlyphs:
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # (top, height, x0, x1)
    unmapped: int = 0  # glyphs whose font gives no Unicode value


class PdfOpenError(Exception):
    """The bytes are not a PDF PDFium can open; ``encrypted`` when a password is needed."""

    def __init__(self, message: str, encrypted: bool = False) -> None:
        super().__init__(message)
        self.encrypted = encrypted


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise PdfOpenError(str(err), getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD) from None


@dataclass
class _Font:
    italic: bool
    bold: bool
    barcode: bool
    descent: float  # per point of font size (negative: below the baseline)


def _font(obj: int, cache: dict[int, _Font]) -> _Font:
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    found = cache.get(key)
    if found is not None:
        return found
    n = pdfium_c.FPDFFont_GetBaseFontName(font, _FONT_NAME, len(_FONT_NAME)) if font else 0
    name = _FONT_NAME.value.decode("latin-1", "replace").split("+", 1)[-1].lower() if n else ""
    descent = ctypes.c_float(0.0)
    if not (font and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(descent))):
        descent.value = 0.0
    found = _Font(
        "italic" in name or "oblique" in name,
        "bold" in name or "black" in name,
        "barcode" in name,
        min(0.0, descent.value / 1000.0),
    )
    cache[key] = found
    return found


def page_glyphs(doc: pdfium.PdfDocument, index: int) -> PageGlyphs:
    """Glyphs and rules of page ``index`` (0-based)."""
    page = doc[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs, unmapped = _glyphs(textpage.raw, height)
        finally:
            textpage.close()
        rules = _rules(page, height)
    finally:
        page.close()
    return PageGlyphs(float(width), float(height), glyphs, rules, unmapped)


def _glyphs(tp: int, height: float) -> tuple[list[Glyph], int]:
    """The page's glyphs in content-stream order.

    A glyph's right edge is its advance: PDFium's loose box reaches to the ink
    of overhanging letters ("f", italics), so it is cut at the next
    character's origin when that is nearer (PDFium places the spaces it
    infers, and the line end, at the previous glyph's advance).
    """
    c = pdfium_c
    out: list[Glyph] = []
    fonts: dict[int, _Font] = {}
    box = c.FS_RECTF()
    matrix = c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    space = False
    unmapped = 0
    last: Glyph | None = None  # the previous glyph, its right edge still open
    last_y = 0.0
    for i in range(c.FPDFText_CountChars(tp)):
        code = c.FPDFText_GetUnicode(tp, i)
        c.FPDFText_GetCharOrigin(tp, i, ox, oy)
        if last is not None and abs(oy.value - last_y) < 0.01 and last.x0 < ox.value < last.x1:
            last.x1 = ox.value
        last = None
        text = _HYPHENS.get(chr(code), chr(code)) if code else ""
        if not text.strip():
            # a space of the content stream counts; one PDFium infers from a gap does not
            if text == " " and not c.FPDFText_IsGenerated(tp, i):
                space = True
            continue
        obj = c.FPDFText_GetTextObject(tp, i)
        if not obj:
            continue
        if c.FPDFText_HasUnicodeMapError(tp, i):
            unmapped += 1
            text = "\ufffd"
        font = _font(obj, fonts)
        c.FPDFText_GetLooseCharBox(tp, i, box)
        c.FPDFText_GetMatrix(tp, i, matrix)
        scale = (matrix.b * matrix.b + matrix.d * matrix.d) ** 0.5 or 1.0
        size = c.FPDFText_GetFontSize(tp, i) * scale
        bottom = height - oy.value - font.descent * size
        x0 = ox.value
        x1 = max(box.right, x0)
        if text in _LIGATURES:
            letters = unicodedata.normalize("NFKC", text)
            step = (x1 - x0) / len(letters)
            for k, letter in enumerate(letters):
                out.append(Glyph(letter, x0 + k * step, x0 + (k + 1) * step, bottom - size, bottom, size,
                                 font.italic, font.bold, font.barcode, space and k == 0))
        else:
            out.append(Glyph(text, x0, x1, bottom - size, bottom, size, font.italic, font.bold, font.barcode, space))
            last, last_y = out[-1], oy.value
        space = False
    return out, unmapped


def _rules(page: pdfium.PdfPage, height: float) -> list[tuple[float, float, float, float]]:
    """Thin drawn shapes (lines, flat rectangles): (top, height, x0, x1) in top-down coordinates."""
    out = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom <= 3:
            out.append((height - top, top - bottom, left, right))
    return out
