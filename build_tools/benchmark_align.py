"""Benchmark: paragraph alignment (changes pages) on the longest text of the corpus.

    python build_tools/benchmark_align.py [path/to/text]   # default ../shared/corpus/A-RES-79-1.txt

Aligns the text with itself, with one paragraph inserted, with every tenth
paragraph edited, and with those edits in shuffled order (every paragraph
moved: the slowest case), and prints the median of several runs of each.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from mkdocs_resolutions._internal.changes import Unit, align, units
from mkdocs_resolutions._internal.corpus import analyse

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "A-RES-79-1.txt"
RUNS = 7


def median_seconds(old: list[Unit], new: list[Unit]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        align(old, new)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"text not found: {path}", file=sys.stderr)
        return 2
    old = units(analyse(path.read_bytes(), path.name).doc)
    middle = len(old) // 2
    inserted = [*old[:middle], Unit("op-new", "operative", "body", "Decides to convene a high-level meeting on the matter;"), *old[middle:]]
    edited = [Unit(u.anchor, u.role, u.part, u.text.replace(" the ", " a ", 1)) if k % 10 == 0 else u for k, u in enumerate(old)]
    shuffled = edited[:]
    random.Random(1).shuffle(shuffled)
    print(f"{path.name}: {len(old)} paragraphs, median of {RUNS} runs")
    for name, new in (("itself", old), ("one paragraph inserted", inserted), ("every tenth paragraph edited", edited),
                      ("edited and shuffled", shuffled)):
        print(f"  {name:30} {median_seconds(old, new) * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
