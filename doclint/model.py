"""Value types shared by rules, the fix engine and the reporters."""
from __future__ import annotations

from collections import namedtuple
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


# Value types are named tuples: immutable, ordered field by field, and cheap to define. (Dataclasses cost
# `doclint check` a fifth of its start-up, typing.NamedTuple another 5%.)
class Edit(namedtuple("Edit", "start end content", defaults=("",))):
    """Replace text[start:end] (character offsets, end exclusive) with `content` (a str)."""

    __slots__ = ()


class Fix(namedtuple("Fix", "title edits applicability", defaults=(Applicability.SAFE,))):
    """`edits`: a tuple of Edit, sorted and not overlapping."""

    __slots__ = ()

    def applies(self, level: Applicability) -> bool:
        return self.applicability >= level


class Diagnostic(namedtuple("Diagnostic", "code name message start end severity fix notes",
                            defaults=(Severity.WARNING, None, ()))):
    """A finding of rule `code` (`name`) in text[start:end]; `fix` a Fix or None, `notes` a tuple of str."""

    __slots__ = ()

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
