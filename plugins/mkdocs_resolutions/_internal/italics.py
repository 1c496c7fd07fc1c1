"""Titles that UN print always sets in italics, found in texts that lost their fonts.

Measured on the 39 corpus PDFs (every occurrence, paragraphs and footnotes):
"United Nations, *Treaty Series*" 23 of 23 italic, "*Official Records of the
... Supplement No. N*" 23 of 23, "Ibid., *2013, Supplement No. 7*" every
time. Latin phrases are not: "inter alia" is roman in all 29 occurrences in the
General Assembly's PDFs and italic in 5 of 17 in the Council's (two drafts:
S/2016/1100, S/2018/221), "ad hoc" 0 in 1, "status quo" 0 in 1; so plain text
leaves them roman (a wrong italic is worse than none).
A PDF or a markdown conversion carries its own italics; this is for plain text.
"""

from __future__ import annotations

import re

from .model import RichText

__all__ = ["mark_standard_italics"]

# Bounded repetitions only: linear on any input.
_TITLES = re.compile(
    r"(?<=United Nations, )Treaty Series\b"
    r"|Official Records of the [A-Z][^,()\n]{2,80}(?:, [^,()\n]{1,60}?){0,3}?"
    r", (?:Supplement No\. \d{1,3}[A-Z]?|Annexes(?:, Annex No\. \d{1,3})?)"
    r"|(?<=Ibid\., )(?:\d{4}|[A-Z][a-z]+(?:-[a-z]+)? Session), Supplement No\. \d{1,3}[A-Z]?"
)
# Each title above holds one of these: a text with none (most paragraphs) is not searched.
_NEEDLES = ("Treaty Series", "Official Records of the ", "Ibid., ")


def mark_standard_italics(rt: RichText) -> None:
    """Add italic spans for the titles above where the text has none there."""
    if not any(needle in rt.text for needle in _NEEDLES):
        return
    added = [m.span() for m in _TITLES.finditer(rt.text) if not any(a < m.end() and m.start() < b for a, b in rt.italics)]
    if added:
        rt.italics = sorted(rt.italics + added)
