"""The pages this plugin writes skip MkDocs' Markdown conversion (issue 14): their Markdown is empty,
and a page made without it must be the page MkDocs would have made."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_resolutions._internal.mkdocs import plugin

from .conftest import ROOT

CONFIG = """site_name: Late
docs_dir: docs
site_dir: site
nav:
  - Home: index.md
  - Browse: browse/index.md
theme:
  name: material
markdown_extensions: [toc, tables, attr_list, admonition]
plugins:
  - resolutions:
      cache_dir: cache
"""
NAMES = ["A-RES-80-229.txt", "A-C.3-80-L.3.txt", "A-RES-79-1.txt", "A-RES-78-213.txt", "S-2020-445.txt", "index.md"]


def _site(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in NAMES:
        shutil.copy(ROOT / "source_docs" / name, docs / name)
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def _made(page: Page) -> tuple:
    return (page.content, [(t.title, t.id) for t in page.toc], page._title_from_render, page.present_anchor_ids,
            {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()})


def test_a_blank_page_is_made_as_mkdocs_makes_it(tmp_path):
    config = load_config(str(_site(tmp_path)))
    files = Files([])
    for markdown in ("", " \n\n", "# A title {#own}\n\nText [link](#own).\n"):
        made = []
        for kind in (Page, plugin.LatePage):
            file = File("x/index.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
            page = kind(None, file, config)
            page.markdown = markdown
            page.render(config, files)
            made.append(_made(page))
        assert made[0] == made[1], markdown
    assert made[0][0] and made[0][3] == {"own"}  # the last one was converted: it has a body and an id


def test_only_the_pages_the_plugin_writes_skip_the_conversion(tmp_path, monkeypatch):
    seen: dict[str, type] = {}
    post_page = plugin.ResolutionsPlugin.on_post_page
    written: list[set[str]] = []

    def recorded(self, output, page, config):  # noqa: ANN001
        seen[page.file.src_uri] = type(page)
        if not written:
            written.append(set(self.pages) | {u for u in self.browse if u != "browse/index.md"} | set(self.changes)
                           | set(self.full_lists) | {self.report_uri})
        return post_page(self, output, page, config)

    monkeypatch.setattr(plugin.ResolutionsPlugin, "on_post_page", recorded)
    build(load_config(str(_site(tmp_path))))
    late = {uri for uri, kind in seen.items() if kind is plugin.LatePage}
    assert late == written[0] and len(late) > len(NAMES)
    # the home page and the browse root (in the nav, titled there) are made by MkDocs itself
    assert {uri for uri, kind in seen.items() if kind is Page} == {"index.md", "browse/index.md"}
