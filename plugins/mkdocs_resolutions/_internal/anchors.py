"""Anchor ids: the one place that makes them, reads them and names them for a reader.

Every paragraph, heading, annex and footnote of a page has an id derived from
what is printed (``op-7-a``, ``annex-ii-p-26-b-ii``, ``fn-8``), so a citation of
"paragraph 7 (a)" can point into the page and stay valid when text changes.
The structurer makes these ids, the citation finder and "Ibid." make pinpoints
in the same scheme, the graph and the renderer read them back. They all go
through :class:`Anchor`, so the scheme is written down once.

The grammar (segments joined by "-")::

    [PART-][annex[-NUMERAL]-][art-N-]KIND-NUMBER[-SUB ...]   pp-3, op-7-a-ii, annex-art-14-p-2, res-b-op-2
    [PART-]annex[-NUMERAL]                              annex, annex-ii
    PART                                                res-b (resolution B), sec-ii (section II)
    [PART-][annex[-NUMERAL]-]opening                    res-b-opening, annex-opening: an opening formula
    fn-NUMBER[-DUP], fnref-NUMBER[-DUP]-K               fn-7, fn-1-2, fnref-7-1
    h<LINE>                                             a heading's text, keyed by its line (not an id)

A PART is one of several resolutions printed in one text ("Draft resolutions" A, B, C,
each with its own "The General Assembly," and numbering: ``res-b``), or a section of one
resolution whose numbering starts again at 1 (sections I, II of "Questions relating to the
programme budget": ``sec-ii``). Texts without such parts have no prefix.

A number printed twice keeps the first id; the second gets ``-2`` (``-3`` ...)
appended (:func:`duplicate`). A trailing ``-2`` therefore reads like a
sub-paragraph or list item "2"; the string always round-trips, only the label
of such a rare duplicate says "(2)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

# Kinds of numbered things, as they appear in ids, and what a reader calls them.
_NAMES = {
    "pp": "preambular paragraph",
    "op": "paragraph",
    "p": "paragraph",  # an annex's numbered paragraph
    "text": "unnumbered paragraph",  # neither preambular nor operative, counted from 1
    "item": "Item",
    "action": "Action",
    "part": "part",  # "II. General" and "A." under it
    "ch": "Chapter",
    "pa": "Part",
    "se": "Section",
    "art": "Article",
    "res": "Resolution",  # one of several resolutions in one text: "res-b"
    "sec": "Section",  # a section numbering its paragraphs from 1: "sec-ii"
}
_NUMERALS = ("part", "ch", "pa", "se", "res", "sec")  # printed as roman numerals or capital letters
_SELF_NUMBERED = ("art", "action", "item", "ch", "pa", "se")
_PARTS = ("res", "sec")  # kinds that prefix the ids inside them
OPENING = "opening"  # an opening formula ("The General Assembly,", "The States Parties ..."): no number
_HEADING_KEY = re.compile(r"h(\d+)")
# Ids repeat across a corpus ("op-1", "pp-3"), and a page names each id several times (its paragraph,
# its outline, its search labels, its data file): reading and naming are remembered, up to this many ids.
CACHED = 1 << 14


@dataclass(frozen=True)
class Anchor:
    """One id, read: what it names (``kind`` and printed ``number``) and where.

    ``annex`` is None in the body, "" in an unnumbered annex, "ii" in Annex II;
    ``article`` is the annex article a paragraph belongs to; ``subs`` are the
    sub-paragraph labels ("a", "ii"), list items or duplicate counters after it.
    ``part`` is the id of the part it sits in ("res-b", "sec-ii"), None outside parts.
    """

    kind: str  # a key of _NAMES, or "annex", "fn", "fnref", "heading"
    number: str = ""
    subs: tuple[str, ...] = ()
    annex: str | None = None
    article: str | None = None
    part: str | None = None

    @property
    def id(self) -> str:
        """The id as printed in HTML and in pinpoints."""
        inner = self._inner_id()
        return f"{self.part}-{inner}" if self.part and self.kind not in ("heading", "fn", "fnref") else inner

    def _inner_id(self) -> str:
        if self.kind == "heading":
            return f"h{self.number}"
        if self.kind in ("fn", "fnref"):
            return "-".join((self.kind, self.number, *self.subs))
        if self.kind == "annex":
            return "-".join(("annex", *([self.annex] if self.annex else []), *self.subs))
        head = []
        if self.annex is not None:
            head = ["annex", self.annex] if self.annex else ["annex"]
        if self.article is not None:
            head += ["art", self.article]
        if self.kind == OPENING:
            return "-".join((*head, OPENING))
        return "-".join((*head, self.kind, self.number, *self.subs))

    def __str__(self) -> str:
        return self.id

    def child(self, label: str) -> Anchor:
        """The anchor of sub-paragraph (or list item) ``label`` under this one."""
        return replace(self, subs=(*self.subs, label))

    @property
    def is_operative(self) -> bool:
        """An operative paragraph of the body ("7.", also "res-b-op-7"), not an annex paragraph or "Action 3."."""
        return self.kind == "op" and self.annex is None

    def label(self) -> str:
        """What a reader calls it: "paragraph 7 (a)", "Annex I, paragraph 26 (b) (ii)", "Resolution B, paragraph 2"."""
        inner = self._inner_label()
        if self.part is None or self.kind in ("heading", "fn", "fnref"):
            return inner
        part = parse(self.part)
        return f"{part.label() if part else self.part}, {inner}"

    def _inner_label(self) -> str:
        subs = "".join(f" ({s})" for s in self.subs)
        if self.kind == "heading":
            return "heading"
        if self.kind == "fn":
            return f"footnote {self.number}{subs}"
        if self.kind == "fnref":
            dup = "".join(f" ({s})" for s in self.subs[:-1])
            return f"footnote {self.number}{dup}, reference {self.subs[-1] if self.subs else ''}".rstrip()
        if self.kind == "annex":
            return _annex_name(self.annex) + subs
        if self.kind == OPENING:
            return ", ".join((*([_annex_name(self.annex)] if self.annex is not None else []), "opening formula"))
        number = self.number.upper() if self.kind in _NUMERALS else self.number
        if self.kind == "part":  # "A." under "II." is part II.A
            subs = "".join(f".{s.upper()}" for s in self.subs)
        main = f"{_NAMES[self.kind]} {number}{subs}"
        where = []
        # An unnumbered annex numbering its own articles, chapters or actions is the instrument
        # itself (a convention, the Pact): "Article 50, paragraph 3", "Action 3".
        self_numbered = self.article is not None or self.kind in _SELF_NUMBERED
        if self.annex is not None and (self.annex or not self_numbered):
            where.append(_annex_name(self.annex))
        if self.article is not None:
            where.append(f"Article {self.article}")
        return ", ".join((*where, main))


def _annex_name(numeral: str | None) -> str:
    if not numeral:
        return "Annex"
    first, *dups = numeral.split("-")
    return f"Annex {first.upper()}" + "".join(f" ({d})" for d in dups)


@lru_cache(maxsize=CACHED)
def parse(anchor: str) -> Anchor | None:
    """Read an id (or a text key ``h<line>``); None when it is not in the scheme (an Anchor is frozen,
    so one read serves every caller)."""
    if m := _HEADING_KEY.fullmatch(anchor):
        return Anchor("heading", m.group(1))
    segs = anchor.split("-")
    if segs[0] in ("fn", "fnref") and len(segs) > 1 + (segs[0] == "fnref"):
        return Anchor(segs[0], segs[1], tuple(segs[2:]))
    if segs[0] in _PARTS and len(segs) > 1:
        if len(segs) == 2:
            return Anchor(segs[0], segs[1])
        inner = parse("-".join(segs[2:]))
        ok = inner is not None and inner.part is None and inner.kind not in (*_PARTS, "heading", "fn", "fnref")
        return replace(inner, part="-".join(segs[:2])) if ok and inner is not None else None
    if segs == [OPENING]:
        return Anchor(OPENING)
    if segs[0] != "annex":
        return _numbered(segs, None, None)
    i = 1
    while i < len(segs) and not _starts_kind(segs, i):
        i += 1
    if segs[-1] == OPENING and i == len(segs):
        return Anchor(OPENING, annex="-".join(segs[1:-1]))
    numeral = "-".join(segs[1:i])
    if i == len(segs):
        return Anchor("annex", annex=numeral)
    article = None
    if segs[i] == "art" and _starts_kind(segs, i + 2):
        article, i = segs[i + 1], i + 2
    return _numbered(segs[i:], numeral, article)


def _starts_kind(segs: list[str], i: int) -> bool:
    """Whether ``segs[i:]`` opens with a kind and its number ("p", "5")."""
    return i + 1 < len(segs) and segs[i] in _NAMES


def _numbered(segs: list[str], annex: str | None, article: str | None) -> Anchor | None:
    if not _starts_kind(segs, 0):
        return None
    return Anchor(segs[0], segs[1], tuple(segs[2:]), annex, article)


@lru_cache(maxsize=CACHED)
def label(anchor: str) -> str:
    """The reader's name for an id: ``label("op-7-a")`` is "paragraph 7 (a)"; an unknown id is itself.
    A table piece's key is named as its paragraph."""
    anchor = key_place(anchor)
    parsed = parse(anchor)
    return parsed.label() if parsed else anchor


# -- making ids ------------------------------------------------------------------------------------


def part(kind: str, printed: str) -> Anchor:
    """Resolution B of several in one text (``kind`` "res", ``printed`` "B"), or section II ("sec", "II")."""
    return Anchor(kind, printed.lower())


def opening(where: str | None = None) -> str:
    """The id of an opening formula inside ``where`` (a part's or an annex's id), or of the text."""
    parsed = parse(where) if where else None
    if parsed is None:
        return OPENING
    if parsed.kind == "annex":
        return Anchor(OPENING, annex=parsed.annex, part=parsed.part).id
    return Anchor(OPENING, part=parsed.id).id


def annex(numeral: str | None) -> Anchor:
    """The annex printed "Annex II" (``numeral`` "II"), or "Annex" alone (None)."""
    return Anchor("annex", annex=numeral.lower() if numeral else "")


def child(anchor: str, label: str) -> str:
    """The id of sub-paragraph ``label`` of the paragraph with id ``anchor``: ``op-7`` → ``op-7-a``."""
    parsed = parse(anchor)
    return parsed.child(label).id if parsed else f"{anchor}-{label}"


def duplicate(anchor: str, n: int) -> str:
    """The id of the ``n``-th thing printed with the same number (n ≥ 2): ``op-7`` → ``op-7-2``."""
    return f"{anchor}-{n}"


def printed_number(number: str) -> str:
    """A footnote number as printed, without its duplicate counter: "1-2" → "1"."""
    return number.split("-")[0]


def footnote(number: str) -> str:
    """The id of footnote ``number`` (the text of the note)."""
    return f"fn-{number}"


def note_ref(number: str, k: int) -> str:
    """The id of the ``k``-th marker of footnote ``number`` in the running text."""
    return f"fnref-{number}-{k}"


def heading_key(line: int) -> str:
    """The key of a heading's text among a document's texts: headings are found by line, not id."""
    return f"h{line}"


_IN_TABLE = "@t"  # a table's text is keyed by its paragraph's id, this, and its place in the table


def table_key(anchor: str, table: int, piece: int) -> str:
    """The key of piece ``piece`` (caption, lines or a cell, in reading order) of table ``table`` (from 1)
    of the paragraph with id ``anchor``: a table has no id of its own, its paragraph has."""
    return f"{anchor}{_IN_TABLE}{table}.{piece}"


def key_place(key: str) -> str:
    """The id of the paragraph a key of ``Document.texts()`` is in: a table piece's key names its paragraph."""
    return key.split(_IN_TABLE, 1)[0]


def link_target(key: str) -> str | None:
    """The id to link to for a key of ``Document.texts()``; None for a heading's line key."""
    key = key_place(key)
    parsed = parse(key)
    return None if parsed is not None and parsed.kind == "heading" else key
