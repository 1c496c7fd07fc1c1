"""Amendments: "Russian Federation: amendment to draft resolution A/80/L.18", read as instructions.

An amendment prints what it amends ("draft resolution A/80/L.18", or "draft
resolution 4 recommended by the Second Committee in its report contained in
document A/80/555") and, paragraph by paragraph, what to do to it: "Delete
operative paragraph 9", "Insert after the fifth preambular paragraph a new
paragraph reading: …", "In operative paragraph 3, after the words "…" insert
"…"". This module reads those instructions into a model (which paragraphs of
the draft each one names, by anchor, and where in the instruction's words), and
applies them to the draft's model where the site holds the draft. It never
guesses: an instruction it cannot read, or cannot apply, is reported with the
file and line, and the words stay as printed.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from . import anchors
from .citations.citation import Citation
from .model import Diagnostic, Document, Kind, Paragraph, RichText
from .readers.cover import ordinal_number
from .symbols import normalize_symbol

Action = Literal["delete", "insert", "replace", "add"]

_QUOTES = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019"}
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d?|\"[^\"]*\"?")
_SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.()\-]+)+")
_DRAFT = re.compile(r"draft (?:resolution|decision)\s+(?P<symbol>[A-Z]{1,6}/[A-Za-z0-9./()\-]+)", re.IGNORECASE)
_NUMBERED_DRAFT = re.compile(r"draft (?:resolution|decision)\s+(?P<number>[IVXLC]+|\d{1,3}|[A-Z])\b(?!/)", re.IGNORECASE)
_REPORT = re.compile(r"(?:document|report)\s+(?P<symbol>[A-Z]{1,6}/[A-Za-z0-9./()\-]+)", re.IGNORECASE)

_LABEL = r"\((?:[a-z]{1,3}|[ivxlc]{1,7}|\d{1,2})\)"
_NUM = rf"\d{{1,3}}(?:\s*{_LABEL}){{0,3}}"
_DIGITS = r"\d{1,3}"
MAX_LIST = 60  # items of one printed list ("paragraphs 3, 43 and 45") read, at most
MAX_TARGETS = 300  # paragraphs a range ("paragraphs 5 to 8") is expanded to, at most, per list: no draft has more


def _list(item: str) -> str:
    """A printed list of ``item``: "5, 6 and 7", "5 to 8"."""
    return rf"{item}(?:\s*(?:,|,?\s*and|,?\s*to|-|\u2013)\s*{item}){{0,{MAX_LIST}}}"  # bounded: linear on any text


# "preambular paragraph(s) 5[, 6 and 7]"
_PP_NUMBER = re.compile(rf"preambular\s+paragraphs?\s+(?P<nums>{_list(_DIGITS)})", re.IGNORECASE)
# "[sub]paragraph(s) (b) [and (c)] of operative paragraph 4"
_SUB_OF = re.compile(rf"sub-?paragraphs?\s+(?P<labels>{_list(_LABEL)})\s+of\s+(?:operative\s+)?paragraph\s+(?P<num>\d{{1,3}})", re.IGNORECASE)
# "operative paragraph(s) 35, 38 and 39", "operative paragraph 4 (b)", "paragraph 9"
_OP = re.compile(rf"(?:operative\s+)?paragraphs?\s+(?P<nums>{_list(_NUM)})", re.IGNORECASE)
_NUM_ITEM = re.compile(rf"(\d{{1,3}})((?:\s*{_LABEL}){{0,3}})")
_RANGE_WORD = re.compile(r"\s*(?:to|-|\u2013)\s*$")

_VERB = re.compile(r"\b(delete|insert|replace|add|amend|revise|substitute)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """A paragraph of the amended draft named by an instruction, and where its words are printed."""

    anchor: str  # "op-9", "pp-21", "op-4-b"
    start: int  # span in the instruction's text (its paragraph's body)
    end: int
    role: Literal["preambular", "operative"]


@dataclass
class Instruction:
    """One thing an amendment asks: what to do, to which paragraphs, with which words."""

    action: Action
    targets: list[Target]
    key: str  # the anchor of the amendment's paragraph that prints it
    line: int
    text: str  # the instruction as printed (its paragraph's words)
    where: Literal["", "after", "before", "end", "in"] = ""  # insert after/before a paragraph, add at the end of one, change words in one
    old: str | None = None  # the words to delete or replace, or after/before which to insert ("after the words …")
    new: list[str] = field(default_factory=list)  # quoted words or paragraphs to put in
    role: Literal["preambular", "operative", ""] = ""  # of a new paragraph

    def summary(self) -> str:
        """A short reading: "delete operative paragraph 9", "insert a new paragraph after preambular paragraph 5"."""
        names = names_of(self.targets)
        if self.action in ("insert", "add") and self.old is None and self.where not in ("in", "end"):
            kind = f"a new {self.role} paragraph" if self.role else "a new paragraph"
            return f"{self.action} {kind} {self.where} {names}".strip() if names else f"{self.action} {kind}"
        if self.old is not None or self.where in ("in", "end"):
            return f"{self.action} words in {names}"
        return f"{self.action} {names}"


def names_of(targets: list[Target]) -> str:
    """Targets as an amendment prints them: "preambular paragraph 21 and operative paragraphs 35, 38 and 39"."""
    groups: list[tuple[str, list[str]]] = []
    for t in targets:
        parsed = anchors.parse(t.anchor)
        number = parsed.label().removeprefix("paragraph ").removeprefix("preambular paragraph ") if parsed else t.anchor
        if groups and groups[-1][0] == t.role:
            groups[-1][1].append(number)
        else:
            groups.append((t.role, [number]))
    return _and([f"{role} paragraph{'s' if len(nums) > 1 else ''} {_and(nums)}" for role, nums in groups])


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


@dataclass
class Amendment:
    """What one amendment amends and its instructions, in printed order."""

    amends: str  # as printed: "draft resolution A/80/L.18"
    draft: str | None  # the amended draft's symbol, when printed
    report: str | None  # the report holding the amended draft ("… contained in document A/80/555")
    instructions: list[Instruction] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self) -> str:
        """All instructions, read: "delete preambular paragraph 21, paragraph 35, …"."""
        return "; ".join(i.summary() for i in self.instructions)


def _symbol(text: str) -> str | None:
    return normalize_symbol(text.rstrip(".,;:)")) if text else None


def printed_symbols(text: str) -> list[tuple[int, int, str]]:
    """The symbols printed in an amendment's object ("draft resolution A/80/L.18", "… in document A/80/555"), with their spans."""
    out = []
    for m in _SYMBOL.finditer(text):
        raw = m.group(0).rstrip(".,;:")
        if (symbol := normalize_symbol(raw)) is not None:
            out.append((m.start(), m.start() + len(raw), symbol))
    return out


def read_amendment(doc: Document) -> Amendment | None:
    """The amendment ``doc`` is, or None when it is not one."""
    if doc.meta.kind is not Kind.AMENDMENT:
        return None
    printed = doc.meta.amends or ""
    draft = report = None
    if m := _DRAFT.search(printed):
        draft = _symbol(m["symbol"])
    if m := _REPORT.search(printed):
        report = _symbol(m["symbol"])
    amendment = Amendment(printed, draft, report)
    paras = [p for b in doc.blocks if isinstance(b, Paragraph) for p in [b]]
    current: Instruction | None = None
    for para in paras:
        text = _own(para)
        if current is not None and _is_quotation(text):
            current.new.append(_unquote(text))  # the new paragraph, printed under "… reading:"
            continue
        current = None
        for found in parse_instructions(text, para.anchor, para.line, _lead_shift(para)):
            amendment.instructions.append(found)
            current = found
        if current is None:
            amendment.diagnostics.append(Diagnostic(
                doc.path, para.line, f"amendment: {anchors.label(para.anchor)} is no instruction the reader knows "
                "(delete, insert, replace, add); shown as printed", code="amendment-unread"))
    return amendment


def _own(para: Paragraph) -> str:
    return " ".join(x for x in (para.lead, para.body.text) if x)


def _lead_shift(para: Paragraph) -> int:
    """Where the body starts in :func:`_own`'s text (spans are kept in body offsets)."""
    return len(para.lead) + 1 if para.lead else 0


def _is_quotation(text: str) -> bool:
    return text[:1] in _QUOTES


def _unquote(text: str) -> str:
    text = text.strip()
    if text[:1] in _QUOTES:
        text = text[1:]
    if text[-1:] in _QUOTES.values():
        text = text[:-1]
    elif text[-2:-1] in _QUOTES.values() and text[-1:] in ".;,":
        text = text[:-2]
    return text.strip()


def _masked(text: str) -> str:
    """``text`` with quoted words blanked (same length): paragraph names inside new text are not targets."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the instructions in one paragraph: "Delete …; insert …" or "Delete …. Add …" (quotes kept whole)."""
    masked = _masked(text)
    out, start = [], 0
    for m in re.finditer(r"[.;]\s+(?=(?:and\s+)?(?:[Ii]n\s|(?:[Aa]fter|[Bb]efore)\s+the\s+words?\b|[Dd]elete|[Ii]nsert|[Rr]eplace|[Aa]dd|[Aa]mend|[Rr]evise|[Ss]ubstitute)\b)", masked):
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, len(text)))
    return out


def parse_instructions(text: str, key: str = "text-1", line: int = 1, shift: int = 0) -> list[Instruction]:
    """The instructions printed in one paragraph of an amendment ("" when it holds none).

    ``shift`` is where the paragraph's body starts in ``text``: target spans are body offsets.
    """
    out: list[Instruction] = []
    scope: list[Target] = []
    for start, end in _sentences(text):
        part = text[start:end]
        found = _instruction(part, start, key, line, shift, scope)
        if found is not None:
            out.append(found)
            if found.where == "in":
                scope = found.targets  # "In paragraph 3, delete …; after … insert …": the same paragraph
    return out


def _instruction(part: str, offset: int, key: str, line: int, shift: int, scope: list[Target]) -> Instruction | None:
    masked = _masked(part)
    verb = _VERB.search(masked)
    if verb is None:
        return None
    action: Action = {"amend": "replace", "revise": "replace", "substitute": "replace"}.get(verb.group(1).lower(), verb.group(1).lower())  # type: ignore[assignment]
    targets = _targets(masked, offset - shift)
    quotes = [(m.start(), m.end(), _unquote(m.group(0))) for m in _QUOTED.finditer(part)]
    inst = Instruction(action, targets, key, line, part.strip())
    words_scope = re.match(r"\s*(?:and\s+)?in\s+", masked, re.IGNORECASE)
    if words_scope and targets and targets[0].start + shift - offset < verb.start():
        inst.where = "in"  # "In operative paragraph 3, …": words change inside it
    elif words_scope is None and not targets and scope and quotes:
        inst.targets, inst.where = list(scope), "in"
    olds = [q for q in quotes if _quote_role(masked[: q[0]], action) != "new"]
    if olds:
        inst.old = olds[0][2]
        if _quote_role(masked[: olds[0][0]], action) == "before":
            inst.where = "before"
    news = [q[2] for q in quotes if q not in olds[:1]]
    if action == "replace" and inst.old is None and len(quotes) >= 2 and re.search(r"\b(?:with|by)\b", masked):
        inst.old, news = quotes[0][2], [q[2] for q in quotes[1:]]
    inst.new = news
    if action in ("insert", "add") and inst.old is None:
        _placement(inst, masked.lower())
    if action == "delete" and inst.old is None and quotes:
        inst.old, inst.new = quotes[0][2], []  # "In paragraph 3, delete "and civil society"": words, not the paragraph
    if not inst.targets and action != "add":
        return None  # "Delete" naming no paragraph: not an instruction this reader knows
    return inst


def _placement(inst: Instruction, low: str) -> None:
    """Where a new paragraph (or words) goes: after or before a paragraph, or at the end of one; and its kind."""
    if re.search(r"\bat the end of\b", low):
        inst.where = "end" if inst.new and not re.search(r"new (?:preambular |operative )?(?:sub-?)?paragraph", low) else "after"
    elif re.search(r"\bbefore\b", low):
        inst.where = "before"
    elif inst.where != "in" and (inst.targets or re.search(r"\bafter\b", low)):
        inst.where = "after"
    if "preambular" in low:
        inst.role = "preambular"
    elif "operative" in low or inst.targets:
        inst.role = "operative"


def _quote_role(before: str, action: str) -> str:
    """What a quotation is to its instruction, from the words before it: the words after ("after") or
    before ("before") which to insert, the words to delete or replace ("old"), or new words ("new")."""
    if m := re.search(r"\b(after|before)(?:\s+the\s+words?)?\s*$", before, re.IGNORECASE):
        return m.group(1).lower()
    if action in ("delete", "replace") and re.search(r"\b(?:the\s+words?|delete|replace)\s*$", before, re.IGNORECASE):
        return "old"
    return "new"


def _targets(masked: str, base: int) -> list[Target]:
    """Every paragraph ``masked`` names, in printed order, with spans shifted by ``base``: each
    kind of name in turn, a later one only where no earlier one matched ("preambular paragraph 5" is
    not also "paragraph 5"). Linear in the text: every pattern is bounded and taken spans are marked."""
    taken = bytearray(len(masked) + 1)
    out: list[tuple[int, Target]] = []
    found: list[tuple[int, int, list[Target]]] = [(m.start(), m.end(), _subs_of(m)) for m in _SUB_OF.finditer(masked)]
    found += _pp_ordinals(masked)
    found += [(m.start(), m.end(), _pp_numbers(m)) for m in _PP_NUMBER.finditer(masked)]
    for start, end, targets in found:
        if not any(taken[start:end]):
            taken[start:end] = b"\1" * (end - start)
            out += [(t.start, replace(t, start=t.start + base, end=t.end + base)) for t in targets]
    for m in _OP.finditer(masked):
        if not any(taken[m.start():m.end()]):
            out += [(t.start, replace(t, start=t.start + base, end=t.end + base)) for t in _operative(m)]
    return [t for _, t in sorted(out, key=lambda x: x[0])]


def _subs_of(m: re.Match[str]) -> list[Target]:
    """ "subparagraphs (b) and (c) of operative paragraph 4" """
    parent = anchors.Anchor("op", m["num"])
    return [Target(parent.child(lab.group(0)[1:-1]).id, m.start("labels") + lab.start(), m.start("labels") + lab.end(), "operative")
            for lab in re.finditer(_LABEL, m["labels"])]


_PP_WORD = re.compile(r"preambular\s+paragraphs?\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?|,|\S")


def _pp_ordinals(masked: str) -> list[tuple[int, int, list[Target]]]:
    """ "the fifth and sixth preambular paragraphs", read back from each "preambular paragraph"
    (so each word is read once); "the last" is not guessed."""
    out = []
    since = 0
    for m in _PP_WORD.finditer(masked):
        tokens = list(_TOKEN.finditer(masked, since, m.start()))[-2 * MAX_LIST:]
        since = m.end()
        words: list[re.Match[str]] = []
        for tok in reversed(tokens):
            if ordinal_number(tok.group(0)) is not None:
                words.append(tok)
            elif not (words and tok.group(0).lower() in (",", "and")):
                break
        if not words:
            continue
        words.reverse()
        first = words[0].start()
        one = len(words) == 1
        out.append((first, m.end(), [
            Target(anchors.Anchor("pp", str(ordinal_number(w.group(0)))).id, w.start(), m.end() if one else w.end(), "preambular")
            for w in words]))
    return out


def _pp_numbers(m: re.Match[str]) -> list[Target]:
    """ "preambular paragraphs 5 and 6" """
    return [Target(anchors.Anchor("pp", num.group(0)).id, m.start("nums") + num.start(), m.start("nums") + num.end(), "preambular")
            for num in re.finditer(r"\d{1,3}", m["nums"])]


def _operative(m: re.Match[str]) -> list[Target]:
    """ "operative paragraphs 35, 38 and 39", "paragraphs 5 to 8", "operative paragraph 4 (b)" """
    out = []
    items = list(_NUM_ITEM.finditer(m["nums"]))
    for k, num in enumerate(items):
        anchor = anchors.Anchor("op", num.group(1))
        for lab in re.findall(_LABEL, num.group(2)):
            anchor = anchor.child(lab[1:-1])
        a = m.start("nums") + num.start()
        end = a + len(num.group(0).rstrip())
        out.append(Target(anchor.id, a if len(items) > 1 else m.start(), end, "operative"))  # a lone one links as a whole
        if k + 1 < len(items) and _RANGE_WORD.match(m["nums"][num.end(): items[k + 1].start()]) and len(out) < MAX_TARGETS:
            first, last = int(num.group(1)), int(items[k + 1].group(1))
            out += [Target(anchors.Anchor("op", str(n)).id, a, end, "operative") for n in range(first + 1, min(last, first + MAX_TARGETS))]
    return out


def target_citations(amendment: Amendment, found: dict[str, list[Citation]]) -> dict[str, list[Citation]]:
    """Each paragraph an instruction names, as a citation of the amended draft at that paragraph: the
    site's link machinery then links it to the draft's page (``#op-9``) or to the official copy.
    A draft printed only as "draft resolution 4 … in document A/80/555" has no symbol: no links.
    Spans that overlap a citation already ``found`` in the same text are left to it."""
    out: dict[str, list[Citation]] = {}
    if amendment.draft is None:
        return out
    for inst in amendment.instructions:
        taken = [(c.start, c.end) for c in found.get(inst.key, [])] + [(c.start, c.end) for c in out.get(inst.key, [])]
        for t in inst.targets:
            if t.start >= 0 and all(t.end <= a or t.start >= b for a, b in taken):
                out.setdefault(inst.key, []).append(Citation(t.start, t.end, (amendment.draft,), pinpoint=t.anchor))
                taken.append((t.start, t.end))
    return {k: sorted(v, key=lambda c: c.start) for k, v in out.items()}


def _change_words(para: Paragraph, inst: Instruction) -> str | None:
    """Change words inside one paragraph (its lead phrase and body read as one); the reason when it cannot be done."""
    body = _own(para)
    para.lead = ""
    new = inst.new[0] if inst.new else ""
    if inst.old is None:
        if inst.action in ("insert", "add") and new:  # "at the end of operative paragraph 3"
            end = body.rstrip()
            stop = end[-1:] if end[-1:] in ".;," else ""
            para.body = RichText(end[: len(end) - len(stop)] + ("" if new[:1] in ",;." else " ") + new + stop)
            return None
        if inst.action == "replace" and new:
            para.body = RichText(new)
            return None
        return "it says no words to change"
    at = body.find(inst.old)
    if at < 0:
        return f"the words \u201c{inst.old}\u201d are not in {names_of(inst.targets[:1])}"
    after = at + len(inst.old)
    if inst.action == "delete":
        text = body[:at] + body[after:]
    elif inst.action == "replace":
        text = body[:at] + new + body[after:]
    elif not new:
        return "no new words are printed"
    elif inst.where == "before":
        text = f"{body[:at]}{new} {body[at:]}"
    else:  # insert after the words
        text = f"{body[:after]}{'' if new[:1] in ',;.' else ' '}{new}{body[after:]}"
    para.body = RichText(" ".join(text.split()))
    return None


# -- applying an amendment to the draft it amends ------------------------------------------------


@dataclass
class Applied:
    """The draft as amended: its model, where each inserted paragraph came from, and what failed."""

    doc: Document
    inserted: dict[str, tuple[str, str]] = field(default_factory=dict)  # new paragraph's key -> (amendment path, instruction key)
    diagnostics: list[Diagnostic] = field(default_factory=list)


INSERTED = "ins-"  # key of a paragraph the amendments put in (not an id of any page)


def apply(draft: Document, amendments: list[tuple[Document, Amendment]]) -> Applied:
    """``draft`` with every instruction of ``amendments`` applied, in order. Paragraphs keep the
    draft's anchors (the amended text is not renumbered: its paragraphs stay citable on the
    draft's page); a paragraph put in gets a key of its own, ``ins-N``."""
    doc = copy.deepcopy(draft)
    out = Applied(doc)
    for source, amendment in amendments:
        for inst in amendment.instructions:
            problem = _apply_one(doc, inst, source.path, out)
            if problem:
                out.diagnostics.append(Diagnostic(source.path, inst.line, f"amendment: cannot apply \u201c{inst.text}\u201d "
                                                  f"to {draft.meta.symbol or draft.path}: {problem}; left out of the amended text",
                                                  code="amendment-not-applied"))
    return out


def _find(doc: Document, anchor: str) -> tuple[list, int] | None:
    """The list holding the paragraph ``anchor`` and its index there."""
    def search(items: list) -> tuple[list, int] | None:
        for i, item in enumerate(items):
            if isinstance(item, Paragraph):
                if item.anchor == anchor:
                    return items, i
                if (found := search(item.children)) is not None:
                    return found
        return None
    return search(doc.blocks)


def _apply_one(doc: Document, inst: Instruction, path: str, out: Applied) -> str | None:  # noqa: C901 - one case per instruction shape
    """Apply one instruction; the reason when it cannot be."""
    missing = [t for t in inst.targets if _find(doc, t.anchor) is None]
    if missing:
        return f"the draft has no {names_of(missing)}"
    if inst.action == "delete" and inst.old is None:
        for t in inst.targets:
            items, i = _find(doc, t.anchor)  # type: ignore[misc]
            del items[i]
        return None
    if inst.old is not None or inst.where in ("in", "end"):
        if not inst.targets:
            return "it names no paragraph"
        items, i = _find(doc, inst.targets[0].anchor)  # type: ignore[misc]
        return _change_words(items[i], inst)
    if inst.action == "replace":
        if not inst.new:
            return "no new text is printed"
        items, i = _find(doc, inst.targets[0].anchor)  # type: ignore[misc]
        para = items[i]
        para.body, para.lead, para.children = RichText(inst.new[0]), "", []
        for t in inst.targets[1:]:
            more, j = _find(doc, t.anchor)  # type: ignore[misc]
            del more[j]
        return None
    # insert or add a new paragraph
    if not inst.new:
        return "no new text is printed"
    role = inst.role or "operative"
    if inst.targets:
        items, i = _find(doc, inst.targets[-1].anchor if inst.where != "before" else inst.targets[0].anchor)  # type: ignore[misc]
        at = i + (inst.where != "before")
    else:  # "Add a new operative paragraph": at the end of its part
        items = doc.blocks
        kinds = [k for k, b in enumerate(items) if isinstance(b, Paragraph) and b.role == role]
        at = kinds[-1] + 1 if kinds else len(items)
    for text in inst.new:
        key = f"{INSERTED}{len(out.inserted) + 1}"
        out.inserted[key] = (path, inst.key)
        items.insert(at, Paragraph(role, key, None, "", RichText(text), inst.line))  # type: ignore[arg-type]
        at += 1
    return None
