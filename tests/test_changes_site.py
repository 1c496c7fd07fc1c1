"""The built site's changes pages: one per earlier version of each text, linked from the text's page."""

from __future__ import annotations

import re

# Every changes page of the site, found from the graph's lineage and series and from same title and
# agenda item: (page, text, earlier version).
PAGES = {
    "A/C.1/80/L.15/changes/": "A/RES/78/27",
    "A/C.2/80/L.19/changes/": "A/RES/78/161",
    "A/C.4/80/L.18/changes/": "A/RES/79/89",
    "A/C.5/80/L.11/changes/": "A/RES/79/246",
    "A/C.5/80/L.9/changes/": "A/RES/78/244",
    "A/C.6/80/L.11/changes/": "A/RES/78/236",
    "A/C.6/80/L.23/changes/": "A/RES/78/102",
    "A/RES/80/10/changes/": "A/80/L.11",
    "A/RES/80/123/changes/": "A/RES/79/197",
    "A/RES/80/143/changes/": "A/RES/78/158",
    "A/RES/80/166/changes/": "A/RES/79/125",
    "A/RES/80/173/changes/": "A/80/L.41",
    "A/RES/80/187/changes/": "A/RES/79/156",
    "A/RES/80/192/changes/": "A/C.3/80/L.2",
    "A/RES/80/210/changes/": "A/C.3/80/L.41",
    "A/RES/80/229/changes/": "the draft resolution of 6 October 2011",  # the seed: same title and agenda item
    "A/RES/80/229/changes/A-C.3-80-L.3/": "A/C.3/80/L.3",
    "A/RES/80/230/changes/": "A/C.5/80/L.3",
    "A/RES/80/52/changes/": "A/C.1/80/L.52",
}


def test_the_site_has_exactly_these_changes_pages(built_site):
    found = sorted(str(p.parent.relative_to(built_site)) + "/" for p in built_site.rglob("changes/**/index.html"))
    assert found == sorted(PAGES)
    for url, old in PAGES.items():
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert re.search(rf"<h1 id=\"title\">Changes in [^<]+ since {re.escape(old)}</h1>", html), url


def test_a_text_page_links_to_its_changes(built_site):
    html = (built_site / "A/RES/80/192/index.html").read_text(encoding="utf-8")
    assert '<a class="res-lineage__link res-lineage__changes" href="changes/">Changes since A/C.3/80/L.2</a>' in html


def test_old_anchors_land_on_where_the_paragraph_went(built_site):
    html = (built_site / "A/RES/80/192/changes/index.html").read_text(encoding="utf-8")
    row = re.search(r'<div class="chg-row chg-row--changed" id="from-op-5">(.*?)</div>', html)
    assert row, "no row for op-5 of the draft"
    assert ('<a href="../../../../C.3/80/L.2/#op-5">paragraph 5 of A/C.3/80/L.2</a> became '
            '<a href="../#op-6">paragraph 6 here</a> <span class="chg-status">(changed, renumbered)</span>') in row.group(1)
    assert '<div class="chg-row chg-row--added" id="to-op-4">' in html


def test_comparisons_of_one_text_link_each_other(built_site):
    html = (built_site / "A/RES/80/229/changes/A-C.3-80-L.3/index.html").read_text(encoding="utf-8")
    assert '<a href="../">the draft resolution of 6 October 2011 (previous)</a>' in html
    assert '<a href="./" aria-current="page">A/C.3/80/L.3 (draft)</a>' in html
