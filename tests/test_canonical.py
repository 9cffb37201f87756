"""One source, one name: canonical names within an article and across the corpus, the types of
speakers (places, sentence openers, poll findings) and organisations found by their form."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.sources import (
    cited_by_group,
    find_quotes,
    find_sources,
    quoted_by_group,
    source_network,
    who_is_quoted,
)
from newscorpus.sources.canonical import (
    corpus_aliases,
    initials,
    name_counts,
    resolve_corpus,
    resolve_folder,
)


@pytest.fixture
def tables(make_corpus):
    """(quotes, sources) of invented articles {file name: body}, corpus step applied."""

    def run(bodies: dict[str, str]):
        corpus = make_corpus(
            {k: "A title line for the test\n" + v + "\n" for k, v in bodies.items()}
        )
        quotes = find_quotes(corpus)
        sources = find_sources(corpus, quotes)
        quotes, sources, _ = resolve_corpus(quotes, sources)
        return quotes, sources

    return run


def speaker_of(quotes: pd.DataFrame, words: str) -> pd.Series:
    """The row of the quote holding `words`."""
    rows = quotes[quotes["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# --------------------------------------------------------------------------- within an article


def test_surname_and_title_become_the_full_name_in_the_article(tables):
    quotes, sources = tables(
        {"a.txt": "President Donald Trump spoke on Monday.\n“We will win,” Mr. Trump said.\n"}
    )
    row = speaker_of(quotes, "We will win")
    assert row["canonical"] == "Donald Trump"
    people = sources[sources["kind"] == "person"]
    assert people["canonical"].tolist() == ["Donald Trump"]


def test_acronym_in_brackets_and_the_monitor_resolve_to_the_observatory(tables):
    quotes, sources = tables(
        {
            "a.txt": "The Syrian Observatory for Human Rights (SOHR) counted 40 dead.\n"
            "“The shelling went on all night,” the Observatory said.\n"
            "“Nobody could leave,” the monitor added.\n"
            "SOHR said later that 12 children were among the dead.\n"
        }
    )
    name = "Syrian Observatory for Human Rights"
    assert speaker_of(quotes, "shelling")["canonical"] == name
    assert speaker_of(quotes, "Nobody could leave")["canonical"] == name
    assert speaker_of(quotes, "12 children")["speaker"] == "SOHR"
    assert speaker_of(quotes, "12 children")["canonical"] == name
    orgs = sources[sources["kind"] == "organization"]
    assert orgs["canonical"].tolist() == [name]  # one source, no "Human Rights" tail
    assert int(orgs["n_quotes"].iloc[0]) == 2 and int(orgs["n_indirect"].iloc[0]) == 1


def test_the_agency_is_the_agency_last_named(tables):
    quotes, _ = tables(
        {
            "a.txt": "The Environmental Protection Agency issued new rules on Monday.\n"
            "“The rules protect children,” the agency said.\n"
        }
    )
    assert speaker_of(quotes, "protect children")["canonical"] == "Environmental Protection Agency"


def test_head_of_and_chief_before_the_name_give_the_person(tables):
    quotes, _ = tables(
        {
            "a.txt": "“Twenty fighters died,” said Rami Abdulrahman, head of the Syrian "
            "Observatory for Human Rights.\n“The talks failed,” the agency chief Ana Duarte said.\n"
        }
    )
    assert speaker_of(quotes, "Twenty fighters")["canonical"] == "Rami Abdulrahman"
    assert speaker_of(quotes, "talks failed")["canonical"] == "Ana Duarte"


# --------------------------------------------------------------------------- across the corpus


def test_surname_alone_becomes_the_full_name_the_corpus_uses(tables):
    quotes, sources = tables(
        {
            "a.txt": "“We will win,” Donald Trump said on Monday.\n",
            "b.txt": "“The economy is strong,” Trump said on Tuesday.\n",
        }
    )
    row = speaker_of(quotes, "economy is strong")
    assert row["speaker"] == "Trump" and row["canonical"] == "Donald Trump"
    assert sorted(sources["canonical"]) == ["Donald Trump", "Donald Trump"]
    table = who_is_quoted(quotes)
    assert table["speaker"].tolist() == ["Donald Trump"]
    assert table["n_quotes"].tolist() == [2]
    assert set(table["variants"].iloc[0].split("; ")) == {"Donald Trump", "Trump"}


def test_surname_shared_by_two_full_names_stays_alone():
    names = pd.DataFrame(
        {
            "canonical": ["Donald Trump", "Ivanka Trump", "Trump"],
            "kind": ["person"] * 3,
            "n_articles": [5, 5, 3],
        }
    )
    assert corpus_aliases(names).empty


def test_one_article_headline_fragments_are_no_rival_full_names():
    # "Obama" alone is Barack Obama although headlines glue words to the surname once each
    junk = ["GOP Slams Obama", "Will Obama", "Unlike Obama", "Romney Raps Obama", "Malia Obama"]
    names = pd.DataFrame(
        {
            "canonical": ["Barack Obama", "Team Obama", "Michelle Obama", *junk, "Obama"],
            "kind": ["person"] * 9,
            "n_articles": [41, 4, 2, 1, 1, 1, 1, 1, 56],
        }
    )
    aliases = corpus_aliases(names).set_index("alias")
    assert aliases.loc["Obama", "canonical"] == "Barack Obama"
    # a real rival cited in two articles or more still keeps the surname alone
    rival = pd.DataFrame(
        {
            "canonical": ["Barack Obama", "Michelle Obama", "Obama"],
            "kind": ["person"] * 3,
            "n_articles": [10, 5, 8],
        }
    )
    assert "Obama" not in set(corpus_aliases(rival)["alias"])


def test_spellings_with_the_same_letters_and_acronyms_across_the_corpus():
    names = pd.DataFrame(
        {
            "canonical": [
                "Donald Trump",
                "Donald J. Trump",
                "SOHR",
                "Syrian Observatory for Human Rights",
            ],
            "kind": ["person", "person", "organization", "organization"],
            "n_articles": [9, 2, 1, 4],
        }
    )
    aliases = corpus_aliases(names).set_index("alias")
    assert aliases.loc["Donald J. Trump", "canonical"] == "Donald Trump"
    assert aliases.loc["Donald J. Trump", "rule"] == "spelling"
    assert aliases.loc["SOHR", "canonical"] == "Syrian Observatory for Human Rights"
    assert initials("Syrian Observatory for Human Rights") == "SOHR"


def test_resolve_folder_rewrites_the_parts(tmp_path):
    (tmp_path / "quotes").mkdir()
    (tmp_path / "sources").mkdir()
    pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "speaker": ["Donald Trump", "Trump"],
            "canonical": ["Donald Trump", "Trump"],
            "speaker_kind": ["person", "person"],
        }
    ).to_parquet(tmp_path / "quotes" / "part-00000.parquet", index=False)
    for k, (aid, name) in enumerate((("a", "Donald Trump"), ("b", "Trump"))):
        pd.DataFrame(
            {"article_id": [aid], "name": [name], "canonical": [name], "kind": ["person"]}
        ).to_parquet(tmp_path / "sources" / f"part-{k:05d}.parquet", index=False)
    aliases = resolve_folder(tmp_path)
    assert aliases["alias"].tolist() == ["Trump"]
    assert pd.read_parquet(tmp_path / "quotes")["canonical"].tolist() == ["Donald Trump"] * 2
    second = pd.read_parquet(tmp_path / "sources" / "part-00001.parquet")
    assert second["canonical"].tolist() == ["Donald Trump"]
    assert second["name"].tolist() == ["Trump"]  # the surface form is kept
    assert (tmp_path / "source_aliases.parquet").exists()


def test_name_counts_count_articles():
    sources = pd.DataFrame(
        {"article_id": ["a", "a", "b"], "canonical": ["X Y", "X Y", "X Y"], "kind": ["person"] * 3}
    )
    assert name_counts(sources)["n_articles"].tolist() == [2]


# --------------------------------------------------------------------------- types


def test_a_capital_that_speaks_is_its_government(tables):
    quotes, sources = tables(
        {
            "a.txt": "Damascus said the strikes were illegal.\n“This is aggression,” the Kremlin said.\n"
        }
    )
    row = speaker_of(quotes, "strikes were illegal")
    assert (row["speaker_kind"], row["canonical"], row["source_type"]) == (
        "country",  # a country, never an organisation
        "Syria",
        "government",
    )
    assert speaker_of(quotes, "aggression")["canonical"] == "Russia"
    assert "person" not in set(sources["kind"].astype("str"))


def test_sentence_openers_are_never_people(tables):
    quotes, sources = tables(
        {"a.txt": "Even said the vote was close.\nSixty said they would leave the town.\n"}
    )
    assert "person" not in set(quotes["speaker_kind"])
    assert "person" not in set(sources["kind"].astype("str"))


def test_percentages_and_poll_groups_are_never_speakers(tables):
    quotes, sources = tables(
        {
            "a.txt": "Fifty-two percent said they approved of the plan.\n"
            "Many voters said they were unsure.\n"
            "Republicans surveyed said the economy was strong.\n"
        }
    )
    assert set(quotes["speaker_kind"]) <= {"poll"}
    assert quotes["canonical"].isna().all()
    assert sources.empty  # a poll finding cites no source


# --------------------------------------------------------------------------- organisations by form


def test_organisations_found_by_head_noun_acronym_and_website(tables):
    quotes, sources = tables(
        {
            "a.txt": "The nonpartisan Congressional Budget Office said the bill would cost more.\n"
            "The FBI said it was investigating the leak.\n"
            "“The files are real,” WikiLeaks said in a statement.\n"
        }
    )
    orgs = sources[sources["kind"] == "organization"].set_index("canonical")
    assert {"Congressional Budget Office", "FBI", "WikiLeaks"} <= set(orgs.index)
    assert orgs.loc["WikiLeaks", "type"] == "media"
    assert "person" not in set(sources["kind"].astype("str"))


def test_no_fragment_is_a_source_or_linked_with_its_name(tables):
    quotes, sources = tables(
        {
            "a.txt": "“Twelve died,” said the Syrian Observatory for Human Rights.\n",
            "b.txt": "The Syrian Observatory for Human Rights said 20 fighters died.\n",
        }
    )
    assert "Human Rights" not in set(sources["canonical"])
    fake = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "name": ["Donald Trump", "Trump", "Donald Trump", "Trump"],
            "kind": ["person"] * 4,
            "type": ["unknown"] * 4,
        }
    )
    graph = source_network(fake)
    assert graph.number_of_edges() == 0  # "Trump" is a fragment of "Donald Trump"


def test_group_views_count_canonical_names_and_list_variants(tables):
    quotes, sources = tables(
        {
            "a.txt": "“We will win,” Donald Trump said on Monday.\n"
            "The FBI said it was investigating.\n",
            "b.txt": "“The economy is strong,” Trump said on Tuesday.\n"
            "The F.B.I. said it had closed the case.\n",
        }
    )
    labels = pd.Series(["A", "B"], index=["a", "b"])
    table = quoted_by_group(quotes, labels, top_n=5)
    assert table["speaker"].tolist() == ["Donald Trump", "Donald Trump"]
    assert table["group_articles"].tolist() == [1, 1]
    cited = cited_by_group(sources, labels, top_n=5)
    fbi = cited[cited["name"] == "FBI"]
    assert fbi["n_articles"].tolist() == [1, 1]


def test_explorer_default_source_is_the_top_canonical_source(make_corpus):
    from newscorpus import explore

    corpus = make_corpus({"a.txt": "A title line\nSome body text here.\n"})
    quotes = pd.DataFrame(
        {
            "article_id": ["a"] * 5,
            "speaker": ["Hillary Clinton", "Hillary Clinton", "Trump", "Trump", "Donald Trump"],
            "canonical": ["Hillary Clinton"] * 2 + ["Donald Trump"] * 3,
            "kind": ["direct"] * 5,
            "quote": ["x"] * 5,
            "start": [0] * 5,
            "end": [1] * 5,
        }
    )
    findings = explore.Findings(corpus, quotes=quotes)
    assert explore.source_names(findings)[0] == "Donald Trump"
    assert len(explore.source_findings(findings, "Donald Trump")) == 3  # every spelling


def test_articles_without_a_label_are_no_group(tables):
    quotes, sources = tables(
        {
            "a.txt": "“We will win,” Donald Trump said on Monday.\n",
            "b.txt": "“We will win,” Donald Trump said on Monday.\n",
        }
    )
    labels = pd.Series(["A", None], index=["a", "b"])  # b: a duplicate left out
    table = quoted_by_group(quotes, labels)
    assert [str(g) for g in table["group"]] == ["A"]
    assert table["n_quotes"].tolist() == [1]
    cited = cited_by_group(sources, labels, kinds=("person",))
    assert [str(g) for g in cited["group"]] == ["A"]


def test_a_wire_credit_in_a_dateline_is_not_a_citation(tables):
    _, sources = tables({"a.txt": "WASHINGTON (AP) — The vote was close, officials said.\n"})
    assert "Associated Press" not in set(sources["canonical"])
    _, sources = tables({"b.txt": "The vote was close, the AP reported on Monday.\n"})
    assert "Associated Press" in set(sources["canonical"])


def test_headline_words_glued_to_a_name_are_dropped():
    names = pd.DataFrame(
        {
            "canonical": ["Jeb Bush", "Abortions Jeb Bush"],
            "kind": ["person"] * 2,
            "n_articles": [9, 1],
        }
    )
    aliases = corpus_aliases(names)
    assert aliases[["alias", "canonical", "rule"]].values.tolist() == [
        ["Abortions Jeb Bush", "Jeb Bush", "fragment"]
    ]


def test_unresolved_descriptions_and_juniors_stay_apart():
    names = pd.DataFrame(
        {
            "canonical": ["the campaign", "Clinton campaign", "Donald Trump", "Donald Trump Jr."],
            "kind": ["organization", "organization", "person", "person"],
            "n_articles": [30, 5, 50, 3],
        }
    )
    assert corpus_aliases(names).empty


def test_a_shouted_name_is_the_person_not_an_acronym(tables):
    quotes, _ = tables(
        {"a.txt": "Donald Trump spoke on Friday.\nTRUMP, on the virus: “I see the disinfectant.”\n"}
    )
    row = speaker_of(quotes, "disinfectant")
    assert (row["speaker_kind"], row["canonical"]) == ("person", "Donald Trump")


def test_a_photo_credit_is_not_a_citation(tables):
    _, sources = tables({"a.txt": "The vote was close. (AP Photo/Evan Vucci)\nIt ended late.\n"})
    assert "Associated Press" not in set(sources["canonical"])


def test_a_poll_named_with_a_slash_cites_the_outlet(tables):
    _, sources = tables({"a.txt": "A new CNN/ORC poll found the race was close.\n"})
    assert "CNN" in set(sources["canonical"])


# --------------------------------------------------------------------------- generic names (h11)


def test_unresolved_generic_descriptions_are_unnamed_sources(tables):
    quotes, sources = tables(
        {
            "a.txt": "Profits rose this year.\n"
            "“Sales were strong,” the company said.\n"
            "“We expect more,” the government said.\n"
            "“Prices will ease,” Dealers said.\n"
            "“Copper is weak,” Metal Traders said.\n"
        }
    )
    for words, name in (
        ("Sales were strong", "the company"),
        ("We expect more", "the government"),
        ("Prices will ease", "dealers"),
        ("Copper is weak", "metal traders"),
    ):
        row = speaker_of(quotes, words)
        assert (row["canonical"], row["speaker_kind"]) == (name, "collective")  # no individual
    named = sources[sources["kind"].isin(["person", "organization"])]
    assert named.empty, named
    assert "the company" not in source_network(sources).nodes


def test_company_suffix_resolves_to_the_company_named_before(tables):
    quotes, _ = tables(
        {
            "a.txt": "Daiwa Securities Co Ltd raised its forecast.\n"
            "“Demand is firm,” Co Ltd said.\n"
            "“We are cautious,” Ltd said.\n"
        }
    )
    for words in ("Demand is firm", "We are cautious"):
        row = speaker_of(quotes, words)
        assert (row["canonical"], row["speaker_kind"]) == (
            "Daiwa Securities Co Ltd",
            "organization",
        )


def test_a_company_is_no_person_and_a_fragment_takes_the_full_name(tables):
    quotes, _ = tables(
        {
            "a.txt": "Standard and Poor's Corp cut the rating of the bonds.\n"
            "“The outlook is negative,” said S and P.\n"
            "“Debt is high,” Poor's Corp said.\n"
            "Moody's Investors Service Inc also reviewed the debt.\n"
            "“We agree,” Moody said.\n"
            "“Margins are thin,” Swiss Bank Corp said.\n"
        }
    )
    for words, name in (
        ("The outlook is negative", "Standard and Poor's Corp"),
        ("Debt is high", "Standard and Poor's Corp"),
        ("We agree", "Moody's Investors Service Inc"),
        ("Margins are thin", "Swiss Bank Corp"),
    ):
        row = speaker_of(quotes, words)
        assert (row["canonical"], row["speaker_kind"]) == (name, "organization")


def test_title_fused_to_a_name_and_tails_of_names_are_no_speakers(tables):
    quotes, _ = tables(
        {
            "a.txt": "Chancellor of the Exchequer Nigel Lawson spoke in London.\n"
            "“Sterling is stable,” said Chancellor of the Exchequer Nigel Lawson.\n"
            "“Cases rose,” Acquired Immune Deficiency Syndrome said.\n"
            "“Rates will fall,” said Merrill Lynch Capital Markets.\n"
            "Prices will rise, senior oilseeds analyst for Merrill Lynch Capital Markets "
            "Mario Balletto said.\n"
            "“Output fell,” the Minister of Agriculture, Animal Husbandry and Fisheries said.\n"
            "“Rates are wrong,” said Senate Majority Whip John Cornyn.\n"
            "He spoke with Michael Mangan.\n"
            "“Not yet,” one official said.\n"
        }
    )
    row = speaker_of(quotes, "Sterling is stable")
    assert row["canonical"] == "Nigel Lawson"
    assert "Syndrome" not in str(speaker_of(quotes, "Cases rose")["canonical"])
    assert "Fisheries" not in str(speaker_of(quotes, "Output fell")["canonical"])
    people = quotes.loc[quotes["speaker_kind"] == "person", "canonical"]
    assert not people.str.contains("Syndrome|Fisheries").any()
    row = speaker_of(quotes, "Rates will fall")
    assert (row["canonical"], row["speaker_kind"]) == (
        "Merrill Lynch Capital Markets",
        "organization",
    )
    row = quotes[quotes["quote"].str.contains("Prices will rise")].iloc[0]
    assert row["canonical"] == "Mario Balletto"
    row = speaker_of(quotes, "Rates are wrong")  # a capital before a name: still a person
    assert row["speaker_kind"] == "person" and row["canonical"].endswith("John Cornyn")
    row = speaker_of(quotes, "Not yet")
    assert row["speaker"] == "one official"


def test_aliases_are_never_generic_words_nor_other_x_and_y_names():
    names = pd.DataFrame(
        {
            "canonical": ["Poor's Corp", "Corp", "S and P", "B and C", "D and P", "P and O"],
            "kind": ["person"] * 6,
            "n_articles": [16, 5, 14, 2, 2, 3],
        }
    )
    aliases = corpus_aliases(names)
    assert aliases.empty, aliases


def test_department_acronym_and_country_prefix_are_one_source():
    names = pd.DataFrame(
        {
            "canonical": ["USDA", "U.S. Agriculture Department", "Agriculture Department"],
            "kind": ["organization"] * 3,
            "n_articles": [5, 10, 6],
        }
    )
    aliases = corpus_aliases(names)
    assert dict(zip(aliases["alias"], aliases["canonical"], strict=True)) == {
        "USDA": "U.S. Agriculture Department",
        "Agriculture Department": "U.S. Agriculture Department",
    }


def test_stray_quote_marks_leave_the_speaker():
    from newscorpus.sources.phrases import tidy_speaker

    for before, after in (
        ('" one official', "one official"),
        ('Michael Mangan, "', "Michael Mangan"),
    ):
        row = {"speaker": before, "speaker_kind": "person", "speaker_role": None}
        tidy_speaker(row, "Michael Mangan spoke. One official agreed.")
        assert row["speaker"] == after


def test_a_wrapped_title_and_an_unspelled_x_and_y_across_the_corpus(tables):
    quotes, sources = tables(
        {
            "a.txt": "LONDON, March 17 - Chancellor of the Exchequer Nigel\n"
            "Lawson said the budget was prudent.\n"
            "“Inflation is low,” Lawson said.\n",
            "b.txt": "Standard and Poor's Corp cut the rating.\n“We see risk,” said S and P.\n",
            "c.txt": "“Debt is rising,” S and P said.\n",
        }
    )
    assert speaker_of(quotes, "Inflation is low")["canonical"] == "Nigel Lawson"
    row = speaker_of(quotes, "Debt is rising")  # c.txt never spells the name out
    assert (row["canonical"], row["speaker_kind"]) == ("Standard and Poor's Corp", "organization")
    assert "S and P" not in set(sources["canonical"])


def test_a_corporate_suffix_is_one_spelling_of_the_firm():
    names = pd.DataFrame(
        {
            "canonical": ["Moody's Investors Service Inc", "Moody's Investors Service"],
            "kind": ["organization"] * 2,
            "n_articles": [56, 3],
        }
    )
    aliases = corpus_aliases(names)
    assert aliases[["alias", "canonical"]].values.tolist() == [
        ["Moody's Investors Service", "Moody's Investors Service Inc"]
    ]


def test_a_bare_institution_is_qualified_by_its_country_never_pooled(tables):
    quotes, sources = tables(
        {
            "a.txt": "ROME, March 19 - The Italian Treasury said it would offer bonds.\n",
            "b.txt": "ROME, March 26 - The Italian Treasury said it would offer bills. "
            "The Treasury said it would sell more.\n",
            "c.txt": "WASHINGTON, March 2 - The Treasury said it would sell notes on Monday.\n",
            "d.txt": "NEW YORK, March 2 - First Federal Savings and Loan Association said "
            "it has signed a letter.\n",
            "e.txt": "TOKYO, March 2 - The Japanese Finance Ministry spoke. "
            "The Finance Ministry said it would act soon.\n",
            "f.txt": "WELLINGTON, March 2 - The Reserve Bank said it would cut rates.\n",
            "g.txt": "WELLINGTON, March 2 - The Reserve Bank of New Zealand cut rates.\n"
            "“We act,” the Reserve Bank said.\n",
            "h.txt": "The Finance Ministry said it would keep taxes.\n",  # no dateline
            "i.txt": "PARIS, March 2 - The Finance Ministry said it would lift limits.\n",
            "j.txt": "TOKYO, March 2 - Officials at the Finance Ministry met on Monday. "
            "The ministry said it would watch the yen.\n",
        }
    )
    for words, name in (
        ("offer bonds", "Treasury (Italy)"),
        ("sell more", "Treasury (Italy)"),  # named earlier in the same article
        ("sell notes", "Treasury (United States)"),  # the dateline's country
        ("signed a letter", "First Federal Savings and Loan Association"),  # no "Loan Association"
        ("act soon", "Finance Ministry (Japan)"),
        ("cut rates", "Reserve Bank (New Zealand)"),
        ("We act", "Reserve Bank (New Zealand)"),
        ("keep taxes", "Finance Ministry (country not given)"),
        ("lift limits", "Finance Ministry (France)"),
        ("watch the yen", "Finance Ministry (Japan)"),  # "the ministry" named before
    ):
        row = speaker_of(quotes, words)
        assert (row["canonical"], row["speaker_kind"]) == (name, "organization")
    assert not (sources["kind"] == "person").any()
    ministries = sources[sources["canonical"].str.startswith("Finance Ministry")]
    assert ministries["canonical"].nunique() == 3  # Japan, France, not given: never one source


def test_a_short_form_takes_no_name_it_is_not_the_head_of_nor_across_a_sentence(tables):
    quotes, _ = tables(
        {
            "a.txt": "WASHINGTON, Feb 26 - The U.S. Treasury said it would join a loan to "
            "Argentina.\n    The Treasury said it would not name the other countries.\n",
            "b.txt": "The Shearson Lehman Treasury index rose 0.2 pct. "
            "The Treasury said it would sell bonds.\n",
            "c.txt": "The Japanese Finance Ministry spoke and the Italian Finance Ministry "
            "spoke. The Finance Ministry said it would wait.\n",
        }
    )
    assert speaker_of(quotes, "not name")["canonical"] == "Treasury (United States)"
    # "Shearson Lehman" is no country, and "Treasury" is not the head of "… Treasury index"
    assert speaker_of(quotes, "sell bonds")["canonical"] == "Treasury (country not given)"
    # two countries named, no dateline: ambiguous, kept visibly unqualified
    assert speaker_of(quotes, "would wait")["canonical"] == "Finance Ministry (country not given)"


def test_documents_outlets_firms_and_generic_plurals_are_no_named_people(tables):
    quotes, sources = tables(
        {
            "a.txt": "MOSCOW, March 2 - Alcohol sales fell, Pravda said.\n",
            "b.txt": "TORONTO, June 1 - Northgate Exploration Ltd said output rose.\n"
            "    Northgate said it expected gold output to double this year.\n",
            "c.txt": "David M. Holland, president of US Sprint, spoke.\n"
            "    Holland said Sprint was still paying high rates.\n",
            "d.txt": "Human rights groups said the arrests were illegal.\n",
            "e.txt": "Trade Report said exports rose sharply in March. The department's "
            "Export Report said imports fell in April.\n",
            "f.txt": "The report said exports rose. The statement said prices fell.\n",
            "g.txt": "Standard and Poor's said the ratings of Chiyoda would stay.\n",
            "h.txt": "Merrill Lynch and Co was fined. Merrill Lynch said it had cooperated.\n",
        }
    )
    row = speaker_of(quotes, "ratings of Chiyoda")
    assert row["speaker_kind"] == "organization"
    row = speaker_of(quotes, "had cooperated")
    assert (row["canonical"], row["speaker_kind"]) == ("Merrill Lynch and Co", "organization")
    row = speaker_of(quotes, "Alcohol sales")
    assert (row["canonical"], row["speaker_kind"]) == ("Pravda", "outlet")
    row = speaker_of(quotes, "gold output")
    assert (row["canonical"], row["speaker_kind"]) == ("Northgate Exploration Ltd", "organization")
    row = speaker_of(quotes, "high rates")  # a surname: the person, whatever the place
    assert row["speaker_kind"] == "person" and row["canonical"].endswith("Holland")
    row = speaker_of(quotes, "arrests")
    assert (row["canonical"], row["speaker_kind"]) == ("human rights groups", "collective")
    assert speaker_of(quotes, "exports rose sharply")["speaker_kind"] == "document"
    assert speaker_of(quotes, "imports fell")["speaker_kind"] == "document"
    assert set(sources.loc[sources["kind"] == "document", "canonical"]) >= {
        "the report",
        "the statement",
        "Trade Report",
    }
    named = sources[sources["kind"].isin(["person", "organization"])]
    assert not named["canonical"].str.contains("report|statement|groups|Pravda").any()


def test_bare_institutions_are_no_alias_across_the_corpus():
    names = pd.DataFrame(
        {
            "canonical": ["Treasury", "U.S. Treasury", "Treasury", "Italian Treasury"],
            "kind": ["organization", "organization", "person", "person"],
            "n_articles": [3, 9, 2, 9],
        }
    )
    assert corpus_aliases(names).empty
