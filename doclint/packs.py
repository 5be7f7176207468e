"""Declarative rule packs (rules/*.toml) compiled into the same Rule values as Python rules."""
from __future__ import annotations

import os
from functools import lru_cache, partial

from . import kinds
from .model import Applicability, Fixable, Severity
from .registry import Rule
from .resources import packs_dir, parsed_once

RULE_KEYS = {
    "code", "name", "kind", "summary", "message", "severity", "applicability", "ignore_case", "scope",
    "swap", "swap_file", "swap_format", "tokens", "examples", "doc", "tags", "unusual_spelling_rate",
}
REQUIRED = ("code", "name", "kind", "summary", "message")


class PackError(ValueError):
    """A pack file that cannot be used; the message names the file and the key."""


def pack_rules(folders: tuple[str, ...] = ()) -> list[Rule]:
    return list(_load(packs_dir())) + [r for folder in folders for r in _load(os.fspath(folder))]


@lru_cache(maxsize=None)
def _load(folder: str) -> tuple[Rule, ...]:
    names = sorted(name for name in os.listdir(folder) if name.endswith(".toml"))
    return tuple(r for name in names for r in load_pack(os.path.join(folder, name)))


def load_pack(path: str) -> list[Rule]:
    """The pack's rules. Its TOML is parsed and every rule built, patterns compiled, once; later runs take the
    checked TOML from the cache and compile each pattern only when a document needs it."""
    fresh: list[Rule] = []  # built while parsing, when the pack is not in the cache
    try:
        data = parsed_once(path, partial(_checked_pack, path, fresh), "pack")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{path}: {error}") from None
    return fresh or _rules(path, data, checked=True)


def _checked_pack(path: str, built: list[Rule], text: str) -> dict:
    import tomllib  # only when the pack is not in the cache

    try:
        data = tomllib.loads(text.replace("\r\n", "\n").replace("\r", "\n"))  # newlines as read_text reads them
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{path}: {error}") from None
    built += _rules(path, data, checked=False)  # a mistake fails here, and is never cached
    return data


def _rules(path: str, data: dict, checked: bool) -> list[Rule]:
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        raise PackError(f"{path}: unknown top-level key {sorted(unknown)[0]!r}")
    return [_compile(path, i, entry, checked) for i, entry in enumerate(data.get("rule", []))]


def _compile(path: str, index: int, entry: dict, checked: bool) -> Rule:
    where = f"{path}: rule[{index}]"
    for key in entry:
        if key not in RULE_KEYS:
            raise PackError(f"{where}: unknown key {key!r}")
    for key in REQUIRED:
        if not isinstance(entry.get(key), str):
            raise PackError(f"{where}: {key!r} is required and must be a string")
    where = f"{path}: rule {entry['code']} ({entry['name']})"
    try:
        severity = Severity[entry.get("severity", "warning").upper()]
        applicability = Applicability[entry.get("applicability", "safe").upper().replace("-", "_")]
    except KeyError as error:
        raise PackError(f"{where}: unknown severity or applicability {error}") from None
    build = kinds.KINDS.get(entry["kind"])
    if build is None:
        raise PackError(f"{where}: unknown kind {entry['kind']!r} (known: {', '.join(sorted(kinds.KINDS))})")
    try:
        check, fixable = build(entry, os.path.dirname(path), applicability, checked)
    except (ValueError, TypeError, OSError) as error:
        raise PackError(f"{where}: {error}") from None
    doc = entry.get("doc", "")
    examples = entry.get("examples", {})
    if examples:
        doc += f"\n\n## Example\n```\n{examples.get('bad', '')}\n```\n\nUse instead:\n```\n{examples.get('good', '')}\n```"
    return Rule(entry["code"], entry["name"], entry["summary"], check, fixable if applicability !=
                Applicability.DISPLAY_ONLY else Fixable.NEVER, severity, tuple(entry.get("tags", ())),
                doc.strip(), origin=os.path.basename(path))


def pack_examples(path: str) -> list[tuple[str, dict]]:
    """(code, examples) of each rule in a pack, for tests and docs."""
    import tomllib

    with open(path, encoding="utf-8") as pack:
        data = tomllib.loads(pack.read())
    return [(r["code"], r.get("examples", {})) for r in data.get("rule", [])]


__all__ = ["PackError", "pack_rules", "load_pack", "pack_examples", "Fixable"]
