"""Shared by the tests: render diagnostics the way the concise reporter does, minus the path; run the CLI."""
from __future__ import annotations

from doclint.cli import main
from doclint.report import fixable_now
from doclint.source import LineIndex

from conftest import ROOT

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """main(args) in-process: (exit status, standard output, standard error)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def render(text: str, diagnostics) -> str:
    index = LineIndex(text)
    lines = []
    for d in diagnostics:
        line, column = index.position(d.start)
        mark = " [*]" if fixable_now(d, unsafe=False) else ""
        lines.append(f"{line}:{column}: {d.code}{mark} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")
