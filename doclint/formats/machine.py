"""JSON (one array; the contract in the README) and JSON Lines (one record per line)."""
from __future__ import annotations

import json

from ..report import record, to_json
from . import Run


def json_array(run: Run) -> str:
    return to_json(run.reports)


def json_lines(run: Run) -> str:
    return "".join(json.dumps(record(r, d), ensure_ascii=False) + "\n" for r in run.reports for d in r.diagnostics)
