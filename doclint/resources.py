"""Where the shipped rule packs live: inside the wheel as doclint/packs, or rules/ in a source checkout."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def packs_dir() -> Path:
    installed = Path(__file__).parent / "packs"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("doclint's rule packs are missing: reinstall doclint")


def read_pack_text(name: str) -> str:
    return (packs_dir() / name).read_text(encoding="utf-8")
