"""Lead phrases of UN resolution paragraphs, found without italics.

In print the lead phrase of each paragraph is set in italics ("*Reaffirming
also* its resolutions", "*Requests* the Secretary-General"). Plain text loses
the italics, so the lead is recovered from word lists calibrated on the seed
and on the italic leads of the PDF-markdown corpus.

What counts as the lead (as printed in UN resolutions):

* the verb or adjective phrase: "Requests", "Takes note", "Bearing in mind",
  "Deeply concerned", "Acting" (SC: "*Acting* under Chapter VII ...");
* adverbs in front of it: "Also requests", "Further strongly urges";
* qualifiers after it that are printed in italics: "also", "further",
  "in particular", "with appreciation", "with concern";
* a few fixed objects that belong to the italic phrase: "Expressing *its grave
  concern*", "Reiterates *its request*", "Expresses *deep concern*";
* never the object itself ("the Secretary-General", "of the report", "its
  resolutions");
* in a Security Council mandate list, the heading of a sub-paragraph:
  "(a) *Protection of civilians*:".

Unknown openings give 0 (no lead) so that the structurer can log them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Literal

__all__ = [
    "split_lead", "lead_steps", "heading_step", "organ_key", "rule_keys", "printed_in_italics",
    "PREAMBULAR_HEADS", "OPERATIVE_HEADS",
]

# Adverbs that may stand before the head ("Also requests", "Further strongly urges").
_PREFIXES = [
    "Also", "Further", "Furthermore", "Again", "Once again", "Once more", "Strongly", "Firmly", "Also strongly",
    "Further strongly", "Unequivocally", "Urgently", "Being", "Remaining", "Being further", "Still",
    "Emphatically", "Resolutely", "Vigorously", "Categorically", "Reiterating", "Expressly", "Solemnly",
    "Fully", "Deeply", "Gravely", "Profoundly", "Seriously", "Particularly", "Continuing to",
]

# Qualifiers printed in italics after the head.
_QUALIFIERS = [
    "also", "further", "furthermore", "moreover", "again", "once again", "once more", "in particular",
    "with appreciation", "with deep appreciation", "with great appreciation", "with satisfaction",
    "with great satisfaction", "with concern", "with deep concern", "with grave concern",
    "with great concern", "with serious concern", "with particular concern", "with alarm",
    "with deep alarm", "with regret", "with deep regret", "with gratitude",
]
# Objects that are part of the italic lead for particular verbs (noun phrases of feeling or request).
_FEELINGS = [
    "its grave concern", "its deep concern", "its serious concern", "its profound concern", "its concern",
    "its strong concern", "its particular concern", "its continuing concern", "its continued concern",
    "grave concern", "deep concern", "serious concern", "profound concern", "particular concern",
    "serious and urgent concern", "concern", "strong concern", "utmost concern",
    "its deep appreciation", "its appreciation", "its sincere appreciation", "its gratitude",
    "its deep gratitude", "its alarm", "its grave alarm", "its deep alarm", "its outrage",
    "its support", "its full support", "its strong support", "support", "full support",
    "its commitment", "its strong commitment", "its determination", "its willingness", "its intention",
    "its readiness", "its solidarity", "its condolences", "its sympathy", "its regret", "its deep regret",
    "its condemnation", "its strong condemnation", "its unequivocal condemnation",
]
_REITERATED = [
    "its request", "its requests", "its call", "its calls", "its invitation", "its appeal", "its demand",
    "its demands", "its condemnation", "its strong condemnation", "its unequivocal condemnation",
    "its support", "its full support", "its commitment", "its strong commitment", "its determination",
    "its encouragement", "its appreciation", "its firm commitment", "its call upon", "its call on",
]

# Preambular heads. "X+F" means head X takes an italic feeling object; "X+R" a reiterated object.
PREAMBULAR_HEADS: tuple[str, ...] = (
    "Acknowledging", "Acting", "Adopting", "Affirming", "Alarmed", "Appreciating", "Approving",
    "Aware", "Fully aware", "Bearing in mind", "Keeping in mind", "Believing", "Calling", "Calling on",
    "Calling upon", "Calling for", "Cognizant", "Cognisant", "Commending", "Concerned", "Deeply concerned",
    "Gravely concerned", "Seriously concerned", "Profoundly concerned", "Particularly concerned",
    "Extremely concerned", "Condemning", "Strongly condemning", "Conscious", "Considering", "Continuing",
    "Convinced", "Firmly convinced", "Deeply convinced", "Deploring", "Strongly deploring",
    "Deeply deploring", "Deeply regretting", "Regretting", "Desiring", "Desirous", "Determined",
    "Determining", "Disturbed", "Deeply disturbed", "Gravely disturbed", "Distressed", "Deeply distressed",
    "Gravely distressed", "Alarmed", "Deeply alarmed", "Gravely alarmed", "Emphasizing", "Emphasising",
    "Encouraged", "Encouraging", "Endorsing", "Expressing+F", "Expressing", "Guided",
    "Having considered", "Having examined", "Having reviewed", "Having received", "Having heard",
    "Having adopted", "Having conducted", "Having regard", "Having studied", "Having met",
    "Highlighting", "Inviting", "Looking forward", "Mindful", "Noting", "Noting with appreciation",
    "Observing", "Paying tribute", "Reaffirming", "Realizing", "Realising", "Recalling", "Recognizing",
    "Recognising", "Regretting", "Reiterating+R", "Reiterating", "Rejecting", "Reminding", "Renewing",
    "Seized", "Seeking", "Stressing", "Supporting", "Taking note", "Taking note of", "Taking into account",
    "Taking into consideration", "Underlining", "Underscoring", "Urging", "Welcoming",
    "Wishing", "Pointing out", "Referring", "Reviewing", "Recommending", "Shocked", "Deeply shocked",
    "Appalled", "Outraged", "Saddened", "Deeply saddened", "Satisfied", "Troubled", "Deeply troubled",
    "Grateful", "Thanking", "Proclaiming", "Resolved", "Resolving", "Sharing", "Confident",
    "Persuaded", "Acknowledging with appreciation", "Paying tribute to", "Calling once again upon",
    "Demanding", "Unequivocally condemning", "Declaring", "Deciding", "Agreeing",
)

OPERATIVE_HEADS: tuple[str, ...] = (
    "Acknowledges", "Adopts", "Affirms", "Agrees", "Appeals", "Appoints", "Approves", "Authorizes",
    "Authorises", "Calls", "Calls upon", "Calls on", "Calls for", "Calls once again upon", "Calls again upon",
    "Calls also upon", "Commends", "Condemns", "Confirms+F", "Realizes", "Realises", "Confirms", "Considers", "Continues to urge",
    "Continues", "Decides", "Declares", "Demands", "Deplores", "Designates", "Directs",
    "Draws attention", "Draws the attention", "Emphasizes", "Emphasises", "Encourages", "Endorses",
    "Establishes", "Expresses+F", "Expresses", "Extends", "Highlights", "Insists", "Instructs",
    "Invites", "Looks forward", "Notes", "Pays tribute", "Pays homage", "Proclaims", "Reaffirms+R",
    "Reaffirms", "Recalls+R", "Recalls", "Recognizes", "Recognises", "Recommends", "Regrets", "Reiterates+R",
    "Reiterates", "Rejects", "Reminds", "Renews", "Requests", "Resolves", "Stresses", "Supports",
    "Takes note", "Takes note of", "Underlines", "Underscores", "Urges", "Welcomes", "Deems", "Determines", "Elects",
    "Emphasizes further", "Entrusts", "Launches", "Mandates", "Notes with appreciation", "Observes",
    "Reviews", "Solemnly declares", "Strongly condemns", "Strongly urges", "Strongly encourages",
    "Strongly supports", "Strongly deplores", "Thanks", "Transmits", "Warns", "Wishes",
    "Acknowledges with appreciation", "Appreciates", "Applauds", "Commits", "Convenes", 
    "Condemns unequivocally", "Reaffirms its commitment", "Confirms its determination",
)

_PREPOSITIONS = ("upon", "on", "for", "to", "of")
# What the finder does where the PDFs have not shown a complement often enough
# (fewer than MIN_EVIDENCE paragraphs of the organ): the General Assembly italicises
# qualifiers, objects and prepositions; the Council the verb and its preposition, and
# the headings of its mandate lists ("(a) *Protection of civilians*:"). A learned
# phrase ("Urges *in this regard*") is used only once that many paragraphs show it.
_DEFAULTS = {
    "GA": {"qualifier": True, "preposition": True, "object": True, "phrase": False, "heading": False},
    "SC": {"qualifier": False, "preposition": True, "object": False, "phrase": False, "heading": True},
}
# Paragraphs of an organ's PDFs a learned rule needs before it is used. Chosen by the
# held-out (leave-one-document-out) figure of build_tools/learn_leads.py --check.
MIN_EVIDENCE = 3

# A sub-paragraph that is only a short heading and a colon: "(a) Protection of civilians:".
# Not one ending in a word that asks for more ("... capacity by:", "... such as:").
_HEADING = re.compile(r"([A-Z][^:;.!?\n]{1,150}?)\s*:\s*$")
_HEADING_MAX_WORDS = 12
_OPEN_ENDINGS = frozenset(
    "a an and as at by for from in including its namely of on or such that the their to under which with whose".split()
)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def organ_key(organ: str | None) -> str:
    return "SC" if organ and "Security Council" in str(organ) else "GA"


@dataclass(frozen=True)
class Step:
    """A phrase that may extend the lead: what kind, the words, where it ends in the text."""

    family: str  # "qualifier", "preposition", "object", "phrase" (a complement learned from the PDFs) or "heading"
    words: str
    end: int


@dataclass(frozen=True)
class _Grammar:
    heads: re.Pattern[str]  # prefix adverbs + a head without its preposition
    prepositions: dict[str, frozenset[str]]  # head -> prepositions printed with it in the word lists
    objects: dict[str, tuple[str, ...]]  # head -> italic objects it takes (feelings, reiterated requests)


@lru_cache(maxsize=2)
def _grammar(role: str) -> _Grammar:
    heads = PREAMBULAR_HEADS if role == "preambular" else OPERATIVE_HEADS
    bases: set[str] = set()
    prepositions: dict[str, set[str]] = {}
    objects: dict[str, tuple[str, ...]] = {}
    for head in heads:
        if head.endswith("+F") or head.endswith("+R"):
            objects[head[:-2]] = tuple(_FEELINGS if head.endswith("+F") else _REITERATED)
            bases.add(head[:-2])
            continue
        words = head.split()
        if len(words) > 1 and words[-1] in _PREPOSITIONS and " ".join(words[:-1]) in heads:
            prepositions.setdefault(" ".join(words[:-1]), set()).add(words[-1])
            continue
        if len(words) > 2 and words[-1] in _PREPOSITIONS:  # "Calls once again upon": the verb, a qualifier, a preposition
            prepositions.setdefault(words[0], set()).add(words[-1])
            continue
        bases.add(head)
    prefix = rf"(?:(?:{_alternatives(_PREFIXES)})\s+)*"
    pattern = re.compile(rf"({prefix})({_alternatives(bases)})(?=[\s,.;:]|$)", re.IGNORECASE)
    return _Grammar(pattern, {k: frozenset(v) for k, v in prepositions.items()}, objects)


def _canonical(head: str) -> str:
    head = re.sub(r"\s+", " ", head)
    return head[:1].upper() + head[1:].lower()


_QUALIFIER_RE = re.compile(rf"\s+({_alternatives(_QUALIFIERS)})(?=[\s,.;:]|$)", re.IGNORECASE)


_SPACE_END = r"\s|$"  # a preposition ends at a space
_WORD_END = r"[\s,.;:]|$"  # an object or a learned phrase ends at a space or a punctuation mark


@lru_cache(maxsize=1024)
def _after(words: frozenset[str] | tuple[str, ...], end: str) -> re.Pattern[str]:
    """One of ``words`` right after the text so far (compiled once per word list, not per paragraph)."""
    return re.compile(rf"\s+({_alternatives(words)})(?={end})", re.IGNORECASE)


def _complement(text: str, pos: int, done: set[str], kinds: tuple[tuple[str, frozenset[str] | tuple[str, ...], str], ...]) -> Step | None:
    """The first complement (preposition, object, learned phrase) not yet taken that follows ``pos``."""
    for family, words, end in kinds:
        if family in done or not words:
            continue
        found = _after(words, end).match(text, pos)
        if found:
            return Step(family, re.sub(r"\s+", " ", found.group(1).lower()), found.end())
    return None


def lead_steps(text: str, role: str, phrases: dict[str, list[str]] | None = None) -> tuple[str, int, list[Step]]:
    """The head at the start of ``text`` (canonical form, end offset) and the phrases that may follow it.

    Nothing is decided here: :func:`split_lead` keeps the steps the learned
    rules allow, ``build_tools/learn_leads.py`` measures them on PDFs.
    ``phrases`` are learned complements per head (tried after the word lists).
    """
    grammar = _grammar(role)
    m = grammar.heads.match(text)
    if not m:
        return "", 0, []
    head = _canonical(m.group(2))
    steps: list[Step] = []
    pos = m.end()
    done: set[str] = set()
    learned = (phrases or {}).get(head, [])
    for _ in range(8):  # bounded: a lead has at most a few parts
        q = _QUALIFIER_RE.match(text, pos)
        if q:
            steps.append(Step("qualifier", q.group(1).lower(), q.end()))
            pos = q.end()
            continue
        step = _complement(text, pos, done, (
            ("preposition", grammar.prepositions.get(head, frozenset()), _SPACE_END),
            ("object", grammar.objects.get(head, ()), _WORD_END),
            ("phrase", tuple(learned), _WORD_END),
        ))
        if step is not None:
            steps.append(step)
            pos = step.end
            done.add(step.family)
            continue
        break
    return head, m.end(), steps


@lru_cache(maxsize=1)
def _learned() -> dict:
    """The counts learned from PDFs by ``build_tools/learn_leads.py`` (``data/leads.json``)."""
    try:
        text = (resources.files(__package__) / "data" / "leads.json").read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, ValueError):
        return {}


def rule_keys(step: Step) -> tuple[str, ...]:
    """What a step's printing is counted under, most specific first: its words, then its kind.

    Counted per organ over all heads: how the Council prints "for" after a verb
    ("*Calls* for", "*Calling* for") is better known from every verb than from one.
    A learned phrase has no kind to fall back on.
    """
    if step.family == "heading":
        return ("heading",)
    if step.family == "phrase":
        return (f"phrase:{step.words}",)
    return (f"{step.family}:{step.words}", step.family)


def printed_in_italics(organ: str, step: Step) -> bool:
    """Whether ``organ`` prints ``step`` in italics: the majority of its PDFs for the most
    specific key with enough evidence, else the default."""
    table = _learned().get("counts", {}).get(organ, {})
    for key in rule_keys(step):
        italic, total = table.get(key, (0, 0))
        if total >= MIN_EVIDENCE:
            return 2 * italic > total
    return _DEFAULTS[organ][step.family]


def heading_step(text: str) -> Step | None:
    """A sub-paragraph that is a short heading and its colon, as a step (end: before the colon)."""
    m = _HEADING.match(text)
    if not m:
        return None
    words = m.group(1).split()
    if len(words) > _HEADING_MAX_WORDS or words[-1].lower().strip(",") in _OPEN_ENDINGS:
        return None
    return Step("heading", "", m.end(1))


def split_lead(text: str, role: Literal["preambular", "operative", "sub"], organ: str | None = None) -> int:
    """Length of the lead phrase at the start of ``text`` (0 if none is recognised).

    ``text`` starts with the lead: strip operative numbers ("1. ") or labels
    ("(a) ") before calling. The first word must be capitalised, as leads are in
    print. The head comes from the word lists; how far the italics run past it
    (qualifiers, prepositions, objects, learned complements) follows what the
    PDFs of ``organ`` printed (``data/leads.json``). A sub-paragraph has a lead
    only when it is a heading ("Protection of civilians:") and the organ prints those in italics.
    """
    if not text or not text[:1].isupper():
        return 0
    organ_code = organ_key(organ)
    if role == "sub":
        step = heading_step(text)
        return step.end if step and printed_in_italics(organ_code, step) else 0
    phrases = _learned().get("phrases", {}).get(organ_code, {})
    head, end, steps = lead_steps(text, role, phrases.get(role))
    for step in steps:
        if not printed_in_italics(organ_code, step):
            break
        end = step.end
    return end
