"""The dates table: extraction, TIMEX3 values, anchors and resolution, on the seeds and on
small awkward inputs."""

from __future__ import annotations

import dataclasses
import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from newscorpus.timeline import (
    DATE_COLUMNS,
    anchor_dates,
    dated_events,
    event_phrase,
    find_dates,
    find_dates_in_text,
    mention_counts,
    plot_histogram,
    plot_spans,
    plot_timeline,
    select_dates,
)

from conftest import GOLD_DIR

SEED_GOLD = GOLD_DIR / "timeline" / "seeds.csv"
ANCHOR = "2019-03-07"  # a Thursday


@pytest.fixture(scope="module")
def seed_dates(seeds):
    return find_dates(seeds)


@pytest.fixture(scope="module")
def gold():
    return pd.read_csv(SEED_GOLD, dtype={"value": "str", "mod": "str"}, keep_default_na=False)


def one(text: str, published: str | None = ANCHOR) -> dict:
    """The single expression found in `text`, as a dict."""
    found = find_dates_in_text(text, published)
    assert len(found) == 1, found[["text", "value"]].to_dict("records")
    return found.iloc[0].to_dict()


def values(text: str, published: str | None = ANCHOR) -> list[tuple[str, str]]:
    found = find_dates_in_text(text, published)
    return list(zip(found["text"], found["value"], strict=True))


def day(x) -> str | None:
    return None if pd.isna(x) else x.date().isoformat()


# --------------------------------------------------------------------------- seeds against gold


def test_table_has_the_contract_columns(seed_dates):
    assert list(seed_dates.columns) == DATE_COLUMNS
    assert set(seed_dates["kind"]) <= {"date", "range", "duration", "relative", "set"}
    assert str(seed_dates["start_date"].dtype) == "datetime64[s]"


def test_every_seed_expression_is_found_with_its_value(seed_dates, gold):
    got = {
        (r.article_id, r.start, r.end): (r.text, r.kind, r.value) for r in seed_dates.itertuples()
    }
    want = {(r.article_id, r.start, r.end): (r.text, r.kind, r.value) for r in gold.itertuples()}
    assert got == want


def test_every_explicit_seed_date_has_the_right_value(seed_dates, gold):
    explicit = gold[gold["value"].str.match(r"^\d{4}")]
    assert len(explicit) == 10  # November 2017, 2013, 2014, 2003, 2006–2007, ... 2017
    merged = explicit.merge(seed_dates, on=["article_id", "start", "end"], suffixes=("", "_got"))
    assert len(merged) == len(explicit)
    assert (merged["value"] == merged["value_got"]).all()
    assert (merged["value"] == merged["resolved"]).all()


def test_spans_point_into_the_article_text(seeds, seed_dates):
    texts = seeds.articles.set_index("article_id")["text"]
    for r in seed_dates.itertuples():
        assert texts[r.article_id][r.start : r.end] == r.text


def test_dates_outside_body_text_are_ignored(seed_dates):
    # "By Louisa Loveluck, March 7, 2019" is the byline; "two months ago" is in a caption
    assert not seed_dates["text"].isin(["March 7, 2019", "two months ago"]).any()


def test_seed_in_2013_and_2014_gives_two_rows(seed_dates):
    rows = seed_dates[seed_dates["text"].isin(["2013", "2014"])]
    assert rows["value"].tolist() == ["2013", "2014", "2014"]


# --------------------------------------------------------------------------- anchors


def test_anchor_dates_on_the_seeds(seeds):
    a = anchor_dates(seeds).set_index("article_id")
    assert day(a.loc["003_c0c95c97cb16ca2e", "anchor"]) == "2019-03-07"
    assert a.loc["003_c0c95c97cb16ca2e", "anchor_from"] == "text"
    assert a.loc["003_c0c95c97cb16ca2e", "anchor_precision"] == "day"
    # 004 names March 2019, "November 6" and "November 18" but states no date: no anchor
    for undated in ("000_ebaf1eec68825aed", "001_5ca9430a057571b9", "004_125b49928ba2d4ba"):
        assert pd.isna(a.loc[undated, "anchor"])
        assert pd.isna(a.loc[undated, "anchor_from"])


def test_an_undated_article_keeps_explicit_dates_and_leaves_relative_ones_unresolved():
    text = "Fighting began in March 2017. Elections will be held in 2021. Last week, it ended."
    d = find_dates_in_text(text, None)
    assert d["text"].tolist() == ["March 2017", "2021", "Last week"]
    assert d["resolved"].tolist()[:2] == ["2017-03", "2021"]
    assert pd.isna(d["resolved"][2]) and pd.isna(d["start_date"][2])
    assert d["anchor"].isna().all() and d["anchor_from"].isna().all()


def test_manifest_date_is_the_anchor(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title\n\nThe attack came on Tuesday, officials said.\n",
            "manifest.csv": "article_id,published\na,2019-03-07\n",
        }
    )
    d = find_dates(corpus)
    assert d["value"].tolist() == ["XXXX-WXX-2"]
    assert day(d["start_date"][0]) == "2019-03-05"
    assert d["anchor_from"][0] == "manifest"
    assert day(d["anchor"][0]) == "2019-03-07"


def test_a_published_date_marked_inferred_by_an_old_version_is_no_date(seeds):
    articles = seeds.articles.copy()
    articles.loc[4, ["published", "published_from"]] = [pd.Timestamp("2019-11-18"), "inferred"]
    corpus = type(seeds)(articles, seeds.paragraphs, seeds.sentences, seeds.tokens, seeds.problems)
    a = anchor_dates(corpus).set_index("article_id").loc["004_125b49928ba2d4ba"]
    assert pd.isna(a["anchor"]) and pd.isna(a["anchor_from"])
    d = find_dates(corpus)
    tuesday = d[(d["article_id"] == "004_125b49928ba2d4ba") & (d["text"] == "Tuesday")]
    assert len(tuesday) and tuesday["start_date"].isna().all()


def test_an_undated_seed_resolves_only_what_its_words_fix(seed_dates):
    d = seed_dates[seed_dates["article_id"] == "004_125b49928ba2d4ba"].set_index("text")
    assert d.loc["March 2019", "resolved"] == "2019-03"
    for relative in ("November 18", "a year ago", "Today"):
        assert pd.isna(d.loc[relative, "start_date"])
    assert d.loc["Tuesday"]["start_date"].isna().all() and d.loc["October"]["resolved"].isna().all()
    assert d["anchor_from"].isna().all()


def test_seed_resolutions_against_a_stated_date(seed_dates):
    d = seed_dates[seed_dates["article_id"] == "003_c0c95c97cb16ca2e"].set_index("text")
    assert d.loc["Monday", "resolved"] == "2019-03-04"
    assert day(d.loc["earlier this year", "start_date"]) == "2019-01-01"
    assert day(d.loc["earlier this year", "end_date"]) == "2019-03-07"
    assert d.loc["one to two years", "value"] == "P1Y/P2Y"


def test_anaphoric_next_month_follows_the_previous_month(seed_dates):
    d = seed_dates[seed_dates["article_id"] == "001_5ca9430a057571b9"].set_index("text")
    assert d.loc["November", "value"] == "XXXX-11"
    assert d.loc["The next month", "value"] == "XXXX-12"
    assert pd.isna(d.loc["The next month", "start_date"])  # no year known anywhere


# --------------------------------------------------------------------------- absolute forms


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("It fell on March 7, 2019, officials said.", "March 7, 2019", "2019-03-07"),
        ("It fell on 7 March 2019.", "7 March 2019", "2019-03-07"),
        ("It fell on 2019-03-07.", "2019-03-07", "2019-03-07"),
        ("The raid on Nov. 18, 2019 killed five.", "Nov. 18, 2019", "2019-11-18"),
        ("The city fell in November 2017.", "November 2017", "2017-11"),
        ("ISIS rose in 2014.", "2014", "2014"),
        ("A war which peaked in 2006–2007.", "2006–2007", "2006/2007"),
        ("The 2012-2013 campaign freed prisoners.", "2012-2013", "2012/2013"),
        ("The 2012—2013 campaign freed prisoners.", "2012—2013", "2012/2013"),
        ("Violence surged in the 1990s.", "the 1990s", "199"),
        ("Violence surged in the '90s.", "the '90s", "199"),
        ("They attacked in early July.", "early July", "XXXX-07"),
        ("They attacked in late 2017.", "late 2017", "2017"),
        ("They attacked in the summer of 2014.", "the summer of 2014", "2014-SU"),
        ("They attacked in mid-2018.", "mid-2018", "2018"),
        ("Profits rose in the first quarter of 2018.", "the first quarter of 2018", "2018-Q1"),
        (
            "Deaths fell in the first three months of 2020.",
            "the first three months of 2020",
            "2020-Q1",
        ),
        ("None in the 19th century was removed.", "the 19th century", "18"),
        ("Only three since 1789 were impeached.", "1789", "1789"),
    ],
)
def test_absolute_dates(text, expression, value):
    row = one(text)
    assert (row["text"], row["value"]) == (expression, value)


def test_in_2013_and_2014_gives_two_rows():
    assert values("In 2013 and 2014, it was unclear.") == [("2013", "2013"), ("2014", "2014")]


def test_parts_of_periods_narrow_the_interval():
    early = one("They attacked in early July 2017.")
    assert (early["value"], early["mod"]) == ("2017-07", "START")
    assert (day(early["start_date"]), day(early["end_date"])) == ("2017-07-01", "2017-07-10")
    late = one("They attacked in late 2017.")
    assert (late["mod"], day(late["end_date"])) == ("END", "2017-12-31")
    mid = one("They attacked in mid-2018.")
    assert mid["mod"] == "MID"
    assert "2018-05-01" < day(mid["start_date"]) < day(mid["end_date"]) < "2018-09-30"
    summer = one("They attacked in the summer of 2014.")
    assert (day(summer["start_date"]), day(summer["end_date"])) == ("2014-06-01", "2014-08-31")


# --------------------------------------------------------------------------- underspecified


@pytest.mark.parametrize(
    "text, expression, value, resolved",
    [
        ("The city was liberated in June.", "June", "XXXX-06", "2018-06"),
        ("They were driven out by November.", "November", "XXXX-11", "2018-11"),
        ("Troops arrived in February.", "February", "XXXX-02", "2019-02"),
        ("The Times reported on November 18.", "November 18", "XXXX-11-18", "2018-11-18"),
        ("The Post reported on Sunday.", "Sunday", "XXXX-WXX-7", "2019-03-03"),
        ("The Journal reported Tuesday.", "Tuesday", "XXXX-WXX-2", "2019-03-05"),
        ("The coalition said Thursday.", "Thursday", "XXXX-WXX-4", "2019-03-07"),
        ("The vote will be held on Tuesday.", "Tuesday", "XXXX-WXX-2", "2019-03-12"),
        ("They will meet in June.", "June", "XXXX-06", "2019-06"),
        ("Elections are scheduled for December 22.", "December 22", "XXXX-12-22", "2019-12-22"),
        ("It was signed on August 1 last year.", "August 1 last year", "XXXX-08-01", "2018-08-01"),
        (
            "The Senate voted on Tuesday evening.",
            "Tuesday evening",
            "XXXX-WXX-2TEV",
            "2019-03-05TEV",
        ),
        ("Police arrived on Tuesday morning.", "Tuesday morning", "XXXX-WXX-2TMO", "2019-03-05"),
        (
            "It was released at 9:30 p.m. Friday.",
            "9:30 p.m. Friday",
            "XXXX-WXX-5T21:30",
            "2019-03-01T21:30",
        ),
        ("Lawmakers spent the weekend at home.", "the weekend", "XXXX-WXX-WE", "2019-W09-WE"),
        ("They will hold hearings this spring.", "this spring", "XXXX-SP", "2019-SP"),
        ("Growth slowed in the third quarter.", "the third quarter", "XXXX-Q3", "2018-Q3"),
        ("A bomb exploded early Monday.", "Monday", "XXXX-WXX-1", "2019-03-04"),
        ("It was the wettest March on record.", "March", "XXXX-03", "2019-03"),
        ("Forecasters said storms would arrive by Monday.", "Monday", "XXXX-WXX-1", "2019-03-11"),
        ("Repairs are planned for the summer.", "the summer", "XXXX-SU", "2019-SU"),
        ("Residents have until April 15 to apply.", "April 15", "XXXX-04-15", "2019-04-15"),
    ],
)
def test_underspecified_dates_resolve_against_the_anchor(text, expression, value, resolved):
    row = one(text)
    assert (row["text"], row["value"], row["resolved"]) == (expression, value, resolved)
    assert row["anchor_from"] == "manifest"


def test_a_year_named_earlier_in_the_sentence_fixes_a_bare_month_day():
    found = find_dates_in_text("It flooded in the winter of 2014, when the river peaked on Feb. 9.")
    row = found.set_index("text").loc["Feb. 9"]
    assert (row["value"], row["resolved"]) == ("XXXX-02-09", "2014-02-09")
    # the same words without the year: the latest February 9 before the article's date
    assert one("The river peaked on Feb. 9.")["resolved"] == "2019-02-09"


def test_unresolvable_without_an_anchor_stays_nat():
    row = one("The city was liberated in June.", published=None)
    assert row["value"] == "XXXX-06"
    assert pd.isna(row["start_date"]) and pd.isna(row["end_date"]) and pd.isna(row["resolved"])


# --------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    "expression, value, resolved, start, end",
    [
        ("last week", "XXXX-WXX", "2019-W09", "2019-02-25", "2019-03-03"),
        ("this week", "XXXX-WXX", "2019-W10", "2019-03-04", "2019-03-10"),
        ("two weeks ago", "XXXX-WXX", "2019-W08", "2019-02-18", "2019-02-24"),
        ("a year ago", "XXXX", "2018", "2018-01-01", "2018-12-31"),
        ("earlier this year", "XXXX", "2019", "2019-01-01", "2019-03-07"),
        ("a few months ago", "PAST_REF", "PAST_REF", "2018-09-07", "2019-01-07"),
        ("today", "XXXX-XX-XX", "2019-03-07", "2019-03-07", "2019-03-07"),
        ("yesterday", "XXXX-XX-XX", "2019-03-06", "2019-03-06", "2019-03-06"),
        ("now", "PRESENT_REF", "PRESENT_REF", "2019-03-07", "2019-03-07"),
        ("last month", "XXXX-XX", "2019-02", "2019-02-01", "2019-02-28"),
        ("last year", "XXXX", "2018", "2018-01-01", "2018-12-31"),
    ],
)
def test_relative_expressions(expression, value, resolved, start, end):
    row = one(f"Officials said the attack happened {expression}, by all accounts.")
    assert (row["text"], row["kind"], row["value"]) == (expression, "relative", value)
    assert row["resolved"] == resolved
    assert (day(row["start_date"]), day(row["end_date"])) == (start, end)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The next month, the prime minister spoke.", "The next month", "XXXX-XX"),
        ("Such attacks have recently increased.", "recently", "PAST_REF"),
    ],
)
def test_vague_relative_expressions(text, expression, value):
    row = one(text)
    assert (row["text"], row["kind"], row["value"]) == (expression, "relative", value)


def test_recent_weeks_is_a_vague_duration_up_to_the_anchor():
    row = one("Officials said the attacks grew in recent weeks, by all accounts.")
    assert (row["text"], row["kind"], row["value"], row["resolved"]) == (
        "recent weeks",
        "duration",
        "PXW",
        "PXW",
    )
    assert (day(row["start_date"]), day(row["end_date"])) == ("2019-01-10", "2019-03-07")


def test_n_units_earlier_or_later_count_from_the_date_just_named():
    found = find_dates_in_text(
        "He moved to Paris in 2010. Two years later he was arrested.", ANCHOR
    )
    # TimeML tags the quantity alone, a DURATION (P2Y); it is still placed two years on
    assert found[["text", "kind", "value", "resolved"]].values.tolist() == [
        ["2010", "date", "2010", "2010"],
        ["Two years", "duration", "P2Y", "2012"],
    ]
    found = find_dates_in_text(
        "Profit rose in the third quarter from $4 million a year earlier.", ANCHOR
    )
    assert found["resolved"].tolist() == ["2018-Q3", "2017-Q3"]
    row = one("He had been arrested two years earlier.")  # nothing named before: the anchor
    assert (row["text"], row["value"], row["resolved"]) == ("two years", "P2Y", "2017")


def test_modifiers_outside_the_span_still_give_the_mod():
    assert one("A bomb exploded early Monday.")["mod"] == "START"
    assert one("It was the second trial in just over a year.")["mod"] == "MORE_THAN"
    assert one("It lasted about five hours.")["mod"] == "APPROX"


def test_recently_is_never_given_an_invented_interval():
    row = one("Such attacks have recently increased.")
    assert pd.isna(row["start_date"])


# --------------------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    "text, expression, kind, value",
    [
        ("It ended a three-year fight.", "three-year", "duration", "P3Y"),
        ("Inflation hit a 40-year high.", "40-year", "duration", "P40Y"),
        ("It is a decades-long conflict.", "decades-long", "duration", "PXY"),
        ("Negotiators met every few days.", "every few days", "set", "PXD"),
        ("It grew in the past eight months.", "the past eight months", "duration", "P8M"),
        ("They have one to two years to train.", "one to two years", "duration", "P1Y/P2Y"),
        ("He served for 15 years.", "15 years", "duration", "P15Y"),
        ("The coming months could decide it.", "The coming months", "duration", "PXM"),
        ("He had been arrested months earlier.", "months", "duration", "PXM"),
        ("It collapsed within days.", "days", "duration", "PXD"),
        ("It was the second trial in just over a year.", "a year", "duration", "P1Y"),
        ("It lasted less than a month.", "less than a month", "duration", "P1M"),
        ("There are 60 incidents each month.", "each month", "set", "P1M"),
        ("There are attacks every day.", "every day", "set", "P1D"),
        ("There are daily raids.", "daily", "set", "P1D"),
        ("They eat meat once a week.", "once a week", "set", "P1W"),
    ],
)
def test_durations_and_sets(text, expression, kind, value):
    row = one(text)
    assert (row["text"], row["kind"], row["value"]) == (expression, kind, value)


def test_the_n_months_to_a_month():
    assert values("Wages rose 5% in the three months to August.") == [
        ("the three months", "P3M"),
        ("August", "XXXX-08"),
    ]


def test_past_eight_months_is_an_interval_ending_at_the_anchor():
    row = one("Fighters returned in the past eight months.")
    assert (day(row["start_date"]), day(row["end_date"])) == ("2018-07-07", "2019-03-07")


# --------------------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "text",
    [
        "ISIS fighters likely number less than 3,000 in the area.",
        "It had released 283 Syrians who had worked with the group.",
        "It was confronted by the 81-member Coalition.",
        "These were 243 of the roughly 2,000 fighters.",
        "SDF members and the DeirEzzor 24 monitoring group now say so.",
        "They attacked a village some 70 km (44 miles) south of Mosul.",
        "Latest fighting shows it may be on the ropes.",
        "The reality may be that ISIS is on the back foot.",
        "Thousands march on the capital.",
        "They will march to Raqqa.",
        "See page 2019 of the report.",
        "The convoy took Route 2017 north.",
        "The army lost 2019 soldiers.",
        "The fund paid $2018 to each family.",
        "More than 100,000 people still have not returned.",
        "The fall of Mosul changed everything.",
        "The Sunday Times and the Daily Mail reported it.",
        "It was reported by the Mail on Sunday.",
        "It built on the Good Friday Agreement and Christmas Island's reefs.",
    ],
    ids=[
        "3,000 fighters",
        "283 Syrians",
        "81-member",
        "2,000 fighters",
        "DeirEzzor 24",
        "70 km",
        "may the verb",
        "may be that",
        "march the verb",
        "will march",
        "page number",
        "route number",
        "count of soldiers",
        "money",
        "100,000",
        "fall of a city",
        "newspaper names",
        "Mail on Sunday",
        "Good Friday Agreement, Christmas Island",
    ],
)
def test_not_dates(text):
    found = find_dates_in_text(text, ANCHOR)
    found = found[found["value"] != "PRESENT_REF"]  # "now say" is a time expression
    assert found.empty, found[["text", "value"]].to_dict("records")


def test_capitalised_may_and_march_need_date_context():
    assert values("May 5 was a holiday. March was cold.") == [("May 5", "XXXX-05-05")]
    assert values("He was arrested in May.") == [("May", "XXXX-05")]


# --------------------------------------------------------------------------- edge inputs


def test_corpus_without_dates_gives_an_empty_typed_table(make_corpus):
    corpus = make_corpus({"a.txt": "Title\n\nNothing here has a time.\n"})
    d = find_dates(corpus)
    assert d.empty and list(d.columns) == DATE_COLUMNS
    assert str(d["start_date"].dtype) == "datetime64[s]"


def test_curly_quotes_and_crlf(make_corpus):
    corpus = make_corpus(
        {"a.txt": b"Title\r\n\r\n\xe2\x80\x9cIn 2014, it fell,\xe2\x80\x9d he said.\r\n"}
    )
    d = find_dates(corpus)
    assert d["value"].tolist() == ["2014"]
    text = corpus.articles["text"][0]
    assert text[d["start"][0] : d["end"][0]] == "2014"


# --------------------------------------------------------------------------- analyst tables


def test_select_dates_checks_parameters(seed_dates):
    with pytest.raises(ValueError, match="kinds='week'"):
        select_dates(seed_dates, kinds=["week"])
    with pytest.raises(ValueError, match="date_from='soon'"):
        select_dates(seed_dates, date_from="soon")
    with pytest.raises(ValueError, match="granularity='week'"):
        mention_counts(seed_dates, "week")


def test_dated_events_are_chronological_and_traceable(seeds, seed_dates):
    events = dated_events(seeds, seed_dates, kinds=["date", "range"])
    assert events["start_date"].is_monotonic_increasing
    first = events.iloc[0]
    assert (first["expression"], first["value"], first["article_id"]) == (
        "2003",
        "2003",
        "002_77d8cc29bf025518",
    )
    assert "2003 US-led invasion" in first["sentence"]
    window = dated_events(seeds, seed_dates, date_from="2019-01-01", date_to="2019-12-31")
    assert window["start_date"].min() >= pd.Timestamp("2018-12-01")
    assert (window["end_date"] >= pd.Timestamp("2019-01-01")).all()


def test_event_phrase_is_the_clause_in_the_sources_words():
    sentence = (
        "The Iraqi government officially declared victory over the Islamic State in "
        "December 2017, after years of fighting, officials said."
    )
    start = sentence.index("December 2017")
    phrase = event_phrase(sentence, start, start + 13)
    assert phrase == (
        "The Iraqi government officially declared victory over the Islamic State in December 2017"
    )
    short = event_phrase(sentence, start, start + 13, width=40)
    assert short.endswith("Islamic State in December 2017") and short.startswith("…")
    assert len(short) <= 40  # cut at a word boundary, the date kept whole


def test_event_phrase_uses_the_sentence_when_the_clause_is_only_the_date():
    sentence = "Voters go to the polls on Nov. 8, officials said."
    start = sentence.index("Nov. 8")
    assert event_phrase(sentence, start, start + 6) == "Voters go to the polls on Nov. 8"


def test_mention_counts_by_year(seed_dates):
    counts = mention_counts(seed_dates, "year", kinds=["date", "range"])
    by_year = counts.groupby("period")["n_mentions"].sum()
    assert by_year["2014"] == 2  # 000 "In 2013 and 2014", 002 "in 2014"
    assert by_year["2006"] == 1 and by_year["2007"] == 1  # the range counts in both years


def test_figures_return_their_data(seeds, seed_dates):
    for fig, data in (
        plot_timeline(seeds, seed_dates),
        plot_histogram(seed_dates, "month"),
        plot_spans(seeds, seed_dates),
    ):
        assert isinstance(data, pd.DataFrame) and len(data)
        assert fig.axes[0].get_title()
        plt.close(fig)
    _, spans = plot_spans(seeds, seed_dates)
    assert spans["article_id"].tolist() == sorted(seeds.articles["article_id"])
    assert re.match(r"\d{4}-\d\d-\d\d", str(spans["anchor"][3].date()))


# --------------------------------------------------------------------------- any year is data


HARBOUR = "The harbour walls were first built in 1610 and repaired after a storm."


def test_a_year_before_1677_in_a_dated_article_is_kept():
    row = one(HARBOUR)
    assert (row["text"], row["value"]) == ("1610", "1610")
    assert (day(row["start_date"]), day(row["end_date"])) == ("1610-01-01", "1610-12-31")


def test_a_year_before_1677_in_an_undated_article_dates_nothing(make_corpus):
    corpus = make_corpus({"a.txt": f"Harbour history\n\n{HARBOUR}\n"})
    article = corpus.articles.iloc[0]
    assert pd.isna(article["published"]) and pd.isna(article["published_from"])
    assert anchor_dates(corpus)["anchor"].isna().all()
    assert find_dates(corpus)["value"].tolist() == ["1610"]


def test_an_undated_corpus_has_no_published_dates_and_no_inferred_values(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Siege\n\nThe city fell in 2014. Two weeks ago, rebels returned.\n",
            "b.txt": "Port\n\nThe port opened on March 3, 2019, and closed on Monday.\n",
        }
    )
    assert corpus.articles["published"].isna().all()
    assert corpus.articles["published_from"].isna().all()
    d = find_dates(corpus).set_index("text")
    assert d.loc["2014", "resolved"] == "2014"
    assert d.loc["March 3, 2019", "resolved"] == "2019-03-03"
    assert pd.isna(d.loc["Two weeks ago", "start_date"]) and pd.isna(d.loc["Monday", "start_date"])
    assert not (d["anchor_from"] == "inferred").any()


def test_years_after_2262_and_centuries_of_any_period():
    found = find_dates_in_text("The levee should protect the port until 2100, or by 2150.", ANCHOR)
    assert found["value"].tolist() == ["2100", "2150"]
    assert day(found["end_date"][1]) == "2150-12-31"
    assert str(found["start_date"].dtype) == "datetime64[s]"
    row = one("The fort was built in the 2nd century.")
    assert (row["value"], day(row["start_date"])) == ("01", "0100-01-01")


def test_published_in_nanoseconds_or_seconds_gives_the_same_dates(make_corpus):
    corpus = make_corpus(
        {"a.txt": "Title\nBy Ann Lee, March 7, 2019\nThe port opened on Monday.\n"}
    )
    seconds = dataclasses.replace(
        corpus,
        articles=corpus.articles.assign(
            published=corpus.articles["published"].astype("datetime64[s]")
        ),
    )
    for c in (corpus, seconds):
        assert find_dates(c)["resolved"].tolist() == ["2019-03-04"]


def test_times_of_day_are_never_years():
    row = one("Allied shares rose 4% by 1200 GMT.")
    assert (row["text"], row["value"]) == ("1200 GMT", "XXXX-XX-XXT12:00")
    row = one("The raids hit around 1130 am, residents said.")
    assert (row["text"], row["value"]) == ("1130 am", "XXXX-XX-XXT11:30")
    row = one("The raids hit at 11:30 a.m., residents said.")
    assert (row["text"], row["value"]) == ("11:30 a.m.", "XXXX-XX-XXT11:30")


def test_a_time_of_day_does_not_date_an_undated_article(make_corpus):
    corpus = make_corpus({"a.txt": "Markets\n\nAllied shares rose 4% by 1200 GMT.\n"})
    assert corpus.articles["published"].isna().all()


def test_a_decade_does_not_give_its_sentence_a_year():
    found = find_dates_in_text("Prices fell in the late '70s and again in October.", "2016-07-15")
    assert found["resolved"].tolist() == ["197", "2015-10"]


# --------------------------------------------------------------------------- issue 13 cases


def test_may_the_person_is_no_month():
    assert values("Since May took office, the party has split.") == []
    assert values("It was a decision by May to delay the vote.") == []
    assert values("Theresa May promised a vote in May.") == [("May", "XXXX-05")]
    assert values("The board was appointed last May to solicit bids.") == [("last May", "XXXX-05")]


def test_an_adverb_between_is_and_expected_keeps_the_future():
    found = find_dates_in_text("The vote is now expected in July.", ANCHOR)
    assert found.set_index("text").loc["July", "resolved"] == "2019-07"
    found = find_dates_in_text("The vote is now expected in July.", "2019-08-20")
    assert found.set_index("text").loc["July", "resolved"] == "2020-07"


@pytest.mark.parametrize(
    "text, expression, resolved",
    [
        ("Voters go to a ballot on Friday, March 15.", "Friday, March 15", "2019-03-15"),
        ("The strike ended on Tuesday, Feb. 26.", "Tuesday, Feb. 26", "2019-02-26"),
        ("It ended on Tuesday, 26 February 2013.", "Tuesday, 26 February 2013", "2013-02-26"),
    ],
)
def test_a_weekday_with_its_date_is_one_expression_valued_by_the_date(text, expression, resolved):
    row = one(text)
    assert (row["text"], row["resolved"]) == (expression, resolved)


def test_the_weekday_picks_the_year_of_a_date_without_one():
    row = one("Voters went to a ballot on Friday, March 16.")  # a Friday in 2018
    assert row["resolved"] == "2018-03-16"


@pytest.mark.parametrize(
    "text, expression, value, start",
    [
        ("The church was built in the 1600s.", "the 1600s", "16", "1600-01-01"),
        ("The mill dates from the 1790s.", "the 1790s", "179", "1790-01-01"),
        ("It was rebuilt in the 1920s.", "the 1920s", "192", "1920-01-01"),
        ("The tower dates from the twelfth century.", "the twelfth century", "11", "1100-01-01"),
        ("A fabled 11th-century temple stands there.", "11th-century", "10", "1000-01-01"),
        ("It faded in the late 19th century.", "the late 19th century", "18", "1866-09-02"),
        ("Sea levels will rise this century.", "this century", "20", "2000-01-01"),
    ],
)
def test_centuries_and_decades_of_any_period(text, expression, value, start):
    row = one(text)
    assert (row["text"], row["resolved"], day(row["start_date"])) == (expression, value, start)


def test_financial_periods_follow_the_report():
    found = find_dates_in_text(
        "Net rose 5% in the third quarter from $4 million a year ago. "
        "For the fiscal year ended June 30, sales rose.",
        "2019-10-26",
    )
    assert found[["text", "resolved"]].values.tolist() == [
        ["the third quarter", "2019-Q3"],
        ["a year ago", "2018-Q3"],
        ["the fiscal year", "P1Y"],
        ["June 30", "2019-06-30"],
    ]


@pytest.mark.parametrize(
    "text, expression, resolved",
    [
        ("Revenue for this year's second quarter rose.", "this year's second quarter", "2019-Q2"),
        ("It may open in next year's first half.", "next year's first half", "2020-H1"),
        ("Sales in last year's quarter were $9 million.", "last year's quarter", "2018-Q3"),
        (
            "Net was $2 million in the same period last year.",
            "the same period last year",
            "2018-Q3",
        ),
        (
            "For the quarter a year earlier, it lost $1 million.",
            "the quarter a year earlier",
            "2018-Q3",
        ),
    ],
)
def test_a_year_and_its_quarter_are_one_expression(text, expression, resolved):
    row = one(text, "2019-10-26")
    assert (row["text"], row["resolved"]) == (expression, resolved)


def test_a_year_ago_compares_with_the_period_the_sentence_names():
    found = find_dates_in_text(
        "Quarterly sales of the brewer fell to $2 billion from $3 billion a year ago. "
        "For the nine months, profit rose to $5 million from $4 million a year earlier.",
        "2019-10-26",
    )
    assert found[["text", "resolved"]].values.tolist() == [
        ["a year ago", "2018-Q3"],
        ["the nine months", "P9M"],
        ["a year earlier", "2018"],
    ]


@pytest.mark.parametrize(
    "text, expression, resolved",
    [
        # a plan in the past perfect is over: the Friday before the article (Thursday 7 March)
        ("The offer had been due to expire Friday.", "Friday", "2019-03-01"),
        ("The strike had been scheduled for Monday.", "Monday", "2019-03-04"),
        ("They are supposed to finish the bridge by June.", "June", "2019-06"),
        # a bracket takes the tense of the clause around it
        (
            "The convoy will leave at dawn (6 a.m. local time Saturday), he said.",
            "6 a.m. local time Saturday",
            "2019-03-09T06:00",
        ),
        # an intention in the past perfect still points ahead
        ("Leaders had agreed to finish the plan by June.", "June", "2019-06"),
    ],
)
def test_tense_of_past_plans_and_brackets(text, expression, resolved):
    found = find_dates_in_text(text, ANCHOR)
    row = found[found["text"] == expression].iloc[0]
    assert row["resolved"] == resolved


@pytest.mark.parametrize(
    "text, expression, resolved",
    [
        ("The dam was finished in nineteen sixty-two.", "nineteen sixty-two", "1962"),
        ("It opened in March nineteen ninety-eight.", "March nineteen ninety-eight", "1998-03"),
        (
            "Floods came in the spring of nineteen oh five.",
            "the spring of nineteen oh five",
            "1905-SP",
        ),
        (
            "By the year two thousand and ten it had closed.",
            "the year two thousand and ten",
            "2010",
        ),
        # a quotation opened with two backticks, as in older wire text
        ("``Today we begin,'' the mayor said.", "Today", "2019-03-07"),
        ("The storm hit the coast last night.", "last night", "2019-03-06TNI"),
        ("Second-quarter orders rose 4%.", "Second-quarter", "2018-Q2"),
    ],
)
def test_spelled_years_quoted_today_last_night_capitalised_quarters(text, expression, resolved):
    found = find_dates_in_text(text, ANCHOR)
    row = found[found["text"] == expression].iloc[0]
    assert row["resolved"] == resolved


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Costs will be spread over the next three quarters.", "the next three quarters", "P9M"),
        ("Margins have been thin in recent quarters.", "recent quarters", "PXM"),
        ("It ended a decades-long feud.", "decades-long", "PXY"),
        ("The fair is held each July.", "each July", "XXXX-07"),
    ],
)
def test_durations_in_iso_units_and_monthly_sets(text, expression, value):
    row = one(text)
    assert (row["text"], row["value"]) == (expression, value)


def test_a_reporting_period_of_a_year_named_in_a_nine_month_sentence_is_that_year():
    found = find_dates_in_text(
        "In the first nine months, profit was $3 million, against $2 million in the 2018 period.",
        "2019-10-26",
    )
    assert found["resolved"].tolist()[-1] == "2018"


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The review took a couple of years.", "a couple of years", "P2Y"),
        ("Prices may rise over the next couple of months.", "the next couple of months", "P2M"),
        ("She began a two day visit.", "two day", "P2D"),
        ("He won a six year term.", "six year", "P6Y"),
    ],
)
def test_a_couple_of_and_adjectives_without_their_hyphen(text, expression, value):
    row = one(text)
    assert (row["text"], row["value"]) == (expression, value)


def test_two_year_olds_are_no_duration():
    assert values("The class has 12 two year olds.") == []


def test_the_week_of_a_date_is_that_week():
    assert one("The hearing is set for the week of March 18.")["resolved"] == "2019-W12"


def test_two_thousand_as_a_number_is_no_year():
    assert values("The firm hired two thousand workers.") == []


@pytest.mark.parametrize(
    "text",
    [
        "About a quarter of voters agree.",
        "He spent a quarter-century in Congress.",
        "Turnout fell by between a quarter and a third.",
        "Just over a quarter, 26 percent, back him.",
    ],
)
def test_a_quarter_as_a_fraction_is_no_duration(text):
    assert values(text) == []


def test_a_quarter_as_a_period_is_three_months():
    assert values("The plant will be idle for a quarter.") == [("a quarter", "P3M")]


# --------------------------------------------------------------------------- views by group


def _dates_of(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A dates table from (article_id, start, end) rows, resolved as kind "date"."""
    frames = []
    for i, (aid, lo, hi) in enumerate(rows):
        frames.append(
            {
                "article_id": aid,
                "sentence_id": i,
                "text": "x",
                "kind": "date",
                "resolved": lo[:4],
                "start_date": pd.Timestamp(lo),
                "end_date": pd.Timestamp(hi),
                "start": i,
            }
        )
    out = pd.DataFrame(frames)
    for col in ("start_date", "end_date"):
        out[col] = out[col].astype("datetime64[s]")
    return out


def test_mentions_by_group_spreads_each_mention_over_its_interval():
    from newscorpus import groups as grouping
    from newscorpus.timeline import mentions_by_group

    dates = _dates_of(
        [
            ("a", "2014-01-01", "2014-12-31"),
            ("a", "2014-03-01", "2014-03-31"),
            ("b", "1610-01-01", "1610-12-31"),
        ]
    )
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"]})
    labels = grouping.assign(articles, "outlet")
    counts = mentions_by_group(dates, labels, "year", date_from="2010-01-01", date_to="2019-12-31")
    x = counts[counts["group"] == "X"].set_index("period")["n_mentions"]
    assert x["2014"] == pytest.approx(2.0, abs=1e-3)
    assert counts.attrs["n_outside"] == pytest.approx(1.0)  # the 1610 mention of Y
    # a decade is spread over its years
    decade = _dates_of([("a", "2010-01-01", "2019-12-31")])
    spread = mentions_by_group(decade, labels, "year")
    x = spread[spread["group"] == "X"].set_index("period")["n_mentions"]
    assert x["2014"] == pytest.approx(0.1, abs=1e-3)
    # by month, a year is never spread over its months: left out and counted
    counts = mentions_by_group(dates, labels, "month", date_from="2014-01-01", date_to="2014-12-31")
    x = counts[counts["group"] == "X"].set_index("period")["n_mentions"]
    assert (x["2014-03"], x["2014-01"], x.sum()) == (1.0, 0.0, 1.0)
    assert counts.attrs["n_coarser"] == 2  # 2014 and 1610


def test_published_vs_mentioned_counts_undated_and_far_years_apart():
    from newscorpus.timeline import published_vs_mentioned

    dates = _dates_of(
        [
            ("a", "2019-03-04", "2019-03-04"),
            ("b", "2019-01-01", "2019-01-01"),
            ("a", "1610-01-01", "1610-12-31"),
        ]
    )
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "published": pd.to_datetime(["2019-03-07", None])}
    )
    cells = published_vs_mentioned(
        dates, articles, bins=10, date_from="2018-01-01", date_to="2019-12-31"
    )
    assert cells.attrs["n_undated"] == 1 and cells.attrs["n_outside"] == 1
    assert cells.groupby("panel")["n_mentions"].sum().to_dict() == {"near": 1, "window": 1}


def test_events_table_and_busiest_articles(seeds, seed_dates):
    from newscorpus import groups as grouping
    from newscorpus.timeline import busiest_articles, events_table

    labels = grouping.assign(seeds.articles, "outlet")
    events = events_table(seeds.sentences, seed_dates, labels)
    assert list(events.columns[:4]) == ["date", "end", "group", "article_id"]
    assert events["date"].is_monotonic_increasing
    first = events.iloc[0]
    assert (first["date"], first["expression"]) == ("2003-01-01", "2003")
    assert "2003 US-led invasion" in first["sentence"]
    top = busiest_articles(seed_dates, 2)
    counts = seed_dates[seed_dates["start_date"].notna()]["article_id"].value_counts()
    assert counts[top[0]] == counts.max() and len(top) == 2
    with pytest.raises(ValueError, match="articles="):
        busiest_articles(seed_dates, 2, ["no-such-article"])


def test_corpus_views_stay_bounded(seeds, seed_dates):
    from newscorpus import groups as grouping
    from newscorpus.timeline import (
        busiest_articles,
        mentions_by_group,
        plot_density,
        plot_group_histogram,
        plot_swimlanes,
        published_vs_mentioned,
    )

    labels = grouping.assign(seeds.articles, "outlet")
    figures = [
        plot_group_histogram(mentions_by_group(seed_dates, labels, "month"), "month")[0],
        plot_density(published_vs_mentioned(seed_dates, seeds.articles))[0],
        plot_swimlanes(seeds.sentences, seed_dates, busiest_articles(seed_dates, 12))[0],
    ]
    for fig in figures:
        width, height = fig.get_size_inches() * 150
        assert width <= 3000 and height <= 3000 and fig.axes[0].get_title() is not None
        plt.close(fig)


def test_corpus_views_run_on_far_years_and_on_no_dates(make_corpus):
    from newscorpus import groups as grouping
    from newscorpus.timeline import (
        busiest_articles,
        events_table,
        mentions_by_group,
        plot_density,
        plot_group_histogram,
        plot_swimlanes,
        published_vs_mentioned,
    )

    corpus = make_corpus({"a.txt": f"Harbour\n\n{HARBOUR}\n", "b.txt": "Quiet\n\nNothing dated.\n"})
    dates = find_dates(corpus)
    labels = grouping.assign(corpus.articles, "outlet")
    counts = mentions_by_group(dates, labels)
    assert counts["n_mentions"].sum() == pytest.approx(1.0) and counts["period"].tolist() == [
        "1610"
    ]
    cells = published_vs_mentioned(dates, corpus.articles)
    # No article states a date: nothing is placed, and the figure says so instead of an axis
    assert len(cells) == 0 and cells.attrs["n_dated_articles"] == 0
    assert cells.attrs["n_undated"] == 1
    density = plot_density(cells)[0]
    shown = [t.get_text() for ax in density.axes for t in ax.texts]
    assert any(t.startswith("no publication dates") for t in shown)
    plt.close(density)
    assert events_table(corpus.sentences, dates, labels)["sentence"].tolist() == [HARBOUR]
    for fig in (
        plot_group_histogram(counts)[0],
        plot_density(cells)[0],
        plot_swimlanes(corpus.sentences, dates, busiest_articles(dates, 5))[0],
        plot_swimlanes(corpus.sentences, dates.iloc[:0], [])[0],
    ):
        plt.close(fig)


@pytest.mark.parametrize(
    "text, expression, resolved",
    [
        ("Crowds gathered for Good Friday prayers.", "Good Friday", "2018-03-30"),
        ("They met on Thanksgiving Day, officials said.", "Thanksgiving Day", "2018-11-22"),
        ("He was born on Christmas Day 1990.", "Christmas Day 1990", "1990-12-25"),
        ("Voters will go to the polls on Election Day.", "Election Day", "2019-11-05"),
        ("Voters went to the polls on Election Day.", "Election Day", "2018-11-06"),
        ("He left last Christmas.", "last Christmas", "2018-12-25"),
    ],
)
def test_holidays_are_dates(text, expression, resolved):
    row = one(text, "2019-01-10")
    assert (row["text"], row["resolved"]) == (expression, resolved)


def test_a_count_of_people_is_no_year():
    found = find_dates_in_text("A poll of 2047 registered voters found support.", "2016-05-01")
    assert found.empty
    kept = find_dates_in_text("By the end of 2047 the port will close.", "2016-05-01")
    assert kept["value"].tolist() == ["2047"]


def test_later_with_no_date_named_before_is_not_placed():
    alone = find_dates_in_text("More than 200 years later, the law still stands.", "2016-07-28")
    assert alone["start_date"].isna().all()
    after = find_dates_in_text("The war ended in 1945. Two years later, a treaty.", "2016-07-28")
    assert str(after["start_date"].iloc[1].date()) == "1947-01-01"


def test_per_article_figures_stay_bounded(seeds, seed_dates, monkeypatch):
    import newscorpus.timeline.figures as figures

    monkeypatch.setattr(figures, "MAX_SPAN_ROWS", 2)
    fig, spans = figures.plot_spans(seeds, seed_dates)
    assert len(spans) == 5 and len(fig.axes[0].get_yticks()) == 2
    assert "first 2 of 5 articles" in fig.axes[0].get_title()
    plt.close(fig)
    fig, _ = plot_timeline(seeds, seed_dates)
    assert len(fig.axes[0].get_yticks()) == 5  # one lane per article, at most 12
    plt.close(fig)
