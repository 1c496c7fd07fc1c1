"""Mandates as HTML: the quiet marker on a paragraph, the "Mandates in this text"
list under a page's header, and the generated calendar and addressee pages.

Every character from a source is escaped; hrefs are made from our own URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable, Sequence

from .. import anchors
from ..browse import BrowsePage
from ..mandates.calendar import (
    ROOT, Calendar, Row, addressee_url, expiry_url, session_url, year_url,
)
from ..mandates.model import Due, Mandate
from ..mandates.sessions import ga_session_period
from ..conventions import MONTHS
from .links import relative_url

LIST_OPEN = 8  # a page with more mandates than this shows its list folded
_MONTH_NAMES = {v: k for k, v in MONTHS.items()}


def _a(href: str, text: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a{c} href="{escape(href, quote=True)}">{escape(text)}</a>'


def human_date(iso: str) -> str:
    """"2026-06-30" -> "30 June 2026" (as resolutions print dates); "2026-09" -> "September 2026"."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTH_NAMES[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTH_NAMES[int(parts[1])]} {parts[0]}"
    return iso


def due_text(due: Due) -> str:
    """A deadline as a reader says it: "GA 81", "by 30 June 2026", "until 30 April 2026", "in 2030", "every 90 days"."""
    if due.kind == "date" and due.date:
        return f"by {human_date(due.date)}"
    if due.kind == "until" and due.date:
        return f"until {human_date(due.date)}"
    if due.kind == "year":
        return f"in {due.label}"
    return due.label


def due_url(due: Due) -> str | None:
    """The calendar page that lists work due at ``due``."""
    if due.kind == "session" and due.body and due.session:
        return session_url(due.body, due.session)
    if due.date:
        return year_url(due.date[:4])
    if due.kind == "year":
        return year_url(due.label)
    return None


def summary(m: Mandate) -> str:
    """"Report · Secretary-General → GA 81" as plain text."""
    text = f"{m.action[:1].upper()}{m.action[1:]} · {m.addressee}"
    return text + (f" → {due_text(m.due)}" if m.due else "")


@dataclass
class MandateView:
    """One page's mandates, rendered against that page's URL."""

    mandates: Sequence[Mandate]
    page_url: str

    def __post_init__(self) -> None:
        self.by_anchor: dict[str, list[Mandate]] = {}
        for m in self.mandates:
            if m.kind == "mandate":
                self.by_anchor.setdefault(m.anchor, []).append(m)

    def _one(self, m: Mandate) -> str:
        head = escape(f"{m.action[:1].upper()}{m.action[1:]} · {m.addressee}")
        if not m.due:
            return head
        url = due_url(m.due)
        when = _a(relative_url(url, self.page_url), due_text(m.due)) if url else escape(due_text(m.due))
        return f"{head} → {when}"

    def marker(self, anchor: str) -> str:
        """The quiet line after a mandate paragraph's text; "" for any other paragraph."""
        found = self.by_anchor.get(anchor)
        if not found:
            return ""
        items = "; ".join(self._one(m) for m in found)
        return f' <span class="res-mandate" data-pagefind-ignore><span class="res-mandate__label">Mandate:</span> {items}</span>'

    def summary(self) -> str:
        """The "Mandates in this text" list under the header; "" when the text creates none."""
        rows = [m for m in self.mandates if m.kind == "mandate"]
        if not rows:
            return ""
        items = "".join(
            f'<li>{_a("#" + m.anchor, anchors.label(m.anchor).capitalize())}: {self._one(m)}</li>' for m in rows
        )
        calendar = _a(relative_url(ROOT, self.page_url), "reporting calendar")
        n = len(rows)
        title = f"Mandates in this text ({n})"
        body = f'<ul class="res-mandates__list">{items}</ul><p class="res-mandates__more">All mandates of the site: {calendar}.</p>'
        if n > LIST_OPEN:
            return (
                f'<details class="res-mandates" data-pagefind-ignore><summary><h2 id="mandates-in-text">{escape(title)}</h2></summary>'
                f"{body}</details>"
            )
        return (
            f'<section class="res-mandates" aria-labelledby="mandates-in-text" data-pagefind-ignore>'
            f'<h2 id="mandates-in-text">{escape(title)}</h2>{body}</section>'
        )


# -- the generated pages -------------------------------------------------------------------------


def _table(rows: Iterable[Row], page_url: str, caption: str, who: bool = True) -> str:
    out = []
    for row in rows:
        m = row.mandate
        due = escape(due_text(m.due)) if m.due else "—"
        when = f'<td data-sort="{escape(row.first_due or "9999", quote=True)}">{due}</td>'
        what = escape(f"{m.action[:1].upper()}{m.action[1:]}")
        subject = f'<span class="res-mandates__subject">{escape(m.subject)}</span>' if m.subject else ""
        cond = f' <span class="res-mandates__cond">({escape(m.condition)})</span>' if m.condition else ""
        where = _a(relative_url(row.paragraph_url.split("#")[0], page_url) + "#" + m.anchor, f"{row.symbol}, {anchors.label(m.anchor)}")
        cells = [when, f"<td>{what}{cond}<br>{subject}</td>"]
        if who:
            cells.append(f"<td>{_a(relative_url(addressee_url(m.addressee), page_url), m.addressee)}</td>")
        cells.append(f"<td>{where}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    head = '<th scope="col">Due</th><th scope="col">What</th>' + ('<th scope="col">Who</th>' if who else "") + '<th scope="col">Created in</th>'
    return (  # the wrapper scrolls a wide table on a phone instead of the page; focusable, so keys scroll it too
        f'<div class="res-mandates__scroll" tabindex="0" role="region" aria-label="{escape(caption, quote=True)}">'
        f'<table class="res-browse res-mandates__table" data-sortable><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(out)}</tbody></table></div>"
    )


def _count(n: int) -> str:
    return f"{n} mandate{'s' if n != 1 else ''}"


def _session_name(body: str, n: int) -> str:
    if body == "GA":
        start, end = ga_session_period(n)
        return f"General Assembly, session {n} ({human_date(start)} – {human_date(end)})"
    return f"{body}, session {n}"


def _crumbs(page_url: str, *names: str) -> str:
    return f'<p class="res-mandates__crumbs">{_a(relative_url(ROOT, page_url), "Mandates")} › {" › ".join(escape(n) for n in names)}</p>'


def site_pages(cal: Calendar) -> list[BrowsePage]:
    """The overview, one page per session, per year, per addressee and year, and per year of Council expiries."""
    pages: list[BrowsePage] = []
    for (body, n), rows in cal.sessions.items():
        url = session_url(body, n)
        name = _session_name(body, n)
        pages.append(BrowsePage(url, f"Due at {name}", _crumbs(url, name) + _table(rows, url, f"Due at {name}: {_count(len(rows))}")))
    for year, rows in cal.years.items():
        url = year_url(year)
        pages.append(BrowsePage(url, f"Due in {year}", _crumbs(url, year) + _table(
            rows, url, f"Due in {year}, by date ({_count(len(rows))}; a session counts from its opening month, a period from the document's date)")))
    for name, by_year in cal.addressees.items():
        root = addressee_url(name)
        links = "".join(f"<li>{_a(relative_url(addressee_url(name, y), root), y.capitalize())} ({_count(len(r))})</li>" for y, r in by_year.items())
        total = sum(len(r) for r in by_year.values())
        pages.append(BrowsePage(root, f"Mandates of {name}", _crumbs(root, name) + f"<p>{_count(total)}, by the year of the text that creates them:</p><ul>{links}</ul>"))
        for y, rows in by_year.items():
            url = addressee_url(name, y)
            pages.append(BrowsePage(url, f"Mandates of {name}, {y}", _crumbs(url, name, y) + _table(rows, url, f"Mandates of {name} created in {y} ({_count(len(rows))})", who=False)))
    for year, rows in cal.expiries.items():
        url = expiry_url(year)
        pages.append(BrowsePage(url, f"Security Council mandates expiring in {year}", _crumbs(url, "Expiries", year) + _table(
            rows, url, f"Security Council mandates and measures expiring in {year} ({_count(len(rows))})")))
    pages.insert(0, BrowsePage(ROOT, "Mandates", _overview(cal)))
    return pages


def _overview(cal: Calendar) -> str:
    def links(items: list[tuple[str, str, int]]) -> str:
        return '<ul class="res-browse__groups">' + "".join(f"<li>{_a(relative_url(u, ROOT), t)} ({_count(n)})</li>" for u, t, n in items) + "</ul>"

    parts = [
        f"<p>{_count(cal.total)} in the operative paragraphs of this site's texts: requests and directions for action "
        "by the Secretariat or another implementing entity, and the bodies' decisions on their own work. "
        "Invitations and calls on States are not counted here; they are in the data files "
        f'({_a("../mandates.json", "mandates.json")}, {_a("../mandates.csv", "mandates.csv")}).</p>',
        '<h2 id="by-session">Reporting calendar by session</h2>',
        links([(session_url(b, n), _session_name(b, n), len(r)) for (b, n), r in cal.sessions.items()]),
        '<h2 id="by-year">By year</h2>',
        links([(year_url(y), y, len(r)) for y, r in cal.years.items()]),
    ]
    if cal.expiries:
        parts += ['<h2 id="expiries">Security Council mandate expiries</h2>',
                  links([(expiry_url(y), y, len(r)) for y, r in cal.expiries.items()])]
    parts += ['<h2 id="by-addressee">By addressee</h2>',
              links([(addressee_url(n), n, sum(len(r) for r in by.values())) for n, by in cal.addressees.items()])]
    if cal.undated:
        parts.append(f"<p>{_count(len(cal.undated))} state no deadline; they are listed under their addressee.</p>")
    return "\n".join(parts)
