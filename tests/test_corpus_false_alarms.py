"""False alarms found on ../shared/corpus (Kubernetes KEPs, Apache-2.0; Gutenberg classics, public domain), as
small cases: what counts as evidence of a name's casing (DL202), Early Modern English (DL401, DL202), ordinals
(DL401) and FAQ headings (DL603)."""
from __future__ import annotations

from doclint.engine import Linter

LINTER = Linter(select=["DL202", "DL401"])


def findings(text: str) -> list[tuple[str, str, str]]:
    return [(d.code, text[d.start:d.end], d.severity.name.lower()) for d in LINTER.check(text, "article.md")]


def test_a_capital_after_a_comment_marker_or_in_a_capitalised_run_is_no_evidence():
    text = ("The handler field // Deprecated. It stays for compatibility.\n\n"
            "- Not Propagate context\n- Propagate context normally\n\n"
            "Tracing code must propagate the context and propagate errors.\n")
    assert findings(text) == []


def test_a_capital_in_a_run_mid_sentence_proves_the_run_not_the_word():
    text = ("Ensure the e2e tests meet the requirements for Conformance Tests in the release.\n\n"
            "All endpoints must be hit by Conformance Tests as well.\n\n"
            "Promote the tests to conformance.\n")
    assert findings(text) == []


def test_a_word_the_article_writes_in_lowercase_is_no_slip_inside_a_name():
    text = ("The Konnectivity Agent runs on every node, and the Konnectivity Agent dials out.\n\n"
            "Each Konnectivity agent keeps one connection; the agent reconnects on failure.\n")
    assert findings(text) == []


def test_a_lowercase_slip_inside_a_name_is_still_found():
    text = ("Talks with North Korea stalled, and South Korea waited.\n\n"
            "Trade with South Korea grew while North Korea tested missiles.\n\n"
            "The envoy spoke of South korea as an ally.\n")
    assert findings(text) == [("DL202", "korea", "warning")]


def test_an_acronym_after_a_lowercase_word_is_no_name():
    text = ("Each node gets Pod CIDRs from the controller, and the allocator hands out Pod CIDRs in order.\n\n"
            "When pod CIDRs run out, scheduling stops.\n")
    assert findings(text) == []


EARLY_MODERN = ("Thou hast the Virtue of a King, and thy Thrones are many. " * 4 + "\n\n"
                + "He hath intrusted thee with his virtue, and doth ask thee more.\n")


def test_early_modern_english_spelling_is_information_and_its_capitals_no_evidence():
    assert findings(EARLY_MODERN) == [("DL401", "intrusted", "info")]


def test_modern_english_misspellings_stay_warnings():
    assert findings("The vote occured late. It was intrusted to the clerk.\n") == [
        ("DL401", "occured", "warning"), ("DL401", "intrusted", "warning")]


def test_an_ordinal_suffix_is_no_misspelling():
    assert findings("It deletes the 2nd kind of garbage, nd then the 3rd.\n") == [("DL401", "nd", "warning")]


def test_a_heading_that_is_itself_a_question_or_a_remark_is_no_faq_section():
    linter = Linter(select=["DL603"])
    text = ("# Rootless\n\n## FAQ: why not use admission controllers?\n\nThey run too late.\n\n"
            "## My FAQ isn't answered here!\n\nOpen an issue.\n\n## FAQs\n")
    assert [text[d.start:d.end] for d in linter.check(text, "a.md")] == ["FAQs"]


def test_denial_of_service_is_no_lost_apostrophe():
    linter = Linter(select=["DL303"])
    text = "Do not block it. Rate limits give local-DoS prevention. Lee Myung-bak won. Myung-bakS plan failed.\n"
    assert [text[d.start:d.end] for d in linter.check(text, "a.txt")] == ["Myung-bakS"]


def test_no_sentence_starts_after_an_abbreviation_a_roman_numeral_or_a_spaced_ellipsis():
    linter = Linter(select=["DL201"])
    text = ("Nodes are homogeneous wrt. to types of hardware. The book II. the Octavo whale is small. "
            "And foresight . . . it should be kept. It rose. then it fell.\n")
    assert [text[d.start:d.end] for d in linter.check(text, "a.txt")] == ["then"]


def test_endings_that_are_complete_though_they_lack_a_full_stop_are_not_truncations():
    linter = Linter(select=["DL106"])
    complete = [
        "- minor: etcd does not expose the last compaction revision that we should start syncing from\n",
        "2019-07: PV and ephemeral volume tests added to clusterloader2\n",
        "The code for csi-proxy will be maintained in a dedicated repo: github.com/kubernetes-csi/windows-csi-proxy\n",
        "She fled back unhindered till she came into the vales of Har\n",
    ]
    for ending in complete:
        assert linter.check("Title\n\nA first paragraph ends well.\n\n" + ending, "a.txt") == [], ending
    cut = "Title\n\nA first paragraph ends well.\n\n- The approach failed and arguably contributed to\n"
    assert [d.code for d in linter.check(cut, "a.txt")] == ["DL106"]


def test_numbering_goes_on_after_a_sub_list_whose_indentation_was_lost():
    linter = Linter(select=["DL502"])
    flattened = "Steps\n\n1. Plan\n2. Provide handlers:\n1. ignore\n2. dedupe\n3. Add a flag\n4. Ship\n"
    assert linter.check(flattened, "a.txt") == []
    gap = "Steps\n\n1. Plan\n2. Provide handlers:\n1. ignore\n2. dedupe\n3. Add a flag\n5. Ship\n"
    assert [gap[d.start:d.end] for d in linter.check(gap, "a.txt")] == ["5"]


def test_a_code_fence_closed_with_a_trailing_tab_ends_the_code_block():
    text = "# Title\n\n- [Heading](#heading)\n\n```\ncode\n```\t\n\n## Heading\n\nText.\n"
    assert Linter(select=["DL101", "DL107"]).check(text, "a.md") == []


def test_names_in_runs_of_capitals_and_after_titles_are_evidence_but_dictionary_words_are_not():
    text = ("The work of President Kennedy went on. We honor President Kennedy's memory, as Mr. Kennedy asked.\n\n"
            "Tests meet the requirements for Conformance Tests. All endpoints are hit by Conformance Tests.\n\n"
            "Promote the tests to conformance. Then kennedy spoke.\n")
    assert findings(text) == [("DL202", "kennedy", "warning")]


def test_a_contraction_that_lost_its_apostrophe_is_found():
    text = "It is late. ItS too late to go. It was never early.\n"
    assert [text[d.start:d.end] for d in Linter(select=["DL303"]).check(text, "a.txt")] == ["ItS"]


def test_early_modern_english_is_checked_for_names_the_dictionary_knows():
    text = EARLY_MODERN + "Promised to Abraham and his seed, as to Abraham of old, and Abraham's sons. Then abraham\n"
    assert findings(text) == [("DL401", "intrusted", "info"), ("DL202", "abraham", "warning")]
