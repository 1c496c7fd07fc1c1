"""The parse cache's disk (shelf.Shelf): one SQLite file, shared by the build and its forked workers;
anything it cannot do reads as a missing entry, never as a failed build."""

from __future__ import annotations

import subprocess
import sys

from mkdocs_resolutions._internal.corpus import ANALYSIS, Cache
from mkdocs_resolutions._internal.shelf import FILE, Shelf

from .conftest import ROOT

TEXT = ROOT / "source_docs" / "A-RES-80-229.txt"


def test_entries_by_key_and_kind(tmp_path):
    shelf = Shelf(tmp_path / "cache")
    assert shelf.get("k", "analysis") is None and not shelf.has("k", "analysis")
    assert shelf.put("k", "analysis", b"one") and shelf.put("k", "document", b"two") and shelf.put("j", "analysis", b"")
    assert shelf.put("k", "analysis", b"three")  # replaced
    assert (shelf.get("k", "analysis"), shelf.get("k", "document"), shelf.get("j", "analysis")) == (b"three", b"two", b"")
    assert shelf.keys("analysis") == ["j", "k"] and shelf.keys("document") == ["k"]
    shelf.close()
    assert Shelf(tmp_path / "cache").get("k", "document") == b"two"  # kept across builds
    assert sorted(p.name for p in (tmp_path / "cache").iterdir() if not p.name.endswith(("-wal", "-shm"))) == [FILE]


def test_a_broken_cache_file_is_made_again(tmp_path):
    (tmp_path / FILE).write_bytes(b"not a database, " * 100)
    shelf = Shelf(tmp_path)
    assert shelf.get("k", "analysis") is None
    assert shelf.put("k", "analysis", b"one") and shelf.get("k", "analysis") == b"one"


def test_a_folder_that_cannot_be_written_keeps_the_analyses_in_memory(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    cache = Cache(folder=blocked)
    analysis = cache.get(TEXT.read_bytes(), TEXT.name)
    assert analysis.doc.meta.symbol == "A/RES/80/229"
    assert list(cache.pinned) == [Cache.key(TEXT.read_bytes(), TEXT.name)] and not cache.memory
    assert cache.document(next(iter(cache.pinned)))  # made from memory, nowhere kept
    assert cache.shelf is not None and cache.shelf.keys(ANALYSIS) == []


def test_a_forked_child_writes_over_its_own_connection(tmp_path):
    """SQLite forbids using a connection across fork: a child that inherits one open opens its own."""
    code = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from mkdocs_resolutions._internal.shelf import Shelf
shelf = Shelf(Path({str(tmp_path)!r}))
assert shelf.put("parent", "analysis", b"1")  # the parent's connection is open when it forks
pid = os.fork()
if pid == 0:
    os._exit(0 if shelf.put("child", "analysis", b"2") and shelf.get("parent", "analysis") == b"1" else 1)
assert os.waitpid(pid, 0)[1] == 0
assert shelf.get("child", "analysis") == b"2" and shelf.put("parent", "document", b"3")
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_a_python_without_sqlite_keeps_the_analyses_in_memory(tmp_path):
    """Python may be built without its sqlite3 module: the cache then lives in memory, and the build still reads every text."""
    code = f"""
import sys
sys.modules["sqlite3"] = None  # import sqlite3 fails, as in a Python built without it
sys.path.insert(0, {str(ROOT / "plugins")!r})
from pathlib import Path
from mkdocs_resolutions._internal import parallel, shelf
from mkdocs_resolutions._internal.corpus import Cache, Text
assert not shelf.AVAILABLE
cache = Cache(folder=Path({str(tmp_path / "cache")!r}))
data = Path({str(TEXT)!r}).read_bytes()
texts = [Text.of(f"copy-{{n}}.txt", lambda: data) for n in range(parallel.MIN_TEXTS)]
assert parallel.prefill(cache, texts) == 0  # no workers: they would have nowhere to put what they read
stored = [cache.store(text) for text in texts]
assert [s.meta.symbol for s in stored] == ["A/RES/80/229"] * parallel.MIN_TEXTS
assert cache.shelf is None and len(cache.pinned) == parallel.MIN_TEXTS and not Path({str(tmp_path / "cache")!r}).exists()
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.stdout.strip() == "ok", proc.stderr[-2000:]
