"""Parse one delivered text into a :class:`Document`: the readers, then the structurer.

The pipeline's layers, bottom up: :mod:`.model`; :mod:`.readers` (undo the
delivery form, using :mod:`.conventions`); :mod:`.structure` (classify and
number paragraphs, using :mod:`.anchors`); this module, above both, the only
one that imports both.
"""

from __future__ import annotations

from .model import Document
from .readers import Delivered, read_delivered
from .structure import build_document


def read_source(data: bytes, path: str) -> Document:
    """Read one source file (text or PDF) into a document; never raises on bad input."""
    delivered = read_delivered(data, path)
    if delivered.verbatim is not None:
        return delivered.verbatim
    return _finish(delivered)


def _finish(delivered: Delivered) -> Document:
    assert delivered.raw is not None
    doc = build_document(delivered.raw)
    if delivered.front.get("symbol"):
        doc.meta.symbol = delivered.front["symbol"]
    if delivered.front.get("title"):
        doc.meta.title = delivered.front["title"]
    if not any(True for _ in doc.paragraphs()) and delivered.text.strip():
        doc.fallback = delivered.text
        doc.warn(1, "no paragraphs recognised: published as a preformatted page with a notice", code="no-paragraphs")
    return doc
