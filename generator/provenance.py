"""Where an article was first published, from an optional sidecar beside it: `seeds/NAME.meta.yml`
next to `seeds/NAME.txt` (the article's own format is left as it is).

    outlet: The Daily Example
    author: Jane Doe
    url: https://news.example.org/2026/01/harbor-bridge
    published: 2026-01-16

Every key is optional. A problem in a sidecar is a warning located in it (file, line, what was
expected); the article is still built, with the keys that were right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.model import Problem
from generator.registry import NoAliasLoader

SIDECAR_SUFFIX = ".meta.yml"
KEYS = ("outlet", "author", "url", "published")
MAX_SIDECAR_BYTES = 64 * 1024
MAX_VALUE = 500
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLE = "outlet: The Daily Example"


@dataclass(frozen=True)
class Origin:
    """The original article: its outlet, author, address and date of publication, each optional."""

    outlet: str = ""
    author: str = ""
    url: str = ""
    published: str = ""

    def __bool__(self) -> bool:
        return any((self.outlet, self.author, self.url, self.published))


def sidecar_path(article: Path) -> Path:
    """Where the sidecar of the article file `article` is: `NAME.meta.yml` beside `NAME.txt`."""
    return article.with_name(article.stem + SIDECAR_SUFFIX)


def read_origin(path: Path, source: str) -> tuple[Origin, list[Problem]]:
    """The origin that the sidecar at `path` gives (empty when there is none), and its problems;
    `source` is how messages name it. Never raises: one bad sidecar costs one article its origin."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Origin(), []
    except OSError as error:
        return Origin(), [Problem(source, 1, f"cannot read file: {error.strerror}; origin ignored")]
    if len(data) > MAX_SIDECAR_BYTES:
        return Origin(), [Problem(source, 1, f"larger than {MAX_SIDECAR_BYTES // 1024} KB; origin ignored")]
    try:
        root = yaml.compose(data.decode("utf-8-sig"), Loader=NoAliasLoader)
    except UnicodeDecodeError:
        return Origin(), [Problem(source, 1, "not valid UTF-8; origin ignored", "save the file as UTF-8")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or "syntax error"
        return Origin(), [Problem(source, line, f"not valid YAML ({problem}); origin ignored", EXAMPLE)]
    return parse_origin(root, source)


def parse_origin(root: yaml.Node | None, source: str) -> tuple[Origin, list[Problem]]:
    """The keys of a sidecar's mapping that are right, and a problem for each that is not."""
    if root is None:
        return Origin(), []
    if not isinstance(root, yaml.MappingNode):
        expected = f"expected a mapping of {', '.join(KEYS)}; origin ignored"
        return Origin(), [
            Problem(source, root.start_mark.line + 1, expected, f"write lines such as '{EXAMPLE}'")
        ]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if key not in KEYS:
            problems.append(
                Problem(
                    source,
                    line,
                    f"unknown key {str(key)[:40]!r} ignored",
                    f"expected one of {', '.join(KEYS)}",
                )
            )
            continue
        value, problem = checked_value(key, value_node)
        if problem:
            problems.append(Problem(source, value_node.start_mark.line + 1, f"{key}: {problem}; ignored"))
        else:
            values[key] = value
    return Origin(**values), problems


def checked_value(key: str, node: yaml.Node) -> tuple[str, str]:
    """The value of `key` as text, or what is wrong with it."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        return "", "expected one line of text"
    value = " ".join(str(node.value).split())
    if len(value) > MAX_VALUE:
        return "", f"longer than {MAX_VALUE} characters"
    if key == "url" and not is_web_address(value):
        return "", f"expected a web address starting with https:// or http://, found {value[:60]!r}"
    if key == "published":
        return (
            (value[:10], "")
            if is_date(value[:10])
            else ("", f"expected a date such as 2026-01-16, found {value[:40]!r}")
        )
    return value, ""


def is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(DATE.match(value))


def is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and not any(c.isspace() for c in value)
