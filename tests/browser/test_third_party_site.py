"""A site of someone else's, built from the wheel alone, checked in Chromium.

Once per test session: the package is built into a wheel from a copy of its
declared sources, installed with its dependencies into a fresh virtual
environment (nothing of this checkout is importable there), and a new project
(its own mkdocs.yml, an index, two resolution texts and one ordinary page
linking to ``#op-2`` and citing a resolution in words, with ``link_pages``) is
built with ``--strict`` and anchor validation. Then search, notes, citation
links and previews, the 404 page and anchors are used as a reader would.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import DESKTOP, REPO, Site, _offline  # tests/browser is on sys.path (no __init__.py)
from test_reader_ui import _search, goto, note, wait_note

from tests.dist_support import built

TEXTS = ("A-RES-79-89.txt", "A-C.4-80-L.18.txt")  # a resolution and a draft that cites it
CONFIG = """site_name: Someone else's resolutions
site_url: https://example.org/
theme:
  name: material
validation:
  anchors: warn
plugins:
  - resolutions:
      link_pages: true
"""
NOTES = """# Notes

Paragraph 2 of resolution 79/89 [asks for the protection of property](A-RES-79-89.txt#op-2).

As resolution 79/89, paragraph 2, says, the Secretary-General reports on it.
"""


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="session")
def wheel() -> Path:
    """The package's wheel, built from its sdist once per test run (shared with tests/test_publishing.py)."""
    return built().wheel


class _Host(SimpleHTTPRequestHandler):
    """A static host that answers a missing page with the site's 404.html, as GitHub Pages does."""

    def log_message(self, *args):  # keep test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def third_party(wheel, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("third-party")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)])
    project = tmp / "project"
    docs = project / "docs"
    docs.mkdir(parents=True)
    for name in TEXTS:
        shutil.copy(REPO / "source_docs" / name, docs / name)
    (docs / "index.md").write_text("# Resolutions we follow\n\nOur [notes](notes.md).\n", encoding="utf-8")
    (docs / "notes.md").write_text(NOTES, encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = _run([str(venv / "bin" / "python"), "-c", "import mkdocs_resolutions as m; print(m.__file__)"], cwd=project, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout  # the wheel, not this checkout
    proc = _run([str(venv / "bin" / "mkdocs"), "build", "--strict"], cwd=project, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert "WARNING" not in proc.stderr, proc.stderr
    root = project / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(root=root, base=f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(browser, third_party):
    ctx = browser.new_context(viewport=DESKTOP)
    _offline(ctx, third_party)
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    yield page
    ctx.close()


def test_search_finds_a_resolution_by_symbol(reader, third_party):
    results = _search(reader, third_party, "A/RES/79/89")
    assert urlsplit(results[0]["href"]).path.rstrip("/").endswith("A/RES/79/89")


def test_a_footnote_opens_on_hover(reader, third_party):
    goto(reader, third_party, "/A/RES/79/89/")
    marker = "#fnref-1-1 > a"
    reader.locator(marker).scroll_into_view_if_needed()
    reader.hover(marker)
    wait_note(reader)
    text = " ".join(reader.locator("#fn-1 .res-fn__text").inner_text().split())
    assert text and text in " ".join(note(reader)["text"].split())


def test_the_draft_links_to_the_resolution_it_cites(reader, third_party):
    goto(reader, third_party, "/A/C.4/80/L.18/")
    link = reader.locator('a.res-cite--internal[data-symbol="A/RES/79/89"]').first
    link.click()
    reader.wait_for_url("**/A/RES/79/89/**")
    assert reader.locator("h1").first.is_visible()


def test_an_ordinary_page_links_to_a_paragraph(reader, third_party):
    reader.goto(third_party.url("/notes/"))
    reader.get_by_role("link", name="asks for the protection of property").click()
    reader.wait_for_url("**/A/RES/79/89/#op-2")
    assert reader.evaluate("() => document.querySelector(':target') && document.querySelector(':target').id") == "op-2"
    top = reader.locator("#op-2").bounding_box()["y"]
    assert 0 <= top < DESKTOP["height"] / 2


def test_a_missing_symbol_gets_the_404_page_offering_the_official_copy(reader, third_party):
    response = reader.goto(third_party.url("/A/RES/66/181/"))
    assert response.status == 404
    assert reader.locator("h1").first.inner_text() == "Page not found"
    official = reader.locator("#res-404-symbol .res-404__link")
    official.wait_for(state="visible")
    assert official.get_attribute("href") == "https://undocs.org/A/RES/66/181"
    assert reader.locator(".res-search").count() == 1  # the search box is on the 404 page too


def test_a_citation_in_an_ordinary_page_shows_its_preview(reader, third_party):
    goto(reader, third_party, "/notes/")
    links = reader.locator('a.res-cite--internal[data-symbol="A/RES/79/89"]')
    assert links.evaluate_all("els => els.map(a => [a.textContent, a.getAttribute('href')])") == [
        ["Paragraph 2 of resolution 79/89", "../A/RES/79/89/#op-2"], ["79/89", "../A/RES/79/89/#op-2"]]
    link = links.nth(1)
    link.hover()
    wait_note(reader)
    text = " ".join(note(reader)["text"].split())
    assert "A/RES/79/89" in text and "2. Requests the Secretary-General" in text
