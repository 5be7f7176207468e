"""Match table-of-contents entries to headings: by link target, by text, then by close text (drift)."""
from __future__ import annotations

import html
from difflib import SequenceMatcher

from . import patterns
from .document import Block, Document, normalize_heading

_MARKUP = patterns.compile(r"</?(?:code|a|em|strong|b|i|u|s|span|sub|sup|br|kbd|var|tt|small|mark)\b[^>\n]*>|[`*_]|\]\([^)]*\)|\]\[[^\]]*\]|[\[\]]")
DRIFT_SIMILARITY = 0.8


def plain(text: str) -> str:
    return normalize_heading(html.unescape(_MARKUP.sub("", text)))


def match_toc(doc: Document, candidates: list[Block]) -> None:
    """Set entry.heading / entry.exact for each TOC entry. `candidates` are blocks that may be unnamed
    headings (plain-text paragraphs shaped like headings); a close match turns one into a heading."""
    if doc.toc is None:
        return
    pool = ([doc.title] if doc.title else []) + [b for b in doc.blocks if b.kind == "heading" and b.start > _toc_end(doc)]
    by_text: dict[str, list[Block]] = {}
    for block in pool:
        by_text.setdefault(plain(doc.content(block)), []).append(block)
    by_slug = {slug: block for block, slug in ((b, doc.slugs.get(id(b))) for b in pool) if slug}
    by_slug.update({html_id: None for html_id in doc.html_ids if html_id not in by_slug})
    used: set[int] = set()
    for entry in doc.toc.entries:
        if entry.target and entry.target in by_slug and by_slug[entry.target] is None:
            entry.html_anchor = True
            continue
        block = by_slug.get(entry.target) if entry.target else None
        if block is None and not entry.target:
            block = next((b for b in by_text.get(plain(doc.content(entry.block)), []) if id(b) not in used), None)
        if block is not None:
            used.add(id(block))
            entry.heading = block
            entry.exact = plain(doc.content(entry.block)) == plain(doc.content(block))
    loose = [b for b in candidates if id(b) not in used and b.start > _toc_end(doc)]
    for entry in doc.toc.entries:
        if entry.heading is not None or entry.target:
            continue
        wanted = plain(doc.content(entry.block))
        best, best_ratio = None, DRIFT_SIMILARITY
        for block in loose:
            have = plain(doc.content(block))
            if abs(len(have) - len(wanted)) > max(len(wanted), 8) // 3:
                continue
            matcher = SequenceMatcher(None, wanted, have, autojunk=False)
            if matcher.quick_ratio() >= best_ratio and matcher.ratio() >= best_ratio:
                best, best_ratio = block, matcher.ratio()
        if best is not None:
            best.kind = "heading"
            loose.remove(best)
            entry.heading = best


def _toc_end(doc: Document) -> int:
    return doc.toc.entries[-1].block.end if doc.toc and doc.toc.entries else 0
