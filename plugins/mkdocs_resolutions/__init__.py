"""mkdocs-resolutions: United Nations resolutions as annotated, searchable pages.

The public surface is small: read a source into a document model, and the
MkDocs plugin (:mod:`mkdocs_resolutions.plugin`). Everything else is private.
"""

from ._internal.model import Document, Footnote, Metadata, Paragraph, RichText
from ._internal.parse import read_source

__version__ = "0.2.0"  # the one place of the version (pyproject.toml reads it); see CHANGELOG.md

__all__ = ["Document", "Footnote", "Metadata", "Paragraph", "RichText", "__version__", "read_source"]
