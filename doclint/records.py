"""Corpus records in: JSON Lines (plain, .gz, .zst) and Parquet, read lazily one record at a time."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path
from typing import Iterator

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".json.gz", ".json.zst")
PARQUET_SUFFIXES = (".parquet",)


class RecordError(Exception):
    """An input doclint cannot read at all (missing file, missing optional dependency)."""


def discover_inputs(paths: list[str]) -> list[str]:
    """Named files, and the JSONL/Parquet files below named directories, sorted."""
    found: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            found.extend(sorted(str(p) for p in Path(given).rglob("*") if p.is_file() and _readable(p.name)))
        elif os.path.isfile(given):
            found.append(given)
        else:
            raise RecordError(f"{given}: no such file or directory")
    return found


def _readable(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)


def read_records(path: str) -> Iterator[tuple[str, dict | None, str | None]]:
    """(where, record, error) for each record of a file; `where` is 'path:line' (or 'path:row')."""
    if path.lower().endswith(PARQUET_SUFFIXES):
        yield from _parquet(path)
        return
    with _open_text(path) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield where, None, f"invalid JSON: {error}"
                continue
            if isinstance(record, dict):
                yield where, record, None
            else:
                yield where, None, f"a record must be a JSON object, not {type(record).__name__}"


def _open_text(path: str) -> io.TextIOBase:
    lowered = path.lower()
    if lowered.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    if lowered.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise RecordError(f"{path}: reading .zst needs the zstandard package: pip install 'doclint[corpus]'") from None
        return io.TextIOWrapper(zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True),
                                encoding="utf-8")
    return open(path, encoding="utf-8")


def _parquet(path: str) -> Iterator[tuple[str, dict | None, str | None]]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise RecordError(f"{path}: reading Parquet needs pyarrow: pip install 'doclint[corpus]'") from None
    row = 0
    for batch in parquet.ParquetFile(path).iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield f"{path}:{row}", record, None
