"""How values are written into pages: article text made inert for Markdown and HTML, front matter
dumped as YAML, numbers and amounts formatted without locale."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any

import yaml

from generator.model import Figure

MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>&#|")
MARKDOWN_ENTITIES = {ord(c): f"&#{ord(c)};" for c in MARKDOWN_SPECIALS}
LIST_MARKER = re.compile(r"^(\d+)([.)])|^([-+])(?=\s)")
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
RANGE_DASH = "\u2013"
CURRENCY_PREFIXES = frozenset({"$", "€", "£", "¥", "₹", "HK$", "A$", "C$", "NZ$", "R$"})
# Characters that open block syntax at the start of a line: rules (---), lists, admonitions (!!!)...
BLOCK_STARTERS = frozenset("-+=!:~?%")
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Front matter keys that MkDocs themes insert into HTML unescaped (<title>, <meta content="...">, nav).
HTML_KEYS = frozenset({"title", "description", "tags"})
# A plain scalar may not start with an indicator (or a space): it would read as other syntax.
PLAIN_UNSAFE_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# What other YAML readers take for a boolean (YAML 1.1's y/n) or a number (YAML 1.2's 1e3, 0o17) but
# PyYAML for a string: quoted anyway, so that a person or another tool reads the page alike.
OTHER_IMPLICIT = re.compile(r"[yYnN]|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+")
# The tag-resolution rules of the loaders that read our front matter (all of PyYAML's): a plain scalar
# is a string only where they resolve it to one.
RESOLVER = yaml.resolver.Resolver()
STR_TAG = "tag:yaml.org,2002:str"
# Readers refuse a key written in more than 1024 characters unless in YAML's explicit `? key` form, which
# we never need: an escaped character takes at most 10 ("\U000E0001").
MAX_KEY_LENGTH = 100
# The named escapes of double-quoted YAML (PyYAML and libyaml read all of them).
DOUBLE_QUOTED_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\r": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}


@lru_cache(maxsize=1 << 16)
def escape_markdown(text: str) -> str:
    """Article text as inert Markdown: HTML escaped, Markdown syntax turned into entities.

    The result is one line (line breaks become spaces) that opens no block, wherever it stands.
    """
    escaped = inert_text(text).strip().translate(MARKDOWN_ENTITIES)
    if escaped[:1] in BLOCK_STARTERS:
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return LIST_MARKER.sub(lambda m: f"{m.group(1) or ''}&#{ord(m.group(2) or m.group(3))};", escaped)


def escape_attribute(text: str) -> str:
    """Article text as HTML text or a quoted attribute value, on one line."""
    return html.escape(inert_text(text), quote=True)


def inert_text(text: str) -> str:
    """Line breaks as spaces; control characters (Python-Markdown's own markers among them) as U+FFFD."""
    return CONTROLS.sub("\ufffd", LINE_BREAKS.sub(" ", text))


def dump_front_matter(metadata: Mapping[str, Any]) -> str:
    """The YAML front matter block of a page, from a dict, with what themes show as HTML escaped.

    `frontmatter.loads` and MkDocs both load it back to exactly `front_matter_values(metadata)`.
    """
    return f"---\n{dump_yaml(front_matter_values(metadata))}---\n"


def dump_yaml(mapping: Mapping[str, Any]) -> str:
    """`mapping` as a block-style YAML document, one value a line (never folded), keys in their order.

    Holds dicts (str keys), lists, str, int, float, bool and None, which PyYAML's safe loaders (pure and
    libyaml) read back as equal values: a string is written plain only where it provably reads back as
    that string, else single-quoted, or double-quoted with escapes when it has a character that is not
    printable. A simple alternative to PyYAML's representer, about ten times faster on front matter.
    """
    if not mapping:
        return "{}\n"
    lines: list[str] = []
    write_mapping(mapping, "", "", lines)
    lines.append("")
    return "\n".join(lines)


def write_mapping(mapping: Mapping[str, Any], first: str, indent: str, lines: list[str]) -> None:
    """The lines of a non-empty mapping: the first after `first`, the others after `indent`."""
    prefix = first
    for key, value in mapping.items():
        head = f"{prefix}{yaml_key(key)}:"
        prefix = indent
        if type(value) is dict and value:
            lines.append(head)
            write_mapping(value, indent + "  ", indent + "  ", lines)
        elif type(value) is list and value:
            lines.append(head)
            write_sequence(value, indent, indent, lines)
        else:
            lines.append(f"{head} {yaml_scalar(value)}")


def write_sequence(items: list[Any], first: str, indent: str, lines: list[str]) -> None:
    """The lines of a non-empty list, each item after `- `: the first after `first`, the others `indent`."""
    prefix = first
    for item in items:
        if type(item) is dict and item:
            write_mapping(item, f"{prefix}- ", indent + "  ", lines)
        elif type(item) is list and item:
            write_sequence(item, f"{prefix}- ", indent + "  ", lines)
        else:
            lines.append(f"{prefix}- {yaml_scalar(item)}")
        prefix = indent


@lru_cache(maxsize=1024)
def yaml_key(key: object) -> str:
    """A mapping key: a string of at most MAX_KEY_LENGTH characters, written as string values are."""
    if type(key) is not str:
        raise TypeError(f"front matter keys are strings, not {type(key).__name__}: {key!r}")
    if len(key) > MAX_KEY_LENGTH:
        raise ValueError(f"front matter key longer than {MAX_KEY_LENGTH} characters: {key[:40]!r}...")
    return yaml_string(key)


def yaml_scalar(value: object) -> str:
    """A value that is not a non-empty dict or list, on one line."""
    kind = type(value)
    if kind is str:
        return yaml_string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        return yaml_float(value)  # type: ignore[arg-type]
    if value == [] or value == {}:
        return "[]" if kind is list else "{}"
    raise TypeError(f"no YAML for front matter values of type {kind.__name__}: {value!r}")


def yaml_float(value: float) -> str:
    """As PyYAML writes a float: its repr, with the dot that YAML 1.1 floats need; .nan, .inf, -.inf."""
    if value != value:
        return ".nan"
    if value in (math.inf, -math.inf):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text


@lru_cache(maxsize=1 << 16)
def yaml_string(text: str) -> str:
    """`text` plain where that provably reads back as this string, else quoted."""
    if not text.isprintable():
        return double_quoted(text)
    if (
        text
        and text[0] not in PLAIN_UNSAFE_START
        and text[-1] not in " :"
        and ": " not in text
        and " #" not in text
        and not OTHER_IMPLICIT.fullmatch(text)
        and RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == STR_TAG  # type: ignore[no-untyped-call]
    ):
        return text
    return "'" + text.replace("'", "''") + "'"


def double_quoted(text: str) -> str:
    """Double-quoted, with every character that is not printable escaped (the only style that can)."""
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else escape_character(c) for c in text) + '"'


def escape_character(char: str) -> str:
    """A character as a double-quoted YAML escape: by name ("\\n", "\\_"), else by code ("\\x7F")."""
    if char in DOUBLE_QUOTED_ESCAPES:
        return "\\" + DOUBLE_QUOTED_ESCAPES[char]
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        # libyaml refuses a surrogate even escaped; decoded text (errors="replace") never holds one.
        raise ValueError(f"a lone surrogate cannot be written to front matter: U+{code:04X}")
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def escape_html(text: str) -> str:
    """&, <, > and " as entities: inert as HTML text and inside a double-quoted attribute."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def front_matter_values(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata as written: the values of HTML_KEYS escaped (html.unescape gives them back exactly),
    since themes print them unescaped."""
    return {key: escape_html_values(value) if key in HTML_KEYS else value for key, value in metadata.items()}


def escape_html_values(value: Any) -> Any:
    """A string escaped, or each string of a list (the tags)."""
    if isinstance(value, str):
        return escape_html(value)
    if isinstance(value, list):
        return [escape_html(v) if isinstance(v, str) else v for v in value]
    return value


def format_figure(figure: Figure) -> str:
    """A figure as Markdown, with its qualifier: 'up to $1.2 billion'."""
    amount = escape_markdown(format_amount(figure))
    return f"{escape_markdown(figure.qualifier)} {amount}" if figure.qualifier else amount


def format_day(moment: datetime) -> str:
    """The day of a moment, as ISO 8601: '2026-01-16'."""
    return moment.date().isoformat()


def format_amount(figure: Figure) -> str:
    """'$1.2 billion', '40%', '320 tons', '4.8-4.7%': large amounts in words, currencies before the
    number; a number written in words as it is written ('two-thirds')."""
    if figure.text[:1].isalpha():
        return figure.text
    ends = [figure.value] if figure.range_end is None else [figure.value, figure.range_end]
    numbers = [scaled_number(value, figure.unit) for value in ends]
    currency, _, rate = figure.unit.partition(" ")  # '$ an hour': a currency and its rate
    if rate.split(maxsplit=1)[:1] not in (["per"], ["a"], ["an"]):
        currency, rate = figure.unit, ""  # '20 EV models' counts models
    if currency in CURRENCY_PREFIXES or (currency.isupper() and 1 < len(currency) <= 3):
        prefix = currency if currency in CURRENCY_PREFIXES else f"{currency} "
        return f"{RANGE_DASH.join(prefix + number for number in numbers)} {rate}".rstrip()
    if figure.unit == "%":
        return RANGE_DASH.join(numbers) + "%"
    return f"{RANGE_DASH.join(numbers)} {figure.unit}".strip()


def scaled_number(value: float, unit: str) -> str:
    """12000000.0 -> '12 million' (not for shares: '40%')."""
    scale = ""
    for size, word in SCALE_WORDS:
        if abs(value) >= size and unit not in ("%", "percentage points"):
            value, scale = value / size, f" {word}"
            break
    return format_number(round(value, 6)) + scale


def format_number(value: float) -> str:
    """12000000.0 -> '12,000,000'; 4.28 -> '4.28'; never locale-dependent."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
