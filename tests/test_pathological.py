"""Extraction time grows linearly with the input, also on pathological input (see benchmarks/pathological.py).

Each test extracts the same pattern at two sizes, eight times apart: linear time makes the larger one
about 8 times slower, quadratic time about 64 times. The bound (24) sits between the two, with room
for a busy machine.
"""

from __future__ import annotations

import pytest

from benchmarks.pathological import repeat, seconds_to_extract

LINEAR_BOUND = 24.0


def growth(unit: str, size: int = 8_000) -> float:
    """Extraction time at 8 * `size` characters over that at `size`, best of three runs each."""
    small, large = (min(seconds_to_extract(repeat(unit, n)) for _ in range(3)) for n in (size, 8 * size))
    return large / max(small, 1e-4)


# Each of the last three was quadratic once: every quote re-tokenised its whole sentence, the
# sentence splitter backtracked over a run of periods, every figure re-scanned its sentence.
PATTERNS = {
    "quote marks": '"',
    "no spaces": "abcdefghij",
    "capitalised words": "Word ",
    "short sentences": "Word Word Word. ",
    "said": "said ",
    "open quotes": "\u201cWe will ",
    "abbreviations": "Mr. U.S. Dr. St. ",
    "quotes in one sentence": '"a" ',  # slow per MB (about 45 s): measured at a quarter of the size
    "run of periods": ".",
    "figures in one sentence": "12% 3.5 million 40 ",
}


@pytest.mark.parametrize("unit", PATTERNS.values(), ids=PATTERNS.keys())
def test_extraction_is_linear_on_pathological_input(unit):
    assert growth(unit, 2_000 if unit == '"a" ' else 8_000) < LINEAR_BOUND
