"""Each shortcut the readers and the citation finder take for speed gives what the plain rule gives.

A shortcut skips work (a pattern not searched where its words cannot be, a count
not made until asked) or does it another way (``str.find`` for a pattern of
literals, split/join for a white-space pattern). Each is checked here against the
rule it stands for, on generated texts made of the characters that matter to it.
The whole model is compared before and after by ``build_tools/parse_times.py
--save/--compare`` over every form of the corpus.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_resolutions._internal import hyphens, italics, subjects
from mkdocs_resolutions._internal.citations import tokens as T
from mkdocs_resolutions._internal.model import RichText
from mkdocs_resolutions._internal.readers import _MARKDOWN_HINTS, is_markdown_form
from mkdocs_resolutions._internal.readers.plaintext import _Builder, _Mark, _one_space, _running_text
from mkdocs_resolutions._internal.readers.text_tables import _GAP, _LEADING_LABEL, _column_starts


def texts(alphabet: str | list[str], *words: str, size: int = 80) -> st.SearchStrategy[str]:
    """Texts of ``alphabet`` characters and ``words`` run together."""
    pieces = st.sampled_from(list(alphabet) + list(words)) if words else st.sampled_from(list(alphabet))
    return st.lists(pieces, max_size=size).map("".join)


WHITE = [" ", "\t", "\n", "\u00a0", "\u2003", "\x0b", "\x1c", "\x85"]


@settings(max_examples=400, deadline=None)
@given(texts(WHITE + ["a", "b", "-", "é"]))
def test_one_space_is_the_white_space_rule(piece: str) -> None:
    assert _one_space(piece) == re.sub(r"\s+", " ", piece)


LINES = st.lists(texts([c for c in WHITE if c != "\n"] + ["a", "B", "-", "1", ",", "\x0c", "\u2028"], "policy-", "making", "post-", "2021", size=12), max_size=6)


@settings(max_examples=500, deadline=None)
@given(LINES, st.booleans())
def test_running_text_is_the_builders(lines: list[str], marked: bool) -> None:
    numbered = list(enumerate(lines, start=1))
    marks = {1: [_Mark(1, 0, 0, "1")]} if marked and lines else {}
    vocab = hyphens.vocabulary(["policymaking post2021"])
    builder = _Builder(vocab, [])
    for n, t in numbered:
        builder.add_line(t, marks.get(n, []), n)
    joins: list[tuple[int, str, str]] = []
    assert _running_text(numbered, marks, vocab, joins) == builder.result()
    assert joins == builder.joins


@settings(max_examples=400, deadline=None)
@given(texts(" 1.(a)x\t", "   ", "7.   ", "(ii)   "))
def test_column_starts_need_a_three_space_gap(text: str) -> None:
    label = _LEADING_LABEL.match(text)
    skip = label.end() if label else 0
    assert _column_starts(text) == [m.end() for m in _GAP.finditer(text) if m.end() > skip]


@settings(max_examples=300, deadline=None)
@given(texts(" ,.X", "United Nations, ", "Treaty Series", "Official Records of the General Assembly",
             ", Supplement No. 7", "Ibid., ", "2013", "Annexes"))
def test_standard_italics_are_searched_only_where_a_title_can_be(text: str) -> None:
    rich = RichText(text)
    italics.mark_standard_italics(rich)
    assert rich.italics == [m.span() for m in italics._TITLES.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts(" \n*_#<>Aa,", "<sup>", "<sup>1", "*Recalling*", "_Noting_ ", "## ", "*2516593*", "**Also**,"))
def test_markdown_form_is_told_as_by_its_hints(text: str) -> None:
    assert is_markdown_form(text, "x.txt") == bool(_MARKDOWN_HINTS.search(text[:20000]))


def _counted(lines: list[str]) -> dict[str, int]:
    """The vocabulary's rule as first written: words inside lines, a word broken at the line end left out."""
    kept = []
    for text in lines:
        words = text.split()
        if words and words[-1].endswith("-"):
            words.pop()
        kept.append(" ".join(words))
    return dict(Counter(map(str.lower, hyphens.WORD.findall("\n".join(kept)))))


VOCABULARY_LINES = st.lists(texts(" -aAbé\t\u0130\u212a\u023a\u017f", "policy", "making", "Policy-", "peace-building"), max_size=6)


@settings(max_examples=400, deadline=None)
@given(VOCABULARY_LINES, st.lists(texts("-abé\u2c65ks", "policy", "making", "ing"), max_size=8))
def test_vocabulary_counts_as_the_rule_says(lines: list[str], asked: list[str]) -> None:
    expected = _counted(lines)
    assert dict(hyphens.vocabulary(lines)) == expected
    vocab = hyphens.vocabulary(lines)  # asked word by word: each counted alone
    for word in [*asked, *expected, *(w[1:] for w in expected), *(w.upper() for w in expected)]:
        assert vocab.get(word) == expected.get(word), word
        assert (word in vocab) == (word in expected)


def test_vocabulary_counts_whole_words_only() -> None:
    lines = ["peace-building building-blocks, building--site -building Buildings", "\u212aelvin kelvin ſtate"]
    vocab = hyphens.vocabulary(lines)  # the Kelvin sign and the long s: not letters / a letter of its own
    assert [vocab.get(w) for w in ("building", "peace-building", "buildings", "kelvin", "elvin", "ſtate", "state")] == [
        2, 1, 1, 1, 1, 1, None]
    assert dict(vocab) == _counted(lines)


def test_vocabulary_counts_when_first_asked() -> None:
    lines = ["policymaking and peace-"]
    vocab = hyphens.vocabulary(lines)
    lines.append("policymaking")  # the lines it was given are its own: later changes are not counted
    assert vocab.get("policymaking") == 1


CITING = texts(" /.,-(A)1209S_é\u0661", "esolution", "ecision", "Resolutions", "resolution ", "above", "below",
               "present", "this", "presenthis", "A/RES/", "S/", "65/232", "1/2/3", "2015/1", "_/")


@settings(max_examples=500, deadline=None)
@given(CITING)
def test_citation_candidates_are_where_their_patterns_match(text: str) -> None:
    starts = lambda pattern: [m.start() for m in re.finditer(pattern, text)]  # noqa: E731
    assert T._literal_starts(text, T._KEYWORDS) == starts("|".join(T._KEYWORDS))
    assert T._literal_starts(text, T._TAILS) == starts("|".join(T._TAILS))
    assert list(T._capital_slashes(text)) == starts(r"[A-Z]/")
    assert list(T._digit_slashes(text)) == starts(r"\d/\d")


@settings(max_examples=500, deadline=None)
@given(CITING)
def test_citation_scanners_find_what_their_patterns_find(text: str) -> None:
    """(Symbols are not compared: ``iter_symbols`` also takes "S/26560" after "A/48/486-", which ``SYMBOL`` does not.)"""
    spans = lambda found: [(m.start(), m.end(), m.group()) for m in found]  # noqa: E731
    assert spans(T.iter_keywords(text)) == spans(T.KEYWORD.finditer(text))
    assert spans(T.iter_bare(text)) == spans(T.BARE.finditer(text))


_PLAIN_PLACE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(set(subjects.PLACES), key=len, reverse=True)) + r")\b")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(subjects.PLACES), st.sampled_from(["the", "of", "situation in", "İ", "é", "-", "’s", "\n"]),
                          st.text(max_size=6)), max_size=30), st.sampled_from(["", " ", "-", "’"]))
def test_places_are_found_where_the_plain_pattern_finds_them(words: list[str], glue: str) -> None:
    text = glue.join(words)
    assert [(m.start(), m.group()) for m in subjects._PLACE.finditer(text)] == [
        (m.start(), m.group()) for m in _PLAIN_PLACE.finditer(text)]
