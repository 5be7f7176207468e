"""What doclint finds and fixes on a sample of ../shared/corpus, as JSON lines: a guard for speed work.

    python benchmarks/snapshot.py before.jsonl     # on the old code
    python benchmarks/snapshot.py after.jsonl      # on the new code
    diff before.jsonl after.jsonl                  # a speed change must change nothing

Each line is one file: every finding (code, offsets, message, severity, fix edits and applicability) and, for every
`--fix-every`-th file, the text `fix` and `fix --unsafe` produce (as a hash) and the rules that fixed it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from doclint.engine import Linter  # noqa: E402
from speed import DEFAULT_CORPUS, corpus_files, sample  # noqa: E402


def finding(d) -> list:
    fix = d.fix and [d.fix.applicability.label, [[e.start, e.end, e.content] for e in d.fix.edits]]
    return [d.code, d.start, d.end, d.severity.label, d.message, fix]


def fixed(linter: Linter, text: str, path: str, unsafe: bool) -> list:
    outcome = linter.fix(text, path, unsafe=unsafe)
    return [hashlib.sha1(outcome.text.encode()).hexdigest()[:16], sorted(outcome.fixed.items()), outcome.error]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--fraction", type=float, default=0.1)
    parser.add_argument("--fix-every", type=int, default=8)
    args = parser.parse_args()
    files = sorted(str(p) for p in (ROOT / "seeds").iterdir()) + sample(corpus_files(args.corpus)["all"], args.fraction)
    linter = Linter()
    with args.out.open("w", encoding="utf-8") as out:
        for i, name in enumerate(files):
            text = Path(name).read_text(encoding="utf-8", errors="replace")
            record = {"file": str(Path(name).relative_to(Path(name).parents[1])),
                      "findings": [finding(d) for d in linter.check(text, name)]}
            if i % args.fix_every == 0:
                record["fix"] = fixed(linter, text, name, False)
                record["unsafe_fix"] = fixed(linter, text, name, True)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(files)} files -> {args.out}")


if __name__ == "__main__":
    main()
