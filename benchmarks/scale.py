"""Build time, memory and output size at scale, on a generated corpus of N articles.

    python -m benchmarks.scale [--sizes 1000 10000] [--search pagefind material] [--keep DIR]

For each N, writes the corpus into a temporary project (mkdocs.yml and theme/ copied, the hook named
by its absolute path) and times, each in its own process: a cold `briefs build`, a rebuild with nothing
changed, rebuilds after one article changed, added and removed. Prints a table per N with wall time
and peak memory of each step (the largest process of the step, as /usr/bin/time or getrusage report it).

Then `mkdocs build --strict` once per search (`extra.briefs_search`): Pagefind, the search of a large
site, first, and Material's for comparison. Its table gives MkDocs' wall and CPU time and the peak
memory of its own process and of its largest child (the second process that converts pages, or a
Pagefind run), the time Pagefind indexed beside MkDocs and the peak memory of its largest run (as the
hook logs them), and the size of the site, of brief pages, and of the search payload a first query
loads. CPU time is the steadier figure on a machine that other work shares.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
HOOK = "generator/mkdocs_hook.py"
GNU_TIME = Path("/usr/bin/time")
# Older than the build's window for racy modification times: as articles written a while ago are.
SETTLED_SECONDS = 10
KB = 1024
MB = KB * KB


SEARCH_ENGINES = ("pagefind", "material")
"""Values of `extra.briefs_search`: the large site's search first, then Material's for comparison."""
SEARCH_SETTING = re.compile(r"^(\s*briefs_search:).*$", re.M)
PAGEFIND_LOG = re.compile(r"Pagefind indexed \d+ page\(s\) into .* in ([\d.]+) s .*largest run (\d+ MB)?")
RESULTS_SHOWN = 5
"""Pagefind's UI loads the fragment of each result it shows: five at first."""

# `mkdocs build` in a process that reports, as it exits, its own peak memory and CPU time and the
# peak memory of its largest child (its second process, or a Pagefind run, both started by the hook;
# the hook logs the largest Pagefind run apart): /usr/bin/time sees only the largest process.
MEASURED_MKDOCS = """
import atexit, resource, runpy, sys
def report():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    sys.stderr.write(f"\\nUSAGE {own.ru_maxrss} {own.ru_utime + own.ru_stime} {children.ru_maxrss}\\n")
atexit.register(report)
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__")
"""


@dataclass(frozen=True)
class Step:
    name: str
    seconds: float
    peak_kb: int


@dataclass(frozen=True)
class MkdocsBuild:
    """One `mkdocs build --strict` with one search, and what it built."""

    search: str
    seconds: float
    cpu_seconds: float
    peak_kb: int
    children_peak_kb: int
    indexing_seconds: float | None
    indexing_peak_mb: int | None
    facts: dict[str, str]


def create_project(root: Path) -> Path:
    """A project like the repository's: seeds/, briefs/, mkdocs.yml (hook by absolute path), theme/."""
    (root / "seeds").mkdir(parents=True)
    (root / "briefs").mkdir()
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(config.replace(HOOK, (ROOT / HOOK).as_posix()), "utf-8")
    shutil.copytree(ROOT / "theme", root / "theme")
    return root


def settle(paths: list[Path]) -> None:
    """Date the files a little in the past, as files written before the build started."""
    past = time.time() - SETTLED_SECONDS
    for path in paths:
        os.utime(path, (past, past))


def run(name: str, command: list[str], cwd: Path) -> Step:
    """Run one step in its own process; its wall time and peak resident memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    report = cwd / ".time-report"
    if GNU_TIME.exists():
        command = [str(GNU_TIME), "-f", "%M", "-o", str(report), *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{name} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    if report.exists():
        peak = int(report.read_text().split()[-1])
        report.unlink()
    else:  # the largest child so far: exact only when this step is the largest yet
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return Step(name, seconds, peak)


def briefs_build(name: str, project: Path) -> Step:
    return run(name, [sys.executable, "-c", "from generator.cli import main; main()", "build"], project)


def measure(count: int, folder: Path, searches: list[str]) -> tuple[list[Step], list[MkdocsBuild]]:
    project = create_project(folder / f"project-{count}")
    seeds = write_corpus(project / "seeds", count)
    settle(seeds)
    steps = [briefs_build("cold `briefs build`", project)]
    steps.append(briefs_build("rebuild, nothing changed", project))
    changed = seeds[count // 2]
    changed.write_text(changed.read_text("utf-8").replace("Report", "Second Report", 1), "utf-8")
    settle([changed])
    steps.append(briefs_build("rebuild, one article changed", project))
    newest = project / "seeds" / "article-newest.txt"
    newest.write_text(dated_after_all(seeds[count // 3].read_text("utf-8")), "utf-8")
    settle([newest])
    steps.append(briefs_build("rebuild, one article added (the newest, as news arrives)", project))
    added = project / "seeds" / "article-added.txt"
    shutil.copyfile(seeds[1], added)
    settle([added])
    steps.append(briefs_build("rebuild, one article added (dated among the oldest)", project))
    seeds[2].unlink()
    steps.append(briefs_build("rebuild, one article removed", project))
    steps.append(briefs_build("rebuild, nothing changed (again)", project))
    return steps, [mkdocs_build(project, search) for search in searches]


def dated_after_all(article: str) -> str:
    """The article published after every article of the corpus (its header's timestamp replaced)."""
    header, rest = article.split("\n", 1)
    sections = header.rsplit(" ", 1)[0]
    return f"{sections} 2099-01-01T08:00:00+00:00\n{rest}"


def mkdocs_build(project: Path, search: str) -> MkdocsBuild:
    """`mkdocs build --strict` with `extra.briefs_search: search`, into its own site folder."""
    config = project / "mkdocs.yml"
    config.write_text(SEARCH_SETTING.sub(rf"\g<1> {search}", config.read_text("utf-8")), "utf-8")
    # The generator reads mkdocs.yml too: bring briefs/ up to date first, so that the hook's own
    # `briefs build` finds nothing to do, as in a build where only the articles change.
    briefs_build("briefs build after the search setting changed", project)
    site = project / f"site-{search}"
    command = [sys.executable, "-c", MEASURED_MKDOCS, "build", "--strict", "--clean", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build ({search}) failed ({result.returncode}):\n{result.stderr[-3000:]}")
    peak_kb, cpu_seconds, children_kb = result.stderr.rsplit("USAGE ", 1)[1].split()
    indexing = PAGEFIND_LOG.search(result.stderr)
    return MkdocsBuild(
        search,
        seconds,
        float(cpu_seconds),
        int(peak_kb),
        int(children_kb),
        float(indexing.group(1)) if indexing else None,
        int(indexing.group(2).split()[0]) if indexing and indexing.group(2) else None,
        sizes(site),
    )


def sizes(site: Path) -> dict[str, str]:
    """Total size of the site, brief page sizes, and what its search loads before a first result."""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages = sorted(p.stat().st_size for p in site.glob("briefs/*/index.html"))
    index = site / "search" / "search_index.json"
    bundle = site / "pagefind"
    result = {
        "site/ total": f"{total / MB:.1f} MB ({sum(1 for _ in site.rglob('*.html'))} HTML pages)",
        "brief page HTML, median / max": f"{statistics.median(pages) / KB:.1f} KB / {pages[-1] / KB:.1f} KB",
    }
    if index.exists():
        data = index.read_bytes()
        zipped = len(gzip.compress(data, 6))
        result["search payload before the first result (Material)"] = (
            f"{len(data) / MB:.2f} MB ({zipped / MB:.2f} MB gzipped)"
        )
    if bundle.is_dir():
        once, per_query = pagefind_payload(bundle)
        result["search payload before the first result (Pagefind), a one-word query"] = (
            f"{(once + per_query) / MB:.2f} MB ({once / KB:.0f} KB loaded once: UI, engine, wasm, "
            f"language meta; {per_query / KB:.0f} KB per query: entry, the largest index chunk, "
            f"{RESULTS_SHOWN} fragments)"
        )
        bundles = sorted(site.glob("pagefind*"))
        on_disk = sum(map(tree_size, bundles))
        result["Pagefind bundles on disk"] = f"{on_disk / MB:.1f} MB in {len(bundles)} bundle(s)"
    return result


def pagefind_payload(bundle: Path) -> tuple[int, int]:
    """What a first one-word query loads from Pagefind's bundles (the first, and those it names for the
    search box to merge): the bytes loaded once (UI, engine and wasm of the first bundle, which the
    others use too; each bundle's language meta) and per query (each bundle's entry and its largest
    index chunk, and the largest fragments of the results shown). The `.pf_*` and wasm files are
    already compressed. While a word is typed, Pagefind also searches its first letters, which may
    load a few more index chunks."""
    merged = json.loads((bundle / "briefs-bundles.json").read_text("utf-8"))["merge"]
    bundles = [bundle, *(bundle.parent / folder for folder in merged)]
    scripts = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js")
    once = sum((bundle / name).stat().st_size for name in scripts)
    per_query, fragments = 0, []
    for part in bundles:
        entry = part / "pagefind-entry.json"
        language = next(iter(json.loads(entry.read_text("utf-8"))["languages"].values()))
        if part == bundle:
            once += (part / f"wasm.{language['wasm']}.pagefind").stat().st_size
        once += (part / f"pagefind.{language['hash']}.pf_meta").stat().st_size
        per_query += entry.stat().st_size + max(p.stat().st_size for p in (part / "index").glob("*.pf_index"))
        fragments += [p.stat().st_size for p in (part / "fragment").glob("*.pf_fragment")]
    per_query += sum(sorted(fragments, reverse=True)[:RESULTS_SHOWN])
    return once, per_query


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def print_table(count: int, steps: list[Step], builds: list[MkdocsBuild]) -> None:
    print(f"\n### N = {count:,} articles\n")
    print("| step | wall time | peak memory |")
    print("|---|---:|---:|")
    for step in steps:
        print(f"| {step.name} | {step.seconds:.2f} s | {step.peak_kb / 1024:.0f} MB |")
    print()
    print(
        "| `mkdocs build --strict`, search | wall time | MkDocs CPU time | MkDocs peak memory | "
        "its second process or a Pagefind run, peak memory | Pagefind indexing, beside MkDocs | "
        "largest Pagefind run, peak memory |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for build in builds:
        indexing = "-" if build.indexing_seconds is None else f"{build.indexing_seconds:.1f} s"
        indexing_peak = "-" if build.indexing_peak_mb is None else f"{build.indexing_peak_mb} MB"
        print(
            f"| {build.search} | {build.seconds:.1f} s | {build.cpu_seconds:.1f} s | "
            f"{build.peak_kb / 1024:.0f} MB | {build.children_peak_kb / 1024:.0f} MB | {indexing} | "
            f"{indexing_peak} |"
        )
    for build in builds:
        print(f"\n| output, {build.search} search | size |")
        print("|---|---:|")
        for name, value in build.facts.items():
            print(f"| {name} | {value} |")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--search",
        nargs="+",
        choices=SEARCH_ENGINES,
        default=list(SEARCH_ENGINES),
        help="The searches to build the site with (default: both, Pagefind first).",
    )
    parser.add_argument(
        "--keep", type=Path, help="Build in this folder and keep it (default: a temporary one)."
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} core(s), Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="briefs-scale-") as temporary:
        folder = args.keep or Path(temporary)
        for count in args.sizes:
            steps, builds = measure(count, folder, args.search)
            print_table(count, steps, builds)


if __name__ == "__main__":
    main()
