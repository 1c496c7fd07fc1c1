"""Mandates in a real browser: the marker under a paragraph, its link to the calendar, accessibility (axe)."""
from __future__ import annotations

import pytest
from test_reader_ui import describe, run_axe  # the suite's axe rules: serious/critical on our markup fail

MARKED = "/A/RES/80/229/"
CALENDAR = "/mandates/sessions/ga-81/"


def _need(site, path):
    if not (site.root / path.strip("/") / "index.html").exists():
        pytest.fail(f"{path} was not built")


def test_marker_is_under_the_text_and_leads_to_the_calendar_and_back(page, site):
    _need(site, MARKED)
    page.goto(site.url(MARKED) + "#op-78")
    page.wait_for_load_state("load")
    para = page.locator("#op-78")
    marker = para.locator(".res-mandate")
    assert marker.is_visible()
    assert marker.inner_text().startswith("Mandate: Report · Secretary-General → GA 81")
    text_box, marker_box = para.locator(".res-num").bounding_box(), marker.bounding_box()
    assert marker_box["y"] > text_box["y"]  # below the printed words, not in front of them
    marker.locator("a").click()
    page.wait_for_url("**" + CALENDAR)
    back = page.locator('a[href$="A/RES/80/229/#op-78"]')
    assert back.count() >= 1
    back.first.click()
    page.wait_for_function("() => location.hash === '#op-78'")


def test_mandate_list_links_to_its_paragraphs(page, site):
    _need(site, "/A/C.1/80/L.15/")
    page.goto(site.url("/A/C.1/80/L.15/"))
    hrefs = page.eval_on_selector_all(".res-mandates li > a:first-child", "els => els.map(a => a.href)")  # made absolute by Material
    assert len(hrefs) == 8
    for href in hrefs:
        path, _, anchor = href.partition("#")
        assert path.endswith("/A/C.1/80/L.15/") and page.locator(f"[id='{anchor}'] .res-mandate").count() == 1


@pytest.mark.parametrize("path", [MARKED, CALENDAR, "/mandates/"])
def test_axe_no_serious_violations_on_marked_and_calendar_pages(page, site, path):
    _need(site, path)
    page.goto(site.url(path))
    page.wait_for_load_state("load")
    bad = run_axe(page)
    assert not bad, describe(bad)


@pytest.mark.parametrize("path", [MARKED + "#op-78", CALENDAR])
def test_phone_pages_do_not_scroll_sideways(phone, site, path):
    _need(site, path.split("#")[0])
    phone.goto(site.url(path))
    phone.wait_for_load_state("load")
    width = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert width <= 0
