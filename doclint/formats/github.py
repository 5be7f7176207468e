"""GitHub Actions workflow commands: one annotation per finding, escaped as the actions toolkit does."""
from __future__ import annotations

from ..model import Severity
from . import Run, relative_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: Run) -> str:
    lines = []
    for report in run.reports:
        path = relative_path(report.path, run.cwd)
        for d in report.diagnostics:
            (line, column), (end_line, end_column) = report.index.position(d.start), report.index.position(d.end)
            properties = {"title": f"doclint ({d.code})", "file": path, "line": line, "col": column,
                          "endLine": end_line, "endColumn": end_column}
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            lines.append(f"::{COMMANDS[d.severity]} {joined}::"
                         + escape_data(f"{path}:{line}:{column}: {d.code} {d.message}") + "\n")
    return "".join(lines)
