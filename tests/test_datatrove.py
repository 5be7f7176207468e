"""doclint's datatrove steps in a real LocalPipelineExecutor with 2 workers, offline."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from doclint.integrations.datatrove import DoclintFilter, DoclintFormatter  # noqa: E402

SHARDS = {
    "a.jsonl": [{"id": "a1", "text": "Present were Lee Jae-yong,Chairman of Samsung Group,and Choi Tae-won.\n"},
                {"id": "a2", "text": "Solar Power\nThe first plants opened in 2007 near Seville and arguably "
                                     "contributed to\n"}],
    "b.jsonl": [{"id": "b1", "text": "Wind Power\nThe vote occured in 2011. Turbines now supply a fifth.\n"},
                {"id": "b2", "text": "Tides\nThe barrage opened in 1966. It still runs today.\n"}],
}


def _read(folder: Path) -> dict[str, dict]:
    docs = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        for line in gzip.open(path, "rt", encoding="utf-8"):
            doc = json.loads(line)
            docs[doc["id"]] = doc
    return docs


@pytest.mark.slow
def test_formatter_and_filter_in_a_local_pipeline_with_two_workers(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    source = tmp_path / "in"
    source.mkdir()
    for name, docs in SHARDS.items():
        (source / name).write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    pipeline = [
        JsonlReader(str(source)),
        DoclintFormatter(),
        DoclintFilter(drop_on=["truncated-ending"], exclusion_writer=JsonlWriter(str(tmp_path / "dropped"))),
        JsonlWriter(str(tmp_path / "out")),
    ]
    LocalPipelineExecutor(pipeline, tasks=2, workers=2, logging_dir=str(tmp_path / "logs")).run()

    kept, dropped = _read(tmp_path / "out"), _read(tmp_path / "dropped")
    assert set(kept) == {"a1", "b1", "b2"} and set(dropped) == {"a2"}
    assert kept["a1"]["text"] == "Present were Lee Jae-yong, Chairman of Samsung Group, and Choi Tae-won.\n"
    assert kept["b1"]["text"].startswith("Wind Power\nThe vote occurred in 2011.")
    assert kept["b2"]["metadata"]["doclint"] == {}
    assert dropped["a2"]["metadata"]["filter_reason"] == "DL106"
    assert dropped["a2"]["metadata"]["doclint"] == {"DL106": 1}
    assert len(list((tmp_path / "logs" / "completions").iterdir())) == 2
