"""A hyphen at a line end: a break inside a word, or the hyphen of a compound? The document decides.

"policy-" ends a line and "making" opens the next: the hyphen goes when the
same document writes "policymaking" and never "policy-making"; otherwise it
stays ("Secretary-" / "General"). Only words inside lines are evidence: the
last word of a line that ends in a hyphen is itself the question.

The plain-text and PDF readers use this. The markdown reader answers the
reverse question (a converter dropped hyphens it should have kept) in
``readers/markdown._Hyphens``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["WORD", "vocabulary", "is_break"]

WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*")  # "policy-making": a word, hyphens and all


def vocabulary(lines: Iterable[str]) -> dict[str, int]:
    """How often the document writes each word (lower case), from inside its lines."""
    vocab: dict[str, int] = {}
    for text in lines:
        words = text.split()
        if words and words[-1].endswith("-"):  # broken at the line end: not evidence
            words.pop()
        for w in WORD.findall(" ".join(words)):
            w = w.lower()
            vocab[w] = vocab.get(w, 0) + 1
    return vocab


def is_break(vocab: Mapping[str, int], head: str, tail: str) -> bool:
    """Is the hyphen of ``head``- at a line end, before ``tail``, a break inside one word?

    >>> is_break({"policymaking": 2}, "policy", "making")
    True
    >>> is_break({"policymaking": 2, "policy-making": 1}, "policy", "making")
    False
    """
    return vocab.get((head + tail).lower(), 0) > 0 and vocab.get(f"{head}-{tail}".lower(), 0) == 0
