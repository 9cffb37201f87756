"""Kinds of names a newswire tagger gets wrong in political news (entities.kinds)."""

from __future__ import annotations

import pandas as pd

from newscorpus import groups
from newscorpus.entities import find_entities, kinds, resolve_entities
from newscorpus.entities.views import mentioned_by_group, self_mentions


def _table(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"]).assign(
        type=lambda t: pd.Categorical(t["type"], categories=["PER", "ORG", "LOC", "MISC"])
    )


def test_form_rules_fix_types():
    assert kinds.is_interjection("Oh") and kinds.is_interjection("Oh, no,")
    assert not kinds.is_interjection("Ohio")
    assert kinds.fixed_type("Obamacare") == "MISC"
    assert kinds.fixed_type("ObamaCare") == "MISC"
    assert kinds.fixed_type("Affordable Care Act") == "MISC"
    assert kinds.fixed_type("the Left") == "MISC"
    assert kinds.fixed_type("Wall Street") is None  # CoNLL keeps it a LOC in the table
    assert kinds.fixed_type("Wall Street", metonyms=True) == "ORG"
    assert kinds.fixed_type("Wall Street Journal", metonyms=True) is None
    assert kinds.fixed_type("Bill Clinton") is None


def test_outlet_names_merge_through_the_outlet_list():
    assert kinds.outlet_name("Huffington Post") == "HuffPost"
    assert kinds.outlet_name("The Huffington Post") == "HuffPost"
    assert kinds.outlet_name("Msnbc") == "MSNBC"
    assert kinds.outlet_name("AP") == "Associated Press"
    assert kinds.outlet_name("Hill") is None  # needs its "The"
    assert kinds.outlet_name("Ohio") is None


def test_the_hill_by_context():
    assert kinds.context_name("Hill", "rs on the ", " and", False, set()) == ("LOC", "Capitol Hill")
    assert kinds.context_name("Hill", "", " staffers say", False, set()) == ("LOC", "Capitol Hill")
    assert kinds.context_name("Hill", "he told The ", ",", False, set()) == ("ORG", "The Hill")
    assert kinds.context_name("Hill", "the ", ".", False, {"Hill"}) is None  # Anita Hill
    assert kinds.context_name("Times", "said the ", " report", False, set()) == ("ORG", "Times")


def test_built_article_interjection_outlets_and_policy(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Budget talks stall\n\n"
            "Senators returned to the Hill on Monday to debate Obamacare. "
            '"Oh, no," said Senator John Smith, who told The Hill that MSNBC was wrong. '
            "Hill staffers said the Times had the story first.\n"
        }
    )
    ents = resolve_entities(find_entities(corpus))
    assert not any(t.startswith("Oh") for t in ents["text"])
    texts = dict(
        zip(
            ents["start"],
            zip(ents["type"].astype(str), ents["canonical"], strict=True),
            strict=True,
        )
    )
    text = corpus.articles["text"].iloc[0]
    first_hill = text.index("Hill on Monday")
    assert texts[first_hill] == ("LOC", "Capitol Hill")
    assert texts[text.index("Hill that")] == ("ORG", "The Hill")
    assert texts[text.index("Hill staffers")] == ("LOC", "Capitol Hill")
    assert texts[text.index("MSNBC")][0] == "ORG"
    assert texts[text.index("Times had")] == ("ORG", "The New York Times")


def test_short_form_takes_the_outlet_the_article_names():
    rows = [("a1", "Washington Times", "ORG", "Washington Times"), ("a1", "Times", "ORG", "Times")]
    rows += [("a2", "Times", "ORG", "Times"), ("a2", "Obamacare", "LOC", "Obamacare")]
    rows += [(f"b{i}", "New York Times", "ORG", "New York Times") for i in range(3)]
    out = resolve_entities(_table(rows))
    canon = dict(
        zip(zip(out["article_id"], out["text"], strict=True), out["canonical"], strict=True)
    )
    assert out.loc[out["text"] == "Obamacare", "type"].astype(str).tolist() == ["MISC"]
    assert canon[("a1", "Times")] == "Washington Times"
    assert canon[("a2", "Times")] == "The New York Times"
    assert canon[("b0", "New York Times")] == "The New York Times"


def test_own_outlet_and_wire_credits_left_out_of_the_organisations_panel():
    ents = _table(
        [
            ("c1", "CNN", "ORG", "CNN"),
            ("c1", "Senate", "ORG", "Senate"),
            ("c1", "AP", "ORG", "Associated Press"),
            ("c2", "CNN", "ORG", "CNN"),
            ("h1", "Huffington Post", "ORG", "Huffington Post"),
            ("h1", "CNN", "ORG", "CNN"),
            ("w1", "Times", "ORG", "The New York Times"),
            ("w1", "CNN Electoral Map", "ORG", "CNN Electoral Map"),
        ]
    )
    articles = pd.DataFrame(
        {
            "article_id": ["c1", "c2", "h1", "w1"],
            "outlet": ["CNN", "CNN", "HuffPost", "Washington Times"],
        }
    )
    flags = self_mentions(ents, articles)
    assert flags.tolist() == [True, False, True, True, True, False, True, False]
    labels = groups.assign(articles.assign(published=pd.NaT), "outlet", True)
    table = mentioned_by_group(ents, labels, "ORG", articles=articles)
    cnn = table[table["group"].astype(str) == "CNN"]
    assert cnn["canonical"].tolist() == ["Senate"]
    huff = table[table["group"].astype(str) == "HuffPost"]
    assert huff["canonical"].tolist() == ["CNN"]
    # without the articles table nothing is left out
    assert "CNN" in set(mentioned_by_group(ents, labels, "ORG")["canonical"])


def test_a_folder_corpus_takes_its_group_label_as_the_outlet():
    ents = _table(
        [
            ("h1", "Huffington Post", "ORG", "HuffPost"),
            ("h1", "Senate", "ORG", "Senate"),
            ("w1", "Post", "ORG", "The Washington Post"),
            ("w1", "UPI", "ORG", "United Press International"),
            ("w1", "CNN", "ORG", "CNN"),
        ]
    )
    articles = pd.DataFrame({"article_id": ["h1", "w1"], "outlet": [None, None]})
    labels = pd.Series(["huff-post", "wash-post"], index=["h1", "w1"])
    assert self_mentions(ents, articles, labels).tolist() == [True, False, True, True, False]
    # no outlet and no label: only the wire credit is known
    assert self_mentions(ents, articles).tolist() == [False, False, False, True, False]


def test_an_outlets_name_tagged_as_a_person_in_its_own_article_is_left_out():
    ents = _table(
        [
            ("v1", "Vox", "PER", "Vox"),
            ("v1", "Ezra Klein", "PER", "Ezra Klein"),
            ("c1", "Vox", "PER", "Vox"),
        ]
    )
    articles = pd.DataFrame({"article_id": ["v1", "c1"], "outlet": ["Vox", "CNN"]})
    assert self_mentions(ents, articles).tolist() == [True, False, False]


def test_a_party_and_state_tag_is_no_entity():
    from newscorpus.entities.kinds import is_party_tag
    from newscorpus.entities.resolve import resolve_types_and_names

    assert is_party_tag("D-NY") and is_party_tag("R-Fla.") and is_party_tag("(I-Vt.)")
    assert not is_party_tag("New York") and not is_party_tag("DR-Congo")
    ents = _table([("a", "D-NY", "LOC", "D-NY"), ("a", "Chuck Schumer", "PER", "Chuck Schumer")])
    ents = ents.assign(sentence_id=0, start=[20, 0], end=[24, 13])
    assert resolve_types_and_names(ents)["text"].tolist() == ["Chuck Schumer"]
