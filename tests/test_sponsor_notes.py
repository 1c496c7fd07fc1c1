"""Sponsor notes marked after individual names ("Kenya,* Mexico** and Peru"): each marker is linked to its note.

Issue 11, item 4: the header shows the sponsor line as printed; every "*" in it
that calls a note points to that note, whichever name it follows. A synthetic
draft in the PyMuPDF shape, with two notes under the rule of the first page.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from mkdocs_resolutions._internal.corpus import analyse
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker

DRAFT = """United Nations 
A/80/L.99
 
General Assembly 
Distr.: Limited 
6 November 2025 
Original: English 
 
25-99999 (E)    141125 
*2599999* 
 
Eightieth session 
Agenda item 13 
Sustainable development 
 
 
Kenya,* Mexico** and Peru: draft resolution 
 
 
 A title for a test 
 
 
The General Assembly,  
 
Recalling its resolution 79/1,  
 
1. Decides to remain seized of the matter.  
__________________ 
 
* On behalf of the States that are members of the Group of African States.  
 
** Any changes to the list of sponsors will be reflected in the official record of the meeting.  
"""


def _header(text: str) -> tuple[object, BeautifulSoup]:
    analysis = analyse(text.encode(), "A-80-L.99.txt")
    page = BeautifulSoup(render_document(analysis.doc, Linker({}, "x/"), analysis.citations, analysis.ibid), "lxml")
    sponsors = next(div.dd for div in page.select(".res-meta__list div") if div.dt.get_text() == "Sponsors")
    return analysis.doc, sponsors


def test_each_sponsor_marker_links_to_its_own_note():
    doc, sponsors = _header(DRAFT)
    assert doc.meta.sponsor_line == "Kenya,* Mexico** and Peru"
    assert [f.number for f in doc.footnotes] == ["*", "**"]
    assert sponsors.get_text() == "Kenya,* Mexico** and Peru"
    assert [(a.get_text(), a["href"]) for a in sponsors.select("a[role=doc-noteref]")] == [("*", "#fn-*"), ("**", "#fn-**")]
    assert [d.code for d in doc.diagnostics] == []


def test_a_marker_without_its_note_stays_as_printed_unlinked():
    doc, sponsors = _header(DRAFT.replace("** Any changes", "Any changes"))
    assert [f.number for f in doc.footnotes] == ["*"]
    assert sponsors.get_text() == "Kenya,* Mexico** and Peru"
    assert [a["href"] for a in sponsors.select("a[role=doc-noteref]")] == ["#fn-*"]
