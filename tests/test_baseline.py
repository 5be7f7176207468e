"""Baselines: write today's findings, then report only new ones, robust to unrelated edits."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest


from helpers import SEED, run_cli




@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    shutil.copy(SEED, tmp_path / "articles" / "seed.txt")
    return tmp_path


def test_round_trip_write_edit_unrelated_line_then_add_a_defect(capsys, corpus):
    article = corpus / "articles" / "seed.txt"
    findings = len(json.loads(run_cli(capsys, "check", "--isolated", "--output-format", "json", "articles")[1]))
    code, _, err = run_cli(capsys, "check", "--isolated", "--baseline", "baseline.json", "--write-baseline", "articles")
    recorded = json.loads((corpus / "baseline.json").read_text())
    assert code == 0 and f"Wrote {findings} findings to baseline.json." in err and findings > 20
    assert recorded["version"] == 1 and {f["path"] for f in recorded["findings"]} == {"articles/seed.txt"}

    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[40] = lines[40].replace("a global trend", "a worldwide trend")  # a line with no finding
    article.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--isolated", "--baseline", "baseline.json", "articles")
    assert (code, out) == (0, "All checks passed!\n")

    lines[40] = lines[40].replace("sector reflects", "sector,reflects")
    article.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--isolated", "--baseline", "baseline.json", "articles")
    assert code == 1
    assert out.splitlines() == ["articles/seed.txt:41:88: DL301 [*] Missing space after comma",
                                "Found 1 problem (1 fixable with --fix)."]


def test_findings_keep_their_key_when_lines_move_or_other_lines_change(capsys, corpus):
    article = corpus / "articles" / "seed.txt"
    article.write_text("Title\nFirst,line.\nA quiet line.\nLast,line.\n", encoding="utf-8")
    run_cli(capsys, "check", "--isolated", "--select", "DL301", "--baseline", "b.json", "--write-baseline", "articles")
    article.write_text("Title\nNew opening line.\nFirst,line.\nA changed, quiet line.\n\nLast,line.\n",
                       encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--isolated", "--select", "DL301", "--baseline", "b.json", "articles")
    assert (code, out) == (0, "All checks passed!\n")


def test_identical_findings_are_counted(capsys, corpus):
    article = corpus / "articles" / "seed.txt"
    article.write_text("Title\nSame,line.\nSame,line.\n", encoding="utf-8")
    run_cli(capsys, "check", "--isolated", "--select", "DL301", "--baseline", "b.json", "--write-baseline", "articles")
    article.write_text("Title\nSame,line.\nSame,line.\nSame,line.\n", encoding="utf-8")
    _, out, _ = run_cli(capsys, "check", "--isolated", "--select", "DL301", "--baseline", "b.json", "articles")
    assert out.count("DL301") == 1


def test_baseline_paths_are_relative_to_the_baseline_file(capsys, corpus, monkeypatch):
    run_cli(capsys, "check", "--isolated", "--baseline", "baseline.json", "--write-baseline", "articles")
    monkeypatch.chdir(corpus / "articles")
    code, out, _ = run_cli(capsys, "check", "--isolated", "--baseline", "../baseline.json", "seed.txt")
    assert (code, out) == (0, "All checks passed!\n")


@pytest.mark.parametrize("content, message", [
    (None, "no such baseline file (create it with --write-baseline)"),
    ("{not json", "cannot read the baseline"),
    ('{"version": 7, "findings": []}', "not a doclint baseline"),
    ('{"version": 1, "findings": [{"path": "a"}]}', "malformed finding"),
])
def test_unusable_baseline_is_an_error(capsys, corpus, content, message):
    if content is not None:
        (corpus / "b.json").write_text(content)
    code, _, err = run_cli(capsys, "check", "--isolated", "--baseline", "b.json", "articles")
    assert code == 2 and f"b.json: {message}" in err and "Traceback" not in err


def test_write_baseline_needs_a_file(capsys, corpus):
    code, _, err = run_cli(capsys, "check", "--write-baseline", "articles")
    assert code == 2 and "--write-baseline needs --baseline FILE" in err
