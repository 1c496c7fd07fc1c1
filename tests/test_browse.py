"""Browse pages: every document listed once per listing, tables usable without script, small nav."""

from __future__ import annotations

from collections import Counter
from posixpath import normpath

import pytest
from bs4 import BeautifulSoup

from mkdocs_resolutions._internal import browse
from mkdocs_resolutions._internal.model import Document, Kind, Metadata, Paragraph, RichText
from mkdocs_resolutions._internal.subjects import subject

from .corpus_site import corpus_site, resolution_pages


def _item(symbol, session=80, committee=None, date="2025-10-08", organ="General Assembly", title="T"):
    meta = Metadata(symbol=symbol, organ=organ, session_number=session, committee=committee, iso_date=date,
                    date=date, kind=Kind.DRAFT_RESOLUTION, title=title)
    return browse.listing(meta, browse.listed_title(Document(symbol, meta)), symbol + "/")


def _council_draft(*paragraphs: str) -> Document:
    meta = Metadata(symbol="S/2030/1", organ="Security Council", kind=Kind.DRAFT_RESOLUTION)
    blocks = [Paragraph("preambular", f"pp-{i}", None, "Recalling", RichText(text), i) for i, text in enumerate(paragraphs, 1)]
    return Document("S-2030-1.txt", meta, blocks=blocks)


def _links(page: browse.BrowsePage) -> list[str]:
    soup = BeautifulSoup(page.html, "lxml")
    return [normpath(page.url + a["href"]) for a in soup.select("table.res-browse a")]


def test_each_listing_names_every_document_once():
    items = [_item("A/C.3/80/L.10", committee="Third Committee"), _item("A/C.3/80/L.9", committee="Third Committee"),
             _item("A/RES/80/1"), _item("S/2018/221", session=None, organ="Security Council", date="2018-03-14"),
             _item("A/66/L.1", session=66, date=""), _item("X/1", session=None, organ=None, date="")]
    pages = browse.build_pages(items)
    by_organ = [u for p in pages if not p.url.startswith("browse/date/") for u in _links(p)]
    by_date = [u for p in pages if p.url.startswith("browse/date/") for u in _links(p)]
    expected = sorted(i.url.rstrip("/") for i in items)
    assert sorted(by_organ) == expected and sorted(by_date) == expected
    urls = [p.url for p in pages]
    assert urls[0] == "browse/" and len(urls) == len(set(urls))
    assert "browse/security-council/year-2018/" in urls and "browse/other/undated/" in urls
    assert "browse/date/undated/" in urls
    # every level of every browse URL has its page
    for url in urls:
        parts = url.strip("/").split("/")
        assert all("/".join(parts[:n]) + "/" in urls for n in range(1, len(parts))), url
    assert {"browse/date/", "browse/general-assembly/", "browse/security-council/", "browse/other/"} <= set(urls)


def test_natural_symbol_order_and_committees():
    items = [_item("A/C.3/80/L.10", committee="Third Committee"), _item("A/C.3/80/L.9", committee="Third Committee"),
             _item("A/RES/80/2"), _item("A/RES/80/10")]
    page = next(p for p in browse.build_pages(items) if p.url == "browse/general-assembly/session-80/")
    soup = BeautifulSoup(page.html, "lxml")
    assert [h.get_text() for h in soup.select("h2")] == ["Plenary", "Third Committee"]
    assert "A/RES/80/2" in tables_text(soup)
    tables = soup.select("table.res-browse")
    assert [a.get_text() for a in tables[0].select("a")] == ["A/RES/80/2", "A/RES/80/10"]
    assert [a.get_text() for a in tables[1].select("a")] == ["A/C.3/80/L.9", "A/C.3/80/L.10"]
    assert [th.get_text() for th in tables[0].select("th")] == ["Symbol", "Title", "Date", "Kind"]
    # relative links, so the site works under any path prefix
    assert tables[0].select_one("a")["href"] == "../../../A/RES/80/2/"


def tables_text(soup) -> str:
    return " ".join(t.get_text(" ") for t in soup.select("table.res-browse"))


def test_committees_in_the_un_order():
    names = ["Sixth Committee", "Fifth Committee", "Special Political and Decolonization Committee (Fourth Committee)",
             "Third Committee", "Second Committee", "First Committee", None]
    items = [_item(f"A/C.{i}/80/L.1" if c else "A/RES/80/1", committee=c) for i, c in enumerate(names)]
    page = next(p for p in browse.build_pages(items) if p.url == "browse/general-assembly/session-80/")
    headings = [h.get_text() for h in BeautifulSoup(page.html, "lxml").select("h2")]
    assert headings == ["Plenary", "First Committee", "Special Political and Decolonization Committee (Fourth Committee)",
                        "Second Committee", "Third Committee", "Fifth Committee", "Sixth Committee"]


def test_council_year_page_has_no_plenary_heading():
    items = [_item("S/2018/221", session=None, organ="Security Council", date="2018-03-14"),
             _item("S/2018/95", session=None, organ="Security Council", date="2018-02-01")]
    page = next(p for p in browse.build_pages(items) if p.url == "browse/security-council/year-2018/")
    soup = BeautifulSoup(page.html, "lxml")
    assert soup.select("h2") == [] and len(soup.select("table.res-browse")) == 1
    assert [a.get_text() for a in soup.select("table a")] == ["S/2018/95", "S/2018/221"]


def test_council_draft_is_named_by_its_subject_never_its_symbol():
    # the situation the Council names wins over a place named more often
    doc = _council_draft("its resolutions on the Sudan and the situation in Darfur,",
                         "the Government of Sudan, the Sudan and the Sudan,", "the situation in Darfur,")
    assert subject(doc) == "Darfur"
    # else the place named most (the cover's sponsors are not text)
    assert subject(_council_draft("the Federal Government of Somalia,", "Somalia and Kenya,")) == "Somalia"
    # else a proper name the text repeats, else its first words
    assert subject(_council_draft("the Informal Working Group,", "the Informal Working Group and the Focal Point,")) == "Informal Working Group"
    draft = _council_draft("the situation in Haiti,")
    item = browse.listing(draft.meta, browse.listed_title(draft), "S/2030/1/")
    assert item.title == "Haiti" and not item.titled
    page = next(p for p in browse.build_pages([item]) if p.url == "browse/security-council/")
    assert page.title == "Security Council"


def test_titles_are_escaped():
    page = next(p for p in browse.build_pages([_item("A/RES/80/1", title='<script>alert("x")</script>')]) if p.url == "browse/general-assembly/session-80/")
    assert "<script>" not in page.html and "&lt;script&gt;" in page.html


@pytest.fixture(scope="module")
def site():
    return corpus_site()


def test_corpus_browse_lists_every_page_once(site):
    pages = resolution_pages(site)
    assert len(pages) == 161  # 160 corpus texts and the seed
    organ, dated = Counter(), Counter()
    for page in (site / "browse").rglob("index.html"):
        rel = page.parent.relative_to(site).as_posix() + "/"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for a in soup.select("article table.res-browse a"):
            target = normpath(rel + a["href"]) + "/"
            assert (site / target / "index.html").exists(), target
            (dated if rel.startswith("browse/date/") else organ)[target] += 1
    assert organ == Counter(set(pages)) and dated == Counter(set(pages))
    overview = BeautifulSoup((site / "browse" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "161 documents." in overview.get_text()


def test_corpus_session_page(site):
    soup = BeautifulSoup((site / "browse/general-assembly/session-80/index.html").read_text(encoding="utf-8"), "lxml")
    row = next(tr for tr in soup.select("tr") if tr.select_one("a") and tr.select_one("a").get_text() == "A/C.3/80/L.3")
    cells = [td.get_text() for td in row.select("td")]
    assert cells[1].startswith("Strengthening the United Nations crime prevention")
    assert cells[3] == "draft resolution"
    assert row.find_parent("table").find_previous("h2").get_text() == "Third Committee"


def test_corpus_titles_are_never_bare_symbols(site):
    bare = []
    for page in (site / "browse").rglob("index.html"):
        for tr in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select("article table.res-browse tbody tr"):
            symbol, title = (td.get_text() for td in tr.select("td")[:2])
            if title.strip() in ("", symbol):
                bare.append(symbol)
    assert bare == []
    soup = BeautifulSoup((site / "browse/security-council/year-2020/index.html").read_text(encoding="utf-8"), "lxml")
    rows = {tr.select_one("a").get_text(): tr.select("td")[1].get_text() for tr in soup.select("tbody tr")}
    assert rows == {"S/2020/445": "Somalia"}


def test_nav_does_not_grow_with_the_corpus(site):
    soup = BeautifulSoup((site / "A/RES/80/229/index.html").read_text(encoding="utf-8"), "lxml")
    nav = [a.get_text(" ", strip=True) for a in soup.select(".md-nav--primary .md-nav__link")]
    assert [t for t in nav if t] == ["Home", "Browse", "About"]


def test_check_site_reports_a_trimmed_browse_url_without_a_page():
    from build_tools.check_site import Page, check_trimmed

    pages = {p: Page(p) for p in ("index.html", "browse/index.html", "browse/date/2018/index.html",
                                  "browse/security-council/year-2018/index.html", "browse/security-council/index.html")}
    assert check_trimmed(pages) == ["browse/date/: no page (a trimmed address of browse/date/2018/index.html gives 404)"]
    pages["browse/date/index.html"] = Page("browse/date/index.html")
    assert check_trimmed(pages) == []
