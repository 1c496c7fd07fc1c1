"""Paragraph alignment by content, not by number, and word-level changes inside matched paragraphs.

Numbers shift when a paragraph is inserted, so a paragraph is matched to the
one with the same words, or failing that the most similar words. The steps go
from cheap and certain to costly and uncertain, so a long text aligns fast:

1. identical words (each text taken in order, so repeated paragraphs pair up in order);
2. identical once dates, session numbers, ordinals and symbols are masked (a technical update);
3. similar words, comparing each remaining new paragraph with a few old ones only: those
   sharing its rarest word trigrams, and those in the gap between its matched neighbours.

A match is "moved" when it breaks the order of the longest run of matches kept in order.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain
from typing import Literal

from ..anchors import footnote
from ..model import Document, Paragraph

MIN_SIMILARITY = 0.5  # word-level similarity from which two paragraphs are one paragraph changed
MIN_IN_PLACE = 0.4  # the same, for an old paragraph standing where the new one stands (between the same matches)
CANDIDATES = 6  # old paragraphs compared with each new one, from shared trigrams
CONTAINED = 0.75  # weight of "one paragraph holds the other's words in order" (cut or extended)
CONTAINED_MIN = 8  # words a paragraph needs for that to count
GOOD = 0.8  # a similarity from which no other candidate is tried
GAP = 12  # unmatched old paragraphs compared from the gap between matched neighbours

Status = Literal["same", "technical", "changed"]
Part = Literal["body", "annex"]

_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"}
_ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth",
}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}
_DIGIT = re.compile(r"\d")
_PUNCT = ".,;:()[]\"'’“”"


@dataclass(frozen=True)
class Unit:
    """One paragraph or sub-paragraph as compared: its id, where it is, and its words."""

    anchor: str
    role: str  # "preambular", "operative", "sub", "text"
    part: Part
    text: str  # lead phrase and body, white space collapsed

    @property
    def words(self) -> list[str]:
        return self.text.split()


def _own_text(para: Paragraph) -> str:
    return " ".join(" ".join(x for x in (para.lead, para.body.text) if x).split())


def units(doc: Document) -> list[Unit]:
    """Every paragraph and sub-paragraph of ``doc`` in reading order, body then annexes."""
    out = [Unit(p.anchor, p.role, "body", _own_text(p)) for b in doc.blocks if isinstance(b, Paragraph) for p in b.walk()]
    for annex in doc.annexes:
        out += [Unit(p.anchor, p.role, "annex", _own_text(p)) for b in annex.blocks if isinstance(b, Paragraph) for p in b.walk()]
    return out


def note_units(doc: Document, ibid: Mapping[str, str]) -> list[Unit]:
    """Every footnote of ``doc``, compared apart from the paragraphs. An "Ibid." is read as what it
    stands for (``ibid``: number -> source): a note inserted before it changes what "Ibid." means,
    and a note that changed only because of that is not a change."""
    out = []
    for note in doc.footnotes:
        text = " ".join(note.body.text.split())
        if note.number in ibid:
            text = re.sub(r"\b[Ii]bid\.?", lambda _m: ibid[note.number], text, count=1)
        out.append(Unit(footnote(note.number), "note", "body", text))
    return out


def _technical(word: str) -> bool:
    """Whether a technical update may change this word: a number, a symbol, a date's month, an ordinal."""
    if _DIGIT.search(word):
        return True
    bare = word.strip(_PUNCT).lower()
    if bare in _MONTHS or bare in _ORDINALS:
        return True
    head, _, tail = bare.partition("-")
    return head in _TENS and tail in _ORDINALS


@lru_cache(maxsize=1 << 15)
def _masked_word(word: str) -> str:
    """One word as :func:`masked` compares it (remembered: the words of resolutions repeat)."""
    return "#" if _technical(word) else word.lower()


def masked(text: str) -> str:
    """``text`` with what a technical update changes masked: dates, numbers, symbols, ordinals."""
    return " ".join(map(_masked_word, text.split()))


@dataclass(frozen=True)
class Pair:
    """A new paragraph and its counterpart in the old text (either may be None: added, deleted)."""

    old: Unit | None
    new: Unit | None
    status: Status | None = None  # None for an added or deleted paragraph
    moved: bool = False
    similarity: float = 1.0

    @property
    def renumbered(self) -> bool:
        return self.old is not None and self.new is not None and self.old.anchor != self.new.anchor


@dataclass
class Alignment:
    """The paragraphs of two texts paired, in the new text's order (deleted ones where they stood)."""

    pairs: list[Pair] = field(default_factory=list)

    def count(self, what: str) -> int:
        """How many paragraphs were ``added``, ``deleted``, ``changed``, ``technical``, ``same`` or ``moved``."""
        if what == "added":
            return sum(p.old is None for p in self.pairs)
        if what == "deleted":
            return sum(p.new is None for p in self.pairs)
        if what == "moved":
            return sum(p.moved for p in self.pairs)
        return sum(p.status == what for p in self.pairs)

    @property
    def empty(self) -> bool:
        """Nothing changed: every paragraph kept, in place, with its words and number."""
        return all(p.status == "same" and not p.moved and not p.renumbered for p in self.pairs)

    @property
    def technical_update(self) -> bool:
        """Only dates, session numbers, ordinals and symbols changed, and something did."""
        kept = all(p.status in ("same", "technical") and not p.moved and not p.renumbered for p in self.pairs)
        return kept and any(p.status == "technical" for p in self.pairs)

    def numbering(self) -> dict[str, str | None]:
        """Old anchor → new anchor (None when the old paragraph was deleted)."""
        return {p.old.anchor: (p.new.anchor if p.new else None) for p in self.pairs if p.old is not None}


def _score(common: int, a: int, b: int) -> float:
    """Similarity from the words two paragraphs share: difflib's ratio, or, when a paragraph of
    ``CONTAINED_MIN`` words or more was cut or extended, how much of the shorter one the other holds."""
    if not a and not b:
        return 1.0
    ratio = 2 * common / (a + b)
    shorter = min(a, b)
    return max(ratio, CONTAINED * common / shorter) if shorter >= CONTAINED_MIN else ratio


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How alike two word lists are, 0 to 1: see :func:`_score` (no junk heuristic)."""
    return _against(b)(a)


def _against(b: Sequence[str]) -> Callable[[Sequence[str]], float]:
    """:func:`similarity` of any word list to ``b``: difflib indexes ``b`` once for every comparison."""
    matcher = SequenceMatcher(None, (), b, autojunk=False)

    def score(a: Sequence[str]) -> float:
        matcher.set_seq1(a)
        return _score(sum(m.size for m in matcher.get_matching_blocks()), len(a), len(b))

    return score


def _pair_in_order(keys_old: list[str], keys_new: list[str], free_old: set[int], free_new: set[int],
                   match: dict[int, int]) -> None:
    """Match equal keys, the k-th occurrence in the new text to the k-th still free in the old."""
    waiting: dict[str, list[int]] = {}
    for i in sorted(free_old):
        waiting.setdefault(keys_old[i], []).append(i)
    for j in sorted(free_new):
        queue = waiting.get(keys_new[j])
        if queue:
            i = queue.pop(0)
            match[j] = i
            free_old.discard(i)
            free_new.discard(j)


def _bound(a: Counter[str], b: Counter[str]) -> float:
    """An upper bound of :func:`similarity` from the words alone, whatever their order."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    common = sum(min(n, large[w]) for w, n in small.items() if w in large)
    return _score(common, a.total(), b.total())


def _trigrams(low: list[str]) -> set[tuple[str, ...]]:
    """The word trigrams of masked (so lower-case) words."""
    if len(low) < 3:
        return {tuple(low)} if low else set()
    return {tuple(low[k:k + 3]) for k in range(len(low) - 2)}


def _gap(j: int, match: dict[int, int], n_new: int, free_old: set[int]) -> list[int]:
    """The free old paragraphs between the counterparts of new paragraph ``j``'s matched neighbours."""
    lo = next((match[k] for k in range(j - 1, -1, -1) if k in match), -1)
    hi = next((match[k] for k in range(j + 1, n_new) if k in match), None)
    if hi is None or hi < lo:
        hi = lo + GAP + 1
    return [i for i in range(lo + 1, min(hi, lo + 1 + GAP)) if i in free_old]


def _similar(old: list[Unit], new: list[Unit], masked_old: list[str], masked_new: list[str],
             free_old: set[int], free_new: set[int], match: dict[int, int]) -> dict[int, float]:
    """Pair the remaining paragraphs by similar words, best pairs first; returns the similarity of each."""
    # Masked words: a changed date or session number is no dissimilarity. Only paragraphs still free.
    old_words = {i: masked_old[i].split() for i in free_old}
    new_words = {j: masked_new[j].split() for j in free_new}
    old_bags = {i: Counter(old_words[i]) for i in free_old}
    new_bags = {j: Counter(new_words[j]) for j in free_new}
    index: dict[tuple[str, ...], list[int]] = {}
    for i in sorted(free_old):
        for gram in _trigrams(old_words[i]):
            index.setdefault(gram, []).append(i)
    scored: list[tuple[float, int, int]] = []
    for j in sorted(free_new):
        shared = Counter(chain.from_iterable(index.get(gram, ()) for gram in _trigrams(new_words[j])))
        best = heapq.nsmallest(CANDIDATES, shared, key=lambda i: (-shared[i], abs(i - j), i))
        in_place = set(_gap(j, match, len(new), free_old))
        bags = [(_bound(old_bags[i], new_bags[j]), i) for i in dict.fromkeys([*best, *sorted(in_place)])
                if old[i].part == new[j].part]
        # A candidate whose bound is under its threshold can neither be kept nor end the search.
        ranked = [i for bound, i in sorted(bags, key=lambda t: (-t[0], t[1]))
                  if bound >= (MIN_IN_PLACE if i in in_place else MIN_SIMILARITY)]
        if not ranked:
            continue
        against = _against(new_words[j])
        for i in ranked:
            score = against(old_words[i])
            if score >= (MIN_IN_PLACE if i in in_place else MIN_SIMILARITY):
                scored.append((score, j, i))
            if score >= GOOD:
                break  # the others share fewer words: not worth a comparison each
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    scores: dict[int, float] = {}
    for score, j, i in scored:
        if j in free_new and i in free_old:
            match[j] = i
            scores[j] = score
            free_new.discard(j)
            free_old.discard(i)
    return scores


def _in_order(match: dict[int, int]) -> set[int]:
    """New indices of the longest run of matches whose old indices also increase (the rest moved)."""
    js = sorted(match)
    tails: list[int] = []  # index into js of the smallest tail of an increasing run of each length
    prev: dict[int, int] = {}
    for k, j in enumerate(js):
        i = match[j]
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if match[js[tails[mid]]] < i:
                lo = mid + 1
            else:
                hi = mid
        if lo:
            prev[k] = tails[lo - 1]
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    keep: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        keep.add(js[at])
        at = prev.get(at)
    return keep


def align(old: list[Unit], new: list[Unit]) -> Alignment:
    """Pair the paragraphs of ``new`` with those of ``old`` by content (see the module's docstring)."""
    free_old, free_new = set(range(len(old))), set(range(len(new)))
    match: dict[int, int] = {}
    _pair_in_order([u.text for u in old], [u.text for u in new], free_old, free_new, match)
    exact = set(match)
    masked_old = [masked(u.text) if i in free_old else "" for i, u in enumerate(old)]
    masked_new = [masked(u.text) if j in free_new else "" for j, u in enumerate(new)]
    _pair_in_order(masked_old, masked_new, free_old, free_new, match)
    scores = _similar(old, new, masked_old, masked_new, free_old, free_new, match)
    kept = _in_order(match)
    by_old = {i: j for j, i in match.items()}
    pairs: list[Pair] = []
    emitted_old = 0

    def flush_deleted(upto: int) -> None:
        nonlocal emitted_old
        while emitted_old < upto:
            if emitted_old not in by_old:
                pairs.append(Pair(old[emitted_old], None))
            emitted_old += 1

    upcoming: list[int] = [len(old)] * (len(new) + 1)  # old index of the next in-order match at or after j
    for j in range(len(new) - 1, -1, -1):
        upcoming[j] = match[j] if j in kept else upcoming[j + 1]
    for j, unit in enumerate(new):
        i = match.get(j)
        if i is None:
            flush_deleted(upcoming[j])  # what went from this stretch reads before what came into it
            pairs.append(Pair(None, unit))
            continue
        if j in kept:
            flush_deleted(i + 1)
        status: Status = "same" if j in exact else "technical" if masked_old[i] == masked_new[j] else "changed"
        pairs.append(Pair(old[i], unit, status, j not in kept, scores.get(j, 1.0)))
    flush_deleted(len(old))
    return Alignment(pairs)


@dataclass(frozen=True)
class Piece:
    """A run of words of a changed paragraph: kept, inserted or deleted."""

    op: Literal["equal", "insert", "delete"]
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The words of ``new`` with those of ``old`` that it lost, as runs kept, inserted and deleted."""
    a, b = old.split(), new.split()
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("equal", " ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(Piece("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(Piece("insert", " ".join(b[j1:j2])))
    return pieces


def changed_words(pieces: Iterable[Piece]) -> int:
    return sum(len(p.text.split()) for p in pieces if p.op != "equal")
