"""What changed between two versions of a text: versions of a document, and its paragraphs aligned."""

from .align import Alignment, Pair, Unit, align, units
from .versions import Versions, find_versions

__all__ = ["Alignment", "Pair", "Unit", "Versions", "align", "find_versions", "units"]
