"""Alignment and changes pages: unit tests on small texts, and the versions found in the site's texts."""

from __future__ import annotations

from html.parser import HTMLParser

from mkdocs_resolutions._internal.changes import Unit, align, units
from mkdocs_resolutions._internal.changes.align import masked, word_diff
from mkdocs_resolutions._internal.changes.pages import slug
from mkdocs_resolutions._internal.parse import read_source
from mkdocs_resolutions._internal.render.changes import Side, changes_html

TEXT = """The General Assembly,

Recalling its resolution 78/229 of 19 December 2023 on crime prevention,

Noting with concern the rise of organized crime in many regions of the world,

1. Decides to strengthen the crime prevention programme of the Office on Drugs and Crime;

2. Requests the Secretary-General to report on the implementation of the present resolution;

3. Encourages Member States to share good practices in the prevention of crime and in criminal justice;

4. Decides to include in the provisional agenda of its seventy-ninth session the item entitled "Crime prevention".
"""


def _units(text: str) -> list[Unit]:
    return units(read_source(text.encode(), "t.txt"))


def test_a_text_against_itself_is_empty():
    old = _units(TEXT)
    alignment = align(old, old)
    assert alignment.empty and not alignment.technical_update
    assert [p.status for p in alignment.pairs] == ["same"] * 6
    assert alignment.numbering() == {u.anchor: u.anchor for u in old}


def test_one_paragraph_inserted_is_one_addition_and_shifts_the_numbers():
    new_text = TEXT.replace("2. Requests", "2. Calls upon all States to ratify the Convention against Transnational Organized Crime;\n\n3. Requests")
    new_text = new_text.replace("3. Encourages", "4. Encourages").replace("4. Decides to include", "5. Decides to include")
    alignment = align(_units(TEXT), _units(new_text))
    assert [p.new.anchor for p in alignment.pairs if p.old is None and p.new] == ["op-2"]
    assert alignment.count("added") == 1
    assert alignment.count("deleted") == alignment.count("changed") == alignment.count("moved") == 0
    assert alignment.numbering() == {"pp-1": "pp-1", "pp-2": "pp-2", "op-1": "op-1", "op-2": "op-3", "op-3": "op-4", "op-4": "op-5"}


def test_a_deleted_paragraph_and_a_move():
    new_text = (TEXT.replace("3. Encourages Member States to share good practices in the prevention of crime and in criminal justice;\n\n", "")
                .replace("1. Decides to strengthen", "1. Encourages Member States to share good practices in the prevention of crime and in criminal justice;\n\n2. Decides to strengthen")
                .replace("2. Requests", "3. Requests"))
    alignment = align(_units(TEXT), _units(new_text))
    assert alignment.numbering() == {"pp-1": "pp-1", "pp-2": "pp-2", "op-1": "op-2", "op-2": "op-3", "op-3": "op-1", "op-4": "op-4"}
    assert [p.old.anchor for p in alignment.pairs if p.moved and p.old] == ["op-3"]
    assert alignment.count("added") == alignment.count("deleted") == 0


def test_a_technical_update_changes_only_dates_sessions_and_symbols():
    new_text = TEXT.replace("78/229 of 19 December 2023", "79/243 of 24 December 2024").replace("seventy-ninth", "eightieth")
    alignment = align(_units(TEXT), _units(new_text))
    assert alignment.technical_update and not alignment.empty
    assert [p.new.anchor for p in alignment.pairs if p.status == "technical" and p.new] == ["pp-1", "op-4"]
    reworded = new_text.replace("in many regions", "in several regions")
    assert not align(_units(TEXT), _units(reworded)).technical_update


def test_masking_keeps_the_words_and_hides_what_a_renewal_changes():
    assert masked("its seventy-ninth session, on 19 December 2023 (A/78/229)") == "its # session, on # # # #"
    assert masked("First, the Assembly") == "# the assembly"  # "First," is an ordinal


def test_a_changed_paragraph_is_found_by_its_words_not_its_number():
    new_text = TEXT.replace("Noting with concern the rise of organized crime in many regions of the world,",
                            "Noting with grave concern the rise of transnational organized crime in many regions of the world,")
    alignment = align(_units(TEXT), _units(new_text))
    pair = next(p for p in alignment.pairs if p.new and p.new.anchor == "pp-2")
    assert pair.status == "changed" and pair.old and pair.old.anchor == "pp-2"
    assert [(p.op, p.text) for p in word_diff(pair.old.text, pair.new.text) if p.op != "equal"] == [
        ("insert", "grave"), ("insert", "transnational")]


def test_an_unrelated_paragraph_is_not_a_counterpart():
    new_text = TEXT.replace("3. Encourages Member States to share good practices in the prevention of crime and in criminal justice;",
                            "3. Welcomes the offer of the Government of Qatar to host the Fifteenth Congress in Doha in 2026;")
    alignment = align(_units(TEXT), _units(new_text))
    assert alignment.numbering()["op-3"] is None
    assert alignment.count("added") == alignment.count("deleted") == 1


def test_repeated_paragraphs_pair_up_in_order():
    same = Unit("op-1", "operative", "body", "Decides to remain seized of the matter.")
    other = Unit("op-2", "operative", "body", "Decides to remain seized of the matter.")
    alignment = align([same, other], [same, other])
    assert alignment.numbering() == {"op-1": "op-1", "op-2": "op-2"}


def test_slug_of_a_version():
    assert slug("A/C.3/80/L.3/") == "A-C.3-80-L.3"
    assert slug("000_780746b198b85f4a/") == "000_780746b198b85f4a"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]


def test_page_marks_changes_with_ins_del_and_words_and_escapes_the_source():
    old_doc = read_source(TEXT.encode(), "old.txt")
    new_text = TEXT.replace("Noting with concern", "Noting with <script>alert(1)</script> concern").replace(
        "2. Requests", "2. Calls upon all States to ratify the Convention;\n\n3. Requests").replace(
        "3. Encourages", "4. Encourages").replace("4. Decides to include", "5. Decides to include")
    new_doc = read_source(new_text.encode(), "new.txt")
    alignment = align(units(old_doc), units(new_doc))
    html = changes_html(alignment, Side("o", "A/RES/78/1", old_doc), Side("n", "A/RES/79/1", new_doc), "previous",
                        lambda uri, anchor: f"../{uri}/" + (f"#{anchor}" if anchor else ""), [])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<ins class="chg-ins"><span class="chg-sr">inserted: </span>' in html
    assert "inserted paragraph: " in html
    parsed = _Collect()
    parsed.feed(html)
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {"from-op-2", "from-op-4", "to-op-2"} <= set(parsed.ids)
    assert 'paragraph 2 of A/RES/78/1</a> became <a href="../n/#op-3">paragraph 3 here</a>' in html
    assert "2</strong> changed" not in html and "<strong>1</strong> added" in html


def _entry_text(symbol: str) -> bytes:
    return f"---\nsymbol: {symbol}\ntitle: Crime prevention\n---\n{TEXT}".encode()


def test_a_revision_follows_the_text_it_revises_and_a_resolution_its_draft():
    from mkdocs_resolutions._internal.changes.pages import plan
    from mkdocs_resolutions._internal.corpus import Corpus, analyse
    from mkdocs_resolutions._internal.graph import Graph

    corpus = Corpus()
    for symbol in ("A/C.3/80/L.3", "A/C.3/80/L.3/Rev.1", "A/C.3/80/L.3/Rev.2", "A/RES/80/229"):
        uri = symbol.replace("/", "-") + ".txt"
        corpus.add(uri, analyse(_entry_text(symbol), uri))
    graph = Graph(adopted_from={"A/RES/80/229": "A/C.3/80/L.3/Rev.2"})
    versions, pages = plan(corpus, graph)
    assert versions.predecessor == {"A-C.3-80-L.3-Rev.1.txt": "A-C.3-80-L.3.txt", "A-C.3-80-L.3-Rev.2.txt": "A-C.3-80-L.3-Rev.1.txt"}
    assert versions.chain("A-RES-80-229.txt") == ["A-C.3-80-L.3-Rev.2.txt", "A-C.3-80-L.3-Rev.1.txt", "A-C.3-80-L.3.txt"]
    assert [(p.url, p.relation) for p in pages["A-RES-80-229.txt"]] == [
        ("A/RES/80/229/changes/", "draft"),
        ("A/RES/80/229/changes/A-C.3-80-L.3-Rev.1/", "earlier version"),
        ("A/RES/80/229/changes/A-C.3-80-L.3/", "earlier version"),
    ]


NOTED = """The General Assembly,

Recalling the report of the Secretary-General,1

Noting the report of the Special Rapporteur,2

1. Decides to continue its consideration of the question.3

__________________
1 A/78/100.
2 A/78/200.
3 Ibid., para. 4.
"""


def test_footnotes_are_compared_apart_with_ibid_read_as_what_it_stands_for():
    """A note citing a new report is a change of substance a reader would otherwise not see; a note
    that only became "Ibid." or stopped being it is not a change."""
    from mkdocs_resolutions._internal.changes.align import note_units
    from mkdocs_resolutions._internal.corpus import analyse

    new_text = NOTED.replace("Noting the report of the Special Rapporteur,2", "Noting the report of the Special Rapporteur,2\n\n"
                             "Welcoming the report of the Working Group,3").replace(
        "question.3", "question.4").replace("3 Ibid., para. 4.", "3 A/79/300.\n4 A/78/200, para. 4.").replace("2 A/78/200.", "2 A/78/200.")
    old, new = analyse(NOTED.encode(), "old.txt"), analyse(new_text.encode(), "new.txt")
    assert [u.text for u in note_units(old.doc, old.ibid)] == ["A/78/100.", "A/78/200.", "A/78/200, para. 4."]
    alignment = align(note_units(old.doc, old.ibid), note_units(new.doc, new.ibid))
    assert [(p.old.anchor if p.old else None, p.new.anchor if p.new else None, p.status) for p in alignment.pairs] == [
        ("fn-1", "fn-1", "same"), ("fn-2", "fn-2", "same"), (None, "fn-3", None), ("fn-3", "fn-4", "same")]
    html = changes_html(align(units(old.doc), units(new.doc)), Side("o", "OLD", old.doc, ibid=old.ibid),
                        Side("n", "NEW", new.doc, ibid=new.ibid), "previous", lambda uri, anchor: f"../{uri}/#{anchor}", [])
    notes = html[html.index('<section class="chg-notes"'):]
    assert "<li><strong>1</strong> added</li>" in notes and "<li><strong>3</strong> unchanged</li>" in notes
    assert notes.count('class="chg-row ') == 1 and 'id="to-fn-3"' in notes and "A/79/300." in notes
