"""What "Ibid." stands for in a run of footnotes.

"Ibid." repeats the source of the previous footnote. Which *level* of that
source depends on what follows it: "Ibid., vol. 2349, No. 42146." or "Ibid.,
Seventy-sixth Session, Supplement No. 53 (A/76/53)" repeat the *series*
("United Nations, Treaty Series", "Official Records of the General Assembly");
"Ibid., chap. IV" or "Ibid., para. 12" repeat the *document* ("A/66/303");
a bare "Ibid." repeats the whole previous reference. Each footnote is expanded
(ibid replaced by its source) before the next one is read, so chains work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import anchors
from .citation import Citation
from .tokens import IBID, SEE

_LEAD = re.compile(rf"^\s*{SEE}")
_SERIES = re.compile(r"^(?:United Nations, Treaty Series|League of Nations, Treaty Series"
                     r"|Official Records of the [A-Z][\w ,’'-]*?)(?=,|\.?$)")
_DOC_CUT = re.compile(r",\s*(?:chap|sect|paras?|annex(?:es)?|p|pp|vols?|Nos?|art|arts|footnote|table)\b\.?")
# Continuations that name a new volume, session or supplement of the same series.
_SERIES_NEXT = re.compile(
    r"^(?:vols?\.|Nos?\.|Supplement|\d{4},|[A-Z][a-z]+(?:-[a-z]+)?\s+(?:Session|session|Year|year)\b"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\b)")
_PARA = re.compile(r"^paras?\.\s+(\d+)")


@dataclass(frozen=True)
class IbidSource:
    """What one "Ibid." stands for, and the document it resolves to (if a UN symbol)."""

    text: str
    symbol: str | None = None
    pinpoint: str | None = None


def _strip(text: str) -> str:
    return _LEAD.sub("", text.strip()).rstrip(" .;")


def _last_reference(text: str) -> str:
    """The last reference of a footnote listing several ("See X; see also Y.")."""
    parts = [p for p in re.split(r";\s*", text) if p.strip()]
    return _strip(parts[-1]) if parts else ""


def _series(ref: str) -> str:
    m = _SERIES.match(ref)
    return m.group().rstrip(" ,") if m else _document(ref)


def _document(ref: str) -> str:
    m = _DOC_CUT.search(ref)
    return (ref[: m.start()] if m else ref).rstrip(" .,")


def _expand(notes: list[str]) -> tuple[list[str], list[str | None]]:
    expanded: list[str] = []
    sources: list[str | None] = []
    for i, note in enumerate(notes):
        m = IBID.match(note)
        if not m or i == 0:
            expanded.append(note.strip())
            sources.append(None)
            continue
        prev = expanded[i - 1]
        rest = note[m.end():].lstrip(" ,")
        ref = _last_reference(prev)
        if re.match(r"^ibid\b", ref, re.I):  # "...; and ibid., ..." inside the previous note
            ref = _last_reference(";".join(re.split(r";\s*", prev)[:-1])) or ref
        if not rest.strip(" ."):
            source = ref
        elif rest.startswith("Supplement") and (sess := re.match(r"^(Official Records of the [^,]+, [^,]*Session)\b", ref)):
            source = sess.group(1)  # same session, another supplement
        elif _SERIES_NEXT.match(rest):
            source = _series(ref)
        else:
            source = _document(ref)
        sources.append(source or None)
        expanded.append(f"{source}, {rest}" if rest.strip(" .") else f"{source}.")
    return expanded, sources


def resolve_ibid(footnotes: list[str]) -> list[str | None]:
    """For each footnote text, what its leading "Ibid." stands for (None: no ibid)."""
    return _expand(footnotes)[1]


def ibid_sources(footnotes: list[str], organ: str | None = "A") -> list[IbidSource | None]:
    """Like :func:`resolve_ibid`, with the UN symbol each source resolves to."""
    from .find import find_citations  # local: find imports nothing from here

    out: list[IbidSource | None] = []
    for note, source in zip(footnotes, resolve_ibid(footnotes)):
        if source is None:
            out.append(None)
            continue
        cites = [c for c in find_citations(source, organ=organ).citations if c.symbols]
        symbol = cites[0].symbols[0] if cites else None
        pin = cites[0].pinpoint if cites else None
        m = IBID.match(note)
        rest = note[m.end():].lstrip(" ,") if m else ""
        para = _PARA.match(rest)
        if symbol and para and re.search(r"/(?:RES|DEC)/|/L\.\d", symbol):
            pin = anchors.Anchor("op", str(int(para.group(1)))).id
        elif rest.strip(" ."):
            pin = None if not rest.startswith("annex") else anchors.annex(None).id
        out.append(IbidSource(source, symbol, pin))
    return out


def ibid_citation(text: str, source: IbidSource | None) -> Citation | None:
    """A citation on the "Ibid." of ``text`` pointing at ``source``'s document."""
    if source is None or source.symbol is None:
        return None
    m = IBID.match(text)
    if not m:
        return None
    return Citation(m.start("ibid"), m.end("ibid"), (source.symbol,), source.pinpoint)
