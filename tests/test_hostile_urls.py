"""Symbols and file names that aim at other outputs, through a real ``mkdocs build``.

Each source has a word of its own ("caseNN"). After the build, every source's
word is on exactly one page and no page holds two sources' words; the site's
own outputs (home page, 404, sitemap, assets, the search bundle) are intact;
each displaced page is a warning naming its file, so ``--strict`` fails.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from .hostile_support import build, make_project, visible_text

BODY = "The General Assembly,\n\nRecalling its work on {word},\n\n1. Decides to act on {word}.\n"


def _fm(symbol: str) -> str:
    return f"---\nsymbol: {symbol}\n---\n"


# file -> (front matter symbol or None, expected warning fragment or None)
SOURCES: dict[str, tuple[str | None, str | None]] = {
    "a.txt": ("pagefind/pagefind.js", "collides with the search index"),
    "b.txt": ("index.html", "collides with index.md"),
    "c.txt": ("404.html", "collides with the site's 404.html"),
    "d.txt": ("sitemap.xml", "collides with the site's sitemap.xml"),
    "e.txt": ("assets/resolutions/resolutions.js", "collides with the site's assets"),
    "f.txt": ("sitemap.xml.gz", "collides with the site's sitemap.xml.gz"),
    "g.txt": ("robots.txt", "collides with the site's robots.txt"),
    "h.txt": ("search/search_index.json", "collides with the search index"),
    "long.txt": ("A/RES/" + "9" * 5000, "too long"),
    "segments.txt": ("/".join(["A"] * 600), "too long"),
    "q1.txt": ("A/RES/99/3?", None),
    "q2.txt": ("A/RES/99/3#", "collides with q1.txt"),
    "latin.txt": ("A/RES/99/5", None),
    "cyrillic-a.txt": ("\u0410/RES/99/5", "collides with latin.txt"),
    "cyrillic-b.txt": ("\u0411/RES/99/5", "U+0411 CYRILLIC CAPITAL LETTER BE"),
    "cyrillic-g.txt": ("\u0413/RES/99/5", "collides with cyrillic-b.txt"),
    "upper.txt": ("A/RES/99/6", None),
    "lower.txt": ("a/res/99/6", "collides with upper.txt"),
    "dot.txt": ("A/RES/99/7.", None),
    "dot2.txt": ("A/RES/99/7?", "collides with dot.txt"),
    "A/RES/99/8.txt": (None, "collides with sym8.txt"),
    "sym8.txt": ("A/RES/99/8", None),
    "browse.txt": (None, "collides with the browse pages"),
    "reports/citations.txt": (None, "collides with the citation report"),
    "..txt": (None, "collides with dotdot.txt"),  # a symbol's URL before a file name's
    "dotdot.txt": ("..", None),
    "traversal.txt": ("../../../outside", None),
    "rtl.txt": ("A/RES/99/9\u202e", "control or formatting characters"),
    "control.txt": ("A/RES/99/10\x01\x7f", "control or formatting characters"),
    "pct%2F..%2Fx.txt": (None, None),
    "about.txt": (None, "collides with about.md"),
    "mandates.txt": ("mandates.json", "collides with the mandate data"),
    "docjson.txt": ("A/RES/99/5/document.json", "collides with the pages' data files"),
}
ABOUT = "# About\n\nThis site.\n\n## General Assembly\n\nWhat it does.\n\n## Security Council\n\nWhat it does.\n"


def _word(k: int) -> str:
    return f"case{k:02d}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files: dict[str, str] = {"about.md": ABOUT}
    for k, (name, (symbol, _w)) in enumerate(SOURCES.items()):
        files[name] = (_fm(symbol) if symbol is not None else "") + BODY.format(word=_word(k))
    project = make_project(tmp_path_factory.mktemp("urls"), files)
    site = project / "site"
    proc = build(project, site, strict=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "Traceback" not in proc.stderr
    return project, site, proc.stderr


def _pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_every_source_is_on_exactly_one_page(built):
    _project, site, _log = built
    pages = _pages(site)
    texts = {path: visible_text(re.sub(r"(?s)<script.*?</script>", "", html)) for path, html in pages.items()}
    where = {_word(k): sorted(p for p, t in texts.items() if re.search(rf"\b{_word(k)}\b", t)) for k in range(len(SOURCES))}
    # A word also appears on pages that list documents (browse, report): count resolution pages only.
    where = {w: [p for p in ps if not p.startswith(("browse/", "reports/citations/"))] for w, ps in where.items()}
    assert {w: len(ps) for w, ps in where.items()} == {_word(k): 1 for k in range(len(SOURCES))}
    assert len({ps[0] for ps in where.values()}) == len(SOURCES)


def test_the_sites_own_outputs_are_intact(built):
    _project, site, _log = built
    assert "Test site" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "404.html").is_file() and (site / "sitemap.xml").is_file() and (site / "sitemap.xml.gz").is_file()
    asset = resources.files("mkdocs_resolutions._internal") / "assets" / "resolutions.js"
    assert (site / "assets/resolutions/resolutions.js").read_bytes() == asset.read_bytes()
    assert (site / "pagefind/pagefind.js").is_file()
    assert (site / "browse/index.html").is_file() and (site / "reports/citations/index.html").is_file()
    assert "General Assembly</h2>" in (site / "about/index.html").read_text(encoding="utf-8")  # an ordinary page


def test_nothing_is_written_outside_the_site(built):
    project, _site, _log = built
    assert not (project.parent / "outside").exists() and not (project / "outside").exists()


def test_every_path_is_short_and_plain(built):
    _project, site, _log = built
    for path in _pages(site):
        assert len(path) <= 220 and all(len(seg) <= 100 for seg in path.split("/")), path
        assert re.fullmatch(r"[A-Za-z0-9._~()/-]+", path), path


@pytest.mark.parametrize("name", [n for n, (_s, w) in SOURCES.items() if w])
def test_each_displaced_page_is_a_warning_naming_its_file(built, name):
    _project, _site, log = built
    fragment = SOURCES[name][1]
    lines = [line for line in log.splitlines() if line.startswith("WARNING") and f" {name}:1:" in line]
    assert any(fragment in line for line in lines), lines


def test_strict_build_fails(built, tmp_path):
    project, _site, _log = built
    proc = build(project, tmp_path / "site", strict=True)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr


def test_flat_urls_cannot_replace_the_home_page(tmp_path):
    files = {"x.txt": _fm("index") + BODY.format(word="flathome"), "y.txt": _fm("about") + BODY.format(word="flatabout"),
             "about.md": "# About\n\nAbout this site.\n"}
    project = make_project(tmp_path / "p", files, extra="\nuse_directory_urls: false\n")
    proc = build(project, tmp_path / "site", strict=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = tmp_path / "site"
    assert "Test site" in (site / "index.html").read_text(encoding="utf-8")
    assert "About this site" in (site / "about.html").read_text(encoding="utf-8")
    found = [p for p in site.rglob("*.html") if "flathome" in p.read_text(encoding="utf-8") and "browse" not in str(p)]
    assert len(found) == 1 and found[0].name.startswith("index-")
    assert "x.txt:1: symbol index would be published at index/" in proc.stderr
