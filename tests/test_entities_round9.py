"""Round 9 of the entities: a bare surname goes to the person the corpus names most, a phrase
holding a surname ("Trump Tower", "Team Trump", a headline's verb) is no one's full name, and
organisations or diseases are no people; a naming set counts a variant once inside a longer one."""

from __future__ import annotations

import pandas as pd

from newscorpus import terms


def test_a_variant_twice_inside_a_longer_variant_is_counted_by_the_longer_only(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "T\n\nThe analyst Hassan Hassan spoke. Hassan said more. Then Hassan Hassan left.\n",
            "b.txt": "T\n\nKhalid Khalid Ali wrote. Khalid Khalid Ali left. Khalid smiled.\n",
        }
    )
    counts = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    groups = pd.Series("all", index=corpus.articles["article_id"].astype("str").to_numpy())
    sets = {"Hassan": ["hassan hassan", "hassan"], "Khalid": ["khalid khalid ali", "khalid"]}
    table = terms.naming_counts(counts, groups, sets)
    got = table[table["group"].astype("str") == "all"].set_index("variant")["count"].to_dict()
    # two "Hassan Hassan" and one "Hassan" alone: the set counts three uses, not five
    assert got["hassan hassan"] == 2 and got["hassan"] == 1
    assert got["khalid khalid ali"] == 2 and got["khalid"] == 1
