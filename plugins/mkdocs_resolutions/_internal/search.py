"""Pagefind glue: what a resolution page tells the search index, and running the indexer.

Pagefind indexes the built HTML at the end of the build. Each resolution page
is wrapped in ``data-pagefind-body`` (so browse pages, which name every symbol,
stay out of the index), carries filters (organ, session, kind, year) as empty
elements, and a heavily weighted line of the forms its symbol is searched by
("A/RES/80/229", "80/229"), so a symbol query puts that document first.
Paragraph-level hits are worked out in the browser (``search.js``) from the
ids Pagefind records as anchors (``pp-3``, ``op-7``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .model import Metadata

OUTPUT_SUBDIR = "pagefind"
# Page furniture that would pollute words and excerpts ("kidnapping11", "¶").
EXCLUDE = ("sup.res-fnref", ".res-permalink", ".res-backref", ".res-notice")


def symbol_keys(symbol: str | None) -> list[str]:
    """The forms a reader types for ``symbol``: itself, and "80/229" for "A/RES/80/229"."""
    if not symbol:
        return []
    keys = [symbol]
    short = re.fullmatch(r"[A-Z]+/RES/(\d+/\d+[A-Z]?|\d+\s?\(\d{4}\))", symbol)
    if short:
        keys.append(short.group(1))
    return keys


def filters(meta: Metadata) -> dict[str, str]:
    """Filter values of a page: organ, session, kind and year, where known."""
    out: dict[str, str] = {}
    if meta.organ:
        out["organ"] = meta.organ
    if meta.session_number:
        out["session"] = str(meta.session_number)
    kind = meta.kind.value
    out["kind"] = kind if kind != "document" else "other"
    if meta.iso_date:
        out["year"] = meta.iso_date[:4]
    return out


def _attr(value: str) -> str:
    return escape(value, quote=True)


def wrap(html: str, meta: Metadata | None) -> str:
    """``html`` (a page body) marked for Pagefind: indexed, filtered, findable by symbol.

    ``meta`` None: an ordinary page (home, about), indexed without filters.
    """
    if meta is None:
        return f"<div data-pagefind-body>{html}</div>"
    parts = ["<div data-pagefind-body>"]
    for name, value in filters(meta).items():
        # Inline "name:value" form; a comma would start a second filter, so none may appear.
        parts.append(f'<span data-pagefind-filter="{_attr(name)}:{_attr(value.replace(",", " "))}"></span>')
    keys = symbol_keys(meta.symbol)
    if keys:
        parts.append(f'<span data-pagefind-meta="symbol:{_attr(keys[0].replace(",", " "))}"></span>')
        parts.append(f'<p class="res-search-keys" hidden data-pagefind-weight="10">{escape(" ".join(keys))}</p>')
    parts.append(html)
    parts.append("</div>")
    return "".join(parts)


@dataclass
class IndexResult:
    ok: bool
    message: str


def pagefind_executable() -> str | None:
    """The Pagefind binary bundled with the ``pagefind[bin]`` package, else one on PATH."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-not-found]

        return str(get_executable())
    except Exception:
        return shutil.which("pagefind")


# Pagefind indexes about 100 pages a second here; a run this long is stuck (it once blocked,
# idle, on a page directory where its bundle must write a file), so the build does not wait for ever.
TIMEOUT = 1800


def index_site(site_dir: Path, executable: str | None = None, timeout: float = TIMEOUT) -> IndexResult:
    """Run Pagefind over the built site; the bundle lands in ``site_dir/pagefind/``."""
    exe = executable or pagefind_executable()
    if exe is None:
        return IndexResult(False, "Pagefind not found (pip install 'pagefind[bin]'): the site has no search")
    cmd = [exe, "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR, "--silent"]
    for selector in EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return IndexResult(False, f"Pagefind did not finish in {timeout:g} s and was stopped: the site has no search index")
    except OSError as err:
        return IndexResult(False, f"Pagefind could not be started ({err}): the site has no search")
    if proc.returncode != 0:
        return IndexResult(False, f"Pagefind failed ({proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}")
    return IndexResult(True, proc.stdout.strip())
