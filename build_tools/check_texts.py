"""Check a folder of resolution texts before publishing them.

Prints, per document, the counts (preambular, operative, footnotes, markers,
citations) and every warning, then a summary. Exits 1 when any text has a
warning (an editor should look before publishing), 0 otherwise.

    python build_tools/check_texts.py source_docs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs_resolutions._internal.corpus import analyse

SUFFIXES = (".txt", ".md", ".pdf")


def check(folder: Path, out=sys.stdout) -> int:
    """Print the report for every text under ``folder``; return the number of texts with warnings."""
    flagged = 0
    files = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    print(f"{'document':<32} {'pp':>4} {'op':>4} {'notes':>5} {'marks':>5} {'cites':>5}  warnings", file=out)
    for path in files:
        rel = path.relative_to(folder).as_posix()
        if path.suffix == ".md" and b"Distr.:" not in path.read_bytes()[:4000]:
            continue  # an ordinary page, not a resolution text
        result = analyse(path.read_bytes(), rel)
        doc = result.doc
        warnings = [d for d in result.diagnostics if d.level == "warning"]
        cites = sum(len(c) for c in result.citations.values())
        name = doc.meta.symbol or rel
        print(
            f"{name:<32} {len(doc.preambular()):>4} {len(doc.operative()):>4} {len(doc.footnotes):>5} "
            f"{len(list(doc.markers())):>5} {cites:>5}  {len(warnings)}",
            file=out,
        )
        for diag in warnings:
            print(f"    {diag}", file=out)
        flagged += bool(warnings)
    print(f"{len(files)} files, {flagged} with warnings", file=out)
    return flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .txt / .md / .pdf resolution texts")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    return 1 if check(args.folder) else 0


if __name__ == "__main__":
    sys.exit(main())
