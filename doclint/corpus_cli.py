"""The `doclint corpus` subcommand: its arguments and its run."""
from __future__ import annotations

import argparse
import sys

EXIT_CLEAN, EXIT_ERROR = 0, 2


def add_corpus_parser(commands, selectors, positive) -> None:
    """The subcommand's arguments; `selectors` and `positive` are the argument types `check` uses too."""
    corpus = commands.add_parser("corpus", help="clean a corpus of JSONL (.gz, .zst) or Parquet records",
                                 description="Clean the text of every record; write the cleaned records, a report "
                                             "per document, dropped and failed records, and a summary to --out. "
                                             "Run again with the same arguments to resume an interrupted run.")
    corpus.add_argument("inputs", nargs="+", help="JSONL/Parquet files, or directories holding them")
    corpus.add_argument("--out", required=True, help="output directory")
    corpus.add_argument("--text-key", default="text", help="the field holding the text (default: text)")
    corpus.add_argument("--id-key", default="id", help="the field holding the document id (default: id)")
    corpus.add_argument("--kind", choices=("text", "markdown"), default="text", help="how to parse the texts")
    corpus.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    corpus.add_argument("--drop-on", type=selectors, help="drop a document when a finding of these codes, prefixes "
                                                      "or names remains after cleaning (comma-separated)")
    corpus.add_argument("--select", type=selectors, help="codes, prefixes or names to enable (comma-separated)")
    corpus.add_argument("--ignore", type=selectors, help="codes, prefixes or names to disable (comma-separated)")
    corpus.add_argument("--jobs", "-j", type=positive, help="processes (default: all cores)")


def run_corpus(args: argparse.Namespace) -> int:
    from .clean import Cleaner  # imported only when a corpus is cleaned: `check` starts faster without them
    from .corpus import CorpusError, describe, run
    from .parallel import default_jobs
    from .records import RecordError

    cleaner = Cleaner(select=args.select, ignore=args.ignore, unsafe=args.unsafe_fixes, drop_on=args.drop_on,
                      kind=args.kind)
    try:
        summary = run(args.inputs, args.out, cleaner, args.text_key, args.id_key,
                      jobs=args.jobs or default_jobs(), progress=sys.stderr)
    except (CorpusError, RecordError) as error:
        print(f"doclint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"doclint: interrupted; run the same command again to resume (state in {args.out})", file=sys.stderr)
        return 130
    print(describe(summary))
    return EXIT_CLEAN
