"""Command line: doclint check | fix | rules | rule CODE."""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from dataclasses import dataclass, field

from . import __version__
from .engine import Linter
from .files import FileError, discover, read, write_atomic
from .corpus_cli import add_corpus_parser, run_corpus
from .model import Severity
from .packs import PackError
from .parallel import default_jobs, ordered_map
from .report import FileReport, concise, summary, to_json
from .source import DecodeError, LineIndex, decode

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="doclint", description="Lint and fix the structure and text of articles.")
    parser.add_argument("--version", action="version", version=f"doclint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "fix"):
        sub = commands.add_parser(name, help="check files (fix: apply safe fixes; same as check --fix)")
        sub.add_argument("paths", nargs="*", default=["."], help="files or directories; '-' reads standard input")
        sub.add_argument("--fix", action="store_true", default=name == "fix", help="apply fixes in place")
        sub.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
        sub.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
        sub.add_argument("--select", type=_selectors, help="codes, prefixes or names to enable (comma-separated)")
        sub.add_argument("--ignore", type=_selectors, help="codes, prefixes or names to disable (comma-separated)")
        sub.add_argument("--output-format", choices=("concise", "json"), default="concise")
        sub.add_argument("--stdin-filename", help="the name of the file read from standard input")
        sub.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems remain")
        sub.add_argument("--jobs", "-j", type=_positive, help="processes to check files in (default: all cores)")
    add_corpus_parser(commands, _selectors, _positive)
    listing = commands.add_parser("rules", help="list all rules")
    listing.add_argument("--json", action="store_true")
    explain = commands.add_parser("rule", help="show one rule's documentation")
    explain.add_argument("code", help="a rule code or name, e.g. DL101 or toc-entry-without-heading")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rules":
            return _list_rules(args.json)
        if args.command == "rule":
            return _explain(args.code)
        if args.command == "corpus":
            return run_corpus(args)
        return _check(args)
    except PackError as error:
        print(f"doclint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("doclint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as error:  # no traceback ever reaches a user
        print(f"doclint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


def _check(args) -> int:
    linter = Linter(select=args.select, ignore=args.ignore)
    reports: list[FileReport] = []
    failed = False
    fixed_total = 0
    out = sys.stdout
    for _, result in _each_file(linter, args):
        for message in result.errors:
            print(message, file=sys.stderr)
        failed |= result.failed
        fixed_total += result.fixed
        out.write(result.diff)
        if result.stdout is not None:
            sys.stdout.buffer.write(result.stdout)
            sys.stdout.flush()
            out = sys.stderr
        if result.report is not None:
            reports.append(result.report)
    if args.diff:
        if fixed_total:
            print(f"Would fix {fixed_total} problem{'s' * (fixed_total != 1)}.", file=sys.stderr)
        return EXIT_ERROR if failed else (EXIT_FOUND if fixed_total and not args.exit_zero else EXIT_CLEAN)
    if args.output_format == "json":
        out.write(to_json(reports))
    else:
        out.write(concise(reports, args.unsafe_fixes))
        print(summary(reports, args.unsafe_fixes, fixed_total), file=out)
    if failed:
        return EXIT_ERROR
    remaining_problems = any(d.severity >= Severity.WARNING for r in reports for d in r.diagnostics)
    return EXIT_FOUND if remaining_problems and not args.exit_zero else EXIT_CLEAN


def _each_file(linter: Linter, args):
    """(path, FileResult) for each file, in order; files are checked in `--jobs` processes (never stdin)."""
    paths = discover(args.paths)
    jobs = 1 if "-" in paths else min(args.jobs or default_jobs(), len(paths))
    return ordered_map(_check_file, paths, jobs, (linter, args))


@dataclass
class FileResult:
    report: FileReport | None = None
    errors: list[str] = field(default_factory=list)  # for standard error
    diff: str = ""
    stdout: bytes | None = None  # the fixed text of standard input
    fixed: int = 0
    failed: bool = False


def _check_file(context: tuple[Linter, argparse.Namespace], path: str) -> FileResult:
    linter, args = context
    result = FileResult()
    display = args.stdin_filename or "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            try:
                source = decode(data)
            except DecodeError as error:
                raise FileError(str(error)) from None
        else:
            source, data = read(path)
    except FileError as error:
        result.errors.append(f"{display}: error: {error}")
        result.failed = True
        return result
    text = source.text
    if args.fix or args.diff:
        outcome = linter.fix(text, display, unsafe=args.unsafe_fixes)
        if outcome.error:
            result.errors.append(f"{display}: error: {outcome.error}; the file was left unchanged")
            result.failed = True
        new_text, remaining = outcome.text, outcome.remaining
        if args.diff:
            if new_text != text:
                result.diff = "".join(difflib.unified_diff(text.splitlines(True), new_text.splitlines(True),
                                                           fromfile=display, tofile=display))
                if not new_text.endswith(("\n", "\r")):
                    result.diff += "\n\\ No newline at end of file\n"
                result.fixed = sum(outcome.fixed.values())
            return result
        if path == "-":
            result.stdout = source.encode(new_text)
        elif new_text != text:
            try:
                write_atomic(path, source.encode(new_text), data)
            except FileError as error:
                result.errors.append(f"{display}: error: {error}")
                result.failed = True
                new_text, remaining = text, linter.check(text, display)
            else:
                result.fixed = sum(outcome.fixed.values())
        text = new_text
    else:
        remaining = linter.check(text, display)
    result.failed |= any(d.code == "DL000" for d in remaining)
    result.report = FileReport(display, remaining, LineIndex(text))
    return result


def _all_rules():
    return Linter().rules


def _list_rules(as_json: bool) -> int:
    rules = sorted(_all_rules(), key=lambda r: r.code)
    if as_json:
        print(json.dumps([{"code": r.code, "name": r.name, "summary": r.summary, "fixable": r.fixable.value,
                           "severity": r.severity.label, "tags": list(r.tags), "origin": r.origin}
                          for r in rules], indent=2))
        return EXIT_CLEAN
    print(f"{'code':<7} {'name':<30} {'fixable':<10} {'severity':<9} summary")
    for r in rules:
        print(f"{r.code:<7} {r.name:<30} {r.fixable.value:<10} {r.severity.label:<9} {r.summary}")
    return EXIT_CLEAN


def _explain(key: str) -> int:
    for r in _all_rules():
        if key.upper() == r.code or key == r.name:
            print(f"# {r.code} {r.name}\n\n{r.summary}.\n\nFixable: {r.fixable.value}. Default severity: "
                  f"{r.severity.label}. Tags: {', '.join(r.tags) or '-'}.\n\n{r.doc}")
            return EXIT_CLEAN
    print(f"doclint: error: unknown rule {key!r} (see 'doclint rules')", file=sys.stderr)
    return EXIT_ERROR
