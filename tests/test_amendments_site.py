"""A built site with a draft, its revision, an amendment to the revision and the adopted resolution
(synthetic fixtures in tests/fixtures/amendments/: the corpus amends drafts it does not hold and has no /Rev.1)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES

CONFIG = "site_name: Amendments\ntheme:\n  name: material\nvalidation:\n  anchors: warn\nplugins:\n  - resolutions:\n      search: false\n      cache_dir: cache\n"


def _project(folder: Path, extra: dict[str, str] | None = None) -> Path:
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for path in sorted((FIXTURES / "amendments").glob("*.txt")):
        shutil.copy(path, docs / path.name)
    for name, text in (extra or {}).items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Amendments\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return folder


def _build(folder: Path, strict: bool = True) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(folder / "mkdocs.yml")] + (["--strict"] if strict else [])
    return subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = _project(tmp_path_factory.mktemp("amendments"))
    proc = _build(folder)
    assert proc.returncode == 0, proc.stderr
    assert [line for line in proc.stderr.splitlines() if line.startswith("WARNING")] == []
    return folder / "site"


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_the_chain_draft_revision_amended_adopted_has_these_changes_pages(site):
    found = sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("changes/**/index.html"))
    assert found == [
        "A/C.2/99/L.13/Rev.1/changes/",
        "A/C.2/99/L.13/Rev.1/changes/as-amended/",
        "A/RES/99/200/changes/",
        "A/RES/99/200/changes/A-C.2-99-L.13-Rev.1/",
        "A/RES/99/200/changes/A-C.2-99-L.13/",
    ]


def test_a_revision_is_compared_with_the_text_it_revises(site):
    html = _html(site, "A/C.2/99/L.13/Rev.1/changes")
    assert '<h1 id="title">Changes in A/C.2/99/L.13/Rev.1 since A/C.2/99/L.13</h1>' in html
    assert "compared with the text it revises" in html
    # pp-5 and op-3 were reworded in the revision
    assert '<div class="chg-row chg-row--changed" id="from-pp-5">' in html
    assert '<div class="chg-row chg-row--changed" id="from-op-3">' in html
    assert html.count('class="chg-row chg-row--changed"') == 2
    page = _html(site, "A/C.2/99/L.13/Rev.1")
    assert '<a class="res-lineage__link res-lineage__changes" href="changes/">Changes since A/C.2/99/L.13</a>' in page


def test_the_amendment_links_its_draft_and_the_paragraphs_it_changes(site):
    html = _html(site, "A/C.2/99/L.62")
    assert ('<dt>Amendment to</dt><dd>draft resolution <a class="res-cite res-cite--internal" '
            'href="../L.13/Rev.1/">A/C.2/99/L.13/Rev.1</a></dd>') in html
    links = re.findall(r'<a class="res-cite res-cite--internal res-cite--differs" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert links == [
        ("../L.13/Rev.1/#pp-5", "fifth preambular paragraph"),
        ("../L.13/Rev.1/#op-3", "operative paragraph 3"),
        ("../L.13/Rev.1/#op-7", "operative paragraph 7"),
    ]


def test_the_drafts_page_lists_its_amendment_and_what_it_changes(site):
    html = _html(site, "A/C.2/99/L.13/Rev.1")
    assert ('<nav class="res-amendments" aria-label="Amendments"><p class="res-amendments__title">Amendments:</p><ul>'
            '<li><a class="res-amendments__link" href="../../L.62/">A/C.2/99/L.62</a> (Norway: insert a new preambular paragraph '
            "after preambular paragraph 5; insert words in operative paragraph 3; delete operative paragraph 7)</li></ul></nav>") in html
    assert '<a class="res-lineage__link res-lineage__changes" href="changes/as-amended/">Changes made by its amendments</a>' in html
    assert "Amendments:" not in _html(site, "A/C.2/99/L.13")  # the amendment amends the revision only


def test_the_draft_as_amended_shows_what_the_amendment_did(site):
    html = _html(site, "A/C.2/99/L.13/Rev.1/changes/as-amended")
    assert '<h1 id="title">Changes in A/C.2/99/L.13/Rev.1 as amended by A/C.2/99/L.62 since A/C.2/99/L.13/Rev.1</h1>' in html
    summary = re.search(r'<ul class="chg-counts">(.*?)</ul>', html)
    assert summary is not None and re.sub(r"<[^>]+>", " ", summary.group(1)).split() == [
        "1", "added", "1", "deleted", "1", "changed", "0", "changed", "in", "dates", "or", "numbers", "only",
        "0", "moved", "0", "renumbered", "14", "unchanged"]
    assert ('<div class="chg-row chg-row--added" id="to-ins-1"><p class="chg-where">new: <a href="../../../../L.62/#op-1">'
            "the paragraph inserted by A/C.2/99/L.62 here</a>") in html
    assert '<div class="chg-row chg-row--deleted" id="from-op-7">' in html
    assert '<ins class="chg-ins"><span class="chg-sr">inserted: </span>including cooperatives,' in html


def test_the_adopted_text_is_the_amended_draft_renumbered(site):
    html = _html(site, "A/RES/99/200/changes")
    assert '<h1 id="title">Changes in A/RES/99/200 since A/C.2/99/L.13/Rev.1 as amended by A/C.2/99/L.62</h1>' in html
    assert '<p class="chg-verdict">The same words paragraph by paragraph; only paragraph numbers changed.</p>' in html
    assert ('<a href="../../../../C.2/99/L.62/#op-1">the paragraph inserted by A/C.2/99/L.62 of A/C.2/99/L.13/Rev.1 as amended by '
            'A/C.2/99/L.62</a> became <a href="../#pp-6">preambular paragraph 6 here</a>') in html
    assert ('<a href="../../../../C.2/99/L.13/Rev.1/#op-8">paragraph 8 of A/C.2/99/L.13/Rev.1 as amended by A/C.2/99/L.62</a> '
            'became <a href="../#op-7">paragraph 7 here</a>') in html
    versions = re.search(r'<ul class="chg-versions__list">(.*?)</ul>', html)
    assert versions is not None and re.findall(r">([^<]+)</a>", versions.group(1)) == [
        "A/C.2/99/L.13/Rev.1 as amended by A/C.2/99/L.62 (draft as amended)",
        "A/C.2/99/L.13/Rev.1 (draft)",
        "A/C.2/99/L.13 (earlier version)",
    ]
    page = _html(site, "A/RES/99/200")
    assert ('<a class="res-lineage__link res-lineage__changes" href="changes/">Changes since A/C.2/99/L.13/Rev.1 as amended by '
            "A/C.2/99/L.62</a>") in page


def test_an_instruction_that_cannot_be_applied_fails_strict_naming_file_and_line(tmp_path):
    bad = (FIXTURES / "amendments" / "A-C.2-99-L.62.txt").read_text(encoding="utf-8").replace("A/C.2/99/L.62", "A/C.2/99/L.63")
    bad = bad.replace("3. Delete operative paragraph 7.", "3. Delete operative paragraph 12.")
    proc = _build(_project(tmp_path, {"A-C.2-99-L.63.txt": bad}))
    assert proc.returncode != 0
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings[0] == (
        "WARNING -  mkdocs_resolutions: A-C.2-99-L.63.txt:37: amendment: cannot apply \u201cDelete operative paragraph 12.\u201d to "
        "A/C.2/99/L.13/Rev.1: the draft has no operative paragraph 12; left out of the amended text [amendment-not-applied]"
    )
