"""Which files to check, and with which settings: configuration discovery, include/exclude and .gitignore."""
from __future__ import annotations

import os

from . import config
from .config import Settings
from .gitignore import GitIgnore
from .globs import excluded


class Workspace:
    """Settings for any path: from `--config`, from nothing (`--isolated`), or from the closest configuration
    file above it; with command-line overrides on top."""

    def __init__(self, config_path: str | None = None, isolated: bool = False, overrides: dict | None = None,
                 cwd: str | None = None):
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.overrides = overrides or {}
        self._fixed: Settings | None = None
        if isolated:
            self._fixed = config.defaults(self.cwd, self.overrides)
        elif config_path is not None:
            if not os.path.isfile(config_path):
                raise config.ConfigError(f"{config_path}: no such configuration file")
            self._fixed = config.load(config_path, self.overrides, "command line")
        self._by_directory: dict[str, Settings] = {}
        self._by_file: dict[str | None, Settings] = {}
        self.gitignore = GitIgnore()

    def settings_for(self, path: str) -> Settings:
        """The settings of a file (by its directory), or of a directory itself."""
        full = os.path.abspath(path)
        return self._settings_in(full if os.path.isdir(full) else os.path.dirname(full))

    def _settings_in(self, directory: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        if directory not in self._by_directory:
            found = config.find_config(directory)
            if found not in self._by_file:
                self._by_file[found] = (config.load(found, self.overrides) if found is not None
                                        else config.defaults(self.cwd, self.overrides))
            self._by_directory[directory] = self._by_file[found]
        return self._by_directory[directory]

    def discover(self, paths: list[str], force_exclude: bool = False) -> list[str]:
        """Named files (always, unless `force_exclude` and excluded), and the included, not excluded and not
        git-ignored files below named directories, sorted. '-' (standard input) passes through."""
        found: list[str] = []
        for given in paths:
            full = os.path.abspath(given)
            if given != "-" and force_exclude and self.excluded(full, os.path.isdir(full)):
                continue
            if given != "-" and os.path.isdir(full):
                found.extend(sorted(self._walk(given)))
            else:
                found.append(given)
        return found

    def excluded(self, full: str, is_dir: bool) -> bool:
        """Excluded by the configuration or by git, itself or through a directory it is in."""
        settings = self._settings_in(full if is_dir else os.path.dirname(full))
        return (excluded(full, settings.exclude, is_dir, settings.root)
                or settings.respect_gitignore and self.gitignore.ignored(full, is_dir))

    def _walk(self, top: str):
        for root, dirs, files in os.walk(top):
            settings = self._settings_in(os.path.abspath(root))
            dirs[:] = sorted(d for d in dirs if not self._skipped(os.path.abspath(os.path.join(root, d)), True, settings))
            for name in files:
                full = os.path.abspath(os.path.join(root, name))
                if any(g.matches(full) for g in settings.include) and not self._skipped(full, False, settings):
                    yield os.path.join(root, name)

    def _skipped(self, full: str, is_dir: bool, settings: Settings) -> bool:
        return (any(g.matches(full, is_dir) for g in settings.exclude)
                or settings.respect_gitignore and self.gitignore.ignored(full, is_dir))
