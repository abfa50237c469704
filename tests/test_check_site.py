"""The built-site check: hand-made tiny sites with one fault each, the CLI, and the real seed site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check_site import SiteProblem, check_site
from generator.cli import main
from generator.site_config import read_site_url
from tests.conftest import mkdocs_build

SITE_URL = "https://example.org/briefs-site/"
HEAD = """<meta property="og:title" content="Bridge plan">
<meta property="og:description" content="The council approved it.">
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article"}</script>"""
SITEMAP_URLS = ("", "actors/", "actors/peter-hall/", "briefs/bridge/")


def html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>\n"


def clean_pages() -> dict[str, str]:
    """A site with one brief and one actor in which every check passes."""
    return {
        "index.html": html('<a href="briefs/bridge/">Bridge</a> <a href="actors/">Actors</a>'),
        "404.html": html('<a href="/briefs-site/">Home</a>'),
        "briefs/bridge/index.html": html(
            '<h2 id="quotes">Quotes</h2> <a href="#quotes">¶</a>'
            ' <a href="../../actors/peter-hall/#briefs">Peter Hall</a>'
            ' <a href="../..">Home</a> <link href="../../assets/site.css" rel="stylesheet">',
            HEAD,
        ),
        "actors/index.html": html('<a href="peter-hall/">Peter Hall</a>'),
        "actors/peter-hall/index.html": html('<h2 id="briefs">Briefs</h2> <a href="../../briefs/bridge/">'),
        "assets/site.css": "body { margin: 0 }\n",
        "sitemap.xml": sitemap(SITEMAP_URLS),
    }


def sitemap(urls: tuple[str, ...]) -> str:
    entries = "".join(f"<url><loc>{SITE_URL}{url}</loc></url>" for url in urls)
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """`make_site(**{rel_path: text or None})`: the clean site with pages replaced (None removes one)."""

    def make(changes: dict[str, str | None] | None = None) -> Path:
        root = tmp_path / "site"
        for rel_path, text in {**clean_pages(), **(changes or {})}.items():
            if text is not None:
                (root / rel_path).parent.mkdir(parents=True, exist_ok=True)
                (root / rel_path).write_text(text, "utf-8")
        return root

    return make


def messages(problems: list[SiteProblem]) -> list[str]:
    return [str(problem) for problem in problems]


def test_a_clean_site_passes(make_site):
    assert check_site(make_site(), site_url=SITE_URL) == []


def test_a_clean_site_passes_without_its_site_url(make_site):
    assert check_site(make_site()) == []


def test_a_broken_link_is_found(make_site):
    site = make_site({"index.html": html('<a href="briefs/tunnel/">Tunnel</a> <a href="actors/">A</a>')})
    assert messages(check_site(site, site_url=SITE_URL)) == [
        "index.html: contains a link 'briefs/tunnel/', but the target is not found"
    ]


def test_a_missing_file_of_the_theme_is_found(make_site):
    site = make_site({"assets/site.css": None})
    [problem] = check_site(site, site_url=SITE_URL)
    assert (problem.page, problem.check) == ("briefs/bridge/index.html", "link")
    assert "'../../assets/site.css'" in problem.message


def test_a_missing_anchor_on_another_page_is_found(make_site):
    page = clean_pages()["briefs/bridge/index.html"].replace("peter-hall/#briefs", "peter-hall/#figures")
    assert messages(check_site(make_site({"briefs/bridge/index.html": page}), site_url=SITE_URL)) == [
        "briefs/bridge/index.html: contains a link '../../actors/peter-hall/#figures', "
        "but there is no anchor '#figures' on 'actors/peter-hall/index.html'"
    ]


def test_a_missing_anchor_on_the_same_page_is_found(make_site):
    page = clean_pages()["briefs/bridge/index.html"].replace('href="#quotes"', 'href="#sources"')
    assert messages(check_site(make_site({"briefs/bridge/index.html": page}), site_url=SITE_URL)) == [
        "briefs/bridge/index.html: contains a link '#sources', but there is no anchor '#sources'"
    ]


def test_an_anchor_may_be_a_named_link(make_site):
    page = html('<a name="top"></a> <a href="#top">Top</a> <a href="briefs/bridge/">B</a> <a href="actors/">')
    assert check_site(make_site({"index.html": page}), site_url=SITE_URL) == []


def test_links_to_other_sites_and_schemes_are_not_followed(make_site):
    page = html(
        '<a href="briefs/bridge/">B</a> <a href="actors/">A</a> <a href="https://other.example/x/">x</a>'
        ' <a href="mailto:desk@example.org">mail</a> <a href="javascript:void(0)">js</a>'
        ' <img src="data:image/png;base64,AAAA"> <a href="//cdn.example/y.js">y</a>'
    )
    assert check_site(make_site({"index.html": page}), site_url=SITE_URL) == []


def test_absolute_links_into_the_site_are_followed(make_site):
    page = html(
        f'<a href="{SITE_URL}briefs/bridge/#quotes">B</a> <a href="{SITE_URL}actors">A</a>'
        f' <a href="{SITE_URL}briefs/tunnel/">T</a> <a href="/elsewhere/">E</a>'
    )
    assert messages(check_site(make_site({"index.html": page}), site_url=SITE_URL)) == [
        f"index.html: contains a link '{SITE_URL}briefs/tunnel/', but the target is not found",
        "index.html: contains a link '/elsewhere/', but the target is not found",
    ]


def test_a_brief_without_json_ld_is_found(make_site):
    page = clean_pages()["briefs/bridge/index.html"].replace("application/ld+json", "text/plain")
    [problem] = check_site(make_site({"briefs/bridge/index.html": page}), site_url=SITE_URL)
    assert str(problem) == ('briefs/bridge/index.html: has no JSON-LD <script type="application/ld+json">')
    assert problem.check == "metadata"


def test_a_brief_with_json_ld_that_is_not_json_is_found(make_site):
    page = clean_pages()["briefs/bridge/index.html"].replace('"Article"}', '"Article"')
    [problem] = check_site(make_site({"briefs/bridge/index.html": page}), site_url=SITE_URL)
    assert problem.message.startswith("has JSON-LD that is not JSON: ")


def test_a_brief_without_open_graph_tags_is_found(make_site):
    page = clean_pages()["briefs/bridge/index.html"].replace('property="og:type"', 'name="type"')
    assert messages(check_site(make_site({"briefs/bridge/index.html": page}), site_url=SITE_URL)) == [
        'briefs/bridge/index.html: has no Open Graph tag <meta property="og:type">'
    ]


def test_pages_other_than_briefs_need_no_metadata(make_site):
    assert "og:title" not in clean_pages()["actors/peter-hall/index.html"]
    assert check_site(make_site(), site_url=SITE_URL) == []


def test_an_actor_page_that_no_brief_links_to_is_found(make_site):
    site = make_site(
        {
            "actors/index.html": html('<a href="peter-hall/">P</a> <a href="ada-stone/">A</a>'),
            "actors/ada-stone/index.html": html("<h1>Ada Stone</h1>"),
            "sitemap.xml": sitemap((*SITEMAP_URLS, "actors/ada-stone/")),
        }
    )
    assert messages(check_site(site, site_url=SITE_URL)) == [
        "actors/ada-stone/index.html: is an actor page that no brief page links to"
    ]


def test_a_page_missing_from_the_sitemap_is_found(make_site):
    site = make_site({"sitemap.xml": sitemap(("", "actors/", "briefs/bridge/"))})
    assert messages(check_site(site, site_url=SITE_URL)) == [
        "actors/peter-hall/index.html: is not listed in sitemap.xml"
    ]


def test_a_page_missing_from_the_sitemap_is_found_without_the_site_url(make_site):
    site = make_site({"sitemap.xml": sitemap(("", "actors/", "briefs/bridge/"))})
    assert messages(check_site(site)) == ["actors/peter-hall/index.html: is not listed in sitemap.xml"]


def test_a_sitemap_under_another_path_lists_nothing(make_site):
    problems = check_site(make_site(), site_url="https://example.org/other/")
    assert {problem.check for problem in problems} == {"sitemap", "link"}
    assert "index.html: is not listed in sitemap.xml" in messages(problems)


def test_a_missing_sitemap_is_found(make_site):
    assert messages(check_site(make_site({"sitemap.xml": None}), site_url=SITE_URL)) == [
        "sitemap.xml: is missing"
    ]


def test_a_sitemap_that_is_not_xml_is_found(make_site):
    [problem] = check_site(make_site({"sitemap.xml": "<urlset>"}), site_url=SITE_URL)
    assert problem.message.startswith("is not valid XML: ")


def test_site_url_is_read_from_an_mkdocs_config_with_python_tags(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_url: {SITE_URL}\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        "utf-8",
    )
    assert read_site_url(config) == SITE_URL


def test_no_site_url_without_a_config(tmp_path):
    assert read_site_url(tmp_path / "mkdocs.yml") is None


# The CLI.


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write_config(root: Path) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(f"site_name: Test\nsite_url: {SITE_URL}\n", "utf-8")
    return config


def test_cli_passes_a_clean_site(runner, make_site):
    site = make_site()
    config = write_config(site.parent)
    result = runner.invoke(main, ["check-site", "-f", str(config), str(site)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{site.as_posix()}/: no problems (links, anchors, brief metadata, actor pages, sitemap)\n"
    )


def test_cli_lists_problems_under_the_site_folder_and_fails(runner, make_site, monkeypatch):
    site = make_site({"sitemap.xml": sitemap(("", "actors/", "briefs/bridge/")), "assets/site.css": None})
    write_config(site.parent)
    monkeypatch.chdir(site.parent)
    result = runner.invoke(main, ["check-site", "site/"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "site/briefs/bridge/index.html: contains a link '../../assets/site.css', but the target is not found",
        "site/actors/peter-hall/index.html: is not listed in sitemap.xml",
        "2 problem(s) in 2 page(s) of site/",
    ]


def test_cli_reads_site_url_from_mkdocs_yml_by_default(runner, make_site, monkeypatch):
    site = make_site({"index.html": html(f'<a href="{SITE_URL}missing/">M</a> <a href="briefs/bridge/">')})
    write_config(site.parent)
    monkeypatch.chdir(site.parent)
    result = runner.invoke(main, ["check-site", "site"])
    assert result.exit_code == 1
    assert f"site/index.html: contains a link '{SITE_URL}missing/', but the target is not found" in (
        result.stderr.splitlines()
    )


def test_cli_reports_an_unreadable_config(runner, make_site, tmp_path):
    config = tmp_path / "broken.yml"
    config.write_text("site_url: [unclosed\n", "utf-8")
    result = runner.invoke(main, ["check-site", "-f", str(config), str(make_site())])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {config.as_posix()}: cannot be read: ")


def test_cli_needs_an_existing_site_folder(runner, tmp_path):
    result = runner.invoke(main, ["check-site", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# The real seed site.

CHECKED_ON_THE_SEED_SITE = {"link", "anchor", "sitemap", "actor"}


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory, new_project) -> tuple[Path, str | None]:
    """The seed project built by `mkdocs build --strict`, as in test_mkdocs_build; site/ and site_url."""
    root = new_project(tmp_path_factory.mktemp("check-site") / "project", with_seeds=True)
    (root / "briefs").mkdir()  # MkDocs checks that docs_dir exists before its hook fills it.
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site", read_site_url(root / "mkdocs.yml")


def test_the_seed_site_passes_the_link_anchor_sitemap_and_actor_checks(seed_site):
    """Links, anchors, the sitemap and actor pages only: the JSON-LD and Open Graph tags of brief pages
    are not rendered yet (the reader-experience issue adds them), so the metadata check is left out here
    and tested on hand-made sites above."""
    site, site_url = seed_site
    assert site_url is not None
    problems = check_site(site, site_url=site_url)
    assert messages([p for p in problems if p.check in CHECKED_ON_THE_SEED_SITE]) == []


def test_the_seed_site_brief_pages_have_their_metadata(seed_site):
    site, site_url = seed_site
    assert messages([p for p in check_site(site, site_url=site_url) if p.check == "metadata"]) == []
