"""Tests for newscorpus.sentiment: VADER scores identical to the reference analyzers (NLTK and
vaderSentiment 3.3.2), in_quote, tone, targets, figures."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from newscorpus import read_corpus
from newscorpus import sentiment as S
from newscorpus.eval.vader import read_ground_truth
from newscorpus.paths import PROJECT_ROOT
from newscorpus.sentiment import vader as vader_module

AWKWARD = [
    "",
    "   ",
    "The attack was NOT good, but the peace is very welcome!!",
    "It was kind of good and sort of bad, at least not the worst.",
    "Never so happy. Never this sad. not bad at all",
    "He is the least happy man; at least he is alive; very least good",
    "The bomb was the bomb and yeah right, what a kiss of death.",
    "GREAT GREAT great!!!! are you sure???? ?? ?!?",
    "“Look at where they’re hiding. It’s deserts,” an officer said.",
    "don't, didn't... isn't! 'good' \"bad\" -great- good... ...bad :) :-(",
    "VERY GOOD but SOMEWHAT bad; EXTREMELY bad but barely good",
    "good good good bad bad good but but but",
    "security forces killed dozens of militants in an ambush",
    "Ce n'est pas bon — pas de problème ! résumé café naïve",
    # rules where vaderSentiment 3.3.2 and NLTK differ
    "The evacuation went ahead with no problems, officials said.",
    "There was no fighting or deaths, and NO damage; no. No, no good.",
    "A total disaster, an utter failure, a slight problem, a major win.",
    "Without a doubt a great result; without doubt good; never so good.",
    "The agony ended, but battlefields remain.",
    "Hope, hope and more hope: the town's hope is a beating heart, to die for.",
    "Sure 😁 great🔛 news 💘love",
    "a I x ok, ok. no. it's OK!",
]


def _reference_sentiments(sia, text):
    """The reference analyzer's internal per-word `sentiments` list, captured from score_valence."""
    captured = {}
    original = sia.score_valence

    def capture(sentiments, t):
        captured["s"] = list(sentiments)
        return original(sentiments, t)

    sia.score_valence = capture
    try:
        scores = sia.polarity_scores(text)
    finally:
        sia.score_valence = original
    return captured.get("s", []), scores


@pytest.fixture(scope="module", params=S.RULES)
def rules(request):
    return request.param


@pytest.fixture(scope="module")
def reference(rules):
    """NLTK's or vaderSentiment 3.3.2's SentimentIntensityAnalyzer, for the rule set."""
    return S.analyzer(rules=rules)


@pytest.fixture(scope="module")
def table(seeds):
    return S.score_sentences(seeds)


def _assert_same_scores(texts, rules, reference, lexicon=None):
    ours = S.score_texts(texts, rules=rules, lexicon=lexicon, workers=1)
    for text, row in zip(texts, ours.itertuples(index=False), strict=True):
        expected = reference.polarity_scores(text)
        assert (row.neg, row.neu, row.pos, row.compound) == (
            expected["neg"],
            expected["neu"],
            expected["pos"],
            expected["compound"],
        ), (rules, text)


def test_reference_analyzers_are_nltk_and_vadersentiment(rules, reference):
    module = type(reference).__module__
    assert (
        module
        == {"nltk": "nltk.sentiment.vader", "vader-3.3": "vaderSentiment.vaderSentiment"}[rules]
    )


def test_scores_identical_to_the_reference_on_every_seed_sentence(seeds, rules, reference):
    texts = seeds.sentences["text"].tolist() + seeds.paragraphs["text"].tolist()
    assert len(texts) > 200
    _assert_same_scores(texts, rules, reference)


def test_scores_identical_to_the_reference_on_the_vader_gold_sets(rules, reference):
    folder = PROJECT_ROOT.parent / "shared" / "gold" / "vader"
    files = sorted(folder.glob("*_GroundTruth.txt"))
    if not files:
        pytest.skip(f"no VADER gold in {folder} (it lives outside the repository)")
    texts = [t for f in files for t in read_ground_truth(f)["text"]]
    assert len(texts) > 18_000
    _assert_same_scores(texts, rules, reference)


@pytest.mark.parametrize("text", AWKWARD)
def test_scores_and_word_valences_identical_to_the_reference_on_awkward_text(
    rules, reference, text
):
    sentiments, expected = _reference_sentiments(reference, text)
    assert S.vader_scores(text, rules=rules) == expected
    explained = S.explain(text, rules=rules)
    assert explained["valence"].tolist() == [float(v) for v in sentiments]
    assert S.compound_from(explained["valence"], text, rules=rules) == expected["compound"]


def test_conflict_lexicon_scores_identical_to_the_reference_with_the_same_lexicon(seeds, rules):
    reference = S.analyzer("conflict", rules=rules)
    assert "militants" in reference.lexicon and "security" not in reference.lexicon
    _assert_same_scores(seeds.sentences["text"].tolist(), rules, reference, lexicon="conflict")


def test_no_before_a_lexicon_word_negates_it_only_under_vader_3_3():
    text = "The evacuation went ahead with no problems, officials said."
    assert S.vader_scores(text, rules="nltk")["compound"] == -0.5994
    assert S.vader_scores(text, rules="vader-3.3")["compound"] == 0.3089
    frame = S.explain(text, rules="vader-3.3").set_index("word")
    assert frame.loc["no", "valence"] == 0
    assert frame.loc["problems", "valence"] == pytest.approx(-1.7 * -0.74)
    assert "negated by 'no'" in frame.loc["problems", "rules"]
    # two words on, and three with "or" just before the word; not three words on otherwise
    for text, word, negated in [
        ("There were no new problems.", "problems", True),
        ("There was no fighting or problems.", "problems", True),
        ("There was no sign of fighting.", "fighting", False),
    ]:
        frame = S.explain(text, rules="vader-3.3").set_index("word")
        lexicon_valence = frame.loc[word, "lexicon_valence"]
        expected = lexicon_valence * -0.74 if negated else lexicon_valence
        assert frame.loc[word, "valence"] == pytest.approx(expected), text


def test_vader_3_3_words_idioms_and_boosters():
    # tokens keep their punctuation when stripping would leave 2 characters or fewer
    assert S.vader_words("no. Yes, ok! a I", rules="vader-3.3") == ["no.", "Yes", "ok!", "a", "I"]
    assert S.vader_words("no. Yes, ok! a I", rules="nltk") == ["no", "Yes", "ok"]
    # emoji become their descriptions
    assert S.vader_words("great 😁", rules="vader-3.3")[1:] == [
        "beaming",
        "face",
        "with",
        "smiling",
        "eyes",
    ]
    # 'utter' and 'slight' are boosters and dampeners only in 3.3
    utter = S.explain("An utter failure.", rules="vader-3.3").set_index("word")
    assert utter.loc["failure", "valence"] == pytest.approx(-2.3 - 0.293)
    assert S.explain("An utter failure.", rules="nltk").set_index("word").loc[
        "failure", "valence"
    ] == pytest.approx(-2.3)


def test_vader_3_3_but_rule_keeps_vadersentiments_list_index_lookup():
    # "agony" (-1.8) halves to -0.9 before "but"; "battlefields" (-0.9) after it then finds
    # that slot first, so vaderSentiment halves "agony" again and leaves "battlefields" as is
    frame = S.explain("The agony ended, but battlefields remain.", rules="vader-3.3")
    valence = dict(zip(frame["word"], frame["valence"], strict=True))
    assert valence["agony"] == pytest.approx(-0.45)
    assert valence["battlefields"] == pytest.approx(-0.9)
    nltk = S.explain("The agony ended, but battlefields remain.", rules="nltk")
    valence = dict(zip(nltk["word"], nltk["valence"], strict=True))
    assert valence["agony"] == pytest.approx(-0.9)
    assert valence["battlefields"] == pytest.approx(-1.35)


def test_default_rules_and_unknown_rules():
    assert S.DEFAULT_RULES == "vader-3.3"
    text = "The evacuation went ahead with no problems, officials said."
    assert S.vader_scores(text) == S.vader_scores(text, rules="vader-3.3")
    with pytest.raises(ValueError, match=r"rules='vader'.*'nltk', 'vader-3.3'"):
        S.score_texts([text], rules="vader")
    with pytest.raises(ValueError, match="rules="):
        S.explain(text, rules="NLTK")


def test_explain_names_the_rules_that_changed_each_word():
    frame = S.explain("The attack was NOT good, but the peace is very welcome!!")
    rules = dict(zip(frame["word"], frame["rules"], strict=True))
    valence = dict(zip(frame["word"], frame["valence"], strict=True))
    assert "negated by 'NOT'" in rules["good"] and "before 'but'" in rules["good"]
    assert valence["good"] == pytest.approx(1.9 * -0.74 * 0.5)
    assert "booster 'very'" in rules["welcome"] and "after 'but'" in rules["welcome"]
    assert valence["attack"] == pytest.approx(-2.1 * 0.5)
    assert rules["The"] == "" and valence["The"] == 0


def test_sentiment_table_has_one_row_per_body_sentence(seeds, table):
    assert len(table) == len(seeds.sentences) == seeds.articles["n_sentences"].sum()
    assert list(table.columns[:8]) == [
        "article_id",
        "sentence_id",
        "paragraph_id",
        "neg",
        "neu",
        "pos",
        "compound",
        "in_quote",
    ]
    assert table["compound"].between(-1, 1).all()
    assert (table[["neg", "neu", "pos"]].sum(axis=1).round(2).between(0.99, 1.01)).all()


def test_in_quote_follows_a_quotation_across_sentences_in_seeds(seeds, table):
    merged = seeds.sentences.merge(table)
    first = merged[merged["article_id"] == "000_ebaf1eec68825aed"].set_index("sentence_id")
    assert first.loc[3, "text"] == "It’s deserts." and first.loc[3, "in_quote"]
    assert first.loc[7, "text"] == "Too many." and first.loc[7, "in_quote"]
    assert not first.loc[0, "in_quote"]  # "Hundreds of Islamic State fighters ..."
    assert not first.loc[9, "in_quote"]


AWKWARD_QUOTES = (
    "Title\n"
    '"We will win. They will lose," the general said. The reporter left.\n'
    "The group called it a “caliphate” in its statement.\n"
    "“This is the first paragraph of a long quote. It goes on.\n"
    "“And it continues here,” he said. Nothing more was said.\n"
    "A closing mark without an opening one. Here it ends.” Then narrative.\n"
)


def test_in_quote_by_marks_on_awkward_paragraphs(make_corpus):
    corpus = make_corpus({"a.txt": AWKWARD_QUOTES})
    table = corpus.sentences.merge(S.score_sentences(corpus))
    flags = dict(zip(table["text"], table["in_quote"], strict=True))
    assert flags['"We will win.']
    assert flags['They will lose," the general said.']
    assert not flags["The reporter left."]
    assert not flags["The group called it a “caliphate” in its statement."]  # scare quote
    assert flags["It goes on."]  # quote left open at the paragraph's end
    assert not flags["Nothing more was said."]
    assert flags["A closing mark without an opening one."]
    assert not flags["Then narrative."]


def test_in_quote_from_a_quotes_table_uses_direct_quotes_only(make_corpus):
    corpus = make_corpus({"a.txt": "Title\nFirst sentence here. Second one here. Third here.\n"})
    sentences = corpus.sentences
    second = sentences.iloc[1]
    third = sentences.iloc[2]
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "start": [second["start"] + 2, third["start"]],
            "end": [second["start"] + 8, third["end"]],
            "kind": ["direct", "partial"],
        }
    )
    table = S.score_sentences(corpus, quotes=quotes)
    assert table["in_quote"].tolist() == [False, True, False]
    with pytest.raises(ValueError, match="quotes is missing columns"):
        S.score_sentences(corpus, quotes=pd.DataFrame({"article_id": ["a"]}))


def test_user_lexicon_adds_overrides_and_removes(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# my words\nmilitants\t-2.0\t0.5\t[-2, -2]\nsecurity\t0\nPEACE\t1.0\n")
    assert S.load_lexicon(path) == {"militants": -2.0, "security": 0.0, "peace": 1.0}
    lex = S.lexicon_dict(path)
    assert lex["militants"] == -2.0 and lex["peace"] == 1.0 and "security" not in lex
    assert S.lexicon_dict()["security"] == 1.4  # the default lexicon is not changed
    assert S.vader_scores("security forces")["compound"] == 0.34
    assert S.score_texts(["security forces"], lexicon=path)["compound"].tolist() == [0.0]


def test_bad_lexicon_file_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("good\t1.0\nbroken line without tab\n")
    with pytest.raises(ValueError, match=r"bad.txt.* line 2"):
        S.load_lexicon(path)
    path.write_text("huge\t9\n")
    with pytest.raises(ValueError, match="-4 to 4"):
        S.load_lexicon(path)
    with pytest.raises(ValueError, match="does not exist"):
        S.lexicon_dict(tmp_path / "missing.txt")


def test_conflict_supplement_covers_the_terms_vader_lacks():
    conflict = S.load_lexicon(S.CONFLICT_LEXICON)
    for word in ["militant", "insurgent", "guerrilla", "caliphate", "ambush", "bombing"]:
        assert word not in S.lexicon_dict()
        assert conflict[word] < 0
    assert conflict["security"] == 0
    assert S.vader_scores("Militants staged an ambush.")["compound"] == 0
    lex = S.lexicon_dict("conflict")
    assert S.vader_scores("Militants staged an ambush.", lex)["compound"] < -0.5


def test_article_tone_aggregates_sentences():
    sentiment = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a", "b"],
            "sentence_id": [0, 1, 2, 3, 0],
            "compound": [0.5, -0.5, 0.04, -0.9, 0.0],
            "n_words": [10, 10, 10, 10, 0],
            "n_positive": [2, 0, 0, 0, 0],
            "n_negative": [0, 1, 0, 3, 0],
        }
    )
    tone = S.article_tone(sentiment).set_index("article_id")
    a = tone.loc["a"]
    assert a["n_sentences"] == 4
    assert a["mean_compound"] == pytest.approx(-0.215)
    assert a["median_compound"] == pytest.approx(-0.23)
    assert (a["share_positive"], a["share_neutral"], a["share_negative"]) == (0.25, 0.25, 0.5)
    assert a["tone"] == pytest.approx(100 * (2 - 4) / 40)
    assert a["polarity"] == pytest.approx(100 * 6 / 40)
    assert math.isnan(tone.loc["b", "tone"])  # no words: tone unknown, not zero
    assert S.article_tone(sentiment, threshold=0.6).loc[0, "share_neutral"] == 0.75
    with pytest.raises(ValueError, match="threshold=2"):
        S.article_tone(sentiment, threshold=2)


def test_article_tone_on_seeds(table):
    tone = S.article_tone(table).set_index("article_id")
    assert len(tone) == 5
    assert tone.loc["001_5ca9430a057571b9", "mean_compound"] < -0.3  # the bombing report
    shares = tone[["share_positive", "share_neutral", "share_negative"]].sum(axis=1)
    assert shares.round(6).eq(1).all()


def test_sentiment_arc_positions_and_smoothing():
    sentiment = pd.DataFrame(
        {"article_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "compound": [1.0, 0.0, -1.0, 0.0]}
    )
    arc = S.sentiment_arc(sentiment, window=3)
    assert arc["position"].tolist() == [0.125, 0.375, 0.625, 0.875]
    assert arc["smoothed"].tolist() == [0.5, 0.0, -0.3333, -0.5]
    with pytest.raises(ValueError, match="window=0"):
        S.sentiment_arc(sentiment, window=0)


def test_sentiment_arc_does_not_smooth_across_articles():
    sentiment = pd.DataFrame(
        {
            "article_id": ["b", "b", "a", "a"],
            "sentence_id": [1, 0, 0, 1],
            "compound": [-1.0, -1.0, 1.0, 1.0],
        }
    )
    arc = S.sentiment_arc(sentiment, window=3)
    assert arc["article_id"].tolist() == ["a", "a", "b", "b"]
    assert arc["smoothed"].tolist() == [1.0, 1.0, -1.0, -1.0]
    assert arc["position"].tolist() == [0.25, 0.75, 0.25, 0.75]


def test_target_aliases_match_words_not_substrings(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title\nIS fighters attacked. This is not a target.\n"
            "The U.S.-led coalition and Islamic  State clashed. ISIS lost. Isis lost again.\n"
            "Kurds and civilians fled; the SDF stayed.\n"
        }
    )
    mentions = S.target_mentions(corpus)
    found = set(zip(mentions["alias"], mentions["target"], strict=True))
    assert ("IS", "ISIS / Islamic State") in found
    assert ("Isis", "ISIS / Islamic State") in found
    assert ("Islamic  State", "ISIS / Islamic State") in found
    assert ("U.S.-led", "United States and coalition") in found
    assert "is" not in set(mentions["alias"])
    assert ("SDF", "SDF and Kurdish forces") in found
    per = mentions.groupby("target")["sentence_id"].nunique()
    assert per["ISIS / Islamic State"] == 4
    assert per["Civilians and locals"] == 1
    with pytest.raises(ValueError, match="targets"):
        S.target_mentions(corpus, {"x": "not a list"})


def test_target_tone_counts_sentences_once(make_corpus):
    corpus = make_corpus({"a.txt": "Title\nISIS and the Islamic State killed people. ISIS won.\n"})
    sentiment = S.score_sentences(corpus)
    tone = S.target_tone(sentiment, S.target_mentions(corpus, {"ISIS": ["ISIS", "Islamic State"]}))
    assert tone.to_dict("records") == [
        {
            "target": "ISIS",
            "article_id": "a",
            "n_sentences": 2,
            "mean_compound": round((S.vader_scores("ISIS won.")["compound"] - 0.6705) / 2, 4),
        }
    ]


def test_top_drivers_on_seeds(seeds):
    contributions = S.word_contributions(seeds)
    drivers = S.top_drivers(contributions, top_n=3)
    bombing = drivers[drivers["article_id"] == "001_5ca9430a057571b9"]
    assert bombing["word"].tolist()[0] == "attacks"
    assert drivers.groupby("article_id").size().eq(3).all()
    # each sentence's contributions sum to VADER's raw sum
    sentence = seeds.sentences.iloc[2]
    part = contributions[
        (contributions["article_id"] == sentence["article_id"])
        & (contributions["sentence_id"] == sentence["sentence_id"])
    ]
    expected = S.vader_scores(sentence["text"])["compound"]
    assert S.compound_from(part["valence"], sentence["text"]) == expected


def test_extremes_show_text_and_explanation(seeds, table):
    top = S.extremes(table, seeds, n=2)
    assert top["which"].tolist() == ["most negative"] * 2 + ["most positive"] * 2
    worst = top.iloc[0]
    assert worst["article_id"] == "001_5ca9430a057571b9" and worst["compound"] == -0.9595
    assert worst["text"].startswith("The attacks, which include suicide bombings")
    assert "suicide -3.50" in worst["explanation"]


def test_parallel_scoring_equals_single_process(seeds, monkeypatch):
    texts = seeds.sentences["text"].tolist()
    monkeypatch.setattr(vader_module, "PARALLEL_MIN", 10)
    parallel = S.score_texts(texts, workers=2)
    single = S.score_texts(texts, workers=1)
    pd.testing.assert_frame_equal(parallel, single)


def test_compare_lexicons_side_by_side(seeds):
    compared = S.compare_lexicons(seeds)
    assert len(compared) == 5
    assert (compared["mean_compound_with_lexicon"] < compared["mean_compound_vader"]).all()
    changed = S.changed_sentences(seeds, n=3)
    assert len(changed) == 3 and (changed["change"] != 0).all()


def test_plots_return_figure_and_the_data_behind_it(seeds, table):
    arc = S.sentiment_arc(table)
    tone = S.target_tone(table, S.target_mentions(seeds))
    cases = [
        (S.plot_distribution(table, seeds), {"article_id", "compound"}, len(table)),
        (S.plot_arcs(arc, seeds), {"position", "smoothed"}, len(table)),
        (S.plot_voices(S.voice_tone(table), seeds), {"voice", "n_sentences"}, 12),
        (S.plot_targets(tone, seeds), {"target", "n_sentences", "mean_compound"}, len(tone)),
        (S.plot_drivers(S.word_contributions(seeds), top_n=10), {"word", "total_valence"}, 10),
    ]
    for (fig, data), columns, rows in cases:
        assert isinstance(fig, plt.Figure)
        assert columns <= set(data.columns)
        assert len(data) == rows
        assert fig.axes[0].get_title()
        plt.close(fig)


def test_a_corpus_without_body_sentences_gives_empty_tables(make_corpus):
    corpus = make_corpus({"a.txt": "Only a title\n"})
    table = S.score_sentences(corpus)
    assert len(table) == 0 and list(table.columns) == S.SENTIMENT_COLUMNS
    assert S.article_tone(table).empty
    assert S.extremes(table, corpus).empty
    fig, data = S.plot_drivers(S.word_contributions(corpus))
    assert data.empty
    plt.close(fig)


MIXED_QUOTES = {
    "a.txt": "Title A\n“We will win this terrible war,” the general said. The town was quiet.\n",
    "b.txt": "Title B\nThe attack killed ten people. Nobody was happy about the awful news.\n",
    "c.txt": "Title C\n“This is a wonderful day for everyone here.”\n",
}


def _annotations(ax) -> list[str]:
    return [child.get_text() for child in ax.texts]


def test_voices_figure_with_articles_without_quotes_or_without_narrative(make_corpus):
    corpus = make_corpus(MIXED_QUOTES)
    voices = S.voice_tone(S.score_sentences(corpus))
    assert set(zip(voices["article_id"], voices["voice"], strict=True)) >= {
        ("a", "quote"),
        ("b", "narrative"),
        ("c", "quote"),
    }
    assert ("b", "quote") not in set(zip(voices["article_id"], voices["voice"], strict=True))
    fig, data = S.plot_voices(voices, corpus)
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[-1] == "All articles" and len(rows) == 4
    # one bar per (article, voice) present, none for the pairs that are absent
    assert len(ax.patches) == len(data) == len(voices)
    labels = _annotations(ax)
    assert len(labels) == 2 * len(rows)  # every pair labelled, n=0 where absent
    assert labels.count("n=0") == 2  # b has no quote, c no narrative
    plt.close(fig)


def test_every_figure_copes_with_empty_tables_and_empty_groups(make_corpus, tmp_path):
    corpus = make_corpus(MIXED_QUOTES)
    table = S.score_sentences(corpus)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "only.txt").write_text("Only a title\n", encoding="utf-8")
    empty_corpus = read_corpus(tmp_path / "empty")
    empty = S.score_sentences(empty_corpus)
    assert empty.empty
    for source, data_corpus in ((table, corpus), (empty, empty_corpus)):
        figures = [
            S.plot_distribution(source, data_corpus),
            S.plot_arcs(S.sentiment_arc(source), data_corpus),
            S.plot_voices(S.voice_tone(source), data_corpus),
            S.plot_targets(S.target_tone(source, S.target_mentions(data_corpus)), data_corpus),
            S.plot_drivers(S.word_contributions(data_corpus)),
        ]
        for fig, data in figures:
            assert fig.axes[0].get_title()
            if source.empty:
                assert data.empty
                assert any(t.startswith("no ") for t in _annotations(fig.axes[0]))
            fig.canvas.draw()  # drawing must not fail either
            plt.close(fig)


def test_no_process_pool_inside_a_worker_process(monkeypatch):
    # the analysis pass runs partitions in worker processes: score_texts must not nest a pool
    texts = [f"A good day number {i}." for i in range(50)]
    monkeypatch.setattr(vader_module, "PARALLEL_MIN", 10)
    monkeypatch.setattr(vader_module.multiprocessing, "parent_process", lambda: object())

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started inside a worker")

    monkeypatch.setattr(vader_module, "ProcessPoolExecutor", no_pool)
    scores = S.score_texts(texts)
    assert len(scores) == 50 and (scores["compound"] > 0).all()


# --------------------------------------------------------------------------- group comparisons


def _scores(rows):
    """A small sentiment table: (article_id, sentence_id, compound, in_quote) rows."""
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "compound", "in_quote"])


SCORES = _scores(
    [
        ("a1", 0, -0.5, False),
        ("a1", 1, -0.3, True),
        ("a2", 0, 0.2, False),
        ("a2", 1, 0.0, False),
        ("a3", 0, 0.6, False),
        ("b1", 0, -0.9, False),
    ]
)
LABELS = pd.Series(
    ["A", "A", "A", "B", "C"],
    index=pd.Index(["a1", "a2", "a3", "b1", "c1"], name="article_id"),
    dtype=pd.CategoricalDtype(["A", "B", "C"], ordered=True),
)


def test_t_critical_values():
    assert S.t_critical(1) == 12.706 and S.t_critical(30) == 2.042
    assert S.t_critical(120) == pytest.approx(1.980, abs=1e-3)
    assert math.isnan(S.t_critical(0))


def test_group_tone_means_over_articles_with_a_t_interval():
    tone = S.group_tone(SCORES, LABELS).set_index("group")
    assert list(tone.index) == ["A", "B"]  # C has no sentences
    a = tone.loc["A"]
    means = [-0.4, 0.1, 0.6]  # article means, the unit of the interval
    assert (a["n_articles"], a["n_sentences"]) == (3, 5)
    assert a["mean_compound"] == pytest.approx(0.1)
    half = pd.Series(means).std() / math.sqrt(3) * 4.303
    assert a["ci_low"] == pytest.approx(0.1 - half, abs=1e-4)
    assert a["ci_high"] == pytest.approx(0.1 + half, abs=1e-4)
    assert (a["share_negative"], a["share_neutral"], a["share_positive"]) == (0.4, 0.2, 0.4)
    b = tone.loc["B"]
    assert b["mean_compound"] == -0.9 and math.isnan(b["ci_low"])  # one article: no interval
    folded = S.group_tone(SCORES, LABELS, top_n=1)
    assert folded["group"].tolist() == ["A", "other (2 groups)"]


def test_tone_over_time_per_period_and_group():
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "b1", "c1"],
            "published": pd.to_datetime(
                ["2020-01-05", "2020-01-20", "2020-02-01", "2020-01-09", None]
            ),
        }
    )
    table = S.tone_over_time(SCORES, articles, LABELS, "month")
    rows = {
        (r.period, r.group): (r.n_articles, r.mean_compound)
        for r in table.itertuples()
        if r.n_articles
    }
    assert len(table) == 2 * 3  # both months for A, B and the whole corpus; B has none in Feb.
    assert rows == {
        ("2020-01", "A"): (2, -0.15),
        ("2020-01", "B"): (1, -0.9),
        ("2020-02", "A"): (1, 0.6),
        ("2020-01", "whole corpus"): (3, -0.4),
        ("2020-02", "whole corpus"): (1, 0.6),
    }
    assert table["period"].tolist() == sorted(table["period"])
    with pytest.raises(ValueError, match="period='fortnight'"):
        S.tone_over_time(SCORES, articles, LABELS, "fortnight")
    undated = S.tone_over_time(SCORES, articles.assign(published=pd.NaT), LABELS, "month")
    assert undated.empty


def test_group_voices_without_quotes_in_a_group():
    voices = S.group_voices(SCORES, LABELS)
    pairs = list(zip(voices["group"], voices["voice"], strict=True))
    assert pairs == [
        ("A", "narrative"),
        ("A", "quote"),
        ("B", "narrative"),
        ("whole corpus", "narrative"),
        ("whole corpus", "quote"),
    ]
    quote = voices[(voices["group"] == "A") & (voices["voice"] == "quote")].iloc[0]
    assert (quote["n_sentences"], quote["mean_compound"]) == (1, -0.3)
    fig, _ = S.plot_group_voices(voices)
    assert _annotations(fig.axes[0]).count("n=0") == 1  # B has no quote
    # the label gives the articles the fading uses beside the sentences: A's one quote
    assert "n=1 (1 art.)" in _annotations(fig.axes[0])
    plt.close(fig)


def test_group_targets_and_default_targets(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title\nJane Miller praised the plan. Miller was happy.\n",
            "b.txt": "Title\nThe attack on Jane Miller was awful. Tom Ray said nothing.\n",
        }
    )
    sources = pd.DataFrame(
        {
            "article_id": ["a", "b", "b"],
            "name": ["Jane Miller", "Jane Miller", "Tom Ray"],
            "kind": ["person", "person", "person"],
            "n_mentions": [2, 1, 2],
        }
    )
    targets = S.default_targets(sources)
    assert targets == {"Jane Miller": ["Jane Miller", "Miller"], "Tom Ray": ["Tom Ray"]}
    scores = S.score_sentences(corpus)
    labels = pd.Series(["X", "Y"], index=pd.Index(["a", "b"], name="article_id"))
    table = S.group_targets(scores, S.target_mentions(corpus.sentences, targets), labels)
    cells = {(r.target, r.group): r.n_sentences for r in table.itertuples()}
    assert cells == {("Jane Miller", "X"): 2, ("Jane Miller", "Y"): 1, ("Tom Ray", "Y"): 1}
    assert table.loc[table["group"] == "Y", "mean_compound"].iloc[0] < 0


def test_driver_words_sum_valences_and_sample_evenly(seeds):
    full = S.driver_words(seeds.sentences, top_n=3)
    assert full["word"].tolist()[0] == "attacks" and full["sampled"].eq(1.0).all()
    contributions = S.word_contributions(seeds)
    attacks = contributions.loc[contributions["norm"] == "attacks", "valence"].sum()
    assert full.loc[0, "total_valence"] == pytest.approx(attacks, abs=1e-4)
    sampled = S.driver_words(seeds.sentences, top_n=3, max_sentences=50)
    assert sampled["sampled"].iloc[0] == round(len(seeds.sentences[::4]) / len(seeds.sentences), 4)


def test_choose_articles_by_rule_or_by_id(seeds):
    labels = pd.Series(
        ["x", "x", "y", "y", "z"], index=pd.Index(seeds.articles["article_id"], name="article_id")
    )
    chosen = S.choose_articles(seeds.articles, labels, [], 2)
    sizes = seeds.articles.set_index("article_id")["n_sentences"]
    ids = sizes.index.tolist()
    # two articles a group: both are equally close to the median, so the longer one is typical
    longest_x = max(ids[:2], key=lambda a: sizes[a])
    longest_y = max(ids[2:4], key=lambda a: sizes[a])
    assert chosen == [longest_x, longest_y]
    articles = pd.DataFrame({"article_id": ["p", "q", "r", "s"], "n_sentences": [3, 10, 11, 400]})
    one = pd.Series(["g"] * 4, index=pd.Index(["p", "q", "r", "s"], name="article_id"))
    assert S.choose_articles(articles, one, [], 2) == ["r", "q"]  # median 11: no live blog
    briefs = pd.DataFrame({"article_id": ["b1", "b2", "b3", "long"], "n_sentences": [5, 5, 6, 14]})
    four = pd.Series(["g"] * 4, index=pd.Index(briefs["article_id"], name="article_id"))
    assert S.choose_articles(briefs, four, [], 1) == ["long"]  # a 5-line brief has no arc
    picked = ids[::-1][:3]
    assert S.choose_articles(seeds.articles, labels, picked, 2) == picked  # ids as given
    with pytest.raises(ValueError, match="not article ids"):
        S.choose_articles(seeds.articles, labels, ["nope"], 2)


def test_table_options_only_name_what_differs_from_the_cached_table():
    assert S.table_options("", "vader-3.3") == {}
    assert S.table_options("conflict", "nltk") == {"lexicon": "conflict", "rules": "nltk"}
    with pytest.raises(ValueError, match="rules="):
        S.table_options("", "vader")


def test_group_figures_are_bounded_and_cope_with_empty_tables():
    many = pd.Series(
        [f"g{k:03d}" for k in range(400)],
        index=pd.Index([f"a{k}" for k in range(400)], name="article_id"),
    )
    scores = _scores([(f"a{k}", 0, (k % 7 - 3) / 4, k % 3 == 0) for k in range(400)])
    tables = [
        S.plot_group_tone(S.group_tone(scores, many, top_n=8)),
        S.plot_shares(S.group_tone(scores, many, top_n=8)),
        S.plot_group_voices(S.group_voices(scores, many, top_n=8)),
        S.plot_group_tone(S.group_tone(scores.iloc[:0], many)),
        S.plot_shares(S.group_tone(scores.iloc[:0], many)),
        S.plot_tone_over_time(
            S.tone_over_time(scores.iloc[:0], pd.DataFrame({"article_id": []}), many)
        ),
        S.plot_group_targets(
            S.group_targets(
                scores, pd.DataFrame(columns=["article_id", "sentence_id", "target"]), many
            )
        ),
        S.plot_driver_words(S.driver_words(pd.DataFrame({"article_id": [], "text": []}))),
        S.plot_article_arcs(S.sentiment_arc(scores.iloc[:0])),
    ]
    for fig, data in tables:
        width, height = fig.get_size_inches() * 150
        assert width <= 3000 and height <= 3000
        assert len(data) <= 2 * 10  # 8 groups + other (+ whole corpus), two voices at most
        fig.canvas.draw()
        plt.close(fig)


def test_target_prefilter_finds_exactly_what_the_full_search_finds(make_corpus, monkeypatch):
    corpus = make_corpus(
        {
            "a.txt": "Title\nThe U.S.-led coalition and the US army met. This is us.\n"
            "Trump's aides met al-Qaeda's envoy; TRUMP said so. The Islamic\u00a0 State lost.\n"
            "ISIS, Isis and isis. Café owners left. GOP leaders and gop voters.\n"
        }
    )
    targets = {
        **S.DEFAULT_TARGETS,
        "Trump": ["Trump", "Donald Trump"],
        "al-Qaeda": ["al-Qaeda"],
        "cafés": ["Café"],
        "GOP": ["GOP"],
    }
    fast = S.target_mentions(corpus.sentences, targets)
    monkeypatch.setattr(S.tone, "_candidates", lambda *args: None)
    slow = S.target_mentions(corpus.sentences, targets)
    pd.testing.assert_frame_equal(fast, slow)
    assert {"TRUMP", "Trump", "al-Qaeda", "Café", "GOP", "US"} <= set(fast["alias"])
    assert "gop" not in set(fast["alias"]) and "us" not in set(fast["alias"])


# --------------------------------------------------------------------------- what each view shows


def test_group_defaults_draw_as_many_groups_as_the_notebooks():
    from newscorpus import groups

    ten = pd.Series(
        [f"g{k}" for k in range(10)],
        index=pd.Index([f"a{k}" for k in range(10)], name="article_id"),
    )
    scores = _scores([(f"a{k}", 0, 0.1 * k, False) for k in range(10)])
    assert len(S.group_tone(scores, ten)) == 10  # the old default (8) pooled three as "other"
    assert len(S.group_voices(scores, ten)) == 11  # ten groups and the whole corpus
    many = pd.Series(
        [f"g{k:02d}" for k in range(groups.TOP_N + 3)],
        index=pd.Index([f"a{k}" for k in range(groups.TOP_N + 3)], name="article_id"),
    )
    wide = _scores([(f"a{k}", 0, 0.0, False) for k in range(groups.TOP_N + 3)])
    assert S.group_tone(wide, many)["group"].iloc[-1] == "other (3 groups)"


def test_tone_over_time_marks_partial_first_and_last_periods():
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "b1"],
            # from 26 February (3 days of February) to 10 April: February and April are partial
            "published": pd.to_datetime(["1987-02-26", "1987-03-15", "1987-04-10", "1987-02-27"]),
        }
    )
    labels = pd.Series(["A", "A", "A", "B"], index=pd.Index(articles["article_id"]))
    scores = _scores([("a1", 0, 0.2, False), ("a2", 0, 0.1, False), ("a3", 0, -0.1, False)])
    scores = pd.concat([scores, _scores([("b1", 0, -0.4, False)])], ignore_index=True)
    table = S.tone_over_time(scores, articles, labels, "month")
    notes = table.drop_duplicates("period").set_index("period")["period_note"].to_dict()
    assert notes == {
        "1987-02": "partial: 3 of 28 days",
        "1987-03": "",
        "1987-04": "partial: 10 of 30 days",
    }
    fig, _ = S.plot_tone_over_time(table)
    marks = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text() == "partial"]
    assert len(marks) == 2 * 2  # two partial months in each of the two panels
    assert (
        "1987-02 partial: 3 of 28 days; 1987-04 partial: 10 of 30 days" in fig._supxlabel.get_text()
    )
    plt.close(fig)


def test_arcs_title_states_which_articles_and_by_what_rule():
    articles = pd.DataFrame(
        {"article_id": ["p", "q", "r", "s", "t"], "n_sentences": [3, 10, 11, 400, 6]}
    )
    labels = pd.Series(
        ["big", "big", "big", "big", "small"],
        index=pd.Index(articles["article_id"], name="article_id"),
        dtype=pd.CategoricalDtype(["big", "small"]),
    )
    choice = S.article_choice(articles, labels, [], 3)
    # big's articles of 10 sentences or more: median 11 (the 3-sentence brief has no arc)
    assert choice["article_id"].tolist() == ["r", "t", "q"]
    assert choice["why"].tolist() == [
        "typical of its group",
        "typical of its group",
        "typical of the corpus",
    ]
    assert choice["group_median"].tolist() == [11.0, 6.0, 11.0]  # q: the corpus median
    assert choice.attrs["rule"].startswith("a typical article of each of the 2 largest groups")
    assert choice.attrs["rule"].endswith("then 1 typical of the whole corpus")
    arc = _scores([(a, k, 0.1, False) for a in "rtq" for k in range(3)])
    fig, _ = S.plot_article_arcs(S.sentiment_arc(arc, 2), {"r": "R title"}, choice=choice)
    assert fig._suptitle.get_text() == "Sentiment arc of 3 articles"
    rule = [t.get_text() for t in fig.texts]
    assert any(t.startswith("a typical article of each of the 2 largest groups") for t in rule)
    assert fig.axes[0].get_title() == "R title\ngroup: big · 11 sentences (group median 11)"
    plt.close(fig)
    given = S.article_choice(articles, labels, ["s"], 3)
    assert given.attrs["rule"] == "the 1 article given in `articles`"
    assert given["why"].tolist() == ["chosen by id"]


def test_targets_are_typed_places_apart_and_n_counts_articles(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title\nJane Miller praised Canada. Canada was happy. Canada grew.\n",
            "b.txt": "Title\nThe Finance Ministry warned Canada. Jane Miller was sad.\n",
        }
    )
    sources = pd.DataFrame(
        {
            "article_id": ["a", "b", "b", "a"],
            "name": ["Jane Miller", "Jane Miller", "Finance Ministry", "Canada"],
            "canonical": ["Jane Miller", "Jane Miller", "Finance Ministry", "Canada"],
            "kind": ["person", "person", "organization", "organization"],  # a country that speaks
        }
    )
    targets = {
        "Canada": ["Canada"],
        "Jane Miller": ["Jane Miller"],
        "Finance Ministry": ["Finance Ministry"],
    }
    types = S.target_types(targets, sources)
    assert types == {"Canada": "place", "Jane Miller": "person", "Finance Ministry": "organisation"}
    labels = pd.Series(["X", "X"], index=pd.Index(["a", "b"], name="article_id"))
    table = S.group_targets(
        S.score_sentences(corpus), S.target_mentions(corpus.sentences, targets), labels, types=types
    )
    # people, then organisations, then places
    assert table["target"].tolist() == ["Jane Miller", "Finance Ministry", "Canada"]
    canada = table.set_index("target").loc["Canada"]
    assert (canada["n_sentences"], canada["n_articles"]) == (4, 2)
    fig, _ = S.plot_group_targets(table)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Jane Miller (person)",
        "Finance Ministry (organisation)",
        "Canada (place)",
    ]
    cells = [t.get_text() for t in ax.texts if "\nn=" in t.get_text()]
    assert any(c.endswith("n=2") for c in cells) and not any(c.endswith("n=4") for c in cells)
    assert "n = articles" in ax.get_xlabel()
    plt.close(fig)


def test_one_firm_with_and_without_its_company_form_is_one_target():
    sources = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "a", "b"],
            "name": ["Standard and Poor's Corp"] * 3 + ["Standard and Poor's"] * 2,
            "kind": ["organization"] * 5,
        }
    )
    targets = S.default_targets(sources)
    assert targets == {
        "Standard and Poor's Corp": ["Standard and Poor's Corp", "Standard and Poor's"]
    }


def test_both_interval_figures_draw_the_pooled_row_in_grey():
    from matplotlib.collections import PathCollection
    from matplotlib.colors import to_rgb

    from newscorpus.sentiment.figures import ALL_WORDS

    check = pd.DataFrame(
        {
            "group": ["A", "B", "whole corpus"],
            "n_articles": [2, 2, 4],
            "mean_compound": [-0.2, 0.1, -0.05],
            "ci_low": [-0.3, 0.0, -0.1],
            "ci_high": [-0.1, 0.2, 0.0],
        }
    )
    lexicons = check.rename(
        columns={
            "mean_compound": "mean_vader",
            "ci_low": "ci_low_vader",
            "ci_high": "ci_high_vader",
        }
    ).assign(
        mean_news=[-0.1, 0.1, 0.0],
        ci_low_news=[-0.2, 0.0, -0.05],
        ci_high_news=[0.0, 0.2, 0.05],
        rank_vader=pd.array([1, 2, pd.NA], dtype="Int64"),
        rank_news=pd.array([1, 2, pd.NA], dtype="Int64"),
        share_violence=[0.1, 0.0, 0.05],
        n_sentences=[4, 4, 8],
    )
    blue = tuple(np.round(to_rgb(ALL_WORDS), 3))
    for fig, _ in (S.plot_group_tone(check), S.plot_lexicon_comparison(lexicons)):
        dots = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
        edges = [tuple(np.round(c.get_edgecolor()[0][:3], 3)) for c in dots]
        assert edges.count((0.45, 0.45, 0.45)) == 1  # the pooled row, and only it
        assert edges.count(blue) == 2  # groups A and B in the groups' colour
        plt.close(fig)


def test_tone_over_time_draws_no_band_for_a_period_of_fewer_than_five_articles():
    """A 95 % band from 2-4 articles spans most of the scale and ran off the panels."""
    table = pd.DataFrame(
        {
            "group": ["A"] * 4,
            "period": ["2020-01", "2020-02", "2020-03", "2020-04"],
            "mean_compound": [0.1, 0.2, -0.3, 0.1],
            "ci_low": [0.0, 0.1, -0.95, 0.0],
            "ci_high": [0.2, 0.3, 0.6, 0.2],
            "n_articles": [9, 12, 3, 10],
        }
    )
    fig, data = S.plot_tone_over_time(table)
    ax = fig.axes[0]
    bands = [
        c
        for c in ax.collections
        if type(c).__name__ in ("PolyCollection", "FillBetweenPolyCollection")
    ]
    xs = {round(float(v), 3) for c in bands for path in c.get_paths() for v in path.vertices[:, 0]}
    assert 2.0 not in xs and {0.0, 1.0, 3.0} <= xs  # the 3-article period has no band
    assert data["ci_low"].iloc[2] == -0.95  # the CSV keeps its interval
    assert "no band" in fig._supxlabel.get_text()
    plt.close(fig)
