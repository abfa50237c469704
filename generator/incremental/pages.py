"""Page reuse: a page is rendered again only when what it shows changed since the last build."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Sequence
from pathlib import Path

from generator.incremental.record import BuildState, stat_outputs


class PageReuse:
    """Which pages need no rendering: those that show what they showed at the last build (the same
    digest of their signature and of the code) and whose files are still as it wrote them. Records
    the digest of every page asked about, for the next build."""

    def __init__(self, code: str, last: BuildState | None, out_dir: Path) -> None:
        self.code = code.encode()
        self.last = last
        self.out_dir = out_dir
        self.digests: dict[str, str] = {}
        self.kept: set[str] = set()
        # The size, time and inode of each kept page, as the last build left it and as it still is.
        self.kept_stats: dict[str, tuple[int, int, int]] = {}

    def __call__(self, paths: Sequence[str], signature: object) -> bool:
        digest = signature_digest(self.code, signature)
        self.digests.update(dict.fromkeys(paths, digest))
        last = self.last
        if last is None or any(last.pages.get(path) != digest for path in paths):
            return False
        stats = stat_outputs(self.out_dir, paths)
        if any(path not in last.outputs or stats.get(path) != last.outputs[path] for path in paths):
            return False
        self.kept.update(paths)
        self.kept_stats.update(stats)
        return True


def signature_digest(code: bytes, signature: object) -> str:
    """A digest of what a page shows, by content only: pickled without a memo, so that equal strings
    give the same bytes whether they are one object or several (records read back from a memo
    share fewer objects than records just computed)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(signature)
    return hashlib.sha256(code + buffer.getvalue()).hexdigest()
