"""The site's data: each document's model as JSON beside its page, and every
mandate of the site as ``mandates.json`` and ``mandates.csv``.

The shape is described by ``schema/document.schema.json`` (shipped in the
package and published at ``schema/document.schema.json``); keys are sorted and
lists keep reading order, so the same sources give the same bytes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from importlib import resources
from typing import Any, Iterable, Iterator

from . import anchors, jsontext
from .mandates.calendar import Row
from .mandates.model import Mandate
from .model import Annex, Block, Document, Heading, Paragraph, RichText, Table

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


def _rich(rich: RichText) -> dict[str, Any]:
    return {
        "text": rich.text,
        "italics": [list(span) for span in rich.italics],
        "notes": [{"offset": n.offset, "number": n.number} for n in rich.notes],
    }


def _paragraph(para: Paragraph) -> dict[str, Any]:
    return {
        "type": "paragraph",
        "role": para.role,
        "anchor": para.anchor,
        "label": anchors.label(para.anchor),
        "number": para.number,
        "lead": para.lead,
        "body": _rich(para.body),
        "line": para.line,
        "children": [_paragraph(c) for c in para.children],
    } | ({"tables": [_table(t) for t in para.tables]} if para.tables else {})


def _table(table: Table) -> dict[str, Any]:
    return {
        "line": table.line,
        "read_from": table.read_from,
        "header_rows": table.header_rows,
        "caption": _rich(table.caption) if table.caption is not None else None,
        "rows": [[_rich(cell) for cell in row] for row in table.rows],
        "pre": _rich(table.pre) if table.pre is not None else None,
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Heading):
        title = _rich(block.title) if block.title is not None else None  # "General provisions" under "Article 1"
        return {"type": "heading", "anchor": block.anchor, "level": block.level, "text": _rich(block.text), "title": title, "line": block.line}
    return _paragraph(block)


def _annex(annex: Annex) -> dict[str, Any]:
    return {"anchor": annex.anchor, "title": _rich(annex.title), "blocks": [_block(b) for b in annex.blocks], "line": annex.line}


def _mandate(m: Mandate, url: str) -> dict[str, Any]:
    data = m.to_dict()
    data["paragraph_label"] = anchors.label(m.anchor)
    data["url"] = f"{url}#{m.anchor}"
    return data


def document_json(doc: Document, mandates: Iterable[Mandate], url: str, site_url: str = "") -> bytes:
    """``doc`` as JSON: metadata, every block with its anchor, footnotes and mandates.

    ``url`` is the page's site-relative URL; with ``site_url`` links are absolute.
    """
    return fill_document(document_template(doc, list(mandates)), page_url(url, site_url))


def page_url(url: str, site_url: str = "") -> str:
    """What the data files link to: the site-relative ``url``, absolute with ``site_url``."""
    return site_url.rstrip("/") + "/" + url if site_url else url


# Where a template leaves the page's URL out. JSON text holds no raw control character (strings
# escape them), so a NUL byte marks the spot unambiguously.
HOLE = b"\x00"


def document_template(doc: Document, mandates: list[Mandate]) -> bytes:
    """:func:`document_json` without the page's URL, which a build knows only once every page has
    claimed its URL: the part that depends on the text alone, made once per text and cached.
    :func:`fill_document` puts the URL in."""
    holes = 1 + len(mandates)  # the page's URL, and each mandate's link to its paragraph
    for attempt in range(100):
        token = f"\x00url{attempt}\x00"  # stands for the URL: checked to occur nowhere else, as a text could hold it
        spelled = jsontext.dumps(token)[1:-1]  # JSON strings cannot span it: it holds no quote
        text = jsontext.dumps(_document_data(doc, mandates, token)) + "\n"
        if text.count(spelled) == holes:
            return text.replace(spelled, "\x00").encode("utf-8")
    raise ValueError(f"{doc.path}: every URL token is taken by its text")  # pragma: no cover - 100 tokens in one text


def fill_document(template: bytes, url: str) -> bytes:
    """The data file of a page at ``url`` (made with :func:`page_url`) from its template."""
    return template.replace(HOLE, jsontext.dumps(url)[1:-1].encode("utf-8"))


def _document_data(doc: Document, mandates: list[Mandate], page: str) -> dict[str, Any]:
    meta = asdict(doc.meta)
    meta["kind"] = doc.meta.kind.value
    return {
        "schema": SCHEMA_PATH,
        "schema_version": SCHEMA_VERSION,
        "url": page,
        "source": doc.path,
        "meta": meta,
        "opening": _rich(doc.opening),
        "blocks": [_block(b) for b in doc.blocks],
        "annexes": [_annex(a) for a in doc.annexes],
        "closing": list(doc.closing),
        "footnotes": [{"number": n.number, "anchor": anchors.footnote(n.number), "body": _rich(n.body), "line": n.line} for n in doc.footnotes],
        "fallback": doc.fallback,
        "mandates": [_mandate(m, page) for m in mandates],
    }


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
        records = ",\n".join("\n".join("  " + line for line in dump(_record(r, site_url)).split("\n")) for r in part)
        yield ((",\n" if done else head + "\n") + records).encode("utf-8")
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
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for part in _batches(rows):
        for row in part:
            writer.writerow(_record(row, site_url))
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
