"""The URL registry: clean paths, reserved outputs, collisions, caps (no MkDocs involved)."""

from __future__ import annotations

import pytest

from mkdocs_resolutions._internal.urls import PATH_MAX, SEGMENT_MAX, Registry, clean_path, is_clean, shortened


def _site(use_directory_urls: bool = True) -> Registry:
    registry = Registry.for_site(use_directory_urls)
    for dest, owner in [("index.html", "index.md"), ("about/index.html", "about.md"),
                        ("assets/javascripts/bundle.js", "theme"), ("assets/resolutions/resolutions.js", "plugin")]:
        registry.register(dest, owner)
    return registry


@pytest.mark.parametrize("text,path", [
    ("A/RES/80/229", "A/RES/80/229/"),
    ("S/RES/1373(2001)", "S/RES/1373(2001)/"),
    ("A/79/5 (Vol. I)", "A/79/5-(Vol.-I)/"),
    ("A/RES/99/3?", "A/RES/99/3-/"),
    ("\u0410/RES/99/5", "A/RES/99/5/"),  # Cyrillic А folds to Latin A
    ("\u0411/RES/99/5", "-/RES/99/5/"),
    ("\uff21/RES/99/5", "A/RES/99/5/"),  # fullwidth Ａ
    ("..", "-/"),
    ("../../etc/passwd", "-/-/etc/passwd/"),
    ("A/RES/99/7.", "A/RES/99/7-/"),
    ("a\x00b\u202ec", "a-b-c/"),
    ("pct%2F..%2Fx", "pct-2F..-2Fx/"),
    ("", "-/"),
])
def test_clean_path(text, path):
    assert clean_path(text) == path


def test_clean_path_is_ascii_and_safe_for_any_text():
    for text in ["é/ü", "\u202eA/RES/1", "a b\tc", "<script>/x", "%00/%2e%2e", "\\..\\x"]:
        path = clean_path(text)
        assert path.isascii() and not any(seg in ("", ".", "..") for seg in path.rstrip("/").split("/"))
        assert not set(path) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~()-/")


def test_long_paths_are_capped_with_a_stable_short_form():
    long_segment = "A/RES/" + "9" * 5000
    many = "/".join(["A"] * 600)
    for text in (long_segment, many, "A/80/L." + "9" * 300):
        path = clean_path(text)
        assert len(path) <= PATH_MAX + 1
        assert all(len(seg) <= SEGMENT_MAX for seg in path.split("/"))
        assert shortened(text) and clean_path(text) == path  # stable: the same text, the same path
    assert clean_path(long_segment) != clean_path(long_segment + "9")
    assert not shortened("A/RES/80/229")


def test_is_clean():
    assert is_clean("A/RES/80/229") and is_clean("S/RES/1373(2001)")
    assert not is_clean("\u0410/RES/99/5") and not is_clean("A/79/5 (Vol. I)")


@pytest.mark.parametrize("wanted,collides_with", [
    ("pagefind/pagefind.js/", "the search index"),
    ("search/x/", "the search index"),
    ("assets/resolutions/resolutions.js/", "the site's assets"),
    ("index.html/", "index.md"),
    ("404.html/", "the site's 404.html"),
    ("sitemap.xml/", "the site's sitemap.xml"),
    ("sitemap.xml.gz/", "the site's sitemap.xml.gz"),
    ("robots.txt/", "the site's robots.txt"),
    ("about/", "about.md"),
    ("About/", "about.md"),  # case folding
])
def test_reserved_and_taken_paths_are_refused(wanted, collides_with):
    registry = _site()
    url = registry.claim(wanted, "x.txt", "symbol X")
    assert url != wanted
    [note] = registry.diagnostics
    assert note.path == "x.txt" and note.level == "warning"
    assert f"collides with {collides_with}" in note.message and url in note.message
    assert registry.conflict(registry.dest(url), "y.txt") is not None  # now taken


def test_collisions_keep_both_pages_deterministically():
    def claims() -> list[str]:
        registry = _site()
        return [registry.claim(clean_path(s), owner) for s, owner in
                [("A/RES/99/5", "a.txt"), ("\u0410/RES/99/5", "b.txt"), ("a/res/99/5", "c.txt"),
                 ("A/RES/99/3?", "d.txt"), ("A/RES/99/3#", "e.txt")]]

    first = claims()
    assert first[0] == "A/RES/99/5/" and first[3] == "A/RES/99/3-/"
    assert len({u.casefold() for u in first}) == 5
    assert claims() == first


def test_a_file_where_a_directory_is_needed_and_the_reverse():
    registry = _site()
    assert registry.claim("A/RES/1/", "a.txt") == "A/RES/1/"
    # "A/RES/1/index.html" exists: a page whose file would be the directory "A/RES/1/index.html/" is moved.
    assert registry.claim("A/RES/1/index.html/", "b.txt") != "A/RES/1/index.html/"
    flat = Registry.for_site(use_directory_urls=False)
    flat.register("A.html", "A.md")
    assert flat.claim("A.html/x/", "c.txt") != "A.html/x/"  # its file would be below the file A.html


def test_use_directory_urls_false_cannot_replace_the_home_page():
    registry = _site(use_directory_urls=False)
    url = registry.claim("index/", "x.txt", "symbol index")
    assert registry.dest(url) != "index.html"
    assert "collides with index.md" in registry.diagnostics[0].message


def test_the_home_page_is_reserved_even_without_index_md():
    registry = Registry.for_site(use_directory_urls=False)
    assert registry.dest(registry.claim("index/", "x.txt")) != "index.html"


def test_docs_files_that_collide_are_warned():
    registry = _site()
    registry.register("pagefind/pagefind.js", "pagefind/pagefind.js")
    registry.register("About/index.html", "About.md")
    messages = [(d.path, d.message) for d in registry.diagnostics]
    assert messages == [
        ("pagefind/pagefind.js", "is written to pagefind/pagefind.js, which collides with the search index"),
        ("About.md", "is written to About/index.html, which collides with about.md"),
    ]
