"""Fuzz the decoder, both parsers and the fix engine: any input must decode or be refused, check without an
exception, fix without an error, and fix again to the same text.

    mkdir -p fuzz/corpus && python fuzz/fuzz_doclint.py -max_total_time=600 fuzz/corpus seeds   # atheris
    python fuzz/fuzz_doclint.py --fallback --runs 5000 --seed 1        # without atheris: random mutations

atheris is coverage-guided (libFuzzer flags such as -runs, -max_total_time, -max_len apply; crashes are written
to crash-* files). The fallback mutates the seed articles and the rule test inputs, and stops at the first
failing input, which it prints and writes to fuzz/crash-<n>.bin.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [*sorted((ROOT / "seeds").glob("*")), *sorted((ROOT / "tests" / "rules").glob("*/bad.*"))]
FRAGMENTS = [b"\n", b"\r\n", b"\r", b"# ", b"- ", b"1. ", b"> ", b"```", b"|", b",", b".", b"\xef\xbb\xbf",
             b"\xe2\x80\x8b", b"\xe2\x80\xa8", b"\xc2\xad", b"<!-- doclint-disable -->", b"[a](#b)", b"Table of Contents"]


def check_bytes(data: bytes) -> None:
    """The fuzz target: one input through decode, check and fix, as text and as Markdown."""
    from doclint.engine import Linter
    from doclint.source import DecodeError, decode

    try:
        source = decode(data)
    except DecodeError:
        return
    linter = _linter(Linter)
    for path in ("fuzz.txt", "fuzz.md"):
        for d in linter.check(source.text, path):
            if not 0 <= d.start <= d.end <= len(source.text):
                raise AssertionError(f"{d.code} reports outside the text: {d.start}..{d.end}")
        outcome = linter.fix(source.text, path)
        if outcome.error is not None:
            raise AssertionError(f"{path}: {outcome.error}")
        if linter.fix(outcome.text, path).text != outcome.text:
            raise AssertionError(f"{path}: fixing the fixed text changed it again")
        source.encode(outcome.text)


_LINTERS: list = []


def _linter(make):
    if not _LINTERS:
        _LINTERS.append(make())
    return _LINTERS[0]


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(data))
        action = rng.randrange(4)
        if action == 0:
            data[at:at] = rng.choice(FRAGMENTS)
        elif action == 1:
            del data[at:at + rng.randint(1, 16)]
        elif action == 2:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        else:
            start = rng.randint(0, len(data))
            data[at:at] = data[start:start + rng.randint(1, 200)]
    return bytes(data)


def fallback(runs: int, seed: int) -> int:
    rng = random.Random(seed)
    seeds = [p.read_bytes() for p in SEEDS if p.is_file()]
    for n in range(runs):
        data = mutate(rng.choice(seeds), rng)
        try:
            check_bytes(data)
        except Exception as error:
            crash = ROOT / "fuzz" / f"crash-{n}.bin"
            crash.write_bytes(data)
            print(f"run {n}: {type(error).__name__}: {error}\ninput written to {crash}: {data[:200]!r}")
            return 1
    print(f"{runs} inputs, no failure")
    return 0


def main(argv: list[str]) -> int:
    if "--fallback" in argv:
        runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 1000
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
        return fallback(runs, seed)
    import atheris

    with atheris.instrument_imports():
        import doclint.engine  # noqa: F401 - instrumented for coverage
    atheris.Setup(argv, check_bytes)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
