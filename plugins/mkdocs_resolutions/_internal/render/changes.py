"""A changes page: what changed from one version of a text to another, paragraph by paragraph.

Static HTML: the view switch (inline or side by side) is two radio buttons and
CSS (assets/changes.css), no script. Insertions and deletions are ``<ins>`` and
``<del>``, underlined and struck through, each opened by words only a screen
reader hears, so a change is never told by colour alone. Every character from a
source is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from .. import anchors
from ..changes.align import Alignment, Pair, Piece, align, note_units, units, word_diff
from ..changes.amended import AS_AMENDED
from ..changes.pages import ChangesPage
from ..corpus import Corpus, Entry
from ..model import Document

HrefTo = Callable[[str, str | None], str]  # (src_uri of a text, anchor) -> page-relative href


@dataclass(frozen=True)
class Side:
    """One version as the page names it."""

    uri: str
    name: str  # "A/RES/80/229", or the page URL of a text without a symbol
    doc: Document
    # paragraphs printed on another page (a draft as amended: what an amendment put in), key -> (src_uri, anchor, name)
    elsewhere: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    ibid: Mapping[str, str] = field(default_factory=dict)  # footnote number -> what its "Ibid." stands for

    def place(self, anchor: str) -> tuple[str, str]:
        """The page (src_uri) and anchor where the paragraph ``anchor`` of this version is printed."""
        uri, there, _ = self.elsewhere.get(anchor, (self.uri, anchor, ""))
        return uri, there

    def label(self, anchor: str) -> str:
        """What a reader calls the paragraph: "paragraph 7 (a)", "the paragraph inserted by A/80/L.38"."""
        return self.elsewhere[anchor][2] if anchor in self.elsewhere else anchors.label(anchor)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _pieces(pieces: Sequence[Piece], keep: str) -> str:
    """Words of one paragraph; ``keep`` is "both" (inline), "old" (deletions) or "new" (insertions)."""
    out = []
    for piece in pieces:
        words = escape(piece.text)
        if piece.op == "equal":
            out.append(words)
        elif piece.op == "delete" and keep in ("both", "old"):
            out.append(f'<del class="chg-del"><span class="chg-sr">deleted: </span>{words}<span class="chg-sr"> (end of deletion)</span></del>')
        elif piece.op == "insert" and keep in ("both", "new"):
            out.append(f'<ins class="chg-ins"><span class="chg-sr">inserted: </span>{words}<span class="chg-sr"> (end of insertion)</span></ins>')
    return " ".join(out)


def _status(pair: Pair) -> str:
    if pair.old is None:
        return "added"
    if pair.new is None:
        return "deleted"
    words = {"same": "unchanged", "technical": "technical update", "changed": "changed"}[pair.status or "same"]
    return ", ".join((words, *(["moved"] if pair.moved else []), *(["renumbered"] if pair.renumbered else [])))


def _row(pair: Pair, old: Side, new: Side, href: HrefTo) -> str:
    status = _status(pair)
    kind = status.split(",")[0].replace(" ", "-")
    where = []
    if pair.old is not None:
        where.append(f'<a href="{_attr(href(*old.place(pair.old.anchor)))}">{escape(old.label(pair.old.anchor))} of {escape(old.name)}</a>')
    if pair.new is not None:
        verb = "became" if pair.old is not None and pair.renumbered else "is" if pair.old is not None else "new:"
        where.append(f'{verb} <a href="{_attr(href(*new.place(pair.new.anchor)))}">{escape(new.label(pair.new.anchor))} here</a>')
    else:
        where.append("was deleted")
    row_id = f"from-{pair.old.anchor}" if pair.old is not None else f"to-{pair.new.anchor}" if pair.new else ""
    head = f'<p class="chg-where">{" ".join(where)} <span class="chg-status">({escape(status)})</span></p>'
    if pair.old is None or pair.new is None:
        unit = pair.new or pair.old
        assert unit is not None
        tag = "ins" if pair.old is None else "del"
        word = "inserted" if tag == "ins" else "deleted"
        body = (f'<p class="chg-text chg-text--whole"><{tag} class="chg-{tag}"><span class="chg-sr">{word} paragraph: </span>'
                f"{escape(unit.text)}</{tag}></p>")
    elif pair.status == "same":
        body = f'<p class="chg-text chg-text--whole">{escape(pair.new.text)}</p>'
    else:
        pieces = word_diff(pair.old.text, pair.new.text)
        body = (
            f'<p class="chg-text chg-inline">{_pieces(pieces, "both")}</p>'
            '<div class="chg-side">'
            f'<div class="chg-old"><p class="chg-side__label">{escape(old.name)}</p><p class="chg-text">{_pieces(pieces, "old")}</p></div>'
            f'<div class="chg-new"><p class="chg-side__label">{escape(new.name)}</p><p class="chg-text">{_pieces(pieces, "new")}</p></div>'
            "</div>"
        )
    return f'<div class="chg-row chg-row--{kind}" id="{_attr(row_id)}">{head}{body}</div>'


def _summary(alignment: Alignment) -> str:
    counts = [(what, alignment.count(what)) for what in ("added", "deleted", "changed", "technical", "moved")]
    renumbered = sum(p.renumbered for p in alignment.pairs)
    same = alignment.count("same")
    names = {"technical": "changed in dates or numbers only"}
    items = "".join(f"<li><strong>{n}</strong> {escape(names.get(what, what))}</li>" for what, n in counts)
    items += f"<li><strong>{renumbered}</strong> renumbered</li><li><strong>{same}</strong> unchanged</li>"
    if alignment.empty:
        verdict = "The texts are the same paragraph by paragraph."
    elif all(p.status == "same" and not p.moved for p in alignment.pairs):
        verdict = "The same words paragraph by paragraph; only paragraph numbers changed."
    elif alignment.technical_update:
        verdict = "A technical update: only dates, session numbers and document numbers changed."
    else:
        verdict = "Not a technical update: the wording changed."
    return (f'<section class="chg-summary" aria-labelledby="summary"><h2 id="summary">Summary</h2>'
            f'<p class="chg-verdict">{escape(verdict)}</p><ul class="chg-counts">{items}</ul></section>')


def _numbering(alignment: Alignment, old: Side) -> str:
    """The old numbers that do not hold here any more, each leading to its row."""
    moved = [p for p in alignment.pairs if p.old is not None and (p.new is None or p.renumbered)]
    if not moved:
        return ""
    items = "".join(
        f'<li><a href="#from-{_attr(p.old.anchor)}">{escape(p.old.anchor)}</a> → '
        f'{escape(p.new.anchor) if p.new else "deleted"}</li>'
        for p in moved if p.old is not None
    )
    return (f'<details class="chg-numbering"><summary>Old paragraph numbers of {escape(old.name)} '
            f'({len(moved)} changed)</summary><ul>{items}</ul></details>')


def _notes(alignment: Alignment, old: Side, new: Side, href: HrefTo) -> str:
    """The footnotes compared: counts, then a row for each note added, deleted or reworded (most
    notes cite documents: a new report cited is a change in substance, a renumbered note is not)."""
    if not alignment.pairs:
        return ""
    shown = [p for p in alignment.pairs if p.old is None or p.new is None or p.status != "same"]
    counts = [(alignment.count(w), n) for w, n in (("added", "added"), ("deleted", "deleted"), ("changed", "changed"),
                                                  ("technical", "changed in dates or numbers only"), ("same", "unchanged"))]
    items = "".join(f"<li><strong>{k}</strong> {escape(n)}</li>" for k, n in counts)
    rows = "\n".join(_row(p, old, new, href) for p in shown)
    return (f'<section class="chg-notes" aria-labelledby="notes"><h2 id="notes">Footnotes</h2>'
            f'<ul class="chg-counts">{items}</ul>\n<div class="chg-rows">\n{rows}\n</div></section>')


def changes_html(alignment: Alignment, old: Side, new: Side, relation: str, href: HrefTo,
                 others: Sequence[tuple[str, str, bool]]) -> str:
    """The page body. ``others``: (label, href, current) of every comparison of this text."""
    title = f"Changes in {new.name} since {old.name}"
    what = {"draft": "its draft", "previous": "the previous text of its series", "revision of": "the text it revises",
            "draft as amended": "its draft as amended", "amended": "the draft"}.get(relation, "an earlier version")
    subject = f" — {escape(new.doc.meta.title)}" if new.doc.meta.title else ""
    when = old.doc.meta.date or old.doc.meta.adopted_on
    intro = (
        f'<p class="chg-intro"><a href="{_attr(href(new.uri, None))}">{escape(new.name)}</a>{subject}, '
        f'compared with {escape(what)}, <a href="{_attr(href(old.uri, None))}">{escape(old.name)}</a>'
        f'{f" ({escape(when)})" if when else ""}.</p>'
    )
    parts = ['<div class="chg">', f'<h1 id="title">{escape(title)}</h1>', intro, _summary(alignment)]
    if len(others) > 1:
        current_page = ' aria-current="page"'
        items = "".join(
            f'<li><a href="{_attr(url)}"{current_page if current else ""}>{escape(label)}</a></li>' for label, url, current in others
        )
        parts.append(f'<nav class="chg-versions" aria-label="Compare with another version"><p>Compare with:</p><ul class="chg-versions__list">{items}</ul></nav>')
    parts.append(_numbering(alignment, old))
    parts.append(
        '<fieldset class="chg-view"><legend>Show changes</legend>'
        '<input type="radio" name="chg-view" id="chg-view-inline" checked> <label for="chg-view-inline">inline</label> '
        '<input type="radio" name="chg-view" id="chg-view-side"> <label for="chg-view-side">side by side</label></fieldset>'
    )
    rows = "\n".join(_row(p, old, new, href) for p in alignment.pairs)
    parts.append(f'<div class="chg-rows">\n{rows}\n</div>')
    parts.append(_notes(align(note_units(old.doc, old.ibid), note_units(new.doc, new.ibid)), old, new, href))
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def side(entry: Entry) -> Side:
    """A version named by its symbol; a text without one (the seed) by its kind and date."""
    meta = entry.analysis.doc.meta
    name = meta.symbol or (f"the {meta.kind.value} of {meta.date}" if meta.date else entry.url.strip("/"))
    return Side(entry.src_uri, name, entry.analysis.doc, ibid=entry.analysis.ibid)


def version(key: str, page: ChangesPage, corpus: Corpus) -> Side:
    """The side ``key`` of ``page``: a text of the site, or a draft as amended (named "A/C.2/80/L.13 as
    amended by A/C.2/80/L.62"; its paragraphs printed on the draft's page, or, put in by an amendment,
    on the amendment's page)."""
    if not key.endswith(AS_AMENDED) or page.amended is None:
        return side(corpus.entries[key])
    amended = page.amended
    draft = side(corpus.entries[amended.draft])
    names = [side(corpus.entries[uri]).name for uri in amended.amendments]
    by = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    elsewhere = {
        key: (uri, there, f"the paragraph inserted by {side(corpus.entries[uri]).name}")
        for key, (uri, there) in amended.applied.inserted.items()
    }
    return Side(amended.draft, f"{draft.name} as amended by {by}", amended.applied.doc, elsewhere, draft.ibid)


def page_names(page: ChangesPage, corpus: Corpus) -> tuple[str, str]:
    """The names of the text shown and of the version it is compared with, for the page's title."""
    return version(page.new, page, corpus).name, version(page.old, page, corpus).name


def lineage(pages: Sequence[ChangesPage], corpus: Corpus, href: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """The lineage links of a text's page to its changes pages: "Changes since A/RES/78/229" (the
    first comparison) and, on an amended draft's page, "Changes made by its amendments"."""
    out = []
    first = next((p for p in pages if p.relation != "amended"), None)
    if first is not None:
        out.append(("Changes since", version(first.old, first, corpus).name, href(first.url)))
    out += [("Changes made by its amendments", "", href(p.url)) for p in pages if p.relation == "amended"]
    return out


def changes_page(page: ChangesPage, corpus: Corpus, siblings: Sequence[ChangesPage], href: Callable[[str, str | None], str]) -> str:
    """The body of ``page``; ``siblings`` are every changes page of the same text;
    ``href(url, anchor)`` makes a site URL relative to the page."""
    old, new = version(page.old, page, corpus), version(page.new, page, corpus)
    alignment = align(units(old.doc), units(new.doc))
    others = [(f"{version(p.old, p, corpus).name} ({p.relation})", href(p.url, None), p.url == page.url) for p in siblings]
    return changes_html(alignment, old, new, page.relation, lambda uri, anchor: href(corpus.entries[uri].url, anchor), others)
