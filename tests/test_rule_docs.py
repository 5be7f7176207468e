"""docs/rules.md is generated from the rules and holds the anchor every diagnostic links to."""
from __future__ import annotations

from doclint.engine import INTERNAL_ERROR, Linter
from doclint.ruledocs import RULES_PAGE_URL, rule_url, rules_page

from conftest import ROOT, UPDATE

PAGE = ROOT / "docs" / "rules.md"


def test_rules_page_is_current():
    page = rules_page(Linter().rules)
    if UPDATE:
        PAGE.write_text(page, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == page, "regenerate with DOCLINT_UPDATE=1"


def test_every_rule_link_names_a_heading_of_the_page():
    headings = {line[3:] for line in PAGE.read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
    for code, name in [INTERNAL_ERROR] + [(r.code, r.name) for r in Linter().rules]:
        assert f"{code} {name}" in headings
        assert rule_url(code, name) == f"{RULES_PAGE_URL}#{code.lower()}-{name}"
