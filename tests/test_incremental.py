"""Incremental builds: after editing one text, a rebuild parses that text only."""

from __future__ import annotations

import shutil

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_resolutions._internal import corpus

from .conftest import ROOT, need_corpus

CONFIG = """site_name: Incremental
docs_dir: docs
site_dir: site
theme:
  name: material
plugins:
  - resolutions:
      cache_dir: cache
      search: false
"""


def test_rebuild_parses_only_the_edited_text(tmp_path, monkeypatch):
    source = need_corpus()
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["A-RES-80-229.txt", "A-C.3-80-L.3.txt", "S-2018-221.txt", "A-RES-79-1.txt"]
    for name in names:
        shutil.copy(source / name, docs / name)
    shutil.copy(ROOT / "source_docs" / "index.md", docs / "index.md")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    calls: list[str] = []
    real = corpus.analyse
    monkeypatch.setattr(corpus, "analyse", lambda data, path: calls.append(path) or real(data, path))

    def run() -> list[str]:
        calls.clear()
        build(load_config(str(tmp_path / "mkdocs.yml")))
        return sorted(calls)

    assert run() == sorted(names)  # cold: every text
    assert run() == []  # nothing changed: all from the cache folder
    edited = docs / "A-C.3-80-L.3.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert run() == ["A-C.3-80-L.3.txt"]
    page = (tmp_path / "site" / "A" / "C.3" / "80" / "L.3" / "index.html").read_text(encoding="utf-8")
    assert "res-doc" in page
    shutil.rmtree(tmp_path / "cache")  # safe to delete: the next build parses again
    assert run() == sorted(names)
