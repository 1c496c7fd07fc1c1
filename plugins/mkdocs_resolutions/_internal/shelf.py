"""The parse cache on disk: byte strings by key and kind, in one SQLite file in the cache folder.

One file, not a file per text: a cold build writes an entry per text (two in a large build),
and creating thousands of files costs the kernel far more than rows in one file (ext4 looks
past every recently deleted inode for a free one, so a cache just cleared makes it slower
still: about a second of CPU for 1,000 texts). SQLite also lets the forked parse workers
write at once, each over its own connection (write-ahead log, waits on the lock).
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import sqlite3
except ImportError:  # a Python built without SQLite: the build keeps its analyses in memory (corpus.Cache.shelf)
    AVAILABLE = False
else:
    AVAILABLE = True

FILE = "analyses.sqlite"
_inherited: list[sqlite3.Connection] = []  # a parent's connections a forked child holds but must never use or close


class Shelf:
    """Entries of the cache folder ``folder``. Every failure to read or write (a read-only folder,
    a broken file) reads as a missing entry or a refused write: the build makes the entry again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def _connection(self) -> sqlite3.Connection:
        if self._db is not None and self._pid != os.getpid():  # forked with it open: SQLite forbids its use here
            _inherited.append(self._db)
            self._db = None
        if self._db is None:
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError):  # cannot open or lock: not a broken file
                    raise
                for suffix in ("", "-wal", "-shm"):  # not a database: made again
                    (self.folder / (FILE + suffix)).unlink(missing_ok=True)
                self._db = self._open()
            self._pid = os.getpid()
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.folder / FILE, timeout=600, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last entries to a power cut is harmless
            db.execute("CREATE TABLE IF NOT EXISTS entries "
                       "(key TEXT NOT NULL, kind TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (key, kind))")
        except BaseException:
            db.close()
            raise
        return db

    def get(self, key: str, kind: str) -> bytes | None:
        try:
            row = self._connection().execute("SELECT value FROM entries WHERE key = ? AND kind = ?", (key, kind)).fetchone()
        except (OSError, sqlite3.Error):
            return None
        return bytes(row[0]) if row else None

    def has(self, key: str, kind: str) -> bool:
        try:
            return self._connection().execute("SELECT 1 FROM entries WHERE key = ? AND kind = ?", (key, kind)).fetchone() is not None
        except (OSError, sqlite3.Error):
            return False

    def put(self, key: str, kind: str, value: bytes) -> bool:
        """Keep ``value``; False where the folder cannot take it."""
        try:
            self._connection().execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, kind, value))
        except (OSError, sqlite3.Error):
            return False
        return True

    def keys(self, kind: str) -> list[str]:
        """The keys held of ``kind``, sorted."""
        try:
            return [k for (k,) in self._connection().execute("SELECT key FROM entries WHERE kind = ? ORDER BY key", (kind,))]
        except (OSError, sqlite3.Error):
            return []

    def close(self) -> None:
        """Close this process's connection: before forking, as none may cross into a child."""
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        elif self._db is not None:
            _inherited.append(self._db)
        self._db = None
