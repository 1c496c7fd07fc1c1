"""Invariants over the whole corpus (../shared/corpus), read through the public entry point."""

from __future__ import annotations


import pytest
import yaml

from mkdocs_resolutions import read_source
from mkdocs_resolutions._internal.diagnostics import KnownDefects
from mkdocs_resolutions._internal.model import Diagnostic

from .conftest import CORPUS, ROOT, need_corpus


def _known_defects() -> KnownDefects:
    """The ``known_defects`` option of mkdocs.yml (read as plain YAML: the file's tags are MkDocs-only)."""
    text = (ROOT / "mkdocs.yml").read_text()
    return KnownDefects.parse(yaml.safe_load(text[text.index("known_defects:"):])["known_defects"])


def corpus_files():
    if not (CORPUS / "manifest.json").exists():
        return []
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def docs():
    need_corpus()
    return {p.name: read_source(p.read_bytes(), p.name) for p in corpus_files()}


def test_all_160_read(docs):
    assert len(docs) == 160
    assert all(doc.fallback is None for doc in docs.values())
    assert sum(1 for d in docs.values() if d.meta.symbol) == 160


def test_operative_numbers_run_without_gap_or_repeat(docs):
    bad = {}
    for name, doc in docs.items():
        numbers = [int(p.number) for p in doc.operative() if p.anchor.startswith("op-") and p.number]
        if numbers != list(range(1, len(numbers) + 1)):
            bad[name] = numbers
    assert bad == {}


def test_markers_and_footnotes_match(docs):
    known = _known_defects()
    problems = []
    for name, doc in docs.items():
        used = {m.number for m in doc.markers()}
        defined = {n.number for n in doc.footnotes}
        for number in sorted(used - defined):
            problems.append(f"{name}: marker {number} has no footnote")
        for number in sorted(defined - used):
            unused = Diagnostic(name, 0, f"footnote {number} has no marker in the text", code="footnote-unused")
            if number.isdigit() and not known.accepts(unused):
                problems.append(f"{name}: footnote {number} has no marker")
    assert problems == []


def test_warnings_are_only_the_listed_defects(docs):
    known = _known_defects()
    unexpected = [
        str(d) for name, doc in docs.items() for d in doc.diagnostics
        if d.level == "warning" and not known.accepts(d)
    ]
    assert unexpected == []


def test_exact_counts_of_real_documents(docs):
    # (preambular, operative, footnotes): counted in the printed documents, and the PDF,
    # plain-text and markdown readers agree on them (tests/test_pdf_reader.py, test_markdown_variants.py)
    expected = {
        "A-C.3-80-L.3.txt": (72, 73, 51),
        "A-RES-80-229.txt": (78, 79, 61),
        "S-2018-221.txt": (33, 35, 0),
        "S-2024-557.txt": (6, 6, 3),
    }
    got = {name: (len(docs[name].preambular()), len(docs[name].operative()), len(docs[name].footnotes)) for name in expected}
    assert got == expected


def test_the_most_faithful_form_is_published_and_the_others_must_agree(analyses):
    need_corpus()
    from mkdocs_resolutions._internal.corpus import choose_forms

    cache = analyses
    pdf = ("A-RES-80-229.pdf", cache.get((CORPUS / "originals" / "A-RES-80-229.pdf").read_bytes(), "A-RES-80-229.pdf"))
    txt = ("A-RES-80-229.txt", cache.get((CORPUS / "A-RES-80-229.txt").read_bytes(), "A-RES-80-229.txt"))
    other = ("A-RES-79-89.txt", cache.get((CORPUS / "A-RES-79-89.txt").read_bytes(), "A-RES-79-89.txt"))
    kept, dropped, notes = choose_forms([txt, other, pdf])
    assert [uri for uri, _ in kept] == ["A-RES-79-89.txt", "A-RES-80-229.pdf"]
    assert dropped == {"A-RES-80-229.txt": "A-RES-80-229.pdf"}
    assert [(n.path, n.level) for n in notes] == [("A-RES-80-229.txt", "info")]
    # a form that disagrees is a warning naming both files
    broken = cache.get((CORPUS / "A-RES-80-229.txt").read_bytes().replace(b"\n5. ", b"\n5 . "), "A-RES-80-229.txt")
    _, _, notes = choose_forms([("A-RES-80-229.txt", broken), pdf])
    assert notes[0].level == "warning" and "disagrees with A-RES-80-229.pdf" in notes[0].message
