"""How a build keeps both cores busy (issue 14), checked by what it does and writes, never by timing.

Pagefind's last work (building and writing its bundle) starts as soon as the last page it
indexes is handed over; the pages no search reads (browse, changes, the report) and the data
files are written meanwhile. Nothing may be lost on the way: every marked page is in the index,
every data file is written, and the bytes are those of a build that waits (compare_sites).
"""

from __future__ import annotations

import shutil

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_resolutions._internal import indexer
from mkdocs_resolutions._internal.mkdocs import plugin

from .conftest import ROOT

CONFIG = """site_name: Schedule
docs_dir: docs
site_dir: site
theme:
  name: material
plugins:
  - resolutions:
      cache_dir: cache
"""
# Drafts and resolutions (browse pages), an earlier version (a changes page), citations (the report).
NAMES = ["A-RES-80-229.txt", "A-C.3-80-L.3.txt", "A-RES-79-1.txt", "A-RES-78-213.txt", "A-RES-79-195.txt",
         "S-2018-221.txt", "S-2020-445.txt", "000_780746b198b85f4a.txt", "index.md"]


def test_pagefind_finishes_beside_the_unindexed_pages_and_the_data_files(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in NAMES:
        shutil.copy(ROOT / "source_docs" / name, docs / name)
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    events: list[str] = []  # in order: Pagefind told to finish, each page as MkDocs is handed it to write
    handed: list[str] = []
    add, start, post_page = indexer.Indexer.add, plugin.Finishing.start, plugin.ResolutionsPlugin.on_post_page

    def added(self, path: str, html: str) -> None:  # noqa: ANN001
        if indexer.BODY_MARK.decode() in html:
            handed.append(path)
        add(self, path, html)

    def started(self) -> None:  # noqa: ANN001
        if self.thread is None:
            events.append("finish")
        start(self)

    def written(self, output, page, config):  # noqa: ANN001
        out = post_page(self, output, page, config)
        events.append(page.file.dest_uri)
        return out

    monkeypatch.setattr(indexer.Indexer, "add", added)
    monkeypatch.setattr(plugin.Finishing, "start", started)
    monkeypatch.setattr(plugin.ResolutionsPlugin, "on_post_page", written)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    build(config)
    site = tmp_path / "site"

    # Every page marked for search was handed to Pagefind before it finished: none left out.
    assert sorted(handed) == indexer.indexed_pages(site) and len(handed) == len(NAMES)
    assert (site / "pagefind" / indexer.ENTRY_FILE).is_file()
    # Pagefind was told to finish with the last marked page; only unindexed pages followed.
    at = events.index("finish")
    assert events[at + 1] == handed[-1]
    after = events[at + 2:]
    assert any(p.startswith("browse/") for p in after) and any("/changes/" in p for p in after)
    assert "reports/citations/index.html" in after
    assert [p for p in after if indexer.BODY_MARK in (site / p).read_bytes()] == []
    # The data files, written while Pagefind finished, are all there.
    pages = [p for p in handed if p != "index.html"]
    assert sorted(p.replace("index.html", "document.json") for p in pages) == sorted(
        p.relative_to(site).as_posix() for p in site.rglob("document.json"))
    assert (site / "mandates.json").stat().st_size > 1000 and (site / "mandates.csv").stat().st_size > 1000
