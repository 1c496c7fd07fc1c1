"""Amendments in a real browser: the amended draft's list of amendments, the amendment's header and
the draft as amended, at 1280 and 375 px, with axe (the synthetic site of tests/fixtures/amendments)."""
from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest
from conftest import _QuietHandler
from test_reader_ui import describe, run_axe

from tests.test_amendments_site import _build, _project

PAGES = ("/A/C.2/99/L.13/Rev.1/", "/A/C.2/99/L.62/", "/A/C.2/99/L.13/Rev.1/changes/as-amended/", "/A/RES/99/200/changes/")


@pytest.fixture(scope="module")
def amendments_site(tmp_path_factory):
    folder = _project(tmp_path_factory.mktemp("amendments-ui"))
    proc = _build(folder)
    assert proc.returncode == 0, proc.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _offline(ctx, base: str) -> None:
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 667}], ids=["desktop", "phone"])
def test_amendment_pages_fit_the_screen_and_pass_axe(browser, amendments_site, viewport):
    ctx = browser.new_context(viewport=viewport)
    _offline(ctx, amendments_site)
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    try:
        for path in PAGES:
            page.goto(amendments_site + path)
            page.wait_for_selector(".res-doc, .chg")
            # our content (Material's header title is Material's): nothing right of the screen's edge
            right = page.evaluate("() => Math.max(...[...document.querySelectorAll('.md-content *')]"
                                  ".map(e => e.getBoundingClientRect().right))")
            assert right <= viewport["width"] + 0.5, f"{path} is wider than the screen: {right}"
            bad = run_axe(page)
            assert not bad, f"{path}: {describe(bad)}"
        page.goto(amendments_site + PAGES[0])
        listed = page.locator(".res-amendments li")
        assert listed.count() == 1 and listed.first.is_visible()
        assert "delete operative paragraph 7" in listed.first.inner_text()
        listed.locator("a").click()
        page.wait_for_url("**/A/C.2/99/L.62/")
        link = page.locator('a[data-pinpoint="op-7"]')
        assert link.inner_text() == "operative paragraph 7"
        link.click()
        page.wait_for_url("**/A/C.2/99/L.13/Rev.1/#op-7")
    finally:
        ctx.close()
