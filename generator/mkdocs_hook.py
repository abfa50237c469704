"""MkDocs hook: regenerate briefs/ from seeds/ before each build, and have `mkdocs serve` watch seeds/.

The only bridge between MkDocs and the generator; the generator itself knows nothing of MkDocs.
Enabled in mkdocs.yml with `hooks: [generator/mkdocs_hook.py]`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.build import Project, build
from generator.registry import RegistryError
from generator.write import WriteError

log = logging.getLogger("mkdocs.plugins.briefs")


def project_of(config: Any) -> Project:
    root = Path(config.config_file_path).resolve().parent
    return Project(root, root / "seeds", Path(config.docs_dir).resolve())


def on_pre_build(config: Any) -> None:
    """Bring briefs/ up to date; problems become MkDocs warnings, so `--strict` fails on them."""
    try:
        report = build(project_of(config))
    except (RegistryError, WriteError) as error:
        raise PluginError(f"briefs: {error}") from error
    for problem in report.problems:
        log.warning("%s", problem)
    changes = report.changes
    if not changes.is_empty:
        log.info(
            "briefs: %d new, %d changed, %d removed page(s)",
            len(changes.added),
            len(changes.changed),
            len(changes.removed),
        )


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild (and so regenerate) when an article in seeds/ is added, changed or removed."""
    server.watch(str(project_of(config).seeds_dir))
    return server
