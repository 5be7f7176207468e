"""`doclint check` and `doclint fix`: their arguments, the work on one file, and the report of a run."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

from .config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, KEYS, ConfigError
from .files import FileError, read, write_atomic
from .formats import FORMATS, TEXT_FORMATS, Run, render
from .formats.text import document_rows, fixes_applied, statistics, statistics_rows
from .model import Severity
from .packs import PackError
from .report import FileReport, summary
from .source import DecodeError, Excerpt, LineIndex, decode
from .workspace import Workspace

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
SELECTION_FLAGS = (
    ("select", "rules to enable: codes, prefixes (DL3), names, tags or ALL; replaces the configured selection"),
    ("extend-select", "rules to enable in addition to the selection"),
    ("ignore", "rules to disable"),
    ("fixable", "rules whose fixes may be applied (default: all)"),
    ("unfixable", "rules whose fixes are only shown, never applied"),
)


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def add_arguments(sub: argparse.ArgumentParser, fixing: bool) -> None:
    sub.add_argument("paths", nargs="*", default=["."], help="files or directories; '-' reads standard input")
    sub.add_argument("--stdin-filename", help="the name of the file read from standard input")
    sub.add_argument("--force-exclude", action="store_true",
                     help="apply exclude and .gitignore to files named on the command line too (for pre-commit)")

    settings = sub.add_argument_group("configuration")
    source = settings.add_mutually_exclusive_group()
    source.add_argument("--config", metavar="FILE", help="use this configuration file for every file")
    source.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    settings.add_argument("--show-settings", action="store_true", help="print the resolved settings and exit")
    for flag, text in SELECTION_FLAGS:
        settings.add_argument(f"--{flag}", type=_selectors, metavar="SELECTORS", help=f"{text} (comma-separated)")

    fixes = sub.add_argument_group("fixing")
    fixes.add_argument("--fix", action="store_true", default=fixing, help="apply fixes in place")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fixes.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    fixes.add_argument("--show-fixes", action="store_true", help="list the fixes applied, per file and rule")

    baseline = sub.add_argument_group("baseline")
    baseline.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    baseline.add_argument("--write-baseline", action="store_true", help="record today's findings in --baseline FILE")

    output = sub.add_argument_group("output")
    output.add_argument("--output-format", choices=FORMATS, default="concise")
    output.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")
    output.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule and each document's readability")
    output.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour text output (auto: on a terminal, unless NO_COLOR is set)")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems remain")
    output.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when any fix was applied")


def workspace_for(args) -> Workspace:
    overrides = {flag: getattr(args, flag.replace("-", "_")) for flag, _ in SELECTION_FLAGS}
    return Workspace(args.config, args.isolated, overrides)


class FileResult:
    __slots__ = ("report", "errors", "internal_error", "diff", "stdout")

    def __init__(self, errors: list[str] | None = None):
        self.report: FileReport | None = None
        self.errors = [] if errors is None else errors  # for standard error
        self.internal_error = False  # a rule failed (DL000): the run exits 2
        self.diff = ""
        self.stdout: bytes | None = None  # the fixed text, when fixing standard input


def check_file(path: str, args, workspace: Workspace) -> FileResult:
    """Read, check (and fix or diff) one file; writes the file when fixing, prints nothing."""
    display = args.stdin_filename or "<stdin>" if path == "-" else path
    result = FileResult()
    try:
        source, data = _read(path)
    except FileError as error:
        result.errors.append(f"{display}: error: {error}")
        return result
    text = source.text
    if path == "-" and args.stdin_filename and args.force_exclude \
            and workspace.excluded(os.path.abspath(args.stdin_filename), False):
        result.stdout = data if args.fix and not args.diff else None
        return result
    linter = workspace.settings_for(display).linter()
    fixed: Counter = Counter()
    if args.fix or args.diff:
        outcome = linter.fix(text, display, unsafe=args.unsafe_fixes)
        if outcome.error:
            result.errors.append(f"{display}: error: {outcome.error}; the file was left unchanged")
        new_text, remaining = outcome.text, outcome.remaining
        if args.diff:
            result.diff = _unified_diff(text, new_text, display)
            fixed = outcome.fixed if new_text != text else Counter()
            new_text = text
        elif path == "-":
            result.stdout = source.encode(new_text)
            fixed = outcome.fixed
        elif new_text != text:
            try:
                write_atomic(path, source.encode(new_text), data)
                fixed = outcome.fixed
            except FileError as error:
                result.errors.append(f"{display}: error: {error}")
                new_text, remaining = text, linter.check(text, display)
        text = new_text
    else:
        remaining = linter.check(text, display)
    result.internal_error = any(d.code == "DL000" for d in remaining)
    result.report = FileReport(display, remaining, _excerpt(text, remaining) if remaining else None, fixed)
    if args.statistics:
        from .readability import document_statistics

        result.report.readability = document_statistics(linter.parse(text, display))
    return result


def _excerpt(text: str, diagnostics: list) -> Excerpt:
    """The lines a report quotes: each finding's first line, and the lines its fix changes."""
    spans = [(d.start, d.start) for d in diagnostics]
    spans += [(min(e.start for e in d.fix.edits), max(e.end for e in d.fix.edits))
              for d in diagnostics if d.fix is not None and d.fix.edits]
    return Excerpt(LineIndex(text), spans)


def check_file_guarded(path: str, args, workspace: Workspace) -> FileResult:
    """check_file; a failure of doclint itself on this file is reported against the file and the run goes on."""
    try:
        return check_file(path, args, workspace)
    except (ConfigError, PackError):
        raise  # the configuration is wrong for every file: the run stops with its message
    except Exception as error:
        display = args.stdin_filename or "<stdin>" if path == "-" else path
        return FileResult(errors=[f"{display}: internal error: {type(error).__name__}: {error}; "
                                  "the file was left unchanged"])


def _check_all(paths: list[str], args, workspace: Workspace) -> list[FileResult]:
    """Every file's result, in the order given; in a pool of processes when --jobs allows and files are many."""
    if len(paths) <= 1 or args.jobs == 1 or "-" in paths:
        return [check_file_guarded(path, args, workspace) for path in paths]
    from .parallel import default_jobs, map_all  # only when there may be a pool

    jobs = min(args.jobs or default_jobs(), len(paths))
    if jobs <= 1:
        return [check_file_guarded(path, args, workspace) for path in paths]

    workspace.settings_for(paths[0]).linter()  # built before the pool: forked workers inherit its rules and lists
    return map_all(_check_in_pool, paths, jobs, (args, workspace), _size)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _check_in_pool(context, path: str) -> FileResult:
    args, workspace = context
    return check_file_guarded(path, args, workspace)


def _read(path: str):
    if path != "-":
        return read(path)
    data = sys.stdin.buffer.read()
    try:
        return decode(data), data
    except DecodeError as error:
        raise FileError(str(error)) from None


def _unified_diff(text: str, new_text: str, display: str) -> str:
    if new_text == text:
        return ""
    import difflib

    diff = "".join(difflib.unified_diff(text.splitlines(True), new_text.splitlines(True), fromfile=display,
                                        tofile=display))
    return diff + ("\n\\ No newline at end of file\n" if not new_text.endswith(("\n", "\r")) else "")


def run(args) -> int:
    if args.write_baseline and not args.baseline:
        raise ConfigError("--write-baseline needs --baseline FILE")
    workspace = workspace_for(args)
    paths = workspace.discover(args.paths, args.force_exclude)
    if args.show_settings:
        print(show_settings(workspace, paths[0] if paths else "."), end="")
        return EXIT_CLEAN
    baseline = None
    if args.baseline:
        from .baseline import Baseline

        baseline = Baseline(args.baseline) if args.write_baseline else Baseline.load(args.baseline)
    results = _check_all(paths, args, workspace)
    failed = 0
    for result in results:
        failed += bool(result.errors) or result.internal_error
        for message in result.errors:
            print(message, file=sys.stderr)
        if result.stdout is not None:
            sys.stdout.buffer.write(result.stdout)
            sys.stdout.flush()
    reports = [r.report for r in results if r.report is not None]
    fixed_total = sum(sum(r.fixed.values()) for r in reports)
    if args.diff:
        sys.stdout.write("".join(r.diff for r in results))
        if fixed_total:
            print(f"Would fix {fixed_total} problem{'s' * (fixed_total != 1)}.", file=sys.stderr)
        return EXIT_ERROR if failed else (EXIT_FOUND if fixed_total and not args.exit_zero else EXIT_CLEAN)
    if baseline is not None:
        if args.write_baseline:
            for report in reports:
                baseline.record(report.path, report.index, report.diagnostics)
            baseline.write()
            count = sum(baseline.known.values())
            print(f"Wrote {count} finding{'s' * (count != 1)} to {args.baseline}.", file=sys.stderr)
            return EXIT_ERROR if failed else EXIT_CLEAN
        for report in reports:
            report.diagnostics = baseline.new_findings(report.path, report.index, report.diagnostics)
    stream = sys.stderr if any(r.stdout is not None for r in results) else sys.stdout
    emit(reports, args, workspace, stream, failed)
    if failed:
        return EXIT_ERROR
    if args.exit_non_zero_on_fix and fixed_total:
        return EXIT_FOUND
    remaining = any(d.severity >= Severity.WARNING for r in reports for d in r.diagnostics)
    return EXIT_FOUND if remaining and not args.exit_zero else EXIT_CLEAN


def emit(reports: list[FileReport], args, workspace: Workspace, stream, failed: int = 0) -> None:
    """Write the report in the chosen format to stream or to --output-file; `failed`: files with errors."""
    rules = {}
    for report in reports:
        rules.update(workspace.settings_for(report.path).linter().available)
    human = args.output_format in TEXT_FORMATS
    target = None if args.output_file else stream
    run = Run(reports, rules, args.unsafe_fixes, human and use_color(args.color, target), workspace.cwd)
    if args.statistics:
        import json

        body = (statistics(run) if args.output_format not in ("json", "json-lines")
                else json.dumps({"rules": statistics_rows(run), "documents": document_rows(run)}, indent=2) + "\n")
    else:
        body = render(args.output_format, run)
    if human:
        if args.show_fixes:
            body += fixes_applied(run)
        body += summary(reports, args.unsafe_fixes, sum(sum(r.fixed.values()) for r in reports), failed) + "\n"
    elif args.show_fixes:
        sys.stderr.write(fixes_applied(run))
    if args.output_file:
        try:
            with open(args.output_file, "w", encoding="utf-8") as handle:
                handle.write(body)
        except OSError as error:
            raise ConfigError(f"{args.output_file}: cannot write the report: {error.strerror or error}") from None
    else:
        stream.write(body)


def use_color(choice: str, stream) -> bool:
    """always/never as asked; auto: on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it on)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream is not None and stream.isatty() and os.environ.get("TERM") != "dumb"


def show_settings(workspace: Workspace, path: str) -> str:
    """The resolved settings for `path`, as TOML, with where each value came from."""
    settings = workspace.settings_for(path)
    linter = settings.linter()
    defaults = {"include": DEFAULT_INCLUDE, "exclude": DEFAULT_EXCLUDE, "respect-gitignore": True,
                "slug-dialect": "github"}
    lines = [f"# Settings for {path}", f"# root: {settings.root}",
             f"# configuration: {' (extends) '.join(settings.sources) or 'none (defaults)'}"]
    for key in sorted(KEYS - {"extend"}):
        value = settings.values.get(key, defaults.get(key))
        if value is None:
            continue
        origin = settings.origins.get(key, "default")
        lines.append(f"{key} = {_toml(value)}  # {origin}")
    lines.append(f"# enabled rules: {', '.join(sorted(r.code for r in linter.rules))}")
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    import json  # only --show-settings pays for it

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
