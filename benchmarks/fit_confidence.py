"""Fit the confidence of attributions on the development articles: the table `extract.confidence` reads.

    python -m benchmarks.fit_confidence [--eval-dir ../shared/eval]

Extracts every article of polnear-train (the development set; never the check sets), matches its quotes
with the gold ones as the evaluation's `score.py` does, and counts for every evidence key how many
attributions name the right speaker. A key's confidence is its share of right speakers, drawn towards
the share of its evidence as a whole (PRIOR_WEIGHT attributions' worth) so that a rare key is not
trusted on a handful of quotes; rounded down, and written to generator/data/quote_confidence.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from generator.extract import extract_article
from generator.extract.confidence import TABLE
from generator.read import read_article

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_SET = "polnear-train"
PRIOR_WEIGHT = 10


def count_evidence(eval_dir: Path) -> tuple[Counter[str], Counter[str]]:
    """For every evidence key: the attributions scored against the gold, and the right ones."""
    sys.path.insert(0, str(eval_dir))
    import score  # the evaluation's own matching of quotes and names

    folder = eval_dir / DEVELOPMENT_SET
    gold = {row["id"]: row for row in score.load_jsonl(folder / "gold.jsonl")}
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for path in sorted(folder.glob("*.txt")):
        extraction = extract_article(read_article(path, path.name)[0])
        predicted = [
            {"text": q.text, "speaker": q.speaker, "evidence": q.evidence}
            for q in extraction.quotes
            if q.kind != "term"
        ]
        for gold_quote, quote in score.match_quotes(gold[path.stem]["quotes"], predicted):
            if score.is_named(gold_quote) and quote["speaker"]:
                seen[quote["evidence"]] += 1
                right[quote["evidence"]] += score.same_actor(gold_quote["speaker"], quote["speaker"])
    return seen, right


def fit_table(seen: Counter[str], right: Counter[str]) -> dict[str, Any]:
    """Shares of right speakers by evidence and by key, each key drawn towards its evidence's share."""
    overall = sum(right.values()) / max(1, sum(seen.values()))
    by_evidence: dict[str, list[int]] = {}
    for key, count in seen.items():
        totals = by_evidence.setdefault(key.split("/", 1)[0], [0, 0])
        totals[0] += right[key]
        totals[1] += count
    evidence = {
        name: (hits + PRIOR_WEIGHT * overall) / (count + PRIOR_WEIGHT)
        for name, (hits, count) in by_evidence.items()
    }
    keys = {
        key: (right[key] + PRIOR_WEIGHT * evidence[key.split("/", 1)[0]]) / (count + PRIOR_WEIGHT)
        for key, count in seen.items()
    }
    return {
        "evidence": {name: round_down(share) for name, share in sorted(evidence.items())},
        "keys": {key: round_down(share) for key, share in sorted(keys.items())},
        "overall": round_down(overall),
    }


def round_down(share: float) -> float:
    return math.floor(share * 1000) / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args(argv)
    if not (args.eval_dir / DEVELOPMENT_SET / "gold.jsonl").exists():
        print(f"no {DEVELOPMENT_SET} at {args.eval_dir}; nothing to fit")
        return 1
    table = fit_table(*count_evidence(args.eval_dir))
    target = ROOT / "generator" / "data" / TABLE
    target.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table['keys'])} evidence keys fitted; written to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
