"""Declarative packs: shipped packs load and behave; mistakes are clear errors naming file and key."""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.engine import Linter
from doclint.kinds import parse_swaps
from doclint.packs import PackError, load_pack, pack_examples
from doclint.resources import packs_dir

PACKS = sorted(packs_dir().glob("*.toml"))


def test_shipped_packs_exist_and_load():
    assert PACKS, "no rule packs found"
    for pack in PACKS:
        assert load_pack(pack)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_pack_examples_behave(pack: Path):
    for code, examples in pack_examples(pack):
        linter = Linter(select=[code])
        found = linter.check(examples["bad"], "x.txt")
        assert found, f"{code}: bad example not reported"
        assert linter.check(examples["good"], "x.txt") == [], f"{code}: good example reported"
        if any(d.fix for d in found):
            assert linter.fix(examples["bad"], "x.txt").text == examples["good"]


def test_codespell_lines_are_normalised():
    swaps = parse_swaps("Thier->their\n  occured -> occurred \nabbout->about, abbot,\nwich->which,\n"
                        "reenable->re-enable\n# comment\n", "codespell")
    assert swaps["thier"] == ("their",) and swaps["occured"] == ("occurred",)
    assert swaps["abbout"] == ("about", "abbot")
    assert swaps["wich"] == ("which", "")  # trailing comma: reviewed by a person, never auto-fixed
    assert "reenable" not in swaps  # hyphenation is house style, not spelling


def test_multiple_corrections_are_reported_without_fix():
    (d,) = Linter(select=["DL401"]).check("T\nIt may run on or off clutser today.\n", "x.txt")
    assert d.fix is None and "'cluster' or 'clutter'" in d.message


def test_identifiers_and_tags_are_not_spellchecked():
    assert Linter(select=["DL401"]).check("T\nSee #aks-3068 and file_occured_x here.\n", "x.txt") == []


@pytest.mark.parametrize("body, message", [
    ('[[rule]]\ncode = "DL901"\nname = "x"\nkind = "existence"\nsummary = "s"\nmessage = "m"\ntokens = ["a"]\n'
     'colour = "red"\n', "unknown key 'colour'"),
    ('[[rule]]\ncode = "DL901"\nname = "x"\nkind = "existence"\nsummary = "s"\nmessage = "m"\ntokens = ["(a"]\n',
     "bad pattern in 'tokens'"),
    ('[[rule]]\ncode = "DL901"\nname = "x"\nkind = "magic"\nsummary = "s"\nmessage = "m"\n', "unknown kind 'magic'"),
    ('[[rule]]\ncode = 5\n', "'code' is required and must be a string"),
    ('[[rule]\n', "Expected"),
])
def test_pack_mistakes_name_the_file_and_key(tmp_path, body, message):
    pack = tmp_path / "mine.toml"
    pack.write_text(body, encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_pack(pack)
    assert str(pack) in str(error.value) and message in str(error.value)
