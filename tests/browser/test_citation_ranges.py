"""A printed range of documents in a real browser: every member reachable by mouse,
keyboard and in print, at phone and desktop widths (issue 19)."""
from __future__ import annotations

import io
import re

SEED = "/000_780746b198b85f4a/"
MEMBERS = [f"A/62/PV.{n}" for n in range(117, 121)]

JS_LIST = """() => {
  const list = document.querySelector('#fn-4 .res-range__members');
  const r = list.getBoundingClientRect();
  return {shown: getComputedStyle(list).display !== 'none', left: r.left, right: r.right,
          width: document.documentElement.clientWidth,
          links: [...list.querySelectorAll('a')].map(a => a.textContent)};
}"""


def _open(page, site):
    page.goto(site.url(SEED))
    page.wait_for_selector("#fn-4 .res-range__link", state="attached")


def test_range_lists_every_member_on_hover_and_keyboard(page, site):
    _open(page, site)
    assert page.evaluate(JS_LIST)["shown"] is False
    page.hover("#fn-4 .res-range__link")
    state = page.evaluate(JS_LIST)
    assert state["shown"] and state["links"] == MEMBERS
    page.mouse.move(0, 0)
    page.focus("#fn-4 .res-range__link")
    assert page.evaluate(JS_LIST)["shown"]
    page.keyboard.press("Tab")  # focus moves into the list, which stays open
    assert page.evaluate("() => document.activeElement.textContent") == MEMBERS[0]
    assert page.evaluate(JS_LIST)["shown"]
    for member in MEMBERS[1:]:
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == member
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "https://undocs.org/A/62/PV.120"


def test_range_list_fits_a_phone_screen(phone, site):
    _open(phone, site)
    phone.focus("#fn-4 .res-range__link")
    state = phone.evaluate(JS_LIST)
    assert state["shown"] and state["left"] >= 0 and state["right"] <= state["width"], state


def test_print_lists_every_member_after_the_range(page, site):
    from pypdf import PdfReader

    _open(page, site)
    pdf = page.pdf(format="A4", print_background=False)
    text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert re.search(r"A/62/PV\.117-120 ?\(A/62/PV\.117, A/62/PV\.118, A/62/PV\.119, A/62/PV\.120\)", text), text[-600:]
