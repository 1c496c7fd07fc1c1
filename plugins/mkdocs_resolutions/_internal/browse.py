"""Browse pages: the corpus listed by organ → session → committee, and by date.

Resolution pages stay out of the sidebar nav (a nav listing every page would
make every page's HTML grow with the corpus); these generated pages list them
instead. Each listing (by organ, by date) names every document exactly once.
Tables are plain HTML sorted server-side; ``browse.js`` adds column sorting.
No MkDocs here: the adapter turns :class:`BrowsePage` into pages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from typing import Iterable

from .model import Metadata
from .render.links import relative_url

ROOT = "browse/"
PLENARY = "Plenary"


@dataclass(frozen=True)
class Item:
    """One document as the listings show it."""

    url: str  # site-relative directory URL, "A/RES/80/229/"
    symbol: str
    title: str
    date: str  # ISO date or ""
    shown_date: str  # as printed
    kind: str
    organ: str
    session: int | None
    committee: str


@dataclass(frozen=True)
class BrowsePage:
    url: str  # site-relative directory URL, "browse/general-assembly/session-80/"
    title: str
    html: str


def item_of(meta: Metadata, url: str, fallback_title: str = "") -> Item:
    """The listing row for a document with ``meta`` published at ``url``."""
    kind = meta.kind.value if meta.kind.value != "document" else "other"
    return Item(
        url=url,
        symbol=meta.symbol or "",
        title=meta.title or meta.symbol or fallback_title or url.strip("/"),
        date=meta.iso_date or "",
        shown_date=meta.date or meta.adopted_on or "",
        kind=kind,
        organ=meta.organ or "Other",
        session=meta.session_number,
        committee=meta.committee or PLENARY,
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other"


def symbol_key(symbol: str) -> tuple:
    """Natural order: "A/C.3/80/L.9" before "A/C.3/80/L.10"."""
    # Numbers compared by length, then digits: no int() of a (hostile) 5,000-digit run.
    return tuple((0, len(part.lstrip("0")), part.lstrip("0")) if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", symbol))


def sortable(symbol: str) -> str:
    """A string that sorts like :func:`symbol_key` (for the table's ``data-sort``)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), symbol)


def group_of(item: Item) -> tuple[str, str]:
    """(slug, label) of the organ page section: the session, else the year, else "undated"."""
    if item.session:
        return f"session-{item.session}", f"Session {item.session}"
    if item.date:
        return f"year-{item.date[:4]}", item.date[:4]
    return "undated", "Undated"


def _sort_key(item: Item) -> tuple:
    return (symbol_key(item.symbol), item.url)


def _table(items: Iterable[Item], page_url: str, caption: str) -> str:
    rows = []
    for item in items:
        href = escape(relative_url(item.url, page_url), quote=True)
        rows.append(
            f'<tr><td data-sort="{escape(sortable(item.symbol), quote=True)}">'
            f'<a href="{href}">{escape(item.symbol or "—")}</a></td>'
            f"<td>{escape(item.title)}</td>"
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


def _link(url: str, page_url: str, text: str) -> str:
    return f'<a href="{escape(relative_url(url, page_url), quote=True)}">{escape(text)}</a>'


def _plural(n: int) -> str:
    return f"{n} document{'s' if n != 1 else ''}"


def build_pages(items: Iterable[Item]) -> list[BrowsePage]:
    """Every browse page for ``items``: the overview, one page per organ and session
    (or year), one per year in the chronological index."""
    items = sorted(items, key=_sort_key)
    by_group: dict[tuple[str, str], list[Item]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    for item in items:
        key, label = group_of(item)
        by_group[(item.organ, key)].append(item)
        labels[(item.organ, key)] = label
    by_year: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_year[item.date[:4] or "undated"].append(item)

    pages: list[BrowsePage] = []
    organs = sorted({organ for organ, _ in by_group}, key=lambda o: (o == "Other", o))
    overview: list[str] = [f'<p class="res-browse__total">{_plural(len(items))}.</p>', "<h2 id=\"by-organ\">By organ</h2>"]
    for organ in organs:
        groups = sorted((k for o, k in by_group if o == organ), key=_group_order, reverse=True)
        overview.append(f'<h3 id="{slug(organ)}">{escape(organ)}</h3><ul class="res-browse__groups">')
        for key in groups:
            docs = by_group[(organ, key)]
            url = f"{ROOT}{slug(organ)}/{key}/"
            overview.append(f"<li>{_link(url, ROOT, labels[(organ, key)])} ({_plural(len(docs))})</li>")
            pages.append(_group_page(url, organ, labels[(organ, key)], docs))
        overview.append("</ul>")
    overview.append('<h2 id="by-date">By date</h2><ul class="res-browse__groups">')
    for year in sorted(by_year, key=lambda y: (y != "undated", y), reverse=True):
        url = f"{ROOT}date/{year}/"
        overview.append(f"<li>{_link(url, ROOT, year.capitalize())} ({_plural(len(by_year[year]))})</li>")
        docs = sorted(by_year[year], key=lambda i: (i.date, symbol_key(i.symbol), i.url))
        title = f"Documents of {year}" if year != "undated" else "Undated documents"
        pages.append(BrowsePage(url, title, _table(docs, url, f"{title}, by date ({_plural(len(docs))})")))
    overview.append("</ul>")
    pages.insert(0, BrowsePage(ROOT, "Browse", "\n".join(overview)))
    return pages


def _group_order(key: str) -> tuple:
    number = re.search(r"\d+", key)
    return (key != "undated", key.split("-")[0], int(number.group()) if number else 0)


def _group_page(url: str, organ: str, label: str, docs: list[Item]) -> BrowsePage:
    committees: dict[str, list[Item]] = defaultdict(list)
    for item in docs:
        committees[item.committee].append(item)
    order = sorted(committees, key=lambda c: (c != PLENARY, c))
    parts = [f"<p>{_link(ROOT, url, 'All documents')} › {escape(organ)} › {escape(label)}: {_plural(len(docs))}.</p>"]
    for committee in order:
        parts.append(f'<h2 id="{slug(committee)}">{escape(committee)}</h2>')
        parts.append(_table(committees[committee], url, f"{organ}, {label}, {committee} ({_plural(len(committees[committee]))})"))
    return BrowsePage(url, f"{organ} — {label}", "\n".join(parts))
