"""Standard italic titles recovered in plain text, checked against the PDFs' own italics."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_resolutions._internal.italics import mark_standard_italics
from mkdocs_resolutions._internal.model import RichText

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _italic(text: str, italics: list[tuple[int, int]] | None = None) -> list[str]:
    rt = RichText(text, list(italics or []))
    mark_standard_italics(rt)
    return [rt.text[a:b] for a, b in rt.italics]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("United Nations, Treaty Series, vol. 1771, No. 30822.", ["Treaty Series"]),
        (
            "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 5 (A/79/5).",
            ["Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 5"],
        ),
        (
            "Official Records of the General Assembly, Nineteenth Session, Annexes, Annex No. 11, document A/5700.",
            ["Official Records of the General Assembly, Nineteenth Session, Annexes, Annex No. 11"],
        ),
        (
            "See Official Records of the Economic and Social Council, 2016, Supplement No. 10 (E/2016/30).",
            ["Official Records of the Economic and Social Council, 2016, Supplement No. 10"],
        ),
        ("Ibid., 2013, Supplement No. 7 (E/2013/27), chap. I.", ["2013, Supplement No. 7"]),
        ("including, inter alia, ad hoc measures", []),  # roman in UN print (inter alia: 41 of 46, GA 29 of 29)
        ("the Treaty Series of another body", []),  # only after "United Nations, "
        ("Official Records of the General Assembly were read", []),  # no session or supplement: not a citation
    ],
)
def test_standard_titles(text: str, expected: list[str]) -> None:
    assert _italic(text) == expected


def test_existing_italics_are_kept_and_not_doubled() -> None:
    text = "United Nations, Treaty Series, vol. 1."
    assert _italic(text, [(16, 29)]) == ["Treaty Series"]
    assert _italic("Recalling United Nations, Treaty Series", [(0, 9)]) == ["Recalling", "Treaty Series"]


def test_linear_on_long_input() -> None:
    text = "Official Records of the " + "A" * 100_000 + ", x" * 50_000
    assert _italic(text) == []


def test_every_recovered_italic_is_printed_italic_in_the_pdf() -> None:
    originals = CORPUS / "originals"
    if not originals.is_dir():
        pytest.skip(f"../shared/corpus not found: {originals}")
    from mkdocs_resolutions._internal.readers.pdf import read_pdf
    from mkdocs_resolutions._internal.readers.plaintext import read_plaintext

    agree: list[str] = []
    wrong: list[tuple[str, str]] = []
    for path in sorted(originals.glob("*.pdf")):
        pdf = read_pdf(path.read_bytes(), path.name)
        text = read_plaintext((CORPUS / f"{path.stem}.txt").read_text(encoding="utf-8"), f"{path.stem}.txt")
        pairs = list(zip([p.text for p in pdf.paras], [p.text for p in text.paras]))
        pairs += list(zip([n.body for n in pdf.footnotes], [n.body for n in text.footnotes]))
        for printed, plain in pairs:
            italic_in_pdf = {printed.text[a:b] for a, b in printed.italics}
            for a, b in plain.italics:
                (agree if plain.text[a:b] in italic_in_pdf else wrong).append((path.stem, plain.text[a:b]))
    assert wrong == []
    assert len(agree) == 59
