"""GitLab Code Quality: an array of issues with stable fingerprints."""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from ..baseline import fingerprint
from ..model import Severity
from . import Run, relative_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(run: Run) -> str:
    issues = []
    for report in run.reports:
        path = relative_path(report.path, run.cwd)
        seen: Counter = Counter()
        for d in report.diagnostics:
            (line, column), (end_line, end_column) = report.index.position(d.start), report.index.position(d.end)
            context = fingerprint(report.index, d)
            seen[context] += 1
            digest = hashlib.sha256(f"{path}\x1f{context}\x1f{seen[context]}".encode("utf-8")).hexdigest()
            issues.append({"type": "issue", "check_name": d.code, "description": f"{d.code} {d.message}",
                           "categories": ["Style"], "severity": SEVERITIES[d.severity], "fingerprint": digest,
                           "location": {"path": path, "positions": {"begin": {"line": line, "column": column},
                                                                    "end": {"line": end_line, "column": end_column}}}})
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
