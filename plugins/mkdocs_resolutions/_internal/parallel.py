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
Its mandates are found there too (see ``corpus.analyse``). The template of its data file
(``Cache.document``) is made there only when the build cannot hold every analysis in memory (it
would read each back at the end); otherwise the build makes it at its end, from memory, while
Pagefind writes its bundle on the other core, where it costs no time.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any, Callable, Sequence, TypeVar

from .corpus import Cache

MIN_TEXTS = 16  # fewer uncached texts than this are read in the build itself: starting workers costs more
CHUNK = 4  # items a worker takes at a time

T = TypeVar("T")
_work: Callable[[int], Any] | None = None  # what the forked workers run, inherited rather than sent


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    # forking beside other threads (mkdocs serve's) can deadlock a worker
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _run(index: int) -> Any:
    assert _work is not None
    return _work(index)


def map_indexed(work: Callable[[int], T], count: int, least: int = MIN_TEXTS) -> list[T]:
    """``[work(0), ..., work(count - 1)]``, by forked worker processes (one per core) when there are
    at least ``least`` items; in the build itself otherwise. ``work`` and what it reads are inherited
    by the workers (never pickled); only its results come back."""
    global _work
    if count < least or not _can_fork():
        return [work(i) for i in range(count)]
    _work = work
    try:
        with multiprocessing.get_context("fork").Pool(min(cores(), max(1, count // CHUNK))) as pool:
            return list(pool.imap(_run, range(count), chunksize=CHUNK))
    finally:
        _work = None


def _cached(cache: Cache, data: bytes, path: str) -> bool:
    stored = cache.stored(cache.key(data, path))
    return stored is not None and stored.exists()


def prefill(cache: Cache, texts: Sequence[tuple[Callable[[], bytes], str]]) -> int:
    """Read the texts ``cache`` lacks in worker processes; returns how many were read so.

    ``texts`` are ``(read, path)`` pairs: each text's bytes are read when needed (to find its cache
    key here, to analyse it in a worker), so the sources are never all in memory at once."""
    if cache.folder is None or not _can_fork():
        return 0
    missing = [k for k, (get, path) in enumerate(texts) if not _cached(cache, get(), path)]
    if len(missing) < MIN_TEXTS:
        return 0
    documents = len(texts) > cache.limit

    def read(index: int) -> None:
        """In a worker: analyse one text into the on-disk cache (its data file too in a large build), and hold nothing of it."""
        get, path = texts[missing[index]]
        try:
            data = get()
            key = cache.key(data, path)
            cache.load(key, data, path)
            if documents:
                cache.document(key)
        except Exception:  # noqa: S110 - the build reads this text again and reports what went wrong
            pass
        cache.memory.clear()

    try:
        map_indexed(read, len(missing))
    except OSError:  # no processes to be had: the build reads the texts itself
        return 0
    return len(missing)
