"""Value types shared by rules, the fix engine and the reporters."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum


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


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] (character offsets, end exclusive) with `content`."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def applies(self, level: Applicability) -> bool:
        return self.applicability >= level


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
