"""The site's URL registry: every output path is claimed here, so no output overwrites another.

Page URLs come from untrusted text (a symbol, a file name), so each is made
safe first (:func:`clean_path`: ASCII letters, digits and ``._~()-`` only,
confusable letters folded to Latin, no ``.``/``..`` segments, lengths capped
with a stable hashed form), then claimed in a :class:`Registry` that already
holds everything else the build writes: ordinary pages, static files, theme
files, assets, the search bundle (``pagefind/``), the sitemap and the 404 page.

Two paths collide when they are equal after case folding (a case-insensitive
file system or host would merge them) or when one is a file where the other
needs a directory (``index.html`` and ``index.html/index.html``). The later
claim is then published at a disambiguated URL (the colliding segment plus a
short hash of its source's name, so it does not depend on which other files
exist), with a warning naming both files. Claims are made in a deterministic
order, so the same sources always give the same URLs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from .model import Diagnostic

SEGMENT_MAX = 100  # characters of one path segment (file systems allow 255 bytes; ".html" is added)
PATH_MAX = 200  # characters of a whole page path
SEGMENTS_MAX = 20

# Letters that look like Latin ones (Cyrillic, Greek): folded so "А/RES/99/5" (Cyrillic А) claims
# the same URL as "A/RES/99/5" and cannot pass for it unnoticed.
_CONFUSABLE = str.maketrans(dict(zip(
    "АВЕЅІЈКМНОРСТХУаеіјоѕрсухԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧον",
    "ABESIJKMHOPCTXYaeijospcyxqwABEZHIKMNOPTYXov",
    strict=True,
)))
_UNSAFE = re.compile(r"[^A-Za-z0-9._~()\-]")

# Outputs that belong to the build itself, whatever the sources say: no page may take them.
RESERVED_FILES = {
    "index.html": "the home page",
    "404.html": "the site's 404.html",
    "sitemap.xml": "the site's sitemap.xml",
    "sitemap.xml.gz": "the site's sitemap.xml.gz",
    "robots.txt": "the site's robots.txt",
}
# Directories no page may go below; the flag says whether a docs file may (theme and user assets do).
RESERVED_DIRS = {
    "pagefind/": ("the search index", False),
    "search/": ("the search index", True),
    "assets/": ("the site's assets", True),
}


def _hash(text: str, size: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:size]


def clean_segment(segment: str, cap: bool = True) -> str:
    """One path segment made safe: ASCII only, no lone dots, no trailing dot, length capped."""
    folded = unicodedata.normalize("NFKD", segment)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(_CONFUSABLE)
    seg = _UNSAFE.sub("-", folded.strip())
    if seg.endswith("."):  # "x." and "x" are one name on some file systems
        seg = seg.rstrip(".") + "-"
    if seg in ("", "-") or set(seg) == {"."}:
        seg = "-"
    if cap and len(seg) > SEGMENT_MAX:
        seg = seg[: SEGMENT_MAX - 9] + "-" + _hash(segment)
    return seg


def clean_path(text: str, cap: bool = True) -> str:
    """A page path ("A/RES/80/229/") from a symbol or a file's stem: every segment cleaned, length capped
    (a long path keeps its first segments and ends in a hash of the whole, so it is stable)."""
    segments = [clean_segment(s, cap) for s in text.strip().strip("/").split("/")]
    path = "/".join(segments)
    if cap and (len(path) > PATH_MAX or len(segments) > SEGMENTS_MAX):
        kept: list[str] = []
        for seg in segments[: SEGMENTS_MAX - 1]:
            if len("/".join(kept + [seg])) > PATH_MAX - 12:
                break
            kept.append(seg)
        kept.append("-" + _hash(text, 10))
        path = "/".join(kept)
    return path + "/"


def shortened(text: str) -> bool:
    """Whether :func:`clean_path` had to shorten ``text``."""
    return clean_path(text) != clean_path(text, cap=False)


def is_clean(text: str) -> bool:
    """Whether ``text`` is its own URL path (cleaning changes no character)."""
    return clean_path(text, cap=False) == text.strip("/") + "/"


def shown(text: str, width: int = 60) -> str:
    """``text`` for a log message: control and format characters escaped, long text cut."""
    cut = text if len(text) <= width else text[:width] + "…"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)


def _key(path: str) -> str:
    return path.casefold()


@dataclass
class Registry:
    """Every output path of one build, with who owns it.

    Keys are case-folded paths. ``dirs`` holds every ancestor directory of every
    file ("a/" and "a/b/" for "a/b/c.html"), so a file where a directory is needed
    (and the reverse) is found too.
    """

    use_directory_urls: bool = True
    files: dict[str, str] = field(default_factory=dict)  # key -> owner
    dirs: dict[str, str] = field(default_factory=dict)  # key ("a/b/") -> owner of a file below
    reserved_files: dict[str, str] = field(default_factory=dict)
    reserved_dirs: dict[str, tuple[str, bool]] = field(default_factory=dict)
    reserved_names: dict[str, str] = field(default_factory=dict)  # a file name beside every page
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def for_site(cls, use_directory_urls: bool = True) -> Registry:
        """A registry holding the build's own outputs (home, sitemap, 404, search bundle, assets)."""
        return cls(
            use_directory_urls,
            reserved_files={_key(k): v for k, v in RESERVED_FILES.items()},
            reserved_dirs={_key(k): v for k, v in RESERVED_DIRS.items()},
        )

    def dest(self, url: str) -> str:
        """The file a page URL ("A/RES/80/229/") is written to."""
        return url + "index.html" if self.use_directory_urls else url.rstrip("/") + ".html"

    def reserve(self, directory: str, what: str) -> None:
        """Keep pages out of ``directory`` ("browse/"): generated pages go there."""
        self.reserved_dirs[_key(directory)] = (what, True)

    def reserve_name(self, name: str, what: str) -> None:
        """Keep pages from naming a directory ``name``: every page has a file of that name beside it."""
        self.reserved_names[_key(name)] = what

    def conflict(self, dest: str, owner: str, page: bool = True) -> tuple[int, str] | None:
        """``(segments, owner)``: the first output ``dest`` would collide with, and at which segment; else None.

        ``page`` False: a file the docs hold anyway (it may replace the home page and
        go below directories that only pages must keep out of).
        """
        parts = dest.split("/")
        for depth in range(1, len(parts)):
            prefix = _key("/".join(parts[:depth]))
            for table in (self.files, self.reserved_files):
                if prefix in table:  # a file where this path needs a directory
                    return depth, table[prefix]
            if page and _key(parts[depth - 1]) in self.reserved_names:
                return depth, self.reserved_names[_key(parts[depth - 1])]
            what, files_allowed = self.reserved_dirs.get(prefix + "/", ("", True))
            if what and (page or not files_allowed):
                return depth, what
        key = _key(dest)
        if key in self.files and self.files[key] != owner:
            return len(parts), self.files[key]
        if key in self.reserved_files and (page or key != "index.html"):
            return len(parts), self.reserved_files[key]
        if key + "/" in self.dirs:  # a directory where this path needs a file
            return len(parts), self.dirs[key + "/"]
        return None

    def register(self, dest: str, owner: str) -> None:
        """Record an output file the build writes anyway (ordinary pages, static files); warn on a collision."""
        found = self.conflict(dest, owner, page=False)
        if found is not None:
            self.diagnostics.append(Diagnostic(owner, 1, f"is written to {dest}, which collides with {found[1]}", code="url-collision"))
        self._add(dest, owner)

    def _add(self, dest: str, owner: str) -> None:
        self.files.setdefault(_key(dest), owner)
        parts = dest.split("/")
        for depth in range(1, len(parts)):
            self.dirs.setdefault(_key("/".join(parts[:depth])) + "/", owner)

    def claim(self, wanted: str, owner: str, why: str = "", index: bool = False) -> str:
        """The URL a page of ``owner`` gets: ``wanted`` (a clean "a/b/" path) or, when that
        collides with an output already claimed, the same path with the colliding segment
        made unique; then recorded. ``why`` says where ``wanted`` came from ("symbol X").
        ``index``: the page is written as ``index.html`` in its directory whatever the site's
        URL style (generated ``…/index.md`` pages)."""
        dest = (lambda url: url + "index.html") if index else self.dest
        parts = wanted.rstrip("/").split("/")
        tags: dict[int, str] = {}  # segment index -> suffix that makes it unique
        url = wanted
        first: str | None = None
        while (found := self.conflict(dest(url), owner)) is not None:
            depth, other = found
            first = first or other
            at = min(depth, len(parts)) - 1
            tags[at] = _hash(f"{owner}\0{len(tags)}" if at in tags else owner, 6)
            url = "/".join(p[: SEGMENT_MAX - 8] + "-" + tags[k] if k in tags else p for k, p in enumerate(parts)) + "/"
        if first is not None:
            self.diagnostics.append(Diagnostic(
                owner, 1,
                f"{why or 'its URL'} would be published at {wanted}, which collides with {first}; published at {url} instead",
                code="url-collision",
            ))
        self._add(dest(url), owner)
        return url
