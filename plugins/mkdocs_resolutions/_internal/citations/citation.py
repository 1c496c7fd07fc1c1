"""What the citation finder reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic


@dataclass(frozen=True)
class Citation:
    """A span of running text that cites one or more documents.

    ``symbols`` are canonical UN symbols (usually one; a printed range such as
    "A/62/PV.117-120" gives all of PV.117..PV.120 on the one span). ``pinpoint``
    is an anchor in the target (``op-7``, ``op-7-a``, ``pp-3``, ``annex``,
    ``annex-ii``, ``annex-p-23``: the structurer's anchors); None means the whole document. ``internal``
    marks a pinpoint into the citing document itself ("paragraph 33 above"),
    with ``symbols == ()``. ``through`` is the last anchor of a pinpointed range
    ("paragraphs 14 to 17 of resolution 2216 (2015)": ``op-14`` through ``op-17``).
    ``body`` names another body whose resolution or decision is cited but has no
    UN symbol we can build ("Commission on Narcotic Drugs resolution 65/2"):
    the span is marked as that body's, not linked, with ``symbols == ()``.
    """

    start: int
    end: int
    symbols: tuple[str, ...]
    pinpoint: str | None = None
    internal: bool = False
    through: str | None = None
    body: str | None = None


@dataclass
class FindResult:
    citations: list[Citation] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    debug: list[str] = field(default_factory=list)
