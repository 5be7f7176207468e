"""The fix engine: overlaps, fixpoint, cycles, the outline guard, the edited-spans guard."""
from __future__ import annotations

from doclint import fixer
from doclint.fixer import apply_fixes, changed_only_inside_edits, fix_until_stable
from doclint.model import Applicability, Diagnostic, Edit, Fix


def diag(start, end, content, applicability=Applicability.SAFE, code="DL900"):
    return Diagnostic(code, "test", "m", start, end, fix=Fix("t", (Edit(start, end, content),), applicability))


def test_overlapping_fixes_are_skipped_and_applicability_is_respected():
    text = "abcdef"
    fixed, applied = apply_fixes(text, [diag(0, 2, "X"), diag(1, 3, "Y"), diag(4, 5, "Z", Applicability.UNSAFE)],
                                 Applicability.SAFE)
    assert fixed == "Xcdef" and len(applied) == 1
    fixed, _ = apply_fixes(text, [diag(4, 5, "Z", Applicability.UNSAFE)], Applicability.UNSAFE)
    assert fixed == "abcdZf"
    fixed, applied = apply_fixes(text, [diag(0, 1, "Q", Applicability.DISPLAY_ONLY)], Applicability.UNSAFE)
    assert fixed == text and not applied


def test_insertion_is_written_with_the_documents_newline():
    fixed, _ = apply_fixes("a\r\nb", [diag(1, 1, "\nx")], Applicability.SAFE)
    assert fixed == "a\r\nx\r\nb"


def test_fixpoint_reaches_a_stable_text():
    def lint(text):  # one 'a' -> 'b' per pass
        at = text.find("a")
        return [diag(at, at + 1, "b")] if at >= 0 else []

    outcome = fix_until_stable("aaa", lint, lambda t: (), Applicability.SAFE)
    assert outcome.text == "bbb" and outcome.error is None and outcome.fixed["DL900"] == 3


def test_a_cycle_keeps_the_original_and_names_the_rules():
    def lint(text):
        return [diag(0, 1, "b" if text[0] == "a" else "a", code="DL901")]

    outcome = fix_until_stable("a", lint, lambda t: (), Applicability.SAFE)
    assert outcome.text == "a" and "DL901" in outcome.error


def test_safe_fixes_that_change_the_outline_are_rejected():
    outcome = fix_until_stable("a", lambda t: [diag(0, 1, "b")] if t == "a" else [], lambda t: (t,),
                               Applicability.SAFE)
    assert outcome.text == "a" and "outline" in outcome.error


def test_fixes_that_change_text_outside_their_edits_keep_the_original(monkeypatch):
    real = fixer.apply_fixes

    def careless(text, diagnostics, level):  # an engine bug: one character beyond the edits changes too
        fixed, applied = real(text, diagnostics, level)
        return fixed.replace("z", "Z"), applied

    monkeypatch.setattr(fixer, "apply_fixes", careless)
    outcome = fix_until_stable("a z", lambda t: [diag(0, 1, "b")] if t.startswith("a") else [], lambda t: (),
                               Applicability.SAFE)
    assert outcome.text == "a z" and not outcome.changed
    assert outcome.error == "internal error: fixes changed text outside the spans they named; rules: DL900"


def test_the_safety_net_accepts_exactly_the_named_edits():
    applied = [diag(1, 2, "X"), diag(3, 3, "\n")]
    assert changed_only_inside_edits("abcd\r\n", "aXc\r\nd\r\n", applied)
    assert not changed_only_inside_edits("abcd\r\n", "aXc\nd\r\n", applied)  # newline not in the file's style
    assert not changed_only_inside_edits("abcd", "aXcd!", applied[:1])
    assert not changed_only_inside_edits("abcd", "abcd", [diag(0, 2, "ab"), diag(1, 3, "bc")])  # overlapping


def test_fixing_parses_each_version_of_the_text_once(monkeypatch):
    from doclint import engine

    text = "A Title\n\nThis is thier text,and it ends here.\n"
    parsed = []
    real = engine.parse
    monkeypatch.setattr(engine, "parse", lambda version, *rest: parsed.append(version) or real(version, *rest))
    outcome = engine.Linter().fix(text, "a.txt")
    assert outcome.text == "A Title\n\nThis is their text, and it ends here.\n" and outcome.error is None
    assert parsed == [text, outcome.text]  # the outline check reuses what linting parsed
