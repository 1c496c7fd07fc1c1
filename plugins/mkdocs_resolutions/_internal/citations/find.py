"""Find citations in running text: tokenize (patterns) then resolve (organ + form -> symbol).

Three passes over one paragraph's plain text, each one scan (a literal pre-filter,
then the full pattern at the candidates, see :mod:`.tokens`):

1. document symbols printed as such ("A/66/303", "A/62/PV.117-120");
2. "resolution(s)"/"decision(s)" followed by a list of numbers: the organ comes
   from the words before the keyword ("Economic and Social Council", "its",
   "Council"), else from a previous keyword in the same sentence, else from the
   adopting organ of the citing document, else from the number's form;
3. pinpoints into the citing document itself ("paragraph 33 above",
   "paragraph 5 of the present resolution");
4. with ``own=True`` (a paragraph of the document's body), "paragraph N" with no
   tail word ("pursuant to paragraph 20") when no other text is named in its clause.

Another body's resolution or decision ("Commission on Narcotic Drugs resolution
65/2", "decision 1/CP.21") is linked when the body has a UN symbol series we
know (Human Rights Council, Environment Assembly), else marked with the body's
name (:attr:`Citation.body`). Spans never overlap. Anything that looks like a
citation but was not linked or marked is reported in ``debug``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .. import anchors
from ..model import Diagnostic
from ..symbols import MONTHS, date_fits_session, normalize_symbol, roman_to_int
from . import tokens as T
from .citation import Citation, FindResult
from .organs import COUNCIL, OTHER, SERIES_BODIES, UNEA, body_name, classify, name_run

_SUB_LABEL = re.compile(r"\(([a-z]+)\)")
_NUMBERED = re.compile(r"([A-Za-z]+\.)(\d+)")
_CLAUSE_END = re.compile(r";|\.\s|\n\s*\n")
_OTHER_BODY_NUM = re.compile(r"\d+/(?P<series>[A-Z]+)\.\d+")
_MARKABLE = re.compile(r"\d+/[A-Z]+\.\d+|\d+\.\d+")  # "1/CP.21", "72.7": forms only other bodies use
_SC_NO_YEAR = re.compile(r"\d{3,4}")  # a Council resolution printed without its year: not linked
_ADOPTION_OF = re.compile(r"adoption\s+of\s+(?:the\s+)?$")
_PRESENT_TEXT = re.compile(r"(?:annex(?:es)?\s+(?:[IVX]+\s+)?(?:to|of)\s+)?(?:the\s+present|this)\s+(?:resolution|decision)")
_RANGE_WORD = re.compile(r"\s+to\s|\s*[-–]")
_WS = re.compile(r"\s+")
_RES_LIKE = re.compile(r"/(?:RES|DEC|PRST)/|/L\.\d")
_CARRY_LIMIT = 300
_LOOKBACK = 160


@dataclass
class _Item:
    start: int
    end: int
    form: str  # "sc", "roman", "special", "session", "year", "junk"
    m: re.Match[str]
    date: tuple[int, int, int] | None = None  # (year, month, day)
    date_text: str = ""
    pinpoint: str | None = None
    through: str | None = None  # last anchor of a pinpointed range
    after_and: bool = False  # joined to the previous item by "and"
    tail: int = 0  # end of the number and its date


def _form(m: re.Match[str]) -> str:
    if m.group("sc"):
        return "sc"
    if m.group("rn"):
        return "roman"
    if m.group("spk"):
        return "special"
    if m.group("a"):
        a = int(m.group("a"))
        if 1946 <= a <= 2100:
            return "year"
        if 1 <= a <= 99:
            return "session"
    return "junk"


_COMPAT = {
    "A": {"roman", "special", "session"},
    UNEA: {"session"},
    "S": {"sc"},
    "E": {"year", "roman"},
    "A/HRC": {"session", "special"},
    "E/CN.4": {"year"},
}
_DEFAULT = {"sc": "S", "year": "E", "roman": "A", "special": "A", "session": "A"}


def _organ_for(code: str | None, form: str, doc_organ: str | None, explicit: bool) -> str | None:
    """The organ whose symbol series the item belongs to, or None (no link)."""
    if form == "junk" or code == OTHER:
        return None
    if code == COUNCIL:
        return {"sc": "S", "year": "E", "roman": "E", "session": "A/HRC", "special": "A/HRC"}[form]
    if code is not None:
        if form in _COMPAT.get(code, ()):
            return code
        return None if explicit else _DEFAULT[form]
    if doc_organ and form in _COMPAT.get(doc_organ, ()):
        return doc_organ
    return _DEFAULT[form]


def _symbol(organ: str, item: _Item, decision: bool) -> str | None:
    m = item.m
    f = item.form
    if f == "sc":
        return None if decision else f"S/RES/{int(m.group('sc'))}({m.group('scy')})"
    if f == "roman":
        if decision:
            return None
        letter = (m.group("rl") or "").translate(T.CYRILLIC)
        return f"{organ}/RES/{int(m.group('rn'))}{letter}({m.group('rs') or ''}{m.group('rr')})"
    if f == "special":
        if organ == "A/HRC" and m.group("spk") == "ES":
            return None
        kind = "DEC" if decision else "RES"
        return f"{organ}/{kind}/{m.group('spk')}-{int(m.group('spn'))}/{int(m.group('spm'))}"
    a, b = int(m.group("a")), int(m.group("b"))
    letter = (m.group("l") or "").translate(T.CYRILLIC)
    if organ == UNEA:  # "Environment Assembly resolution 5/2" is UNEP/EA.5/Res.2; its decisions are marked
        return None if decision or letter else f"UNEP/EA.{a}/Res.{b}"
    if decision:
        if organ == "A" and b < 300:  # GA decisions are numbered N/301 and up
            return None
        if letter:
            return None
        return f"{organ}/DEC/{a}/{b}"
    return f"{organ}/RES/{a}/{b}{letter}"


def _pin(n: str | None, sub: str | None, annex_roman: str | None = None, annex: bool = False) -> str:
    """The structurer's anchor for a cited place: "Annex II" is "annex-ii", its paragraph 5 "annex-ii-p-5"."""
    where = anchors.annex(annex_roman) if annex else None
    if not n:
        return where.id if where else ""
    kind = "p" if where else "op"
    return anchors.Anchor(kind, str(int(n)), tuple(_SUB_LABEL.findall(sub or "")), where.annex if where else None).id


def _num_sub(printed: str) -> tuple[str, str]:
    """ "13 (b)" -> ("13", " (b)"): a paragraph number and its sub-paragraph labels."""
    num = printed[: len(printed) - len(printed.lstrip("0123456789"))]
    return num, printed[len(num):]


def _range_end(more: str | None, annex_roman: str | None = None, annex: bool = False) -> str | None:
    """The last anchor of "paragraphs 14 to 17" from the text after the first number, else None."""
    if not more or not _RANGE_WORD.match(more):
        return None
    last = list(T.MORE_NUM.finditer(more))
    if len(last) != 1:  # "paragraphs 3 to 5 and 9": a range inside a list, left to the first number
        return None
    num, sub = _num_sub(last[0].group())
    return _pin(num, sub, annex_roman, annex)


@dataclass(frozen=True)
class _Qual:
    """Who adopted the cited items, as read around the keyword."""

    code: str | None
    explicit: bool
    start: int  # where the qualifier's words start
    name: str | None = None  # the printed name of another body (code OTHER)



def _trim_name(name: str) -> list[str]:
    words = name.split()
    while words and not words[-1][:1].isupper():
        words.pop()
    return words


def _named_body(name: str) -> tuple[str | None, str]:
    """Organ code and printed name of the body in a run of name words after "of the"/"by the".

    "United Nations Convention against Transnational Organized Crime of the Conference
    of the Parties to ..." names the Conference: the name starts at the first
    segment (split at "of the") that names a body.
    """
    segments = name.split(" of the ")
    for i in range(len(segments)):
        head = _trim_name(segments[i])
        if classify(head) is not None:
            words = _trim_name(" of the ".join(segments[i:]))
            return classify(words), body_name(words)
    return None, ""


class _Spans:
    """Non-overlapping consumed spans, kept sorted for O(log n) overlap tests."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a) - 1
        if i >= 0 and self.ends[i] > a:
            return False
        return not (i + 1 < len(self.starts) and self.starts[i + 1] < b)

    def add(self, a: int, b: int) -> None:
        if not self.free(a, b):
            return
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


class _Finder:
    def __init__(self, text: str, organ: str | None, path: str, line: int, own: bool = False) -> None:
        self.text = text
        self.organ = organ
        self.own_refs = own
        self.path = path
        self.line = line
        self.res = FindResult()
        self.taken = _Spans()  # spans consumed (linked or deliberately not)
        self.cites: list[Citation] = []
        self._post_organ: tuple[str, str] | None = None  # (organ code, body name) printed after a list
        self._cursor = (0, line)
        self._memo: dict[str, str] = {}  # printed number -> organ it was cited with

    # -- bookkeeping ---------------------------------------------------------------
    def _free(self, a: int, b: int) -> bool:
        return self.taken.free(a, b)

    def _add(self, c: Citation) -> None:
        if self._free(c.start, c.end):
            self.cites.append(c)
            self.taken.add(c.start, c.end)

    def _line(self, offset: int) -> int:
        """Source line of ``offset``; counts incrementally (offsets mostly ascend)."""
        last_off, last_line = self._cursor
        if offset < last_off:
            last_off, last_line = 0, self.line
        line = last_line + self.text.count("\n", last_off, offset)
        self._cursor = (offset, line)
        return line

    def _debug(self, offset: int, msg: str) -> None:
        self.res.debug.append(f"{self.path}:{self._line(offset)}: {msg}")

    def _warn(self, offset: int, msg: str, code: str = "") -> None:
        self.res.diagnostics.append(Diagnostic(self.path, self._line(offset), msg, code=code))

    # -- pass 1: printed symbols ---------------------------------------------------
    def symbols(self) -> None:
        text = self.text
        for m in T.iter_symbols(text):
            sym = normalize_symbol(m.group())
            if sym is None:
                continue
            start, end = m.start(), m.end()
            if text.startswith("/_", end):  # "A/80/___": a symbol not yet given
                continue
            syms = [sym]
            last = sym.rsplit("/", 1)[-1]
            numbered = _NUMBERED.fullmatch(last)
            extra: list[tuple[int, int, str]] = []
            if numbered:
                r = T.RANGE.match(text, end)
                if r and 0 < int(r.group("to")) - int(numbered.group(2)) <= 50:
                    base = sym[: -len(last)] + numbered.group(1)
                    syms = [f"{base}{k}" for k in range(int(numbered.group(2)), int(r.group("to")) + 1)]
                    end = r.end()
                elif numbered.group(1) in ("PV.", "SR."):
                    pos = end
                    while (more := T.AND_NUM.match(text, pos)) is not None:
                        base = sym[: -len(last)] + numbered.group(1)
                        extra.append((more.start("n"), more.end("n"), f"{base}{int(more.group('n'))}"))
                        pos = more.end()
            pin = None
            if _RES_LIKE.search(sym):
                p = T.SYMBOL_PIN.match(text, end)
                if p:
                    pin = _pin(p.group("n"), p.group("sub"), p.group("ar"), annex=p.group("n") is None)
            self._add(Citation(start, end, tuple(syms), pin))
            for x0, x1, member in extra:
                self._add(Citation(x0, x1, (member,)))

    # -- pass 2: "resolution(s) N ..." ---------------------------------------------
    def _qualifier(self, kw_start: int) -> _Qual:
        """The organ code, whether it is printed, and where its words start, for a keyword."""
        text = self.text
        w0 = max(0, kw_start - _LOOKBACK)
        window = text[w0:kw_start]
        stripped = window.rstrip()
        if stripped.endswith((" its", "\nits")) or stripped == "its":
            its_start = w0 + len(stripped) - 3
            before = text[max(0, its_start - _LOOKBACK):its_start]
            by = T.ITS_BY.search(before)
            if by:
                words, off = name_run(before[: by.start()])
                code = classify(words)
                if code is not None:
                    return _Qual(code, True, its_start, body_name(words))
            return _Qual("ITS", False, its_start)
        if stripped.endswith(","):
            head = stripped[:-1]
            last_sym = list(T.iter_symbols(head))
            if last_sym and last_sym[-1].end() == len(head):
                return _Qual(OTHER, True, kw_start)  # "CBD/COP/15/17, decision 15/4": numbered inside that text
        if ("chap." in window or "sect." in window or "part." in window) and T.IN_REPORT.search(window):
            if T.HRC_REPORT.search(text[max(0, kw_start - 400):kw_start]):
                return _Qual("A/HRC", True, kw_start)
            return _Qual(OTHER, True, kw_start)
        words, off = name_run(window)
        code = classify(words)
        if code is not None:
            return _Qual(code, True, w0 + off, body_name(words))
        if " of" in window[-9:] and (by_body := T.BODY_BEFORE.search(window)):
            code, name = _named_body(by_body.group("name"))
            if code is not None:
                return _Qual(code, True, kw_start, name)
        return _Qual(None, False, kw_start)

    def keywords(self) -> None:  # noqa: C901 - one pass; each branch is a printed form of a citation list
        text = self.text
        carry: tuple[str, int, str | None] | None = None  # (organ code, end offset, body name)
        for k in T.iter_keywords(text):
            kw_start = k.start()
            if not self._free(kw_start, k.end()):
                continue
            if text[max(0, kw_start - 8):kw_start].rstrip().lower().endswith("draft"):
                continue
            decision = k.group("kw").lower() == "decision"
            q = self._qualifier(kw_start)
            code, explicit, q_start, name = q.code, q.explicit, q.start, q.name
            named = explicit
            if code == "ITS":
                code = self.organ
                explicit = False
                named = True
            if code is None and carry is not None:
                between = text[carry[1]:kw_start]
                if kw_start - carry[1] < _CARRY_LIMIT and not _CLAUSE_END.search(between):
                    code, name = carry[0], carry[2]
                    named = True
            pos = k.end()
            ws = _WS.match(text, pos)
            if not ws:
                if code is not None:
                    carry = (code, k.end(), name)
                continue
            first = T.ITEM.match(text, ws.end())
            if not first and k.group("pl"):
                first = self._late_list(k.end())
            if not first:
                post = T.POST_ORGAN.match(text, k.end())  # "resolutions adopted by the Council"
                if post:
                    pcode, pname = _named_body(post.group("name"))
                    if pcode is not None:
                        code, explicit, name = pcode, True, pname
                if code is not None and explicit:
                    carry = (code, post.end() if post else k.end(), name)
                continue
            items = self._list(first)
            if not explicit and self._post_organ is not None:
                (code, name), explicit, named = self._post_organ, True, True
            if code is None and items[0].m.group() in self._memo:
                # "submitted pursuant to resolution 43/1": cited before with its organ
                code, explicit, named = self._memo[items[0].m.group()], True, True
            if code is not None:
                carry = (code, items[-1].end, name)
            self._pin_before(items[0], q_start)
            self._emit(items, _Qual(code, explicit, q_start, name), named, decision)

    def _late_list(self, pos: int) -> re.Match[str] | None:
        """The first number of a list printed after a description of the resolutions."""
        text = self.text
        late = T.LATE_LIST.search(text, pos, pos + T.LATE_LIMIT)
        if not late or T.gap_stops(text[pos:late.start()]):
            return None
        m = T.ITEM.match(text, late.end())
        return m if m and _form(m) != "junk" else None

    def _list(self, first: re.Match[str]) -> list[_Item]:  # noqa: C901 - 14: to split when next touched
        text = self.text
        items: list[_Item] = []
        m: re.Match[str] | None = first
        joined_by_and = False
        while m is not None:
            item = _Item(m.start(), m.end(), _form(m), m, after_and=joined_by_and)
            joined_by_and = False
            pos = m.end()
            d = T.DATE.match(text, pos)
            if d:
                item.date = (int(d.group("y")), MONTHS[d.group("m")], int(d.group("d")))
                item.date_text = f"{d.group('d')} {d.group('m')} {d.group('y')}"
                pos = d.end()
            item.tail = pos
            p = T.PIN_AFTER.match(text, pos)
            if p:
                item.pinpoint = _pin(p.group("n"), p.group("sub"), p.group("ar"), annex=p.group("n") is None)
                if p.group("to"):
                    item.through = _pin(p.group("to"), p.group("tosub"))
                pos = p.end()
            items.append(item)
            if item.form == "junk" and not _MARKABLE.fullmatch(m.group()) \
                    and not (_SC_NO_YEAR.fullmatch(m.group()) and T.SEP_PROPER.match(text, pos)):
                break  # a bare number ends the list, unless a proper one follows ("2712, 2720 (2023)")
            m = None
            s = T.SEP_PROPER.match(text, pos)
            if s:
                m = T.ITEM.match(text, s.end())
                joined_by_and = "," not in s.group() and "and" in s.group()
                continue
            if (s := T.SEP.match(text, pos)) and (j := T.ITEM.match(text, s.end())) \
                    and _SC_NO_YEAR.fullmatch(j.group()) and T.SEP_PROPER.match(text, j.end()):
                m = j  # "2720 (2023), 2728 and 2735 (2024)": the bare number is passed over
                continue
            if T.GAP_START.match(text, pos):
                s = T.SEP_PROPER.search(text, pos, pos + T.GAP_LIMIT)
                if s and not T.gap_stops(text[pos:s.start()]):
                    m = T.ITEM.match(text, s.end())
        # "64/178 and 64/179 of 18 December 2009": the date covers the items joined
        # to it by "and" (not those joined by a comma, which often carry no date
        # of their own: "68/186 of 18 December 2013, 69/196, 73/130 of ...").
        for i in range(len(items) - 1, 0, -1):
            if items[i].date and items[i].after_and and items[i - 1].date is None:
                items[i - 1].date, items[i - 1].date_text = items[i].date, items[i].date_text
        self._post_organ = None
        if items:
            post = T.POST_ORGAN.match(text, items[-1].tail)
            if post:
                pcode, pname = _named_body(post.group("name"))
                self._post_organ = (pcode, pname) if pcode is not None else None
        return items

    def _pin_before(self, item: _Item, q_start: int) -> None:
        """A pinpoint printed before the qualifier: "paragraph 7 of [its] resolution"."""
        text = self.text
        window = text[max(0, q_start - _LOOKBACK):q_start]
        if "ara" not in window and "annex" not in window:  # cheap pre-filter for the end-anchored patterns
            return
        p = T.PIN_BEFORE.search(window) if ("ara" in window) else None
        if p:
            annex = p.group("annex") is not None
            if p.group("pre"):
                n = T.ORDINALS.get(p.group("ord"))
                if n is None:
                    return
                item.pinpoint = anchors.Anchor("pp", str(n), annex="" if annex else None).id
            else:
                sub = (p.group("sub") or "") + (f"({p.group('psub')})" if p.group("psub") else "")
                item.pinpoint = _pin(p.group("n"), sub, p.group("ar"), annex=annex)
                item.through = _range_end(p.group("more"), p.group("ar"), annex) if not p.group("psub") else None
            item.start = q_start - len(window) + p.start()
            return
        a = T.ANNEX_BEFORE.search(window)
        if a and item.pinpoint is None:
            item.pinpoint = _pin(None, None, a.group("ar"), annex=True)

    def _emit(self, items: list[_Item], q: _Qual, named: bool, decision: bool) -> None:  # noqa: C901 - 13: to split when next touched
        code, explicit = q.code, q.explicit
        kind = "decision" if decision else "resolution"
        for it in items:
            printed = it.m.group()
            if it.form == "junk":
                series = _OTHER_BODY_NUM.fullmatch(printed)
                body = SERIES_BODIES.get(series.group("series")) if series else None
                if body is None and code == OTHER and q.name and (_MARKABLE.fullmatch(printed) or printed.isupper()):
                    body = q.name
                if body is not None:
                    self._mark(it, body)
                else:
                    if _SC_NO_YEAR.fullmatch(printed):
                        self._debug(it.m.start(), f"not linked: {kind} {printed} (no year or session)")
                    self.taken.add(it.m.start(), it.m.end())
                continue
            organ = _organ_for(code, it.form, self.organ, explicit)
            sym = _symbol(organ, it, decision) if organ else None
            if sym is None:
                if code in (OTHER, UNEA) and q.name:
                    self._mark(it, q.name)
                    continue
                why = f"organ {code}" if code else "no organ"
                self._debug(it.m.start(), f"not linked: {kind} {printed} ({why})")
                self.taken.add(it.m.start(), it.m.end())
                continue
            assert organ is not None
            expect = self._date_problem(it, organ)
            if expect and named:
                self._warn(it.m.start(), f"citation {printed} of {it.date_text} does not fit its number "
                                         f"({expect}); linked to {sym} as printed", code="citation-date-mismatch")
            elif expect:
                # No organ printed before the number and a date that contradicts the
                # inferred one: another body's text, named later in the clause if at all.
                body = self._body_ahead(it.tail)
                if body is not None:
                    self._mark(it, body)
                else:
                    self._warn(it.m.start(), f"citation {printed} of {it.date_text} does not fit {sym} "
                                             f"({expect}); no organ is named, so it is left unlinked",
                               code="citation-date-mismatch")
                    self.taken.add(it.m.start(), it.m.end())
                continue
            if not named and _ADOPTION_OF.search(self.text, max(0, q.start - 20), q.start) \
                    and (body := self._adopted_by_ahead(it.tail)) is not None:
                self._mark(it, body)  # "resolution 2000/22 of 18 August 2000, on ..., by the Subcommission on ..."
                continue
            if named:
                self._memo.setdefault(printed, organ)
            self._add(Citation(it.start, it.end, (sym,), it.pinpoint or None, through=it.through))

    def _mark(self, it: _Item, body: str) -> None:
        """Another body's resolution or decision: marked with its name, not linked."""
        self._add(Citation(it.m.start(), it.m.end(), (), body=body))

    def _body_ahead(self, pos: int) -> str | None:
        """The other body named after a cited item in the same clause ("... of the Conference of the Parties")."""
        text = self.text
        end = min(len(text), pos + T.AHEAD_LIMIT)
        stop = _CLAUSE_END.search(text, pos, end)
        end = stop.start() if stop else end
        for m in T.BODY_AHEAD.finditer(text, pos, end):
            code, name = _named_body(m.group("name"))
            if code == OTHER:
                return name
        return None

    def _adopted_by_ahead(self, pos: int) -> str | None:
        """Another body said to have adopted the item later in its clause, before any other keyword."""
        text = self.text
        end = min(len(text), pos + T.AHEAD_LIMIT)
        if "by the" not in text[pos:end]:
            return None
        stop = _CLAUSE_END.search(text, pos, end)
        end = stop.start() if stop else end
        kw = T.KW_HINT.search(text, pos, end)
        end = kw.start() if kw else end
        for m in T.ADOPTED_BY_AHEAD.finditer(text, pos, end):
            code, name = _named_body(m.group("name"))
            if code == OTHER:
                return name
        return None

    def _date_problem(self, it: _Item, organ: str) -> str | None:
        """Why the printed date contradicts the number (None when it fits or cannot be checked)."""
        if it.date is None:
            return None
        year, month, _ = it.date
        m = it.m
        ok = True
        expect = ""
        if organ == "A" and it.form in ("session", "roman") and not (it.form == "roman" and m.group("rs")):
            session = int(m.group("a")) if it.form == "session" else roman_to_int(m.group("rr"))
            if session:
                ok = date_fits_session(session, year, month)
                if session == 1:
                    expect = "the first session sat in 1946"
                else:
                    expect = (f"session {session} sat from September {1945 + session} "
                              f"to September {1946 + session}")
        elif it.form == "sc":
            ok = int(m.group("scy")) == year
            expect = f"the resolution number carries the year {m.group('scy')}"
        elif it.form == "year":
            ok = int(m.group("a")) == year
            expect = f"the resolution number carries the year {m.group('a')}"
        return None if ok else expect

    # -- pass 3: pinpoints into the document itself -------------------------------
    def internal(self) -> None:
        text = self.text
        for t in T.iter_tails(text):
            w0 = max(0, t.start() - _LOOKBACK)
            window = text[w0:t.start()]
            if "ara" not in window and "annex" not in window:
                self.taken.add(t.start(), t.end())
                continue
            if t.group().startswith(("above", "below")):
                m = T.INTERNAL.search(window)
                if m:
                    self._internal_list(m, w0, False, None)
                continue
            m = T.PRESENT.search(window)
            if m and m.group("op"):
                self._internal_list(m, w0, m.group("aw") is not None, m.group("ar"))
            elif m and m.group("aw"):
                end = m.end("ar") if m.group("ar") else m.end("aw")
                self._add(Citation(w0 + m.start("aw"), w0 + end, (),
                                   _pin(None, None, m.group("ar"), annex=True), internal=True))
            self.taken.add(t.start(), t.end())

    def _internal_list(self, m: re.Match[str], w0: int, annex: bool, annex_roman: str | None) -> None:
        start = w0 + (m.start("op") if "op" in m.re.groupindex and m.group("op") else m.start("n"))
        if "op" not in m.re.groupindex:
            start = w0 + m.start()
        more = m.group("more") or ""
        pos = w0 + m.start("more")
        through = _range_end(more, annex_roman, annex)
        self._add(Citation(start, w0 + m.end("sub"), (), _pin(m.group("n"), m.group("sub"), annex_roman, annex),
                           internal=True, through=through))
        if _RANGE_WORD.match(more):  # "paragraphs 23 to 27": one link to the first, the range in ``through``
            return
        for n in T.MORE_NUM.finditer(more):
            num, sub = _num_sub(n.group())
            self._add(Citation(pos + n.start(), pos + n.end(), (), _pin(num, sub, annex_roman, annex),
                               internal=True))

    # -- pass 4: "paragraph N" of the document's own body -----------------------------
    def own(self) -> None:
        """ "pursuant to paragraph 20", "paragraphs 3 and 4", "subparagraph (b) of paragraph 5".

        Only when nothing after the number makes it another text's paragraph ("of
        article 14", "of the report") and the clause names no other text (a citation,
        "the Convention", "article 2"); otherwise plain, with a debug line.
        """
        text = self.text
        for h in T.OWN_HINT.finditer(text):
            start = max(0, h.start() - 40)
            m = None
            for m in T.OWN.finditer(text, start, min(len(text), h.end() + 200)):
                if m.start("n") >= h.end() - 1:
                    break
            if m is None or m.start("n") != h.end() - 1 or not self._free(m.start(), m.end()):
                continue
            if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-"):
                continue  # "subparagraphs", "preambular-paragraph"
            why = self._own_blocked(m)
            if why:
                self._debug(m.start(), f"not linked: {text[m.start():m.end()]} ({why})")
                self.taken.add(m.start(), m.end())
                continue
            sub = m.group("sub") or m.group("sl") or ""
            more = m.group("more") or ""
            self._add(Citation(m.start(), m.end("sub"), (), _pin(m.group("n"), sub), internal=True,
                               through=_range_end(more)))
            if more and not _RANGE_WORD.match(more):
                pos = m.start("more")
                for n in T.MORE_NUM.finditer(more):
                    num, sub = _num_sub(n.group())
                    self._add(Citation(pos + n.start(), pos + n.end(), (), _pin(num, sub),
                                       internal=True))
            self.taken.add(m.start(), m.end())

    def _own_blocked(self, m: re.Match[str]) -> str | None:
        """Why "paragraph N" may be another text's paragraph, or None."""
        text = self.text
        if T.OWN_AFTER_OTHER.match(text, m.end()):
            return "followed by the text it belongs to"
        if T.OWN_BEFORE_OTHER.search(text, max(0, m.start() - 30), m.start()):
            return "part of an article or rule"
        a = m.start()
        while a > 0 and not T.OWN_CLAUSE_END.match(text, a - 1):
            a -= 1
        stop = T.OWN_CLAUSE_END.search(text, m.end())
        b = stop.start() if stop else len(text)
        clause = _PRESENT_TEXT.sub(" ", text[a:m.start()] + " " + text[m.end():b])
        if T.OWN_NAMED_OTHER.search(clause):
            return "another text is named in the clause"
        if any(a <= c.start < b and not c.internal for c in self.cites):
            return "another document is cited in the clause"
        return None

    # -- leftovers -------------------------------------------------------------------
    def bare(self) -> None:
        for m in T.iter_bare(self.text):
            if self._free(m.start(), m.end()):
                self._debug(m.start(), f"not linked: bare number {m.group()} (no 'resolution' word, no organ)")

    def run(self) -> FindResult:
        self.symbols()
        self.internal()
        self.keywords()
        if self.own_refs:
            self.own()
        self.bare()
        self.res.citations = sorted(self.cites, key=lambda c: (c.start, c.end))
        return self.res


def find_citations(text: str, *, organ: str | None, path: str = "", line: int = 0, own: bool = False) -> FindResult:
    """Every citation in ``text`` (one paragraph or footnote of plain text).

    ``organ`` is the adopting organ of the citing document ("A", "S", "E",
    "A/HRC"), used for "its resolution(s)" and unqualified numbers. ``path`` and
    ``line`` (line of ``text[0]``) locate diagnostics. ``own`` is True for a
    paragraph of the document's body (not a footnote, not an annex), where a bare
    "paragraph N" means the document's own paragraph N.
    """
    return _Finder(text, organ, path, line, own).run()
