"""The YAML writer of front matter: every loader that reads our pages reads back exactly what was written,
and what it writes stays one readable line per value."""

from __future__ import annotations

import math
import re

import frontmatter
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta, yaml_load

from generator.markup import dump_front_matter, dump_yaml

# Strings that read as something else, or as other syntax, when written plain.
HOSTILE = [
    "",
    " ",
    " leading",
    "trailing ",
    "key: value",
    "ends with colon:",
    "a ': ' inside",
    "comment # here",
    "#comment",
    "- dash",
    "-",
    "--- rule",
    "---",
    "...",
    "? question",
    "?",
    ": colon",
    "*alias",
    "&anchor",
    "!tag",
    "!!str",
    "%directive",
    "@at",
    "`backtick",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "[flow]",
    "{flow: map}",
    "a, b",
    "|",
    ">",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "<<",
    "=",
    "1",
    "-1",
    "+1",
    "1e3",
    "1.5e-3",
    "1.",
    ".5",
    "0x1F",
    "0o17",
    "017",
    "0b101",
    "1_000",
    "190:20:30",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "2024-01-01",
    "2024-01-01T10:00:00+00:00",
    "2024-1-1 10:00:00",
    "50%",
    "$3.5 billion",
    "https://schema.org",
    "C:\\path\\to",
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "carriage\rreturn",
    "\u0085next line",
    "line\u2028separator",
    "paragraph\u2029separator",
    "no-break\u00a0space",
    "trailing no-break space\u00a0",
    "\u3000ideographic space",
    "\ufeffbyte order mark",
    "zero\u200bwidth",
    "right\u202eto left",
    "\x00\x07\x08\x0b\x0c\x1b\x7f\x9f controls",
    "\ufffe\uffff noncharacters",
    "\ue000 private use",
    "astral \U0001f600 \U00020000 \U000e0001",
    "Juan Ramón de la Fuente",
    "Ελληνικά, 中文, العربية",
]
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40) | st.sampled_from(HOSTILE)
SCALARS = st.one_of(
    TEXT,
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)
# python-frontmatter passes the top-level keys to `Post(content, handler, **metadata)`, so these three
# fail inside the library whatever we write; our pages' keys are our own field names, none of them.
POST_ARGUMENTS = {"self", "content", "handler"}
DOCUMENTS = st.dictionaries(TEXT.filter(lambda key: key not in POST_ARGUMENTS), VALUES, max_size=6)


def loads_everywhere(text: str) -> list[object]:
    """`text` as each reader of our pages reads it: PyYAML (pure and libyaml), MkDocs, python-frontmatter."""
    page = f"---\n{text}---\n\n# Body\n"
    content, mkdocs_meta = meta.get_data(page)
    assert content == "# Body\n"
    loaded = [
        yaml.load(text, Loader=yaml.SafeLoader),
        yaml_load(text),
        mkdocs_meta,
        frontmatter.loads(page).metadata,
    ]
    if yaml.__with_libyaml__:
        loaded.append(yaml.load(text, Loader=yaml.CSafeLoader))
    return loaded


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS.filter(bool))
def test_every_reader_loads_back_exactly_what_was_written(values: dict[str, object]) -> None:
    text = dump_yaml(values)
    for loaded in loads_everywhere(text):
        assert loaded == values
        assert_same_types(loaded, values)


def assert_same_types(loaded: object, written: object) -> None:
    """Equal and of the same types all the way down: 1 == 1.0 == True would hide a wrong tag."""
    assert type(loaded) is type(written)
    if isinstance(written, dict):
        assert isinstance(loaded, dict)
        assert list(loaded) == list(written)
        for key, value in written.items():
            assert_same_types(loaded[key], value)
    elif isinstance(written, list):
        assert isinstance(loaded, list)
        for got, value in zip(loaded, written, strict=True):
            assert_same_types(got, value)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_string_reads_back_as_itself_as_value_item_and_key(text: str) -> None:
    values = {"value": text, "items": [text, [text]], "nested": {text: text}}
    for loaded in loads_everywhere(dump_yaml(values)):
        assert loaded == values


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS.filter(bool))
def test_each_value_is_one_line(values: dict[str, object]) -> None:
    """Never folded, never spread over lines: a person edits a value where it stands, and no character
    that any reader takes for a line break is written raw."""
    text = dump_yaml(values)
    assert text.splitlines() == text.split("\n")[:-1]
    assert len(text.splitlines()) == lines_needed(values, under_key=False)
    assert not re.search(r"^(-{3,}|\.{3})\s*$", text, re.MULTILINE)


def lines_needed(value: object, *, under_key: bool) -> int:
    """One line a scalar (`key: value` or `- value`), one more for a key whose value is a block."""
    if isinstance(value, dict) and value:
        return under_key + sum(lines_needed(item, under_key=True) for item in value.values())
    if isinstance(value, list) and value:
        return under_key + sum(lines_needed(item, under_key=False) for item in value)
    return 1


def lines(*texts: str) -> str:
    """A text of these lines, each ended."""
    return "".join(f"{text}\n" for text in texts)


def test_ordinary_front_matter_reads_as_plain_yaml() -> None:
    text = dump_yaml(
        {
            "title": "Sheinbaum Defends Cooperation with US, Points to Need for Their Action",
            "date": "2026-01-16T19:22:08+00:00",
            "id": "000_43ebc112e8ca7426",
            "tags": ["Politics", "Economy"],
            "hide": ["tags"],
            "actors": [{"name": "Juan Ramón de la Fuente", "role": None, "aliases": [], "mentions": 1}],
            "figures": [{"value": 50.0, "unit": "%", "text": "50%", "change": "decrease"}],
            "schema": {"@context": "https://schema.org", "keywords": ["Politics"], "hasPart": []},
            "no": "it's \u00a0",
        }
    )
    assert text == lines(
        "title: Sheinbaum Defends Cooperation with US, Points to Need for Their Action",
        "date: '2026-01-16T19:22:08+00:00'",
        "id: 000_43ebc112e8ca7426",
        "tags:",
        "- Politics",
        "- Economy",
        "hide:",
        "- tags",
        "actors:",
        "- name: Juan Ramón de la Fuente",
        "  role: null",
        "  aliases: []",
        "  mentions: 1",
        "figures:",
        "- value: 50.0",
        "  unit: '%'",
        "  text: 50%",
        "  change: decrease",
        "schema:",
        "  '@context': https://schema.org",
        "  keywords:",
        "  - Politics",
        "  hasPart: []",
        "'no': \"it's \\_\"",
    )


def test_floats_are_written_as_pyyaml_writes_them() -> None:
    floats = [0.0, -0.0, 1.5, 1e16, 1.5e-7, -2e300, math.inf, -math.inf, 5e-324]
    assert dump_yaml({"floats": floats}) == yaml.safe_dump({"floats": floats}, default_flow_style=False)
    (loaded,) = yaml.safe_load(dump_yaml({"nan": [math.nan]}))["nan"]
    assert math.isnan(loaded)


def test_empty_containers_and_nesting() -> None:
    values = {"a": {}, "b": [], "c": [[], {}, [[1, 2], [3]], {"d": {"e": [{"f": None}]}}]}
    assert dump_yaml(values) == lines(
        "a: {}",
        "b: []",
        "c:",
        "- []",
        "- {}",
        "- - - 1",
        "    - 2",
        "  - - 3",
        "- d:",
        "    e:",
        "    - f: null",
    )
    assert dump_yaml({}) == "{}\n"


@pytest.mark.parametrize(
    "values",
    [
        {"tuple": (1, 2)},
        {"set": {1}},
        {"bytes": b"x"},
        {1: "key not a string"},
        {"k" * 101: "key too long"},
        {"surrogate": "\ud800"},
    ],
)
def test_what_it_cannot_write_exactly_is_refused(values: dict[object, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        dump_yaml(values)  # type: ignore[arg-type]


def test_the_longest_key_is_read_back() -> None:
    values = {"\U000e0001" * 100: 1, "k" * 100: 2}
    for loaded in loads_everywhere(dump_yaml(values)):
        assert loaded == values


def test_front_matter_is_a_yaml_block_between_rules() -> None:
    assert dump_front_matter({"title": "<b>A & B</b>", "summary": "<b>"}) == (
        "---\ntitle: '&lt;b&gt;A &amp; B&lt;/b&gt;'\nsummary: <b>\n---\n"
    )
