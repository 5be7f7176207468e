"""Match table-of-contents entries to headings: by link target, by text, then by close text (drift)."""
from __future__ import annotations

from . import patterns
from .document import Block, Document, normalize_heading

_MARKUP = patterns.compile(r"</?(?:code|a|em|strong|b|i|u|s|span|sub|sup|br|kbd|var|tt|small|mark)\b[^>\n]*>|[`*_]|\]\([^)]*\)|\]\[[^\]]*\]|[\[\]]")
DRIFT_SIMILARITY = 0.8
_REFERENCE = patterns.compile(r"&[^\t\n\f <&;]", linear=True)  # what may begin one for html.unescape
_MARKUP_STARTS = frozenset("<`*_[]")  # what each markup alternative begins with


def plain(text: str) -> str:
    if not _MARKUP_STARTS.isdisjoint(text):
        text = _MARKUP.sub("", text)
    if "&" in text and _REFERENCE.search(text):  # only then load html and its table of entities
        import html

        text = html.unescape(text)
    return normalize_heading(text)


def match_toc(doc: Document, candidates: list[Block]) -> None:
    """Set entry.heading / entry.exact for each TOC entry. `candidates` are blocks that may be unnamed
    headings (plain-text paragraphs shaped like headings); a close match turns one into a heading."""
    if doc.toc is None:
        return
    toc_end = _toc_end(doc)
    pool = ([doc.title] if doc.title else []) + [b for b in doc.blocks if b.kind == "heading" and b.start > toc_end]
    plain_of: dict[int, str] = {}  # id(block) -> its plain text: of each heading if an entry has no link target
    by_text: dict[str, list[Block]] = {}
    if any(not e.target for e in doc.toc.entries):
        for block in pool:
            plain_of[id(block)] = plain(doc.content(block))
            by_text.setdefault(plain_of[id(block)], []).append(block)
    by_slug = {slug: block for block, slug in ((b, doc.slugs.get(id(b))) for b in pool) if slug}
    by_slug.update({html_id: None for html_id in doc.html_ids if html_id not in by_slug})
    used: set[int] = set()
    previous = -1  # where the heading of the entry before begins: of two lines with one text, take the next one
    for entry in doc.toc.entries:
        if entry.target and entry.target in by_slug and by_slug[entry.target] is None:
            entry.html_anchor = True
            continue
        if entry.target:
            block = by_slug.get(entry.target)
        else:
            wanted = plain(doc.content(entry.block))
            free = [b for b in by_text.get(wanted, []) if id(b) not in used]
            block = next((b for b in free if b.start > previous), free[0] if free else None)
        if block is not None:
            used.add(id(block))
            previous = block.start
            entry.heading = block
            have = plain_of[id(block)] if id(block) in plain_of else plain(doc.content(block))
            entry.exact = (plain(doc.content(entry.block)) if entry.target else wanted) == have
    loose = [b for b in candidates if id(b) not in used and b.start > toc_end]
    for entry in doc.toc.entries:
        if entry.heading is not None or entry.target:
            continue
        wanted = plain(doc.content(entry.block))
        best, best_ratio = None, DRIFT_SIMILARITY
        for block in loose:
            have = plain_of.get(id(block))
            if have is None:
                have = plain_of[id(block)] = plain(doc.content(block))
            if abs(len(have) - len(wanted)) > max(len(wanted), 8) // 3:
                continue
            from difflib import SequenceMatcher  # imported only where a TOC entry has no exact heading

            matcher = SequenceMatcher(None, wanted, have, autojunk=False)
            if matcher.quick_ratio() >= best_ratio and matcher.ratio() >= best_ratio:
                best, best_ratio = block, matcher.ratio()
        if best is not None:
            best.kind = "heading"
            loose.remove(best)
            entry.heading = best


def _toc_end(doc: Document) -> int:
    return doc.toc.entries[-1].block.end if doc.toc and doc.toc.entries else 0


_PLAIN_PREFIX = patterns.compile(r"(?P<indent>[ \t]*)(?P<bullet>[-*•·▪◦][ \t]+)?(?:(?P<number>\d+)(?P<close>[.)])(?P<gap>[ \t]+))?")
_MARKDOWN_PREFIX = patterns.compile(r"(?P<indent>[ \t]*)(?:(?P<bullet>[-*+])|(?P<number>\d+)(?P<close>[.)]))(?P<gap>[ \t]+)")


def regenerated(doc: Document) -> tuple[int, int, str] | None:
    """The table of contents rebuilt from the headings, in the TOC's own style: (start, end, new text)."""
    toc = doc.toc
    if toc is None or not toc.entries:
        return None
    first, last = toc.entries[0].block, toc.entries[-1].block
    start = doc.index.starts[doc.index.line_of(first.start)]
    end = doc.index.line_span(doc.index.line_of(last.end))[1]
    lines = _markdown_toc(doc, start) if doc.kind == "markdown" else _plain_toc(doc, start)
    return None if lines is None else (start, end, "\n".join(lines))


def _plain_toc(doc: Document, start: int) -> list[str] | None:
    entries = doc.toc.entries
    if doc.toc.levels_known:
        return None  # nested plain-text TOCs are not rebuilt
    style = _PLAIN_PREFIX.match(doc.text, start, entries[0].block.content_start)
    headings = [b for b in doc.headings if b.start > entries[-1].block.end]
    names_title = doc.title is not None and entries[0].heading is doc.title
    targets = ([doc.title] if names_title else []) + headings
    number = int(style.group("number")) if style and style.group("number") else None
    lines = []
    for i, block in enumerate(targets):
        prefix = (style.group("indent") or "") + (style.group("bullet") or "") if style else ""
        if number is not None:
            prefix += f"{number + i}{style.group('close')}{style.group('gap')}"
        lines.append(prefix + doc.content(block))
    return lines


def _markdown_toc(doc: Document, start: int) -> list[str] | None:
    entries = doc.toc.entries
    style = _MARKDOWN_PREFIX.match(doc.text, start, entries[0].block.start)
    if style is None:
        return None
    indents = sorted({_indent(doc, e.block.start) for e in entries})
    steps = [b - a for a, b in zip(indents, indents[1:]) if b > a]
    unit = min(steps) if steps else 2
    levels = [e.heading.level for e in entries if e.heading is not None and e.heading.kind == "heading"]
    depth = len({e.level for e in entries}) - 1  # the TOC's own nesting depth is kept
    low = min(levels) if levels else 2
    high = max(max(levels) if levels else low, low + depth)
    text_of = {id(e.heading): doc.content(e.block) for e in entries if e.heading is not None}
    counters: dict[int, int] = {}
    lines = []
    for block in doc.blocks:
        if block.kind != "heading" or block.nested or block.start < entries[-1].block.end \
                or not low <= block.level <= high:
            continue
        depth = block.level - low
        counters = {d: n for d, n in counters.items() if d <= depth}
        counters[depth] = counters.get(depth, 0) + 1
        marker = style.group("bullet") or f"{counters[depth]}{style.group('close')}"
        label = text_of.get(id(block), doc.content(block))
        lines.append(f"{' ' * (unit * depth)}{marker}{style.group('gap')}[{label}](#{doc.slugs.get(id(block), '')})")
    return lines


def _indent(doc: Document, offset: int) -> int:
    line_start = doc.text.rfind("\n", 0, offset) + 1
    prefix = doc.text[line_start:offset]
    return len(prefix) - len(prefix.lstrip(" \t"))
