"""The properties of tests/properties.py over every file of ../shared/corpus/, in a pool of two processes:
no crash, no failed or non-idempotent fix, every undecodable file refused with a one-line message."""
from __future__ import annotations

import traceback
from concurrent.futures import ProcessPoolExecutor

import pytest

from doclint.files import SUFFIXES, FileError, read
from conftest import SHARED

CORPUS = SHARED / "corpus"


def check_one(path: str) -> tuple[str, str | None]:
    """('checked' | 'refused', None) or ('failed', why)."""
    from properties import assert_properties

    try:
        source, _ = read(path)
    except FileError as error:
        return ("refused", None) if "\n" not in str(error) else ("failed", f"{path}: {error}")
    try:
        assert_properties(source, path)
    except Exception:
        return "failed", f"{path}:\n{traceback.format_exc(limit=3)}"
    return "checked", None


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not there")
def test_every_corpus_file_keeps_the_properties():
    every = sorted(str(p) for p in CORPUS.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    assert len(every) > 8000
    paths = every  # about 4 minutes on two cores
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(check_one, paths, chunksize=16))
    failures = [why for outcome, why in results if outcome == "failed"]
    checked = sum(outcome == "checked" for outcome, _ in results)
    print(f"corpus: {len(paths)} files, {checked} checked, {len(paths) - checked - len(failures)} refused "
          f"(not UTF-8), {len(failures)} failures")
    assert failures == [], "\n".join(failures[:10])
