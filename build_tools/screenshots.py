"""Refresh the README screenshots in readme_images/.

    python build_tools/screenshots.py [--site DIR] [--page /URL/PATH/] [--out DIR]

Builds the site with MkDocs (unless --site points at a build), serves it on
127.0.0.1, and uses Playwright with Debian's Chromium (/usr/bin/chromium, or
$RESOLUTIONS_CHROMIUM) to take:

* note-open.png    - the seed resolution (source_docs/*.txt) with a footnote's hover note open;
* target-op-7.png  - the same page opened at #op-7 (highlighted, below the header);
* phone-note.png   - a 375 px wide phone with a tapped footnote note;
* page-phone.png   - the seed on a 375 px phone at #op-19 (two-digit numbers, highlight);
* page-tablet.png  - A/RES/79/1 on a 768 px tablet at "Action 30.";
* page-desktop.png - A/RES/79/243 at 1280 px at article 14, with its outline beside it;
* cite-menu.png    - a paragraph's permalink open: "Copy link", "Copy citation";
* changes.png      - the changes page of A/RES/80/123 since A/RES/79/197, side by side.

The last five are skipped (with a message) when the site lacks their page.

Needs: pip install playwright; apt-get install chromium.
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(dest: Path) -> Path:
    """Run `mkdocs build` for the repository's mkdocs.yml into dest."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(dest)],
                   cwd=REPO, check=True)
    return dest


def pick_page(site: Path) -> str:
    """URL path of the seed (a document kept in source_docs/), else of the richest resolution page."""
    for seed in sorted((REPO / "source_docs").glob("*.txt")):
        page = site / seed.stem / "index.html"
        if page.exists() and 'class="res-doc"' in page.read_text(encoding="utf-8"):
            return f"/{seed.stem}/"
    best, best_score = None, -1
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if 'class="res-doc"' not in text:
            continue
        rel = html.parent.relative_to(site).as_posix()
        score = 1000 * ('id="op-7"' in text) + text.count('class="res-fnref"')
        if score > best_score:
            best, best_score = ("/" if rel == "." else f"/{rel}/"), score
    if best is None:
        sys.exit(f"no resolution page (.res-doc) in {site}")
    return best


CHANGES_PAGE = "/A/RES/80/123/changes/"  # year over year: A/RES/79/197 to A/RES/80/123
CHANGES_ROW = "#from-pp-18"


def shoot(site: Path, page_path: str, out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    url = base + page_path
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def offline(ctx):
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)

            ctx = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
            offline(ctx)
            page = ctx.new_page()
            written.append(_note_open(page, url, out / "note-open.png", tap=False))

            page.goto(url + "#op-7")
            page.wait_for_timeout(400)
            page.mouse.move(1, 799)
            written.append(out / "target-op-7.png")
            page.screenshot(path=str(written[-1]))

            if (site / CHANGES_PAGE.strip("/") / "index.html").exists():  # a changes page, side by side
                page.set_viewport_size({"width": 1280, "height": 1000})
                page.goto(base + CHANGES_PAGE + CHANGES_ROW)
                page.click("label[for=chg-view-side]")
                page.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'start'})", CHANGES_ROW)
                page.wait_for_timeout(300)
                written.append(out / "changes.png")
                page.screenshot(path=str(written[-1]))
            else:
                print(f"skipped changes.png: the site has no {CHANGES_PAGE}", file=sys.stderr)
            ctx.close()

            ctx = browser.new_context(viewport={"width": 375, "height": 667}, has_touch=True, is_mobile=True,
                                      device_scale_factor=2, reduced_motion="reduce")
            offline(ctx)
            page = ctx.new_page()
            written.append(_note_open(page, url, out / "phone-note.png", tap=True))
            ctx.close()
            written += _pages(browser, base, site, page_path, out, offline)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written



WIDTHS = {"page-phone.png": (375, 667), "page-tablet.png": (768, 1024), "page-desktop.png": (1280, 800)}


def _pages(browser, base: str, site: Path, seed: str, out: Path, offline) -> list[Path]:
    """The reader's page at phone, tablet and desktop widths, and the permalink's actions."""
    shots = [("page-phone.png", seed, "op-19"), ("page-tablet.png", "/A/RES/79/1/", "action-30"),
             ("page-desktop.png", "/A/RES/79/243/", "annex-art-14"), ("cite-menu.png", seed, "op-7")]
    written = []
    for name, path, anchor in shots:
        html = site / path.strip("/") / "index.html"
        if not html.exists() or f'id="{anchor}"' not in html.read_text(encoding="utf-8"):
            print(f"skipped {name}: the site has no {path}#{anchor}", file=sys.stderr)
            continue
        width, height = WIDTHS.get(name, (1280, 800))
        ctx = browser.new_context(viewport={"width": width, "height": height}, has_touch=width < 800,
                                  is_mobile=width < 500, device_scale_factor=2 if width < 500 else 1,
                                  reduced_motion="reduce")
        offline(ctx)
        page = ctx.new_page()
        page.goto(base + path + "#" + anchor)
        page.wait_for_function("() => document.getElementById('res-note') !== null")
        page.wait_for_timeout(400)
        if name == "cite-menu.png":
            link = page.locator(f"#{anchor} a.res-permalink").first
            link.evaluate("a => a.scrollIntoView({block: 'center'})")
            link.click()
            page.wait_for_function("() => !document.getElementById('res-actions').hidden")
        page.mouse.move(1, height - 1)
        page.wait_for_timeout(200)
        page.screenshot(path=str(out / name))
        written.append(out / name)
        ctx.close()
    return written


def _note_open(page, url: str, path: Path, tap: bool) -> Path:
    """Open ``url``, open its first footnote note (hover, or tap on a phone) and take the picture."""
    page.goto(url)
    page.wait_for_function("() => document.getElementById('res-note') !== null")
    marker = page.locator(".res-body sup.res-fnref > a").first
    marker.evaluate("a => a.scrollIntoView({block: 'center'})")
    marker.tap() if tap else marker.hover()
    page.wait_for_function("() => !document.getElementById('res-note').hidden")
    page.wait_for_timeout(200)
    page.screenshot(path=str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    ap.add_argument("--page", help="URL path of the page to show, e.g. /A/RES/80/229/ (default: the seed in source_docs/)")
    ap.add_argument("--out", type=Path, default=REPO / "readme_images")
    ap.add_argument("--chromium", default=os.environ.get("RESOLUTIONS_CHROMIUM", "/usr/bin/chromium"))
    args = ap.parse_args(argv)
    if not Path(args.chromium).exists():
        sys.exit(f"Chromium not found at {args.chromium} (apt-get install chromium, or pass --chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp) / "site")
        page_path = args.page or pick_page(site)
        if not re.fullmatch(r"/\S*", page_path):
            sys.exit(f"--page must be a URL path starting with '/': {page_path!r}")
        for path in shoot(site, page_path, args.out, args.chromium):
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
