"""Heading anchors as renderers make them: GitHub (the default), GitLab, or Python-Markdown (MkDocs)."""
from __future__ import annotations

import unicodedata

from . import patterns

_GITHUB_DROP = patterns.compile(r"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")
_GITLAB_DROP = patterns.compile(r"[^\p{L}\p{M}\p{N}_\- ]")
_HYPHENS = patterns.compile(r"-{2,}")
_PYMD_DROP = patterns.compile(r"[^\w\s-]")
_PYMD_SPACES = patterns.compile(r"[-\s]+")


def github_slug(text: str) -> str:
    return _GITHUB_DROP.sub("", text.strip().lower()).replace(" ", "-")


def gitlab_slug(text: str) -> str:
    """GitLab: lowercase, drop punctuation, spaces to hyphens, runs of hyphens to one."""
    return _HYPHENS.sub("-", _GITLAB_DROP.sub("", text.strip().lower()).replace(" ", "-"))


def python_markdown_slug(text: str) -> str:
    """Python-Markdown's toc extension (MkDocs): ASCII only, runs of spaces and hyphens to one hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _PYMD_SPACES.sub("-", _PYMD_DROP.sub("", ascii_text).strip().lower())


# dialect -> (slug function, separator before the number that makes a repeated slug unique)
DIALECTS = {"github": (github_slug, "-"), "gitlab": (gitlab_slug, "-"), "python-markdown": (python_markdown_slug, "_")}


def slugify(text: str, dialect: str = "github") -> str:
    return DIALECTS[dialect][0](text)


def assign_slugs(texts: list[str], custom: list[str | None], dialect: str = "github") -> list[str]:
    """Anchors for headings in document order; repeated slugs get -1, -2 ... (_1, _2 ... in Python-Markdown)."""
    make, separator = DIALECTS[dialect]
    seen: dict[str, int] = {}
    taken: set[str] = set(c for c in custom if c)
    slugs = []
    for text, given in zip(texts, custom):
        if given:
            slugs.append(given)
            continue
        base = make(text)
        slug, n = base, seen.get(base, 0)
        while slug in taken:
            n += 1
            slug = f"{base}{separator}{n}"
        seen[base] = n
        taken.add(slug)
        slugs.append(slug)
    return slugs
