"""Mandates on the built site (mkdocs.yml, --strict): markers, calendar pages, data files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.export import schema_bytes


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_marked_paragraphs_and_list_on_a_resolution_page(built_site):
    html = _html(built_site, "A/RES/80/229")
    marked = re.findall(r'id="(op-[\w-]+)"[^>]*>(?:(?!</p>).)*?<span class="res-mandate"', html, re.S)
    assert "op-78" in marked  # "Requests the Secretary-General to submit ... at its eighty-first session a report"
    assert re.search(r'id="mandates-in-text"', html)
    assert re.search(r'<a href="#op-78">Paragraph 78</a>: Report · Secretary-General → <a href="../../../../mandates/sessions/ga-81/">GA 81</a>', html)


def test_calendar_pages_list_their_session_and_link_to_paragraphs(built_site):
    html = _html(built_site, "mandates/sessions/ga-81")
    assert "General Assembly, session 81 (September 2026 – September 2027)" in html
    assert 'href="../../../A/RES/80/229/#op-78"' in html
    overview = _html(built_site, "mandates")
    assert "<tr>" not in overview  # the overview links to the listings; it lists no rows itself
    for part in ("sessions/ga-81/", "years/2026/", "addressees/secretary-general/", "expiries/"):
        assert part in overview


def test_mandate_pages_are_out_of_the_nav(built_site):
    home = _html(built_site, ".")
    assert "mandates/sessions" not in home and "mandates/addressees" not in home


def test_every_row_of_the_site_data_links_to_an_existing_paragraph(built_site):
    rows = list(csv.DictReader((built_site / "mandates.csv").open(encoding="utf-8")))
    data = json.loads((built_site / "mandates.json").read_text(encoding="utf-8"))
    assert len(rows) == len(data["mandates"]) > 500
    ids: dict[str, set[str]] = {}
    for row in rows:
        path, anchor = row["url"].removeprefix("https://resolutions.example.org/").split("#")
        if path not in ids:
            ids[path] = set(re.findall(r'id="([^"]+)"', _html(built_site, path)))
        assert anchor in ids[path], row["url"]


def test_document_json_beside_every_page_follows_the_schema(built_site):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(schema_bytes()))
    pages = sorted(p.parent for p in built_site.rglob("index.html") if 'class="res-doc' in p.read_text(encoding="utf-8"))
    assert len(pages) > 150
    for folder in pages:
        record = json.loads((folder / "document.json").read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (folder, errors[:3])
    assert (built_site / "schema" / "document.schema.json").read_bytes() == schema_bytes()
