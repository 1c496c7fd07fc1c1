"""Reading texts on every core: a cold build fills the parse cache in worker processes first.

Reading a text is the largest part of a cold build (about 8 ms a text), each
text is read alone, and the build waits for all of them before it renders a
page; one core would read them all while the other idles. So the texts the
cache lacks are read by a pool of worker processes (one per core), each writing
its analysis into the on-disk cache exactly as :meth:`Cache.get` would; the
build then takes every analysis from the cache in its usual order. The result is
the same bytes as a build on one core: an analysis depends on the text alone.

Only where it pays: an on-disk cache, more than one core, a ``fork`` start
method (workers inherit the loaded code and the texts instead of being sent
them), and at least :data:`MIN_TEXTS` texts to read. A worker that fails leaves
its text to the build, which reads it again and reports the problem as usual.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

from .corpus import Cache

MIN_TEXTS = 16  # fewer uncached texts than this are read in the build itself: starting workers costs more
CHUNK = 4  # texts a worker takes at a time

_jobs: list[tuple[bytes, str]] = []  # what the forked workers read: (bytes, path) of each text to read
_cache: Cache | None = None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _read(index: int) -> None:
    """In a worker: analyse one text into the on-disk cache, and hold nothing of it."""
    assert _cache is not None
    data, path = _jobs[index]
    try:
        _cache.get(data, path)
    except Exception:  # noqa: S110 - the build reads this text again and reports what went wrong
        pass
    _cache.memory.clear()


def _cached(cache: Cache, data: bytes, path: str) -> bool:
    stored = cache.stored(cache.key(data, path))
    return stored is not None and stored.exists()


def prefill(cache: Cache, texts: list[tuple[bytes, str]]) -> int:
    """Read the ``(bytes, path)`` texts ``cache`` lacks in worker processes; returns how many were read so."""
    global _jobs, _cache
    workers = cores()
    if cache.folder is None or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if threading.active_count() > 1:  # forking beside other threads (mkdocs serve's) can deadlock a worker
        return 0
    missing = [(data, path) for data, path in texts if not _cached(cache, data, path)]
    if len(missing) < MIN_TEXTS:
        return 0
    _jobs, _cache = missing, cache
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(missing) // CHUNK)) as pool:
            for _ in pool.imap_unordered(_read, range(len(missing)), chunksize=CHUNK):
                pass
    except OSError:  # no processes to be had: the build reads the texts itself
        return 0
    finally:
        _jobs, _cache = [], None
    return len(missing)
