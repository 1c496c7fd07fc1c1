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


def _first(patterns: list[tuple[str, str]], text: str) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, action in patterns:
        m = re.search(pattern, text, re.I)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), action)
    return best[1] if best else None


def action_of(infinitive: str) -> str:
    """The action named by ``infinitive`` ("to submit to the General Assembly ... a report" -> "report")."""
    text = _ADVERBS.sub("", infinitive.strip()).strip()
    words = text.split()
    if not words:
        return "other"
    head = words[0].lower()
    window = " ".join(words[:14])
    near = " ".join(words[:8])
    if head.startswith("continu"):
        rest = " ".join(words[1:])
        if words[1:] and words[1].lower().endswith("ing"):
            return action_of(rest)
        # "continue its support": the kind of the work continued; "continue its consideration": continue
        return _first([(p, a) for p, a in _OBJECTS if a == "support"], " ".join(words[1:4])) or "continue"
    if re.match(r"include", head):
        if re.search(r"provisional\s+agenda", window, re.I):
            return "include item"
        if re.search(r"\breport", window, re.I):
            return "report"
        return "other"
    if re.match(r"exten|renew", head):
        if re.search(r"mandate|measures|authori[sz]ation|until|term|period", window, re.I):
            return "extend"
        return _first(_OBJECTS, window) or "other"
    if re.match(r"bring", head) and re.search(r"attention", window, re.I):
        return "transmit"
    if re.match(r"give|pay|accord", head) and re.search(r"consideration", window, re.I):
        return "review"
    if re.match(r"conduct|undertake|carry", head):
        if re.search(r"evaluation|review|assessment|study|analysis", window, re.I):
            return "review"
    if head == "keep" and re.search(r"\binformed\b", window, re.I):
        return "report"
    if re.match(r"make", head) and re.search(r"recommendations", window, re.I):
        return "report"
    if re.match(r"provide|present|prepare|give|make|render|offer|extend", head):
        return _first(_OBJECTS, text) or "other"
    for pattern, action in _HEADS:
        if re.match(pattern, head):
            return action
    return _first([(p, a) for p, a in _OBJECTS if a != "report"], near) or _first(
        [(r"\b(?:" + p + r")", a) for p, a in _HEADS if a == "support"], near
    ) or "other"
