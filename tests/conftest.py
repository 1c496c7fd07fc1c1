"""Shared paths. Tests that need ../shared skip with a reason where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

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
