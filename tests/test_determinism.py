"""Two clean builds of the same sources give byte-identical sites.

MkDocs stamps build dates in ``sitemap.xml`` (``lastmod``) and in the gzip
header of ``sitemap.xml.gz``; both follow ``SOURCE_DATE_EPOCH`` when it is set
(https://reproducible-builds.org/specs/source-date-epoch/). Reproducible builds
are therefore run as ``SOURCE_DATE_EPOCH=<commit time> mkdocs build``. The two
builds here also use different project folders and run at different times,
so neither absolute paths nor the clock may leak into the output.

One known exception, outside this project: Pagefind (the search bundle in
``pagefind/``) writes its filter and metadata indexes from hash maps in
arbitrary order (upstream Pagefind/pagefind#638: fragments are stable since
1.3.0, "other files will still change, such as the filter/metadata indexes").
Those files, and ``pagefind-entry.json`` which names them by hash, are
compared by content (decompressed, as byte multisets) instead of bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import time

import pytest

from .conftest import SEED
from .hostile_support import build, make_project
from .test_hostile import MD_NOTES, NUMBERING

EPOCH = "1700000000"  # 2023-11-14T22:13:20Z


def _files() -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {"numbering.txt": NUMBERING, "notes.txt": MD_NOTES, "seed.txt": SEED.read_bytes()}
    corpus = SEED.parents[1] / ".." / "shared" / "corpus"
    for name in ("A-RES-79-1.txt", "A-80-L.11.txt"):  # cited by others, with annexes and notes
        if (corpus / name).exists():
            files[name] = (corpus / name).read_bytes()
    return files


_UNSTABLE = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def _tree(site) -> dict[str, str]:
    """Path -> hash of every file, except Pagefind's unordered indexes (see :func:`_unstable`)."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file() and not _UNSTABLE.match(p.relative_to(site).as_posix())}


def _unstable(site) -> list[tuple[str, list[int]]]:
    """Pagefind's filter indexes as sorted byte lists: equal when they hold the same entries in any order."""
    out = []
    for p in sorted(site.rglob("*")):
        rel = p.relative_to(site).as_posix()
        if p.is_file() and rel.endswith(".pf_filter"):  # the meta index names these by hash: not compared
            out.append(("filter", sorted(gzip.decompress(p.read_bytes()))))
    return sorted(out)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    sites = []
    for k in range(2):
        project = make_project(tmp_path_factory.mktemp(f"det{k}") / f"project-{k}", _files())
        proc = build(project, project / "site", strict=False, env={"SOURCE_DATE_EPOCH": EPOCH})
        assert proc.returncode == 0, proc.stderr[-3000:]
        sites.append(project / "site")
        if k == 0:
            time.sleep(1.1)  # a second apart: a wall-clock second in the output would show
    return sites


def test_two_clean_builds_are_byte_identical(two_builds):
    first, second = (_tree(site) for site in two_builds)
    assert sorted(first) == sorted(second)
    differ = [path for path in first if first[path] != second[path]]
    assert differ == []
    assert len(first) > 20
    assert any(path.startswith("pagefind/fragment/") for path in first)
    assert _unstable(two_builds[0]) == _unstable(two_builds[1])


def test_no_absolute_path_in_the_output(two_builds):
    for site in two_builds:
        project = str(site.parent)
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".css"):
                assert project not in path.read_text(encoding="utf-8", errors="replace"), path


def test_build_date_follows_source_date_epoch(two_builds):
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert lastmods <= {"2023-11-14"}
    with gzip.open(site / "sitemap.xml.gz", "rb") as gz:
        assert gz.read().decode("utf-8") == sitemap
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == 1700000000 - 1700000000 % 86400  # the date, at midnight


def test_a_rebuild_over_the_cache_is_identical(two_builds, tmp_path):
    """The on-disk analysis cache must not change what is built."""
    site = two_builds[0]
    project = site.parent
    again = tmp_path / "again"
    proc = build(project, again, strict=False, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert proc.returncode == 0
    assert _tree(again) == _tree(site)
    shutil.rmtree(again)
