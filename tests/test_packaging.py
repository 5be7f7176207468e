"""The installed distribution carries the rule packs (the wheel, not only a source checkout)."""
from __future__ import annotations

from importlib import metadata

import pytest


def test_wheel_ships_rule_packs():
    try:
        dist = metadata.distribution("doclint")
    except metadata.PackageNotFoundError:
        pytest.skip("doclint is not installed (running from a bare checkout)")
    files = {str(f) for f in dist.files or []}
    if not any(f.startswith("doclint/") for f in files):
        pytest.skip("editable install: the packs are read from the checkout")
    assert {"doclint/packs/misspellings.toml", "doclint/packs/misspellings-en.txt",
            "doclint/packs/words-en.txt"} <= files
