"""Where doclint's time goes: parsing and each rule, in CPU seconds over a sample of ../shared/corpus.

    python benchmarks/profile_rules.py [--corpus DIR] [--fraction 0.2] [--top 15]

A guide for speed work (a benchmark, never a test): the hottest rules first, with their share of the total.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from doclint.engine import Linter  # noqa: E402
from doclint.registry import RuleContext  # noqa: E402
from speed import DEFAULT_CORPUS, corpus_files, sample  # noqa: E402


def profile(files: list[str]) -> tuple[Counter, float]:
    linter = Linter()
    spent: Counter = Counter()
    size = 0
    for name in files:
        text = Path(name).read_text(encoding="utf-8", errors="replace")
        size += len(text.encode())
        started = time.process_time()
        doc = linter.parse(text, name)
        spent["(parse)"] += time.process_time() - started
        for rule in linter.rules_for(name):
            started = time.process_time()
            list(rule.check(RuleContext(rule, doc, linter.options.get(rule.name, {}))))
            spent[f"{rule.code} {rule.name}"] += time.process_time() - started
    return spent, size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--fraction", type=float, default=0.2)
    parser.add_argument("--kind", choices=("text", "markdown", "all"), default="all")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    files = sample(corpus_files(args.corpus)[args.kind], args.fraction)
    spent, megabytes = profile(files)
    total = sum(spent.values())
    print(f"{len(files)} files, {megabytes:.1f} MB, {total:.2f} CPU s, {megabytes / total:.2f} MB/s (rules + parse)")
    for name, seconds in spent.most_common(args.top):
        print(f"{seconds:8.2f} s {seconds / total:6.1%}  {seconds / megabytes * 1000:7.1f} ms/MB  {name}")


if __name__ == "__main__":
    main()
