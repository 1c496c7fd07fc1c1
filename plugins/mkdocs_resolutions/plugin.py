"""Public entry point of the MkDocs plugin (registered as ``resolutions``)."""

from ._internal.mkdocs.plugin import ResolutionsPlugin

__all__ = ["ResolutionsPlugin"]
