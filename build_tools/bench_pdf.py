"""PDF reading speed and the default site's build time (the PDF part of ``benchmark.py``).

    python build_tools/benchmark.py --pdf          # this part only
    python build_tools/bench_pdf.py [--runs 3]     # the same

* **PDF pages per second** over the corpus PDFs (``../shared/corpus/originals``):
  per PDF, CPU time per page (``time.process_time``: steadier than wall time
  on a shared machine), median over the PDFs, for the reader itself (PDFium
  glyphs to paragraphs) and for bare character extraction by each library:
  PDFium (what the reader uses) and pdfplumber (the reader before, measured
  only when it is installed; it is no longer a dependency).
* **The default site** (this project's ``mkdocs.yml`` and ``source_docs``,
  copied to a temporary folder): cold build (empty parse cache) and warm build
  (cache filled), medians of ``--runs``, against a plain Material build of the
  same texts (every ``.txt``/``.md`` as a page, the default search plugin).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

ORIGINALS = ROOT.parent / "shared" / "corpus" / "originals"


def _per_page_ms(paths: list[Path], work) -> float:  # noqa: ANN001 - work(data) -> pages read
    """Median over the PDFs of CPU milliseconds per page."""
    per_page = []
    for path in paths:
        data = path.read_bytes()
        started = time.process_time()
        pages = work(data)
        per_page.append((time.process_time() - started) * 1000 / max(pages, 1))
    return statistics.median(per_page)


def _reader(data: bytes) -> int:
    from mkdocs_resolutions._internal.readers.pdf import read_pdf
    from mkdocs_resolutions._internal.readers.pdf_glyphs import open_pdf

    read_pdf(data, "x.pdf")
    doc = open_pdf(data)
    try:
        return len(doc)
    finally:
        doc.close()


def _pdfium_chars(data: bytes) -> int:
    from mkdocs_resolutions._internal.readers.pdf_glyphs import open_pdf, page_glyphs

    doc = open_pdf(data)
    try:
        for index in range(len(doc)):
            page_glyphs(doc, index)
        return len(doc)
    finally:
        doc.close()


def _pdfplumber_chars(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.chars  # noqa: B018 - the extraction is the work measured
            page.close()
        return len(pdf.pages)


def pdf_speed(folder: Path = ORIGINALS) -> list[tuple[str, float]]:
    """(what, median CPU ms per page) for the reader and each library's character extraction."""
    paths = sorted(folder.glob("*.pdf"))
    rows = [("reader (PDFium), glyphs to paragraphs", _per_page_ms(paths, _reader))]
    rows.append(("PDFium characters only", _per_page_ms(paths, _pdfium_chars)))
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        rows.append(("pdfplumber characters only: not installed (the reader before measured 140 ms a page)", 0.0))
    else:
        rows.append(("pdfplumber characters only", _per_page_ms(paths, _pdfplumber_chars)))
    return rows


def _copy_default_site(dest: Path) -> Path:
    site = dest / "default"
    shutil.copytree(ROOT / "source_docs", site / "source_docs")
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    if (ROOT / "site_overrides").is_dir():
        shutil.copytree(ROOT / "site_overrides", site / "site_overrides")
    return site


def _plain_site(dest: Path) -> Path:
    from build_tools.benchmark import PLAIN_CONFIG

    site = dest / "plain"
    (site / "docs").mkdir(parents=True)
    for path in sorted((ROOT / "source_docs").iterdir()):
        if path.suffix in (".txt", ".md") and path.name not in ("index.md", "about.md"):
            (site / "docs" / f"{path.stem}.md").write_text(f"# {path.stem}\n\n" + path.read_text(encoding="utf-8"), "utf-8")
    (site / "docs" / "index.md").write_text("# Default site, plain\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return site


def site_builds(runs: int = 3) -> dict[str, tuple[float, float]]:
    """Median (wall s, CPU s) of the default site cold and warm, and of a plain Material build."""
    from build_tools.benchmark import build

    figures: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="res-bench-pdf-") as tmp:
        ours = _copy_default_site(Path(tmp))
        plain = _plain_site(Path(tmp))
        for _ in range(runs):
            shutil.rmtree(ours / ".cache", ignore_errors=True)
            for label, site in (("cold", ours), ("warm", ours), ("plain", plain)):
                run = build(site)
                figures[label].append((run.seconds, run.cpu))
    return {k: (statistics.median(s for s, _ in v), statistics.median(c for _, c in v)) for k, v in figures.items()}


def report(runs: int = 3) -> str:
    lines = ["PDF reading (median over the corpus PDFs, CPU time per page):"]
    for what, ms in pdf_speed():
        lines.append(f"  {what}: {ms:.1f} ms/page, {1000 / ms:.0f} pages/s" if ms else f"  {what}")
    builds = site_builds(runs)
    plain_wall, plain_cpu = builds["plain"]
    lines.append(f"Default site ({len(list((ROOT / 'source_docs').glob('*.pdf')))} PDFs), median of {runs} builds:")
    for label in ("cold", "warm"):
        wall, cpu = builds[label]
        lines.append(
            f"  {label}: {wall:.1f} s wall, {cpu:.1f} s CPU; ×{wall / plain_wall:.2f} wall, ×{cpu / plain_cpu:.2f} CPU of plain"
        )
    lines.append(f"  plain Material build of the same texts: {plain_wall:.1f} s wall, {plain_cpu:.1f} s CPU")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3; medians are quoted)")
    args = parser.parse_args(argv)
    if not ORIGINALS.is_dir():
        print(f"corpus not found: {ORIGINALS}", file=sys.stderr)
        return 2
    print(report(args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
