"""UN symbol grammar: canonical forms, URLs, page paths, file names, sessions."""

from __future__ import annotations

import pytest

from mkdocs_resolutions._internal.symbols import (
    date_fits_session,
    normalize_symbol,
    page_path,
    roman_to_int,
    session_of_year,
    symbol_from_filename,
    undocs_url,
)


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("A/C.3/77/L/12/Rev.1", "A/C.3/77/L.12/Rev.1"),
        ("A/C.3/73/L.8.Rev.1", "A/C.3/73/L.8/Rev.1"),
        ("A/ C.3/80/L.3", "A/C.3/80/L.3"),
        ("A/C.3/80/\nL.3.", "A/C.3/80/L.3"),
        ("A/66/303,", "A/66/303"),
        ("(A/64/53)", "A/64/53"),
        ("S/RES/1373 (2001)", "S/RES/1373(2001)"),
        ("S/RES/1373(2001).", "S/RES/1373(2001)"),
        ("A/RES/3363(XXX)", "A/RES/3363(XXX)"),
        ("A/C.3/80/L.3/REV.1", "A/C.3/80/L.3/Rev.1"),
        ("A/RES/ES-10/21", "A/RES/ES-10/21"),
        ("E/CN.15/2011/21", "E/CN.15/2011/21"),
        ("A/79/5 (Vol. I)", "A/79/5 (Vol. I)"),
        ("A/78/6 (Sect. 29A)", "A/78/6 (Sect. 29A)"),
        ("NPT/CONF.1995/32 (Part I)/Corr.2", "NPT/CONF.1995/32 (Part I)/Corr.2"),
        ("ICCD/COP(15)/23/Add.1", "ICCD/COP(15)/23/Add.1"),
        ("CCW/P.V/CONF/2024/5", "CCW/P.V/CONF/2024/5"),
        ("S/PV/1234", "S/PV.1234"),
    ],
)
def test_normalize_symbol(raw: str, canonical: str) -> None:
    assert normalize_symbol(raw) == canonical


@pytest.mark.parametrize("raw", ["", "2011/33", "index", "and/or", "HIV/AIDS", "A/RES"])
def test_not_a_symbol(raw: str) -> None:
    assert normalize_symbol(raw) is None


def test_undocs_url_encodes() -> None:
    assert undocs_url("A/RES/80/229") == "https://undocs.org/A/RES/80/229"
    assert undocs_url("S/RES/1373(2001)") == "https://undocs.org/S/RES/1373%282001%29"
    assert undocs_url("A/79/5 (Vol. I)") == "https://undocs.org/A/79/5%20%28Vol.%20I%29"
    assert undocs_url("A/66/303", "https://undocs.org/en/{symbol}") == "https://undocs.org/en/A/66/303"


@pytest.mark.parametrize("evil", ['A/1" onclick="x', "javascript:alert(1)", "A/{symbol}/<b>", "A/1'><script>"])
def test_undocs_url_cannot_inject(evil: str) -> None:
    url = undocs_url(evil, "{symbol}")
    assert not any(ch in url for ch in "\"'<>{} :")
    assert not url.lower().startswith("javascript:")


def test_page_path() -> None:
    assert page_path("A/RES/80/229") == "A/RES/80/229/"
    assert page_path("S/RES/1373(2001)") == "S/RES/1373(2001)/"
    assert page_path("A/C.3/80/L.3") == "A/C.3/80/L.3/"
    assert page_path("A/79/5 (Vol. I)") == "A/79/5-(Vol.-I)/"
    assert ".." not in page_path("A/../x")


@pytest.mark.parametrize(
    "name, symbol",
    [
        ("A-C.3-80-L.3.txt", "A/C.3/80/L.3"),
        ("A-RES-80-229.txt", "A/RES/80/229"),
        ("S-2018-221.txt", "S/2018/221"),
        ("A-RES-ES-10-21.txt", "A/RES/ES-10/21"),
        ("A-80-L.41.md", "A/80/L.41"),
        ("000_780746b198b85f4a.txt", None),
        ("index.md", None),
        ("SOURCES.md", None),
    ],
)
def test_symbol_from_filename(name: str, symbol: str | None) -> None:
    assert symbol_from_filename(name) == symbol


def test_sessions() -> None:
    assert session_of_year(1991, 12) == 46
    assert session_of_year(1992, 6) == 46
    assert session_of_year(2025, 12) == 80
    assert date_fits_session(46, 1991, 12)
    assert date_fits_session(46, 1992, 7)
    assert not date_fits_session(46, 1992, 12)
    assert not date_fits_session(69, 2018, 12)
    assert date_fits_session(1, 1946, 2)
    assert roman_to_int("XXX") == 30 and roman_to_int("XXVIII") == 28 and roman_to_int("LX") == 60
    assert roman_to_int("ABC") is None


def test_symbols_of_all_corpus_file_names() -> None:
    """Every corpus file name maps to a symbol (the manifest's naming rule)."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"../shared/corpus not found: {corpus}")
    names = sorted(p.name for p in corpus.glob("*.txt"))
    assert len(names) == 160
    for name in names:
        sym = symbol_from_filename(name)
        assert sym is not None and sym.replace("/", "-") + ".txt" == name


def test_a_symbol_glued_to_the_next_word_ends_where_the_word_begins():
    from mkdocs_resolutions._internal.citations import find_citations

    text = "see A/RES/60/1The next"
    [cite] = find_citations(text, organ="A").citations
    assert text[cite.start : cite.end] == "A/RES/60/1" and cite.symbols == ("A/RES/60/1",)
