"""When a piece of work is due, read from the words of one request.

Four sorts of expression, tried in this order because a text that names a
session and a rhythm ("at its eighty-second session and biennially
thereafter") is due first at the session:

1. a session: "to the General Assembly at its eighty-first session" → GA 81,
   "at its next session" → the next session of the adopting body;
2. a period: "every 90 days", "within six months", "annually", "biennially";
3. a date: "by 30 June 2026", "from 6 to 10 April 2026", "until 30 April 2026"
   (an expiry, shown "until 2026-04-30");
4. a year: "in 2030".

A period "thereafter" follows a first deadline: "by 15 May 2019 and every 90 days
thereafter" is due first on 15 May 2019.
"""

from __future__ import annotations

import re

from .model import Due
from .scan import at_word_starts, mentions
from .sessions import MONTH, ORDINAL, ga_session_period, iso, number, ordinal

BODY_CODES = {
    "general assembly": "GA",
    "assembly": "GA",
    "human rights council": "HRC",
    "economic and social council": "ECOSOC",
    "security council": "SC",
    "commission on the status of women": "CSW",
    "commission on narcotic drugs": "CND",
    "commission on crime prevention and criminal justice": "CCPCJ",
    "commission for social development": "CSocD",
    "commission on population and development": "CPD",
}
_NAME = r"[A-Z][\w’'\-]*(?:\s+(?:(?:and|on|of|for|the)\s+)*[A-Z][\w’'\-]*)*"
_SESSION = re.compile(
    rf"\b(?P<its>its|their|the)\s+(?P<ord>{ORDINAL}|next|current|present|forthcoming)"
    rf"(?:\s*(?:,|and)\s*(?:{ORDINAL}))*\s+(?:regular\s+|substantive\s+)?sessions?"
    rf"(?:\s+of\s+the\s+(?P<after>{_NAME}))?"
)
_BEFORE = re.compile(rf"(?:to|by|before|of)\s+the\s+(?P<body>{_NAME})\s*,?\s*(?:at|during|in)\s*$")
_UNITS = r"days?|weeks?|months?|years?"
# Each pattern (found at word starts, as after a "\b") with words it cannot match without: a cheap test first.
_PERIODS: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (("every",), re.compile(rf"every\s+(?:(?P<n>\d+|[a-z\-]+)\s+)?(?P<u>{_UNITS})\b")),
    (("within", "later"),
     re.compile(rf"(?:within|no\s+later\s+than|not\s+later\s+than)\s+(?P<within>\d+|[a-z\-]+)\s+(?P<u>{_UNITS})\b")),
    (("basis",), re.compile(r"on\s+an?\s+(?P<adj>annual|yearly|biennial|monthly|quarterly)\s+basis\b")),
    (("annually", "yearly", "ially", "monthly", "quarterly"),
     re.compile(r"(?P<adv>annually|yearly|biennially|triennially|monthly|quarterly)\b")),
    (("intervals",), re.compile(r"at\s+(?P<n>two|three|four|five)-(?P<u>year)\s+intervals\b")),
]
_RHYTHM = {"annual": "annually", "yearly": "annually", "annually": "annually", "biennial": "biennially",
           "biennially": "biennially", "triennially": "every 3 years", "monthly": "monthly",
           "quarterly": "every 3 months"}
_DATE = re.compile(
    rf"(?:(?P<prep>by|no\s+later\s+than|not\s+later\s+than|before|until|till|through|on|from|starting|beginning|as\s+of|in\s+advance\s+of\s+[\w\s]{{0,30}}?on)\s+)?"
    rf"(?P<d>\d{{1,2}})(?:\s+(?P<m1>{MONTH}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"(?:\s+(?:to|and|until|-|–)\s+\d{{1,2}}(?:\s+(?P<m2>{MONTH}))?)?"
    rf"(?:\s+(?P<y2>\d{{4}}))?"
)
_US_DATE = re.compile(rf"(?:(?P<prep>by|until|till|through|on|before)\s+)?(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),\s+(?P<y>\d{{4}})")
_YEAR = re.compile(r"(?:in|by|before|during)\s+(?P<y>(?:19|20)\d\d)\b(?![–\-/]\d)")  # at a word start
_CITED = re.compile(r"(?:\bof|adopted|held|signed|dated|issued|rendered|launched|entitled)\s*$")


def _unit(n: int, unit: str) -> str:
    unit = unit.rstrip("s")
    if unit == "year" and n == 1:
        return "annually"
    if unit == "year" and n == 2:
        return "biennially"
    if unit == "month" and n == 1:
        return "monthly"
    return f"every {n} {unit}{'s' if n != 1 else ''}"


def _session(text: str, organ_code: str, doc_session: int | None) -> Due | None:
    if "session" not in text:
        return None
    for m in _SESSION.finditer(text):
        word = m.group("ord")
        if word in ("next", "forthcoming"):
            n = doc_session + 1 if doc_session else None
        elif word in ("current", "present"):
            n = doc_session
        else:
            n = ordinal(word)
        if n is None:
            continue
        if m.group("after"):
            name = m.group("after")
        elif m.group("its") == "the":
            continue  # "the eightieth session" of no named body: not a deadline
        elif before := _BEFORE.search(text[: m.start()]):
            name = before.group("body")
        else:
            name = ""
        name = re.split(r"\s+and\s+the\s+", name)[0]  # "the General Assembly and the Human Rights Council at their ..."
        code = BODY_CODES.get(name.lower(), name) if name else organ_code
        if not code or code == "GA" and doc_session and n < doc_session:
            continue  # a past session of the Assembly is history, not a deadline
        starts = ends = None
        if code == "GA":
            starts, ends = ga_session_period(n)
        return Due("session", f"{code} {n}", m.group(0), body=code, session=n, starts=starts, ends=ends)
    return None


def _period(text: str) -> Due | None:
    found: list[tuple[int, Due]] = []
    for needs, pattern in _PERIODS:
        if not mentions(text, needs):  # text for low: these patterns are case-sensitive
            continue
        for m in at_word_starts(pattern, text):
            groups = m.groupdict()
            if groups.get("within"):
                n = number(groups["within"])
                if n is None:
                    continue
                unit = groups["u"].rstrip("s")
                label = f"within {n} {unit}{'s' if n != 1 else ''}"
            elif groups.get("u"):
                n = number(groups["n"] or "one") if groups.get("n") else 1
                if n is None:
                    continue
                label = _unit(n, groups["u"])
            else:
                label = _RHYTHM[groups.get("adj") or groups["adv"]]
            found.append((m.start(), Due("period", label, m.group(0))))
            break
    return min(found, key=lambda f: f[0])[1] if found else None


_ANY_MONTH = re.compile(MONTH)


def _date(text: str) -> Due | None:
    if not _ANY_MONTH.search(text):
        return None
    found: list[tuple[int, Due]] = []
    for m in _DATE.finditer(text):
        month = m.group("m1") or m.group("m2")
        year = m.group("y1") or m.group("y2")
        if not month or not year or (not m.group("prep") and not m.group("m2")):
            continue
        if not m.group("prep") and _CITED.search(text[: m.start()]):
            continue
        if m.group("prep") == "on" and _CITED.search(text[: m.start()]):
            continue
        day = iso(m.group("d"), month, year)
        if day:
            found.append((m.start(), _dated(m.group("prep") or "", day, m.group(0))))
    for m in _US_DATE.finditer(text):
        day = iso(m.group("d"), m.group("m"), m.group("y"))
        if day and not _CITED.search(text[: m.start()]):
            found.append((m.start(), _dated(m.group("prep") or "", day, m.group(0))))
    return min(found, key=lambda f: f[0])[1] if found else None


def _dated(prep: str, day: str, printed: str) -> Due:
    if prep in ("until", "till", "through"):
        return Due("until", f"until {day}", printed, date=day)
    return Due("date", day, printed, date=day)


def _year(text: str) -> Due | None:
    m = next(at_word_starts(_YEAR, text), None) if "19" in text or "20" in text else None
    if not m:
        return None
    return Due("year", m.group("y"), m.group(0), starts=f"{m.group('y')}-01", ends=f"{int(m.group('y')) + 1}-01")


def find_due(text: str, organ_code: str = "GA", doc_session: int | None = None) -> Due | None:
    """The first deadline ``text`` states, by the order in the module docstring."""
    session = _session(text, organ_code, doc_session)
    if session:
        return session
    period, dated = _period(text), _date(text)
    if period and dated and re.search(re.escape(period.printed) + r"\s+thereafter", text):
        return dated  # "the first report by 15 May 2019 and every 90 days thereafter"
    return period or dated or _year(text)
