"""`doclint corpus`: clean JSONL/Parquet records on every core.

Out: documents.jsonl (kept records, cleaned text), report.jsonl (one line per document), dropped.jsonl (records
the policy drops, with the reason), failed.jsonl (id and error of records that could not be cleaned) and
summary.json. After every batch the outputs are flushed and state.json records how far the run got, so an
interrupted run, started again with the same arguments, resumes there (output written after the last
checkpoint is cut off first)."""
from __future__ import annotations

import json
import os
import time
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from .clean import Cleaned, Cleaner
from .parallel import ordered_map
from .records import discover_inputs, read_records

OUTPUTS = {"documents": "documents.jsonl", "report": "report.jsonl", "dropped": "dropped.jsonl",
           "failed": "failed.jsonl"}
STATE, SUMMARY = "state.json", "summary.json"
BATCH_SIZE = 200  # records per batch, at most
BATCH_CHARACTERS = 1_000_000  # text per batch, at most: long documents make small batches (and checkpoints)


class CorpusError(Exception):
    """The run cannot start (inputs unreadable, output folder holding another run); the message is for the user."""


def run(inputs: list[str], out_dir: str, cleaner: Cleaner, text_key: str = "text", id_key: str = "id",
        jobs: int = 1, batch_size: int = BATCH_SIZE, progress: TextIO | None = None) -> dict:
    """Clean every record of `inputs` into `out_dir`; return the summary (also written to summary.json)."""
    files = discover_inputs(inputs)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    run_id = {"inputs": [os.path.abspath(f) for f in files], "text_key": text_key, "id_key": id_key,
              "select": cleaner.linter.select, "ignore": cleaner.linter.ignore, "unsafe": cleaner.unsafe,
              "drop_on": cleaner.drop_on, "kind": cleaner.kind}
    state = _resume_state(out, run_id)
    _save(out / STATE, state)  # before any output: a run stopped before its first checkpoint resumes too
    handles = {name: _open_at(out / filename, state["sizes"].get(name, 0)) for name, filename in OUTPUTS.items()}
    summary = state["summary"]
    meter, earlier_seconds = _Progress(progress, summary), summary["seconds"]
    records = islice((item for path in files for item in read_records(path)), state["done"], None)
    try:
        for items, results in _clean_batches(records, cleaner, text_key, jobs, batch_size):
            for (where, record, error), result in zip(items, results):
                _write(handles, summary, record, record.get(id_key, where) if record else where, text_key,
                       error or result)
            for handle in handles.values():
                handle.flush()
            state["done"] += len(items)
            state["sizes"] = {name: handle.tell() for name, handle in handles.items()}
            summary["seconds"] = round(earlier_seconds + meter.elapsed(), 3)  # interrupted runs count too
            _save(out / STATE, state)
            meter.update()
    finally:
        for handle in handles.values():
            handle.close()
        meter.close()
    summary["seconds"] = round(earlier_seconds + meter.elapsed(), 3)
    _save(out / STATE, state)
    _save(out / SUMMARY, summary)
    return summary


def _resume_state(out: Path, run_id: dict) -> dict:
    path = out / STATE
    if path.exists():
        state = json.loads(path.read_text(encoding="utf-8"))
        if state.get("run") != run_id:
            raise CorpusError(f"{out} holds a run with other inputs or options; choose another --out or empty it")
        return state
    if any((out / name).exists() for name in OUTPUTS.values()):
        raise CorpusError(f"{out} holds output of another run; choose another --out or empty it")
    summary = {"documents": 0, "kept": 0, "changed": 0, "dropped": 0, "failed": 0, "megabytes": 0.0,
               "seconds": 0.0, "fixed": {}, "remaining": {}, "dropped_by": {}}
    return {"run": run_id, "done": 0, "sizes": {}, "summary": summary}


def _open_at(path: Path, size: int):
    handle = open(path, "a+b")
    handle.truncate(size)  # drop what was written after the last checkpoint
    handle.seek(size)
    return handle


def _save(path: Path, data: dict) -> None:
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temp, path)


def _clean_batches(records: Iterable, cleaner: Cleaner, text_key: str, jobs: int,
                   batch_size: int) -> Iterator[tuple[list, list]]:
    """(items, results) per batch of records, in input order; only the texts travel to the workers."""
    texts = partial(_texts, text_key=text_key)
    yield from ordered_map(_clean_texts, _batched(records, batch_size, text_key), jobs, cleaner, texts)


def _batched(records: Iterable, size: int, text_key: str) -> Iterator[list]:
    batch, characters = [], 0
    for item in records:
        batch.append(item)
        text = item[1].get(text_key) if item[1] is not None else None
        characters += len(text) if isinstance(text, str) else 0
        if len(batch) >= size or characters >= BATCH_CHARACTERS:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def _texts(items: list[tuple], text_key: str) -> list[str | None]:
    texts = []
    for _, record, error in items:
        text = record.get(text_key) if error is None else None
        texts.append(text if isinstance(text, str) else None)
    return texts


def _clean_texts(cleaner: Cleaner, texts: list[str | None]) -> list[Cleaned | str | None]:
    """A Cleaned per text; for a text that failed, the error; None where there was no text to clean."""
    results: list[Cleaned | str | None] = []
    for text in texts:
        if text is None:
            results.append(None)
            continue
        try:
            results.append(cleaner.clean(text))
        except Exception as error:  # one bad record must not stop the run
            results.append(f"{type(error).__name__}: {error}")
    return results


def _write(handles: dict, summary: dict, record: dict | None, doc_id, text_key: str,
           result: Cleaned | str | None) -> None:
    summary["documents"] += 1
    if not isinstance(result, Cleaned):
        error = result or f"no string field {text_key!r} in the record"
        _line(handles["failed"], {"id": doc_id, "error": error})
        summary["failed"] += 1
        return
    summary["megabytes"] += len(record[text_key].encode("utf-8", "surrogatepass")) / 1e6
    summary["changed"] += result.text != record[text_key]
    _add(summary["fixed"], result.fixed)
    _add(summary["remaining"], result.remaining)
    _line(handles["report"], result.report(doc_id))
    cleaned = {**record, text_key: result.text}
    if result.drop_reason:
        code = result.drop_reason.split()[0]
        summary["dropped_by"][code] = summary["dropped_by"].get(code, 0) + 1
        summary["dropped"] += 1
        _line(handles["dropped"], {**cleaned, "doclint_drop_reason": result.drop_reason})
    else:
        summary["kept"] += 1
        _line(handles["documents"], cleaned)


def _add(totals: dict, counts: dict) -> None:
    for code, n in counts.items():
        totals[code] = totals.get(code, 0) + n


def _line(handle, data: dict) -> None:
    handle.write(json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass") + b"\n")


class _Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO | None, summary: dict):
        self.stream = stream if stream is not None and stream.isatty() else None
        self.summary, self.started, self.shown = summary, time.monotonic(), 0.0
        self.start_megabytes = summary["megabytes"]

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def update(self) -> None:
        now = time.monotonic()
        if self.stream is None or now - self.shown < 0.2:
            return
        self.shown = now
        s = self.summary
        rate = (s["megabytes"] - self.start_megabytes) / max(self.elapsed(), 1e-9)
        self.stream.write(f"\rdoclint corpus: {s['documents']:,} documents, {s['megabytes']:,.1f} MB, "
                          f"{rate:.2f} MB/s, {s['dropped']:,} dropped, {s['failed']:,} failed ")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.shown = 0.0
            self.update()
            self.stream.write("\n")


def describe(summary: dict) -> str:
    """The summary as a few lines for a person."""
    lines = [f"{summary['documents']:,} documents ({summary['megabytes']:,.1f} MB) in {summary['seconds']:.1f} s: "
             f"{summary['kept']:,} kept, {summary['changed']:,} changed, {summary['dropped']:,} dropped, "
             f"{summary['failed']:,} failed"]
    for title, key in (("fixed", "fixed"), ("remaining", "remaining"), ("dropped by", "dropped_by")):
        if summary[key]:
            lines.append(f"{title}: " + ", ".join(f"{code} {n:,}" for code, n in sorted(summary[key].items())))
    return "\n".join(lines)
