"""What is asked: the kind of work an infinitive ("to submit a report ...") names.

The head verb decides ("report", "convene", "extend" ...); "provide",
"present", "include" and "continue" look at their object ("provide a
briefing" is an oral update, "continue its consideration" is continue,
"continue to monitor" is review). A verb that names no kind leaves the first
words to decide ("prioritize the provision of advice, support" is support),
else the action is "other".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scan import Folded, lower, mentions

_ADVERBS = re.compile(
    r"^(?:(?:to|also|further|actively|swiftly|urgently|promptly|duly|now|fully|regularly|immediately|"
    r"continue\s+to|and|,)\s+)+",
    re.I,
)
_HEADS: list[tuple[str, str]] = [
    (r"brief", "oral update"),
    (r"report|submit|inform", "report"),
    (r"conven|hold|organi[sz]|resum|host", "convene"),
    (r"establish|creat|set\s+up|formali[sz]", "establish"),
    (r"appoint|designat|nominat", "appoint"),
    (r"transmit|forward|circulat|convey|communicat", "transmit"),
    (r"review|consider|examin|monitor|assess|evaluat|stud(?:y|ies)|analy[sz]|verif", "review"),
    (r"support|assist|advis|help|facilitat", "support"),
]
_OBJECTS: list[tuple[str, str]] = [
    (r"\bbriefing|\boral(?:ly)?\b", "oral update"),
    (r"\breport|\bupdates?\b|\binformation\b|\brecommendations\b|\bfindings\b|\bproposals?\s+to\s+the\b", "report"),
    (r"\bsupport|\bassist|\badvi[cs]e", "support"),
]
# Words each kind of object cannot be found without (a cheap test before a pattern's scan).
_OBJECT_WORDS = {"oral update": ("briefing", "oral"), "support": ("support", "assist", "advi"),
                 "report": ("report", "update", "information", "recommendations", "findings", "proposal")}
_HEAD_AND_OBJECT: list[tuple[str, str, str]] = [
    (r"include", r"provisional\s+agenda", "include item"),
    (r"include", r"\breport", "report"),
    (r"include", r"", "other"),
    (r"exten|renew", r"mandate|measures|authori[sz]ation|until|term|period", "extend"),
    (r"bring", r"attention", "transmit"),
    (r"give|pay|accord", r"consideration", "review"),
    (r"conduct|undertake|carry", r"evaluation|review|assessment|study|analysis", "review"),
    (r"keep$", r"\binformed\b", "report"),
    (r"make", r"recommendations", "report"),
]
_PROVIDE = re.compile(r"provide|present|prepare|give|make|render|offer|extend|renew")  # the object names the work

# The tables compiled once: heads are matched at the start of the (lower-case) head verb, objects anywhere.
_Patterns = list[tuple[Folded, tuple[str, ...], str]]  # pattern, words it cannot match without, action
_HEAD_PATTERNS = [(re.compile(p), a) for p, a in _HEADS]
_OBJECT_PATTERNS: _Patterns = [(Folded.compile(p), _OBJECT_WORDS[a], a) for p, a in _OBJECTS]
_NEAR: _Patterns = [x for x in _OBJECT_PATTERNS if x[2] != "report"]
_NEAR_HEADS: _Patterns = [(Folded.compile(r"\b(?:" + p + r")"), tuple(p.split("|")), a) for p, a in _HEADS if a == "support"]
_SUPPORT_OBJECTS: _Patterns = [x for x in _OBJECT_PATTERNS if x[2] == "support"]
_HEAD_AND_OBJECT_PATTERNS = [(re.compile(v), re.compile(n, re.I), a) for v, n, a in _HEAD_AND_OBJECT]


def _first(patterns: _Patterns, text: str) -> str | None:
    best: tuple[int, str] | None = None
    low = lower(text)
    for pattern, words, action in patterns:
        m = pattern.search(text, low) if mentions(low, words) else None
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), action)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def _by_head(head: str) -> tuple[tuple[tuple[re.Pattern[str], str], ...], bool, str | None]:
    """What the head verb alone tells, once per word: the objects that decide its kind
    (_HEAD_AND_OBJECT, in order), whether it is a verb of providing, and the kind it names (_HEADS)."""
    objects = tuple((needs, action) for verb, needs, action in _HEAD_AND_OBJECT_PATTERNS if verb.match(head))
    kind = next((action for pattern, action in _HEAD_PATTERNS if pattern.match(head)), None)
    return objects, _PROVIDE.match(head) is not None, kind


def action_of(infinitive: str) -> str:
    """The action named by ``infinitive`` ("to submit to the General Assembly ... a report" -> "report")."""
    text = _ADVERBS.sub("", infinitive.strip()).strip()
    words = text.split(maxsplit=14)  # the first 14 words are all that is read (but after "continue")
    if not words:
        return "other"
    head = words[0].lower()
    if head.startswith("continu"):
        return _continued(text.split()[1:])
    objects, provide, kind = _by_head(head)
    if objects:
        window = " ".join(words[:14])
        for needs, action in objects:
            if needs.search(window):
                return action
    if provide:
        return _first(_OBJECT_PATTERNS, text) or "other"
    if kind:
        return kind
    near = " ".join(words[:8])  # a verb that names no kind: the first words decide
    return _first(_NEAR, near) or _first(_NEAR_HEADS, near) or "other"


def _continued(words: list[str]) -> str:
    """"continue monitoring" is review; "continue its support" support; "continue its consideration" continue."""
    if words and words[0].lower().endswith("ing"):
        return action_of(" ".join(words))
    return _first(_SUPPORT_OBJECTS, " ".join(words[:3])) or "continue"
