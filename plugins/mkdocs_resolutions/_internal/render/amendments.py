"""Amendments on the page: what an amendment amends (in its header) and a draft's amendments (on the draft's page).

Every character from a source is escaped; links come from the :class:`.links.Linker` only.
"""

from __future__ import annotations

from html import escape

from ..amendments import printed_symbols
from ..graph import AmendmentRef
from .links import Linker


def amends_html(printed: str, linker: Linker) -> str:
    """The amendment's object as printed ("draft resolution A/80/L.18"), each symbol a link to the
    site's page or the official copy, like any citation."""
    out, at = [], 0
    for start, end, symbol in printed_symbols(printed):
        target = linker.target(symbol)
        out.append(escape(printed[at:start]))
        cls = "res-cite res-cite--internal" if target.internal else "res-cite res-cite--external"
        out.append(f'<a class="{cls}" href="{escape(target.href, quote=True)}">{escape(printed[start:end])}</a>')
        at = end
    out.append(escape(printed[at:]))
    return "".join(out)


def amendments_html(refs: list[AmendmentRef]) -> str:
    """A draft's amendments held by the site, each with its sponsors and what it does."""
    if not refs:
        return ""
    items = "".join(
        f'<li><a class="res-amendments__link" href="{escape(ref.href, quote=True)}">{escape(ref.label)}</a>'
        f'{" (" + escape(": ".join(x for x in (ref.sponsors, ref.summary) if x)) + ")" if ref.sponsors or ref.summary else ""}</li>'
        for ref in refs
    )
    return f'<nav class="res-amendments" aria-label="Amendments"><p class="res-amendments__title">Amendments:</p><ul>{items}</ul></nav>'
