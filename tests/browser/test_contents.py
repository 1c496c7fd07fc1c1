"""The in-page "Contents" disclosure: the outline on screens where Material shows no TOC sidebar.

Resolution pages are not in the nav, so Material's drawer never holds their table
of contents, and its TOC sidebar appears only from 60em. Below that width the page
carries the same outline as a disclosure; in print neither shows, but the footer's
"unofficial rendering" notice does.
"""
from __future__ import annotations

import io

import pytest

from test_page_layout import SEED, _open
from test_reader_ui import describe, run_axe

CONVENTION = "/A/RES/79/243/"


@pytest.mark.parametrize("width", [375, 768])
def test_contents_opens_and_leads_to_an_article(browser, site, width):
    ctx, page = _open(browser, site, width, CONVENTION)
    try:
        page.wait_for_load_state("load")  # Material's scripts (instant navigation handles the click) are in
        contents = page.locator("details.res-contents")
        assert contents.is_visible()
        assert page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible() is False
        summary = contents.locator("summary")
        summary.focus()
        page.keyboard.press("Enter")  # keyboard opens it
        assert contents.evaluate("d => d.open") is True
        link = contents.locator('a[href$="#annex-art-14"]')  # Material's instant navigation makes hrefs absolute
        assert link.inner_text().startswith("Article 14")
        link.click()
        page.wait_for_function("() => location.hash === '#annex-art-14'")
        # Lands on the article (scrolling may be smooth): its heading comes to rest near the top.
        page.wait_for_function("() => { const t = document.getElementById('annex-art-14').getBoundingClientRect().top;"
                               " const h = document.querySelector('.md-header').getBoundingClientRect().bottom;"
                               " return t >= h - 1 && t < innerHeight / 2; }")  # below the sticky header
    finally:
        ctx.close()


def test_contents_is_hidden_where_the_toc_sidebar_shows(browser, site):
    ctx, page = _open(browser, site, 1280, CONVENTION)
    try:
        hidden = not page.locator("details.res-contents").is_visible()
        sidebar = page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()
    finally:
        ctx.close()
    assert (hidden, sidebar) == (True, True)


def test_a_page_without_headings_has_no_contents(browser, site):
    ctx, page = _open(browser, site, 375, f"/{SEED}/")
    try:
        count = page.locator("details.res-contents").count()
    finally:
        ctx.close()
    assert count == 0


def test_axe_on_the_open_contents_at_phone_width(browser, site):
    ctx, page = _open(browser, site, 375, CONVENTION)
    try:
        page.locator("details.res-contents summary").click()
        bad = run_axe(page)
    finally:
        ctx.close()
    assert not bad, describe(bad)


def test_print_carries_the_unofficial_notice(browser, site):
    from pypdf import PdfReader

    ctx, page = _open(browser, site, 1280, f"/{SEED}/")
    try:
        pdf = page.pdf(format="A4")
    finally:
        ctx.close()
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Unofficial rendering for reading and citation. The official text of every United Nations document is at undocs.org" in text
    assert "Made with" not in text  # only the notice of the footer prints


def test_contents_does_not_print(browser, site):
    ctx, page = _open(browser, site, 375, CONVENTION)
    try:
        page.emulate_media(media="print")
        shown = page.locator("details.res-contents").is_visible()
    finally:
        ctx.close()
    assert shown is False
