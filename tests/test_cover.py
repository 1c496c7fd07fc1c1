"""Cover-block parsing on real covers: PDF plain text, the seed markdown and messy PDF->markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.model import Kind
from mkdocs_resolutions._internal.readers.cover import (
    iso_date,
    ordinal_number,
    parse_cover,
    split_sponsors,
)

FIXTURES = Path(__file__).parent / "fixtures" / "cover"
TITLE_L3 = (
    "Strengthening the United Nations crime prevention and criminal justice programme, "
    "in particular its technical cooperation capacity"
)


def strip_md(line: str) -> str:
    """What a markdown reader hands over: headings, bold, italics and <sup> removed."""
    line = re.sub(r"^\s*#+\s*", "", line).replace("**", "")
    line = re.sub(r"(?<![\w*])\*(?!\d)|(?<!\d)\*(?![\w*])", "", line)
    line = re.sub(r"(?<!\w)_|_(?!\w)", "", line)
    return re.sub(r"<sup>.*?</sup>", "", line).rstrip()


def load(name: str) -> list[tuple[int, str]]:
    text = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    if name.endswith(".md"):
        text = [strip_md(t) for t in text]
    return [(i + 1, t) for i, t in enumerate(text)]


def test_ga_committee_draft_plaintext():
    lines = load("A-C.3-80-L.3.txt")
    cover = parse_cover(lines, "A-C.3-80-L.3.txt")
    m = cover.meta
    assert (m.symbol, m.organ, m.distribution) == ("A/C.3/80/L.3", "General Assembly", "Limited")
    assert (m.date, m.iso_date, m.original_language) == ("14 October 2025", "2025-10-14", "English")
    assert (m.session, m.session_number, m.committee) == ("Eightieth session", 80, "Third Committee")
    assert (m.agenda_item, m.agenda_title) == ("107", "Crime prevention and criminal justice")
    assert m.sponsors == ["Italy"]
    assert m.kind is Kind.DRAFT_RESOLUTION
    assert m.title == TITLE_L3
    assert m.job_number == "25-16593 (E)"
    assert m.adopted_on is None and m.report is None
    assert lines[cover.body_start][1].strip() == "The General Assembly,"
    assert cover.body_start == 31
    assert cover.diagnostics == []


def test_adopted_resolution_plaintext():
    lines = load("A-RES-80-229.txt")
    cover = parse_cover(lines, "A-RES-80-229.txt")
    m = cover.meta
    assert m.symbol == "A/RES/80/229"
    assert m.kind is Kind.RESOLUTION
    assert m.committee is None and m.original_language is None and m.sponsors == []
    assert m.date == "22 December 2025" and m.adopted_on == "18 December 2025"
    assert m.report == "on the report of the Third Committee (A/80/545, para. 5)"
    assert m.title == TITLE_L3  # "80/229. " stripped
    assert m.job_number == "25-20947 (E)"
    assert lines[cover.body_start][1].strip() == "The General Assembly,"


def test_title_continued_after_semicolon():
    cover = parse_cover(load("A-RES-79-243.txt"), "A-RES-79-243.txt")
    assert cover.meta.title == (
        "United Nations Convention against Cybercrime; Strengthening International Cooperation for "
        "Combating Certain Crimes Committed by Means of Information and Communications Technology "
        "Systems and for the Sharing of Evidence in Electronic Form of Serious Crimes"
    )
    assert cover.meta.agenda_title == (
        "Countering the use of information and communications technologies for criminal purposes"
    )
    assert cover.meta.session_number == 79
    assert cover.diagnostics == []


def test_security_council_draft_sponsors_over_two_lines():
    lines = load("S-2024-835.txt")
    cover = parse_cover(lines, "S-2024-835.txt")
    m = cover.meta
    assert (m.symbol, m.organ, m.date) == ("S/2024/835", "Security Council", "20 November 2024")
    assert m.sponsors == [
        "Algeria", "Ecuador", "Guyana", "Japan", "Malta", "Mozambique",
        "Republic of Korea", "Sierra Leone", "Slovenia", "Switzerland",
    ]
    assert m.title is None and m.session is None and m.agenda_item is None
    assert lines[cover.body_start][1].strip() == "The Security Council,"


def test_fourth_committee_wrapped_and_decision_without_opening_line():
    lines = load("A-C.4-80-L.12.txt")
    cover = parse_cover(lines, "A-C.4-80-L.12.txt")
    m = cover.meta
    assert m.committee == "Special Political and Decolonization Committee (Fourth Committee)"
    assert m.agenda_item == "48"
    assert m.kind is Kind.DRAFT_DECISION
    assert m.sponsors == ["Austria", "Denmark", "France", "Germany", "Spain"]
    assert m.title == "Increase in the membership of the Committee on the Peaceful Uses of Outer Space"
    assert lines[cover.body_start][1].startswith("The General Assembly, taking note")
    assert [d.level for d in cover.diagnostics] == ["info"]


def test_amendment_without_opening_line_is_noted_not_warned():
    """An amendment ("Delete operative paragraph 9.") has no opening line by nature: info, not a warning."""
    lines = load("A-80-L.20.txt")
    cover = parse_cover(lines, "A-80-L.20.txt")
    assert cover.meta.agenda_item == "72 (a)"
    assert cover.meta.sponsors == ["Russian Federation"]
    assert cover.meta.kind is Kind.AMENDMENT and cover.meta.amends == "draft resolution A/80/L.18"  # as printed
    assert lines[cover.body_start][1].strip() == "Delete operative paragraph 9."
    assert len(cover.diagnostics) == 1 and cover.diagnostics[0].level == "info"
    assert cover.diagnostics[0].line == 34 and "amendment" in cover.diagnostics[0].message


def test_seed_markdown_cover():
    lines = load("seed.md")
    cover = parse_cover(lines, "seed.md")
    m = cover.meta
    assert m.symbol is None
    assert (m.organ, m.distribution, m.date, m.iso_date) == ("General Assembly", "Limited", "6 October 2011", "2011-10-06")
    assert (m.session, m.session_number, m.committee) == ("Sixty-sixth session", 66, "Third Committee")
    assert (m.agenda_item, m.agenda_title) == ("107", "Crime prevention and criminal justice")
    assert m.sponsors == ["Italy", "Mexico"]
    assert m.kind is Kind.DRAFT_RESOLUTION
    assert m.title == TITLE_L3
    assert lines[cover.body_start][1] == "The General Assembly,"
    assert cover.diagnostics == []


def test_seed_cover_with_dashes_dropped_or_kept():
    lines = [(n, t) for n, t in load("seed.md") if t.strip() != "---"]
    assert parse_cover(lines, "seed.md").meta.original_language == "English"
    assert parse_cover(load("seed.md"), "seed.md").meta.session_number == 66


def test_messy_markdown_joined_fields():
    lines = load("A-C.2-80-L.19.md")
    cover = parse_cover(lines, "A-C.2-80-L.19.md")
    m = cover.meta
    assert (m.symbol, m.distribution, m.date) == ("A/C.2/80/L.19", "Limited", "14 October 2025")
    assert (m.session_number, m.committee, m.agenda_item) == (80, "Second Committee", "20 (b)")
    assert m.agenda_title == "Globalization and interdependence: culture and sustainable development"
    assert m.sponsors == ["Iraq"]
    assert m.title == "Culture and sustainable development"
    assert lines[cover.body_start][1].startswith("The General Assembly")


def test_messy_markdown_adopted():
    cover = parse_cover(load("A-RES-79-89.md"), "A-RES-79-89.md")
    m = cover.meta
    assert (m.session_number, m.agenda_item) == (79, "49")
    assert m.agenda_title == "United Nations Relief and Works Agency for Palestine Refugees in the Near East"
    assert m.adopted_on == "4 December 2024"
    assert m.report == (
        "on the report of the Special Political and Decolonization Committee (Fourth Committee) (A/79/422, para. 10)"
    )
    assert m.title == "Palestine refugees’ properties and their revenues"


def test_messy_markdown_security_council():
    lines = load("S-2018-221.md")
    cover = parse_cover(lines, "S-2018-221.md")
    assert cover.meta.sponsors == ["United States of America"]
    assert cover.meta.symbol == "S/2018/221"
    assert lines[cover.body_start][1].startswith("The Security Council")


@pytest.mark.parametrize(
    "word,number",
    [("Sixty-sixth", 66), ("Eightieth", 80), ("Seventy-ninth", 79), ("first", 1), ("Ninety-ninth", 99),
     ("Twelfth", 12), ("Twentieth", 20), ("Fifty-first", 51), ("Eleventh", 11), ("sixty", None)],
)
def test_ordinals(word, number):
    assert ordinal_number(word) == number


def test_split_sponsors_protects_names_with_and():
    assert split_sponsors(
        "Antigua and Barbuda, Belgium, Bosnia and Herzegovina, Netherlands (Kingdom of the), "
        "Trinidad and Tobago and United Kingdom of Great Britain and Northern Ireland"
    ) == [
        "Antigua and Barbuda", "Belgium", "Bosnia and Herzegovina", "Netherlands (Kingdom of the)",
        "Trinidad and Tobago", "United Kingdom of Great Britain and Northern Ireland",
    ]
    assert split_sponsors("Italy and Mexico") == ["Italy", "Mexico"]
    assert split_sponsors("") == []


def test_dates():
    assert iso_date("6 October 2011") == "2011-10-06"
    assert iso_date("31 February 2011") is None
    assert iso_date("__ December 2025") is None


@pytest.mark.parametrize("lines", [[], [(1, "")], [(1, "Some text without any cover")], [(1, "United Nations")]])
def test_never_crashes(lines):
    cover = parse_cover(lines, "x.txt")
    assert 0 <= cover.body_start <= len(lines)
