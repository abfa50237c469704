"""No slug of any kind takes the name of one of the site's own pages, or another's: a topic `Index`,
an actor `INDEX` or `Sitemap` (a folder of feeds has a sitemap.xml), an article `seeds/index.txt`
get pages of their own beside each overview, and the topics `C++` and `C#` stay two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.resolve import slugify, unique_slugs
from generator.slugs import RESERVED_SLUGS
from tests.conftest import article_text, mkdocs_build


@pytest.mark.parametrize("name", ["INDEX", "Index", "readme", "README", "con", "Sitemap"])
@pytest.mark.parametrize("kind", ["brief", "actor", "topic"])
def test_no_slug_is_the_name_of_a_folders_own_page(name: str, kind: str):
    assert slugify(name, kind) not in RESERVED_SLUGS


def test_a_reserved_name_and_the_name_it_becomes_stay_apart():
    slugs = unique_slugs(["index", "index-1", "Index"], "brief")
    assert sorted(slugs.values()) == ["index-1", "index-1-2", "index-1-3"]
    assert slugs["index-1"] == "index-1"


@pytest.fixture(scope="module")
def reserved_site(tmp_path_factory, new_project) -> Path:
    root = new_project(tmp_path_factory.mktemp("reserved") / "project")
    labels = {"index": "Index", "cpp": "C++", "csharp": "C#"}
    for number, (name, label) in enumerate(labels.items()):
        text = article_text(sections=label, title=f"Harbor report number {number}")
        (root / "seeds" / f"{name}.txt").write_text(text, "utf-8")
    build(Project.at(root))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_an_article_named_index_has_its_own_page_where_the_export_says(reserved_site: Path):
    exported = json.loads((reserved_site / "briefs" / "briefs.json").read_text("utf-8"))
    pages = {brief["id"]: brief["page"] for brief in exported}
    assert pages["index"] == "briefs/index-1/"
    assert (reserved_site / "site" / "briefs" / "index-1" / "index.html").is_file()
    assert not (reserved_site / "briefs" / "briefs" / "index.md").exists()


def test_a_topic_named_index_leaves_the_topics_overview_alone(reserved_site: Path):
    overview = (reserved_site / "briefs" / "topics" / "index.md").read_text("utf-8")
    assert overview.startswith("---\ntitle: Topics\n")
    assert (reserved_site / "briefs" / "topics" / "index-1.md").is_file()


def test_c_plus_plus_and_c_sharp_are_two_topics(reserved_site: Path):
    topics = reserved_site / "briefs" / "topics"
    assert "C++" in (topics / "c-plus-plus.md").read_text("utf-8")
    assert "C#" in (topics / "c-sharp.md").read_text("utf-8")
