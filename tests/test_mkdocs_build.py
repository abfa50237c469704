"""One real `mkdocs build --strict` of a small project holding the seed article."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build

SEED_SLUG = "000-43ebc112e8ca7426"
QUOTE = "We have very substantial results from joint cooperation and the work that Mexico has been doing"
# The seed's actors with a page of their own (quoted, or named three times); the others are chips.
ACTORS = {
    "claudia-sheinbaum": "Claudia Sheinbaum",
    "state-department": "State Department",
    "mexico": "Mexico",
    "united-states": "United States",
}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory, new_project) -> Path:
    """The seed project built by MkDocs, its hook generating briefs/ first; returns site/."""
    # Module scope: the build takes seconds and every test here only reads what it produced.
    root = new_project(tmp_path_factory.mktemp("mkdocs") / "project", with_seeds=True)
    # MkDocs checks that docs_dir exists before any hook runs; a clone has briefs/ committed.
    (root / "briefs").mkdir()
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def search_text(built_site) -> str:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])


def visible_text(page: Path) -> str:
    """The text a reader sees: tags dropped, entities decoded once, as a browser does."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")))


def test_hook_generates_the_docs_folder(built_site):
    assert (built_site.parent / "briefs" / "briefs" / f"{SEED_SLUG}.md").exists()


def test_brief_page_is_built(built_site):
    assert (built_site / "briefs" / SEED_SLUG / "index.html").exists()


@pytest.mark.parametrize("slug", sorted(ACTORS))
def test_actor_pages_are_built(built_site, slug):
    page = built_site / "actors" / slug / "index.html"
    assert page.exists()
    assert ACTORS[slug] in visible_text(page)


def test_home_and_actor_index_are_built(built_site):
    assert (built_site / "index.html").exists()
    assert (built_site / "actors" / "index.html").exists()


def test_brief_links_to_its_actor_pages(built_site):
    page = (built_site / "briefs" / SEED_SLUG / "index.html").read_text("utf-8")
    assert 'href="../../actors/claudia-sheinbaum/"' in page


def test_search_index_holds_the_words_of_a_quote(search_text):
    assert QUOTE in search_text


@pytest.mark.parametrize("name", sorted(ACTORS.values()))
def test_search_index_holds_the_actor_names(search_text, name):
    assert name in search_text


def test_search_index_holds_the_topics_as_tags(built_site):
    """Material's search reads the front matter `tags` itself: no tags plugin (and its work) needed.
    Besides the topics, a brief's tags name the actors it quotes or names in its title or summary,
    and its subjects: the names a search should find it by first."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    brief = [doc for doc in index["docs"] if doc["location"].startswith(f"briefs/{SEED_SLUG}/")]
    assert brief
    assert all(doc["tags"][:3] == ["Politics", "Economy", "Country"] for doc in brief)
    assert all("Claudia Sheinbaum" in doc["tags"] for doc in brief)


def test_search_finds_an_actors_page_by_its_name_as_a_boosted_tag(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    actor = [doc for doc in index["docs"] if doc["location"] == "actors/claudia-sheinbaum/"]
    assert actor and actor[0]["tags"] == ["Claudia Sheinbaum"] and actor[0]["boost"] > 10


def test_apostrophes_in_article_text_are_shown_as_apostrophes(built_site):
    text = visible_text(built_site / "briefs" / SEED_SLUG / "index.html")
    assert "yielding 'very substantial results,' such as" in text
    assert "&#" not in text


def test_feeds_and_export_are_published_with_the_site(built_site):
    for name in ("feed.xml", "feed.json", "briefs.json"):
        assert (built_site / name).is_file(), name


def json_ld(page: Path) -> dict[str, object]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert len(found) == 1, found
    data: dict[str, object] = json.loads(found[0])
    return data


def meta_tags(page: Path) -> dict[str, str]:
    """`<meta property|name=... content=...>` of a page, by property or name."""
    text = page.read_text("utf-8")
    pairs = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', text)
    return {key: html.unescape(value) for key, value in pairs}


def test_brief_json_ld_has_what_structured_data_testers_ask_for(built_site):
    data = json_ld(built_site / "briefs" / SEED_SLUG / "index.html")
    assert data["@type"] == "NewsArticle"
    address = f"https://example.github.io/policy-briefs/briefs/{SEED_SLUG}/"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": address}
    assert data["dateModified"] == data["datePublished"]
    publisher = data["publisher"]
    assert isinstance(publisher, dict) and publisher["name"] == "Policy briefs"
    assert publisher["logo"]["url"].endswith("/assets/briefs-logo.png")
    assert (built_site / "assets" / "briefs-logo.png").is_file()
    assert data["author"] == publisher
    assert data["image"] == ["https://example.github.io/policy-briefs/assets/briefs-card.png"]
    quotations = data["hasPart"]
    assert isinstance(quotations, list) and quotations
    creators = [q["creator"]["@type"] for q in quotations if "creator" in q]
    assert creators and set(creators) <= {"Person", "Organization"}


def test_actor_page_has_its_own_json_ld_and_description(built_site):
    page = built_site / "actors" / "claudia-sheinbaum" / "index.html"
    data = json_ld(page)
    assert data["@type"] == "ProfilePage"
    assert data["mainEntity"] == {"@type": "Person", "name": "Claudia Sheinbaum"}
    tags = meta_tags(page)
    assert tags["description"] == data["description"]
    assert tags["description"].startswith("Claudia Sheinbaum (person): in 1 brief")


@pytest.mark.parametrize("path", ["index.html", f"briefs/{SEED_SLUG}/index.html", "actors/mexico/index.html"])
def test_every_page_has_a_preview_image_and_twitter_card(built_site, path):
    tags = meta_tags(built_site / path)
    assert tags["og:image"] == tags["twitter:image"]
    assert tags["og:image"].startswith("https://") and tags["og:image"].endswith("/assets/briefs-card.png")
    assert tags["og:image:alt"] and tags["twitter:image:alt"] == tags["og:image:alt"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:title"] == tags["og:title"]
    assert (built_site / "assets" / "briefs-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


PAGE_TYPES = [
    "index.html",
    f"briefs/{SEED_SLUG}/index.html",
    "actors/mexico/index.html",
    "topics/economy/index.html",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_what_the_nu_checker_reported_is_gone(built_site, path):
    """Every label names a control of the page (Material's table of contents titles a toggle that its
    navigation writes beside listed pages only), and no `markdown` attribute is left in the HTML."""
    text = (built_site / path).read_text("utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', text))
    assert set(re.findall(r'<label[^>]*\sfor="([^"]+)"', text)) <= ids
    assert not re.search(r"<[a-z]+ [^>]*\bmarkdown=", text)
