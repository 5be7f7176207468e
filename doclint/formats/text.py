"""Formats for people: concise lines, full (source, caret, fix as a diff), statistics, and the fixes applied."""
from __future__ import annotations

import unicodedata
from collections import Counter

from ..model import Diagnostic
from ..report import FileReport, fixable_now
from . import Run, rule_name

WIDTH = 100  # longest source line shown whole; longer lines are cut to a window around the finding
LEAD = 30  # characters kept before the finding in a cut line


class Paint:
    """ANSI styles, or nothing when colour is off."""

    def __init__(self, on: bool):
        self.on = on

    def __call__(self, text: str, *codes: str) -> str:
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if self.on and text else text


BOLD, RED, GREEN, CYAN, BLUE = "1", "31", "32", "36", "34"


def headline(report: FileReport, d: Diagnostic, run: Run, paint: Paint) -> str:
    line, column = report.index.position(d.start)
    mark = " " + paint("[*]", CYAN) if fixable_now(d, run.unsafe) else ""
    return f"{paint(report.path, BOLD)}:{line}:{column}: {paint(d.code, BOLD, RED)}{mark} {d.message}"


def concise(run: Run) -> str:
    paint = Paint(run.color)
    return "".join(headline(r, d, run, paint) + "\n" for r in run.reports for d in r.diagnostics)


def full(run: Run) -> str:
    paint = Paint(run.color)
    return "".join(_full(r, d, run, paint) + "\n" for r in run.reports for d in r.diagnostics)


def _full(report: FileReport, d: Diagnostic, run: Run, paint: Paint) -> str:
    index = report.index
    line = index.line_of(d.start)
    start, end = index.line_span(line)
    end_line = index.line_of(d.end)
    span_end = min(d.end, end) if end_line != line else d.end
    gutter = len(str(max(line, end_line) + 2))
    bar = paint(" " * gutter + " |", BLUE)
    shown, lo, hi = _window(index.text[start:end], d.start - start, span_end - start)
    carets = " " * _width(shown[:lo]) + "^" * max(1, _width(shown[lo:hi]))
    if end_line != line:
        carets += f" (to line {end_line + 1})"
    out = [headline(report, d, run, paint), bar,
           paint(f"{line + 1:>{gutter}} |", BLUE) + " " + shown, bar + " " + paint(carets, BOLD, RED)]
    for note in d.notes:
        out.append(paint(" " * gutter + " =", BLUE) + f" note: {note}")
    if d.fix is not None:
        level = d.fix.applicability.label
        out.append(paint(" " * gutter + " =", BLUE) + f" help: {d.fix.title} ({level} fix)")
        out.extend(_diff(report, d, gutter, paint))
    return "\n".join(out)


def _diff(report: FileReport, d: Diagnostic, gutter: int, paint: Paint) -> list[str]:
    """The lines the fix changes, before (-) and after (+)."""
    index, text = report.index, report.index.text
    edits = sorted(d.fix.edits)
    if not edits:
        return []
    first, last = index.line_of(edits[0].start), index.line_of(max(e.end for e in edits))
    region_start, region_end = index.starts[first], index.line_span(last)[1]
    pieces, at = [], region_start
    for edit in edits:
        pieces += [text[at:edit.start], edit.content]
        at = edit.end
    pieces.append(text[at:region_end])
    old, new = text[region_start:region_end].splitlines(), "".join(pieces).splitlines()
    out = []
    from difflib import SequenceMatcher

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            before = old[i1 + k] if i1 + k < i2 else None
            after = new[j1 + k] if j1 + k < j2 else None
            column = _first_difference(before or "", after or "")
            begin = _window_start(min(len(before or after), len(after or before)), column)
            if before is not None:
                shown = _window(before, column, column, begin)[0]
                out.append(paint(f"{first + i1 + k + 1:>{gutter}} -", RED) + " " + paint(shown, RED))
            if after is not None:
                shown = _window(after, column, column, begin)[0]
                out.append(paint(f"{first + j1 + k + 1:>{gutter}} +", GREEN) + " " + paint(shown, GREEN))
    return out


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _window_start(length: int, lo: int) -> int:
    return max(0, min(lo - LEAD, length - WIDTH))


def _window(line: str, lo: int, hi: int, begin: int | None = None) -> tuple[str, int, int]:
    """The line (tabs as spaces), cut to WIDTH characters from `begin` (default: a little before lo) when it is
    longer; lo and hi moved along."""
    line = line.replace("\t", " ")
    if len(line) <= WIDTH:
        return line, lo, hi
    begin = _window_start(len(line), lo) if begin is None else begin
    finish = begin + WIDTH
    head, tail = ("…" if begin else ""), ("…" if finish < len(line) else "")
    shift = len(head) - begin
    return head + line[begin:finish] + tail, lo + shift, min(hi, finish) + shift


def _width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def statistics(run: Run) -> str:
    """One line per rule: how many findings, whether any is fixable now, the rule's name; then one line per
    document with its readability."""
    rows = statistics_rows(run)
    width = max((len(str(r["count"])) for r in rows), default=1)
    out = "".join(f"{r['count']:>{width}}  {r['code']:<6} {'[*]' if r['fixable'] else '   '} {r['name']}\n"
                  for r in rows)
    for doc in document_rows(run):
        out += (f"{doc['path']}: {doc['words']} words, {doc['sentences']} sentences, Flesch reading ease "
                f"{doc['flesch_reading_ease']:.1f}, Flesch-Kincaid grade {doc['flesch_kincaid_grade']:.1f}\n")
    return out


def document_rows(run: Run) -> list[dict]:
    return [{"path": r.path, **r.readability} for r in run.reports if r.readability is not None]


def statistics_rows(run: Run) -> list[dict]:
    counts: Counter = Counter()
    fixable: Counter = Counter()
    names = {}
    for report in run.reports:
        for d in report.diagnostics:
            counts[d.code] += 1
            fixable[d.code] += fixable_now(d, run.unsafe)
            names[d.code] = rule_name(run, d.code, d.name)
    return [{"code": code, "name": names[code], "count": n, "fixable": fixable[code]}
            for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def fixes_applied(run: Run) -> str:
    """What --fix changed, per file and rule."""
    total = sum(sum(r.fixed.values()) for r in run.reports)
    if not total:
        return ""
    out = [f"Fixed {total} problem{'s' * (total != 1)}:"]
    for report in run.reports:
        if report.fixed:
            out.append(f"- {report.path}:")
            for code, n in sorted(report.fixed.items()):
                out.append(f"    {n} × {code} ({rule_name(run, code, code)})")
    return "\n".join(out) + "\n"
