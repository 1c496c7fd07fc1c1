"""A cold build reads texts on every core (parallel.prefill): the same analyses as reading them one by one."""

from __future__ import annotations

import pickle

import pytest

from mkdocs_resolutions._internal import parallel
from mkdocs_resolutions._internal.corpus import Cache

from .conftest import ROOT

TEXTS = sorted((ROOT / "source_docs").glob("*.txt"))[:24]


def _texts() -> list[tuple[bytes, str]]:
    return [(p.read_bytes(), p.name) for p in TEXTS]


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)  # the pool runs even on a one-core runner


def test_workers_fill_the_cache_with_the_analyses_the_build_would_make(tmp_path, two_cores):
    texts = _texts()
    assert len(texts) >= parallel.MIN_TEXTS
    filled = Cache(tmp_path / "pool")
    assert parallel.prefill(filled, texts) == len(texts)
    files = sorted((tmp_path / "pool").iterdir())
    assert len(files) == len(texts)
    alone = Cache(tmp_path / "alone")
    for data, path in texts:
        key = Cache.key(data, path)
        made = alone.get(data, path)
        read = pickle.loads((tmp_path / "pool" / f"{key}.pickle").read_bytes())
        assert repr(read) == repr(made), path
    assert parallel.prefill(filled, texts) == 0  # a warm cache: nothing left to read


def test_no_pool_without_a_disk_cache_or_for_a_few_texts(tmp_path, two_cores):
    texts = _texts()
    assert parallel.prefill(Cache(None), texts) == 0
    assert parallel.prefill(Cache(tmp_path), texts[: parallel.MIN_TEXTS - 1]) == 0
    assert not list(tmp_path.iterdir())


def test_a_text_that_breaks_a_worker_is_left_to_the_build(tmp_path, two_cores, monkeypatch):
    from mkdocs_resolutions._internal import corpus

    real = corpus.analyse

    def fragile(data: bytes, path: str):
        if path == TEXTS[0].name:
            raise RuntimeError("reader bug")
        return real(data, path)

    monkeypatch.setattr(corpus, "analyse", fragile)  # the forked workers inherit it
    texts = _texts()
    assert parallel.prefill(Cache(tmp_path), texts) == len(texts)
    assert len(list(tmp_path.iterdir())) == len(texts) - 1


def test_map_indexed_keeps_order_and_runs_in_workers(two_cores):
    import os

    parent = os.getpid()
    out = parallel.map_indexed(lambda i: (i * i, os.getpid() != parent), 40)
    assert [v for v, _ in out] == [i * i for i in range(40)]
    assert all(in_worker for _, in_worker in out)
    assert parallel.map_indexed(lambda _: os.getpid(), 3) == [parent] * 3  # too few to pay for workers


def test_mandates_found_in_workers_are_those_found_alone(tmp_path, two_cores, monkeypatch):
    from mkdocs_resolutions._internal.corpus import Corpus
    from mkdocs_resolutions._internal.mandates.site import SiteMandates

    cache = Cache(tmp_path)
    corpus = Corpus()
    for data, path in _texts():
        corpus.add(path, cache.get(data, path))
    pooled = SiteMandates.collect(corpus)
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    alone = SiteMandates.collect(corpus)
    assert sum(len(found) for found in alone.by_src.values()) > 20
    assert repr(pooled) == repr(alone)
