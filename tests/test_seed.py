"""The founding example, read as delivered: exact counts, texts and the no-word-lost guarantee."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from mkdocs_resolutions import read_source
from mkdocs_resolutions._internal.model import Kind

from .conftest import SEED


@pytest.fixture(scope="module")
def doc():
    return read_source(SEED.read_bytes(), "000_780746b198b85f4a.txt")


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[\w’'./-]+", text))


def test_counts(doc):
    assert len(doc.preambular()) == 24
    assert len(doc.operative()) == 34
    assert [p.number for p in doc.operative()] == [str(n) for n in range(1, 35)]
    assert len(doc.footnotes) == 12
    assert len(list(doc.markers())) == 15
    assert doc.diagnostics == []


def test_anchors(doc):
    assert [p.anchor for p in doc.preambular()] == [f"pp-{n}" for n in range(1, 25)]
    assert [p.anchor for p in doc.operative()] == [f"op-{n}" for n in range(1, 35)]


def test_repeated_footnotes_are_one_note_with_several_markers(doc):
    used = Counter(m.number for m in doc.markers())
    assert used == Counter({"1": 2, "2": 2, "7": 2, **{str(n): 1 for n in (3, 4, 5, 6, 8, 9, 10, 11, 12)}})
    assert [n.number for n in doc.footnotes] == [str(n) for n in range(1, 13)]
    assert doc.footnote("2").body.text == "Ibid., vol. 2349, No. 42146."
    assert doc.footnote("4").body.text == (
        "See resolution 62/272; see also Official Records of the General Assembly, Sixty-second Session, "
        "Plenary Meetings, 117th to 120th meetings (A/62/PV.117-120), and corrigendum."
    )


def test_metadata(doc):
    meta = doc.meta
    assert meta.symbol is None
    assert meta.organ == "General Assembly"
    assert meta.distribution == "Limited"
    assert meta.date == "6 October 2011" and meta.iso_date == "2011-10-06"
    assert meta.original_language == "English"
    assert meta.session == "Sixty-sixth session" and meta.session_number == 66
    assert meta.committee == "Third Committee"
    assert meta.agenda_item == "107"
    assert meta.agenda_title == "Crime prevention and criminal justice"
    assert meta.sponsors == ["Italy", "Mexico"]
    assert meta.kind is Kind.DRAFT_RESOLUTION
    assert meta.title == (
        "Strengthening the United Nations crime prevention and criminal justice programme, "
        "in particular its technical cooperation capacity"
    )
    assert doc.opening.text == "The General Assembly,"


def test_lead_phrases(doc):
    leads = {p.anchor: p.lead for p in doc.paragraphs()}
    assert leads["pp-1"] == "Reaffirming"
    assert leads["pp-2"] == "Reaffirming also"
    assert leads["pp-12"] == "Expressing its grave concern"
    assert leads["op-1"] == "Takes note with appreciation"
    assert leads["op-29"] == "Reiterates its request"
    assert all(leads.values())


@pytest.mark.parametrize(
    ("anchor", "joined"),
    [
        ("op-7", "advisory services and other forms of assistance, and coordinating with"),
        ("op-16", "strengthening their capacity to prevent and combat kidnapping"),
        ("op-22", "when deciding to close and allocate offices"),
        ("op-31", "including the consideration and, where they deem it necessary, dissemination"),
    ],
)
def test_paragraphs_split_across_pages_are_joined(doc, anchor, joined):
    para = next(p for p in doc.paragraphs() if p.anchor == anchor)
    assert joined in para.body.text
    assert para.body.text.endswith(";")


def test_markers_sit_where_printed(doc):
    pp2 = next(p for p in doc.paragraphs() if p.anchor == "pp-2")
    before = [pp2.body.text[: m.offset][-30:] for m in pp2.body.notes]
    assert [m.number for m in pp2.body.notes] == ["1", "2"]
    assert before[0].endswith("and the Protocols thereto,")
    assert before[1].endswith("Convention against Corruption")


def _source_parts() -> tuple[str, str]:
    """The seed's running text and footnote text, furniture and markup removed, by plain string work."""
    text = SEED.read_text(encoding="utf-8")
    body_start = text.index("*The General Assembly,*")
    running, notes = [], []
    for block in re.split(r"\n\s*\n", text[body_start:]):
        block = block.strip()
        if not block or block == "---":
            continue
        target = notes if block.startswith("<sup>") else running
        if target is notes:
            block = re.sub(r"^<sup>\d+</sup>", "", block)
        target.append(re.sub(r"<sup>\d+</sup>|[*]", "", block))
    return "\n".join(running), "\n".join(notes)


def _model_parts(doc) -> tuple[str, str]:
    running = [doc.opening.text]
    for para in doc.paragraphs():
        number = f"{para.number}." if para.role == "operative" else ""
        running.append(" ".join(x for x in (number, para.lead, para.body.text) if x))
    return "\n".join(running), "\n".join(n.body.text for n in doc.footnotes)


def test_no_word_lost_or_doubled(doc):
    src_running, src_notes = _source_parts()
    model_running, model_notes = _model_parts(doc)
    assert words(model_running) == words(src_running)
    assert words(model_notes) == words(src_notes)
    assert sum(words(src_running).values()) > 3000
