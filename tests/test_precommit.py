"""The pre-commit hooks: their definition, and the real `pre-commit try-repo` against this checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from helpers import SEED

JUNK = shutil.ignore_patterns(".git", "__pycache__", "*.pyc", "*.egg-info", ".pytest_cache", ".hypothesis", "build",
                              "dist")
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "doclint tests", "GIT_AUTHOR_EMAIL": "tests@doclint.invalid",
                "GIT_COMMITTER_NAME": "doclint tests", "GIT_COMMITTER_EMAIL": "tests@doclint.invalid"}


def test_hook_definitions():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"doclint", "doclint-fix"}
    assert hooks["doclint"]["entry"] == "doclint check --force-exclude"
    assert hooks["doclint-fix"]["entry"] == "doclint check --fix --force-exclude"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types_or"] == ["markdown", "plain-text"]
        assert hook["minimum_pre_commit_version"] == "2.9.2"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_IDENTITY})


def committed_copy_of_this_checkout(target: Path) -> Path:
    """This checkout's files as they are now (committed or not), committed in a fresh repository: try-repo
    installs a hook repository from a git revision."""
    shutil.copytree(ROOT, target, ignore=JUNK)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "doclint under test")
    return target


@pytest.mark.slow
def test_pre_commit_try_repo_check_fails_fix_modifies_then_passes(tmp_path):
    hook_repo = committed_copy_of_this_checkout(tmp_path / "doclint")
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(SEED, project / "article.txt")
    (project / "vendor").mkdir()
    shutil.copy(SEED, project / "vendor" / "copied.txt")
    # the project selects rules whose findings all have safe fixes, so that fixing can make the hook pass
    (project / "doclint.toml").write_text('select = ["DL301", "DL302", "DL303", "DL401"]\nextend-exclude = ["vendor/"]\n',
                                          encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("PRE_COMMIT", None)

    def try_repo(hook: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--all-files",
                               "--verbose"], cwd=project, capture_output=True, text=True, env=env, timeout=600)

    before = (project / "article.txt").read_bytes()
    check = try_repo("doclint")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "article.txt:23:41: DL301 [*] Missing space after comma" in check.stdout
    assert "vendor/copied.txt" not in check.stdout  # excluded, although pre-commit names it

    fix = try_repo("doclint-fix")
    assert fix.returncode == 1 and "files were modified by this hook" in fix.stdout, fix.stdout + fix.stderr
    after = (project / "article.txt").read_bytes()
    assert after != before and b"Jae-yong, Chairman" in after
    assert (project / "vendor" / "copied.txt").read_bytes() == before

    again = try_repo("doclint")
    assert again.returncode == 0, again.stdout + again.stderr
