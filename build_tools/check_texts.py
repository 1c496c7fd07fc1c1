"""Check a folder of resolution texts before publishing them.

Prints, per document, the counts (preambular, operative, footnotes, markers,
citations) and every warning, then a summary. A warning the site's
``known_defects`` (in mkdocs.yml) accepts is shown as known and does not
count; exits 1 when a text has any other warning or a ``known_defects``
entry accepts nothing, as ``mkdocs build --strict`` would fail; 0 otherwise.
Parsed texts come from the site's cache (``cache_dir``), so a second run is quick.

    python build_tools/check_texts.py source_docs
    python build_tools/check_texts.py some/folder --config other/mkdocs.yml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

import yaml

from mkdocs_resolutions._internal.corpus import CACHE_DIR, Cache
from mkdocs_resolutions._internal.diagnostics import ConfigError, KnownDefects

SUFFIXES = (".txt", ".md", ".pdf")


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!ENV``, ``!!python/name:``): they become None."""


_Loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)


def plugin_options(config: Path) -> dict[str, Any]:
    """The ``resolutions`` plugin's options in an mkdocs.yml ({} when it has none)."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader) or {}
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: value} for name, value in plugins.items()]
    for item in plugins:
        if isinstance(item, dict) and "resolutions" in item:
            return item["resolutions"] or {}
    return {}


def check(folder: Path, known: KnownDefects | None = None, cache: Cache | None = None, out: TextIO | None = None) -> int:
    """Print the report for every text under ``folder``; return the number of problems that fail a strict build."""
    out = out or sys.stdout
    known = known or KnownDefects()
    cache = cache or Cache()
    known.reset()
    flagged = accepted = 0
    files = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    checked: set[str] = set()
    print(f"{'document':<32} {'pp':>4} {'op':>4} {'notes':>5} {'marks':>5} {'cites':>5}  warnings", file=out)
    for path in files:
        rel = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        if path.suffix == ".md" and b"Distr.:" not in data[:4000]:
            continue  # an ordinary page, not a resolution text
        checked.add(rel)
        result = cache.get(data, rel)
        doc = result.doc
        warnings = [d for d in result.diagnostics if d.level == "warning"]
        cites = sum(len(c) for c in result.citations.values())
        name = doc.meta.symbol or rel
        print(
            f"{name:<32} {len(doc.preambular()):>4} {len(doc.operative()):>4} {len(doc.footnotes):>5} "
            f"{len(list(doc.markers())):>5} {cites:>5}  {len(warnings)}",
            file=out,
        )
        new = 0
        for diag in warnings:
            if known.accepts(diag):
                accepted += 1
                print(f"    known: {diag}", file=out)
            else:
                new += 1
                print(f"    {diag}", file=out)
        flagged += bool(new)
    stale = known.stale(present=checked)
    for line in stale:
        print(line, file=out)
    print(f"{len(checked)} texts, {flagged} with new warnings, {accepted} known defects, {len(stale)} stale entries", file=out)
    return flagged + len(stale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .txt / .md / .pdf resolution texts")
    parser.add_argument("--config", type=Path, default=None,
                        help="mkdocs.yml whose known_defects and cache_dir apply (default: ./mkdocs.yml if there)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    config = args.config or (Path("mkdocs.yml") if Path("mkdocs.yml").is_file() else None)
    options = plugin_options(config) if config else {}
    try:
        known = KnownDefects.parse(options.get("known_defects"))
    except ConfigError as err:
        parser.error(f"{config}: {err}")
    cache_dir = options.get("cache_dir") or CACHE_DIR
    cache = Cache(config.parent / cache_dir) if config else Cache()
    return 1 if check(args.folder, known, cache) else 0


if __name__ == "__main__":
    sys.exit(main())
