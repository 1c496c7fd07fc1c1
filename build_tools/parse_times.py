"""Parse time per document, by form, and the time of a full build of the site.

    python build_tools/parse_times.py [FOLDER ...] [--build]

Each text is read (and its citations found) three times; the median of the
three is its time. Figures are medians and the worst document, since the
machines this runs on are shared and noisy. ``--build`` also times
``mkdocs build`` of the project (cold cache, then warm).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs_resolutions._internal.corpus import analyse

ROOT = Path(__file__).resolve().parents[1]


def parse_times(folder: Path) -> dict[str, list[tuple[float, str]]]:
    by_form: dict[str, list[tuple[float, str]]] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".pdf")):
        data = path.read_bytes()
        if path.suffix == ".md" and b"Distr.:" not in data[:4000]:
            continue
        runs = []
        for _ in range(3 if path.suffix != ".pdf" else 1):
            start = time.perf_counter()
            analyse(data, path.name)
            runs.append(time.perf_counter() - start)
        by_form.setdefault(path.suffix, []).append((statistics.median(runs), path.name))
    return by_form


def build_time() -> float:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out],
            cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "source_docs"])
    parser.add_argument("--build", action="store_true", help="also time mkdocs build (cold, then warm cache)")
    args = parser.parse_args(argv)
    for folder in args.folders:
        for form, times in sorted(parse_times(folder).items()):
            values = sorted(t for t, _ in times)
            worst = max(times)
            print(
                f"{folder.name}/*{form}: {len(times)} documents, median {statistics.median(values) * 1000:.1f} ms, "
                f"worst {worst[0] * 1000:.0f} ms ({worst[1]}), total {sum(values):.2f} s"
            )
    if args.build:
        cache = ROOT / ".cache" / "resolutions"
        shutil.rmtree(cache, ignore_errors=True)
        print(f"mkdocs build, cold cache: {build_time():.1f} s")
        print(f"mkdocs build, warm cache: {build_time():.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
