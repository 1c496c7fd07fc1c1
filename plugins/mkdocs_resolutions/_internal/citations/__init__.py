"""Citation finding: which spans of running text cite which UN documents."""

from .citation import Citation, FindResult
from .find import find_citations
from .ibid import resolve_ibid

__all__ = ["Citation", "FindResult", "find_citations", "resolve_ibid"]
