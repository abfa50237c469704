"""Building briefs/ from seeds/: idempotent, owns only its files, reports bad articles, `--check`."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from generator.build import Project, build
from generator.cli import main
from generator.write import MANIFEST, WriteError

HARBOR = {
    "title": "Harbor Council Approves New Bridge Plan",
    "summary": "Mayor Peter Hall said the council approved the bridge plan.",
    "body": (
        'The council voted to replace the bridge. "We will rebuild it," Mayor Peter Hall said.',
        "Costs rose 12% in March, according to the Harbor Authority.",
    ),
}
SCHOOLS = {
    "title": "Governor Opens Two New Schools",
    "timestamp": "2026-01-17T08:00:00+00:00",
    "summary": "Governor Maria Lopez opened two schools in the north.",
    "body": ('"Every child deserves a good school," Governor Maria Lopez said on Monday.',),
}
BRIEF_KEYS = {"title", "date", "actors", "figures", "quotes"}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under `folder`: its bytes, modification time and inode."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def write_seed(project_dir, make_article_text):
    def write(name: str, text: str | None = None, **overrides) -> Path:
        path = project_dir / "seeds" / f"{name}.txt"
        path.write_text(make_article_text(**overrides) if text is None else text, "utf-8")
        return path

    return write


@pytest.fixture
def two_seeds(write_seed):
    write_seed("harbor", **HARBOR)
    write_seed("schools", **SCHOOLS)


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_first_build_writes_every_page_and_the_manifest(project, two_seeds):
    report = build(project)
    assert (report.built, report.skipped, report.problems) == (2, 0, ())
    files = set(snapshot(project.out_dir))
    assert {"index.md", "actors/index.md", "briefs/harbor.md", "briefs/schools.md"} <= files
    assert {"actors/peter-hall.md", "actors/maria-lopez.md"} <= files
    assert "actors/harbor-authority.md" not in files  # named in one brief, quoted by no one: no page
    manifest = (project.out_dir / MANIFEST).read_text("utf-8").splitlines()
    assert manifest == sorted(files - {MANIFEST})
    assert report.changes.added == tuple(manifest)


def test_second_build_changes_no_byte_and_rewrites_no_file(project, two_seeds):
    build(project)
    before = snapshot(project.out_dir)
    report = build(project)
    assert snapshot(project.out_dir) == before
    assert report.changes.is_empty
    assert report.changes.unchanged == len(before) - 1


def test_removing_an_article_removes_its_brief_and_actors_no_longer_referenced(project, two_seeds):
    build(project)
    (project.seeds_dir / "schools.txt").unlink()
    report = build(project)
    files = set(snapshot(project.out_dir))
    assert "briefs/schools.md" not in files
    assert "actors/maria-lopez.md" not in files
    assert {"briefs/harbor.md", "actors/peter-hall.md"} <= files
    # Its data files, the actor's feed and the subject only that brief was about go with them, and
    # the sitemap of the folder of subjects' feeds, which holds no feed any more.
    assert set(report.changes.removed) == {
        "briefs/schools.md",
        "briefs/schools.json",
        "briefs/schools-quotes.csv",
        "briefs/schools-figures.csv",
        "actors/maria-lopez.md",
        "feeds/actors/maria-lopez.xml",
        "subjects/education.md",
        "feeds/subjects/education.xml",
        "feeds/subjects/sitemap.xml",
    }
    assert "maria-lopez" not in (project.out_dir / MANIFEST).read_text("utf-8")
    assert "Maria Lopez" not in (project.out_dir / "actors/index.md").read_text("utf-8")


def test_hand_written_file_is_never_modified_or_deleted(project, two_seeds):
    about = project.out_dir / "about.md"
    about.parent.mkdir(parents=True)
    about.write_text("# About\n\nWritten by hand.\n", "utf-8")
    before = snapshot(project.out_dir)["about.md"]
    build(project)
    (project.seeds_dir / "schools.txt").unlink()
    build(project)
    assert snapshot(project.out_dir)["about.md"] == before
    assert "about.md" not in (project.out_dir / MANIFEST).read_text("utf-8").splitlines()


def test_hand_written_file_at_a_generated_path_fails_the_build_untouched(project, two_seeds):
    index = project.out_dir / "index.md"
    index.parent.mkdir(parents=True)
    index.write_text("# My own home page\n", "utf-8")
    before = snapshot(project.out_dir)
    with pytest.raises(WriteError, match=r"briefs/index\.md: exists but was not written by briefs"):
        build(project)
    assert snapshot(project.out_dir) == before


def test_hand_written_file_at_a_generated_path_is_a_cli_error(project_dir, two_seeds):
    (project_dir / "briefs").mkdir()
    (project_dir / "briefs/index.md").write_text("# My own home page\n", "utf-8")
    result = run_cli("build", "--root", str(project_dir))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {project_dir / 'briefs' / 'index.md'}: exists but was not")
    assert "the generator never overwrites files it did not write" in result.stderr
    assert "Traceback" not in result.output
    assert (project_dir / "briefs/index.md").read_text("utf-8") == "# My own home page\n"


def test_bad_article_is_reported_and_good_ones_are_built(project, write_seed, two_seeds):
    write_seed("broken", text="")
    report = build(project)
    assert (report.built, report.skipped) == (2, 1)
    assert [str(p) for p in report.problems] == [
        "seeds/broken.txt:1: empty file; write a header line such as "
        "'Politics Economy 2026-01-16T19:22:08+00:00', then the title"
    ]
    files = set(snapshot(project.out_dir))
    assert {"briefs/harbor.md", "briefs/schools.md"} <= files
    assert not any("broken" in name for name in files)


def test_cli_build_prints_problems_and_a_summary(project_dir, write_seed, two_seeds):
    write_seed("broken", text="")
    result = run_cli("build", "--root", str(project_dir))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0].startswith("seeds/broken.txt:1: empty file; ")
    assert lines[1].startswith("built 2 brief(s), skipped 1 article(s) (1 empty file), 1 problem(s); wrote ")


def test_strict_build_exits_1_when_there_was_a_problem(project_dir, write_seed, two_seeds):
    write_seed("broken", text="")
    result = run_cli("build", "--root", str(project_dir), "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "--strict: failing because of 1 problem(s) above"
    assert (project_dir / "briefs/briefs/harbor.md").exists()


def test_strict_build_exits_0_without_problems(project_dir, two_seeds):
    result = run_cli("build", "--root", str(project_dir), "--strict")
    assert result.exit_code == 0, result.output


def test_check_on_a_stale_folder_changes_nothing_and_lists_the_files(project_dir, two_seeds):
    result = run_cli("build", "--root", str(project_dir), "--check")
    assert result.exit_code == 1
    assert not (project_dir / "briefs").exists()
    assert "  would be added: briefs/index.md" in result.stderr.splitlines()
    assert "  would be added: briefs/briefs/harbor.md" in result.stderr.splitlines()


def test_check_after_an_article_changed_lists_changed_and_removed(
    project, project_dir, write_seed, two_seeds
):
    build(project)
    write_seed("harbor", **{**HARBOR, "title": "Harbor Council Delays Bridge Plan"})
    (project.seeds_dir / "schools.txt").unlink()
    before = snapshot(project.out_dir)
    result = run_cli("build", "--root", str(project_dir), "--check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "  would be changed: briefs/briefs/harbor.md" in lines
    assert "  would be removed: briefs/briefs/schools.md" in lines
    assert snapshot(project.out_dir) == before


def test_check_on_a_fresh_folder_exits_0(project, project_dir, two_seeds):
    build(project)
    before = snapshot(project.out_dir)
    result = run_cli("build", "--root", str(project_dir), "--check")
    assert result.exit_code == 0, result.output
    assert "would be" not in result.stderr
    assert snapshot(project.out_dir) == before


def test_every_generated_page_parses_back_with_frontmatter(project, two_seeds):
    build(project)
    manifest = (project.out_dir / MANIFEST).read_text("utf-8").splitlines()
    pages = sorted(project.out_dir.rglob("*.md"))
    assert [p.relative_to(project.out_dir).as_posix() for p in pages] == [
        m for m in manifest if m.endswith(".md")
    ]
    for path in pages:
        post = frontmatter.load(path)
        assert post.content.strip(), path


def test_brief_front_matter_holds_its_items_with_actors_by_slug(project, two_seeds):
    build(project)
    brief = frontmatter.load(project.out_dir / "briefs/harbor.md")
    assert set(brief.keys()) >= BRIEF_KEYS
    assert brief["title"] == "Harbor Council Approves New Bridge Plan"
    assert brief["date"] == "2026-01-16T19:22:08+00:00"
    slugs = [actor["slug"] for actor in brief["actors"]]
    assert "peter-hall" in slugs
    for slug in filter(None, slugs):  # None: an actor without a page of its own
        assert (project.out_dir / f"actors/{slug}.md").exists(), slug
    quote = next(q for q in brief["quotes"] if q["text"] == "We will rebuild it")
    assert quote["speaker"] == "peter-hall"
    figure = next(f for f in brief["figures"] if f["value"] == 12.0)
    assert figure["source"] is None  # its source, named once and quoted by no one, has no page


def test_actor_page_front_matter_names_its_slug_and_type(project, two_seeds):
    build(project)
    page = frontmatter.load(project.out_dir / "actors/maria-lopez.md")
    assert page["title"] == "Maria Lopez"
    assert page["actor"] == {"slug": "maria-lopez", "type": "person"}


def test_home_page_lists_newest_brief_first(project, two_seeds):
    build(project)
    home = (project.out_dir / "index.md").read_text("utf-8")
    assert home.index("briefs/schools.md") < home.index("briefs/harbor.md")


def test_source_names_are_relative_to_the_project(project, two_seeds):
    build(project)
    brief = frontmatter.load(project.out_dir / "briefs/harbor.md")
    assert brief["source"] == "seeds/harbor.txt"


def test_build_from_another_working_directory(tmp_path, project_dir, two_seeds, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = build(Project.at(Path("project")))
    assert report.built == 2
    assert (project_dir / "briefs/briefs/harbor.md").exists()


def test_a_weak_attribution_shows_as_speaker_uncertain_and_stays_off_the_actor_page(project, write_seed):
    write_seed(
        "talks",
        title="Governor Meets Senator",
        summary="Governor Maria Lopez met Senator Ana Ruiz.",
        body=('Governor Maria Lopez met Senator Ana Ruiz on Monday. "The talks went well," she said.',),
    )
    build(project)
    brief = frontmatter.load(project.out_dir / "briefs/talks.md")
    [quote] = brief["quotes"]
    # 'she' may be either woman: the subject of the sentence before is taken, but not as certain.
    assert quote["speaker"] == "maria-lopez" and not quote["certain"]
    assert "speaker uncertain, perhaps Maria Lopez" in brief.content
    assert "The talks went well" not in (project.out_dir / "actors/maria-lopez.md").read_text("utf-8")
