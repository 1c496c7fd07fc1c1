"""The site's mandates arranged for its pages: by session, by year, by addressee,
and the Security Council's mandate expiries. Data only; HTML is in
``render/mandates.py``.

Every listing is split (one page per session, per year, per addressee and
year), so no page grows with the whole corpus, only with one session's or one
year's work. A deadline given as a period ("within 60 days", "every 90
days", "annually") is placed in the year it first falls due, counted from the
document's date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from .model import Mandate

ROOT = "mandates/"


@dataclass(frozen=True)
class Row:
    """One mandate as the site lists it, with the document that creates it."""

    mandate: Mandate
    symbol: str
    title: str
    page_url: str  # site-relative URL of the document's page, "A/RES/80/229/"
    organ: str
    doc_date: str  # ISO date of the document, or ""
    first_due: str  # ISO date (or "YYYY-MM" for a session, "YYYY" for a year); "" when not known

    @property
    def paragraph_url(self) -> str:
        return f"{self.page_url}#{self.mandate.anchor}"


@dataclass
class Calendar:
    """The groupings, each a mapping from a page key to its rows in date order."""

    sessions: dict[tuple[str, int], list[Row]] = field(default_factory=dict)  # ("GA", 81) -> rows
    years: dict[str, list[Row]] = field(default_factory=dict)  # "2026" -> rows
    addressees: dict[str, dict[str, list[Row]]] = field(default_factory=dict)  # name -> year -> rows
    expiries: dict[str, list[Row]] = field(default_factory=dict)  # "2026" -> Security Council expiries
    undated: list[Row] = field(default_factory=list)  # mandates with no deadline, for the counts
    total: int = 0


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other"


def session_url(body: str, session: int) -> str:
    return f"{ROOT}sessions/{slug(body)}-{session}/"


def year_url(year: str) -> str:
    return f"{ROOT}years/{year}/"


def addressee_url(name: str, year: str | None = None) -> str:
    return f"{ROOT}addressees/{slug(name)}/" + (f"{year}/" if year else "")


def expiry_url(year: str) -> str:
    return f"{ROOT}expiries/{year}/"


_PERIOD = re.compile(r"(?:every|within)\s+(\d+)\s+(day|week|month|year)s?")
_RHYTHM_DAYS = {"monthly": 30, "annually": 365, "biennially": 730}


def first_due(mandate: Mandate, doc_date: str) -> str:
    """When ``mandate`` first falls due: its date, its session's opening, its year, or its document's date plus its period."""
    due = mandate.due
    if due is None:
        return ""
    if due.date:
        return due.date
    if due.starts:
        return due.starts
    if due.kind != "period" or not doc_date:
        return ""
    days = _RHYTHM_DAYS.get(due.label)
    if m := _PERIOD.match(due.label):
        n, unit = int(m.group(1)), m.group(2)
        days = n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
    if days is None:
        return ""
    return (date.fromisoformat(doc_date) + timedelta(days=days)).isoformat()


def _order(row: Row) -> tuple:
    return (row.first_due or "9999", row.symbol, row.mandate.anchor, row.mandate.addressee)


def build_calendar(rows: list[Row]) -> Calendar:
    """Group the site's mandates (``kind`` "mandate" only; calls are in the data files)."""
    cal = Calendar()
    sessions: dict[tuple[str, int], list[Row]] = defaultdict(list)
    years: dict[str, list[Row]] = defaultdict(list)
    people: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    expiries: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        m = row.mandate
        if m.kind != "mandate":
            continue
        cal.total += 1
        people[m.addressee][row.doc_date[:4] or "undated"].append(row)
        if m.due and m.due.kind == "session" and m.due.body and m.due.session:
            sessions[(m.due.body, m.due.session)].append(row)
        if row.first_due:
            years[row.first_due[:4]].append(row)
        else:
            cal.undated.append(row)
        if m.due and m.due.kind == "until" and row.organ == "Security Council":
            expiries[row.first_due[:4]].append(row)
    cal.sessions = {k: sorted(v, key=_order) for k, v in sorted(sessions.items())}
    cal.years = {k: sorted(v, key=_order) for k, v in sorted(years.items())}
    cal.addressees = {
        name: {y: sorted(v, key=_order) for y, v in sorted(by_year.items())}
        for name, by_year in sorted(people.items(), key=lambda kv: kv[0].lower())
    }
    cal.expiries = {k: sorted(v, key=_order) for k, v in sorted(expiries.items())}
    return cal
