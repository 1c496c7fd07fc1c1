"""Find the mandates of a folder of texts at two git revisions: every field compared, and the CPU it took.

A speed-up of the mandate finder must find the same mandates; this proves it on
a whole corpus. Each revision is checked out into a temporary worktree; its own
plugin (``plugins/`` first on ``PYTHONPATH``) reads every text of the folder and
finds its mandates several times. The first pass's mandates (every field of every
mandate and call, in reading order) are compared; the CPU time of a pass over the
folder (``find_mandates`` only, not the reading) is the median of the passes.

    .venv/bin/python build_tools/compare_mandates.py main HEAD ../shared/corpus     # exit 1 when they differ
    .venv/bin/python build_tools/compare_mandates.py main HEAD ../shared/corpus --passes 7
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run inside the revision's worktree: prints one JSON line per text, then the CPU of each pass.
_PROBE = r"""
import json, sys, time
from pathlib import Path
from mkdocs_resolutions._internal.corpus import analyse
from mkdocs_resolutions._internal.mandates import find_mandates

folder, passes = Path(sys.argv[1]), int(sys.argv[2])
docs = []
for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md")):
    doc = analyse(path.read_bytes(), path.name).doc
    if doc.fallback is None:
        docs.append((path.name, doc))
times = []
for i in range(passes):
    start = time.process_time()
    found = [find_mandates(doc) for _, doc in docs]
    times.append(time.process_time() - start)
    if i == 0:
        for (name, _), mandates in zip(docs, found):
            print(json.dumps({"text": name, "mandates": [m.to_dict() for m in mandates]}, sort_keys=True))
print(json.dumps({"times": times}))
"""


def run(revision: str, folder: Path, passes: int, workdir: Path) -> tuple[dict[str, list[dict]], list[float]]:
    """The mandates of every text of ``folder`` found by ``revision``, and the CPU seconds of each pass."""
    tree = workdir / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), revision], check=True)
    try:
        env = {**os.environ, "PYTHONPATH": str(tree / "plugins")}
        proc = subprocess.run([sys.executable, "-c", _PROBE, str(folder.resolve()), str(passes)],
                              cwd=tree, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"finding mandates at {revision} failed:\n{proc.stderr}")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return {x["text"]: x["mandates"] for x in lines[:-1]}, lines[-1]["times"]


def differences(a: dict[str, list[dict]], b: dict[str, list[dict]]) -> list[str]:
    """One line per text whose mandates differ (or that only one side read), naming the first difference."""
    out = []
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            out.append(f"{name}: read at one revision only")
        elif a[name] != b[name]:
            i = next((i for i, (x, y) in enumerate(zip(a[name], b[name])) if x != y), min(len(a[name]), len(b[name])))
            first = a[name][i] if i < len(a[name]) else None
            second = b[name][i] if i < len(b[name]) else None
            out.append(f"{name}: {len(a[name])} vs {len(b[name])} found; first difference at #{i}: {first} vs {second}")
    return out


def _median(values: list[float]) -> float:
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="git revision run first (e.g. main)")
    parser.add_argument("after", help="git revision run second (e.g. HEAD)")
    parser.add_argument("folder", type=Path, help="a folder of texts (e.g. ../shared/corpus)")
    parser.add_argument("--passes", type=int, default=5, help="passes over the folder at each revision (median CPU)")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, revision in enumerate((args.before, args.after)):
            (Path(tmp) / str(i)).mkdir()
            results.append(run(revision, args.folder, args.passes, Path(tmp) / str(i)))
    (found_a, times_a), (found_b, times_b) = results
    count = sum(len(m) for m in found_a.values())
    cpu_a, cpu_b = _median(times_a), _median(times_b)
    print(f"{len(found_a)} texts, {count} mandates and calls at {args.before}, "
          f"{sum(len(m) for m in found_b.values())} at {args.after}")
    print(f"find_mandates CPU per pass (median of {args.passes}): {args.before} {cpu_a * 1000:.0f} ms, "
          f"{args.after} {cpu_b * 1000:.0f} ms: {cpu_a / cpu_b:.2f}x")
    diff = differences(found_a, found_b)
    print(f"texts whose mandates differ: {len(diff)}")
    for line in diff:
        print(f"  {line}")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
