"""The mandate finder's rules, one behaviour each, on small texts written here (not from the corpus)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from pathlib import Path

from mkdocs_resolutions._internal.export import document_json, mandates_csv, mandates_json, schema_bytes
from mkdocs_resolutions._internal.mandates import find_mandates
from mkdocs_resolutions._internal.mandates.actions import action_of
from mkdocs_resolutions._internal.mandates.calendar import Row, build_calendar, first_due
from mkdocs_resolutions._internal.mandates.due import find_due
from mkdocs_resolutions._internal.mandates.sessions import ga_session_of, ga_session_period, ordinal
from mkdocs_resolutions._internal.model import Document, Metadata, Paragraph, RichText
from mkdocs_resolutions._internal.render.mandates import MandateView, site_pages


def doc(*paragraphs: str | tuple[str, list[str]], organ: str = "General Assembly", session: int | None = 80) -> Document:
    """A document whose operative paragraphs are ``paragraphs`` (a tuple adds sub-paragraphs (a), (b) ...)."""
    blocks = []
    for n, item in enumerate(paragraphs, 1):
        text, subs = (item, []) if isinstance(item, str) else item
        lead, _, body = text.partition(" ")
        children = [
            Paragraph("sub", f"op-{n}-{chr(97 + i)}", chr(97 + i), "", RichText(sub), n) for i, sub in enumerate(subs)
        ]
        blocks.append(Paragraph("operative", f"op-{n}", str(n), lead, RichText(body), n, children))
    symbol = "A/RES/80/1" if organ == "General Assembly" else "S/2026/1"
    return Document("t.txt", Metadata(symbol=symbol, organ=organ, session_number=session, iso_date="2025-12-15"), blocks=blocks)


def mandates(*paragraphs, **kw):
    return [m for m in find_mandates(doc(*paragraphs, **kw)) if m.kind == "mandate"]


# -- sessions and deadlines ------------------------------------------------------------------------


def test_session_facts():
    assert ordinal("eighty-first") == 81 and ordinal("81st") == 81 and ordinal("session") is None
    assert ga_session_period(81) == ("2026-09", "2027-09")
    assert ga_session_of("2026-09-15") == 81 and ga_session_of("2027-08-31") == 81


@pytest.mark.parametrize("text, label", [
    ("to submit to the General Assembly at its eighty-first session a report", "GA 81"),
    ("to report to the Human Rights Council at its sixty-second session", "HRC 62"),
    ("to report thereon at its next session", "GA 81"),
    ("to report to the Council every 90 days", "every 90 days"),
    ("to report within sixty days of the adoption", "within 60 days"),
    ("to report annually", "annually"),
    ("to report to the Assembly at its eighty-second session and biennially thereafter", "GA 82"),
    ("to submit a report by 30 June 2026", "2026-06-30"),
    ("the mandate of the Mission until 30 April 2026", "until 2026-04-30"),
    ("to provide monthly reports through July 1, 2024", "monthly"),
    ("to convene a conference in 2030", "2030"),
    ("as set out in its resolution 72/279 of 31 May 2018", None),
    ("as decided at its sixtieth session", None),  # a past session of the Assembly is history
])
def test_due(text, label):
    due = find_due(text, "GA", 80)
    assert (due.label if due else None) == label


@pytest.mark.parametrize("text, action", [
    ("to submit a report on the implementation", "report"),
    ("to provide a briefing to the Council", "oral update"),
    ("to include in the provisional agenda of its eighty-first session the item", "include item"),
    ("to convene a high-level meeting", "convene"),
    ("to extend the mandate of the Mission", "extend"),
    ("to forward the report to the Conference", "transmit"),
    ("to continue to provide technical assistance", "support"),
    ("to continue its consideration of the question", "continue"),
    ("to keep the Council informed", "report"),
    ("to take all appropriate steps", "other"),
])
def test_action(text, action):
    assert action_of(text) == action


# -- the finder's decisions ------------------------------------------------------------------------


def test_request_to_the_secretary_general_with_a_session():
    [m] = mandates("Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution;")
    assert (m.addressee, m.action, m.due.label, m.due.starts) == ("Secretary-General", "report", "GA 81", "2026-09")
    assert m.subject == "on the implementation of the present resolution"


def test_invitations_and_requests_to_states_are_calls_not_mandates():
    found = find_mandates(doc(
        "Invites the Special Rapporteur to submit a report to the General Assembly at its eighty-first session;",
        "Requests Member States to report to the Secretary-General;",
        "Encourages the Secretary-General to continue his efforts;",
    ))
    assert [m.kind for m in found] == ["call", "call", "call"]


def test_decisions_on_the_bodys_own_work_and_remain_seized():
    found = mandates(
        "Decides to include in the provisional agenda of its eighty-first session the item entitled “X”;",
        "Decides to remain seized of the matter.",
        "Decides that the rules of procedure of the General Assembly shall apply;",
    )
    assert [(m.anchor, m.addressee, m.action, m.due.label) for m in found] == [("op-1", "General Assembly", "include item", "GA 81")]


def test_council_extension_addressed_to_the_mission():
    [m] = mandates("Decides to extend the mandate of the United Nations Mission in Somewhere (UNMIS) until 30 April 2027;",
                   organ="Security Council", session=None)
    assert (m.addressee, m.action, m.due.kind, m.due.label) == ("UNMIS", "extend", "until", "until 2027-04-30")


def test_several_addressees_give_one_mandate_each():
    found = mandates("Requests the Secretary-General and the United Nations High Commissioner for Human Rights to report annually;")
    assert [(m.addressee, m.joint) for m in found] == [
        ("Secretary-General", ("High Commissioner for Human Rights",)),
        ("High Commissioner for Human Rights", ("Secretary-General",)),
    ]


def test_conditional_request_is_a_mandate_with_its_condition():
    [m] = mandates("Requests the United Nations Office on Drugs and Crime to provide technical assistance to States, upon request;")
    assert (m.addressee, m.action, m.condition) == ("UNODC", "support", "upon request")


def test_in_this_regard_is_read_through():
    found = mandates("Welcomes the report, and in this regard requests the Secretary-General, in consultation with Member States, to convene a meeting;")
    assert [(m.addressee, m.action) for m in found] == [("Secretary-General", "convene")]


def test_sub_paragraphs_inherit_the_chapeau():
    found = mandates(("Requests the Secretary-General to:", ["Provide a briefing to the Council within six months;", "Report swiftly on incidents."]),
                     organ="Security Council", session=None)
    assert [(m.anchor, m.action, m.due.label if m.due else None) for m in found] == [
        ("op-1", "other", None), ("op-1-a", "oral update", "within 6 months"), ("op-1-b", "report", None),
    ]


def test_request_in_the_middle_of_a_paragraph_and_a_pronoun():
    found = mandates("Welcomes the work of the Special Committee, and requests it to report to the General Assembly at its eighty-first session;")
    assert [(m.addressee, m.due.label) for m in found] == [("Special Committee", "GA 81")]


def test_past_requests_are_not_mandates():
    assert mandates("Recalls that, in its resolution 78/1, it requested the Secretary-General to submit a report;") == []


# -- calendar, page and data -----------------------------------------------------------------------


def _rows(d: Document) -> list[Row]:
    return [Row(m, d.meta.symbol or "", "T", "A/RES/80/1/", d.meta.organ or "", "2025-12-15", first_due(m, "2025-12-15")) for m in find_mandates(d)]


def test_first_due_counts_a_period_from_the_document_date():
    [m] = mandates("Requests the Secretary-General to report within 60 days;")
    assert first_due(m, "2025-12-15") == "2026-02-13"


def test_calendar_pages_split_by_session_year_and_addressee():
    d = doc("Requests the Secretary-General to report to the General Assembly at its eighty-first session;",
            "Requests the Secretary-General to report by 30 June 2027;")
    cal = build_calendar(_rows(d))
    assert list(cal.sessions) == [("GA", 81)] and list(cal.years) == ["2026", "2027"]
    urls = [p.url for p in site_pages(cal)]
    assert urls == ["mandates/", "mandates/sessions/ga-81/", "mandates/years/2026/", "mandates/years/2027/",
                    "mandates/addressees/secretary-general/", "mandates/addressees/secretary-general/2025/"]


def test_marker_and_list_escape_the_source():
    d = doc("Requests the <b>Secretary-General</b> & co to report by 30 June 2026;")
    view = MandateView(find_mandates(d), "A/RES/80/1/")
    assert "<b>" not in view.marker("op-1") and "&lt;b&gt;" in view.marker("op-1")
    assert 'href="#op-1"' in view.summary() and "../../../mandates/years/2026/" in view.marker("op-1")


def test_document_json_follows_its_schema_and_is_deterministic():
    jsonschema = pytest.importorskip("jsonschema")
    d = doc(("Requests the Secretary-General to:", ["Report annually;"]))
    data = document_json(d, find_mandates(d), "A/RES/80/1/", "https://example.org/")
    assert data == document_json(d, find_mandates(d), "A/RES/80/1/", "https://example.org/")
    record = json.loads(data)
    jsonschema.validate(record, json.loads(schema_bytes()))
    assert record["mandates"][1]["url"] == "https://example.org/A/RES/80/1/#op-1-a"


def _plain_json(d: Document, url: str, site_url: str) -> bytes:
    """document.json as the standard library writes the same record, the URL in place."""
    from mkdocs_resolutions._internal.export import page_url

    from .test_export_bytes import plain_json

    return plain_json(d, find_mandates(d), page_url(url, site_url))


@pytest.mark.parametrize("url, site_url", [
    ("A/RES/80/1/", ""), ("A/RES/80/1/", "https://example.org/base"), ('odd "name"\\é/', "https://example.org/"),
])
def test_a_data_file_filled_from_its_template_is_the_whole_record(url, site_url):
    """The template (made once per text, cached) and the URL filled in later give the bytes of
    the record dumped whole, wherever the URL is and whatever it holds."""
    from mkdocs_resolutions._internal.export import document_template, fill_document, page_url

    d = doc(("Requests the Secretary-General to:", ["Report annually;", "Consult States;"]), "Invites the Council to act;")
    template = document_template(d, find_mandates(d))
    assert template.count(b"\x00") == 1 + len(find_mandates(d)) == 5  # the page, and each mandate's paragraph
    assert fill_document(template, page_url(url, site_url)) == _plain_json(d, url, site_url)
    assert document_json(d, find_mandates(d), url, site_url) == _plain_json(d, url, site_url)


def test_a_text_holding_the_url_placeholder_keeps_its_words():
    """A text is untrusted: one that spells the template's own placeholder (or NULs) is written
    as it is, and only the real URLs are filled in."""
    from mkdocs_resolutions._internal.export import document_template, fill_document

    d = doc("Requests the Secretary-General \x00url0\x00 and \x00url1\x00 to report \x00;")
    template = document_template(d, find_mandates(d))
    assert fill_document(template, "A/RES/80/1/") == _plain_json(d, "A/RES/80/1/", "")
    record = json.loads(fill_document(template, "A/RES/80/1/"))
    assert record["url"] == "A/RES/80/1/" and "\x00url0\x00 and \x00url1\x00" in record["blocks"][0]["body"]["text"]


def test_site_data_rows_link_to_paragraphs():
    rows = _rows(doc("Requests the Secretary-General to report by 30 June 2026;"))
    [record] = json.loads(mandates_json(rows))["mandates"]
    [line] = list(csv.DictReader(io.StringIO(mandates_csv(rows).decode())))
    assert record["url"] == line["url"] == "A/RES/80/1/#op-1" and line["due"] == "2026-06-30"


def test_a_reiterated_request_is_a_mandate():
    [m] = mandates("Reiterates the request made to the Secretary-General, in accordance with resolution 64/83, to establish a trust fund;")
    assert (m.addressee, m.action) == ("Secretary-General", "establish")


def test_decision_with_an_aside_and_two_that_clauses():
    found = mandates(
        "Decides, following the request of the Government, that the Verification Mission shall, in addition to its mandate, verify compliance;",
        "Decides further that the tasks shall be those described, and that the Verification Mission shall adopt an inclusive approach;",
        organ="Security Council", session=None)
    assert [(m.anchor, m.addressee, m.action) for m in found] == [
        ("op-1", "Verification Mission", "review"), ("op-2", "Verification Mission", "other")]


def test_possessive_mandate_and_first_deadline_before_a_rhythm():
    found = mandates("Decides to extend until 31 March 2020 UNSOM’s mandate;",
                     "Requests the Secretary-General to report, with the first report by 15 May 2019 and every 90 days thereafter;",
                     organ="Security Council", session=None)
    assert [(m.addressee, m.due.label) for m in found] == [("UNSOM", "until 2020-03-31"), ("Secretary-General", "2019-05-15")]


@pytest.mark.parametrize("text, condition", [
    ("Requests the Secretary-General, should the situation deteriorate, to report;", "should the situation deteriorate"),
    ("Requests the Office to continue, subject to the availability of extrabudgetary resources, its work;",
     "subject to the availability of extrabudgetary resources"),
    ("Requests the Secretary-General to report within 90 days, and notes that the report should include details;", ""),
])
def test_conditions(text, condition):
    assert mandates(text)[0].condition == condition


def test_document_json_keeps_the_printed_titles_of_headings():
    """A/RES/79/243: "Article 1" / "Statement of purpose": both lines are in document.json, as on the page."""
    jsonschema = pytest.importorskip("jsonschema")
    path = Path(__file__).resolve().parents[1] / "source_docs" / "A-RES-79-243.txt"
    if not path.is_file():
        pytest.skip(f"{path.name} is not in source_docs")
    from mkdocs_resolutions._internal.parse import read_source

    d = read_source(path.read_bytes(), path.name)
    record = json.loads(document_json(d, [], "A/RES/79/243/"))
    jsonschema.validate(record, json.loads(schema_bytes()))
    headings = [b for annex in record["annexes"] for b in annex["blocks"] if b["type"] == "heading"]
    titled = [(h["text"]["text"], h["title"]["text"]) for h in headings if h["title"] is not None]
    assert ("Article 1", "Statement of purpose") in titled
    printed = [(b.text.text, b.title.text) for a in d.annexes for b in a.blocks if getattr(b, "title", None) is not None]
    assert titled == printed and len(printed) > 60
