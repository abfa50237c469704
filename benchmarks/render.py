"""Time of rendering the pages of a generated corpus, extraction left out.

    python -m benchmarks.render [--articles 1000] [--repeat 3] [--profile]

Writes a corpus of N articles into a temporary folder, extracts, resolves and cross-links it once,
then times `render_site` and its two hottest parts on their own: the front matter of every brief
(`dump_front_matter`) and `render_brief`, each the best of `--repeat` runs in CPU seconds.
`--profile` prints the functions that took most of one `render_site` under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import write_corpus
from generator import markup, render
from generator.corpus import extract_all
from generator.crosslinks import link_site
from generator.markup import dump_front_matter
from generator.project import Project
from generator.records import front_matter
from generator.resolve import resolve_site


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest of `repeat` runs in CPU seconds (what other processes do counts less than in wall
    time), each with caches as cold as in a cold build."""
    times = []
    for _ in range(repeat):
        forget_caches()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def forget_caches() -> None:
    """Empty the memoised functions of rendering, which a build starts without."""
    for module in (markup, render):
        for value in vars(module).values():
            if hasattr(value, "cache_clear") and value is not render.environment:
                value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Project.at(Path(folder))
        paths = write_corpus(project.seeds_dir, args.articles)
        extractions = extract_all(project, paths).extractions
    site = resolve_site(extractions)
    links = link_site(site)
    render.environment()  # templates compiled once, outside the timings
    metadata = [front_matter(b.extraction, b.actor_slugs) for b in site.briefs]
    briefs = len(site.briefs)
    timings = {
        "dump_front_matter, every brief": best_of(args.repeat, lambda: [*map(dump_front_matter, metadata)]),
        "render_brief, every brief": best_of(
            args.repeat, lambda: [render.render_brief(b, links.related[b.slug]) for b in site.briefs]
        ),
        "render_site": best_of(args.repeat, lambda: render.render_site(site, links)),
    }
    print(f"{briefs} briefs, {len(site.actors)} actors, best of {args.repeat}")
    for name, seconds in timings.items():
        print(f"{name:32} {seconds:8.3f} s  {seconds / briefs * 1e3:8.3f} ms per brief")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(render.render_site, site, links)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
