"""A real `mkdocs build --strict` of articles full of markup: in the HTML it is all text, none of it runs."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import article_text, mkdocs_build

TITLE = "<script>alert(1)</script> {{ 7*7 }} & [link](../actors/index.md)"
SUMMARY = 'A summary with "quotes"><img src=x onerror=alert(2)> and {% include "base.html" %}.'
BODY = (
    "<script>alert(3)</script> was typed into the article.",
    "An image <img src=x onerror=alert(4)> and a frame <iframe src=https://evil.example></iframe>.",
    "Jinja {{ 7*7 }} and {% include 'main.html' %} stay as written.",
    "---",
    '!!! danger "Injected"',
    "# Not a heading, *not emphasis*, [not a link](../index.md), ![not an image](x.png)",
    '"We will rebuild the bridge," Mayor Peter Hall said.',
)
# A section label is one word of the header line: it can still be markup (themes print tags raw).
SECTION = "<svg/onload=alert(5)>"
EVENT_ATTRIBUTE = re.compile(r"on[a-z]+")


class Elements(HTMLParser):
    """Every element of a page with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[str, str]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append((dict(attrs).get("type") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


def elements_of(page: Path) -> Elements:
    parser = Elements()
    parser.feed(page.read_text("utf-8"))
    return parser


def visible_text(page_html: str) -> str:
    without_code = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_code))


@pytest.fixture(scope="module")
def site(tmp_path_factory, new_project) -> Path:
    root = new_project(tmp_path_factory.mktemp("hostile") / "project")
    text = article_text(sections=f"Politics {SECTION}", title=TITLE, summary=SUMMARY, body=BODY)
    (root / "seeds" / "evil.txt").write_text(text, "utf-8")
    (root / "briefs").mkdir()
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def brief_page(site) -> Path:
    return site / "briefs" / "evil" / "index.html"


def test_no_page_has_an_element_or_script_from_the_article(site):
    for page in sorted(site.rglob("*.html")):
        parsed = elements_of(page)
        tags = {tag for tag, _ in parsed.elements}
        assert "iframe" not in tags, page
        assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in parsed.elements), page
        for tag, attrs in parsed.elements:
            assert not any(EVENT_ATTRIBUTE.fullmatch(name) for name in attrs), (page, tag, attrs)
        # JSON-LD is data, not code: test_json_ld_holds_the_title_as_data reads it.
        code = [text for kind, text in parsed.scripts if kind != "application/ld+json"]
        assert not any("alert(" in text for text in code), page


def test_json_ld_holds_the_title_as_data(brief_page):
    page = brief_page.read_text("utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    for block in blocks:
        assert "</script" not in block.lower()
        data = json.loads(block)
        assert data.get("headline", TITLE) == TITLE


def test_script_tags_are_shown_as_text(brief_page):
    page = brief_page.read_text("utf-8")
    assert "&lt;script&gt;" in page or "&#60;script&#62;" in page
    assert "<script>alert" not in page
    assert not re.search(r"<img[^>]*onerror", page)
    text = visible_text(page)
    assert "<script>alert(1)</script>" in text
    assert "<script>alert(3)</script> was typed into the article." in text
    assert "<img src=x onerror=alert(4)>" in text


def test_jinja_syntax_is_shown_as_written_not_evaluated(brief_page):
    page = brief_page.read_text("utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page, re.S)
    assert heading is not None
    assert visible_text(heading.group(1)).strip() == TITLE
    text = visible_text(page)
    assert "Jinja {{ 7*7 }} and {% include 'main.html' %} stay as written." in text
    assert "49" not in heading.group(1)


def test_title_and_description_in_the_head_are_exact_text(brief_page):
    parsed = elements_of(brief_page)
    page = brief_page.read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None
    assert html.unescape(title.group(1)) == f"{TITLE} - Policy briefs"
    descriptions = [
        a.get("content") for t, a in parsed.elements if t == "meta" and a.get("name") == "description"
    ]
    assert descriptions == [SUMMARY]


def test_markdown_in_the_article_makes_no_structure(brief_page):
    page = brief_page.read_text("utf-8")
    article = re.search(r"<article\b.*?</article>", page, re.S)
    assert article is not None
    content = article.group()
    assert len(re.findall(r"<h1\b", content)) == 1
    assert "<hr" not in content
    assert "admonition danger" not in content
    assert "<em>not emphasis</em>" not in content
    assert 'href="../../index.md"' not in content and 'href="../../"' not in content.split("Not a heading")[1]


def test_search_index_titles_are_escaped_text(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert html.unescape(titles["briefs/evil/"]) == TITLE
    assert "<script" not in titles["briefs/evil/"]
