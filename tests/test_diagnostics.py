"""Diagnostic codes and known defects: every warning is named, and a site names them safely."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.diagnostics import CODES, ConfigError, KnownDefects
from mkdocs_resolutions._internal.model import Diagnostic

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "mkdocs_resolutions" / "_internal"


def _creation_sites() -> list[tuple[str, int, str | None]]:
    """(file, line, code) of every Diagnostic(...) and .warn(...) / ._warn(...) call in the package."""
    sites = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in ("Diagnostic", "warn", "_warn") or (isinstance(func, ast.Attribute) and func.attr == "warn"
                                                               and getattr(func.value, "id", "") == "log"):
                continue
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            passed_on = isinstance(code, ast.Name)  # a wrapper handing its own ``code`` parameter on
            value = code.value if isinstance(code, ast.Constant) else ("<param>" if passed_on else None)
            sites.append((path.relative_to(PACKAGE).as_posix(), node.lineno, value))
    return sites


def test_every_diagnostic_is_created_with_a_listed_code():
    sites = _creation_sites()
    assert len(sites) > 30
    assert [s for s in sites if s[2] is None or (s[2] != "<param>" and s[2] not in CODES)] == []


def test_every_listed_code_is_used():
    used = {code for _, _, code in _creation_sites()}
    assert sorted(set(CODES) - used) == []


def test_a_code_accepts_its_kind_and_a_fragment_its_words():
    known = KnownDefects.parse({"a.txt": ["footnote-unused"], "b.txt": ["footnote 9 has"]})
    unused = Diagnostic("a.txt", 3, "footnote 2 is never referenced in the text", code="footnote-unused")
    gap = Diagnostic("a.txt", 5, "operative paragraph 4 follows 2", code="numbering-gap")
    assert known.accepts(unused) and not known.accepts(gap)
    assert known.accepts(Diagnostic("b.txt", 1, "footnote 9 has no marker in the text", code="footnote-unused"))
    assert not known.accepts(Diagnostic("b.txt", 1, "footnote 8 has no marker in the text", code="footnote-unused"))
    assert not known.accepts(Diagnostic("c.txt", 1, "footnote 9 has no marker in the text", code="footnote-unused"))
    assert known.stale(present={"a.txt", "b.txt"}) == []
    known.reset()
    assert known.stale(present={"a.txt"}) == [
        "known_defects: a.txt: 'footnote-unused' accepts no warning (the defect is gone, or the entry is misspelt); remove it"
    ]


def test_a_form_the_site_does_not_publish_still_uses_its_entries():
    known = KnownDefects.parse({"a.txt": ["footnote-unused", "numbering-gap"]})
    known.note([
        Diagnostic("a.txt", 3, "footnote 2 is never referenced in the text", code="footnote-unused"),
        Diagnostic("a.txt", 5, "operative paragraph 4 follows 2", code="numbering-gap"),
        Diagnostic("a.txt", 6, "footnote 3 is never referenced in the text", "info", code="footnote-unused"),
    ])
    assert known.stale(present={"a.txt"}) == []


def test_a_code_is_not_matched_as_a_fragment():
    known = KnownDefects.parse({"a.txt": ["numbering-gap"]})
    assert not known.accepts(Diagnostic("a.txt", 1, "numbering-gap mentioned in words", code="footnote-unused"))


@pytest.mark.parametrize("value", [{"x.txt": None}, {"x.txt": "full stop"}, {"x.txt": [""]}, {"x.txt": [None]},
                                   {3: ["full stop"]}, ["x.txt"], "x.txt", {"x.txt": ["no-such-code"]}])
def test_wrong_shapes_are_configuration_errors(value):
    with pytest.raises(ConfigError, match="known_defects"):
        KnownDefects.parse(value)


def test_the_code_is_shown_with_the_message():
    assert str(Diagnostic("a.txt", 4, "footnote 2 is never referenced", code="footnote-unused")) == (
        "a.txt:4: footnote 2 is never referenced [footnote-unused]"
    )


def test_the_readme_names_every_code():
    readme = (PACKAGE.parents[2] / "README.md").read_text(encoding="utf-8")
    assert [code for code in CODES if f"`{code}`" not in readme] == []
