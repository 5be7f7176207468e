"""Command line: doclint check | fix | rules | rule CODE | lsp."""
from __future__ import annotations

import argparse
import difflib
import json
import sys

from . import __version__
from .engine import Linter
from .files import FileError, discover, read, write_atomic
from .model import Severity
from .packs import PackError
from .report import FileReport, concise, summary, to_json
from .source import DecodeError, LineIndex, decode

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


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
    listing = commands.add_parser("rules", help="list all rules")
    listing.add_argument("--json", action="store_true")
    explain = commands.add_parser("rule", help="show one rule's documentation")
    explain.add_argument("code", help="a rule code or name, e.g. DL101 or toc-entry-without-heading")
    commands.add_parser("lsp", help="run the language server on stdin/stdout (needs: pip install 'doclint[lsp]')")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rules":
            return _list_rules(args.json)
        if args.command == "rule":
            return _explain(args.code)
        if args.command == "lsp":
            from .lsp import main as serve_lsp  # imported only here: check never loads pygls

            return serve_lsp()
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
    fixing = args.fix and not args.diff
    reports: list[FileReport] = []
    failed = False
    fixed_total = 0
    out = sys.stdout
    for path in discover(args.paths):
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
            print(f"{display}: error: {error}", file=sys.stderr)
            failed = True
            continue
        text = source.text
        if args.fix or args.diff:
            outcome = linter.fix(text, display, unsafe=args.unsafe_fixes)
            if outcome.error:
                print(f"{display}: error: {outcome.error}; the file was left unchanged", file=sys.stderr)
                failed = True
            new_text, remaining = outcome.text, outcome.remaining
            if args.diff:
                if new_text != text:
                    out.writelines(difflib.unified_diff(text.splitlines(True), new_text.splitlines(True),
                                                        fromfile=display, tofile=display))
                    if not new_text.endswith(("\n", "\r")):
                        out.write("\n\\ No newline at end of file\n")
                    fixed_total += sum(outcome.fixed.values())
                continue
            if path == "-":
                sys.stdout.buffer.write(source.encode(new_text))
                sys.stdout.flush()
                out = sys.stderr
            elif new_text != text:
                try:
                    write_atomic(path, source.encode(new_text), data)
                except FileError as error:
                    print(f"{display}: error: {error}", file=sys.stderr)
                    failed = True
                    new_text, remaining = text, linter.check(text, display)
                else:
                    fixed_total += sum(outcome.fixed.values())
            text = new_text
        else:
            remaining = linter.check(text, display)
        if any(d.code == "DL000" for d in remaining):
            failed = True
        reports.append(FileReport(display, remaining, LineIndex(text)))
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
