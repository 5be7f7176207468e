"""Where the shipped rule packs live (inside the wheel as doclint/packs, or rules/ in a source checkout), and the
cache of their parsed word lists."""
from __future__ import annotations

import hashlib
import marshal
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import __version__

PARSER_VERSION = __version__  # a new doclint may parse the lists differently: its cache entries are its own


@lru_cache(maxsize=1)
def packs_dir() -> Path:
    installed = Path(__file__).parent / "packs"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("doclint's rule packs are missing: reinstall doclint")


def cache_dir() -> Path:
    """Where parsed word lists are kept between runs: $DOCLINT_CACHE_DIR, else the user's cache folder."""
    given = os.environ.get("DOCLINT_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doclint"


def parsed_once(path: Path, parse: Callable[[str], dict], variant: str = "") -> dict:
    """parse(path's text), kept in the cache under the text's hash, so that a run that needs a large word list
    loads it in a few milliseconds instead of parsing it again. A cache that cannot be read or written is
    ignored: the list is parsed, never guessed."""
    data = path.read_bytes()
    key = hashlib.sha1(data + variant.encode() + PARSER_VERSION.encode()).hexdigest()
    cached = cache_dir() / f"{path.stem}-{key}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    parsed = parse(data.decode("utf-8"))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temp = cached.with_suffix(f".{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps(parsed))
        os.replace(temp, cached)
    except OSError:
        pass
    return parsed
