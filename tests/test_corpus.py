"""`doclint corpus`: records in (JSONL, .gz, .zst, Parquet), cleaned records, reports, drops, failures, resume."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from doclint import corpus
from doclint.clean import Cleaner
from doclint.cli import main

from conftest import ROOT

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
RECORDS = [
    {"id": "comma", "text": "Present were Lee Jae-yong,Chairman of Samsung Group,and Choi Tae-won.\n", "lang": "en"},
    {"id": "clean", "text": "Solar Power\nThe plants opened in 2007. They used mirrors.\n"},
    {"id": "cut", "text": "Solar Power\nThe first plants opened in 2007 near Seville and arguably contributed to\n"},
    {"id": "no-text", "body": "the text is under another key"},
    {"id": "seed", "text": SEED},
]


def _jsonl(path: Path, records: list[dict], extra_lines: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra_lines, encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _outputs(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in corpus.OUTPUTS.values()}


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    return _jsonl(tmp_path / "in.jsonl", RECORDS, "{not json\n")


def test_cleans_reports_drops_and_sets_failures_aside(tmp_path, corpus_file):
    summary = corpus.run([str(corpus_file)], str(tmp_path / "out"), Cleaner(drop_on=["DL106"]))
    out = tmp_path / "out"
    kept = {r["id"]: r for r in _lines(out / "documents.jsonl")}
    assert kept["comma"] == {"id": "comma", "lang": "en",
                             "text": "Present were Lee Jae-yong, Chairman of Samsung Group, and Choi Tae-won.\n"}
    assert kept["clean"]["text"] == RECORDS[1]["text"]
    dropped = _lines(out / "dropped.jsonl")
    assert [(r["id"], r["doclint_drop_reason"]) for r in dropped] == [("cut", "DL106 truncated-ending"),
                                                                      ("seed", "DL106 truncated-ending")]
    failed = _lines(out / "failed.jsonl")
    assert failed[0] == {"id": "no-text", "error": "no string field 'text' in the record"}
    assert failed[1]["id"] == f"{corpus_file}:6" and failed[1]["error"].startswith("invalid JSON")
    reports = {r["id"]: r for r in _lines(out / "report.jsonl")}
    assert reports["comma"]["fixed"] == {"DL301": 2} and reports["comma"]["remaining"] == {}
    assert reports["cut"]["flags"] == ["truncated-ending"] and reports["cut"]["dropped"] == "DL106 truncated-ending"
    assert set(reports) == {"comma", "clean", "cut", "seed"}
    assert summary["documents"] == 6 and summary["kept"] == 2 and summary["dropped"] == 2 and summary["failed"] == 2
    assert summary["fixed"]["DL301"] >= 2 and summary["dropped_by"] == {"DL106": 2}
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == summary


def test_unsafe_fixes_and_other_keys(tmp_path):
    records = [{"doc": 7, "content": RECORDS[2]["text"]}]
    source = _jsonl(tmp_path / "in.jsonl", records)
    corpus.run([str(source)], str(tmp_path / "out"), Cleaner(unsafe=True, drop_on=["DL106"]), text_key="content",
               id_key="doc")
    kept = _lines(tmp_path / "out" / "documents.jsonl")
    assert kept == [{"doc": 7, "content": "Solar Power\n"}]
    assert _lines(tmp_path / "out" / "report.jsonl")[0]["fixed"] == {"DL106": 1}


def test_compressed_and_parquet_inputs_give_the_same_output(tmp_path, corpus_file):
    plain = tmp_path / "plain"
    corpus.run([str(corpus_file)], str(plain), Cleaner())
    expected = {r["id"]: r for r in _lines(plain / "documents.jsonl")}
    gz = tmp_path / "gz" / "in.jsonl.gz"
    gz.parent.mkdir()
    gz.write_bytes(gzip.compress(corpus_file.read_bytes()))
    inputs = {"gz": gz}
    zstandard = pytest.importorskip("zstandard")
    zst = tmp_path / "zst" / "in.jsonl.zst"
    zst.parent.mkdir()
    zst.write_bytes(zstandard.ZstdCompressor().compress(corpus_file.read_bytes()))
    inputs["zst"] = zst.parent  # a directory is searched for inputs
    for name, source in inputs.items():
        corpus.run([str(source)], str(tmp_path / f"out-{name}"), Cleaner())
        assert {r["id"]: r for r in _lines(tmp_path / f"out-{name}" / "documents.jsonl")} == expected
    parquet = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    table = pyarrow.Table.from_pylist([r for r in RECORDS if "text" in r])
    parquet.write_table(table, tmp_path / "in.parquet")
    corpus.run([str(tmp_path / "in.parquet")], str(tmp_path / "out-parquet"), Cleaner())
    from_parquet = {r["id"]: r for r in _lines(tmp_path / "out-parquet" / "documents.jsonl")}
    assert {k: v["text"] for k, v in from_parquet.items()} == {k: v["text"] for k, v in expected.items()}


@pytest.mark.parametrize("stop_at, checkpointed", [(1, 0), (4, 4)])
def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, corpus_file, monkeypatch, stop_at, checkpointed):
    whole = tmp_path / "whole"
    corpus.run([str(corpus_file)], str(whole), Cleaner(drop_on=["DL106"]), batch_size=2)
    resumed = tmp_path / "resumed"
    real_clean, calls = Cleaner.clean, []

    def interrupted(self, text):
        calls.append(text)
        if len(calls) == stop_at:
            raise KeyboardInterrupt
        return real_clean(self, text)

    monkeypatch.setattr(Cleaner, "clean", interrupted)
    with pytest.raises(KeyboardInterrupt):
        corpus.run([str(corpus_file)], str(resumed), Cleaner(drop_on=["DL106"]), batch_size=2)
    state = json.loads((resumed / "state.json").read_text(encoding="utf-8"))
    assert state["done"] == checkpointed  # the 4th text cleaned is in the third batch (no-text has none)
    (resumed / "documents.jsonl").open("a").write('{"half a line')  # a write cut off by the interruption
    monkeypatch.setattr(Cleaner, "clean", real_clean)
    summary = corpus.run([str(corpus_file)], str(resumed), Cleaner(drop_on=["DL106"]), batch_size=2)
    assert _outputs(resumed) == _outputs(whole)
    expected = json.loads((whole / "summary.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in summary.items() if k != "seconds"} == {k: v for k, v in expected.items()
                                                                   if k != "seconds"}


def test_an_output_folder_of_another_run_is_refused(tmp_path, corpus_file):
    corpus.run([str(corpus_file)], str(tmp_path / "out"), Cleaner())
    with pytest.raises(corpus.CorpusError):
        corpus.run([str(corpus_file)], str(tmp_path / "out"), Cleaner(unsafe=True))


@pytest.mark.slow
def test_two_jobs_write_what_one_job_writes(tmp_path, corpus_file):
    corpus.run([str(corpus_file)], str(tmp_path / "one"), Cleaner(), jobs=1, batch_size=1)
    corpus.run([str(corpus_file)], str(tmp_path / "two"), Cleaner(), jobs=2, batch_size=1)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only(tmp_path, corpus_file):
    terminal, pipe = _Terminal(), io.StringIO()
    corpus.run([str(corpus_file)], str(tmp_path / "a"), Cleaner(), progress=terminal)
    corpus.run([str(corpus_file)], str(tmp_path / "b"), Cleaner(), progress=pipe)
    assert "doclint corpus: 6 documents" in terminal.getvalue() and pipe.getvalue() == ""


def test_command_line(tmp_path, corpus_file, capsys):
    code = main(["corpus", str(corpus_file), "--out", str(tmp_path / "out"), "--drop-on", "truncated-ending",
                 "--jobs", "1"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("6 documents") and "2 kept" in out and "dropped by: DL106 2" in out
    assert main(["corpus", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "x")]) == 2


def test_long_documents_make_small_batches(monkeypatch):
    monkeypatch.setattr(corpus, "BATCH_CHARACTERS", 10)
    items = [("w", {"text": "x" * n}, None) for n in (4, 4, 4, 20, 1)] + [("w", None, "bad JSON")]
    sizes = [len(batch) for batch in corpus._batched(items, 200, "text")]
    assert sizes == [3, 1, 2]
