"""Extraction speed compiled with mypyc against the same code interpreted: a measurement, not a build.

    python -m benchmarks.compiled [--eval-dir ../shared/eval] [--rounds 3]

Copies this checkout's `generator` to a temporary folder, compiles the extraction modules there with
mypyc (it comes with mypy; it needs a C compiler and takes minutes), checks that the compiled modules
extract exactly what the interpreted ones do from every evaluation article and seed, then measures
both on polnear-dev as `benchmarks.extraction` does, alternately, each time in a fresh process, so
that other work on the machine weighs on both alike. Nothing in the checkout changes: the compiled
modules live and die in the temporary folder.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every module of the extraction stage but the package's own `__init__`, and the sentence splitter.
COMPILED = ("generator/extract/[a-z]*.py", "generator/sentences.py")


def compile_copy(folder: Path) -> str:
    """This checkout's `generator` (and the mypy settings) in `folder`, its extraction compiled; what
    mypyc said when it could not compile it ('' when it did)."""
    shutil.copytree(ROOT / "generator", folder / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", folder)
    sources = sorted(str(path.relative_to(folder)) for pattern in COMPILED for path in folder.glob(pattern))
    done = subprocess.run(
        [sys.executable, "-m", "mypyc", *sources], cwd=folder, capture_output=True, text=True, check=False
    )
    return "" if done.returncode == 0 else (done.stdout + done.stderr)[-3000:]


def run_child(generator_root: Path, task: str, eval_dir: Path) -> str:
    """Run `task` of this module in a fresh process whose `generator` is the one in `generator_root`."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(generator_root), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.compiled", "--child", task, "--eval-dir", str(eval_dir)],
        cwd=generator_root,  # `python -m` puts the working folder first on the path
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def extraction_digest(eval_dir: Path) -> str:
    """A digest of everything extracted from every evaluation article and seed, and whether the
    extraction modules loaded are compiled."""
    from generator.extract import extract_article, names
    from generator.read import read_article

    paths = [
        path
        for folder in sorted(eval_dir.iterdir())
        if folder.is_dir()
        for path in sorted(folder.glob("*.txt"))
    ]
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    digest = hashlib.sha256()
    for path in paths:
        article = read_article(path, path.name)[0]
        digest.update(repr(extract_article(article) if article else path).encode())
    compiled = "compiled" if Path(names.__file__ or "").suffix != ".py" else "interpreted"
    return f"{compiled} {digest.hexdigest()}"


def per_cpu_second(eval_dir: Path) -> str:
    from benchmarks.extraction import articles_per_second

    return f"{articles_per_second(sorted((eval_dir / 'polnear-dev').glob('*.txt')))[1]:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=("digest", "speed"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    eval_dir: Path = args.eval_dir.resolve()
    if args.child:
        print(extraction_digest(eval_dir) if args.child == "digest" else per_cpu_second(eval_dir))
        return 0
    if not (eval_dir / "polnear-dev").is_dir():
        print(f"no evaluation data at {eval_dir}; nothing to measure")
        return 1
    with tempfile.TemporaryDirectory(prefix="briefs-mypyc-") as temporary:
        compiled = Path(temporary)
        print("compiling the extraction modules with mypyc ...", flush=True)
        failure = compile_copy(compiled)
        if failure:
            print(f"mypyc could not compile the extraction (it needs mypy and a C compiler):\n{failure}")
            return 1
        interpreted_digest = run_child(ROOT, "digest", eval_dir)
        compiled_digest = run_child(compiled, "digest", eval_dir)
        same = interpreted_digest.split()[1] == compiled_digest.split()[1]
        print(f"{interpreted_digest}\n{compiled_digest}\noutput identical: {'yes' if same else 'NO'}")
        speeds: dict[str, list[float]] = {"interpreted": [], "compiled": []}
        for _ in range(args.rounds):
            speeds["interpreted"].append(float(run_child(ROOT, "speed", eval_dir)))
            speeds["compiled"].append(float(run_child(compiled, "speed", eval_dir)))
    best = {name: max(values) for name, values in speeds.items()}
    print(
        f"extraction speed (polnear-dev, one core, best of {args.rounds} alternated runs): "
        f"{best['interpreted']:.0f} articles per CPU second interpreted, {best['compiled']:.0f} compiled "
        f"({best['compiled'] / best['interpreted']:.2f}x)"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
