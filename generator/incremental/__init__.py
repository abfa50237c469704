"""What makes a rebuild cheap, kept apart from the stages of the pipeline (see `build`).

- `fingerprint`: one hash of all a build reads, and of the generator's own code;
- `extractions`: the extraction cache, by content, with light outcomes (`model.LightExtraction`);
- `record`: the record of the last build and the memos it keeps for the next;
- `pages`: which pages show what they showed, and need no rendering;
- `rebuild`: `Rebuild`, the one object `build` asks what it may reuse.

All of it lives under `.cache/briefs/` and is safe to delete: a build without it is a cold build,
and writes the same site.
"""
