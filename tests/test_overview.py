"""What is in a corpus by group (newscorpus.overview): attention, duplicates, figures."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from newscorpus import groups, overview, wirecopy  # noqa: E402


def _articles():
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e", "f"],
            "title": ["One", "Two", "Three", "Four", "Five", "Two"],
            "outlet": ["X", "X", "X", "Y", "Y", "X"],
            "published": pd.to_datetime(
                ["2017-01-05", "2017-01-20", "2017-03-02", "2017-03-09", None, "2017-01-21"]
            ),
            "duplicate_of": [None, None, None, None, None, "b"],
            "n_words": [100, 200, 300, 400, 500, 200],
            "n_sentences": [5, 10, 15, 20, 25, 10],
        }
    )


def test_attention_keeps_an_empty_month_as_zero_and_gives_each_group_share():
    a = _articles()
    table = overview.attention(a, groups.assign(a), "month")
    x = table[table["group"] == "X"].set_index("period")
    assert x["n_articles"].to_dict() == {"2017-01": 2, "2017-02": 0, "2017-03": 1}  # f dropped
    assert x["share"].round(3).tolist() == [0.667, 0.0, 0.333]
    y = table[table["group"] == "Y"].set_index("period")
    assert y.loc["2017-03", "share"] == 1.0 and y["n_group"].iloc[0] == 1
    assert table["period"].iloc[-1] == "2017-03"  # the axis ends at the last period
    fig, data = overview.plot_attention(table)
    labels = [t.get_text() for t in fig.axes[1].get_yticklabels()]
    assert labels == ["X (n=3)", "Y (n=1)"]
    assert fig.axes[1].get_xticklabels()[-1].get_text() == "2017-03"
    plt.close(fig)


def test_attention_includes_duplicates_when_asked():
    a = _articles()
    table = overview.attention(a, groups.assign(a, duplicates=True), "month")
    assert (
        table.loc[(table["group"] == "X") & (table["period"] == "2017-01"), "n_articles"].item()
        == 3
    )


def test_duplicates_are_reported_per_group_with_a_readable_example():
    a = _articles()
    out = overview.duplicates(a, groups.assign(a, duplicates=True))
    assert out[["group", "n_articles", "n_duplicates"]].values.tolist() == [["X", 4, 1]]
    assert out["example"].iloc[0] == "Two — X, 2017-01-21 (repeats Two — X, 2017-01-20)"


def test_group_summary_and_lengths_count_each_text_once():
    a = _articles()
    labels = groups.assign(a)
    summary = overview.group_summary(a, labels).set_index("group")
    assert summary.loc["X", "n_articles"] == 3 and summary.loc["Y", "n_articles"] == 2
    assert len(overview.lengths(a, labels)) == 5


def test_lengths_keep_the_groups_largest_first():
    a = _articles().assign(outlet=["Y", "X", "X", "Y", "Y", "X"])
    summary = overview.length_summary(overview.lengths(a, groups.assign(a)))
    assert summary["group"].tolist() == ["Y", "X"]  # Y has 3 articles, X 2 (f is a reprint)


def test_composition_keeps_the_groups_largest_first():
    a = _articles().assign(outlet=["Y", "X", "X", "Y", "Y", "X"])
    paragraphs = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e"],
            "kind": ["body", "title", "body", "body", "boilerplate"],
            "text": ["one two", "three", "four five six", "seven", "eight nine"],
        }
    )
    out = overview.composition(paragraphs, groups.assign(a))
    assert out["group"].drop_duplicates().tolist() == ["Y", "X"]
    y = out[(out["group"] == "Y") & (out["kind"] == "boilerplate")].iloc[0]
    assert (y["n_words"], y["share"], y["n_articles"]) == (2, 0.4, 3)
    fig, data = overview.plot_composition(out)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["title", "boilerplate"]
    assert ax.get_xlim()[1] > 100 * out["share"][out["kind"] != "body"].max()  # bars end inside
    assert len(data) == len(out)
    plt.close(fig)


def _copies():
    """Seven articles of three outlets: Z reprints two of X's (one credits Reuters), Y one
    of its own."""
    return pd.DataFrame(
        {
            "article_id": ["x1", "x2", "x3", "y1", "y2", "z1", "z2"],
            "outlet": ["X", "X", "X", "Y", "Y", "Z", "Z"],
            "text": [
                "A story.",
                "LONDON (Reuters) - Another story.",
                "Third.",
                "Own story.",
                "Own story again.",
                "LONDON (Reuters) - Another story, reprinted.",
                "A story, reprinted.",
            ],
            "duplicate_of": [None, None, None, None, "y1", "x2", "x1"],
            "duplicate_similarity": [None, None, None, None, 0.9, 0.8, 0.6],
        }
    )


def test_copy_share_reprints_and_wire_credits():
    a = _copies()
    every = groups.assign(a, duplicates=True)
    share = overview.copy_share(a, every).set_index("group")
    assert share.loc["Z", ["n_articles", "n_copies", "n_wire"]].tolist() == [2, 2, 1]
    assert share.loc["X", "n_copies"] == 0 and share.loc["Y", "share"] == 0.5
    assert share.loc["Z", "median_similarity"] == 0.7
    assert share.loc[groups.POOLED, "n_copies"] == 3
    who = overview.reprints(a, every)
    assert who[["copy_group", "original_group", "n_copies"]].values.tolist() == [
        ["Y", "Y", 1],
        ["Z", "X", 2],
    ]
    wire = wirecopy.wire_credits(a, every)
    assert wire[["group", "credit", "n_articles", "n_copies"]].values.tolist() == [
        ["X", "no wire credit", 2, 0],
        ["X", "Reuters", 1, 0],  # the wire's story itself, in the corpus or not
        ["Y", "no wire credit", 2, 1],
        ["Z", "Reuters", 1, 1],
        ["Z", "no wire credit", 1, 1],
    ]
    for plot, table in (
        (overview.plot_copy_share, share.reset_index()),
        (overview.plot_reprints, who),
        (wirecopy.plot_wire_credits, wire),
    ):
        fig, data = plot(table)
        assert len(data) == len(table)
        plt.close(fig)
    fig, _ = overview.plot_copy_share(share.reset_index())
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == (
        "Copies: 3 of 7 articles repeat an earlier article (1 group without a copy not drawn)"
    )
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Y (n=2)", "Z (n=2)", "whole corpus (n=7)"
    ]  # fmt: skip
    plt.close(fig)
    fig, _ = wirecopy.plot_wire_credits(wire)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == (
        "Wire copy: 2 of 7 articles credit a wire service (1 group crediting none not drawn)"
    )
    assert [t.get_text() for t in ax.get_yticklabels()] == ["X (n=3)", "Z (n=2)"]
    assert "1 of 2 (1 copies in the corpus)" in [t.get_text() for t in ax.texts]
    plt.close(fig)


def test_reprints_pool_groups_beyond_top_n():
    a = _copies()
    who = overview.reprints(a, groups.assign(a, duplicates=True), top_n=1)
    # X has most articles; Y and Z are pooled into one "other (2 groups)"
    assert who[["copy_group", "original_group", "n_copies"]].values.tolist() == [
        ["other (2 groups)", "X", 2],
        ["other (2 groups)", "other (2 groups)", 1],
    ]


def test_plot_reprints_shares_one_order_and_puts_self_copies_on_the_diagonal():
    # A repeats its own story once, B reprints C four times: copy groups (A, B) and
    # originals by size (C, A) would put A's self-copy off the diagonal
    table = pd.DataFrame(
        {
            "copy_group": ["A", "B"],
            "original_group": ["A", "C"],
            "n_copies": [1, 4],
            "share_of_copies": [1.0, 1.0],
        }
    )
    assert overview.reprint_order(table) == ["B", "C", "A"]  # 4, 4, 1 copies involved
    fig, data = overview.plot_reprints(table)
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    assert rows == cols == ["B", "C", "A"]
    cells = {
        (round(t.get_position()[1] - 0.5), round(t.get_position()[0] - 0.5)): t.get_text()
        for t in ax.texts
    }
    assert len(cells) == 9 and cells[(0, 0)] == "0"  # every cell's n, zeros included
    assert cells[(2, 2)] == "1"  # A's self-copy on the diagonal
    assert cells[(rows.index("B"), cols.index("C"))] == "4"
    assert "5 copy pairs" in ax.get_title()
    assert len(data) == 2
    plt.close(fig)


def test_problem_summary_counts_exact_and_near_copies_as_two_kinds():
    problems = pd.DataFrame(
        {
            "problem": [
                "duplicate of a1",
                "duplicate of a7",
                "near-duplicate of a2 (estimated Jaccard similarity 0.81)",
                "near-duplicate of a9 (estimated Jaccard similarity 0.64)",
            ],
            "action": ["kept, flagged in articles.duplicate_of"] * 4,
        }
    )
    table = overview.problem_summary(problems)
    assert table[["problem", "n"]].values.tolist() == [
        ["duplicate of another article", 2],
        ["near-duplicate of another article", 2],
    ]


def test_a_picture_credited_to_a_wire_is_no_wire_copy():
    """National Review's '(Reuters photo: Yuri Gripas)' captions made 64 of 73 articles 'Reuters'."""
    articles = pd.DataFrame(
        {
            "article_id": ["n1", "n2"],
            "outlet": ["NR", "NR"],
            "text": [
                "Title\n\nTrump on Air Force One. (Reuters photo: Yuri Gripas)\n\nThe story.",
                "Title\n\nA voter at a booth (Keith Bedford/Reuters File Photo)\n\nThe story.",
            ],
            "duplicate_of": [None, None],
        }
    )
    every = groups.assign(articles, duplicates=True)
    wire = wirecopy.wire_credits(articles, every)
    assert set(wire["credit"]) == {"no wire credit"}
    caption = pd.DataFrame(  # with the paragraphs table, a caption line is not read at all
        {
            "article_id": ["n1", "n1", "n1"],
            "kind": ["title", "caption", "body"],
            "start": [0, 7, 59],
            "end": [5, 57, 69],
        }
    )
    ap = articles.assign(
        text=["Title\n\nTrump on Air Force One, an AP photo caption line\n\nThe story.", ""]
    )
    assert set(wirecopy.wire_credits(ap.iloc[:1], every, paragraphs=caption)["credit"]) == {
        "no wire credit"
    }


def test_a_contributor_line_set_aside_still_credits_the_wire():
    text = (
        "Title\n\nThe senator spoke on Monday.\n\nThe Associated Press contributed to this report."
    )
    articles = pd.DataFrame(
        {"article_id": ["f1"], "outlet": ["Fox"], "text": [text], "duplicate_of": [None]}
    )
    paragraphs = pd.DataFrame(
        {
            "article_id": ["f1"] * 3,
            "kind": ["title", "body", "boilerplate"],
            "reason": ["first line", None, "contributor line"],
            "start": [0, 7, 37],
            "end": [5, 35, len(text)],
        }
    )
    every = groups.assign(articles, duplicates=True)
    wire = wirecopy.wire_credits(articles, every, paragraphs=paragraphs)
    assert wire[["credit", "n_articles", "share"]].values.tolist() == [["AP", 1, 1.0]]
