"""DL202's fast paths give exactly what the plain formulation they replace gives."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings, strategies as st

from doclint.rules.casing import _lowercase_forms, _stem, _stems

# Word forms as the scan writes them: letters of every case (and none: '中'), possessives, apostrophes, hyphens.
FORMS = st.lists(st.text(st.sampled_from(list("aAsS'’-") + ["中", "ß", "é"]), min_size=1, max_size=6), max_size=12)


@settings(max_examples=500, deadline=None)
@given(FORMS, st.text(st.sampled_from(list("aAs'’") + ["中", "é"]), min_size=1, max_size=5))
def test_lowercase_forms_of_a_stem(forms, stem):
    """Looked up from the stem: the lowercase forms whose stem it is, as found among all the article's words."""
    counts = Counter(forms + [stem, stem + "'s", stem + "’s", stem.upper()])
    plain = {form for form, its_stem in _stems(filter(str.islower, counts)).items() if its_stem == stem}
    assert set(_lowercase_forms(counts, stem)) == plain


def test_lowercase_forms_keep_possessives_apart():
    counts = Counter(["seoul", "seoul’s", "Seoul", "it's's", "it's"])
    assert _lowercase_forms(counts, "seoul") == ["seoul", "seoul’s"]
    assert _lowercase_forms(counts, "it's") == ["it's's"]  # 'it's' itself is the possessive of 'it'
    assert _stem("it's") == "it"
