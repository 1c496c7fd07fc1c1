"""Helpers shared by the hostile-input, fuzz and determinism tests.

Word accounting is the heart of "nothing lost": a source's words (letter and
digit runs, so punctuation and spacing changes do not count, but every letter
and digit does) must all be found on the rendered page, with multiplicity.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from bs4 import BeautifulSoup

from mkdocs_resolutions._internal.corpus import Analysis, analyse
from mkdocs_resolutions._internal.render.html import render_document
from mkdocs_resolutions._internal.render.links import Linker

ROOT = Path(__file__).resolve().parents[1]
UNDOCS = "https://undocs.org/"
_SUP_TAG = re.compile(r"</?sup>", re.IGNORECASE)


_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def words(text: str) -> Counter[str]:
    """Letter/digit runs; "_" is markup (emphasis, rules), not a word.

    Hyphens inside a word do not count: readers legitimately join a word broken
    at a line end ("policy-\nmaking") or restore a hyphen a converter dropped
    ("SecretaryGeneral"), and both are logged. Spelling is still compared.
    """
    text = re.sub(r"(?<=[^\W_])-\s+(?=[^\W_])", "-", text)
    return Counter(m.group(0).replace("-", "") for m in _HYPHENATED.finditer(text))


def source_words(text: str, markdown: bool = False) -> Counter[str]:
    """Words of a source; in the markdown form ``<sup>`` tags are markup, not words."""
    return words(_SUP_TAG.sub(" ", text) if markdown else text)


# Elements that run inside a line of text: no word boundary at their edges. Every other
# element (blocks, <br>, <sup> note markers, <dt>/<dd>) separates words.
_INLINE = {"a", "em", "i", "strong", "b", "span", "abbr", "code", "small", "mark", "q", "cite", "s", "u"}


def visible_text(html) -> str:
    """The text a reader sees in ``html`` (a string or a BeautifulSoup element), with word
    boundaries where the browser shows them.

    ``get_text(" ")`` would split "A/RES/60/1T<a>he" style runs that a browser
    shows as one word; ``get_text("")`` would glue "meeting<br>19" together.
    Linear in the size of the page (lxml tree walk), so 20 MB pages are fine.
    """
    root = lxml.html.fromstring(str(html) or "<p></p>")
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        el, leaving = stack.pop()
        if leaving:
            if not isinstance(el.tag, str) or el.tag not in _INLINE:
                out.append(" ")
            if el.tail:
                out.append(el.tail)
            continue
        if isinstance(el.tag, str):
            if el.tag not in _INLINE:
                out.append(" ")
            if el.text and el.tag not in ("script", "style"):
                out.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    return "".join(out)


COVER_LABELS = {"Distribution": "Distr", "Original": "Original", "Agenda item": "Agenda item items"}


@dataclass
class Rendered:
    analysis: Analysis
    html: str

    @property
    def doc(self):
        return self.analysis.doc

    @property
    def diagnostics(self):
        return self.analysis.diagnostics

    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "lxml")

    def page_words(self) -> Counter[str]:
        """Words a reader sees: the text, plus footnote numbers shown by ``<li value>``."""
        soup = self.soup()
        found = words(visible_text(self.html))
        for li in soup.select("section.res-footnotes li[value]"):
            found.update(words(li["value"]))
        # A cover field's printed label ("Distr.:", "Original:") is shown as the header's own label.
        shown = {dt.get_text() for dt in soup.select(".res-meta dt")}
        for label, printed in COVER_LABELS.items():
            if label in shown:
                found.update(words(printed))
        return found

    def lost(self, text: str, markdown: bool = False) -> Counter[str]:
        return source_words(text, markdown) - self.page_words()

    def warnings(self) -> list[str]:
        return [str(d) for d in self.diagnostics if d.level == "warning"]


def render(data: bytes, path: str, pages: dict[str, str] | None = None) -> Rendered:
    """The per-page pipeline, as the plugin runs it: analyse, then render for a page."""
    analysis = analyse(data, path)
    linker = Linker(pages or {}, "x/y/", UNDOCS + "{symbol}")
    return Rendered(analysis, render_document(analysis.doc, linker, analysis.citations, analysis.ibid))


def has_warning(rendered: Rendered, path: str, line: int, *needles: str) -> bool:
    """Whether one warning names ``path``, ``line`` and every needle (case-insensitive)."""
    for d in rendered.diagnostics:
        if d.level == "warning" and d.path == path and d.line == line:
            if all(n.lower() in d.message.lower() for n in needles):
                return True
    return False


# -- temporary MkDocs projects -------------------------------------------------------------------


def make_project(tmp: Path, files: dict[str, bytes | str], extra: str = "") -> Path:
    """A copy of the real site's configuration around a temporary docs folder."""
    tmp.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^docs_dir:.*$", "docs_dir: docs", config)
    config = re.sub(r"(?m)^nav:\n(?:[ \t]+.*\n|\n)*", "", config)  # the site's nav names its own pages
    (tmp / "mkdocs.yml").write_text(config + extra, encoding="utf-8")
    docs = tmp / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Test site\n", encoding="utf-8")
    for name, content in files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return tmp


def build(project: Path, site: Path, strict: bool, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        args.append("--strict")
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, cwd=project, capture_output=True, text=True, env=environ, timeout=600)


# -- generated resolution-shaped texts ------------------------------------------------------------

FILLER = (
    "the of and to in development States Member United Nations report Secretary-General international "
    "cooperation capacity programme criminal justice assistance national regional"
).split()


def filler(count: int, seed: int = 0) -> str:
    """Deterministic filler words (no randomness between runs)."""
    return " ".join(FILLER[(i * 7 + seed * 13 + i // 5) % len(FILLER)] for i in range(count))


def wrap(text: str, width: int = 85) -> str:
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def generated_long_paragraph(path: str) -> tuple[str, str]:
    """One preambular paragraph of about 200,000 characters, wrapped like a PDF extraction."""
    para = wrap("Recalling " + filler(25000) + ",")
    assert len(para) >= 200_000
    return f"The General Assembly,\n\n{para}\n\n1. Decides to act.\n", path


def generated_long_paragraph_md() -> tuple[str, str]:
    return generated_long_paragraph("long.md")


def generated_long_paragraph_txt() -> tuple[str, str]:
    return generated_long_paragraph("long.txt")


def generated_huge_txt() -> tuple[str, str]:
    """About 20 MB of operative paragraphs in the plain-text form."""
    parts = ["The General Assembly,", ""]
    size, n = 0, 0
    while size < 20_000_000:
        n += 1
        para = wrap(f"{n}. Decides " + filler(120, n) + f" resolution {n}/1;")
        parts += [para, " "]
        size += len(para) + 2
    return "\n".join(parts) + "\n", "huge.txt"
