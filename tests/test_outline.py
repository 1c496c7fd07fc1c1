"""The outline a resolution page gives the theme's table of contents, and the structure it reads.

Small texts written here pin each rule; two real documents (a convention with
chapters and articles, the Pact for the Future) check it at size.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs_resolutions._internal.corpus import analyse
from mkdocs_resolutions._internal.model import Heading
from mkdocs_resolutions._internal.render.outline import Entry, contents_html, outline, toc_tokens

from .hostile_support import render

SOURCE = Path(__file__).resolve().parents[1] / "source_docs"

CONVENTION = "\n\n".join([
    'General Assembly',
    'Distr.: General',
    'A/RES/99/1',
    'The General Assembly,',
    '1. Adopts the Convention annexed to the present resolution;',
    'Annex',
    'Example Convention',
    'Chapter I',
    'General provisions',
    'Article 1',
    'Statement of purpose',
    'The purposes of this Convention are to:',
    '(a) Promote cooperation;',
    'Article 2.',
    'Use of terms',
    '1. For the purposes of this Convention, a term means what it says.',
    'Chapter II',
    'Final provisions',
    'Article 3',
    'Signature',
    'This Convention shall be open to all States for signature.',
]) + "\n"


def doc_of(text: str, name: str = "t.txt"):
    return analyse(text.encode(), name).doc


def test_chapters_hold_articles_and_each_heading_carries_its_printed_title():
    assert outline(doc_of(CONVENTION), notes=False) == [
        Entry(1, "annex", "Annex — Example Convention"),
        Entry(2, "annex-ch-i", "Chapter I — General provisions"),
        Entry(3, "annex-art-1", "Article 1 — Statement of purpose"),
        Entry(3, "annex-art-2", "Article 2 — Use of terms"),  # printed "Article 2.": the stray full stop goes
        Entry(2, "annex-ch-ii", "Chapter II — Final provisions"),
        Entry(3, "annex-art-3", "Article 3 — Signature"),
    ]


def test_heading_levels_and_titles_in_the_html():
    html = render(CONVENTION.encode(), "t.txt").html
    assert re.findall(r"<(h[2-6]) [^>]*>(.*?)</\1>", html)[:4] == [
        ("h2", 'Annex <span class="res-heading__title">Example Convention</span>'),
        ("h3", 'Chapter I <span class="res-heading__title">General provisions</span>'),
        ("h4", 'Article 1 <span class="res-heading__title">Statement of purpose</span>'),
        ("h4", 'Article 2 <span class="res-heading__title">Use of terms</span>'),
    ]
    # A title is the heading's, not a paragraph: no preambular paragraph is made of it.
    assert "Statement of purpose</p>" not in html


def test_a_text_without_headings_has_no_outline():
    text = "General Assembly\n\nThe General Assembly,\n\n" + "".join(f"{i}. Decides item {i};\n\n" for i in range(1, 30))
    assert outline(doc_of(text)) == []
    assert toc_tokens([]) == []


def test_a_long_run_of_paragraphs_gets_ranges_under_its_heading():
    text = "General Assembly\n\nThe General Assembly,\n\nI. Matters\n\n" + "".join(
        f"{i}. Decides item {i};\n\n" for i in range(1, 46))
    assert outline(doc_of(text)) == [
        Entry(1, "part-i", "I. Matters"),
        Entry(2, "op-1", "Paragraphs 1–20"),
        Entry(2, "op-21", "Paragraphs 21–40"),
        Entry(2, "op-41", "Paragraphs 41–45"),
    ]


def test_toc_tokens_nest_by_level_and_escape_titles():
    tokens = toc_tokens([Entry(1, "annex", "Annex <I>"), Entry(2, "annex-art-1", "Article 1"), Entry(1, "footnotes", "Notes")])
    assert tokens == [
        {"level": 2, "id": "annex", "name": "Annex &lt;I&gt;", "children": [
            {"level": 3, "id": "annex-art-1", "name": "Article 1", "children": []}]},
        {"level": 2, "id": "footnotes", "name": "Notes", "children": []},
    ]


def test_contents_disclosure_nests_the_same_entries_as_links_within_the_page():
    entries = [Entry(1, "annex", "Annex <I>"), Entry(2, "annex-art-1", "Article 1"), Entry(1, "footnotes", "Notes")]
    assert contents_html(entries) == (
        '<details class="res-contents" data-pagefind-ignore><summary>Contents</summary>'
        '<nav aria-label="Contents of this document"><ul>'
        '<li><a href="#annex">Annex &lt;I&gt;</a><ul><li><a href="#annex-art-1">Article 1</a></li></ul></li>'
        '<li><a href="#footnotes">Notes</a></li></ul></nav></details>'
    )
    assert contents_html([]) == ""


def test_the_page_carries_the_contents_only_when_it_has_an_outline():
    html = render(CONVENTION.encode(), "t.txt").html
    assert html.count('<details class="res-contents"') == 1
    assert '<a href="#annex-ch-ii">Chapter II — Final provisions</a>' in html
    flat = "General Assembly\n\nThe General Assembly,\n\n1. Decides;\n"
    assert "res-contents" not in render(flat.encode(), "t.txt").html


def test_the_convention_outline_lists_every_chapter_and_article_in_order():
    text = (SOURCE / "A-RES-79-243.txt").read_text(encoding="utf-8")
    convention = text[: text.index("Interpretative notes")]
    printed = re.findall(r"(?m)^(Chapter [IVXLC]+|Article \d+)\.? *$", convention)
    entries = outline(doc_of(text, "A-RES-79-243.txt"))
    listed = [e.title.split(" — ")[0] for e in entries if e.anchor.startswith(("annex-ch-", "annex-art-"))]
    assert listed == printed
    assert {e.level for e in entries if e.anchor.startswith("annex-ch-")} == {2}
    assert {e.level for e in entries if e.anchor.startswith("annex-art-")} == {3}


def test_the_pact_adopting_clause_and_title_are_not_preambular_paragraphs():
    doc = doc_of((SOURCE / "A-RES-79-1.txt").read_text(encoding="utf-8"), "A-RES-79-1.txt")
    assert doc.preambular() == []
    first, title = doc.blocks[:2]
    assert first.role == "text" and first.body.text.startswith("Adopts the following Pact")
    assert isinstance(title, Heading) and title.text.text == "The Pact for the Future"
    names = [e.title for e in outline(doc) if e.level == 1]
    assert names[-3:] == ["Annex I — Global Digital Compact", "Annex II — Declaration on Future Generations", "Notes"]
