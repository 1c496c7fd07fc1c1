"""Amendments read as instructions, linked and applied; draft decisions, notes and unnumbered decisions as what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_resolutions._internal.amendments import apply, parse_instructions, read_amendment
from mkdocs_resolutions._internal.changes.align import align, units
from mkdocs_resolutions._internal.changes.pages import plan
from mkdocs_resolutions._internal.corpus import Corpus, analyse
from mkdocs_resolutions._internal.graph import build_graph
from mkdocs_resolutions._internal.model import Kind
from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker

from .conftest import FIXTURES, ROOT

DOCS = ROOT / "source_docs"
SYNTHETIC = FIXTURES / "amendments"

# (printed instruction, [(action, where, targets, old words, new words, role of a new paragraph)])
SHAPES = [
    # the corpus: A/80/L.38 and A/C.2/80/L.62, A/80/L.39
    ("Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39.",
     [("delete", "", ["pp-21", "op-35", "op-38", "op-39"], None, [], "")]),
    ("Delete operative paragraphs 3, 43 and 45.", [("delete", "", ["op-3", "op-43", "op-45"], None, [], "")]),
    ("In the fourth preambular paragraph, delete \u201cand expressing deep concern about the impact of climate change,\u201d.",
     [("delete", "in", ["pp-4"], "and expressing deep concern about the impact of climate change,", [], "")]),  # A/80/L.30
    # shapes common in UN amendments
    ("Delete operative paragraph 9", [("delete", "", ["op-9"], None, [], "")]),
    ("Delete operative paragraphs 5 to 8.", [("delete", "", ["op-5", "op-6", "op-7", "op-8"], None, [], "")]),
    ("Delete the fifth and sixth preambular paragraphs.", [("delete", "", ["pp-5", "pp-6"], None, [], "")]),
    ("Delete preambular paragraph 4.", [("delete", "", ["pp-4"], None, [], "")]),
    ("Delete subparagraph (b) of operative paragraph 4 and renumber the subsequent subparagraphs accordingly.",
     [("delete", "", ["op-4-b"], None, [], "")]),
    ("Delete operative paragraph 4 (b).", [("delete", "", ["op-4-b"], None, [], "")]),
    ("Insert after the fifth preambular paragraph a new paragraph reading:",
     [("insert", "after", ["pp-5"], None, [], "preambular")]),
    ("Insert the following new preambular paragraph after the third preambular paragraph:",
     [("insert", "after", ["pp-3"], None, [], "preambular")]),
    ("Insert a new operative paragraph before operative paragraph 2, reading: \u201cStresses the need for data;\u201d",
     [("insert", "before", ["op-2"], None, ["Stresses the need for data;"], "operative")]),
    ("Replace operative paragraph 9 with the following:", [("replace", "", ["op-9"], None, [], "")]),
    ("Amend operative paragraph 7 to read: \u201cDecides to include the item.\u201d",
     [("replace", "", ["op-7"], None, ["Decides to include the item."], "")]),
    ("Replace the words \u201cnotes with concern\u201d with \u201cwelcomes\u201d in operative paragraph 4",
     [("replace", "", ["op-4"], "notes with concern", ["welcomes"], "")]),
    ("In operative paragraph 3, after the words \u201ccivil society\u201d insert \u201c, including women\u2019s organizations,\u201d",
     [("insert", "in", ["op-3"], "civil society", [", including women\u2019s organizations,"], "")]),
    ("In operative paragraph 5, before the words \u201cin accordance\u201d insert \u201cfully\u201d",
     [("insert", "before", ["op-5"], "in accordance", ["fully"], "")]),
    ("In the seventh preambular paragraph, delete the words \u201cand regrets\u201d",
     [("delete", "in", ["pp-7"], "and regrets", [], "")]),
    ("Add a new operative paragraph reading: \u201cDecides to remain seized of the matter.\u201d",
     [("add", "", [], None, ["Decides to remain seized of the matter."], "operative")]),
    ("Add at the end of operative paragraph 3 the words \u201c, in accordance with international law\u201d",
     [("add", "end", ["op-3"], None, [", in accordance with international law"], "operative")]),
    # several instructions in one paragraph
    ("Delete operative paragraph 9; insert after operative paragraph 10 a new paragraph reading: \u201cRequests a report.\u201d",
     [("delete", "", ["op-9"], None, [], ""), ("insert", "after", ["op-10"], None, ["Requests a report."], "operative")]),
    ("In operative paragraph 2, replace \u201c2026\u201d with \u201c2027\u201d; after the words \u201cMember States\u201d insert \u201cand observers\u201d.",
     [("replace", "in", ["op-2"], "2026", ["2027"], ""), ("insert", "in", ["op-2"], "Member States", ["and observers"], "")]),
    # not an instruction
    ("The sponsors thank the Assembly.", []),
    ("Delete the last preambular paragraph.", []),  # which paragraph depends on the draft: not guessed
]


@pytest.mark.parametrize(("printed", "expected"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_instruction_shapes(printed, expected):
    found = [(i.action, i.where, [t.anchor for t in i.targets], i.old, i.new, i.role) for i in parse_instructions(printed)]
    assert found == expected


def test_target_spans_are_the_words_that_name_the_paragraph():
    text = "Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39."
    (inst,) = parse_instructions(text)
    assert [text[t.start:t.end] for t in inst.targets] == ["twenty-first preambular paragraph", "35", "38", "39"]
    (single,) = parse_instructions("Delete operative paragraph 9.")
    assert ["Delete operative paragraph 9."[t.start:t.end] for t in single.targets] == ["operative paragraph 9"]


def _read(name: str, folder: Path = DOCS):
    return read_source((folder / name).read_bytes(), name)


@pytest.mark.parametrize(("name", "amends", "draft", "report", "summary"), [
    ("A-80-L.38.txt", "draft resolution 4 recommended by the Second Committee in its report contained in document A/80/555",
     None, "A/80/555", "delete preambular paragraph 21 and operative paragraphs 35, 38 and 39"),
    ("A-80-L.39.txt", "draft resolution 6 recommended by the Second Committee in its report contained in document A/80/555",
     None, "A/80/555", "delete operative paragraphs 3, 43 and 45"),
    ("A-C.2-80-L.62.txt", "draft resolution A/C.2/80/L.13/Rev.1", "A/C.2/80/L.13/Rev.1", None,
     "delete preambular paragraph 21 and operative paragraphs 35, 38 and 39"),
    ("A-80-L.20.txt", "draft resolution A/80/L.18", "A/80/L.18", None, "delete operative paragraph 9"),
    ("A-80-L.30.txt", "draft resolution A/80/L.25", "A/80/L.25", None,
     "delete words in preambular paragraph 4; delete words in preambular paragraph 15; delete preambular paragraph 16; "
     "delete preambular paragraph 20; delete preambular paragraph 23; delete words in preambular paragraph 41; "
     "delete words in operative paragraph 21; delete operative paragraph 22; delete words in operative paragraph 24; "
     "delete words in operative paragraph 33; delete words in operative paragraph 39"),
])
def test_corpus_amendments_are_read_as_printed(name, amends, draft, report, summary):
    doc = _read(name)
    assert doc.meta.kind is Kind.AMENDMENT and doc.meta.amends == amends
    amendment = read_amendment(doc)
    assert amendment is not None
    assert (amendment.draft, amendment.report, amendment.summary()) == (draft, report, summary)
    assert amendment.diagnostics == []
    assert [d.code for d in doc.diagnostics] == ["cover-amendment"]  # no bogus warning, not even a second info


def test_instructions_link_to_the_amended_drafts_paragraphs_or_its_official_copy():
    analysis = analyse((DOCS / "A-C.2-80-L.62.txt").read_bytes(), "A-C.2-80-L.62.txt")
    cites = analysis.citations["text-1"]
    assert [(c.symbols, c.pinpoint) for c in cites] == [(("A/C.2/80/L.13/Rev.1",), a) for a in ("pp-21", "op-35", "op-38", "op-39")]
    # the draft is not in this site: every link goes to the official copy, the words stay as printed
    html = render_document(analysis.doc, Linker({}, "A/C.2/80/L.62/"), analysis.citations)
    assert 'Delete the <a class="res-cite res-cite--external' in html
    assert 'href="https://undocs.org/A/C.2/80/L.13/Rev.1"' in html
    assert ('<dt>Amendment to</dt><dd>draft resolution <a class="res-cite res-cite--external" '
            'href="https://undocs.org/A/C.2/80/L.13/Rev.1">A/C.2/80/L.13/Rev.1</a></dd>') in html
    assert "<dt>Kind</dt><dd>amendment</dd>" in html


def test_a_draft_printed_by_its_report_links_the_report_and_nothing_else():
    analysis = analyse((DOCS / "A-80-L.38.txt").read_bytes(), "A-80-L.38.txt")
    assert analysis.citations == {}  # "draft resolution 4" of a report: no paragraph of a page to point to
    html = render_document(analysis.doc, Linker({}, "A/80/L.38/"), analysis.citations)
    assert ("<dt>Amendment to</dt><dd>draft resolution 4 recommended by the Second Committee in its report contained in document "
            '<a class="res-cite res-cite--external" href="https://undocs.org/A/80/555">A/80/555</a></dd>') in html


def _corpus(*extra: tuple[str, str]) -> Corpus:
    corpus = Corpus()
    for path in sorted(SYNTHETIC.glob("*.txt")):
        corpus.add(path.name, analyse(path.read_bytes(), path.name))
    for name, text in extra:
        corpus.add(name, analyse(text.encode(), name))
    return corpus


def test_the_synthetic_amendment_applies_to_its_draft():
    corpus = _corpus()
    draft, amendment_doc = corpus.entries["A-C.2-99-L.13-Rev.1.txt"].analysis.doc, corpus.entries["A-C.2-99-L.62.txt"].analysis.doc
    amendment = read_amendment(amendment_doc)
    assert amendment is not None and [i.summary() for i in amendment.instructions] == [
        "insert a new preambular paragraph after preambular paragraph 5",
        "insert words in operative paragraph 3",
        "delete operative paragraph 7",
    ]
    assert amendment.instructions[0].new == ["Acknowledging the contribution of rural cooperatives to decent work,"]
    applied = apply(draft, [(amendment_doc, amendment)])
    assert applied.diagnostics == []
    assert applied.inserted == {"ins-1": ("A-C.2-99-L.62.txt", "op-1")}
    assert [u.anchor for u in units(applied.doc)] == [
        "pp-1", "pp-2", "pp-3", "pp-4", "pp-5", "ins-1", "pp-6",
        "op-1", "op-2", "op-3", "op-4", "op-4-a", "op-4-b", "op-5", "op-6", "op-8",
    ]
    op3 = next(u for u in units(applied.doc) if u.anchor == "op-3")
    assert op3.text == ("Encourages Governments, in partnership with civil society and the private sector, including cooperatives, "
                        "to invest in rural infrastructure and connectivity;")
    assert [u.anchor for u in units(draft)][-2:] == ["op-7", "op-8"]  # the draft itself is untouched
    # the adopted text is the amended draft, renumbered: same words everywhere
    adopted = corpus.entries["A-RES-99-200.txt"].analysis.doc
    alignment = align(units(applied.doc), units(adopted))
    assert [p.status for p in alignment.pairs] == ["same"] * 16
    assert alignment.numbering() == {
        "pp-1": "pp-1", "pp-2": "pp-2", "pp-3": "pp-3", "pp-4": "pp-4", "pp-5": "pp-5", "ins-1": "pp-6", "pp-6": "pp-7",
        "op-1": "op-1", "op-2": "op-2", "op-3": "op-3", "op-4": "op-4", "op-4-a": "op-4-a", "op-4-b": "op-4-b",
        "op-5": "op-5", "op-6": "op-6", "op-8": "op-7",
    }


BAD = (SYNTHETIC / "A-C.2-99-L.62.txt").read_text(encoding="utf-8").replace("A/C.2/99/L.62", "A/C.2/99/L.63").replace(
    "3. Delete operative paragraph 7.", "3. Delete operative paragraph 12. \n \n4. In operative paragraph 2, delete the words \u201cnot printed there\u201d.")


def test_an_instruction_that_cannot_be_applied_is_a_warning_naming_file_and_line():
    corpus = _corpus(("A-C.2-99-L.63.txt", BAD))
    versions, _pages = plan(corpus, build_graph(corpus))
    amended = versions.amended["A-C.2-99-L.13-Rev.1.txt"]
    assert amended.amendments == ["A-C.2-99-L.62.txt", "A-C.2-99-L.63.txt"]
    assert [str(d) for d in amended.diagnostics] == [
        "A-C.2-99-L.63.txt:37: amendment: cannot apply \u201cDelete operative paragraph 12.\u201d to A/C.2/99/L.13/Rev.1: "
        "the draft has no operative paragraph 12; left out of the amended text [amendment-not-applied]",
        "A-C.2-99-L.63.txt:39: amendment: cannot apply \u201cIn operative paragraph 2, delete the words \u201cnot printed there\u201d.\u201d "
        "to A/C.2/99/L.13/Rev.1: the words \u201cnot printed there\u201d are not in operative paragraph 2; left out of the amended text "
        "[amendment-not-applied]",
    ]
    assert (SYNTHETIC / "A-C.2-99-L.62.txt").read_text(encoding="utf-8").splitlines()[36].startswith("3. Delete")  # line 37 as printed


def test_plan_puts_the_amended_draft_between_draft_and_adopted():
    corpus = _corpus()
    versions, pages = plan(corpus, build_graph(corpus))
    assert versions.chain("A-RES-99-200.txt") == ["A-C.2-99-L.13-Rev.1.txt#as-amended", "A-C.2-99-L.13-Rev.1.txt", "A-C.2-99-L.13.txt"]
    assert [(p.url, p.old, p.relation) for p in pages["A-RES-99-200.txt"]] == [
        ("A/RES/99/200/changes/", "A-C.2-99-L.13-Rev.1.txt#as-amended", "draft as amended"),
        ("A/RES/99/200/changes/A-C.2-99-L.13-Rev.1/", "A-C.2-99-L.13-Rev.1.txt", "draft"),
        ("A/RES/99/200/changes/A-C.2-99-L.13/", "A-C.2-99-L.13.txt", "earlier version"),
    ]
    assert [(p.url, p.new, p.old, p.relation) for p in pages["A-C.2-99-L.13-Rev.1.txt"]] == [
        ("A/C.2/99/L.13/Rev.1/changes/", "A-C.2-99-L.13-Rev.1.txt", "A-C.2-99-L.13.txt", "revision of"),
        ("A/C.2/99/L.13/Rev.1/changes/as-amended/", "A-C.2-99-L.13-Rev.1.txt#as-amended", "A-C.2-99-L.13-Rev.1.txt", "amended"),
    ]


def test_a_draft_with_amendments_and_no_earlier_version_has_them_at_its_changes_page():
    """Alone, the comparison with the amended text is the draft's ``changes/`` (a trimmed URL finds a page)."""
    corpus = Corpus()
    for name in ("A-C.2-99-L.13-Rev.1.txt", "A-C.2-99-L.62.txt"):
        corpus.add(name, analyse((SYNTHETIC / name).read_bytes(), name))
    _versions, pages = plan(corpus, build_graph(corpus))
    assert [(p.url, p.new, p.old, p.relation) for p in pages["A-C.2-99-L.13-Rev.1.txt"]] == [
        ("A/C.2/99/L.13/Rev.1/changes/", "A-C.2-99-L.13-Rev.1.txt#as-amended", "A-C.2-99-L.13-Rev.1.txt", "amended"),
    ]


# -- draft decisions, notes, decisions without numbers -------------------------------------------

@pytest.mark.parametrize(("name", "first"), [
    ("A-C.4-80-L.12.txt", "The General Assembly, taking note of the application of Malta"),
    ("A-C.3-80-L.60.txt", "The General Assembly approves, subject to any subsequent decision"),
])
def test_corpus_draft_decisions_build_as_draft_decisions(name, first):
    doc = _read(name)
    assert doc.meta.kind is Kind.DRAFT_DECISION
    para = next(doc.paragraphs())
    assert (para.anchor, para.role) == ("text-1", "text") and para.body.text.startswith(first)
    assert [d.code for d in doc.diagnostics if d.level == "warning"] == []
    assert [d.code for d in doc.diagnostics] == ["cover-run-on"]


NOTE = """United Nations 
A/99/321 
 
General Assembly 
Distr.: General 
1 August 2044 
Original: English 
 
99-12345 (E)    010844 
*9912345* 
 
Ninety-ninth session 
Item 70 of the provisional agenda* 
Elimination of racism 
 
 
 
 Report of the Special Rapporteur on contemporary forms of racism 
 
 
 Note by the Secretary-General 
 
 
The Secretary-General has the honour to transmit to the General Assembly the report of the Special Rapporteur, 
submitted in accordance with Assembly resolution 98/150. 
 
__________________ 
* A/99/150. 
"""

DECISION = """United Nations 
A/DEC/99/512 
 
General Assembly 
Distr.: General 
22 December 2044 
 
Ninety-ninth session 
Agenda item 48 
 
Decision adopted by the General Assembly on 19 December 2044 
 
[on the report of the Fourth Committee (A/99/470, para. 9)] 
 
99/512. Increase in the membership of the Committee on the Peaceful Uses of Outer Space 
 
The General Assembly, taking note of the application of Malta for membership in the Committee, decides to appoint 
Malta as a member of the Committee on the Peaceful Uses of Outer Space. 
"""


def test_a_note_by_the_secretary_general_is_a_note():
    doc = read_source(NOTE.encode(), "A-99-321.txt")
    assert doc.meta.kind is Kind.NOTE
    assert doc.meta.title == "Report of the Special Rapporteur on contemporary forms of racism"
    assert [(p.anchor, p.body.text[:36]) for p in doc.paragraphs()] == [("text-1", "The Secretary-General has the honour")]
    assert [d.code for d in doc.diagnostics] == ["cover-note"]
    html = render_document(doc, Linker({}, "A/99/321/"), {})
    assert "<dt>Kind</dt><dd>Note by the Secretary-General</dd>" in html  # the line as printed


def test_an_adopted_decision_without_numbers_is_one_paragraph():
    doc = read_source(DECISION.encode(), "A-DEC-99-512.txt")
    assert doc.meta.kind is Kind.DECISION
    assert doc.meta.title == "Increase in the membership of the Committee on the Peaceful Uses of Outer Space"
    assert [(p.anchor, p.role) for p in doc.paragraphs()] == [("text-1", "text")]
    assert [d.code for d in doc.diagnostics if d.level == "warning"] == []


def test_a_resolution_printed_without_numbers_ends_with_its_one_operative_clause():
    """A/RES/79/14: three preambular paragraphs, then "Decides to include …" with no number (it was pp-4)."""
    doc = _read("A-RES-79-14.txt")
    assert [(p.anchor, p.role, p.lead) for p in doc.paragraphs()] == [
        ("pp-1", "preambular", "Taking note"), ("pp-2", "preambular", "Taking note also"),
        ("pp-3", "preambular", "Noting with appreciation"), ("text-1", "operative", "Decides"),
    ]
    assert [d.code for d in doc.diagnostics if d.level == "warning"] == []
    one = read_source(DECISION.replace("A/DEC/99/512", "A/RES/99/280").replace("Decision adopted", "Resolution adopted").replace(
        "The General Assembly, taking note of the application of Malta for membership in the Committee, decides to appoint \n",
        "The General Assembly, \n \nRecalling its resolution 98/50, \n \nDecides to appoint \n").encode(), "A-RES-99-280.txt")
    assert [(p.anchor, p.role, p.lead) for p in one.paragraphs()] == [("pp-1", "preambular", "Recalling"), ("text-1", "operative", "Decides")]


# Amendments are untrusted texts too: reading and applying them is linear on adversarial shapes
# (CPU time of this process, best of three, at n and 4n: a linear reader gives about 4, the bound is 8).
AMENDMENT_COVER = "United Nations \nA/99/L.9 \n \nGeneral Assembly \nDistr.: Limited \n1 May 2044 \n \nNorway: amendment to draft resolution A/99/L.8 \n \n Title \n \n"
AMENDMENT_SHAPES = {
    "ordinal lists": lambda n: "Delete the " + "fifth, " * (n // 7) + "preambular paragraph.",
    "ordinal names": lambda n: "Delete the fifth preambular paragraph; " * (n // 38),
    "number lists": lambda n: "Delete operative paragraphs " + "1 to 999, " * (n // 10) + "2.",
    "labels": lambda n: "Delete operative paragraph 1 " + "(a) " * (n // 4),
    "paragraph words": lambda n: "Delete " + "paragraph 1 (a)" * (n // 15) + "(",
    "open quotes": lambda n: "In operative paragraph 1, after the words " + "\u201c" * n,
    "instructions": lambda n: "\n\n".join(f"{k % 99 + 1}. Delete operative paragraph {k % 99 + 1}." for k in range(n // 32)),
}


def _cpu(text: str) -> float:
    import gc
    import time

    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.process_time()
        doc = read_source((AMENDMENT_COVER + text + "\n").encode(), "A-99-L.9.txt")
        amendment = read_amendment(doc)
        assert amendment is not None
        apply(doc, [(doc, amendment)])
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(AMENDMENT_SHAPES))
def test_amendment_reading_is_linear(shape):
    make = AMENDMENT_SHAPES[shape]
    small, large = _cpu(make(4000)), _cpu(make(16000))
    assert large <= 8 * small + 0.02, f"{shape}: {small:.3f} s at n, {large:.3f} s at 4n"


def test_an_amendment_reads_alike_from_text_markdown_and_pdf():
    """The same instructions from every form: plain text, a pymupdf4llm-style conversion, a PDF."""
    from .pdf_make import Run, make_pdf

    text = (DOCS / "A-80-L.20.txt").read_bytes()
    markdown = (SYNTHETIC / "markdown" / "A-80-L.20.md").read_bytes()  # A/80/L.20 as pymupdf4llm prints a cover
    runs, y = [], 60.0
    for line in (SYNTHETIC / "A-C.2-99-L.62.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("_", "*")):
            runs.append(Run(line.strip(), 72 + 36 * line.startswith(" "), y))
        y += 12
    forms = [(text, "A-80-L.20.txt"), (markdown, "A-80-L.20.md"), (make_pdf([runs]), "A-C.2-99-L.62.pdf"),
             ((SYNTHETIC / "A-C.2-99-L.62.txt").read_bytes(), "A-C.2-99-L.62.txt")]
    read = []
    for data, name in forms:
        doc = read_source(data, name)
        amendment = read_amendment(doc)
        assert amendment is not None, name
        read.append((doc.meta.amends, amendment.summary(), [d.code for d in amendment.diagnostics]))
    assert read[0] == read[1] == ("draft resolution A/80/L.18", "delete operative paragraph 9", [])
    assert read[2] == read[3] == ("draft resolution A/C.2/99/L.13/Rev.1", "insert a new preambular paragraph after preambular "
                                  "paragraph 5; insert words in operative paragraph 3; delete operative paragraph 7", [])
