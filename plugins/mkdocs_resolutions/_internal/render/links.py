"""Where a cited symbol points: a page of this site or the official copy."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Mapping

from ..symbols import undocs_url


@dataclass(frozen=True)
class Target:
    href: str
    internal: bool


@dataclass
class Linker:
    """Turns a symbol (and pinpoint) into an href relative to the page being rendered.

    ``pages`` maps symbols the site holds to their site-relative directory URL
    (``"A/RES/79/1/"``); ``page_url`` is the URL of the page being rendered, in
    the same form, so internal links stay relative and work under any prefix.
    """

    pages: Mapping[str, str]
    page_url: str
    template: str = "https://undocs.org/{symbol}"

    def target(self, symbol: str, pinpoint: str | None = None) -> Target:
        url = self.pages.get(symbol)
        if url is None:
            return Target(undocs_url(symbol, self.template), False)
        href = relative_url(url, self.page_url)
        if pinpoint:
            href += "#" + pinpoint
        return Target(href, True)


def relative_url(url: str, page_url: str) -> str:
    """``url`` relative to the directory of ``page_url`` (both site-relative, '/'-separated)."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + url, "/" + base)
    if url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
