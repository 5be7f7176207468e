"""Value types shared by rules, the fix engine and the reporters."""
from __future__ import annotations

from enum import Enum, IntEnum
from typing import NamedTuple


class Applicability(IntEnum):
    """How sure a fix is; a fix applies at level x when its applicability >= x (as in ruff)."""

    DISPLAY_ONLY = 0
    UNSAFE = 1
    SAFE = 2

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


class Fixable(Enum):
    """A rule's static promise about fixes, checked by the test harness."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


# Value types are named tuples: immutable, ordered field by field, and cheap to create (as dataclasses are not:
# they cost `doclint check` a fifth of its start-up).
class Edit(NamedTuple):
    """Replace text[start:end] (character offsets, end exclusive) with `content`."""

    start: int
    end: int
    content: str = ""


class Fix(NamedTuple):
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def applies(self, level: Applicability) -> bool:
        return self.applicability >= level


class Diagnostic(NamedTuple):
    code: str
    name: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    notes: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
