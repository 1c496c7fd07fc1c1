"""Check a built site's integrity: links, anchors, ids, HTML structure, sitemap.

    python build_tools/check_site.py SITE_DIR [--allow-empty-sitemap]

Exits 0 when the site is sound, 1 with one problem per line otherwise:

* every internal link (``a``/``link`` ``href``, ``script``/``img`` ``src``)
  resolves to a file of the site, and its ``#fragment`` to an ``id`` (or
  ``name``) on the target page;
* no two elements of a page share an ``id``;
* every page is well formed: each element is closed, end tags match start
  tags (HTML's optional end tags - ``p``, ``li``, ``td`` ... - may be implied,
  as the HTML standard allows), no attribute is given twice;
* ``sitemap.xml`` lists every page (except ``404.html``) and nothing else;
* every browse address trimmed by a reader (``browse/date/2018/`` →
  ``browse/date/``) is a page, not a 404.

External URLs (with a scheme, or ``//host``) are not fetched. Standard
library only, so the check runs wherever the site was built.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"}
# Elements whose end tag HTML lets the parser imply (WHATWG "optional tags").
OPTIONAL_END = {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
                "colgroup", "rt", "rp", "html", "head", "body", "caption"}
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")}
# Link relations that are not navigation (DNS hints to external hosts).
SKIP_REL = {"preconnect", "dns-prefetch"}


@dataclass
class Page:
    """What the checks need from one HTML file."""

    path: str  # site-relative, '/'-separated: "A/RES/80/1/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, url)
    problems: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    """Collect ids and links, and check that the element structure is balanced."""

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, int]] = []
        self.seen_ids: dict[str, int] = {}
        self.raw_text: str | None = None

    def _problem(self, message: str) -> None:
        self.page.problems.append(f"{self.page.path}:{self.getpos()[0]}: {message}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag in VOID:
            return
        # Starting a block closes an open <p> (the implied end tag HTML allows).
        if tag in ("p", "div", "ul", "ol", "table", "section", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dl",
                   "header", "footer", "nav", "form", "blockquote", "details", "article", "aside", "main"):
            if self.stack and self.stack[-1][0] == "p":
                self.stack.pop()
        if tag in ("li", "dt", "dd", "tr", "td", "th", "option") and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
        self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in VOID and tag not in ("path", "svg", "circle", "rect", "use", "line", "polyline", "polygon"):
            self._problem(f"<{tag}/> is not a void element")

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _v in attrs]
        for name in sorted({n for n in names if names.count(n) > 1}):
            self._problem(f"<{tag}> has attribute {name!r} twice")
        values = dict(attrs)
        ident = values.get("id")
        if ident is not None:
            if ident in self.seen_ids:
                self._problem(f"id {ident!r} used twice (first on line {self.seen_ids[ident]})")
            else:
                self.seen_ids[ident] = self.getpos()[0]
            self.page.ids.add(ident)
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"] or "")
        for element, attr in LINK_ATTRS:
            if tag == element and values.get(attr) is not None:
                if tag == "link" and SKIP_REL & set((values.get("rel") or "").split()):
                    continue
                self.page.links.append((self.getpos()[0], values[attr] or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        names = [name for name, _line in self.stack]
        if tag not in names:
            self._problem(f"end tag </{tag}> closes nothing")
            return
        while self.stack:
            name, line = self.stack.pop()
            if name == tag:
                return
            if name not in OPTIONAL_END:
                self._problem(f"<{name}> opened on line {line} is not closed before </{tag}>")

    def close(self) -> None:
        super().close()
        for name, line in self.stack:
            if name not in OPTIONAL_END:
                self._problem(f"<{name}> opened on line {line} is never closed")


def read_page(site: Path, file: Path) -> Page:
    page = Page(file.relative_to(site).as_posix())
    parser = _Parser(page)
    parser.feed(file.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


def _target(page_path: str, url: str, root: str = "/") -> tuple[str, str] | None:
    """Site-relative file and fragment a link points to, or None for external URLs.

    ``root`` is the path of site_url ("/res/"): root-absolute links (404.html
    uses them) are taken relative to it.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None
    path = unquote(parts.path)
    if not path:
        return page_path, unquote(parts.fragment)
    if path.startswith(root):
        path = "/" + path[len(root):]
    base = posixpath.dirname(page_path)
    resolved = posixpath.normpath(posixpath.join("/" + base, path) if not path.startswith("/") else path)
    resolved = resolved.lstrip("/")
    if path.endswith("/") or resolved == "":
        resolved = (resolved + "/index.html").lstrip("/")
    return resolved, unquote(parts.fragment)


def check_links(site: Path, pages: dict[str, Page], root: str = "/") -> list[str]:
    problems = []
    for page in pages.values():
        for line, url in page.links:
            if url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                if url.startswith(("javascript:", "data:")):
                    problems.append(f"{page.path}:{line}: script or data URL {url[:60]!r}")
                continue
            target = _target(page.path, url, root)
            if target is None:
                continue
            path, fragment = target
            if path.startswith("../") or path == "..":
                problems.append(f"{page.path}:{line}: link {url!r} leaves the site")
                continue
            file = site / path
            if file.is_dir():
                path, file = posixpath.join(path, "index.html"), file / "index.html"
            if not file.is_file():
                problems.append(f"{page.path}:{line}: link {url!r}: {path} does not exist")
                continue
            if fragment and path.endswith(".html"):
                target_page = pages.get(path)
                if target_page is not None and fragment not in target_page.ids:
                    problems.append(f"{page.path}:{line}: link {url!r}: no id {fragment!r} in {path}")
    return problems


def check_sitemap(site: Path, pages: dict[str, Page], allow_empty: bool = False) -> list[str]:
    file = site / "sitemap.xml"
    if not file.exists():
        return ["sitemap.xml: missing"]
    try:
        root = ET.parse(file).getroot()
    except ET.ParseError as err:
        return [f"sitemap.xml: not well-formed XML ({err})"]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [(el.text or "").strip() for el in root.findall("s:url/s:loc", ns)]
    if not locs:
        return [] if allow_empty else ["sitemap.xml: lists no page (is site_url set in mkdocs.yml?)"]
    base = _common_base(locs)
    listed = set()
    problems = []
    for loc in locs:
        rel = unquote(urlsplit(loc).path)[len(urlsplit(base).path):] if base else loc
        rel = rel.lstrip("/")
        rel = rel + "index.html" if rel.endswith("/") or rel == "" else rel
        if rel in listed:
            problems.append(f"sitemap.xml: {loc} listed twice")
        listed.add(rel)
        if rel not in pages:
            problems.append(f"sitemap.xml: {loc} is not a page of the site")
    for path in sorted(pages):
        if path not in listed and path != "404.html":
            problems.append(f"sitemap.xml: page {path} is not listed")
    return problems


def _site_root(site: Path) -> str:
    """The path part of site_url, read back from the sitemap ("/" when unknown)."""
    try:
        root = ET.parse(site / "sitemap.xml").getroot()
    except (OSError, ET.ParseError):
        return "/"
    locs = [(el.text or "").strip() for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    if not locs:
        return "/"
    path = urlsplit(_common_base(locs)).path or "/"
    return path if path.endswith("/") else path + "/"


def _common_base(locs: list[str]) -> str:
    """The site URL: the location of the home page, else the common prefix of all locations."""
    homes = [loc for loc in locs if urlsplit(loc).path.count("/") <= 1 or loc.endswith("://")]
    prefix = posixpath.commonprefix(locs)
    candidates = sorted(homes, key=len)
    if candidates and all(loc.startswith(candidates[0]) for loc in locs):
        return candidates[0]
    return prefix[: prefix.rfind("/") + 1]


TRIMMED = ("browse/",)  # published folders whose every level must be a page


def check_trimmed(pages: dict[str, Page], folders: tuple[str, ...] = TRIMMED) -> list[str]:
    """Every parent folder of a page under ``folders`` has its own ``index.html``."""
    problems = []
    missing = set()
    for path in pages:
        if not path.startswith(folders):
            continue
        parts = path.split("/")[:-1]  # the folders above the file
        for n in range(1, len(parts)):
            parent = "/".join(parts[:n]) + "/index.html"
            if parent not in pages and parent not in missing:
                missing.add(parent)
                problems.append(f"{parent.rsplit('/', 1)[0]}/: no page (a trimmed address of {path} gives 404)")
    return sorted(problems)


def check_site(site: Path, allow_empty_sitemap: bool = False) -> list[str]:
    """Every problem found in the built site at ``site``, one line each (empty when sound)."""
    site = Path(site)
    if not (site / "index.html").is_file():
        return [f"{site}: no index.html (not a built site?)"]
    pages: dict[str, Page] = {}
    for file in sorted(site.rglob("*.html")):
        page = read_page(site, file)
        pages[page.path] = page
    problems = [p for page in pages.values() for p in page.problems]
    problems += check_links(site, pages, _site_root(site))
    problems += check_sitemap(site, pages, allow_empty_sitemap)
    problems += check_trimmed(pages)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder (mkdocs build -d SITE_DIR)")
    parser.add_argument("--allow-empty-sitemap", action="store_true",
                        help="accept an empty sitemap (MkDocs writes one when site_url is not set)")
    args = parser.parse_args(argv)
    problems = check_site(args.site, args.allow_empty_sitemap)
    for problem in problems:
        print(problem)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    print(f"{len(problems)} problem(s) in {pages} page(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
