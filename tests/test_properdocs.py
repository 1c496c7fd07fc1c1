"""Portability: the same small site builds with ProperDocs (the maintained fork of MkDocs 1.6).

ProperDocs redirects ``mkdocs.*`` imports to its own modules and loads plugins
registered for MkDocs, so the plugin needs no change; this test keeps it so.
It is skipped, with the reason, where ProperDocs is not installed (it is in the
``test`` extras).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .test_plugin_site import ANCHORS, CITING, project

pytest.importorskip("properdocs", reason="ProperDocs is not installed (pip install properdocs)")

CONFIG = ANCHORS + "plugins:\n  - resolutions:\n      search: false\n      link_pages: true\n      cache_dir: cache\n"


def _build(tool: str, folder: Path, out: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "-f", str(folder / "mkdocs.yml"), "-d", str(folder / out)],
        cwd=folder, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _article(site: Path, page: str) -> str:
    return str(BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml").select_one("article"))


def test_the_site_builds_the_same_with_properdocs(tmp_path):
    folder = project(tmp_path, CONFIG, {"notes.md": CITING})
    for tool, out in (("mkdocs", "site-mkdocs"), ("properdocs", "site-properdocs")):
        proc = _build(tool, folder, out)
        assert proc.returncode == 0, f"{tool}:\n{proc.stderr}"
        assert "WARNING" not in proc.stderr, f"{tool}:\n{proc.stderr}"
    ours, theirs = tmp_path / "site-mkdocs", tmp_path / "site-properdocs"
    files = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*") if p.is_file() and p.suffix != ".gz")
    assert files == sorted(p.relative_to(theirs).as_posix() for p in theirs.rglob("*") if p.is_file() and p.suffix != ".gz")
    for page in ("A/RES/79/89/index.html", "A/C.4/80/L.18/index.html", "notes/index.html", "404.html"):
        assert _article(ours, page) == _article(theirs, page), page
    assert 'id="res-search-template"' not in (theirs / "index.html").read_text(encoding="utf-8")  # search: false
