"""Which body adopted a cited resolution: read from the words before "resolution".

Organ codes: ``"A"`` General Assembly, ``"S"`` Security Council, ``"E"`` Economic
and Social Council, ``"A/HRC"`` Human Rights Council, ``"E/CN.4"`` Commission on
Human Rights, ``"UNEP/EA"`` United Nations Environment Assembly, ``COUNCIL``
("Council resolution ...": decided by the number's form), ``OTHER`` (a body
whose resolutions have no UN symbol we can build: Statistical Commission, World
Health Assembly, a Conference of the Parties...). Citations of an ``OTHER``
body are marked with the body's printed name (:func:`body_name`), not linked.
"""

from __future__ import annotations

import re

from ..conventions import ORGAN_CODES

COUNCIL = "COUNCIL"
OTHER = "OTHER"
UNEA = "UNEP/EA"

# Decisions numbered by the body's own series mark: "decision 1/CP.21" (UNFCCC).
SERIES_BODIES = {
    "CP": "Conference of the Parties to the United Nations Framework Convention on Climate Change",
    "CMP": "Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol",
    "CMA": "Conference of the Parties serving as the meeting of the Parties to the Paris Agreement",
    "COP": "Conference of the Parties",  # "decision 26/COP.15": a convention's COP, named elsewhere if at all
}

_CONNECTORS = {"and", "of", "on", "the", "for", "against", "in", "to", "de"}
_BODY_NOUNS = {
    "Commission", "Conference", "Committee", "Board", "Assembly", "Council", "Organization",
    "Forum", "Parties", "Programme", "Agency", "Union", "Court", "Meeting", "Group", "Session",
    "Summit", "Congress", "Fund", "Bank", "Sub-Commission", "Subcommission", "Secretariat",
    "UNESCO", "WHO", "IAEA", "ILO", "FAO", "UNEP", "Bureau", "Body", "Authority", "Tribunal",
}
_WORD = re.compile(r"[A-Za-z][\w’'-]*|\S")


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a body's name (not a lead verb)."""
    if not word[:1].isupper():
        return False
    if word in ("See", "Also", "The", "In", "By", "Resolution", "Resolutions", "Recalls"):
        return False
    return not (word.endswith("ing") or (word.endswith("s") and word not in _BODY_NOUNS
                                          and word != "Rights" and word != "Nations"))


def name_run(window: str) -> tuple[list[str], int]:
    """The run of name words ending ``window`` (e.g. ["Human", "Rights", "Council"]).

    Returns the words and the offset in ``window`` where the run starts
    (``len(window)`` when there is no run).
    """
    matches = list(_WORD.finditer(window))
    words: list[re.Match[str]] = []
    for m in reversed(matches):
        w = m.group()
        if w[:1].isupper() or w in _CONNECTORS:
            words.append(m)
            continue
        break
    words.reverse()
    while words and words[0].group() in _CONNECTORS:
        words.pop(0)
    if not words or not words[-1].group()[:1].isupper():
        return [], len(window)
    return [m.group() for m in words], words[0].start()


def body_name(words: list[str]) -> str:
    """The printed name of a body, without a leading article or verb: "Commission on Narcotic Drugs"."""
    while words and (words[0] in _CONNECTORS or not _is_name_word(words[0])):
        words = words[1:]
    return " ".join(words)


def classify(words: list[str]) -> str | None:
    """Organ code for a run of name words, or None when it names no body."""
    if not words:
        return None
    joined = " ".join(words)
    if "Environment Assembly" in joined or joined == "UNEA":
        return UNEA
    for suffix, code in (*ORGAN_CODES.items(), ("Commission on Human Rights", "E/CN.4")):
        if joined.endswith(suffix):
            before = joined[: -len(suffix)].rstrip().split(" ")[-1] if joined != suffix else ""
            # "United Nations Economic and Social Council" is still ECOSOC, but a
            # "Sub-Commission on ... Human Rights" or "Youth Assembly" is not.
            if before and before not in ("United", "Nations", "the") and _is_name_word(before) \
                    and suffix in ("General Assembly",):
                return OTHER
            return code
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if last == "Assembly":
        return OTHER if prev and _is_name_word(prev) else "A"
    if last == "Council":
        return OTHER if prev and _is_name_word(prev) else COUNCIL
    if any(w in _BODY_NOUNS for w in words):
        return OTHER
    return None
