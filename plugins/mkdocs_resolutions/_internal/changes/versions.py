"""Versions of one text in the site: draft → revision → adopted resolution, and last session's resolution.

Every link comes from evidence the graph already found or from what the
documents print, never from a similar title alone:

- a resolution and its draft (``Graph.adopted_from``: named in the report line, or
  same committee, session and title);
- a revision and the draft it revises (``A/C.3/80/L.3/Rev.1`` revises ``A/C.3/80/L.3``);
- a resolution and the previous one of its series (``Graph.previous``: same title,
  and the later cites the earlier);
- a draft and the draft as amended, when the site holds amendments to it
  (:mod:`.amended`): the adopted resolution follows the amended draft;
- a text and the latest earlier-session text with the same title *and* the same
  agenda item title, when neither of the links above gives it one (the seed, a
  2011 draft, is the previous version of A/RES/80/229's series).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpus import Corpus
from ..graph import Graph, normal_title
from ..model import Kind, Metadata
from .align import masked
from .amended import Amended, amended_versions

MAX_CHAIN = 8  # versions shown for one text: its pages do not grow with the corpus
_REVISION = re.compile(r"^(.*)/Rev\.(\d+)$")
_KINDS = (Kind.RESOLUTION, Kind.DRAFT_RESOLUTION)


@dataclass
class Versions:
    """For each text (by ``src_uri``), the versions it follows and why; symbol-less texts (the seed) too."""

    predecessor: dict[str, str] = field(default_factory=dict)  # src_uri -> the version it follows
    relation: dict[str, str] = field(default_factory=dict)  # src_uri -> "revision of", "previous"
    draft: dict[str, str] = field(default_factory=dict)  # adopted resolution -> its draft (as amended, when amended)
    amended: dict[str, Amended] = field(default_factory=dict)  # draft's src_uri -> the draft as amended

    def chain(self, uri: str) -> list[str]:
        """The earlier versions of ``uri``, nearest first: its draft, then last year's, and so on."""
        out: list[str] = []
        todo = [uri]
        while todo and len(out) < MAX_CHAIN:
            current = todo.pop(0)
            for before in (self.draft.get(current), self.predecessor.get(current)):
                if before and before != uri and before not in out:
                    out.append(before)
                    todo.append(before)
        return out[:MAX_CHAIN]

    def first(self, uri: str) -> str | None:
        """The version a text is compared with on its changes page: last session's text, else its draft."""
        return self.predecessor.get(uri) or self.draft.get(uri)


def _session(symbol: str) -> int | None:
    m = re.search(r"/(\d+)/", symbol)
    return int(m.group(1)) if m else None


def _agenda(title: str | None) -> str:
    """An agenda item's title for comparison: no sub-item letter "(cc)", years masked ("Programme budget for #")."""
    return masked(normal_title(re.sub(r"^\s*\([a-z]+\)\s*", "", title or "")))


def find_versions(corpus: Corpus, graph: Graph) -> Versions:
    versions = Versions()
    metas = {uri: e.analysis.doc.meta for uri, e in sorted(corpus.entries.items()) if not e.page}  # texts, not ordinary pages
    uri_of = {m.symbol: uri for uri, m in metas.items() if m.symbol}
    _revisions(uri_of, versions)
    for resolution, draft in sorted(graph.adopted_from.items()):
        if draft in uri_of and resolution in uri_of:
            versions.draft[uri_of[resolution]] = uri_of[draft]
    for later, earlier in sorted(graph.previous.items()):
        if later in uri_of and earlier in uri_of and uri_of[later] not in versions.predecessor:
            versions.predecessor[uri_of[later]] = uri_of[earlier]
            versions.relation[uri_of[later]] = "previous"
    _same_title_and_agenda(metas, versions)
    versions.amended = amended_versions(corpus, graph)
    for draft, amended in versions.amended.items():
        for resolution in [r for r, d in versions.draft.items() if d == draft]:
            versions.draft[resolution] = amended.key  # adopted from the draft as amended
        versions.draft[amended.key] = draft
    return versions


def _revisions(uri_of: dict[str, str], versions: Versions) -> None:
    """``…/Rev.1`` follows the text it revises, ``…/Rev.2`` follows ``…/Rev.1``."""
    for symbol, uri in sorted(uri_of.items()):
        m = _REVISION.match(symbol)
        if not m:
            continue
        number = int(m.group(2))
        base = m.group(1) if number == 1 else f"{m.group(1)}/Rev.{number - 1}"
        if base in uri_of:
            versions.predecessor[uri] = uri_of[base]
            versions.relation[uri] = "revision of"


def _same_title_and_agenda(metas: dict[str, Metadata], versions: Versions) -> None:
    """A text with no earlier version yet follows the latest earlier-session text with the same
    title and agenda item, when there is exactly one (a draft adopted in the site is left out)."""
    by_key: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for uri, meta in metas.items():
        session = meta.session_number or _session(meta.symbol or "")
        if session and meta.title and meta.agenda_title and meta.kind in _KINDS:
            by_key.setdefault((normal_title(meta.title), _agenda(meta.agenda_title)), []).append((session, uri))
    adopted = set(versions.draft.values())
    for members in by_key.values():
        members.sort()
        for session, uri in members:
            if uri in versions.predecessor or uri in adopted:
                continue  # a draft is followed by its own resolution, not by last year's
            before = [(s, x) for s, x in members if s < session and x not in adopted]
            latest = [x for s, x in before if s == before[-1][0]]
            if len(latest) == 1:
                versions.predecessor[uri] = latest[0]
                versions.relation[uri] = "previous"
