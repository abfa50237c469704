"""Interrupted and concurrent builds: briefs/ holds whole pages only, and one build at a time."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from generator import write
from generator.build import Project, build
from generator.cli import main
from generator.write import (
    MANIFEST,
    TEMPORARY_SUFFIX,
    LockError,
    apply_changes,
    lock_docs_folder,
    plan_changes,
)
from tests.conftest import article_text

NAMES = ("Peter Hall", "Maria Lopez", "Omar Haddad", "Grace Novak", "Hugo Weber", "Irene Silva")
ARTICLES = 100


def write_corpus(seeds: Path, count: int, *, edition: int) -> None:
    """`count` articles; each edition changes every title and keeps only some of the articles."""
    for old in seeds.glob("*.txt"):
        old.unlink()
    for number in range(count):
        if edition and number % 7 == 0:
            continue
        speaker = NAMES[number % len(NAMES)]
        body = tuple(
            f'"We will finish part {part} of the plan," {speaker} said on Tuesday. '
            f"Costs rose {part + number % 9}% in March, according to the Harbor Authority."
            for part in range(12)
        )
        text = article_text(
            title=f"Edition {edition}: Council Story Number {number}",
            timestamp=f"2026-01-{1 + number % 28:02}T08:00:00+00:00",
            body=body,
        )
        (seeds / f"story-{number:03}.txt").write_text(text, "utf-8")


def visible_files(out: Path) -> dict[str, bytes]:
    """What MkDocs reads: every file under briefs/ whose path has no part starting with a dot."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
    }


def leftovers(out: Path) -> list[Path]:
    return sorted(out.rglob(f"*{TEMPORARY_SUFFIX}"))


def briefs_command(root: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from generator.cli import main; main()",
        "build",
        "--root",
        str(root),
        *args,
    ]


def editions(new_project, tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project built from the first edition of the corpus, now holding the second edition's articles;
    briefs/ as the first edition makes it, and as the second one does (built in a copy)."""
    root = new_project(tmp_path / "project")
    write_corpus(root / "seeds", ARTICLES, edition=0)
    build(Project.at(root))
    before = visible_files(root / "briefs")
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    write_corpus(copy / "seeds", ARTICLES, edition=1)
    build(Project.at(copy))
    write_corpus(root / "seeds", ARTICLES, edition=1)
    return root, before, visible_files(copy / "briefs")


def wait_for(condition, process: subprocess.Popen[bytes], timeout: float = 120.0) -> bool:
    """Poll `condition` until it holds; False when the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.0005)
    raise AssertionError("the build neither reached the point nor ended")


@pytest.mark.parametrize("moment", ["while reading", "while staging", "while renaming"])
def test_a_killed_build_leaves_whole_pages_from_before_or_after(new_project, tmp_path, moment):
    root, before, after = editions(new_project, tmp_path)
    out = root / "briefs"
    manifest = (out / MANIFEST).read_bytes()
    brief = out / "briefs" / "story-001.md"
    conditions = {
        "while reading": lambda: True,
        "while staging": lambda: any(n.endswith(TEMPORARY_SUFFIX) for n in os.listdir(out / "briefs")),  # noqa: PTH208
        "while renaming": lambda: brief.read_bytes() != before["briefs/story-001.md"],
    }
    process = subprocess.Popen(briefs_command(root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(conditions[moment], process)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    if moment != "while renaming":  # renaming takes milliseconds: the build may be done when killed
        assert process.returncode == -signal.SIGKILL
    state = visible_files(out)
    # Every page MkDocs can see is whole: the one from before or the one from after, never a mix.
    for rel_path, data in state.items():
        assert data in (before.get(rel_path), after.get(rel_path)), rel_path
        if rel_path.endswith(".md"):
            frontmatter.loads(data.decode("utf-8"))
    assert set(state) <= set(before) | set(after)
    if moment == "while reading":  # killed long before its first write
        assert state == before
        assert (out / MANIFEST).read_bytes() == manifest
    # The next build finishes the job and removes what the killed one left behind.
    report = build(Project.at(root))
    assert visible_files(out) == after
    assert leftovers(out) == []
    assert report.problems == ()


def test_pages_are_staged_as_hidden_files_that_mkdocs_ignores(tmp_path, monkeypatch):
    out = tmp_path / "briefs"
    pages = {"index.md": "# Home\n", "briefs/a.md": "# A\n", "briefs/b.md": "# B\n"}
    seen: list[list[Path]] = []
    original = Path.replace

    def replace_and_look(self: Path, target):
        seen.append(sorted(p for p in out.rglob("*") if p.is_file()))
        return original(self, target)

    monkeypatch.setattr(Path, "replace", replace_and_look)
    apply_changes(out, pages, plan_changes(out, pages))
    staged = [p for p in seen[1] if p.name.endswith(TEMPORARY_SUFFIX)]
    # The intent manifest is written first, then all three pages are staged before any is renamed.
    assert len(staged) == 3
    assert all(p.name.startswith(".") for p in staged)
    assert leftovers(out) == []
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.md")} == set(pages)


def test_a_failure_while_staging_changes_no_page_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "briefs"
    first = {"index.md": "# Home\n", "briefs/a.md": "# A\n"}
    apply_changes(out, first, plan_changes(out, first))
    second = {"index.md": "# Home, new\n", "briefs/a.md": "# A, new\n", "briefs/b.md": "# B\n"}
    calls = 0
    original = os.open

    def fail_on_the_third(path, flags, *args):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += bool(flags & os.O_EXCL)  # a temporary file staged
        if calls == 3:
            raise OSError(28, "No space left on device")
        return original(path, flags, *args)

    monkeypatch.setattr(os, "open", fail_on_the_third)
    with pytest.raises(OSError, match="No space left"):
        apply_changes(out, second, plan_changes(out, second))
    assert visible_files(out) == {k: v.encode() for k, v in first.items()}
    assert leftovers(out) == []
    monkeypatch.undo()
    # The manifest already names briefs/b.md, so the next build may write it, and does.
    apply_changes(out, second, plan_changes(out, second))
    assert visible_files(out) == {k: v.encode() for k, v in second.items()}


def test_an_interrupted_first_build_does_not_make_the_next_one_refuse_its_own_pages(tmp_path):
    out = tmp_path / "briefs"
    pages = {"index.md": "# Home\n", "briefs/a.md": "# A\n"}
    apply_changes(out, pages, plan_changes(out, pages))
    # As if killed after renaming, before the final manifest: a new page exists, listed as intended.
    pages2 = {**pages, "briefs/b.md": "# B\n"}
    (out / MANIFEST).write_text("".join(f"{p}\n" for p in sorted(pages2)), "utf-8")
    (out / "briefs/b.md").write_text("# B, half\n", "utf-8")
    changes = plan_changes(out, pages2)
    assert changes.changed == ("briefs/b.md",)


def test_leftover_temporary_files_are_removed_by_the_next_build(project_dir):
    (project_dir / "seeds" / "a.txt").write_text(article_text(), "utf-8")
    build(Project.at(project_dir))
    out = project_dir / "briefs"
    left = [out / f".index.md.dead{TEMPORARY_SUFFIX}", out / "briefs" / f".a.md.dead{TEMPORARY_SUFFIX}"]
    for path in left:
        path.write_text("half a page", "utf-8")
    mine = out / "briefs" / ".notes.tmp"
    mine.write_text("not the generator's", "utf-8")
    build(Project.at(project_dir))
    assert leftovers(out) == []
    assert mine.read_text("utf-8") == "not the generator's"


def test_generated_pages_are_readable_like_any_new_file(project_dir):
    (project_dir / "seeds" / "a.txt").write_text(article_text(), "utf-8")
    build(Project.at(project_dir))
    mask = os.umask(0)
    os.umask(mask)
    page = project_dir / "briefs" / "briefs" / "a.md"
    assert page.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_second_build_fails_at_once_with_a_clear_message(project_dir):
    (project_dir / "seeds" / "a.txt").write_text(article_text(), "utf-8")
    out = project_dir / "briefs"
    with lock_docs_folder(out):
        result = CliRunner().invoke(main, ["build", "--root", str(project_dir)])
        check = CliRunner().invoke(main, ["build", "--root", str(project_dir), "--check"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: another briefs build is running on {out.as_posix()}/; "
        "wait for it to finish, then build again\n"
    )
    assert check.exit_code == 1
    assert "another briefs build is running" in check.stderr
    assert visible_files(out) == {}
    assert build(Project.at(project_dir)).built == 1


def test_the_lock_is_released_when_the_build_ends_even_by_an_error(project_dir):
    out = project_dir / "briefs"
    with pytest.raises(RuntimeError), lock_docs_folder(out):
        raise RuntimeError("boom")
    with lock_docs_folder(out), pytest.raises(LockError), lock_docs_folder(out):
        pass
    with lock_docs_folder(out, shared=True), lock_docs_folder(out, shared=True):
        pass


def test_two_builds_started_at_once_do_not_corrupt_each_other(new_project, tmp_path):
    root, _, after = editions(new_project, tmp_path)
    processes = [
        subprocess.Popen(briefs_command(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [(p.wait(), p.communicate()[1].decode()) for p in processes]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 1]), results
    for code, stderr in results:
        if code:
            assert "another briefs build is running on" in stderr
            assert "Traceback" not in stderr
    assert visible_files(root / "briefs") == after
    assert leftovers(root / "briefs") == []


@pytest.mark.parametrize(("most", "fsyncs", "syncs"), [(256, 3, 0), (2, 0, 1)])
def test_a_few_files_are_synced_each_and_many_by_one_sync_of_the_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, most: int, fsyncs: int, syncs: int
) -> None:
    calls: list[str] = []
    real_fsync = os.fsync
    monkeypatch.setattr(write, "SYNC_EACH_MOST", most)
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    staged = write.stage_all([(tmp_path / f"{name}.md", name) for name in "abc"])
    assert (calls.count("fsync"), calls.count("sync")) == (fsyncs, syncs)
    assert sorted(temporary.read_text("utf-8") for temporary, _ in staged) == ["a", "b", "c"]
