"""What "Ibid." stands for in a footnote: the source of the footnote before it, as a reader reads it."""

from __future__ import annotations

import re

_IBID = re.compile(r"^\s*(?:See\s+(?:also\s+)?)?Ibid\.?", re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:See\s+(?:also\s+)?)", re.IGNORECASE)
# Where a citation's source ends and its locator (volume, number, paragraph...) begins.
_LOCATOR = re.compile(r"[;]|,\s*(?:vols?\.|No\.|Nos\.|paras?\.|p\.|pp\.|chap\.|sect\.|annex|art\.|Supplement)", re.IGNORECASE)


def _source(text: str) -> str:
    text = _LEAD.sub("", text).strip()
    cut = _LOCATOR.search(text)
    if cut:
        text = text[: cut.start()]
    return text.strip().rstrip(".,").strip()


def resolve_ibid(footnotes: list[str]) -> list[str | None]:
    """For each footnote text, the source its "Ibid." refers to (None where it has no Ibid.).

    A chain of Ibid. notes keeps the source of the first note before the chain.
    """
    result: list[str | None] = []
    previous: str | None = None
    for text in footnotes:
        if _IBID.match(text):
            result.append(previous)
        else:
            result.append(None)
            previous = _source(text) or None
    return result
