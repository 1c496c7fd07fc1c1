"""Authority between texts that claim one symbol, resolution detection for ``.md``, and bounds.

A text that claims a symbol the site already holds, with the same numbering but
other words, must not replace the genuine page: both are published, each links
the other, and a warning names both files (so ``--strict`` fails).
"""

from __future__ import annotations

import stat
import sys

import pytest
from bs4 import BeautifulSoup

from mkdocs_resolutions._internal import corpus as corpus_module
from mkdocs_resolutions._internal.corpus import Corpus, analyse, choose_forms
from mkdocs_resolutions._internal.graph import PREVIEW, Previews
from mkdocs_resolutions._internal.readers import has_un_cover
from mkdocs_resolutions._internal.indexer import index_site

from .hostile_support import build, make_project, visible_text

# A plain-text extraction: lines end in a space, blank lines hold one.
GENUINE = "\n".join([
    'United Nations ',
    'A/RES/99/30',
    ' ',
    ' ',
    'General Assembly ',
    'Distr.: General ',
    '1 January 2025 ',
    'Original: English ',
    ' ',
    ' ',
    'Ninety-ninth session ',
    'Agenda item 13 ',
    ' ',
    ' ',
    'Resolution adopted by the General Assembly on 1 January 2025 ',
    ' ',
    ' ',
    'The General Assembly, ',
    ' ',
    'Recalling its resolution 60/1 on the work of the programme, ',
    ' ',
    '1. Decides to strengthen the programme; ',
    ' ',
    '2. Requests the Secretary-General to report thereon. ',
    '',
])
HIJACK = """---
symbol: A/RES/99/30
---
United Nations
A/RES/99/30

# General Assembly

Distr.: General

*The General Assembly,*

*Recalling* its resolution 60/1 on the work of the programme,

1. *Decides* to abolish the programme;

2. *Requests* the Secretary-General to report thereon.
"""
# The same document as GENUINE in the markdown form: spacing, italics and hyphenation differ, words do not.
SAME_MD = """United Nations
A/RES/99/30

# General Assembly

Distr.: General

*The General Assembly,*

*Recalling* its resolution 60/1 on the work of the pro- gramme,

1. *Decides* to strengthen the programme;

2. *Requests* the Secretary-General to report  thereon.
"""


def _forms(*files: tuple[str, str]):
    return choose_forms([(name, analyse(text.encode(), name)) for name, text in files])


def test_a_text_with_other_words_does_not_replace_the_genuine_one():
    kept, dropped, notes = _forms(("hijack.md", HIJACK), ("A-RES-99-30.txt", GENUINE))
    assert [uri for uri, _a in kept] == ["A-RES-99-30.txt", "hijack.md"]  # the genuine claims the URL first
    assert dropped == {}
    [note] = notes
    assert (note.path, note.level) == ("hijack.md", "warning")
    assert "disagrees with A-RES-99-30.txt in the words of op-1" in note.message
    assert "built from A-RES-99-30.txt" in note.message and "variant" in note.message


def test_forms_that_agree_in_words_are_one_page():
    kept, dropped, notes = _forms(("A-RES-99-30.md", SAME_MD), ("A-RES-99-30.txt", GENUINE))
    assert [uri for uri, _a in kept] == ["A-RES-99-30.md"]
    assert dropped == {"A-RES-99-30.txt": "A-RES-99-30.md"}
    assert [n.level for n in notes] == ["info"]


def test_variants_link_each_other_in_the_corpus():
    kept, _dropped, _notes = _forms(("hijack.md", HIJACK), ("A-RES-99-30.txt", GENUINE))
    corpus = Corpus()
    entries = [corpus.add(uri, analysis) for uri, analysis in kept]
    assert [e.url for e in entries] == ["A/RES/99/30/", "hijack/"]
    assert corpus.by_symbol == {"A/RES/99/30": "A/RES/99/30/"}
    assert corpus.variants == {"A-RES-99-30.txt": ["hijack.md"]}


@pytest.fixture(scope="module")
def hijack_build(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hijack"), {"A-RES-99-30.txt": GENUINE, "hijack.md": HIJACK})
    proc = build(project, project / "site", strict=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return project, proc.stderr


def test_hijack_build_keeps_the_genuine_page_and_links_the_variant(hijack_build):
    project, log = hijack_build
    site = project / "site"
    genuine = BeautifulSoup((site / "A/RES/99/30/index.html").read_text(encoding="utf-8"), "lxml")
    assert "Decides to strengthen the programme" in visible_text(genuine.select_one("article"))
    link = genuine.select_one(".res-lineage a")
    assert link is not None and link["href"] == "../../../../hijack/"
    variant = BeautifulSoup((site / "hijack/index.html").read_text(encoding="utf-8"), "lxml")
    assert "Decides to abolish the programme" in visible_text(variant.select_one("article"))
    assert variant.select_one(".res-lineage a")["href"] == "../A/RES/99/30/"
    assert "WARNING -  mkdocs_resolutions: hijack.md:1: claims symbol A/RES/99/30 but disagrees with A-RES-99-30.txt" in log


def test_hijack_strict_build_fails(hijack_build, tmp_path):
    project, _log = hijack_build
    assert build(project, tmp_path / "site", strict=True).returncode != 0


# -- resolution detection for .md ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "# About\n\n## General Assembly\n\nWhat it does.\n\n## Security Council\n\nWhat it does.\n",
    "# General Assembly\n\nDistr.: the distribution list of our newsletter.\n\nSecurity Council\n",
    "General Assembly\nSecurity Council\nEconomic and Social Council\n",
    "A/RES/80/229\n\nGeneral Assembly\n\n" + "filler\n" * 40 + "Distr.: General\n",  # not in the first lines
])
def test_ordinary_pages_with_un_words_stay_ordinary(text):
    assert not has_un_cover(text)


@pytest.mark.parametrize("text", [GENUINE, HIJACK, SAME_MD, "S/2019/179\n\nUnited Nations\n\n# **Security Council**\n\nDistr.: General 27 February 2019\n"])
def test_un_covers_are_resolutions(text):
    assert has_un_cover(text)


# -- bounds -------------------------------------------------------------------------------------


def test_pagefind_that_never_finishes_is_stopped_with_a_clear_error(tmp_path):
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(60)\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    result = index_site(tmp_path, str(exe), timeout=1)
    assert not result.ok
    assert result.message == "Pagefind gave no answer for 1 s and was stopped: the site has no search"


def test_pagefind_that_cannot_start_is_an_error_not_a_crash(tmp_path):
    result = index_site(tmp_path, str(tmp_path / "missing"))
    assert not result.ok and result.message.startswith("Pagefind could not be started")


def test_a_text_over_the_size_budget_is_published_preformatted(monkeypatch):
    monkeypatch.setattr(corpus_module, "MAX_TEXT_BYTES", 100)
    text = "The General Assembly,\n\nRecalling " + "its work " * 20 + ",\n\n1. Decides to act.\n"
    analysis = analyse(text.encode(), "big.txt")
    assert analysis.doc.fallback == text
    assert [(d.path, d.line, d.level) for d in analysis.diagnostics] == [("big.txt", 1, "warning")]
    assert "larger than 100 bytes: published as a preformatted page" in analysis.diagnostics[0].message


def test_previews_are_truncated():
    title = "Strengthening " + "the programme " * 80_000  # about 1 MB
    text = f"---\nsymbol: A/RES/99/31\ntitle: {title}\n---\nThe General Assembly,\n\nRecalling {'its work ' * 5000},\n\n1. Decides.\n"
    corpus = Corpus()
    corpus.add("a.txt", analyse(text.encode(), "a.txt"))
    preview = Previews(corpus)("A/RES/99/31", "pp-1")
    assert len(preview["title"]) <= PREVIEW + 2 and preview["title"].startswith("Strengthening the programme")
    assert len(preview["excerpt"]) <= PREVIEW + 2


def test_a_shard_is_done_only_when_its_entry_file_is_whole(tmp_path):
    """Pagefind may answer "written" before its entry file is on disk; stopping it then left the file
    empty (the last shard of a 10,000-page site). The indexer waits for the whole file, within a bound."""
    import subprocess
    import threading

    from mkdocs_resolutions._internal import indexer

    entry = tmp_path / indexer.ENTRY_FILE
    entry.write_bytes(b"")  # as a Pagefind stopped mid-write leaves it
    idx = indexer.Indexer(tmp_path, timeout=1)
    idx._proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        later = threading.Timer(0.3, lambda: entry.write_text('{"version": "1"}', encoding="utf-8"))
        later.start()
        idx._written(entry)  # returns once the file reads as JSON
        later.join()
        with pytest.raises(indexer._Stopped, match="did not write pagefind-entry.json"):
            idx._written(tmp_path / "other" / indexer.ENTRY_FILE)
    finally:
        idx._proc.kill()
        idx._proc.wait()
