"""The `briefs` command through click's CliRunner: output shape, exit codes, messages, help."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from generator.cli import main

FIGURE_KEYS = ["value", "unit", "text", "measure", "change", "qualifier", "source", "sentence"]
ACTOR_KEYS = ["name", "slug", "type", "role", "aliases", "mentions"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def two_articles(tmp_path, make_article_text):
    first = tmp_path / "first.txt"
    first.write_text(make_article_text(), "utf-8")
    second = tmp_path / "second.txt"
    second.write_text(
        make_article_text(
            title="Port Traffic Falls",
            summary=None,
            body=("Shipping traffic fell 12% in March, according to the Port Authority.",),
        ),
        "utf-8",
    )
    return first, second


def test_extract_json_prints_one_object_per_line(runner, two_articles):
    result = runner.invoke(main, ["extract", "--json", *map(str, two_articles)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["first", "second"]


def test_extract_json_record_shape(runner, two_articles):
    result = runner.invoke(main, ["extract", "--json", str(two_articles[0])])
    record = json.loads(result.stdout)
    assert record["id"] == "first"
    assert record["title"] == "Harbor Council Approves New Bridge Plan"
    assert record["published"] == "2026-01-16T19:22:08+00:00"
    assert record["sections"] == ["Politics", "Economy"]
    assert record["summary"] == "Mayor Peter Hall said the council approved the bridge plan on Tuesday."
    quote = record["quotes"][0]
    assert {"text", "speaker", "sentence"} <= set(quote)
    assert quote["text"] == "We will rebuild the bridge"
    assert quote["speaker"] == "Peter Hall"
    assert isinstance(quote["sentence"], int)
    actor = next(a for a in record["actors"] if a["name"] == "Peter Hall")
    assert list(actor)[:6] == ACTOR_KEYS
    assert actor["slug"] == "peter-hall"
    assert actor["type"] == "person"
    assert actor["role"] == "Mayor"
    assert actor["mentions"] == 2


def test_extract_json_figure_shape(runner, two_articles):
    result = runner.invoke(main, ["extract", "--json", str(two_articles[1])])
    record = json.loads(result.stdout)
    assert record["summary"] == ""
    figure = record["figures"][0]
    assert list(figure) == FIGURE_KEYS
    assert figure["value"] == 12.0
    assert figure["unit"] == "%"
    assert figure["change"] == "decrease"
    assert figure["source"] == "Port Authority"


def test_extract_json_keeps_non_ascii_characters(runner, tmp_path, make_article_text):
    path = tmp_path / "accent.txt"
    path.write_text(make_article_text(body=("Minister Juan Ramón Díaz spoke on Monday.",)), "utf-8")
    result = runner.invoke(main, ["extract", "--json", str(path)])
    assert "Juan Ramón Díaz" in result.stdout


def test_extract_without_json_describes_each_article(runner, two_articles):
    result = runner.invoke(main, ["extract", str(two_articles[0])])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "first: Harbor Council Approves New Bridge Plan"
    assert "  quote   Peter Hall: 'We will rebuild the bridge'" in result.stdout


def test_extract_reports_a_bad_file_and_goes_on(runner, tmp_path, two_articles):
    bad = tmp_path / "empty.txt"
    bad.write_text("", "utf-8")
    result = runner.invoke(main, ["extract", "--json", str(bad), str(two_articles[0])])
    assert result.exit_code == 0
    assert "empty.txt:1: empty file" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["first"]


def test_extract_fails_when_no_file_is_an_article(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", "utf-8")
    result = runner.invoke(main, ["extract", "--json", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty.txt:1: empty file; write a header line" in result.stderr


def test_extract_of_a_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_extract_needs_a_file(runner):
    result = runner.invoke(main, ["extract"])
    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def commands() -> list[str]:
    assert isinstance(main, click.Group)
    return sorted(main.commands)


def test_the_cli_has_build_and_extract():
    assert {"build", "extract"} <= set(commands())


@pytest.mark.parametrize("args", [[], *([name] for name in commands())])
def test_every_command_has_help(runner, args):
    result = runner.invoke(main, [*args, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    command = main if not args else main.commands[args[0]]
    assert command.help, f"{args} has no help text"
    assert command.help.splitlines()[0] in result.stdout


@pytest.mark.parametrize("name", commands())
def test_every_option_has_help(name):
    for param in main.commands[name].params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"
