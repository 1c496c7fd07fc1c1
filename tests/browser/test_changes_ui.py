"""A changes page in a real browser: readable inline and side by side at 1280 px, stacked at
375 px, an old anchor landing on its row, print without the view switch, and axe (issue 17)."""
from __future__ import annotations

from test_reader_ui import describe, run_axe

PAGE = "/A/RES/80/229/changes/A-C.3-80-L.3/"  # the draft and its resolution: every kind of change

BOXES = """() => {
  const row = document.querySelector('.chg-row--changed');
  const box = s => row.querySelector(s).getBoundingClientRect();
  const o = box('.chg-old'), n = box('.chg-new');
  return {oldLeft: o.left, oldTop: o.top, newLeft: n.left, newTop: n.top, oldBottom: o.bottom,
          inline: getComputedStyle(row.querySelector('.chg-inline')).display,
          scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth};
}"""


def _open(page, site, hash_: str = ""):
    page.goto(site.url(PAGE) + hash_)
    page.wait_for_selector(".chg-rows")


def test_inline_then_side_by_side_on_a_wide_screen(page, site):
    _open(page, site)
    assert page.locator(".chg-row--changed .chg-inline").first.is_visible()
    assert not page.locator(".chg-row--changed .chg-side").first.is_visible()
    ins = page.locator(".chg-row--changed ins.chg-ins").first
    assert "underline" in ins.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in page.locator("del.chg-del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert not run_axe(page), describe(run_axe(page))
    page.click("label[for=chg-view-side]")
    boxes = page.evaluate(BOXES)
    assert boxes["inline"] == "none"
    assert boxes["newLeft"] > boxes["oldLeft"] and abs(boxes["newTop"] - boxes["oldTop"]) < 2  # two columns
    bad = run_axe(page)
    assert not bad, describe(bad)


def test_side_by_side_stacks_on_a_phone(phone, site):
    _open(phone, site)
    bad = run_axe(phone)
    assert not bad, describe(bad)
    phone.click("label[for=chg-view-side]")
    boxes = phone.evaluate(BOXES)
    assert boxes["newTop"] >= boxes["oldBottom"] - 1 and abs(boxes["newLeft"] - boxes["oldLeft"]) < 2
    assert boxes["scroll"] <= boxes["width"]  # nothing wider than the screen
    bad = run_axe(phone)
    assert not bad, describe(bad)


def test_an_old_anchor_lands_on_its_row(page, site):
    _open(page, site, "#from-op-15")
    row = page.locator("#from-op-15")
    assert row.is_visible()
    assert "paragraph 15 of A/C.3/80/L.3" in row.inner_text()
    top = row.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200


def test_print_shows_the_inline_marks_without_the_switch(page, site):
    _open(page, site)
    page.click("label[for=chg-view-side]")
    page.emulate_media(media="print")
    assert not page.locator(".chg-view").is_visible()
    assert page.locator(".chg-row--changed .chg-inline").first.is_visible()
    assert not page.locator(".chg-row--changed .chg-side").first.is_visible()
