"""The mandates of one build: found once per document (with its analysis), listed once for the site."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..corpus import Corpus
from ..readers.cover import iso_date
from .calendar import Calendar, Row, build_calendar, first_due
from .model import Mandate


@dataclass
class SiteMandates:
    by_src: dict[str, list[Mandate]] = field(default_factory=dict)  # src_uri -> mandates and calls, in reading order
    rows: list[Row] = field(default_factory=list)  # every mandate and call of the site, by document then paragraph
    calendar: Calendar = field(default_factory=Calendar)

    @classmethod
    def collect(cls, corpus: Corpus) -> SiteMandates:
        """The site's mandates, from each document's analysis (found when the text was read: see
        ``corpus.analyse``), so nothing here reads a document again."""
        site = cls()
        for src_uri in sorted(corpus.entries):
            entry = corpus.entries[src_uri]
            found = site.by_src[src_uri] = entry.mandates
            meta = entry.meta
            day = (iso_date(meta.adopted_on) if meta.adopted_on else None) or meta.iso_date or ""  # periods run from adoption
            for m in found:
                site.rows.append(Row(m, meta.symbol or src_uri, meta.title or "", entry.url, meta.organ or "", day, first_due(m, day)))
        site.calendar = build_calendar(site.rows)
        return site
