"""An interrupt never leaves a partial file. `doclint fix` runs as a subprocess and tests/interrupt/sitecustomize.py
sends it SIGINT or SIGKILL at one exact moment of the atomic write (halfway through writing the temporary file, just
before or just after the rename) or as it starts checking a file: deterministic, no sleeps. Each file is then byte for byte its original or its fully
fixed version; after SIGINT no temporary file is left and doclint exits 130 with one line; after SIGKILL a temporary
file may stay, is never the file itself, and the next run that writes in that folder removes it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doclint import files
from doclint.cli import main

from conftest import ROOT

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
HOOK = ROOT / "tests" / "interrupt"
POINTS = ("write", "before-replace", "after-replace")

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX signals")


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[bytes, bytes]:
    """The seed's bytes and what `doclint fix` makes of them."""
    target = tmp_path_factory.mktemp("fixed") / "article.txt"
    target.write_bytes(SEED.read_bytes())
    main(["fix", "--isolated", str(target)])
    original, fixed = SEED.read_bytes(), target.read_bytes()
    assert fixed != original
    return original, fixed


def copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"article-{n:02}.txt" for n in range(count)]
    for path in paths:
        path.write_bytes(SEED.read_bytes())
    return paths


def fix_interrupted(tmp_path: Path, point: str, signal_name: str, *args: str, nth: int = 1,
                    whom: str = "self") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HOOK), str(ROOT)]),
               DOCLINT_TEST_INTERRUPT=f"{point}:{signal_name}:{nth}:{whom}:{tmp_path / 'signalled'}")
    done = subprocess.run([sys.executable, "-m", "doclint", "fix", "--isolated", *args], env=env,
                          capture_output=True, text=True, timeout=600, start_new_session=True)
    assert (tmp_path / "signalled").exists(), f"the interrupt never came: {done.stderr}"
    return done


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(files.TEMP_SUFFIX))


def assert_interrupted(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 130, done.stderr
    assert done.stderr == "doclint: interrupted\n"


@pytest.mark.parametrize("point", POINTS)
def test_sigint_during_the_write_leaves_the_old_or_the_new_file_and_no_temporary(tmp_path, versions, point):
    original, fixed = versions
    [target] = copies(tmp_path / "docs", 1)
    assert_interrupted(fix_interrupted(tmp_path, point, "SIGINT", str(target)))
    assert target.read_bytes() == (fixed if point == "after-replace" else original)
    assert [p.name for p in target.parent.iterdir()] == [target.name]


@pytest.mark.parametrize("point", POINTS)
def test_sigkill_during_the_write_leaves_a_whole_file_and_the_next_run_removes_the_temporary(tmp_path, versions,
                                                                                              point):
    original, fixed = versions
    [target] = copies(tmp_path / "docs", 1)
    done = fix_interrupted(tmp_path, point, "SIGKILL", str(target))
    assert done.returncode == -signal.SIGKILL
    assert target.read_bytes() == (fixed if point == "after-replace" else original)
    left = temporaries(target.parent)
    assert sorted(p.name for p in target.parent.iterdir()) == sorted([target.name] + [p.name for p in left])
    if point == "after-replace":
        assert left == []
        return
    [temporary] = left
    assert temporary.name.startswith(f".{target.name}.")
    assert temporary.read_bytes() == (fixed[:len(fixed) // 2] if point == "write" else fixed)
    past = time.time() - 10 * files.STALE_SECONDS
    os.utime(temporary, (past, past))
    assert main(["fix", "--isolated", str(target)]) in (0, 1)
    assert target.read_bytes() == fixed
    assert temporaries(target.parent) == []


@pytest.mark.parametrize("point", ["check", "write"])
def test_sigint_while_fixing_many_files_keeps_the_written_ones_whole(tmp_path, versions, point):
    original, fixed = versions
    paths = copies(tmp_path / "docs", 6)
    assert_interrupted(fix_interrupted(tmp_path, point, "SIGINT", "--jobs", "1", str(tmp_path / "docs"), nth=3))
    assert [p.read_bytes() for p in paths] == [fixed] * 2 + [original] * 4
    assert temporaries(tmp_path / "docs") == []


def test_ctrl_c_on_a_pool_of_processes_keeps_every_file_whole(tmp_path, versions):
    """Ctrl-C in a terminal signals the whole process group: doclint and its workers."""
    original, fixed = versions
    paths = copies(tmp_path / "docs", 12)
    done = fix_interrupted(tmp_path, "write", "SIGINT", "--jobs", "2", str(tmp_path / "docs"), nth=2, whom="group")
    assert done.returncode == 130, done.stderr
    assert done.stderr.endswith("doclint: interrupted\n")
    contents = [p.read_bytes() for p in paths]
    assert set(contents) <= {original, fixed} and original in contents
    assert temporaries(tmp_path / "docs") == []


def test_ctrl_c_on_a_pool_of_processes_prints_one_line(tmp_path):
    copies(tmp_path / "docs", 3)
    done = fix_interrupted(tmp_path, "write", "SIGINT", "--jobs", "2", str(tmp_path / "docs"), nth=2, whom="group")
    assert_interrupted(done)


def test_only_stale_temporaries_of_finished_processes_are_removed(tmp_path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    gone, alive = int(finished.stdout), os.getpid()
    names = {"stale": f".a.txt.x1.{gone}{files.TEMP_SUFFIX}", "recent": f".b.txt.x2.{gone}{files.TEMP_SUFFIX}",
             "running": f".c.txt.x3.{alive}{files.TEMP_SUFFIX}", "no pid": f".d.txt.x4{files.TEMP_SUFFIX}",
             "not ours": f".e.txt.{gone}.bak"}
    past = time.time() - 10 * files.STALE_SECONDS
    for key, name in names.items():
        (tmp_path / name).write_text(key)
        if key != "recent":
            os.utime(tmp_path / name, (past, past))
    files.remove_stale_temporaries(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(n for k, n in names.items() if k != "stale")
