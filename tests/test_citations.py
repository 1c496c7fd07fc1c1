"""Citation finder: exact expectations on the seed and real corpus paragraphs, plus
precision/recall on the hand-labelled set (tests/fixtures/citations/labelled.jsonl),
with the exact lists of its expected misses and false links."""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from mkdocs_resolutions._internal.citations import Citation, find_citations

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "citations"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
SEED = SHARED / "seed" / "000_780746b198b85f4a.txt"


def _keys(cites: list[Citation], text: str) -> Counter:
    """(symbol, pinpoint) per linked document; (None, pinpoint) per internal link; ("@72/7", None) per mark."""
    out: Counter = Counter()
    for c in cites:
        if c.body:
            out[("@" + text[c.start:c.end], None)] += 1
        if c.internal:
            out[(None, c.pinpoint)] += 1
        for s in c.symbols:
            out[(s, c.pinpoint)] += 1
    return out


def _expected(rec: dict) -> Counter:
    return Counter((("@" + e["mark"]) if e.get("mark") else e["symbol"], e["pinpoint"]) for e in rec["expected"])


def _load() -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / "labelled.jsonl").read_text(encoding="utf-8").splitlines()]


def score(records: list[dict]) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    misses: list[str] = []
    for rec in records:
        text = rec["text"]
        got = _keys(find_citations(text, organ=rec["organ"], path=rec["source"], own=rec["own"]).citations, text)
        want = _expected(rec)
        hit = got & want
        tp += sum(hit.values())
        extra = got - want
        lost = want - got
        fp += sum(extra.values())
        fn += sum(lost.values())
        for k in extra:
            misses.append(f"FP {rec['source']}[{rec.get('block')}] {k}")
        for k in lost:
            misses.append(f"FN {rec['source']}[{rec.get('block')}] {k}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, misses


def test_labelled_set_is_big_enough() -> None:
    records = _load()
    docs = {r["source"] for r in records if r["source"].startswith("corpus/")}
    whole = {r["source"] for r in records if isinstance(r.get("block"), str)}  # every text of the document
    assert sum(len(r["expected"]) for r in records) >= 1300
    assert len(docs) >= 60 and len(whole) >= 40
    # Council drafts, drafts of each Main Committee and of the plenary, adopted resolutions
    kinds = {re.match(r"corpus/(S|A-C\.\d|A-\d+|A-RES)-", source).group(1) for source in whole}
    assert kinds == {"S", "A-C.1", "A-C.2", "A-C.3", "A-C.4", "A-C.5", "A-C.6", "A-80", "A-RES"}
    assert any(r["source"].startswith("seed/") for r in records)
    assert sum(1 for r in records for e in r["expected"] if e.get("mark")) >= 20  # other bodies' citations
    assert sum(1 for r in records for e in r["expected"] if e["internal"]) >= 20


# Labelled citations the finder does not find, on purpose: a Council resolution printed
# without its year ("its resolution 2216") is not linked, since the year is part of its symbol.
EXPECTED_MISSES = [
    "FN corpus/S-2024-37.txt[op-7] ('S/RES/2216(2015)', None)",
    "FN corpus/S-2024-835.txt[pp-1] ('S/RES/2712(2023)', None)",
    "FN corpus/S-2024-835.txt[pp-1] ('S/RES/2728(2024)', None)",
]
EXPECTED_FALSE_LINKS: list[str] = []


def test_precision_and_recall() -> None:
    precision, recall, misses = score(_load())
    print(f"\ncitation finder on the labelled set: precision {precision:.4f}, recall {recall:.4f}")
    for m in misses:
        print("  ", m)
    assert sorted(m for m in misses if m.startswith("FN")) == sorted(EXPECTED_MISSES)
    assert sorted(m for m in misses if m.startswith("FP")) == sorted(EXPECTED_FALSE_LINKS)


# --- the seed: every citation, exactly ------------------------------------------------

def _seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"../shared/seed not found: {SEED}")
    return SEED.read_text(encoding="utf-8")


def test_seed_every_citation_in_order() -> None:
    text = _seed_text()
    result = find_citations(text, organ="A", path="seed.txt", line=1)
    got = [(text[c.start:c.end], c.symbols, c.pinpoint, c.internal) for c in result.citations]
    def ga(n: str) -> tuple:
        return (n, (f"A/RES/{n}",), None, False)

    def ec(n: str) -> tuple:
        return (n, (f"E/RES/{n}",), None, False)

    expected = [
        *map(ga, ["46/152", "60/1", "60/177", "61/252", "64/178", "64/179", "64/237", "65/169", "65/190",
                  "65/232", "65/187", "60/288", "62/272"]),
        ("A/62/PV.117-120", ("A/62/PV.117", "A/62/PV.118", "A/62/PV.119", "A/62/PV.120"), None, False),
        ga("64/297"),
        ("A/64/PV.116", ("A/64/PV.116",), None, False),
        ("117", ("A/64/PV.117",), None, False),
        *map(ga, ["65/228", "65/229", "65/230"]),
        *map(ec, ["2011/33", "2011/34", "2011/35", "2011/36"]),
        *map(ga, ["58/17", "61/52", "64/78"]),
        *map(ec, ["2003/29", "2004/34", "2008/23", "2010/19"]),
        ga("64/293"),
        ga("65/232"),
        ("A/66/303", ("A/66/303",), None, False),
        *map(ec, ["2007/12", "2007/19"]),
        ("A/66/303", ("A/66/303",), None, False),
        ("paragraph 33", (), "op-33", True),
    ]
    assert got == expected
    assert result.diagnostics == []


def test_seed_not_citations() -> None:
    text = _seed_text()
    spans = [text[c.start:c.end] for c in find_citations(text, organ="A").citations]
    for plain in ("2349", "42146", "2225", "2008-2011", "18 December 2009", "2030", "14"):
        assert plain not in spans


# --- hard cases -------------------------------------------------------------------------

def _one(text: str, organ: str | None = "A") -> list[tuple[str, tuple[str, ...], str | None, bool]]:
    return [(text[c.start:c.end], c.symbols, c.pinpoint, c.internal)
            for c in find_citations(text, organ=organ).citations]


@pytest.mark.parametrize(
    "text, organ, expected",
    [
        ("paragraph 7 of resolution 65/232", "A", [("paragraph 7 of resolution 65/232", ("A/RES/65/232",), "op-7", False)]),
        ("resolution 65/232, paragraph 7", "A", [("65/232", ("A/RES/65/232",), "op-7", False)]),
        ("paras. 3 and 4 of its resolution 78/229,", "A", [("paras. 3 and 4 of its resolution 78/229", ("A/RES/78/229",), "op-3", False)]),
        ("Resolution 79/243, annex.", "A", [("79/243", ("A/RES/79/243",), "annex", False)]),
        ("Resolution 69/283, annex II.", "A", [("69/283", ("A/RES/69/283",), "annex-ii", False)]),
        ("paragraph 18 (c) of resolution 2140 (2014)", "S", [("paragraph 18 (c) of resolution 2140 (2014)", ("S/RES/2140(2014)",), "op-18-c", False)]),
        ("resolution 3363 (XXX)", "A", [("3363 (XXX)", ("A/RES/3363(XXX)",), None, False)]),
        ("resolution 217 A (III)", "A", [("217 A (III)", ("A/RES/217A(III)",), None, False)]),
        ("its resolution 31/16 A of 24 November 1976", "A", [("31/16 A", ("A/RES/31/16A",), None, False)]),
        ("resolution S-26/2", "A", [("S-26/2", ("A/RES/S-26/2",), None, False)]),
        ("resolution ES-10/21", "A", [("ES-10/21", ("A/RES/ES-10/21",), None, False)]),
        ("its decision 65/530", "A", [("65/530", ("A/DEC/65/530",), None, False)]),
        ("its resolution 2011/33", "E", [("2011/33", ("E/RES/2011/33",), None, False)]),
        ("Economic and Social Council decision 2005/232", "A", [("2005/232", ("E/DEC/2005/232",), None, False)]),
        ("resolution 16/18", "A/HRC", [("16/18", ("A/HRC/RES/16/18",), None, False)]),
        ("its resolutions 1267 (1999), 1989 (2011) and 2253 (2015)", "S",
         [("1267 (1999)", ("S/RES/1267(1999)",), None, False), ("1989 (2011)", ("S/RES/1989(2011)",), None, False),
          ("2253 (2015)", ("S/RES/2253(2015)",), None, False)]),
        ("Commission on Human Rights resolution 2005/69", "A", [("2005/69", ("E/CN.4/RES/2005/69",), None, False)]),
        ("Security Council resolution 1373 (2001)", "A", [("1373 (2001)", ("S/RES/1373(2001)",), None, False)]),
        ("the Human Rights Council, in its resolution 60/16, to extend", "A", [("60/16", ("A/HRC/RES/60/16",), None, False)]),
        ("Council resolution 52/28 of 4 April 2023", "A", [("52/28", ("A/HRC/RES/52/28",), None, False)]),
        ("in accordance with Council resolution 1996/31", "A", [("1996/31", ("E/RES/1996/31",), None, False)]),
        ("E/CN.15/2011/21, A/CONF.234/16, S/PRST/2024/1 and A/RES/66/181/Corr.1", "A",
         [("E/CN.15/2011/21", ("E/CN.15/2011/21",), None, False), ("A/CONF.234/16", ("A/CONF.234/16",), None, False),
          ("S/PRST/2024/1", ("S/PRST/2024/1",), None, False), ("A/RES/66/181/Corr.1", ("A/RES/66/181/Corr.1",), None, False)]),
        ("draft resolution A/C.3/80/L.3/Rev.1", "A", [("A/C.3/80/L.3/Rev.1", ("A/C.3/80/L.3/Rev.1",), None, False)]),
        ("A/HRC/RES/16/18", "A", [("A/HRC/RES/16/18", ("A/HRC/RES/16/18",), None, False)]),
        ("paragraphs 3 and 4 above", "A", [("paragraphs 3", (), "op-3", True), ("4", (), "op-4", True)]),
        ("paragraph 5 of the present resolution", "A", [("paragraph 5", (), "op-5", True)]),
        ("the annex to the present resolution", "A", [("annex", (), "annex", True)]),
        ("in accordance with article 14, paragraph 2, of the Convention", "A", []),
        ("United Nations, Treaty Series, vol. 2349, No. 42146.", "A", []),
        ("the 2030 Agenda for Sustainable Development, for the period 2008-2011", "A", []),
        ("2011/33", "A", []),
        ("Statistical Commission decision 53/113 of 11 March 2022", "A", [("53/113", (), None, False)]),
        ("World Health Assembly resolution 72.7 of 28 May 2019", "A", [("72.7", (), None, False)]),
        ("FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex", "A",
         [("FCCC/CP/2015/10/Add.1", ("FCCC/CP/2015/10/Add.1",), None, False), ("1/CP.21", (), None, False)]),
        ("CBD/COP/15/17, decision 15/4, annex", "A", []),
        ("(E/2015/27), chap. I, sect. C, resolution 59/1, annex", "A", [("E/2015/27", ("E/2015/27",), None, False)]),
        ("resolution 11/2 of 21 October 2022 of the Conference of the Parties", "A", [("11/2", (), None, False)]),
        ("its resolutions 45/58 P of 4 December 1990, 53/77 AA of 4 December 1998 and 50/70 M.", "A",
         [("45/58 P", ("A/RES/45/58P",), None, False), ("53/77 AA", ("A/RES/53/77AA",), None, False),
          ("50/70 M", ("A/RES/50/70M",), None, False)]),
        ("resolutions 75/257 \u0412 of 7 July 2021 and 77/299", "A",  # a Cyrillic "В" read as B
         [("75/257 \u0412", ("A/RES/75/257B",), None, False), ("77/299", ("A/RES/77/299",), None, False)]),
        ("resolution 59/276 XI entitled", "A", [("59/276", ("A/RES/59/276",), None, False)]),
        ("subparagraphs (a), (b) and (f) of paragraph 12 of resolution 2290 (2016)", "S",
         [("subparagraphs (a), (b) and (f) of paragraph 12 of resolution 2290 (2016)", ("S/RES/2290(2016)",), "op-12-a", False)]),
        ("resolutions 2712, 2720 (2023), 2728 and 2735 (2024)", "S",
         [("2720 (2023)", ("S/RES/2720(2023)",), None, False), ("2735 (2024)", ("S/RES/2735(2024)",), None, False)]),
        ("United Nations Environment Assembly resolutions 1/7 of 27 June 2014 and 2/21", "A",
         [("1/7", ("UNEP/EA.1/Res.7",), None, False), ("2/21", ("UNEP/EA.2/Res.21",), None, False)]),
        ("Human Rights Council decision 55/115", "A", [("55/115", ("A/HRC/DEC/55/115",), None, False)]),
        ("A/80/___.", "A", []),
        ("recalls its decisions 22/1 and 22/2", "A", []),
        ("WT/MIN(22)/30 and HIV/AIDS", "A", []),
    ],
)
def test_hard_cases(text: str, organ: str, expected: list) -> None:
    assert _one(text, organ) == expected


def test_context_switches_inside_a_list() -> None:
    text = ("its resolutions 58/17 of 3 December 2003 and 64/78 of 7 December 2009 on the return of cultural "
            "property and Economic and Social Council resolutions 2003/29 of 22 July 2003, 2004/34 of 21 July "
            "2004 and 2010/19 of 22 July 2010")
    assert [c.symbols[0] for c in find_citations(text, organ="A").citations] == [
        "A/RES/58/17", "A/RES/64/78", "E/RES/2003/29", "E/RES/2004/34", "E/RES/2010/19"]


def test_bare_ambiguous_number_goes_to_debug() -> None:
    result = find_citations("see 2011/33 for details", organ="A", path="x.md", line=4)
    assert result.citations == []
    assert result.debug == ["x.md:4: not linked: bare number 2011/33 (no 'resolution' word, no organ)"]


def test_date_that_does_not_fit_the_session_warns_but_links() -> None:
    text = "Reaffirming its resolution 46/152 of 18 December 1992,"
    result = find_citations(text, organ="A", path="doc.md", line=10)
    assert [c.symbols for c in result.citations] == [("A/RES/46/152",)]
    assert len(result.diagnostics) == 1
    d = result.diagnostics[0]
    assert (d.path, d.line) == ("doc.md", 10)
    assert "46/152" in d.message and "18 December 1992" in d.message and "A/RES/46/152" in d.message


def test_date_mismatch_without_named_organ_is_not_linked() -> None:
    result = find_citations("Welcoming resolution 12/4 of 18 October 2024 on crimes", organ="A")
    assert result.citations == []
    assert "12/4" in result.diagnostics[0].message


def test_sc_and_ecosoc_year_checks() -> None:
    r = find_citations("its resolution 1373 (2001) of 28 September 2002", organ="S")
    assert r.citations and len(r.diagnostics) == 1
    r = find_citations("Economic and Social Council resolution 2011/33 of 28 July 2011", organ="A")
    assert r.citations and r.diagnostics == []


def test_line_numbers_of_diagnostics() -> None:
    text = "first line\nsecond its resolution 46/152 of\n18 December 1995"
    d = find_citations(text, organ="A", path="p", line=7).diagnostics
    assert [x.line for x in d] == [8]


# --- ibid -------------------------------------------------------------------------------

def test_resolve_ibid_seed_and_chains() -> None:
    from mkdocs_resolutions._internal.citations import (
        ibid_citation,
        ibid_sources,
        resolve_ibid,
    )

    notes = [
        "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
        "Ibid., vol. 2349, No. 42146.",
        "Ibid., vol. 2237, No. 39574.",
        "A/66/303.",
        "Ibid., para. 12.",
        "See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53), chap. V.",
        "Ibid., Seventy-sixth Session, Supplement No. 53 (A/76/53), chap. VII, sect. A.",
        "Official Records of the General Assembly, Seventy-first Session, Supplement No. 10 (A/71/10).",
        "Ibid., chap. IV, sect. E.1.",
        "Resolution 76/181, annex.",
        "Ibid., para. 3.",
    ]
    assert resolve_ibid(notes) == [
        None, "United Nations, Treaty Series", "United Nations, Treaty Series", None, "A/66/303", None,
        "Official Records of the General Assembly", None,
        "Official Records of the General Assembly, Seventy-first Session, Supplement No. 10 (A/71/10)",
        None, "Resolution 76/181"]
    sources = ibid_sources(notes)
    assert sources[1].symbol is None
    assert (sources[4].symbol, sources[4].pinpoint) == ("A/66/303", None)
    assert sources[8].symbol == "A/71/10"
    assert (sources[10].symbol, sources[10].pinpoint) == ("A/RES/76/181", "op-3")
    cite = ibid_citation(notes[4], sources[4])
    assert cite == Citation(0, 5, ("A/66/303",), None)
    assert ibid_citation(notes[1], sources[1]) is None


# --- robustness (speed is measured by build_tools/parse_times.py, not asserted) ----------------------

def test_whole_corpus_never_crashes_and_spans_do_not_overlap() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"../shared/corpus not found: {corpus}")
    total = 0
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        organ = "S" if path.name.startswith("S-") else "A"
        cites = find_citations(text, organ=organ, path=path.name).citations
        total += len(cites)
        for a, b in pairwise(cites):
            assert a.end <= b.start, (path.name, a, b)
        for c in cites:
            assert 0 <= c.start < c.end <= len(text)
            assert c.internal or c.symbols or c.body
    assert total > 3000


# --- round two: ranges, the document's own paragraphs, other bodies (issue 19) ---------------

def _corpus_file(name: str) -> bytes:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"../shared/corpus not found: {corpus}")
    return (corpus / name).read_bytes()


def _page(files: dict[str, bytes], src: str):
    """``src`` rendered as on the site, in a site holding ``files``."""
    from bs4 import BeautifulSoup
    from mkdocs_resolutions._internal.corpus import Cache, Corpus
    from mkdocs_resolutions._internal.graph import Previews
    from mkdocs_resolutions._internal.render.html import render_document
    from mkdocs_resolutions._internal.render.links import Linker

    corpus, cache = Corpus(), Cache()
    for name, data in files.items():
        corpus.add(name, cache.get(data, name))
    entry = corpus.entries[src]
    previews = Previews(corpus)
    linker = Linker(corpus.by_symbol, entry.url, preview=previews, anchors=previews.anchors)
    a = entry.analysis
    return BeautifulSoup(render_document(a.doc, linker, a.citations, a.ibid), "lxml"), a


def test_seed_range_of_meeting_records_each_reachable() -> None:
    """Footnote 4: "A/62/PV.117-120" stays one piece of text; each of the four records has its link."""
    page, _ = _page({"seed.txt": _seed_text().encode()}, "seed.txt")
    rng = page.select_one("#fn-4 .res-range")
    link = rng.select_one("a.res-range__link")
    assert link.get_text() == "A/62/PV.117-120" and link["href"] == "https://undocs.org/A/62/PV.117"
    members = [(a.get_text(), a["href"]) for a in rng.select(".res-range__members a.res-range__member")]
    assert members == [(f"A/62/PV.{n}", f"https://undocs.org/A/62/PV.{n}") for n in range(117, 121)]
    assert link["data-symbols"] == "A/62/PV.117 A/62/PV.118 A/62/PV.119 A/62/PV.120"


CITING_RANGE = b"""United Nations
A/C.3/99/L.2
General Assembly
Distr.: Limited
1 October 2044
Original: English

Ninety-ninth session
Third Committee
Agenda item 1
Testing

Utopia: draft resolution

Ranges

The General Assembly,

Recalling paragraphs 2 to 4 of its resolution 79/89,

1. Decides to keep paragraph 3 under review;

2. Requests the Secretary-General to report on the implementation of paragraphs 1 to 3;

3. Decides that paragraph 2 of article 14 of the Convention applies, as does paragraph 1;
"""


def test_paragraph_range_pinpoints_the_first_and_previews_all() -> None:
    files = {"A-RES-79-89.txt": _corpus_file("A-RES-79-89.txt"), "A-C.3-99-L.2.txt": CITING_RANGE}
    page, _ = _page(files, "A-C.3-99-L.2.txt")
    link = page.select_one('#pp-1 a.res-cite--internal')
    assert link.get_text() == "paragraphs 2 to 4 of its resolution 79/89"
    assert link["href"] == "../../../RES/79/89/#op-2" and link["data-through"] == "op-4"
    excerpt = link["data-excerpt"]
    assert excerpt.startswith("2. ") and " 3. " in excerpt and " 4. " in excerpt and " 5. " not in excerpt
    # the document's own paragraphs: "paragraph 3", "paragraphs 1 to 3" (one link, the range on it)
    own = [(a.get_text(), a["href"], a.get("data-through")) for a in page.select("a.res-cite--self")]
    assert own == [("paragraph 3", "#op-3", None), ("paragraphs 1", "#op-1", "op-3")]
    # "paragraph 2 of article 14 of the Convention ..., as does paragraph 1": another text's, left plain
    assert page.select_one("#op-3 a") is None


def test_own_paragraphs_on_corpus_documents() -> None:
    from mkdocs_resolutions._internal.corpus import analyse

    def own(name: str) -> list[tuple[str, str, str | None]]:
        a = analyse(_corpus_file(name), name)
        texts = {k: r.text for k, r, _ in a.doc.texts()}
        return [(k, texts[k][c.start:c.end], c.pinpoint) for k, cs in a.citations.items() for c in cs if c.internal]

    assert ("op-32", "paragraph 20", "op-20") in own("A-RES-78-102.txt")  # "pursuant to paragraph 20"
    s693 = own("S-2018-693.txt")
    assert ("op-7", "paragraph 53", "op-53") in s693  # "report requested in paragraph 53"
    assert ("op-9", "paragraph 50", "op-50") in s693  # "as outlined in paragraph 50"
    assert ("op-24-b", "paragraph 21", "op-21") in own("S-2020-445.txt")  # "as set out in paragraph 21;"
    # an amendment's "Delete operative paragraph 22" is the amended draft's paragraph, not its own
    assert own("A-80-L.30.txt") == []


def test_ambiguous_own_paragraph_stays_plain_with_a_debug_line() -> None:
    text = "Requests the Secretary-General, in line with paragraph 5, to apply the Convention"
    r = find_citations(text, organ="A", path="d.md", line=3, own=True)
    assert r.citations == []
    assert r.debug == ["d.md:3: not linked: paragraph 5 (another text is named in the clause)"]
    r = find_citations("in line with paragraph 5, to apply", organ="A", own=False)
    assert r.citations == [] and r.debug == []  # a footnote or an annex: not the document's own paragraph


@pytest.mark.parametrize("name, marks", [
    ("A-RES-80-229.txt", {
        "11/2": "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        "12/4": "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        "25/2": "Commission on Crime Prevention and Criminal Justice",
        "53/113": "Statistical Commission",
        "8/12": "Conference of the States Parties to the United Nations Convention against Corruption"}),
    ("A-RES-80-143.txt", {
        "72/7": "Economic and Social Commission for Asia and the Pacific",
        "26/COP.15": "Conference of the Parties",
        "1/CP.21": "Conference of the Parties to the United Nations Framework Convention on Climate Change"}),
])
def test_other_bodies_marked_with_their_names_and_no_warning(name: str, marks: dict[str, str]) -> None:
    from mkdocs_resolutions._internal.corpus import analyse

    a = analyse(_corpus_file(name), name)
    assert not [d for d in a.diagnostics if d.code.startswith("citation")]
    texts = {k: r.text for k, r, _ in a.doc.texts()}
    found = {texts[k][c.start:c.end]: c.body for k, cs in a.citations.items() for c in cs if c.body}
    assert {k: found.get(k) for k in marks} == marks
    page, _ = _page({name: _corpus_file(name)}, name)
    spans = {s.get_text(): s["data-body"] for s in page.select("span.res-cite-body")}
    assert {k: spans.get(k) for k in marks} == marks
    assert all(s["title"] == f"Adopted by the {s['data-body']}" for s in page.select("span.res-cite-body"))


def test_environment_assembly_resolutions_linked_to_their_symbols() -> None:
    from mkdocs_resolutions._internal.corpus import analyse

    a = analyse(_corpus_file("A-RES-80-143.txt"), "A-RES-80-143.txt")
    symbols = {s for cs in a.citations.values() for c in cs for s in c.symbols if s.startswith("UNEP/EA")}
    assert symbols == {"UNEP/EA.1/Res.7", "UNEP/EA.2/Res.21", "UNEP/EA.4/Res.10", "UNEP/EA.6/Res.7", "UNEP/EA.6/Res.10"}


def test_council_resolution_cited_with_a_year_its_number_contradicts_warns_once() -> None:
    """ "2140 (2015)" once, "2140 (2014)" ten times: the number says 2014 (issue 11, item 7)."""
    from mkdocs_resolutions._internal.corpus import analyse

    a = analyse(_corpus_file("S-2017-142.txt"), "S-2017-142.txt")
    warned = [(d.line, d.code, d.message) for d in a.diagnostics if d.code.startswith("citation")]
    message = ("citation 2140 (2015) does not fit its number: Security Council resolution 2140 is of 2014; "
               "linked to S/RES/2140(2015) as printed")
    assert warned == [(97, "citation-date-mismatch", message)]


@pytest.mark.parametrize("text, printed, body", [
    ("Commission on the Status of Women resolution 60/2", "60/2", "Commission on the Status of Women"),
    ("Commission on Population and Development resolution 2012/1", "2012/1", "Commission on Population and Development"),
    ("Commission on Narcotic Drugs in its resolution 66/1", "66/1", "Commission on Narcotic Drugs"),
    ("Committee on World Food Security decision 51/2", "51/2", "Committee on World Food Security"),
    ("Environment Assembly decision 5/3", "5/3", "United Nations Environment Assembly"),
    ("decision 1/CMA.3", "1/CMA.3",
     "Conference of the Parties serving as the meeting of the Parties to the Paris Agreement"),
])
def test_other_bodies_named_before_or_after(text: str, printed: str, body: str) -> None:
    t = f"Recalling United Nations {text}," if text.startswith("Environment") else f"Recalling {text},"
    r = find_citations(t, organ="A")
    assert [(t[c.start:c.end], c.symbols, c.body) for c in r.citations] == [(printed, (), body)]
    assert r.diagnostics == []
