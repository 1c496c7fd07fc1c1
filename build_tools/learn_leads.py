"""Learn from PDFs how far the italics of lead phrases run, for the plain-text lead finder.

    python build_tools/learn_leads.py ../shared/corpus/originals            # writes _internal/data/leads.json
    python build_tools/learn_leads.py ../shared/corpus/originals --check    # accuracy, in sample and held out

A PDF prints each lead phrase in italics ("*Expresses its intention* to ...",
"*Calls* upon ..."). Plain text has lost them; the word lists of
``leads.py`` find the head ("Expresses", "Calls") and the phrases that may
follow it (qualifiers, a preposition, an object, a learned complement), and a
sub-paragraph that is only a heading ("(a) Protection of civilians:"). This
command reads every paragraph of the PDFs and counts, per organ (GA/SC), how
often each following phrase was printed in italics: by its words
("preposition:for") and by its kind ("preposition"), over all heads.
``split_lead`` follows the majority of the most specific count with enough
evidence. Complements the word lists lack ("in this regard" after "Urges")
are learned where the italics run past everything the lists know.

``--check`` prints the agreement of the plain-text leads with the PDFs' over
every paragraph: with the rules learned from all PDFs (in sample) and with
each document predicted from rules learned from the others only (held out,
leave-one-document-out), and classifies every remaining mismatch.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from mkdocs_resolutions._internal import leads  # noqa: E402
from mkdocs_resolutions._internal.model import Document, Paragraph  # noqa: E402
from mkdocs_resolutions._internal.parse import read_source  # noqa: E402
from mkdocs_resolutions._internal.readers import read_delivered  # noqa: E402
from mkdocs_resolutions._internal.structure import build_document  # noqa: E402

DATA = ROOT / "plugins" / "mkdocs_resolutions" / "_internal" / "data" / "leads.json"
MAX_PHRASE_WORDS = 4

# Why a plain-text lead differs from the printed one (the classes of the --check report).
BOTH_WAYS = "printed both ways in this document"
OTHERS = "the other documents print it otherwise"
RARE = f"its words are in fewer than {leads.MIN_EVIDENCE} paragraphs: the organ's practice for their kind decided"
NO_RULE = "no word list or learned phrase ends there"


@dataclass
class Printed:
    """A PDF as the site reads it, with its plain text and its raw paragraphs' italics.

    Where a PDF lost the italics of a lead (S/2018/221 op-30 "Further *calls upon*",
    S/2019/179 op-19 "C*alls upon*") the site falls back on the word lists; the rules
    are learned only from leads the PDF really printed in italics.
    """

    doc: Document
    text: Path | None  # the plain text of the same document
    raw: dict[int, list[tuple[str, set[int]]]]  # source line -> (raw text, where its italic runs start)

    def in_italics(self, para: Paragraph) -> bool:
        """Whether the PDF printed ``para``'s lead in italics (no lead: nothing to doubt)."""
        if not para.lead:
            return True
        for text, starts in self.raw.get(para.line, []):
            at = text.find(para.lead)
            if at >= 0 and at in starts:
                return True
        return False


def load(pdf: Path) -> Printed:
    """Read a PDF once: the document the site builds from it, and its raw italics."""
    delivered = read_delivered(pdf.read_bytes(), pdf.name)
    if delivered.raw is None:
        return Printed(read_source(pdf.read_bytes(), pdf.name), text_of(pdf), {})
    raw: dict[int, list[tuple[str, set[int]]]] = defaultdict(list)
    for para in delivered.raw.paras:
        raw[para.line].append((para.text.text, {a for a, _b in para.text.italics}))
    return Printed(build_document(delivered.raw), text_of(pdf), dict(raw))


@dataclass(frozen=True)
class Seen:
    """One printed paragraph opening: where, and how far its italics ran."""

    document: str
    organ: str
    role: str
    text: str  # lead and body, as read from the PDF
    printed: int  # length of the italic lead (0: none)


@dataclass(frozen=True)
class Miss:
    """A paragraph whose plain-text lead is not the printed one."""

    document: str
    organ: str
    anchor: str
    printed: str
    found: str
    why: str


@dataclass
class Agreement:
    """Plain-text leads compared with the printed ones: how many paragraphs, per organ, and the misses."""

    equal: int = 0
    total: int = 0
    compared: dict[str, int] = field(default_factory=dict)  # organ -> paragraphs compared
    misses: list[Miss] = field(default_factory=list)

    def add(self, other: Agreement) -> None:
        self.equal += other.equal
        self.total += other.total
        for organ, n in other.compared.items():
            self.compared[organ] = self.compared.get(organ, 0) + n
        self.misses += other.misses


def _seen(path: str, organ: str, para: Paragraph) -> Seen | None:
    if para.role in ("preambular", "operative") and para.lead:
        return Seen(path, organ, para.role, f"{para.lead} {para.body.text}", len(para.lead))
    text = f"{para.lead} {para.body.text}".strip()
    if para.role == "sub" and leads.heading_step(text):
        return Seen(path, organ, "sub", text, len(para.lead))
    return None


def observations(pdf: Printed) -> list[Seen]:
    organ = leads.organ_key(pdf.doc.meta.organ)
    return [s for para in pdf.doc.paragraphs() if pdf.in_italics(para) and (s := _seen(pdf.doc.path, organ, para))]


def _steps(s: Seen, phrases: dict) -> list[leads.Step]:
    if s.role == "sub":
        step = leads.heading_step(s.text)
        return [step] if step else []
    return leads.lead_steps(s.text, s.role, phrases.get(s.organ, {}).get(s.role))[2]


def _printed(s: Seen, phrases: dict) -> list[tuple[leads.Step, bool]]:
    """The steps of a printed opening with whether each was in italics, up to the first that was not."""
    out = []
    for step in _steps(s, phrases):
        out.append((step, s.printed >= step.end))
        if s.printed < step.end:
            break
    return out


def _phrases(seen: list[Seen]) -> dict:
    """Complements printed in italics beyond everything the word lists know, per organ, role and head."""
    found: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for s in seen:
        if s.role == "sub":
            continue
        head, end, steps = leads.lead_steps(s.text, s.role)
        if not head:
            continue
        for step in steps:
            if s.printed < step.end:
                break
            end = step.end
        rest = s.text[end:s.printed].strip()
        boundary = s.printed == len(s.text) or not s.text[s.printed].isalnum()
        if rest and boundary and len(rest.split()) <= MAX_PHRASE_WORDS and s.printed > end:
            found[s.organ][s.role][head].add(" ".join(rest.lower().split()))
    return {o: {r: {h: sorted(v) for h, v in sorted(hs.items())} for r, hs in rs.items()} for o, rs in found.items()}


def learn(seen: list[Seen]) -> dict:
    """Counts (italic, total) per organ and rule key, and the learned complements."""
    phrases = _phrases(seen)
    counts: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for s in seen:
        for step, italic in _printed(s, phrases):
            for key in leads.rule_keys(step):
                counts[s.organ][key][0] += italic
                counts[s.organ][key][1] += 1
    return {"counts": {o: dict(sorted(k.items())) for o, k in sorted(counts.items())}, "phrases": phrases}


def read(folder_or_files: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for p in folder_or_files:
        paths += sorted(p.glob("*.pdf")) if p.is_dir() else [p]
    return paths


def _why(para: Paragraph, doc_seen: list[Seen], learned: dict) -> str:
    """Classify a mismatch by the first step where the printing and the rule part."""
    s = next((x for x in doc_seen if x.text.startswith(f"{para.lead} {para.body.text}".strip()[:60])), None)
    if s is None:
        return NO_RULE
    phrases = learned.get("phrases", {})
    head_end = leads.lead_steps(s.text, s.role)[1] if s.role != "sub" else 0
    if s.printed not in {head_end, *(st.end for st in _steps(s, phrases))}:
        return NO_RULE
    for step, printed in _printed(s, phrases):
        if printed != leads.printed_in_italics(s.organ, step):
            key = leads.rule_keys(step)[0]
            same = [italic for o in doc_seen for st, italic in _printed(o, phrases) if leads.rule_keys(st)[0] == key]
            if (not printed) in same:
                return BOTH_WAYS
            total = learned.get("counts", {}).get(s.organ, {}).get(key, (0, 0))[1]
            return RARE if total < leads.MIN_EVIDENCE else OTHERS
    return OTHERS


def accuracy(pdfs: list[Printed], learned: dict) -> Agreement:
    """Plain-text leads against the PDF's, paragraph by paragraph (aligned by anchor)."""
    saved = leads._learned
    leads._learned = lambda: learned  # type: ignore[assignment]
    result = Agreement()
    try:
        for pdf in pdfs:
            if pdf.text is None:
                continue
            text_doc = read_source(pdf.text.read_bytes(), pdf.text.name)
            theirs = {p.anchor: p.lead for p in text_doc.paragraphs()}
            doc_seen = observations(pdf)
            organ = leads.organ_key(pdf.doc.meta.organ)
            for para in pdf.doc.paragraphs():
                if para.anchor not in theirs:
                    continue
                result.total += 1
                result.compared[organ] = result.compared.get(organ, 0) + 1
                if theirs[para.anchor] == para.lead:
                    result.equal += 1
                else:
                    why = _why(para, doc_seen, learned)
                    result.misses.append(Miss(Path(pdf.doc.path).stem, organ, para.anchor, para.lead, theirs[para.anchor], why))
    finally:
        leads._learned = saved  # type: ignore[assignment]
    return result


def held_out(pdfs: list[Printed]) -> Agreement:
    """Each document's leads found with rules learned from the other documents only (leave one out)."""
    seen = [observations(pdf) for pdf in pdfs]
    result = Agreement()
    for i, pdf in enumerate(pdfs):
        result.add(accuracy([pdf], learn([s for j, obs in enumerate(seen) if j != i for s in obs])))
    return result


def text_of(pdf: Path) -> Path | None:
    """The plain text of a PDF: beside it or one folder up (``corpus/originals/X.pdf``, ``corpus/X.txt``)."""
    return next((c for c in (pdf.with_suffix(".txt"), pdf.parent.parent / f"{pdf.stem}.txt") if c.exists()), None)


def _report(label: str, result: Agreement, classified: bool = True) -> None:
    print(f"{label}: {result.equal}/{result.total} = {result.equal / result.total:.2%}")
    for organ, n in sorted(result.compared.items()):
        right = n - sum(m.organ == organ for m in result.misses)
        print(f"  {organ}: {right}/{n} = {right / n:.2%}")
    if not classified:
        return
    by_why: dict[str, list[Miss]] = defaultdict(list)
    for m in result.misses:
        by_why[m.why].append(m)
    for why, ms in sorted(by_why.items()):
        print(f"  {len(ms):3d} {why}")
        for m in ms:
            print(f"        {m.document} {m.anchor}: printed {m.printed!r}, plain text {m.found!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="+", type=Path, help="PDFs or folders of PDFs (their .txt beside them or one folder up)")
    parser.add_argument("--check", action="store_true", help="print accuracy (in sample and held out); write nothing")
    args = parser.parse_args()
    pdfs = [load(p) for p in read(args.pdfs)]
    seen = [s for pdf in pdfs for s in observations(pdf)]
    learned = learn(seen)
    if not args.check:
        DATA.parent.mkdir(parents=True, exist_ok=True)
        DATA.write_text(json.dumps(learned, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{DATA.relative_to(ROOT)}: counts from {len(seen)} printed openings of {len(pdfs)} PDFs")
        return
    _report("defaults only (no learned rules)", accuracy(pdfs, {}), classified=False)
    _report("in sample (rules learned from every PDF)", accuracy(pdfs, learned))
    _report("held out (each document predicted from the others)", held_out(pdfs))


if __name__ == "__main__":
    main()
