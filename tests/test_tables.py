"""Tables printed in the text (issue 11, item 5): cells from a PDF's layout, lines kept as
printed from plain text, a markdown pipe table as a table; every word on the page, all escaped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bs4 import BeautifulSoup

from mkdocs_resolutions._internal.readers.markdown import read_markdown
from mkdocs_resolutions._internal.readers.pdf import read_pdf
from mkdocs_resolutions._internal.readers.plaintext import read_plaintext
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker
from mkdocs_resolutions._internal.structure import build_document

from .hostile_support import render, visible_text, words
from .pdf_make import Run, make_pdf, resolution_cover

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

HEADER = ["Level", "Criterion", "Threshold", "Discount"]
BODY = [
    ["A", "Permanent members of the Security Council", "Not applicable", "Premium"],
    ["B", "All Member States, except those covered below", "Not applicable", "0"],
    ["C", "Member States with per capita income less than twice the <b>average</b> &amp; more", "Under 22,946", "7.5"],
    ["D", "Least developed countries", "Not applicable", "90"],
]


def _table_pdf() -> bytes:
    """A one-page resolution whose paragraph 1 introduces a four-column table (a cell on two lines,
    rules under the header and the last row), then paragraph 2."""
    r = Run
    page = [
        *resolution_cover("A/RES/99/250", "99/250. Scale of assessments"),
        r("Recalling", 108, 280, 10, "Times-Italic"), r("its resolution 98/1 of 1 January 2098,", 150, 280),
        r("1.", 108, 300), r("Decides", 125, 300, 10, "Times-Italic"),
        r("that the levels are set forth in the table below:", 160, 300),
        r("Table 1", 72, 324, 10, "Times-Bold"),
    ]
    columns = (72, 120, 380, 480)
    page += [r(text, x, 340, 9, "Times-Italic") for text, x in zip(HEADER, columns)]
    y = 358.0
    for cells in BODY:
        first, _, rest = cells[1].partition(" twice")
        row = [cells[0], first, cells[2], cells[3]]
        page += [r(text, x, y, 9) for text, x in zip(row, columns)]
        if rest:
            y += 10
            page.append(r("twice" + rest, 120, y, 9))
        y += 16
    page += [r("2.", 108, 440), r("Encourages", 125, 440, 10, "Times-Italic"),
             r("Member States to move up voluntarily.", 180, 440)]
    return make_pdf([page], rules=[(0, 346, 72, 540), (0, 420, 72, 540)])


def test_a_table_in_a_pdf_is_read_cell_by_cell() -> None:
    raw = read_pdf(_table_pdf(), "t.pdf")
    tables = [p.table for p in raw.paras if p.table is not None]
    assert len(tables) == 1
    table = tables[0]
    assert [[c.text for c in row] for row in table.rows] == [HEADER, *BODY]
    assert table.header_rows == 1
    assert table.caption is not None and table.caption.text == "Table 1"
    assert table.read_from == "pdf"
    assert [p.text.text for p in raw.paras if p.table is None][-2:] == [
        "1. Decides that the levels are set forth in the table below:",
        "2. Encourages Member States to move up voluntarily.",
    ]


def test_the_table_belongs_to_the_paragraph_that_introduces_it_and_renders_as_a_table() -> None:
    page = render(_table_pdf(), "t.pdf")
    op1 = next(p for p in page.doc.paragraphs() if p.anchor == "op-1")
    assert len(op1.tables) == 1 and [p.anchor for p in page.doc.paragraphs()] == ["pp-1", "op-1", "op-2"]
    soup = page.soup()
    figure = soup.select_one("#op-1 figure.res-table")
    scroll = figure.select_one("div.res-table__scroll")
    assert scroll["role"] == "region" and scroll["tabindex"] == "0" and scroll["aria-label"] == "Table 1"
    table = scroll.select_one("table")
    assert table.caption.get_text() == "Table 1"
    assert [(th.get_text(), th["scope"]) for th in table.select("thead th")] == [(h, "col") for h in HEADER]
    assert [[td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")] == BODY
    assert "<b>average</b>" not in page.html and "&lt;b&gt;average&lt;/b&gt; &amp;amp; more" in page.html
    # no word of the table lost or doubled
    text = " ".join(["Table 1", *HEADER, *(c for row in BODY for c in row)])
    assert words(visible_text(str(figure))) == words(text)


def _pdftotext(data: bytes, tmp_path: Path, *args: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


LAYOUT_LINES = [
    "Table 1",
    "Level        Criterion                                                   Threshold                Discount",
    "",
    "A            Permanent members of the Security Council                   Not applicable           Premium",
    "B            All Member States, except those covered below               Not applicable           0",
    "C            Member States with per capita income less than              Under 22,946             7.5",
    "             twice the <b>average</b> &amp; more",
    "D            Least developed countries                                   Not applicable           90",
]


def test_the_same_table_from_pdftotext_layout_is_kept_as_printed(tmp_path: Path) -> None:
    text = _pdftotext(_table_pdf(), tmp_path, "-layout")
    page = render(text.encode(), "t.txt")
    op1 = next(p for p in page.doc.paragraphs() if p.anchor == "op-1")
    assert [t.pre.text.split("\n") for t in op1.tables if t.pre is not None] == [LAYOUT_LINES]
    assert op1.body.text == "that the levels are set forth in the table below:"
    pre = page.soup().select_one("#op-1 figure.res-table--text pre.res-table__pre")
    assert pre.get_text().split("\n") == LAYOUT_LINES
    assert "Table read from plain text" in page.soup().select_one("#op-1 figcaption").get_text()
    assert words(visible_text(str(pre))) == words("\n".join(LAYOUT_LINES)) and "<b>" not in pre.decode_contents()


def test_the_same_table_from_pdftotext_default_is_one_block_not_a_sentence(tmp_path: Path) -> None:
    text = _pdftotext(_table_pdf(), tmp_path)
    page = render(text.encode(), "t.txt")
    pres = [t.pre.text for p in page.doc.paragraphs() for t in p.tables if t.pre is not None]
    assert len(pres) == 1
    cells = pres[0].split("\n")
    assert cells[:6] == ["Criterion", "Threshold", "Discount", "A", "Permanent members of the Security Council", "Not applicable"]
    assert cells[-4:] == ["D", "Least developed countries", "Not applicable", "90"]
    assert not [p for p in page.doc.paragraphs() if "Not applicable" in p.body.text]  # no word soup
    assert words(text) - page.page_words() <= words("Resolution adopted by the General Assembly on 1 January 2099 "
                                                    "99 250 Level")  # cover fields; "Level" went with the line above


def test_corpus_scale_of_assessments_from_plain_text_is_a_preformatted_table() -> None:
    """A/RES/79/250 paragraph 11's table of ten levels: before, one 'text-1' paragraph of word soup."""
    path = CORPUS / "A-RES-79-250.txt"
    if not path.is_file():
        pytest.skip(f"corpus not found: {CORPUS}")
    text = path.read_text(encoding="utf-8")
    page = render(text.encode(), path.name)
    op11 = next(p for p in page.doc.paragraphs() if p.anchor == "op-11")
    assert op11.body.text.endswith("set forth in the table below:")
    (table,) = op11.tables
    lines = table.pre.text.split("\n")
    assert lines[:8] == ["Level", "Criterion", "Threshold in United States", "dollars (2025–2027)", "Discount",
                         "(percentage)", "A", "Permanent members of the Security Council"]
    assert lines[-4:] == ["J", "Least developed countries (except level A and C contributors)", "Not applicable", "90"]
    assert len(lines) == 53 and table.line == 158
    assert [p.anchor for p in page.doc.paragraphs() if p.role == "text"] == ["text-1"]  # the table's note only
    pre = page.soup().select_one("#op-11 figure.res-table--text pre")
    assert words(visible_text(str(pre))) == words("\n".join(text.split("\n")[157:210]))  # source lines 158-210
    # a citation inside the table is a link like any other, and counts as cited from paragraph 11
    assert [(a.get_text(), a["data-symbol"]) for a in pre.select("a.res-cite")] == [("55/235", "A/RES/55/235")]
    # every table found in the 160 corpus texts: this one only
    found = []
    for f in sorted(CORPUS.glob("*.txt")):
        raw = read_plaintext(f.read_text(encoding="utf-8"), f.name)
        found += [(f.name, p.line) for p in raw.paras if p.table is not None]
    assert found == [("A-RES-79-250.txt", 158)]


def test_no_table_found_in_the_corpus_pdfs() -> None:
    """None of the 39 corpus PDFs prints a table: no numbered list or cover is taken for one."""
    pdfs = sorted((CORPUS / "originals").glob("*.pdf"))
    if not pdfs:
        pytest.skip(f"corpus PDFs not found: {CORPUS}")
    found = [(f.name, p.line) for f in pdfs for p in read_pdf(f.read_bytes(), f.name).paras if p.table is not None]
    assert found == []


def test_a_markdown_pipe_table_is_a_table_and_escaped() -> None:
    text = (
        "The General Assembly,\n\n1. *Approves* the appropriations below:\n\n"
        "| Section | Amount <i>(US$)</i> |\n|---|---:|\n| Overall policy-making | 1 250 300 |\n"
        "| Political affairs \\| peace | <script>x</script> |\n| Yemen (resolution 2140 (2015)) | 12 |\n\n"
        "2. *Decides* to remain seized of the matter.\n"
    )
    doc = build_document(read_markdown(text, "budget.md"))
    op1 = next(p for p in doc.paragraphs() if p.anchor == "op-1")
    (table,) = op1.tables
    assert table.read_from == "markdown" and table.header_rows == 1
    assert [[c.text for c in row] for row in table.rows] == [
        ["Section", "Amount <i>(US$)</i>"], ["Overall policy-making", "1 250 300"],
        ["Political affairs | peace", "<script>x</script>"], ["Yemen (resolution 2140 (2015))", "12"]]
    from mkdocs_resolutions._internal.corpus import analyse

    a = analyse(text.encode(), "budget.md")
    assert [(d.line, d.code) for d in a.diagnostics if d.code.startswith("citation")] == [
        (9, "citation-date-mismatch")]  # a Council resolution cited in a cell is checked like any other
    assert [[c.text for c in row] for p in a.doc.paragraphs() for t in p.tables for row in t.rows] == [
        [c.text for c in row] for row in table.rows]  # the pipeline reads the text as markdown too
    html = render_document(a.doc, Linker({}, "x/y/", "https://undocs.org/{symbol}"), a.citations)
    soup = BeautifulSoup(html, "lxml")
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert [th["scope"] for th in soup.select("#op-1 thead th")] == ["col", "col"]
    assert [[td.get_text() for td in tr.select("td")] for tr in soup.select("#op-1 tbody tr")] == [
        ["Overall policy-making", "1 250 300"], ["Political affairs | peace", "<script>x</script>"],
        ["Yemen (resolution 2140 (2015))", "12"]]
    assert [a["data-symbol"] for a in soup.select("#op-1 td a.res-cite")] == ["S/RES/2140(2015)"]


def test_document_json_carries_the_tables_and_follows_the_schema(tmp_path: Path) -> None:
    import json

    jsonschema = pytest.importorskip("jsonschema")
    from mkdocs_resolutions._internal.export import document_json, schema_bytes

    for data, name in [(_table_pdf(), "t.pdf"), (_pdftotext(_table_pdf(), tmp_path, "-layout").encode(), "t.txt")]:
        page = render(data, name)
        record = json.loads(document_json(page.doc, [], "A/RES/99/250/"))
        jsonschema.validate(record, json.loads(schema_bytes()))
        op1 = next(b for b in record["blocks"] if b.get("anchor") == "op-1")
        (table,) = op1["tables"]
        if name == "t.pdf":
            assert [[c["text"] for c in row] for row in table["rows"]] == [HEADER, *BODY] and table["pre"] is None
        else:
            assert table["rows"] == [] and table["pre"]["text"].split("\n") == LAYOUT_LINES
        assert "tables" not in next(b for b in record["blocks"] if b.get("anchor") == "op-2")


def test_a_tables_words_are_found_by_search_under_its_paragraph() -> None:
    """A/RES/79/250's table of levels (paragraph 11), read from plain text: its cells are searchable."""
    from .corpus_site import corpus_site
    from .test_search import need_node, query

    need_node()
    [res] = query(corpus_site(), [{"q": "least developed countries contributors premium", "limit": 3}])
    first = res["results"][0]
    assert first["symbol"] == "A/RES/79/250"
    assert "op-11" in {p["id"] for p in first["paragraphs"]}


def test_the_pdf_and_its_layout_text_are_one_document_with_one_table(tmp_path: Path) -> None:
    """Both forms in the docs folder: the text agrees with the PDF (same paragraphs, the table in the same one)."""
    from mkdocs_resolutions._internal.corpus import analyse, choose_forms

    text = _pdftotext(_table_pdf(), tmp_path, "-layout").encode()
    _kept, dropped, notes = choose_forms([("t.pdf", analyse(_table_pdf(), "t.pdf")), ("t.txt", analyse(text, "t.txt"))])
    assert dropped == {"t.txt": "t.pdf"} and [n.code for n in notes] == ["form-duplicate"]


def test_labels_before_their_text_are_no_columns() -> None:
    """ "1.  (a)  Decides ..." three times over is a list, not a table of three columns."""
    page = [Run("The General Assembly,", 108, 100, 10, "Times-Italic")]
    for k, label in enumerate(["(a)", "(b)", "(c)", "(d)"]):
        page += [Run(f"{k + 1}.", 108, 120 + 14 * k), Run(label, 135, 120 + 14 * k),
                 Run(f"Decides to act on matter {k + 1};", 170, 120 + 14 * k)]
    raw = read_pdf(make_pdf([page]), "list.pdf")
    assert [p.table for p in raw.paras] == [None] * len(raw.paras)
    assert "4. (d) Decides to act on matter 4;" in raw.paras[-1].text.text
