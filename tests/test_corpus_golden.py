"""Golden pages for a three-article corpus whose actors overlap, and every link of its built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.check_site import check_site
from generator.site_config import read_site_url

CORPUS = Path(__file__).parent / "fixtures" / "corpus3"
GOLDENS = Path(__file__).parent / "goldens" / "corpus3"
UPDATE_HINT = "run pytest with --update-goldens if the change is intended"


@pytest.fixture
def corpus_project(project: Project) -> Project:
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy2(path, project.seeds_dir / path.name)
    build(project)
    return project


def generated(out_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(out_dir).as_posix(): p.read_text("utf-8")
        for p in sorted(out_dir.rglob("*"))
        if p.is_file()
    }


def test_corpus_pages_match_golden(corpus_project: Project, update_goldens: bool) -> None:
    pages = generated(corpus_project.out_dir)
    if update_goldens:
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for rel_path, text in pages.items():
            (GOLDENS / rel_path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / rel_path).write_text(text, "utf-8")
    assert sorted(pages) == sorted(generated(GOLDENS)), UPDATE_HINT
    for rel_path, text in pages.items():
        assert text == (GOLDENS / rel_path).read_text("utf-8"), f"{rel_path}: {UPDATE_HINT}"


def test_shared_actors_link_the_briefs(corpus_project: Project) -> None:
    hall = (corpus_project.out_dir / "actors" / "peter-hall.md").read_text("utf-8")
    for slug in ("harbor-bridge", "river-cleanup"):
        assert f"../briefs/{slug}.md" in hall
    budget = (corpus_project.out_dir / "briefs" / "harbor-budget.md").read_text("utf-8")
    related = budget.split("## Related briefs", 1)[1].split("## Source text", 1)[0]
    assert "harbor-bridge.md" in related and "Maria Okafor" in related


def test_every_link_of_the_built_corpus_resolves(corpus_project: Project) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(corpus_project.root / "mkdocs.yml"),
        ],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site_url = read_site_url(corpus_project.root / "mkdocs.yml")
    assert [str(p) for p in check_site(corpus_project.root / "site", site_url=site_url)] == []
