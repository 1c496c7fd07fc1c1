"""Site-wide knowledge, computed once per build: which symbols the site holds and who cites whom.

Each source is read and its citations found once, cached by a hash of its
bytes (on disk across builds, the most recently used in memory), so a rebuild
after editing one text re-reads that text only. A build holds per document its
metadata (:class:`Stored`), never the whole corpus: a page's analysis is read
back from the cache when the page is written, so memory does not grow with N.
"""

from __future__ import annotations

import hashlib
import pickle
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from . import anchors, browse, export
from .amendments import read_amendment, target_citations
from .citations import Citation, find_citations, ibid_citation, ibid_sources
from .citations.checks import Cited, council_year_conflicts
from .mandates.find import find_mandates
from .mandates.model import Mandate
from .model import Diagnostic, Document, Kind, Metadata, Paragraph
from .parse import read_source
from . import shelf as shelves
from .shelf import Shelf
from .readers import decode
from .structure import organ_code
from .symbols import normalize_symbol, symbol_from_filename
from .urls import Registry, clean_path, is_clean, shortened, shown


def _code_version() -> str:
    """A digest of the core's own source: any change to the code invalidates cached analyses."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(__file__).parent.rglob("*") if p.suffix in (".py", ".json")):  # code and its learned data
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


CACHE_VERSION = _code_version()
OWN_PARAGRAPHS = (Kind.RESOLUTION, Kind.DRAFT_RESOLUTION, Kind.DECISION, Kind.DRAFT_DECISION)


def own_paragraph_keys(doc: Document) -> set[str]:
    """Texts where a bare "paragraph N" means the document's own paragraph N: the body of a
    resolution or decision (an annex numbers its own; an amendment's "paragraph 9" is the amended draft's)."""
    if doc.meta.kind not in OWN_PARAGRAPHS:
        return set()
    return {p.anchor for block in doc.blocks if isinstance(block, Paragraph) for p in block.walk()}


@dataclass
class Analysis:
    """Everything derived from one source's bytes alone."""

    doc: Document
    citations: dict[str, list[Citation]]  # key of Document.texts() -> citations
    ibid: dict[str, str]  # footnote number -> what its "Ibid." stands for
    diagnostics: list[Diagnostic]
    mandates: list[Mandate] = field(default_factory=list)  # its mandates and calls, in reading order
    listing_title: str = ""  # what the browse pages call it (browse.listed_title: may search its text)


# A text larger than this is published preformatted, unparsed: the readers are linear, but a
# budget in bytes (not seconds, so the output stays the same on any machine) bounds a build.
MAX_TEXT_BYTES = 64_000_000


def analyse(data: bytes, path: str) -> Analysis:
    """Read ``data``, find its citations, its mandates and what listings call it: the per-document
    half of the pipeline (run once per text and cached, on every core in a cold build)."""
    if len(data) > MAX_TEXT_BYTES and not data.startswith(b"%PDF"):
        text, notes = decode(data, path)
        doc = Document(path, Metadata(), fallback=text.replace("\x00", "\ufffd"), diagnostics=notes)
        doc.warn(1, f"text larger than {MAX_TEXT_BYTES:,} bytes: published as a preformatted page, not read", code="text-too-large")
        return Analysis(doc, {}, {}, list(doc.diagnostics))
    doc = read_source(data, path)
    organ = organ_code(doc)
    citations: dict[str, list[Citation]] = {}
    diagnostics = list(doc.diagnostics)
    body = own_paragraph_keys(doc)
    cited: list[Cited] = []
    for key, rich, line in doc.texts():
        found = find_citations(rich.text, organ=organ, path=path, line=line, own=key in body)
        if found.citations:
            citations[key] = list(found.citations)
        diagnostics.extend(found.diagnostics)
        cited += [Cited(s, line + rich.text.count("\n", 0, c.start)) for c in found.citations for s in c.symbols]
    diagnostics.extend(council_year_conflicts(cited, path))
    if (amendment := read_amendment(doc)) is not None:  # its instructions link to the paragraphs they change
        for key, cites in target_citations(amendment, citations).items():
            citations[key] = sorted(citations.get(key, []) + cites, key=lambda c: c.start)
        diagnostics.extend(amendment.diagnostics)
    ibid: dict[str, str] = {}
    for note, source in zip(doc.footnotes, ibid_sources([n.body.text for n in doc.footnotes], organ=organ)):
        if source is None:
            continue
        ibid[note.number] = source.text
        cite = ibid_citation(note.body.text, source)  # "Ibid." standing for a document symbol links to it
        if cite is not None:
            citations.setdefault(anchors.footnote(note.number), []).insert(0, cite)
    mandates = find_mandates(doc) if doc.fallback is None else []
    return Analysis(doc, citations, ibid, diagnostics, mandates, browse.listed_title(doc))


ANALYSIS, DOCUMENT = "analysis", "document"  # what the cache keeps of a text: its analysis, its data file's template
CACHE_DIR = ".cache/resolutions"  # default folder of the on-disk cache, relative to the site's mkdocs.yml

# Analyses a build keeps in memory at once. A larger corpus is not held whole: each analysis
# lives in the on-disk cache and is read again when a page needs it, so memory stays flat in N.
# Up to this many documents nothing is read twice (a 1,000-document build runs from memory).
MEMORY_ANALYSES = 1500


@dataclass
class Stored:
    """One source's analysis as a build holds it: the metadata in memory, the rest in the cache.

    What every page needs of every document (symbol, title, dates) is :attr:`meta`,
    and what the site lists of it its :attr:`mandates` and :attr:`listing_title`; the document itself, its
    citations and diagnostics come back by :meth:`load`, its data file by :meth:`document`.
    """

    key: str
    meta: Metadata
    diagnostics: list[Diagnostic]  # logged once, when the build starts
    mandates: list[Mandate]
    listing_title: str
    cache: Cache

    def load(self) -> Analysis:
        return self.cache.load(self.key)

    def document(self) -> bytes:
        return self.cache.document(self.key)


@dataclass
class Cache:
    """Analyses by content hash: on disk in ``folder`` across builds, the last ``limit`` used in memory.

    ``folder`` None keeps every analysis in memory (nowhere else to read it again from).
    """

    folder: Path | None = None
    limit: int = MEMORY_ANALYSES
    memory: OrderedDict[str, Analysis] = field(default_factory=OrderedDict)
    pinned: dict[str, Analysis] = field(default_factory=dict)  # analyses the disk could not take
    _shelf: Shelf | None = field(default=None, repr=False)

    @staticmethod
    def key(data: bytes, path: str) -> str:
        return hashlib.sha256(f"{CACHE_VERSION}\0{path}\0".encode() + data).hexdigest()

    @property
    def shelf(self) -> Shelf | None:
        """The on-disk part of the cache (None for a cache in memory only, or where Python has no SQLite)."""
        if self.folder is None or not shelves.AVAILABLE:
            return None
        if self._shelf is None or self._shelf.folder != self.folder:
            self._shelf = Shelf(self.folder)
        return self._shelf

    def cached(self, key: str) -> bool:
        """Whether the analysis under ``key`` is on disk (a worker need not read its text)."""
        return self.shelf is not None and self.shelf.has(key, ANALYSIS)

    def document(self, key: str) -> bytes:
        """The data file of the analysis under ``key`` with its URL left out (see
        :func:`export.document_template`), kept beside the analysis. Only a build too large to hold every
        analysis asks for it (its workers make it; a warm build then only fills it in); a smaller build
        makes it from memory (``plugin._document_json``)."""
        shelf = self.shelf
        kept = shelf.get(key, DOCUMENT) if shelf is not None else None
        if kept is not None:
            return kept
        analysis = self.load(key)
        made = export.document_template(analysis.doc, analysis.mandates)
        if shelf is not None:
            shelf.put(key, DOCUMENT, made)  # refused by a read-only folder: made again next time
        return made

    def get(self, data: bytes, path: str) -> Analysis:
        return self.load(self.key(data, path), lambda: data, path)

    def store(self, text: Text) -> Stored:
        """``text`` analysed (or found in the cache), held as its metadata and cache key."""
        analysis = self.load(text.key, text.read, text.path)
        return Stored(text.key, analysis.doc.meta, analysis.diagnostics, analysis.mandates, analysis.listing_title, self)

    def load(self, key: str, read: Callable[[], bytes] | None = None, path: str = "") -> Analysis:
        """The analysis cached under ``key``; the bytes ``read`` returns are analysed when it is not cached yet."""
        if key in self.memory:
            self.memory.move_to_end(key)  # the least recently used goes first
            return self.memory[key]
        if key in self.pinned:
            return self.pinned[key]
        analysis: Analysis | None = None
        kept = self.shelf.get(key, ANALYSIS) if self.shelf is not None else None
        if kept is not None:
            try:
                analysis = pickle.loads(kept)
            except Exception:  # a stale or broken cache entry is simply rebuilt
                analysis = None
        if analysis is None:
            if read is None:
                raise KeyError(f"analysis {key} is no longer cached")
            analysis = analyse(read(), path)
            if self.write(key, analysis) is None:  # no folder, or a read-only one: this analysis stays in memory
                self.pinned[key] = analysis
                return analysis
        self.keep(key, analysis)
        return analysis

    def write(self, key: str, analysis: Analysis) -> bytes | None:
        """``analysis`` pickled into the folder under ``key``: the pickle, or None where no folder takes it."""
        if self.shelf is None:
            return None
        made = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        return made if self.shelf.put(key, ANALYSIS, made) else None

    def keep(self, key: str, analysis: Analysis) -> None:
        """Hold ``analysis`` (already in the folder) in memory, the least recently used let go past :attr:`limit`."""
        self.memory[key] = analysis
        while len(self.memory) > self.limit:
            self.memory.popitem(last=False)


@dataclass(frozen=True)
class Text:
    """A source as a build hands it over: its path, its bytes read when needed (never all held
    at once), and its cache key, found once per build (:meth:`Cache.key`)."""

    path: str
    read: Callable[[], bytes]
    key: str

    @classmethod
    def of(cls, path: str, read: Callable[[], bytes]) -> Text:
        return cls(path, read, Cache.key(read(), path))


Source = Analysis | Stored  # an analysis held whole (tests, ordinary pages) or as its metadata
S = TypeVar("S", Analysis, Stored)


def meta_of(source: Source) -> Metadata:
    return source.doc.meta if isinstance(source, Analysis) else source.meta


def analysis_of(source: Source) -> Analysis:
    return source if isinstance(source, Analysis) else source.load()


def document_of(source: Source) -> bytes:
    """``source``'s data file, its URL left out (:func:`export.document_template`)."""
    if isinstance(source, Analysis):
        return export.document_template(source.doc, source.mandates)
    return source.document()


@dataclass
class Entry:
    src_uri: str
    url: str  # site-relative directory URL, "A/RES/80/229/"
    source: Source
    page: bool = False  # an ordinary Markdown page that cites documents (link_pages), not a resolution

    @property
    def meta(self) -> Metadata:
        return meta_of(self.source)

    @property
    def mandates(self) -> list[Mandate]:
        return self.source.mandates

    @property
    def listing_title(self) -> str:
        return self.source.listing_title

    @property
    def analysis(self) -> Analysis:
        """The whole analysis: read again from the cache unless held (see :class:`Stored`)."""
        return analysis_of(self.source)


def _stem(src_uri: str) -> str:
    return src_uri.rsplit(".", 1)[0] if "." in src_uri.rsplit("/", 1)[-1] else src_uri


# When one document comes in several forms, the page is built from the most faithful.
FORM_RANK = {".pdf": 0, ".md": 1, ".txt": 2}


def _shape(doc: Document) -> tuple:
    """What every form of one document must agree on: paragraphs, numbers, footnotes, markers."""
    return (
        len(doc.preambular()),
        [p.number for p in doc.operative()],
        [n.number for n in doc.footnotes],
        [m.number for m in doc.markers()],
    )


def _letters(text: str) -> str:
    """Letters and digits only, case and compatibility forms folded: what every form prints alike
    (spacing, hyphenation and punctuation differ between extractions; words do not)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def _words(doc: Document) -> list[tuple[str, str]]:
    """Each paragraph's and footnote's letters, by anchor."""
    out = [(p.anchor or "", _letters(f"{p.lead or ''} {p.body.text}")) for p in doc.paragraphs()]
    return out + [(f"fn-{n.number}", _letters(n.body.text)) for n in doc.footnotes]


def _first_difference(a: Document, b: Document) -> str | None:
    """Where two forms stop agreeing ("numbering", or the first anchor whose words differ), else None."""
    if _shape(a) != _shape(b):
        return "paragraphs, numbers or footnotes"
    for (anchor, x), (_b, y) in zip(_words(a), _words(b)):
        if x != y:
            return f"the words of {anchor}"
    return None


def authority(src_uri: str, analysis: Source) -> tuple:
    """Sort key, most authoritative first: a file whose name spells its symbol (A-RES-80-229.txt),
    then the most faithful form (PDF, markdown, plain text), then the name."""
    symbol = meta_of(analysis).symbol
    named = bool(symbol) and symbol_from_filename(src_uri) == symbol
    return (not named, FORM_RANK.get(Path(src_uri).suffix.lower(), 9), src_uri)


def claim_order(src_uri: str, analysis: Source) -> tuple:
    """Order in which pages claim URLs: a well-formed UN symbol that is its own URL first, then
    other symbols (a Cyrillic "А/RES/99/5" after the Latin one, "a/res/99/6" after "A/RES/99/6"),
    then pages named after their file."""
    symbol = meta_of(analysis).symbol
    if not symbol:
        rank = 3
    elif is_clean(symbol):
        rank = 0 if normalize_symbol(symbol) == symbol else 1
    else:
        rank = 2
    return (rank, *authority(src_uri, analysis))


def choose_forms(sources: Sequence[tuple[str, S]]) -> tuple[list[tuple[str, S]], dict[str, str], list[Diagnostic]]:
    """One page per document: the most authoritative form of each symbol (see :func:`authority`).

    A form that agrees with it in numbers and words is dropped (mapped to the
    published one). A form that disagrees is a different text claiming the same
    symbol: neither silently wins; it is published too, as a variant at its own
    URL, and warned about. Returns the sources to publish in the order they
    claim URLs, the dropped forms, and the notes.
    """
    by_symbol: dict[str, list[tuple[str, S]]] = {}
    kept: list[tuple[str, S]] = []
    for src_uri, analysis in sources:
        symbol = meta_of(analysis).symbol
        if symbol:
            by_symbol.setdefault(symbol, []).append((src_uri, analysis))
        else:
            kept.append((src_uri, analysis))
    dropped: dict[str, str] = {}
    notes: list[Diagnostic] = []
    for symbol, forms in by_symbol.items():
        forms.sort(key=lambda f: authority(*f))
        best_uri, best = forms[0]
        kept.append(forms[0])
        for src_uri, analysis in forms[1:]:
            if Path(src_uri).suffix == Path(best_uri).suffix:
                kept.append((src_uri, analysis))  # two texts of one form: both published, Corpus.add says so
                continue
            difference = _first_difference(analysis_of(analysis).doc, analysis_of(best).doc)
            if difference is None:
                dropped[src_uri] = best_uri
                notes.append(Diagnostic(src_uri, 1, f"same document as {best_uri}, which the page is built from", "info", code="form-duplicate"))
                continue
            kept.append((src_uri, analysis))
            notes.append(Diagnostic(
                src_uri, 1,
                f"claims symbol {shown(symbol)} but disagrees with {best_uri} in {difference}; the page of "
                f"{shown(symbol)} is built from {best_uri}, this text is published as a variant",
                code="forms-disagree",
            ))
    kept.sort(key=lambda f: claim_order(*f))
    return kept, dropped, notes


@dataclass
class Corpus:
    """All resolution pages of one build, by source and by symbol; URLs claimed in ``registry``."""

    entries: dict[str, Entry] = field(default_factory=dict)  # src_uri -> entry
    by_symbol: dict[str, str] = field(default_factory=dict)  # symbol -> url
    source_of: dict[str, str] = field(default_factory=dict)  # symbol -> src_uri of its page
    variants: dict[str, list[str]] = field(default_factory=dict)  # src_uri of a symbol's page -> other texts of it
    diagnostics: list[Diagnostic] = field(default_factory=list)  # about the set, not one text
    registry: Registry = field(default_factory=Registry.for_site)

    def add(self, src_uri: str, analysis: Source) -> Entry:
        """Publish ``src_uri``: at its symbol's URL, or its file name's when the symbol is taken or absent."""
        symbol = meta_of(analysis).symbol
        if symbol and symbol in self.by_symbol:
            self.variants.setdefault(self.source_of[symbol], []).append(src_uri)
            self.diagnostics.append(Diagnostic(
                src_uri, 1, f"symbol {shown(symbol)} is already published at {self.by_symbol[symbol]}; this copy is at its file name",
                code="symbol-repeated",
            ))
        if symbol and symbol not in self.by_symbol:
            source, why = symbol, f"symbol {shown(symbol)}"
        else:
            source, why = _stem(src_uri), f"file name {shown(src_uri)}"
        wanted = clean_path(source)
        if shortened(source):
            self.diagnostics.append(Diagnostic(src_uri, 1, f"the URL made from its {why} is too long: shortened to {wanted}", code="url-too-long"))
        url = self.registry.claim(wanted, src_uri, why)
        foreign = next((c for c in symbol or "" if not c.isascii()), None)
        if foreign is not None:  # "А/RES/99/5" with a Cyrillic А passes for A/RES/99/5 on the page
            self.diagnostics.append(Diagnostic(
                src_uri, 1, f"symbol {shown(symbol or '')} holds a letter outside ASCII "
                f"(U+{ord(foreign):04X} {unicodedata.name(foreign, 'unnamed')}); published at {url}",
                code="symbol-not-ascii",
            ))
        if symbol and symbol not in self.by_symbol:
            self.by_symbol[symbol] = url
            self.source_of[symbol] = src_uri
        entry = Entry(src_uri, url, analysis)
        self.entries[src_uri] = entry
        return entry
