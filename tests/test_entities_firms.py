"""Entities: company names by their form and lines in capitals (Reuters 1987 wire copy)."""

from __future__ import annotations

from newscorpus.entities import find_entities
from newscorpus.entities.spans import caps_spans, company_spans, is_caps_line

WIRE = (
    "BETHLEHEM STEEL <BS> 2ND QTR NET\n\n"
    "PITTSBURGH, March 3 - Bethlehem Steel Corp said its second quarter profit rose, and "
    "Standard and Poor's Corp upgraded its debt. <Gruppo Ferruzzi> said it would buy a stake "
    "in Dome Petroleum Ltd, advised by Smith Barney, Harris Upham and Co.\n\n"
    "Bethlehem said Mark IV Industries Inc was not involved.\n"
)


def _names(ents):
    return {(t, c) for t, c in zip(ents["text"], ents["type"].astype(str), strict=True)}


def test_company_names_are_one_organisation_with_their_head(make_corpus):
    ents = find_entities(make_corpus({"w.txt": WIRE}))
    names = _names(ents)
    for firm in (
        "Bethlehem Steel Corp",
        "Standard and Poor's Corp",
        "Gruppo Ferruzzi",
        "Dome Petroleum Ltd",
        "Smith Barney, Harris Upham and Co",
        "Mark IV Industries Inc",
    ):
        assert (firm, "ORG") in names, (firm, names)
    texts = set(ents["text"])
    assert not {"Poor", "Dome", "Smith Barney", "Gruppo Ferruzzi>", "BS"} & texts


def test_an_all_caps_headline_keeps_only_names_the_body_backs(make_corpus):
    ents = find_entities(make_corpus({"w.txt": WIRE}))
    title = ents[ents["sentence_id"] == -1]
    assert set(title["text"]) == {"BETHLEHEM STEEL"}
    assert set(title["type"].astype(str)) == {"ORG"}
    assert "ND" not in set(ents["text"])


def test_caps_lines_and_spans_on_built_lines():
    assert is_caps_line("2ND QTR NET")
    assert is_caps_line("U.S. TRADE DEFICIT WIDENS IN JANUARY")
    assert not is_caps_line("Bethlehem Steel Corp said")
    line = "JAPAN AND ACME WIN"
    japan = {"JAPAN": "LOC"}.get
    kept = caps_spans(line, [(0, 5, "ORG"), (10, 14, "PER")], {}, japan)
    assert kept == [(0, 5, "LOC")]
    assert caps_spans(line, [(10, 14, "PER")], {("acme", "corp"): "ORG"}, japan) == [
        (10, 14, "ORG")
    ]
    usda = "USDA CUTS CORN ESTIMATE"
    spans = [(0, 4, "ORG")]
    assert caps_spans(usda, spans, {}, japan, "The USDA said on Monday") == [(0, 4, "ORG")]
    assert caps_spans(usda, spans, {}, japan, "The department said") == []


def test_company_spans_on_one_line():
    line = "Clinton and Obama's plans; Champion Products <CH> rose; Standard and Poor's said"
    spans = [(0, 7, "PER"), (12, 17, "PER"), (27, 44, "ORG"), (46, 48, "ORG"), (69, 73, "PER")]
    out = company_spans(line, spans)
    texts = [(line[s:e], k) for s, e, k in out]
    assert ("Clinton", "PER") in texts and ("Obama", "PER") in texts  # two people stay apart
    assert ("CH", "ORG") not in texts  # a ticker is no name
    assert ("Standard and Poor's", "ORG") in texts


def test_a_firm_named_alone_in_another_article_is_the_firm_across_the_corpus(make_corpus):
    from newscorpus.entities import resolve_entities

    corpus = make_corpus(
        {
            "a.txt": "Brokers\n\nNEW YORK, March 3 - Smith Barney, Harris Upham and Co said it "
            "expected higher profits.\n",
            "b.txt": "Stocks\n\nNEW YORK, March 4 - Smith Barney recommended the shares, an "
            "analyst said.\n",
        }
    )
    ents = resolve_entities(find_entities(corpus))
    firm = ents[ents["text"].str.startswith("Smith Barney")]
    assert set(firm["article_id"]) == {"a", "b"}
    assert set(firm["canonical"]) == {"Smith Barney, Harris Upham and Co"}
    assert set(firm["type"].astype(str)) == {"ORG"}
