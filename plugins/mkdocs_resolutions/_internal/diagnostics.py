"""Diagnostic codes, and the known defects a site accepts.

Every :class:`.model.Diagnostic` carries a stable ``code`` naming its kind of
problem, so a site's ``known_defects`` can name a defect without depending on
the wording of a message. The plugin and ``build_tools/check_texts.py`` share
:class:`KnownDefects`, so both accept exactly the same warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Container, Iterable

from .model import Diagnostic

CODES: dict[str, str] = {
    # reading the file
    "not-utf8": "the text is not UTF-8; read as Windows-1252",
    "binary-content": "the file holds binary bytes; published as a preformatted page",
    "empty-file": "the file is empty",
    "no-paragraphs": "no paragraph recognised; published as a preformatted page",
    "pdf-unreadable": "the PDF could not be opened",
    "pdf-page-unreadable": "one page of the PDF could not be read",
    "pdf-no-text": "the PDF has no text layer (a scan)",
    "pdf-reader-failed": "the PDF reader met a layout it does not foresee",
    "pdf-encrypted": "the PDF needs a password to be opened",
    "pdf-unmapped-glyphs": "glyphs of a PDF page have no Unicode value (font without ToUnicode): read that page in the PDF",
    "pdf-as-text": "a file starting with %PDF that is not a PDF, read as text",
    # markup slips of a conversion
    "stray-asterisk": "an '*' that opens or closes no emphasis",
    "unclosed-sup": "a <sup> that is never closed",
    "converter-slip": "a known converter slip, repaired (info)",
    "paragraphs-merged": "two paragraphs on one line, split (info)",
    "hyphen-restored": "a hyphen lost at a line end, restored (info)",
    # cover and structure
    "no-opening-line": "no opening line ('The General Assembly,')",
    "cover-body-start": "the PDF's body start is not in its running text",
    "cover-run-on": "the opening line runs on into the first paragraph (info)",
    "cover-amendment": "an amendment, whose body starts after the title (info)",
    "cover-note": "a note by the Secretariat or the Secretary-General, whose body starts after the title (info)",
    "amendment-unread": "a paragraph of an amendment that is no instruction the reader knows; shown as printed",
    "amendment-not-applied": "an amendment's instruction that cannot be applied to the draft it amends",
    "number-no-full-stop": "an operative number printed without its full stop",
    "number-repeated": "a paragraph number printed twice",
    "anchor-repeated": "an anchor used twice by ordinary printing (info)",
    "numbering-gap": "operative numbers skip or repeat",
    # footnotes
    "footnote-unused": "a footnote that no marker in the text refers to",
    "footnote-twice": "a footnote defined or printed twice",
    "footnote-numbers-missing": "footnote numbers skip",
    "footnote-without-number": "footnote text with no number before it",
    "marker-without-footnote": "a footnote marker with no footnote text",
    "marker-glued": "a marker read from the end of a number glued to it (info)",
    # citations and the site
    "citation-date-mismatch": "a cited resolution's date does not fit its number",
    "citation-year-conflict": "a Council resolution past the table of years cited with two different years in one document",
    "forms-disagree": "two forms of one document give different paragraphs, numbers or footnotes",
    "form-duplicate": "another form of a document the site publishes (info)",
    "symbol-repeated": "two documents carry the same symbol",
    "url-collision": "a page's URL is reserved or taken by another output; published at a URL of its own",
    "symbol-not-ascii": "a symbol holds letters outside ASCII (a Cyrillic А passes for a Latin A)",
    "url-too-long": "a URL made from a symbol or file name is too long; shortened with a hash",
    "text-too-large": "a text over the size budget; published as a preformatted page",
    "front-matter-control": "front matter holds control or bidirectional-override characters",
}

_CODE_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+\Z")


class ConfigError(ValueError):
    """A ``known_defects`` value that cannot mean what its author intended."""


@dataclass
class KnownDefects:
    """Warnings a site accepts, per source file: a diagnostic code or a fragment of its message.

    A code (``footnote-unused``) accepts every warning of that kind in the file;
    a fragment (``footnote 9 has no marker``) accepts the warnings whose message
    contains it. An entry that accepts nothing is *stale*: the defect is gone or
    the entry is misspelt, and the site says so.
    """

    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    used: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def parse(cls, value: object) -> KnownDefects:
        """Check a configuration value; raise :class:`ConfigError` saying what is wrong and how to write it."""
        if value is None:
            return cls()
        if not isinstance(value, dict):
            raise ConfigError(f"known_defects must be a mapping of file name to a list of codes or fragments, not {_kind(value)}")
        entries: dict[str, tuple[str, ...]] = {}
        for path, items in value.items():
            if not isinstance(path, str) or not path:
                raise ConfigError(f"known_defects: a key must be a file name (as in the docs dir), not {_kind(path)}")
            if not isinstance(items, list):
                raise ConfigError(
                    f"known_defects: {path} must list codes or message fragments "
                    f"(e.g. `{path}: [footnote-unused]`), not {_kind(items)}"
                )
            for item in items:
                if not isinstance(item, str) or not item.strip():
                    raise ConfigError(f"known_defects: {path}: each entry must be a non-empty string, not {_kind(item)}")
                if _CODE_SHAPE.match(item) and item not in CODES:
                    raise ConfigError(
                        f"known_defects: {path}: '{item}' is not a diagnostic code; known codes: {', '.join(sorted(CODES))}"
                    )
            entries[path] = tuple(items)
        return cls(entries)

    def accepts(self, diag: Diagnostic) -> bool:
        """True when the site lists this warning as a known defect of its file (and remember the entry used)."""
        for item in self.entries.get(diag.path, ()):
            if item == diag.code or (item not in CODES and item in diag.message):
                self.used.add((diag.path, item))
                return True
        return False

    def note(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Count the entries these warnings use, without reporting them (a form the site does not publish)."""
        for diag in diagnostics:
            if diag.level == "warning":
                self.accepts(diag)

    def stale(self, present: Container[str]) -> list[str]:
        """One line per entry of a ``present`` file that accepted no warning since the last :meth:`reset`.

        Entries for files that are not there are left alone: one configuration
        may serve several sets of texts.
        """
        return [
            f"known_defects: {path}: '{item}' accepts no warning (the defect is gone, or the entry is misspelt); remove it"
            for path, items in sorted(self.entries.items())
            if path in present
            for item in items
            if (path, item) not in self.used
        ]

    def reset(self) -> None:
        self.used = set()


def _kind(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"a {type(value).__name__}"
