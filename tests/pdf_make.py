"""Small synthetic PDFs for the reader's tests, drawn with PDFium (no files on disk).

``make_pdf`` places runs of text with the standard 14 fonts (Times-Roman,
Times-Italic, Times-Bold, ...) at given positions; coordinates are top-down
like the reader's, in points.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


@dataclass
class Run:
    text: str
    x: float
    y: float  # baseline, from the top of the page
    size: float = 10.0
    font: str = "Times-Roman"


def resolution_cover(symbol: str, numbered_title: str, scale: float = 1.0) -> list[Run]:
    """The first page's head of a GA resolution as printed, down to "The General Assembly,"
    ("99/250. Scale of assessments" for ``numbered_title``), drawn at ``scale``."""
    rows = [
        ("General Assembly", 72, 60, 17, "Helvetica-Bold"), (symbol, 460, 60, 10, "Times-Roman"),
        ("Distr.: General", 400, 90, 10, "Times-Roman"), ("1 January 2099", 400, 102, 10, "Times-Roman"),
        ("Original: English", 400, 126, 10, "Times-Roman"),
        ("Ninety-ninth session", 72, 160, 10, "Times-Roman"), ("Agenda item 7", 72, 172, 10, "Times-Roman"),
        ("Resolution adopted by the General Assembly on 1 January 2099", 72, 200, 12, "Times-Bold"),
        (numbered_title, 72, 230, 12, "Times-Bold"),
        ("The General Assembly,", 108, 260, 10, "Times-Italic"),
    ]
    return [Run(text, x * scale, y * scale, size * scale, font) for text, x, y, size, font in rows]


def make_pdf(pages: list[list[Run]], width: float = 612.0, height: float = 792.0,
             rules: list[tuple[int, float, float, float]] = ()) -> bytes:
    """A PDF of ``pages`` (each a list of runs); ``rules`` are (page index, y, x0, x1) thin lines."""
    doc = pdfium.PdfDocument.new()
    for index, runs in enumerate(pages):
        page = doc.new_page(width, height)
        for run in runs:
            obj = pdfium_c.FPDFPageObj_NewTextObj(doc.raw, run.font.encode("ascii"), ctypes.c_float(run.size))
            text = (run.text + "\0").encode("utf-16-le")
            buffer = ctypes.create_string_buffer(text)
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, run.x, height - run.y)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        for page_index, y, x0, x1 in rules:
            if page_index != index:
                continue
            path = pdfium_c.FPDFPageObj_CreateNewRect(ctypes.c_float(x0), ctypes.c_float(height - y - 0.5),
                                                     ctypes.c_float(x1 - x0), ctypes.c_float(0.5))
            pdfium_c.FPDFPath_SetDrawMode(path, pdfium_c.FPDF_FILLMODE_WINDING, 0)
            pdfium_c.FPDFPage_InsertObject(page.raw, path)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
