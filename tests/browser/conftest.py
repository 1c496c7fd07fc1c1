"""Browser-test fixtures: build the site once, serve it on 127.0.0.1, drive Chromium.

The site is the real one: the session build of ``mkdocs.yml`` from
tests/conftest.py (``built_site``), copied and served on 127.0.0.1.  Tests skip
(with the reason) when Playwright or Chromium is not installed; CI installs both.

Environment: RESOLUTIONS_CHROMIUM (browser binary), RESOLUTIONS_BROWSER_CONFIG
(build this mkdocs.yml instead, e.g. one that INHERITs the real one),
RESOLUTIONS_BROWSER_SITE (serve this already built site, e.g. while editing CSS).
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("RESOLUTIONS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None


def pytest_collection_modifyitems(config, items):
    """Skip the browser tests with a clear reason when the tools are missing."""
    reason = None
    if sync_playwright is None:
        reason = "playwright is not installed (pip install playwright axe-playwright-python pypdf)"
    elif not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set RESOLUTIONS_CHROMIUM)"
    if reason:
        here = Path(__file__).resolve().parent
        for item in items:
            if here in Path(str(item.fspath)).resolve().parents:
                item.add_marker(pytest.mark.skip(reason=reason))


# ---------------------------------------------------------------- the site


def _build(tmp: Path, config: Path) -> Path:
    """Build the site of another mkdocs.yml (RESOLUTIONS_BROWSER_CONFIG) into tmp/site."""
    out = tmp / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed ({config}):\n{proc.stdout}\n{proc.stderr}")
    return out


@dataclass
class ResPage:
    """What the built HTML says about one resolution page (found with BeautifulSoup)."""

    path: str                              # URL path, e.g. "/A/C.3/66/L.17/"
    ids: set[str]
    footnotes: dict[int, str]              # number -> plain text of .res-fn__text
    markers: list[str]                     # marker ids, e.g. "fnref-1-1", in page order
    ibid: dict[int, str]                   # footnote number -> data-ibid
    linked_notes: list[int]                # footnotes whose text holds a link
    internal: list[tuple[str, str]]        # (href as written, data-symbol)
    external: list[tuple[str, str]]
    score: int = 0


@dataclass
class Site:
    root: Path
    base: str = ""
    pages: list[ResPage] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    @functools.cached_property
    def rich(self) -> ResPage:
        """The resolution page that exercises the most features (op-7, notes, ibid, links)."""
        if not self.pages:
            pytest.fail(f"no resolution page (.res-doc) in the built site {self.root}")
        return max(self.pages, key=lambda p: (p.score, p.path))

    def page_at(self, path: str) -> ResPage | None:
        return next((p for p in self.pages if p.path == path), None)


def _scan(root: Path) -> list[ResPage]:
    from bs4 import BeautifulSoup

    pages = []
    for html in sorted(root.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if "res-doc" not in text:
            continue
        soup = BeautifulSoup(text, "lxml")
        doc = soup.select_one(".res-doc")
        if doc is None:
            continue
        rel = html.parent.relative_to(root).as_posix()
        path = "/" if rel == "." else f"/{rel}/"
        notes, ibid, linked = {}, {}, []
        for li in doc.select(".res-footnotes li[id^=fn-]"):
            span = li.select_one(".res-fn__text")
            num = int(li["id"][3:]) if li["id"][3:].isdigit() else None
            if span is None or num is None:
                continue
            notes[num] = " ".join(span.get_text().split())
            if (abbr := span.select_one("abbr.res-ibid")) is not None:
                ibid[num] = abbr.get("data-ibid") or abbr.get("title") or ""
            if span.select_one("a[href]") is not None:
                linked.append(num)
        page = ResPage(
            path=path,
            ids={e["id"] for e in doc.select("[id]")},
            footnotes=notes,
            markers=[s["id"] for s in doc.select("sup.res-fnref[id]")],
            ibid=ibid,
            linked_notes=linked,
            internal=[(a["href"], a.get("data-symbol", "")) for a in doc.select("a.res-cite--internal[href]")],
            external=[(a["href"], a.get("data-symbol", "")) for a in doc.select("a.res-cite--external[href]")],
        )
        page.score = (8 * ("op-7" in page.ids) + 4 * bool(page.ibid) + 4 * bool(page.internal)
                      + 2 * bool(page.linked_notes) + bool(page.external) + min(len(page.markers), 20) / 100)
        pages.append(page)
    return pages


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def _localize_sitemap(root: Path, base: str) -> None:
    """Point the sitemap at the test server.

    Material's instant navigation only intercepts links listed in sitemap.xml,
    and it matches them including the port, so <loc>s written for site_url must
    be rewritten to http://127.0.0.1:<port>/.  The site root is the shortest loc.
    """
    sitemap = root / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    if locs:
        prefix = min(locs, key=len)
        text = text.replace(f"<loc>{prefix}", f"<loc>{base}/")
        sitemap.write_text(text, encoding="utf-8")
        gz = root / "sitemap.xml.gz"
        if gz.exists():
            gz.unlink()


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> Site:
    tmp = tmp_path_factory.mktemp("browser")
    if os.environ.get("RESOLUTIONS_BROWSER_CONFIG"):
        root = _build(tmp, Path(os.environ["RESOLUTIONS_BROWSER_CONFIG"]))
    elif os.environ.get("RESOLUTIONS_BROWSER_SITE"):  # a site already built from this checkout
        root = tmp / "site"
        shutil.copytree(os.environ["RESOLUTIONS_BROWSER_SITE"], root)
    else:
        # The shared --strict build (tests/conftest.py), copied: we rewrite its sitemap.
        root = tmp / "site"
        shutil.copytree(request.getfixturevalue("built_site"), root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _localize_sitemap(root, base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    result = Site(root=root, base=base, pages=_scan(root))
    yield result
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser, site):
    ctx = browser.new_context(viewport=DESKTOP)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
    _offline(ctx, site)
    yield ctx
    ctx.close()


def _offline(ctx, site) -> None:
    """Never leave the machine: undocs.org gets a stub page, anything else remote is refused."""
    def handle(route):
        url = route.request.url
        if url.startswith(site.base) or url.startswith("data:"):
            route.continue_()
        elif url.startswith("https://undocs.org/"):
            route.fulfill(status=200, content_type="text/html", body="<title>undocs stub</title>stub")
        else:
            route.abort()
    ctx.route("**/*", handle)


@pytest.fixture
def page(context):
    p = context.new_page()
    p.set_default_timeout(10_000)
    return p


@pytest.fixture
def phone(browser, site):
    ctx = browser.new_context(viewport={"width": 375, "height": 667}, has_touch=True, is_mobile=True,
                              device_scale_factor=2)
    _offline(ctx, site)
    p = ctx.new_page()
    p.set_default_timeout(10_000)
    yield p
    ctx.close()
