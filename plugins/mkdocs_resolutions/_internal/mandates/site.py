"""The mandates of one build: found once per document, listed once for the site."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..corpus import Corpus
from ..parallel import map_indexed
from ..readers.cover import iso_date
from .calendar import Calendar, Row, build_calendar, first_due
from .find import find_mandates
from .model import Mandate


@dataclass
class SiteMandates:
    by_src: dict[str, list[Mandate]] = field(default_factory=dict)  # src_uri -> mandates and calls, in reading order
    rows: list[Row] = field(default_factory=list)  # every mandate and call of the site, by document then paragraph
    calendar: Calendar = field(default_factory=Calendar)

    @classmethod
    def collect(cls, corpus: Corpus) -> SiteMandates:
        site = cls()
        uris = sorted(corpus.entries)

        def find(index: int) -> list[Mandate]:
            doc = corpus.entries[uris[index]].analysis.doc
            return find_mandates(doc) if doc.fallback is None else []

        for src_uri, found in zip(uris, map_indexed(find, len(uris))):  # each document alone: on every core
            entry = corpus.entries[src_uri]
            doc = entry.analysis.doc
            site.by_src[src_uri] = found
            meta = doc.meta
            day = (iso_date(meta.adopted_on) if meta.adopted_on else None) or meta.iso_date or ""  # periods run from adoption
            for m in found:
                site.rows.append(Row(m, meta.symbol or src_uri, meta.title or "", entry.url, meta.organ or "", day, first_due(m, day)))
        site.calendar = build_calendar(site.rows)
        return site
