"""Print the citation report of a folder of resolution texts.

    python build_tools/citation_report.py source_docs

The most cited documents, the most cited symbols the folder does not hold,
suspicious citations (a date that does not fit the cited session, ...) and
per-document counts. The same report is a page of the built site
(``reports/citations/``). Also prints how long the graph took to build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from mkdocs_resolutions._internal.corpus import Cache, Corpus
from mkdocs_resolutions._internal.graph import build_graph, citation_report

SUFFIXES = (".txt", ".pdf")


def load(folder: Path) -> Corpus:
    corpus, cache = Corpus(), Cache()
    for path in sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES):
        rel = path.relative_to(folder).as_posix()
        corpus.add(rel, cache.get(path.read_bytes(), rel))
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    corpus = load(args.folder)
    start = time.perf_counter()
    graph = build_graph(corpus)
    seconds = time.perf_counter() - start
    report = citation_report(graph, corpus, args.top)
    print(f"{len(corpus.entries)} documents, {graph.citations} citations; graph built in {seconds * 1000:.1f} ms\n")
    print("Most cited documents of the folder (citing documents, places):")
    for symbol, docs, places in report.most_cited:
        print(f"  {symbol:<24} {docs:>4} {places:>5}")
    print("\nMost cited symbols not in the folder (places):")
    for symbol, places in report.external:
        print(f"  {symbol:<24} {places:>5}")
    print(f"\nSuspicious citations ({len(report.suspicious)}):")
    for line in report.suspicious:
        print(f"  {line}")
    print("\nPer document (citations, to the folder, cited by):")
    for name, total, internal, cited_by in report.per_document:
        print(f"  {name:<24} {total:>5} {internal:>5} {cited_by:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
