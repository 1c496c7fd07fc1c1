"""Browse pages: the corpus listed by organ → session (or year) → committee, and by date.

Resolution pages stay out of the sidebar nav (a nav listing every page would
make every page's HTML grow with the corpus); these generated pages list them
instead. Each listing (by organ, by date) names every document exactly once,
and every level of a browse URL has its page (``browse/``, ``browse/date/``,
``browse/general-assembly/``), so a reader who trims an address lands on a list.
Order is the United Nations' own: the General Assembly's plenary, then its Main
Committees as the UN lists them (First, Fourth, Second, Third, Fifth, Sixth); the Security Council by year, with no committee level.
This module decides what is listed where; ``render/browse.py`` writes the HTML.
No MkDocs here: the adapter turns :class:`BrowsePage` into pages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable

from .model import Document, Metadata
from .render import browse as html
from .subjects import subject

ROOT = "browse/"
DATE_ROOT = f"{ROOT}date/"
TOP = ("All documents", ROOT)
PLENARY = "Plenary"
ORGAN_ORDER = ("General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council")
# The Main Committees in the order the UN lists them: the Special Political and Decolonization
# Committee (Fourth Committee) comes second, after the First (both deal with peace and security).
ORDINALS = ("First", "Fourth", "Second", "Third", "Fifth", "Sixth")


@dataclass(frozen=True)
class Item:
    """One document as the listings show it."""

    url: str  # site-relative directory URL, "A/RES/80/229/"
    symbol: str
    title: str  # the printed title, else a subject found in the text (Council drafts print none)
    date: str  # ISO date or ""
    shown_date: str  # as printed
    kind: str
    organ: str
    session: int | None
    committee: str  # "" when the organ has no committees or the document is a plenary one
    titled: bool = True  # False: ``title`` is a subject found in the text, not printed


@dataclass(frozen=True)
class BrowsePage:
    url: str  # site-relative directory URL, "browse/general-assembly/session-80/"
    title: str
    html: str


def listed_title(doc: Document) -> str:
    """What a listing calls ``doc``: its printed title; a document printing none is named by its agenda
    item's title, else by the subject found in its text ("" for a text with no words: :func:`listing`
    then falls back to the symbol). A build finds it once, when the text is read (``corpus.analyse``): it may search the whole text."""
    meta = doc.meta
    return meta.title or meta.agenda_title or subject(doc)


def listing(meta: Metadata, title: str, url: str, fallback_title: str = "") -> Item:
    """The listing row for the document of ``meta`` published at ``url``, ``title`` its :func:`listed_title`."""
    return replace(placed(meta, url), title=title or meta.symbol or fallback_title or url.strip("/"))


def placed(meta: Metadata, url: str) -> Item:
    """Where the document of ``meta`` is listed (organ, session or year, committee), its title left
    empty: a breadcrumb needs no subject read from the text."""
    kind = meta.kind.value if meta.kind.value != "document" else "other"
    return Item(
        url=url,
        symbol=meta.symbol or "",
        title="",
        date=meta.iso_date or "",
        shown_date=meta.date or meta.adopted_on or "",
        kind=kind,
        organ=meta.organ or "Other",
        session=meta.session_number,
        committee=meta.committee or "",
        titled=bool(meta.title),
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other"


def symbol_key(symbol: str) -> tuple:
    """Natural order: "A/C.3/80/L.9" before "A/C.3/80/L.10"."""
    # Numbers compared by length, then digits: no int() of a (hostile) 5,000-digit run.
    return tuple((0, len(part.lstrip("0")), part.lstrip("0")) if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", symbol))


def committee_key(committee: str) -> tuple:
    """The UN's order: plenary (""), then the Main Committees as :data:`ORDINALS` lists them, then any other by name."""
    if not committee:
        return (0, 0, "")
    for number, ordinal in enumerate(ORDINALS, 1):
        if re.search(rf"\b{ordinal} Committee\b", committee):
            return (1, number, committee)
    return (2, 0, committee)


def organ_key(organ: str) -> tuple:
    return (ORGAN_ORDER.index(organ) if organ in ORGAN_ORDER else len(ORGAN_ORDER), organ == "Other", organ)


def group_of(item: Item) -> tuple[str, str]:
    """(slug, label) of the organ page section: the session, else the year, else "undated"."""
    if item.session:
        return f"session-{item.session}", f"Session {item.session}"
    if item.date:
        return f"year-{item.date[:4]}", item.date[:4]
    return "undated", "Undated"


def _group_order(key: str) -> tuple:
    number = re.search(r"\d+", key)
    return (key != "undated", key.split("-")[0], int(number.group()) if number else 0)


def _sort_key(item: Item) -> tuple:
    return (symbol_key(item.symbol), item.url)


@dataclass
class _Group:
    organ: str
    key: str
    label: str
    url: str
    items: list[Item]


def build_pages(items: Iterable[Item]) -> list[BrowsePage]:
    """Every browse page for ``items``: the overview, one page per organ, per organ and
    session (or year), the chronological index and one page per year in it."""
    items = sorted(items, key=_sort_key)
    groups: dict[tuple[str, str], _Group] = {}
    for item in items:
        key, label = group_of(item)
        organ = item.organ
        if (organ, key) not in groups:
            groups[(organ, key)] = _Group(organ, key, label, f"{ROOT}{slug(organ)}/{key}/", [])
        groups[(organ, key)].items.append(item)
    by_organ: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        by_organ[group.organ].append(group)
    organs = sorted(by_organ, key=organ_key)
    for organ in organs:
        by_organ[organ].sort(key=lambda g: _group_order(g.key), reverse=True)
    by_year: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_year[item.date[:4] or "undated"].append(item)
    years = sorted(by_year, key=lambda y: (y != "undated", y), reverse=True)

    organ_links = [(organ, f"{ROOT}{slug(organ)}/", [(g.label, g.url, len(g.items)) for g in by_organ[organ]]) for organ in organs]
    year_links = [(year.capitalize(), f"{DATE_ROOT}{year}/", len(by_year[year])) for year in years]
    pages = [BrowsePage(ROOT, "Browse", html.overview(ROOT, len(items), organ_links, DATE_ROOT, year_links))]
    for organ, url, links in organ_links:
        count = sum(n for _, _, n in links)
        pages.append(BrowsePage(url, organ, html.organ_page(url, [TOP], organ, count, links)))
        for group in by_organ[organ]:
            pages.append(_group_page(group))
    pages.append(BrowsePage(DATE_ROOT, "Documents by date", html.date_index(DATE_ROOT, [TOP], len(items), year_links)))
    for year in years:
        url = f"{DATE_ROOT}{year}/"
        docs = sorted(by_year[year], key=lambda i: (i.date, symbol_key(i.symbol), i.url))
        title = f"Documents of {year}" if year != "undated" else "Undated documents"
        pages.append(BrowsePage(url, title, html.year_page(url, [TOP, ("By date", DATE_ROOT)], title, docs)))
    return pages


def _group_page(group: _Group) -> BrowsePage:
    committees: dict[str, list[Item]] = defaultdict(list)
    for item in group.items:
        committees[item.committee].append(item)
    sections = [(name or PLENARY, committees[name]) for name in sorted(committees, key=committee_key)]
    if list(committees) == [""] and group.organ != ORGAN_ORDER[0]:
        sections = [("", group.items)]  # an organ without committees (the Council): no "Plenary" heading
    title = f"{group.organ} — {group.label}"
    trail = [TOP, (group.organ, f"{ROOT}{slug(group.organ)}/")]
    return BrowsePage(group.url, title, html.group_page(group.url, trail, group.organ, group.label, len(group.items), sections))
