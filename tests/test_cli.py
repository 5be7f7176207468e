"""The command line as users run it: exit codes, formats, fixing in place, stdin, selection."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from doclint.cli import main

from conftest import ROOT

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "article.txt"
    target.write_bytes(SEED.read_bytes())
    return target


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_with_positions_and_exits_1(capsys, seed_copy):
    code, out, _ = run(capsys, "check", str(seed_copy))
    assert code == 1
    assert f"{seed_copy}:23:41: DL301 [*] Missing space after comma" in out
    assert f"{seed_copy}:15:7: DL101 TOC entry" in out
    assert out.rstrip().splitlines()[-1].startswith("Found ")


def test_clean_file_exits_0(capsys, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("# A Clean Article\n\nIt says what it means. Nothing more.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(clean))
    assert code == 0 and "All checks passed!" in out


def test_json_contract(capsys, seed_copy):
    code, out, _ = run(capsys, "check", "--output-format", "json", str(seed_copy))
    records = json.loads(out)
    assert code == 1 and records
    comma = next(r for r in records if r["code"] == "DL301")
    assert set(comma) == {"path", "code", "name", "severity", "message", "line", "column", "end_line",
                          "end_column", "fix"}
    assert comma["path"] == str(seed_copy) and comma["name"] == "missing-space-after-comma"
    assert (comma["line"], comma["column"], comma["end_line"], comma["end_column"]) == (23, 41, 23, 42)
    assert comma["fix"] == {"applicability": "safe", "message": "Insert a space after the comma",
                            "edits": [{"line": 23, "column": 42, "end_line": 23, "end_column": 42, "content": " "}]}
    assert {r["severity"] for r in records} <= {"error", "warning", "info"}


def test_diff_writes_nothing(capsys, seed_copy):
    before = seed_copy.read_bytes()
    code, out, _ = run(capsys, "check", "--diff", str(seed_copy))
    assert code == 1 and out.startswith(f"--- {seed_copy}")
    assert "+Present at the meeting were Lee Jae-yong, Chairman" in out
    assert seed_copy.read_bytes() == before


def test_fix_in_place_then_second_fix_changes_nothing(capsys, seed_copy):
    code, out, _ = run(capsys, "fix", str(seed_copy))
    assert code == 1  # structure problems remain
    fixed = seed_copy.read_bytes()
    assert b"Group, and" in fixed and b"thier" not in fixed
    run(capsys, "check", "--fix", str(seed_copy))
    assert seed_copy.read_bytes() == fixed


def test_fix_preserves_crlf_bom_and_missing_final_newline(capsys, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfA Title\r\nIt was done,and then it ended.\r\nThe vote occured there.")
    run(capsys, "fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbfA Title\r\nIt was done, and then it ended.\r\nThe vote occurred there."


def test_stdin_fix_prints_fixed_text(tmp_path):
    result = subprocess.run([sys.executable, "-m", "doclint", "check", "--fix", "--stdin-filename", "a.txt", "-"],
                            input="Title Here\nIt was done,and then it ended.\n".encode(), capture_output=True,
                            cwd=ROOT)
    assert result.stdout.decode() == "Title Here\nIt was done, and then it ended.\n"
    assert result.returncode == 0


def test_select_and_ignore_take_codes_prefixes_and_names(capsys, seed_copy):
    _, out, _ = run(capsys, "check", "--select", "DL3", str(seed_copy))
    codes = {line.split(": ")[1].split()[0] for line in out.splitlines() if line.startswith(str(seed_copy))}
    assert codes == {"DL301", "DL302", "DL303"}
    _, out, _ = run(capsys, "check", "--select", "misspelling,lost-apostrophe", str(seed_copy))
    codes = {line.split(": ")[1].split()[0] for line in out.splitlines() if line.startswith(str(seed_copy))}
    assert codes == {"DL401", "DL303"}
    _, out, _ = run(capsys, "check", "--ignore", "DL1,DL2,DL3,DL4,DL6", str(seed_copy))
    assert "All checks passed!" in out


def test_unsafe_fixes_remove_truncated_sentence(capsys, seed_copy):
    run(capsys, "check", "--fix", "--unsafe-fixes", str(seed_copy))
    text = seed_copy.read_text(encoding="utf-8")
    assert "arguably contributed to" not in text
    assert "- 13. Navigating" not in text and "- 13. Challenges and Criticisms" in text


def test_directories_are_walked_for_txt_and_md(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# T\n\nThe vote occured.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("T\nThe vote occured.\n", encoding="utf-8")
    (tmp_path / "c.rst").write_text("The vote occured.\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(tmp_path))
    assert "a.md:3:10: DL401" in out and "b.txt:2:10: DL401" in out and "c.rst" not in out


def test_missing_file_and_bad_encoding_exit_2_without_traceback(capsys, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"Caf\xe9 society\n")
    code, _, err = run(capsys, "check", str(tmp_path / "nope.txt"), str(bad))
    assert code == 2
    assert "nope.txt: error: no such file or directory" in err
    assert "latin1.txt: error: invalid UTF-8 at byte offset 3" in err
    assert "Traceback" not in err


def test_rules_table_and_rule_page(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "DL101   toc-entry-without-heading" in out and "DL401   misspelling" in out
    code, out, _ = run(capsys, "rule", "DL101")
    assert code == 0 and "## What it does" in out and "## Example" in out
    code, _, err = run(capsys, "rule", "DL999")
    assert code == 2 and "unknown rule" in err


def test_a_run_keeps_of_each_file_only_the_lines_its_report_quotes(tmp_path, seed_copy):
    # a run over many files holds every report until it prints: whole texts would make memory grow with the run
    from doclint.check_command import check_file, workspace_for
    from doclint.cli import build_parser

    clean = tmp_path / "clean.md"
    clean.write_text("# Title\n\nA short and clean paragraph.\n", encoding="utf-8")
    args = build_parser().parse_args(["check", str(clean), str(seed_copy)])
    workspace = workspace_for(args)
    clean_report, seed_report = (check_file(str(p), args, workspace).report for p in (clean, seed_copy))
    assert clean_report.diagnostics == [] and clean_report.index is None
    text, index = seed_copy.read_text(encoding="utf-8"), seed_report.index
    quoted = {index.line_of(d.start) for d in seed_report.diagnostics}
    for line in range(len(index)):
        start, end = index.line_span(line) if line in quoted else (index.starts[line], index.starts[line])
        assert index.text[start:end] == text[start:end]
    with pytest.raises(IndexError):
        index.text[0:len(text)]
    long = tmp_path / "long.md"
    long.write_text("# Title\n\n" + "A clean sentence of a long article.\n\n" * 500 + "One thier.\n", encoding="utf-8")
    index = check_file(str(long), args, workspace).report.index
    assert [piece for _, piece in index.text.pieces] == ["One thier.\n"]
