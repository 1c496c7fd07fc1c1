"""Compare two Pagefind bundles as the search box reads them: the same results, excerpts and paragraph links.

A change to what Pagefind is handed (``search.indexed_part``) may change the
bundle's bytes (a fragment is named by a hash of all it holds, and pages are
numbered in the order they were indexed) but must not change what a search
finds or shows. Pages are matched by URL across shards; for each page this
compares the fragment's words, word count, filters, meta and every anchor's id
and word location (what ``search.js`` reads); and the word index (each word's
pages and locations) and the filter index (each value's pages), decoded from
their CBOR with page numbers turned into URLs. Anchors whose element or text
alone differ are counted, not failed (headings' text, which Pagefind's own UI
shows, is counted apart).

    .venv/bin/python build_tools/compare_search.py SITE_A SITE_B   # exit 1 when search differs
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_SIGNATURE = b"pagefind_dcd"  # the first bytes of every decompressed Pagefind file
_HEADINGS = {f"h{n}" for n in range(1, 7)}


def _decoded(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    return data[len(_SIGNATURE):] if data.startswith(_SIGNATURE) else data


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """A CBOR item's major type and argument, and where its content starts."""
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise ValueError(f"CBOR item {info} of type {major} not read here (Pagefind writes definite lengths)")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _item(data: bytes, at: int) -> tuple[Any, int]:
    major, arg, at = _head(data, at)
    if major in (0, 1):
        return (arg if major == 0 else -1 - arg), at
    if major in (2, 3):
        raw = data[at:at + arg]
        return (raw.decode("utf-8") if major == 3 else raw), at + arg
    if major in (4, 5):
        out = []
        for _ in range(arg * (major - 3)):  # a map's keys and values in turn
            value, at = _item(data, at)
            out.append(value)
        return (out if major == 4 else dict(zip(out[::2], out[1::2], strict=True))), at
    if major == 7 and arg in (20, 21, 22):
        return {20: False, 21: True, 22: None}[arg], at
    raise ValueError(f"CBOR type {major} not read here")


def cbor(data: bytes) -> Any:
    """The value CBOR ``data`` holds: the subset Pagefind writes (integers, strings, arrays, maps)."""
    value, end = _item(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes after CBOR value")
    return value


@dataclass
class Bundle:
    """A site's search bundle, shards merged and page numbers turned into URLs."""

    fragments: dict[str, dict[str, Any]] = field(default_factory=dict)  # by URL
    words: dict[str, dict[str, Any]] = field(default_factory=dict)  # word -> URL (and form) -> locations
    filters: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # filter -> value -> URLs


def read_bundle(site: Path) -> Bundle:
    """The bundle under ``site/pagefind`` and its shards (``shards.json``)."""
    main = site / "pagefind"
    shards_file = main / "shards.json"
    folders = [main] + [main / name for name in (json.loads(shards_file.read_text()) if shards_file.exists() else [])]
    out = Bundle()
    for folder in folders:
        by_hash = {}
        for file in sorted((folder / "fragment").glob("*.pf_fragment")):
            fragment = json.loads(_decoded(file))
            out.fragments[fragment["url"]] = by_hash[file.name.removesuffix(".pf_fragment")] = fragment
        [meta_file] = folder.glob("pagefind.*.pf_meta")
        _version, pages, chunks, filters, *_ = cbor(_decoded(meta_file))
        urls = [by_hash[page_hash]["url"] for page_hash, _count in pages]
        for _first, _last, chunk in chunks:
            [words] = cbor(_decoded(folder / "index" / f"{chunk}.pf_index"))
            for word, hits, variants in words:  # variants: the word as written with diacritics, and its hits
                pages_of = out.words.setdefault(word, {})
                for form, form_hits in [(word, hits), *variants]:
                    number = 0
                    for gap, *locations in form_hits:  # a hit: its page's number (the gap from the last), ...
                        number += gap
                        pages_of[urls[number] if form == word else f"{urls[number]} as {form}"] = locations
        for _name, chunk in filters:
            name, values = cbor(_decoded(folder / "filter" / f"{chunk}.pf_filter"))
            for value, numbers in values:
                out.filters.setdefault(name, {}).setdefault(value, set()).update(urls[n] for n in numbers)
    return out


@dataclass
class Comparison:
    differences: list[str] = field(default_factory=list)  # what a search would find or show differently
    anchor_text: Counter[str] = field(default_factory=Counter)  # anchors differing in element or text, by kind

    @property
    def same(self) -> bool:
        return not self.differences


def compare(a: Bundle, b: Bundle) -> Comparison:
    out = Comparison()
    for url in sorted(a.fragments.keys() ^ b.fragments.keys()):
        out.differences.append(f"{url}: in one bundle only")
    for url in sorted(a.fragments.keys() & b.fragments.keys()):
        x, y = a.fragments[url], b.fragments[url]
        for key in ("content", "word_count", "filters", "meta"):
            if x.get(key) != y.get(key):
                out.differences.append(f"{url}: {key} differs")
        places_x = [(anchor["id"], anchor["location"]) for anchor in x.get("anchors", [])]
        places_y = [(anchor["id"], anchor["location"]) for anchor in y.get("anchors", [])]
        if places_x != places_y:
            out.differences.append(f"{url}: anchors (id, location) differ")
            continue
        for p, q in zip(x.get("anchors", []), y.get("anchors", []), strict=True):
            if (p["element"], p["text"]) != (q["element"], q["text"]):
                heading = p["element"] in _HEADINGS or q["element"] in _HEADINGS
                out.anchor_text["heading" if heading else f"{p['element']}->{q['element']}"] += 1
    words = sorted(word for word in a.words.keys() | b.words.keys() if a.words.get(word) != b.words.get(word))
    if words:
        out.differences.append(f"word index differs for {len(words)} words: {', '.join(words[:5])}")
    if a.filters != b.filters:
        out.differences.append("filter index differs")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    args = parser.parse_args(argv)
    a, b = read_bundle(args.site_a), read_bundle(args.site_b)
    result = compare(a, b)
    size = [sum(len(json.dumps(f)) for f in bundle.fragments.values()) for bundle in (a, b)]
    print(f"pages {len(a.fragments)} / {len(b.fragments)}; words {len(a.words)} / {len(b.words)}; "
          f"fragments {size[0]:,} / {size[1]:,} characters")
    print("anchors differing in element or text only:", dict(result.anchor_text) or "none")
    for line in result.differences[:20]:
        print("DIFFERS", line)
    print("search is the same" if result.same else f"{len(result.differences)} differences")
    return 0 if result.same else 1


if __name__ == "__main__":
    sys.exit(main())
