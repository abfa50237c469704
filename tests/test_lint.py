"""Lint, format and types are part of the test command, so CI checks them too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_tool_is_clean(command: list[str]) -> None:
    executable = shutil.which(command[0]) or pytest.fail(f"{command[0]} is not installed (the test extra)")
    completed = subprocess.run(
        [executable, *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_lint_catches_a_real_error(tmp_path: Path) -> None:
    """The check above must be able to fail: ruff flags an unused import in a scratch file."""
    scratch = tmp_path / "scratch.py"
    scratch.write_text("import os\n")
    completed = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", str(scratch)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert "F401" in completed.stdout
