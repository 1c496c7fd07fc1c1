"""Reader-facing behaviour of resolution pages in a real browser (Chromium via Playwright).

Each test drives the built site the way a reader would (mouse, keyboard, touch,
instant navigation, print) and checks the result in the DOM or the PDF.
"""
from __future__ import annotations

import io
import re
import warnings
from urllib.parse import unquote, urljoin, urlsplit

import pytest

NOTE = "#res-note"

JS_NOTE_STATE = """() => {
  const n = document.getElementById('res-note');
  if (!n || n.hidden) return null;
  const r = n.getBoundingClientRect();
  return {text: n.innerText, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          width: r.width, role: n.getAttribute('role'), count: document.querySelectorAll('.res-note').length};
}"""


def resolve_path(page_path: str, href: str) -> tuple[str, str]:
    """(URL path, fragment) of a link written on the page at page_path."""
    parts = urlsplit(urljoin("http://x" + page_path, href))
    return parts.path, parts.fragment


def norm(text: str) -> str:
    return " ".join(text.split())


def note(page):
    return page.evaluate(JS_NOTE_STATE)


def wait_note(page, open_: bool = True):
    page.wait_for_function(
        "(open) => { const n = document.getElementById('res-note'); return open ? !!n && !n.hidden : !n || n.hidden; }",
        arg=open_, timeout=3000,
    )


def marker_for(res_page, number: int) -> str:
    return next(m for m in res_page.markers if m.startswith(f"fnref-{number}-"))


def plain_note(res_page) -> int:
    """A footnote holding a link, preferably without Ibid. (so its text is verbatim)."""
    linked = [n for n in res_page.linked_notes if n not in res_page.ibid and any(
        m.startswith(f"fnref-{n}-") for m in res_page.markers)]
    if not linked:
        pytest.fail(f"{res_page.path}: no referenced footnote containing a link to test with")
    return linked[0]


def goto(page, site, path: str, hash_: str = ""):
    page.goto(site.url(path) + hash_)
    page.wait_for_function("() => document.getElementById('res-note') !== null")


# ------------------------------------------------------------------ hover


def test_hover_shows_note_keeps_it_open_inside_and_closes_on_leave(page, site):
    rp = site.rich
    n = plain_note(rp)
    marker = f"#{marker_for(rp, n)} > a"
    goto(page, site, rp.path)
    page.locator(marker).scroll_into_view_if_needed()
    page.hover(marker)
    wait_note(page)
    state = note(page)
    assert state["role"] == "tooltip"
    assert norm(rp.footnotes[n]) in norm(state["text"])
    assert page.get_attribute(marker, "aria-describedby") == "res-note"

    # Move from the marker into the note, across the gap: it stays open.
    box = page.locator(NOTE).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(700)
    assert note(page) is not None, "note closed while the pointer was inside it"

    # The link inside the note is really on top and clickable.
    link = page.locator(f"{NOTE} a[href]").first
    href = link.evaluate("a => a.href")
    lb = link.bounding_box()
    hit = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); return e && e.closest('a') && e.closest('a').href; }",
                        [lb["x"] + lb["width"] / 2, lb["y"] + lb["height"] / 2])
    assert hit == href

    # Leaving both closes it, and the marker loses its aria-describedby to the note.
    page.mouse.move(5, page.viewport_size["height"] - 5, steps=4)
    wait_note(page, open_=False)
    assert page.get_attribute(marker, "aria-describedby") != "res-note"

    # Clicking the link in a reopened note follows it.
    page.hover(marker)
    wait_note(page)
    box = page.locator(NOTE).bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + 4, steps=4)
    page.locator(f"{NOTE} a[href]").first.click()
    page.wait_for_url(href.split("#")[0] + "**")


def test_ibid_is_explained_in_the_note(page, site):
    rp = site.rich
    if not rp.ibid:
        pytest.fail(f"{rp.path}: no Ibid. footnote to test with")
    n, meaning = next((k, v) for k, v in rp.ibid.items() if any(m.startswith(f"fnref-{k}-") for m in rp.markers))
    goto(page, site, rp.path)
    page.hover(f"#{marker_for(rp, n)} > a")
    wait_note(page)
    assert f"Ibid. [{meaning}]" in norm(note(page)["text"])


def test_citation_previews(page, site):
    rp = site.rich
    goto(page, site, rp.path)
    if rp.external:
        href, symbol = rp.external[0]
        page.hover(f'.res-doc a.res-cite--external[href="{href}"] >> nth=0')
        wait_note(page)
        assert norm(note(page)["text"]) == f"{symbol} \u2014 official copy in the UN Official Document System (undocs.org)"
        page.mouse.move(5, page.viewport_size["height"] - 5)
        wait_note(page, open_=False)
    if rp.internal:
        href, symbol = rp.internal[0]
        link = page.locator(".res-doc a.res-cite--internal").first
        link.hover()
        wait_note(page)
        text = note(page)["text"]
        assert symbol in text
        for attr in ("data-title", "data-date", "data-excerpt"):
            value = link.get_attribute(attr)
            if value:
                assert norm(value) in norm(text)


# ------------------------------------------------------------------ keyboard


def tab_to_marker(page, limit: int = 150) -> str:
    """Reach the page's first footnote marker with the Tab key.

    Start from the link just before it on the page so long pages do not need
    hundreds of key presses.
    """
    page.evaluate("""() => {
      const links = [...document.querySelectorAll('.res-doc a[href]')];
      const i = links.findIndex(a => a.matches('sup.res-fnref > a'));
      const start = i > 0 ? links[i - 1] : null;
      if (start) start.focus(); else document.activeElement && document.activeElement.blur();
    }""")
    for _ in range(limit):
        page.keyboard.press("Tab")
        mid = page.evaluate("() => { const a = document.activeElement; return a && a.matches('sup.res-fnref > a') ? a.parentElement.id : null; }")
        if mid:
            return mid
    pytest.fail("no footnote marker reachable with Tab")


def test_tab_shows_note_escape_closes_and_keeps_focus(page, site):
    rp = site.rich
    goto(page, site, rp.path)
    mid = tab_to_marker(page)
    wait_note(page)
    number = int(mid.split("-")[1])
    text = norm(note(page)["text"])
    assert f"Note {number}" in text
    if number in rp.ibid:
        assert f"Ibid. [{rp.ibid[number]}]" in text
    else:
        assert norm(rp.footnotes[number]) in text
    assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == "res-note"
    page.keyboard.press("Escape")
    wait_note(page, open_=False)
    assert page.evaluate("() => document.activeElement.parentElement.id") == mid
    # The note does not come back by itself while focus stays on the marker.
    page.wait_for_timeout(400)
    assert note(page) is None


# ------------------------------------------------------------------ touch


def free_point(page):
    """A viewport point on plain text/background: no link, no note, no control."""
    return page.evaluate("""() => {
      for (let y = window.innerHeight - 20; y > 80; y -= 17)
        for (let x = 20; x < window.innerWidth - 20; x += 23) {
          const e = document.elementFromPoint(x, y);
          if (e && !e.closest('a, button, input, label, .res-note, .md-header, .md-dialog')) return [x, y];
        }
      return null; }""")


def test_phone_tap_shows_note_without_jumping_and_tap_elsewhere_closes(phone, site):
    rp = site.rich
    page = phone
    goto(page, site, rp.path)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    checked = 0
    for mid in rp.markers[:12]:
        marker = page.locator(f"#{mid} > a")
        marker.scroll_into_view_if_needed()
        page.wait_for_timeout(50)
        before = page.evaluate("() => [window.scrollY, location.hash]")
        marker.tap()
        wait_note(page)
        page.wait_for_timeout(150)
        state = note(page)
        after = page.evaluate("() => [window.scrollY, location.hash]")
        assert after == before, f"tap on {mid} navigated/scrolled: {before} -> {after}"
        number = int(mid.split("-")[1])
        assert f"Note {number}" in state["text"]
        assert state["left"] >= 0 and state["right"] <= 375, f"note for {mid} outside the viewport: {state}"
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll with note open"
        x, y = free_point(page)
        page.touchscreen.tap(x, y)
        wait_note(page, open_=False)
        checked += 1
    assert checked > 0
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


# ------------------------------------------------------------------ targets and permalinks


def check_target(page, target_id: str, other_id: str):
    geo = page.evaluate("""([t, o]) => {
      const el = document.getElementById(t), other = document.getElementById(o);
      const header = document.querySelector('.md-header');
      const r = el.getBoundingClientRect();
      return {top: r.top, headerBottom: header ? header.getBoundingClientRect().bottom : 0,
              inner: window.innerHeight, bg: getComputedStyle(el).backgroundColor,
              otherBg: getComputedStyle(other).backgroundColor, shadow: getComputedStyle(el).boxShadow,
              otherShadow: getComputedStyle(other).boxShadow};
    }""", [target_id, other_id])
    assert geo["headerBottom"] - 1 <= geo["top"] < geo["inner"], f"#{target_id} not in view below the header: {geo}"
    assert (geo["bg"], geo["shadow"]) != (geo["otherBg"], geo["otherShadow"]), f"#{target_id} not highlighted: {geo}"


def test_opening_op7_scrolls_below_header_and_highlights(page, site):
    rp = site.rich
    assert "op-7" in rp.ids, f"{rp.path} has no #op-7"
    other = "op-6" if "op-6" in rp.ids else "op-1"
    page.goto(site.url(rp.path) + "#op-7")
    page.wait_for_function("() => document.getElementById('res-note') !== null")
    page.wait_for_timeout(300)
    check_target(page, "op-7", other)


def test_permalink_visible_on_hover_and_focus_click_offers_copy_and_updates_hash(page, site):
    rp = site.rich
    pid = next(i for i in ("op-3", "pp-2", "op-1") if i in rp.ids)
    goto(page, site, rp.path)
    link = page.locator(f"#{pid} a.res-permalink").first
    opacity = lambda: float(link.evaluate("a => getComputedStyle(a).opacity"))  # noqa: E731
    page.mouse.move(2, page.viewport_size["height"] - 2)
    page.wait_for_timeout(200)
    assert opacity() == 0, "permalink visible without hover/focus"
    link.evaluate("a => a.scrollIntoView({block: 'center'})")
    page.hover(f"#{pid} p >> nth=0" if page.locator(f"div#{pid}").count() else f"#{pid}")
    page.wait_for_timeout(250)
    assert opacity() == 1
    page.mouse.move(2, page.viewport_size["height"] - 2)
    link.focus()
    page.wait_for_timeout(250)
    assert opacity() == 1

    link.click()
    page.wait_for_function(f"() => location.hash === '#{pid}'")
    page.locator("#res-actions button", has_text="Copy link").click()
    page.wait_for_function("() => document.querySelector('.res-status').textContent.includes('Link copied')")
    status = page.locator(".res-status")
    assert status.get_attribute("aria-live") == "polite"
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == site.url(rp.path) + f"#{pid}"
    other = next(i for i in ("op-1", "pp-1", "op-2") if i in rp.ids and i != pid)
    page.wait_for_timeout(300)
    check_target(page, pid, other)


# ------------------------------------------------------------------ citations


def test_citation_links_go_where_they_say(page, site):
    rp = site.rich
    assert rp.external, f"{rp.path}: no external citation"
    for href, symbol in rp.external:
        assert href.startswith("https://undocs.org/"), href
        assert unquote(href[len("https://undocs.org/"):]) == symbol
    assert rp.internal, f"{rp.path}: no internal citation"
    for href, symbol in rp.internal:
        path, frag = resolve_path(rp.path, href)
        target = site.page_at(path)
        assert target is not None, f"{href} -> {path}: no resolution page there"
        assert not frag or frag in target.ids, f"{href}: #{frag} missing on {path}"
    # And a click really lands there.
    href, _ = rp.internal[0]
    path, frag = resolve_path(rp.path, href)
    goto(page, site, rp.path)
    page.locator(".res-doc a.res-cite--internal").first.click()
    page.wait_for_function("(p) => location.pathname === p", arg=path)
    if frag:
        assert page.evaluate("(f) => !!document.getElementById(f)", frag)


# ------------------------------------------------------------------ instant navigation


def test_everything_still_works_after_instant_navigation(page, site):
    sitemap = site.root / "sitemap.xml"
    assert sitemap.exists() and "<loc>" in sitemap.read_text(encoding="utf-8"), (
        "sitemap.xml lists no URLs: Material's instant navigation needs site_url in mkdocs.yml")
    rp = site.rich
    href, _ = rp.internal[0] if rp.internal else pytest.fail("no internal citation to navigate with")
    path, frag = resolve_path(rp.path, href)
    target = site.page_at(path)
    goto(page, site, rp.path)
    assert page.evaluate("() => !!window.document$"), "Material's document$ is missing"
    page.evaluate("() => { window.__noReload = 42; }")
    first_doc = page.evaluate_handle("() => document.querySelector('.res-doc')")
    page.locator(".res-doc a.res-cite--internal").first.click()
    page.wait_for_function("(p) => location.pathname === p", arg=path)
    page.wait_for_function("(old) => { const d = document.querySelector('.res-doc'); return d && d !== old; }",
                           arg=first_doc)
    page.wait_for_function("() => document.querySelectorAll('.res-note').length === 1")
    assert page.evaluate("() => window.__noReload") == 42, (
        "full page reload: enable theme.features navigation.instant and site_url in mkdocs.yml")
    page.wait_for_timeout(400)
    if frag:
        others = [i for i in ("op-1", "pp-1", "op-2") if i in target.ids and i != frag]
        check_target(page, frag, others[0])

    # Hover note built from the NEW page's footnotes; one note element only.
    assert target.markers, f"{path}: no footnote markers"
    mid = target.markers[0]
    number = int(mid.split("-")[1])
    page.hover(f"#{mid} > a")
    wait_note(page)
    state = note(page)
    assert state["count"] == 1
    first_words = norm(target.footnotes[number]).split(" ")[:3]
    assert "Ibid." in first_words or " ".join(first_words) in norm(state["text"])
    assert page.evaluate("() => document.querySelectorAll('.res-status').length") == 1
    page.mouse.move(5, page.viewport_size["height"] - 5)
    wait_note(page, open_=False)

    # Keyboard still works.
    tab_mid = tab_to_marker(page)
    wait_note(page)
    page.keyboard.press("Escape")
    wait_note(page, open_=False)
    assert page.evaluate("() => document.activeElement.parentElement.id") == tab_mid

    # Permalink copy still works.
    pid = next(i for i in ("op-2", "op-1", "pp-1") if i in target.ids)
    page.locator(f"#{pid} a.res-permalink").first.click()
    page.wait_for_function(f"() => location.hash === '#{pid}'")
    page.locator("#res-actions button", has_text="Copy link").click()
    page.wait_for_function("() => document.querySelector('.res-status').textContent.includes('Link copied')")
    assert page.evaluate("() => navigator.clipboard.readText()") == site.url(path) + f"#{pid}"

    # Back to the first page, still without reload, and notes work there.
    page.go_back()
    page.go_back()
    page.wait_for_function("(p) => location.pathname === p", arg=rp.path)
    assert page.evaluate("() => window.__noReload") == 42
    n = plain_note(rp)
    page.wait_for_timeout(300)
    page.locator(f"#{marker_for(rp, n)} > a").scroll_into_view_if_needed()
    page.hover(f"#{marker_for(rp, n)} > a")
    wait_note(page)
    assert norm(rp.footnotes[n]) in norm(note(page)["text"])
    assert note(page)["count"] == 1


# ------------------------------------------------------------------ accessibility


WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"}
OURS = ".res-doc, .res-note, .res-status"


def run_axe(page):
    """Serious/critical axe findings that count: any rule on our markup, WCAG A/AA rules anywhere.

    Best-practice findings on Material's own chrome (e.g. its search dialog) and all
    moderate/minor findings are reported as warnings, not failures.
    """
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    bad = []
    for v in violations:
        targets = [n["target"][0] for n in v["nodes"] if n.get("target")]
        ours = page.evaluate(
            "([sels, scope]) => sels.some(s => { try { const e = document.querySelector(s); return !!e && !!e.closest(scope); }"
            " catch (err) { return false; } })", [targets, OURS])
        if v.get("impact") in ("serious", "critical") and (ours or WCAG_TAGS & set(v["tags"])):
            bad.append(v)
        else:
            warnings.warn(f"axe {v['impact']}: {v['id']} ({len(v['nodes'])} nodes, e.g. {targets[:2]}) - {v['help']}")
    return bad


def describe(violations) -> str:
    return "\n".join(f"{v['impact']} {v['id']}: {v['help']} -> {[n['target'] for n in v['nodes'][:5]]}"
                     for v in violations)


def test_axe_no_serious_violations_light_dark_and_with_note_open(page, site):
    rp = site.rich
    goto(page, site, rp.path)
    bad = run_axe(page)
    assert not bad, describe(bad)
    # With a note open (its content is part of the page then).
    page.hover(f"#{rp.markers[0]} > a")
    wait_note(page)
    bad = run_axe(page)
    assert not bad, describe(bad)
    # Dark palette, when the site offers a toggle.
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    if page.locator("form[data-md-component=palette]").count():
        before = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        toggle.click()
        page.wait_for_function("(b) => document.body.getAttribute('data-md-color-scheme') !== b", arg=before)
        page.wait_for_timeout(300)
        bad = run_axe(page)
        assert not bad, describe(bad)


# ------------------------------------------------------------------ print


def test_print_pdf_has_numbered_notes_and_no_navigation(page, site):
    from pypdf import PdfReader

    rp = site.rich
    goto(page, site, rp.path)
    chrome = page.evaluate("""() => {
      const content = document.querySelector('.md-content').innerText;
      return [...document.querySelectorAll('.md-header a, .md-header .md-header__topic, .md-sidebar a, .md-tabs a, .md-footer a:not(.res-unofficial a)')]
        .map(e => e.innerText.trim()).filter(t => t.length > 3 && !content.includes(t));
    }""")
    pdf = page.pdf(format="A4", print_background=False)
    text = norm("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    bare = re.sub(r" \[[^\]]*\]", "", text)   # without the printed " [symbol]" after citations
    for n, body in rp.footnotes.items():
        words = " ".join(norm(body).split(" ")[:4])
        assert re.search(rf"(?<!\d){n}\.\s*{re.escape(words)}", bare), f"footnote {n} not printed as '{n}. {words}'"
    for item in chrome:
        assert item not in text, f"navigation text {item!r} printed"
    assert "¶" not in text and "↩" not in text
    differing = [(h, s) for h, s in rp.external + rp.internal]
    if differing:
        link = page.locator(".res-doc a.res-cite.res-cite--differs").first
        if link.count():
            words, symbol = norm(link.inner_text()), link.get_attribute("data-symbol")
            assert f"{words} [{symbol}]" in text


# ------------------------------------------------------------------ search


def _search(page, site, query: str):
    page.goto(site.url("/"))
    page.wait_for_selector(".res-search", state="attached", timeout=5000)
    page.keyboard.press("/")
    box = page.locator(".res-search input[name=query]")
    box.wait_for(state="visible", timeout=5000)
    box.fill(query)
    page.wait_for_function(
        "() => document.querySelectorAll('.res-search .md-search-result__list a[href]').length > 0", timeout=15000
    )
    return page.eval_on_selector_all(
        ".res-search .md-search-result__list a[href]",
        "els => els.map(a => ({href: a.getAttribute('href'), html: a.innerHTML}))",
    )


def test_search_box_finds_a_document_by_symbol_and_a_paragraph_by_words(page, site):
    if not (site.root / "pagefind" / "pagefind.js").exists():
        pytest.fail("the built site has no Pagefind index")
    results = _search(page, site, "A/RES/80/229")
    assert urlsplit(urljoin(site.url("/"), results[0]["href"])).path.endswith("/A/RES/80/229/")
    assert "A/RES/80/229 · " in results[0]["html"] and "General Assembly" in results[0]["html"]  # the result line
    results = _search(page, site, "kidnapping")
    paragraph_hits = [r for r in results if "#" in r["href"] and "<mark>" in r["html"].lower()]
    assert paragraph_hits, results[:5]
    path, fragment = resolve_path("/", paragraph_hits[0]["href"])
    target = site.page_at(path)
    assert target is not None and fragment in target.ids


@pytest.mark.parametrize("path", ["/", "/browse/", "/browse/general-assembly/session-80/"])
def test_axe_no_serious_violations_on_home_and_browse_pages(page, site, path):
    if not (site.root / path.strip("/") / "index.html").exists():
        pytest.fail(f"{path} was not built")
    page.goto(site.url(path))
    page.wait_for_load_state("load")
    bad = run_axe(page)
    assert not bad, describe(bad)
