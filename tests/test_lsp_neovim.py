"""A real editor: headless Neovim opens the seed, shows doclint's diagnostics, applies fix-all and quick fixes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from doclint.engine import Linter
from doclint.fixer import apply_fixes
from doclint.model import Applicability

from conftest import ROOT

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
SESSION = ROOT / "tests" / "nvim" / "session.lua"
# An emoji is two UTF-16 code units and four UTF-8 bytes; U+2028 is a character inside a line, not a line break.
UNICODE_ARTICLE = "# A Title\n\nThe 😀 team\u2028met 😀😀 today,and left.\n"


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> dict:
    nvim = shutil.which("nvim")
    if nvim is None:
        if os.environ.get("CI"):
            pytest.fail("nvim is missing: .ci/run installs Debian's neovim")
        pytest.skip("nvim is not installed (apt-get install neovim)")
    work = tmp_path_factory.mktemp("nvim")
    for name in ("fixall.txt", "quickfix.txt"):
        shutil.copy(SEED, work / name)
    (work / "unicode.md").write_bytes(UNICODE_ARTICLE.encode("utf-8"))
    env = {**os.environ, "DOCLINT_WORK": str(work),
           "DOCLINT_SERVER": json.dumps([sys.executable, "-m", "doclint", "lsp"])}
    result = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {SESSION}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    results = json.loads((work / "results.json").read_text(encoding="utf-8"))
    assert result.returncode == 0 and results.get("error") is None, (results, result.stderr)
    results["work"] = work
    return results


@pytest.mark.slow
def test_neovim_shows_the_seed_diagnostics(session, capsys):
    seed = session["seed"]
    expected = Linter().check(SEED.read_text(encoding="utf-8"), SEED.name)
    assert seed["diagnostics"] == len(expected)
    assert seed["codes"] == [d.code for d in expected]
    assert seed["open_to_diagnostics_ms"] < 10_000
    with capsys.disabled():
        print(f"\nneovim: {seed['diagnostics']} diagnostics for {SEED.name}; open to diagnostics "
              f"{seed['open_to_diagnostics_ms']:.0f} ms on a fresh server, "
              f"{seed['warm_open_to_diagnostics_ms']:.0f} ms on a warm one; "
              f"server start to diagnostics {seed['start_to_diagnostics_ms']:.0f} ms")


@pytest.mark.slow
def test_neovim_fix_all_writes_what_the_cli_writes(session, tmp_path):
    cli_copy = tmp_path / "article.txt"
    shutil.copy(SEED, cli_copy)
    subprocess.run([sys.executable, "-m", "doclint", "check", "--fix", str(cli_copy)], cwd=ROOT, capture_output=True)
    assert session["fix_all_title"] == "doclint: Fix all safe problems"
    assert (session["work"] / "fixall.out").read_bytes() == cli_copy.read_bytes() != SEED.read_bytes()


@pytest.mark.slow
def test_neovim_quick_fix_changes_only_its_span(session):
    text = SEED.read_text(encoding="utf-8")
    comma = next(d for d in Linter().check(text, SEED.name) if d.code == "DL301")
    expected, _ = apply_fixes(text, [comma], Applicability.SAFE)
    assert session["quick_fix"]["title"] == "DL301: Insert a space after the comma"
    assert session["quick_fix"]["diagnostic"]["range"]["start"] == {"line": 22, "character": 40}
    assert (session["work"] / "quickfix.out").read_text(encoding="utf-8") == expected != text


@pytest.mark.slow
def test_neovim_places_diagnostics_after_emoji_and_line_separators(session):
    line = UNICODE_ARTICLE.split("\n")[2]
    assert session["unicode"]["line"] == 2
    assert session["unicode"]["byte_column"] == len(line[:line.index(",")].encode("utf-8"))
    fixed = (session["work"] / "unicode.out").read_text(encoding="utf-8")
    assert fixed == UNICODE_ARTICLE.replace(",and", ", and")
