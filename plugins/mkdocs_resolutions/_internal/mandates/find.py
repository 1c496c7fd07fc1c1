"""The mandate finder: who each operative paragraph asks to do what, by when.

Grammar, not documents: an operative clause is a verb in the present tense
("Requests", "also decides", "calls upon") at the start of the paragraph or
after a clause boundary, then an addressee and an infinitive ("the
Secretary-General to submit ..."), or a that-clause ("that the Committee shall
report ..."), or, for "Decides", the body's own infinitive ("to include in the
provisional agenda ..."). The decisions on hard cases are in
``tests/fixtures/mandates/README.md`` and README's "Mandates" section:

- requests and directions to an implementing entity are mandates; invitations,
  encouragement and anything asked of States are calls, recorded apart;
- sub-paragraphs inherit the verb and addressee of a chapeau ending in ":";
- several addressees give one mandate each (``joint`` names the others);
- conditional requests are mandates with their ``condition``;
- "in this regard" and other linking phrases are read through;
- "Decides to remain seized" and decisions that settle a rule create none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

from ..model import Document, Paragraph
from .actions import action_of
from .addressees import antecedent, full_names, is_entity, normalise, split_addressees
from .due import find_due
from .scan import Folded, at_word_starts, lower, mentions
from .model import Due, Mandate

_LINK = (
    r"(?:also|further|furthermore|again|once\s+again|once\s+more|accordingly|therefore|thus|strongly|"
    r"urgently|respectfully|earnestly|in\s+particular|(?:in|to)\s+(?:this|that)\s+(?:regard|context|respect|end)|"
    r"in\s+this\s+connection|in\s+that\s+connection)"
)
_STRONG = (
    r"requests|decides|directs|authori[sz]es|entrusts|instructs|"
    r"(?:reiterates|renews|repeats)\s+(?:its|the)\s+requests?(?:\s+made)?(?=\s+(?:to|that)\b)"
)
_SOFT = (
    r"invites|encourages|calls\s+upon|calls\s+on|calls\s+for|urges|demands|appeals\s+to|recommends|exhorts|"
    r"(?:reiterates|renews)\s+its\s+(?:call|demand|appeal|invitation)s?(?:\s+(?:upon|on|to|for))?"
)
_BASE = r"request|decide|direct|authori[sz]e|invite|encourage|call\s+upon|call\s+on|urge|recommend"
_VERB = Folded.compile(
    rf"(?:^|(?<=[;:,.])|(?<=\band))\s*(?:,?\s*{_LINK}\s*,?\s*)*"
    rf"(?P<verb>(?:{_LINK}\s+)*(?P<word>{_STRONG}|{_SOFT})|(?:we\s+(?:{_LINK}\s+)*|^)(?P<base>{_BASE}))\b"
)
_KEYWORDS = ("request", "decide", "direct", "authori", "entrust", "instruct", "invite", "encourage", "call", "urge",
             "demand", "appeal", "recommend", "exhort")
_KEYWORD = re.compile("|".join(_KEYWORDS), re.I)  # a paragraph without one has no verb of ours
# The words a match of _VERB opens with, after [\s,]*: the first words of _LINK, _STRONG, _SOFT, _BASE and "we".
_OPENINGS = (
    r"also|further|again|once|accordingly|therefore|thus|strongly|urgently|respectfully|earnestly|"
    r"in\s+(?:particular|th)|to\s+th|we\s|"
    r"request|decide|direct|authori|entrust|instruct|reiterate|renew|repeat|invite|encourage|call|urge|demand|"
    r"appeal|recommend|exhort"
)
# Where a match of _VERB can start, found in the lower-case text: its start (if _OPENS matches there), or
# the end of a match of _STARTS: after [;:,.] or "and" (_VERB's look-behinds), where one of _OPENINGS
# follows. Trying _VERB only there finds what its scan of every position finds, in a fraction of the time:
# one class first lets the scan skip to the few places worth a look.
_STARTS = re.compile(rf"[;:,.a](?:(?<!a)|nd)(?=[\s,]*(?:{_OPENINGS}))")
_OPENS = re.compile(rf"[\s,]*(?:{_OPENINGS})")
_MODAL = re.compile(r"\s+(?:shall|should|will|must|is\s+to|are\s+to|would|to|continue\s+to)(?:\s+(?=[a-z])|\s*(?=:)|\s*(?=,))")
_STATIVE = re.compile(r"^(?:be|apply|consist|comprise|have|remain|enter|take\s+effect|cover)\b")
_INFINITIVE = re.compile(r"(?:^|,\s*|\s+)to\s+(?!(?:which|whom|the|a|an|this|that|these|those|their|its|his|her)\b)(?=[a-z])")
# An infinitive chain's "and to": ",?\s+and\s+(?:also\s+|...)?to\s+(?=[a-z])" or ";\s+to\s+(?=[a-z])", written to
# start with its first character (a comma, a semicolon or a space), which lets the scan skip to those.
_TO = r"to\s+(?=[a-z])"
_AND_TO = re.compile(
    rf"[,;\s](?:(?<=,)\s+and\s+(?:also\s+|further\s+|then\s+|subsequently\s+)?{_TO}|(?<=;)\s+{_TO}|"
    rf"(?<=\s)\s*and\s+(?:also\s+|further\s+|then\s+|subsequently\s+)?{_TO})"
)
_MANDATE_OF = re.compile(
    r"\bmandates?\s+of\s+(?P<who>.+?)(?=\s+(?:until|for\s+a|for\s+an|for\s+the|as\s+set|as\s+contained|as\s+described|"
    r"through|till|to\s+\d)\b|[,;:]|$)"
)
_MANDATE_OWNED = re.compile(r"(?P<who>\b[A-Z][\w\-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w\-]*)*)[’']s\s+mandate\b")  # "UNSOM’s mandate"
_CONDITION = Folded.compile(
    r"\b(?:if\s+(?:so\s+)?(?:requested|necessary|required|so\s+desired)[^,;]*|upon\s+(?:their\s+|its\s+)?request[^,;]*|"
    r"at\s+the\s+request\s+of\s+[^,;]+|when\s+appropriate|(?<=,\s)should\s+[^,;]{3,80}|"
    r"subject\s+to\s+(?:the\s+)?(?:availability|approval|consent|agreement|request|receipt)[^,;]*|"
    r"in\s+the\s+event\s+(?:that|of)\s+[^,;]+|when\s+[^,;]{3,60}\s+occur[^,;]*)"
)
_CONDITION_WORDS = ("request", "necessary", "required", "desired", "when", "should", "subject", "event")  # one in each branch
_REPORT_SUBJECT = re.compile(  # at a word start (at_word_starts)
    r"(?:report|briefing|update|information)s?\b[^;]*?\b(?P<on>on\s+(?:the\s+|its\s+|this\s+|these\s+)?[^,;]+?)"
    r"(?=[,;]|\s+(?:to\s+the|at\s+its|by|no\s+later|within|every|during|in\s+(?:19|20)\d\d)\b|$)"
)
_SEIZED = re.compile(r"^\s*(?:actively\s+)?seized|^\s*to\s+remain\s+(?:actively\s+)?seized", re.I)
# _addressee, _trim, _thing and _subject's patterns, compiled once.
_SG_BARE = re.compile(r"(?P<who>(?:the\s+)?Secretary-General)\s+(?!(?:of|and|to|for|on|in|at|with)\b)(?=[a-z])")
_LINKS_FIRST = re.compile(rf"^(?:,?\s*{_LINK}\s*,?\s*)+")
_STOP = re.compile(r",|:|;|\s+to\s*(?=:)|\s+to\s+(?!(?:which|whom|the|a|an|this|that|its|their)\b)(?=[a-z])")
_AND_LAST = re.compile(r"\s+and$")
_AFTER_NAME = re.compile(
    r"\s+(?:at\s+its|at\s+the|(?:\w+ly\s+)?(?:appointed|established|created|pursuant|referred|mentioned|"
    r"designated|set\s+up)\b)"
)
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<who>[A-Z][^’']*?)[’']s\s+(?P<thing>.+)$")
_A_THING = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:continued|enhanced|further|regular|written|full|timely|[a-z]+ing)\b")
_GIVER = re.compile(r"\b(?:from|by|of)\s+(?P<who>(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w\-]*)*)")
_TO_FIRST = re.compile(r"^\s*(?:to\s+)?")
_SELF_ACTIONS = {"convene", "establish", "extend", "include item", "review", "continue", "appoint"}
_REQUEST_WORD = re.compile(r"^(?:request|invite|encourage|authori[sz]e|call\s+upon|urge)\b", re.I)


@dataclass(frozen=True)
class _Context:
    """What a chapeau ending in ":" hands to its sub-paragraphs."""

    kind: str  # "mandate" or "call"
    verb: str
    addressees: tuple[tuple[str, str], ...]  # (printed, normalised)
    action: str
    due: Due | None
    self_decision: bool = False


@dataclass
class _Doc:
    organ: str  # "General Assembly", "Security Council"
    code: str  # "GA", "SC"
    session: int | None
    document: Document
    # Whether the paragraph being read names a word of _CONDITION_WORDS: the words read for a condition
    # are its own, cut and joined at spaces, so without one no condition is looked for.
    conditional: bool = True

    @cached_property
    def _names(self) -> dict[str, str]:
        return full_names([paragraph_text(p) for p in self.document.paragraphs()] + [self.document.meta.title or ""])

    def names(self) -> dict[str, str]:
        """Short names and the full names they stand for, read only when an addressee needs them."""
        return self._names


def _organ(doc: Document) -> tuple[str, str]:
    organ = doc.meta.organ or ""
    symbol = doc.meta.symbol or ""
    if not organ:
        organ = "Security Council" if symbol.startswith("S/") else "General Assembly" if symbol.startswith("A/") else ""
    code = {"General Assembly": "GA", "Security Council": "SC", "Economic and Social Council": "ECOSOC",
            "Human Rights Council": "HRC"}.get(organ, organ)
    return organ, code


def paragraph_text(para: Paragraph) -> str:
    """The paragraph's words: its lead phrase and its body."""
    body = para.body.text
    if para.lead and body and body[0] not in ",.;:":
        return f"{para.lead} {body}"
    return f"{para.lead}{body}"


def find_mandates(doc: Document) -> list[Mandate]:
    """Every mandate and call of ``doc``'s operative paragraphs and their sub-paragraphs, in reading order."""
    organ, code = _organ(doc)
    ctx = _Doc(organ, code, doc.meta.session_number, doc)
    found: list[Mandate] = []
    for block in doc.operative():
        _walk(block, None, ctx, found)
    return found


def _walk(para: Paragraph, inherited: _Context | None, doc: _Doc, out: list[Mandate]) -> None:
    text = paragraph_text(para)
    mandates, context = _paragraph(para.anchor, text, inherited, doc)
    out.extend(mandates)
    for child in para.children:
        _walk(child, context, doc, out)


def _paragraph(anchor: str, text: str, inherited: _Context | None, doc: _Doc) -> tuple[list[Mandate], _Context | None]:
    """The mandates of one paragraph, and the context its sub-paragraphs inherit (if it ends in ":")."""
    low = lower(text)
    verbs = _verbs(text, low)
    doc.conditional = mentions(low, _CONDITION_WORDS)
    mandates: list[Mandate] = []
    context: _Context | None = None
    if inherited is not None and (not verbs or verbs[0].start > 0 and text[: verbs[0].start].strip()):
        end = verbs[0].start if verbs else len(text)
        made, context = _inherit(anchor, text[:end], inherited, doc)
        mandates += made
    for i, v in enumerate(verbs):
        end = verbs[i + 1].start if i + 1 < len(verbs) else len(text)
        made, ctx = _clause(anchor, v.verb, v.word, text[v.end : end], doc, text[: v.start])
        mandates += made
        if ctx is not None:
            context = ctx
    if not text.rstrip().endswith(":"):
        context = None
    elif context is None and inherited is not None:
        context = inherited
    return mandates, context


class _Verb(NamedTuple):
    """A match of _VERB: where it starts and ends, the verb as printed, and its word ("requests")."""

    start: int
    end: int
    verb: str
    word: str


def _verbs(text: str, low: str | None) -> list[_Verb]:
    """The operative verbs of a paragraph: ``_VERB.finditer(text)`` if it holds one of _KEYWORDS, else none."""
    if low is None:
        return [_verb(m, text) for m in _VERB.any_case.finditer(text)] if _KEYWORD.search(text) else []
    first = _VERB.lower.match(low) if _OPENS.match(low) else None  # most paragraphs open with their verb
    if not (first and mentions(low[first.start("verb") : first.end("verb")], _KEYWORDS) or mentions(low, _KEYWORDS)):
        return []
    verbs = [_verb(first, text)] if first else []
    end = first.end() if first else 0
    for m in _STARTS.finditer(low):
        if m.end() >= end and (v := _VERB.lower.match(low, m.end())):
            verbs.append(_verb(v, text))
            end = v.end()
    return verbs


def _verb(m: re.Match[str], text: str) -> _Verb:
    """A match of _VERB (in ``text`` or in its lower-case copy) as printed in ``text``."""
    word = text[m.start("word") : m.end("word")] if m.start("word") >= 0 else _third_person(text[m.start("base") : m.end("base")])
    return _Verb(m.start(), m.end(), text[m.start("verb") : m.end("verb")], word)


def _third_person(base: str) -> str:
    """"request" (the Pact's "We request", a sub-paragraph's "(a) Request") -> "requests"."""
    words = base.lower().split()
    return " ".join([words[0] + "s", *words[1:]])


def _inherit(anchor: str, text: str, ctx: _Context, doc: _Doc) -> tuple[list[Mandate], _Context | None]:
    """A sub-paragraph read as the infinitive of its chapeau ("(a) Provide the Council ... within six months")."""
    own = action_of(text)
    action = own if own != "other" else ctx.action
    due = find_due(text, doc.code, doc.session) or ctx.due
    if ctx.self_decision:
        if action not in _SELF_ACTIONS:
            return [], ctx
    out = _make(anchor, ctx.kind, ctx.verb, ctx.addressees, action, due, text, doc)
    return out, replace(ctx, action=action, due=due)


def _make(anchor: str, kind: str, verb: str, addressees: tuple[tuple[str, str], ...], action: str,
          due: Due | None, text: str, doc: _Doc, condition: str = "") -> list[Mandate]:
    return _mandates(anchor, kind, verb, addressees, action, due, *_about(text, action, doc, condition))


def _about(text: str, action: str, doc: _Doc, condition: str = "") -> tuple[str, str]:
    """What ``text`` asks for (its subject) and on what condition (its own, else ``condition``)."""
    return _subject(text, action), _condition(text, doc) or condition


def _mandates(anchor: str, kind: str, verb: str, addressees: tuple[tuple[str, str], ...], action: str,
              due: Due | None, subject: str, condition: str) -> list[Mandate]:
    """One mandate (or call) for each addressee, the others named as ``joint``."""
    names = tuple(n for _, n in addressees)
    return [
        Mandate(anchor, kind, verb, name, printed, action, due, subject, condition, tuple(n for n in names if n != name))  # type: ignore[arg-type]
        for printed, name in addressees
    ]


def _subject(text: str, action: str) -> str:
    if action in ("report", "oral update") and (m := next(at_word_starts(_REPORT_SUBJECT, text), None)):
        return _shorten(m.group("on"))
    if action == "include item" and (titles := re.findall(r"“[^”]+”", text)):
        return _shorten(titles[-1])  # the (sub-)item's title
    return _shorten(_TO_FIRST.sub("", text))


def _shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split()).rstrip(" ;,.:")
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def _condition(text: str, doc: _Doc) -> str:
    if not doc.conditional:
        return ""
    low = lower(text)
    m = _CONDITION.search(text, low) if mentions(low, _CONDITION_WORDS) else None
    return " ".join(text[m.start() : m.end()].split()).rstrip(" ,;") if m else ""


def _segments(text: str) -> list[str]:
    """An infinitive chain split at "and to": "to seek ... and to submit ..." -> two segments."""
    if "to" not in text or "and" not in text and ";" not in text:  # words _AND_TO cannot match without
        return [text] if text.strip() else []
    return [s for s in _AND_TO.split(text) if s.strip()]


def _clause(anchor: str, verb: str, word: str, rest: str, doc: _Doc, before: str = "") -> tuple[list[Mandate], _Context | None]:
    """One operative clause: ``verb`` and the words up to the next clause."""
    word = " ".join(word.lower().split())
    strong = _strong(word)
    verb = " ".join(verb.split())
    if word == "decides":
        return _decision(anchor, verb, rest, doc)
    if word.startswith("calls for") or re.match(r"(?:reiterates|renews)\s+its\s+\w+\s+for", word):
        return [Mandate(anchor, "call", verb, "", "", "other")], None
    if rest.lstrip().startswith("that ") or rest.lstrip().startswith("that,"):
        return _that(anchor, verb, strong, rest.lstrip()[4:], doc)
    if re.search(r"(?:its|the)\s+requests?(?:\s+made)?$", word):
        rest = re.sub(r"^\s*to\s+", "", rest)
    who, infinitive = _addressee(rest)
    who = antecedent(who, before)
    if not who:
        return [], None
    return _request(anchor, verb, strong, who, infinitive, doc, whole=rest)


@lru_cache(maxsize=256)
def _strong(word: str) -> bool:
    """Whether the verb ``word`` ("requests", "reiterates its request") asks for a mandate, once per word."""
    return re.fullmatch(_STRONG, word, re.I) is not None or re.search(r"requests?(?:\s+made)?$", word) is not None


def _addressee(rest: str) -> tuple[str, str]:
    """Split "the Secretary-General, in consultation with X, to submit ..." into addressee and infinitive."""
    rest = rest.strip()
    if m := _SG_BARE.match(rest):
        return m.group("who"), rest[m.end() :]  # "Requests the Secretary-General provide ..."
    rest = _LINKS_FIRST.sub("", rest)
    stop = _STOP.search(rest)
    if stop is None:
        return _AND_LAST.sub("", rest.rstrip(". ")), ""
    who = _AND_LAST.sub("", rest[: stop.start()].rstrip())
    if stop.group(0).strip() == ",":
        inf = _INFINITIVE.search(rest, stop.start())
        return who, rest[inf.end() :] if inf else ""
    if stop.group(0) in (":", ";"):
        return who, stop.group(0)
    return who, rest[stop.end() :]


def _trim(who: str) -> str:
    """The name without what follows it: "the Panel of Experts originally appointed pursuant to ..." -> "the Panel of Experts"."""
    return _AFTER_NAME.split(who)[0]


def _thing(who: str, infinitive: str) -> tuple[str, str]:
    """"Requests a written assessment from the Secretary-General ..." and "requests UNSOM's support":
    a request for a thing; the addressee is whoever is to give it."""
    if m := _POSSESSIVE.match(who):
        return m.group("who"), m.group("thing") + " " + infinitive
    if _A_THING.match(who):
        if m := _GIVER.search(who):
            return m.group("who"), who + " " + infinitive
    return who, infinitive


def _request(anchor: str, verb: str, strong: bool, who: str, infinitive: str, doc: _Doc,
             whole: str = "") -> tuple[list[Mandate], _Context | None]:
    mandates: list[Mandate] = []
    who, infinitive = _thing(who, infinitive)
    who = _trim(who)
    condition = _condition(whole or who + " " + infinitive, doc)
    people = [(p, normalise(p, doc.organ, doc.names)) for p in split_addressees(who)]
    asked = [strong and is_entity(p[0]) for p in people]
    entities = tuple(p for p, entity in zip(people, asked) if entity)
    others = tuple(p for p, entity in zip(people, asked) if not entity)
    segments = _segments(infinitive) or [""]
    actions = [(seg, action_of(seg)) for seg in segments]
    named = [(seg, a) for seg, a in actions if a != "other"]
    chosen = named or actions[:1]
    dues = [find_due(seg, doc.code, doc.session) for seg, _ in chosen]
    for (seg, action), due in zip(chosen, dues):
        if entities and others:  # what is asked is read once for both
            about = _about(seg, action, doc, condition)
            mandates += _mandates(anchor, "mandate", verb, entities, action, due, *about)
            mandates += _mandates(anchor, "call", verb, others, action, due, *about)
        elif entities or others:
            mandates += _make(anchor, "mandate" if entities else "call", verb, entities or others, action, due, seg, doc,
                              condition)
    context = None
    if infinitive.rstrip().endswith(":") or not infinitive.strip():
        kind = "mandate" if entities else "call"
        chosen_people = entities or others
        context = _Context(kind, verb, chosen_people, chosen[0][1], dues[0])
    return mandates, context


def _that(anchor: str, verb: str, strong: bool, rest: str, doc: _Doc) -> tuple[list[Mandate], _Context | None]:
    """"that the Committee shall report ...": the subject is the addressee, the words after the modal the infinitive.

    Several that-clauses ("that the tasks shall be ... and that the Mission shall adopt ...") are read one by one.
    """
    mandates: list[Mandate] = []
    context: _Context | None = None
    for clause in re.split(r",?\s+and\s+that\s+", rest):
        made, ctx = _one_that(anchor, verb, strong, clause, doc)
        mandates += made
        context = ctx or context
    return mandates, context


def _one_that(anchor: str, verb: str, strong: bool, rest: str, doc: _Doc) -> tuple[list[Mandate], _Context | None]:
    rest = rest.lstrip(" ,")
    modal = _MODAL.search(rest)
    if modal is None:
        if rest.rstrip().endswith(":"):
            return [], None
        return [Mandate(anchor, "call", verb, "", "", "other")] if not strong else [], None
    subject = rest[: modal.start()]
    if "," in subject:  # "that, upon completion of its mandate, the Preparatory Committee shall ..."
        parts = [p for p in subject.split(",") if p.strip()]
        subject = parts[-1] if re.match(r"\s*(?:the|its|all|[A-Z])", parts[-1]) else parts[0]
    tail = rest[modal.end() :]
    # "shall, in addition to the provisions of its mandate, verify ...": the aside is read through
    tail = re.sub(r"^,?\s*(?:in|with|upon|following|as|at|for|through|within|after|subject|pursuant|consistent)\b[^,;]*,\s*", "", tail)
    if _STATIVE.match(re.sub(r"^(?:(?:also|further|then|only|not|thereafter)\s+)+", "", tail)) or not subject.strip():
        return [], None
    return _request(anchor, verb, strong, subject.strip(), tail, doc, whole=rest)


def _decision(anchor: str, verb: str, rest: str, doc: _Doc) -> tuple[list[Mandate], _Context | None]:
    """"Decides to ...": the body's own work (convene, include an item, extend a mandate ...)."""
    body = re.sub(r"^(?:(?:further|also|moreover|therefore)\s*,?\s*)+", "", rest.lstrip(" ,"))
    if not body.startswith(("that", "to", ":")) and (aside := re.match(r"[^;:]{0,300}?,\s*(?=that\b)", body)):
        body = body[aside.end() :]  # "Decides, following the request of the Government, that ..."
    if body.startswith("that"):
        return _that(anchor, verb, True, body[4:], doc)
    if _SEIZED.match(body) or not body.startswith(("to ", "to,", ":")) and not body.rstrip().endswith(":"):
        return [], None
    if body.rstrip() == ":" or body.rstrip().endswith(":") and len(body.strip()) < 3:
        return [], _Context("mandate", verb, ((doc.organ, doc.organ),), "other", None, self_decision=True)
    infinitive = body[2:] if body.startswith("to") else body
    if m := _REQUEST_WORD.match(infinitive.strip()):
        word = {"request": "requests", "invite": "invites", "encourage": "encourages", "urge": "urges",
                "call upon": "calls upon"}.get(m.group(0).lower(), "authorizes")
        return _clause(anchor, verb, word, infinitive.strip()[m.end() :], doc)
    mandates: list[Mandate] = []
    for seg in _segments(infinitive):
        action = action_of(seg)
        if action not in _SELF_ACTIONS:
            continue
        who: tuple[tuple[str, str], ...] = ((doc.organ, doc.organ),)
        if action == "extend" and (m := _MANDATE_OF.search(seg) or _MANDATE_OWNED.search(seg)):
            name = _trim(m.group("who"))
            who = ((name, normalise(name, doc.organ, doc.names)),)
        mandates += _make(anchor, "mandate", verb, who, action, find_due(seg, doc.code, doc.session), seg, doc)
    context = None
    if body.rstrip().endswith(":"):
        context = _Context("mandate", verb, ((doc.organ, doc.organ),), "other", None, self_decision=True)
    return mandates, context
