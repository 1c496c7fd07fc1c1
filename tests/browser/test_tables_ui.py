"""Tables on a phone and on paper (issue 11, item 5).

A/RES/79/250 prints a table of ten levels in paragraph 11; the site reads it
from plain text, so it is a preformatted block. A table read from a PDF (the
synthetic one of tests/test_tables.py, rendered by the same code) is put in
its place to measure an HTML table in the same page and theme.
"""
from __future__ import annotations

import io

from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker

from tests.hostile_support import render
from tests.test_tables import _table_pdf
from test_page_layout import _open

PATH = "/A/RES/79/250/"
LAST_LINE = "Least developed countries (except level A and C contributors)"

JS_BOXES = """(sel) => {
  const box = document.querySelector(sel);
  const scroll = box.querySelector('.res-table__scroll');
  return {page: document.documentElement.scrollWidth, vw: window.innerWidth,
          scroll: scroll.scrollWidth, shown: scroll.clientWidth, left: box.getBoundingClientRect().left,
          right: box.getBoundingClientRect().right, overflow: getComputedStyle(scroll).overflowX,
          align: getComputedStyle(box).textAlign};
}"""


def _pdf_table_html() -> str:
    page = render(_table_pdf(), "t.pdf")
    html = render_document(page.doc, Linker({}, "x/y/", "https://undocs.org/{symbol}"), {})
    start = html.index('<figure class="res-table"')
    return html[start : html.index("</figure>", start) + len("</figure>")]


def _with_pdf_table(page) -> None:
    page.evaluate("(html) => { document.querySelector('#op-11 figure').outerHTML = html; }", _pdf_table_html())


def test_a_table_scrolls_in_its_box_on_a_phone_and_the_page_does_not(browser, site):
    for swap in (False, True):
        ctx, page = _open(browser, site, 375, PATH, height=667)
        try:
            if swap:
                _with_pdf_table(page)
            box = page.evaluate(JS_BOXES, "#op-11 figure.res-table")
        finally:
            ctx.close()
        assert box["page"] <= box["vw"] == 375, box  # the page itself never scrolls sideways
        assert 0 <= box["left"] and box["right"] <= 375, box
        assert box["overflow"] == "auto" and box["scroll"] > box["shown"], box  # the table's own box does
        assert box["align"] in ("left", "start"), box  # not centred like Material's figures


def test_a_table_prints_whole(browser, site):
    from pypdf import PdfReader

    for swap in (False, True):
        ctx, page = _open(browser, site, 1280, PATH)
        try:
            if swap:
                _with_pdf_table(page)
            pdf = page.pdf(format="A4")
        finally:
            ctx.close()
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)
        if swap:
            for cell in ("Permanent members of the Security Council", "Premium", "Under 22,946", "7.5", "90",
                         "twice the <b>average</b> &amp; more"):
                assert cell in text, cell
        else:
            for line in (LAST_LINE, "Under 11,473", "80 (or 70 on a", "(percentage)"):
                assert line in text, line


def test_the_table_region_has_no_accessibility_violations(browser, site):
    from test_reader_ui import describe, run_axe

    ctx, page = _open(browser, site, 375, PATH, height=667)
    try:
        _with_pdf_table(page)
        page.locator("#op-11 .res-table__scroll").scroll_into_view_if_needed()
        found = run_axe(page)
    finally:
        ctx.close()
    assert found == [], describe(found)
