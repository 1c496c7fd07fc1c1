"""Checks across one document's citations: what no single paragraph can show.

A Security Council resolution carries its year in its symbol ("2140 (2014)"), so
a number printed with two different years in one document is a misprint in one
of the places: the year printed less often is the suspect one ("2140 (2015)"
once against "2140 (2014)" five times). Both are still linked as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Diagnostic

_COUNCIL = re.compile(r"S/RES/(?P<n>\d+)\((?P<y>\d{4})\)\Z")


@dataclass(frozen=True)
class Cited:
    """One linked symbol of a document, with the source line of the citing span."""

    symbol: str
    line: int


def council_year_conflicts(cited: list[Cited], path: str) -> list[Diagnostic]:
    """A warning for each Council resolution number printed with a year the document contradicts."""
    years: dict[str, Counter[str]] = {}
    places: list[tuple[str, str, int]] = []
    for c in cited:
        m = _COUNCIL.match(c.symbol)
        if m:
            years.setdefault(m.group("n"), Counter())[m.group("y")] += 1
            places.append((m.group("n"), m.group("y"), c.line))
    out = []
    for number, year, line in places:
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
