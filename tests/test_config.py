"""Configuration: discovery (closest file wins, extend), every key, and clear errors for mistakes."""
from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doclint.workspace import Workspace

from helpers import SEED, run_cli

COMMA = "Title Line\nIt was done,and then it ended.\n"  # DL301 only



def codes(out: str) -> set[str]:
    return {line.split(": ")[1].split()[0] for line in out.splitlines() if ": DL" in line}


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "seed.txt")
    return tmp_path


def test_pyproject_table_is_found_from_a_subdirectory(capsys, project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.doclint]\nselect = ["DL3"]\n')
    (project / "docs").mkdir()
    shutil.copy(SEED, project / "docs" / "a.txt")
    _, out, _ = run_cli(capsys, "check", "docs/a.txt")
    assert codes(out) == {"DL301", "DL302", "DL303"}


def test_pyproject_without_doclint_table_is_not_a_configuration(capsys, project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    _, out, _ = run_cli(capsys, "check", "seed.txt")
    assert "DL101" in codes(out)


def test_closest_file_wins_and_parents_are_not_merged(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL3"]\n')
    (project / "sub").mkdir()
    (project / "sub" / ".doclint.toml").write_text('select = ["DL401"]\n')
    (project / "sub" / "doclint.toml").write_text('select = ["DL101"]\n')  # .doclint.toml takes precedence
    shutil.copy(SEED, project / "sub" / "b.txt")
    _, out, _ = run_cli(capsys, "check", "seed.txt", "sub/b.txt")
    assert codes("\n".join(line for line in out.splitlines() if line.startswith("seed.txt"))) == {"DL301", "DL302",
                                                                                                 "DL303"}
    assert codes("\n".join(line for line in out.splitlines() if line.startswith("sub/"))) == {"DL401"}


def test_extend_merges_the_base_and_adds_lists(capsys, project):
    (project / "base.toml").write_text('select = ["DL3"]\nignore = ["DL302"]\n')
    (project / "doclint.toml").write_text('extend = "base.toml"\nextend-select = ["DL401"]\nignore = ["DL303"]\n')
    _, out, _ = run_cli(capsys, "check", "seed.txt")
    assert codes(out) == {"DL301", "DL401"}


def test_circular_extend_is_an_error(capsys, project):
    (project / "a.toml").write_text('extend = "doclint.toml"\n')
    (project / "doclint.toml").write_text('extend = "a.toml"\n')
    code, _, err = run_cli(capsys, "check", "seed.txt")
    assert code == 2 and "circular extension" in err and "Traceback" not in err


def test_config_flag_and_isolated(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL3"]\n')
    (project / "other.toml").write_text('select = ["DL401"]\n')
    assert codes(run_cli(capsys, "check", "--config", "other.toml", "seed.txt")[1]) == {"DL401"}
    assert "DL101" in codes(run_cli(capsys, "check", "--isolated", "seed.txt")[1])
    code, _, err = run_cli(capsys, "check", "--config", "missing.toml", "seed.txt")
    assert code == 2 and "missing.toml: no such configuration file" in err


def test_command_line_select_replaces_and_ignore_adds(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL3"]\nignore = ["DL303"]\n')
    assert codes(run_cli(capsys, "check", "--select", "DL4", "seed.txt")[1]) == {"DL401"}
    assert codes(run_cli(capsys, "check", "--ignore", "DL302", "seed.txt")[1]) == {"DL301"}


def test_most_specific_selector_wins(capsys, project):
    assert codes(run_cli(capsys, "check", "--isolated", "--select", "DL3", "--ignore", "DL301", "seed.txt")[1]) == {
        "DL302", "DL303"}
    assert codes(run_cli(capsys, "check", "--isolated", "--select", "DL3,DL401", "--ignore", "DL3",
                     "--extend-select", "DL301", "seed.txt")[1]) == {"DL301", "DL401"}


def test_per_file_ignores_match_globs(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL3"]\n[per-file-ignores]\n"legacy/**" = ["DL301"]\n'
                                          '"*.md" = ["spacing"]\n')
    (project / "legacy" / "old").mkdir(parents=True)
    (project / "legacy" / "old" / "a.txt").write_text(COMMA)
    (project / "b.txt").write_text(COMMA)
    (project / "c.md").write_text("# T\n\nIt was done,and then it ended.\n")
    _, out, _ = run_cli(capsys, "check", ".")
    assert "b.txt:2:12: DL301" in out and "legacy" not in out and "c.md" not in out


def test_unfixable_rules_are_shown_but_not_fixed(capsys, project):
    (project / "doclint.toml").write_text('unfixable = ["DL301"]\n')
    (project / "a.txt").write_text(COMMA + "The vote occured.\n")
    code, out, _ = run_cli(capsys, "check", "--fix", "a.txt")
    assert (project / "a.txt").read_text() == COMMA + "The vote occurred.\n"
    assert code == 1 and "DL301 Missing space after comma" in out  # no [*]
    assert codes(run_cli(capsys, "check", "--isolated", "--fixable", "DL401", "--fix", "a.txt")[1]) == {"DL301"}


def test_extend_safe_and_unsafe_fixes(capsys, project):
    (project / "doclint.toml").write_text('extend-safe-fixes = ["DL101"]\nextend-unsafe-fixes = ["DL301"]\n')
    run_cli(capsys, "fix", "seed.txt")
    text = (project / "seed.txt").read_text()
    assert "- 13. Navigating" not in text  # DL101's unsafe fix applied as safe
    assert "Jae-yong,Chairman" in text  # DL301's safe fix held back as unsafe


def test_severity_option_turns_a_rule_into_information(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL105"]\n[rules.empty-section]\nseverity = "info"\n')
    code, out, _ = run_cli(capsys, "check", "--output-format", "json", "seed.txt")
    assert code == 0 and '"severity": "info"' in out


def test_known_names_option(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL202"]\n[rules.DL202]\nknown-names = ["OpenAI", "kubectl"]\n')
    (project / "a.md").write_text("# T\n\nWe met openai staff. Kubectl is a tool. `Kubectl` in code is fine.\n")
    _, out, _ = run_cli(capsys, "check", "a.md")
    assert "a.md:3:8: DL202 [*] 'openai' is written 'OpenAI' (configured name)" in out
    assert "a.md:3:22: DL202 [*] 'Kubectl' is written 'kubectl' (configured name)" in out
    assert out.count("DL202") == 2


def test_slug_dialect_decides_which_anchors_exist(capsys, project):
    (project / "a.md").write_text("# T\n\n## Contents\n\n- [Q & A](#q-a)\n\n## Q & A\n\nText here.\n")
    (project / "doclint.toml").write_text('select = ["DL101"]\n')
    assert codes(run_cli(capsys, "check", "a.md")[1]) == {"DL101"}  # GitHub's anchor is #q--a
    (project / "doclint.toml").write_text('select = ["DL101"]\nslug-dialect = "gitlab"\n')
    assert codes(run_cli(capsys, "check", "a.md")[1]) == set()


def write_pack(folder: Path, code: str, name: str, token: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(
        f'[[rule]]\ncode = "{code}"\nname = "{name}"\nkind = "existence"\nsummary = "A banned phrase"\n'
        f'message = "Avoid \'{{found}}\'"\ntokens = ["{token}"]\n')


def test_extra_pack_folder_adds_rules(capsys, project):
    write_pack(project / "style", "DL901", "banned-phrase", "very unique")
    (project / "doclint.toml").write_text('packs = ["style"]\nselect = ["DL9"]\n')
    (project / "a.txt").write_text("Title\nThis is very unique.\n")
    _, out, _ = run_cli(capsys, "check", "a.txt")
    assert "a.txt:2:9: DL901 Avoid 'very unique'" in out
    _, out, _ = run_cli(capsys, "rules")
    assert "DL901   banned-phrase" in out


@pytest.mark.parametrize("config, message", [
    ('selec = ["DL3"]\n', "doclint.toml: selec: unknown key"),
    ('select = "DL3"\n', "doclint.toml: select: expected a list of strings"),
    ('select = ["DL9"]\n', "doclint.toml: select: unknown rule selector 'DL9'"),
    ('respect-gitignore = "yes"\n', "doclint.toml: respect-gitignore: expected true or false"),
    ('exclude = ["[abc"]\n', "doclint.toml: exclude: unclosed '['"),
    ('[rules.DL999]\nseverity = "info"\n', "doclint.toml: rules.DL999: unknown rule"),
    ('[rules.DL301]\nseverity = "fatal"\n', "doclint.toml: rules.DL301.severity: expected one of error, warning"),
    ('[rules.DL301]\nknown-names = []\n', "doclint.toml: rules.DL301.known-names: unknown option for DL301"),
    ('[rules.DL202]\nknown-names = "OpenAI"\n', "doclint.toml: rules.DL202.known-names: expected a list of strings"),
    ('slug-dialect = "bitbucket"\n', "doclint.toml: slug-dialect: expected one of github"),
    ('packs = ["nowhere"]\n', "doclint.toml: packs: no such folder"),
    ('select = [\n', "doclint.toml: cannot read"),
])
def test_configuration_mistakes_name_file_and_key_and_exit_2(capsys, project, config, message):
    (project / "doclint.toml").write_text(config)
    code, out, err = run_cli(capsys, "check", "seed.txt")
    assert code == 2 and message in err and "Traceback" not in err and out == ""


def test_bad_regex_in_a_user_pack_names_the_pack_and_key(capsys, project):
    write_pack(project / "style", "DL902", "broken", "(unclosed")
    (project / "doclint.toml").write_text('packs = ["style"]\n')
    code, _, err = run_cli(capsys, "check", "seed.txt")
    assert code == 2 and "broken.toml: rule DL902 (broken): bad pattern in 'tokens'" in err
    assert "Traceback" not in err


def test_include_exclude_and_force_exclude(capsys, project):
    (project / "doclint.toml").write_text('select = ["DL301"]\nextend-exclude = ["drafts/"]\n'
                                          'include = ["*.txt", "*.text"]\n')
    (project / "drafts").mkdir()
    for name in ("drafts/d.txt", "a.text", "b.md"):
        (project / name).write_text(COMMA)
    _, out, _ = run_cli(capsys, "check", ".")
    assert "a.text:2:12" in out and "drafts" not in out and "b.md" not in out
    assert "drafts/d.txt:2:12" in run_cli(capsys, "check", "drafts/d.txt")[1]  # named files are always checked
    code, out, _ = run_cli(capsys, "check", "--force-exclude", "drafts/d.txt")
    assert code == 0 and "drafts" not in out


def test_gitignore_is_respected_unless_switched_off(capsys, project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("out/\n*.gen.md\n!keep.gen.md\n")
    (project / "out").mkdir()
    for name in ("out/a.md", "x.gen.md", "keep.gen.md", "ok.md"):
        (project / name).write_text("# T\n\nIt was done,and then it ended.\n")
    (project / "doclint.toml").write_text('select = ["DL301"]\n')
    _, out, _ = run_cli(capsys, "check", ".")
    assert {line.split(":")[0] for line in out.splitlines() if ": DL" in line} == {"./keep.gen.md", "./ok.md",
                                                                                     "./seed.txt"}
    assert run_cli(capsys, "check", "--force-exclude", "out/a.md")[0] == 0
    (project / "doclint.toml").write_text('select = ["DL301"]\nrespect-gitignore = false\n')
    _, out, _ = run_cli(capsys, "check", ".")
    assert "./out/a.md" in out and "./x.gen.md" in out


def test_show_settings_prints_the_resolved_configuration(capsys, project):
    (project / "base.toml").write_text('ignore = ["DL2"]\n')
    (project / "doclint.toml").write_text('extend = "base.toml"\nselect = ["DL2", "DL3"]\n'
                                          '[rules.DL202]\nknown-names = ["OpenAI"]\n')
    code, out, _ = run_cli(capsys, "check", "--show-settings", "--extend-select", "DL401", "seed.txt")
    assert code == 0
    assert f"# configuration: {project / 'doclint.toml'} (extends) {project / 'base.toml'}" in out
    assert f'select = ["DL2", "DL3"]  # {project / "doclint.toml"}' in out
    assert f'ignore = ["DL2"]  # {project / "base.toml"}' in out
    assert 'extend-select = ["DL401"]  # command line' in out
    assert 'rules = { "DL202" = { "known-names" = ["OpenAI"] } }' in out
    assert "# enabled rules: DL301, DL302, DL303, DL401" in out


def test_standard_input_uses_the_settings_and_exclusions_of_its_filename(project):
    (project / "doclint.toml").write_text('select = ["DL401"]\nextend-exclude = ["vendor/"]\n')
    text = "Title\nIt was done,and it occured.\n"

    def stdin(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "doclint", "check", *args, "-"], input=text.encode(),
                              capture_output=True, cwd=project)

    checked = stdin("--stdin-filename", "notes/a.txt")
    assert checked.returncode == 1 and checked.stdout.decode().startswith("notes/a.txt:2:20: DL401")
    fixed = stdin("--fix", "--stdin-filename", "notes/a.txt")
    assert fixed.stdout.decode() == "Title\nIt was done,and it occurred.\n"
    passed = stdin("--fix", "--force-exclude", "--stdin-filename", "vendor/a.txt")
    assert (passed.returncode, passed.stdout.decode()) == (0, text)


def test_a_mistake_in_an_extended_file_names_that_file(capsys, project):
    (project / "base.toml").write_text('ignore = ["DL777"]\n[rules.DL999]\nseverity = "info"\n')
    (project / "doclint.toml").write_text('extend = "base.toml"\nignore = ["DL301"]\n')
    code, _, err = run_cli(capsys, "check", "seed.txt")
    assert code == 2 and f"{project / 'base.toml'}: ignore: unknown rule selector 'DL777'" in err
    (project / "base.toml").write_text('[rules.DL999]\nseverity = "info"\n')
    (project / "doclint.toml").write_text('extend = "base.toml"\n[rules.DL301]\nseverity = "info"\n')
    code, _, err = run_cli(capsys, "check", "seed.txt")
    assert code == 2 and f"{project / 'base.toml'}: rules.DL999: unknown rule" in err


def test_a_configured_linter_survives_pickling(project):
    (project / "doclint.toml").write_text('select = ["DL3", "DL202"]\nunfixable = ["DL302"]\n'
                                          '[per-file-ignores]\n"b.txt" = ["DL301"]\n'
                                          '[rules.DL202]\nknown-names = ["OpenAI"]\nseverity = "error"\n')
    linter = Workspace().settings_for("seed.txt").linter()
    copy = pickle.loads(pickle.dumps(linter))
    text = SEED.read_text(encoding="utf-8")
    for path in ("seed.txt", "b.txt"):
        assert copy.check(text, path) == linter.check(text, path)
    assert not any(d.code == "DL301" for d in copy.check(text, "b.txt"))


def test_the_language_server_loads_the_closest_configuration(project):
    from doclint.lsp.project import load_linter

    (project / "doclint.toml").write_text('select = ["DL3"]\n[per-file-ignores]\n"skip.txt" = ["DL301"]\n')
    (project / "docs").mkdir()
    linter = load_linter(project / "docs")
    assert {r.code for r in linter.rules} == {"DL301", "DL302", "DL303"}
    assert {r.code for r in linter.rules_for(str(project / "docs" / "skip.txt"))} == {"DL302", "DL303"}
