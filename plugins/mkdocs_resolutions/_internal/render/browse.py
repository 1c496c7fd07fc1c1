"""HTML of the browse pages: lists of links and tables of documents.

Plain HTML sorted server-side (complete without script); ``browse.js`` adds
column sorting. Everything from a source (titles, symbols) is escaped. Links
are relative, so the site works under any path prefix.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Iterable

from .links import relative_url

if TYPE_CHECKING:
    from ..browse import Item

GroupLinks = list[tuple[str, str, int]]  # (label, url, documents)
Trail = list[tuple[str, str]]  # (text, url) of the pages above this one, top first


def plural(n: int) -> str:
    return f"{n} document{'s' if n != 1 else ''}"


def sortable(symbol: str) -> str:
    """A string that sorts like natural symbol order (for the table's ``data-sort``)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), symbol)


def link(url: str, page_url: str, text: str) -> str:
    return f'<a href="{escape(relative_url(url, page_url), quote=True)}">{escape(text)}</a>'


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other"


def table(items: Iterable[Item], page_url: str, caption: str) -> str:
    rows = []
    for item in items:
        href = escape(relative_url(item.url, page_url), quote=True)
        # A title found in the text (not printed) is marked, so a reader can tell them apart.
        title = escape(item.title) if item.titled else f'<span class="res-browse__subject">{escape(item.title)}</span>'
        rows.append(
            f'<tr><td data-sort="{escape(sortable(item.symbol), quote=True)}">'
            f'<a href="{href}">{escape(item.symbol or "—")}</a></td>'
            f"<td>{title}</td>"
            f'<td data-sort="{escape(item.date)}">{escape(item.shown_date)}</td>'
            f"<td>{escape(item.kind)}</td></tr>"
        )
    return (
        '<table class="res-browse" data-sortable>'
        f"<caption>{escape(caption)}</caption>"
        '<thead><tr><th scope="col">Symbol</th><th scope="col">Title</th>'
        '<th scope="col">Date</th><th scope="col">Kind</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _group_list(page_url: str, links: GroupLinks) -> str:
    items = "".join(f"<li>{link(url, page_url, label)} ({plural(n)})</li>" for label, url, n in links)
    return f'<ul class="res-browse__groups">{items}</ul>'


def _trail(page_url: str, steps: Trail, here: str) -> str:
    """"All documents › General Assembly › Session 80": where this page sits, each step a link."""
    parts = [link(url, page_url, text) for text, url in steps] + [escape(here)]
    return f'<p class="res-browse__trail">{" › ".join(parts)}</p>'


def overview(url: str, total: int, organs: list[tuple[str, str, GroupLinks]], date_url: str, years: GroupLinks) -> str:
    out = [f'<p class="res-browse__total">{plural(total)}.</p>', '<h2 id="by-organ">By organ</h2>']
    for organ, organ_url, links in organs:
        out.append(f'<h3 id="{_slug(organ)}">{link(organ_url, url, organ)}</h3>')
        out.append(_group_list(url, links))
    out.append(f'<h2 id="by-date">{link(date_url, url, "By date")}</h2>')
    out.append(_group_list(url, years))
    return "\n".join(out)


def organ_page(url: str, trail: Trail, organ: str, total: int, links: GroupLinks) -> str:
    return "\n".join([_trail(url, trail, f"{organ}: {plural(total)}."), _group_list(url, links)])


def date_index(url: str, trail: Trail, total: int, years: GroupLinks) -> str:
    return "\n".join([_trail(url, trail, f"By date: {plural(total)}."), _group_list(url, years)])


def year_page(url: str, trail: Trail, title: str, items: list[Item]) -> str:
    caption = f"{title}, by date ({plural(len(items))})"
    return _trail(url, trail, f"{title}: {plural(len(items))}.") + "\n" + table(items, url, caption)


def group_page(url: str, trail: Trail, organ: str, label: str, total: int, sections: list[tuple[str, list[Item]]]) -> str:
    """A session (or year) of an organ: one table per committee, headed by its name ("" for none)."""
    parts = [_trail(url, trail, f"{label}: {plural(total)}.")]
    for name, items in sections:
        if name:
            parts.append(f'<h2 id="{_slug(name)}">{escape(name)}</h2>')
        caption = ", ".join(x for x in (organ, label, name) if x)
        parts.append(table(items, url, f"{caption} ({plural(len(items))})"))
    return "\n".join(parts)
