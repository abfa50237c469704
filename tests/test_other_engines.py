"""The same briefs/ builds under Zensical (the Material team's successor, which reads mkdocs.yml but
runs no MkDocs hook: it builds the committed pages) and ProperDocs (a drop-in MkDocs, hook and all).

Each runs from its own virtual environment, named by BRIEFS_ZENSICAL and BRIEFS_PROPERDOCS (the
executables; .ci/run installs them). Locally a missing one is skipped; in CI (CI=true) it fails.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator.build import Project, build
from tests.conftest import REPO, create_project
from tests.test_mkdocs_build import SEED_SLUG

IN_CI = os.environ.get("CI") == "true"
SEED_PAGE = Path("site/briefs") / SEED_SLUG / "index.html"


def engine(variable: str) -> Path:
    executable = os.environ.get(variable)
    if executable and Path(executable).is_file():
        return Path(executable)
    if IN_CI:
        pytest.fail(f"CI must build with every engine: {variable} names no executable")
    pytest.skip(f"{variable} names no executable (see .ci/run)")


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    root = create_project(tmp_path / "project", with_seeds=True)
    build(Project.at(root))
    return root


def run(command: list[str], root: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, check=False)


def test_zensical_builds_the_committed_pages(seed_project: Path):
    result = run([str(engine("BRIEFS_ZENSICAL")), "build"], seed_project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (seed_project / SEED_PAGE).read_text("utf-8")
    assert '<meta property="og:type" content="article">' in page
    assert "application/ld+json" in page


def test_properdocs_builds_strictly_with_the_hook(seed_project: Path):
    (seed_project / "briefs" / "briefs.json").unlink()  # the hook writes it again
    result = run([str(engine("BRIEFS_PROPERDOCS")), "build", "--strict"], seed_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (seed_project / "briefs" / "briefs.json").is_file()
    assert '<meta property="og:type" content="article">' in (seed_project / SEED_PAGE).read_text("utf-8")
