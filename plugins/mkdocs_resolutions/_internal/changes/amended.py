"""A draft as amended: its amendments held by the site, applied to it, as one more version in its chain.

The corpus amends drafts it does not hold, but a site that holds a draft and an
amendment to it can show draft → as amended → adopted. The amended text keeps
the draft's anchors (it is not renumbered, so each paragraph still links to the
draft's page); a paragraph an amendment puts in is keyed ``ins-N`` and links to
the instruction that prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..amendments import Applied, apply, read_amendment
from ..corpus import Corpus
from ..graph import Graph
from ..model import Diagnostic

AS_AMENDED = "#as-amended"  # suffix of a draft's src_uri naming its amended version (never a page of its own)


@dataclass
class Amended:
    """The amended version of one draft."""

    key: str  # "<draft src_uri>#as-amended"
    draft: str  # the draft's src_uri
    amendments: list[str]  # src_uris of the amendments applied, in order
    applied: Applied = field(repr=False)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.applied.diagnostics


def amended_versions(corpus: Corpus, graph: Graph) -> dict[str, Amended]:
    """Each held draft with held amendments, amended (by the draft's src_uri)."""
    out: dict[str, Amended] = {}
    for symbol, uris in sorted(graph.amendments.items()):
        draft = corpus.source_of.get(symbol)
        if draft is None or draft not in corpus.entries:
            continue
        pairs = []
        for uri in uris:
            doc = corpus.entries[uri].analysis.doc
            amendment = read_amendment(doc)
            if amendment is not None and amendment.instructions:
                pairs.append((doc, amendment))
        if pairs:
            applied = apply(corpus.entries[draft].analysis.doc, pairs)
            out[draft] = Amended(draft + AS_AMENDED, draft, [d.path for d, _ in pairs], applied)
    return out
