"""Heading anchors as renderers make them: GitHub (default), GitLab, Pandoc, Python-Markdown."""
from __future__ import annotations

import unicodedata

from . import patterns

_GITHUB_DROP = patterns.compile(r"[^\p{L}\p{M}\p{N}\p{Pc}\- ]", linear=True)
# What _GITHUB_DROP matches of ASCII, for str.translate: all but letters, digits, '_', '-' and space.
_GITHUB_ASCII_DROP = dict.fromkeys(c for c in range(128) if not chr(c).isalnum() and chr(c) not in "_- ")
_GITLAB_DROP = patterns.compile(r"[^\p{L}\p{M}\p{N}_\- ]", linear=True)
_HYPHENS = patterns.compile(r"-{2,}", linear=True)
_PANDOC_DROP = patterns.compile(r"[^\p{L}\p{M}\p{N}_.\- ]", linear=True)
_PANDOC_LEAD = patterns.compile(r"^[^\p{L}]+", linear=True)
_PYMD_DROP = patterns.compile(r"[^\w\s-]", linear=True)
_PYMD_SPACES = patterns.compile(r"[-\s]+", linear=True)
_SPACES = patterns.compile(r"\s+", linear=True)


def github(text: str) -> str:
    lowered = text.strip().lower()
    if not lowered.replace(" ", "").replace("-", "").isalnum():  # letters and digits only: nothing to drop
        lowered = lowered.translate(_GITHUB_ASCII_DROP) if lowered.isascii() else _GITHUB_DROP.sub("", lowered)
    return lowered.replace(" ", "-")


def gitlab(text: str) -> str:
    return _HYPHENS.sub("-", _GITLAB_DROP.sub("", text.strip().lower()).replace(" ", "-"))


def pandoc(text: str) -> str:
    slug = _SPACES.sub("-", _PANDOC_DROP.sub("", _PANDOC_LEAD.sub("", text.strip())).strip()).lower()
    return slug or "section"


def python_markdown(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _PYMD_SPACES.sub("-", _PYMD_DROP.sub("", ascii_text).strip().lower())


DIALECTS = {"github": (github, "-"), "gitlab": (gitlab, "-"), "pandoc": (pandoc, "-"),
            "python-markdown": (python_markdown, "_")}


def assign_slugs(texts: list[str], custom: list[str | None], dialect: str = "github") -> list[str]:
    """Anchors for headings in document order; a repeated slug gets a numeric suffix (-1, -2 ...; _1 in
    Python-Markdown)."""
    slugify, joiner = DIALECTS[dialect]
    seen: dict[str, int] = {}
    taken: set[str] = set(c for c in custom if c)
    slugs = []
    for text, given in zip(texts, custom):
        if given:
            slugs.append(given)
            continue
        base = slugify(text)
        slug, n = base, seen.get(base, 0)
        while slug in taken:
            n += 1
            slug = f"{base}{joiner}{n}"
        seen[base] = n
        taken.add(slug)
        slugs.append(slug)
    return slugs
