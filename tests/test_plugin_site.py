"""The plugin in a site of its own: templates it brings, anchors MkDocs knows, configuration errors.

Each test builds a small temporary project with ``--strict`` (two real texts of
source_docs), as a user of the package would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT

TEXTS = ("A-RES-79-89.txt", "A-C.4-80-L.18.txt")  # a resolution (6 operative paragraphs) and a draft citing it


def project(tmp: Path, config: str = "", pages: dict[str, str] | None = None, theme: str = "material") -> Path:
    docs = tmp / "docs"
    docs.mkdir(parents=True)
    for name in TEXTS:
        shutil.copy(ROOT / "source_docs" / name, docs / name)
    (docs / "index.md").write_text("# A site\n\nSee the [notes](notes.md).\n", encoding="utf-8")
    for name, text in (pages or {"notes.md": "# Notes\n\nNothing yet.\n"}).items():
        (docs / name).write_text(text, encoding="utf-8")
    if "plugins:" not in config:
        config += "plugins:\n  - resolutions:\n      search: false\n      cache_dir: cache\n"
    (tmp / "mkdocs.yml").write_text(f"site_name: Third party\ntheme:\n  name: {theme}\n{config}", encoding="utf-8")
    return tmp


def build(folder: Path, strict: bool = True) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(folder / "mkdocs.yml")] + (["--strict"] if strict else [])
    return subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def warnings(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("WARNING")]


ANCHORS = "validation:\n  anchors: warn\n"


def test_valid_anchor_links_pass_strict_validation(tmp_path):
    notes = "# Notes\n\nSee [paragraph 2](A-RES-79-89.txt#op-2), [its note 1](A-RES-79-89.txt#fn-1) and [cited by](A-RES-79-89.txt#cited-by).\n"
    proc = build(project(tmp_path, ANCHORS, {"notes.md": notes}))
    assert proc.returncode == 0, proc.stderr
    assert warnings(proc) == []
    page = BeautifulSoup((tmp_path / "site" / "notes" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [a["href"] for a in page.select("article a[href]") if "op-2" in a["href"]] == ["../A/RES/79/89/#op-2"]


def test_a_wrong_anchor_fails_strict_validation(tmp_path):
    notes = "# Notes\n\nSee [paragraph 9](A-RES-79-89.txt#op-9) and [paragraph 2](A-RES-79-89.txt#op-2).\n"
    proc = build(project(tmp_path, ANCHORS, {"notes.md": notes}))
    assert proc.returncode == 1
    assert [w.split("-  ", 1)[1] for w in warnings(proc)] == [
        "Doc file 'notes.md' contains a link 'A-RES-79-89.txt#op-9', but the doc 'A-RES-79-89.txt' "
        "does not contain an anchor '#op-9'."
    ]


def test_material_alone_gives_search_box_and_404(tmp_path):
    config = "plugins:\n  - resolutions:\n      cache_dir: cache\n"
    proc = build(project(tmp_path, config))
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "site"
    for page in ("index.html", "A/RES/79/89/index.html", "notes/index.html", "404.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        assert len(soup.select("template#res-search-template")) == 1, page
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("#res-404-symbol")["data-undocs"] == "https://undocs.org/{symbol}"
    assert (site / "pagefind" / "pagefind.js").exists()


def test_a_sites_custom_dir_overrides_ours_and_keeps_the_search_box(tmp_path):
    own = tmp_path / "overrides"
    (own / "partials").mkdir(parents=True)
    (own / "main.html").write_text('{% extends "base.html" %}\n{% block footer %}<p id="own-footer">ours</p>{% endblock %}\n')
    (own / "404.html").write_text('{% extends "main.html" %}\n{% block content %}<h1 id="own-404">Lost</h1>{% endblock %}\n')
    proc = build(project(tmp_path, "", theme="material\n  custom_dir: overrides"))
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "site"
    page = BeautifulSoup((site / "A/RES/79/89/index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("#own-footer") is not None  # the site's main.html
    assert len(page.select("template#res-search-template")) == 0  # search: false in this project
    lost = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert lost.select_one("#own-404") is not None and lost.select_one("#res-404-symbol") is None


def test_a_custom_search_partial_replaces_ours(tmp_path):
    own = tmp_path / "overrides" / "partials"
    own.mkdir(parents=True)
    (own / "res-search.html").write_text('<template id="res-search-template"><b id="own-search">search</b></template>\n')
    config = "plugins:\n  - resolutions:\n      cache_dir: cache\n"
    proc = build(project(tmp_path, config, theme="material\n  custom_dir: overrides"))
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site" / "A/RES/79/89/index.html").read_text(encoding="utf-8")
    assert html.count('id="res-search-template"') == 1 and 'id="own-search"' in html


def test_another_theme_says_once_what_is_missing(tmp_path):
    folder = project(tmp_path, theme="mkdocs")
    proc = build(folder, strict=False)
    assert proc.returncode == 0, proc.stderr
    assert [w.split("-  ", 1)[1] for w in warnings(proc)] == [
        "mkdocs_resolutions: theme 'mkdocs' is not Material for MkDocs: this site has no 404 page offering the "
        "official copy, because the plugin ships it as a Material template; resolution pages, notes and citation "
        "links work. Use `theme: material` for the full product."
    ]
    assert (tmp_path / "site" / "A" / "RES" / "79" / "89" / "index.html").exists()
    assert build(folder).returncode == 1  # --strict


@pytest.mark.parametrize("value, says", [
    ("{A-RES-79-89.txt: null}", "A-RES-79-89.txt must list codes or message fragments (e.g. `A-RES-79-89.txt: [footnote-unused]`), not nothing (null)"),
    ("{A-RES-79-89.txt: full stop}", "A-RES-79-89.txt must list codes or message fragments (e.g. `A-RES-79-89.txt: [footnote-unused]`), not the string 'full stop'"),
    ("[full stop]", "known_defects must be a mapping of file name to a list of codes or fragments, not a list"),
    ("{A-RES-79-89.txt: [3]}", "A-RES-79-89.txt: each entry must be a non-empty string, not a int"),
    ("{A-RES-79-89.txt: [numbering-gapp]}", "'numbering-gapp' is not a diagnostic code"),
])
def test_a_wrong_known_defects_is_a_configuration_error(tmp_path, value, says):
    config = f"plugins:\n  - resolutions:\n      search: false\n      known_defects: {value}\n"
    proc = build(project(tmp_path, config))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "Config value 'plugins': Plugin 'resolutions' option 'known_defects': " in proc.stderr
    assert says in proc.stderr


def test_a_stale_known_defect_fails_strict(tmp_path):
    config = "plugins:\n  - resolutions:\n      search: false\n      known_defects: {A-RES-79-89.txt: [footnote-unused], gone.txt: [numbering-gap]}\n"
    proc = build(project(tmp_path, config))
    assert proc.returncode == 1
    assert [w.split("-  ", 1)[1] for w in warnings(proc)] == [
        "mkdocs_resolutions: known_defects: A-RES-79-89.txt: 'footnote-unused' accepts no warning "
        "(the defect is gone, or the entry is misspelt); remove it"
    ]


CITING = """# Commentary

Resolution 79/89, paragraph 2, asks for the protection of property; see also A/RES/80/229, para. 7.

```
resolution 79/89 in a code block stays as it is
```
"""


def test_link_pages_links_citations_in_ordinary_pages_and_lists_them_as_citing(tmp_path):
    config = "plugins:\n  - resolutions:\n      search: false\n      link_pages: true\n"
    proc = build(project(tmp_path, ANCHORS + config, {"notes.md": CITING}))
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "site"
    notes = BeautifulSoup((site / "notes" / "index.html").read_text(encoding="utf-8"), "lxml")
    links = [(a.get_text(), a["href"], a.get("data-title", "")[:30]) for a in notes.select(".res-doc.res-page a.res-cite")]
    assert links == [
        ("79/89", "../A/RES/79/89/#op-2", "Palestine refugees’ properties"),
        ("A/RES/80/229", "https://undocs.org/A/RES/80/229", ""),
    ]
    assert notes.select_one("a.res-cite")["data-excerpt"].startswith("2. Requests the Secretary-General")
    assert "resolution 79/89 in a code block" in notes.select_one("pre code").get_text()
    cited = BeautifulSoup((site / "A/RES/79/89/index.html").read_text(encoding="utf-8"), "lxml")
    docs = [h.get_text(" ", strip=True) for h in cited.select(".res-citedby .res-citedby__doc")]
    assert docs == ["A/C.4/80/L.18 — Palestine refugees’ properties and their revenues", "notes.md — Commentary"]
    place = cited.select(".res-citedby ul")[1].select_one("li a")
    assert (place.get_text(), place["href"]) == ("page", "../../../../notes/")


def test_without_link_pages_ordinary_pages_are_left_alone(tmp_path):
    proc = build(project(tmp_path, "", {"notes.md": CITING}))
    assert proc.returncode == 0, proc.stderr
    notes = BeautifulSoup((tmp_path / "site" / "notes" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert notes.select("a.res-cite") == [] and notes.select(".res-doc") == []
    cited = (tmp_path / "site" / "A/RES/79/89/index.html").read_text(encoding="utf-8")
    assert "notes.md" not in cited
