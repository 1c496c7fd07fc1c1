"""The site's data: each document's model as JSON beside its page, and every
mandate of the site as ``mandates.json`` and ``mandates.csv``.

The shape is described by ``schema/document.schema.json`` (shipped in the
package and published at ``schema/document.schema.json``); keys are sorted and
lists keep reading order, so the same sources give the same bytes.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from enum import Enum
from importlib import resources
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C escaper
from typing import Any, Iterable, Iterator

from . import anchors, jsontext
from .mandates.calendar import Row
from .mandates.model import Mandate
from .model import Annex, Block, Document, Footnote, Heading, Paragraph, RichText, Table

SCHEMA_VERSION = 1
SCHEMA_PATH = "schema/document.schema.json"
DOCUMENT_FILE = "document.json"
CSV_COLUMNS = [
    "document", "title", "organ", "document_date", "paragraph", "paragraph_label", "url", "kind", "verb",
    "addressee", "addressee_printed", "joint", "action", "due", "due_kind", "due_date", "due_body",
    "due_session", "first_due", "subject", "condition",
]


def schema_bytes() -> bytes:
    return (resources.files("mkdocs_resolutions._internal") / SCHEMA_PATH).read_bytes()


def document_json(doc: Document, mandates: Iterable[Mandate], url: str, site_url: str = "") -> bytes:
    """``doc`` as JSON: metadata, every block with its anchor, footnotes and mandates.

    ``url`` is the page's site-relative URL; with ``site_url`` links are absolute.
    """
    return fill_document(document_template(doc, list(mandates)), page_url(url, site_url))


def page_url(url: str, site_url: str = "") -> str:
    """What the data files link to: the site-relative ``url``, absolute with ``site_url``."""
    return site_url.rstrip("/") + "/" + url if site_url else url


# Where a template leaves the page's URL out. JSON text holds no raw control character (strings
# escape them), so a NUL byte marks the spot unambiguously, whatever the text holds.
HOLE = "\x00"


def document_template(doc: Document, mandates: list[Mandate]) -> bytes:
    """:func:`document_json` without the page's URL, which a build knows only once every page has
    claimed its URL: the part that depends on the text alone, made once per text and cached.
    :func:`fill_document` puts the URL in.

    The record is written straight from the model, key by key in sorted order, with the layout of
    ``json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1)`` (the tests hold it to that):
    building the nested dicts and walking them again cost a cold build over a second."""
    out: list[str] = []
    w = out.append
    i = "\n "
    w("{" + i + '"annexes": ')
    jsontext.array(doc.annexes, _annex, i, out)
    w("," + i + '"blocks": ')
    jsontext.array(doc.blocks, _block, i, out)
    w("," + i + '"closing": ')
    jsontext.emit(doc.closing, i, out)
    w("," + i + '"fallback": ' + ("null" if doc.fallback is None else _str(doc.fallback)) + "," + i + '"footnotes": ')
    jsontext.array(doc.footnotes, _footnote, i, out)
    w("," + i + '"mandates": ')
    jsontext.array(mandates, _mandate, i, out)
    w("," + i + '"meta": ')
    _fields(doc.meta, i, out)
    w("," + i + '"opening": ')
    _rich(doc.opening, i, out)
    w("," + i + '"schema": ' + _str(SCHEMA_PATH) + "," + i + f'"schema_version": {SCHEMA_VERSION},' + i
      + '"source": ' + _str(doc.path) + "," + i + '"url": "' + HOLE + '"\n}\n')
    return "".join(out).encode("utf-8")


def fill_document(template: bytes, url: str) -> bytes:
    """The data file of a page at ``url`` (made with :func:`page_url`) from its template."""
    return template.replace(HOLE.encode(), _str(url)[1:-1].encode("utf-8"))


# -- the record's parts, each written at its depth: ``nl`` is a newline and the indent of the part's
# own line, its members are one space further in.

_str = encode_basestring  # a JSON string, as ``json`` writes it (the C escaper)


def _rich(rich: RichText, nl: str, out: list[str]) -> None:
    i = nl + " "
    if not rich.italics and not rich.notes:  # most text: one piece
        out.append(f'{{{i}"italics": [],{i}"notes": [],{i}"text": {_str(rich.text)}{nl}}}')
        return
    j = i + " "
    k = j + " "
    spans = f"[{j}" + f",{j}".join(f"[{k}" + f",{k}".join(map(str, span)) + f"{j}]" for span in rich.italics) + f"{i}]" if rich.italics else "[]"
    notes = f"[{j}" + f",{j}".join(
        f'{{{k}"number": {_str(n.number)},{k}"offset": {n.offset}{j}}}' for n in rich.notes) + f"{i}]" if rich.notes else "[]"
    out.append(f'{{{i}"italics": {spans},{i}"notes": {notes},{i}"text": {_str(rich.text)}{nl}}}')


def _optional_rich(rich: RichText | None, nl: str, out: list[str]) -> None:
    if rich is None:
        out.append("null")
    else:
        _rich(rich, nl, out)


def _paragraph(para: Paragraph, nl: str, out: list[str]) -> None:
    i = nl + " "
    out.append(f'{{{i}"anchor": {_str(para.anchor)},{i}"body": ')
    _rich(para.body, i, out)
    if para.children:
        out.append(f',{i}"children": ')
        jsontext.array(para.children, _paragraph, i, out)
        out.append(",")
    else:
        out.append(f',{i}"children": [],')
    number = "null" if para.number is None else _str(para.number)
    out.append(f'{i}"label": {_str(anchors.label(para.anchor))},{i}"lead": {_str(para.lead)},{i}"line": {para.line},'
               f'{i}"number": {number},{i}"role": {_str(para.role)},')
    if para.tables:
        out.append(f'{i}"tables": ')
        jsontext.array(para.tables, _table, i, out)
        out.append(",")
    out.append(f'{i}"type": "paragraph"{nl}}}')


def _table(table: Table, nl: str, out: list[str]) -> None:
    i = nl + " "
    w = out.append
    w("{" + i + '"caption": ')
    _optional_rich(table.caption, i, out)
    w("," + i + f'"header_rows": {table.header_rows},' + i + f'"line": {table.line},' + i + '"pre": ')
    _optional_rich(table.pre, i, out)
    w("," + i + '"read_from": ' + _str(table.read_from) + "," + i + '"rows": ')
    jsontext.array(table.rows, _row, i, out)
    w(nl + "}")


def _row(row: list[RichText], nl: str, out: list[str]) -> None:
    jsontext.array(row, _rich, nl, out)


def _block(block: Block, nl: str, out: list[str]) -> None:
    if not isinstance(block, Heading):
        _paragraph(block, nl, out)
        return
    i = nl + " "
    w = out.append
    w("{" + i + '"anchor": ' + ("null" if block.anchor is None else _str(block.anchor)) + "," + i + f'"level": {block.level},'
      + i + f'"line": {block.line},' + i + '"text": ')
    _rich(block.text, i, out)
    w("," + i + '"title": ')
    _optional_rich(block.title, i, out)  # "General provisions" under "Article 1"
    w("," + i + '"type": "heading"' + nl + "}")


def _annex(annex: Annex, nl: str, out: list[str]) -> None:
    i = nl + " "
    w = out.append
    w("{" + i + '"anchor": ' + _str(annex.anchor) + "," + i + '"blocks": ')
    jsontext.array(annex.blocks, _block, i, out)
    w("," + i + f'"line": {annex.line},' + i + '"title": ')
    _rich(annex.title, i, out)
    w(nl + "}")


def _footnote(note: Footnote, nl: str, out: list[str]) -> None:
    i = nl + " "
    out.append("{" + i + '"anchor": ' + _str(anchors.footnote(note.number)) + "," + i + '"body": ')
    _rich(note.body, i, out)
    out.append("," + i + f'"line": {note.line},' + i + '"number": ' + _str(note.number) + nl + "}")


def _mandate(m: Mandate, nl: str, out: list[str]) -> None:
    """A mandate's fields (as ``dataclasses.asdict`` gives them), its paragraph's label and a link
    to it (the page's URL is the hole). Written out here, as ``_fields`` would take twice as long;
    a test holds them to ``asdict``'s."""
    i = nl + " "
    s = "," + i
    if m.joint:
        j = i + " "
        joint = "[" + j + ("," + j).join(map(_str, m.joint)) + i + "]"
    else:
        joint = "[]"
    out.append("{" + i + '"action": ' + _str(m.action) + s + '"addressee": ' + _str(m.addressee) + s + '"addressee_printed": '
               + _str(m.addressee_printed) + s + '"anchor": ' + _str(m.anchor) + s + '"condition": ' + _str(m.condition) + s + '"due": ')
    if m.due is None:
        out.append("null")
    else:
        _fields(m.due, i, out)
    out.append(s + '"joint": ' + joint + s + '"kind": ' + _str(m.kind) + s + '"paragraph_label": ' + _str(anchors.label(m.anchor))
               + s + '"subject": ' + _str(m.subject) + s + '"url": "' + HOLE + _str("#" + m.anchor)[1:] + s + '"verb": ' + _str(m.verb)
               + nl + "}")


_SORTED: dict[type, list[str]] = {}  # a dataclass's field names in JSON's order


def _fields(obj: Any, nl: str, out: list[str]) -> None:
    """A dataclass of plain values as ``dataclasses.asdict`` gives it, an enum as its value."""
    names = _SORTED.get(type(obj))
    if names is None:
        names = _SORTED[type(obj)] = sorted(f.name for f in dataclasses.fields(obj))
    i = nl + " "
    w = out.append
    separator = "{" + i
    for key in names:
        w(separator + _str(key) + ": ")
        separator = "," + i
        value = getattr(obj, key)
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, str):
            w(_str(value))
        else:
            jsontext.emit(value, i, out)
    w(nl + "}")


def _record(row: Row, site_url: str) -> dict[str, Any]:
    m, due = row.mandate, row.mandate.due
    base = site_url.rstrip("/") + "/" if site_url else ""
    return {
        "document": row.symbol,
        "title": row.title,
        "organ": row.organ,
        "document_date": row.doc_date,
        "paragraph": m.anchor,
        "paragraph_label": anchors.label(m.anchor),
        "url": base + row.paragraph_url,
        "kind": m.kind,
        "verb": m.verb,
        "addressee": m.addressee,
        "addressee_printed": m.addressee_printed,
        "joint": "; ".join(m.joint),
        "action": m.action,
        "due": due.label if due else "",
        "due_kind": due.kind if due else "",
        "due_date": (due.date or "") if due else "",
        "due_body": (due.body or "") if due else "",
        "due_session": due.session if due and due.session else "",
        "first_due": row.first_due,
        "subject": m.subject,
        "condition": m.condition,
    }


def mandates_json(rows: Iterable[Row], site_url: str = "") -> bytes:
    """Every mandate and call of the site, one record each (the columns of :data:`CSV_COLUMNS`)."""
    return b"".join(mandates_json_chunks(rows, site_url))


def mandates_json_chunks(rows: Iterable[Row], site_url: str = "") -> Iterator[bytes]:
    """:func:`mandates_json` in pieces of CHUNK records, so the whole file is never in memory at once
    (it grows with the site). The bytes are ``json.dumps(data, sort_keys=True, indent=1)``'s: each
    record dumped alone, indented to its depth, between the head and tail of the whole."""
    dump = jsontext.dumps
    whole = {"schema_version": SCHEMA_VERSION, "columns": CSV_COLUMNS, "mandates": [0]}
    head, tail = dump(whole).split("\n  0\n")  # the records sit at depth 2, one line each here
    done = False
    for part in _batches(rows):
        records = ",\n  ".join(jsontext.records([_record(r, site_url) for r in part], "\n  "))
        yield ((",\n  " if done else head + "\n  ") + records).encode("utf-8")
        done = True
    if done:
        yield ("\n" + tail + "\n").encode("utf-8")
    else:
        yield (dump({**whole, "mandates": []}) + "\n").encode("utf-8")


def mandates_csv(rows: Iterable[Row], site_url: str = "") -> bytes:
    return b"".join(mandates_csv_chunks(rows, site_url))


def mandates_csv_chunks(rows: Iterable[Row], site_url: str = "") -> Iterator[bytes]:
    """:func:`mandates_csv` in pieces of CHUNK rows (see :func:`mandates_json_chunks`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for part in _batches(rows):
        writer.writerows([*_record(row, site_url).values()] for row in part)  # a record's keys are the columns, in order
        yield out.getvalue().encode("utf-8")
        out.seek(0)
        out.truncate()
    if out.tell():
        yield out.getvalue().encode("utf-8")


CHUNK = 1000  # records per piece of the site-wide files


def _batches(rows: Iterable[Row]) -> Iterator[list[Row]]:
    part: list[Row] = []
    for row in rows:
        part.append(row)
        if len(part) == CHUNK:
            yield part
            part = []
    if part:
        yield part
