"""Build throw-away sites from the corpus (for browse, search and page-size tests).

Builds are memoised per test process: the corpus site is built once and shared
by every test module. Parsed texts are cached in the repo's ``.cache/resolutions``
(as a normal build does), so repeated runs only pay for rendering and Pagefind.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from .conftest import CORPUS, ROOT, need_corpus

CONFIG = """site_name: Corpus test site
docs_dir: docs
site_dir: site
use_directory_urls: true
nav:
  - Home: index.md
  - Browse: browse/index.md
  - About: about.md
theme:
  name: material
  features: [navigation.instant, navigation.prune]
plugins:
  - resolutions:
      cache_dir: {cache}
      search: {search}
"""

_TMP = Path(tempfile.mkdtemp(prefix="res-sites-"))
atexit.register(shutil.rmtree, _TMP, True)


def benchmark_module():
    """build_tools/benchmark.py as a module (it makes the synthetic corpora)."""
    spec = importlib.util.spec_from_file_location("res_benchmark", ROOT / "build_tools" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def build(folder: Path, *, search: bool = True) -> Path:
    """Build the site whose texts are in ``folder/docs``; returns the site folder."""
    for name in ("index.md", "about.md"):
        shutil.copy(ROOT / "source_docs" / name, folder / "docs" / name)
    (folder / "mkdocs.yml").write_text(
        CONFIG.format(cache=ROOT / ".cache" / "resolutions", search=str(search).lower()),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"build failed:\n{proc.stderr[-4000:]}")
    return folder / "site"


@lru_cache(maxsize=None)
def corpus_site(extra: int = 0, search: bool = True) -> Path:
    """The 160 corpus texts and the seed, plus ``extra`` synthetic copies (renumbered symbols)."""
    need_corpus()
    folder = _TMP / f"corpus-{extra}-{int(search)}"
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for text in sorted(CORPUS.glob("*.txt")):
        shutil.copy(text, docs / text.name)
    shutil.copy(ROOT / "source_docs" / "000_780746b198b85f4a.txt", docs)
    if extra:
        synthetic = folder / "synthetic"
        written = benchmark_module().make_corpus(len(list(CORPUS.glob("*.txt"))) + extra, synthetic)
        for name, _symbol in written[-extra:]:
            shutil.copy(synthetic / name, docs / name)
    return build(folder, search=search)


def resolution_pages(site: Path) -> dict[str, Path]:
    """Site-relative directory URL -> file, for every page holding a resolution."""
    out = {}
    for page in site.rglob("index.html"):
        head = page.read_text(encoding="utf-8")
        if 'class="res-doc' in head:
            out[page.parent.relative_to(site).as_posix() + "/"] = page
    return out
