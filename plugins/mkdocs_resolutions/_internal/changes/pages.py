"""Which changes pages a build has: one per document with an earlier version, one more per other version.

``…/A/RES/80/229/changes/`` compares a text with the version it follows first
(last session's text, else its draft); ``…/changes/<version>/`` with each other
earlier version of its chain. A text has at most :data:`.versions.MAX_CHAIN`
of them, so no page and no count of pages per text grows with the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpus import Corpus
from ..graph import Graph
from .amended import AS_AMENDED, Amended
from .versions import Versions, find_versions

CHANGES = "changes/"


@dataclass(frozen=True)
class ChangesPage:
    url: str  # site-relative directory URL of the page, "A/RES/80/229/changes/"
    new: str  # src_uri of the text shown
    old: str  # src_uri of the earlier version it is compared with
    relation: str  # how the two are linked: "draft", "previous", "revision of", "amended", "earlier version"
    amended: Amended | None = field(default=None, compare=False)  # when one side is a draft as amended


@dataclass(frozen=True)
class Comparison:
    """One row of a changes page's list of comparisons."""

    label: str  # "A/C.3/80/L.3 (draft)"
    url: str


def slug(url: str) -> str:
    """A version's page URL as one path segment: ``A/C.3/80/L.3/`` → ``A-C.3-80-L.3``."""
    return re.sub(r"[^A-Za-z0-9._()~-]", "-", url.strip("/").replace("/", "-")) or "-"


def plan(corpus: Corpus, graph: Graph) -> tuple[Versions, dict[str, list[ChangesPage]]]:
    """The changes pages of every text that has an earlier version, first page first."""
    versions = find_versions(corpus, graph)
    pages: dict[str, list[ChangesPage]] = {}
    for uri in sorted(corpus.entries):
        chain = versions.chain(uri)
        if not chain:
            continue
        base = corpus.entries[uri].url + CHANGES
        first = versions.first(uri)
        ordered = [first, *(x for x in chain if x != first)] if first in chain else chain
        pages[uri] = [
            ChangesPage(base if k == 0 else f"{base}{_slug(corpus, old)}/", uri, old, _relation(versions, uri, old), _amended(versions, old))
            for k, old in enumerate(ordered)
        ]
    for draft, amended in sorted(versions.amended.items()):  # the draft's own page: what its amendments change
        base = corpus.entries[draft].url + CHANGES
        url = f"{base}{AMENDED_SLUG}/" if draft in pages else base  # alone, it is the draft's changes/ page
        pages.setdefault(draft, []).append(ChangesPage(url, amended.key, draft, "amended", amended))
    return versions, pages


AMENDED_SLUG = "as-amended"


def _slug(corpus: Corpus, key: str) -> str:
    """A version's segment: its page's URL, or the draft's and ``-as-amended`` for a draft as amended."""
    if key.endswith(AS_AMENDED):
        return f"{slug(corpus.entries[key.removesuffix(AS_AMENDED)].url)}-{AMENDED_SLUG}"
    return slug(corpus.entries[key].url)


def _amended(versions: Versions, key: str) -> Amended | None:
    return versions.amended.get(key.removesuffix(AS_AMENDED)) if key.endswith(AS_AMENDED) else None


def _relation(versions: Versions, new: str, old: str) -> str:
    if old.endswith(AS_AMENDED):
        return "draft as amended"
    if versions.draft.get(versions.draft.get(new, ""), None) == old:
        return "draft"  # adopted from its draft as amended: the draft itself is still "the draft"
    if versions.draft.get(new) == old:
        return "draft"
    if versions.predecessor.get(new) == old:
        return versions.relation.get(new, "previous")
    return "earlier version"
