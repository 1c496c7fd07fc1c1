"""Typed configuration of the ``resolutions`` MkDocs plugin.

Defaults come from the core (``UNDOCS_URL``, ``CITED_BY_SHOWN``), so each is
written once; a wrong type is a configuration error naming the option.
"""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

from ..corpus import CACHE_DIR
from ..diagnostics import ConfigError, KnownDefects
from ..graph import CITED_BY_SHOWN
from ..symbols import UNDOCS_URL


class _KnownDefectsOption(opt.BaseConfigOption[KnownDefects]):
    """``{file: [code or message fragment, ...]}``, checked by :meth:`KnownDefects.parse`."""

    def run_validation(self, value: object) -> KnownDefects:
        try:
            return KnownDefects.parse(value)
        except ConfigError as err:
            raise ValidationError(str(err)) from None


class _Count(opt.Type[int]):
    """A whole number of at least 1 (``True`` is not a number here)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"expected a whole number of at least 1, not {value!r}")
        return value


class ResolutionsConfig(Config):
    undocs_url = opt.Type(str, default=UNDOCS_URL)
    """Template for the official copy of a symbol the site does not hold; ``{symbol}`` is percent-encoded."""

    cache_dir = opt.Type(str, default=CACHE_DIR)
    """Folder for parsed documents, keyed by content hash, relative to mkdocs.yml (safe to delete)."""

    markdown_sniff = opt.Type(bool, default=True)
    """Treat a ``.md`` page as a resolution when it starts with a UN cover block."""

    browse = opt.Type(bool, default=True)
    """Generate browse pages (``browse/``: by organ, session and committee, and by date)."""

    search = opt.Type(bool, default=True)
    """Index the built site with Pagefind (replaces Material's search plugin)."""

    link_pages = opt.Type(bool, default=False)
    """Find citations in ordinary Markdown pages too: links, previews, and a place in the citation graph."""

    known_defects = _KnownDefectsOption()
    """Warnings a source genuinely deserves but the site accepts: ``{file: [code or message fragment, ...]}``.

    A matching warning is logged as information, so ``mkdocs build --strict``
    passes; any other warning still fails it, and so does an entry that
    accepts no warning (the defect is gone, or the entry is misspelt).
    """

    cited_by_limit = _Count(CITED_BY_SHOWN)
    """Citing documents listed on a document's page; with more, all are on its ``cited-by/`` page."""
