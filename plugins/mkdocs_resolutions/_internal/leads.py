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
  resolutions").

Unknown openings give 0 (no lead) so that the structurer can log them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

__all__ = ["split_lead", "PREAMBULAR_HEADS", "OPERATIVE_HEADS"]

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
# The Security Council prints only the verb in italics: "*Expressing* grave concern",
# "*Reiterates* its demand", "*Notes* with concern" (measured on the SC drafts of the corpus).
_SC_QUALIFIERS: list[str] = []

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
    "Seized", "Seeking", "Stressing", "Supporting", "Taking note", "Taking into account",
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
    "Takes note", "Underlines", "Underscores", "Urges", "Welcomes", "Deems", "Determines", "Elects",
    "Emphasizes further", "Entrusts", "Launches", "Mandates", "Notes with appreciation", "Observes",
    "Reviews", "Solemnly declares", "Strongly condemns", "Strongly urges", "Strongly encourages",
    "Strongly supports", "Strongly deplores", "Thanks", "Transmits", "Warns", "Wishes",
    "Acknowledges with appreciation", "Appreciates", "Applauds", "Commits", "Convenes", 
    "Condemns unequivocally", "Reaffirms its commitment", "Confirms its determination",
)

# A few heads whose second word is only part of the lead when it is exactly that word.
_WORD = r"[\w’'-]+"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=4)
def _pattern(role: str, council: bool) -> re.Pattern[str]:
    heads = PREAMBULAR_HEADS if role == "preambular" else OPERATIVE_HEADS
    plain = [h for h in heads if "+" not in h]
    prefix = rf"(?:(?:{_alternatives(_PREFIXES)})\s+)*"
    if council:
        return re.compile(rf"{prefix}(?:{_alternatives(plain)})(?=[\s,.;:]|$)", re.IGNORECASE)
    feeling = [h[:-2] for h in heads if h.endswith("+F")]
    reiter = [h[:-2] for h in heads if h.endswith("+R")]
    qual = rf"(?:\s+(?:{_alternatives(_QUALIFIERS)}))*"
    head = (
        rf"(?:(?:{_alternatives(feeling)}){qual}\s+(?:{_alternatives(_FEELINGS)})"
        rf"|(?:{_alternatives(reiter)}){qual}\s+(?:{_alternatives(_REITERATED)})"
        rf"|(?:{_alternatives(plain)}))"
    )
    return re.compile(rf"{prefix}{head}{qual}(?=[\s,.;:]|$)", re.IGNORECASE)


def split_lead(text: str, role: Literal["preambular", "operative"], organ: str | None = None) -> int:
    """Length of the lead phrase at the start of ``text`` (0 if none is recognised).

    ``text`` starts with the lead: strip operative numbers ("1. ") before calling.
    The first word must be capitalised, as leads are in print. ``organ``
    "Security Council" selects the Council's shorter italics (verb only).
    """
    council = bool(organ) and "Security Council" in str(organ)
    if not text or not text[:1].isupper():
        return 0
    best = 0
    for r in ((role,) if role in ("preambular", "operative") else ("preambular", "operative")):
        m = _pattern(r, council).match(text)
        if m and m.end() > best:
            best = m.end()
    return best
