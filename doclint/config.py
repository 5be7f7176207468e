"""Configuration files: `[tool.doclint]` in pyproject.toml, `doclint.toml` or `.doclint.toml`.

For each file checked, the closest configuration file above it wins; parents are not merged unless the file
says `extend = "../path.toml"`. Globs are relative to the directory of the winning file (the project root);
pack folders and `extend` are relative to the file that names them.
"""
from __future__ import annotations

import os
from functools import cached_property, partial

from .globs import GlobError, compile_glob
from .model import Severity
from .registry import Rule, matches
from .resources import parsed_once
from .slugs import DIALECTS

CONFIG_FILES = (".doclint.toml", "doclint.toml", "pyproject.toml")
SELECTOR_KEYS = ("select", "extend-select", "ignore", "fixable", "unfixable", "extend-safe-fixes",
                 "extend-unsafe-fixes")
GLOB_KEYS = ("include", "exclude", "extend-exclude")
KEYS = frozenset(SELECTOR_KEYS + GLOB_KEYS + ("extend", "per-file-ignores", "rules", "packs", "respect-gitignore",
                                              "slug-dialect"))
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
DEFAULT_EXCLUDE = (".*/", "node_modules/", "venv/", "__pycache__/")
ADDITIVE = ("extend-select", "ignore", "unfixable", "extend-safe-fixes", "extend-unsafe-fixes", "extend-exclude")


class ConfigError(ValueError):
    """A configuration mistake; the message names the file and the key."""


class Settings:
    """The resolved configuration for the files under one project root."""

    def __init__(self, root: str, sources: tuple[str, ...] = (), values: dict | None = None,
                 origins: dict | None = None):
        self.root = root
        self.sources = sources  # the configuration files read, the winning one first
        self.values = values or {}  # key -> value, as written (merged over `extend`, then the CLI)
        self.origins = origins or {}  # key, and "key:item" per list item or table -> where it came from
        self._linter = None

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    @cached_property
    def include(self):
        return tuple(compile_glob(g, self.root, ignore_case=True) for g in self.get("include", DEFAULT_INCLUDE))

    @cached_property
    def exclude(self):
        globs = tuple(self.get("exclude", DEFAULT_EXCLUDE)) + tuple(self.get("extend-exclude", ()))
        return tuple(compile_glob(g, self.root) for g in globs)

    @property
    def respect_gitignore(self) -> bool:
        return self.get("respect-gitignore", True)

    def linter(self):
        """The Linter for these settings, built once."""
        if self._linter is None:
            from .engine import Linter, available_rules

            options = check_rules(self, available_rules(tuple(self.get("packs", ()))))
            options["slug-dialect"] = self.get("slug-dialect", "github")
            self._linter = Linter(
                select=_list(self.get("select")), ignore=_list(self.get("ignore")), options=options,
                extend_select=_list(self.get("extend-select")), per_file_ignores=self.get("per-file-ignores", {}),
                root=self.root, fixable=_list(self.get("fixable")), unfixable=_list(self.get("unfixable")),
                extend_safe_fixes=_list(self.get("extend-safe-fixes")),
                extend_unsafe_fixes=_list(self.get("extend-unsafe-fixes")), packs=tuple(self.get("packs", ())))
        return self._linter


def _list(value) -> list[str] | None:
    return None if value is None else list(value)


def find_config(directory: str) -> str | None:
    """The closest configuration file in `directory` or above it."""
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_doclint_table(candidate)):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_doclint_table(path: str) -> bool:
    try:
        data = _read_toml(path)
    except ConfigError:
        return True  # a broken pyproject.toml is reported, not silently skipped
    return isinstance(data.get("tool"), dict) and "doclint" in data["tool"]


def _read_toml(path: str) -> dict:
    """The file's TOML (of a pyproject.toml, only what doclint reads), parsed once and then taken from the cache."""
    try:
        return parsed_once(path, partial(_parse_toml, path), "config")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None


def _parse_toml(path: str, text: str) -> dict:
    import tomllib  # only when the file is not in the cache

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    tool = data.get("tool")
    if os.path.basename(path) != "pyproject.toml" or not isinstance(tool, dict):
        return data
    return {"tool": {"doclint": tool["doclint"]}} if "doclint" in tool else {}


def load(path: str, overrides: dict | None = None, overrides_origin: str = "command line") -> Settings:
    """Settings from one configuration file (following `extend`), with command-line overrides on top."""
    path = os.path.abspath(path)
    values, origins, sources = _load_chain(path, ())
    settings = Settings(os.path.dirname(path), sources, values, origins)
    return apply_overrides(settings, overrides or {}, overrides_origin)


def defaults(root: str, overrides: dict | None = None) -> Settings:
    return apply_overrides(Settings(os.path.abspath(root)), overrides or {}, "command line")


def apply_overrides(settings: Settings, overrides: dict, origin: str) -> Settings:
    values, origins = dict(settings.values), dict(settings.origins)
    for key, value in overrides.items():
        if value is None:
            continue
        if key in ADDITIVE:
            values[key] = tuple(values.get(key, ())) + tuple(value)
        else:
            values[key] = value
        origins.update(_item_origins(key, value, origin))
    return Settings(settings.root, settings.sources, values, origins)


def _item_origins(key: str, value, origin: str) -> dict:
    """Where a key and each of its items came from, so that an error in a merged list names the right file."""
    items = value if isinstance(value, (list, tuple, dict)) else ()
    return {key: origin, **{f"{key}:{item}": origin for item in items}}


def _load_chain(path: str, seen: tuple[str, ...]) -> tuple[dict, dict, tuple[str, ...]]:
    if path in seen:
        raise ConfigError(f"{path}: extend: circular extension ({' -> '.join(seen + (path,))})")
    data = _read_toml(path)
    table = data.get("tool", {}).get("doclint") if os.path.basename(path) == "pyproject.toml" else data
    if table is None:
        raise ConfigError(f"{path}: no [tool.doclint] table")
    prefix = "tool.doclint." if os.path.basename(path) == "pyproject.toml" else ""
    values = _validate(path, prefix, table)
    base_values, base_origins, base_sources = {}, {}, ()
    if "extend" in values:
        base = os.path.normpath(os.path.join(os.path.dirname(path), os.path.expanduser(values.pop("extend"))))
        if not os.path.isfile(base):
            raise ConfigError(f"{path}: {prefix}extend: no such file: {base}")
        base_values, base_origins, base_sources = _load_chain(base, seen + (path,))
    merged, origins = dict(base_values), dict(base_origins)
    for key, value in values.items():
        if key in ADDITIVE:
            merged[key] = tuple(merged.get(key, ())) + tuple(value)
        elif key == "per-file-ignores":
            merged[key] = {**merged.get(key, {}), **value}
        elif key == "rules":
            base_rules = merged.get(key, {})
            merged[key] = {**base_rules, **{name: {**base_rules.get(name, {}), **table} for name, table in value.items()}}
        else:
            merged[key] = value
        origins.update(_item_origins(key, value, path))
    return merged, origins, (path,) + base_sources


def _validate(path: str, prefix: str, table: dict) -> dict:
    """Check every key's type; make pack folders absolute. Rule names are checked later (packs add rules)."""
    values = {}
    for key, value in table.items():
        where = f"{path}: {prefix}{key}"
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key (known: {', '.join(sorted(KEYS))})")
        if key in SELECTOR_KEYS or key in GLOB_KEYS:
            values[key] = _strings(value, where)
            if key in GLOB_KEYS:
                for pattern in values[key]:
                    _check_glob(pattern, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of glob = [selectors]")
            for pattern, selectors in value.items():
                _check_glob(pattern, f"{where}.{pattern!r}")
            values[key] = {pattern: _strings(selectors, f"{where}.{pattern!r}") for pattern, selectors in value.items()}
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: expected tables [{prefix}rules.<code or name>]")
            values[key] = value
        elif key == "packs":
            folders = _strings(value, where)
            values[key] = tuple(os.path.normpath(os.path.join(os.path.dirname(path), os.path.expanduser(f)))
                                for f in folders)
            for folder in values[key]:
                if not os.path.isdir(folder):
                    raise ConfigError(f"{where}: no such folder: {folder}")
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: expected true or false")
            values[key] = value
        elif key == "slug-dialect":
            if value not in DIALECTS:
                raise ConfigError(f"{where}: expected one of {', '.join(DIALECTS)}")
            values[key] = value
        elif key == "extend":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: expected the path of another configuration file")
            values[key] = value
    return values


def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _check_glob(pattern: str, where: str) -> None:
    try:
        compile_glob(pattern, "/")
    except GlobError as error:
        raise ConfigError(f"{where}: {error}") from None


def check_rules(settings: Settings, rules: list[Rule]) -> dict:
    """Check every selector and `[rules.X]` table against the available rules; return options by rule name."""
    for key in SELECTOR_KEYS:
        for selector in settings.get(key, ()):
            if not any(matches(r, selector) for r in rules):
                raise ConfigError(f"{_origin(settings, key, selector)}: {key}: unknown rule selector {selector!r}")
    for pattern, selectors in settings.get("per-file-ignores", {}).items():
        for selector in selectors:
            if not any(matches(r, selector) for r in rules):
                raise ConfigError(f"{_origin(settings, 'per-file-ignores', pattern)}: per-file-ignores.{pattern!r}: "
                                  f"unknown rule selector {selector!r}")
    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    options = {}
    for key, table in settings.get("rules", {}).items():
        where = f"{_origin(settings, 'rules', key)}: rules.{key}"
        rule = by_key.get(key) or by_key.get(key.upper())
        if rule is None:
            raise ConfigError(f"{where}: unknown rule (give a code such as DL301 or a rule name)")
        options[rule.name] = {**options.get(rule.name, {}), **_rule_options(rule, table, where)}
    return options


def _rule_options(rule: Rule, table: dict, where: str) -> dict:
    known = {o.name: o for o in rule.options}
    values = {}
    for name, value in table.items():
        if name == "severity":
            if not isinstance(value, str) or value.upper() not in Severity.__members__:
                raise ConfigError(f"{where}.severity: expected one of error, warning, info")
            values[name] = value.lower()
            continue
        option = known.get(name)
        if option is None:
            names = ", ".join(["severity"] + sorted(known))
            raise ConfigError(f"{where}.{name}: unknown option for {rule.code} (known: {names})")
        if option.choices and value not in option.choices:
            raise ConfigError(f"{where}.{name}: expected one of {', '.join(option.choices)}")
        if option.kind == "strings":
            value = _strings(value, f"{where}.{name}")
        values[name] = value
    return values


def _origin(settings: Settings, key: str, item: str) -> str:
    return settings.origins.get(f"{key}:{item}", settings.origins.get(key, "configuration"))
