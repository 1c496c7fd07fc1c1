"""Parse time per document, by form, and the time of a full build of the site.

    python build_tools/parse_times.py [FOLDER ...] [--build]
    python build_tools/parse_times.py --save FILE     # every form's analysis, as read today
    python build_tools/parse_times.py --compare FILE  # the same analyses now? (exit 1 and a list if not)

Each text is read (and its citations found) three times; the median of the
three is its time, wall and CPU (the process's own, steadier on a shared
machine). Figures are medians and the worst document, since the machines this
runs on are shared and noisy. ``--build`` also times ``mkdocs build`` of the
project (cold cache, then warm).

``--save``/``--compare`` guard speed work on the readers: a faster reader must
give the same model. They read every text of the corpus in every form (plain
text, markdown, PDF, and the plain texts other extractors make of the PDFs: see
``build_tools/extractor_forms.py``) and of ``source_docs``, and keep each
analysis whole (document, citations, ibid sources, diagnostics) as its
``repr``: save before the change, compare after it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from mkdocs_resolutions._internal.corpus import analyse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
Times = dict[str, list[tuple[float, float, str]]]  # form -> [(wall s, CPU s, file name)]


def parse_times(folder: Path) -> Times:
    by_form: Times = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".pdf")):
        data = path.read_bytes()
        if path.suffix == ".md" and b"Distr.:" not in data[:4000]:
            continue
        walls, cpus = [], []
        for _ in range(3 if path.suffix != ".pdf" else 1):
            wall, cpu = time.perf_counter(), time.process_time()
            analyse(data, path.name)
            cpus.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - wall)
        by_form.setdefault(path.suffix, []).append((statistics.median(walls), statistics.median(cpus), path.name))
    return by_form


def build_time() -> float:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out],
            cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return time.perf_counter() - start


def sources(corpus: Path = CORPUS) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every text of ``source_docs`` and of every form of the corpus."""
    sys.path.insert(0, str(ROOT))  # run as a script: build_tools is not installed
    from build_tools.extractor_forms import SUFFIX, forms

    for folder in (ROOT / "source_docs", corpus, corpus / "markdown", corpus / "originals"):
        for path in sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".md", ".pdf")):
            yield f"{folder.name}/{path.name}", path.read_bytes()
    for pdf in sorted((corpus / "originals").glob("*.pdf")):
        for form, make in forms(pdf).items():
            if form in ("PDF", "PyMuPDF text", "markdown"):  # read above, from their folders
                continue
            data = make()
            if data is not None:
                yield f"{form}/{pdf.stem}{SUFFIX.get(form, '.txt')}", data


def models(corpus: Path = CORPUS) -> dict[str, str]:
    """Each source's whole analysis as its ``repr`` (every field of the model is in it)."""
    return {name: repr(analyse(data, name.rsplit("/", 1)[1])) for name, data in sources(corpus)}


def compare(saved: dict[str, str], now: dict[str, str]) -> list[str]:
    """The sources whose analysis differs (or that only one side read)."""
    return sorted(name for name in saved.keys() | now.keys() if saved.get(name) != now.get(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "source_docs"])
    parser.add_argument("--build", action="store_true", help="also time mkdocs build (cold, then warm cache)")
    parser.add_argument("--save", type=Path, help="write every form's analysis to this file (gzipped JSON)")
    parser.add_argument("--compare", type=Path, help="read every form again and compare with a --save file")
    args = parser.parse_args(argv)
    if args.save:
        found = models()
        args.save.write_bytes(gzip.compress(json.dumps(found, sort_keys=True).encode()))
        print(f"{len(found)} analyses saved to {args.save}")
        return 0
    if args.compare:
        differ = compare(json.loads(gzip.decompress(args.compare.read_bytes())), models())
        print("\n".join(differ) or "every analysis is the same")
        return 1 if differ else 0
    for folder in args.folders:
        for form, times in sorted(parse_times(folder).items()):
            worst = max(times)
            print(
                f"{folder.name}/*{form}: {len(times)} documents, "
                f"median {statistics.median(t[0] for t in times) * 1000:.1f} ms "
                f"(CPU {statistics.median(t[1] for t in times) * 1000:.1f} ms), "
                f"worst {worst[0] * 1000:.0f} ms ({worst[2]}), "
                f"total {sum(t[0] for t in times):.2f} s (CPU {sum(t[1] for t in times):.2f} s)"
            )
    if args.build:
        cache = ROOT / ".cache" / "resolutions"
        shutil.rmtree(cache, ignore_errors=True)
        print(f"mkdocs build, cold cache: {build_time():.1f} s")
        print(f"mkdocs build, warm cache: {build_time():.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
