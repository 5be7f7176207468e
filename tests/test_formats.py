"""Every output format against a golden file, plus what each consumer needs: SARIF that validates against the
pinned SARIF 2.1.0 schema, escaped GitHub annotations, parseable JUnit, unique GitLab fingerprints."""
from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from doclint.check_command import use_color
from doclint.formats import FORMATS, Run, render
from doclint.formats.github import escape_data, escape_property
from doclint.model import Diagnostic, Severity
from doclint.report import FileReport
from doclint.source import LineIndex

from conftest import UPDATE
from helpers import SEED, run_cli

HERE = Path(__file__).parent
INPUT = HERE / "formats" / "input"
GOLDEN = HERE / "formats" / "golden"
SCHEMA = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
EXTENSIONS = {"json": "json", "json-lines": "jsonl", "sarif": "sarif", "junit": "xml", "gitlab": "json"}



@pytest.fixture
def inputs(tmp_path: Path, monkeypatch) -> Path:
    for path in INPUT.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", FORMATS)
def test_format_matches_its_golden_file(capsys, inputs, name):
    code, out, _ = run_cli(capsys, "check", "--isolated", "--color", "never", "--output-format", name, "article.md",
                       "notes.txt")
    golden = GOLDEN / f"{name}.{EXTENSIONS.get(name, 'txt')}"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert code == 1
    assert out == golden.read_text(encoding="utf-8")


def sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_and_carries_what_github_code_scanning_needs(capsys, inputs):
    shutil.copy(SEED, inputs / "seed.txt")
    _, out, _ = run_cli(capsys, "check", "--isolated", "--output-format", "sarif", ".")
    log = json.loads(out)
    sarif_validator().validate(log)
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in sarif_run["results"]})
    assert all(r["help"]["text"] and r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    fingerprints = set()
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        parts = urlsplit(location)
        assert not parts.scheme and not location.startswith("/") and "\\" not in location
        assert location in {"article.md", "notes.txt", "seed.txt"}
        fingerprints.add((location, result["partialFingerprints"]["primaryLocationLineHash"]))
    assert len(fingerprints) == len(sarif_run["results"])


def test_sarif_schema_is_the_pinned_oasis_schema_and_rejects_a_broken_log():
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "doclint"}}, "columnKind": "bytes"}]}
    assert list(sarif_validator().iter_errors(broken))


def test_sarif_for_a_clean_run_is_valid(capsys, inputs):
    (inputs / "clean.md").write_text("# A Clean Article\n\nIt says what it means.\n")
    _, out, _ = run_cli(capsys, "check", "--isolated", "--output-format", "sarif", "clean.md")
    log = json.loads(out)
    sarif_validator().validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def _report(path: str, text: str, message: str) -> FileReport:
    return FileReport(path, [Diagnostic("DL301", "missing-space-after-comma", message, 6, 7, Severity.ERROR)],
                      LineIndex(text))


def test_github_annotations_escape_data_and_properties():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    report = _report("we,ird:name.md", "Title,x\n", "50% of it,\nbroken")
    out = render("github", Run([report], {}, cwd="/nowhere"))
    assert out == ("::error title=doclint (DL301),file=we%2Cird%3Aname.md,line=1,col=7,endLine=1,"
                   "endColumn=8::we,ird:name.md:1:7: DL301 50%25 of it,%0Abroken\n")


def test_junit_parses_and_an_empty_run_has_one_passing_case(capsys, inputs):
    _, out, _ = run_cli(capsys, "check", "--isolated", "--output-format", "junit", "article.md", "notes.txt")
    root = ET.fromstring(out)
    cases = root.findall("./testsuite/testcase")
    assert root.get("tests") == root.get("failures") == str(len(cases)) == "6"
    assert {c.get("classname") for c in cases} == {"article.md", "notes.txt"}
    assert all(c.find("failure").get("type") == c.get("name").rsplit(".", 1)[1] for c in cases)
    empty = ET.fromstring(render("junit", Run([], {})))
    assert empty.get("failures") == "0" and [c.get("name") for c in empty.iter("testcase")] == ["No problems found"]


def test_gitlab_issues_have_unique_stable_fingerprints(capsys, inputs):
    (inputs / "twice.txt").write_text("Title\nSame,line.\nSame,line.\n")
    _, out, _ = run_cli(capsys, "check", "--isolated", "--output-format", "gitlab", ".")
    issues = json.loads(out)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(i["location"]["path"] and i["severity"] in {"info", "minor", "major"} for i in issues)
    _, again, _ = run_cli(capsys, "check", "--isolated", "--output-format", "gitlab", ".")
    assert again == out


def test_json_lines_holds_the_json_records(capsys, inputs):
    _, array, _ = run_cli(capsys, "check", "--isolated", "--output-format", "json", "article.md", "notes.txt")
    _, lines, _ = run_cli(capsys, "check", "--isolated", "--output-format", "json-lines", "article.md", "notes.txt")
    assert [json.loads(line) for line in lines.splitlines()] == json.loads(array)


def test_output_file(capsys, inputs):
    code, out, _ = run_cli(capsys, "check", "--isolated", "--output-format", "sarif", "-o", "report.sarif", "notes.txt")
    assert code == 1 and out == ""
    sarif_validator().validate(json.loads((inputs / "report.sarif").read_text(encoding="utf-8")))


def test_statistics_text_and_json(capsys, inputs):
    _, out, _ = run_cli(capsys, "check", "--isolated", "--statistics", "article.md", "notes.txt")
    assert out.splitlines()[:5] == ["2  DL301  [*] missing-space-after-comma", "1  DL003      unused-suppression",
                                "1  DL101      toc-entry-without-heading", "1  DL302  [*] missing-space-after-sentence",
                                "1  DL401  [*] misspelling"]
    assert out.splitlines()[5].startswith("article.md: ") and " words, " in out.splitlines()[5]
    assert out.splitlines()[7] == "Found 6 problems (4 fixable with --fix; 2 more with --unsafe-fixes)."
    _, out, _ = run_cli(capsys, "check", "--isolated", "--statistics", "--output-format", "json", "notes.txt")
    report = json.loads(out)
    assert report["rules"] == [
        {"code": "DL301", "name": "missing-space-after-comma", "count": 1, "fixable": 1},
        {"code": "DL302", "name": "missing-space-after-sentence", "count": 1, "fixable": 1}]
    (document,) = report["documents"]
    assert document["path"] == "notes.txt" and document["words"] > 5
    assert set(document) == {"path", "words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade",
                             "reading_time_seconds"}


def test_show_fixes_and_exit_non_zero_on_fix(capsys, inputs):
    code, out, _ = run_cli(capsys, "check", "--isolated", "--fix", "--show-fixes", "notes.txt")
    assert code == 0
    assert out == ("Fixed 2 problems:\n- notes.txt:\n    1 × DL301 (missing-space-after-comma)\n"
                   "    1 × DL302 (missing-space-after-sentence)\nFixed 2 problems.\n")
    (inputs / "more.txt").write_text("Title\nIt was done,and then it ended.\n")
    code, _, _ = run_cli(capsys, "check", "--isolated", "--fix", "--exit-non-zero-on-fix", "more.txt")
    assert code == 1
    code, _, _ = run_cli(capsys, "check", "--isolated", "--fix", "--exit-non-zero-on-fix", "more.txt")
    assert code == 0


def test_machine_formats_send_show_fixes_to_standard_error(capsys, inputs):
    _, out, err = run_cli(capsys, "check", "--isolated", "--fix", "--show-fixes", "--output-format", "json", "notes.txt")
    assert json.loads(out) == [] and "1 × DL301" in err


class FakeStream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color("auto", FakeStream(True)) and not use_color("auto", FakeStream(False))
    assert not use_color("auto", None)  # writing to a file
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", FakeStream(True)) and use_color("always", FakeStream(False))
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", FakeStream(False)) and not use_color("never", FakeStream(True))


def test_colour_codes_appear_only_when_asked(capsys, inputs):
    _, out, _ = run_cli(capsys, "check", "--isolated", "--color", "always", "notes.txt")
    assert "\x1b[1;31mDL301\x1b[0m" in out
    _, out, _ = run_cli(capsys, "check", "--isolated", "--color", "always", "--output-format", "json", "notes.txt")
    assert "\x1b[" not in out


def test_full_format_aligns_the_caret_under_wide_characters(capsys, inputs):
    _, out, _ = run_cli(capsys, "check", "--isolated", "--select", "DL301", "--output-format", "full", "article.md")
    source, carets = out.splitlines()[2:4]
    assert source == "10 | The talks in 서울 began in March,and the vote occured on Tuesday."
    assert carets.index("^") == source.index(",") + 2  # two wide characters take two columns each
