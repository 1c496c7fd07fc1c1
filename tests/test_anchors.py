"""The anchor scheme: ids read back to what they name, labels, and the pinpoints that use them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from mkdocs_resolutions._internal import anchors
from mkdocs_resolutions._internal.anchors import Anchor
from mkdocs_resolutions._internal.corpus import analyse
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker

from .conftest import CORPUS, need_corpus

LABELS = {
    "pp-3": "preambular paragraph 3",
    "op-7": "paragraph 7",
    "op-7-a": "paragraph 7 (a)",
    "op-7-a-ii": "paragraph 7 (a) (ii)",
    "op-7-1": "paragraph 7 (1)",
    "text-3": "unnumbered paragraph 3",
    "item-2": "Item 2",
    "part-i": "part I",
    "part-ii-a": "part II.A",
    "annex": "Annex",
    "annex-ii": "Annex II",
    "annex-pp-2": "Annex, preambular paragraph 2",
    "annex-p-5": "Annex, paragraph 5",
    "annex-i-p-26-b-ii": "Annex I, paragraph 26 (b) (ii)",
    "annex-ch-ii": "Chapter II",
    "annex-art-14": "Article 14",
    "annex-art-50-p-3": "Article 50, paragraph 3",
    "annex-ii-art-5-p-3": "Annex II, Article 5, paragraph 3",
    "annex-action-3": "Action 3",
    "res-b": "Resolution B",
    "res-b-op-2": "Resolution B, paragraph 2",
    "res-a-pp-1": "Resolution A, preambular paragraph 1",
    "sec-ii-op-5-a": "Section II, paragraph 5 (a)",
    "res-b-opening": "Resolution B, opening formula",
    "res-b-annex-p-1": "Resolution B, Annex, paragraph 1",
    "annex-opening": "Annex, opening formula",
    "annex-art-1-text-1-a": "Article 1, unnumbered paragraph 1 (a)",
    "fn-8": "footnote 8",
    "fn-1-2": "footnote 1 (2)",
    "fnref-7-1": "footnote 7, reference 1",
    "h12": "heading",
    "not an id": "not an id",
}


@pytest.mark.parametrize("anchor", sorted(LABELS))
def test_label(anchor: str) -> None:
    assert anchors.label(anchor) == LABELS[anchor]


def test_parse_reads_where_and_what() -> None:
    assert anchors.parse("annex-ii-art-5-p-3-b") == Anchor("p", "3", ("b",), annex="ii", article="5")
    assert anchors.parse("annex-2") == Anchor("annex", annex="2")  # a second unnumbered annex
    assert anchors.parse("op-7-2") == Anchor("op", "7", ("2",))  # list item 2, or op 7 printed twice
    assert anchors.parse("op") is None and anchors.parse("") is None
    assert anchors.parse("res-b-op-2-a") == Anchor("op", "2", ("a",), part="res-b")
    assert anchors.parse("res-b-annex-ii-p-3") == Anchor("p", "3", annex="ii", part="res-b")
    assert anchors.parse("res-b-res-c") is None and anchors.parse("res-b-fn-1") is None
    assert anchors.parse("res-b-op-2").is_operative and not anchors.parse("res-b-annex-p-2").is_operative


def test_making_ids() -> None:
    assert anchors.annex("II").id == "annex-ii" and anchors.annex(None).id == "annex"
    assert anchors.part("res", "B").id == "res-b" and anchors.part("sec", "II").id == "sec-ii"
    assert anchors.opening("res-b") == "res-b-opening" and anchors.opening("annex-ii") == "annex-ii-opening"
    assert anchors.opening(None) == "opening"
    assert anchors.child("annex-p-5", "a") == "annex-p-5-a"
    assert anchors.duplicate("op-7", 2) == "op-7-2"
    assert anchors.footnote("3") == "fn-3" and anchors.note_ref("3", 2) == "fnref-3-2"
    assert anchors.link_target("h12") is None and anchors.link_target("op-1") == "op-1"


def test_every_corpus_id_round_trips(analyses) -> None:
    """Every id the structurer makes on the corpus is read back to the same string, and has a label."""
    need_corpus()
    seen = 0
    for path in sorted(CORPUS.glob("*.txt"))[:60]:
        doc = analyses.get(path.read_bytes(), path.name).doc
        for anchor in doc.anchors():
            parsed = anchors.parse(anchor)
            assert parsed is not None and parsed.id == anchor, (path.name, anchor)
            assert anchors.label(anchor) != anchor
            seen += 1
    assert seen > 1000


PRESENT_ANNEX = """\
The General Assembly,

1. Adopts the Declaration contained in the annex to the present resolution;

2. Requests the Secretary-General to give effect to paragraph 1 above;

Annex

Declaration

1. Everyone has the right.
"""


def test_the_annex_to_the_present_resolution_links_to_the_annex() -> None:
    """The pinpoint "annex" names the page's annex section, which render knows as an anchor."""
    analysis = analyse(PRESENT_ANNEX.encode(), "x.txt")
    assert [c.pinpoint for c in analysis.citations["op-1"]] == ["annex"]
    html = render_document(analysis.doc, Linker({}, "x/"), analysis.citations, analysis.ibid)
    page = BeautifulSoup(html, "lxml")
    link = page.select_one("#op-1 a.res-cite--self")
    assert link is not None and link["href"] == "#annex" and link.get_text() == "annex"
    assert page.select_one("#annex") is not None
    assert page.select_one("#op-2 a.res-cite--self")["href"] == "#op-1"
