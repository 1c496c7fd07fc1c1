"""The page-rendering shortcuts (issue 14 item 5) compute exactly what the plain versions did.

Each shortcut (remembered ids, a faster relative URL, a literal id search, one difflib index
per paragraph, bounds that skip hopeless comparisons) is checked against the plain
computation it replaces, on generated input, so a change that alters a page fails here.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_resolutions._internal import anchors, browse
from mkdocs_resolutions._internal.changes.align import _against, _bound, _score, masked, similarity
from mkdocs_resolutions._internal.model import Document, Kind, Metadata, Paragraph, RichText
from mkdocs_resolutions._internal.mkdocs.theme import anchor_ids
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker, relative_url


def _relpath_url(url: str, page_url: str) -> str:
    """The former relative_url: posixpath.relpath."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + url, "/" + base)
    return rel + "/" if url.endswith("/") and not rel.endswith("/") else rel


_PATHS = st.lists(st.sampled_from(["A", "RES", "80", "229", "..", ".", "", "index.html", "a b"]), max_size=6).map("/".join)


@settings(max_examples=500, deadline=None)
@given(_PATHS, _PATHS, st.booleans(), st.booleans())
def test_relative_url_is_posix_relpath(url: str, page: str, url_dir: bool, page_dir: bool) -> None:
    url, page = url + "/" * url_dir, page + "/" * page_dir
    assert relative_url(url, page) == _relpath_url(url, page)


def test_relative_url_examples() -> None:
    assert relative_url("A/RES/79/1/", "A/RES/80/229/") == "../../79/1/"
    assert relative_url("A/RES/80/229/", "A/RES/80/229/") == "./"
    assert relative_url("browse/", "A/RES/80/229/") == "../../../../browse/"
    assert relative_url("x.json", "a/b.html") == "../x.json"


_OLD_ID = re.compile(r'\sid="([^"]+)"')


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(['id="', "id", " ", "\n", "\t", "x", '"', "data-", "&amp;", "=", ">"]), max_size=30).map("".join))
def test_anchor_ids_are_the_ids_after_white_space(html: str) -> None:
    assert anchor_ids(html) == {unescape(m) for m in _OLD_ID.findall(html)}


def test_anchor_ids_skip_attributes_ending_in_id() -> None:
    html = '<p data-id="no" id="op-1">\n<a\tid="fn-1&amp;2">x</a><span xid="a id="b">'
    assert anchor_ids(html) == {"op-1", "fn-1&2", "b"}


_WORDS = st.lists(st.sampled_from(["the", "general", "assembly", "#", "requests", "of", "and", "notes"]), max_size=25)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(_WORDS, min_size=1, max_size=4))
def test_one_difflib_index_scores_every_candidate_as_a_fresh_one(new: list[str], olds: list[list[str]]) -> None:
    against = _against(new)
    for old in olds:
        fresh = SequenceMatcher(None, old, new, autojunk=False)
        expected = _score(sum(m.size for m in fresh.get_matching_blocks()), len(old), len(new))
        assert against(old) == expected == similarity(old, new)


@settings(max_examples=300, deadline=None)
@given(_WORDS, _WORDS)
def test_word_bound_is_the_multiset_formula_and_bounds_the_similarity(a: list[str], b: list[str]) -> None:
    bags = Counter(a), Counter(b)
    bound = _bound(*bags)
    assert bound == _score(sum((bags[0] & bags[1]).values()), len(a), len(b))
    assert bound >= similarity(a, b)


def test_masked_words_are_remembered_but_the_same() -> None:
    text = "Recalling its resolution 79/1 of 22 September 2024 at its Seventy-ninth session, Decides"
    assert masked(text) == "recalling its resolution # of # # # at its # session, decides"


def test_remembered_ids_are_bounded() -> None:
    """Ids are remembered for speed, never without limit: the cache must not grow with the corpus."""
    for k in range(anchors.CACHED + 50):
        anchors.label(f"op-{k}")
    assert anchors.label.cache_info().currsize == anchors.CACHED
    assert anchors.parse.cache_info().maxsize == anchors.CACHED
    assert anchors.label("annex-ii-p-26-b-ii") == "Annex II, paragraph 26 (b) (ii)"
    assert anchors.parse("op-7-a") == anchors.Anchor("op", "7", ("a",))


def test_breadcrumb_place_is_the_listing_place_without_reading_the_text() -> None:
    meta = Metadata(symbol="S/2030/1", organ="Security Council", kind=Kind.DRAFT_RESOLUTION, iso_date="2030-01-02")
    doc = Document("S-2030-1.txt", meta, blocks=[
        Paragraph("preambular", "pp-1", None, "Recalling", RichText("the situation in Haiti,"), 1)])
    assert browse.placed(meta, "S/2030/1/") == replace(browse.listing(meta, browse.listed_title(doc), "S/2030/1/"), title="")


def test_a_paragraph_without_marks_is_escaped_as_text() -> None:
    meta = Metadata(symbol="A/RES/80/1", title="T")
    doc = Document("a.txt", meta, blocks=[Paragraph("operative", "op-1", "1", "", RichText('Says "<b>" & \'x\''), 1)])
    html = render_document(doc, Linker({}, "A/RES/80/1/"), {})
    assert "Says \"&lt;b&gt;\" &amp; 'x'</p>" in html
