"""mkdocs-resolutions: United Nations resolutions as annotated, searchable pages.

The public surface is small: read a source into a document model, and the
MkDocs plugin (:mod:`mkdocs_resolutions.plugin`). Everything else is private.
"""

from ._internal.model import Document, Footnote, Metadata, Paragraph, RichText
from ._internal.parse import read_source

__all__ = ["Document", "Footnote", "Metadata", "Paragraph", "RichText", "read_source"]
