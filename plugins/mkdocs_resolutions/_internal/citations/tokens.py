"""The compiled patterns of the citation finder (compiled once, at import)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..conventions import MONTH_ALT
from ..symbols import SYMBOL_PATTERN

SYMBOL = re.compile(SYMBOL_PATTERN)

# "resolution(s)"/"decision(s)"; a preceding "draft" is checked by the finder.
KEYWORD = re.compile(r"\b(?P<kw>[Rr]esolution|[Dd]ecision)(?P<pl>s)?\b")

# Letters of lettered resolutions ("45/58 P", "53/77 AA"); Cyrillic look-alikes occur in
# extracted text ("75/257 В") and are read as the Latin letter they show.
_LETTER = "(?:" + "|".join(c * 2 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "|[A-ZАВСЕНКМОРТХ])"
CYRILLIC = str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX")

# The number forms a cited resolution or decision can take.
ITEM = re.compile(
    r"(?P<sc>\d{1,4})\s?\((?P<scy>(?:19[4-9]|20\d)\d)\)"  # 1373 (2001)
    r"|(?P<rn>\d{1,4})(?:\s(?P<rl>" + _LETTER + r"))?\s?\((?P<rs>S-)?(?P<rr>[IVXL]+)\)"  # 3363 (XXX), 217 A (III)
    r"|(?P<spk>E?S)-(?P<spn>\d{1,2})/(?P<spm>\d{1,3})(?![\w/])"  # S-26/2, ES-10/21
    r"|(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:\s(?P<l>" + _LETTER + r")(?![\w/’'\-]|\.\w))?(?![\w/]|\.\d)"  # 65/232, 31/16 A
    r"|(?P<junk>\d+/[A-Z]+\.\d+|\d+\.\d+(?!\.\d)|[IVX]+(?![\w/])|\d+(?![\w/.]))"  # 1/CP.21, 72.7, V, 1
)
_SEP = r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+)"
SEP = re.compile(_SEP)
# Security Council lists sometimes drop a comma: "2204 (2015) 2216 (2015)".
_SC_AHEAD = r"\d{1,4}\s?\((?:19[4-9]|20\d)\d\)"
# A list separator followed by a proper number form (not a bare number).
SEP_PROPER = re.compile(
    r"(?:\s(?=" + _SC_AHEAD + r")|" + _SEP + r")(?=(?:\d{1,4}\s?\((?:\d{4}|S-[IVXL]+|[IVXL]+)\)|\d{1,4}\s" + _LETTER
    + r"\s?\([IVXL]+\)|E?S-\d{1,2}/\d|\d{1,4}/\d{1,4}(?![\w/]|\.\d)|\d{1,4}/\d{1,4}\s" + _LETTER + r"\b))"
)
DATE = re.compile(rf"\s+of\s+(?P<d>\d{{1,2}})\s+(?P<m>{MONTH_ALT})\s+(?P<y>\d{{4}})(?P<glued>\d{{0,3}})\b")
_SUBS = r"(?:\s?\((?:[a-z]{1,2}|[ivx]{1,5})\))*"
# "paragraphs 14 to 17", "paras. 3-5": the last paragraph of a pinpointed range.
_TO = r"(?:(?:\s+to\s+|\s*[-–]\s*)(?P<to>\d+)(?P<tosub>" + _SUBS + r"))?"
PIN_AFTER = re.compile(
    r"\s*,\s*(?:(?:(?:operative\s+)?(?:paragraphs?|paras?\.)\s+(?P<n>\d+)(?P<sub>" + _SUBS + r")" + _TO + ")"
    r"|annex(?:\s+(?P<ar>[IVX]+)\b)?(?![\w-]))"
)
# Text between a list item and the next one that may carry on the list: a title.
GAP_START = re.compile(
    r"\s+(?:on|entitled|concerning|regarding|relating\s+to|in\s+which|by\s+which)\b"
    r"|\s*,\s*(?:entitled|in\s+which|by\s+which)\b"
)
_GAP_STOP_WORDS = (";", "esolution", "ecision", "aragraph", "para.", "paras.", "Council", "Assembly",
                   "Commission", "Conference", "Committee", "Board")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


def gap_stops(gap: str) -> bool:
    """Whether text between two list items ends the list (new organ, keyword, sentence)."""
    return any(w in gap for w in _GAP_STOP_WORDS) or _SENTENCE_END.search(gap) is not None
GAP_LIMIT = 400
# "its resolutions related to culture ..., in particular 41/187 of ...": the list comes late.
LATE_LIST = re.compile(r",\s*(?:in\s+particular|including|notably|especially|namely)\s+(?=\d)")
LATE_LIMIT = 250
# An organ printed after the list: "resolution 11/2 of 21 October 2022 of the Conference of the Parties".
_NAMEW = r"(?:[A-Z][\w’'-]*|and|of|on|the|for|against|to|in)"
POST_ORGAN = re.compile(r"\s*,?\s+(?:adopted\s+)?(?:of|by)\s+the\s+(?P<name>[A-Z][\w’'-]*(?:\s+" + _NAMEW + r")*)")
# A body named later in the same clause, after the cited item's title:
# "resolution 12/4 of 18 October 2024 on enhancing ... of the Conference of the Parties to ...".
BODY_AHEAD = re.compile(r"\b(?:of|by)\s+the\s+(?P<name>[A-Z][\w’'-]*(?:\s+" + _NAMEW + r")*)")
# "the adoption of resolution 2000/22 of 18 August 2000, on ..., by the Subcommission on ...".
ADOPTED_BY_AHEAD = re.compile(r",?\s+by\s+the\s+(?P<name>[A-Z][\w’'-]*(?:\s+" + _NAMEW + r")*)")
AHEAD_LIMIT = 300
# A body named before "of resolution": "the adoption, by the Economic and Social Commission for Asia
# and the Pacific at its seventy-second session, of resolution 72/7" (end-anchored).
BODY_BEFORE = re.compile(
    r"\b(?:by|of)\s+the\s+(?P<name>[A-Z][\w’'-]*(?:\s+" + _NAMEW + r")*?)"
    r"(?:\s+at\s+its\s+[\w-]+\s+(?:special\s+)?session)?\s*,?\s+of\s+(?:its\s+|the\s+)?$"
)

_PARA_NUM = r"(?P<n>\d+)(?P<sub>" + _SUBS + r")"
PARA_LIST = (
    r"(?:operative\s+)?(?:[Pp]aragraphs?|[Pp]aras?\.)\s+" + _PARA_NUM
    + r"(?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+|\s*[-–]\s*)\d+" + _SUBS + r")*)"
)
ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
        "twenty-first twenty-second twenty-third twenty-fourth twenty-fifth".split(),
        start=1,
    )
}
_ANNEX_TO = r"(?P<annex>(?:the\s+)?annex(?:\s+(?P<ar>[IVX]+))?\s+(?:to|of)\s+)"
# End-anchored: a pinpoint standing before "[organ] resolution N".
# "subparagraphs (a), (b) and (f) of paragraph 12 of resolution ...": the first sub-paragraph.
_SUBP_OF = (r"(?:(?P<subp>[Ss]ub-?paragraphs?\s+\((?P<psub>[a-z]{1,2}|[ivx]{1,5})\)"
            r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\([a-z]{1,5}\))*)\s+of\s+)?")
PIN_BEFORE = re.compile(
    r"(?:(?P<pre>(?:the\s+)?(?P<ord>[a-z]+(?:-[a-z]+)?)\s+preambular\s+paragraph)|(?P<op>" + _SUBP_OF + PARA_LIST + r"))"
    r"\s+(?:of|in)\s+" + _ANNEX_TO + r"?(?:the\s+)?$"
)
ANNEX_BEFORE = re.compile(r"(?:\b|^)" + _ANNEX_TO + r"(?:the\s+)?$")
# Internal pinpoints are found from their tail word, then read backwards (fast).
INTERNAL_TAIL = re.compile(r"\b(?:above|below)\b|\bthe\s+present\s+(?:resolution|decision)\b")
INTERNAL = re.compile(r"(?:^|\b)" + PARA_LIST + r"\s+$")
# A reference to the citing document's own paragraph with no tail word
# ("pursuant to paragraph 20", "subparagraph (b) of paragraph 5"); "para." abbreviations
# belong to footnotes citing other documents and are left out.
OWN_HINT = re.compile(r"aragraphs?\s+\d")
OWN = re.compile(
    r"(?:(?P<subp>[Ss]ubparagraph\s+(?P<sl>\((?:[a-z]{1,2}|[ivx]{1,5})\))\s+of\s+))?"
    r"(?:operative\s+)?[Pp]aragraphs?\s+" + _PARA_NUM
    + r"(?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+|\s*[-–]\s*)\d+" + _SUBS + r")*)(?![\w/.]\d)"
)
# What may not follow an own reference: it then belongs to another text ("paragraph 2 of article 14").
OWN_AFTER_OTHER = re.compile(r"\s+(?:of|in)\s|\s*,\s*of\s")
OWN_BEFORE_OTHER = re.compile(r"(?:[Aa]rticles?|[Rr]ules?|[Ss]ections?|[Cc]hapters?|[Pp]rinciples?)\s+[\dIVXivx]+\w*\s*,?\s*$")
# Named texts other than the present one: a clause naming one makes "paragraph N" ambiguous.
OWN_NAMED_OTHER = re.compile(
    r"\b(?:Convention|Charter|Covenant|Declaration|Protocol|Statute|Agreement|Treaty|Programme|Platform|Agenda"
    r"|Plan|Strategy|Framework|Guidelines|Rules|Principles|Pact|Compact|Consensus|Regulations|Outcome|Report"
    r"|[Aa]rticles?|[Rr]eport\s+of|[Aa]nnex(?:es)?|[Dd]ocument)\b"
)
_OWN_CLAUSE_END = r";|\.\s|:\s|\n\s*\n"
OWN_CLAUSE_END = re.compile(_OWN_CLAUSE_END)
PRESENT = re.compile(
    r"(?:^|\b)(?:(?P<op>" + PARA_LIST + r")\s+of\s+)?"
    + _ANNEX_TO.replace("annex(", "(?P<aw>annex)(") + r"?(?:the\s+)?$"
)
MORE_NUM = re.compile(r"\d+(?:" + _SUBS + r")")
MORE_SEP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+|\s*[-–]\s*)")
RANGE = re.compile(r"-(?P<to>\d{1,4})(?![\w/])")
AND_NUM = re.compile(r"\s+and\s+(?P<n>\d{1,4})(?![\w/.])")
SYMBOL_PIN = re.compile(
    r"\s*,\s*(?:(?:paragraphs?|paras?\.)\s+(?P<n>\d+)(?P<sub>" + _SUBS + r")" + _TO +
    r"|annex(?:\s+(?P<ar>[IVX]+)\b)?(?![\w-]))"
)
# "See", "See also", "Cf." before a footnote's reference.
SEE = r"(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?"
IBID = re.compile(rf"^\s*(?:{SEE})?(?P<ibid>[Ii]bid\.?)")
BARE = re.compile(r"(?<![\w/.()\-])(?:\d{4}/\d{1,3}|\d{1,2}/\d{1,3})(?![\w/])")
# A "resolution" inside a report's chapter ("(A/69/53), chap. IV, sect. A, resolution 27/12").
IN_REPORT = re.compile(r"\b(?:chap|sect|part)\.\s*[\w.]+,\s*(?:sect\.\s*[\w.]+,\s*)?$")
HRC_REPORT = re.compile(r"\bA/\d{2}/53(?:/Add\.\d+)?\b")
ITS_BY = re.compile(r",?\s*\b(?:in|by|through|including\s+through|as\s+contained\s+in)\s+$")
AFTER_SYMBOL = re.compile(r",\s*$")


# --- fast scanning: a literal pre-filter finds candidates, the full pattern confirms ---
# (Python's ``re`` scans a literal far faster than a pattern opening with \b or a
# look-behind; on a 100 KB document this is the difference between 5 ms and 0.3 ms.
# The candidates themselves are found with ``str.find``, faster again than a pattern of
# alternatives or classes: each helper below gives the starts ``finditer`` of the
# pattern in its comment would give.)

_SYMBOL_AT = re.compile(SYMBOL_PATTERN.replace(r"(?<![\w/.\-])", "", 1))
_SYM_BEFORE_OK = re.compile(r"[\w/.\-]")
KW_HINT = re.compile(r"esolution|ecision")
_KEYWORDS = ("esolution", "ecision")
_KEYWORD_AT = re.compile(r"(?P<kw>[Rr]esolution|[Dd]ecision)(?P<pl>s)?\b")
_BARE_AT = re.compile(r"(?:\d{4}/\d{1,3}|\d{1,2}/\d{1,3})(?![\w/])")
_TAILS = ("above", "below", "present", "this")
_TAIL_AT = re.compile(r"(?:above|below)\b|(?:present|this)\s+(?:resolution|decision)\b")


def _literal_starts(text: str, words: tuple[str, ...]) -> list[int]:
    """Where ``"|".join(words)`` matches in ``text`` (non-overlapping, left to right), for words
    no two of which can match at one place (their first two letters differ)."""
    found = []
    for word in words:
        at = text.find(word)
        while at != -1:
            found.append((at, len(word)))
            at = text.find(word, at + 1)
    if len(words) > 1:
        found.sort()
    starts = []
    free = 0  # a match starting before the end of the last one overlaps it: the pattern skips it
    for at, size in found:
        if at >= free:
            starts.append(at)
            free = at + size
    return starts


def _capital_slashes(text: str) -> Iterator[int]:
    """Where ``[A-Z]/`` matches in ``text``."""
    at = text.find("/", 1)
    while at != -1:
        if "A" <= text[at - 1] <= "Z":
            yield at - 1
        at = text.find("/", at + 1)


def _digit_slashes(text: str) -> Iterator[int]:
    """Where ``\\d/\\d`` matches in ``text`` (``str.isdecimal`` is ``\\d``: Unicode category Nd)."""
    free = 0
    at = text.find("/", 1)
    while at != -1:
        if at - 1 >= free and text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
            yield at - 1
            free = at + 2
        at = text.find("/", at + 1)


def _word_start(text: str, i: int) -> int:
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return i


def iter_symbols(text: str) -> Iterator[re.Match[str]]:
    """Like ``SYMBOL.finditer(text)``."""
    last_end = -1
    for hint in _capital_slashes(text):
        start = _word_start(text, hint + 1)
        while start < hint + 1 and not text[start].isupper():
            start += 1
        if start < last_end:
            continue
        if start > 0 and _SYM_BEFORE_OK.match(text[start - 1]):
            # joint symbols "A/48/486-S/26560": a hyphen after a number may precede one
            if not (text[start - 1] == "-" and start > 1 and text[start - 2].isdigit()):
                continue
        m = _SYMBOL_AT.match(text, start)
        if m:
            last_end = m.end()
            yield m


def iter_keywords(text: str) -> Iterator[re.Match[str]]:
    """Like ``KEYWORD.finditer(text)``."""
    for hint in _literal_starts(text, _KEYWORDS):
        start = hint - 1
        if start < 0 or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue
        m = _KEYWORD_AT.match(text, start)
        if m:
            yield m


def iter_bare(text: str) -> Iterator[re.Match[str]]:
    """Like ``BARE.finditer(text)``."""
    last_end = -1
    for hint in _digit_slashes(text):
        i = hint
        while i > 0 and text[i - 1].isdigit() and hint - i < 4:
            i -= 1
        if i < last_end or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_/.()-")):
            continue
        m = _BARE_AT.match(text, i)
        if m:
            last_end = m.end()
            yield m


def iter_tails(text: str) -> Iterator[re.Match[str]]:
    """Like ``INTERNAL_TAIL.finditer(text)`` (the match starts at the tail word)."""
    for i in _literal_starts(text, _TAILS):
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
            continue
        m = _TAIL_AT.match(text, i)
        if m:
            yield m
