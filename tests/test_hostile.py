"""Broken texts: each one is read, rendered with every source word on the page, and warned about.

A warning must name the file, the line and what was done (``Diagnostic`` carries
path and line; the message says what happened). Encodings and line ends that
are merely unusual must give exactly the document their UTF-8/LF twin gives.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import textwrap

import pytest


from .hostile_support import ROOT, has_warning, render

TXT = "hostile.txt"
MD = "hostile.md"

BODY = (
    "The General Assembly,\n\n"
    "Recalling its resolution 60/1 of 16 September 2005 on the Côte d’Ivoire café,\n\n"
    "Noting with concern the naïve “quoted” – dashed report,\n\n"
    "1. Decides to remain seized of the matter;\n\n"
    "2. Requests the Secretary-General to report thereon.\n"
)


def _shape(doc):
    """What a document is, independent of line numbers' source encoding."""
    return [(p.anchor, p.lead, p.body.text) for p in doc.paragraphs()], [(n.number, n.body.text) for n in doc.footnotes]


# -- empty, title only, binary --------------------------------------------------------------------


def test_empty_file_is_a_page_with_a_warning_saying_so():
    page = render(b"", TXT)
    assert page.soup().select_one("h1#title") is not None
    assert has_warning(page, TXT, 1, "empty file", "published")


def test_empty_file_renders_a_page():
    page = render(b"", TXT)
    assert page.soup().select_one(".res-doc h1").get_text() == TXT
    assert any(d.path == TXT and d.line == 1 for d in page.diagnostics if d.level == "warning")


def test_blank_lines_only():
    page = render(b"\n\n   \n\t\n", TXT)
    assert page.soup().select_one(".res-doc") is not None
    assert page.warnings()


def test_only_a_title_is_published_preformatted():
    src = "Strengthening the crime prevention programme\n"
    page = render(src.encode(), TXT)
    assert not page.lost(src)
    assert page.soup().select_one(".res-doc--fallback pre").get_text() == src
    assert has_warning(page, TXT, 1, "no paragraphs recognised", "preformatted")


def test_binary_bytes():
    data = bytes(range(256)) * 8 + b"\nThe General Assembly, readable words survive\n"
    page = render(data, TXT)
    soup = page.soup()
    assert soup.select_one(".res-doc--fallback .res-notice") is not None
    assert "readable words survive" in soup.select_one("pre").get_text()
    assert has_warning(page, TXT, 1, "binary", "preformatted")
    assert has_warning(page, TXT, 2, "not UTF-8")  # byte 0x80 follows the "\\n" (0x0a): line 2
    assert not soup.find("script") and not soup.find("img")


# -- encodings and line ends ------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_legacy_8bit_encodings(codec):
    text = BODY.replace("’", "'") if codec == "latin-1" else BODY
    text = text.replace("“", '"').replace("”", '"').replace("–", "-") if codec == "latin-1" else text
    page = render(text.encode(codec), TXT)
    assert not page.lost(text)
    twin = render(text.encode("utf-8"), TXT)
    assert _shape(page.doc) == _shape(twin.doc)
    # The first non-UTF-8 byte ("ô" of "Côte") is on line 3.
    assert has_warning(page, TXT, 3, "not UTF-8", "Windows-1252")


@pytest.mark.parametrize(
    "name,data",
    [
        ("utf-8 BOM", codecs.BOM_UTF8 + BODY.encode()),
        ("utf-16 LE BOM", BODY.encode("utf-16")),
        ("utf-16 BE BOM", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be")),
        ("CRLF", BODY.replace("\n", "\r\n").encode()),
        ("lone CR", BODY.replace("\n", "\r").encode()),
        ("mixed", BODY.replace("\n\n", "\r\n\r", 1).encode()),
    ],
)
def test_unicode_forms_and_line_ends_read_like_utf8_lf(name, data):
    page = render(data, TXT)
    twin = render(BODY.encode(), TXT)
    assert not page.lost(BODY)
    assert _shape(page.doc) == _shape(twin.doc)
    assert [p.line for p in page.doc.paragraphs()] == [p.line for p in twin.doc.paragraphs()]
    assert page.warnings() == twin.warnings()
    assert "\ufeff" not in page.html and "\r" not in page.html


# -- footnotes --------------------------------------------------------------------------------------

MD_NOTES = (
    "*The General Assembly,*\n\n"
    "*Recalling* its resolution 60/1,<sup>1</sup>\n\n"
    "1. *Decides* to act.<sup>2</sup>\n\n"
    "<sup>2</sup> Resolution 60/1.\n\n"
    "<sup>3</sup> A note nobody cites.\n"
)


def test_markdown_marker_without_note_and_note_without_marker():
    page = render(MD_NOTES.encode(), MD)
    assert not page.lost(MD_NOTES, markdown=True)
    soup = page.soup()
    assert soup.select_one("sup.res-fnref--missing").get_text() == "1"
    assert [li["id"] for li in soup.select("section.res-footnotes li")] == ["fn-2", "fn-3"]
    assert has_warning(page, MD, 3, "marker 1", "no footnote text")
    assert has_warning(page, MD, 9, "footnote 3", "never referenced")


PLAIN_NOTES = (
    "The General Assembly,\n \n"
    "Recalling its resolution 60/1 of 16 September 2005,1 and the report,\n \n"
    "1. Decides to act.\n"
    "__________________\n \n"
    "1  Resolution 60/1.\n \n"
    "2  A note nobody cites.\n"
)


def test_plaintext_note_without_marker():
    page = render(PLAIN_NOTES.encode(), TXT)
    assert not page.lost(PLAIN_NOTES.replace("_", ""))
    assert page.doc.footnote("1") is not None and page.doc.footnote("2") is not None
    assert has_warning(page, TXT, 10, "footnote 2", "no marker")


# -- numbering ------------------------------------------------------------------------------------

NUMBERING = (
    "The General Assembly,\n\n"
    "Recalling its earlier decisions,\n\n"
    "1. Decides one;\n\n"
    "7. Decides seven;\n\n"
    "7. Decides seven again;\n\n"
    "9. Decides nine.\n\n"
    "Annex\n\n"
    "Rules of the programme\n\n"
    "1. First rule of the annex;\n\n"
    "2. Second rule of the annex.\n"
)


@pytest.mark.parametrize("path", [TXT, MD])
def test_repeated_gap_and_restarted_numbers(path):
    src = NUMBERING if path == TXT else NUMBERING.replace("Annex\n", "## Annex\n").replace("Rules of", "**Rules of")
    src = src.replace("programme\n", "programme**\n") if path == MD else src
    page = render(src.encode(), path)
    assert not page.lost(src)
    ops = [(p.anchor, p.number) for p in page.doc.operative()]
    assert ops == [("op-1", "1"), ("op-7", "7"), ("op-7-2", "7"), ("op-9", "9")]
    assert has_warning(page, path, 7, "operative paragraph 7 follows 1")
    assert has_warning(page, path, 9, "op-7", "op-7-2")
    assert has_warning(page, path, 11, "operative paragraph 9 follows 7")
    # The annex restarts at 1: its own anchors, and no numbering warning for it.
    annex = page.doc.annexes[0]
    assert [p.anchor for p in annex.blocks if hasattr(p, "role")] == ["annex-p-1", "annex-p-2"]
    assert not any(d.line > 13 for d in page.diagnostics if d.level == "warning")
    ids = [e["id"] for e in page.soup().select("[id]")]
    assert len(ids) == len(set(ids))


# -- unclosed markup ------------------------------------------------------------------------------

UNCLOSED_STAR = "*The General Assembly,*\n\n*Recalling its resolution 60/1,\n\n1. *Decides* to act *now.\n"
UNCLOSED_SUP = "*The General Assembly,*\n\n*Recalling* its resolution 60/1,<sup>1\n\n1. *Decides* to act.\n"


def test_unclosed_star_keeps_every_word_and_the_star():
    page = render(UNCLOSED_STAR.encode(), MD)
    assert not page.lost(UNCLOSED_STAR, markdown=True)
    assert page.soup().select_one("#pp-1").get_text().count("*") == 1


def test_unclosed_star_is_warned():
    page = render(UNCLOSED_STAR.encode(), MD)
    assert has_warning(page, MD, 3, "'*'", "literal asterisk")  # "*Recalling its ..."
    assert has_warning(page, MD, 5, "'*'", "literal asterisk")  # "to act *now."


def test_unclosed_sup():
    page = render(UNCLOSED_SUP.encode(), MD)
    assert not page.lost(UNCLOSED_SUP.replace("<sup>", " sup "), markdown=False) or not page.lost(UNCLOSED_SUP, True)
    assert "<sup>1" in page.soup().select_one("#pp-1").get_text()
    assert has_warning(page, MD, 3, "unclosed <sup>", "kept as text")
    assert not page.soup().select("#pp-1 sup")


# -- sizes ----------------------------------------------------------------------------------------

_TIMED = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from hostile_support import render, generated_{kind}
    text, path = generated_{kind}()
    t = time.time()
    page = render(text.encode(), path)
    lost = page.lost(text, markdown=path.endswith(".md"))
    print(round(time.time() - t, 1), sum(lost.values()), len(list(page.doc.paragraphs())), dict(list(lost.items())[:5]))
    """
)


def _timed(kind: str, limit: float) -> tuple[float, int, int]:
    """Run a big input in a subprocess so that a slow (quadratic) path fails at ``limit`` seconds."""
    code = _TIMED.format(tests=str(ROOT / "tests"), kind=kind)
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=limit, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{kind}: not done after {limit} s (quadratic behaviour?)")
    assert proc.returncode == 0, proc.stderr[-3000:]
    seconds, lost, paras, sample = proc.stdout.split(" ", 3)
    assert int(lost) == 0, f"{lost} words lost, e.g. {sample}"
    return float(seconds), int(lost), int(paras)


def test_long_paragraph_markdown():
    seconds, _lost, paras = _timed("long_paragraph_md", 60)
    assert paras == 2


def test_long_paragraph_plaintext():
    seconds, _lost, paras = _timed("long_paragraph_txt", 60)
    assert paras == 2


@pytest.mark.skipif(os.environ.get("HOSTILE_SKIP_HUGE") == "1", reason="HOSTILE_SKIP_HUGE=1")
def test_twenty_megabytes_plaintext():
    _seconds, _lost, paras = _timed("huge_txt", 420)
    assert paras == 19434  # every generated operative paragraph, none merged or split


def test_line_of_fifty_thousand_digits():
    digits = "7" * 50000
    src = f"The General Assembly,\n\nRecalling {digits} things,\n\n1. Decides 1{digits}.\n"
    for path in (TXT, MD):
        page = render(src.encode(), path)
        assert not page.lost(src)
        assert page.doc.preambular()[0].body.text.count(digits) == 1


# -- nesting and symbol density ---------------------------------------------------------------------


def _nested() -> str:
    parts = ["The General Assembly,", "1. Decides:"]
    for letter in "abcdefghjk":
        parts.append(f"({letter}) item {letter} reads:")
        for roman in ("i", "ii", "iii", "iv"):
            parts.append(f"({roman}) point {letter} {roman} reads:")
            parts += [f"({d}) detail {letter} {roman} {d};" for d in (1, 2, 3)]
    parts.append("2. Requests a report.")
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("path", [TXT, MD])
def test_deeply_nested_subparagraphs(path):
    src = _nested()
    page = render(src.encode(), path)
    assert not page.lost(src)
    soup = page.soup()
    assert soup.select_one("#op-1 > #op-1-k > #op-1-k-iv > #op-1-k-iv-3") is not None
    assert len(soup.select("#op-1 .res-sub")) == 10 + 40 + 120
    assert soup.select_one("#op-2") is not None
    ids = [e["id"] for e in soup.select("[id]")]
    assert len(ids) == len(set(ids))


def test_symbol_like_token_every_word():
    tokens = [f"A/RES/{n}/{n + 1}" if n % 3 else f"S/{2000 + n}/{n}" for n in range(1, 600)]
    tokens += ["A/", "/RES", "A//1", "E/CN.15/", "S/RES/1373(2001", "A/RES/99999999999999999999/1"]
    src = f"The General Assembly,\n\nRecalling {' '.join(tokens)},\n\n1. Decides {' '.join(reversed(tokens))}.\n"
    page = render(src.encode(), TXT)
    assert not page.lost(src)
    links = page.soup().select("a.res-cite")
    assert len(links) > 500
    for a in links:
        assert a["href"].startswith("https://undocs.org/") and " " not in a["href"]


def _notes_source(n: int) -> str:
    paras = "\n\n".join(f"{k}. *Decides* item {k}.<sup>{k}</sup>" for k in range(1, n + 1))
    notes = "\n\n".join(f"<sup>{k}</sup> Note {k}." for k in range(1, n + 1))
    return f"*The General Assembly,*\n\n{paras}\n\n---\n\n{notes}\n"


def _lines_run(src: str) -> int:
    """Python lines executed while rendering ``src``: a measure of work that no machine load changes."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        render(src.encode(), MD)
    finally:
        sys.settrace(None)
    return count


def test_many_unused_footnotes_and_markers_stay_linear():
    """Thousands of notes: footnote lookup per marker must not make rendering quadratic."""
    src = _notes_source(900)
    page = render(src.encode(), MD)
    assert not page.lost(src, markdown=True)
    assert len(page.doc.footnotes) == 900
    # Doubling the notes may at most about double the work (a quadratic lookup would quadruple it);
    # measured 2.04 and 2.09 for 60 → 120 → 240 notes. The first run pays for imports and caches.
    _lines_run(_notes_source(60))
    small, large = _lines_run(_notes_source(60)), _lines_run(_notes_source(120))
    assert large / small < 2.5, (small, large)


# -- graceful degradation -------------------------------------------------------------------------

UNCLASSIFIABLE = "# Contents\n\n## Chapter I\n\n## Chapter II\n\n## Part III\n"  # headings, no paragraph


@pytest.mark.parametrize("path", [TXT, MD])
def test_unclassifiable_text_is_published_preformatted_with_a_notice(path):
    page = render(UNCLASSIFIABLE.encode(), path)
    assert page.doc.fallback is not None
    soup = page.soup()
    notice = soup.select_one(".res-doc--fallback .res-notice")
    assert notice is not None and "could not be read as a resolution" in notice.get_text()
    assert notice.get("role") == "note"
    assert soup.select_one(".res-doc--fallback pre").get_text() == UNCLASSIFIABLE
    assert not page.lost(UNCLASSIFIABLE)
    assert has_warning(page, path, 1, "no paragraphs recognised", "preformatted")


def test_fallback_escapes_markup():
    src = "<script>alert(1)</script>\n\n<b>Chapter I</b>\n"
    page = render(src.encode(), TXT)
    soup = page.soup()
    if page.doc.fallback is not None:
        assert soup.select_one("pre").get_text() == src
    assert not soup.find("script") and not soup.find("b")
    assert not page.lost(src)


DUP_NOTES = "*The General Assembly,*\n\n*Recalling* it,<sup>1</sup> and more,<sup>1</sup>\n\n---\n\n<sup>1</sup> First.\n\n<sup>1</sup> Second.\n"


def test_footnote_number_defined_twice_keeps_both_texts():
    page = render(DUP_NOTES.encode(), MD)
    assert not page.lost(DUP_NOTES, markdown=True)


def test_footnote_number_defined_twice_is_warned_and_ids_stay_unique():
    page = render(DUP_NOTES.encode(), MD)
    ids = [e["id"] for e in page.soup().select("[id]")]
    assert len(ids) == len(set(ids))
    assert has_warning(page, MD, 9, "footnote 1")


def test_text_file_starting_with_pdf_magic():
    src = "%PDF is how the text starts, The General Assembly,\n\nRecalling its work,\n\n1. Decides to act.\n"
    page = render(src.encode(), TXT)
    assert not page.lost(src)


def test_broken_pdf_is_warned():
    page = render(b"%PDF-1.7\n" + bytes(range(256)), "broken.pdf")
    assert has_warning(page, "broken.pdf", 1, "PDF could not be opened")


@pytest.mark.parametrize("line", ["A title<sup>1</sup>The end", "A title 0*Recalling end", "A title 0_The end",
                                  "A title <b> bold"])
def test_marker_in_a_markdown_cover_line(line):
    src = f"# General Assembly\n\n{line}\n\n*The General Assembly,*\n\n*Recalling* its work,\n"
    page = render(src.encode(), MD)
    assert not page.lost(src, markdown=True)


def test_literal_sup_in_a_plain_text_cover_line():
    src = "Recalling<sup>\n\nThe General Assembly,\n\nNoting the work,\n"
    page = render(src.encode(), TXT)
    assert not page.lost(src)
