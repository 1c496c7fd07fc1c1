"""UN document symbols: the grammar, canonical form, URLs and page paths.

Pure functions, no I/O. A *symbol* is the identifier the UN prints on every
document ("A/C.3/80/L.3/Rev.1", "S/RES/1373(2001)", "E/CN.15/2011/21").

Decisions (kept stable because page URLs and links depend on them):

* Canonical form has no spaces except before a parenthesised part
  (``A/78/6 (Sect. 2)``, ``A/79/5 (Vol. I)``, ``NPT/CONF.1995/32 (Part I)``):
  ``S/RES/1373(2001)``, ``A/RES/3363(XXX)``, ``E/RES/2008(LX)``.
* Lettered General Assembly resolutions carry the letter glued to the number,
  in the printed order: "31/16 A" -> ``A/RES/31/16A``, "217 A (III)" ->
  ``A/RES/217A(III)``, "364 B (IV)" -> ``A/RES/364B(IV)``.
* :func:`page_path` keeps parentheses (they are legal in URL paths, RFC 3986
  sub-delims, and keep the path readable and identical to the symbol):
  ``S/RES/1373(2001)`` -> ``S/RES/1373(2001)/``. Any other character outside
  ``[A-Za-z0-9._~()-]`` in a path segment becomes ``-``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .conventions import MONTHS as MONTHS  # re-exported: citations read month numbers from here

# Series prefixes whose documents are issued in the UN Official Document System
# (so undocs.org resolves them). Bodies outside the UN document system (WTO "WT/",
# WHO "WHA", IAEA "GC(..)", CBD "CBD/") are deliberately absent.
SERIES = (
    "A", "S", "E", "ST", "SG", "CCPR", "CERD", "CEDAW", "CRC", "CAT", "CMW", "CRPD",
    "CED", "HRI", "TD", "UNEP", "DP", "ICEF", "FCCC", "ICCD", "CTOC", "CAC", "NPT",
    "CD", "CCW", "BWC", "CCM", "APLC", "UNW", "ISBA", "SPLOS", "ESCAP", "ECE", "TRADE",
    "UNITAR", "IDB", "PBC", "ITLOS", "LOS",
)

# Components printed with a slash where a dot belongs ("L/12"): only the common ones,
# since "CONF/2024" is legitimate in some series.
_SLASH_FOR_DOT = ("L", "PV", "SR", "Add", "Rev", "Corr", "Amend")
_CASE_FIX = {"REV": "Rev", "ADD": "Add", "CORR": "Corr", "AMEND": "Amend", "rev": "Rev",
             "add": "Add", "corr": "Corr", "amend": "Amend"}

# One "/"-separated component of a symbol (after the series prefix).
COMPONENT = (
    r"(?:(?:E?S-)?\d+[A-Z]?(?:\((?:\d{4}|[IVXLC]+|S-[IVXLC]+)\))?"  # 80, 16A, S-26, 1373(2001)
    r"|[A-Za-z]+(?:\.[A-Za-z0-9]+)*(?:\(\d+\))?)"  # RES, C.3, L.3, CONF.234, COP(15), P.V
)
# Parenthesised parts of some symbols: "A/78/6 (Sect. 29A)", "A/79/5 (Vol. I)",
# "NPT/CONF.1995/32 (Part I)", "A/80/6 (Plan outline)".
_PAREN_PART = r"\((?:Part\s[IVX]+|Vol\.\s[IVX]+|Sect\.\s\d+[A-Z]?|Plan\soutline)\)"
_SERIES_ALT = "|".join(sorted(SERIES, key=len, reverse=True))
# A symbol as found in running text. The lookbehind keeps "X-A/..." glued words out;
# a single white-space character (line break) is tolerated after a slash.
SYMBOL_PATTERN = (
    rf"(?<![\w/.\-])(?:{_SERIES_ALT})(?:/\s?{COMPONENT})+"
    r"(?:\s" + _PAREN_PART + r"(?:/[A-Za-z]+\.\d+)?)?"
    r"(?![a-z])"  # "A/RES/60/1The" (a space lost in extraction) cites A/RES/60/1, not A/RES/60/1T
)
SYMBOL_RE = re.compile(SYMBOL_PATTERN)
_FULL_RE = re.compile(
    r"[A-Z]{1,6}(?:/" + COMPONENT + r")+(?: " + _PAREN_PART + r"(?:/[A-Za-z]+\.\d+)?)?"
)


_PART_RE = re.compile(r"\s*\(\s*(Part|Vol\.?|Sect\.?|Plan)\s*([IVX]+|\d+[A-Z]?|outline)\s*\)")
_SLASH_WS = re.compile(r"\s*/\s*")
_DOT_WS = re.compile(r"\s*\.\s*(?=[A-Za-z0-9])")
_PAREN_WS = re.compile(r"\s+\((?=\d{4}\)|[IVXLC]+\)|S-[IVXLC]+\))")
_WS = re.compile(r"\s+")
_REV_SPLIT = re.compile(r"\.(?=(?:Rev|Add|Corr|Amend|REV|ADD|CORR|AMEND)\.)")
# Already canonical (the common case in running text): no repair needed.
_CLEAN = re.compile(r"[A-Z]{1,6}(?:/(?!(?:L|PV|SR|Add|Rev|Corr|Amend)/\d)(?:(?:E?S-)?\d+[A-Z]?(?:\((?:\d{4}|[IVXLC]+|S-[IVXLC]+)\))?"
                    r"|(?!(?:REV|ADD|CORR|AMEND)\.)[A-Za-z]+(?:\.(?!(?:Rev|Add|Corr|Amend)\.)[A-Za-z0-9]+)*(?:\(\d+\))?))+")


def normalize_symbol(raw: str) -> str | None:
    """Canonical symbol for a printed or mangled one, or None if it is not a symbol.

    Repairs ``A/C.3/77/L/12/Rev.1`` (slash for dot), ``A/C.3/73/L.8.Rev.1`` (dot
    for slash), white space and line breaks inside, trailing punctuation, a space
    before "(2001)"/"(XXX)" and upper-cased revision words.
    """
    if not raw:
        return None
    if _CLEAN.fullmatch(raw) and any(c.isdigit() for c in raw):
        return raw
    s = raw.strip()
    while s and s[0] in "(\"'‘“[":
        s = s[1:].lstrip()
    # Trailing punctuation, and ")" only when unbalanced.
    while s and s[-1] in ".,;:!?\"'’”]*" or (s.endswith(")") and s.count("(") < s.count(")")):
        s = s[:-1].rstrip()
    # "(Part I)", "(Vol. I)", "(Sect. 2)" keep their one documented space; set them aside.
    part = _PART_RE.search(s)
    suffix = ""
    rest = ""
    if part:
        word = {"Vol": "Vol.", "Sec": "Sect.", "Par": "Part", "Pla": "Plan"}[part.group(1)[:3]]
        suffix = f" ({word} {part.group(2)})"
        rest = s[part.end():]
        s = s[: part.start()]
    s = _SLASH_WS.sub("/", s)
    s = _DOT_WS.sub(".", s)
    s = _PAREN_WS.sub("(", s)
    s = _WS.sub("", s)
    if part:
        s = s + suffix + _WS.sub("", rest)
    parts = s.split("/")
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        # "L/12" -> "L.12" (a dotted prefix followed by a bare number component)
        if p in _SLASH_FOR_DOT and i + 1 < len(parts) and parts[i + 1].isdigit() and i > 0:
            out.append(f"{p}.{parts[i + 1]}")
            i += 2
            continue
        # "L.8.Rev.1" -> "L.8", "Rev.1"
        for piece in _REV_SPLIT.split(p):
            head, dot, tail = piece.partition(".")
            piece = _CASE_FIX.get(head, head) + dot + tail
            out.append(piece)
        i += 1
    s = "/".join(out)
    if not _FULL_RE.fullmatch(s) or not any(c.isdigit() for c in s):
        return None
    return s


UNDOCS_URL = "https://undocs.org/{symbol}"  # the official copy of a symbol; the one default for every caller


def undocs_url(symbol: str, template: str = UNDOCS_URL) -> str:
    """The undocs.org (or ``template``) URL for a symbol, percent-encoded.

    Only ``[A-Za-z0-9/._-]`` pass through, so the result can never close an HTML
    attribute, start a ``javascript:`` URL or inject further template fields.
    """
    encoded = quote(symbol, safe="/.-_")
    return template.replace("{symbol}", encoded)


def page_path(symbol: str) -> str:
    """Site path of the page for ``symbol``: ``A/RES/80/229`` -> ``A/RES/80/229/`` (see :mod:`.urls`)."""
    from .urls import clean_path

    return clean_path(symbol)


_FILE_EXT = re.compile(r"\.(?:txt|md|pdf|json|html?)$", re.I)


def symbol_from_filename(name: str) -> str | None:
    """Symbol encoded in a corpus file name (``/`` written as ``-``), or None.

    ``A-C.3-80-L.3.txt`` -> ``A/C.3/80/L.3``; ``A-RES-ES-10-21.txt`` ->
    ``A/RES/ES-10/21``; ``index.md`` or ``000_780746b198b85f4a.txt`` -> None.
    """
    stem = _FILE_EXT.sub("", name.rsplit("/", 1)[-1])
    parts = stem.split("-")
    if not parts or parts[0] not in SERIES:
        return None
    merged: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p in ("S", "ES") and i > 0 and i + 1 < len(parts) and parts[i + 1].isdigit():
            merged.append(f"{p}-{parts[i + 1]}")
            i += 2
            continue
        merged.append(p)
        i += 1
    if any(not m for m in merged):
        return None
    return normalize_symbol("/".join(merged))


# --- sessions and dates -----------------------------------------------------------

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int | None:
    """Value of a Roman numeral ("XXX" -> 30), None if malformed."""
    text = text.upper()
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def session_of_year(year: int, month: int) -> int:
    """The regular General Assembly session sitting in ``month``/``year``.

    Session N opens in September of 1945+N (session 1 sat in 1946). September
    itself is ambiguous (the old session closes days before the new one opens):
    it is attributed to the new session; :func:`date_fits_session` accepts both.
    """
    if year <= 1946:
        return 1
    return year - 1945 if month >= 9 else year - 1946


def date_fits_session(session: int, year: int, month: int) -> bool:
    """Whether a GA resolution of regular session ``session`` can bear this date."""
    if session == 1:
        return year == 1946 or (year == 1947 and month <= 9)
    start = 1945 + session
    if year == start:
        return month >= 9
    if year == start + 1:
        return month <= 9
    return False


