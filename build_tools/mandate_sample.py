"""Print the operative paragraphs of some corpus texts for labelling mandates by hand.

The labeller reads this output, not the finder's: labels in
``tests/fixtures/mandates/labelled.json`` are a reading of the text.
A sub-paragraph is printed with its chapeau, whose verb it inherits.

    .venv/bin/python build_tools/mandate_sample.py ../shared/corpus A-RES-80-48.txt S-2022-426.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs_resolutions._internal.model import Paragraph
from mkdocs_resolutions._internal.readers import read_source


def words(para: Paragraph) -> str:
    return " ".join(x for x in (para.lead, para.body.text) if x)


def main(folder: str, names: list[str]) -> None:
    for name in names:
        doc = read_source((Path(folder) / name).read_bytes(), name)
        print(f"##### {doc.meta.symbol} (session {doc.meta.session_number})")
        for block in doc.operative():
            for para in block.walk():
                print(f"[{para.anchor}] {words(para)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
