"""How values are written into pages: article text made inert for Markdown and HTML, front matter
dumped as YAML, numbers and amounts formatted without locale."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import yaml

from generator.model import Figure

MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>&#|")
LIST_MARKER = re.compile(r"^(\d+)([.)])|^([-+])(?=\s)")
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_PREFIXES = frozenset({"$", "€", "£", "¥", "₹", "HK$", "A$", "C$", "NZ$", "R$"})
# Characters that open block syntax at the start of a line: rules (---), lists, admonitions (!!!)...
BLOCK_STARTERS = frozenset("-+=!:~?%")
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Front matter keys that MkDocs themes insert into HTML unescaped (<title>, <meta content="...">, nav).
HTML_KEYS = frozenset({"title", "description", "tags"})


def escape_markdown(text: str) -> str:
    """Article text as inert Markdown: HTML escaped, Markdown syntax turned into entities.

    The result is one line (line breaks become spaces) that opens no block, wherever it stands.
    """
    text = inert_text(text).strip()
    escaped = "".join(f"&#{ord(c)};" if c in MARKDOWN_SPECIALS else c for c in text)
    if escaped[:1] in BLOCK_STARTERS:
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return LIST_MARKER.sub(lambda m: f"{m.group(1) or ''}&#{ord(m.group(2) or m.group(3))};", escaped)


def escape_attribute(text: str) -> str:
    """Article text as HTML text or a quoted attribute value, on one line."""
    return html.escape(inert_text(text), quote=True)


def inert_text(text: str) -> str:
    """Line breaks as spaces; control characters (Python-Markdown's own markers among them) as U+FFFD."""
    return CONTROLS.sub("\ufffd", LINE_BREAKS.sub(" ", text))


class FrontMatterDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, but text with any character other than a printable one or a space is
    double-quoted, the one style that escapes them: plain and single-quoted styles lose a trailing
    no-break space, and fold on U+0085, U+2028 and U+2029 as if they were line breaks."""


def represent_text(dumper: yaml.representer.SafeRepresenter, text: str) -> yaml.ScalarNode:
    is_plain = all(c.isprintable() or c == " " for c in text)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=None if is_plain else '"')


FrontMatterDumper.add_representer(str, represent_text)


class FastFrontMatterDumper(yaml.CSafeDumper):
    """The same dumper over libyaml's emitter, ten times faster. The two write the same bytes for text
    that is printable and within the Basic Multilingual Plane; outside it they fold long lines and
    escape astral characters differently, so such documents go to FrontMatterDumper."""


FastFrontMatterDumper.add_representer(str, represent_text)


def is_fast_dumpable(value: Any) -> bool:
    """Whether every string in `value` (keys too) is one that both dumpers write alike."""
    if isinstance(value, str):
        return value.isprintable() and (not value or max(value) < "\U00010000")
    if isinstance(value, dict):
        # An empty key is written `? ''` by one and `'': ` by the other.
        return all(k != "" and is_fast_dumpable(k) and is_fast_dumpable(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(map(is_fast_dumpable, value))
    return True


def dump_front_matter(metadata: Mapping[str, Any]) -> str:
    """The YAML front matter block of a page, from a dict, with what themes show as HTML escaped.

    `frontmatter.loads` and MkDocs both load it back to exactly `front_matter_values(metadata)`.
    """
    values = front_matter_values(metadata)
    text = yaml.dump(
        values,
        Dumper=FastFrontMatterDumper if is_fast_dumpable(values) else FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
    )
    return f"---\n{text}---\n"


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


def format_amount(figure: Figure) -> str:
    """'$1.2 billion', '40%', '320 tons': large amounts in words, currencies before the number."""
    value, scale = figure.value, ""
    for size, word in SCALE_WORDS:
        if abs(value) >= size and figure.unit not in ("%", "percentage points"):
            value, scale = value / size, f" {word}"
            break
    number = format_number(round(value, 6)) + scale
    if figure.unit in CURRENCY_PREFIXES or (figure.unit.isupper() and 1 < len(figure.unit) <= 3):
        return f"{figure.unit}{number}" if figure.unit in CURRENCY_PREFIXES else f"{figure.unit} {number}"
    if figure.unit == "%":
        return f"{number}%"
    return f"{number} {figure.unit}".strip()


def format_number(value: float) -> str:
    """12000000.0 -> '12,000,000'; 4.28 -> '4.28'; never locale-dependent."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
