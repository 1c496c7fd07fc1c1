"""``build_tools/check_site.py``: passes on the real site, fails on each kind of breakage."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from build_tools.check_site import check_site

from .hostile_support import ROOT, build, make_project

CHECK = ROOT / "build_tools" / "check_site.py"


def test_real_site_is_sound(built_site):
    """Links, anchors (citation pinpoints included), ids, tag balance and the sitemap of the real site."""
    assert check_site(built_site) == []


@pytest.fixture(scope="module")
def copy_of_real_site(built_site, tmp_path_factory):
    copy = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site, copy)
    return copy


def test_one_broken_anchor_is_reported(copy_of_real_site, built_site):
    before = set(check_site(built_site))
    page = copy_of_real_site / "000_780746b198b85f4a" / "index.html"
    html = page.read_text(encoding="utf-8")
    m = re.search(r'href="#((?:fn|op|pp)-[^"]+)"', html)  # a footnote marker or a paragraph link
    assert m, "no in-page link to break on the seed page"
    page.write_text(html[: m.start()] + 'href="#no-such-anchor"' + html[m.end():], encoding="utf-8")
    after = set(check_site(copy_of_real_site))
    new = sorted(after - before)
    assert len(new) == 1 and "no id 'no-such-anchor'" in new[0] and "000_780746b198b85f4a" in new[0], new
    proc = subprocess.run([sys.executable, str(CHECK), str(copy_of_real_site)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "no id 'no-such-anchor'" in proc.stdout


# -- each check on a small site -----------------------------------------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """A small real build with site_url set, so the sitemap is filled."""
    files = {
        "one.txt": "The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act.\n",
        "two.txt": "The General Assembly,\n\nNoting the report,\n\n1. Requests a report.\n",
        "about.md": "# About\n\n[one](one.txt) and [home](index.md#test-site)\n",
    }
    project = make_project(tmp_path_factory.mktemp("small"), files, extra="\nsite_url: https://example.org/res/\n")
    out = project / "site"
    proc = build(project, out, strict=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def _copy(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


def test_small_site_passes_including_sitemap(small_site):
    assert check_site(small_site) == []
    proc = subprocess.run([sys.executable, str(CHECK), str(small_site)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout


def test_missing_page_link(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    shutil.rmtree(site / "two")
    problems = check_site(site)
    assert any("sitemap.xml" in p and "two/" in p and "not a page" in p for p in problems), problems


def test_dangling_internal_link(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    page = site / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="../nowhere/">x</a></article>', 1), encoding="utf-8")
    assert any("about/index.html" in p and "nowhere/index.html does not exist" in p for p in check_site(site))


def test_duplicate_id(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    page = site / "one" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('id="op-1"', 'id="pp-1"', 1), encoding="utf-8")
    assert any("one/index.html" in p and "id 'pp-1' used twice" in p for p in check_site(site))


def test_unclosed_and_stray_tags(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    page = site / "one" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", "<div><span>open</article>", 1), encoding="utf-8")
    problems = check_site(site)
    assert any("one/index.html" in p and "<span> opened on line" in p for p in problems), problems
    page.write_text(html.replace("</article>", "</em></article>", 1), encoding="utf-8")
    assert any("end tag </em> closes nothing" in p for p in check_site(site))


def test_duplicate_attribute_and_script_url(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    page = site / "one" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="javascript:x()" class="a" class="b">x</a></article>', 1),
                    encoding="utf-8")
    problems = check_site(site)
    assert any("attribute 'class' twice" in p for p in problems)
    assert any("script or data URL" in p for p in problems)


def test_page_missing_from_sitemap(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    sitemap = site / "sitemap.xml"
    xml = sitemap.read_text(encoding="utf-8")
    xml = re.sub(r"<url>\s*<loc>https://example.org/res/two/</loc>.*?</url>", "", xml, flags=re.S)
    sitemap.write_text(xml, encoding="utf-8")
    assert check_site(site) == ["sitemap.xml: page two/index.html is not listed"]


def test_empty_sitemap_is_a_problem_unless_allowed(small_site, tmp_path):
    site = _copy(small_site, tmp_path)
    (site / "404.html").unlink()  # it links by site_url's path, which an empty sitemap no longer tells
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n',
        encoding="utf-8",
    )
    assert check_site(site) == ["sitemap.xml: lists no page (is site_url set in mkdocs.yml?)"]
    assert check_site(site, allow_empty_sitemap=True) == []
