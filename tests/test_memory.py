"""Memory that stays flat in N (issue 14): the build holds per document only what every page needs.

A document's analysis lives in the parse cache (at most ``Cache.limit`` in memory at once) and
its page body exists only while MkDocs writes that page. These tests build a small site with a
limit of two analyses and count what is alive at each page write, so a change that keeps every
analysis or every body (memory growing with the corpus again) fails here, without timing anything.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_resolutions._internal import graph
from mkdocs_resolutions._internal.corpus import Analysis, Stored
from mkdocs_resolutions._internal.model import Document
from mkdocs_resolutions._internal.mkdocs.plugin import LATE, LATE_TITLED, MadeFile, ResolutionsPlugin

from .conftest import ROOT

CONFIG = """site_name: Memory
docs_dir: docs
site_dir: {site}
use_directory_urls: true
theme:
  name: material
plugins:
  - resolutions:
      cache_dir: cache
      search: false
"""

# Drafts and their resolutions, an earlier version (changes pages), two forms of one text, and
# texts citing one another (link previews read other documents while a page is written).
NAMES = [
    "000_780746b198b85f4a.txt", "A-RES-80-229.txt", "A-C.3-80-L.3.txt", "A-RES-79-1.txt",
    "A-RES-78-213.txt", "A-RES-78-213.pdf", "A-RES-79-243.txt", "A-RES-78-185.txt",
    "A-RES-79-195.txt", "S-2018-221.txt", "S-2020-445.txt",
]
LIMIT = 2  # analyses the cache may keep in memory in these builds


def _project(tmp: Path) -> Path:
    docs = tmp / "docs"
    docs.mkdir()
    for name in NAMES + ["index.md"]:
        shutil.copy(ROOT / "source_docs" / name, docs / name)
    return tmp


def _alive(kind: type) -> set[int]:
    gc.unfreeze()  # what the build left out of the cycle collector (see ResolutionsPlugin.on_files) is alive too
    gc.collect()
    return {id(o) for o in gc.get_objects() if type(o) is kind}


def _build(project: Path, site: str, limit: int | None, monkeypatch=None) -> dict[str, list]:  # noqa: ANN001
    """Build ``project`` into ``site``; with ``monkeypatch``, what is alive after the texts are read
    and after each page is written (analyses, documents), the written pages and the data files."""
    seen: dict[str, list] = {"analyses": [], "documents": [], "written": [], "made": [], "files": [], "outlines": []}
    if monkeypatch is not None:  # MkDocs takes a plugin's hooks when it loads the config: patch the class
        on_files, on_post_page = ResolutionsPlugin.on_files, ResolutionsPlugin.on_post_page
        before = {Analysis: _alive(Analysis), Document: _alive(Document)}  # other tests' (session caches)

        def count() -> None:
            seen["analyses"].append(len(_alive(Analysis) - before[Analysis]))
            seen["documents"].append(len(_alive(Document) - before[Document]))
            pages = [f.page for f in seen["files"][0].documentation_pages() if f.page is not None and f.src_uri != "index.md"]
            seen["outlines"].append(sum(1 for page in pages if list(page.toc)))  # the theme's table of contents

        def files(self, files, config):  # noqa: ANN001
            out = on_files(self, files, config)
            seen["made"] = [f for f in out if isinstance(f, MadeFile)]
            seen["files"] = [out]
            count()
            return out

        def post_page(self, output, page, config):  # noqa: ANN001
            out = on_post_page(self, output, page, config)
            count()
            seen["written"].append(page)
            return out

        monkeypatch.setattr(ResolutionsPlugin, "on_files", files)
        monkeypatch.setattr(ResolutionsPlugin, "on_post_page", post_page)
    (project / "mkdocs.yml").write_text(CONFIG.format(site=site), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    if limit is not None:
        config.plugins["resolutions"].cache.limit = limit
    build(config)
    return seen


def test_the_build_holds_no_analysis_or_body_beyond_the_page_it_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(graph, "HELD", 1)  # link previews keep one document's texts, not every cited one's
    project = _project(tmp_path)
    seen = _build(project, "site", LIMIT, monkeypatch)
    pages = {page.file.src_uri: page for page in seen["written"]}
    texts = [name for name in NAMES if name in pages]
    assert texts == [n for n in NAMES if n != "A-RES-78-213.pdf"] or texts == [n for n in NAMES if n != "A-RES-78-213.txt"]
    # At every moment (texts read, each page written) at most LIMIT analyses exist, and no
    # document outside them: the corpus is never held whole.
    assert max(seen["analyses"]) <= LIMIT, seen["analyses"]
    assert max(seen["documents"]) <= LIMIT, seen["documents"]
    # No page holds its outline either, before or after it is written (made while it is written).
    assert set(seen["outlines"]) == {0}, seen["outlines"]
    # A page, once written, keeps no body and no outline: only the placeholder the template saw.
    plugin_pages = [p for uri, p in pages.items() if uri != "index.md"]
    generated = sorted(p.file.src_uri for p in plugin_pages if p.file.src_uri not in texts)
    assert "browse/index.md" in generated and "reports/citations/index.md" in generated
    assert any("/changes/" in uri for uri in generated)  # browse, report and changes pages are written late too
    assert {p.content for p in plugin_pages} == {LATE}
    assert [p.file.src_uri for p in plugin_pages if list(p.toc)] == []
    # The data files (beside the pages, and the site's mandates) are made when written, not held
    # from the start of the build.
    made = sorted(f.src_uri for f in seen["made"])
    assert len(made) == len(texts) + 2 and "mandates.json" in made and "mandates.csv" in made
    assert [f.src_uri for f in seen["made"] if f.make is None] == []
    written = (project / "site" / "A" / "RES" / "80" / "229" / "index.html").read_text(encoding="utf-8")
    assert written.count('class="res-doc"') == 1 and LATE not in written and LATE_TITLED not in written


def test_pages_are_the_same_whether_analyses_come_from_memory_or_the_cache(tmp_path, monkeypatch):
    """Re-reading an analysis from the cache folder changes no byte of the site. A build holding
    every analysis makes each data file's template from memory and keeps none on disk; one that
    cannot hold them keeps each (``Cache.document``), to read it back in the next build."""
    from mkdocs_resolutions._internal.corpus import Cache

    kept: list[str] = []
    document = Cache.document
    monkeypatch.setattr(Cache, "document", lambda self, key: kept.append(key) or document(self, key))
    project = _project(tmp_path)
    _build(project, "from-memory", None)  # the default limit: every analysis stays in memory
    assert kept == []
    shutil.rmtree(project / "cache")
    _build(project, "from-cache", 1)  # cold, one analysis in memory: every page re-reads its text's
    assert len(kept) == len(NAMES) - 1  # a page each (the PDF form of A/RES/78/213 is not published)
    one, other = project / "from-memory", project / "from-cache"
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(other)) for p in other.rglob("*") if p.is_file())
    assert [n for n in names if (one / n).read_bytes() != (other / n).read_bytes()] == []


def test_a_stored_analysis_keeps_its_metadata_and_reads_the_rest_from_the_cache(tmp_path):
    from mkdocs_resolutions._internal.corpus import Cache, Text

    cache = Cache(folder=tmp_path, limit=1)
    data = (ROOT / "source_docs" / "A-RES-80-229.txt").read_bytes()
    stored = cache.store(Text.of("A-RES-80-229.txt", lambda: data))
    assert isinstance(stored, Stored) and stored.meta.symbol == "A/RES/80/229"
    other = cache.store(Text.of("A-RES-79-1.txt", (ROOT / "source_docs" / "A-RES-79-1.txt").read_bytes))
    assert list(cache.memory) == [other.key]  # the first is now on disk only
    again = stored.load()  # evicted from memory, read back from the folder
    assert again.doc.meta == stored.meta and again.doc.operative()[0].anchor == "op-1"
    assert list(cache.memory) == [stored.key]


def test_a_stored_texts_mandates_and_data_file_come_without_reading_it_again(tmp_path):
    """The site lists a text's mandates from what the build holds of it, and its data file's
    template is kept beside the analysis: made once (from the analysis), then read as it is."""
    from mkdocs_resolutions._internal import export
    from mkdocs_resolutions._internal.corpus import DOCUMENT, Cache, Text
    from mkdocs_resolutions._internal.mandates import find_mandates

    cache = Cache(folder=tmp_path, limit=1)
    data = (ROOT / "source_docs" / "A-RES-80-229.txt").read_bytes()
    stored = cache.store(Text.of("A-RES-80-229.txt", lambda: data))
    doc = stored.load().doc
    assert len(stored.mandates) > 3 and repr(stored.mandates) == repr(find_mandates(doc))
    shelf = cache.shelf
    assert shelf is not None and shelf.get(stored.key, DOCUMENT) is None
    template = stored.document()
    assert template == export.document_template(doc, find_mandates(doc)) and shelf.get(stored.key, DOCUMENT) == template
    shelf.put(stored.key, DOCUMENT, b"kept\x00")  # from here on the kept template is what counts, not the analysis
    cache.store(Text.of("A-RES-79-1.txt", (ROOT / "source_docs" / "A-RES-79-1.txt").read_bytes))  # evicts the first
    assert stored.document() == b"kept\x00" and list(cache.memory) != [stored.key]
    assert Cache().store(Text.of("A-RES-80-229.txt", lambda: data)).document() == template  # no folder: made each time


def test_a_stored_text_keeps_what_the_browse_pages_call_it(tmp_path):
    """A Council draft prints no title: the browse pages name it by the subject found in its text,
    found once when the text is read, so listing it reads nothing again."""
    from mkdocs_resolutions._internal import browse
    from mkdocs_resolutions._internal.corpus import Cache, Text

    cache = Cache(folder=tmp_path, limit=1)
    named = {}
    for name in ("S-2020-445.txt", "S-2018-221.txt", "A-RES-80-229.txt"):
        stored = cache.store(Text.of(name, (ROOT / "source_docs" / name).read_bytes))
        assert stored.listing_title == browse.listed_title(stored.load().doc)
        named[name] = stored.listing_title
    assert named == {"S-2020-445.txt": "Somalia", "S-2018-221.txt": "South Sudan", "A-RES-80-229.txt":
                     "Strengthening the United Nations crime prevention and criminal justice programme, in particular "
                     "its technical cooperation capacity"}


def test_the_site_mandate_files_written_in_pieces_are_the_whole_files_bytes(monkeypatch):
    """mandates.json/.csv grow with the site, so they are made in pieces of CHUNK records; the bytes
    are those of dumping the whole at once, whatever the piece boundaries."""
    import csv
    import io
    import json

    from mkdocs_resolutions._internal import export
    from mkdocs_resolutions._internal.corpus import Cache, Corpus
    from mkdocs_resolutions._internal.mandates.site import SiteMandates

    corpus, cache = Corpus(), Cache()
    for name in ("A-RES-80-229.txt", "A-RES-79-1.txt", "S-2020-445.txt"):
        corpus.add(name, cache.get((ROOT / "source_docs" / name).read_bytes(), name))
    rows = SiteMandates.collect(corpus).rows
    assert len(rows) > 7
    monkeypatch.setattr(export, "CHUNK", 3)
    for n in (0, 1, 3, 4, 7, len(rows)):
        part = rows[:n]
        records = [export._record(r, "https://example.org/") for r in part]
        whole = {"schema_version": export.SCHEMA_VERSION, "columns": export.CSV_COLUMNS, "mandates": records}
        expected = (json.dumps(whole, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()
        assert b"".join(export.mandates_json_chunks(part, "https://example.org/")) == expected, n
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=export.CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        assert b"".join(export.mandates_csv_chunks(part, "https://example.org/")) == out.getvalue().encode(), n
        pieces = len(list(export.mandates_json_chunks(part)))
        assert pieces == (-(-n // 3) + 1 if n else 1), n  # one per CHUNK records and the tail; no records: one


def test_a_made_file_is_written_into_its_folder_made_when_missing(tmp_path):
    """A data file usually goes beside its page, in a folder that exists; one whose folder is not there yet gets it."""
    for uri in ("a/b/document.json", "a/b/other.json", "top.json"):
        made = MadeFile(uri, None, str(tmp_path / "site"), True)
        made.make = lambda: [b"x", b"y"]
        made.write()
        assert (tmp_path / "site" / uri).read_bytes() == b"xy"
