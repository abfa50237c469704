"""Build time, memory and output size at scale, on a generated corpus of N articles.

    python -m benchmarks.scale [--sizes 1000 10000] [--search pagefind material] [--keep DIR] [--only-serve]

For each N, writes the corpus into a temporary project (mkdocs.yml and theme/ copied, the hook named
by its absolute path) and times, each in its own process: a cold `briefs build`, a rebuild with nothing
changed, rebuilds after one article changed, added and removed. Prints a table per N with wall time
and peak memory of each step (the largest process of the step, as /usr/bin/time or getrusage report it).

Then `mkdocs serve` (Material's search): an article saved in seeds/, twice, and the time until its
page and every page that shows its title (the lists, its actors' pages) are served with the new
title, with the CPU time the server spent meanwhile.

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
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.corpus import write_corpus
from generator.paths import brief_page, page_url

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


@dataclass(frozen=True)
class Save:
    """An article saved while `mkdocs serve` runs, and how long until the pages showing it are fresh."""

    name: str
    pages: int
    seconds: float
    cpu_seconds: float


SERVE_POLL_SECONDS = 0.02
SERVE_TIMEOUT_SECONDS = 900.0
EDITED_WORDS = ("Amended", "Corrected")
"""Put in the title of each article saved, one after the other: no article of the corpus has them."""


class Server:
    """`mkdocs serve` on the project, on a free port; its log, its URL and its CPU time."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        site_url = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text("utf-8"), re.M)
        self.base = f"http://127.0.0.1:{port}{urlsplit(site_url.group(1) if site_url else '/').path}"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        self.process = subprocess.Popen(
            command, cwd=project, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        self.log: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self.read_log, daemon=True).start()
        if not self.ready.wait(SERVE_TIMEOUT_SECONDS) or self.process.poll() is not None:
            self.stop()
            sys.exit("mkdocs serve did not start:\n" + "".join(self.log[-30:]))

    def read_log(self) -> None:
        """Note the log, and when the server serves (or has ended: its log closes)."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            if "Serving on" in line:
                self.ready.set()
        self.ready.set()

    def cpu_seconds(self) -> float:
        """User and system time of the server so far (its own and its waited-for children's)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def text(self, url: str) -> str:
        try:
            # The server answers once the build under way, if any, is over.
            with urllib.request.urlopen(self.base + url, timeout=SERVE_TIMEOUT_SECONDS) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError:  # a page not yet written
            return ""

    def wait_until(self, url: str, word: str, deadline: float) -> None:
        while word not in self.text(url):
            if time.perf_counter() > deadline or self.process.poll() is not None:
                self.stop()
                sys.exit(f"mkdocs serve never served {url} with {word!r}:\n" + "".join(self.log[-30:]))
            time.sleep(SERVE_POLL_SECONDS)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def pages_changed_since(docs: Path, since_ns: int, word: str) -> list[str]:
    """The Markdown pages of `docs` written after `since_ns` that show `word`, by relative path."""
    return sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if path.stat().st_mtime_ns >= since_ns and word in path.read_text("utf-8")
    )


def save_while_serving(name: str, server: Server, project: Path, article: Path, word: str) -> Save:
    """Save `article` with `word` in its title (as an editor would: its time is now); the time until
    the brief's page, then every page whose Markdown shows the new title, is served with it."""
    start_ns = time.time_ns()
    cpu = server.cpu_seconds()
    start = time.perf_counter()
    article.write_text(article.read_text("utf-8").replace("Report", f"{word} Report", 1), "utf-8")
    deadline = start + SERVE_TIMEOUT_SECONDS
    brief = page_url(brief_page(article.stem))
    server.wait_until(brief, word, deadline)
    # By now the generator has written every page (MkDocs builds pages once it has): those to check.
    shown = [page_url(rel_path) for rel_path in pages_changed_since(project / "briefs", start_ns, word)]
    for url in shown:
        server.wait_until(url, word, deadline)
    seconds = time.perf_counter() - start
    return Save(name, len(shown), seconds, server.cpu_seconds() - cpu)


def measure_serve(project: Path, seeds: list[Path]) -> list[Save]:
    """Two articles saved, one after the other, in the same `mkdocs serve`."""
    server = Server(project)
    try:
        time.sleep(SETTLED_SECONDS / 2)  # the rebuild the first build's own writes to briefs/ may start
        saves = []
        for number, word in enumerate(EDITED_WORDS):
            article = seeds[len(seeds) // 4 + number]
            saves.append(save_while_serving(f"save {number + 1}", server, project, article, word))
            time.sleep(SETTLED_SECONDS / 2)
    finally:
        server.stop()
    return saves


def measure(
    count: int, folder: Path, searches: list[str], *, only_serve: bool = False
) -> tuple[list[Step], list[Save], list[MkdocsBuild]]:
    project = create_project(folder / f"project-{count}")
    seeds = write_corpus(project / "seeds", count)
    settle(seeds)
    steps = [briefs_build("cold `briefs build`", project)]
    if only_serve:
        return steps, measure_serve(project, seeds), []
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
    saves = measure_serve(project, seeds[3:])
    return steps, saves, [mkdocs_build(project, search) for search in searches]


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


def print_table(count: int, steps: list[Step], saves: list[Save], builds: list[MkdocsBuild]) -> None:
    print(f"\n### N = {count:,} articles\n")
    print("| step | wall time | peak memory |")
    print("|---|---:|---:|")
    for step in steps:
        print(f"| {step.name} | {step.seconds:.2f} s | {step.peak_kb / 1024:.0f} MB |")
    print()
    print(
        "| `mkdocs serve`, an article saved | pages showing it | until all are served fresh | "
        "server CPU time |"
    )
    print("|---|---:|---:|---:|")
    for save in saves:
        print(f"| {save.name} | {save.pages} | {save.seconds:.2f} s | {save.cpu_seconds:.2f} s |")
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
    parser.add_argument(
        "--only-serve",
        action="store_true",
        help="After the cold `briefs build`, measure `mkdocs serve` only.",
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} core(s), Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="briefs-scale-") as temporary:
        folder = args.keep or Path(temporary)
        for count in args.sizes:
            steps, saves, builds = measure(count, folder, args.search, only_serve=args.only_serve)
            print_table(count, steps, saves, builds)


if __name__ == "__main__":
    main()
