"""Where a cited symbol points: a page of this site or the official copy."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Container, Mapping

from ..symbols import UNDOCS_URL, undocs_url


@dataclass(frozen=True)
class Target:
    href: str
    internal: bool
    preview: Mapping[str, str] = field(default_factory=dict)  # title, date, excerpt of an internal target


@dataclass
class Linker:
    """Turns a symbol (and pinpoint) into an href relative to the page being rendered.

    ``pages`` maps symbols the site holds to their site-relative directory URL
    (``"A/RES/79/1/"``); ``page_url`` is the URL of the page being rendered, in
    the same form, so internal links stay relative and work under any prefix.
    """

    pages: Mapping[str, str]
    page_url: str
    template: str = UNDOCS_URL
    # (symbol, pinpoint, through) -> title, date, excerpt; ``through`` ends a range of paragraphs
    preview: Callable[[str, str | None, str | None], Mapping[str, str]] | None = None
    anchors: Callable[[str], Container[str]] | None = None  # a held document's anchors: no link to a missing one

    def target(self, symbol: str, pinpoint: str | None = None, through: str | None = None) -> Target:
        """Where ``symbol`` (at ``pinpoint``; a range of paragraphs when ``through`` is set) points."""
        url = self.pages.get(symbol)
        if url is None:
            return Target(_official(symbol, self.template), False)
        if pinpoint and self.anchors is not None and pinpoint not in self.anchors(symbol):
            pinpoint = None  # the cited paragraph is not where the citation says: link the document
        if not pinpoint or (through and self.anchors is not None and through not in self.anchors(symbol)):
            through = None
        preview = self.preview(symbol, pinpoint, through) if self.preview else {}
        return Target(self.href(url, pinpoint), True, preview)

    def href(self, url: str, anchor: str | None = None) -> str:
        """A site URL (and anchor) relative to the page being rendered."""
        href = relative_url(url, self.page_url)
        return href + "#" + anchor if anchor else href


def relative_url(url: str, page_url: str) -> str:
    """``url`` relative to the directory of ``page_url`` (both site-relative, '/'-separated):
    what ``posixpath.relpath`` gives, from the two paths' remembered segments (a page makes hundreds)."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    to, start = _segments(url), _segments(base)
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    rel = "/".join((*[posixpath.pardir] * (len(start) - common), *to[common:])) or posixpath.curdir
    if url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


# Documents outside the site are cited again and again (a report, an earlier resolution).
_official = lru_cache(maxsize=1 << 12)(undocs_url)


@lru_cache(maxsize=1 << 13)
def _segments(path: str) -> tuple[str, ...]:
    """The segments of ``path`` taken from the site's root, normalised as ``posixpath.relpath`` does."""
    return tuple(part for part in posixpath.normpath("/" + path).split("/") if part)
