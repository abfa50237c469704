"""The reader: what it tolerates, and the located messages for what it cannot read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.model import Problem
from generator.read import ArticleError, parse_article, read_article

HEADER_HINT = "write a header line such as 'Politics Economy 2026-01-16T19:22:08+00:00', then the title"


def read_bytes(tmp_path: Path, data: bytes, name: str = "story") -> tuple:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    return read_article(path, f"seeds/{name}.txt")


def parse_error(text: str) -> Problem:
    with pytest.raises(ArticleError) as caught:
        parse_article(text, "bad", "seeds/bad.txt")
    assert str(caught.value) == str(caught.value.problem)
    return caught.value.problem


def test_reads_header_title_summary_and_body(make_article):
    article = make_article(body=("First paragraph.", "Second paragraph."))
    assert article.id == "test"
    assert article.source == "seeds/test.txt"
    assert article.sections == ("Politics", "Economy")
    assert article.published == datetime(2026, 1, 16, 19, 22, 8, tzinfo=UTC)
    assert article.title == "Harbor Council Approves New Bridge Plan"
    assert article.summary == "Mayor Peter Hall said the council approved the bridge plan on Tuesday."
    assert [p.text for p in article.paragraphs] == [article.summary, "First paragraph.", "Second paragraph."]
    assert [p.is_summary for p in article.paragraphs] == [True, False, False]


def test_paragraph_lines_are_file_lines(make_article):
    article = make_article(body=("First paragraph.", "Second paragraph."))
    assert [p.line for p in article.paragraphs] == [5, 9, 11]


def test_crlf_line_endings_read_like_lf(tmp_path, make_article_text):
    lf_article, _ = read_bytes(tmp_path, make_article_text().encode(), "lf")
    crlf_article, problems = read_bytes(tmp_path, make_article_text(newline="\r\n").encode(), "crlf")
    assert problems == []
    assert crlf_article.paragraphs == lf_article.paragraphs
    assert crlf_article.title == lf_article.title
    assert "\r" not in crlf_article.summary


def test_utf8_bom_is_dropped(tmp_path, make_article_text):
    article, problems = read_bytes(tmp_path, b"\xef\xbb\xbf" + make_article_text().encode())
    assert problems == []
    assert article.sections == ("Politics", "Economy")


def test_trailing_spaces_are_dropped(make_article_text):
    text = make_article_text().replace("\n", "   \n")
    article = parse_article(text, "test", "seeds/test.txt")
    assert article.title == "Harbor Council Approves New Bridge Plan"
    assert article.summary == "Mayor Peter Hall said the council approved the bridge plan on Tuesday."
    assert len(article.paragraphs) == 3


def test_missing_repeated_title_keeps_first_block_as_summary(make_article):
    article = make_article(repeat_title=False, body=("Body one.", "Body two."))
    assert article.summary == "Mayor Peter Hall said the council approved the bridge plan on Tuesday."
    assert [p.text for p in article.paragraphs[1:]] == ["Body one.", "Body two."]


def test_missing_summary_gives_empty_summary(make_article):
    article = make_article(summary=None, body=("Body one.", "Body two."))
    assert article.summary == ""
    assert [p.text for p in article.paragraphs] == ["Body one.", "Body two."]
    assert not any(p.is_summary for p in article.paragraphs)


def test_lines_of_one_paragraph_are_joined(make_article):
    article = make_article(body=("A first line\nwrapped onto a second.", "Next."))
    assert article.paragraphs[1].text == "A first line wrapped onto a second."


def test_many_body_paragraphs_are_kept_in_order(make_article):
    body = tuple(f"Paragraph number {n}." for n in range(1, 8))
    article = make_article(body=body)
    assert [p.text for p in article.paragraphs[1:]] == list(body)


def test_header_without_section_labels(make_article):
    article = make_article(sections=None)
    assert article.sections == ()
    assert article.published == datetime(2026, 1, 16, 19, 22, 8, tzinfo=UTC)


def test_z_timestamp_is_utc(make_article):
    article = make_article(timestamp="2026-01-16T19:22:08Z")
    assert article.published == datetime(2026, 1, 16, 19, 22, 8, tzinfo=UTC)


def test_timestamp_without_zone_is_taken_as_utc(make_article):
    article = make_article(timestamp="2026-01-16T19:22:08")
    assert article.published.tzinfo is not None
    assert article.published == datetime(2026, 1, 16, 19, 22, 8, tzinfo=UTC)


def test_other_time_zone_is_kept(make_article):
    article = make_article(timestamp="2026-01-16T13:22:08-06:00")
    assert article.published == datetime(2026, 1, 16, 19, 22, 8, tzinfo=UTC)
    assert article.published.isoformat() == "2026-01-16T13:22:08-06:00"


def test_date_only_timestamp(make_article):
    article = make_article(timestamp="2026-01-16")
    assert article.published == datetime(2026, 1, 16, tzinfo=UTC)


def test_empty_file_is_an_error_at_line_1():
    problem = parse_error("")
    assert str(problem) == f"seeds/bad.txt:1: empty file; {HEADER_HINT}"


def test_blank_only_file_is_empty():
    problem = parse_error("\n   \n\t\n")
    assert str(problem) == f"seeds/bad.txt:1: empty file; {HEADER_HINT}"


def test_header_without_timestamp_is_an_error():
    problem = parse_error("Politics Economy\n\nA title\n\nBody.\n")
    assert str(problem) == (
        "seeds/bad.txt:1: expected section labels and an ISO-8601 timestamp, found 'Politics Economy'; "
        "start the file with a line such as 'Politics Economy 2026-01-16T19:22:08+00:00'"
    )


def test_header_error_names_the_header_line_after_leading_blank_lines():
    problem = parse_error("\n\nPolitics\n\nA title\n")
    assert (problem.source, problem.line) == ("seeds/bad.txt", 3)


def test_invalid_date_is_an_error():
    problem = parse_error("Politics 2026-13-45\n\nA title\n\nBody.\n")
    assert str(problem) == (
        "seeds/bad.txt:1: invalid timestamp '2026-13-45' (month must be in 1..12); write a real date and time"
    )


def test_header_without_title_is_an_error():
    problem = parse_error("Politics 2026-01-16T19:22:08Z\n")
    assert str(problem) == "seeds/bad.txt:2: no title after the header line; add a blank line, then the title"


def test_read_article_raises_with_the_source_name(tmp_path):
    with pytest.raises(ArticleError, match=r"^seeds/story\.txt:1: empty file"):
        read_bytes(tmp_path, b"")


def test_invalid_utf8_is_read_as_windows_1252_with_a_problem(tmp_path, make_article_text):
    body = ("The council met.", "<<We will rebuild,>> Mayor Peter Hall said.")
    # 0x93 and 0x94 are Windows-1252 curly double quotes, and not valid UTF-8.
    data = make_article_text(body=body).encode().replace(b"<<", b"\x93").replace(b">>", b"\x94")
    article, problems = read_bytes(tmp_path, data)
    assert [str(p) for p in problems] == [
        "seeds/story.txt:11: not valid UTF-8; read as Windows-1252; "
        "save the file as UTF-8 to be sure every character is right"
    ]
    assert article.paragraphs[-1].text == "\u201cWe will rebuild,\u201d Mayor Peter Hall said."
    assert article.title == "Harbor Council Approves New Bridge Plan"


def test_utf16_with_bom_is_read(tmp_path, make_article_text):
    article, problems = read_bytes(tmp_path, make_article_text().encode("utf-16"))
    assert problems == []
    assert article.title == "Harbor Council Approves New Bridge Plan"


def test_zero_width_characters_are_dropped_and_text_is_nfc(tmp_path, make_article_text):
    text = make_article_text(title="Jose\u0301 Ma\u200brti\u0301 Visits")
    article, _ = read_bytes(tmp_path, text.encode())
    assert article.title == "Jos\u00e9 Mart\u00ed Visits"
    assert article.summary == "Mayor Peter Hall said the council approved the bridge plan on Tuesday."
