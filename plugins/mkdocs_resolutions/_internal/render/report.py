"""The citation report (:class:`..graph.Report`) as the body of the site page ``reports/citations/``."""

from __future__ import annotations

from html import escape
from typing import Callable

from ..graph import Report


def report_html(report: Report, href_to: Callable[[str], str | None]) -> str:
    """The report as page HTML; ``href_to(symbol)`` gives a page-relative link or None."""

    def cell(symbol: str) -> str:
        href = href_to(symbol)
        return f'<a href="{escape(href, quote=True)}">{escape(symbol)}</a>' if href else escape(symbol)

    def table(head: list[str], rows: list[list[str]]) -> str:
        th = "".join(f"<th>{escape(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"

    parts = [
        "<h1>Citation report</h1>",
        "<h2 id=\"most-cited\">Most cited documents of this site</h2>",
        table(["Document", "Citing documents", "Citing places"], [[cell(s), str(d), str(n)] for s, d, n in report.most_cited]),
        "<h2 id=\"external\">Most cited documents not on this site</h2>",
        table(["Symbol", "Citing places"], [[cell(s), str(n)] for s, n in report.external]),
        "<h2 id=\"suspicious\">Suspicious citations</h2>",
        "<ul>" + "".join(f"<li>{escape(s)}</li>" for s in report.suspicious) + "</ul>" if report.suspicious else "<p>None.</p>",
        "<h2 id=\"per-document\">Per document</h2>",
        table(["Document", "Citations", "To this site", "Cited by"], [[cell(d), str(t), str(i), str(c)] for d, t, i, c in report.per_document]),
    ]
    return "\n".join(parts)
