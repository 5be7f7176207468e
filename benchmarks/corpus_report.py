"""Diagnostics per rule per 10k words on each folder of ../shared/corpus (false-alarm survey on clean text).

    python benchmarks/corpus_report.py [CORPUS_DIR] [--samples N] [--folder NAME]
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.engine import Linter  # noqa: E402
from doclint.files import SUFFIXES  # noqa: E402
from doclint.source import DecodeError, LineIndex, decode  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def folders(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_dir())


def survey(folder: Path, linter: Linter, samples: int, rng: random.Random):
    counts: Counter = Counter()
    by_severity: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    words = files = skipped = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        try:
            text = decode(path.read_bytes()).text
        except DecodeError:
            skipped += 1
            continue
        files += 1
        words += len(text.split())
        index = LineIndex(text)
        for d in linter.check(text, str(path)):
            counts[d.code] += 1
            by_severity[d.severity.label] += 1
            seen = examples[d.code]
            line, column = index.position(d.start)
            s, e = index.line_span(line - 1)
            snippet = text[max(s, d.start - 60):min(e, d.end + 60)].replace("\n", " ")
            entry = f"{path.relative_to(folder)}:{line}:{column}: {d.severity.label} {d.message[:120]} | {snippet}"
            if len(seen) < samples:
                seen.append(entry)
            elif rng.random() < samples / counts[d.code]:
                seen[rng.randrange(samples)] = entry
    return files, skipped, words, counts, by_severity, examples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--samples", type=int, default=0, help="print N random findings per rule")
    parser.add_argument("--folder", help="only this folder")
    args = parser.parse_args()
    linter = Linter()
    rng = random.Random(7)
    for folder in folders(args.corpus):
        if args.folder and folder.name != args.folder:
            continue
        files, skipped, words, counts, severity, examples = survey(folder, linter, args.samples, rng)
        per10k = {code: n * 10_000 / max(words, 1) for code, n in counts.items()}
        warn = (severity["warning"] + severity["error"]) * 10_000 / max(words, 1)
        print(f"## {folder.name}: {files} files ({skipped} not UTF-8), {words:,} words; "
              f"warnings+errors per 10k words: {warn:.2f}; info per 10k: {severity['info'] * 10_000 / max(words, 1):.2f}")
        for code in sorted(counts):
            print(f"  {code}: {counts[code]:>6}  ({per10k[code]:.2f} per 10k words)")
        for code in sorted(examples):
            for entry in examples[code]:
                print(f"    {code} {entry}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
