"""Extraction time grows linearly with the input, also on pathological input (see benchmarks/pathological.py).

Each test extracts the same pattern at two sizes, eight times apart: linear time makes the larger one
about 8 times slower, quadratic time about 64 times. The bound (24) sits between the two, with room
for a busy machine; times are CPU seconds, which other processes disturb far less than the clock.
"""

from __future__ import annotations

import pytest

from benchmarks.pathological import HEADER, repeat, seconds_to_extract
from generator.build import Project, build
from generator.render import anchored_sentences

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


def test_a_long_articles_source_text_is_one_html_block(tmp_path):
    """Python-Markdown copies the rest of the page at the end of each HTML block: one block for the
    whole source text, not one per paragraph, keeps converting a long article's page linear."""
    paragraphs = 200
    section = source_section(tmp_path, "The council met and the mayor spoke.\n\n" * paragraphs)
    assert section.count('<p class="source-paragraph') == paragraphs
    assert "\n\n" not in section


def source_section(tmp_path, body: str) -> str:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "long.txt").write_text(HEADER + body, "utf-8")
    build(Project.at(tmp_path), jobs=1)
    page = (tmp_path / "briefs" / "briefs" / "long.md").read_text("utf-8")
    return page[page.index('<div class="source-text">') : page.index("## About this brief")].strip()


def test_the_sentences_to_anchor_are_a_set_looked_up_in_constant_time(extract_body):
    extraction = extract_body(*['"Yes," Peter Hall said. Costs rose 12% on the day.'] * 50)
    anchored = anchored_sentences(extraction)
    assert isinstance(anchored, frozenset)
    assert anchored == {q.span.sentence for q in extraction.quotes} | {
        f.span.sentence for f in extraction.figures
    }
