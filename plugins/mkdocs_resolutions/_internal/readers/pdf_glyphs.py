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

__all__ = ["Glyph", "PageGlyphs", "PdfOpenError", "open_pdf", "opens_as_pdf", "page_glyphs"]

_HYPHENS = {"\ufffe": "-", "\x02": "-", "\u00ad": "-"}
_LIGATURES = {chr(c) for c in range(0xFB00, 0xFB07)}
_FONT_NAME = ctypes.create_string_buffer(256)


@dataclass(slots=True)
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


def opens_as_pdf(data: bytes) -> bool:
    """Whether PDFium can open ``data`` (encrypted PDFs count: they are PDFs)."""
    try:
        open_pdf(data).close()
    except PdfOpenError as err:
        return err.encrypted
    return True


@dataclass
class _Run:
    """What the glyphs of one text object share: font style, drawn size, descent."""

    italic: bool
    bold: bool
    barcode: bool
    size: float
    descent: float  # in points, negative: below the baseline
    unmapped: bool = False  # a glyph without Unicode value was seen: test them all


def _run(tp: int, index: int, obj: int) -> _Run:
    c = pdfium_c
    font = c.FPDFTextObj_GetFont(obj)
    n = c.FPDFFont_GetBaseFontName(font, _FONT_NAME, len(_FONT_NAME)) if font else 0
    name = _FONT_NAME.value.decode("latin-1", "replace").split("+", 1)[-1].lower() if n else ""
    matrix = c.FS_MATRIX()
    c.FPDFText_GetMatrix(tp, index, matrix)
    scale = (matrix.b * matrix.b + matrix.d * matrix.d) ** 0.5 or 1.0
    size = c.FPDFText_GetFontSize(tp, index) * scale
    descent = ctypes.c_float(0.0)
    if not (font and c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), ctypes.byref(descent))):
        descent.value = 0.0
    return _Run(
        "italic" in name or "oblique" in name,
        "bold" in name or "black" in name,
        "barcode" in name,
        size,
        min(0.0, descent.value / 1000.0) * size,
    )


def _page_text(tp: int, count: int) -> str | None:
    """All characters of the page in one call; None when it does not map one to one."""
    buffer = ctypes.create_string_buffer(2 * count + 2)
    written = pdfium_c.FPDFText_GetText(tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", "replace")
    return text if len(text) == count else None


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
    origin, text_object, loose_box = c.FPDFText_GetCharOrigin, c.FPDFText_GetTextObject, c.FPDFText_GetLooseCharBox
    address = ctypes.c_void_p.from_buffer
    hyphens = _HYPHENS
    out: list[Glyph] = []
    runs: dict[int | None, _Run] = {}
    box = c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    space = False
    unmapped = 0
    last: Glyph | None = None  # the previous glyph, its right edge still open
    last_y = 0.0
    count = max(0, c.FPDFText_CountChars(tp))
    key: int | None = None
    page_text = _page_text(tp, count) if count > 0 else ""
    for i in range(count):
        ch = page_text[i] if page_text is not None else chr(c.FPDFText_GetUnicode(tp, i))
        origin(tp, i, ox, oy)
        x0, y = ox.value, oy.value
        if last is not None and abs(y - last_y) < 0.01 and last.x0 < x0 < last.x1:
            last.x1 = x0
        last = None
        if ch.isspace() or ch == "\x00":
            # a space of the content stream counts; one PDFium infers from a gap does not
            if ch == " " and not c.FPDFText_IsGenerated(tp, i):
                space = True
            continue
        obj = text_object(tp, i)
        if not obj:
            continue
        last_key, key = key, address(obj).value
        run = runs.get(key)
        if run is None:
            run = runs[key] = _run(tp, i, obj)
        text = hyphens.get(ch, ch)
        # a font without ToUnicode fails on every glyph: test each text object's first, then all of its glyphs
        if (run.unmapped or key != last_key) and c.FPDFText_HasUnicodeMapError(tp, i):
            run.unmapped = True
            unmapped += 1
            text = "\ufffd"
        loose_box(tp, i, box)
        size = run.size
        bottom = height - y - run.descent
        x1 = box.right if box.right > x0 else x0
        if text in _LIGATURES:
            letters = unicodedata.normalize("NFKC", text)
            step = (x1 - x0) / len(letters)
            for k, letter in enumerate(letters):
                out.append(Glyph(letter, x0 + k * step, x0 + (k + 1) * step, bottom - size, bottom, size,
                                 run.italic, run.bold, run.barcode, space and k == 0))
        else:
            last = Glyph(text, x0, x1, bottom - size, bottom, size, run.italic, run.bold, run.barcode, space)
            out.append(last)
            last_y = y
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
