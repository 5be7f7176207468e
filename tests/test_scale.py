"""The library API engines call, and `check --jobs`: picklable, no global state, same output on any core count."""
from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doclint import Linter, patterns
from doclint.clean import Cleaner
from doclint.cli import main

from conftest import ROOT
from helpers import render

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


def test_linter_and_cleaner_survive_pickling():
    text = SEED.read_text(encoding="utf-8")
    linter = Linter(select=["DL3", "DL2"], ignore=["DL303"])
    copy = pickle.loads(pickle.dumps(linter))
    assert [r.code for r in copy.rules] == [r.code for r in linter.rules]
    assert render(text, copy.check(text, "a.txt")) == render(text, linter.check(text, "a.txt"))
    cleaner = Cleaner(unsafe=True, drop_on=["DL106"])
    assert pickle.loads(pickle.dumps(cleaner)).clean(text) == cleaner.clean(text)


def test_linters_share_no_state():
    text = SEED.read_text(encoding="utf-8")
    alone = render(text, Linter(select=["DL301"]).check(text, "a.txt"))
    Linter(select=["DL1"], options={"misspelling": {"x": 1}}).check(text, "a.txt")
    assert render(text, Linter(select=["DL301"]).check(text, "a.txt")) == alone


def test_patterns_are_compiled_once(monkeypatch):
    text = SEED.read_text(encoding="utf-8")
    Linter().fix(text, "a.txt")
    compiled = []
    real = patterns.engine().compile
    monkeypatch.setattr(patterns.engine(), "compile", lambda *a, **k: compiled.append(a) or real(*a, **k))
    Linter().fix(text, "a.txt")
    assert compiled == []


# What `doclint check` of one plain-text article must not import: each costs a pre-commit hook milliseconds
# (dataclasses and inspect 40, typing 5, pathlib 9, hashlib 7, shutil 5, html 3; regex's pattern compiler 30,
# when every pattern is in the store) or far more (textstat, ftfy, pyromark).
NOT_FOR_ONE_ARTICLE = ("dataclasses", "inspect", "typing", "pathlib", "hashlib", "shutil", "tempfile", "json",
                       "tomllib", "multiprocessing", "concurrent", "pickle", "difflib", "textstat", "ftfy",
                       "pyromark", "html", "regex._regex_core", "regex._main")


def test_checking_one_article_imports_only_what_it_needs():
    probe = ("import sys; from doclint.cli import main; main(['check', sys.argv[1]]); "
             "print(' '.join(sorted(sys.modules)))")
    for _ in range(2):  # the first run fills the cache (parsing word lists and packs imports more)
        result = subprocess.run([sys.executable, "-c", probe, str(SEED)], cwd=ROOT, capture_output=True, text=True)
    modules = result.stdout.splitlines()[-1].split()
    imported = set(modules) | {m.split(".")[0] for m in modules}
    assert "doclint" in imported, result.stderr
    assert imported.isdisjoint(NOT_FOR_ONE_ARTICLE), sorted(imported & set(NOT_FOR_ONE_ARTICLE))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    root.mkdir()
    for case in sorted((ROOT / "tests" / "rules").iterdir()):
        for source in case.glob("bad.*"):
            if source.suffix in (".txt", ".md") and ".fixed" not in source.name:
                shutil.copy(source, root / f"{case.name}{source.suffix}")
    shutil.copy(SEED, root / SEED.name)
    return root


@pytest.mark.parametrize("mode", [[], ["--diff"], ["--output-format", "json"], ["--fix", "--unsafe-fixes"]])
def test_two_jobs_print_and_write_what_one_job_does(tree, tmp_path, capsys, mode):
    outputs = []
    for jobs in ("1", "2"):
        copy = tmp_path / f"jobs{jobs}"
        shutil.copytree(tree, copy)
        code = main(["check", *mode, "--jobs", jobs, str(copy)])
        out, err = capsys.readouterr()
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted(copy.iterdir())}
        outputs.append((code, out.replace(str(copy), "DIR"), err.replace(str(copy), "DIR"), files))
    assert outputs[0] == outputs[1]
    assert outputs[0][1] or outputs[0][2]
