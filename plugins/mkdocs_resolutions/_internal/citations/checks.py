"""Checks across one document's citations: what no single paragraph can show.

A Security Council resolution carries its year in its symbol ("2140 (2014)"),
and the Council numbers its resolutions in order of adoption, so the number
alone says the year: ``data/sc_years.json`` holds the first number of each
year. A citation printed with another year ("2140 (2015)") is a misprint, as
a General Assembly resolution cited with a date outside its session is
(:mod:`.find`), and gets the same warning, ``citation-date-mismatch``. It is
still linked as printed: the reader sees what the text says.

Numbers past the table (the last year's first number and up) may be of that
year or of a later one, so only an earlier year is wrong for them. For those
the document itself is the evidence: a number printed with two different
years is a misprint in one of the places, the year printed less often the
suspect one (``citation-year-conflict``).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..model import Diagnostic

_COUNCIL = re.compile(r"S/RES/(?P<n>\d+)\((?P<y>\d{4})\)\Z")


@dataclass(frozen=True)
class Cited:
    """One linked symbol of a document, with the source line of the citing span."""

    symbol: str
    line: int


@cache
def _first_numbers() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(first numbers, their years), both ascending, from ``data/sc_years.json``."""
    package = __package__.rsplit(".", 1)[0]
    data = json.loads((resources.files(package) / "data" / "sc_years.json").read_text(encoding="utf-8"))
    pairs = sorted((number, int(year)) for year, number in data["first"].items())
    return tuple(n for n, _ in pairs), tuple(y for _, y in pairs)


def council_years(number: int) -> range:
    """The years Security Council resolution ``number`` can be of: one year, or (past the
    table's last year's first number) that year and any later; empty below resolution 1."""
    firsts, years = _first_numbers()
    k = bisect_right(firsts, number) - 1
    if k < 0:
        return range(0)
    return range(years[k], years[k] + 1) if k + 1 < len(firsts) else range(years[k], 10_000)


def council_year_conflicts(cited: list[Cited], path: str) -> list[Diagnostic]:
    """A warning for each Council resolution printed with a year its number or the document contradicts."""
    years: dict[str, Counter[str]] = {}
    places: list[tuple[str, str, int]] = []
    for c in cited:
        m = _COUNCIL.match(c.symbol)
        if m:
            years.setdefault(m.group("n"), Counter())[m.group("y")] += 1
            places.append((m.group("n"), m.group("y"), c.line))
    out = []
    for number, year, line in places:
        allowed = council_years(int(number))
        if allowed and int(year) not in allowed:
            of = f"of {allowed.start}" if len(allowed) == 1 else f"of {allowed.start} or later"
            out.append(Diagnostic(
                path, line,
                f"citation {number} ({year}) does not fit its number: Security Council resolution {number} is {of}; "
                f"linked to S/RES/{number}({year}) as printed",
                code="citation-date-mismatch"))
            continue
        if len(allowed) == 1:
            continue  # the number says the year, and this one is it
        counts = years[number]
        if len(counts) < 2:
            continue
        (top, top_n), (_, second_n) = counts.most_common(2)
        if year == top and top_n > second_n:
            continue
        others = ", ".join(f"{y} ({n}×)" for y, n in sorted(counts.items()) if y != year)
        out.append(Diagnostic(
            path, line,
            f"citation {number} ({year}) does not fit resolution {number} cited elsewhere in this document "
            f"as of {others}; linked to S/RES/{number}({year}) as printed",
            code="citation-year-conflict"))
    return out
