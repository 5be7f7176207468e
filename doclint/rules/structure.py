"""DL1xx: the article's structure — table of contents, headings, sections, ending."""
from __future__ import annotations

from ..document import Block, Document, TocEntry
from ..model import Applicability, Edit, Fixable, Severity
from ..registry import RuleContext, fix, rule
from ..toc import plain, regenerated
from .. import patterns

PROSE_END = patterns.compile(r"[.!?](?:[\"'”’)\]*_»]*)$")
TRUNCATION_MARKER = patterns.compile(r"(?i)(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\bread more\b|\bcontinue reading\b)[\s\W]*$")
SENTENCE_END = patterns.compile(r"[.!?][\"'”’)\]]*\s+(?=\S)")
# Words that cannot end an English sentence ...
NEVER_LAST = frozenset("a an the and or but than whose its their his her our your my".split())
# ... and words that rarely do (`contributed to`), though a clause may end on them (`start syncing from`).
DANGLING = NEVER_LAST | frozenset("to of in on at by for from with as that into onto is are was were be been being "
                                  "which who whom this these those".split())
LABEL = patterns.compile(r"[^\s:]+(?: [^\s:]+){0,2}: ", linear=True)  # 'minor: ...', '2019-07: ...'


def _heading_name(doc: Document, block: Block) -> str:
    return doc.content(block)


@rule("DL101", "toc-entry-without-heading", "A table-of-contents entry names a heading the article does not have",
      fixable=Fixable.SOMETIMES, tags=("structure", "toc"))
def toc_entry_without_heading(ctx: RuleContext):
    """## What it does
    Reports a table-of-contents entry for which no heading exists in the body (in Markdown: whose `#fragment`
    points at no anchor).

    ## Why is this bad?
    A reader who follows the entry finds nothing; in scraped articles it usually means the heading line was
    lost and its text merged into the previous section.

    ## Example
    ```
    Table of Contents
    - 1. Introduction
    - 2. Results
    Introduction
    We measured ...
    ```

    Use instead: restore the `Results` heading in the body, or remove the entry.

    ## Fix safety
    The fix regenerates the table of contents from the headings in its own style (bullets, numbering,
    indentation, link form), which drops the entry and renumbers the rest. It is unsafe: the entry may be right
    and the heading the thing that is missing. (A regeneration that changes only case or spacing is safe.)
    """
    toc = ctx.doc.toc
    if toc is None:
        return
    for i, entry in enumerate(toc.entries):
        if entry.heading is not None or entry.html_anchor or (i == 0 and ctx.doc.title and
                                                              _names_title(ctx.doc, entry)):
            continue
        what = f"link target '#{entry.target}' matches no heading" if entry.target else "no heading with this text"
        swallowed = _heading_in_code(ctx.doc, entry) if entry.target else None
        if swallowed is not None:
            what += (f" (a heading line for it is inside the code block opened at line {swallowed}: "
                     "is a code fence left unclosed?)")
        yield ctx.report(entry.start, entry.end, f"TOC entry '{ctx.doc.content(entry.block)}' has no heading: {what}",
                         regenerate_fix(ctx.doc))


HEADING_LINE = patterns.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")


def _heading_in_code(doc: Document, entry: TocEntry) -> int | None:
    """The line of a code block holding a '# heading' line whose anchor is the entry's target, if any."""
    from ..slugs import DIALECTS

    slugify = DIALECTS[doc.dialect][0]
    for block in doc.blocks:
        if block.kind == "code":
            for m in HEADING_LINE.finditer(doc.text, block.start, block.end):
                if slugify(plain(m.group(1))) == entry.target.lower():
                    return doc.index.position(block.start)[0]
    return None


def _names_title(doc: Document, entry: TocEntry) -> bool:
    return plain(doc.content(entry.block)) == plain(doc.content(doc.title))


def regenerate_fix(doc: Document):
    """The TOC rebuilt from the headings in its own style; safe only when nothing but case or spacing changes."""
    cached = doc.analysis.get("toc_fix", False)
    if cached is not False:
        return cached
    rebuilt = regenerated(doc)
    result = None
    if rebuilt is not None and doc.text[rebuilt[0]:rebuilt[1]] != rebuilt[2]:
        start, end, text = rebuilt
        cosmetic = " ".join(doc.text[start:end].split()).lower() == " ".join(text.split()).lower()
        result = fix("Regenerate the table of contents from the headings", Edit(start, end, text),
                     applicability=Applicability.SAFE if cosmetic else Applicability.UNSAFE)
    doc.analysis["toc_fix"] = result
    return result


@rule("DL102", "heading-missing-from-toc", "A heading is not listed in the table of contents",
      fixable=Fixable.SOMETIMES, tags=("structure", "toc"))
def heading_missing_from_toc(ctx: RuleContext):
    """## What it does
    In an article with a table of contents, reports a heading that no entry names. In Markdown, headings deeper
    than the deepest level the TOC lists are left alone. In plain text, where an unlisted heading can only be
    recognised by its shape (short, title case, followed by text), the finding is information only.

    ## Why is this bad?
    The table of contents is the reader's map; a section missing from it is hard to find, and a TOC that no
    longer lists every heading is usually stale.

    ## Example
    ```
    Table of Contents
    - 1. Introduction
    Introduction
    We measured ...
    Results
    The results ...
    ```

    Use instead: add `- 2. Results` to the table of contents.

    ## Fix safety
    The fix regenerates the table of contents from the headings in its own style; unsafe. Nested plain-text
    tables of contents are not regenerated.
    """
    toc = ctx.doc.toc
    if toc is None or not toc.entries:
        return
    listed = {id(e.heading) for e in toc.entries if e.heading is not None}
    levels = [e.heading.level for e in toc.entries if e.heading is not None and e.heading.level]
    deepest = max(levels) if levels else 0
    after = toc.entries[-1].block.end
    # in plain text an unlisted heading is only recognised by its shape, so it is reported as information
    severity = Severity.WARNING if ctx.doc.kind == "markdown" else Severity.INFO
    on_title = {plain(ctx.doc.content(e.block)): e for e in toc.entries[1:] if e.heading is ctx.doc.title}
    for block in ctx.doc.headings:
        if id(block) in listed or block.start < after or (deepest and block.level > deepest) or block.nested:
            continue
        message = f"Heading '{ctx.doc.content(block)}' is not in the table of contents"
        shadowed = on_title.get(plain(ctx.doc.content(block)))
        if shadowed is not None and shadowed.target:
            message += (f": the entry '#{shadowed.target}' resolves to the title, which has the same anchor; "
                        f"this heading's anchor is '#{ctx.doc.slugs.get(id(block), '')}'")
        yield ctx.report(block.content_start, block.content_end, message, regenerate_fix(ctx.doc), severity=severity)


@rule("DL103", "toc-order-mismatch", "Table-of-contents entries are in a different order than their headings",
      fixable=Fixable.SOMETIMES, tags=("structure", "toc"))
def toc_order_mismatch(ctx: RuleContext):
    """## What it does
    Reports a table-of-contents entry whose heading comes earlier in the body than the heading of an entry
    listed before it.

    ## Why is this bad?
    Readers expect the TOC to follow the article; a reordered TOC means sections were moved without updating it.

    ## Example
    ```
    - 1. Results
    - 2. Methods
    Methods
    ...
    Results
    ...
    ```

    Use instead: list the entries in the order of the headings.

    ## Fix safety
    The fix regenerates the table of contents from the headings in its own style; unsafe.
    """
    toc = ctx.doc.toc
    if toc is None:
        return
    matched = [e for e in toc.entries if e.heading is not None and e.heading.kind != "title"]
    in_order = _longest_increasing([e.heading.start for e in matched])
    for i, entry in enumerate(matched):
        if i not in in_order:
            yield ctx.report(entry.start, entry.end,
                             f"TOC entry '{ctx.doc.content(entry.block)}' is out of order: its heading is at line "
                             f"{ctx.doc.index.position(entry.heading.start)[0]}", regenerate_fix(ctx.doc))


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    keep, i = set(), tail_index[-1] if tail_index else -1
    while i >= 0:
        keep.add(i)
        i = previous[i]
    return keep


@rule("DL104", "toc-entry-text-mismatch", "A table-of-contents entry's text differs from its heading",
      fixable=Fixable.ALWAYS, tags=("structure", "toc"))
def toc_entry_text_mismatch(ctx: RuleContext):
    """## What it does
    Reports a table-of-contents entry whose text differs from the heading it points to.

    ## Why is this bad?
    The TOC promises a section the reader cannot find by its name; the heading was edited after the TOC was made.

    ## Example
    ```
    - 2. Result of the Study
    Results of the Study
    ```

    Use instead: `- 2. Results of the Study`.

    ## Fix safety
    Differences of case, quote style and end punctuation are not reported. The fix copies the heading's text
    into the entry; it is unsafe, because the heading may be the one that is wrong.
    """
    toc = ctx.doc.toc
    if toc is None:
        return
    for entry in toc.entries:
        if entry.heading is None or entry.heading.kind == "title":
            continue
        have, want = ctx.doc.content(entry.block), ctx.doc.content(entry.heading)
        if plain(have) == plain(want):
            continue  # same words; case and punctuation differences are left to the casing rules
        yield ctx.report(entry.start, entry.end, f"TOC entry '{have}' differs from its heading '{want}'",
                         fix("Use the heading's text", Edit(entry.start, entry.end, want),
                             applicability=Applicability.UNSAFE))


@rule("DL105", "empty-section", "A heading has no text before the next heading", tags=("structure",))
def empty_section(ctx: RuleContext):
    """## What it does
    Reports a heading followed directly by another heading of the same or a higher level (as information:
    template sections and placeholders are often left empty on purpose), or by the end of the article (a
    warning: the text was most likely lost).

    ## Why is this bad?
    An empty section is a promise the article does not keep; in scraped text it usually means the section's
    text was lost.

    Where heading levels are unknown (flat plain text without a nested TOC) a heading followed by a heading may
    be a parent of sub-sections; the message says so. A heading followed by a deeper one is never reported.

    ## Example
    ```
    Results
    Discussion
    We found ...
    ```

    Use instead: write the section, or remove its heading.
    """
    blocks = [b for b in ctx.doc.blocks if b.kind not in ("toc-entry", "toc-header", "table-cell")]
    for i, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if following is None:
            yield ctx.report(block.content_start, block.content_end,
                             f"Section '{ctx.doc.content(block)}' is empty: the article ends after its heading")
        elif following.kind == "heading":
            if block.level and following.level and following.level > block.level:
                continue  # a parent of sub-sections
            maybe_parent = "" if block.level and following.level else " (a parent of the sections after it?)"
            yield ctx.report(block.content_start, block.content_end,
                             f"Section '{ctx.doc.content(block)}' has no text before the next heading{maybe_parent}",
                             severity=Severity.INFO)


@rule("DL106", "truncated-ending", "The article stops mid-sentence", fixable=Fixable.ALWAYS, tags=("structure",))
def truncated_ending(ctx: RuleContext):
    """## What it does
    Reports an article whose last paragraph or list item stops mid-sentence, or ends in a truncation marker
    (`...`, `…`, `[...]`, `Read more`). A paragraph of eight words or more (twelve in Markdown) without an end
    mark is reported, unless it ends on a name, a number, a path or a web address; a list item only when it
    ends on a comma, a dash or a word that rarely ends a sentence (`to`, `the`, `and` ...), since lists are
    often written without a full stop; a labelled line (`minor: ... start syncing from`, `2019-07: tests added`)
    only when that word can never end one (`the`, `and`, `their` ...). Closing quotes and brackets after the
    full stop are fine; an ending in code or a link is not judged.

    ## Why is this bad?
    Scrapers and generators cut articles off; a reader is left with half a sentence.

    ## Example
    ```
    Lee's approach failed to achieve a breakthrough and arguably contributed to
    ```

    Use instead: finish the sentence, or end with the last complete one.

    ## Fix safety
    The fix deletes the incomplete last sentence (or the whole last block when it has no complete sentence).
    It is unsafe: it removes text.
    """
    doc = ctx.doc
    last = next((b for b in reversed(doc.blocks) if b.kind not in ("table-cell",)), None)
    if last is None or last.kind not in ("paragraph", "list-item", "callout"):
        return
    text = doc.content(last).rstrip()
    prose = doc.prose[last.content_start:last.content_start + len(text)]
    if not text or prose.rstrip(" \x00") != prose:
        return  # ends in code, a link target or markup: nothing to judge
    marker = TRUNCATION_MARKER.search(text)
    sentence_start = _last_sentence_start(text)
    tail = text[sentence_start:]
    if marker is None:
        labelled = LABEL.match(text) is not None
        if PROSE_END.search(text) or not _looks_cut(tail, last.kind == "list-item" or labelled, labelled, doc.kind):
            return
        why = "the last sentence has no ending"
    else:
        why = f"it ends with the truncation marker '{marker.group().strip()}'"
    start = last.content_start + sentence_start
    end = last.content_start + len(text)
    cut_from = _line_break_before(doc.text, last.start) if sentence_start == 0 else start
    while sentence_start and cut_from > last.content_start and doc.text[cut_from - 1] in " \t":
        cut_from -= 1
    yield ctx.report(start, end, f"The article appears truncated: {why}",
                     fix("Delete the incomplete sentence", Edit(cut_from, end, ""), applicability=Applicability.UNSAFE))


def _line_break_before(text: str, pos: int) -> int:
    """pos, moved back over the one line break that ends the previous line."""
    if text[pos - 2:pos] == "\r\n":
        return pos - 2
    return pos - 1 if pos and text[pos - 1] in "\r\n" else pos


def _last_sentence_start(text: str) -> int:
    start = 0
    for m in SENTENCE_END.finditer(text):
        start = m.end()
    return start


def _looks_cut(tail: str, listing: bool, labelled: bool, doc_kind: str) -> bool:
    """Whether a last sentence without an end mark was cut off. List items often go without a full stop: only a
    dangling word gives them away, and in labelled lines (`minor: ... start syncing from`, `2019-07: tests
    added`) only a word that can never end a sentence. A long sentence counts as cut unless it ends on a name, a
    number, a path or a web address."""
    words = tail.split()
    if not words:
        return False
    last_word = words[-1].lower().strip("\"'“”‘’")
    if tail[-1].isalpha() and last_word in (NEVER_LAST if labelled else DANGLING):
        return len(words) >= 4 or not listing  # 'For', '... and arguably contributed to'
    if tail.endswith((",", ";", "-", "–", "—")):
        return len(words) >= 4
    if not tail[-1].isalnum() or listing:
        return False
    if words[-1][0].isupper() or any(c.isdigit() or c in "/.:" for c in words[-1]):
        return False  # '... the vales of Har', '... repo: github.com/kubernetes-csi/windows-csi-proxy'
    return len(words) >= (12 if doc_kind == "markdown" else 8)


@rule("DL107", "broken-link-fragment", "A link to '#fragment' points at no anchor of the document",
      tags=("structure", "links"))
def broken_link_fragment(ctx: RuleContext):
    """## What it does
    In Markdown, reports a link `[text](#fragment)` outside the table of contents whose fragment matches no
    anchor of the document: heading anchors (made as the configured renderer makes them: `slug-dialect` =
    `github` (default), `gitlab`, `pandoc` or `python-markdown`, with `-1`, `-2` for repeated headings),
    `{#custom-id}` attributes and HTML `id`/`name` attributes. TOC entries are checked by DL101.

    ## Why is this bad?
    The reader clicks and nothing happens; usually a heading was renamed.

    ## Example
    ```
    See [the results](#result).

    ## Results
    ```

    Use instead: `[the results](#results)`.
    """
    doc = ctx.doc
    if doc.kind != "markdown" or not doc.links:
        return
    anchors = set(doc.slugs.values()) | doc.html_ids
    toc_links = {e.block.start for e in doc.toc.entries} if doc.toc else set()
    for start, end, dest, _, _ in doc.links:
        if not dest.startswith("#") or len(dest) == 1 or start in toc_links:
            continue
        fragment = dest[1:]
        if fragment in anchors or fragment.lower() in anchors:
            continue
        yield ctx.report(start, end, f"Link target '{dest}' matches no heading or anchor of this document")


@rule("DL108", "toc-nesting-mismatch", "A table-of-contents entry is nested differently from its heading's level",
      fixable=Fixable.SOMETIMES, tags=("structure", "toc"))
def toc_nesting_mismatch(ctx: RuleContext):
    """## What it does
    Where the table of contents shows nesting (indentation, or `2.1`-style numbers) and heading levels are
    known, reports an entry whose depth in the TOC differs from its heading's depth among the headings.

    ## Why is this bad?
    A sub-section listed as a section (or the reverse) misleads the reader about the article's shape.

    ## Fix safety
    The fix regenerates the table of contents from the headings, keeping its style; unsafe.
    """
    toc = ctx.doc.toc
    if toc is None or not toc.levels_known:
        return
    matched = [e for e in toc.entries if e.heading is not None and e.heading.kind == "heading" and e.heading.level]
    heading_rank = {level: i for i, level in enumerate(sorted({e.heading.level for e in matched}))}
    entry_rank = {level: i for i, level in enumerate(sorted({e.level for e in matched}))}
    for entry in matched:
        want, have = heading_rank[entry.heading.level], entry_rank[entry.level]
        if want != have:
            yield ctx.report(entry.start, entry.end,
                             f"TOC entry '{ctx.doc.content(entry.block)}' is at depth {have + 1}, its heading "
                             f"(level {entry.heading.level}) at depth {want + 1}", regenerate_fix(ctx.doc))


def _markdown_headings(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind in ("title", "heading") and not b.nested]


@rule("DL109", "heading-level-skip", "A heading skips a level (H2 followed by H4)", severity=Severity.INFO,
      tags=("structure", "headings"))
def heading_level_skip(ctx: RuleContext):
    """## What it does
    In Markdown, reports a heading more than one level deeper than the heading before it.

    ## Why is this bad?
    Skipped levels break the outline that screen readers, TOC generators and search engines build.

    ## Example
    ```
    ## Design
    #### Storage
    ```

    Use instead: `### Storage`.
    """
    if ctx.doc.kind != "markdown":
        return
    previous = None
    for block in _markdown_headings(ctx.doc):
        if previous is not None and block.level > previous.level + 1:
            yield ctx.report(block.content_start, block.content_end,
                             f"Heading level jumps from H{previous.level} to H{block.level}")
        previous = block


@rule("DL110", "duplicate-heading", "Two sibling headings have the same text", tags=("structure", "headings"))
def duplicate_heading(ctx: RuleContext):
    """## What it does
    Reports a heading with the same text as an earlier heading under the same parent (same level, no
    higher-level heading between them). In flat plain text, where levels are unknown, it does not apply.

    ## Why is this bad?
    Readers cannot tell the sections apart, and their anchors collide (`#notes`, `#notes-1`).
    """
    doc = ctx.doc
    headings = _markdown_headings(doc) if doc.kind == "markdown" else [b for b in doc.headings if b.level]
    seen: list[dict[str, Block]] = [{} for _ in range(8)]
    for block in headings:
        level = min(block.level, 7)
        for deeper in range(level + 1, 8):
            seen[deeper].clear()
        key = plain(doc.content(block))
        first = seen[level].setdefault(key, block)
        if first is not block:
            yield ctx.report(block.content_start, block.content_end,
                             f"Heading '{doc.content(block)}' repeats the sibling heading at line "
                             f"{doc.index.position(first.start)[0]}")


@rule("DL111", "multiple-titles", "The document has more than one top-level title", tags=("structure", "headings"))
def multiple_titles(ctx: RuleContext):
    """## What it does
    In Markdown, reports every level-1 heading after the first.

    ## Why is this bad?
    An article has one title; a second `#` heading is usually a section promoted by mistake or two documents
    pasted together.
    """
    if ctx.doc.kind != "markdown":
        return
    titles = [b for b in _markdown_headings(ctx.doc) if b.level == 1]
    for block in titles[1:]:
        yield ctx.report(block.content_start, block.content_end,
                         f"Second top-level title '{ctx.doc.content(block)}' (the first is at line "
                         f"{ctx.doc.index.position(titles[0].start)[0]})")
