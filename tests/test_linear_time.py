"""Readers are linear on adversarial shapes: four times the input costs at most about four times the work.

Each shape (long runs of spaces, ``<sup>`` and ``*`` storms, deep nesting,
huge rows, ...) is read and rendered at size n and 4n, in both text forms. The
work is CPU time of this process (not wall time, so other processes on the
machine do not count), the best of three runs. A linear reader gives a ratio
near 4, a quadratic one 16, a cubic one 64; the bound is 8, plus 20 ms of slack
for measurements too small to time. A hypothesis strategy adds random shapes
built from the same fragments (derandomized: the same examples every run).
"""

from __future__ import annotations

import gc
import time
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .hostile_support import render

OPEN = "*The General Assembly,*\n\n*Recalling* its work,\n\n1. *Decides* to act"
SHAPES: dict[str, Callable[[int], str]] = {
    "spaces after an open <sup>": lambda n: OPEN + ".<sup>" + " " * n + "x\n",
    "spaces inside <sup>": lambda n: OPEN + "<sup>1" + " " * n + "</sup>\n",
    "<sup> storm": lambda n: OPEN + "<sup>1 " * (n // 7) + "\n",
    "closed <sup> storm": lambda n: OPEN + "<sup>1</sup>" * (n // 12) + "\n",
    "marker lists": lambda n: OPEN + "<sup>" + "1, " * (n // 3) + "</sup>\n",
    "* storm": lambda n: OPEN + " *" * (n // 2) + "\n",
    "*word storm": lambda n: OPEN + " *a" * (n // 3) + "\n",
    "_ storm": lambda n: OPEN + " _a" * (n // 3) + "\n",
    "** storm": lambda n: OPEN + "**" * (n // 2) + "\n",
    "long row": lambda n: OPEN + " word" * (n // 5) + ".\n",
    "long row of spaces": lambda n: OPEN + " " * n + "x.\n",
    "tabs and no-break spaces": lambda n: OPEN + "\t\u00a0" * (n // 2) + "x.\n",
    "deep nesting": lambda n: "The General Assembly,\n\n1. Decides:\n\n" + "".join(
        f"({'abcdefgh'[k % 8]}) ({'i ii iii iv'.split()[k % 4]}) ({k % 9 + 1}) item {k};\n\n" for k in range(n // 30)),
    "numbered lines": lambda n: "The General Assembly,\n\n" + "".join(f"{k % 999 + 1}.\n" for k in range(n // 4)),
    "one long line of labels": lambda n: "The General Assembly,\n\n1. Decides " + "(a) " * (n // 4) + "\n",
    "symbol-like runs": lambda n: "The General Assembly,\n\nRecalling " + "A/RES/" * (n // 6) + "1,\n",
    "slashes and digits": lambda n: "The General Assembly,\n\nRecalling resolution " + "1/" * (n // 2) + "\n",
    "hyphen runs": lambda n: "The General Assembly,\n\nRecalling " + "a-" * (n // 2) + "b,\n",
    "cover fields": lambda n: "Distr.: " * (n // 8) + "\n\nThe General Assembly,\n\n1. Decides.\n",
    "footnote rule": lambda n: "The General Assembly,\n\n1. Decides.\n" + "_" * n + "\n1 " + "note " * 10 + "\n",
    "page furniture": lambda n: "The General Assembly,\n\n1. Decides" + "\n---\n**1/2**\n" * (n // 12) + " to act.\n",
    "citation list": lambda n: "The General Assembly,\n\nRecalling resolutions " + "60/1, " * (n // 6) + "x,\n",
    "citations with markers": lambda n: OPEN + " resolution 60/1,<sup>1</sup>" * (n // 28) + "\n\n<sup>1</sup> A note.\n",
    "italic runs": lambda n: OPEN + " *a*" * (n // 4) + "\n",
    "brackets": lambda n: OPEN + " (" * (n // 2) + "\n",
    "angle brackets": lambda n: OPEN + " <" * (n // 2) + "\n",
    "annexes": lambda n: "The General Assembly,\n\n1. Decides to act.\n\n" + "Annex\n\n" * (n // 7),
    "annexes and formulas": lambda n: "The General Assembly,\n\n1. Decides to act.\n\n" + "Annex\n\nThe Parties to this Convention,\n\n" * (n // 40),
    "parts and openings": lambda n: "".join(
        f"{'ABCDEFGH'[k % 8]}\n\nThe General Assembly,\n\n1. Decides.\n\n" for k in range(n // 40)),
}
BASE = 4000
RATIO = 8.0
SLACK = 0.02


def _work(text: str, path: str) -> float:
    data = text.encode("utf-8", "surrogatepass")
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.process_time()
        render(data, path)
        best = min(best, time.process_time() - start)
    return best


def _assert_linear(make: Callable[[int], str], path: str) -> None:
    small, large = _work(make(BASE), path), _work(make(4 * BASE), path)
    assert large <= RATIO * small + SLACK, f"{path}: {small:.3f} s at n, {large:.3f} s at 4n"


@pytest.mark.parametrize("path", ["x.txt", "x.md"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_shape_is_linear(shape, path):
    _assert_linear(SHAPES[shape], path)


FRAGMENTS = [" ", "  ", "\t", "*", "**", "_", "<sup>", "</sup>", "1", "1.", "(a)", "(ii)", ",", ".", "-", "#",
             "A/", "RES/", "60/1", "resolution", "paragraph", "\n", "\n\n", "---", "Distr.:", "Annex", "[", "("]


@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6), st.sampled_from(["x.txt", "x.md"]))
def test_random_repeated_units_are_linear(unit, path):
    piece = "".join(unit)
    _assert_linear(lambda n: OPEN + piece * max(1, n // len(piece)) + "\n", path)
