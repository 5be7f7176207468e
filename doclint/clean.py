"""Cleaning documents in bulk: fix, count findings per rule, and decide by policy what to drop.

One Cleaner serves `doclint corpus`, the datatrove steps and Ray/Dask batch functions alike; it is built once,
holds no state between documents and is picklable (its Linter rebuilds itself on unpickling)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .engine import Linter
from .model import Diagnostic
from .registry import matches


@dataclass
class Cleaned:
    text: str  # the cleaned text (the original when fixing failed)
    fixed: dict[str, int] = field(default_factory=dict)  # rule code -> fixes applied
    remaining: dict[str, int] = field(default_factory=dict)  # rule code -> findings left after cleaning
    flags: list[str] = field(default_factory=list)  # names of the rules whose findings remain
    drop_reason: str | None = None  # 'DL106 truncated-ending' when the policy drops the document
    error: str | None = None  # why fixing failed (the text was kept as it was)

    def report(self, doc_id) -> dict:
        return {"id": doc_id, "fixed": self.fixed, "remaining": self.remaining, "flags": self.flags,
                "dropped": self.drop_reason, "fix_error": self.error}


class Cleaner:
    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None, unsafe: bool = False,
                 drop_on: list[str] | None = None, kind: str = "text"):
        self.linter = Linter(select=select, ignore=ignore)
        self.unsafe, self.drop_on, self.kind = unsafe, list(drop_on or []), kind
        self.dropping = {r.code for r in self.linter.rules if any(matches(r, s) for s in self.drop_on)}

    def clean(self, text: str) -> Cleaned:
        outcome = self.linter.fix(text, unsafe=self.unsafe, kind=self.kind)
        result = self._judge(outcome.remaining)
        result.text, result.fixed, result.error = outcome.text, dict(outcome.fixed), outcome.error
        return result

    def check(self, text: str) -> Cleaned:
        """Findings and the drop decision without fixing: the text is returned as it is."""
        result = self._judge(self.linter.check(text, kind=self.kind))
        result.text = text
        return result

    def _judge(self, diagnostics: list[Diagnostic]) -> Cleaned:
        dropped = next((d for d in diagnostics if d.code in self.dropping), None)
        return Cleaned("", remaining=dict(Counter(d.code for d in diagnostics)),
                       flags=sorted({d.name for d in diagnostics}),
                       drop_reason=f"{dropped.code} {dropped.name}" if dropped else None)
