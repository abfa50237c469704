"""The optional curated actor registry (`actors.yml`): canonical names that override extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

from generator.model import ActorType, Problem

KNOWN_KEYS = ("name", "type", "aliases", "description", "roles")
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
EXAMPLE = "- name: Claudia Sheinbaum\n  type: person\n  aliases: [Sheinbaum]"


class NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: an actor entry never needs one, and nested aliases (a "billion laughs")
    expand to more data than memory holds; refused where the parser meets them."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            message = "an alias (*name) is not allowed here: write each value out"
            raise yaml.composer.ComposerError(None, None, message, event.start_mark)
        return super().compose_node(parent, index)


class RegistryError(Exception):
    """The registry has problems; all of them are listed, so that one edit can fix them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class RegistryEntry:
    """One curated actor: its canonical name and what the site should say about it."""

    name: str
    type: ActorType | None
    aliases: tuple[str, ...]
    description: str
    roles: tuple[str, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Registry:
    """Curated actors, and every name or alias (case-folded) mapped to its entry."""

    entries: tuple[RegistryEntry, ...]
    by_name: dict[str, RegistryEntry] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, entries: list[RegistryEntry]) -> Registry:
        by_name = {form.casefold(): e for e in entries for form in (e.name, *e.aliases)}
        return cls(tuple(entries), by_name)

    def find(self, name: str) -> RegistryEntry | None:
        return self.by_name.get(name.casefold())


def load_registry(path: Path, source: str) -> Registry:
    """Read `path` if it exists (no file: an empty registry). Raises RegistryError listing every problem."""
    if not path.exists():
        return Registry.of([])
    try:
        root = yaml.compose(path.read_text("utf-8"), Loader=NoAliasLoader)
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 1  # type: ignore[attr-defined]
        raise RegistryError(
            [Problem(source, line, f"not valid YAML: {error}", "fix the YAML syntax")]
        ) from error
    if root is None:
        return Registry.of([])
    if not isinstance(root, yaml.SequenceNode):
        raise RegistryError(
            [Problem(source, 1, "expected a list of actors", f"write entries such as\n{EXAMPLE}")]
        )
    problems: list[Problem] = []
    entries = [entry for node in root.value if (entry := read_entry(node, source, problems)) is not None]
    problems += duplicate_names(entries, source)
    if problems:
        raise RegistryError(problems)
    return Registry.of(entries)


def read_entry(node: yaml.Node, source: str, problems: list[Problem]) -> RegistryEntry | None:
    """One entry, checked key by key; its problems are appended, not raised."""
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(source, line, "an entry must be a mapping of keys", f"for example\n{EXAMPLE}")
        )
        return None
    data: dict[str, Any] = yaml.safe_load(yaml.serialize(node))
    for key in data:
        if key not in KNOWN_KEYS:
            problems.append(
                Problem(source, line, f"unknown key {key!r}", f"use only {', '.join(KNOWN_KEYS)}")
            )
    name, kind = data.get("name"), data.get("type")
    if kind is not None and kind not in ACTOR_TYPES:
        problems.append(
            Problem(source, line, f"unknown type {kind!r}", f"use one of {', '.join(ACTOR_TYPES)}")
        )
        kind = None
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(source, line, "an entry needs a 'name'", "add the actor's canonical name"))
        return None
    return RegistryEntry(
        name=name.strip(),
        type=kind,
        aliases=strings(data, "aliases", source, line, problems),
        description=str(data.get("description") or ""),
        roles=strings(data, "roles", source, line, problems),
        line=line,
    )


def strings(
    data: dict[str, Any], key: str, source: str, line: int, problems: list[Problem]
) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(source, line, f"'{key}' must be a list of strings", f"write {key}: [A, B]"))
        return ()
    return tuple(v.strip() for v in value if v.strip())


def duplicate_names(entries: list[RegistryEntry], source: str) -> list[Problem]:
    """A name or alias may belong to one entry only, or a mention could not know whom it names."""
    owners: dict[str, str] = {}
    problems = []
    for entry in entries:
        for form in dict.fromkeys((entry.name, *entry.aliases)):
            owner = owners.setdefault(form.casefold(), entry.name)
            if owner != entry.name:
                problems.append(
                    Problem(
                        source,
                        entry.line,
                        f"{form!r} names both {owner!r} and {entry.name!r}",
                        "keep it in one entry only",
                    )
                )
    return problems
