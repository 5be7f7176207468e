"""Which Linter checks a file: the one the project's configuration gives, rebuilt when that configuration changes."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..engine import Linter
from ..workspace import Workspace

CONFIG_FILES = ("pyproject.toml", "doclint.toml", ".doclint.toml")
MAX_CACHED = 16


def load_linter(directory: Path) -> Linter:
    """The Linter for files in directory, as the CLI configures it there: from the closest configuration file.
    A configuration mistake raises ConfigError (or PackError), which the server logs to the client."""
    return Workspace(cwd=str(directory)).settings_for(str(directory)).linter()


def config_stamp(directory: Path) -> tuple:
    """Every configuration file in directory and its ancestors, with its modification time and size."""
    found = []
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            try:
                status = os.stat(folder / name)
            except OSError:
                continue
            found.append((str(folder / name), status.st_mtime_ns, status.st_size))
    return tuple(found)


class Linters:
    """Linters by configuration: files whose configuration files are the same share one Linter."""

    def __init__(self, load: Callable[[Path], Linter] = load_linter):
        self.load = load
        self.cache: dict[tuple, Linter] = {}

    def for_path(self, path: str) -> Linter:
        directory = Path(path).absolute().parent
        stamp = config_stamp(directory)
        if stamp not in self.cache:
            if len(self.cache) >= MAX_CACHED:
                del self.cache[next(iter(self.cache))]
            self.cache[stamp] = self.load(directory)
        return self.cache[stamp]
