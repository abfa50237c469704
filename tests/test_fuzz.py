"""Property-based tests: front matter round trips, escaping holds, reading and extraction never crash."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

import frontmatter
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta

from generator.extract import extract_article
from generator.markup import dump_front_matter, escape_markdown, front_matter_values
from generator.model import Actor, Article, Extraction, Paragraph, Quote, Sentence, Span
from generator.read import ArticleError, decode, parse_article
from generator.records import front_matter
from generator.resolve import slugify, unique_slugs
from generator.write import safe_path
from tests.conftest import article_text

FUZZ = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Any character a file can hold once decoded (surrogates cannot be), with the awkward ones made likely.
AWKWARD = list(
    " \t\n\r\x0b\x0c\x85\xa0\u2028\u2029\u3000\ufeff\ufffe\u200b\u200d\u202e\x00\x1b\x7f\x9f"
    "-.:#'\"!&*?|>%@`{}[],\\"
)
# Whole values that YAML reads as something other than text when written plain.
YAML_WORDS = ["yes", "No", "off", "null", "~", "true", "1e3", "0x1F", "1_000", ".inf", "2024-01-01", "<<"]
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=120) | st.lists(
    st.sampled_from([*AWKWARD, *YAML_WORDS, "a", "---", "...", "\U0001f600"]), max_size=100
).map("".join)
SLUG_SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MKDOCS_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def extraction_of(title: str, quote: str, name: str, alias: str) -> Extraction:
    """An extraction holding the given strings wherever front matter carries article text."""
    article = Article(
        id=title[:20],
        source=f"seeds/{name[:20]}.txt",
        sections=(alias, title),
        published=datetime(2026, 1, 16, tzinfo=UTC),
        title=title,
        summary=quote,
        paragraphs=(Paragraph(quote, 5, is_summary=True),),
    )
    sentence = Sentence(0, 0, 0, len(quote), quote)
    actor = Actor(name, "person", alias or None, (alias,), 1, 0)
    spoken = Quote(quote, name, "full", Span(0, 0, len(quote)))
    return Extraction(article, (sentence,), (actor,), (spoken,), ())


@settings(FUZZ, max_examples=400)
@given(TEXT, TEXT, TEXT, TEXT)
def test_front_matter_loads_back_to_exactly_the_values_written(title, quote, name, alias):
    metadata = front_matter(extraction_of(title, quote, name, alias), {name: slugify(name, "actor")})
    page = f"{dump_front_matter(metadata)}\n# Body\n"
    written = front_matter_values(metadata)
    assert frontmatter.loads(page).metadata == written
    content, mkdocs_meta = meta.get_data(page)
    assert mkdocs_meta == written
    assert content.strip() == "# Body"
    # Only what themes print as HTML is escaped, and unescaping gives the article's text back.
    assert html.unescape(written["title"]) == title
    assert html.unescape(written["description"]) == quote
    assert written["quotes"][0]["text"] == quote
    assert written["actors"][0]["name"] == name
    assert written["actors"][0]["aliases"] == [alias]


@settings(FUZZ, max_examples=300)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=80).filter(str.strip))
@pytest.mark.parametrize(
    "template",
    [
        "{}",
        "- {}",
        "# {}",
        "> {}",
        "[{}](a.md)",
        "| {} | b |\n| --- | --- |\n| {} | b |",
        "!!! note\n\n    {}",
    ],
)
def test_escaped_text_is_inert_markdown_in_every_context(template, text):
    """Markdown of escaped text has the structure of Markdown of a plain word, and shows the text."""

    def render(content: str) -> str:
        return markdown.markdown(template.format(content, content), extensions=MKDOCS_EXTENSIONS)

    rendered = render(escape_markdown(text))
    tags = re.findall(r"</?[a-z0-9]+", rendered)
    assert tags == re.findall(r"</?[a-z0-9]+", render("word"))
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
    assert " ".join(text.split()) in shown


@settings(FUZZ, max_examples=500)
@given(TEXT)
def test_slugify_gives_a_safe_stable_segment(text):
    slug = slugify(text, "brief")
    assert SLUG_SEGMENT.fullmatch(slug)
    assert slug == slugify(text, "brief")
    safe_path(Path("briefs"), f"briefs/{slug}.md")


@FUZZ
@given(st.lists(TEXT, unique=True, max_size=12), st.randoms())
def test_unique_slugs_are_unique_and_independent_of_order(names, random):
    slugs = unique_slugs(names, "brief")
    assert len(set(slugs.values())) == len(names)
    shuffled = list(names)
    random.shuffle(shuffled)
    assert unique_slugs(shuffled, "brief") == slugs


@settings(FUZZ, max_examples=300)
@given(st.binary(max_size=600))
def test_decoding_any_bytes_gives_text_or_an_article_error(data):
    problems: list = []
    try:
        text = decode(data, "seeds/x.txt", problems)
    except ArticleError as error:
        assert error.problem.source == "seeds/x.txt"
        return
    assert isinstance(text, str)
    assert "\x00" not in text


@settings(FUZZ, max_examples=300)
@given(st.text(max_size=400))
def test_parsing_any_text_gives_an_article_or_an_article_error(text):
    try:
        article = parse_article(text, "x", "seeds/x.txt")
    except ArticleError as error:
        assert error.problem.line >= 1
        return
    extract_article(article)


PROSE = st.lists(
    st.sampled_from(
        [
            "said",
            "Mayor",
            "Peter",
            "Hall",
            '"',
            "\u201c",
            "\u201d",
            "'",
            "12%",
            "$3.5",
            "million",
            "rose",
            "fell",
            "according",
            "to",
            "the",
            "Council",
            ".",
            ",",
            "Mr.",
            "U.S.",
            "(",
            ")",
            "\n\n",
            "-",
            "he",
            "she",
            "told",
            "reporters",
        ]
    )
    | TEXT,
    max_size=80,
).map(" ".join)


@settings(FUZZ, max_examples=300)
@given(PROSE, PROSE, TEXT)
def test_extraction_never_crashes_on_any_article_body(summary, body, title):
    text = article_text(title=title.strip() or "Title", summary=summary or None, body=(body or "Body.",))
    try:
        article = parse_article(text, "x", "seeds/x.txt")
    except ArticleError:
        return
    extraction = extract_article(article)
    assert all(problem.source == "seeds/x.txt" for problem in extraction.problems)
