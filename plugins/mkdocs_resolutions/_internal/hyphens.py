"""A hyphen at a line end: a break inside a word, or the hyphen of a compound? The document decides.

"policy-" ends a line and "making" opens the next: the hyphen goes when the
same document writes "policymaking" and never "policy-making"; otherwise it
stays ("Secretary-" / "General"). Only words inside lines are evidence: the
last word of a line that ends in a hyphen is itself the question.

The plain-text and PDF readers use this. The markdown reader asks the
reverse question, answered by :class:`DroppedHyphens`: a converter joined
"Secretary-" and "General" into "SecretaryGeneral"; where was a hyphen lost?
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

__all__ = ["WORD", "vocabulary", "Vocabulary", "is_break", "RUN_TOGETHER", "DroppedHyphens"]

WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*")  # "policy-making": a word, hyphens and all


def vocabulary(lines: Iterable[str]) -> Vocabulary:
    """How often the document writes each word (lower case), from inside its lines."""
    return Vocabulary(list(lines))


class Vocabulary(Mapping[str, int]):
    """Word counts, counted when asked, and only for the word asked: a text asks about its few
    words broken at a line end (nearly half of the texts about none), so counting every word
    of it (a pattern over the whole text) is most of the cost. ``str.find`` in the lower-cased
    text finds each candidate; it counts when it is a whole word there (what :data:`WORD`,
    scanning the text, would take)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._kept: tuple[str, str] | None = None  # the text counted, and in lower case
        self._asked: dict[str, int] = {}
        self._counts: Counter[str] | None = None

    def _text(self) -> tuple[str, str]:
        if self._kept is None:
            # a word broken at the line end is not evidence; other lines go in as they are
            kept = "\n".join(text if not text.rstrip().endswith("-") else " ".join(text.split()[:-1]) for text in self._lines)
            self._kept = (kept, kept.lower())
        return self._kept

    def _counted(self) -> Counter[str]:
        """Every word's count (one findall over the whole text)."""
        if self._counts is None:
            self._counts = Counter(map(str.lower, WORD.findall(self._text()[0])))
        return self._counts

    def _count(self, word: str) -> int:
        if word in self._asked:
            return self._asked[word]
        kept, lower = self._text()
        if not word or "\u0130" in kept:  # "İ" is the one letter whose lower case is longer: places would shift
            count = self._counted().get(word, 0)
        else:
            count = 0
            at = lower.find(word)
            while at != -1:
                end = at + len(word)
                if _whole_word(kept, at, end) and kept[at:end].lower() == word:
                    count += 1
                at = lower.find(word, at + 1)
        self._asked[word] = count
        return count

    def __getitem__(self, word: str) -> int:
        count = self._count(word)
        if count:
            return count
        raise KeyError(word)

    def __iter__(self) -> Iterator[str]:
        return iter(self._counted())

    def __len__(self) -> int:
        return len(self._counted())


def _letter(text: str, i: int) -> bool:
    """Whether ``text[i]`` is one of :data:`WORD`'s letters (False outside the text)."""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    return "a" <= c <= "z" or "A" <= c <= "Z" or "\u00c0" <= c <= "\u024f"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether :data:`WORD`, scanning ``text`` from its start, takes exactly ``text[start:end]``:
    a word, not inside a longer one (letters, or a hyphen between letters, on either side)."""
    return (
        WORD.fullmatch(text, start, end) is not None
        and not (_letter(text, start - 1) or (text[start - 1 : start] == "-" and _letter(text, start - 2)))
        and not (_letter(text, end) or (text[end : end + 1] == "-" and _letter(text, end + 1)))
    )


def is_break(vocab: Mapping[str, int], head: str, tail: str) -> bool:
    """Is the hyphen of ``head``- at a line end, before ``tail``, a break inside one word?

    >>> is_break({"policymaking": 2}, "policy", "making")
    True
    >>> is_break({"policymaking": 2, "policy-making": 1}, "policy", "making")
    False
    """
    return vocab.get((head + tail).lower(), 0) > 0 and vocab.get(f"{head}-{tail}".lower(), 0) == 0


# -- hyphens a converter dropped ---------------------------------------------------------------------

_ORDINAL_COMPOUND = re.compile(
    r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")
_PREFIXED = re.compile(r"^(non|cross|zero|post|pre|mid)(\d{4}|[a-z]{4,})$", re.IGNORECASE)
# Second halves of compound adjectives the UN hyphenates ("conflict-affected", "people-centred");
# a word made of a word of the document and one of these lost its hyphen at a line end.
_SUFFIXED = re.compile(
    r"^([A-Za-z]{3,}?)(related|based|led|sensitive|enabled|affected|specific|centred|centered|contributing"
    r"|sharing|building|making|pronged|oriented|owned)$",
    re.IGNORECASE,
)
_UNHYPHENATED_HEADS = {"building": ("peace",), "making": ("peace", "policy", "inter")}
RUN_TOGETHER = re.compile(r"(?<![\w\-/])[A-Za-z][A-Za-z0-9]{4,}(?![\w\-/])")
# A hyphenated compound ("Secretary-General", "state-of-the-art"): at most six parts, so a run
# "a-a-a-…" costs linear time, not a copy of the run per hyphen.
_COMPOUND = re.compile(r"(?<![\w\-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+){1,5}(?![\w\-])")


@dataclass
class DroppedHyphens:
    """What one document says about its hyphenated words, to restore the hyphens its converter dropped."""

    hyphenated: dict[str, str]  # "secretarygeneral" -> "Secretary-General", as written somewhere
    hyphen_counts: dict[str, int]  # how often each is written with a hyphen
    counts: dict[str, int]  # how often each word is written as one word
    vocabulary: set[str]
    lowercase_words: set[str]

    @classmethod
    def of(cls, text: str) -> DroppedHyphens:
        hyphenated: dict[str, str] = {}
        hyphen_counts: dict[str, int] = {}
        for m in _COMPOUND.finditer(text):
            word = m.group(0)
            for k, ch in enumerate(word):
                if ch == "-":
                    key = (word[:k] + word[k + 1 :]).lower()
                    hyphenated.setdefault(key, word[:k] + "-" + word[k + 1 :])
                    hyphen_counts[key] = hyphen_counts.get(key, 0) + 1
        counts: dict[str, int] = {}
        for m in RUN_TOGETHER.finditer(text):
            counts[m.group(0).lower()] = counts.get(m.group(0).lower(), 0) + 1
        vocabulary = set(counts) | {p.lower() for p in re.findall(r"[A-Za-z]{3,}", text)}
        return cls(hyphenated, hyphen_counts, counts, vocabulary, set(re.findall(r"\b[a-z]{3,}\b", text)))

    def fix(self, word: str) -> str | None:
        """``word`` with its hyphen restored, or None when there is no evidence for one."""
        key = word.lower()
        if key in self.hyphenated and self.counts.get(key, 0) < self.hyphen_counts.get(key, 0) and not word.isupper():
            cut = self.hyphenated[key].index("-")
            return word[:cut] + "-" + word[cut:]
        if m := _ORDINAL_COMPOUND.match(word) or _CAMEL.match(word):
            return f"{m.group(1)}-{m.group(2)}"
        if (m := _SUFFIXED.match(word)) and (fixed := self._suffixed(m)):
            return fixed
        if word.lower().startswith("zero") and word[4:].isalpha() and len(word) > 8:
            return f"{word[:4]}-{word[4:]}"
        if (m := _PREFIXED.match(word)) and (m.group(2).isdigit() or m.group(2).lower() in self.vocabulary):
            if m.group(2).isdigit() or m.group(1).lower() == "non":
                return f"{m.group(1)}-{m.group(2)}"
        return None

    def _suffixed(self, m: re.Match[str]) -> str | None:
        """"conflictaffected" -> "conflict-affected" when the head is a word of the document."""
        head, tail = m.group(1), m.group(2).lower()
        known = head.lower() in self.vocabulary or (tail not in ("led", "making", "building") and len(head) >= 4)
        if known and head.lower() not in _UNHYPHENATED_HEADS.get(tail, ("inter", "intra", "hyper", "over")):
            if m.group(2).lower() != "led" or head.lower() not in self.lowercase_words:
                return f"{head}-{m.group(2)}"
        return None
