"""The citation graph: cited-by lists, pinpoint links and counts, previews, lineage, the report."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from mkdocs_resolutions._internal.corpus import Corpus
from mkdocs_resolutions._internal.graph import build_graph, page_graph, Previews
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker

from .conftest import CORPUS, need_corpus


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def test_pact_for_the_future_is_cited_by_over_a_dozen_documents(built_site):
    need_corpus()
    page = soup(built_site, "A/RES/79/1")
    citing = [a.get_text() for a in page.select(".res-citedby__doc > a")]
    assert len(citing) >= 12 and "A/C.3/80/L.3" in citing and "A/RES/79/1" not in citing
    assert page.select_one("#cited-by").get_text().startswith(f"Cited by {len(citing)} documents")
    # every citing place is a deep link to an existing anchor of the citing page
    for link in page.select(".res-citedby li > a"):
        target = (built_site / "A/RES/79/1" / link["href"].split("#")[0]).resolve()
        html = (target / "index.html").read_text(encoding="utf-8")
        if "#" in link["href"]:
            assert f'id="{link["href"].split("#")[1]}"' in html, link["href"]


def test_draft_and_resolution_are_linked_both_ways(built_site):
    need_corpus()
    draft = soup(built_site, "A/C.3/80/L.3").select_one(".res-lineage")
    adopted = soup(built_site, "A/RES/80/229").select_one(".res-lineage")
    assert "Adopted as: A/RES/80/229" in draft.get_text() and draft.a["href"] == "../../../RES/80/229/"
    assert "Draft: A/C.3/80/L.3" in adopted.get_text() and adopted.a["href"] == "../../../C.3/80/L.3/"


def test_internal_links_carry_previews(built_site):
    need_corpus()
    link = soup(built_site, "A/C.3/80/L.3").select_one('a.res-cite--internal[data-symbol="A/RES/79/1"]')
    assert link["href"] == "../../../RES/79/1/"
    assert link["data-title"] == "The Pact for the Future" and link["data-date"] == "22 September 2024"


def test_citation_report_page(built_site):
    need_corpus()
    page = soup(built_site, "reports/citations")
    first = page.select_one("#most-cited + table tbody tr")
    assert first.td.get_text() == "A/RES/79/1" and first.td.a["href"] == "../../A/RES/79/1/"
    assert "2140 (2015) does not fit its number: Security Council resolution 2140 is of 2014" in page.select_one("#suspicious + ul").get_text()


CITING = b"""United Nations
A/C.3/99/L.1
General Assembly
Distr.: Limited
1 October 2044
Original: English

Ninety-ninth session
Third Committee
Agenda item 1
Testing

Utopia: draft resolution

Pinpoints

The General Assembly,

Recalling paragraph 3 of its resolution 79/89 and resolution 79/89, paragraph 4,

1. Reaffirms paragraph 3 of resolution 79/89;
"""


@pytest.fixture(scope="module")
def small_site(analyses):
    need_corpus()
    corpus, cache = Corpus(), analyses
    corpus.add("A-RES-79-89.txt", cache.get((CORPUS / "A-RES-79-89.txt").read_bytes(), "A-RES-79-89.txt"))
    corpus.add("A-C.3-99-L.1.txt", cache.get(CITING, "A-C.3-99-L.1.txt"))
    return corpus, build_graph(corpus)


def render(corpus, graph, src):
    entry = corpus.entries[src]
    linker = Linker(corpus.by_symbol, entry.url, preview=Previews(corpus))
    a = entry.analysis
    html = render_document(a.doc, linker, a.citations, a.ibid, page_graph(graph, corpus, entry, linker.href))
    return BeautifulSoup(html, "lxml")


def test_pinpoint_links_counts_and_lists(small_site):
    corpus, graph = small_site
    citing = render(corpus, graph, "A-C.3-99-L.1.txt")
    links = [(a.get_text(), a["href"]) for a in citing.select("a.res-cite--internal")]
    assert ("paragraph 3 of its resolution 79/89", "../../../RES/79/89/#op-3") in links
    assert any(href == "../../../RES/79/89/#op-4" for _, href in links)
    preview = citing.select_one('a.res-cite--internal[data-pinpoint="op-3"]')
    assert preview["data-excerpt"].startswith("3. ")

    cited = render(corpus, graph, "A-RES-79-89.txt")
    badge = cited.select_one("#op-3 a.res-citedby-count")
    assert badge.get_text() == "2" and badge["href"] == "#cited-by-op-3"
    listed = cited.select("#cited-by-op-3 li a")
    assert [a["href"] for a in listed] == ["../../../C.3/99/L.1/#pp-1", "../../../C.3/99/L.1/#op-1"]
    assert cited.select_one("#op-4 a.res-citedby-count").get_text() == "1"
    assert cited.select_one("#op-1 a.res-citedby-count") is None


def test_cited_by_list_is_cut_on_the_page_and_whole_on_its_own(small_site):
    from mkdocs_resolutions._internal.graph import CitingDocument, CitingPlace, PageGraph
    from mkdocs_resolutions._internal.render.html import cited_by_html

    place = CitingPlace("../x/#op-1", "paragraph 1", "… text …", None)
    view = PageGraph(cited_by=[CitingDocument(f"A/RES/1/{n}", "", f"../{n}/", [place] * 5) for n in range(30)])
    view.full_href = "cited-by/"
    cut = BeautifulSoup(cited_by_html(view, limit=20), "lxml")
    assert len(cut.select(".res-citedby__doc")) == 20
    assert cut.select_one(".res-citedby__all a")["href"] == "cited-by/"
    assert cut.select_one("#cited-by").get_text() == "Cited by 30 documents on this site"
    assert "and 2 more places" in cut.get_text()
    whole = BeautifulSoup(cited_by_html(view, limit=None), "lxml")
    assert len(whole.select(".res-citedby__doc")) == 30 and not whole.select(".res-citedby__all")
