"""Command line: doclint check | fix | rules | rule CODE | lsp."""
from __future__ import annotations

import argparse
import os
import sys
from functools import lru_cache, partial

from . import __version__, check_command
from .baseline import BaselineError
from .check_command import EXIT_CLEAN, EXIT_ERROR
from .config import ConfigError
from .corpus_cli import add_corpus_parser, run_corpus
from .packs import PackError
from .workspace import Workspace


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


class _Formatter(argparse.HelpFormatter):
    """argparse's, told the terminal's width; by itself it imports shutil to ask, for every argument declared."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_width())


@lru_cache(maxsize=1)  # asked once for each argument declared
def _terminal_width() -> int:
    """As shutil.get_terminal_size reads it: $COLUMNS, else the terminal of standard output, else 80; less 2."""
    try:
        return int(os.environ["COLUMNS"]) - 2
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns - 2
    except (AttributeError, ValueError, OSError):
        return 78


_parser = partial(argparse.ArgumentParser, formatter_class=_Formatter)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="doclint", description="Lint and fix the structure and text of articles.",
                                     formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"doclint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_parser)
    for name in ("check", "fix"):
        sub = commands.add_parser(name, help="check files (fix: apply safe fixes; same as check --fix)")
        check_command.add_arguments(sub, fixing=name == "fix")
        sub.add_argument("--jobs", "-j", type=_positive, help="processes to check files in (default: all cores)")
    add_corpus_parser(commands, check_command._selectors, _positive)
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
        if args.command == "corpus":
            return run_corpus(args)
        if args.command == "lsp":
            from .lsp import main as serve_lsp  # imported only here: check never loads pygls

            return serve_lsp()
        return check_command.run(args)
    except (ConfigError, PackError, BaselineError) as error:
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


def _all_rules():
    """Every rule available here: built in, shipped packs, and the packs the configuration adds."""
    return Workspace().settings_for(".").linter().available.values()


def _list_rules(as_json: bool) -> int:
    rules = sorted(_all_rules(), key=lambda r: r.code)
    if as_json:
        import json

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
            options = "".join(f"\n- `{o.name}` (default {o.default!r}): {o.help}" for o in r.options)
            print(f"# {r.code} {r.name}\n\n{r.summary}.\n\nFixable: {r.fixable.value}. Default severity: "
                  f"{r.severity.label}. Tags: {', '.join(r.tags) or '-'}.\n\n{r.doc}"
                  + (f"\n\n## Options\n{options}" if options else ""))
            return EXIT_CLEAN
    print(f"doclint: error: unknown rule {key!r} (see 'doclint rules')", file=sys.stderr)
    return EXIT_ERROR
