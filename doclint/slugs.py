"""Heading anchors as renderers make them (GitHub by default)."""
from __future__ import annotations

from . import patterns

_GITHUB_DROP = patterns.compile(r"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")


def github_slug(text: str) -> str:
    lowered = text.strip().lower()
    if not lowered.replace(" ", "").replace("-", "").isalnum():  # letters and digits only: nothing to drop
        lowered = _GITHUB_DROP.sub("", lowered)
    return lowered.replace(" ", "-")


def assign_slugs(texts: list[str], custom: list[str | None]) -> list[str]:
    """Anchors for headings in document order; repeated slugs get -1, -2 ... as on GitHub."""
    seen: dict[str, int] = {}
    taken: set[str] = set(c for c in custom if c)
    slugs = []
    for text, given in zip(texts, custom):
        if given:
            slugs.append(given)
            continue
        base = github_slug(text)
        slug, n = base, seen.get(base, 0)
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        seen[base] = n
        taken.add(slug)
        slugs.append(slug)
    return slugs
