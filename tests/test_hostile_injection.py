"""Injection: whatever a source holds is shown as text, never becomes markup or a link target.

Checked on the rendered fragment (both reader forms) and on whole pages of a
real build, where the title also reaches the theme's templates (``<title>``,
navigation, search index).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from .hostile_support import UNDOCS, build, make_project, render

PAYLOADS = [
    "<script>alert('pp')</script>",
    '<img src="x" onerror="alert(1)">',
    "<a href=\"javascript:alert(2)\">click</a>",
    "[click me](javascript:alert(3))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)",
    "<https://evil.example/autolink>",
    "![pic](https://evil.example/p.png)",
    "{{ config.site_name }} {{ 7*7 }}",
    "{% raw %}raw{% endraw %} {% include 'main.html' %}",
    "&lt;b&gt;entity&lt;/b&gt; &amp; &#60;i&#62; &#x3C;u&#x3E;",
    "<iframe src=//evil.example></iframe><svg onload=alert(5)>",
    '<div style="position:fixed" onclick="x()">div</div>',
    "`code` and <!-- comment --> and <style>body{display:none}</style>",
]

# A symbol-looking token that tries to break out of an href or inject a template field.
SYMBOLS = ['A/RES/60/1"onmouseover="alert(6)', "A/RES/60/1<script>", "A/RES/60/1{symbol}"]


def _source(markdown: bool) -> str:
    lead = "*Recalling*" if markdown else "Recalling"
    parts = ["*The General Assembly,*" if markdown else "The General Assembly,"]
    parts += [f"{lead} the text {p} as printed," for p in PAYLOADS]
    parts += [f"{k + 1}. Decides to cite resolution {s} today;" for k, s in enumerate(SYMBOLS)]
    if markdown:
        parts.append(f"{len(SYMBOLS) + 1}. Decides once more.<sup>1</sup>")
        parts.append("---")
        parts.append("<sup>1</sup> See <script>alert('note')</script> and [x](javascript:alert(7)) A/RES/60/1.")
    return "\n\n".join(parts) + "\n"


def _bad_markup(soup: BeautifulSoup) -> list[str]:
    """Elements, attributes and URLs that could only have come from the source."""
    problems = []
    for tag in soup.find_all(True):
        if tag.name in ("script", "img", "iframe", "svg", "style", "object", "embed", "form", "input", "link", "meta", "base"):
            problems.append(f"<{tag.name}>")
        for attr, value in tag.attrs.items():
            if attr.lower().startswith("on") or attr.lower() in ("style", "src", "srcdoc", "formaction"):
                problems.append(f"{tag.name}[{attr}]")
            if attr == "href":
                if not (value.startswith("#") or value.startswith(UNDOCS) or _relative(value)):
                    problems.append(f"href={value!r}")
                if re.search(r"[\s\"'<>{}]", value):
                    problems.append(f"unencoded href={value!r}")
    return problems


def _relative(href: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", href)


@pytest.mark.parametrize("markdown", [False, True], ids=["plain", "markdown"])
def test_payloads_are_visible_text(markdown):
    src = _source(markdown)
    page = render(src.encode(), "inject.md" if markdown else "inject.txt")
    soup = page.soup()
    assert _bad_markup(soup) == []
    text = re.sub(r"\s+", "", soup.get_text(" "))
    for payload in PAYLOADS:
        assert re.sub(r"\s+", "", payload) in text, payload
    assert not page.lost(src, markdown=markdown)
    # Only "a" elements we make: citations, permalinks, note markers, back links.
    for a in soup.find_all("a"):
        assert set(a["class"] if a.has_attr("class") else ["res-fnref-link"]) & {
            "res-cite", "res-permalink", "res-backref", "res-fnref-link"}, str(a)


@pytest.mark.parametrize("markdown", [False, True], ids=["plain", "markdown"])
def test_symbols_are_percent_encoded_or_not_linked(markdown):
    page = render(_source(markdown).encode(), "inject.md" if markdown else "inject.txt")
    for a in page.soup().select("a.res-cite"):
        href = a["href"]
        assert href.startswith(UNDOCS) or href.startswith("#") or _relative(href)
        assert not re.search(r"[\s\"'<>{}]", href), href
        assert a.get("data-symbol", "").startswith(("A/", "S/", "E/", "")), a


def test_front_matter_only_sets_symbol_and_title_as_text():
    src = (
        "---\n"
        'symbol: A/RES/1"><script>alert(8)</script>\n'
        "title: Title \"quoted\" 'single' <b onmouseover=alert(9)>bold</b> {{ page.title }}\n"
        "class: evil\n"
        'onclick: "alert(10)"\n'
        "---\n"
        "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act.\n"
    )
    page = render(src.encode(), "front.txt")
    soup = page.soup()
    assert _bad_markup(soup) == []
    assert soup.select_one("h1#title").get_text() == (
        "Title \"quoted\" 'single' <b onmouseover=alert(9)>bold</b> {{ page.title }}"
    )
    doc = soup.select_one(".res-doc")
    assert set(doc.attrs) == {"class", "data-symbol"}
    assert doc["data-symbol"] == 'A/RES/1"><script>alert(8)</script>'
    assert doc["class"] == ["res-doc"]
    assert "evil" not in page.html and "alert(10)" not in page.html


# -- through MkDocs and the theme ---------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    cover = (
        "United Nations\nA/80/L.99\n\nGeneral Assembly\nDistr.: Limited\n1 December 2025\nOriginal: English\n\n"
        "Eightieth session\nAgenda item 13\nSustainable development\n\n\n"
        "Italy: draft resolution\n\n\n"
        "Title <script>alert('title')</script> {{ config.site_name }} {% raw %}\n\n\n"
    )
    files = {
        "plain.txt": _source(False),
        "mark.txt": _source(True),  # markdown form (it has <sup>) in a .txt
        "covered.txt": cover + _source(False),
        "front.txt": "---\ntitle: <img src=x onerror=alert(11)> {{ 7*7 }}\n---\n" + _source(False),
    }
    project = make_project(tmp_path_factory.mktemp("inject"), files)
    out = project / "site"
    proc = build(project, out, strict=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out, files


def _pages(out):
    return sorted(p for p in out.rglob("index.html") if "assets" not in p.parts)


def test_built_pages_hold_no_injected_markup(site):
    out, files = site
    pages = _pages(out)
    assert len(pages) >= len(files)
    for path in pages:
        if path.parent.name == "front" or "L.99" in str(path):
            continue  # their titles: see test_titles_reach_the_theme_as_text
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article")
        assert _bad_markup(article) == [], path
        # Outside the article: the theme's own scripts only (no inline script holding a payload).
        for script in soup.find_all("script"):
            assert "alert(" not in (script.string or ""), (path, script)
        for tag in soup.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), (path, tag.name)
        assert "49" not in soup.title.get_text(), "a template expression in a title was evaluated"


def _theme_titles(path) -> list:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return [el for el in soup.select("title, .md-nav__link, .md-header__topic") if el.find(["script", "img", "b"])]


def test_built_titles_are_text(site):
    out, _files = site
    for path in _pages(out):
        if path.parent.name != "front" and "L.99" not in str(path):
            assert _theme_titles(path) == [], path


def test_cover_title_is_read(site):
    out, _files = site
    page = out / "A" / "80" / "L.99" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("h1#title").get_text().startswith("Title <script>alert('title')</script>")
    assert _bad_markup(soup.select_one("article")) == []


@pytest.mark.parametrize("where", ["front", "cover"])
def test_titles_reach_the_theme_as_text(site, where):
    out, _files = site
    page = out / "front" / "index.html" if where == "front" else out / "A" / "80" / "L.99" / "index.html"
    assert _theme_titles(page) == []
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert not any(a.lower().startswith("on") for tag in soup.find_all(True) for a in tag.attrs)
