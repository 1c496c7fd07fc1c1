"""Pagefind search over the built corpus site: paragraph hits, symbol queries, filters, path prefix; the 404 page.

The index is queried from Node (tests/js/pagefind_query.mjs): Pagefind's own
``pagefind.js`` runs with a fetch() that reads the bundle from disk, and the
paragraph hits come from the site's ``search.js``, the code the search box runs.
Skipped with a reason where ``node`` is absent.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools import compare_search
from mkdocs_resolutions._internal import indexer, search
from mkdocs_resolutions._internal.model import Document, Footnote, Kind, Metadata, Paragraph, RichText

from .conftest import ROOT
from .corpus_site import corpus_site

QUERY_JS = ROOT / "tests" / "js" / "pagefind_query.mjs"
SEARCH_JS = ROOT / "plugins" / "mkdocs_resolutions" / "_internal" / "assets" / "search.js"


def need_node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not found: Pagefind's index is queried with Node (apt-get install nodejs)")
    return node


def query(site: Path, queries: list[dict], base_url: str = "/") -> list[dict]:
    proc = subprocess.run(
        [need_node(), str(QUERY_JS), str(site), str(SEARCH_JS), json.dumps(queries)],
        capture_output=True, text=True, env={**os.environ, "BASE_URL": base_url}, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# ---------------------------------------------------------------- unit


def test_symbol_keys():
    assert search.symbol_keys("A/RES/80/229") == ["A/RES/80/229", "RES/80/229", "80/229"]
    assert search.symbol_keys("S/RES/2719 (2023)") == ["S/RES/2719 (2023)", "RES/2719 (2023)", "2719 (2023)"]
    assert search.symbol_keys("A/C.3/80/L.3") == ["A/C.3/80/L.3"]
    assert search.symbol_keys("S/2018/221") == ["S/2018/221"]
    assert search.symbol_keys(None) == []


def _page(title: str, words: str, marked: bool = True) -> str:
    body = f"<h1>{title}</h1><p>{words}</p>"
    return f'<!doctype html><html lang="en"><head><title>{title}</title></head><body>' + (
        search.wrap(body, None) if marked else body) + "</body></html>"


def _bundle(folder: Path) -> dict[str, bytes]:
    """The bundle's files by path, but Pagefind's filter files (and the entry and meta naming them),
    which it writes in a varying order."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith((".pf_filter", ".pf_meta")) and p.name != "pagefind-entry.json"}


def test_indexer_shards_in_the_order_pages_are_written(tmp_path):
    """Five marked pages in shards of two: three bundles, the first the main one; an unmarked page is skipped,
    and a marked page the build did not hand over (a static HTML file) is found on disk at the end."""
    site = tmp_path / "site"
    pages = {f"p{n}/index.html": _page(f"Page {n}", f"word{n} common") for n in range(4)}
    pages["plain/index.html"] = _page("Plain", "unmarked", marked=False)
    work = indexer.Indexer(site, shard_pages=2)
    for path, html in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
        work.add(path, html)
    (site / "static.html").write_text(_page("Static", "word9 common"), encoding="utf-8")  # written by MkDocs as is
    result = work.finish()
    assert result.ok, result.message
    assert json.loads((site / "pagefind" / indexer.SHARDS_FILE).read_text()) == ["2/", "3/"]
    assert work.added == {"p0/index.html", "p1/index.html", "p2/index.html", "p3/index.html", "static.html"}
    assert [len(list((site / indexer.shard_dir(n) / "fragment").iterdir())) for n in range(3)] == [2, 2, 1]
    [res] = query(site, [{"q": "common", "limit": 10}])
    assert sorted(r["url"] for r in res["results"]) == ["/p0/", "/p1/", "/p2/", "/p3/", "/static.html"]


def test_a_shard_ends_before_its_characters_pass_the_bound(tmp_path):
    """Pagefind's memory follows the words a shard holds, not its page count: a long page ends a shard early."""
    site = tmp_path / "site"
    pages = {f"p{n}/index.html": _page(f"Page {n}", f"word{n} " + "filler " * (2000 if n == 1 else 10)) for n in range(5)}
    size = [len(search.indexed_part(html)) for html in pages.values()]
    bound = size[1] + 10  # the long page p1 fits alone: it starts a shard and ends it; p2-p4 share the next
    work = indexer.Indexer(site, shard_chars=bound)
    for path, html in pages.items():
        work.add(path, html)
    assert work.finish().ok
    assert size[0] + size[1] > bound and size[1] + size[2] > bound and size[2] + size[3] + size[4] <= bound
    assert [len(list((site / indexer.shard_dir(n) / "fragment").iterdir())) for n in range(3)] == [1, 1, 3]


def test_pages_fed_while_building_index_as_the_written_site(tmp_path):
    """The same pages handed over one by one, or read back from the written site: the same bundle."""
    site = tmp_path / "site"
    for n in range(6):
        (site / f"d{n}").mkdir(parents=True)
        (site / f"d{n}/index.html").write_text(_page(f"Doc {n}", f"alpha{n} beta gamma{n % 2}"), encoding="utf-8")
    assert indexer.index_site(site).ok
    after = _bundle(site / "pagefind")
    fed = indexer.Indexer(site)
    for path in indexer.indexed_pages(site):
        fed.add(path, (site / path).read_text(encoding="utf-8"))
    assert fed.finish().ok
    assert _bundle(site / "pagefind") == after and any(k.startswith("index/") for k in after)


def _themed(title: str, words: str, header: str = "<nav><a href='/'>Home</a> navigation words</nav>") -> str:
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head><body><header>{header}</header>'
            + search.wrap(f"<h1>{title}</h1><p>{words}</p>", None) + "<footer>footer words</footer></body></html>")


def test_indexed_part_drops_the_header_unless_pagefind_reads_it():
    page = _themed("One", "alpha")
    part = search.indexed_part(page)
    assert part == page.replace("<body><header><nav><a href='/'>Home</a> navigation words</nav></header>", "<body>")
    for header in ("<h1>Site</h1>", "<IMG src='/logo.png'>"):  # its title and image when the body has none
        assert search.indexed_part(_themed("Two", "beta", header)) == _themed("Two", "beta", header)
    meta = _themed("Three", "gamma", "<span data-pagefind-meta='x'>y</span>")  # kept from the first mark on
    assert search.indexed_part(meta) == meta.replace("<body><header>", "<body>")
    upper = _themed("Four", "delta", "<b>x</b><span DATA-PAGEFIND-META='x'>y</span>")  # attribute names: any case
    assert search.indexed_part(upper) == upper.replace("<body><header><b>x</b>", "<body>")
    assert search.indexed_part("<html><body><p>no marks</p></body></html>") == "<html><body><p>no marks</p></body></html>"


def test_bare_anchors_moves_each_id_but_a_headings():
    """Each id (but a heading's) goes onto an empty span just before its element, in any attribute order
    and quoting; what it cannot read for certain, or what Pagefind might read differently, stays as it is."""
    moved = {
        '<p class="res-p" id="op-7" data-label="paragraph 7">Decides</p>':
            '<span id="op-7"></span><p class="res-p" data-label="paragraph 7">Decides</p>',
        "<li id='pp-1'>a</li>": "<span id='pp-1'></span><li>a</li>",
        '<div data-x="a > b" id=annex-1 hidden>t</div>': '<span id=annex-1></span><div data-x="a > b" hidden>t</div>',
        '<P\nid = "x"\nclass=a>t</P>': '<span id = "x"></span><P\nclass=a>t</P>',
        '<img id="i" src="a.png"/>': '<span id="i"></span><img src="a.png"/>',
        '<p id="">t</p>': '<span id=""></span><p>t</p>',
    }
    kept = [
        '<h2 id="mandates">Mandates</h2>', '<H3 class="x" id="y">t</H3>',  # Pagefind's own results show a heading
        '<p id="a" data-pagefind-ignore>t</p>', '<div data-pagefind-body id="b">t</div>',  # their own status
        '<p id="a" id="b">t</p>', '<p ID="a" id="b">t</p>',  # two ids: which one counts is HTML's business
        '<p data-id="x">t</p>', '<p ID="x">t</p>', "<p>user id=3 is valid = true</p>", "<code>&lt;p id=\"x\"&gt;</code>",
        '<p title="x id=\'y\'">t</p>',
        '<textarea><p id="x">t</p></textarea><p id="y">u</p>',  # its content is text to Pagefind: the page as it is
    ]
    for before, after in moved.items():
        assert search.bare_anchors(before) == after
    for html in kept:
        assert search.bare_anchors(html) == html
    page = '<p id="a">one</p><div data-pagefind-body><p id="b">two</p></div>'
    assert search.bare_anchors(page, page.index("data-pagefind-body")) == page.replace(
        '<p id="b">', '<span id="b"></span><p>')
    assert search.bare_anchors(page, -1) == page


def _anchored(title: str, extra: str = "") -> str:
    """A page with a themed header, a heading and paragraph ids as the plugin and Python-Markdown write them."""
    body = (f'<h1 id="title">{title}</h1><p class="res-opening">The Council,</p>'
            '<p class="res-p res-pp" id="pp-1" data-label="preambular paragraph 1"><em>Recalling</em> its words,</p>'
            '<div class="res-p" id="op-1"><p>Decides that <a href="#x">this</a> holds:</p><ol>'
            "<li id='op-1-a'>first thing;</li><li data-label=\"b\" id=op-1-b>second <b>thing</b>.</li></ol></div>"
            '<h2 id="annex">Annex <span id="annex-mark">I</span></h2><section id="annex-1" class="res-annex">'
            '<p id="annex-1-p-1">Annex text.</p></section>'
            '<p class="res-notice" id="note-1">A notice.</p><p id="ignored" data-pagefind-ignore>Not indexed.</p>'
            + extra)
    return _themed(title, "words").replace(f"<h1>{title}</h1><p>words</p>", body)


def test_pagefind_indexes_the_part_as_the_whole_page(tmp_path):
    """Pagefind's own command line over the whole pages and the indexer over their indexed part: the same
    search (words, word counts, meta, filters, word index, every anchor's id and word); only the anchors
    of elements that are not headings lose their text (the search box reads their id and word only)."""
    site = tmp_path / "site"
    pages = {"a/index.html": _anchored("A"), "b/index.html": _themed("B", "beta", "<h1>Outside</h1>"),
             "c/index.html": _anchored("C", "<h3 id='more'>More</h3><p>tail</p>").replace(
                 "<header>", "<header><img src='/logo.png' alt='logo'>"),
             "d/index.html": _themed("D", "delta", "<b>skipped</b><span data-pagefind-meta='part'>Two</span>"),
             "e/index.html": _themed("E", "plain").replace("<p>plain</p>", '<h2 id="usage">Usage</h2><p>Run it.</p>')}
    for path, html in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")
    exe = indexer.pagefind_executable()
    assert exe is not None
    cli = tmp_path / "cli"
    cmd = [exe, "--site", str(site), "--output-path", str(cli / "pagefind"), "--silent"]
    for selector in search.EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    subprocess.run(cmd, check=True, timeout=120)
    assert indexer.index_site(site).ok
    theirs, ours = compare_search.read_bundle(cli), compare_search.read_bundle(site)
    result = compare_search.compare(theirs, ours)
    assert result.differences == []
    assert dict(result.anchor_text) == {"p->span": 6, "div->span": 2, "li->span": 4, "section->span": 2,
                                        "span->span": 2}
    anchors = [(a["element"], a["id"], a["location"], a["text"]) for a in ours.fragments["/a/"]["anchors"]]
    assert anchors == [("h1", "title", 0, "A"), ("span", "pp-1", 3, ""), ("span", "op-1", 6, ""),
                       ("span", "op-1-a", 10, ""), ("span", "op-1-b", 12, ""), ("h2", "annex", 14, "Annex I"),
                       ("span", "annex-mark", 15, ""), ("span", "annex-1", 16, ""), ("span", "annex-1-p-1", 16, ""),
                       ("span", "note-1", 18, "")]
    assert [a["text"] for a in theirs.fragments["/a/"]["anchors"]][1] == "Recalling its words,"


def test_compare_search_sees_what_a_search_would_show_differently(tmp_path):
    """Two bundles of the same pages but one word (which moves an anchor): told apart, and by what."""
    bundles = []
    for name, words in (("a", "alpha beta"), ("b", "alpha gamma beta")):
        site = tmp_path / name
        for n in range(3):
            (site / f"p{n}").mkdir(parents=True)
            text = words if n == 1 else "alpha beta"
            html = _page(f"P{n}", text).replace("</p>", '</p><p id="op-1">delta</p>')
            (site / f"p{n}/index.html").write_text(html, encoding="utf-8")
        assert indexer.index_site(site, shard_pages=2).ok  # two shards: pages are matched across them
        bundles.append(compare_search.read_bundle(site))
    assert compare_search.compare(bundles[0], bundles[0]).differences == []
    result = compare_search.compare(*bundles)
    assert result.differences == ["/p1/: content differs", "/p1/: word_count differs",
                                  "/p1/: anchors (id, location) differ",
                                  "word index differs for 3 words: beta, delta, gamma"]


def test_shard_folders():
    assert [indexer.shard_dir(n) for n in range(3)] == ["pagefind", "pagefind/2", "pagefind/3"]


def test_pagefind_error_is_a_message(tmp_path):
    """A page Pagefind rejects (or a crash) stops the indexer with a message; the build goes on."""
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!{sys.executable}\nimport sys\nsys.stderr.write('boom')\nsys.exit(3)\n")
    exe.chmod(0o755)
    work = indexer.Indexer(tmp_path / "site", str(exe))
    work.add("a/index.html", _page("A", "words"))
    result = work.finish()
    assert not result.ok and result.message.startswith("Pagefind stopped (3): boom")


# A stand-in for Pagefind's service: like it, a thread reads stdin into an unbounded queue; answers come slowly.
FAKE_SERVICE = """
import base64, json, os, queue, sys, threading, time
inbox, backlog = queue.Queue(), [0, 0]  # messages read and not yet answered, the most seen
def read():
    buf = b""
    while chunk := os.read(0, 1 << 16):
        buf += chunk
        *done, buf = buf.split(b",")
        for m in done:
            inbox.put(json.loads(base64.b64decode(m)))
            backlog[0] += 1
            backlog[1] = max(backlog)
threading.Thread(target=read, daemon=True).start()
while True:
    msg = inbox.get()
    payload, answer = msg["payload"], {}
    time.sleep(0.005)
    if payload["type"] == "NewIndex":
        answer = {"type": "NewIndex", "index_id": 0}
    elif payload["type"] == "WriteFiles":
        os.makedirs(payload["output_path"], exist_ok=True)
        with open(os.path.join(payload["output_path"], "pagefind-entry.json"), "w") as f:
            json.dump({"most_in_flight": backlog[1], "pid": os.getpid()}, f)
    backlog[0] -= 1
    sys.stdout.buffer.write(base64.b64encode(json.dumps({"message_id": msg["message_id"], "payload": answer}).encode()) + b",")
    sys.stdout.flush()
"""


def test_pages_in_flight_are_bounded(tmp_path, monkeypatch):
    """Pagefind's service reads its input as fast as it comes: the build waits once IN_FLIGHT messages are
    unanswered, so Pagefind never holds more pages than that, however far behind it falls."""
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!{sys.executable}\n{FAKE_SERVICE}")
    exe.chmod(0o755)
    monkeypatch.setattr(indexer, "IN_FLIGHT", 3)
    work = indexer.Indexer(tmp_path / "site", str(exe))
    for n in range(40):
        work.add(f"p{n}/index.html", _page(f"Page {n}", "words"))
    assert work.finish().ok
    most = json.loads((tmp_path / "site" / "pagefind" / indexer.ENTRY_FILE).read_text())["most_in_flight"]
    assert most <= 3


def test_each_shard_has_its_own_pagefind(tmp_path):
    """One Pagefind process kept memory of every shard it had written, so its peak grew with the site:
    each shard is indexed by a fresh process, whose memory is all returned when it ends."""
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!{sys.executable}\n{FAKE_SERVICE}")
    exe.chmod(0o755)
    work = indexer.Indexer(tmp_path / "site", str(exe), shard_pages=2)
    for n in range(5):
        work.add(f"p{n}/index.html", _page(f"Page {n}", "words"))
    assert work.finish().ok
    entries = [tmp_path / "site" / indexer.shard_dir(n) / indexer.ENTRY_FILE for n in range(3)]
    assert len({json.loads(entry.read_text())["pid"] for entry in entries}) == 3


# Like Pagefind (tokio's File, never flushed), it answers WriteFiles while a file's last bytes are still being written.
LATE_WRITER = FAKE_SERVICE.replace("""    backlog[0] -= 1""", """        late = open(os.path.join(payload["output_path"], "pagefind-ui.js"), "w")
        late.write("first half;")
        late.flush()
        def finish_late(late=late):
            time.sleep(0.6)  # longer than any quiet spell a wait on writes alone would accept
            late.write("second half;")
            late.close()
        threading.Thread(target=finish_late).start()
    backlog[0] -= 1""")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are listed in /proc on Linux only")
def test_pagefind_is_stopped_only_once_its_files_are_closed(tmp_path):
    """Pagefind answers WriteFiles before its files are all written; stopped then, it cut one short."""
    exe = tmp_path / "pagefind"
    exe.write_text(f"#!{sys.executable}\n{LATE_WRITER}")
    exe.chmod(0o755)
    work = indexer.Indexer(tmp_path / "site", str(exe))
    work.add("p/index.html", _page("Page", "words"))
    assert work.finish().ok
    assert (tmp_path / "site" / "pagefind" / "pagefind-ui.js").read_text() == "first half;second half;"


def test_wrap_marks_filters_and_escapes():
    meta = Metadata(symbol="A/RES/80/229", organ='General "Assembly", <x>', session_number=80,
                    iso_date="2025-12-18", date="22 December 2025", kind=Kind.RESOLUTION)
    doc = Document("x.txt", meta, blocks=[
        Paragraph("preambular", "pp-1", None, "Recalling", RichText("a"), 1),
        Paragraph("operative", "op-1", "1", "Decides", RichText("b"), 2,
                  children=[Paragraph("sub", "op-1-a", "a", "", RichText("c"), 3)]),
    ], footnotes=[Footnote("1", RichText("note"), 9)])
    html = search.wrap("<div class='res-doc'></div>", doc)
    soup = BeautifulSoup(html, "lxml")
    body = soup.select_one("[data-pagefind-body]")
    filters = sorted(e["data-pagefind-filter"] for e in soup.select("[data-pagefind-filter]"))
    assert filters == ['kind:resolution', 'organ:General "Assembly"  <x>', "session:80", "year:2025"]
    # stored, not indexed: outside the body, hidden
    stored = {e["data-pagefind-meta"]: e.get_text() for e in soup.select("[data-pagefind-meta]")}
    assert stored == {"symbol": "A/RES/80/229", "date": "22 December 2025", "organ": 'General "Assembly", <x>',
                      "kind": "resolution", "first": "op-1",
                      "places": "pp-1=preambular paragraph 1|op-1=paragraph 1|op-1-a=paragraph 1 (a)|fn-1=footnote 1"}
    assert not body.select("[data-pagefind-meta], [data-pagefind-filter]")
    keys = body.select_one("[data-pagefind-weight]")
    assert keys.get_text() == "A/RES/80/229 RES/80/229 80/229" and keys.has_attr("hidden")
    assert "<x>" not in html
    assert search.wrap("<p>about</p>", None) == "<div data-pagefind-body><p>about</p></div>"


# ---------------------------------------------------------------- corpus site


@pytest.fixture(scope="module")
def site():
    need_node()
    return corpus_site()


def test_paragraph_query_links_to_the_paragraph(site):
    [res] = query(site, [{"q": "synthetic drugs", "limit": 3}])
    first = res["results"][0]
    assert first["symbol"] == "A/RES/78/131"
    hit = next(p for p in first["paragraphs"] if p["id"] == "op-3")
    assert hit["url"] == "/A/RES/78/131/#op-3" and hit["title"] == "Paragraph 3"
    assert first["line"] == "A/RES/78/131 · 21 December 2023 · General Assembly · resolution"
    assert "<mark>synthetic</mark> <mark>drugs,</mark>" in hit["excerpt"]
    # the excerpt is that paragraph's own text
    page = BeautifulSoup((site / "A/RES/78/131/index.html").read_text(encoding="utf-8"), "lxml")
    own = page.select_one("#op-3")
    own = own if own.name == "p" else own.select_one(":scope > p")  # a paragraph with sub-paragraphs is a div
    para = " ".join(own.get_text(" ").split())
    words = hit["excerpt"].replace("<mark>", "").replace("</mark>", "").strip("… ").split()
    assert " ".join(words[:6]) in para


def test_sub_paragraph_and_footnote_hits_have_their_own_anchor(site):
    [res] = query(site, [{"q": "kidnapping", "limit": 5}])
    anchors = {p["id"] for r in res["results"] for p in r["paragraphs"]}
    assert "op-16" in anchors  # the seed: "prevent and combat kidnapping"
    assert all(not a.startswith(("fnref", "title")) for a in anchors)


@pytest.mark.parametrize("symbol", ["A/RES/80/229", "80/229", "A/C.3/80/L.3", "S/2018/221", "A/C.1/80/L.6"])
def test_symbol_query_puts_that_document_first(site, symbol):
    [res] = query(site, [{"q": symbol, "limit": 3}])
    full = symbol if "/RES/" in symbol or not symbol[0].isdigit() else "A/RES/" + symbol
    first = res["results"][0]
    assert first["symbol"] == full
    assert first["url"] == f"/{full}/"
    # the title, the result line, and the first operative paragraph: no header field labels
    assert first["line"].startswith(full + " · ") and first["paragraphs"] == []
    assert first["lead"].startswith("1. ") and "Symbol" not in first["lead"] and "Organ" not in first["lead"]


def test_own_words_only(site):
    """A phrase only in another document's citing sentence (the cited-by section) does not find the cited page."""
    [res] = query(site, [{"q": "Pact for the Future", "limit": 3}])
    first = res["results"][0]
    assert first["symbol"] == "A/RES/79/1"
    page = BeautifulSoup((site / "A/RES/79/1/index.html").read_text(encoding="utf-8"), "lxml")
    own = {el["id"] for el in page.select(".res-body [id], .res-annex[id], .res-annex [id]")}
    assert first["paragraphs"] and all(p["id"] in own for p in first["paragraphs"])


def test_annex_hits_have_human_labels(site):
    [res] = query(site, [{"q": "A/RES/79/243 requests for mutual legal assistance", "limit": 1}])
    titles = [p["title"] for r in res["results"] for p in r["paragraphs"]]
    assert titles and all(not re.search(r"annex-|Annex: |\bp \d", t) for t in titles), titles


def test_filters(site):
    by_organ, everything, by_kind, by_year = query(site, [
        {"q": "climate", "filters": {"organ": "Security Council"}, "limit": 50},
        {"q": "climate", "limit": 0},
        {"q": "climate", "filters": {"kind": "resolution"}, "limit": 50},
        {"q": None, "filters": {"year": "2018"}, "limit": 50},
    ])
    assert 0 < by_organ["count"] < everything["count"]
    assert all(r["filters"]["organ"] == ["Security Council"] for r in by_organ["results"])
    assert all(r["symbol"].startswith("S/") for r in by_organ["results"])
    assert by_kind["results"] and all(r["filters"]["kind"] == ["resolution"] for r in by_kind["results"])
    # the year filter agrees with the chronological browse page
    listing = BeautifulSoup((site / "browse/date/2018/index.html").read_text(encoding="utf-8"), "lxml")
    listed = sorted(a.get_text() for a in listing.select("table.res-browse a"))
    assert sorted(r["symbol"] for r in by_year["results"]) == listed and by_year["count"] == len(listed) > 0


def test_browse_pages_are_not_indexed(site):
    [res] = query(site, [{"q": "A/C.3/80/L.3", "limit": 10}])
    assert not any(r["url"].startswith("/browse/") for r in res["results"])


def test_results_under_a_path_prefix_point_at_existing_pages(site):
    [res] = query(site, [{"q": "kidnapping", "limit": 5}], base_url="/un/resolutions/")
    for r in res["results"]:
        assert r["url"].startswith("/un/resolutions/")
        assert (site / r["url"][len("/un/resolutions/"):] / "index.html").exists()


def test_search_box_is_material_shaped_and_pagefind_bundle_is_there(site):
    page = BeautifulSoup((site / "A/RES/80/229/index.html").read_text(encoding="utf-8"), "lxml")
    template = page.select_one("template#res-search-template")
    assert template is not None and template.select_one("input.md-search__input")
    assert page.select_one('script[src$="assets/resolutions/search.js"]')
    assert not page.select_one('a[href^="/"], script[src^="/"], link[href^="/"]')  # relative: any prefix
    assert (site / "pagefind" / "pagefind.js").exists()
    assert not (site / "search" / "search_index.json").exists()


# ---------------------------------------------------------------- 404


NODE_404 = r"""
const vm = require("node:vm");
const [script, path] = [process.argv[1], process.argv[2]];
const parts = {".res-404__symbol": {textContent: ""}, ".res-404__link": {href: "https://undocs.org/"}};
const box = {hidden: true, getAttribute: (n) => ({"data-undocs": "https://undocs.org/{symbol}", "data-series": "A S E ST"})[n],
             querySelector: (s) => parts[s]};
vm.runInNewContext(script, {document: {getElementById: () => box}, location: {pathname: path}, decodeURIComponent, encodeURIComponent});
console.log(JSON.stringify({shown: !box.hidden, symbol: parts[".res-404__symbol"].textContent, href: parts[".res-404__link"].href}));
"""


@pytest.mark.parametrize("path, symbol, href", [
    ("/A/RES/66/181/", "A/RES/66/181", "https://undocs.org/A/RES/66/181"),
    ("/un/site/A/C.3/80/L.3/index.html", "A/C.3/80/L.3", "https://undocs.org/A/C.3/80/L.3"),
    ("/S/RES/1373(2001)/", "S/RES/1373(2001)", "https://undocs.org/S/RES/1373%282001%29"),
    ("/about/missing/", None, None),
    ("/A/RES/66/%3Cscript%3Ealert(1)%3C%2Fscript%3E/", None, None),
    ("/A/RES/66/181%22onmouseover=x/", None, None),
])
def test_404_offers_the_official_copy(site, path, symbol, href):
    html = (site / "404.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "lxml")
    script = next(s.string for s in page.select("script") if s.string and "res-404-symbol" in s.string)
    proc = subprocess.run([need_node(), "-e", NODE_404, script, path], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["shown"] == (symbol is not None)
    if symbol:
        assert out["symbol"] == symbol and out["href"] == href
    box = page.select_one("#res-404-symbol")
    assert box.has_attr("hidden") and box["data-undocs"] == "https://undocs.org/{symbol}"
