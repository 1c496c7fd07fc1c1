"""Broken texts through a real ``mkdocs build``: plain builds publish them, ``--strict`` refuses them.

One temporary project copies the site's ``mkdocs.yml`` around a docs folder of
broken texts. The plain build must succeed with every source word on each
page; the strict build must fail, and its log must name each file and line.
"""

from __future__ import annotations

import codecs

import pytest
from bs4 import BeautifulSoup

from .hostile_support import build, make_project, source_words, visible_text, words
from .test_hostile import MD_NOTES, NUMBERING, UNCLASSIFIABLE, UNCLOSED_STAR, UNCLOSED_SUP

BROKEN: dict[str, tuple[bytes, str, list[str]]] = {
    # file: (bytes, text the words come from, "path:line: message part" the log must hold)
    "binary.txt": (b"\x00\x01\x02binary\xff\xfe words here\n", "binary words here", ["binary.txt:1: binary content"]),
    "latin1.txt": (
        "The General Assembly,\n\nRecalling the café,\n\n1. Décide to act.\n".encode("latin-1"),
        "The General Assembly,\n\nRecalling the café,\n\n1. Décide to act.\n",
        ["latin1.txt:3: text is not UTF-8"],
    ),
    "numbering.txt": (NUMBERING.encode(), NUMBERING, ["numbering.txt:9: anchor 'op-7' already used", "numbering.txt:11: operative paragraph 9 follows 7"]),
    # Markdown-form texts in .txt files (a .md file without a UN cover is an ordinary MkDocs page).
    "notes.txt": (MD_NOTES.encode(), MD_NOTES, ["notes.txt:3: footnote marker 1 has no footnote text", "notes.txt:9: footnote 3 is never referenced"]),
    "sup.txt": (UNCLOSED_SUP.encode(), UNCLOSED_SUP, ["sup.txt:3: unclosed <sup>"]),
    "star.txt": (UNCLOSED_STAR.encode(), UNCLOSED_STAR, ["star.txt:3: an '*' that opens or closes no emphasis", "star.txt:5: an '*'"]),
    "empty.txt": (b"", "", ["empty.txt:1: empty file"]),
    "title.txt": (b"A title and nothing else\n", "A title and nothing else", ["title.txt:1: no paragraphs recognised"]),
    "contents.txt": (UNCLASSIFIABLE.encode(), UNCLASSIFIABLE, ["contents.txt:1: no paragraphs recognised"]),
}
CLEAN = {
    # Unusual but valid encodings: published without any warning, so --strict passes.
    "bom.txt": codecs.BOM_UTF8 + b"The General Assembly,\r\n\r\nRecalling its work,\r\n\r\n1. Decides to act.\r\n",
    "utf16.txt": "The General Assembly,\r\rRecalling its work,\r\r1. Decides to act.\r".encode("utf-16"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    files = {name: data for name, (data, _t, _w) in BROKEN.items()}
    return make_project(tmp_path_factory.mktemp("hostile"), {**files, **CLEAN})


@pytest.fixture(scope="module")
def plain_build(project):
    site = project / "site"
    proc = build(project, site, strict=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return site, proc.stderr


def _page(site, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name.rsplit(".", 1)[0] / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_plain_build_publishes_every_word(plain_build, name):
    site, log = plain_build
    _data, text, expected = BROKEN[name]
    article = _page(site, name).select_one("article")
    shown = words(visible_text(article))
    for li in article.select("section.res-footnotes li[value]"):
        shown.update(words(li["value"]))
    assert not source_words(text, markdown=name in ("notes.txt", "sup.txt", "star.txt")) - shown
    for part in expected:
        assert part in log, f"{part!r} not in the build log"


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_unusual_encodings_build_cleanly(plain_build, name):
    site, log = plain_build
    assert name not in log
    page = _page(site, name)
    assert page.select_one("#op-1").get_text(" ", strip=True).endswith("Decides to act.")


def test_strict_build_fails_and_names_each_file_and_line(project, tmp_path):
    proc = build(project, tmp_path / "site", strict=True)
    assert proc.returncode != 0
    for _data, _text, expected in BROKEN.values():
        for part in expected:
            assert part in proc.stderr


def test_strict_build_of_the_clean_files_passes(tmp_path):
    project = make_project(tmp_path / "p", dict(CLEAN))
    proc = build(project, tmp_path / "site", strict=True)
    assert proc.returncode == 0, proc.stderr[-4000:]


@pytest.mark.parametrize("name", ["contents.txt", "title.txt", "binary.txt"])
def test_unreadable_texts_are_pages_with_a_notice(plain_build, name):
    site, _log = plain_build
    article = _page(site, name).select_one("article")
    assert "could not be read as a resolution" in article.select_one(".res-notice").get_text()
    assert article.select_one("pre") is not None
