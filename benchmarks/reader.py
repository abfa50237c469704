"""Issue 18 on a corpus of real articles, in Chromium: the site built from `../shared/eval`'s PolNeAR
articles (train and dev) and the seed, with each search engine, read as an analyst reads it.

    python3 -m benchmarks.reader [--eval ../shared/eval] [--keep DIR]

What is looked up comes from the corpus itself, never from this file: the surnames of the two
most-briefed people, the opening words of a full quote, the measure of a lead figure. Prints each
check with what it found, twenty briefs with their subjects for a person to read, and exits 1 when a
check fails. The invented corpora of tests/ assert the same behaviour on every commit; this is the
check that it holds on real news. `--keep DIR` builds into DIR and reuses it on the next run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import frontmatter
from playwright.sync_api import Page, ViewportSize, sync_playwright

from benchmarks.scale import SEARCH_ENGINES, create_project, mkdocs_build
from tests.test_browser import CHROMIUM, QuietHandler, axe_violations
from tests.test_browser_reading import printed

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SETS = ("polnear-train", "polnear-dev")
RESULTS_READ = 10
SUBJECT_SHARE_LIMIT = 0.25
SAMPLE_SEED = 18
PHONE: ViewportSize = {"width": 390, "height": 844}
SEARCH_SECONDS = 90


@dataclass(frozen=True)
class BriefData:
    """What the checks need of one brief, read from its page's front matter."""

    path: str
    title: str
    summary: str
    date: str
    sections: frozenset[str]
    tags: tuple[str, ...]
    actors: dict[str, str]  # slug: type
    quoted: frozenset[str]
    full_quotes: tuple[str, ...]
    measures: tuple[str, ...]


@dataclass
class Corpus:
    briefs: list[BriefData]
    subjects: dict[str, str]  # name: slug
    pages: dict[str, str] = field(default_factory=dict)  # actor slug: name

    @classmethod
    def read(cls, docs: Path) -> Corpus:
        briefs = [brief_data(path) for path in sorted((docs / "briefs").glob("*.md"))]
        subjects = {
            str(frontmatter.load(path)["title"]): path.stem for path in (docs / "subjects").glob("*.md")
        }
        subjects = {name: slug for name, slug in subjects.items() if slug != "index"}
        pages = {path.stem: str(frontmatter.load(path)["title"]) for path in (docs / "actors").glob("*.md")}
        pages.pop("index", None)
        return cls(briefs, subjects, pages)

    def subjects_of(self, brief: BriefData) -> list[str]:
        return [tag for tag in brief.tags if tag in self.subjects and tag not in brief.sections]


def brief_data(path: Path) -> BriefData:
    meta: dict[str, Any] = frontmatter.load(path).metadata
    quotes = meta.get("quotes") or []
    return BriefData(
        path=f"briefs/{path.stem}/",
        title=str(meta["title"]),
        summary=str(meta.get("summary") or ""),
        date=str(meta["date"])[:10],
        sections=frozenset(str(tag) for tag in meta.get("sections") or ()),
        tags=tuple(str(tag) for tag in meta.get("tags") or ()),
        actors={actor["slug"]: actor["type"] for actor in meta.get("actors") or () if actor.get("slug")},
        quoted=frozenset(q["speaker"] for q in quotes if q.get("speaker") and q.get("certain")),
        full_quotes=tuple(q["text"] for q in quotes if q.get("kind") == "full"),
        measures=tuple(f["measure"] for f in meta.get("figures") or () if f.get("measure")),
    )


@dataclass(frozen=True)
class Result:
    kind: str
    path: str


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    found: str


def build(project: Path, eval_dir: Path) -> dict[str, Path]:
    """The corpus project at `project` (made when missing) built with each search engine."""
    if not (project / "mkdocs.yml").exists():
        create_project(project)
        for name in CORPUS_SETS:
            for article in sorted((eval_dir / name).glob("*.txt")):
                shutil.copy2(article, project / "seeds" / article.name)
        for article in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy2(article, project / "seeds" / article.name)
    for search in SEARCH_ENGINES:
        mkdocs_build(project, search)
    return {search: project / f"site-{search}" for search in SEARCH_ENGINES}


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def site_path(url: str, base: str) -> str:
    path = urlsplit(url).path
    return path[len(urlsplit(base).path) :] if path.startswith(urlsplit(base).path) else path.lstrip("/")


def search_material(page: Page, base: str, query: str) -> tuple[list[Result], str]:
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="brief").wait_for(timeout=SEARCH_SECONDS * 1000)
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    results = [
        Result(
            (link.locator(".briefs-kind").text_content() or "").split(" ")[0],
            site_path(link.get_attribute("href") or "", base),
        )
        for link in links.all()[:RESULTS_READ]
    ]
    return results, meta.inner_text()


def search_pagefind(page: Page, base: str, query: str) -> tuple[list[Result], str]:
    page.goto(base)
    page.locator(".briefs-search input.pagefind-ui__search-input").click()
    page.keyboard.type(query)
    counts = page.locator(".briefs-search .briefs-counts")
    counts.wait_for(timeout=SEARCH_SECONDS * 1000)
    page.locator(".pagefind-ui__result-link").first.wait_for()
    links = page.locator(".pagefind-ui__result-link")
    results = [
        Result(link.inner_text().split(" ")[0], site_path(link.get_attribute("href") or "", base))
        for link in links.all()[:RESULTS_READ]
    ]
    return results, counts.inner_text()


SEARCHES: dict[str, Callable[[Page, str, str], tuple[list[Result], str]]] = {
    "material": search_material,
    "pagefind": search_pagefind,
}


def most_briefed_people(corpus: Corpus, count: int) -> list[str]:
    briefed = Counter(
        slug
        for brief in corpus.briefs
        for slug, kind in brief.actors.items()
        if kind == "person" and slug in corpus.pages
    )
    return [slug for slug, _ in briefed.most_common(count)]


def matters_in(brief: BriefData, slug: str, name: str) -> bool:
    """The actor is quoted in the brief or named in its title or summary: not a passing mention."""
    surname = name.split()[-1]
    return slug in brief.quoted or surname in brief.title or surname in brief.summary


def search_checks(page: Page, base: str, search: str, corpus: Corpus) -> list[Check]:
    run = SEARCHES[search]
    by_path = {brief.path: brief for brief in corpus.briefs}
    checks = []
    for slug in most_briefed_people(corpus, 2):
        name = corpus.pages[slug]
        query = name.split()[-1]
        results, counts = run(page, base, query)
        first = results[0] if results else Result("", "")
        listed = [result.path for result in results[:3]]
        checks.append(
            Check(
                f"{search}: '{query}' finds an actor page first, {name}'s in the first three",
                first.kind == "Actor" and f"actors/{slug}/" in listed,
                f"first: {first.kind} {first.path}",
            )
        )
        checks.append(
            Check(f"{search}: '{query}' counts briefs", counts.split(" ")[1].startswith("brief"), counts)
        )
        kinds = Counter(result.kind for result in results)
        checks.append(
            Check(
                f"{search}: '{query}' labels each result",
                set(kinds) <= {"Actor", "Brief", "Subject", "Topic"},
                ", ".join(f"{kind} {n}" for kind, n in kinds.items()),
            )
        )
        shown = [by_path[result.path] for result in results if result.path in by_path]
        mentioning = [brief for brief in corpus.briefs if slug in brief.actors]
        share_shown = sum(matters_in(brief, slug, name) for brief in shown) / max(len(shown), 1)
        share_all = sum(matters_in(brief, slug, name) for brief in mentioning) / max(len(mentioning), 1)
        checks.append(
            Check(
                f"{search}: '{query}' ranks briefs where {name} matters above passing mentions",
                share_shown >= share_all,
                f"{share_shown:.0%} of the {len(shown)} briefs in the first {RESULTS_READ} results quote or "
                f"headline them, "
                f"{share_all:.0%} of all that name them",
            )
        )
    newest_quoted = max(
        (brief for brief in corpus.briefs if any(len(q.split()) >= 8 for q in brief.full_quotes)),
        key=lambda brief: (brief.date, brief.path),
    )
    quote = next(q for q in newest_quoted.full_quotes if len(q.split()) >= 8)
    query = " ".join(quote.split()[:6])
    results, _ = run(page, base, query)
    checks.append(
        Check(
            f"{search}: a quoted phrase finds its brief in the first five",
            newest_quoted.path in [result.path for result in results[:5]],
            f"'{query}' → {[result.path for result in results[:5]]}",
        )
    )
    measured = [brief for brief in corpus.briefs if brief.measures and brief.measures[0].count(" ") >= 2]
    lead = max(measured, key=lambda brief: (brief.date, brief.path))
    query = lead.measures[0]
    results, _ = run(page, base, query)
    checks.append(
        Check(
            f"{search}: a figure's measure finds its brief in the first ten",
            lead.path in [result.path for result in results],
            f"'{query}' → {len(results)} results",
        )
    )
    return checks


def subject_checks(corpus: Corpus) -> list[Check]:
    per_subject = Counter(subject for brief in corpus.briefs for subject in corpus.subjects_of(brief))
    total = len(corpus.briefs)
    largest, held = per_subject.most_common(1)[0]
    counts = Counter(len(corpus.subjects_of(brief)) for brief in corpus.briefs)
    return [
        Check(
            f"no subject holds more than {SUBJECT_SHARE_LIMIT:.0%} of the briefs",
            held / total <= SUBJECT_SHARE_LIMIT,
            f"largest: {largest}, {held} of {total} ({held / total:.0%})",
        ),
        Check(
            "each brief has a few subjects",
            counts[0] / total < 0.02 and max(counts) <= 4,
            ", ".join(f"{n} subjects: {counts[n]} briefs" for n in sorted(counts)),
        ),
    ]


def page_types(corpus: Corpus) -> dict[str, str]:
    person = most_briefed_people(corpus, 1)[0]
    subjects = Counter(subject for brief in corpus.briefs for subject in corpus.subjects_of(brief))
    return {
        "home": "",
        "brief": max(corpus.briefs, key=lambda brief: (len(brief.full_quotes), brief.path)).path,
        "short brief": min(
            corpus.briefs, key=lambda brief: (len(brief.summary) + len(brief.actors), brief.path)
        ).path,
        "actor": f"actors/{person}/",
        "actors": "actors/",
        "subjects": "subjects/",
        "largest subject": f"subjects/{corpus.subjects[subjects.most_common(1)[0][0]]}/",
        "topics": "topics/",
        "archive": "archive/",
    }


def page_checks(page: Page, phone: Page, base: str, corpus: Corpus) -> list[Check]:
    checks = []
    for name, path in page_types(corpus).items():
        page.goto(base + path)
        serious = [v["id"] for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
        checks.append(Check(f"axe-core on the {name} page", not serious, ", ".join(serious) or "clean"))
        phone.goto(base + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        checks.append(
            Check(f"{name} page fits a phone", overflow <= 0, f"{overflow} px wider than the screen")
        )
        if name in {"brief", "short brief", "actor"}:
            sheets = printed(page)
            half_empty = [n for n, (_, depth) in enumerate(sheets[:-1], start=1) if depth <= 0.5]
            checks.append(
                Check(
                    f"the {name} page prints without a half-empty page",
                    not half_empty,
                    f"{len(sheets)} A4 pages",
                )
            )
    page.goto(base)
    item = page.locator("article li").first
    parts = {
        part: item.locator(part).count() for part in (".brief-line", ".brief-lead", "a[href*='actors/']")
    }
    checks.append(
        Check("home lists each brief's summary line, lead figure and actors", all(parts.values()), str(parts))
    )
    return checks


def html_checks(site: Path, corpus: Corpus) -> list[Check]:
    """What every page of a kind must carry, read from the built HTML."""
    briefs = [site / brief.path / "index.html" for brief in corpus.briefs]
    pagers = sum('class="brief-pager"' in path.read_text("utf-8") for path in briefs)
    origins = sum('class="brief-origin"' in path.read_text("utf-8") for path in briefs)
    feeds = sum(
        f'type="application/rss+xml" title="{name} · '
        in (site / "actors" / slug / "index.html").read_text("utf-8")
        for slug, name in corpus.pages.items()
    )
    return [
        Check("every brief links older and newer", pagers == len(briefs), f"{pagers} of {len(briefs)}"),
        Check("every brief names its source or says it is unknown", origins == len(briefs), f"{origins}"),
        Check(
            "every actor page offers its own feed",
            feeds == len(corpus.pages),
            f"{feeds} of {len(corpus.pages)}",
        ),
    ]


def print_subject_sample(corpus: Corpus) -> None:
    print("\nTwenty briefs and their subjects, to read:")
    for brief in random.Random(SAMPLE_SEED).sample(corpus.briefs, 20):
        print(f"- {brief.title[:90]}\n    {', '.join(corpus.subjects_of(brief)) or '(none)'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the evaluation folder"
    )
    parser.add_argument("--keep", type=Path, help="build the corpus project here and reuse it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        project = args.keep or Path(scratch) / "corpus"
        sites = build(project, args.eval)
        corpus = Corpus.read(project / "briefs")
        checks = subject_checks(corpus) + html_checks(sites["material"], corpus)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            phone = browser.new_page(viewport=PHONE, is_mobile=True)
            for search, site in sites.items():
                with served(site) as base:
                    checks += search_checks(page, base, search, corpus)
                    if search == "material":
                        checks += page_checks(page, phone, base, corpus)
            browser.close()
    print(f"{len(corpus.briefs)} briefs, {len(corpus.pages)} actor pages, {len(corpus.subjects)} subjects\n")
    for check in checks:
        print(f"{'PASS' if check.passed else 'FAIL'}  {check.name}: {check.found}")
    print_subject_sample(corpus)
    return 0 if all(check.passed for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
