"""Built-in Python rules; importing a module registers its rules (an explicit list, no directory scanning)."""
from . import casing, encoding, punctuation, structure, suppressions  # noqa: F401
