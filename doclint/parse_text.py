"""Plain-text articles as scraped: title line, optional table of contents, plain headings, one block per line
(or per blank-line-separated paragraph in hard-wrapped text), list items, pipe tables and callouts."""
from __future__ import annotations

import bisect
from itertools import compress, count, starmap
from operator import itemgetter, not_

from . import patterns
from .document import Block, Document, Toc, TocEntry, normalize_heading
from .source import LineIndex
from .model import Edit
from .prose import build_prose, mask_urls
from .toc import match_toc

TOC_HEADER = patterns.compile(r"(?i)\s*(?:table\s+of\s+contents|contents)\s*:?\s*")
TOC_ENTRY = patterns.compile(
    r"(?P<indent>[ \t]*)(?:(?P<bullet>[-*•·▪◦])[ \t]+)?(?:(?P<number>\d+(?:\.\d+)*|[IVXLC]+)[.)][ \t]+)?(?P<text>\S.*)",
    linear=True,
)  # the text's trailing spaces and tabs are stripped after the match: a lazy `.*?` is slow
LIST_ITEM = patterns.compile(r"[ \t]*(?:[*•·▪◦–-]|\d{1,3}[.)])[ \t]+(?=\S)", linear=True)
TABLE_RULE = patterns.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*")
CALLOUT = patterns.compile(
    r"(?i)(?:did you know\?|pro tip:|quick tip:|tip:|note:|fun fact:|key takeaway:|important:|warning:)", linear=True
)
MAY_OPEN_ITEM = patterns.compile(r"[ \t*\-0-9\x80-\U0010ffff]", linear=True)  # a line's first character, if an item's
CALLOUT_HEADS = frozenset(("did", "pro", "qui", "tip", "not", "fun", "key", "imp", "war"))  # each label's first 3
TERMINAL = ".!?:;,"
LOOSE_ENDS = (".", ",", ";")  # what a loosely shaped heading does not end with; else it is any short line
WORD_SEPARATORS = patterns.compile(r"[.!?:;,]+", linear=True)
MAX_HEADING_WORDS = 14


def parse_text(text: str, path: str = "<stdin>") -> Document:
    doc = Document(text=text, kind="text", path=path)
    index = doc.index  # built once, for the parser and the rules
    lines = _line_spans(text, index.starts)
    blank = _blank_lines(text, lines)
    wrapped = sum(blank) >= max(2, len(lines) // 10)
    first = next((i for i, b in enumerate(blank) if not b), None)
    if first is None:
        doc.prose = text
        return doc
    blocks: list[Block] = []
    start, end = lines[first]
    title_line = first
    if _is_title(text[start:end], len(lines)):
        blocks.append(_block("title", start, end, text))
        first += 1
    toc, body_start = _parse_toc(text, lines, blank, first)
    if toc is not None and title_line == first and toc.header.start >= end:  # 'KEP-1623: Conditions.' + TOC
        blocks.append(_block("title", start, end, text))
    elif toc is None and title_line == first:  # a first line ending in '.' is still the title before a TOC
        after_title, after_toc = _parse_toc(text, lines, blank, first + 1)
        if after_title is not None:
            blocks.append(_block("title", start, end, text))
            toc, body_start = after_title, after_toc
    if toc is not None:
        if toc.header is not None:
            blocks.append(toc.header)
        blocks.extend(e.block for e in toc.entries)
    blocks.extend(_body_blocks(text, lines, blank, body_start, wrapped))
    _number_groups(blocks, index)
    doc.blocks = blocks
    doc.toc = toc
    _mark_headings(doc, wrapped)
    doc.prose = _prose_view(doc)
    return doc


def _line_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each line, end before its line break (\\n, \\r\\n or \\r)."""
    ends = list(map((-1).__add__, starts[1:]))
    if "\r" in text:
        ends = [e - 1 if e and text[e - 1:e + 1] == "\r\n" else e for e in ends]
    ends.append(len(text))
    return list(zip(starts, ends))


def _blank_lines(text: str, lines: list[tuple[int, int]]) -> list[bool]:
    """Whether each line is empty or all whitespace (str.strip and str.isspace agree on whitespace): mapped in C,
    no Python code per line."""
    return list(map(not_, map(str.strip, map(text.__getitem__, starmap(slice, lines)))))


def _block(kind: str, start: int, end: int, text: str, content_start: int | None = None) -> Block:
    cs = start if content_start is None else content_start
    if cs < end and (text[cs] in " \t" or text[end - 1] in " \t"):
        stripped = text[cs:end].lstrip(" \t")
        cs = end - len(stripped)
        return Block(kind, start, end, cs, cs + len(stripped.rstrip(" \t")))
    return Block(kind, start, end, cs, end)


def _is_title(line: str, line_count: int) -> bool:
    stripped = line.strip()
    return line_count > 1 and 0 < len(stripped) <= 200 and not stripped.endswith((".", ",", ";")) \
        and not LIST_ITEM.match(stripped) and not _is_table_row(stripped)


def _parse_toc(text: str, lines, blank, first: int) -> tuple[Toc | None, int]:
    """Find a 'Table of Contents' line near the top and the run of entries after it."""
    for i in range(first, min(first + 3, len(lines))):
        start, end = lines[i]
        if blank[i] or not TOC_HEADER.fullmatch(text, start, end):
            continue
        header = _block("toc-header", start, end, text)
        entries, style, j = [], None, i + 1
        while j < len(lines):
            if blank[j]:
                j += 1
                continue
            s, e = lines[j]
            m = TOC_ENTRY.fullmatch(text, s, e)
            if m is None:
                break
            indent, bullet, number, entry_text = m.groups()
            this_style = (bool(bullet), bool(number))
            if (style is not None and this_style != style) or not any(this_style) \
                    or _looks_like_prose(entry_text.rstrip(" \t")):
                break
            style = this_style
            entry_block = _block("toc-entry", s, e, text, m.start("text"))
            entries.append(TocEntry(entry_block, number=number, level=_toc_level(indent, number)))
            j += 1
        if entries:
            levels_known = len({e.level for e in entries}) > 1
            return Toc(header, entries, levels_known), j
    return None, first


def _toc_level(indent: str, number: str | None) -> int:
    if number and "." in number:
        return number.count(".") + 1
    return 1 + len(indent.expandtabs(4)) // 2


def _looks_like_prose(text: str) -> bool:
    return len(text.split()) > 25 or text.endswith(".") and len(text.split()) > 8


def _body_blocks(text: str, lines, blank, first: int, wrapped: bool) -> list[Block]:
    items, rows = _list_items(text, lines, first), _table_rows(text, lines, first)
    stops = sorted({*compress(count(), blank), *items, *rows}) if wrapped else []  # lines a paragraph stops at
    blocks: list[Block] = []
    i = first
    while i < len(lines):
        if blank[i]:
            i += 1
            continue
        start, end = lines[i]
        if i in rows:
            if not TABLE_RULE.fullmatch(text, start, end):
                blocks.append(_block("table-row", start, end, text))
                blocks.extend(_table_cells(text, start, end))
            i += 1
            continue
        j = i + 1
        if i in items:
            while wrapped and j < len(lines) and not blank[j] and text[lines[j][0]] in " \t" and j not in items:
                j += 1
            blocks.append(_block("list-item", start, lines[j - 1][1], text, items[i]))
            i = j
            continue
        if wrapped:
            j = _next_stop(stops, i, len(lines))
        kind = "callout" if _is_callout(text, start, end) else "paragraph"
        blocks.append(_block(kind, start, lines[j - 1][1], text))
        i = j
    return blocks


def _next_stop(stops: list[int], i: int, line_count: int) -> int:
    """The first line after line i at which a wrapped paragraph stops (blank, list item or table row)."""
    k = bisect.bisect_right(stops, i)
    return stops[k] if k < len(stops) else line_count


def _list_items(text: str, lines, first: int) -> dict[int, int]:
    """Line number -> where the item's text begins (after its marker), for the lines from `first` that open a
    list item. Only lines whose first character may open one are matched, found in the string of first characters
    (a line at the very end of the text has none: it is empty)."""
    starts = list(map(itemgetter(0), lines[first:]))
    if starts and starts[-1] == len(text):
        starts.pop()
    leads = "".join(map(text.__getitem__, starts))
    items = {}
    for lead in MAY_OPEN_ITEM.finditer(leads):
        i = lead.start()
        item = LIST_ITEM.match(text, starts[i], lines[first + i][1])
        if item:
            items[first + i] = item.end()
    return items


def _table_rows(text: str, lines, first: int) -> set[int]:
    """The lines from `first` that read as table rows: found from the pipes, not line by line."""
    rows = set()
    at = text.find("|", lines[first][0]) if first < len(lines) else -1
    while at >= 0:
        i = bisect.bisect_right(lines, at, key=itemgetter(0)) - 1
        start, end = lines[i]
        if _is_table_row(text[start:end]):
            rows.add(i)
        at = text.find("|", end)
    return rows


def _is_table_row(line: str) -> bool:
    """Whether the line (no line break in it), spaces and tabs aside, opens and closes with a pipe."""
    body = line.strip(" \t")
    return len(body) >= 2 and body[0] == "|" and body[-1] == "|"


def _is_callout(text: str, start: int, end: int) -> bool:
    """Whether the (non-blank) line opens with a callout label; matched only if its first three characters may
    begin one (non-ASCII ones may fold to ASCII letters)."""
    head = text[start:start + 3]
    if not head.isalpha():  # a space before the label, or too short or not letters
        head = text[start:end].lstrip()[:3]
    if head.isascii() and head.lower() not in CALLOUT_HEADS:
        return False
    return CALLOUT.match(text[start:end].lstrip()) is not None


def _number_groups(blocks: list[Block], index: LineIndex) -> None:
    """Consecutive list items form one list, consecutive table rows one table (cells join their row's table)."""
    group, previous, starts = 0, None, index.starts
    for block in blocks:
        kind = "table-row" if block.kind == "table-cell" else block.kind
        if kind not in ("list-item", "table-row", "toc-entry"):
            previous = None
            continue
        if block.kind != "table-cell":
            adjacent = previous is not None and previous.kind == kind and \
                bisect.bisect_right(starts, block.start) - bisect.bisect_right(starts, previous.end) <= 2  # lines
            if not adjacent:
                group += 1
            previous = block
        block.group = group


def _table_cells(text: str, start: int, end: int) -> list[Block]:
    cells, pos = [], text.index("|", start) + 1
    while pos < end:
        bar = text.find("|", pos, end)
        if bar < 0:
            break
        cell = _block("table-cell", pos, bar, text)
        if cell.content_start < cell.content_end:
            cells.append(cell)
        pos = bar + 1
    return cells


def _mark_headings(doc: Document, wrapped: bool) -> None:
    """Headings are body lines named by the TOC; without a TOC, lines shaped like headings."""
    body = [b for b in doc.blocks if b.kind == "paragraph"]
    if doc.toc is not None:
        wanted = {normalize_heading(doc.content(e.block)) for e in doc.toc.entries}
        for block in doc.blocks:
            if block.kind == "list-item" and normalize_heading(doc.text[block.start:block.content_end]) in wanted:
                block.content_start = block.start + len(doc.text[block.start:block.end]) - len(
                    doc.text[block.start:block.end].lstrip())  # a numbered heading such as '1. Overview'
                block.kind = "paragraph"
                body.append(block)
            elif block.kind == "callout" and normalize_heading(doc.content(block)) in wanted:
                block.kind = "paragraph"  # a heading that opens like a callout: 'IMPORTANT: Scope Reduction'
                body.append(block)
        body.sort(key=lambda b: b.start)
        short = [b for b in body if heading_shaped(doc.content(b), exact=True)]  # loose shapes are short too
        named = [b for b in short if normalize_heading(doc.content(b)) in wanted]
        for block in named:
            block.kind = "heading"
        match_toc(doc, [b for b in short if b.kind == "paragraph" and not doc.content(b).endswith(LOOSE_ENDS)])
        taken = {id(e.heading) for e in doc.toc.entries}
        for block in named:
            if id(block) not in taken:  # 'alpha:' in a list of tests, when the TOC's 'Alpha' is a later line
                block.kind = "paragraph"
        if doc.toc.levels_known:
            levels = {id(e.heading): e.level for e in doc.toc.entries if e.heading is not None}
            for block in doc.headings:
                block.level = levels.get(id(block), 0)
    _mark_shaped_headings(doc, body, wrapped)


def _mark_shaped_headings(doc: Document, body: list[Block], wrapped: bool) -> None:
    """Lines shaped like headings (title case, short, no end punctuation) directly followed by longer text."""
    starts, gap = doc.index.starts, 1 + wrapped  # the lines from the candidate's last to the text's first
    for block, following in zip(body, body[1:]):
        if block.kind != "paragraph" or not heading_shaped(doc.content(block)):  # the shape first: most are sentences
            continue
        if bisect.bisect_right(starts, following.start) - bisect.bisect_right(starts, block.end) == gap \
                and word_count(doc.content(following)) > word_count(doc.content(block)) + 3:
            block.kind = "heading"


def word_count(text: str) -> int:
    """Words split at spaces and at sentence punctuation, so that a safe fix (a space after a comma or a full
    stop, a removed soft hyphen) does not change the count, nor so which lines read as headings."""
    return len(WORD_SEPARATORS.sub(" ", text).split())


def heading_shaped(text: str, loose: bool = False, exact: bool = False) -> bool:
    """Short, no sentence punctuation at the end, starts with a capital or digit; title-case unless loose.
    `exact`: the line has a TOC entry's very text, so only its length matters."""
    if not (loose or exact) and (not text or text[-1] in TERMINAL or not (text[0].isupper() or text[0].isdigit())):
        return False  # the cheap tests first: most lines are sentences
    words = text.split(maxsplit=2 * MAX_HEADING_WORDS + 1)  # enough to tell that a long text is no heading
    if not words or len(words) > (2 * MAX_HEADING_WORDS if loose or exact else MAX_HEADING_WORDS):
        return False
    if exact:
        return True
    if loose:
        return not text.endswith(LOOSE_ENDS)
    long_words = [w for w in words if len(w) > 3]
    capitalised = [w for w in long_words if w[0].isupper() or w[0].isdigit()]
    return len(words) >= 2 and len(capitalised) >= max(1, (len(long_words) * 2 + 2) // 3)


def reshapes(doc: Document, block: Block, edits: list[Edit]) -> bool:
    """Whether non-overlapping edits inside one paragraph or heading change whether it reads as a heading: such
    edits change the document's outline (capitalising `in 2011. this Year` makes it title case)."""
    before = doc.content(block)
    if len(before.split(maxsplit=4 * MAX_HEADING_WORDS)) > 4 * MAX_HEADING_WORDS:
        return False  # far too long to read as a heading, before or after
    after, pos = [], block.content_start
    for edit in edits:
        after += [doc.text[pos:edit.start], edit.content]
        pos = edit.end
    after = "".join(after) + doc.text[pos:block.content_end]
    return any(heading_shaped(before, loose=loose) != heading_shaped(after, loose=loose) for loose in (False, True))


def _prose_view(doc: Document) -> str:
    spans = [(b.content_start, b.content_end) for b in doc.blocks if b.kind not in ("toc-header", "table-row")]
    return mask_urls(build_prose(doc.text, spans))
