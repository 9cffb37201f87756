"""Tone that measures tone: word contributions per group, the robustness check without
designation and event words, the news-adjusted lexicon, the pooled row and default targets."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from newscorpus import groups
from newscorpus import sentiment as S
from newscorpus.sentiment import lexicon as L

# Group A differs from group B only by designation and event words: its articles name a
# "terrorist" who "killed" guards, B's an armed man who held them. Without those words A's
# talks are "good" and B's are "tense", so the true order is the other way round. Every
# article has its own place and numbers, so no sentence repeats (repeated text is furniture).
A_TEXT = "{place}\nThe terrorist group in {place} killed {n} guards. {who} called the talks good.\n"
B_TEXT = "{place}\nThe armed group in {place} held {n} guards. {who} called the talks tense.\n"
PLACES = ["Mosul", "Raqqa", "Aleppo", "Homs", "Tikrit", "Kirkuk"]
NUMBERS = ["two", "three", "four", "five", "six", "seven"]
WHO = ["Officials", "Diplomats", "Envoys", "Mediators", "Negotiators", "Observers"]


def two_groups(make_corpus, first: str, second: str, names: tuple[str, str]):
    """(corpus, sentence scores, labels) of six articles: three from template `first` (group
    names[0], ids "a0".."a2" for "A") and three from `second` (group names[1]), each with
    its own place, number and speakers."""
    ids = [f"{names[0].lower()}{k}" for k in range(3)] + [
        f"{names[1].lower()}{k}" for k in range(3)
    ]
    files = {}
    for k in range(6):
        text = first if k < 3 else second
        files[f"{ids[k]}.txt"] = text.format(place=PLACES[k], n=NUMBERS[k], who=WHO[k])
    corpus = make_corpus(files)
    labels = pd.Series(
        [names[0]] * 3 + [names[1]] * 3,
        index=pd.Index(ids, name="article_id"),
        dtype=pd.CategoricalDtype(list(names), ordered=True),
    )
    return corpus, S.score_sentences(corpus), labels


@pytest.fixture
def flipped(make_corpus):
    """Groups A and B, different only by designation and event words (12 sentences)."""
    corpus, scores, labels = two_groups(make_corpus, A_TEXT, B_TEXT, ("A", "B"))
    assert len(corpus.sentences) == 12
    return corpus, scores, labels


def test_ranking_flips_without_designation_words_and_the_table_says_so(flipped):
    corpus, scores, labels = flipped
    check = S.group_tone_check(scores, corpus.sentences, labels).set_index("group")
    assert list(check.index) == ["A", "B", groups.POOLED]  # most negative first, pooled last
    assert (check.loc["A", "rank"], check.loc["B", "rank"]) == (1, 2)
    assert (check.loc["A", "rank_robust"], check.loc["B", "rank_robust"]) == (2, 1)
    assert (check.loc["A", "rank_change"], check.loc["B", "rank_change"]) == (1, -1)
    assert check.loc["A", "mean_compound"] < check.loc["B", "mean_compound"]
    assert check.loc["A", "mean_robust"] > check.loc["B", "mean_robust"]
    assert check.loc["A", "n_articles"] == 3 and check.loc[groups.POOLED, "n_articles"] == 6
    assert pd.isna(check.loc[groups.POOLED, "rank"])
    # the words that carry A's difference are its designation and event words
    assert check.loc["A", "top_words"].startswith(("terrorist", "killed"))
    assert {"terrorist", "killed"} <= set(check.attrs["removed"])
    note = S.robustness_note(check.reset_index())
    assert "order of groups by tone changes" in note
    assert "A moves from 1st to 2nd most negative (n = 3 — fewer than 5 articles)" in note
    fig, data = S.plot_group_tone(check.reset_index())
    assert "Order of groups changes" in fig._suptitle.get_text()
    assert "n=3" in [t.get_text() for t in fig.axes[0].get_yticklabels()][0]
    assert data["n_articles"].tolist() == [3, 3, 6]
    plt.close(fig)


def test_news_lexicon_side_by_side_with_plain_vader(flipped):
    corpus, scores, labels = flipped
    table = S.lexicon_comparison(scores, corpus.sentences, labels).set_index("group")
    assert (table.loc["A", "rank_vader"], table.loc["A", "rank_news"]) == (1, 2)
    assert table.loc["A", "rank_change"] == 1
    assert table.loc["A", "mean_vader"] < table.loc["A", "mean_news"]
    # B has no listed word: the same score under both lexicons
    assert table.loc["B", "mean_vader"] == table.loc["B", "mean_news"]
    # violence measure: one of A's two sentences names violence, none of B's
    assert table.loc["A", "share_violence"] == 0.5 and table.loc["B", "share_violence"] == 0.0
    assert table.loc[groups.POOLED, "share_violence"] == 0.25
    note = S.robustness_note(table.reset_index(), "rank_vader", "rank_news")
    assert note.startswith("With the news-adjusted lexicon") and "A moves from 1st to 2nd" in note
    fig, _ = S.plot_lexicon_comparison(table.reset_index())
    assert "Order of groups changes" in fig._suptitle.get_text()
    plt.close(fig)


def test_news_lexicon_scores_designations_neutral_and_plain_vader_is_unchanged():
    plain = S.score_texts(["terrorist", "They killed him.", "A good plan."])
    news = S.score_texts(["terrorist", "They killed him.", "A good plan."], lexicon="news")
    assert plain["compound"].tolist()[:2] == [-0.6908, -0.6705]
    assert news["compound"].tolist() == [0.0, 0.0, plain["compound"][2]]
    for rules in ("vader-3.3", "nltk"):
        reference = S.analyzer("news", rules)
        assert reference.polarity_scores("The terrorist was killed.")["compound"] == 0.0
        assert S.analyzer(None, rules).polarity_scores("terrorist")["compound"] == -0.6908
    assert L.extra_valences("vader") == {} and L.extra_valences("") == {}
    assert S.lexicon_dict("vader") is S.lexicon_dict()  # plain VADER: the base lexicon itself
    assert S.table_options("vader") == {} and S.table_options("news") == {"lexicon": "news"}


def test_news_word_list_is_documented_and_every_word_is_a_vader_word():
    base = S.lexicon_dict()
    table = S.news_word_table()
    assert len(table) >= 100
    for word, category, valence in table:
        assert category in S.NEWS_CATEGORIES
        assert base[word] == pytest.approx(valence), word  # the listed valence is VADER's
    assert {"terrorist", "killed", "attack", "bomb", "war"} <= set(S.news_words("violence")) | set(
        S.news_words("designation")
    )
    assert {"party", "win"} <= set(S.news_words("politics"))
    assert "good" not in S.news_words() and "brutal" not in S.news_words()  # judgements stay
    with pytest.raises(ValueError, match="categories=\\['weather'\\]"):
        S.news_words("weather")
    assert "# Why:" in S.NEWS_WORDS.read_text(encoding="utf-8")


@pytest.mark.parametrize("rules", ["vader-3.3", "nltk"])
def test_rescore_equals_scoring_every_sentence_with_the_words_neutral(seeds, rules):
    scores = S.score_sentences(seeds, rules=rules)
    words = ["killed", "attacks", "security", "terrorist", "war", "win"]
    fast = S.rescore(scores, seeds.sentences, words, rules=rules)
    full = S.score_sentences(seeds, lexicon=dict.fromkeys(words, 0), rules=rules)
    pd.testing.assert_frame_equal(fast, full)
    assert (fast["compound"] != scores["compound"]).sum() > 10  # the words were there
    conflict = S.score_sentences(seeds, lexicon="conflict", rules=rules)
    pd.testing.assert_frame_equal(
        S.rescore(conflict, seeds.sentences, words, "conflict", rules),
        S.score_sentences(
            seeds, lexicon=L.extra_valences("conflict") | dict.fromkeys(words, 0), rules=rules
        ),
    )


def test_containing_finds_every_text_vader_can_see_the_word_in():
    texts = pd.Series(
        ["KILLED.", "(killed)", "_killed_", "unkilled", "killedx", "2killed", "a 💣 here", "no"],
        dtype="str",
    )
    found = S.containing(texts, ["killed", "bomb"]).tolist()
    assert found == [True, True, True, False, False, False, True, False]
    assert S.containing(texts, ["bomb"], rules="nltk").tolist()[6] is False  # no emoji in NLTK


def test_word_contributions_against_the_corpus_rate(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title\nA good day.\n",  # 3 words, good +1.9
            "b.txt": "Title\nA bad day for all.\n",  # 5 words, bad -2.5
        }
    )
    labels = pd.Series(["X", "Y"], index=pd.Index(["a", "b"], name="article_id"))
    table = S.group_word_contributions(corpus.sentences, labels).set_index(["group", "word"])
    good = table.loc[("X", "good")]
    assert (good["n"], good["valence"], good["n_words"]) == (1, 1.9, 3)
    assert good["expected"] == pytest.approx(1.9 * 3 / 8, abs=1e-4)
    assert good["excess"] == pytest.approx(1.9 - 1.9 * 3 / 8, abs=1e-4)
    assert good["excess_per_1k"] == pytest.approx(1000 * (1.9 - 1.9 * 3 / 8) / 3, abs=1e-3)
    assert table.loc[("Y", "bad"), "excess"] == pytest.approx(-2.5 + 2.5 * 5 / 8, abs=1e-4)
    assert ("X", "bad") not in table.index  # only the words a group uses


def test_one_group_corpus_has_no_pooled_row_and_no_doubled_counts(flipped):
    corpus, scores, _ = flipped
    articles = corpus.articles.assign(published=pd.to_datetime("2020-01-01"))
    one = groups.assign(articles, "")
    assert one.astype("str").unique().tolist() == [groups.ONE_GROUP]
    for table in (
        S.group_tone_check(scores, corpus.sentences, one),
        S.lexicon_comparison(scores, corpus.sentences, one),
        S.group_voices(scores, one),
        S.tone_over_time(scores, articles, one),
    ):
        assert table["group"].unique().tolist() == [groups.ONE_GROUP]
        assert table["n_articles"].max() == 6  # every article once
    check = S.group_tone_check(scores, corpus.sentences, one)
    assert S.robustness_note(check).startswith("One group only")
    fig, _ = S.plot_tone_over_time(S.tone_over_time(scores, articles, one))
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == ["all articles (6 articles)"]
    plt.close(fig)


def test_unlabelled_articles_are_not_counted(flipped):
    corpus, scores, labels = flipped
    fewer = labels.drop("a2")  # e.g. a duplicate left out by groups.assign
    tone = S.group_tone(scores, fewer).set_index("group")
    assert tone.loc["A", "n_articles"] == 2 and "unknown" not in tone.index
    check = S.group_tone_check(scores, corpus.sentences, fewer).set_index("group")
    assert check.loc[groups.POOLED, "n_articles"] == 5


def test_default_targets_are_the_corpus_most_cited_canonical_sources():
    sources = pd.DataFrame(
        {
            "article_id": ["1", "2", "3", "2", "3", "1", "4", "4"],
            "name": [
                "Donald Trump",
                "Trump",
                "Mr Trump",
                "the Agency",
                "Energy Agency",
                "IS",
                "X",
                "Y",
            ],
            "canonical": [
                "Donald Trump",
                "Donald Trump",
                "Donald Trump",
                "Energy Agency",
                "Energy Agency",
                "anonymous official",
                "X",
                "Y",
            ],
            "kind": ["person", "person", "person", "organization", "organization", "anonymous"]
            + ["person", "person"],
            "n_mentions": [3, 1, 1, 1, 2, 1, 1, 1],
        }
    )
    targets = S.default_targets(sources)
    assert list(targets) == ["Donald Trump", "Energy Agency"]  # cited once: X and Y are not
    assert targets["Donald Trump"] == ["Donald Trump", "Mr Trump", "Trump"]
    assert targets["Energy Agency"] == ["Energy Agency", "the Agency"]
    no_canonical = S.default_targets(sources.drop(columns="canonical"))
    assert list(no_canonical)[0] == "Donald Trump"  # surface names, surname as alias
    assert "Trump" not in no_canonical  # already an alias of Donald Trump
    assert S.default_targets(None) == {} and S.default_targets(sources.iloc[:0]) == {}
    assert not set(S.default_targets(sources)) & set(S.DEFAULT_TARGETS)  # never the seeds'
    assert S.target_mentions(
        pd.DataFrame({"article_id": [], "sentence_id": [], "start": [], "text": []}), {}
    ).empty


def test_small_groups_are_faded_and_every_point_has_its_n(flipped):
    corpus, scores, labels = flipped
    check = S.group_tone_check(scores, corpus.sentences, labels)
    assert check["small_n"].tolist() == [True, True, False]  # 3, 3 and 6 articles
    fig, _ = S.plot_group_tone(check)
    ax = fig.axes[0]
    alphas = [t.get_alpha() for t in ax.get_yticklabels()]
    assert alphas[0] < 1 and alphas[2] in (None, 1.0)
    assert any("fewer than 5" in t.get_text() for t in ax.texts)
    width, height = fig.get_size_inches() * 150
    assert width <= 3000 and height <= 3000
    plt.close(fig)


def test_extremes_name_articles_by_title_outlet_and_date(make_corpus):
    corpus = make_corpus({"x.txt": "A Terrible Day\nIt was a terrible, awful day.\n"})
    scores = S.score_sentences(corpus)
    top = S.extremes(scores, corpus.sentences, 1, articles=corpus.articles)
    assert top.loc[0, "article"].startswith("A Terrible Day")
    labels = S.article_titles(corpus.articles, ["x"])
    assert labels == {"x": top.loc[0, "article"]}
    assert np.isclose(top.loc[0, "compound"], scores["compound"].min())


def test_target_names_do_not_colour_their_own_sentences(make_corpus):
    targets = {"United States": ["United States", "U.S."], "DoJ": ["Department of Justice"]}
    assert S.target_words(targets) == ["justice", "united"]
    assert S.target_words({"Jane Miller": ["Jane Miller"]}) == []
    corpus = make_corpus({"u.txt": "Title\nThe United States sent envoys to Geneva.\n"})
    scores = S.score_sentences(corpus)
    assert scores["compound"].iloc[0] > 0  # "united" +1.8 in VADER's lexicon
    neutral = S.rescore(scores, corpus.sentences, S.target_words(targets))
    assert neutral["compound"].iloc[0] == 0.0


def test_target_cells_on_few_articles_are_faded():
    table = pd.DataFrame(
        {
            "target": ["T", "T"],
            "group": ["big", "small"],
            "n_articles": [12, 2],
            "n_sentences": [30, 2],
            "mean_compound": [0.2, -0.3],
        }
    )
    fig, _ = S.plot_group_targets(table)
    ax = fig.axes[0]
    shades = [p for p in ax.patches if isinstance(p, plt.Rectangle) and p.get_zorder() == 2]
    assert [(p.get_x(), p.get_y()) for p in shades] == [(1, 0)]  # the "small" cell only
    grey = [t.get_text() for t in ax.texts if t.get_color() == "0.45"]
    assert grey == ["-0.30\nn=2"]
    plt.close(fig)


def test_note_warns_when_the_groups_that_move_were_within_each_others_intervals():
    table = pd.DataFrame(
        {
            "group": ["P", "Q", "R", groups.POOLED],
            "n_articles": [40, 50, 60, 150],
            "ci_low": [-0.2, -0.15, 0.3, -0.1],
            "ci_high": [0.0, 0.05, 0.5, 0.2],
            "rank": pd.array([1, 2, 3, pd.NA], dtype="Int64"),
            "rank_robust": pd.array([2, 1, 3, pd.NA], dtype="Int64"),
        }
    )
    note = S.robustness_note(table)
    assert "(2 of 3 groups)" in note and "P moves from 1st to 2nd most negative (n = 40)" in note
    assert note.endswith("so their order was not reliable to begin with.")
    apart = table.assign(ci_low=[-0.5, 0.1, 0.3, -0.1], ci_high=[-0.3, 0.2, 0.5, 0.2])
    assert "not reliable" not in S.robustness_note(apart)


def test_note_names_the_five_largest_moves_when_many_groups_move():
    names = [f"g{k}" for k in range(8)]
    before = list(range(1, 9))
    after = [8, 1, 2, 3, 4, 5, 6, 7]  # g0 drops 7 places, the rest move up one
    table = pd.DataFrame(
        {
            "group": names,
            "n_articles": [20] * 8,
            "rank": pd.array(before, dtype="Int64"),
            "rank_robust": pd.array(after, dtype="Int64"),
        }
    )
    note = S.robustness_note(table)
    assert "(8 of 8 groups)" in note and "g0 moves from 1st to 8th" in note
    assert note.count(" moves from ") == 5 and "and 3 smaller moves (see the table)" in note


# --------------------------------------------------------------------------- words of this corpus

# Business news: group L reports losses, group P profits. No designation or event word of the
# list occurs, so every text about the check must name "loss" and "profit", never the
# conflict examples ("killed", "attack") of another corpus.
L_TEXT = "{place}\nThe firm in {place} reported a loss of {n} mln dlrs. {who} called it quiet.\n"
P_TEXT = "{place}\nThe firm in {place} reported a profit of {n} mln dlrs. {who} called it quiet.\n"


@pytest.fixture
def business(make_corpus):
    """Groups L (losses) and P (profits)."""
    return two_groups(make_corpus, L_TEXT, P_TEXT, ("L", "P"))


CONFLICT_EXAMPLES = ("killed", "attack", "terrorist", "party", "win")


def test_check_texts_name_the_words_of_this_corpus_not_conflict_examples(business):
    corpus, scores, labels = business
    check = S.group_tone_check(scores, corpus.sentences, labels)
    # L's and P's difference, the larger valence first (profit +1.9, loss −1.3 in VADER)
    assert check.attrs["carrying"] == ["profit", "loss"]
    assert check.attrs["listed_found"].empty  # no listed word occurs
    note = S.robustness_note(check)
    assert note.startswith("Without the words that carry the groups' differences here (“profit”")
    assert "none of which occurs here" in note
    fig, _ = S.plot_group_tone(check)
    texts = [fig._suptitle.get_text(), *(t.get_text() for t in fig.axes[0].get_legend().texts)]
    assert "without profit, loss and the listed words (1 of 2 move, by 1 place)" in texts[0]
    assert any("(none here)" in t for t in texts)
    plt.close(fig)
    for text in [note, *texts]:
        assert not any(word in text for word in CONFLICT_EXAMPLES), text


def test_lexicon_comparison_says_when_no_listed_word_occurs(business):
    corpus, scores, labels = business
    table = S.lexicon_comparison(scores, corpus.sentences, labels)
    assert table["mean_vader"].tolist() == table["mean_news"].tolist()
    note = S.robustness_note(table, "rank_vader", "rank_news")
    assert "no listed designation or event word occurs here" in note
    fig, _ = S.plot_lexicon_comparison(table)
    legend = [t.get_text() for t in fig.axes[0].get_legend().texts]
    assert any("no listed designation or event word occurs here" in t for t in legend)
    assert "none of the listed words occurs" in fig.axes[1].get_xlabel()
    plt.close(fig)


def test_lexicon_comparison_names_the_listed_words_found_with_counts(flipped):
    corpus, scores, labels = flipped
    table = S.lexicon_comparison(scores, corpus.sentences, labels)
    assert table.attrs["listed_found"].to_dict() == {"killed": 3, "terrorist": 3}
    assert table.attrs["share_listed"] == pytest.approx(0.25)  # 3 of 12 sentences
    note = S.robustness_note(table, "rank_vader", "rank_news")
    assert "found here in 25% of sentences, most often: killed 3, terrorist 3" in note


def test_word_counts_count_sentences_naming_each_word():
    texts = pd.Series(["A loss, then a loss.", "Profit rose", "no match here", "LOSS!"])
    counts = S.word_counts(texts, ["loss", "profit", "war"])
    assert counts.to_dict() == {"loss": 2, "profit": 1}  # a sentence counts once
    assert S.word_counts(texts, []).empty


def test_finding_caveat_names_this_corpus_words_only_with_the_check(business):
    from types import SimpleNamespace

    from newscorpus import findings

    corpus, scores, labels = business
    check = S.group_tone_check(scores, corpus.sentences, labels)
    data = SimpleNamespace(sentiment=scores)
    text = str(findings.sentiment(data, labels, scores, check=check))
    assert "here “profit” and “loss” carry most of the groups' differences" in text
    # without "profit" and "loss" the two groups tie: P is no longer the more positive
    assert "the order of groups changes (1 of 2 groups move, by 1 place; see the" in text
    plain = str(findings.sentiment(data, labels, scores))
    for words in (text, plain):
        assert not any(word in words for word in CONFLICT_EXAMPLES), words


def test_driver_note_separates_listed_words_from_the_others():
    drivers = pd.DataFrame({"word": ["loss", "killed", "profit"], "total_valence": [-5, -4, 3]})
    note = S.driver_note(drivers)
    assert "1 is a listed designation or event word" in note and "(killed)" in note
    assert "the largest of the others (loss, profit)" in note
    none = S.driver_note(drivers.iloc[[0, 2]])
    assert "none is on the list" in none


def test_the_violence_measure_counts_violence_words_not_designations(make_corpus):
    designation = "{place}\nSupporters and victims in {place} met {n} guards. {who} were calm.\n"
    corpus, scores, labels = two_groups(make_corpus, A_TEXT, designation, ("A", "B"))
    table = S.lexicon_comparison(scores, corpus.sentences, labels).set_index("group")
    assert table.loc["A", "share_violence"] == 0.5  # "killed"
    assert table.loc["B", "share_violence"] == 0.0  # "supporters", "victims": designations
    assert "supporters" not in table.attrs["violence_found"].index


def test_driver_chart_marks_designation_and_event_words():
    import matplotlib.pyplot as plt

    from newscorpus import sentiment as S

    table = pd.DataFrame(
        {
            "word": ["killed", "good"],
            "n": [40, 10],
            "n_articles": [4, 1],
            "total_valence": [-120.0, 20.0],
            "mean_valence": [-3.0, 2.0],
            "direction": ["negative", "positive"],
            "sampled": [1.0, 1.0],
        }
    )
    fig, _ = S.plot_driver_words(table)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["killed †", "good"]
    assert "1 designation, event or function word " in ax.get_xlabel()
    assert [bool(p.get_hatch()) for p in ax.patches] == [True, False]
    plt.close(fig)


def test_function_words_of_news_are_hatched_drivers_and_neutral_in_the_news_lexicon():
    """ "like" (states like Ohio) and "no" (no one) topped the drivers of an allsides sample."""
    assert {"like", "no", "well", "pretty"} <= set(S.news_words("function"))
    table = pd.DataFrame(
        {
            "word": ["like", "no", "good"],
            "n": [400, 300, 10],
            "n_articles": [90, 80, 1],
            "total_valence": [600.0, -360.0, 20.0],
            "mean_valence": [1.5, -1.2, 2.0],
            "direction": ["positive", "negative", "positive"],
            "sampled": [1.0, 1.0, 1.0],
        }
    )
    fig, _ = S.plot_driver_words(table)
    ax = fig.axes[0]
    assert [bool(p.get_hatch()) for p in ax.patches] == [True, True, False]
    plt.close(fig)
    news = S.extra_valences("news")
    assert news["like"] == 0 and news["no"] == 0


def test_one_articles_extreme_target_cell_neither_sets_the_scale_nor_stands_out():
    """Reuters' Paul Ryan cell (+0.85, one article) was the darkest and stretched the scale."""
    table = pd.DataFrame(
        {
            "target": ["T", "T", "T"],
            "group": ["a", "b", "c"],
            "n_articles": [12, 9, 1],
            "n_sentences": [30, 20, 1],
            "mean_compound": [0.2, -0.1, 0.85],
        }
    )
    fig, _ = S.plot_group_targets(table)
    ax = fig.axes[0]
    mesh = ax.collections[0]
    assert mesh.norm.vmax == pytest.approx(0.2)  # fitted to the cells of 5 articles or more
    shade = [p for p in ax.patches if isinstance(p, plt.Rectangle) and p.get_zorder() == 2]
    assert [(p.get_x(), p.get_alpha()) for p in shade] == [(2, 0.85)]
    plt.close(fig)
