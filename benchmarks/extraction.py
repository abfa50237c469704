"""Extraction accuracy and speed on the evaluation sets in ../shared/eval (when present).

    python -m benchmarks.extraction [--eval-dir ../shared/eval]

Runs `briefs extract --json` over each set, scores it with the set's own `score.py`, and prints
the metrics next to the targets of the extraction issue, then extraction speed on one core.
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

ROOT = Path(__file__).resolve().parent.parent
SPEED_ROUNDS = 5


@dataclass(frozen=True)
class Target:
    dataset: str
    metric: str
    baseline: float | None
    required: float


TARGETS = (
    Target("polnear-dev", "quote_f1", 0.820, 0.90),
    Target("polnear-dev", "full_quote_recall", 0.812, 0.92),
    Target("polnear-dev", "speaker_accuracy", 0.896, 0.92),
    Target("polnear-dev", "attributed_f1", 0.728, 0.85),
    Target("polnear-dev", "actor_recall", 0.926, 0.95),
    Target("newsquant-dev", "figure_value_recall", 0.662, 0.85),
    Target("newsquant-dev", "figure_recall", 0.473, 0.75),
)


def score_set(eval_dir: Path, name: str, gold: Path, articles: list[Path]) -> dict[str, float]:
    """Extract with the CLI, score with the evaluation's scorer, return its metrics."""
    extracted = subprocess.run(
        ["briefs", "extract", "--json", *map(str, articles)],
        capture_output=True,
        text=True,
        check=True,
    )
    with tempfile.NamedTemporaryFile("w", suffix=f"-{name}.jsonl", delete=False) as handle:
        handle.write(extracted.stdout)
    scored = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), str(gold), handle.name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(handle.name).unlink()
    metrics: dict[str, float] = json.loads(scored.stdout)
    return metrics


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
    print(f"{'metric':<40} {'baseline':>8} {'required':>8} {'ours':>7}  ok")
    for target in TARGETS:
        if target.dataset in results:
            value = results[target.dataset][target.metric]
            mark = "yes" if value >= target.required else "NO"
            print(
                f"{target.dataset + ' ' + target.metric:<40} {target.baseline:>8.3f} "
                f"{target.required:>8.3f} {value:>7.3f}  {mark}"
            )
    seed_values = [v for v in seed.values() if isinstance(v, float)]
    seed_ok = all(v == 1.0 for v in seed_values) and seed.get("not_actors_predicted") == 0
    seed_mark = "yes" if seed_ok else "NO"
    print(f"{'seed gold.json, every metric':<40} {'-':>8} {1.0:>8.3f} {min(seed_values):>7.3f}  {seed_mark}")
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
