"""doclint: a linter and cleaner for the structure and text of articles."""
from __future__ import annotations

__version__ = "0.1.0"

from .engine import Linter, parse  # noqa: E402
from .model import Applicability, Diagnostic, Edit, Fix, Severity  # noqa: E402

__all__ = ["Linter", "parse", "Applicability", "Diagnostic", "Edit", "Fix", "Severity", "__version__"]
