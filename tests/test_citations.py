"""Citation finder: exact expectations on the seed and real corpus paragraphs, plus
precision/recall on the hand-labelled set (tests/fixtures/citations/labelled.jsonl)."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.citations import Citation, find_citations

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "citations"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
SEED = SHARED / "seed" / "000_780746b198b85f4a.txt"


def _keys(cites: list[Citation]) -> Counter:
    out: Counter = Counter()
    for c in cites:
        if c.internal:
            out[(None, c.pinpoint)] += 1
        for s in c.symbols:
            out[(s, c.pinpoint)] += 1
    return out


def _expected(rec: dict) -> Counter:
    return Counter((e["symbol"], e["pinpoint"]) for e in rec["expected"])


def _load() -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / "labelled.jsonl").read_text(encoding="utf-8").splitlines()]


def score(records: list[dict]) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    misses: list[str] = []
    for rec in records:
        got = _keys(find_citations(rec["text"], organ=rec["organ"], path=rec["source"]).citations)
        want = _expected(rec)
        hit = got & want
        tp += sum(hit.values())
        extra = got - want
        lost = want - got
        fp += sum(extra.values())
        fn += sum(lost.values())
        for k in extra:
            misses.append(f"FP {rec['source']}[{rec.get('block')}] {k}")
        for k in lost:
            misses.append(f"FN {rec['source']}[{rec.get('block')}] {k}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, misses


def test_labelled_set_is_big_enough() -> None:
    records = _load()
    docs = {r["source"] for r in records if r["source"].startswith("corpus/")}
    assert sum(len(r["expected"]) for r in records) >= 300
    assert len(docs) >= 20
    assert any(r["source"].startswith("seed/") for r in records)


def test_precision_and_recall() -> None:
    precision, recall, misses = score(_load())
    print(f"\ncitation finder on the labelled set: precision {precision:.4f}, recall {recall:.4f}")
    for m in misses:
        print("  ", m)
    assert precision >= 0.99, misses
    assert recall >= 0.97, misses
