"""The mandate finder's fast scans find what the plain patterns find.

``mandates/scan.py`` and the finder's shortcuts (_VERB tried only where a match can start, "and to"
written to start with its first character, a "\\b" checked by hand, lower-case twins of re.I patterns)
rest on facts about Python's regular expressions and ``str.lower()``: checked here over every code
point. Each fast form is compared with its plain pattern on every paragraph of the corpus and on
made-up texts built from the patterns' own words, odd letters and punctuation.
"""

from __future__ import annotations

import random
import re
import string
from collections import Counter
from functools import cache

import pytest

from mkdocs_resolutions._internal.corpus import analyse
from mkdocs_resolutions._internal.mandates import actions, addressees, due, find, find_mandates, scan
from mkdocs_resolutions._internal.model import Document, Metadata

from .conftest import need_corpus

# The plain forms, as the finder was written before its scans were made fast.
PLAIN_AND_TO = re.compile(r",?\s+and\s+(?:also\s+|further\s+|then\s+|subsequently\s+)?to\s+(?=[a-z])|;\s+to\s+(?=[a-z])")
PLAIN_FULL_NAME = re.compile(r"\b" + addressees._FULL_NAME.pattern)
PLAIN_YEAR = re.compile(r"\b" + due._YEAR.pattern)
PLAIN_REPORT_SUBJECT = re.compile(r"\b" + find._REPORT_SUBJECT.pattern)
PLAIN_PERIODS = [re.compile(r"\b" + p.pattern) for _, p in due._PERIODS]


def plain_verbs(text: str) -> list[tuple[int, int, str, str]]:
    if not find._KEYWORD.search(text):
        return []
    return [tuple(find._verb(m, text)) for m in find._VERB.any_case.finditer(text)]  # type: ignore[misc]


def plain_full_names(texts: list[str]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = {}
    for text in texts:
        for m in PLAIN_FULL_NAME.finditer(text):
            counts.setdefault(m.group("head"), Counter())[m.group(0)] += 1
    return {head: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for head, c in counts.items()}


def plain_period_spans(text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in p.finditer(text)] for p in PLAIN_PERIODS]


def fast_period_spans(text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in scan.at_word_starts(p, text)] for _, p in due._PERIODS]


ANY_DOC = find._Doc("General Assembly", "GA", 80, Document("x.txt", Metadata()))


def plain_first(patterns: list[tuple[str, str]], text: str) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, action in patterns:
        m = re.search(pattern, text, re.I)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), action)
    return best[1] if best else None


def plain_action_of(infinitive: str) -> str:
    """actions.action_of as written before its tables were compiled and tested word first."""
    text = actions._ADVERBS.sub("", infinitive.strip()).strip()
    words = text.split()
    if not words:
        return "other"
    head = words[0].lower()
    if head.startswith("continu"):
        rest = words[1:]
        if rest and rest[0].lower().endswith("ing"):
            return plain_action_of(" ".join(rest))
        return plain_first([(p, a) for p, a in actions._OBJECTS if a == "support"], " ".join(rest[:3])) or "continue"
    window = " ".join(words[:14])
    for verb, needs, action in actions._HEAD_AND_OBJECT:
        if re.match(verb, head) and re.search(needs, window, re.I):
            return action
    if actions._PROVIDE.match(head):
        return plain_first(actions._OBJECTS, text) or "other"
    for pattern, action in actions._HEADS:
        if re.match(pattern, head):
            return action
    near = " ".join(words[:8])
    return plain_first([(p, a) for p, a in actions._OBJECTS if a != "report"], near) or plain_first(
        [(r"\b(?:" + p + r")", a) for p, a in actions._HEADS if a == "support"], near
    ) or "other"


def spans(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


@cache
def every_code_point() -> str:
    return "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_re_ignorecase_matches_a_letter_as_lower_does_but_for_the_odd_letters() -> None:
    text = every_code_point()
    for letter in string.ascii_lowercase:
        by_re = set(re.findall(letter, text, re.I)) - set(scan.ODD_CASE)
        by_lower = {c for c in text if c.lower() == letter} - set(scan.ODD_CASE)
        assert by_re == by_lower, letter
    # The odd letters are odd: each is an ASCII letter to re.I, and lower() does not make it one.
    for odd in scan.ODD_CASE:
        assert any(re.fullmatch(letter, odd, re.I) for letter in string.ascii_lowercase)
        assert odd.lower() not in string.ascii_lowercase


def test_lower_keeps_length_and_the_classes_the_patterns_use() -> None:
    text = every_code_point()
    assert [c for c in text if len(c.lower()) != 1] == ["\u0130"]  # one of ODD_CASE
    for c in text:
        low = c.lower()
        if c in scan.ODD_CASE or low == c:
            continue
        assert low not in string.punctuation + string.whitespace + string.digits, hex(ord(c))
        for cls in (r"\w", r"\s", r"\d"):
            assert bool(re.match(cls, c)) == bool(re.match(cls, low)), (hex(ord(c)), cls)
    assert scan.lower("Requeſts") is None and scan.lower("REQUESTS") == "requests"


def folded_patterns() -> list[scan.Folded]:
    found = [v for m in (find, actions) for v in vars(m).values() if isinstance(v, scan.Folded)]
    found += [p for table in (actions._OBJECT_PATTERNS, actions._NEAR_HEADS) for p, _, _ in table]
    return found


def test_twins_have_lower_case_letters_only() -> None:
    patterns = folded_patterns()
    assert len(patterns) >= 6
    for p in patterns:
        assert p.lower.pattern == p.any_case.pattern and not p.lower.flags & re.I
        letters = re.sub(r"\(\?P<\w+>|\\[A-Za-z]", "", p.lower.pattern)  # group names and escapes are no text
        assert not re.search(r"[A-Z]", letters), p.lower.pattern


@cache
def corpus_paragraphs() -> list[str]:
    folder = need_corpus()
    texts = []
    for path in sorted(folder.glob("*.txt")):
        doc = analyse(path.read_bytes(), path.name).doc
        if doc.fallback is None:
            texts += [find.paragraph_text(p) for p in doc.paragraphs()]
    return texts


def check(text: str) -> None:
    """Every fast scan of ``text`` against its plain form."""
    assert [tuple(v) for v in find._verbs(text, scan.lower(text))] == plain_verbs(text), text
    assert find._AND_TO.split(text) == PLAIN_AND_TO.split(text), text
    assert find._segments(text) == [s for s in PLAIN_AND_TO.split(text) if s.strip()], text
    for start in range(0, len(text), 7 if len(text) < 200 else 41):  # infinitives start anywhere
        assert actions.action_of(text[start:]) == plain_action_of(text[start:]), text[start:]
    low = scan.lower(text)
    assert spans(find._CONDITION.search(text, low)) == spans(find._CONDITION.any_case.search(text)), text
    assert bool(find._CONDITION.any_case.search(text)) <= scan.mentions(low, find._CONDITION_WORDS), text
    assert find._condition(text, ANY_DOC) == (" ".join(m.group(0).split()).rstrip(" ,;") if (m := find._CONDITION.any_case.search(text)) else "")
    for p, words, _ in actions._OBJECT_PATTERNS + actions._NEAR_HEADS:
        assert spans(p.search(text, low)) == spans(p.any_case.search(text)), text
        assert not p.any_case.search(text) or scan.mentions(low, words), text
    assert fast_period_spans(text) == plain_period_spans(text), text
    assert spans(next(scan.at_word_starts(due._YEAR, text), None)) == spans(PLAIN_YEAR.search(text)), text
    report = next(scan.at_word_starts(find._REPORT_SUBJECT, text), None)
    assert (report and report.group("on")) == ((m := PLAIN_REPORT_SUBJECT.search(text)) and m.group("on")), text
    for needs, p in due._PERIODS:
        assert not p.search(text) or any(w in text for w in needs), text
    assert addressees.full_names([text]) == plain_full_names([text]), text


def test_fast_scans_find_what_the_plain_patterns_find_in_the_corpus() -> None:
    texts = corpus_paragraphs()
    assert len(texts) > 5000
    for text in texts:
        check(text)
    assert addressees.full_names(texts) == plain_full_names(texts)


def test_paragraphs_without_a_condition_word_give_the_same_mandates(monkeypatch: pytest.MonkeyPatch) -> None:
    """The finder looks for no condition in a paragraph without one of _CONDITION_WORDS: the same mandates
    as when it looks everywhere ("" is in every text)."""
    folder = need_corpus()
    docs = [analyse(p.read_bytes(), p.name).doc for p in sorted(folder.glob("*.txt"))]
    docs = [d for d in docs if d.fallback is None]
    found = [find_mandates(d) for d in docs]
    assert sum(bool(m.condition) for ms in found for m in ms) > 20
    monkeypatch.setattr(find, "_CONDITION_WORDS", ("",))
    assert [find_mandates(d) for d in docs] == found


def made_up_texts(count: int, seed: int) -> list[str]:
    """Texts from the patterns' own words, in any case, glued or spaced, with odd letters and punctuation."""
    sources = [find._LINK, find._STRONG, find._SOFT, find._BASE, find._CONDITION.any_case.pattern,
               find._AND_TO.pattern, due._YEAR.pattern, addressees._FULL_NAME.pattern]
    sources += [p.pattern for _, p in due._PERIODS] + [p.any_case.pattern for p, _, _ in actions._OBJECT_PATTERNS]
    words = sorted(set(re.findall(r"[a-z]{2,}|[A-Z][a-z]+", re.sub(r"\\.", " ", " ".join(sources)))))
    words += ["we", "and", "to", "the", "Secretary-General", "Panel", "2026", "1999", "90", "Subcommittee", "x"]
    glue = [" ", " ", " ", ", ", "; ", ": ", ". ", "", "\n", "\xa0", ",", "-", "“", "’", "_", "2"]
    core = ["and", "to", "also", "requests", "decides", "invites", "calls upon", "that", "the", "submit", "if", "at",
            "and to", "and also to", "; to", "if necessary", "upon request", "at the request of", "when appropriate",
            "subject to the availability", "in the event of", "should", "Panel of Experts", "in 2026", "every 90 days",
            "orally", "updates", "Advise", "facilitate", "helping", "provide", "continue", "monitoring", "include",
            "provisional agenda", "extend", "keep", "informed", "make", "render", "give", "consideration",
            "reports on the", "briefing on its", "at its"]
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(core if rng.random() < 0.4 else words)
            word = rng.choice([word, word, word.upper(), word.capitalize()])
            if rng.random() < 0.05:
                i = rng.randrange(len(word))
                word = word[:i] + rng.choice(scan.ODD_CASE + ("\u212a", "é")) + word[i + 1:]
            parts += [word, rng.choice(glue)]
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_fast_scans_find_what_the_plain_patterns_find_in_made_up_texts(seed: int) -> None:
    texts = made_up_texts(3000, seed)
    for text in texts:
        check(text)
    # the made-up texts reach the verbs, the "and to" splits and the conditions
    assert sum(bool(plain_verbs(t)) for t in texts) > 100
    assert sum(len(PLAIN_AND_TO.split(t)) > 1 for t in texts) > 20
    assert sum(bool(find._CONDITION.any_case.search(t)) for t in texts) > 20
