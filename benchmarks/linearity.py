"""Checking time per MB of adversarial text against ordinary prose, at 1, 10 and 50 MB (issue 7: within 1.5×).

    python benchmarks/linearity.py [--sizes 1,10,50] [--kind text|markdown] [--cases NAME,...] [--limit SECONDS]
    python benchmarks/linearity.py --profile CASE [--sizes 1,2,4]

Prose is the plain-text books of ../shared/corpus/nltk-classic, repeated to size. The adversarial texts: a run of
one character, a run of spaces, a run of periods, prose with its line breaks removed, and words joined by thousands
of commas (all but prose are one line). Each case and size is checked in a fresh process and timed in CPU seconds
(time.process_time around Linter.check only), so other work on a shared machine barely moves the numbers; a check
that uses more than --limit CPU seconds is stopped (RLIMIT_CPU) and shown as `>` the limit per MB. The table gives
seconds per MB and, in brackets, the ratio to prose at the same size (the goal: at most 1.5), and each case's growth
from the smallest size to the largest: 1 means its cost grows linearly, as prose's should too.

`--profile CASE` runs that case under cProfile at each size and lists the functions whose own time grows the most
per MB from the smallest size to the largest: a function at 2x per MB when the input is 4x is quadratic there.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.engine import Linter  # noqa: E402
from doclint.readability import grade  # noqa: E402
from doclint.source import DecodeError, decode  # noqa: E402

BOOKS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "nltk-classic" / "gutenberg"
MB = 1_000_000
GOAL = 1.5


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
    """Each case's repeating unit (prose first: it is what the others are compared with)."""
    words = sample.split()[:5000]
    return {
        "prose": sample + "\n\n",
        "one character": "a",
        "spaces": " ",
        "periods": ".",
        "no newlines": " ".join(words) + " ",
        "thousands of commas": ",".join(w.strip(".,;:!?\"'") or "x" for w in words) + ",",
    }


def case_text(name: str, megabytes: float) -> str:
    return to_size(cases(prose_sample())[name], int(megabytes * MB))


def warmed_linter() -> Linter:
    linter = Linter()
    linter.check("Warm up, loading word lists.\n", "warm.txt")
    grade("Warm up, loading the readability scores.")
    return linter


def path_for(kind: str) -> str:
    return "bench.md" if kind == "markdown" else "bench.txt"


def measure(name: str, megabytes: float, kind: str, limit: float) -> None:
    """In the child process: check one text and print its CPU seconds as JSON; stopped past `limit` CPU seconds."""
    text = case_text(name, megabytes)
    linter = warmed_linter()
    start = time.process_time()
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(start + limit) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard if hard == resource.RLIM_INFINITY else max(soft, hard)))
    linter.check(text, path_for(kind))
    print(json.dumps({"cpu": time.process_time() - start}))


def run_one(name: str, megabytes: float, kind: str, limit: float) -> float | None:
    """CPU seconds to check this case at this size, in a fresh process; None when it went past the limit."""
    command = [sys.executable, __file__, "--measure", f"{name}:{megabytes}", "--kind", kind, "--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return None
    if done.returncode != 0:
        sys.exit(f"{name} at {megabytes} MB failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])["cpu"]


def table(sizes: list[float], names: list[str], kind: str, limit: float) -> float:
    """Measure every case at every size, printing the table row by row; the worst ratio to prose. The last column
    is each case's growth: its s/MB at the largest size over its s/MB at the smallest (1 when linear)."""
    width = 18
    print(f"CPU seconds per MB ({kind}; in brackets the ratio to prose at the same size; "
          f"limit {limit:g} CPU seconds per input)")
    print(f"{'case':<20}" + "".join(f"{f'{size:g} MB':>{width}}" for size in sizes) + f"{'growth':>9}", flush=True)
    prose: dict[float, float] = {}
    worst = 0.0
    for name in names:
        cells, per_mb = [], []
        for size in sizes:
            cpu = run_one(name, size, kind, limit)
            per_mb.append(limit / size if cpu is None else cpu / size)
            over = ">" if cpu is None else ""
            if name == "prose":
                prose[size] = per_mb[-1]
                cells.append(f"{over}{per_mb[-1]:.3f}")
                continue
            ratio = per_mb[-1] / prose[size]
            worst = max(worst, ratio)
            cells.append(f"{over}{per_mb[-1]:.3f} ({over}{ratio:.2f}x)")
        growth = f"{per_mb[-1] / per_mb[0]:.2f}" if len(sizes) > 1 and per_mb[0] else "-"
        print(f"{name:<20}" + "".join(f"{cell:>{width}}" for cell in cells) + f"{growth:>9}", flush=True)
    return worst


def profile(name: str, sizes: list[float], kind: str, top: int = 15) -> None:
    """Own CPU time per MB of each function at each size, for the functions that grow the most."""
    linter = warmed_linter()
    per_mb: dict[tuple, list[float]] = {}
    totals = []
    for at, size in enumerate(sizes):
        text = case_text(name, size)
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(linter.check, text, path_for(kind))
        stats = pstats.Stats(profiler).stats
        totals.append(sum(row[2] for row in stats.values()) / size)
        for function, row in stats.items():
            per_mb.setdefault(function, [0.0] * len(sizes))[at] = row[2] / size
    print(f"{name} ({kind}): own CPU seconds per MB by function; growth = last size's s/MB over the first's "
          f"(1 is linear, {sizes[-1] / sizes[0]:g} is quadratic)")
    print(f"{'total':<60}" + "".join(f"{t:>10.3f}" for t in totals))
    ranked = sorted(per_mb.items(), key=lambda item: item[1][-1], reverse=True)[:top]
    ranked.sort(key=lambda item: item[1][-1] / max(item[1][0], 1e-9), reverse=True)
    for (file, line, function), row in ranked:
        where = f"{Path(file).name}:{line}({function})"[-58:]
        growth = row[-1] / row[0] if row[0] > 1e-6 else float("inf")
        print(f"{where:<60}" + "".join(f"{value:>10.3f}" for value in row) + f"   growth {growth:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="sizes in MB, comma-separated (default: 1,10,50; with --profile 1,2,4)")
    parser.add_argument("--kind", choices=("text", "markdown"), default="text")
    parser.add_argument("--cases", help="cases to run, comma-separated (default: all); prose is always run first")
    parser.add_argument("--limit", type=float, default=600, help="CPU seconds one input may take (default 600)")
    parser.add_argument("--profile", metavar="CASE", help="profile one case at each size, e.g. 'no newlines'")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # CASE:MB, in the child process
    args = parser.parse_args()
    if args.measure:
        name, size = args.measure.rsplit(":", 1)
        measure(name, float(size), args.kind, args.limit)
        return
    sizes = [float(s) for s in (args.sizes or ("1,2,4" if args.profile else "1,10,50")).split(",")]
    known = list(cases("x"))
    chosen = known if not args.cases else ["prose"] + [c for c in args.cases.split(",") if c != "prose"]
    unknown = [c for c in chosen + ([args.profile] if args.profile else []) if c not in known]
    if unknown:
        sys.exit(f"unknown case {unknown[0]!r}; the cases: {', '.join(known)}")
    if args.profile:
        profile(args.profile, sizes, args.kind)
        return
    worst = table(sizes, chosen, args.kind, args.limit)
    print(f"worst ratio: {worst:.2f} (goal: at most {GOAL})")


if __name__ == "__main__":
    main()
