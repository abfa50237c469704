"""Golden files for the seed corpus: the extraction JSON and every generated page.

When the output changes on purpose, run `python -m pytest tests/test_seed_golden.py --update-goldens`
and review the diff of tests/goldens/ like any other change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import Project, build
from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO / "seeds" / "000_43ebc112e8ca7426.txt"
GOLDENS = Path(__file__).resolve().parent / "goldens"
EXTRACT_GOLDEN = GOLDENS / "extract" / f"{SEED_ARTICLE.stem}.json"
SITE_GOLDEN = GOLDENS / "site"
EVAL = REPO.parent / "shared" / "eval"
SEED_GOLD = EVAL / "seed" / "gold.json"
UPDATE_HINT = "run pytest with --update-goldens if the change is intended"


def extract_records(*paths: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["extract", "--json", *(p.relative_to(REPO).as_posix() for p in paths)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def write_goldens(folder: Path, files: dict[str, bytes]) -> None:
    for stale in set(files_under(folder)) - set(files):
        (folder / stale).unlink()
    for rel_path, data in files.items():
        path = folder / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_seed_extraction_matches_golden(monkeypatch, update_goldens):
    monkeypatch.chdir(REPO)
    (record,) = extract_records(SEED_ARTICLE)
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    if update_goldens:
        EXTRACT_GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        EXTRACT_GOLDEN.write_text(text, "utf-8")
    assert EXTRACT_GOLDEN.exists(), UPDATE_HINT
    assert text == EXTRACT_GOLDEN.read_text("utf-8"), UPDATE_HINT


def test_seed_site_matches_golden(seed_project, update_goldens):
    report = build(Project.at(seed_project))
    assert report.problems == ()
    files = files_under(seed_project / "briefs")
    if update_goldens:
        write_goldens(SITE_GOLDEN, files)
    golden = files_under(SITE_GOLDEN)
    assert sorted(files) == sorted(golden), UPDATE_HINT
    for rel_path, data in files.items():
        assert data.decode("utf-8") == golden[rel_path].decode("utf-8"), f"{rel_path}: {UPDATE_HINT}"


def test_golden_site_covers_every_seed_article():
    briefs = {p.stem for p in (SITE_GOLDEN / "briefs").glob("*.md")}
    assert len(briefs) == len(list(SEED_ARTICLE.parent.glob("*.txt")))


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/eval/seed is not present")
def test_seed_scores_perfectly_against_hand_annotation(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in extract_records(SEED_ARTICLE)), "utf-8")
    result = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), str(SEED_GOLD), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    metrics = json.loads(result.stdout)
    assert metrics["missing_predictions"] == 0
    assert metrics["not_actors_predicted"] == 0
    floats = {name: value for name, value in metrics.items() if isinstance(value, float)}
    assert floats, metrics
    assert floats == dict.fromkeys(floats, 1.0)
