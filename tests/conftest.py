"""Shared paths. Tests that need ../shared skip with a reason where it is absent."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mkdocs_resolutions._internal.corpus import Cache

if TYPE_CHECKING:
    from mkdocs_resolutions._internal.readers.pdf import _Reader

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = ROOT / "source_docs" / "000_780746b198b85f4a.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def need_corpus() -> Path:
    """The corpus folder, or skip: corpus-wide tests run in CI, where ../shared exists."""
    if not (CORPUS / "manifest.json").exists():
        pytest.skip(f"../shared/corpus not found next to the project root ({CORPUS.name}); corpus tests need it")
    return CORPUS


@pytest.fixture(scope="session")
def analyses() -> Cache:
    """One in-memory analysis cache for the test session: a text several modules read is parsed once."""
    return Cache()


@cache
def pdf_reader(path: Path) -> _Reader:
    """The PDF reader's state after reading ``path``, once per test session whichever test asks
    (the corpus sweeps read each PDF several times)."""
    from mkdocs_resolutions._internal.readers.pdf import _Reader

    reader = _Reader(path.read_bytes(), path.name)
    reader.read()
    return reader


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site (mkdocs.yml at the root), built once per test run with --strict."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("site") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return out
