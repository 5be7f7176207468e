"""Checking time per MB of adversarial text against ordinary prose, at 1, 10 and 50 MB (issue 7: within 1.5×).

    python benchmarks/linearity.py [--sizes 1,10,50] [--kind text|markdown] [--profile KIND:MB]

Prose is the plain-text books of ../shared/corpus/nltk-classic, repeated to size. The adversarial texts are
one line each: a run of one character, prose with its line breaks removed, and words joined by thousands of
commas. For each size the script prints seconds per MB and the ratio to prose; a ratio near 1 at every size
means the cost grows linearly. `--profile` runs one case under cProfile and prints the top functions.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.engine import Linter  # noqa: E402
from doclint.readability import grade  # noqa: E402
from doclint.source import DecodeError, decode  # noqa: E402

BOOKS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "nltk-classic" / "gutenberg"
MB = 1_000_000


def prose_sample() -> str:
    texts = []
    for path in sorted(BOOKS.glob("*.txt")):
        try:
            texts.append(decode(path.read_bytes()).text)
        except DecodeError:
            continue
    if not texts:
        sys.exit(f"no prose found in {BOOKS}")
    return "\n\n".join(texts)


def to_size(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cases(sample: str) -> dict[str, str]:
    """Each case's repeating unit."""
    words = sample.split()[:5000]
    return {
        "prose": sample + "\n\n",
        "one character": "a",
        "no newlines": " ".join(words) + " ",
        "thousands of commas": ",".join(w.strip(".,;:!?\"'") or "x" for w in words) + ",",
    }


def seconds(linter: Linter, text: str, kind: str) -> float:
    start = time.perf_counter()
    linter.check(text, "bench.md" if kind == "markdown" else "bench.txt")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50", help="sizes in MB, comma-separated")
    parser.add_argument("--kind", choices=("text", "markdown"), default="text")
    parser.add_argument("--profile", metavar="CASE:MB", help="profile one case, e.g. 'thousands of commas:1'")
    args = parser.parse_args()
    units = cases(prose_sample())
    linter = Linter()
    linter.check("Warm up, loading word lists.\n", "warm.txt")
    grade("Warm up, loading the readability scores.")
    if args.profile:
        name, size = args.profile.rsplit(":", 1)
        text = to_size(units[name], int(float(size) * MB))
        profile = cProfile.Profile()
        profile.runcall(linter.check, text, "bench.txt")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        return
    print(f"{'size':>6}  {'case':<20} {'s/MB':>8} {'ratio to prose':>15}")
    worst = 0.0
    for size in (int(s) for s in args.sizes.split(",")):
        baseline = None
        for name, unit in units.items():
            per_mb = seconds(linter, to_size(unit, size * MB), args.kind) / size
            baseline = baseline or per_mb
            ratio = per_mb / baseline
            worst = max(worst, ratio)
            print(f"{size:>4}MB  {name:<20} {per_mb:>8.3f} {ratio:>15.2f}", flush=True)
    print(f"worst ratio: {worst:.2f} (goal: at most 1.5)")


if __name__ == "__main__":
    main()
