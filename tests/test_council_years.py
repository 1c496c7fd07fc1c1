"""Security Council resolutions cited with a year their number does not have (issue 11, item 7)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.citations.checks import Cited, council_year_conflicts, council_years
from mkdocs_resolutions._internal.corpus import analyse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CODES = ("citation-date-mismatch", "citation-year-conflict")


def test_the_table_holds_the_first_number_of_every_year_1946_to_2025() -> None:
    data = json.loads((resources.files("mkdocs_resolutions._internal") / "data" / "sc_years.json").read_text("utf-8"))
    first = {int(y): n for y, n in data["first"].items()}
    assert sorted(first) == list(range(1946, 2026))
    numbers = [first[y] for y in sorted(first)]
    assert numbers[0] == 1 and all(a < b for a, b in zip(numbers, numbers[1:]))


@pytest.mark.parametrize("number, years", [
    (1, (1946, 1947)), (15, (1946, 1947)), (16, (1947, 1948)), (199, (1964, 1965)), (200, (1965, 1966)),
    (242, (1967, 1968)), (1373, (2001, 2002)), (2132, (2013, 2014)), (2133, (2014, 2015)), (2140, (2014, 2015)),
    (2767, (2024, 2025)), (2768, (2025, 10_000)), (2900, (2025, 10_000)), (0, (0, 0)),
])
def test_a_number_says_its_year(number: int, years: tuple[int, int]) -> None:
    found = council_years(number)
    assert (found.start, found.stop) == years or (not found and years == (0, 0))


def _warnings(text: str, name: str = "x.txt") -> list[tuple[int, str, str]]:
    a = analyse(text.encode(), name)
    return [(d.line, d.code, d.message) for d in a.diagnostics if d.code in CODES]


def test_a_council_resolution_with_another_year_is_a_warning_in_any_organs_text() -> None:
    council = "The Security Council,\n \nRecalling its resolutions 2140 (2015) and 2216 (2015),\n"
    assert _warnings(council) == [(3, "citation-date-mismatch",
                                   "citation 2140 (2015) does not fit its number: Security Council resolution 2140 "
                                   "is of 2014; linked to S/RES/2140(2015) as printed")]
    assembly = "The General Assembly,\n \nRecalling Security Council resolutions 1373 (2002) and 1540 (2004),\n"
    assert [(line, code) for line, code, _m in _warnings(assembly)] == [(3, "citation-date-mismatch")]


def test_past_the_table_only_an_earlier_year_is_wrong_and_the_document_is_the_evidence() -> None:
    early = "The Security Council,\n \nRecalling its resolution 2800 (2024),\n"
    assert [m for _l, _c, m in _warnings(early)] == [
        "citation 2800 (2024) does not fit its number: Security Council resolution 2800 is of 2025 or later; "
        "linked to S/RES/2800(2024) as printed"]
    assert _warnings("The Security Council,\n \nRecalling its resolution 2800 (2026),\n") == []
    two = [Cited("S/RES/2800(2026)", 3), Cited("S/RES/2800(2026)", 5), Cited("S/RES/2800(2027)", 9)]
    assert [(d.line, d.code) for d in council_year_conflicts(two, "x.txt")] == [(9, "citation-year-conflict")]
    # inside the table the number decides, however often the document repeats a wrong year
    wrong = [Cited("S/RES/2140(2015)", 3), Cited("S/RES/2140(2015)", 4), Cited("S/RES/2140(2014)", 9)]
    assert [(d.line, d.code) for d in council_year_conflicts(wrong, "x.txt")] == [
        (3, "citation-date-mismatch"), (4, "citation-date-mismatch")]


def test_every_council_citation_of_the_corpus_fits_its_number_but_the_one_misprint() -> None:
    """Every "resolution NNNN (YYYY)" the corpus cites, in all its forms, checked against the table."""
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus not found: {CORPUS}")
    files = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "markdown").glob("*.md")) + sorted((CORPUS / "originals").glob("*.pdf"))
    warned = []
    checked = set()
    for f in files:
        a = analyse(f.read_bytes(), f.name)
        warned += [(f.name, d.line, d.code) for d in a.diagnostics if d.code in CODES]
        checked |= {s for cites in a.citations.values() for c in cites for s in c.symbols if s.startswith("S/RES/")}
    assert warned == [("S-2017-142.txt", 97, "citation-date-mismatch"), ("S-2017-142.md", 57, "citation-date-mismatch"),
                      ("S-2017-142.pdf", 66, "citation-date-mismatch")]
    assert len(checked) > 200  # the sweep did check many citations
