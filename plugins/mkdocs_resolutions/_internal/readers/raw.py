"""What every reader hands to the shared structurer.

A reader's job is only to undo the delivery form: read the cover block, drop
page furniture (page breaks, running headers, job numbers), take footnote texts
out of the running text and join paragraphs split across pages. It emits the
running text as a flat list of :class:`RawPara` in reading order. Deciding what
each paragraph *is* (preambular, operative, sub-paragraph, heading, annex) is
done once, for all forms, by :mod:`..structure`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic, Footnote, Metadata, RichText, Table


@dataclass
class RawPara:
    """One paragraph of running text as printed, furniture removed, joined across pages.

    ``text.italics`` carries italics where the source form has them (markdown,
    PDF fonts); plain text has none and lead phrases are recovered from word lists.
    ``heading`` is a hint from the source form (markdown ``#``/bold line, PDF bold
    font, centred line); the structurer may still decide otherwise.
    """

    text: RichText
    line: int
    heading: bool = False
    table: Table | None = None  # the paragraph is a table; ``text`` still holds all its words, in reading order


@dataclass
class RawDocument:
    path: str
    meta: Metadata
    paras: list[RawPara] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, line: int, message: str, code: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message, code=code))
