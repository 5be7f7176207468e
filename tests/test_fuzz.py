"""The fuzz target stays runnable: a short fallback run over mutated seeds finds no failure."""
from __future__ import annotations

import importlib.util

from conftest import ROOT


def load_target():
    spec = importlib.util.spec_from_file_location("fuzz_doclint", ROOT / "fuzz" / "fuzz_doclint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fuzz_target_accepts_refusals_and_mutated_seeds(capsys):
    target = load_target()
    target.check_bytes(b"\xff\xfe\x00 not UTF-8")
    target.check_bytes(b"")
    assert target.fallback(runs=20, seed=7) == 0
    assert capsys.readouterr().out == "20 inputs, no failure\n"
