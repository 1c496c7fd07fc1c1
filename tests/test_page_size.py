"""A resolution page's HTML does not depend on how many documents the site holds."""

from __future__ import annotations

import pytest

from .corpus_site import corpus_site, resolution_pages

EXTRA = 100


@pytest.fixture(scope="module")
def sites():
    return corpus_site(), corpus_site(extra=EXTRA)


def test_pages_keep_their_size_when_100_documents_are_added(sites):
    small, large = sites
    before, after = resolution_pages(small), resolution_pages(large)
    assert len(after) == len(before) + EXTRA
    changed = {url: (before[url].stat().st_size, after[url].stat().st_size)
               for url in before if before[url].stat().st_size != after[url].stat().st_size}
    assert changed == {}
    # ordinary pages too: the nav is Home, Browse, About whatever the corpus
    for page in ("index.html", "about/index.html"):
        assert (small / page).stat().st_size == (large / page).stat().st_size


def test_page_overhead_is_bounded(sites):
    """Page HTML minus the page's own words: theme chrome plus markup, not the corpus."""
    small, _ = sites
    chrome = (small / "about" / "index.html").stat().st_size
    assert chrome < 20_000
