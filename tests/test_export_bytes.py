"""The data files' bytes are the standard library's: ``document.json`` is written straight from the
model (no dicts), ``mandates.json`` rows by the C encoder; both must give exactly what
``json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1)`` gives for the record built
here from the model with ``dataclasses.asdict``, on the corpus and on made-up texts holding every
part of the model and every awkward character."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_resolutions._internal import anchors, export, jsontext
from mkdocs_resolutions._internal.corpus import analyse
from mkdocs_resolutions._internal.mandates import find_mandates
from mkdocs_resolutions._internal.mandates.model import Due, Mandate
from mkdocs_resolutions._internal.model import (
    Annex, Document, Footnote, Heading, Kind, Metadata, NoteMark, Paragraph, RichText, Table,
)

from .conftest import ROOT, need_corpus


def _rich(rich: RichText | None) -> dict[str, Any] | None:
    if rich is None:
        return None
    return {"text": rich.text, "italics": [list(span) for span in rich.italics],
            "notes": [{"offset": n.offset, "number": n.number} for n in rich.notes]}


def _paragraph(para: Paragraph) -> dict[str, Any]:
    data = {"type": "paragraph", "role": para.role, "anchor": para.anchor, "label": anchors.label(para.anchor),
            "number": para.number, "lead": para.lead, "body": _rich(para.body), "line": para.line,
            "children": [_paragraph(c) for c in para.children]}
    if para.tables:
        data["tables"] = [{"line": t.line, "read_from": t.read_from, "header_rows": t.header_rows, "caption": _rich(t.caption),
                           "rows": [[_rich(cell) for cell in row] for row in t.rows], "pre": _rich(t.pre)} for t in para.tables]
    return data


def _block(block: Heading | Paragraph) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "anchor": block.anchor, "level": block.level, "text": _rich(block.text),
                "title": _rich(block.title), "line": block.line}
    return _paragraph(block)


def record(doc: Document, mandates: list[Mandate], url: str) -> dict[str, Any]:
    """The record of ``document.json`` (see ``schema/document.schema.json``), built plainly."""
    meta = asdict(doc.meta)
    meta["kind"] = doc.meta.kind.value
    return {
        "schema": export.SCHEMA_PATH, "schema_version": export.SCHEMA_VERSION, "url": url, "source": doc.path, "meta": meta,
        "opening": _rich(doc.opening), "blocks": [_block(b) for b in doc.blocks],
        "annexes": [{"anchor": a.anchor, "title": _rich(a.title), "blocks": [_block(b) for b in a.blocks], "line": a.line}
                    for a in doc.annexes],
        "closing": list(doc.closing),
        "footnotes": [{"number": n.number, "anchor": anchors.footnote(n.number), "body": _rich(n.body), "line": n.line}
                      for n in doc.footnotes],
        "fallback": doc.fallback,
        "mandates": [asdict(m) | {"joint": list(m.joint), "paragraph_label": anchors.label(m.anchor), "url": f"{url}#{m.anchor}"}
                     for m in mandates],
    }


def plain_json(doc: Document, mandates: list[Mandate], url: str) -> bytes:
    """document.json as the standard library writes the same record, the URL in place."""
    return (json.dumps(record(doc, mandates, url), ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _written(doc: Document, mandates: list[Mandate], url: str) -> bytes:
    return export.fill_document(export.document_template(doc, mandates), url)


AWKWARD = 'q"b\\s/\x00\x1f\u2028\u2029é\U0001f600 \x00url0\x00'  # quotes, escapes, NULs (the hole), beyond the BMP


def _every_part() -> tuple[Document, list[Mandate]]:
    """A made-up text with every part of the model, and awkward characters in every string."""
    def rich(text: str) -> RichText:
        return RichText(text + AWKWARD, [(0, 1), (2, 4)], [NoteMark(3, "1"), NoteMark(5, "2-2")])

    table_cells = Table(line=9, rows=[[rich("a"), RichText()], [], [rich("b")]], header_rows=1, caption=rich("Table 1"),
                        row_lines=[9, 10, 11])
    table_text = Table(line=12, pre=rich("col  col"), read_from="text")
    child = Paragraph("sub", "op-1-a", "a", "", rich("child"), 4, tables=[table_text])
    para = Paragraph("operative", "op-1", "1", "Requests" + AWKWARD, rich("the Secretary-General to report"), 3, [child],
                     [table_cells])
    meta = Metadata(symbol="A/RES/80/1", organ="General Assembly", session_number=80, sponsors=["Kenya", AWKWARD],
                    kind=Kind.RESOLUTION, title=AWKWARD, agenda_item=None)
    doc = Document(
        "t" + AWKWARD + ".txt", meta, opening=rich("The General Assembly,"),
        blocks=[Heading(rich("I"), 2), Heading(rich("Article 1"), 5, "art-1", 3, rich("General")), para,
                Paragraph("preambular", "pp-1", None, "", RichText(), 7)],
        annexes=[Annex("annex", rich("Annex"), [Heading(rich("Part"), 20, None)], 19), Annex("annex-ii", RichText(), [], 0)],
        closing=["95th plenary meeting", AWKWARD], footnotes=[Footnote("1", rich("note"), 30), Footnote("2-2", RichText(), 31)],
        fallback=AWKWARD)
    mandates = [
        Mandate("op-1", "mandate", "Requests", "Secretary-General", AWKWARD, "report",
                Due("session", "GA 81", "at its eighty-first session", "GA", 81, None, "2026-09", "2027-09"),
                AWKWARD, "if " + AWKWARD, ("UNODC", AWKWARD)),
        Mandate("op-1-a", "call", "Calls upon", "States", "Member States", "other"),
        Mandate("op-1-a", "mandate", "Decides", "Mission", "the Mission", "extend", Due("until", "until 2026-04-30", "until", date="2026-04-30")),
    ]
    return doc, mandates


@pytest.mark.parametrize("url", ["A/RES/80/1/", "https://example.org/base/A/RES/80/1/", 'odd "name"\\é/\x00'])
def test_every_part_of_the_model_is_written_as_the_standard_library_writes_it(url):
    doc, mandates = _every_part()
    assert _written(doc, mandates, url) == plain_json(doc, mandates, url)
    assert _written(Document("empty.txt", Metadata()), [], url) == plain_json(Document("empty.txt", Metadata()), [], url)


def test_every_corpus_text_is_written_as_the_standard_library_writes_it():
    corpus = need_corpus()
    paths = sorted(corpus.glob("*.txt")) + sorted((corpus / "markdown").glob("*.md")) + sorted((ROOT / "source_docs").glob("*.txt"))
    assert len(paths) > 150
    differ = []
    for path in paths:
        analysis = analyse(path.read_bytes(), path.name)
        if _written(analysis.doc, analysis.mandates, "A/RES/1/") != plain_json(analysis.doc, analysis.mandates, "A/RES/1/"):
            differ.append(path.name)
    assert differ == []


def test_a_mandate_field_the_writer_does_not_know_fails_here():
    """The writer spells out Mandate's fields: the reference is ``asdict``, so a new field shows up as a difference."""
    doc, mandates = _every_part()
    assert sorted(record(doc, mandates, "u")["mandates"][0]) == sorted(
        [*Mandate.__dataclass_fields__, "paragraph_label", "url"])
    assert json.loads(_written(doc, mandates, "u"))["mandates"] == record(doc, mandates, "u")["mandates"]


def test_found_mandates_round_trip():
    from .test_mandates import doc as made_doc

    d = made_doc(("Requests the Secretary-General to:", ["Report annually;", "Consult States;"]), "Invites the Council to act;")
    found = find_mandates(d)
    assert len(found) == 4 and _written(d, found, "A/RES/80/1/") == plain_json(d, found, "A/RES/80/1/")


scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()


def _walked(value: object, newline: str) -> str:
    out: list[str] = []
    jsontext.emit(value, newline, out)
    return "".join(out)


@settings(max_examples=300)
@given(st.lists(st.text(max_size=6), max_size=5, unique=True), st.data(), st.integers(0, 3))
def test_records_of_the_same_keys_are_laid_out_as_the_walk_lays_them_out(keys, data, depth):
    """Keys with quotes, %, NULs; values of every JSON type; a container or a missing key falls back to the walk."""
    values = scalars | st.lists(scalars, max_size=2) | st.dictionaries(st.text(max_size=2), scalars, max_size=2)
    rows = data.draw(st.lists(st.fixed_dictionaries({k: (scalars if data.draw(st.booleans()) else values) for k in keys}), max_size=4))
    if rows and data.draw(st.booleans()):
        rows.append({"%s\x00": 1, **{k: None for k in keys[1:]}})  # other keys, in a row of its own
    newline = "\n" + " " * depth
    assert jsontext.records(rows, newline) == [_walked(row, newline) for row in rows]


def test_site_mandate_rows_take_the_c_encoder():
    """The rows of mandates.json are all scalars: the one-call path, not the walk, writes them."""
    rows = [{"b": "x\x00]\x00[\"", "a": 1, "c": None}, {"a": 2.5, "b": "%s", "c": True}]
    assert jsontext.records(rows, "\n  ") == [_walked(row, "\n  ") for row in rows]
    import unittest.mock

    with unittest.mock.patch.object(jsontext, "emit", side_effect=AssertionError("walked")):
        jsontext.records(rows, "\n  ")
