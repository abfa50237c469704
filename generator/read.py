"""Read one article file: header line, title, summary, repeated title, body paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from generator.model import Article, Paragraph, Problem

HEADER_EXAMPLE = "'Politics Economy 2026-01-16T19:22:08+00:00'"
ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


class ArticleError(Exception):
    """The file cannot be read as an article; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines, with the number of the first one."""

    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def read_article(path: Path, source: str) -> tuple[Article, list[Problem]]:
    """Read `path`; `source` is how messages name it. Raises ArticleError when it is not an article."""
    problems: list[Problem] = []
    text = decode(path.read_bytes(), source, problems)
    return parse_article(text, path.stem, source), problems


def decode(data: bytes, source: str, problems: list[Problem]) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; other bytes are read as Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalize(data.decode("utf-16"))
    try:
        return normalize(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            Problem(
                source,
                line,
                "not valid UTF-8; read as Windows-1252",
                "save the file as UTF-8 to be sure every character is right",
            )
        )
        return normalize(data.decode("cp1252", errors="replace"))


def normalize(text: str) -> str:
    """NFC, so that one name typed two ways is one name; zero-width characters dropped."""
    return unicodedata.normalize("NFC", text.translate(INVISIBLE))


def parse_article(text: str, article_id: str, source: str) -> Article:
    """Parse the text of an article file; see the README for the format."""
    blocks = split_blocks(text)
    if not blocks:
        raise ArticleError(
            Problem(source, 1, "empty file", f"write a header line such as {HEADER_EXAMPLE}, then the title")
        )
    header = blocks[0]
    sections, published = parse_header(header.lines[0], source, header.line)
    rest = [Block(header.lines[1:], header.line + 1)] if len(header.lines) > 1 else []
    rest += blocks[1:]
    if not rest:
        raise ArticleError(
            Problem(
                source, header.line + 1, "no title after the header line", "add a blank line, then the title"
            )
        )
    title_block = rest[0]
    title = title_block.lines[0]
    after_title = [Block(title_block.lines[1:], title_block.line + 1)] if len(title_block.lines) > 1 else []
    after_title += rest[1:]
    summary_blocks, body_blocks = split_summary(after_title, title)
    paragraphs = [Paragraph(b.text, b.line, is_summary=True) for b in summary_blocks]
    paragraphs += [Paragraph(b.text, b.line) for b in body_blocks]
    return Article(
        id=article_id,
        source=source,
        sections=sections,
        published=published,
        title=title,
        summary=" ".join(b.text for b in summary_blocks),
        paragraphs=tuple(paragraphs),
    )


def split_blocks(text: str) -> list[Block]:
    """Group non-blank lines into blocks; trailing spaces and CR are dropped."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(Block(tuple(current), start))
            current = []
    if current:
        blocks.append(Block(tuple(current), start))
    return blocks


def parse_header(line: str, source: str, number: int) -> tuple[tuple[str, ...], datetime]:
    """Section labels, then an ISO-8601 timestamp as the last word."""
    *labels, stamp = line.split()
    if not ISO_TIMESTAMP.match(stamp):
        raise ArticleError(
            Problem(
                source,
                number,
                f"expected section labels and an ISO-8601 timestamp, found {line[:60]!r}",
                f"start the file with a line such as {HEADER_EXAMPLE}",
            )
        )
    try:
        published = datetime.fromisoformat(stamp)
    except ValueError as error:
        raise ArticleError(
            Problem(source, number, f"invalid timestamp {stamp!r} ({error})", "write a real date and time")
        ) from error
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return tuple(labels), published


def split_summary(blocks: list[Block], title: str) -> tuple[list[Block], list[Block]]:
    """The summary runs up to the repeated title; without a repeat, it is the first paragraph."""
    key = title.casefold()
    for position, block in enumerate(blocks):
        if block.text.casefold() == key:
            return blocks[:position], blocks[position + 1 :]
    if len(blocks) > 1:
        return blocks[:1], blocks[1:]
    return [], blocks
