"""Hostile input: every good article is built, each bad one gets one located message, nothing leaks.

Every input here is made by the test. Each bad file must give exactly one `seeds/x.txt:LINE: what; how`
line, `--strict` must fail at the end, and the summary must say how many were skipped and why.
"""

from __future__ import annotations

import html
import os
import random
import re
import unicodedata
from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from generator.build import Project, build
from generator.cli import main
from generator.markup import escape_attribute, escape_markdown
from generator.read import ArticleError, read_article
from generator.resolve import slugify, unique_slugs
from generator.write import MANIFEST, WriteError, safe_path
from tests.conftest import article_text

GOOD_TITLE = "Harbor Council Approves New Bridge Plan"
HEADER_HINT = "write a header line such as 'Politics Economy 2026-01-16T19:22:08+00:00', then the title"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


def write_seed(root: Path, name: str, data: bytes | str) -> Path:
    path = root / "seeds" / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def generated(root: Path) -> dict[str, str]:
    """Every page the generator owns, by its path in briefs/."""
    out = root / "briefs"
    names = (out / MANIFEST).read_text("utf-8").splitlines()
    return {name: (out / name).read_text("utf-8") for name in names}


def garbage(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# name, bytes, expected message (exact), reason in the summary
BAD_INPUTS = [
    ("empty", b"", f"seeds/bad.txt:1: empty file; {HEADER_HINT}", "empty file"),
    ("whitespace", b"  \n\t\r\n \x0c\n   ", f"seeds/bad.txt:1: empty file; {HEADER_HINT}", "empty file"),
    (
        "binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + garbage(4096, 7),
        "seeds/bad.txt:3: binary data, not text (a NUL byte); "
        "articles are text files: save it as UTF-8 text, or move it out of seeds/",
        "binary data",
    ),
    (
        "binary without NUL",
        bytes(range(1, 32)) * 64,
        "seeds/bad.txt:1: binary data, not text (mostly control characters); "
        "articles are text files: save it as UTF-8 text, or move it out of seeds/",
        "binary data",
    ),
    (
        "no header line",
        f"{GOOD_TITLE}\n\nThe council met.\n".encode(),
        f"seeds/bad.txt:1: expected section labels and an ISO-8601 timestamp, found {GOOD_TITLE!r}; "
        "start the file with a line such as 'Politics Economy 2026-01-16T19:22:08+00:00'",
        "no header line",
    ),
    (
        "invalid date",
        article_text(timestamp="2026-13-45").encode(),
        "seeds/bad.txt:1: invalid timestamp '2026-13-45' (month must be in 1..12); "
        "write a real date and time",
        "invalid timestamp",
    ),
    (
        "no title",
        b"Politics 2026-01-16T19:22:08Z\n\n\n",
        "seeds/bad.txt:2: no title after the header line; add a blank line, then the title",
        "no title",
    ),
]


@pytest.mark.parametrize(("case", "data", "message", "reason"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_article_gets_one_message_the_rest_is_built_and_strict_fails(
    project_dir, case, data, message, reason
):
    write_seed(project_dir, "good.txt", article_text())
    write_seed(project_dir, "bad.txt", data)
    result = run_cli("build", "--root", str(project_dir), "--strict")
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("seeds/")] == [message]
    assert lines[-2].startswith(f"built 1 brief(s), skipped 1 article(s) (1 {reason}), 1 problem(s); wrote ")
    assert lines[-1] == "--strict: failing because of 1 problem(s) above"
    assert "Traceback" not in result.output
    assert frontmatter.load(project_dir / "briefs/briefs/good.md")["title"] == GOOD_TITLE
    assert not any("bad" in name for name in generated(project_dir))


def test_file_too_large_is_skipped_without_being_read(project_dir):
    write_seed(project_dir, "good.txt", article_text())
    with (project_dir / "seeds/huge.txt").open("wb") as handle:
        handle.truncate(65 * 2**20)  # sparse: costs no disk and, since it is never read, no time
    report = build(Project.at(project_dir))
    assert (report.built, report.skipped, report.why_skipped) == (1, 1, "1 too large")
    assert [str(p) for p in report.problems] == [
        "seeds/huge.txt:1: file too large (65 MB, at most 64 MB); split it into several articles"
    ]


def test_summary_counts_each_reason_for_skipping(project_dir):
    write_seed(project_dir, "good.txt", article_text())
    for name in ("a", "b"):
        write_seed(project_dir, f"{name}.txt", "")
    write_seed(project_dir, "c.txt", garbage(2048, 1) + b"\0")
    result = run_cli("build", "--root", str(project_dir))
    assert result.exit_code == 0
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith(
        "built 1 brief(s), skipped 3 article(s) (2 empty file, 1 binary data), 3 problem"
    )


# name, bytes: articles that are fine, however they are encoded or dated
GOOD_INPUTS = [
    ("utf-8 with BOM", b"\xef\xbb\xbf" + article_text().encode()),
    ("utf-16 LE with BOM", b"\xff\xfe" + article_text().encode("utf-16-le")),
    ("utf-16 BE with BOM", b"\xfe\xff" + article_text().encode("utf-16-be")),
    ("utf-16 LE without BOM", article_text().encode("utf-16-le")),
    ("utf-16 BE without BOM", article_text().encode("utf-16-be")),
    ("utf-32 with BOM", article_text().encode("utf-32")),
    ("CRLF line ends", article_text(newline="\r\n").encode()),
    ("CR line ends", article_text(newline="\r").encode()),
    ("future date", article_text(timestamp="2999-12-31T23:59:59+14:00").encode()),
    ("earliest date", article_text(timestamp="0001-01-01T00:00:00-12:00").encode()),
]


@pytest.mark.parametrize(("case", "data"), GOOD_INPUTS, ids=[c[0] for c in GOOD_INPUTS])
def test_good_article_in_any_encoding_is_built_without_problems(project_dir, case, data):
    write_seed(project_dir, "story.txt", data)
    result = run_cli("build", "--root", str(project_dir), "--strict")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("built 1 brief(s), skipped 0 article(s), 0 problem(s)")
    brief = frontmatter.load(project_dir / "briefs/briefs/story.md")
    assert brief["title"] == GOOD_TITLE
    assert [q["text"] for q in brief["quotes"]] == ["We will rebuild the bridge"]


def test_utf16_line_numbers_in_messages_count_lines_of_the_text(tmp_path):
    text = article_text(body=('"An open quote never closed.',))
    for data in (text.encode("utf-16"), text.encode("utf-16-le")):
        (tmp_path / "x.txt").write_bytes(data)
        article, problems = read_article(tmp_path / "x.txt", "seeds/x.txt")
        assert problems == []
        assert article.paragraphs[-1].line == 9


def test_windows_1252_article_is_built_with_one_warning(project_dir):
    title = "Caf\u00e9 Owners Meet the Mayor \u2014 Pe\u00f1a Speaks"
    data = article_text(title=title).encode("cp1252")
    write_seed(project_dir, "latin.txt", data)
    result = run_cli("build", "--root", str(project_dir), "--strict")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("seeds/")] == [
        "seeds/latin.txt:3: not valid UTF-8; read as Windows-1252; "
        "save the file as UTF-8 to be sure every character is right"
    ]
    assert "built 1 brief(s), skipped 0 article(s), 1 problem(s)" in result.stderr
    assert html.unescape(frontmatter.load(project_dir / "briefs/briefs/latin.md")["title"]) == title


def test_invalid_utf16_is_read_with_replacement_characters_and_a_warning(tmp_path):
    data = article_text().encode("utf-16") + b"\x00\xd8"  # a lone high surrogate at the end
    (tmp_path / "x.txt").write_bytes(data)
    article, problems = read_article(tmp_path / "x.txt", "seeds/x.txt")
    assert article.title == GOOD_TITLE
    assert [p.message for p in problems] == ["not valid UTF-16-LE; bytes that are not read as U+FFFD"]


def test_control_characters_are_removed_with_one_warning(project_dir):
    # STX/ETX are Python-Markdown's own placeholder markers: article text must never carry them.
    body = ("The council met.", "A bell \x07 rang and \x02wzxhzdk:0\x03 was typed.")
    write_seed(project_dir, "bell.txt", article_text(body=body))
    report = build(Project.at(project_dir))
    assert [str(p) for p in report.problems] == [
        "seeds/bell.txt:11: 3 control character(s) removed (the first is U+0007); "
        "delete them from the file; they are invisible and not part of any text"
    ]
    page = (project_dir / "briefs/briefs/bell.md").read_text("utf-8")
    assert "A bell rang and wzxhzdk:0 was typed." in page
    assert not re.search(r"[\x00-\x08\x0e-\x1f\x7f]", page)


def test_one_megabyte_line_and_very_long_words_are_built(project_dir):
    line = " ".join(["Council"] + ["x" * 997] * 1000)
    write_seed(project_dir, "long.txt", article_text(body=(line, "y" * 100_000)))
    report = build(Project.at(project_dir))
    assert (report.built, report.problems) == (1, ())
    page = (project_dir / "briefs/briefs/long.md").read_text("utf-8")
    assert "y" * 100_000 in page


def test_twenty_megabyte_article_is_built(project_dir):
    paragraph = "The committee met again by the river and talked for a long time about the weather. " * 10
    count = 20 * 2**20 // len(paragraph) + 1
    write_seed(project_dir, "big.txt", article_text(body=(paragraph,) * count))
    assert (project_dir / "seeds/big.txt").stat().st_size > 20 * 2**20
    report = build(Project.at(project_dir))
    assert (report.built, report.skipped, report.problems) == (1, 0, ())
    assert frontmatter.load(project_dir / "briefs/briefs/big.md")["title"] == GOOD_TITLE


YAML_LOOKING_TITLES = [
    "key: value",
    "- item",
    "---",
    "...",
    "&anchor",
    "*alias",
    "!!python/object/apply:os.system ['echo hacked']",
    "!!binary aGVsbG8=",
    "? complex key",
    "| literal",
    "> folded",
    "%YAML 1.2",
    "@reserved",
    "`backtick`",
    "# not a comment",
    "'single' and \"double\" quotes",
    "null",
    "true",
    "1e3",
    "2026-01-16",
    "~",
    "{flow: mapping}",
    "[flow, sequence]",
    "title: nested\ntitle: twice",
]


def test_titles_that_look_like_yaml_come_back_exactly(project_dir):
    for number, title in enumerate(YAML_LOOKING_TITLES):
        write_seed(project_dir, f"y{number:02}.txt", article_text(title=title.replace("\n", " ")))
    report = build(Project.at(project_dir))
    assert (report.built, report.problems) == (len(YAML_LOOKING_TITLES), ())
    for number, title in enumerate(YAML_LOOKING_TITLES):
        brief = frontmatter.load(project_dir / f"briefs/briefs/y{number:02}.md")
        assert html.unescape(brief["title"]) == title.replace("\n", " ")
        assert brief["id"] == f"y{number:02}"
        assert brief["date"] == "2026-01-16T19:22:08+00:00"


def test_duplicate_titles_get_unique_slugs_that_are_stable(project_dir):
    for name in ("first", "second", "third"):
        write_seed(project_dir, f"{name}.txt", article_text(title="Same Title"))
    build(Project.at(project_dir))
    pages = generated(project_dir)
    briefs = sorted(name for name in pages if name.startswith("briefs/") and name.endswith(".md"))
    assert briefs == ["briefs/first.md", "briefs/second.md", "briefs/third.md"]
    assert all(frontmatter.loads(pages[name])["title"] == "Same Title" for name in briefs)
    report = build(Project.at(project_dir))
    assert report.changes.is_empty
    assert generated(project_dir) == pages


HOSTILE_BODY = (
    "---",
    "# Heading with *emphasis*, **strong**, `code`, ~~strike~~ and a | table | row |",
    "<script>alert(1)</script> and <img src=x onerror=alert(2)> and <iframe src=//evil></iframe>",
    "Jinja: {{ 7*7 }} and {% include 'base.html' %} and {# comment #}",
    "Links: [click](../actors/peter-hall.md) and ![image](x.png) and [[wiki]] and <https://evil.example>",
    '!!! danger "Injected admonition"',
    "1. Not a list item",
    "{: .class onclick=alert(3) } attr list and &amp; an entity and &#60;b&#62;",
)


def test_hostile_text_is_inert_in_the_markdown(project_dir):
    title = "<script>alert('t')</script> {{ 7*7 }} [x](y.md)"
    summary = 'He said "x"><img src=x onerror=alert(4)> "y" --- description'
    write_seed(project_dir, "evil.txt", article_text(title=title, summary=summary, body=HOSTILE_BODY))
    report = build(Project.at(project_dir))
    assert (report.built, report.problems) == (1, ())
    pages = {
        name: frontmatter.loads(text) for name, text in generated(project_dir).items() if name.endswith(".md")
    }
    for rel_path, page in pages.items():
        # Front matter is data; only the keys themes print as HTML must be escaped there.
        shown = " ".join(str(page.get(key, "")) for key in ("title", "description"))
        assert "<" not in shown and '"' not in shown, rel_path
        body = page.content
        lowered = body.lower()
        assert "<script" not in lowered, rel_path
        assert "<img" not in lowered and "<iframe" not in lowered, rel_path
        assert not re.search(r"<[^>]*\son\w+\s*=", lowered), rel_path
        # Raw HTML lines (the source text) are not read as Markdown; every other line is.
        markdown = "\n".join(line for line in body.splitlines() if not line.startswith("<"))
        assert "](y.md)" not in markdown and "](../actors/peter-hall.md) and" not in markdown, rel_path
        assert "\n!!! danger" not in body and "\n---\n" not in body, rel_path
    brief = frontmatter.load(project_dir / "briefs/briefs/evil.md")
    assert brief["title"] == html.escape(title, quote=False).replace('"', "&quot;")
    assert html.unescape(brief["title"]) == title
    assert html.unescape(brief["description"]) == summary
    assert brief["summary"] == summary


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "***",
        "- item",
        "+ item",
        "1. item",
        "1) item",
        "# heading",
        "> quote",
        "!!! note",
        "=== tab",
        "    indented code",
        "| a | b |",
        "<div>raw</div>",
        "line one\nline two\n\n---",
        "a\x02wzxhzdk:0\x03b",
    ],
)
def test_escaped_markdown_opens_no_block_and_stays_one_line(text):
    escaped = escape_markdown(text)
    assert "\n" not in escaped
    assert not re.match(r"[-+*#>!=|<:~ ]|\d+[.)]", escaped)
    assert "\x02" not in escaped and "\x03" not in escaped
    assert html.unescape(escaped) == " ".join(
        text.replace("\x02", "\ufffd").replace("\x03", "\ufffd").split()
    )


def test_escaped_attribute_cannot_close_the_attribute():
    value = escape_attribute('" onload="alert(1)" \' <b>\nnext')
    assert not set("\"'<>\n") & set(value)
    assert html.unescape(value) == '" onload="alert(1)" \' <b> next'


def test_names_in_nfd_and_nfc_are_one_actor_end_to_end(project_dir):
    nfc = "Ram\u00f3n Garc\u00eda"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    for name, form in (("one", nfc), ("two", nfd)):
        body = (f'"We will rebuild the bridge," Mayor {form} said on Tuesday.', f"{form} spoke for an hour.")
        write_seed(project_dir, f"{name}.txt", article_text(summary=None, body=body))
    build(Project.at(project_dir))
    pages = generated(project_dir)
    ramon = [name for name in pages if name.startswith("actors/ramon")]
    assert ramon == ["actors/ramon-garcia.md"]
    profile = frontmatter.loads(pages["actors/ramon-garcia.md"])
    assert profile["title"] == nfc
    for brief in ("briefs/one.md", "briefs/two.md"):
        actors = frontmatter.loads(pages[brief])["actors"]
        assert [(a["name"], a["slug"]) for a in actors if a["slug"].startswith("ramon")] == [
            (nfc, "ramon-garcia")
        ]
        assert "ramon-garcia.md" in pages[brief]


def test_rtl_text_emoji_and_zero_width_characters(project_dir):
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    arabic = "\u0645\u0631\u062d\u0628\u0627"
    body = (
        f"Pe\u200bter Ha\u200dll met the press. {arabic} {persian} {family} \U0001f389.",
        '"We will rebuild the bridge," Peter Hall said.',
    )
    write_seed(
        project_dir, "mixed.txt", article_text(title=f"Bridge \u05e9\u05dc\u05d5\u05dd {family}", body=body)
    )
    report = build(Project.at(project_dir))
    assert (report.built, report.problems) == (1, ())
    brief = frontmatter.load(project_dir / "briefs/briefs/mixed.md")
    assert brief["title"] == f"Bridge \u05e9\u05dc\u05d5\u05dd {family}"
    assert family in brief.content and persian in brief.content
    assert "\u200b" not in brief.content
    assert [a["name"] for a in brief["actors"] if a["type"] == "person"] == ["Peter Hall"]


def test_titles_that_look_like_paths_stay_titles(project_dir, tmp_path):
    titles = {"passwd": "../../etc/passwd", "con": "CON", "ab": "a/b", "abs": "/etc/shadow", "nul": "NUL.txt"}
    for stem, title in titles.items():
        write_seed(project_dir, f"{stem}.txt", article_text(title=title))
    build(Project.at(project_dir))
    pages = generated(project_dir)
    for stem, title in titles.items():
        slug = slugify(stem, "brief")
        assert frontmatter.loads(pages[f"briefs/{slug}.md"])["title"] == title
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and project_dir not in p.parents]
    assert outside == []


STEMS = {
    "CON": "con-1",
    "nul": "nul-1",
    "a b": "a-b-2",
    "a-b": "a-b",
    "\u00dcn\u00efc\u00f6d\u00e9": "unicode",
    "..": None,
    "\u5317\u4eac": None,
    "\U0001f389": None,
}


def test_file_names_with_spaces_non_ascii_and_device_names(project_dir):
    for stem in STEMS:
        write_seed(project_dir, f"{stem}.txt", article_text(title=f"About {stem}"))
    report = build(Project.at(project_dir))
    assert (report.built, report.problems) == (len(STEMS), ())
    pages = generated(project_dir)
    by_id = {
        frontmatter.loads(text)["id"]: name
        for name, text in pages.items()
        if name.startswith("briefs/") and name.endswith(".md")
    }
    assert set(by_id) == set(STEMS)
    for stem, slug in STEMS.items():
        segment = by_id[stem].removeprefix("briefs/").removesuffix(".md")
        assert SLUG.fullmatch(segment), segment
        if slug:
            assert segment == slug
        else:
            assert re.fullmatch(r"brief-[0-9a-f]{8}", segment)
    assert len(set(by_id.values())) == len(STEMS)
    assert build(Project.at(project_dir)).changes.is_empty


def test_a_file_name_that_is_not_utf8_is_named_with_a_replacement_character(project_dir):
    path = os.fsencode(project_dir / "seeds") + b"/caf\xe9 \x1b[31m.txt"
    try:
        Path(os.fsdecode(path)).write_text(article_text(), "utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take file names that are not UTF-8")
    write_seed(project_dir, "bad.txt", "")
    result = run_cli("build", "--root", str(project_dir))
    assert result.exit_code == 0, result.output
    brief = frontmatter.load(project_dir / "briefs/briefs/caf-31m.md")
    assert brief["id"] == "caf\ufffd \ufffd[31m"
    assert brief["source"] == "seeds/caf\ufffd \ufffd[31m.txt"
    assert "\x1b" not in result.output


UNSAFE_REL_PATHS = [
    "../outside.md",
    "briefs/../../outside.md",
    "/etc/passwd",
    "",
    "briefs//x.md",
    "briefs/./x.md",
    ".hidden.md",
    "briefs/.x.md",
    "briefs\\..\\x.md",
    "C:/x.md",
    "c:x.md",
    "con.md",
    "briefs/LPT1.md",
    "x.md.",
    "x.md ",
    "a\x00b.md",
    "a\nb.md",
]


@pytest.mark.parametrize("rel_path", UNSAFE_REL_PATHS)
def test_safe_path_refuses_anything_but_plain_names(tmp_path, rel_path):
    with pytest.raises(WriteError, match="refusing to write"):
        safe_path(tmp_path / "briefs", rel_path)


def test_safe_path_accepts_generated_paths(tmp_path):
    out = tmp_path / "briefs"
    assert safe_path(out, "briefs/a-b.md") == out / "briefs" / "a-b.md"
    assert safe_path(out, "actors/index.md") == out / "actors" / "index.md"


def test_a_linked_folder_leading_outside_is_refused(project_dir, tmp_path):
    write_seed(project_dir, "good.txt", article_text())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project_dir / "briefs").mkdir()
    (project_dir / "briefs/actors").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(WriteError, match="refusing to write outside"):
        build(Project.at(project_dir))
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["CON", "con", "Aux", "..", ".", "a/b", "a\\b", "../../etc/passwd", "", " ", "\u5317\u4eac"]
)
def test_slugify_gives_a_safe_segment_for_hostile_names(name):
    slug = slugify(name, "brief")
    assert SLUG.fullmatch(slug)
    assert slug.split("-")[0] not in {"con", "aux", "nul", "prn"} or slug.endswith("-1")
    safe_path(Path("briefs"), f"briefs/{slug}.md")
    assert slugify(name, "brief") == slug


def test_unique_slugs_do_not_depend_on_the_order_of_names():
    names = ["a b", "a-b", "A-B", "a_b", "..", "...", "CON", "con-1"]
    slugs = unique_slugs(names, "brief")
    assert len(set(slugs.values())) == len(names)
    assert slugs["a-b"] == "a-b"
    assert slugs["con-1"] == "con-1"
    assert unique_slugs(list(reversed(names)), "brief") == slugs


def test_hand_written_file_in_a_generated_folder_survives_when_the_folder_empties(project_dir):
    write_seed(project_dir, "good.txt", article_text())
    project = Project.at(project_dir)
    build(project)
    notes = project_dir / "briefs/actors/notes.md"
    notes.write_text("# Notes\n\nWritten by hand.\n", "utf-8")
    hidden = project_dir / "briefs/briefs/.keep"
    hidden.write_text("", "utf-8")
    stat = notes.stat()
    (project_dir / "seeds/good.txt").unlink()
    report = build(project)
    assert "actors/peter-hall.md" in report.changes.removed
    assert notes.read_text("utf-8") == "# Notes\n\nWritten by hand.\n"
    assert notes.stat().st_mtime_ns == stat.st_mtime_ns
    assert hidden.exists()
    assert "actors/notes.md" not in (project_dir / "briefs" / MANIFEST).read_text("utf-8")


def test_reading_a_folder_named_like_an_article_is_a_located_problem(project_dir):
    write_seed(project_dir, "good.txt", article_text())
    (project_dir / "seeds/folder.txt").mkdir()
    report = build(Project.at(project_dir))
    assert (report.built, report.skipped, report.why_skipped) == (1, 1, "1 unreadable")
    assert [p.source for p in report.problems] == ["seeds/folder.txt"]


def test_read_article_raises_only_article_errors_for_bad_bytes(tmp_path):
    for number, data in enumerate([b"\xff\xfe", b"\xfe\xff\x00", b"\x00" * 10, garbage(100, 3)]):
        path = tmp_path / f"{number}.txt"
        path.write_bytes(data)
        with pytest.raises(ArticleError):
            read_article(path, f"seeds/{number}.txt")
