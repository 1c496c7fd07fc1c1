"""The seed page as built by ``mkdocs build --strict``: anchors, notes, links, header, search."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from .test_seed import _source_parts, words

SEED_URL = "000_780746b198b85f4a/index.html"


@pytest.fixture(scope="module")
def page(built_site):
    return BeautifulSoup((built_site / SEED_URL).read_text(encoding="utf-8"), "lxml")


def test_anchors(page):
    assert [e["id"] for e in page.select('[id^="pp-"]')] == [f"pp-{n}" for n in range(1, 25)]
    assert [e["id"] for e in page.select('[id^="op-"]')] == [f"op-{n}" for n in range(1, 35)]
    # every paragraph is addressable; its permalink is added by resolutions.js (tests/browser)
    ids = [el["id"] for el in page.select(".res-p")]
    assert len(ids) == len(set(ids)) == 58
    assert not page.select("a.res-permalink")


def test_op7_is_one_paragraph(page):
    text = page.select_one("#op-7").get_text(" ", strip=True)
    assert "advisory services and other forms of assistance, and coordinating with" in text
    assert text.endswith("United Nations bodies and offices;")


def test_footnotes_and_markers(page):
    notes = page.select("section.res-footnotes li")
    assert [li["id"] for li in notes] == [f"fn-{n}" for n in range(1, 13)]
    markers = page.select("sup.res-fnref > a")
    assert len(markers) == 15
    assert Counter(a["href"] for a in markers)["#fn-1"] == 2
    for a in markers:
        n = a["data-note"]
        assert a["aria-label"] == f"Footnote {n}" and a["aria-describedby"] == f"fn-{n}"
    # every marker has a way back from its note, and every back link lands on a marker
    back = [a["href"][1:] for a in page.select("a.res-backref")]
    assert sorted(back) == sorted(a.parent["id"] for a in markers)


def test_ibid_says_what_it_stands_for(page):
    abbr = page.select_one("#fn-2 abbr.res-ibid")
    assert abbr.get_text() == "Ibid." and abbr["title"] == "United Nations, Treaty Series"
    assert page.select_one("#fn-8 abbr.res-ibid")["title"] == "United Nations, Treaty Series"


EXPECTED_LINKS = {
    "pp-1": ["A/RES/46/152", "A/RES/60/1", "A/RES/60/177", "A/RES/61/252", "A/RES/64/178", "A/RES/64/179",
             "A/RES/64/237", "A/RES/65/169", "A/RES/65/190", "A/RES/65/232"],
    "pp-4": ["A/RES/65/187"],
    "pp-8": ["E/RES/2011/33", "E/RES/2011/34", "E/RES/2011/35", "E/RES/2011/36"],
    "pp-9": ["A/RES/58/17", "A/RES/61/52", "A/RES/64/78", "E/RES/2003/29", "E/RES/2004/34", "E/RES/2008/23",
             "E/RES/2010/19"],
    "op-1": ["A/RES/65/232"],
    "op-17": ["E/RES/2007/12", "E/RES/2007/19"],
    "fn-3": ["A/RES/60/288"],
    "fn-4": ["A/RES/62/272"],  # and the range A/62/PV.117-120: test_meeting_record_range_names_every_meeting
    "fn-5": ["A/RES/64/297", "A/64/PV.116", "A/64/PV.117"],
    "fn-6": ["A/RES/64/293"],
    "fn-11": ["A/66/303"],
    "fn-12": ["A/66/303"],
}


@pytest.mark.parametrize("anchor", sorted(EXPECTED_LINKS))
def test_citation_links(page, anchor):
    links = page.select(f'[id="{anchor}"] a.res-cite')
    assert [a["data-symbol"] for a in links] == EXPECTED_LINKS[anchor]
    for a in links:
        assert a["href"] == "https://undocs.org/" + a["data-symbol"].replace("(", "%28").replace(")", "%29")


def test_meeting_record_range_names_every_meeting(page):
    link = page.select_one("#fn-4 a.res-range__link")
    assert link.get_text() == "A/62/PV.117-120" and link["href"] == "https://undocs.org/A/62/PV.117"
    assert link["data-symbols"].split() == [f"A/62/PV.{n}" for n in range(117, 121)]
    members = page.select("#fn-4 .res-range__members a")
    assert [a["href"] for a in members] == [f"https://undocs.org/A/62/PV.{n}" for n in range(117, 121)]


def test_no_link_inside_a_link_and_no_dates_linked(page):
    assert not page.select("a a")
    linked = " ".join(a.get_text() for a in page.select("a.res-cite"))
    assert "2009" not in linked and "2349" not in linked and "2008-2011" not in linked


def test_internal_pinpoint(page):
    link = page.select_one("#op-34 a.res-cite")
    assert link.get_text() == "paragraph 33" and link["href"] == "#op-33"


def test_header_and_title(page):
    assert page.title.get_text().startswith("Strengthening the United Nations crime prevention")
    header = {dt.get_text(): dt.find_next("dd").get_text() for dt in page.select(".res-meta dt")}
    assert header["Organ"] == "General Assembly"
    assert header["Date"] == "6 October 2011"
    assert header["Session"] == "Sixty-sixth session"
    assert header["Committee"] == "Third Committee"
    assert header["Sponsors"] == "Italy and Mexico"
    assert header["Agenda item"].startswith("107")
    nav = [a.get_text(" ", strip=True) for a in page.select(".md-nav__link")]
    assert "General Assembly" not in nav
    # resolution pages are listed by the browse pages, not the nav (issue 5)
    assert not any(t.startswith("Strengthening the United Nations") for t in nav)
    assert [t for t in nav if t] == ["Home", "Browse", "About"]


def test_running_text_words_on_the_page(page):
    """Every body word of the source is on the page once; footnote words once in the list."""
    for members in page.select(".res-range__members"):  # a range's members, listed on hover: not source words
        members.decompose()
    for back in page.select(".res-footnotes .res-backrefs, .res-footnotes .res-backref"):
        back.decompose()  # "↩ a b": links back to the markers, not words of the note
    notes = "\n".join(li.get_text() for li in page.select(".res-footnotes li"))
    body = page.select_one(".res-doc")
    for junk in body.select(".res-permalink, sup.res-fnref, .res-meta, .res-title, .res-footnotes, .res-mandate, .res-mandates"):
        junk.decompose()
    body = "\n".join(p.get_text() for p in body.select("p"))
    src_running, src_notes = _source_parts()
    assert words(body) == words(src_running)
    assert words(notes) == words(src_notes)


def test_search_index_is_pagefind(built_site):
    """Material's search plugin is replaced by Pagefind (tests/test_search.py queries it)."""
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "pagefind" / "pagefind.js").exists()
    page = (built_site / SEED_URL).read_text(encoding="utf-8")
    assert "data-pagefind-body" in page
