"""The PDF-to-markdown reader on pymupdf4llm conversions (messier than the seed).

Fixture tests pin exact results on two real documents; corpus tests (skipped
without ``../shared/corpus``) check that every markdown conversion reads like
the plain-text extraction of the same PDF and that no word is lost.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.model import Document
from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.readers.markdown import inline, read_markdown, read_markdown_parts
from mkdocs_resolutions._internal.readers.raw import RawDocument

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "markdown"
CORPUS = ROOT / ".." / "shared" / "corpus"
MARKDOWN = CORPUS / "markdown"


def _read(path: Path) -> Document:
    return read_source(path.read_bytes(), path.name)


# --- fixtures: exact results on real documents ----------------------------------------------------


@pytest.fixture(scope="module")
def l3() -> Document:
    return _read(FIXTURES / "A-C.3-80-L.3.md")


def test_l3_counts(l3):
    assert l3.meta.symbol == "A/C.3/80/L.3"
    assert l3.opening.text == "The General Assembly,"
    assert len(l3.preambular()) == 72
    assert [p.number for p in l3.operative()] == [str(n) for n in range(1, 74)]
    assert [f.number for f in l3.footnotes] == [str(n) for n in range(1, 52)]
    assert [m.number for m in l3.markers()] == [str(n) for n in range(1, 52)]


def test_l3_footnotes_in_every_form(l3):
    # "- 1  ..." list item, with italics and the stray space before the comma removed
    note = l3.footnote("1")
    assert note.body.text == "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."
    assert note.body.text[note.body.italics[0][0] : note.body.italics[0][1]] == "Treaty Series"
    assert l3.footnote("2").body.text == "Ibid., vol. 976, No. 14152."  # "> 2  ..." quote
    assert l3.footnote("8").body.text == "Resolution 76/181, annex."  # plain "8  ..." line
    # a quote continued on a second quote line
    assert l3.footnote("14").body.text == (
        "See Official Records of the Economic and Social Council, 2017, Supplement No. 10 (E/2017/30), chap. I, sect. D."
    )


def test_l3_no_furniture_in_running_text(l3):
    text = " ".join(p.body.text for p in l3.paragraphs())
    for junk in ("25-16593", "2516593", "A/C.3/80/L.3", "Resolution 76/181, annex"):
        assert junk not in text
    assert not re.search(r"(?<![\d/])\d{1,2}/24(?![\d/])", text)  # page counters "2/24"


def test_l3_page_joins_and_leads(l3):
    pp1 = l3.preambular()[0]
    assert (pp1.lead, pp1.body.text[:13]) == ("Reaffirming", "its resolutio")
    # continued on the next page after a footnote and the page furniture
    pp3 = l3.preambular()[2]
    assert pp3.lead == "Welcoming"
    assert pp3.body.text.endswith(
        "including the Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law: "
        "Towards the Achievement of the 2030 Agenda for Sustainable Development, and the follow-up process by the "
        "Commission on Crime Prevention and Criminal Justice,"
    )
    assert [m.number for m in pp3.body.notes] == ["7", "8"]
    # the converter made the page's first line a "### heading": it is the rest of a paragraph
    pp23 = l3.preambular()[22]
    assert pp23.lead == "Taking note with appreciation"
    assert pp23.body.text.endswith(
        "adopted at the first Global Conference on Harnessing Data to Improve Corruption Measurement, "
        "held in Vienna on 31 August and 1 September 2023,"
    )
    assert not any(h for h in l3.blocks if type(h).__name__ == "Heading")


def test_l3_converter_slips_repaired(l3):
    op61 = next(p for p in l3.operative() if p.number == "61")  # "61 _. Welcomes_"
    assert op61.lead == "Welcomes"
    assert "zero-tolerance approach" in l3.preambular()[19].body.text  # "zerotolerance"
    assert any("operative number's full stop" in d.message for d in l3.diagnostics)


def test_resolution_closing_and_list_footnotes():
    doc = _read(FIXTURES / "A-RES-79-89.md")
    assert (len(doc.preambular()), len(doc.operative())) == (7, 6)
    assert [f.number for f in doc.footnotes] == ["1", "2", "3", "4", "5"]
    assert doc.footnote("1").body.text == "A/79/287."
    assert doc.closing == ["47th plenary meeting", "4 December 2024"]
    assert doc.meta.title == "Palestine refugees’ properties and their revenues"


# --- small constructed cases ----------------------------------------------------------------------

_PAGE = """A/C.3/80/L.99

United Nations

# **General Assembly**

Distr.: Limited 14 October 2025

**Italy: draft resolution**

## **A title**

_The General Assembly_ ,

_Recalling_ the Convention,<sup>1</sup> and the other instruments of the

- 1  United Nations, _Treaty Series_ , vol. 1.

25-16593 (E)    201025 **_*2516593*_**

**A/C.3/80/L.99**

Organization,

1. _Decides_ to remain seized of the matter.

25-16593

**2/2**
"""


def test_constructed_page_break():
    doc = read_source(_PAGE.encode(), "x.md")
    assert [p.body.text for p in doc.preambular()] == ["the Convention, and the other instruments of the Organization,"]
    assert doc.preambular()[0].lead == "Recalling"
    assert [(f.number, f.body.text) for f in doc.footnotes] == [("1", "United Nations, Treaty Series, vol. 1.")]
    assert [p.body.text for p in doc.operative()] == ["to remain seized of the matter."]


def test_plain_number_line_is_no_footnote_without_its_marker():
    text = _PAGE.replace("<sup>1</sup>", "").replace("- 1  United", "1  United")
    raw = read_markdown(text, "x.md")
    assert raw.footnotes == []
    assert any("1 United Nations" in _norm(p.text.text) for p in raw.paras)


def test_inline_stays_literal():
    raw = RawDocument("x.md", None)  # type: ignore[arg-type]
    rich, _ = inline('See [the link](http://x) <b>bold</b> &amp; <script>x</script> _it_ , 20<sup>th</sup>', raw, 1)
    assert rich.text == "See [the link](http://x) <b>bold</b> &amp; <script>x</script> it, 20th"
    assert rich.text[rich.italics[0][0] : rich.italics[0][1]] == "it"


def test_italic_punctuation_and_space():
    raw = RawDocument("x.md", None)  # type: ignore[arg-type]
    rich, _ = inline("a comprehensive approach _,_ reducing", raw, 1)
    assert (rich.text, rich.italics) == ("a comprehensive approach, reducing", [])


# --- corpus: markdown against plain text ----------------------------------------------------------


def _corpus_names() -> list[str]:
    if not MARKDOWN.is_dir():
        return []
    return sorted(p.stem for p in MARKDOWN.glob("*.md"))


def _need_corpus() -> None:
    if not MARKDOWN.is_dir():
        pytest.skip(f"../shared/corpus not found: {MARKDOWN}")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _para_texts(doc: Document) -> dict[str, str]:
    def text(p) -> str:
        if not p.lead:
            return p.body.text
        return p.lead + ("" if p.body.text[:1] in tuple(",;:.") else " ") + p.body.text

    return {p.anchor: _norm(text(p)) for p in doc.paragraphs()}


def _shape(doc: Document) -> dict[str, object]:
    return {
        "preambular": len(doc.preambular()),
        "operative": len(doc.operative()),
        "operative numbers": [p.number for p in doc.operative()],
        "footnotes": sorted(f.number for f in doc.footnotes),
        "markers": [m.number for m in doc.markers()],
    }


# Where the two forms still disagree on counts, and whose side is wrong.
KNOWN_SHAPE = {
    # The plain text has no blank line between pp-52 and "Stressing the importance for Member
    # States ..." (line 582), so the plain-text reader joins two preambular paragraphs.
    "A-C.3-80-L.3": "plain text",
}


@pytest.fixture(scope="module")
def pairs() -> dict[str, tuple[Document, Document]]:
    _need_corpus()
    out = {}
    for name in _corpus_names():
        md = _read(MARKDOWN / f"{name}.md")
        txt = _read(CORPUS / f"{name}.txt")
        out[name] = (md, txt)
    return out


def test_corpus_has_39_conversions():
    _need_corpus()
    assert len(_corpus_names()) == 39


def test_markdown_finds_footnotes_everywhere(pairs):
    """Every conversion whose PDF has footnote markers yields footnotes, each marker defined."""
    with_notes = 0
    for name, (md, _txt) in pairs.items():
        used = {m.number for m in md.markers()}
        defined = {f.number for f in md.footnotes}
        assert used <= defined, (name, sorted(used - defined, key=int))
        with_notes += bool(defined)
    assert with_notes == 13


def test_same_shape_as_plain_text(pairs, capsys):
    differing = {}
    for name, (md, txt) in pairs.items():
        a, b = _shape(md), _shape(txt)
        if a != b:
            differing[name] = {k: (a[k], b[k]) for k in a if a[k] != b[k]}
    with capsys.disabled():
        print(f"\nmarkdown vs plain text: same counts, numbers, footnotes and markers in {39 - len(differing)}/39")
        for name, diff in differing.items():
            print(f"  {name}: {KNOWN_SHAPE.get(name, 'UNEXPECTED')}: {diff}")
    assert set(differing) <= set(KNOWN_SHAPE), differing


# Paragraphs whose words differ between the markdown conversion and the plain text, and why.
# A new difference, or one of these gone, fails by name.
KNOWN_TEXT_DIFFERENCES = {
    ("A-RES-78-213", "op-8"): "the conversion dropped the hyphen of 'non-profit' at a line end",
    ("S-2018-221", "pp-7"): "the conversion dropped the hyphen of 'post-transition' at a line end",
    ("S-2018-221", "op-4"): "the conversion dropped the hyphen of 'constitution-making' at a line end",
    ("S-2018-257", "op-3"): "the conversion dropped the hyphen of 'Somali-Government-led' at a line end",
    ("S-2018-693", "pp-32"): "the conversion dropped the hyphen of 'cross-border' at a line end",
    ("S-2019-179", "op-16"): "the conversion split 'encourages' as 'e ncourages'",
}


def test_same_paragraph_texts_as_plain_text(pairs, capsys):
    """Paragraph texts by anchor, whitespace normalised: equal but for the known differences."""
    same = total = 0
    lines = []
    differing = set()
    for name, (md, txt) in pairs.items():
        a, b = _para_texts(md), _para_texts(txt)
        for anchor in dict.fromkeys([*a, *b]):
            total += 1
            if a.get(anchor) == b.get(anchor):
                same += 1
            else:
                differing.add((name, anchor))
                lines.append(f"  {name} {anchor}: {_where(a.get(anchor), b.get(anchor))}")
    with capsys.disabled():
        print(f"\nparagraph texts equal: {same}/{total} ({100 * same / total:.1f}%)")
        print("\n".join(lines))
    assert sorted(differing - set(KNOWN_TEXT_DIFFERENCES)) == [], "new differences"
    assert sorted(set(KNOWN_TEXT_DIFFERENCES) - differing) == [], "fixed: remove them from KNOWN_TEXT_DIFFERENCES"


def _where(a: str | None, b: str | None) -> str:
    if a is None or b is None:
        return f"only in {'plain text' if a is None else 'markdown'}: {(a or b or '')[:70]!r}"
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"md {a[max(0, i - 30) : i + 30]!r} | txt {b[max(0, i - 30) : i + 30]!r}"


# --- corpus: no word lost -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(re.sub(r"</?sup>|<br>", " ", text)))


def _accounted(path: Path) -> tuple[Counter[str], Counter[str]]:
    text = path.read_text(encoding="utf-8")
    raw, parts = read_markdown_parts(text, path.name)
    source = _words(text)
    for _line, before, after in parts.repairs:
        source = source - _words(before) + _words(after)
    got: Counter[str] = Counter()
    for para in raw.paras:
        got += _words(para.text.text) + Counter(m.number for m in para.text.notes)
    for note in raw.footnotes:
        got += _words(note.body.text) + Counter(m.number for m in note.body.notes)
        got += Counter([note.number] if note.number.isdigit() else [])
    got += _words(" ".join(t for _n, t in parts.cover)) + _words(" ".join(t for _n, t in parts.furniture))
    return source, got


def test_no_word_lost_in_fixtures():
    for path in sorted(FIXTURES.glob("*.md")):
        source, got = _accounted(path)
        assert source == got, (path.name, source - got, got - source)


def test_no_word_lost_in_corpus():
    _need_corpus()
    for name in _corpus_names():
        source, got = _accounted(MARKDOWN / f"{name}.md")
        assert source == got, (name, dict(source - got), dict(got - source))
