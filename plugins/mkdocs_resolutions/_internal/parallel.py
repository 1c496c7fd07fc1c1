"""Reading texts on every core: a cold build fills the parse cache in worker processes first.

Reading a text is the largest part of a cold build (about 8 ms a text), each
text is read alone, and the build waits for all of them before it renders a
page; one core would read them all while the other idles. So the texts the
cache lacks are read by a pool of worker processes (one per core), each writing
its analysis into the on-disk cache exactly as :meth:`Cache.load` would; the
build takes each analysis as the pool hands it back (see :func:`prefill`). The result is
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
import pickle
import threading
from typing import Any, Callable, Iterator, Sequence, TypeVar

from . import corpus
from .corpus import Cache, Text

MIN_TEXTS = 16  # fewer uncached texts than this are read in the build itself: starting workers costs more
CHUNK = 4  # the fewest items a worker takes at a time
SHARE = 4  # a worker takes at most 1/(SHARE * workers) of the items left

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


def chunks(count: int, workers: int) -> list[range]:
    """``range(count)`` in runs a worker takes at a time, long first, then shorter as fewer are left:
    few hand-overs (each costs the build and the worker about a millisecond of CPU), and still no
    worker left alone with a long run at the end."""
    runs: list[range] = []
    start = 0
    while start < count:
        size = max(CHUNK, -(-(count - start) // (SHARE * workers)))
        runs.append(range(start, min(count, start + size)))
        start += size
    return runs


def _run(indices: range) -> list[Any]:
    assert _work is not None
    return [_work(i) for i in indices]


def map_indexed(work: Callable[[int], T], count: int, least: int = MIN_TEXTS) -> Iterator[T]:
    """``work(0), ..., work(count - 1)``, yielded in order as they are done: by forked worker processes
    (one per core) when there are at least ``least`` items; in the build itself otherwise. ``work`` and
    what it reads are inherited by the workers (never pickled); only its results come back."""
    global _work
    if count < least or not _can_fork():
        yield from (work(i) for i in range(count))
        return
    _work = work
    try:
        workers = min(cores(), max(1, count // CHUNK))
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for results in pool.imap(_run, chunks(count, workers)):
                yield from results
    finally:
        _work = None


def prefill(cache: Cache, texts: Sequence[Text]) -> int:
    """Read the texts ``cache`` lacks in worker processes; returns how many were read so.

    Each worker writes its analysis to the on-disk cache. Where the build holds every analysis in
    memory, the worker also hands its pickle back and the build takes it as the pool yields it, while
    the workers read on: the build does not read them all back from the disk after the pool, alone
    on one core. A larger build reads each back when it needs it; its workers make the data files'
    templates instead (``Cache.document``)."""
    if cache.shelf is None or not _can_fork():
        return 0
    missing = [text for text in texts if not cache.cached(text.key)]
    if len(missing) < MIN_TEXTS:
        return 0
    if cache.shelf is not None:
        cache.shelf.close()  # each worker opens its own connection; the build opens its own again after them
    held = len(texts) <= cache.limit

    def read(index: int) -> bytes | None:
        """In a worker: analyse one text into the on-disk cache; its pickle if the build holds it."""
        text = missing[index]
        try:
            analysis = corpus.analyse(text.read(), text.path)
            made = cache.write(text.key, analysis)
            if made is not None and not held:
                cache.keep(text.key, analysis)
                cache.document(text.key)
        except Exception:  # noqa: S110 - the build reads this text again and reports what went wrong
            return None
        finally:
            cache.memory.clear()
        return made if held else None

    try:
        for text, made in zip(missing, map_indexed(read, len(missing))):
            if made is not None:
                cache.keep(text.key, pickle.loads(made))
    except OSError:  # no processes to be had: the build reads the texts itself
        return 0
    return len(missing)
