"""DL5xx: lists and tables."""
from __future__ import annotations

from itertools import groupby

from ..document import Block, Document
from ..model import Applicability, Edit, Fixable
from ..registry import RuleContext, fix, rule
from .. import patterns

NUMBER_MARKER = patterns.compile(r"[ \t]*(?:[-*•][ \t]+)?(\d{1,4})([.)])[ \t]", linear=True)
BULLET_MARKER = patterns.compile(r"[ \t]*([-*+•·▪◦–])[ \t]", linear=True)
CELL_SEPARATOR = patterns.compile(r"(?<!\\)\|", linear=True)
CODE_SPAN = patterns.compile(r"`[^`\n]*`", linear=True)


def _groups(doc: Document, kinds: tuple[str, ...]) -> list[list[Block]]:
    chosen = [b for b in doc.blocks if b.kind in kinds and b.group]
    return [list(members) for _, members in groupby(chosen, key=lambda b: b.group)]


def _cell_count(row: str) -> int:
    row = CODE_SPAN.sub(lambda m: "x" * len(m.group()), row.strip())
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return len(CELL_SEPARATOR.split(row))


@rule("DL501", "table-column-count", "A table row has a different number of cells than the header",
      tags=("tables",))
def table_column_count(ctx: RuleContext):
    """## What it does
    Reports a pipe-table row whose number of cells differs from the header row's.

    ## Why is this bad?
    Renderers drop the extra cells or pad the missing ones, so data silently moves to the wrong column.

    ## Example
    ```
    | Company | Contribution |
    |---|---|
    | Samsung | Chips | Pohang |
    ```

    Use instead: give every row the header's number of cells.
    """
    doc = ctx.doc
    for rows in _groups(doc, ("table-row",)):
        header = _cell_count(doc.text[rows[0].start:rows[0].end])
        for row in rows[1:]:
            count = _cell_count(doc.text[row.start:row.end])
            if count != header:
                yield ctx.report(row.start, row.end,
                                 f"Table row has {count} cell{'s' * (count != 1)}; the header has {header}")


@rule("DL502", "list-numbering-gap", "A numbered list or table of contents skips or repeats a number",
      fixable=Fixable.ALWAYS, tags=("lists",))
def list_numbering_gap(ctx: RuleContext):
    """## What it does
    Reports an item of a numbered list (or numbered table of contents) whose number is not the previous one
    plus one. Lists numbered `1.` throughout (Markdown's lazy numbering) are fine, and so is numbering that starts
    again at 1 (a new list, or a sub-list whose indentation was lost) and numbering that goes on where an outer
    list left off after such a sub-list (`1. 2. 1. 2. 3. 3.`).

    ## Why is this bad?
    A gap usually means an item was lost; a repeat, that two lists were merged.

    ## Example
    ```
    1. Plan
    2. Build
    4. Ship
    ```

    Use instead: `3. Ship`.

    ## Fix safety
    The fix renumbers the item; it is unsafe, because the gap may mark a lost item that should be restored.
    """
    doc = ctx.doc
    for items in _groups(doc, ("list-item", "toc-entry")):
        if len(items) < 2 or not _numbered(doc, items[0]):
            continue  # a list whose first item has no number: a bullet list
        numbered = [(b, NUMBER_MARKER.match(doc.text, b.start, b.end)) for b in items]
        numbered = [(b, m) for b, m in numbered if m and m.start(1) < b.content_start]
        if len(numbered) < 2 or len(numbered) != len(items):
            continue
        values = [int(m.group(1)) for _, m in numbered]
        if len(set(values)) == 1:
            continue
        counters = [values[0]]  # the numbering of the list and of the sub-lists flattened into it
        for block, m in numbered[1:]:
            number = int(m.group(1))
            outer = next((i for i in range(len(counters) - 2, -1, -1) if number == counters[i] + 1), None)
            if number == counters[-1] + 1:
                counters[-1] = number
            elif number == 1:
                counters.append(1)  # numbering starts again: a new list, or a sub-list whose indentation was lost
            elif outer is not None:
                del counters[outer + 1:]  # back in the outer list after a flattened sub-list
                counters[-1] = number
            else:
                expected = counters[-1] + 1
                yield ctx.report(m.start(1), m.end(1), f"Item numbered {m.group(1)} where {expected} was expected",
                                 fix(f"Renumber as {expected}", Edit(m.start(1), m.end(1), str(expected)),
                                     applicability=Applicability.UNSAFE))
                break  # later numbers are judged after this one is fixed


def _numbered(doc: Document, item: Block) -> bool:
    m = NUMBER_MARKER.match(doc.text, item.start, item.end)
    return m is not None and m.start(1) < item.content_start


@rule("DL503", "mixed-list-markers", "One list mixes bullet markers", fixable=Fixable.ALWAYS, tags=("lists",))
def mixed_list_markers(ctx: RuleContext):
    """## What it does
    In plain text, reports a list item whose bullet (`-`, `*`, `+`, `•`) differs from the first item of the
    same list. (In Markdown a different bullet starts a new list, so there is nothing to report.)

    ## Why is this bad?
    Mixed markers betray lists pasted together; in Markdown they split one list into several.

    ## Fix safety
    The fix uses the first item's marker; safe.
    """
    doc = ctx.doc
    if doc.kind != "text":
        return  # in Markdown a new bullet starts a new list: there is no mixed list to report
    for items in _groups(doc, ("list-item",)):
        markers = [(b, BULLET_MARKER.match(doc.text, b.start, b.end)) for b in items]
        markers = [(b, m) for b, m in markers if m and m.start(1) < b.content_start]
        if len(markers) < 2:
            continue
        first = markers[0][1].group(1)
        for block, m in markers[1:]:
            if m.group(1) != first:
                yield ctx.report(m.start(1), m.end(1), f"List marker '{m.group(1)}' where the list uses '{first}'",
                                 fix(f"Use '{first}'", Edit(m.start(1), m.end(1), first)))
