"""Built-in Python rules; importing a module registers its rules (an explicit list, no directory scanning)."""
from . import blocks, casing, content, encoding, punctuation, structure, suppressions  # noqa: F401
