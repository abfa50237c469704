"""Nothing is lost and nothing ends in a traceback: a missing or unreadable seeds/, a build that
fails half way, dates at the edges, files that are not files, names that read alike, a lock left by
killed workers, a damaged cache or build record, a docs folder that cannot be written, characters
that are not characters, UTF-16 without a BOM in any script, and a YAML alias bomb."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from generator import write
from generator.build import Project, build
from generator.cli import main
from generator.incremental.extractions import DATABASE
from generator.incremental.record import STATE_FILE
from generator.registry import RegistryError, load_registry
from generator.write import MANIFEST, WriteError, lock_docs_folder
from tests.conftest import article_text, mkdocs_build


def write_seed(root: Path, name: str, data: bytes | str) -> Path:
    path = root / "seeds" / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["build", "--root", str(root), *args])


@pytest.fixture
def built(project_dir: Path) -> Path:
    write_seed(project_dir, "good.txt", article_text())
    assert run(project_dir).exit_code == 0
    return project_dir


def test_a_missing_seeds_folder_removes_no_page(built: Path):
    pages = sorted(p.relative_to(built) for p in (built / "briefs").rglob("*"))
    (built / "seeds").rename(built / "elsewhere")
    result = run(built, "--strict")
    assert result.exit_code == 1
    assert (
        "seeds/: cannot list the articles (No such file or directory); nothing was changed" in result.output
    )
    assert "Traceback" not in result.output
    assert sorted(p.relative_to(built) for p in (built / "briefs").rglob("*")) == pages


def test_a_mistyped_root_is_a_clear_error(tmp_path: Path):
    result = run(tmp_path / "projcet")
    assert result.exit_code == 1
    assert "cannot list the articles" in result.output and "Check --root" in result.output


def test_seeds_none_of_which_can_be_read_remove_no_page(built: Path):
    (built / "seeds" / "good.txt").unlink()
    (built / "seeds" / "good.txt").mkdir()
    result = run(built)
    assert result.exit_code == 1
    assert "none of the 1 article(s) can be read" in result.output
    assert (built / "briefs" / "briefs").is_dir()


def test_a_build_that_fails_leaves_no_claim_on_a_path_it_did_not_write(built: Path, monkeypatch):
    write_seed(built, "second.txt", article_text(title="Ferry Service Resumes After Storm"))

    def full(path: Path, text: str, *, sync: bool = True) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(write, "stage", full)
    with pytest.raises(WriteError, match=r"No space left on device; free some disk space"):
        build(Project.at(built))
    monkeypatch.undo()
    page = built / "briefs" / "briefs" / "second.md"
    assert not page.exists()
    page.write_text("# Written by hand\n", "utf-8")
    (built / "seeds" / "second.txt").unlink()
    report = build(Project.at(built))
    assert "briefs/second.md" not in report.changes.removed
    assert page.read_text("utf-8") == "# Written by hand\n"
    assert "second" not in (built / "briefs" / MANIFEST).read_text("utf-8")


@pytest.mark.parametrize(
    ("number", "hint"),
    [
        (errno.ENOSPC, "free some disk space, then build again"),
        (errno.EACCES, "make it writable for you, then build again"),
        (errno.EROFS, "the file system is read-only: build on a writable copy"),
    ],
)
def test_disk_full_or_read_only_is_a_clear_error_in_the_cli(built: Path, monkeypatch, number: int, hint: str):
    write_seed(built, "second.txt", article_text(title="Ferry Service Resumes After Storm"))

    def refused(path: Path, text: str, *, sync: bool = True) -> Path:
        raise OSError(number, os.strerror(number), str(path))

    monkeypatch.setattr(write, "stage", refused)
    result = run(built)
    assert result.exit_code == 1
    assert result.output.startswith("Error: briefs/")
    assert f"{os.strerror(number)}; {hint}" in result.output
    assert "Traceback" not in result.output


def test_a_docs_folder_that_is_a_file_is_a_clear_error(project_dir: Path):
    write_seed(project_dir, "good.txt", article_text())
    (project_dir / "briefs").write_text("not a folder", "utf-8")
    result = run(project_dir)
    assert result.exit_code == 1
    assert "briefs: is a file, not a folder; move it away" in result.output
    assert (project_dir / "briefs").read_text("utf-8") == "not a folder"


def test_dates_at_the_edges_build_or_are_refused_alone(project_dir: Path):
    stamps = {
        "first.txt": "0001-01-01T00:00:00+00:00",
        "last.txt": "9999-12-31T23:59:59+00:00",
        "before.txt": "0001-01-01T00:00:00+01:00",
        "after.txt": "9999-12-31T23:00:00-05:00",
    }
    for number, (name, stamp) in enumerate(stamps.items()):
        write_seed(project_dir, name, article_text(timestamp=stamp, title=f"Harbor report number {number}"))
    report = build(Project.at(project_dir))
    assert (report.built, report.why_skipped) == (2, "2 invalid timestamp")
    assert sorted(str(p) for p in report.problems) == [
        "seeds/after.txt:1: timestamp '9999-12-31T23:00:00-05:00' is outside the years 1 to 9999 in UTC; "
        "write the date the article was published",
        "seeds/before.txt:1: timestamp '0001-01-01T00:00:00+01:00' is outside the years 1 to 9999 in UTC; "
        "write the date the article was published",
    ]
    result = mkdocs_build(project_dir)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_only_regular_files_are_read(project_dir: Path):
    write_seed(project_dir, "good.txt", article_text())
    seeds = project_dir / "seeds"
    (seeds / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(seeds / "fifo.txt")
    (seeds / "zero.txt").symlink_to("/dev/zero")
    # A child that would time the test out if the build blocked on the FIFO or read /dev/zero.
    code = (
        "import sys; from pathlib import Path; from generator.build import Project, build; "
        "r = build(Project.at(Path(sys.argv[1]))); print(r.built, r.why_skipped)"
    )
    command = [sys.executable, "-c", code, str(project_dir)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 2 not a file, 1 unreadable"


def test_two_names_that_read_alike_are_reported_not_lost(project_dir: Path):
    names = (b"caf\xe9.txt", b"caf\xe8.txt")
    for number, name in enumerate(names):
        text = article_text(title=f"Harbor report number {number}").encode("utf-8")
        (project_dir / "seeds" / os.fsdecode(name)).write_bytes(text)
    report = build(Project.at(project_dir))
    assert (report.built, report.why_skipped) == (1, "1 same name as another")
    assert "its name reads as the name of seeds/caf\ufffd.txt" in str(report.problems[0])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked where the system can fork")
def test_a_lock_does_not_outlive_its_build_when_it_is_killed(project_dir: Path):
    """A build killed with -9 while a forked worker lives: the worker does not hold the lock."""
    code = textwrap.dedent(f"""
        import os, signal, time
        from pathlib import Path
        from generator.write import lock_docs_folder
        with lock_docs_folder(Path({str(project_dir / "briefs")!r})):
            if os.fork() == 0:
                time.sleep(60)
                os._exit(0)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    process = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        assert process.wait(timeout=60) == -signal.SIGKILL
        with lock_docs_folder(project_dir / "briefs"):
            pass
    finally:
        os.killpg(process.pid, signal.SIGKILL)


def test_a_damaged_cache_entry_is_discarded_and_the_build_goes_on(built: Path, caplog):
    database = built / ".cache" / "briefs" / DATABASE
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE outcome SET value = x'00'")
    connection.close()
    (built / "briefs" / "briefs" / "good.md").unlink()
    result = run(built, "--strict")
    assert result.exit_code == 0, result.output
    assert [r.getMessage() for r in caplog.records] == [
        "briefs: 1 extraction(s) damaged or missing in .cache/briefs/; the cache is discarded and every "
        "article read again"
    ]
    assert (built / "briefs" / "briefs" / "good.md").is_file()


def test_a_cache_file_that_is_not_a_database_is_replaced(built: Path, caplog):
    (built / ".cache" / "briefs" / DATABASE).write_bytes(b"not a database at all" * 100)
    (built / "briefs" / "briefs" / "good.md").unlink()
    assert run(built, "--strict").exit_code == 0
    assert len(caplog.records) == 1 and "damaged" in caplog.records[0].getMessage()
    assert run(built, "--strict").exit_code == 0
    assert len(caplog.records) == 1


@pytest.mark.parametrize(
    "record", ["[1, 2]", '{"inputs": 5}', '{"inputs": "x", "outputs": [], "built": 1}', "{not json"]
)
def test_a_malformed_build_record_is_ignored_once(built: Path, caplog, record: str):
    state = built / ".cache" / "briefs" / STATE_FILE
    full = json.loads(state.read_text("utf-8"))
    state.write_text(record, "utf-8")
    result = run(built)
    assert result.exit_code == 0, result.output
    assert len(caplog.records) == 1 and "not a build record" in caplog.records[0].getMessage()
    assert json.loads(state.read_text("utf-8"))["pages"] == full["pages"]


def test_noncharacters_never_reach_the_feed(project_dir: Path):
    write_seed(project_dir, "odd.txt", article_text(title="Harbor \ufffe Bridge \uffff Plan"))
    report = build(Project.at(project_dir))
    assert report.built == 1
    assert "control character(s) removed (the first is U+FFFE)" in str(report.problems[0])
    channel = ElementTree.parse(project_dir / "briefs" / "feed.xml").getroot().find("channel")
    assert channel is not None and channel.findtext("item/title") == "Harbor Bridge Plan"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("港口委员会批准新桥计划", "港口委员会星期二投票决定更换旧桥。" * 40),
        ("مجلس الميناء يوافق على خطة الجسر", "صوت مجلس الميناء يوم الثلاثاء على استبدال الجسر القديم. " * 40),
    ],
    ids=["chinese", "arabic"],
)
def test_utf16_without_a_bom_is_read_in_any_script(project_dir: Path, encoding: str, title: str, body: str):
    text = article_text(title=title, summary=None, body=(body,))
    write_seed(project_dir, "far.txt", text.encode(encoding))
    report = build(Project.at(project_dir))
    assert (report.built, report.problems) == (1, ())
    assert title in (project_dir / "briefs" / "briefs.json").read_text("utf-8")


def test_a_yaml_alias_bomb_in_the_registry_is_refused_at_once(tmp_path: Path):
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
    path = tmp_path / "actors.yml"
    path.write_text("- name: Peter Hall\n  " + "\n  ".join(levels) + "\n", "utf-8")
    with pytest.raises(
        RegistryError, match=r"actors.yml:3: not valid YAML: .*an alias \(\*name\) is not allowed"
    ):
        load_registry(path, "actors.yml")
