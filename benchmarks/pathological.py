"""Extraction time per MB on pathological input, at growing sizes, so that super-linear time shows;
then, for long articles, the time per MB of `briefs build` and of MkDocs' conversion of the brief page.

    python -m benchmarks.pathological [--max-mb 1.0]

Each input is extracted at 1/8, 1/4, 1/2 and 1 of the largest size. With linear time the seconds per
MB stay flat down a column; a growth factor well above 1 (time per MB doubling with the size) means
quadratic behaviour; an input whose run exceeds --budget seconds is not grown further (its
missing columns are blank). The input is generated here, never read from news.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import markdown
import yaml

from generator.build import Project, build
from generator.extract import extract_article
from generator.read import parse_article

REPO = Path(__file__).resolve().parent.parent

HEADER = "Politics 2026-01-16T19:22:08+00:00\n\nA Pathological Article\n\n"
FRACTIONS = (0.125, 0.25, 0.5, 1.0)


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each maker returns the article body (one or more paragraphs) of about `size` characters.
INPUTS: dict[str, Callable[[int], str]] = {
    "100,000 quote marks per 100 KB": lambda size: repeat('"', size),
    "quote marks between words": lambda size: repeat('"a" ', size),
    "curly quotes never closed": lambda size: repeat("\u201cWe will ", size),
    "run without spaces": lambda size: repeat("abcdefghij", size),
    "run of periods": lambda size: repeat(".", size),
    "capitalised words": lambda size: repeat("Word ", size),
    "capitalised words, sentences": lambda size: repeat("Word Word Word. ", size),
    "repeated 'said'": lambda size: repeat("said ", size),
    "quotes with 'said'": lambda size: repeat('"Yes," Peter Hall said. ', size),
    "numbers and percents": lambda size: repeat("12% 3.5 million 40 ", size),
    "abbreviations": lambda size: repeat("Mr. U.S. Dr. St. ", size),
    "many short paragraphs": lambda size: repeat("Peter Hall said yes.\n\n", size),
    "ordinary prose": lambda size: repeat(
        '"We will rebuild the bridge," Mayor Peter Hall said on Tuesday. Costs rose 12% in March, '
        "according to the Harbor Authority. ",
        size,
    ),
}


# Long articles whose brief page was once quadratic to make: a list looked up once per sentence in
# the template, and Python-Markdown copying the rest of the page at the end of each HTML block.
PAGE_INPUTS: dict[str, Callable[[int], str]] = {
    "many paragraphs": lambda size: repeat("The council met and the mayor spoke.\n\n", size),
    "many sentences with quotes": lambda size: repeat('"Yes," Peter Hall said. ', size),
}


def page_converter() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings that mkdocs.yml lists."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    entries = [entry if isinstance(entry, dict) else {entry: {}} for entry in config["markdown_extensions"]]
    settings = {name: value or {} for entry in entries for name, value in entry.items()}
    return markdown.Markdown(extensions=list(settings), extension_configs=settings)


def seconds_to_build_and_convert(body: str) -> tuple[float, float]:
    """Seconds of `briefs build` of one article (one process), and of converting its brief page."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        (root / "seeds" / "pathological.txt").write_text(HEADER + body + "\n", "utf-8")
        start = time.perf_counter()
        build(Project.at(root), jobs=1)
        built = time.perf_counter() - start
        page = (root / "briefs" / "briefs" / "pathological.md").read_text("utf-8")
    converter = page_converter()
    start = time.perf_counter()
    converter.convert(page.split("---\n", 2)[2])
    return built, time.perf_counter() - start


def seconds_to_extract(body: str) -> float:
    """CPU seconds of this process, which other work on a busy machine (CI) disturbs far less than
    the clock: the growth the linearity tests assert stays a property of the code."""
    article = parse_article(HEADER + body + "\n", "pathological", "seeds/pathological.txt")
    start = time.process_time()
    extract_article(article)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-mb", type=float, default=1.0, help="largest input, in MB (default 1)")
    parser.add_argument("--only", help="run only the inputs whose name contains this text")
    parser.add_argument(
        "--budget", type=float, default=20.0, help="stop growing an input once one run takes this long (s)"
    )
    args = parser.parse_args(argv)
    largest = int(args.max_mb * 2**20)
    sizes = [int(largest * fraction) for fraction in FRACTIONS]
    heading = "".join(f"{size / 2**20:>9.3f}MB" for size in sizes)
    print(f"{'input (CPU seconds per MB at each size)':<34}{heading}  growth")
    for name, make in INPUTS.items():
        if args.only and args.only not in name:
            continue
        per_mb: list[float] = []
        for size in sizes:
            seconds = seconds_to_extract(make(size))
            per_mb.append(seconds / (size / 2**20))
            if seconds > args.budget:  # a quadratic input would take hours at the next sizes
                break
        # Time per MB at the last size over that at the first: ~1 linear, ~size ratio quadratic.
        growth = per_mb[-1] / per_mb[0] if per_mb[0] else float("inf")
        flag = "  SUPER-LINEAR" if growth > 2.5 else ""
        stopped = " " * 11 * (len(sizes) - len(per_mb))
        cells = "".join(f"{value:>11.2f}" for value in per_mb)
        print(f"{name:<34}{cells}{stopped}  {growth:5.1f}x{flag}", flush=True)
    print(f"\n{'brief page (seconds per MB at each size)':<46}{heading}  growth")
    for name, make in PAGE_INPUTS.items():
        if args.only and args.only not in name:
            continue
        timings = [seconds_to_build_and_convert(make(size)) for size in sizes]
        for step, column in (("briefs build", 0), ("MkDocs conversion", 1)):
            per_mb = [timing[column] / (size / 2**20) for timing, size in zip(timings, sizes, strict=True)]
            growth = per_mb[-1] / per_mb[0] if per_mb[0] else float("inf")
            flag = "  SUPER-LINEAR" if growth > 2.5 else ""
            cells = "".join(f"{value:>11.2f}" for value in per_mb)
            print(f"{name + ', ' + step:<46}{cells}  {growth:5.1f}x{flag}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
