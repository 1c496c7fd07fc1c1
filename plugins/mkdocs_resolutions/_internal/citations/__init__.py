"""Citation finding: which spans of running text cite which UN documents."""

from .citation import Citation, FindResult
from .find import find_citations

__all__ = ["Citation", "FindResult", "find_citations"]
