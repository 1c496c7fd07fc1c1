"""build_tools/check_texts.py: the editor's check agrees with ``mkdocs build --strict``."""

from __future__ import annotations

import shutil

import pytest

from build_tools.check_texts import main

from .conftest import ROOT

DOCS = ROOT / "source_docs"


def _config(tmp_path, known: str) -> str:
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: t\nplugins:\n  - resolutions:\n      cache_dir: cache\n      known_defects: {known}\n")
    return str(path)


def test_the_repository_texts_pass(capsys):
    assert main([str(DOCS), "--config", str(ROOT / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "200 texts, 0 with new warnings, 8 known defects, 0 stale entries"


def test_a_new_warning_fails_and_a_known_one_does_not(tmp_path, capsys):
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(DOCS / "S-2024-400.txt", texts)  # paragraph 11 printed without its full stop: listed below
    seed = (DOCS / "000_780746b198b85f4a.txt").read_text(encoding="utf-8")
    assert "\n5. " in seed
    (texts / "gap.txt").write_text(seed.replace("\n5. ", "\n50. ", 1), encoding="utf-8")  # a new numbering gap
    config = _config(tmp_path, "{S-2024-400.txt: [number-no-full-stop]}")
    assert main([str(texts), "--config", config]) == 1
    out = capsys.readouterr().out
    assert "    known: S-2024-400.txt:284: operative number 11 is printed without its full stop" in out
    assert "    gap.txt:" in out and "[numbering-gap]" in out
    assert out.splitlines()[-1].startswith("2 texts, 1 with new warnings, 1 known defects")
    (texts / "gap.txt").unlink()
    assert main([str(texts), "--config", config]) == 0
    assert (tmp_path / "cache").is_dir()  # the site's cache, shared with the build


def test_a_stale_entry_fails(tmp_path, capsys):
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(DOCS / "S-2024-400.txt", texts)
    config = _config(tmp_path, "{S-2024-400.txt: [number-no-full-stop, footnote-unused]}")
    assert main([str(texts), "--config", config]) == 1
    assert "known_defects: S-2024-400.txt: 'footnote-unused' accepts no warning" in capsys.readouterr().out


@pytest.mark.parametrize("known, says", [
    ("{x.txt: null}", "x.txt must list codes or message fragments"),
    ("{x.txt: full stop}", "x.txt must list codes or message fragments"),
    ("{x.txt: [footnote-unsued]}", "'footnote-unsued' is not a diagnostic code"),
])
def test_a_wrong_configuration_is_a_usage_error(tmp_path, capsys, known, says):
    with pytest.raises(SystemExit) as stop:
        main([str(DOCS), "--config", _config(tmp_path, known)])
    assert stop.value.code == 2
    assert says in capsys.readouterr().err
