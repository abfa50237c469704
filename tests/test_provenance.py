"""The original article's origin from an optional sidecar, shown on the brief, cited, and downloadable
data beside each brief. Every article, person and outlet here is invented."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import frontmatter
import pytest

from generator.build import Project, build
from generator.citation import Publication, bibtex_text, cite
from generator.provenance import Origin, read_origin, sidecar_path

GOOD = """\
outlet: The Harbor Gazette
author: Mira Solvang
url: https://gazette.example.org/2026/03/bridge-vote
published: 2026-03-01
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bridge.meta.yml"
    path.write_text(text, "utf-8")
    return path


def test_sidecar_sits_beside_its_article() -> None:
    assert sidecar_path(Path("seeds/bridge.txt")) == Path("seeds/bridge.meta.yml")


def test_good_sidecar_gives_every_field(tmp_path: Path) -> None:
    origin, problems = read_origin(write(tmp_path, GOOD), "seeds/bridge.meta.yml")
    assert problems == []
    assert origin == Origin(
        "The Harbor Gazette", "Mira Solvang", "https://gazette.example.org/2026/03/bridge-vote", "2026-03-01"
    )


def test_missing_sidecar_is_no_origin_and_no_problem(tmp_path: Path) -> None:
    origin, problems = read_origin(tmp_path / "none.meta.yml", "seeds/none.meta.yml")
    assert not origin and problems == []


def test_malformed_yaml_is_located_and_ignored(tmp_path: Path) -> None:
    origin, problems = read_origin(
        write(tmp_path, "outlet: The Gazette\nauthor: [Mira\n"), "seeds/b.meta.yml"
    )
    assert not origin
    assert len(problems) == 1
    assert str(problems[0]).startswith("seeds/b.meta.yml:3: not valid YAML")


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("outlet: The Gazette\nurl: gazette.example.org/x\n", 2, "url: expected a web address"),
        ("outlet: The Gazette\npublished: March 1st\n", 2, "published: expected a date such as"),
        ("outlet: The Gazette\n\neditor: Mira Solvang\n", 3, "unknown key 'editor' ignored"),
        ("outlet: The Gazette\nauthor:\n  - Mira Solvang\n", 3, "author: expected one line of text"),
        ("outlet: The Gazette\npublished: 2026-02-30\n", 2, "published: expected a date"),
    ],
)
def test_a_wrong_value_is_located_and_the_others_kept(tmp_path: Path, text, line, expected) -> None:
    origin, problems = read_origin(write(tmp_path, text), "seeds/b.meta.yml")
    assert origin.outlet == "The Gazette"
    assert [p.line for p in problems] == [line]
    assert expected in problems[0].message


def test_a_list_instead_of_a_mapping_is_located(tmp_path: Path) -> None:
    origin, problems = read_origin(write(tmp_path, "- The Gazette\n"), "seeds/b.meta.yml")
    assert not origin
    assert "expected a mapping" in str(problems[0]) and problems[0].line == 1


ARTICLE = """\
Politics 2026-03-02T09:30:00+00:00

Harbor Council Backs New Bridge

The council voted for the bridge on Monday.

Harbor Council Backs New Bridge

"The numbers have changed three times," said Councillor Mira Solvang. Costs rose 12% since spring.
"""


@pytest.fixture
def built(project: Project) -> Project:
    (project.seeds_dir / "bridge.txt").write_text(ARTICLE, "utf-8")
    (project.seeds_dir / "bridge.meta.yml").write_text(GOOD, "utf-8")
    (project.seeds_dir / "plain.txt").write_text(ARTICLE.replace("Bridge", "Ferry"), "utf-8")
    (project.seeds_dir / "broken.txt").write_text(ARTICLE.replace("Bridge", "Tunnel"), "utf-8")
    (project.seeds_dir / "broken.meta.yml").write_text("outlet: [unclosed\n", "utf-8")
    return project


def test_brief_names_its_origin_and_json_ld_is_based_on_it(built: Project) -> None:
    report = build(built, jobs=1)
    assert report.built == 3
    page = frontmatter.loads((built.out_dir / "briefs/bridge.md").read_text("utf-8"))
    assert "Original article: The Harbor Gazette, by Mira Solvang, published 2026-03-01" in page.content
    assert "seeds/bridge.txt" not in page.content
    assert page["schema"]["isBasedOn"] == {
        "@type": "NewsArticle",
        "url": "https://gazette.example.org/2026/03/bridge-vote",
        "publisher": {"@type": "Organization", "name": "The Harbor Gazette"},
        "author": {"@type": "Person", "name": "Mira Solvang"},
        "datePublished": "2026-03-01",
    }


def test_without_a_sidecar_the_source_is_unknown(built: Project) -> None:
    build(built, jobs=1)
    page = frontmatter.loads((built.out_dir / "briefs/plain.md").read_text("utf-8"))
    assert "Original article: source unknown" in page.content
    assert "seeds/plain.txt" not in page.content
    assert "isBasedOn" not in page["schema"]


def test_a_broken_sidecar_is_a_located_warning_and_its_brief_is_built(built: Project) -> None:
    report = build(built, jobs=1)
    assert [str(p).split(";")[0] for p in report.problems if "meta.yml" in p.source] == [
        "seeds/broken.meta.yml:2: not valid YAML (expected ',' or ']', but got '<stream end>')"
    ]
    assert "source unknown" in (built.out_dir / "briefs/broken.md").read_text("utf-8")


def test_brief_offers_its_data_as_json_and_csv(built: Project) -> None:
    build(built, jobs=1)
    page = (built.out_dir / "briefs/bridge.md").read_text("utf-8")
    for name in ("bridge.json", "bridge-quotes.csv", "bridge-figures.csv"):
        assert f"]({name})" in page
    record = json.loads((built.out_dir / "briefs/bridge.json").read_text("utf-8"))
    assert record["title"] == "Harbor Council Backs New Bridge"
    assert record["origin"]["outlet"] == "The Harbor Gazette"
    quotes = list(
        csv.DictReader(io.StringIO((built.out_dir / "briefs/bridge-quotes.csv").read_text("utf-8")))
    )
    assert [q["text"] for q in quotes] == [quote["text"] for quote in record["quotes"]]
    assert quotes[0]["in_sentence"].startswith('"The numbers have changed')
    figures = list(
        csv.DictReader(io.StringIO((built.out_dir / "briefs/bridge-figures.csv").read_text("utf-8")))
    )
    assert [f["text"] for f in figures] == [figure["text"] for figure in record["figures"]]
    assert "%" in [f["unit"] for f in figures]


def test_citation_carries_the_permanent_address_and_the_origin() -> None:
    publication = Publication("Harbor Briefs", "https://briefs.example.org/site/")
    origin = Origin(outlet="The Harbor Gazette", author="Mira Solvang")
    citation = cite("bridge", "Costs Rise 12% & Council_Votes", "2026-03-02", origin, publication)
    assert citation.plain == (
        "Harbor Briefs (2026-03-02). “Costs Rise 12% & Council_Votes”. "
        "Based on Mira Solvang, The Harbor Gazette. https://briefs.example.org/site/briefs/bridge/"
    )
    assert citation.bibtex.startswith("@misc{briefs-bridge,\n")
    assert "  title = {{Costs Rise 12\\% \\& Council\\_Votes}},\n" in citation.bibtex
    assert "  url = {https://briefs.example.org/site/briefs/bridge/}" in citation.bibtex
    assert citation.bibtex.count("{") == citation.bibtex.count("}")


def test_bibtex_text_escapes_what_would_end_or_change_a_value() -> None:
    assert (
        bibtex_text("a{b}c\\d~e^f#g$h")
        == r"a\{b\}c\textbackslash{}d\textasciitilde{}e\textasciicircum{}f\#g\$h"
    )


def test_json_feed_links_each_item_to_its_original_article(built: Project) -> None:
    build(built, jobs=1)
    feed = json.loads((built.out_dir / "feed.json").read_text("utf-8"))
    external = {item["url"].rsplit("/", 2)[-2]: item.get("external_url") for item in feed["items"]}
    assert external == {
        "bridge": "https://gazette.example.org/2026/03/bridge-vote",
        "plain": None,
        "broken": None,
    }
