"""The PDFium reader against the pdfplumber reader it replaced, on all 39 corpus PDFs.

``fixtures/pdf/corpus_snapshot.json`` was written by the pdfplumber reader
before the move (see ``tests/pdf_snapshot.py``): cover fields, every paragraph
(line, heading flag, text, italic spans, markers), every footnote, every
diagnostic and the anchors, numbers and lead phrases built from them. The new
reader must give the same, except where a difference is listed below with the
reason the old reading was wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.readers.pdf import read_pdf

from .pdf_snapshot import SNAPSHOT, snapshot

ORIGINALS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "originals"
_FROZEN: dict = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

# name -> {field: why the pdfplumber reading was wrong}.
_HEADINGS = "issue 11: an unnumbered sub-heading the reader marks as a heading is a heading, not pp-N or text-N"
EXPECTED_DIFFERENCES: dict[str, dict[str, str]] = {
    name: {"anchors": _HEADINGS}
    for name in ("S-2017-142", "S-2018-221", "S-2018-257", "S-2018-693", "S-2020-445", "S-2022-158", "S-2024-557")
}


@pytest.mark.parametrize("name", sorted(_FROZEN))
def test_same_reading_as_the_pdfplumber_reader(name: str) -> None:
    path = ORIGINALS / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"../shared/corpus not found: {ORIGINALS}")
    new = snapshot(read_pdf(path.read_bytes(), path.name))
    old = _FROZEN[name]
    # Cover fields added after the freeze (issue 11: sponsor_line) are not a reading difference.
    new["meta"] = {k: v for k, v in new["meta"].items() if k in old["meta"]}
    differing = sorted(key for key in old if old[key] != new[key])
    assert differing == sorted(EXPECTED_DIFFERENCES.get(name, {})), name
    for key in differing:
        assert old[key] != new[key]


def test_snapshot_covers_the_whole_corpus() -> None:
    if not ORIGINALS.is_dir():
        pytest.skip(f"../shared/corpus not found: {ORIGINALS}")
    assert sorted(_FROZEN) == sorted(p.stem for p in ORIGINALS.glob("*.pdf"))
    assert len(_FROZEN) == 39
