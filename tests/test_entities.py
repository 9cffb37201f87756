"""The entities step: tokens, the shipped CRF tagger on built articles, canonical names, training."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.entities import (
    ENTITY_COLUMNS,
    TITLE_SENTENCE,
    canonical_names,
    find_entities,
    tag_document,
    tokenize,
    views,
)
from newscorpus.entities.train import read_conll, spans_of, train

ARTICLE = (
    "Merkel meets Obama in Berlin\n\n"
    "BERLIN (Reuters) - German Chancellor Angela Merkel met U.S. President Barack Obama in "
    "Berlin on Tuesday to discuss the European Union's trade talks with China.\n\n"
    "Obama told reporters that Washington would work with the European Commission.\n"
)


@pytest.fixture
def article(make_corpus):
    corpus = make_corpus({"a1.txt": ARTICLE})
    return corpus, find_entities(corpus)


def test_tokens_follow_conll_conventions_with_offsets():
    text = "Germany's U.S. envoy didn't pay $5.2 on 1996-08-30."
    toks = tokenize(text, offset=10)
    assert [t[0] for t in toks] == [
        "Germany", "'s", "U.S.", "envoy", "did", "n't", "pay", "$5.2", "on", "1996-08-30", ".",
    ]  # fmt: skip
    assert all(text[s - 10 : e - 10] == w for w, s, e in toks)


def test_a_known_person_span_on_built_text(article):
    corpus, ents = article
    assert list(ents.columns) == ENTITY_COLUMNS
    text = corpus.articles["text"].iloc[0]
    start = text.index("Barack Obama")
    row = ents[ents["start"] == start]
    assert len(row) == 1
    assert row["end"].iloc[0] == start + len("Barack Obama")
    assert row["type"].iloc[0] == "PER"
    assert all(
        text[s:e] == t for s, e, t in zip(ents["start"], ents["end"], ents["text"], strict=True)
    )


def test_types_places_and_organisations(article):
    _, ents = article
    typed = dict(zip(ents["text"], ents["type"].astype(str), strict=True))
    assert typed["Berlin"] == "LOC"
    assert typed["China"] == "LOC"
    assert typed["European Commission"] == "ORG"


def test_title_names_are_found_with_the_title_sentence_id(article):
    corpus, ents = article
    title = ents[ents["sentence_id"] == TITLE_SENTENCE]
    assert "Obama" in set(title["text"])
    assert title["end"].max() <= len("Merkel meets Obama in Berlin")


def test_a_surname_takes_the_full_name_of_the_article(article):
    _, ents = article
    later = ents[(ents["text"] == "Obama") & (ents["sentence_id"] >= 0)]
    assert len(later) >= 1
    assert set(later["canonical"]) == {"Barack Obama"}


def test_canonical_rules_within_one_article():
    names = ["Angela Merkel", "MERKEL", "Merkel", "European Central Bank", "ECB", "the BBC"]
    types = ["PER", "PER", "PER", "ORG", "ORG", "ORG"]
    assert canonical_names(names, types) == [
        "Angela Merkel", "Angela Merkel", "Angela Merkel", "European Central Bank",
        "European Central Bank", "BBC",
    ]  # fmt: skip


def test_an_article_without_text_gives_an_empty_table(make_corpus):
    corpus = make_corpus({"a.txt": "\n"})
    ents = find_entities(corpus)
    assert ents.empty and list(ents.columns) == ENTITY_COLUMNS


def test_tag_document_returns_spans_per_line():
    found = tag_document(["Talks in Paris", "Jacques Chirac spoke ."], headline=True)
    assert (0, 14, "PER") in found[1]
    assert any(t == "LOC" and (s, e) == (9, 14) for s, e, t in found[0])


CONLL = """-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
went VBD I-VP O
to TO I-PP O
Brussels NNP I-NP I-LOC
. . O O
"""


def test_conll_reading_and_deterministic_training(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "eng.train").write_text(CONLL * 3, encoding="utf-8")
    docs = read_conll(data / "eng.train")
    assert len(docs) == 3
    words, tags = docs[0][1]
    assert spans_of(tags) == [(0, 2, "PER"), (4, 5, "LOC")]
    empty = tmp_path / "none.tsv"
    empty.write_text("", encoding="utf-8")
    a = train(data, tmp_path / "a", iterations=5, clusters=empty).read_bytes()
    b = train(data, tmp_path / "b", iterations=5, clusters=empty).read_bytes()
    assert a == b


def test_mentioned_vs_quoted_counts_articles():
    ents = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "type": ["PER", "PER", "PER", "LOC"],
            "canonical": ["Barack Obama", "Barack Obama", "Barack Obama", "Berlin"],
            "text": ["Obama", "Barack Obama", "Obama", "Berlin"],
        }
    )
    sources = pd.DataFrame({"article_id": ["b"], "canonical": ["Barack Obama"], "kind": ["person"]})
    labels = pd.Series(["x", "x", "y"], index=pd.Index(["a", "b", "c"], name="article_id"))
    table = views.mentioned_vs_quoted(ents, sources, labels)
    row = table.iloc[0]
    assert (row["canonical"], row["n_mentioned"], row["n_both"]) == ("Barack Obama", 2, 1)


def test_numpy_viterbi_gives_crfsuite_tags():
    from newscorpus.entities.tagger import tag_tokens

    doc = [[t[0] for t in tokenize(line)] for line in ARTICLE.splitlines() if line.strip()]
    assert tag_tokens(doc, headline=True, engine="numpy") == tag_tokens(
        doc, headline=True, engine="crfsuite"
    )


def test_dateline_place_and_sign_off(make_corpus):
    corpus = make_corpus(
        {
            "r1.txt": "Bank raises rates\n\nLOS ANGELES, March 3 - First Interstate Bancorp "
            "said it raised its prime rate to 7.5 pct, the bank said in Los Angeles.\n\nReuter\n"
        }
    )
    ents = find_entities(corpus)
    text = corpus.articles["text"].iloc[0]
    first = ents[ents["start"] == text.index("LOS ANGELES")]
    assert list(first["type"].astype(str)) == ["LOC"]
    assert list(first["canonical"]) == ["Los Angeles"]
    assert "Reuter" not in set(ents["text"])


def test_a_first_name_or_a_titled_surname_takes_the_full_name():
    names = ["Hillary Clinton", "Hillary", "Mrs. Clinton", "Bill Clinton"]
    assert canonical_names(names, ["PER"] * 4) == [
        "Hillary Clinton", "Hillary Clinton", "Hillary Clinton", "Bill Clinton",
    ]  # fmt: skip


def test_people_over_time_carry_n_per_period_and_fade_small_periods():
    """Six articles in January, two in February (one undated left out): each point's n is its
    period's articles; February's bar (n=2 < SMALL_N) is faded and written on the chart."""
    import matplotlib.pyplot as plt

    from newscorpus import plots
    from newscorpus.entities import figures

    days = ["2020-01-03"] * 6 + ["2020-02-04", "2020-02-05", None]
    ids = [f"a{i}" for i in range(len(days))]
    articles = pd.DataFrame({"article_id": ids, "published": pd.to_datetime(days)})
    names = ["Ann Lee"] * 3 + ["Bo Chan"] * 3 + ["Ann Lee", "Bo Chan", "Ann Lee"]
    entities = pd.DataFrame({"article_id": ids, "type": "PER", "canonical": names, "text": names})
    labels = pd.Series("all", index=pd.Index(ids, name="article_id"))
    table = views.mentions_over_time(entities, articles, labels, "PER", "month", 2)
    per = table.drop_duplicates("period").set_index("period")["period_n"]
    assert per.to_dict() == {"2020-01": 6, "2020-02": 2}
    feb_ann = table[(table["canonical"] == "Ann Lee") & (table["period"] == "2020-02")]
    assert feb_ann[["n_articles", "period_n"]].iloc[0].tolist() == [1, 2]
    fig, data = figures.plot_mentions_over_time(table, "PER")
    assert data["period_n"].tolist() == table["period_n"].tolist()
    bars = list(fig.axes[1].containers[0])
    assert [b.get_height() for b in bars] == [6, 2]
    assert [b.get_alpha() for b in bars] == [None, plots.FADED_ALPHA]
    texts = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert {"6", "2", plots.SMALL_N_NOTE} <= texts
    plt.close(fig)


# --------------------------------------------------------------------------- types and names


def _resolved(make_corpus, files):
    from newscorpus.entities import resolve_entities

    corpus = make_corpus(files)
    return corpus, resolve_entities(find_entities(corpus))


def test_hillary_clinton_hillary_and_clinton_are_one_person(make_corpus):
    _, ents = _resolved(
        make_corpus,
        {
            "h.txt": "Campaign notes\n\nHillary Clinton spoke in Ohio on Monday. Many voters "
            "like Hillary, polls show. Later, Clinton told reporters she would win.\n"
        },
    )
    people = ents[ents["text"].isin(["Hillary Clinton", "Hillary", "Clinton"])]
    assert set(people["text"]) == {"Hillary Clinton", "Hillary", "Clinton"}
    assert set(people["canonical"]) == {"Hillary Clinton"}
    assert set(people["type"].astype(str)) == {"PER"}


def test_united_states_us_and_america_are_one_place(make_corpus):
    _, ents = _resolved(
        make_corpus,
        {
            "u.txt": "Trade talks\n\nThe talks between the United States and Japan resumed. "
            "Officials said the U.S. wanted lower tariffs. Exports from America rose.\n"
        },
    )
    us = ents[ents["text"].isin(["United States", "U.S.", "America"])]
    assert set(us["text"]) == {"United States", "U.S.", "America"}
    assert set(us["canonical"]) == {"United States"}
    assert set(us["type"].astype(str)) == {"LOC"}


def test_an_earnings_table_gives_no_entity_but_its_dateline_place(make_corpus):
    corpus = make_corpus(
        {
            "e.txt": "Acme Corp 4th qtr net\n\nNEW YORK, March 3 - Shr 34 cts vs 1.19 dlrs\n"
            "Net 807,000 vs 2,858,000\nRevs 291.8 mln vs 151.1 mln\nNine mths\n"
            "Oper shr profit 12 cts vs loss two cts\nOper net 8,037,000 vs 7,710,000\n"
        }
    )
    ents = find_entities(corpus)
    body = ents[ents["sentence_id"] >= 0]
    assert list(body["canonical"]) == ["New York"]
    assert list(body["type"].astype(str)) == ["LOC"]
    assert not {"Nine", "Oper", "Shr", "Net", "Revs"} & set(ents["text"])


def test_associated_press_and_ap_are_one_organisation(make_corpus):
    _, ents = _resolved(
        make_corpus,
        {
            "a.txt": "Media\n\nThe Associated Press (AP) reported the vote count on Tuesday. "
            "Editors at AP said the count was final.\n"
        },
    )
    ap = ents[ents["text"].str.contains("AP|Associated Press")]
    assert set(ap["text"]) == {"The Associated Press", "AP"}
    assert set(ap["canonical"]) == {"Associated Press"}
    assert set(ap["type"].astype(str)) == {"ORG"}


def test_article_types_drop_numbers_and_openers_and_fix_places_and_people():
    from newscorpus.entities.resolve import article_types

    names = ["Nine", "Period", "Hillary Clinton", "Hillary", "Capitol Hill", "God", "Bank"]
    types = ["PER", "PER", "PER", "LOC", "PER", "PER", "ORG"]
    initial = [True, True, False, False, False, False, True]
    keep, typed = article_types(names, types, initial, "The bank said on Capitol Hill ...")
    assert keep == [False, False, True, True, True, True, False]
    assert typed[2:6] == ["PER", "PER", "LOC", "MISC"]
    # a common-noun acronym ("a super PAC", "the CEO") is no organisation
    keep, _ = article_types(["PAC", "CEO", "NATO"], ["ORG"] * 3, [False] * 3, "a super PAC")
    assert keep == [False, False, True]


def _table(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"]).assign(
        type=lambda t: pd.Categorical(t["type"], categories=["PER", "ORG", "LOC", "MISC"])
    )


def test_corpus_types_by_majority_and_names_merged_across_articles():
    from newscorpus.entities import resolve_entities

    rows = [(f"a{i}", "Hillary Clinton", "PER", "Hillary Clinton") for i in range(6)]
    rows += [("b1", "Hillary", "LOC", "Hillary"), ("b2", "Hillary", "LOC", "Hillary")]
    rows += [(f"c{i}", "Cleveland", "LOC", "Cleveland") for i in range(3)]
    rows += [("c8", "Cleveland", "ORG", "Cleveland"), ("c9", "Cleveland", "ORG", "Cleveland")]
    rows += [("d1", "US", "ORG", "US"), ("d2", "Britain", "LOC", "Britain")]
    rows += [("d3", "U.K.", "LOC", "U.K."), ("d4", "Calif.", "LOC", "Calif.")]
    # "NBC" is never used beside the convention: no corpus-wide acronym merge
    rows += [(f"n{i}", "NBC", "ORG", "NBC") for i in range(4)]
    rows += [("n9", "National Baptist Convention", "ORG", "National Baptist Convention")]
    out = resolve_entities(_table(rows))
    canon = dict(zip(out["article_id"], out["canonical"], strict=True))
    typed = dict(zip(out["article_id"], out["type"].astype(str), strict=True))
    assert canon["b1"] == "Hillary Clinton" and typed["b1"] == "PER"
    assert typed["c8"] == "LOC"
    assert (canon["d1"], typed["d1"]) == ("United States", "LOC")
    assert canon["d2"] == canon["d3"] == "United Kingdom"
    assert canon["d4"] == "California"
    assert canon["n1"] == "NBC News"  # the outlet list's one name, not the convention
    assert list(out["text"]) == [r[1] for r in rows]  # the surface form is kept


def test_a_company_left_as_a_person_and_a_backed_acronym_are_organisations():
    from newscorpus.entities import resolve_entities

    rows = [(f"c{i}", "Chrysler Corp", "ORG", "Chrysler Corp") for i in range(3)]
    rows += [("d1", "Chrysler", "PER", "Chrysler"), ("d2", "Chrysler", "PER", "Chrysler")]
    # USDA named beside its expansion in 2 of its 3 articles: one organisation
    rows += [(f"u{i}", "USDA", "ORG", "USDA") for i in range(3)]
    rows += [(f"u{i}", "Agriculture Dept", "ORG", "U.S. Agriculture Department") for i in (0, 1)]
    out = resolve_entities(_table(rows))
    pairs = zip(out["canonical"], out["type"].astype(str), strict=True)
    got = dict(zip(out["article_id"], pairs, strict=True))
    assert got["d1"] == ("Chrysler Corp", "ORG")
    assert got["u2"] == ("U.S. Agriculture Department", "ORG")


def test_a_listed_outlets_acronym_keeps_its_name_beside_a_headlines_expansion():
    from newscorpus.entities import resolve_entities

    # one headline spells CNN out as a jibe, and names both together
    rows = [(f"n{i}", "CNN", "ORG", "CNN") for i in range(5)]
    rows += [("n0", "Collapsing News Network", "ORG", "Collapsing News Network")]
    rows += [("n0", "CNN", "ORG", "CNN")]
    out = resolve_entities(_table(rows))
    assert set(out.loc[out["text"] == "CNN", "canonical"]) == {"CNN"}
