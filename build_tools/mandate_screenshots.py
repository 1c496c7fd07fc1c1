"""Refresh the README's mandate screenshots in readme_images/.

    python build_tools/mandate_screenshots.py [--site DIR] [--out DIR]

Builds the site (unless --site points at a build), serves it on 127.0.0.1 and
takes with Playwright and Debian's Chromium:

* mandates-marked.png   - A/RES/80/229 at paragraph 78, a marked mandate paragraph;
* mandates-list.png     - the "Mandates in this text" list under the header of A/RES/80/236 (short) or the first page with one;
* mandates-calendar.png - the reporting calendar for the eighty-first session.
"""
from __future__ import annotations

import argparse
import functools
import os
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from screenshots import CHROMIUM_ARGS, REPO, _Quiet, build  # type: ignore[import-not-found]

SHOTS = [
    ("mandates-marked.png", "/A/RES/80/229/#op-78", "#op-78", {"width": 1280, "height": 700}),
    ("mandates-list.png", "/A/C.1/80/L.15/", ".res-mandates", {"width": 1280, "height": 900}),
    ("mandates-calendar.png", "/mandates/sessions/ga-81/", None, {"width": 1280, "height": 900}),
]


def shoot(site: Path, out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for name, path, selector, size in SHOTS:
                page = browser.new_page(viewport=size)
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
                page.goto(base + path)
                page.wait_for_load_state("load")
                page.wait_for_timeout(400)
                target = out / name
                if selector:
                    element = page.locator(selector).first
                    element.scroll_into_view_if_needed()
                    box = element.bounding_box()
                    clip = {"x": 0, "y": max(0, box["y"] - 60), "width": size["width"], "height": min(size["height"], box["height"] + 140)}
                    page.screenshot(path=str(target), clip=clip)
                else:
                    page.screenshot(path=str(target))
                written.append(target)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build into a temporary folder)")
    parser.add_argument("--out", type=Path, default=REPO / "readme_images")
    args = parser.parse_args()
    chromium = os.environ.get("RESOLUTIONS_CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp) / "site")
        for path in shoot(site, args.out, chromium):
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


if __name__ == "__main__":
    main()
