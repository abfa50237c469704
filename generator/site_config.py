"""The few settings the generator reads from the project's MkDocs config (mkdocs.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DEFAULT_SITE_NAME = "Policy briefs"


class ConfigError(Exception):
    """The MkDocs config that names the site's URL cannot be read."""


class _ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads any tag it does not know as null instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_ConfigLoader.add_multi_constructor("", _ignore_tag)


@dataclass(frozen=True)
class SiteSettings:
    """What the generator needs to know of the published site."""

    url: str | None
    name: str


def read_site_settings(config_file: Path) -> SiteSettings:
    """`site_url` and `site_name` from an MkDocs config; no config: no URL, a default name."""
    config = read_config(config_file)
    name = config.get("site_name")
    return SiteSettings(read_site_url(config_file), name if isinstance(name, str) else DEFAULT_SITE_NAME)


def read_config(config_file: Path) -> dict[str, Any]:
    """The config as data, read without running its `!!python/...` or `!ENV` tags."""
    if not config_file.is_file():
        return {}
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"{config_file.as_posix()}: cannot be read: {error}") from error
    return config if isinstance(config, dict) else {}


def read_site_url(config_file: Path) -> str | None:
    """`site_url` from an MkDocs config."""
    site_url = read_config(config_file).get("site_url")
    return site_url if isinstance(site_url, str) else None
