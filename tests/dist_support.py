"""The package as users get it: an sdist, and a wheel built from that sdist, made once per test run."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .conftest import ROOT

SOURCES = ("pyproject.toml", "README.md", "CHANGELOG.md", "MANIFEST.in", "plugins")


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path
    log: str


@lru_cache(maxsize=1)
def built() -> Dist:
    """``python -m build`` on a copy of the declared sources (the checkout is left untouched)."""
    tmp = Path(tempfile.mkdtemp(prefix="res-dist-"))
    atexit.register(shutil.rmtree, tmp, True)
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(path, src / name)
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(tmp / "dist"), str(src)],
                          capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"python -m build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    (sdist,) = (tmp / "dist").glob("mkdocs_resolutions-*.tar.gz")
    (wheel,) = (tmp / "dist").glob("mkdocs_resolutions-*.whl")
    return Dist(sdist, wheel, proc.stdout + proc.stderr)
