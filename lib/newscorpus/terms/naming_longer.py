"""Longer names that contain a naming set's variant: their uses are not the variant's.

"washington" as the variant of Washington, D.C. also occurs inside "Washington Times",
"Washington Post" and "George Washington": the Washington Times' own name made 27 of its 100
"washington" uses in an allsides sample. `longer_names` lists the corpus's multiword names
(entity spellings and canonical names, outlet names) in their counted form, and
`naming.naming_counts(..., longer=...)` counts a variant without its uses inside any of them
that is not itself a variant of the same set.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from newscorpus.terms.base import trace_keys

MAX_WORDS = 3  # counted terms are 1- to 3-grams: a longer name is never a counted term


def longer_names(
    entities: pd.DataFrame | None = None, outlets: Iterable[str] = (), min_articles: int = 2
) -> list[str]:
    """The counted forms of the corpus's names of 2-3 words: the `text` and `canonical` of
    entities (PER, ORG, LOC, MISC) named in at least `min_articles` articles, and the outlets'
    names (a leading "The" dropped). Input: a resolved entities table (article_id, text,
    canonical) or None, the outlet names. Output: sorted, distinct lowercase terms. Raises
    KeyError when `entities` lacks a column named here."""
    forms: set[str] = set()
    if entities is not None and len(entities):
        for column in ("text", "canonical"):
            spelled = entities[["article_id", column]].dropna()
            n = spelled.groupby(column, observed=True)["article_id"].nunique()
            forms.update(str(v) for v in n[n >= min_articles].index)
    for outlet in outlets:
        name = str(outlet)
        forms.add(name[4:] if name.startswith("The ") else name)
    forms = {f for f in forms if f.strip() and "*" not in f}
    if not forms:  # an empty corpus, or no name in two articles
        return []
    keys = trace_keys(sorted(forms))
    return sorted({k for k in keys.values() if 2 <= len(k.split(" ")) <= MAX_WORDS})
