"""Real news publishes: a problem inside an article (a stray quote mark, an invisible control
character) is reported and listed for the site owner, never a MkDocs warning that fails
`mkdocs build --strict`, which stays for the site's own links, anchors and settings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.project import PROBLEMS_FILE
from tests.conftest import article_text, mkdocs_build

STRAY_QUOTE = 'The mayor said "the bridge opens in May and left the room.'


def write_flawed_article(root: Path) -> None:
    body = ("The harbor council met on Tuesday.", STRAY_QUOTE, "Fees rose\x1b by a tenth.")
    (root / "seeds" / "flawed.txt").write_text(article_text(body=body), "utf-8")


def test_article_problems_do_not_fail_a_strict_mkdocs_build(project_dir: Path):
    write_flawed_article(project_dir)
    (project_dir / "briefs").mkdir()
    result = mkdocs_build(project_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "briefs: 2 problem(s) with articles, listed in briefs-problems.txt" in result.stderr
    listed = (project_dir / PROBLEMS_FILE).read_text("utf-8").splitlines()
    assert listed[1].startswith("seeds/flawed.txt:13: 1 control character(s) removed")
    assert listed[2].startswith("seeds/flawed.txt:11: quote opened but never closed")
    assert (project_dir / "site" / "briefs" / "flawed" / "index.html").is_file()


def test_briefs_build_strict_is_the_gate_on_article_problems(project_dir: Path):
    write_flawed_article(project_dir)
    result = CliRunner().invoke(main, ["build", "--strict", "--root", str(project_dir)])
    assert result.exit_code == 1
    assert "--strict: failing because of 2 problem(s) above" in result.output
    assert (project_dir / "briefs" / "briefs" / "flawed.md").is_file()


def test_the_problem_list_goes_once_the_articles_are_fixed(project_dir: Path):
    write_flawed_article(project_dir)
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--root", str(project_dir)]).exit_code == 0
    assert (project_dir / PROBLEMS_FILE).is_file()
    (project_dir / "seeds" / "flawed.txt").write_text(article_text(), "utf-8")
    assert runner.invoke(main, ["build", "--root", str(project_dir)]).exit_code == 0
    assert not (project_dir / PROBLEMS_FILE).exists()
