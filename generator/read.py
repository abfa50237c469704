"""Read one article file: header line, title, summary, repeated title, body paragraphs."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from generator.model import Article, Paragraph, Problem

HEADER_EXAMPLE = "'Politics Economy 2026-01-16T19:22:08+00:00'"
ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
# Joiners shape emoji and Arabic, Persian or Indic words; beside ASCII they only split a name in two.
STRAY_JOINER = re.compile(r"(?<=[\x00-\x7f])[\u200c\u200d]+|[\u200c\u200d]+(?=[\x00-\x7f])")
# Control characters other than whitespace: invisible, and Python-Markdown uses STX/ETX as markers;
# U+FFFE and U+FFFF are not characters at all, and make an XML feed ill-formed.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufffe\uffff]")
NEWLINE = re.compile(r"\r\n?")
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
UTF16_SAMPLE = 4096
# Enough bytes for any header line: section labels and a timestamp.
HEADER_BYTES = 1024
BINARY_CONTROL_SHARE = 0.1
SAVE_AS_UTF8 = "save the file as UTF-8 to be sure every character is right"


class ArticleError(Exception):
    """The file cannot be read as an article; carries the located problem and a short reason."""

    def __init__(self, problem: Problem, reason: str = "not an article") -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.reason = reason


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines, with the number of the first one."""

    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def breaks(self) -> tuple[int, ...]:
        """Where each line after the first starts in `text`."""
        starts, offset = [], 0
        for line in self.lines[:-1]:
            offset += len(line) + 1
            starts.append(offset)
        return tuple(starts)


def read_article(path: Path, source: str) -> tuple[Article, list[Problem]]:
    """Read `path`; `source` is how messages name it. Raises ArticleError when it is not an article."""
    problems: list[Problem] = []
    text = decode(read_file_bytes(path, source), source, problems)
    return parse_article(text, printable_name(path.stem), source), problems


def read_file_bytes(path: Path, source: str) -> bytes:
    """The bytes of a regular file of at most MAX_ARTICLE_BYTES, checked before reading: a FIFO
    would block the build, a link to a device such as /dev/zero would never end. Raises ArticleError
    for anything else, OSError when the file cannot be opened."""
    # Non-blocking: opening a FIFO with no writer waits otherwise; on a regular file it changes nothing.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(
                Problem(
                    source, 1, "not a regular file (a device, a FIFO or a socket)", "move it out of seeds/"
                ),
                "not a file",
            )
        data = file.read(MAX_ARTICLE_BYTES + 1)  # a file that grows meanwhile is still bounded
        if max(info.st_size, len(data)) > MAX_ARTICLE_BYTES:
            raise too_large(source, max(info.st_size, len(data)))
        return data


def too_large(source: str, size: int) -> ArticleError:
    return ArticleError(
        Problem(
            source,
            1,
            f"file too large ({size // 2**20} MB, at most {MAX_ARTICLE_BYTES // 2**20} MB)",
            "split it into several articles",
        ),
        "too large",
    )


def printable_name(name: str) -> str:
    """A file name fit for messages and pages: undecodable bytes and control characters replaced."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return CONTROL.sub("\ufffd", re.sub(r"[\n\r\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029]", "\ufffd", name))


def decode(data: bytes, source: str, problems: list[Problem]) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with a BOM, or told by its NUL bytes or its header line) or
    UTF-32 with a BOM; other bytes are read as Windows-1252 with a warning, binary data is refused."""
    encoding, bom = sniff_encoding(data)
    if encoding:
        return decode_as(data, encoding, source, problems, bom)
    if encoding := utf16_by_header(data):
        return decode_as(data, encoding, source, problems)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.append(
            Problem(
                source,
                line_of_byte(data, error.start),
                "not valid UTF-8; read as Windows-1252",
                SAVE_AS_UTF8,
            )
        )
        text = data.decode("cp1252", errors="replace")
    refuse_binary(text, source)
    return normalize(text, source, problems)


def decode_as(data: bytes, encoding: str, source: str, problems: list[Problem], bom: bytes = b"") -> str:
    """`decode` in a known encoding: bytes not valid in it are read as U+FFFD, with a warning."""
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        problems.append(
            Problem(
                source,
                line_of_byte(data, error.start + len(bom), encoding),
                f"not valid {encoding.upper()}; bytes that are not read as U+FFFD",
                SAVE_AS_UTF8,
            )
        )
        text = data[len(bom) :].decode(encoding, errors="replace")
    refuse_binary(text, source)
    return normalize(text, source, problems)


def utf16_by_header(data: bytes) -> str | None:
    """UTF-16 without a BOM whose text is mostly Chinese, Arabic or another script outside ASCII, so
    that `sniff_encoding` sees too few NUL bytes: told by its header line, which reads as section
    labels and a timestamp in one byte order only."""
    if len(data) % 2 or b"\0" not in data[:HEADER_BYTES]:  # text in UTF-8 holds no NUL
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        first_line = data[:HEADER_BYTES].decode(encoding, errors="replace").split("\n", 1)[0]
        if first_line.split() and ISO_TIMESTAMP.match(first_line.split()[-1].rstrip("\r")):
            return encoding
    return None


def sniff_encoding(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a BOM names, else UTF-16 when every other byte of the start is NUL (ASCII in UTF-16)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, bom
    sample = data[:UTF16_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if half >= 2 and odd * 4 >= half and even * 10 <= odd:
        return "utf-16-le", b""
    if half >= 2 and even * 4 >= half and odd * 10 <= even:
        return "utf-16-be", b""
    return None, b""


def line_of_byte(data: bytes, offset: int, encoding: str = "utf-8") -> int:
    """The line (as editors count them: LF, CRLF or CR) of the byte at `offset`."""
    prefix = data[:offset].decode(encoding, errors="replace")
    return NEWLINE.sub("\n", prefix).count("\n") + 1


def refuse_binary(text: str, source: str) -> None:
    """A NUL, or control characters in a tenth of the text, mean the file is not text at all."""
    nul = text.find("\0")
    if nul >= 0:
        raise binary_error(text, nul, source, "a NUL byte")
    controls = len(CONTROL.findall(text)) + text.count("\ufffd")
    if controls > len(text) * BINARY_CONTROL_SHARE:
        first = CONTROL.search(text)
        raise binary_error(
            text, first.start() if first else text.find("\ufffd"), source, "mostly control characters"
        )


def binary_error(text: str, offset: int, source: str, evidence: str) -> ArticleError:
    return ArticleError(
        Problem(
            source,
            NEWLINE.sub("\n", text[:offset]).count("\n") + 1,
            f"binary data, not text ({evidence})",
            "articles are text files: save it as UTF-8 text, or move it out of seeds/",
        ),
        "binary data",
    )


def normalize(text: str, source: str = "", problems: list[Problem] | None = None) -> str:
    """NFC, so that one name typed two ways is one name; LF line ends; zero-width characters dropped;
    other control characters dropped with a warning."""
    text = NEWLINE.sub("\n", text.translate(INVISIBLE))
    text = STRAY_JOINER.sub("", text)
    first = CONTROL.search(text)
    if first:
        count = len(CONTROL.findall(text))
        if problems is not None:
            problems.append(
                Problem(
                    source,
                    text.count("\n", 0, first.start()) + 1,
                    f"{count} control character(s) removed (the first is U+{ord(first.group()):04X})",
                    "delete them from the file; they are invisible and not part of any text",
                )
            )
        text = CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def parse_article(text: str, article_id: str, source: str) -> Article:
    """Parse the text of an article file; see the README for the format."""
    blocks = split_blocks(text)
    if not blocks:
        raise ArticleError(
            Problem(source, 1, "empty file", f"write a header line such as {HEADER_EXAMPLE}, then the title"),
            "empty file",
        )
    header = blocks[0]
    sections, published = parse_header(header.lines[0], source, header.line)
    rest = [Block(header.lines[1:], header.line + 1)] if len(header.lines) > 1 else []
    rest += blocks[1:]
    if not rest:
        raise ArticleError(
            Problem(
                source, header.line + 1, "no title after the header line", "add a blank line, then the title"
            ),
            "no title",
        )
    title_block = rest[0]
    title = title_block.lines[0]
    after_title = [Block(title_block.lines[1:], title_block.line + 1)] if len(title_block.lines) > 1 else []
    after_title += rest[1:]
    summary_blocks, body_blocks = split_summary(after_title, title)
    paragraphs = [Paragraph(b.text, b.line, is_summary=True, breaks=b.breaks) for b in summary_blocks]
    paragraphs += [Paragraph(b.text, b.line, breaks=b.breaks) for b in body_blocks]
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
    """Group non-blank lines into blocks, numbered as editors number lines; runs of spaces become one."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(NEWLINE.sub("\n", text).split("\n"), start=1):
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
            ),
            "no header line",
        )
    try:
        published = datetime.fromisoformat(stamp)
    except ValueError as error:
        raise ArticleError(
            Problem(source, number, f"invalid timestamp {stamp!r} ({error})", "write a real date and time"),
            "invalid timestamp",
        ) from error
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    try:
        published.astimezone(UTC)  # pages and feeds show every date in UTC
    except OverflowError as error:
        raise ArticleError(
            Problem(
                source,
                number,
                f"timestamp {stamp!r} is outside the years 1 to 9999 in UTC",
                "write the date the article was published",
            ),
            "invalid timestamp",
        ) from error
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
