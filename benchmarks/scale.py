"""Build time, memory and output size at scale, on a generated corpus of N articles.

    python -m benchmarks.scale [--sizes 1000 10000] [--keep DIR]

For each N, writes the corpus into a temporary project (mkdocs.yml and theme/ copied, the hook named
by its absolute path) and times, each in its own process: a cold `briefs build`, a rebuild with nothing
changed, rebuilds after one article changed, added and removed, and `mkdocs build --strict`. Prints a
table per N with wall time and peak memory of each step (the largest process of the step, as
/usr/bin/time or getrusage report it), the size of site/, of brief pages, and of the search payload
a first query loads.
"""

from __future__ import annotations

import argparse
import gzip
import os
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


@dataclass(frozen=True)
class Step:
    name: str
    seconds: float
    peak_kb: int


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


def measure(count: int, folder: Path) -> tuple[list[Step], dict[str, str]]:
    project = create_project(folder / f"project-{count}")
    seeds = write_corpus(project / "seeds", count)
    settle(seeds)
    steps = [briefs_build("cold `briefs build`", project)]
    steps.append(briefs_build("rebuild, nothing changed", project))
    changed = seeds[count // 2]
    changed.write_text(changed.read_text("utf-8").replace("Report", "Second Report", 1), "utf-8")
    settle([changed])
    steps.append(briefs_build("rebuild, one article changed", project))
    added = project / "seeds" / "article-added.txt"
    shutil.copyfile(seeds[1], added)
    settle([added])
    steps.append(briefs_build("rebuild, one article added", project))
    seeds[2].unlink()
    steps.append(briefs_build("rebuild, one article removed", project))
    steps.append(briefs_build("rebuild, nothing changed (again)", project))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    steps.append(run("`mkdocs build --strict`", mkdocs, project))
    return steps, sizes(project / "site")


def sizes(site: Path) -> dict[str, str]:
    """Total size of the site, brief page sizes, and what Material's search loads before a result."""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages = sorted(p.stat().st_size for p in site.glob("briefs/*/index.html"))
    index = site / "search" / "search_index.json"
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
    return result


def print_table(count: int, steps: list[Step], facts: dict[str, str]) -> None:
    print(f"\n### N = {count:,} articles\n")
    print("| step | wall time | peak memory |")
    print("|---|---:|---:|")
    for step in steps:
        print(f"| {step.name} | {step.seconds:.2f} s | {step.peak_kb / 1024:.0f} MB |")
    print()
    print("| output | size |")
    print("|---|---:|")
    for name, value in facts.items():
        print(f"| {name} | {value} |")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--keep", type=Path, help="Build in this folder and keep it (default: a temporary one)."
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} core(s), Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="briefs-scale-") as temporary:
        folder = args.keep or Path(temporary)
        for count in args.sizes:
            steps, facts = measure(count, folder)
            print_table(count, steps, facts)


if __name__ == "__main__":
    main()
