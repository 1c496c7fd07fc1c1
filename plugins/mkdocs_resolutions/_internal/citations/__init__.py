"""Citation finding: which spans of running text cite which UN documents.

``find_citations(text, organ=...)`` per paragraph or footnote; for footnotes,
``ibid_sources(footnote_texts)`` then ``ibid_citation(text, source)`` gives the
citation carried by a leading "Ibid.".
"""

from .citation import Citation, FindResult
from .find import find_citations
from .ibid import IbidSource, ibid_citation, ibid_sources, resolve_ibid

__all__ = ["Citation", "FindResult", "IbidSource", "find_citations", "ibid_citation", "ibid_sources", "resolve_ibid"]
