"""What a mandate is: who is asked to do what, by when, and where the text says so.

Plain data, no parsing: :mod:`.find` makes these, the page, the site pages and
the exports read them. Field names are also the JSON export's (see
``document.schema.json``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Kind = Literal["mandate", "call"]
DueKind = Literal["session", "date", "until", "year", "period"]

ACTIONS = (
    "report", "oral update", "include item", "convene", "establish", "extend",
    "appoint", "transmit", "review", "support", "continue", "other",
)


@dataclass(frozen=True)
class Due:
    """When the work is due: a body's session, a date, an expiry, a year or a period.

    ``label`` is the short form shown and compared ("GA 81", "2026-06-30",
    "until 2026-04-30", "2030", "every 90 days"); ``printed`` the words of the text.
    """

    kind: DueKind
    label: str
    printed: str
    body: str | None = None  # "GA", "HRC", "Security Council" ... for a session
    session: int | None = None
    date: str | None = None  # ISO date for "date" and "until"
    starts: str | None = None  # "2026-09": when a GA session or a year begins
    ends: str | None = None  # "2027-09"

    @property
    def sort_key(self) -> str:
        """Chronological key: sessions and years by their start, periods last."""
        return self.date or self.starts or "9999"


@dataclass(frozen=True)
class Mandate:
    """One piece of work a paragraph asks of one addressee (``kind`` "mandate"),
    or a call on others kept apart (``kind`` "call": invitations, encouragement,
    anything asked of States)."""

    anchor: str  # the paragraph's anchor: "op-7", "op-16-a"
    kind: Kind
    verb: str  # as printed: "Requests", "also decides", "Calls upon"
    addressee: str  # normalised: "Secretary-General", "UNODC", "General Assembly"
    addressee_printed: str  # "the United Nations Office on Drugs and Crime (UNODC)"
    action: str  # one of ACTIONS
    due: Due | None = None
    subject: str = ""  # what is to be delivered: "on the implementation of the present resolution"
    condition: str = ""  # "if requested by the Government of Iraq", "" when unconditional
    joint: tuple[str, ...] = ()  # the other addressees of the same request

    def to_dict(self) -> dict:
        data = asdict(self)
        data["joint"] = list(self.joint)
        return data
