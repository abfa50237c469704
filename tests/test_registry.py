"""The curated actor registry (actors.yml): overrides extraction, and reports every mistake in it."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from generator.build import Project, build
from generator.cli import main
from generator.registry import RegistryError, load_registry
from tests.conftest import article_text

REGISTRY = """\
- name: Peter Hall
  type: person
  aliases: [Mayor Hall, Pete Hall]
  description: Mayor of the harbor town since 2020.
  roles: [Mayor]
- name: Harbor Council
  type: organization
"""


def write_registry(root: Path, text: str) -> Path:
    path = root / "actors.yml"
    path.write_text(text, "utf-8")
    return path


def test_a_missing_registry_is_empty(tmp_path: Path) -> None:
    assert load_registry(tmp_path / "actors.yml", "actors.yml").entries == ()


def test_registry_names_and_aliases_are_found_case_insensitively(tmp_path: Path) -> None:
    registry = load_registry(write_registry(tmp_path, REGISTRY), "actors.yml")
    entry = registry.find("pete hall")
    assert entry is not None
    assert (entry.name, entry.type, entry.roles) == ("Peter Hall", "person", ("Mayor",))


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    text = REGISTRY + "- name: Pete Hall\n  alias: [Hall]\n- type: robot\n"
    with pytest.raises(RegistryError) as raised:
        load_registry(write_registry(tmp_path, text), "actors.yml")
    assert [str(p) for p in raised.value.problems] == [
        "actors.yml:8: unknown key 'alias'; use only name, type, aliases, description, roles",
        "actors.yml:10: unknown type 'robot'; use one of person, organization, country, place, group",
        "actors.yml:10: an entry needs a 'name'; add the actor's canonical name",
        "actors.yml:8: 'Pete Hall' names both 'Peter Hall' and 'Pete Hall'; keep it in one entry only",
    ]


def test_a_registry_that_is_not_a_list_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="expected a list of actors"):
        load_registry(write_registry(tmp_path, "name: Peter Hall\n"), "actors.yml")


def test_registry_overrides_the_extracted_actor(project: Project) -> None:
    write_registry(project.root, REGISTRY)
    (project.seeds_dir / "bridge.txt").write_text(article_text(), "utf-8")
    build(project)
    actor_page = frontmatter.load(project.out_dir / "actors" / "peter-hall.md")
    assert actor_page["title"] == "Peter Hall"
    assert "Mayor of the harbor town since 2020." in actor_page.content
    assert "Pete Hall" in actor_page.content


def test_registry_alias_merges_a_differently_written_name(project: Project) -> None:
    write_registry(project.root, REGISTRY)
    body = ("Pete Hall opened the meeting.", '"We will rebuild the bridge," Pete Hall said.')
    (project.seeds_dir / "bridge.txt").write_text(article_text(summary=None, body=body), "utf-8")
    build(project)
    brief = frontmatter.load(project.out_dir / "briefs" / "bridge.md")
    assert [q["speaker"] for q in brief["quotes"]] == ["peter-hall"]
    assert not (project.out_dir / "actors" / "pete-hall.md").exists()


def test_cli_build_stops_on_a_broken_registry_and_writes_nothing(project: Project) -> None:
    write_registry(project.root, "- name: A\n  colour: red\n")
    (project.seeds_dir / "bridge.txt").write_text(article_text(), "utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(project.root)])
    assert result.exit_code == 1
    assert "actors.yml:1: unknown key 'colour'" in result.output
    assert not (project.out_dir / "index.md").exists()
