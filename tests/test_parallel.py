"""A cold build reads texts on every core (parallel.prefill): the same analyses as reading them one by one.

The pool forks, and forking beside threads other tests left running could deadlock a
worker (the build itself forks only when it runs alone), so each check runs in a fresh
interpreter with two cores assumed.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from mkdocs_resolutions._internal import corpus, export, parallel
from mkdocs_resolutions._internal.corpus import ANALYSIS, DOCUMENT, Cache, Corpus, Text
from mkdocs_resolutions._internal.mandates.find import find_mandates
from mkdocs_resolutions._internal.mandates.site import SiteMandates
from mkdocs_resolutions._internal.parse import read_source

from .conftest import ROOT

TEXTS = sorted((ROOT / "source_docs").glob("*.txt"))[:24]


def _texts() -> list[Text]:
    """The texts as the build hands them over: each read when needed."""
    return [Text.of(p.name, p.read_bytes) for p in TEXTS]


def _fresh(check: str, tmp_path: Path) -> None:
    """Run ``check(tmp_path)`` of this module in a fresh interpreter where ``parallel.cores()`` is 2."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            f"from tests import test_parallel as t; t.parallel.cores = lambda: 2; t.{check}(Path({str(tmp_path)!r}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]


def check_workers_fill_the_cache(tmp_path: Path) -> None:
    texts = _texts()
    assert len(texts) >= parallel.MIN_TEXTS
    filled = Cache(tmp_path / "pool")
    assert parallel.prefill(filled, texts) == len(texts)
    # Every analysis fits in memory: the data files' templates are left to the end of the build.
    keys = sorted(text.key for text in texts)
    assert filled.shelf is not None and filled.shelf.keys(ANALYSIS) == keys and filled.shelf.keys(DOCUMENT) == []
    assert list(filled.memory) == [text.key for text in texts]  # handed back by the pool, not read from the disk after it
    large = Cache(tmp_path / "large", limit=len(texts) - 1)  # a build that cannot hold them: made in the workers
    assert parallel.prefill(large, texts) == len(texts)
    assert large.shelf is not None and large.shelf.keys(ANALYSIS) == large.shelf.keys(DOCUMENT) == keys
    assert not large.memory  # read back from the disk only when a page needs it
    alone = Cache(tmp_path / "alone")
    for text in texts:
        data, path = text.read(), text.path
        made = alone.get(data, path)
        key = Cache.key(data, path)
        read = pickle.loads(filled.shelf.get(key, ANALYSIS) or b"")
        assert repr(read) == repr(made) == repr(filled.memory[key]), path
        template = large.shelf.get(key, DOCUMENT)  # the data file's part made with it
        assert template == export.document_template(made.doc, made.mandates) == alone.document(key), path
    assert parallel.prefill(filled, texts) == 0  # a warm cache: nothing left to read


def test_workers_fill_the_cache_with_the_analyses_the_build_would_make(tmp_path):
    _fresh("check_workers_fill_the_cache", tmp_path)


def check_no_pool(tmp_path: Path) -> None:
    texts = _texts()
    assert parallel.prefill(Cache(None), texts) == 0
    few = Cache(tmp_path)
    assert parallel.prefill(few, texts[: parallel.MIN_TEXTS - 1]) == 0
    assert few.shelf is not None and few.shelf.keys(ANALYSIS) == []


def test_no_pool_without_a_disk_cache_or_for_a_few_texts(tmp_path):
    _fresh("check_no_pool", tmp_path)


def check_broken_worker(tmp_path: Path) -> None:
    real = corpus.analyse

    def fragile(data: bytes, path: str) -> corpus.Analysis:
        if path == TEXTS[0].name:
            raise RuntimeError("reader bug")
        return real(data, path)

    corpus.analyse = fragile  # type: ignore[assignment]  # the forked workers inherit it
    texts = _texts()
    large = Cache(tmp_path, limit=1)
    assert parallel.prefill(large, texts) == len(texts)
    assert large.shelf is not None and large.shelf.keys(ANALYSIS) == large.shelf.keys(DOCUMENT) == sorted(t.key for t in texts[1:])
    held = Cache(tmp_path / "held")
    assert parallel.prefill(held, texts) == len(texts)
    assert list(held.memory) == [text.key for text in texts[1:]]  # the build reads the first itself


def test_a_text_that_breaks_a_worker_is_left_to_the_build(tmp_path):
    _fresh("check_broken_worker", tmp_path)


def check_map_indexed(tmp_path: Path) -> None:  # noqa: ARG001 - every check takes the folder
    parent = os.getpid()
    out = list(parallel.map_indexed(lambda i: (i * i, os.getpid() != parent), 40))
    assert [v for v, _ in out] == [i * i for i in range(40)]
    assert all(in_worker for _, in_worker in out)
    assert list(parallel.map_indexed(lambda _: os.getpid(), 3)) == [parent] * 3  # too few to pay for workers


def test_map_indexed_keeps_order_and_runs_in_workers(tmp_path):
    _fresh("check_map_indexed", tmp_path)


def check_mandates(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    texts = _texts()
    assert parallel.prefill(cache, texts) == len(texts)  # mandates found in the workers, with the analyses
    site = Corpus()
    for text in texts:
        site.add(text.path, cache.store(text))
    pooled = SiteMandates.collect(site)
    alone = {text.path: find_mandates(read_source(text.read(), text.path)) for text in texts}
    assert sum(len(found) for found in alone.values()) > 20
    assert repr(pooled.by_src) == repr(alone)


def test_mandates_found_in_workers_are_those_found_alone(tmp_path):
    _fresh("check_mandates", tmp_path)


def test_no_workers_beside_other_threads(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)  # as under mkdocs serve
    assert list(parallel.map_indexed(lambda _: os.getpid(), 40)) == [os.getpid()] * 40


def test_chunks_cover_every_item_once_long_first():
    for count, workers in [(1000, 2), (20000, 8), (17, 2), (3, 2), (0, 2)]:
        runs = parallel.chunks(count, workers)
        assert [i for run in runs for i in run] == list(range(count))
        sizes = [len(run) for run in runs]
        assert sizes == sorted(sizes, reverse=True) and min(sizes[:-1], default=parallel.CHUNK) >= parallel.CHUNK
        assert sizes[-1:] <= [parallel.CHUNK]  # the workers end on short runs
    assert [len(run) for run in parallel.chunks(1000, 2)][:3] == [125, 110, 96]  # an eighth of what is left
    assert len(parallel.chunks(1000, 2)) == 33  # not 250 runs of 4
