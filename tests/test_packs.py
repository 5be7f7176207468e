"""Declarative packs: shipped packs load and behave; mistakes are clear errors naming file and key."""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.engine import Linter
from doclint.kinds import parse_swaps
from doclint.packs import PackError, load_pack, pack_examples
from doclint.resources import packs_dir

PACKS = sorted(Path(packs_dir()).glob("*.toml"))


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


def test_every_misspelling_entry_is_normalised():
    swaps = parse_swaps((Path(packs_dir()) / "misspellings-en.txt").read_text(encoding="utf-8"), "codespell")
    assert len(swaps) > 60_000
    for typo, choices in swaps.items():
        assert typo == " ".join(typo.split()).lower(), typo
        assert choices and all(c == c.strip() for c in choices), typo
        assert typo not in (c.lower() for c in choices if c), typo


BOILERPLATE_SAMPLES = {
    "what are your thoughts on": "What are your thoughts on the deal?",
    "what do you think about": "What do you think about the plan?",
    "let us know (?:your thoughts )?in the comments": "Let us know your thoughts in the comments.",
    "(?:leave|drop|share) (?:us )?(?:a|your) comments?(?: below)?": "Leave a comment below.",
    "share (?:this|the) (?:article|post|story) with": "Share this article with a friend.",
    "don'?t forget to (?:like|share|subscribe)": "Don't forget to subscribe.",
    "(?:subscribe|sign up) (?:to|for) (?:our|the) newsletter": "Sign up for our newsletter today.",
    "join our newsletter": "Join our newsletter for updates.",
    "this (?:website|site) uses cookies": "This website uses cookies.",
    "we use cookies to": "We use cookies to improve the site.",
    "accept (?:all )?cookies": "Please accept all cookies.",
    "click here to (?:read|learn|find out|subscribe)": "Click here to learn more.",
    "read more:?$": "The plan passed. Read more",
    "continue reading": "Continue reading the story.",
    "follow us on (?:twitter|facebook|instagram|linkedin|x)": "Follow us on Twitter.",
    "^did you know\\?": "Did you know? Chips are small.",
    "^pro tip:": "Pro Tip: buy early.",
    "^quick tip:": "Quick tip: save often.",
    "^fun fact:": "Fun fact: owls turn their heads.",
    "^key takeaways?:": "Key takeaways: it works.",
    "^bonus tip:": "Bonus tip: sleep.",
}


def test_every_boilerplate_entry_has_a_sample_that_it_reports():
    import tomllib

    data = tomllib.loads((Path(packs_dir()) / "boilerplate.toml").read_text(encoding="utf-8"))
    tokens = [t for rule in data["rule"] for t in rule["tokens"]]
    assert sorted(tokens) == sorted(BOILERPLATE_SAMPLES)
    linter = Linter(select=["DL601", "DL602"])
    for token, sample in BOILERPLATE_SAMPLES.items():
        assert linter.check(f"A Title\n{sample}\n", "x.txt"), token
