"""What a reader sees of a resolution page, measured in Chromium at phone, tablet and desktop widths and in print.

Four pages: the seed, A/RES/79/1 (long, annexes, "Action 3."), A/RES/79/243 (a
convention: chapters and articles) and an SC draft. The printed numbers a page
must show come from the source text itself (the line each paragraph starts on),
not from the HTML under test.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from conftest import REPO, _offline
from test_reader_ui import describe, run_axe

SEED = "000_780746b198b85f4a"
PAGES = {  # URL path -> source text the printed numbers are read from
    f"/{SEED}/": f"{SEED}.txt",
    "/A/RES/79/1/": "A-RES-79-1.txt",
    "/A/RES/79/243/": "A-RES-79-243.txt",
    "/S/2018/221/": "S-2018-221.txt",  # SC draft; its page is built from the PDF form
}
WIDTHS = [375, 768, 1024, 1280, 1600]  # phone, tablet, no sidebar, one sidebar, both sidebars

_PRINTED = re.compile(r"\s*(\([a-z]{1,4}\)|\(\d{1,3}\)|\d{1,3}\.|(?:Action|Item) \d{1,3}\.)")


def printed_numbers(source: str) -> list[str]:
    """The number printed at the start of each numbered paragraph, in reading order, from the source."""
    from mkdocs_resolutions._internal.corpus import analyse

    path = REPO / "source_docs" / source
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for para in analyse(path.read_bytes(), source).doc.paragraphs():
        if para.number is None:
            continue
        line = re.sub(r"[*_\\#]", "", lines[para.line - 1])
        m = _PRINTED.match(line)
        assert m, f"{source}:{para.line}: no printed number at the start of {line[:40]!r}"
        out.append(m.group(1))
    return out


# One pass over every number of the page: its box, the box of its paragraph's
# text (all lines of it, the number excluded), the viewport.
JS_NUMBERS = """() => {
  const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.res-doc .res-num')].map(num => {
    const r = num.getBoundingClientRect();
    const host = num.parentElement;
    const range = document.createRange();
    range.setStartAfter(num);
    range.setEnd(host, host.childNodes.length);
    const overlaps = [...range.getClientRects()].filter(t => t.width > 0 && t.height > 0 &&
      t.left < r.right - 0.5 && r.left < t.right - 0.5 && t.top < r.bottom - 0.5 && r.top < t.bottom - 0.5).length;
    const style = getComputedStyle(num);
    return {text: num.innerText.trim(), left: r.left, right: r.right, width: r.width, vw, overlaps,
            shown: style.visibility === 'visible' && style.display !== 'none' && parseFloat(style.opacity) === 1,
            id: (num.closest('[id]') || {}).id};
  });
}"""


@pytest.fixture(scope="module")
def expected() -> dict[str, list[str]]:
    return {path: printed_numbers(source) for path, source in PAGES.items()}


def _open(browser, site, width: int, path: str, scheme: str = "light", height: int = 900):
    ctx = browser.new_context(viewport={"width": width, "height": height}, has_touch=width < 800,
                              is_mobile=width < 500, color_scheme=scheme)
    _offline(ctx, site)
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    page.goto(site.url(path))
    page.wait_for_function("() => document.getElementById('res-note') !== null")
    return ctx, page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", list(PAGES))
def test_every_number_is_shown_inside_the_viewport_beside_its_text(browser, site, expected, path, width):
    ctx, page = _open(browser, site, width, path)
    try:
        numbers = page.evaluate(JS_NUMBERS)
    finally:
        ctx.close()
    assert [n["text"] for n in numbers] == expected[path]
    outside = [(n["id"], n["text"], round(n["left"]), round(n["right"])) for n in numbers
               if n["left"] < 0 or n["right"] > n["vw"] or n["width"] == 0]
    assert outside == [], f"{path} at {width}px: numbers outside the viewport"
    overlapping = [(n["id"], n["text"]) for n in numbers if n["overlaps"]]
    assert overlapping == [], f"{path} at {width}px: numbers overlapping their text"
    hidden = [(n["id"], n["text"]) for n in numbers if not n["shown"]]
    assert hidden == [], f"{path} at {width}px: numbers not shown"


def test_print_holds_the_seed_numbers_in_order(browser, site, expected):
    from pypdf import PdfReader

    ctx, page = _open(browser, site, 1280, f"/{SEED}/")
    try:
        pdf = page.pdf(format="A4")
    finally:
        ctx.close()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    body = text[: text.rindex("Notes")]  # the footnote list is numbered too
    found = re.findall(r"(?m)^\s*(\d{1,3})\.\s", body)
    operative = [n.rstrip(".") for n in expected[f"/{SEED}/"] if n.endswith(".")]
    assert operative == [str(i) for i in range(1, 35)]
    assert found == operative


def test_outline_of_the_convention_lists_its_chapters_and_articles(browser, site):
    source = (REPO / "source_docs" / PAGES["/A/RES/79/243/"]).read_text(encoding="utf-8")
    convention = source[: source.index("Interpretative notes")]  # its own annex repeats some article numbers
    printed = [" ".join(m.split()) for m in re.findall(r"(?m)^(Chapter [IVXLC]+|Article \d+)\.? *$", convention)]
    ctx, page = _open(browser, site, 1280, "/A/RES/79/243/")
    try:
        toc = page.eval_on_selector_all(
            ".md-sidebar--secondary .md-nav__link", "els => els.map(a => [a.innerText.trim(), a.getAttribute('href')])")
        levels = page.eval_on_selector_all(
            ".md-sidebar--secondary .md-nav__link", "els => els.map(a => a.closest('nav').closest('li') ? "
            "a.closest('nav').closest('li').querySelector(':scope > a').innerText.trim() : '')")
    finally:
        ctx.close()
    listed = [t.split(" — ")[0] for t, _ in toc if re.match(r"(Chapter|Article) ", t)]
    assert listed[: len(printed)] == printed
    assert any(t == "Chapter I — General provisions" and h.endswith("#annex-ch-i") for t, h in toc), toc[:3]
    # Articles sit under their chapter: the entry containing "Article 1" is "Chapter I ...".
    parent = dict(zip([t for t, _ in toc], levels))
    assert parent["Article 1 — Statement of purpose"].startswith("Chapter I")


def test_page_without_headings_has_no_table_of_contents(browser, site):
    ctx, page = _open(browser, site, 1280, f"/{SEED}/")
    try:
        entries = page.locator(".md-sidebar--secondary .md-nav__link").count()
    finally:
        ctx.close()
    assert entries == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", list(PAGES))
def test_axe_no_serious_violations_on_the_four_pages(browser, site, path, scheme):
    ctx, page = _open(browser, site, 1280, path, scheme)
    try:
        if scheme == "dark":  # the palette follows the system preference; make sure it did
            page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        bad = run_axe(page)
    finally:
        ctx.close()
    assert not bad, describe(bad)


def test_external_links_carry_a_mark_and_say_they_leave_the_site(browser, site):
    from playwright.sync_api import expect

    ctx, page = _open(browser, site, 1280, "/S/2018/221/")
    try:
        facts = page.evaluate("""() => [...document.querySelectorAll('.res-doc a.res-cite--external, .res-doc a.res-official')]
          .slice(0, 5).map(a => ({after: getComputedStyle(a, '::after').content,
                                  underline: getComputedStyle(a).textDecorationLine}))""")
        official = page.locator(".res-meta a.res-official")
        expect(official).to_have_accessible_name(re.compile(r"^S/2018/221.*leaves this site"))
        expect(page.locator(".res-doc a.res-cite--external").first).to_have_accessible_name(re.compile(r"leaves this site"))
    finally:
        ctx.close()
    assert facts and all("↗" in f["after"] and f["underline"] == "underline" for f in facts), facts


def test_permalink_offers_copy_link_and_copy_citation(browser, site):
    ctx, page = _open(browser, site, 1280, "/A/RES/79/243/")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
    try:
        link = page.locator("#op-7 a.res-permalink")
        link.evaluate("a => a.scrollIntoView({block: 'center'})")
        assert link.get_attribute("aria-label") == "Permalink to paragraph 7"
        link.click()
        page.wait_for_function("() => location.hash === '#op-7'")
        page.locator("#res-actions button", has_text="Copy citation").click()
        page.wait_for_function("() => document.querySelector('.res-status').textContent.includes('Citation copied')")
        cited = page.evaluate("() => navigator.clipboard.readText()")
        link.click()
        page.locator("#res-actions button", has_text="Copy link").click()
        page.wait_for_function("() => document.querySelector('.res-status').textContent.includes('Link copied')")
        copied = page.evaluate("() => navigator.clipboard.readText()")
    finally:
        ctx.close()
    assert cited == f"A/RES/79/243, para. 7 ({site.url('/A/RES/79/243/')}#op-7)"
    assert copied == site.url("/A/RES/79/243/") + "#op-7"


def test_touch_layout_shows_no_pilcrows_and_a_tapped_number_opens_the_actions(browser, site):
    ctx, page = _open(browser, site, 375, f"/{SEED}/", height=667)
    try:
        visible = page.evaluate("""() => [...document.querySelectorAll('.res-permalink')]
          .filter(a => a.getBoundingClientRect().width > 2 && getComputedStyle(a).opacity !== '0').length""")
        num = page.locator("#op-9 .res-num")
        num.evaluate("n => n.scrollIntoView({block: 'center'})")
        num.tap()
        page.wait_for_function("() => !document.getElementById('res-actions').hidden")
        buttons = page.locator("#res-actions button").all_inner_texts()
    finally:
        ctx.close()
    assert visible == 0
    assert buttons == ["Copy link", "Copy citation"]


def test_target_highlight_covers_the_number(browser, site):
    ctx, page = _open(browser, site, 375, f"/{SEED}/#op-19", height=667)
    try:
        page.wait_for_timeout(300)
        box = page.evaluate("""() => { const p = document.getElementById('op-19'), n = p.querySelector('.res-num');
          const a = p.getBoundingClientRect(), b = n.getBoundingClientRect();
          return {bg: getComputedStyle(p).backgroundColor, inside: b.left >= a.left && b.right <= a.right, text: n.innerText}; }""")
    finally:
        ctx.close()
    assert box["text"] == "19."
    assert box["inside"] and box["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), box


def test_breadcrumb_leads_to_the_browse_pages(browser, site):
    ctx, page = _open(browser, site, 1280, "/A/RES/79/243/")
    try:
        crumbs = page.locator(".res-crumbs a").all_inner_texts()
        page.locator(".res-crumbs a", has_text="Seventy-ninth session").click()
        page.wait_for_url(re.compile(r"/browse/general-assembly/session-79/$"))
        page.wait_for_function("() => document.querySelector('h1').innerText.includes('Session 79')")
    finally:
        ctx.close()
    assert crumbs == ["Browse", "General Assembly", "Seventy-ninth session", "Plenary"]


def test_footnote_back_links_are_lettered(site):
    from bs4 import BeautifulSoup

    twice = next((p for p in site.pages if any(m.endswith("-2") for m in p.markers)), None)
    assert twice is not None, "no footnote referenced twice on any page of the site"
    soup = BeautifulSoup((Path(site.root) / twice.path.strip("/") / "index.html").read_text(encoding="utf-8"), "lxml")
    multi = [li for li in soup.select(".res-footnotes li") if li.select(".res-backrefs")]
    assert multi, twice.path
    for li in multi:
        letters = [a.get_text() for a in li.select("a.res-backref")]
        assert letters == [chr(97 + i) for i in range(len(letters))], letters
