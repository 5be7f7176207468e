"""Never hang: every pattern runs through doclint.patterns with a time budget; a rule that exceeds it on a
document becomes a DL000 finding and the run goes on."""
from __future__ import annotations

import ast

import pytest

from doclint import patterns
from doclint.engine import Linter
from helpers import run_cli

from conftest import ROOT

CATASTROPHIC_PACK = '''
[[rule]]
code = "DL990"
name = "catastrophic-pattern"
kind = "existence"
summary = "A test-only rule whose pattern backtracks exponentially"
message = "found {found}"
tokens = ["(a|aa)+c"]
'''
# The run of a's holds a "c" (the literal every match needs), so the pattern runs there, and backtracks.
ADVERSARY = "Title\n\nIntro paragraph, with words,and a comma to fix.\n\n" + "a" * 60 + " c\n"


@pytest.fixture
def catastrophic_pack(tmp_path, monkeypatch):
    """A pack with an exponential pattern, and a short time budget so the test does not wait seconds."""
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "slow.toml").write_text(CATASTROPHIC_PACK, encoding="utf-8")
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.05)
    return folder


def test_a_rule_that_times_out_is_reported_and_the_other_rules_still_run(catastrophic_pack):
    found = Linter(packs=(str(catastrophic_pack),)).check(ADVERSARY, "article.txt")
    internal = [d for d in found if d.code == "DL000"]
    assert len(internal) == 1
    assert "rule DL990 (catastrophic-pattern) timed out" in internal[0].message
    assert "DL301" in {d.code for d in found}  # the comma is still reported


def test_a_time_out_fails_the_run_names_the_file_and_rule_and_the_next_file_is_checked(catastrophic_pack, tmp_path,
                                                                                         capsys):
    (tmp_path / "doclint.toml").write_text(f'packs = ["{catastrophic_pack}"]\n', encoding="utf-8")
    slow, fine = tmp_path / "a.txt", tmp_path / "b.txt"
    slow.write_text(ADVERSARY, encoding="utf-8")
    fine.write_text("Title\n\nOne sentence,with a comma.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "check", "--fix", str(slow), str(fine))
    assert code == 2 and "Traceback" not in out + err
    assert f"{slow}:1:1: DL000 internal error: rule DL990 (catastrophic-pattern) timed out" in out
    assert slow.read_text(encoding="utf-8") == ADVERSARY.replace("words,and", "words, and")
    assert fine.read_text(encoding="utf-8") == "Title\n\nOne sentence, with a comma.\n"


def test_the_budget_grows_with_the_text():
    assert patterns.budget(0, 0) == patterns.TIMEOUT_SECONDS
    assert patterns.budget(0, 50_000_000) == patterns.TIMEOUT_SECONDS + 50 * patterns.SECONDS_PER_MB


def test_no_module_bypasses_doclint_patterns():
    """Only doclint/patterns.py may use `re` or `regex` to match (escape, flags and errors are fine)."""
    allowed = {"escape", "IGNORECASE", "VERSION1", "error", "Match"}
    offenders = []
    for path in sorted((ROOT / "doclint").rglob("*.py")):
        if path.name == "patterns.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name in ("re", "regex") for a in node.names):
                offenders.append(f"{path.name}:{node.lineno} imports {node.names[0].name}")
            elif isinstance(node, ast.ImportFrom) and node.module in ("re", "regex"):
                offenders.append(f"{path.name}:{node.lineno} imports from {node.module}")
            elif isinstance(node, ast.Attribute) and node.attr not in allowed and ast.unparse(node.value) in (
                    "patterns.regex", "regex", "re"):
                offenders.append(f"{path.name}:{node.lineno} uses regex.{node.attr}")
    assert offenders == []
