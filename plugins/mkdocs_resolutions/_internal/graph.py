"""The citation graph of one build: who cites whom, drafts and their resolutions, annual series.

Built once per build from the per-document analyses (which are cached), in
time linear in the number of citations; nothing here re-reads a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Container

from . import anchors
from .amendments import read_amendment
from .corpus import Corpus, Entry
from .model import Document, Kind, Paragraph

EXCERPT = 180  # characters of context shown around a citing span
CITED_BY_SHOWN = 20  # citing documents listed on a document's own page; the rest on its cited-by page
CITED_PLACES_SHOWN = 3  # citing places listed per citing document there
PREVIEW = 320  # characters of a cited paragraph shown in a preview
RANGE_PREVIEW = 4  # a cited range of paragraphs shows up to this many previews' worth of its words

_REPORT = re.compile(r"on the report of the (\w+) Committee", re.IGNORECASE)
_DRAFT_NAMED = re.compile(r"\((A/\d+/L\.\d+(?:/Rev\.\d+)?)\)")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_DRAFT_SYMBOL = re.compile(r"^A/(?:C\.(\d)/)?(\d{1,4})/L\.\d+")


@dataclass(frozen=True)
class CiteRef:
    """One citing place: a text of ``source`` (by key) citing ``target``, maybe at ``pinpoint``."""

    source: str  # citing document's src_uri
    key: str  # paragraph anchor, "fn-N" or "h<line>" in the citing document
    target: str  # cited symbol
    pinpoint: str | None
    excerpt: str


@dataclass
class Graph:
    cited_by: dict[str, list[CiteRef]] = field(default_factory=dict)  # cited symbol -> refs
    adopted_from: dict[str, str] = field(default_factory=dict)  # resolution symbol -> draft symbol
    adopted_as: dict[str, str] = field(default_factory=dict)  # draft symbol -> resolution symbol
    previous: dict[str, str] = field(default_factory=dict)  # resolution -> previous in its series
    next: dict[str, str] = field(default_factory=dict)
    amendments: dict[str, list[str]] = field(default_factory=dict)  # amended draft's symbol -> src_uris of its amendments
    citations: int = 0  # how many citation spans the build holds

    def pinpoint_counts(self, symbol: str) -> dict[str, int]:
        """How many citing places point at each paragraph of ``symbol``."""
        counts: dict[str, int] = {}
        for ref in self.cited_by.get(symbol, ()):
            if ref.pinpoint:
                counts[ref.pinpoint] = counts.get(ref.pinpoint, 0) + 1
        return counts


def excerpt(text: str, start: int, end: int, width: int = EXCERPT) -> str:
    """About ``width`` characters of ``text`` around ``start:end``, cut at word boundaries."""
    left = max(0, start - width // 2)
    right = min(len(text), end + width // 2)
    floor, ceiling = max(0, left - width), min(len(text), right + width)  # a word is not unbounded
    while left > floor and not text[left - 1].isspace():
        left -= 1
    while right < ceiling and not text[right].isspace():
        right += 1
    return ("… " if left else "") + " ".join(text[left:right].split()) + (" …" if right < len(text) else "")


def normal_title(title: str | None) -> str:
    """A title reduced for comparison: no "80/229. " number, case and spacing folded."""
    if not title:
        return ""
    title = re.sub(r"^\s*\d+/\d+\s*[A-Z]?\.\s*", "", title)
    return " ".join(re.sub(r"[^\w\s]", " ", title.lower()).split())


def build_graph(corpus: Corpus) -> Graph:
    graph = Graph()
    texts: dict[tuple[str, str], str] = {}
    for entry in corpus.entries.values():
        for key, rich, _line in entry.analysis.doc.texts():
            texts[(entry.src_uri, key)] = rich.text
    own = {e.analysis.doc.meta.symbol: e.src_uri for e in corpus.entries.values() if e.analysis.doc.meta.symbol}
    for entry in corpus.entries.values():
        for key, cites in entry.analysis.citations.items():
            text = texts.get((entry.src_uri, key), "")
            for cite in cites:
                graph.citations += 1
                for symbol in cite.symbols:
                    if symbol in corpus.by_symbol and own.get(symbol) != entry.src_uri:
                        ref = CiteRef(entry.src_uri, key, symbol, cite.pinpoint, excerpt(text, cite.start, cite.end))
                        graph.cited_by.setdefault(symbol, []).append(ref)
    _lineage(corpus, graph)
    _series(corpus, graph)
    _amendments(corpus, graph)
    return graph


def _amendments(corpus: Corpus, graph: Graph) -> None:
    """Each draft's amendments, from the symbol each amendment prints ("amendment to draft resolution A/80/L.18")."""
    for uri in sorted(corpus.entries):
        amendment = read_amendment(corpus.entries[uri].analysis.doc)
        if amendment is not None and amendment.draft:
            graph.amendments.setdefault(amendment.draft, []).append(uri)


def _lineage(corpus: Corpus, graph: Graph) -> None:
    """Link drafts and the resolutions adopted from them, from what the resolution itself prints.

    "[without reference to a Main Committee (A/79/L.2)]" names the draft. "[on the
    report of the Third Committee (A/80/545 ...)]" names the committee only, so a
    committee draft is matched on committee, session and identical title together.
    """
    drafts: dict[tuple[int | None, int, str], list[str]] = {}
    for entry in corpus.entries.values():
        meta = entry.analysis.doc.meta
        m = _DRAFT_SYMBOL.match(meta.symbol or "")
        if m and meta.kind in (Kind.DRAFT_RESOLUTION, Kind.OTHER) and "L." in (meta.symbol or ""):
            committee = int(m.group(1)) if m.group(1) else None
            drafts.setdefault((committee, int(m.group(2)), normal_title(meta.title)), []).append(meta.symbol or "")
    for entry in corpus.entries.values():
        meta = entry.analysis.doc.meta
        if not meta.symbol or not meta.symbol.startswith("A/RES/") or not meta.report:
            continue
        draft = None
        named = _DRAFT_NAMED.search(meta.report)
        if named and named.group(1) in corpus.by_symbol:
            draft = named.group(1)
        elif (m := _REPORT.search(meta.report)) and meta.session_number:
            committee = _ORDINALS.get(m.group(1).lower())
            found = _latest_revision(drafts.get((committee, meta.session_number, normal_title(meta.title)), []))
            draft = found[0] if len(found) == 1 else None
        if draft:
            graph.adopted_from[meta.symbol] = draft
            graph.adopted_as[draft] = meta.symbol


def _latest_revision(drafts: list[str]) -> list[str]:
    """A draft and its revisions (``…/L.13``, ``…/L.13/Rev.1``) are one draft: the last revision is the one adopted."""
    bases = {re.sub(r"/Rev\.\d+$", "", d) for d in drafts}
    if len(drafts) < 2 or len(bases) != 1:
        return drafts
    return [max(drafts, key=lambda d: int(m.group(1)) if (m := re.search(r"/Rev\.(\d+)$", d)) else 0)]


def _series(corpus: Corpus, graph: Graph) -> None:
    """Resolutions of one annual series: same title, successive sessions, the later citing the earlier."""
    by_title: dict[str, list[tuple[int, str]]] = {}
    for entry in corpus.entries.values():
        meta = entry.analysis.doc.meta
        if meta.symbol and meta.symbol.startswith("A/RES/") and meta.session_number and meta.title:
            by_title.setdefault(normal_title(meta.title), []).append((meta.session_number, meta.symbol))
    cites = {(ref.source, ref.target) for refs in graph.cited_by.values() for ref in refs}
    src = {e.analysis.doc.meta.symbol: e.src_uri for e in corpus.entries.values()}
    for members in by_title.values():
        members.sort()
        for (s1, earlier), (s2, later) in zip(members, members[1:]):
            if s2 > s1 and (src[later], earlier) in cites:
                graph.previous[later] = earlier
                graph.next[earlier] = later


def anchor_texts(doc: Document) -> dict[str, str]:
    """Every anchor of ``doc``'s page, with the shortened words of the paragraph it names
    ("" for headings and annexes): for pinpoint previews and for checking pinpoints."""
    texts = dict.fromkeys(doc.anchors(), "")
    texts.update((p.anchor, _shorten(_words(p))) for p in doc.paragraphs())
    return texts


def _words(para: Paragraph) -> str:
    number = f"{para.number}. " if para.role == "operative" and para.number else ""
    return number + " ".join(x for x in (para.lead, para.body.text) if x)


def _shorten(text: str, width: int = PREVIEW) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def entry_label(entry: Entry) -> str:
    meta = entry.analysis.doc.meta
    return meta.symbol or entry.src_uri


# -- what one page shows of the graph ------------------------------------------------------------


@dataclass(frozen=True)
class CitingPlace:
    href: str
    label: str  # "preambular paragraph 4", "footnote 3"
    excerpt: str
    pinpoint: str | None


@dataclass
class CitingDocument:
    symbol: str
    title: str
    href: str
    places: list[CitingPlace]


@dataclass
class PageGraph:
    """The graph as seen from one page: its cited-by list and its lineage links."""

    cited_by: list[CitingDocument] = field(default_factory=list)
    pinpoints: dict[str, int] = field(default_factory=dict)  # own anchor -> citing places
    lineage: list[tuple[str, str, str]] = field(default_factory=list)  # (relation, symbol, href)
    full_href: str | None = None  # the page listing every citing document, when the list is cut
    amendments: list[AmendmentRef] = field(default_factory=list)  # a draft's amendments the site holds


@dataclass(frozen=True)
class AmendmentRef:
    """One amendment as a draft's page lists it: "A/80/L.38 (Austria and 27 others: delete operative paragraph 9)"."""

    label: str
    href: str
    sponsors: str
    summary: str




def page_graph(graph: Graph, corpus: Corpus, entry: Entry, href_to) -> PageGraph:  # noqa: ANN001
    """``href_to(url, anchor)`` makes a page-relative href to a site URL (and anchor)."""
    view = PageGraph()
    symbol = entry.analysis.doc.meta.symbol
    if not symbol:
        return view
    by_source: dict[str, list[CiteRef]] = {}
    for ref in graph.cited_by.get(symbol, ()):
        by_source.setdefault(ref.source, []).append(ref)
    for source in sorted(by_source, key=lambda s: entry_label(corpus.entries[s])):
        citing = corpus.entries[source]
        meta = citing.analysis.doc.meta
        places = []
        seen = set()
        for ref in by_source[source]:
            if (ref.key, ref.pinpoint) in seen:
                continue
            seen.add((ref.key, ref.pinpoint))
            target = anchors.link_target(ref.key)
            label = "page" if citing.page else anchors.label(ref.key)  # a Markdown page's paragraphs have no ids
            places.append(CitingPlace(href_to(citing.url, target), label, ref.excerpt, ref.pinpoint))
        view.cited_by.append(CitingDocument(entry_label(citing), _shorten(meta.title or ""), href_to(citing.url, None), places))
    view.pinpoints = graph.pinpoint_counts(symbol)
    relations = [
        ("Draft", graph.adopted_from.get(symbol)),
        ("Adopted as", graph.adopted_as.get(symbol)),
        ("Previous in this series", graph.previous.get(symbol)),
        ("Next in this series", graph.next.get(symbol)),
    ]
    for relation, other in relations:
        if other and other in corpus.by_symbol:
            view.lineage.append((relation, other, href_to(corpus.by_symbol[other], None)))
    for uri in graph.amendments.get(symbol, ()):
        doc = corpus.entries[uri].analysis.doc
        amendment = read_amendment(doc)
        sponsors = doc.meta.sponsors[0] + (f" and {len(doc.meta.sponsors) - 1} others" if len(doc.meta.sponsors) > 2 else
                                           f" and {doc.meta.sponsors[1]}" if len(doc.meta.sponsors) == 2 else "") if doc.meta.sponsors else ""
        view.amendments.append(AmendmentRef(entry_label(corpus.entries[uri]), href_to(corpus.entries[uri].url, None), sponsors,
                                            amendment.summary() if amendment else ""))
    # Texts that claim one symbol but differ (corpus.choose_forms): each page links the other.
    for other in corpus.variants.get(entry.src_uri, ()):
        view.lineage.append(("Another text with this symbol (differs)", symbol, href_to(corpus.entries[other].url, None)))
    if corpus.source_of.get(symbol, entry.src_uri) != entry.src_uri:
        view.lineage.append(("This text differs from the page of", symbol, href_to(corpus.by_symbol[symbol], None)))
    return view


@dataclass
class Previews:
    """Title, date and pinpointed paragraph of documents the site holds, for link previews."""

    corpus: Corpus
    by_symbol: dict[str, Entry] = field(default_factory=dict)
    _texts: dict[str, dict[str, str]] = field(default_factory=dict)  # symbol -> anchor -> words, built on demand
    _order: dict[str, list[str]] = field(default_factory=dict)  # symbol -> paragraph anchors in reading order

    def __post_init__(self) -> None:
        for entry in self.corpus.entries.values():
            if entry.analysis.doc.meta.symbol:
                self.by_symbol.setdefault(entry.analysis.doc.meta.symbol, entry)

    def _anchor_texts(self, symbol: str) -> dict[str, str]:
        if symbol not in self._texts:
            entry = self.by_symbol.get(symbol)
            self._texts[symbol] = anchor_texts(entry.analysis.doc) if entry else {}
        return self._texts[symbol]

    def anchors(self, symbol: str) -> Container[str]:
        """Every id a held document's page has for paragraphs, headings and annexes."""
        return self._anchor_texts(symbol).keys()

    def _range(self, symbol: str, first: str, last: str) -> list[str]:
        """The paragraph anchors from ``first`` to ``last`` in reading order (sub-paragraphs included)."""
        if symbol not in self._order:
            entry = self.by_symbol.get(symbol)
            self._order[symbol] = [p.anchor for p in entry.analysis.doc.paragraphs()] if entry else []
        order = self._order[symbol]
        if first not in order or last not in order or order.index(last) < order.index(first):
            return [first]
        return order[order.index(first): order.index(last) + 1]

    def __call__(self, symbol: str, pinpoint: str | None, through: str | None = None) -> dict[str, str]:
        entry = self.by_symbol.get(symbol)
        if entry is None:
            return {}
        meta = entry.analysis.doc.meta
        data = {"title": _shorten(meta.title or ""), "date": _shorten(meta.adopted_on or meta.date or "")}
        if pinpoint:
            texts = self._anchor_texts(symbol)
            if through:  # "paragraphs 14 to 17": each paragraph of the range, shortened
                parts = [texts.get(a, "") for a in self._range(symbol, pinpoint, through)]
                data["excerpt"] = _shorten(" ".join(p for p in parts if p), PREVIEW * RANGE_PREVIEW)
            else:
                data["excerpt"] = texts.get(pinpoint, "")
        return {k: v for k, v in data.items() if v}


# -- the citation report -------------------------------------------------------------------------


@dataclass
class Report:
    most_cited: list[tuple[str, int, int]]  # (symbol, citing documents, citing places), site documents
    external: list[tuple[str, int]]  # symbols the site does not hold, by citing places
    suspicious: list[str]  # citation warnings, "file:line: message"
    per_document: list[tuple[str, int, int, int]]  # (document, citations, internal, cited by)


def citation_report(graph: Graph, corpus: Corpus, top: int = 25) -> Report:
    internal_counts: dict[str, int] = {}
    external: dict[str, int] = {}
    per_document = []
    for entry in corpus.entries.values():
        total = internal = 0
        for cites in entry.analysis.citations.values():
            for cite in cites:
                total += 1
                for symbol in cite.symbols:
                    if symbol in corpus.by_symbol:
                        internal += 1
                    else:
                        external[symbol] = external.get(symbol, 0) + 1
        own = entry.analysis.doc.meta.symbol
        cited_by = len({r.source for r in graph.cited_by.get(own or "", ())})
        per_document.append((entry_label(entry), total, internal, cited_by))
    for symbol, refs in graph.cited_by.items():
        internal_counts[symbol] = len(refs)
    most = sorted(
        ((s, len({r.source for r in graph.cited_by[s]}), n) for s, n in internal_counts.items()),
        key=lambda t: (-t[1], -t[2], t[0]),
    )[:top]
    suspicious = sorted(
        str(d) for e in corpus.entries.values() for d in e.analysis.diagnostics
        if d.level == "warning" and d.message.startswith("citation")
    )
    return Report(
        most,
        sorted(external.items(), key=lambda t: (-t[1], t[0]))[:top],
        suspicious,
        sorted(per_document),
    )
