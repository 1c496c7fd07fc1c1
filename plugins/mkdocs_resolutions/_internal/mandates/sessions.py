"""Sessions and dates as resolutions print them.

A General Assembly session N opens in September of 1945 + N and runs to the
next September: the eighty-first session is September 2026 to September 2027.
Other bodies number their sessions without a fixed calendar, so only the
Assembly's sessions get a period.
"""

from __future__ import annotations

import re
from datetime import date

from ..conventions import MONTH_ALT, MONTHS
from ..readers.cover import ordinal_number

ORDINAL = r"(?:[a-z]+-)?[a-z]+(?:th|st|nd|rd)|\d{1,3}(?:st|nd|rd|th)"
MONTH = MONTH_ALT
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "a": 1,
}


def ordinal(word: str) -> int | None:
    """``"eighty-first"`` or ``"81st"`` -> 81; None if ``word`` is no ordinal."""
    word = word.strip().lower()
    if m := re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word):
        return int(m.group(1))
    return ordinal_number(word)


def number(word: str) -> int | None:
    """``"90"``, ``"ninety"``, ``"four"`` -> the number."""
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def ga_session_period(session: int) -> tuple[str, str]:
    """(start, end) months of General Assembly session ``session``: 81 -> ("2026-09", "2027-09")."""
    return f"{1945 + session}-09", f"{1946 + session}-09"


def ga_session_of(iso: str) -> int:
    """The General Assembly session running on an ISO date (a session opens in September)."""
    year, month = int(iso[:4]), int(iso[5:7])
    return year - 1945 - (1 if month < 9 else 0)


def iso(day: str, month: str, year: str) -> str | None:
    """``("30", "June", "2026")`` -> ``"2026-06-30"``; None when it is no real date."""
    if month not in MONTHS:
        return None
    try:
        return date(int(year), MONTHS[month], int(day)).isoformat()
    except ValueError:
        return None
