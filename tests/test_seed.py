"""The sample article: its findings, its safe fix and its unsafe fix are pinned."""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.engine import Linter

from conftest import ROOT, UPDATE
from helpers import render

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PINNED = Path(__file__).parent / "seeds"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_findings_and_fixes_are_pinned(seed: Path):
    text = seed.read_text(encoding="utf-8")
    linter = Linter()
    results = {
        "expected": render(text, linter.check(text, seed.name)),
        "fixed.txt": linter.fix(text, seed.name).text,
        "unsafe-fixed.txt": linter.fix(text, seed.name, unsafe=True).text,
    }
    for suffix, actual in results.items():
        pinned = PINNED / f"{seed.stem}.{suffix}"
        if UPDATE:
            PINNED.mkdir(exist_ok=True)
            pinned.write_text(actual, encoding="utf-8")
        assert actual == pinned.read_text(encoding="utf-8"), f"{pinned.name} changed"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_fix_is_stable_and_complete(seed: Path):
    text = seed.read_text(encoding="utf-8")
    linter = Linter()
    for unsafe in (False, True):
        once = linter.fix(text, seed.name, unsafe=unsafe)
        assert once.error is None
        assert linter.fix(once.text, seed.name, unsafe=unsafe).text == once.text
        level = 1 if unsafe else 2
        assert not [d for d in once.remaining if d.fix and d.fix.applicability >= level]


def test_seed_safe_fix_changes_only_named_defects():
    """Every changed line of the safe fix is one the report names, and the outline is kept."""
    seed = SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    linter = Linter()
    fixed = linter.fix(text, seed.name).text
    reported_lines = {int(line.split(":")[0]) for line in render(text, linter.check(text, seed.name)).splitlines()}
    before, after = text.split("\n"), fixed.split("\n")
    assert len(before) == len(after)
    changed = {i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b}
    assert changed and changed <= reported_lines
    assert {30, 31, 26, 23, 57, 63, 69, 52} <= changed  # casing, spacing and misspelling lines
    assert after[72] == before[72].replace("Korea,while principled,failed", "Korea, while principled, failed")
