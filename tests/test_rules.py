"""One directory per rule under tests/rules/<CODE>/, checked by one harness.

Each directory has `bad.txt` or `bad.md` (must trigger the rule), `bad.expected` (the diagnostics, as
`line:col: CODE [*] message`), `bad.fixed.<ext>` (the text after fixing with unsafe fixes; absent when the rule
never fixes) and `good.<ext>` (must be clean). DOCLINT_UPDATE=1 rewrites the expected files for review.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.engine import Linter
from doclint.model import Applicability, Fixable
from doclint.registry import builtin_rules
from doclint.packs import pack_rules

from conftest import UPDATE
from helpers import render

CASES = Path(__file__).parent / "rules"
ALL_RULES = {r.code: r for r in builtin_rules() + pack_rules()}


def case_dirs():
    return sorted(p for p in CASES.iterdir() if p.is_dir())


def _input(case: Path, stem: str) -> Path:
    found = [p for p in case.iterdir() if p.name.split(".")[0] == stem and p.suffix in (".txt", ".md")
             and ".fixed" not in p.name]
    assert len(found) == 1, f"{case}: expected exactly one {stem}.txt or {stem}.md"
    return found[0]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_every_rule_has_a_case_directory():
    assert {p.name for p in case_dirs()} >= set(ALL_RULES), "rules without tests/rules/<CODE>/"
    assert set(ALL_RULES) >= {p.name for p in case_dirs()}, "case directories for unknown rules"


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_rule_case(case: Path):
    code = case.name
    rule = ALL_RULES[code]
    linter = Linter(select=[code])
    bad = _input(case, "bad")
    text = _read(bad)
    diagnostics = linter.check(text, bad.name)
    assert diagnostics, f"{code}: bad input raised nothing"
    assert all(d.code == code for d in diagnostics)

    expected_file = case / "bad.expected"
    rendered = render(text, diagnostics)
    if UPDATE:
        expected_file.write_text(rendered, encoding="utf-8")
    assert rendered == expected_file.read_text(encoding="utf-8")

    emitted_fix = [d.fix is not None for d in diagnostics]
    if rule.fixable is Fixable.NEVER:
        assert not any(emitted_fix), f"{code} promises never to fix but emitted a fix"
    if rule.fixable is Fixable.ALWAYS:
        assert all(emitted_fix), f"{code} promises always to fix but a diagnostic has no fix"
    for d in diagnostics:
        if d.fix is not None:
            assert d.fix.title and d.fix.edits

    fixed_file = case / f"bad.fixed{bad.suffix}"
    outcome = linter.fix(text, bad.name, unsafe=True)
    assert outcome.error is None, outcome.error
    if rule.fixable is Fixable.NEVER:
        assert outcome.text == text and not fixed_file.exists()
    else:
        if UPDATE:
            fixed_file.write_bytes(outcome.text.encode("utf-8"))
        assert outcome.text == _read(fixed_file)
        # nothing fixable remains, and fixing again changes nothing
        again = linter.fix(outcome.text, bad.name, unsafe=True)
        assert again.text == outcome.text
        assert not [d for d in linter.check(outcome.text, bad.name)
                    if d.fix and d.fix.applies(Applicability.UNSAFE)]

    good = _input(case, "good")
    assert linter.check(_read(good), good.name) == [], f"{code}: good input raised diagnostics"
