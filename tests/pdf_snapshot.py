"""What the PDF reader makes of a PDF, as plain JSON data, to compare two readers.

``tests/fixtures/pdf/corpus_snapshot.json`` holds this for the 39 corpus PDFs as
read by the pdfplumber reader (frozen before the move to PDFium), so that
``test_pdf_snapshot.py`` can show, paragraph by paragraph, where the new reader
differs. Regenerate only on purpose:
``.venv/bin/python -m tests.pdf_snapshot ../shared/corpus/originals``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from mkdocs_resolutions._internal.model import RichText
from mkdocs_resolutions._internal.readers.pdf import read_pdf
from mkdocs_resolutions._internal.readers.raw import RawDocument
from mkdocs_resolutions._internal.structure import build_document

SNAPSHOT = Path(__file__).resolve().parent / "fixtures" / "pdf" / "corpus_snapshot.json"


def _rich(rt: RichText) -> dict[str, Any]:
    return {
        "text": rt.text,
        "italics": [rt.text[a:b] for a, b in rt.italics],
        "italic_spans": [[a, b] for a, b in rt.italics],
        "notes": [[m.offset, m.number] for m in rt.notes],
    }


def snapshot(raw: RawDocument) -> dict[str, Any]:
    """Cover, paragraphs, footnotes and diagnostics of the reader, and the anchors built from them."""
    meta = {k: (v.value if hasattr(v, "value") else v) for k, v in dataclasses.asdict(raw.meta).items()}
    doc = build_document(raw)
    return {
        "meta": meta,
        "paras": [{"line": p.line, "heading": p.heading, **_rich(p.text)} for p in raw.paras],
        "footnotes": [{"number": n.number, "line": n.line, **_rich(n.body)} for n in raw.footnotes],
        "diagnostics": [d.message for d in raw.diagnostics],
        "anchors": [[p.anchor, p.number, p.lead] for p in doc.paragraphs()],
    }


def main(folder: str) -> None:
    out = {}
    for path in sorted(Path(folder).glob("*.pdf")):
        out[path.stem] = snapshot(read_pdf(path.read_bytes(), path.name))
        print(path.stem, len(out[path.stem]["paras"]), file=sys.stderr)
    SNAPSHOT.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
