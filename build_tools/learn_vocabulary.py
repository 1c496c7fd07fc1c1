"""Learn the reader's vocabulary: the words UN resolutions write, for rejoining words an extractor split.

    python build_tools/learn_vocabulary.py ../shared/corpus     # writes _internal/data/vocabulary.txt

Some extractors print a word in pieces ("presid en t", "rega rd"). The reader
joins the pieces when the joined word is certain: the same document writes it,
or it is in this vocabulary and no piece is a word. The vocabulary keeps the words
(letters only, three or more, lower case) that at least ``--documents`` texts of the
folder write, so a name one document uses is not in it. Sorted, one a line:
the same texts give the same bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "plugins" / "mkdocs_resolutions" / "_internal" / "data" / "vocabulary.txt"
WORD = re.compile(r"(?<![-\w])[^\W\d_]{3,}(?![-\w])")  # not a piece of "develop-" / "ment" or of a compound


def learn(folder: Path, documents: int) -> list[str]:
    """The words that at least ``documents`` of the folder's texts write."""
    seen: Counter[str] = Counter()
    for path in sorted(folder.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        seen.update({w.lower() for w in WORD.findall(text)})
    return sorted(w for w, count in seen.items() if count >= documents)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--documents", type=int, default=3, help="a word must be in this many texts (default 3)")
    args = parser.parse_args(argv)
    words = learn(args.folder, args.documents)
    TARGET.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
