"""Site-wide knowledge, computed once per build: which symbols the site holds and who cites whom.

Each source is read and its citations found once, cached by a hash of its
bytes (in memory for ``mkdocs serve``, on disk across builds), so a rebuild
after editing one text re-reads that text only.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from . import anchors
from .citations import Citation, find_citations, ibid_citation, ibid_sources
from .citations.checks import Cited, council_year_conflicts
from .model import Diagnostic, Document, Kind, Paragraph
from .parse import read_source
from .structure import organ_code
from .symbols import page_path


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


def analyse(data: bytes, path: str) -> Analysis:
    """Read ``data`` and find its citations: the per-document half of the pipeline."""
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
    ibid: dict[str, str] = {}
    for note, source in zip(doc.footnotes, ibid_sources([n.body.text for n in doc.footnotes], organ=organ)):
        if source is None:
            continue
        ibid[note.number] = source.text
        cite = ibid_citation(note.body.text, source)  # "Ibid." standing for a document symbol links to it
        if cite is not None:
            citations.setdefault(anchors.footnote(note.number), []).insert(0, cite)
    return Analysis(doc, citations, ibid, diagnostics)


CACHE_DIR = ".cache/resolutions"  # default folder of the on-disk cache, relative to the site's mkdocs.yml


@dataclass
class Cache:
    """Analyses by content hash; ``folder`` None keeps them in memory only."""

    folder: Path | None = None
    memory: dict[str, Analysis] = field(default_factory=dict)

    def get(self, data: bytes, path: str) -> Analysis:
        key = hashlib.sha256(f"{CACHE_VERSION}\0{path}\0".encode() + data).hexdigest()
        if key in self.memory:
            return self.memory[key]
        stored = self.folder / f"{key}.pickle" if self.folder else None
        analysis = None
        if stored and stored.exists():
            try:
                analysis = pickle.loads(stored.read_bytes())
            except Exception:  # a stale or broken cache entry is simply rebuilt
                analysis = None
        if analysis is None:
            analysis = analyse(data, path)
            if stored:
                stored.parent.mkdir(parents=True, exist_ok=True)
                stored.write_bytes(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))
        self.memory[key] = analysis
        return analysis


@dataclass
class Entry:
    src_uri: str
    url: str  # site-relative directory URL, "A/RES/80/229/"
    analysis: Analysis
    page: bool = False  # an ordinary Markdown page that cites documents (link_pages), not a resolution


def url_for(doc: Document, src_uri: str) -> str:
    """The page URL: from the symbol when there is one, else from the file name."""
    if doc.meta.symbol:
        return page_path(doc.meta.symbol)
    return src_uri.rsplit(".", 1)[0] + "/"


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


def choose_forms(sources: list[tuple[str, Analysis]]) -> tuple[list[tuple[str, Analysis]], dict[str, str], list[Diagnostic]]:
    """One source per symbol: the most faithful form (PDF, then markdown, then plain text).

    Returns the sources to publish, the others mapped to the one published in
    their place, and a warning for each form that disagrees with the published one.
    """
    by_symbol: dict[str, list[tuple[str, Analysis]]] = {}
    kept: list[tuple[str, Analysis]] = []
    for src_uri, analysis in sources:
        symbol = analysis.doc.meta.symbol
        if symbol:
            by_symbol.setdefault(symbol, []).append((src_uri, analysis))
        else:
            kept.append((src_uri, analysis))
    dropped: dict[str, str] = {}
    notes: list[Diagnostic] = []
    for forms in by_symbol.values():
        forms.sort(key=lambda f: (FORM_RANK.get(Path(f[0]).suffix, 9), f[0]))
        best_uri, best = forms[0]
        kept.append(forms[0])
        for src_uri, analysis in forms[1:]:
            if Path(src_uri).suffix == Path(best_uri).suffix:
                kept.append((src_uri, analysis))  # two texts of one form: both published, Corpus.add says so
                continue
            dropped[src_uri] = best_uri
            if _shape(analysis.doc) != _shape(best.doc):
                notes.append(Diagnostic(src_uri, 1, f"disagrees with {best_uri} (paragraphs, numbers or footnotes); the page is built from {best_uri}", code="forms-disagree"))
            else:
                notes.append(Diagnostic(src_uri, 1, f"same document as {best_uri}, which the page is built from", "info", code="form-duplicate"))
    kept.sort(key=lambda f: f[0])
    return kept, dropped, notes


@dataclass
class Corpus:
    """All resolution pages of one build, by source and by symbol."""

    entries: dict[str, Entry] = field(default_factory=dict)  # src_uri -> entry
    by_symbol: dict[str, str] = field(default_factory=dict)  # symbol -> url
    diagnostics: list[Diagnostic] = field(default_factory=list)  # about the set, not one text

    def add(self, src_uri: str, analysis: Analysis) -> Entry:
        url = url_for(analysis.doc, src_uri)
        symbol = analysis.doc.meta.symbol
        if symbol and symbol in self.by_symbol:
            self.diagnostics.append(
                Diagnostic(src_uri, 1, f"symbol {symbol} is already published at {self.by_symbol[symbol]}; this copy is at its file name", code="symbol-repeated")
            )
            url = src_uri.rsplit(".", 1)[0] + "/"
        elif symbol:
            self.by_symbol[symbol] = url
        entry = Entry(src_uri, url, analysis)
        self.entries[src_uri] = entry
        return entry
