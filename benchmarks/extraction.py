"""Extraction accuracy and speed on the evaluation sets in ../shared/eval (when present).

    python -m benchmarks.extraction [--eval-dir ../shared/eval]

Runs `briefs extract --json` over each set, scores it with the set's own `score.py`, and prints
the metrics next to the targets of the extraction issues (#13 quotes, #14 figures, #15 actors): the
value when the issue was filed and the value required. For the quote sets also the trust a page can
put in its speakers: of the attributions shown as certain, the share that names the right speaker
(`certain_precision`), and how many of all attributions are shown as certain (`certain_share`).
Then extraction speed on one core.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.extract import extract_article
from generator.read import read_article
from generator.resolve import ActorProfile, resolve_site

ROOT = Path(__file__).resolve().parent.parent
SPEED_ROUNDS = 5
# The corpus of the one-page check (issue #15): the real articles of these sets and the seed.
ONE_PAGE_SETS = ("polnear-train", "polnear-dev")
MOST_BRIEFED = 10


@dataclass(frozen=True)
class Target:
    """A metric on one evaluation set, its value when the issue was filed, and the value required."""

    issue: int
    dataset: str
    metric: str
    filed: float
    required: float


QUOTE_SETS = ("polnear-train", "polnear-dev", "polnear-dev-single")


def issue_targets(
    issue: int, metrics: dict[str, float], filed: dict[str, tuple[float, ...]]
) -> tuple[Target, ...]:
    """One issue's targets: each metric (with its required value) on each set (with the values filed)."""
    return tuple(
        Target(issue, dataset, metric, value, required)
        for dataset, values in filed.items()
        for (metric, required), value in zip(metrics.items(), values, strict=True)
    )


TARGETS = (
    *issue_targets(
        13,
        {"speaker_accuracy": 0.94, "attributed_f1": 0.88, "quote_f1": 0.95, "full_quote_recall": 0.95},
        {
            "polnear-train": (0.854, 0.811, 0.942, 0.966),
            "polnear-dev": (0.930, 0.879, 0.939, 0.965),
            "polnear-dev-single": (0.903, 0.752, 0.835, 0.757),
        },
    ),
    *issue_targets(
        14,
        {
            "figure_value_recall": 0.90,
            "figure_recall": 0.80,
            "figure_precision": 0.85,
            "figure_measure_recall": 0.60,
        },
        {"newsquant-train": (0.770, 0.604, 0.578, 0.122), "newsquant-dev": (0.865, 0.811, 0.741, 0.159)},
    ),
    *(Target(13, dataset, "certain_precision", 0.0, 0.97) for dataset in QUOTE_SETS),
    Target(15, "conll-dev", "actor_precision", 0.904, 0.95),
    Target(15, "conll-dev", "actor_recall", 0.916, 0.95),
    Target(15, "conll-dev", "actor_type_accuracy", 0.860, 0.95),
    Target(15, "polnear-train", "actor_recall", 0.939, 0.95),
    Target(15, "polnear-dev", "actor_recall", 0.951, 0.95),
)


def extract_json(articles: list[Path]) -> str:
    """`briefs extract --json` of this checkout (run as a module, so a git worktree measures itself)."""
    extracted = subprocess.run(
        [sys.executable, "-m", "generator.cli", "extract", "--json", *map(str, articles)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return extracted.stdout


def score_set(eval_dir: Path, name: str, gold: Path, articles: list[Path]) -> dict[str, float]:
    """Extract with the CLI, score with the evaluation's scorer, return its metrics."""
    with tempfile.NamedTemporaryFile("w", suffix=f"-{name}.jsonl", delete=False) as handle:
        handle.write(extract_json(articles))
    scored = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), str(gold), handle.name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    metrics: dict[str, float] = json.loads(scored.stdout)
    if name in QUOTE_SETS:
        metrics.update(score_certainty(eval_dir, gold, Path(handle.name)))
    Path(handle.name).unlink()
    return metrics


def score_certainty(eval_dir: Path, gold: Path, predictions: Path) -> dict[str, float]:
    """Of the attributions scored (a quote found, its gold speaker named, a speaker predicted), the share
    shown as certain, and the share of those that name the right speaker; matched as `score.py` does."""
    sys.path.insert(0, str(eval_dir))
    import score  # the evaluation's own matching of quotes and names

    predicted = {row["id"]: row for row in score.load_jsonl(predictions)}
    shown = certain = right = 0
    for article in score.load_jsonl(gold):
        quotes = [q for q in predicted.get(article["id"], {}).get("quotes", []) if q["kind"] != "term"]
        for gold_quote, quote in score.match_quotes(article["quotes"], quotes):
            if score.is_named(gold_quote) and quote["speaker"]:
                shown += 1
                certain += quote["certain"]
                right += quote["certain"] and score.same_actor(gold_quote["speaker"], quote["speaker"])
    return {
        "certain_precision": right / certain if certain else 0.0,
        "certain_share": certain / shown if shown else 0.0,
    }


def articles_per_second(paths: list[Path]) -> tuple[float, float]:
    """Extraction only (no start-up, no reading), best of a few rounds, one core: by the clock, and
    by the CPU time of this process, which other work on the machine slows less."""
    articles = [read_article(path, path.name)[0] for path in paths]
    best, best_cpu = float("inf"), float("inf")
    for _ in range(SPEED_ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        for article in articles:
            extract_article(article)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return len(articles) / best, len(articles) / best_cpu


def print_one_page_check(eval_dir: Path) -> None:
    """Issue #15 on a corpus of real articles: actor pages per brief, actors with a single brief, and
    for the most-briefed people, how many pages the forms of their name are spread over."""
    paths = [p for name in ONE_PAGE_SETS for p in sorted((eval_dir / name).glob("*.txt"))]
    paths += sorted((ROOT / "seeds").glob("0*.txt"))
    site = resolve_site([extract_article(read_article(path, path.name)[0]) for path in paths])
    single = sum(1 for profile in site.actors if briefs_of(profile) == 1)
    print(
        f"\none-page check ({len(site.briefs)} articles: {', '.join(ONE_PAGE_SETS)}, seed): "
        f"{len(site.actors)} actor pages, {len(site.actors) / len(site.briefs):.1f} per brief, "
        f"{single} with a single brief"
    )
    people = [p for p in site.actors if p.type == "person" and " " in p.name]
    for person in sorted(people, key=lambda p: (-briefs_of(p), p.slug))[:MOST_BRIEFED]:
        pages = [p.slug for p in site.actors if is_form_of(p.name, person.name)]
        spread = f"pages of the name: {len(pages)} ({', '.join(pages)})"
        print(f"  {person.name:<28} {briefs_of(person):>4} briefs, {spread}")


def briefs_of(profile: ActorProfile) -> int:
    return len({appearance.brief.slug for appearance in profile.appearances})


def is_form_of(name: str, person: str) -> bool:
    """Whether `name` is written with the first name and surname of `person` (any case, any words
    between or before them, a possessive): 'Beloved Ana M. Ruiz's' is a form of 'Ana Ruiz'."""
    words = [w.strip(".'\"") for w in name.replace("\u2019", "'").removesuffix("'s").casefold().split()]
    own = person.casefold().split()
    return len(words) > 1 and words[-1] == own[-1] and own[0] in words[:-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args(argv)
    eval_dir: Path = args.eval_dir
    if not (eval_dir / "score.py").exists():
        print(f"no evaluation data at {eval_dir}; nothing to measure")
        return 1
    results: dict[str, dict[str, float]] = {}
    for name in sorted({t.dataset for t in TARGETS}):
        folder = eval_dir / name
        if folder.is_dir():
            results[name] = score_set(eval_dir, name, folder / "gold.jsonl", sorted(folder.glob("*.txt")))
    seed = score_set(
        eval_dir, "seed", eval_dir / "seed" / "gold.json", sorted((ROOT / "seeds").glob("0*.txt"))
    )
    print(f"{'issue':<6}{'metric':<42} {'filed':>7} {'required':>8} {'ours':>7}  ok")
    for target in TARGETS:
        if target.dataset in results:
            value = results[target.dataset].get(target.metric)
            shown = "n/a" if value is None else f"{value:.3f}"
            mark = "yes" if value is not None and value >= target.required else "NO"
            print(
                f"#{target.issue:<5}{target.dataset + ' ' + target.metric:<42} {target.filed:>7.3f} "
                f"{target.required:>8.3f} {shown:>7}  {mark}"
            )
    for name in QUOTE_SETS:
        if name in results:
            print(f"{'#13':<6}{name + ' certain_share':<42} {results[name]['certain_share']:>24.3f}")
    seed_values = [v for v in seed.values() if isinstance(v, float)]
    seed_ok = all(v == 1.0 for v in seed_values) and seed.get("not_actors_predicted") == 0
    seed_mark = "yes" if seed_ok else "NO"
    print(
        f"{'all':<6}{'seed gold.json, every metric':<42} {1.0:>7.3f} {1.0:>8.3f} "
        f"{min(seed_values):>7.3f}  {seed_mark}"
    )
    print_one_page_check(eval_dir)
    polnear = sorted((eval_dir / "polnear-dev").glob("*.txt"))
    if polnear:
        per_second, per_cpu_second = articles_per_second(polnear)
        print(
            f"\nextraction speed (polnear-dev, one core): {per_second:.0f} articles/second"
            f" ({per_cpu_second:.0f} per CPU second)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
