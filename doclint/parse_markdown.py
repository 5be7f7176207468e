"""Markdown through pulldown-cmark (pyromark): blocks with source ranges, the TOC, and the prose view."""
from __future__ import annotations

import bisect

import pyromark

from . import patterns
from .document import Block, Document, Toc, TocEntry
from .prose import build_prose, mask_urls
from .slugs import assign_slugs
from .toc import match_toc

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | pyromark.Options.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
    | pyromark.Options.ENABLE_HEADING_ATTRIBUTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
)
TOC_TITLE = patterns.compile(r"(?i)\s*(?:table\s+of\s+contents|contents|toc)\s*:?\s*")
TOC_OPEN = patterns.compile(r"<!--\s*toc\s*-->", patterns.IGNORECASE, linear=True)
TOC_CLOSE = patterns.compile(r"<!--\s*/toc\s*-->", patterns.IGNORECASE, linear=True)
HTML_ID = patterns.compile(r"""(?i)<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']""")
NON_ASCII = patterns.compile(r"[^\x00-\x7f]", linear=True)
FENCE_WITH_TABS = patterns.compile(r"(?m)^ {0,3}(?:`{3,}|~{3,})[ \t]*\t[ \t]*$", linear=True)
OPAQUE = {"CodeBlock", "HtmlBlock", "MetadataBlock", "Image"}
GROUPS = ("List", "Table")
TABLE_ROWS = ("TableHead", "TableRow")
CLOSING_WORK = OPAQUE | set(GROUPS) | {"Link"}  # tags whose end does more than close the container
CONTAINERS = {"Paragraph": "paragraph", "Heading": "heading", "Item": "list-item", "TableCell": "table-cell"}
NO_ATTRIBUTES: dict = {}  # of a tag given by name alone; read, never written


class _Offsets:
    """UTF-8 byte offsets (what pulldown-cmark reports) to character offsets."""

    def __init__(self, text: str):
        self.byte_starts: list[int] = []  # byte offset just after each multi-byte character
        self.extra: list[int] = []  # bytes beyond one per character, cumulative
        if not text.isascii():
            extra = 0
            for m in NON_ASCII.finditer(text):
                code = ord(m.group())
                extra += 1 if code < 0x800 else 2 if code < 0x10000 else 3
                self.byte_starts.append(m.start() + extra + 1)
                self.extra.append(extra)

    def chars(self, offsets: list[int]) -> list[int]:
        byte_starts, extra, find = self.byte_starts, [0] + self.extra, bisect.bisect_right
        return [byte - extra[find(byte_starts, byte)] for byte in offsets]


def _utf8(text: str) -> tuple[str | bytes, str]:
    """The text in UTF-8 (an ASCII text as it is), and the text pulldown-cmark can read. UTF-8 has no lone
    surrogates, which JSON records and editors can send: for the parse each becomes U+FFFD, one character and
    three bytes as the surrogate is, so offsets hold."""
    if text.isascii():
        return text, text
    try:
        return text.encode("utf-8"), text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass"), text.translate(dict.fromkeys(range(0xD800, 0xE000), 0xFFFD))


def _fences_closed_by_tabs(text: str) -> str:
    """CommonMark lets a closing code fence be followed by spaces or tabs; pulldown-cmark 0.10 misses the tabs and
    runs the code block to the end of the file. Tabs after a bare fence become spaces: same length, same offsets."""
    if "\t" not in text:
        return text
    return FENCE_WITH_TABS.sub(lambda m: m.group().replace("\t", " "), text)


def parse_markdown(text: str, path: str = "<stdin>", dialect: str = "github") -> Document:
    doc = Document(text=text, kind="markdown", path=path, dialect=dialect)
    utf8, parseable = _utf8(text)
    blocks, prose_spans, links, html_spans, rendered, custom_ids = _walk(parseable)
    if not text.isascii():  # pulldown-cmark's byte offsets become character offsets, all at once
        _to_characters(_Offsets(text), blocks, links, html_spans)
    doc.blocks = [b for b in blocks if b.content_start >= 0 or b.kind in ("code", "html", "front-matter", "table-row")]
    for block in doc.blocks:
        if block.content_start < 0:
            block.content_start, block.content_end = block.start, block.end
    _mark_title(doc)
    headings = [b for b in doc.blocks if b.kind in ("heading", "title")]
    anchors = assign_slugs(["".join(rendered.get(id(b), [])) for b in headings],
                           [custom_ids.get(id(b)) for b in headings], dialect)
    doc.slugs = {id(b): a for b, a in zip(headings, anchors)}
    doc.links = [tuple(link) for link in sorted(links)]
    doc.html_ids = {m.group(1) for start, end in html_spans if text.find("=", start, end) >= 0  # no '=': no id
                    for m in HTML_ID.finditer(text, start, end)}
    doc.html = html_spans
    doc.toc = _find_toc(doc, links)
    match_toc(doc, [])
    doc.prose = mask_urls(build_prose(utf8, prose_spans))  # in bytes
    return doc


def _walk(text: str):
    """One pass over pulldown-cmark's events, in its UTF-8 byte offsets: the blocks, the spans of text (the
    prose), the inline links, the raw HTML, and each heading's rendered text and custom id (by id of its block).
    An event is tested by its name with `in`: a dict of one entry, or a str (SoftBreak, HardBreak, Rule) that
    holds no other event's name."""
    blocks: list[Block] = []
    prose_spans: list[tuple[int, int]] = []
    stack: list[tuple] = []  # open tags: (tag, owner, owner_text) as they were before each, for its End
    owner: Block | None = None  # the block collecting inline text, if any
    owner_text: list[str] | None = None  # the owner's text as rendered, when the owner is a heading
    links: list[list] = []  # [start, end, dest, text start, text end] of each inline link
    open_links: list[list] = []
    rendered: dict[int, list[str]] = {}  # heading block id -> its text as rendered
    custom_ids: dict[int, str] = {}
    html_spans: list[tuple[int, int]] = []
    groups: list[int] = []  # open lists and tables
    group_count = 0
    opaque = 0
    for event, rng in pyromark.events_with_range(_fences_closed_by_tabs(text), options=OPTIONS):
        if "Start" in event:
            payload = event["Start"]
            if type(payload) is str:
                tag, attrs = payload, NO_ATTRIBUTES
            else:
                tag, = payload
                attrs = payload[tag]
            entry = (tag, owner, owner_text)
            if tag in CONTAINERS:
                if opaque:
                    owner = owner_text = None
                elif tag == "Paragraph" and owner is not None and owner.content_start < 0 and stack[-1][0] == "Item":
                    pass  # an item's first paragraph is the item's text
                else:
                    owner = Block(CONTAINERS[tag], rng["start"], rng["end"], -1, -1, 0, False,
                                  groups[-1] if tag == "Item" and groups else 0)
                    blocks.append(owner)
                    owner_text = _open_heading(owner, attrs, stack, rendered, custom_ids) if tag == "Heading" else None
            elif tag in GROUPS:
                group_count += 1
                groups.append(group_count)
                owner = owner_text = None
            elif tag == "Link":
                if not opaque:
                    open_links.append([rng["start"], rng["end"], attrs.get("dest_url", ""), -1, -1])
            elif tag in OPAQUE:
                start, end = rng["start"], rng["end"]
                if tag == "HtmlBlock":
                    html_spans.append((start, end))
                if tag != "Image":
                    blocks.append(Block(_opaque_kind(tag), start, end, start, end))
                opaque += 1
                owner = owner_text = None
            elif tag in TABLE_ROWS and not opaque:
                start, end = rng["start"], rng["end"]
                blocks.append(Block("table-row", start, end, start, end, 0, False, groups[-1] if groups else 0))
            stack.append(entry)  # any other tag (emphasis, a quote) keeps the owner around it
            continue
        if "End" in event:
            tag, owner, owner_text = stack.pop()
            if tag in CLOSING_WORK:
                if tag == "Link":
                    if open_links:
                        links.append(open_links.pop())
                elif tag in GROUPS:
                    if groups:
                        groups.pop()
                else:
                    opaque -= 1
            continue
        if owner is None:  # also all along an opaque block: nothing inside one has an owner
            if open_links or "InlineHtml" in event:
                start, end = rng["start"], rng["end"]
                if "InlineHtml" in event:
                    html_spans.append((start, end))
                _extend_links(open_links, start, end)
            continue
        start, end = rng["start"], rng["end"]
        if open_links:
            _extend_links(open_links, start, end)
        if owner.content_start < 0:
            owner.content_start = start
        if end > owner.content_end:
            owner.content_end = end
        if "Text" in event:
            prose_spans.append((start, end))
            if owner_text is not None:
                owner_text.append(event["Text"])
        elif "InlineHtml" in event:
            html_spans.append((start, end))
        elif "Code" in event and owner_text is not None:
            owner_text.append(event["Code"])
    return blocks, prose_spans, links, html_spans, rendered, custom_ids


def _open_heading(block: Block, attrs: dict, stack: list[tuple], rendered: dict, custom_ids: dict) -> list[str]:
    """A heading's level, whether it is nested, its custom id; the list its rendered text is collected in."""
    block.level = _heading_level(attrs)
    block.nested = any(tag in ("Item", "BlockQuote") for tag, _, _ in stack)
    if attrs.get("id"):
        custom_ids[id(block)] = attrs["id"]
    text = rendered[id(block)] = []
    return text


def _extend_links(open_links: list[list], start: int, end: int) -> None:
    """The text span of each open link now reaches over [start, end)."""
    for link in open_links:
        link[3] = start if link[3] < 0 else link[3]
        link[4] = max(link[4], end)


def _to_characters(offsets: _Offsets, blocks: list[Block], links: list[list], html_spans: list[tuple[int, int]]):
    """The offsets of blocks, links and raw HTML, from UTF-8 bytes to characters, in place (-1, for none, stays -1).
    The prose is made from the bytes: its spans are not converted."""
    flat = offsets.chars([at for b in blocks for at in (b.start, b.end, b.content_start, b.content_end)])
    for i, block in enumerate(blocks):
        block.start, block.end, block.content_start, block.content_end = flat[4 * i:4 * i + 4]
    flat = offsets.chars([at for span in html_spans for at in span])
    html_spans[:] = zip(flat[::2], flat[1::2])
    flat = offsets.chars([at for link in links for at in (link[0], link[1], link[3], link[4])])
    for i, link in enumerate(links):
        link[0], link[1], link[3], link[4] = flat[4 * i:4 * i + 4]


def _opaque_kind(tag: str) -> str:
    return {"CodeBlock": "code", "HtmlBlock": "html", "MetadataBlock": "front-matter"}.get(tag, "code")


def _heading_level(attrs: dict) -> int:
    level = attrs.get("level", "H1")
    return int(level[1:]) if isinstance(level, str) and level.startswith("H") else 1


def _mark_title(doc: Document) -> None:
    first = next((b for b in doc.blocks if b.kind not in ("front-matter", "html")), None)
    if first is not None and first.kind == "heading" and first.level == 1:
        first.kind = "title"


def _find_toc(doc: Document, links: list[list]) -> Toc | None:
    """The '#fragment' links under a 'Table of Contents' heading or between <!-- toc --> markers; each link is
    an entry (generated TOCs sometimes put several on one item through lazy continuation lines)."""
    marker = TOC_OPEN.search(doc.text) if "<!--" in doc.text else None
    if marker is not None:
        close = TOC_CLOSE.search(doc.text, marker.end())
        region = (marker.end(), close.start() if close else len(doc.text))
        header = None
    else:
        header = next((b for b in doc.blocks if b.kind == "heading" and TOC_TITLE.fullmatch(doc.content(b))), None)
        if header is None:
            return None
        following = next((b for b in doc.blocks if b.start > header.end and b.kind in ("heading", "title")), None)
        region = (header.end, following.start if following else len(doc.text))
    items = [b for b in doc.blocks if b.kind == "list-item" and region[0] <= b.start < region[1]]
    entries = []
    for start, end, dest, text_start, text_end in sorted(links):
        if not (region[0] <= start < region[1]) or not dest.startswith("#") or text_start < 0:
            continue
        line_start = doc.text.rfind("\n", 0, start) + 1
        indent = len(doc.text[line_start:start]) - len(doc.text[line_start:start].lstrip(" \t"))
        block = Block("toc-entry", start, end, text_start, text_end)
        entries.append(TocEntry(block, target=dest[1:], level=indent // 2 + 1))
    if not entries:
        return None
    for item in items:
        item.kind = "toc-item"
    if header is not None:
        header.kind = "toc-header"
    doc.blocks = sorted(doc.blocks + [e.block for e in entries], key=lambda b: (b.start, b.kind != "toc-item"))
    return Toc(header, entries, levels_known=True)
