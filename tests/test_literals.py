"""The literal pre-test of existence rules: it may let through what cannot match, never hold back what can."""
from __future__ import annotations

import sys

import pytest

from doclint.engine import Linter
from doclint.literals import FOLDS_TO_ASCII, needles, required_literals


@pytest.mark.parametrize("token, literals", [
    ("join our newsletter", ["join our newsletter"]),
    ("(?:leave|drop) (?:us )?a comments?(?: below)?", ["a comment", " "]),
    ("don'?t forget", ["t forget", "don"]),
    ("did you know\\?", ["did you know?"]),
    ("ab+c", ["a", "c"]),
    ("x{2,3}yz", ["yz"]),
    ("read more:?$", ["read more"]),
    ("caf\u00e9 au lait", [" au lait", "caf"]),
])
def test_required_literals(token, literals):
    assert required_literals(token) == literals


@pytest.mark.parametrize("token", ["(?i)abc", "a|b", "[ab]c", "\\x41bc", "\\p{L}+", "(?P<x>a)", ".*"])
def test_unfamiliar_syntax_has_no_literals(token):
    assert required_literals(token) is None
    assert needles([token, "plain"], True) is None


def test_every_character_that_folds_to_ascii_is_listed():
    folding = {chr(c) for c in range(128, sys.maxunicode + 1)
               if not 0xD800 <= c <= 0xDFFF and any(ch.isascii() for ch in chr(c).casefold())}
    assert folding == set(FOLDS_TO_ASCII)


@pytest.mark.parametrize("text", [
    "Share this article with your friends.",
    "\u017fhare this article with friends, caf\u00e9.",  # long s: folds to s
    "SHARE THE STORY WITH STRA\u00dfE friends.",
    "\u0130stanbul. Click here to \ufb01nd out more.",  # a ligature, and a capital that folds to two characters
    "Caf\u00e9 news.\n\nRead more",
])
def test_folded_text_is_found(text):
    assert [d.code for d in Linter(select=["DL601"]).check(text, "x.txt")] == ["DL601"]
