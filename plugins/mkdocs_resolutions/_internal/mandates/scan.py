"""Fast scans for the mandate finder: patterns written so the regular-expression engine can skip ahead.

The engine tries a pattern at every position of a text unless the pattern starts with something it can
look for quickly (a literal, or a set of first letters). Two things take that away, and this module
holds the ways around them that keep every match the same:

- re.I: letters are compared through case tables, and no quick skip is made. The same pattern without
  re.I, run on ``text.lower()`` (``Folded``), finds the same matches at the same places, provided the
  pattern's own letters are lower case and the text holds none of ODD_CASE: letters re.I takes for an
  ASCII letter that ``str.lower()`` does not turn into it ("ſ" is "s" to re.I; U+0130 lowers to two
  letters). Such a text is read by the re.I pattern itself.
- a leading ``\\b``: ``at_word_starts`` looks for the pattern without it and checks the boundary itself.

``tests/test_mandates_scan.py`` checks these facts over every code point, and that each fast form finds
what the plain pattern finds, on the corpus and on made-up texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ODD_CASE = ("\u0130", "\u0131", "\u017f")
_WORD = re.compile(r"\w")


def lower(text: str) -> str | None:
    """``text.lower()`` if the twins may read it (same letters at the same places for re.I), else None."""
    if not text.isascii() and any(c in text for c in ODD_CASE):
        return None
    return text.lower()


def mentions(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a pattern that cannot match without one of ``words`` may match: ``low`` is the text it
    reads (a twin's ``lower()``), None when a twin may not read it."""
    if low is None:
        return True
    for word in words:  # a loop: cheaper than any() over a generator, for a test made thousands of times
        if word in low:
            return True
    return False


@dataclass(frozen=True)
class Folded:
    """A pattern matched ignoring case (``any_case``) and its twin for lower-case text (``lower``)."""

    any_case: re.Pattern[str]
    lower: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str) -> Folded:
        return cls(re.compile(pattern, re.I), re.compile(pattern))

    def search(self, text: str, low: str | None, pos: int = 0) -> re.Match[str] | None:
        """The first match in ``text`` (``low`` its ``lower()``, or None): read its spans, not its groups'
        text, which comes from ``low`` when the twin found it."""
        return self.any_case.search(text, pos) if low is None else self.lower.search(low, pos)

    def match(self, text: str, low: str | None, pos: int = 0) -> re.Match[str] | None:
        return self.any_case.match(text, pos) if low is None else self.lower.match(low, pos)


def at_word_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``re.finditer(r"\\b" + pattern)`` for a pattern that starts with a word character: the matches of
    ``pattern`` that start a word, found as that scan would find them."""
    m = pattern.search(text)
    while m:
        if m.start() and _WORD.match(text, m.start() - 1):  # inside a word: look on from the next place
            m = pattern.search(text, m.start() + 1)
            continue
        yield m
        m = pattern.search(text, m.end())
