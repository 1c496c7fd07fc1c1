"""Who is addressed: the printed words made into one name, and whether the
addressee is an implementing entity (a mandate) or States and others (a call).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from .scan import at_word_starts

# Offices usually named in full but known by their acronym.
KNOWN = {
    "united nations development programme": "UNDP",
    "united nations office on drugs and crime": "UNODC",
    "office of the united nations high commissioner for human rights": "OHCHR",
    "office of the high commissioner": "OHCHR",
    "united nations high commissioner for human rights": "High Commissioner for Human Rights",
    "united nations high commissioner for refugees": "UNHCR",
    "office of the united nations high commissioner for refugees": "UNHCR",
    "united nations children's fund": "UNICEF",
    "united nations children’s fund": "UNICEF",
    "united nations environment programme": "UNEP",
    "united nations entity for gender equality and the empowerment of women": "UN-Women",
    "world health organization": "WHO",
    "assembly": "General Assembly",
    "general assembly": "General Assembly",
    "secretary-general": "Secretary-General",
    "secretary general": "Secretary-General",
    "office on drugs and crime": "UNODC",
    "security council": "Security Council",
}
# Words that make an addressee an implementing entity, and words that make it States or others;
# whichever comes first in the name decides ("the Government of Iraq" vs "the Conference of the Parties").
_ENTITY = re.compile(
    r"\b(?:\w+[- ]General|[Cc]o-facilitators|[Ff]acilitators|Secretariat|United Nations|UN|President|Presidents|Chair|Chairs|Chairperson|Bureau|"
    r"Office|Offices|Department|Division|Programme|Fund|Committee|Commission|Council|Rapporteurs?|Envoys?|"
    r"Representatives?|Advis[eo]rs?|Coordinators?|Missions?|missions|operations|Panel|Group|Team|Task Force|"
    r"[Aa]genc(?:y|ies)|[Ee]ntit(?:y|ies)|Board|Cent(?:re|er)|Institute|University|Mechanism|Tribunal|"
    r"Conference|Forum|Director|Director-General|High Commissioner|Administrator|Organization|Head|"
    r"Assembly|[Bb]od(?:y|ies)|[Ss]ystem|Experts|Monitoring|Ombudsperson|Registrar|Prosecutor|"
    r"[A-Z]{2,}[A-Za-z\-]*)\b"
)
_OTHERS = re.compile(
    r"\b(?:States?|Governments?|[Pp]arties|Power|Powers|countr(?:y|ies)|[Cc]ommunity|society|sector|donors|"
    r"stakeholders|actors|partners|institutions|organizations|Territory|Territories|people|peoples|"
    r"leaders|authorities|all|everyone|those|Israel|Houthis)\b"
)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9\-]{1,12})\)\s*$")
_DROP_FRONT = re.compile(r"^(?:(?:the|its|all|relevant|respective|appropriate|competent|also)\s+)+", re.I)
_DROP_BACK = re.compile(r"\s+(?:concerned|as appropriate|where appropriate|themselves|itself)$")
_HEADS = {"Panel", "Committee", "Commission", "Centre", "Center", "Mission", "Office", "Group", "Team", "Board",
          "Fund", "Programme", "Mechanism", "Forum", "Council", "Conference"}
_JOINERS = r"(?:(?:and|of|on|for|with|the|in|to)\s+)"


_PRONOUN = re.compile(r"^(?:it|him|her|them)$", re.I)
_PROPER = re.compile(r"\bthe\s+(?:[A-Z][\w’'\-]*)(?:\s+(?:(?:and|of|on|for|with|the|to|in)\s+)*[A-Z][\w’'\-]*)*")


def antecedent(printed: str, before: str) -> str:
    """A pronoun addressee ("requests it to ...") stands for the last body named before it in the paragraph."""
    if not _PRONOUN.match(printed.strip()):
        return printed
    names = [m.group(0) for m in _PROPER.finditer(before) if is_entity(m.group(0))]
    return names[-1] if names else printed


def is_entity(printed: str) -> bool:
    """True for a United Nations official, office, body or mission; False for States and others."""
    entity = _ENTITY.search(printed)
    others = _OTHERS.search(printed)
    if entity and others and re.fullmatch(r"[A-Z]{2,}[A-Za-z\-]*", entity.group(0)):
        return False  # "CAR authorities": an acronym names a country as often as a body
    if entity and (not others or entity.start() < others.start()):
        return True
    return False


_SPLIT = re.compile(r",?\s+and\s+(?=(?:the|its|all)\s|[A-Z]{2,}\b)|,\s+(?=(?:the|its)\s)")


def split_addressees(printed: str) -> list[str]:
    """"the Secretary-General and the High Commissioner" -> both; "United Nations agencies and organizations" -> one.

    A name is split only where the next part starts with "the", "its" or an acronym,
    so "the Department of Economic and Social Affairs" stays whole.
    """
    parts = _SPLIT.split(printed.strip())
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def normalise(printed: str, organ: str, names: Callable[[], dict[str, str]]) -> str:
    """The addressee as one name: "the United Nations Assistance Mission for Iraq (UNAMI)" -> "UNAMI".

    ``organ`` is the adopting body (for "the Council", "the Assembly"); ``names()``
    maps a short name used in the text to its full name ("Panel" -> "Panel of Experts");
    it is called only for a one-word name, so documents that need none never compute it.
    """
    text = " ".join(printed.split())
    if m := _ACRONYM.search(text):
        return m.group(1)
    text = _DROP_BACK.sub("", _DROP_FRONT.sub("", text)).strip(" ,")
    key = text.lower()
    if key in KNOWN:
        return KNOWN[key]
    if key == "council" and organ:
        return organ
    if " " not in text and text in (table := names()):
        text = table[text]
    return KNOWN.get(text.lower(), text)


# A full name, without the word boundary before its head (at_word_starts checks it): the alternation of
# literal heads lets the scan skip to their first letters.
_FULL_NAME = re.compile(
    rf"(?P<head>{'|'.join(sorted(_HEADS))})\s+(?:of|on)\s+(?:the\s+)?[A-Z][\w’'\-]*"
    rf"(?:\s+{_JOINERS}*[A-Z][\w’'\-]*)*"
)


def full_names(texts: list[str]) -> dict[str, str]:
    """Short names a document uses for bodies it also names in full: "Panel" -> "Panel of Experts".

    The full name is the most frequent "Panel of ..."/"Committee on ..." of the text.
    """
    counts: dict[str, Counter[str]] = {}
    for text in texts:
        for m in at_word_starts(_FULL_NAME, text):
            counts.setdefault(m.group("head"), Counter())[m.group(0)] += 1
    return {head: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for head, c in counts.items()}
