"""Pagefind running beside the build: each page is indexed as MkDocs writes it.

Pagefind's command line, run once the site is written, reads and parses every
page again while the build waits (about 10 s of a 1,000-document build, on one
core). Its service mode (``pagefind --service``, the protocol of Pagefind's own
Node and Python wrappers: base64-encoded JSON messages ended by a comma, on
stdin and stdout) takes pages one at a time, so the indexer parses each page on
another core while the build renders the next; only building and writing the
bundle is left for the end.

Pages are indexed in the order they are handed over (the build's page order,
the same in every build), so the bundle is the same bytes in every build
(Pagefind's filter files excepted: it writes them in a varying order). Pagefind
holds every page of an index in memory, and about twice that while it writes
the index (0.9 GB for 1,000 pages), so a large site is indexed in shards of
at most ``shard_pages`` pages and ``shard_chars`` characters: the first shard is the main bundle, the others are
written inside it (``pagefind/2/`` ...) and listed in ``pagefind/shards.json``;
the search box merges them (Pagefind's ``mergeIndex``). Each shard has its own
Pagefind process: one process for every shard kept some memory of each shard
written (about 80 MB a shard of 500 pages, even after ``DeleteIndex``), so its
peak grew with the site; a process's memory is all returned when it ends.
Peak memory is one shard's.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .search import BODY_MARK, EXCLUDE, indexed_part

OUTPUT_SUBDIR = "pagefind"
TIMEOUT = 3600  # seconds Pagefind may take to answer (a shard of 1,500 pages is written in seconds): longer is a hang
SHARD_PAGES = 1500  # pages per index at most
# Characters of pages per index at most: Pagefind's peak follows the words it holds, not the page count (1,500
# pages peaked at 1.0-2.1 GiB at 20,000 documents, as copies of long texts fell together); 43 M characters
# (the 1,000-document benchmark site, one shard) peak at ~0.9 GiB.
SHARD_CHARS = 50_000_000
ENTRY_FILE = "pagefind-entry.json"  # a bundle's first file a browser reads
SHARDS_FILE = "shards.json"  # in the main bundle: the other shards' folders, relative to it
IN_FLIGHT = 64  # messages handed over but not yet answered: the build waits beyond this (Pagefind's
# service reads its input into an unbounded queue, so only unanswered messages measure what it holds)
NO_SEARCH = "the site has no search"
WRITES_SETTLED = 0.3  # seconds to wait for Pagefind's last writes where its open files cannot be listed


@dataclass
class IndexResult:
    ok: bool
    message: str


def pagefind_executable() -> str | None:
    """The Pagefind binary bundled with the ``pagefind[bin]`` package, else one on PATH."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-not-found]

        return str(get_executable())
    except Exception:
        return shutil.which("pagefind")


def shard_dir(number: int) -> str:
    """Site-relative folder of shard ``number`` (from 0): the first is the main bundle, the others inside it."""
    return OUTPUT_SUBDIR if number == 0 else f"{OUTPUT_SUBDIR}/{number + 1}"


class _Stopped(Exception):
    """Pagefind failed, hung or could not start: the message says which."""


class Indexer:
    """One build's Pagefind index: :meth:`add` each written page, then :meth:`finish`.

    Nothing here raises: a failure (no binary, a crash, no answer for ``timeout``
    seconds while one is awaited) stops the indexer, and :meth:`finish` returns
    it as a message. A slow build is not a hang: only Pagefind's silence counts.
    """

    def __init__(self, site_dir: Path, executable: str | None = None, *, shard_pages: int = SHARD_PAGES,
                 shard_chars: int = SHARD_CHARS,
                 timeout: float = TIMEOUT) -> None:
        self.site_dir = site_dir.absolute()  # Pagefind runs in the site folder: its paths must not be relative to ours
        self.executable = executable
        self.shard_pages = shard_pages
        self.shard_chars = shard_chars
        self.timeout = timeout
        self.added: set[str] = set()  # site-relative paths handed over
        self.error: str | None = None
        self.shards = 0  # shards written
        self._in_shard = 0
        self._chars_in_shard = 0
        self._index_id: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._outbox: queue.Queue[bytes | None] = queue.Queue()  # the running process's; bounded by IN_FLIGHT
        self._fresh = True  # no Pagefind started yet: a previous build's bundle is still there
        self._replies: dict[int, dict[str, Any]] = {}
        self._waiting: set[int] = set()
        self._errors: list[str] = []
        self._lock = threading.Condition()
        self._last_id = 0
        self._answered = 0
        self._progress = 0.0  # when Pagefind last answered, or was asked something while it owed nothing

    # -- the build's side

    def add(self, path: str, html: str) -> None:
        """Index the page written at site-relative ``path``, if it is marked for Pagefind."""
        if self.error is not None or path in self.added or BODY_MARK.decode() not in html:
            return
        self.added.add(path)
        try:
            part = indexed_part(html)
            if self._index_id is None:
                self._open_shard()
            elif self._in_shard == self.shard_pages or self._chars_in_shard + len(part) > self.shard_chars:
                self._write_shard()
                self._open_shard()
            self._send({"type": "AddFile", "index_id": self._index_id, "file_path": path, "url": None,
                        "file_contents": part})
            self._in_shard += 1
            self._chars_in_shard += len(part)
        except _Stopped as stop:
            self._stop(str(stop))

    def finish(self) -> IndexResult:
        """Index the marked pages written some other way (a static HTML page), write the bundle, stop Pagefind."""
        try:
            for path in self._others():
                self.add(path, (self.site_dir / path).read_text(encoding="utf-8", errors="replace"))
            if self.error is None:
                if self._index_id is None:  # no page at all: an empty bundle, so the search box still loads
                    self._open_shard()
                self._write_shard()
                more = [f"{number + 1}/" for number in range(1, self.shards)]
                (self.site_dir / OUTPUT_SUBDIR / SHARDS_FILE).write_text(json.dumps(more) + "\n", encoding="utf-8")
        except _Stopped as stop:
            self._stop(str(stop))
        except OSError as exc:
            self._stop(f"the search bundle could not be written ({exc}): {NO_SEARCH}")
        self.close()
        if self.error is not None:
            return IndexResult(False, self.error)
        return IndexResult(True, "")

    def close(self) -> None:
        """Stop Pagefind (at the end of a build, or when the build fails)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        self._outbox.put(None)  # the writer thread ends (the next process gets its own outbox)
        proc.terminate()  # the service does not end at the end of its input: every answer is in, so stop it
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if self._stderr is not None:
            self._stderr.close()

    def _others(self) -> list[str]:
        """Site-relative paths of HTML files not handed over, outside the bundle, sorted."""
        if not self.site_dir.is_dir():
            return []
        out = []
        for file in self.site_dir.rglob("*.html"):
            rel = file.relative_to(self.site_dir).as_posix()
            if rel not in self.added and not rel.startswith(OUTPUT_SUBDIR + "/"):
                out.append(rel)
        return sorted(out)

    def _stop(self, message: str) -> None:
        if self.error is None:
            self.error = message
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()
        self.close()

    # -- shards

    def _open_shard(self) -> None:
        if self._proc is None:
            self._start()
        config = {"exclude_selectors": list(EXCLUDE)}
        self._index_id = int(self._request({"type": "NewIndex", "config": config})["index_id"])
        self._in_shard = 0
        self._chars_in_shard = 0

    def _write_shard(self) -> None:
        """Write the open shard to its folder and free Pagefind's memory of it."""
        output = self.site_dir / shard_dir(self.shards)
        self._request({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output)})
        self._written(output / ENTRY_FILE)
        self._settled(output)
        self._index_id = None
        self.shards += 1
        self.close()  # the next shard starts a fresh process (see the module's docstring)

    def _settled(self, output: Path) -> None:
        """Wait until Pagefind holds no file under ``output`` open: it answers WriteFiles once it has
        handed each file's last bytes to a background writer (tokio's ``File``, never flushed), and
        stopping it then cut files short (a 6-page bundle's ``pagefind-modular-ui.js``). That writer
        holds the file open until its write has returned, so a file closed is a file whole. Linux's
        /proc lists a process's open files; where it cannot, wait WRITES_SETTLED s."""
        proc, deadline = self._proc, time.monotonic() + min(self.timeout, 60.0)
        if proc is None:
            return
        folder, inside = f"/proc/{proc.pid}/fd", os.path.realpath(output) + os.sep  # /proc shows real paths
        while time.monotonic() < deadline:
            try:
                names = os.listdir(folder)
            except OSError:
                if proc.poll() is None:  # /proc cannot tell (not Linux, or not readable): a fixed wait
                    time.sleep(WRITES_SETTLED)
                return  # else Pagefind is gone: it writes no more
            if not any(_target(f"{folder}/{name}").startswith(inside) for name in names):
                return
            time.sleep(0.005)

    def _written(self, entry: Path) -> None:
        """Wait until the shard's entry file is whole: Pagefind may answer before it is on disk, and
        a Pagefind stopped then leaves it empty (seen at 10,000 pages: the last shard's, 0 bytes)."""
        deadline = time.monotonic() + min(self.timeout, 60.0)
        while True:
            try:
                json.loads(entry.read_bytes())
                return
            except (OSError, ValueError):
                self._check()
                if time.monotonic() > deadline:
                    raise _Stopped(f"Pagefind did not write {entry.name} of its index: {NO_SEARCH}") from None
                time.sleep(0.05)

    # -- the service process

    def _start(self) -> None:
        exe = self.executable or pagefind_executable()
        if exe is None:
            raise _Stopped(f"Pagefind not found (pip install 'pagefind[bin]'): {NO_SEARCH}")
        self.site_dir.mkdir(parents=True, exist_ok=True)
        if self._fresh:
            shutil.rmtree(self.site_dir / OUTPUT_SUBDIR, ignore_errors=True)  # a previous build's shards
            self._fresh = False
        self._outbox = queue.Queue()
        self._stderr = tempfile.TemporaryFile()
        try:
            # Run in the site folder: Pagefind makes each page's URL from its path there, as its command line does.
            self._proc = subprocess.Popen([exe, "--service"], cwd=self.site_dir, stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=self._stderr)
        except OSError as exc:
            raise _Stopped(f"Pagefind could not be started ({exe}): {exc}: {NO_SEARCH}") from None
        threading.Thread(target=self._write_loop, args=(self._proc, self._outbox), daemon=True).start()
        threading.Thread(target=self._read_loop, args=(self._proc,), daemon=True).start()

    def _send(self, payload: dict[str, Any], wait: bool = False) -> int:
        message = json.dumps(payload).encode("utf-8")
        with self._lock:
            while self._last_id - self._answered >= IN_FLIGHT:  # Pagefind is far behind: the build waits
                self._check()
                self._lock.wait(timeout=min(1.0, self.timeout))
            if self._answered == self._last_id:  # Pagefind owed nothing: its time to answer starts now
                self._progress = time.monotonic()
            self._last_id += 1
            message_id = self._last_id
            if wait:
                self._waiting.add(message_id)
        envelope = b'{"message_id":%d,"payload":%s}' % (message_id, message)
        self._outbox.put(base64.b64encode(envelope) + b",")
        return message_id

    def _request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send ``payload`` and wait for Pagefind's answer to it."""
        message_id = self._send(payload, wait=True)
        with self._lock:
            while message_id not in self._replies:
                self._check()
                self._lock.wait(timeout=min(1.0, self.timeout))
            reply = self._replies.pop(message_id)
        if reply.get("type") == "Error":
            raise _Stopped(f"Pagefind failed: {reply.get('message')}: {NO_SEARCH}")
        return reply

    def _check(self) -> None:
        """Raise when Pagefind reported an error, stopped, or ran past the deadline."""
        if self._errors:
            raise _Stopped(f"Pagefind failed: {self._errors[0]}: {NO_SEARCH}")
        proc = self._proc
        if proc is None:
            raise _Stopped(f"Pagefind stopped: {NO_SEARCH}")
        if proc.poll() is not None:
            raise _Stopped(f"Pagefind stopped ({proc.returncode}): {self._stderr_tail() or 'no message'}: {NO_SEARCH}")
        if self._answered < self._last_id and time.monotonic() - self._progress > self.timeout:
            raise _Stopped(f"Pagefind gave no answer for {self.timeout:.0f} s and was stopped: {NO_SEARCH}")

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", errors="replace").strip()[-2000:]

    def _write_loop(self, proc: subprocess.Popen[bytes], outbox: queue.Queue[bytes | None]) -> None:
        stdin = proc.stdin
        assert stdin is not None
        try:
            while (message := outbox.get()) is not None:
                stdin.write(message)
                if outbox.empty():
                    stdin.flush()
            stdin.close()
        except (OSError, ValueError):  # Pagefind is gone: _check reports it
            pass

    def _read_loop(self, proc: subprocess.Popen[bytes]) -> None:
        stdout = proc.stdout
        assert stdout is not None
        pending = b""
        while chunk := os.read(stdout.fileno(), 1 << 16):  # what has arrived, without waiting for more
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                try:
                    reply = json.loads(base64.b64decode(message))
                    message_id, payload = reply.get("message_id"), reply.get("payload") or {}
                except ValueError:
                    continue
                with self._lock:
                    self._answered += 1
                    self._progress = time.monotonic()
                    if message_id in self._waiting:
                        self._waiting.discard(message_id)
                        self._replies[message_id] = payload
                    elif payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    self._lock.notify_all()
        with self._lock:
            self._lock.notify_all()


def _target(link: str) -> str:
    """Where a /proc fd link points ("" once the file is closed)."""
    try:
        return os.readlink(link)
    except OSError:
        return ""


def indexed_pages(site_dir: Path) -> list[str]:
    """Site-relative paths of the pages Pagefind indexes (those marked ``data-pagefind-body``), sorted."""
    out = []
    for file in site_dir.rglob("*.html"):
        rel = file.relative_to(site_dir).as_posix()
        if not rel.startswith(OUTPUT_SUBDIR + "/") and BODY_MARK in file.read_bytes():
            out.append(rel)
    return sorted(out)


def index_site(site_dir: Path, executable: str | None = None, timeout: float = TIMEOUT,
               shard_pages: int = SHARD_PAGES) -> IndexResult:
    """Index a site already written (its marked pages in path order); the bundle lands in ``site_dir/pagefind/``."""
    indexer = Indexer(site_dir, executable, shard_pages=shard_pages, timeout=timeout)
    return indexer.finish()
