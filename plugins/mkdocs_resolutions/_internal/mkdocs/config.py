"""Typed configuration of the ``resolutions`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ResolutionsConfig(Config):
    undocs_url = opt.Type(str, default="https://undocs.org/{symbol}")
    """Template for the official copy of a symbol the site does not hold; ``{symbol}`` is percent-encoded."""

    cache_dir = opt.Optional(opt.Type(str))
    """Folder for parsed documents, keyed by content hash (default ``.cache/resolutions``; safe to delete)."""

    markdown_sniff = opt.Type(bool, default=True)
    """Treat a ``.md`` page as a resolution when it starts with a UN cover block."""

    browse = opt.Type(bool, default=True)
    """Generate browse pages (``browse/``: by organ, session and committee, and by date)."""

    search = opt.Type(bool, default=True)
    """Index the built site with Pagefind (replaces Material's search plugin)."""

    known_defects = opt.Type(dict, default={})
    """Warnings a source genuinely deserves but the site accepts: ``{file: [message fragment, ...]}``.

    A matching warning is logged as information, so ``mkdocs build --strict`` passes;
    any other warning still fails it.
    """

    cited_by_limit = opt.Type(int, default=20)
    """Citing documents listed on a document's page; with more, all are on its ``cited-by/`` page."""
