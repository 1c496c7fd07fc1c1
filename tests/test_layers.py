"""Layers and shared conventions: import order, the one RichText slice, the one italic merge, "Cf. ibid."."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from mkdocs_resolutions._internal.citations.tokens import IBID
from mkdocs_resolutions._internal.model import NoteMark, RichText

from .conftest import ROOT


@pytest.mark.parametrize("first", ["structure", "readers", "parse", "readers.raw", "graph", "render.report"])
def test_any_core_module_imports_first(first: str) -> None:
    """No import cycle: each module can be the first one imported."""
    code = f"import mkdocs_resolutions._internal.{first}"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_graph_makes_no_markup() -> None:
    """HTML is made in render/ only."""
    source = (ROOT / "plugins/mkdocs_resolutions/_internal/graph.py").read_text(encoding="utf-8")
    assert not re.search(r"</?(?:a|p|h[1-6]|ul|li|table|tr|td|th|div|span)[ >]|\bescape\b", source)


def test_slice_keeps_a_marker_at_the_cut() -> None:
    rich = RichText("7. Decides that", [(3, 10)], [NoteMark(3, "1"), NoteMark(10, "2")])
    cut = rich.slice(3)
    assert cut.text == "Decides that" and cut.italics == [(0, 7)]
    assert cut.notes == [NoteMark(0, "1"), NoteMark(7, "2")]
    assert rich.slice(0, 3).notes == [NoteMark(3, "1")]


def test_merge_italics_joins_spans_apart_by_space_only() -> None:
    rich = RichText("Recalling also its", [(0, 9), (10, 14), (16, 18)])
    rich.merge_italics()
    assert rich.italics == [(0, 14), (16, 18)]


@pytest.mark.parametrize("note", ["Ibid.", "See ibid., para. 3.", "See also ibid.", "Cf. ibid., annex.", "cf. Ibid."])
def test_ibid_after_see_or_cf(note: str) -> None:
    m = IBID.match(note)
    assert m is not None and m.group("ibid").lower().startswith("ibid")
