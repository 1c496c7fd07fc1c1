"""Structure that one rule reads the same in every form: parts A, B, C (or sections I, II) with their own
preamble and numbering, opening formulas inside the text, annex titles and preambles, unnumbered
operative clauses, section titles between paragraphs.

The two part fixtures (``tests/fixtures/structure``) are written in the shape of real prints: a
Fourth Committee text of "Draft resolutions" A and B (each with "The General Assembly,"), and a
budget resolution whose sections I and II each number from 1 under one opening line. The corpus has
no such text; its PyMuPDF plain text and pymupdf4llm markdown forms are given, the PDF form is drawn
here from the plain text's lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_resolutions._internal import anchors
from mkdocs_resolutions._internal.model import Document, Heading, Paragraph
from mkdocs_resolutions._internal.parse import read_source

from .conftest import CORPUS, need_corpus
from .pdf_make import Run, make_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "structure"


def _draw(text: str, tight: bool = False) -> bytes:
    """A one-page PDF of a plain-text fixture: lines 12 pt apart, numbers hanging, part marks bold.
    ``tight``: each mark and the title under it bold, centred and with no space between them."""
    runs, y = [], 60.0
    lines = [line.strip() for line in text.split("\n")]
    i, title_next = 0, False
    while i < len(lines):
        line = lines[i]
        if line.startswith("____"):
            break  # the footnotes are not drawn: this PDF checks structure only
        if not line:
            y, i = y + (0 if tight and title_next else 6), i + 1
            continue
        if re.fullmatch(r"\d{1,3}\.|\([a-z]\)", line):
            x = 72 if line[0].isdigit() else 108
            runs += [Run(line, x, y), Run(lines[i + 1], x + 36, y)]
            i += 2
        else:
            mark = re.fullmatch(r"[A-H]|[IVX]{1,5}", line) is not None
            bold = mark or (tight and title_next)
            x = (300 if mark else 200) if tight and bold else 72
            runs.append(Run(line, x, y, font="Times-Bold" if bold else "Times-Roman"))
            i += 1
            title_next = mark
        y += 12
    return make_pdf([runs], height=max(792.0, y + 60))


def _forms(stem: str) -> dict[str, Document]:
    txt = (FIXTURES / f"{stem}.txt").read_bytes()
    return {
        "txt": read_source(txt, f"{stem}.txt"),
        "md": read_source((FIXTURES / f"{stem}.md").read_bytes(), f"{stem}.md"),
        "pdf": read_source(_draw(txt.decode()), f"{stem}.pdf"),
        "pdf-tight": read_source(_draw(txt.decode(), tight=True), f"{stem}.pdf"),
    }


def _outline(doc: Document) -> list[str]:
    """Each block as "id: label" (headings as "# id text | title"), in order."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"# {block.anchor} {block.text.text} | {block.title.text if block.title else ''}")
        else:
            out += [f"{p.anchor}: {anchors.label(p.anchor)}" for p in block.walk()]
    return out


DRAFT_RESOLUTIONS = [
    "# res-a A | Information in the service of humanity",
    "res-a-opening: Resolution A, opening formula",
    "res-a-pp-1: Resolution A, preambular paragraph 1",
    "res-a-pp-2: Resolution A, preambular paragraph 2",
    "res-a-op-1: Resolution A, paragraph 1",
    "res-a-op-2: Resolution A, paragraph 2",
    "# res-b B | United Nations global communications policies and activities",
    "res-b-opening: Resolution B, opening formula",
    "res-b-pp-1: Resolution B, preambular paragraph 1",
    "res-b-pp-2: Resolution B, preambular paragraph 2",
    "res-b-pp-3: Resolution B, preambular paragraph 3",
    "res-b-op-1: Resolution B, paragraph 1",
    "res-b-op-2: Resolution B, paragraph 2",
    "res-b-op-2-a: Resolution B, paragraph 2 (a)",
    "res-b-op-2-b: Resolution B, paragraph 2 (b)",
    "res-b-op-3: Resolution B, paragraph 3",
]

SECTIONS = [
    "# sec-i I | Proposed programme budget for 2025",
    "sec-i-pp-1: Section I, preambular paragraph 1",
    "sec-i-pp-2: Section I, preambular paragraph 2",
    "sec-i-op-1: Section I, paragraph 1",
    "sec-i-op-2: Section I, paragraph 2",
    "# sec-ii II | Revised estimates relating to the Human Rights Council",
    "sec-ii-pp-1: Section II, preambular paragraph 1",
    "sec-ii-op-1: Section II, paragraph 1",
    "sec-ii-op-2: Section II, paragraph 2",
    "sec-ii-op-3: Section II, paragraph 3",
]


@pytest.mark.parametrize("form", ["txt", "md", "pdf", "pdf-tight"])
@pytest.mark.parametrize(("stem", "expected"), [("A-C.4-79-L.99", DRAFT_RESOLUTIONS), ("A-RES-79-999", SECTIONS)])
def test_parts_have_their_own_preamble_and_numbering(stem: str, expected: list[str], form: str) -> None:
    doc = _forms(stem)[form]
    assert _outline(doc) == expected
    codes = {d.code for d in doc.diagnostics}
    assert not codes & {"number-repeated", "numbering-gap", "no-opening-line"}, doc.diagnostics
    assert [p.anchor for p in doc.operative() if anchors.parse(p.anchor).is_operative] == [
        line.split(":")[0] for line in expected if re.match(r"\w+-\w+-op-\d+:", line)
    ]


def test_plural_draft_resolutions_cover() -> None:
    doc = _forms("A-C.4-79-L.99")["txt"]
    assert (doc.meta.kind.value, doc.meta.title, doc.meta.sponsor_line) == (
        "draft resolution", "Questions relating to information", "the Chair of the Committee",
    )
    assert doc.opening.text == ""  # each resolution has its own opening formula, in its part
    sections = _forms("A-RES-79-999")["md"]
    assert sections.opening.text == "The General Assembly"  # one opening over sections I and II


def test_numbered_headings_whose_numbering_runs_on_are_not_parts() -> None:
    """ "I. General" with paragraphs 1-3, then "II. Follow-up" with 4-5: headings, ids unchanged."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 1/1,\n\nI\n\nGeneral\n\n1. Decides to act;\n\n"
        "2. Requests a report;\n\nII\n\nFollow-up\n\n3. Decides to remain seized of the matter.\n"
    ).encode()
    doc = read_source(text, "runs-on.txt")
    assert [b.anchor for b in doc.blocks] == ["pp-1", "part-i", None, "op-1", "op-2", "part-ii", None, "op-3"]
    assert not doc.diagnostics


def test_annex_title_on_two_lines_and_the_conventions_opening_formula() -> None:
    """A/RES/79/243: the annex title's first line ends ";"; "The States Parties to the present
    Convention," opens the Convention's preamble (like "The General Assembly,"); the preamble ends
    before Article 1, whose unnumbered paragraphs are its text."""
    need_corpus()
    doc = read_source((CORPUS / "A-RES-79-243.txt").read_bytes(), "A-RES-79-243.txt")
    annex = doc.annexes[0]
    assert annex.title.text.startswith("United Nations Convention against Cybercrime; Strengthening International Cooperation")
    assert annex.title.text.endswith("Electronic Form of Serious Crimes")
    firsts = [(b.anchor, b.role, (b.lead + " " + b.body.text)[:20]) for b in annex.blocks[1:4] if isinstance(b, Paragraph)]
    assert firsts == [
        ("annex-opening", "opening", " The States Parties "),
        ("annex-pp-1", "preambular", "Bearing in mind the "),
        ("annex-pp-2", "preambular", "Noting that informat"),
    ]
    ids = [p.anchor for p in doc.paragraphs()]
    assert not [a for a in ids if re.match(r"annex-art-\d+-pp-", a)]
    assert ids[ids.index("annex-art-1-text-1"):][:4] == [
        "annex-art-1-text-1", "annex-art-1-text-1-a", "annex-art-1-text-1-b", "annex-art-1-text-1-c",
    ]
    assert anchors.label("annex-art-2-text-1-e-i") == "Article 2, unnumbered paragraph 1 (e) (i)"
    assert anchors.label("annex-opening") == "Annex, opening formula"


ADOPTS = """\
The General Assembly,

Recalling its resolution 1/1,

Adopts the Convention on Things, as contained in the annex to the present resolution.

99th plenary meeting
1 December 2025

Annex

Convention on Things

The Parties to this Convention,

Considering that things matter,

Have agreed as follows:

Article 1

Things shall be kept.
"""


# The same as pymupdf4llm prints it: blank lines between blocks, italic leads, bold headings.
ADOPTS_MD = """\
_The General Assembly_ ,

_Recalling_ its resolution 1/1,

_Adopts_ the Convention on Things, as contained in the annex to the present resolution.

_99th plenary meeting 1 December 2025_

**Annex**

**Convention on Things**

_The Parties to this Convention_ ,

_Considering_ that things matter,

_Have agreed_ as follows:

**Article 1**

Things shall be kept.
"""


@pytest.mark.parametrize("form", ["txt", "md"])
def test_only_body_adopts_the_annexed_text(form: str) -> None:
    """An unnumbered "Adopts ... as contained in the annex" is the operative part, not a preambular paragraph."""
    text = ADOPTS if form == "txt" else ADOPTS_MD
    doc = read_source(text.encode(), f"adopts.{form}")
    assert [(p.anchor, p.role) for p in doc.paragraphs()] == [
        ("pp-1", "preambular"),
        ("text-1", "operative"),
        ("annex-opening", "opening"),
        ("annex-pp-1", "preambular"),
        ("annex-pp-2", "preambular"),
        ("annex-art-1-text-1", "text"),
    ]
    assert doc.operative()[0].lead == "Adopts"
    assert " ".join(doc.closing) == "99th plenary meeting 1 December 2025"
    assert doc.annexes[0].title.text == "Convention on Things"


def test_unnumbered_operative_clause_of_a_corpus_resolution() -> None:
    """A/RES/79/14 ends in "Decides to include ..." printed without a number: operative, not pp-4."""
    need_corpus()
    doc = read_source((CORPUS / "A-RES-79-14.txt").read_bytes(), "A-RES-79-14.txt")
    assert [(p.anchor, p.role, p.lead) for p in doc.blocks if isinstance(p, Paragraph)] == [
        ("pp-1", "preambular", "Taking note"),
        ("pp-2", "preambular", "Taking note also"),
        ("pp-3", "preambular", "Noting with appreciation"),
        ("text-1", "operative", "Decides"),
    ]


WSIS_TITLES = [
    "Introduction", "Information and communications technologies for development", "Closing all digital divides",
    "The digital economy", "Social and economic development", "Environmental impacts",
    "The enabling environment for digital development",
    "Building confidence and security in the use of information and communications technologies",
    "Capacity development", "Financial mechanisms", "Human rights and ethical dimensions of the information society",
    "Data governance", "Artificial intelligence", "Internet governance",
    "Development of the World Summit on the Information Society framework", "Monitoring and measurement",
    "Follow-up and review",
]


@pytest.mark.parametrize("name", ["A-80-L.41.txt", "A-RES-80-173.txt"])
def test_section_titles_of_the_draft_and_the_resolution_agree(name: str) -> None:
    """A two-line title between paragraphs 53 and 54, and titles first on a page (A/RES/80/173 put
    two of them into the paragraph before): headings in both texts, no paragraph gains their words."""
    need_corpus()
    doc = read_source((CORPUS / name).read_bytes(), name)
    titles = [b.text.text for b in doc.blocks if isinstance(b, Heading)][1:]
    assert titles == WSIS_TITLES
    assert not [p.anchor for p in doc.paragraphs() if p.anchor.startswith("text-") and p.anchor != "text-1"]
    op53 = next(p for p in doc.paragraphs() if p.anchor == "op-53")
    assert op53.body.text.endswith("support the development of demand-driven policy guidance, technical assistance "
                                   "and capacity-building, as appropriate, to realize them.")


def test_named_draft_resolutions_with_an_annex_between_them() -> None:
    """ "Draft resolution I" with its annex, then "Draft resolution II": the annex is resolution I's
    (``res-i-annex``) and ends where resolution II begins."""
    doc = read_source((FIXTURES / "E-2025-L.99.txt").read_bytes(), "E-2025-L.99.txt")
    assert _outline(doc) == [
        "# res-i Draft resolution I | Crime prevention",
        "res-i-opening: Resolution I, opening formula",
        "res-i-pp-1: Resolution I, preambular paragraph 1",
        "res-i-op-1: Resolution I, paragraph 1",
        "res-i-op-2: Resolution I, paragraph 2",
        "# res-ii Draft resolution II | Drug control",
        "res-ii-opening: Resolution II, opening formula",
        "res-ii-pp-1: Resolution II, preambular paragraph 1",
        "res-ii-op-1: Resolution II, paragraph 1",
    ]
    assert [(a.anchor, a.title.text, [b.anchor for b in a.blocks]) for a in doc.annexes] == [
        ("res-i-annex", "Guidelines", ["res-i-annex-p-1"]),
    ]
    assert anchors.label("res-i-annex-p-1") == "Resolution I, Annex, paragraph 1"
    assert not [d for d in doc.diagnostics if d.level == "warning"]


def test_a_parts_annex_is_shown_where_it_is_printed() -> None:
    """Resolution I's annex stands between resolution I and resolution II, on the page and in its outline."""
    from mkdocs_resolutions._internal.render.outline import outline

    from .hostile_support import render

    page = render((FIXTURES / "E-2025-L.99.txt").read_bytes(), "E-2025-L.99.txt")
    ids = [el["id"] for el in page.soup().select(".res-doc [id]")]
    assert ids.index("res-i-op-2") < ids.index("res-i-annex") < ids.index("res-i-annex-p-1") < ids.index("res-ii")
    entries = [e.anchor for e in outline(page.doc)]
    assert entries.index("res-i-annex") < entries.index("res-ii")


@pytest.mark.parametrize("font", ["Times-Roman", "Times-Italic"])
@pytest.mark.parametrize("lines", [1, 2])
def test_title_first_on_a_pdf_page_is_a_heading(lines: int, font: str) -> None:
    """The PDF form of A/RES/80/173's case: a title at the top of page 2, under paragraph 1's end."""
    page1 = [
        Run("The General Assembly,", 72, 100), Run("Recalling its resolution 1/1,", 108, 124),
        Run("1.", 72, 148), Run("Decides to adopt the plan contained in the annex to the present", 108, 148),
        Run("resolution.", 72, 160),
    ]
    title = ["Building confidence and security in the use of information and", "communications technologies"][:lines]
    page2 = [Run(t, 72, 80 + 12 * k, font=font) for k, t in enumerate(title)]
    page2 += [Run("2.", 72, 106 + 12 * lines), Run("Requests a report.", 108, 106 + 12 * lines)]
    doc = read_source(make_pdf([page1, page2]), "top.pdf")
    assert [(getattr(b, "anchor", "heading"), b.text.text if isinstance(b, Heading) else None) for b in doc.blocks] == [
        ("pp-1", None), ("op-1", None), (None, " ".join(title)), ("op-2", None),
    ]


def test_a_numbered_heading_over_unnumbered_text_is_not_a_part() -> None:
    """ "II" over paragraphs without numbers restarts nothing: headings, ids unchanged."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 1/1,\n\nI\n\nGeneral\n\n1. Decides to act;\n\n"
        "2. Requests a report;\n\nII\n\nStatement\n\nThe Assembly stands ready.\n"
    ).encode()
    doc = read_source(text, "no-restart.txt")
    assert [b.anchor for b in doc.blocks] == ["pp-1", "part-i", None, "op-1", "op-2", "part-ii", None, "text-1"]


@pytest.mark.parametrize(("stem", "expected"), [
    ("S-2022-158", [("annex", "THE HOUTHIS, AKA")]),
    ("S-2024-557", [("annex-i", "Delisting procedures"), ("annex-ii", "Terms of reference of the")]),
])
def test_annexes_agree_in_every_form(stem: str, expected: list[tuple[str, str]]) -> None:
    """The corpus texts with annexes that come in three forms: the same annexes, titles and paragraph ids."""
    need_corpus()
    paths = [CORPUS / f"{stem}.txt", CORPUS / "markdown" / f"{stem}.md", CORPUS / "originals" / f"{stem}.pdf"]
    if not all(p.exists() for p in paths):
        pytest.skip(f"{stem} is not in the corpus in three forms")
    docs = [read_source(p.read_bytes(), p.name) for p in paths]
    for doc in docs:
        assert [(a.anchor, a.title.text[: len(t)]) for a, (_x, t) in zip(doc.annexes, expected)] == expected
        assert len(doc.annexes) == len(expected)
    ids = [[p.anchor for a in doc.annexes for b in a.blocks if isinstance(b, Paragraph) for p in b.walk()] for doc in docs]
    assert ids[0] and ids[0] == ids[1] == ids[2]
