"""How well each form of the corpus PDFs reads: the per-form table of issue 11.

For every PDF of a folder (``../shared/corpus/originals`` by default) it reads the
document from each form (the PDF itself, the PyMuPDF plain text and pymupdf4llm
markdown that sit beside it in the corpus, and the texts other extractors make of
the PDF) and compares it with the PyMuPDF text's document, the reference.

Counting rule. A form's document is *fully right* when it is published at the
reference's symbol, anchors the same operative paragraphs (same anchors, same
order) and keeps at least 99.5 % of the reference's body words: the words
(letters and digits, case folded) of every paragraph's lead and body and of every
footnote, counted as a multiset. It *agrees strictly* when symbol, every
paragraph anchor, footnote numbers, marker numbers and annex anchors are equal.

    python build_tools/extractor_forms.py            # the table
    python build_tools/extractor_forms.py --detail   # one line per document and form that falls short

Forms it cannot make here (no ``pdftotext``, no pdf.js copies) are left out of the table.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from mkdocs_resolutions._internal.model import Document
from mkdocs_resolutions._internal.parse import read_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PDFJS = ROOT / "tests" / "fixtures" / "pdfjs"  # Firefox's copies, made once with tests/fixtures/pdfjs/make.mjs
KEPT = 0.995


def pdftotext(pdf: Path, *options: str) -> bytes:
    """poppler's text of ``pdf`` (``-layout`` keeps the page's columns)."""
    done = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True)
    return done.stdout


def pdfplumber_text(pdf: Path) -> bytes:
    """pdfplumber's (pdfminer's) ``extract_text``, pages joined by a newline."""
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        return "\n".join(page.extract_text() or "" for page in opened.pages).encode()


def chromium_copy(pdf: Path) -> bytes:
    """What Chromium's PDF viewer copies after "select all": PDFium's page text, pages joined by
    a newline, Windows line ends turned into the platform's."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return "\n".join(pages).replace("\r\n", "\n").encode()


def firefox_copy(pdf: Path) -> bytes | None:
    """Firefox's pdf.js copy of ``pdf``, stored as a fixture (made with node and pdfjs-dist)."""
    stored = PDFJS / f"{pdf.stem}.txt"
    return stored.read_bytes() if stored.exists() else None


def forms(pdf: Path) -> dict[str, Callable[[], bytes | None]]:
    """Each form's source bytes, made on demand; None where it cannot be had."""
    corpus = pdf.parent.parent
    have_poppler = shutil.which("pdftotext") is not None
    markdown = corpus / "markdown" / f"{pdf.stem}.md"
    return {
        "PDF": lambda: pdf.read_bytes(),
        "PyMuPDF text": lambda: (corpus / f"{pdf.stem}.txt").read_bytes(),
        "markdown": lambda: markdown.read_bytes() if markdown.exists() else None,
        "pdftotext": lambda: pdftotext(pdf) if have_poppler else None,
        "pdftotext -layout": lambda: pdftotext(pdf, "-layout") if have_poppler else None,
        "pdfplumber": lambda: pdfplumber_text(pdf),
        "Chromium copy": lambda: chromium_copy(pdf),
        "Firefox copy": lambda: firefox_copy(pdf),
    }


SUFFIX = {"PDF": ".pdf", "markdown": ".md"}


def words(doc: Document) -> Counter[str]:
    """The body's words: every paragraph's lead and body and every footnote, case and forms folded."""
    texts = [f"{p.lead or ''} {p.body.text}" for p in doc.paragraphs()] + [n.body.text for n in doc.footnotes]
    return Counter(w for t in texts for w in re.findall(r"\w+", unicodedata.normalize("NFKC", t).casefold()))


def shape(doc: Document) -> dict[str, object]:
    """What the strict comparison compares."""
    return {
        "symbol": doc.meta.symbol,
        "paragraphs": [p.anchor for p in doc.paragraphs()],
        "footnotes": [f.number for f in doc.footnotes],
        "markers": [m.number for m in doc.markers()],
        "annexes": [a.anchor for a in doc.annexes],
    }


def compare(doc: Document, reference: Document) -> tuple[bool, list[str], float]:
    """(fully right, the fields that differ strictly, share of the reference's body words kept)."""
    ref_words = words(reference)
    kept = sum((words(doc) & ref_words).values()) / max(1, sum(ref_words.values()))
    right = (
        doc.meta.symbol == reference.meta.symbol
        and [p.anchor for p in doc.operative()] == [p.anchor for p in reference.operative()]
        and kept >= KEPT
    )
    got, ref = shape(doc), shape(reference)
    return right, [k for k in ref if got[k] != ref[k]], kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "originals")
    parser.add_argument("--detail", action="store_true", help="one line per document and form that falls short")
    parser.add_argument("--form", action="append", help="only these forms (repeatable)")
    args = parser.parse_args(argv)
    pdfs = sorted(args.folder.glob("*.pdf"))
    if not pdfs:
        print(f"no PDF in {args.folder}", file=sys.stderr)
        return 1
    right: Counter[str] = Counter()
    strict: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for pdf in pdfs:
        reference = read_source((pdf.parent.parent / f"{pdf.stem}.txt").read_bytes(), f"{pdf.stem}.txt")
        for form, make in forms(pdf).items():
            if args.form and form not in args.form:
                continue
            data = make()
            if data is None:
                continue
            doc = read_source(data, pdf.stem + SUFFIX.get(form, ".txt"))
            ok, differ, kept = compare(doc, reference)
            seen[form] += 1
            right[form] += ok
            strict[form] += not differ
            if args.detail and (not ok or differ):
                print(f"{form:<18} {pdf.stem:<16} {'right' if ok else 'WRONG'} kept {kept:.4f} differs: {', '.join(differ) or '-'}")
    print("| form | fully right | strictly equal |\n|---|---|---|")
    for form in seen:
        print(f"| {form} | {right[form]}/{seen[form]} | {strict[form]}/{seen[form]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
