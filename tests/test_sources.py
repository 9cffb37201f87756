"""Quotes and sources: attribution shapes, awkward quotation marks, outlets, and the seeds."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from newscorpus.sources import (
    QUOTE_COLUMNS,
    anonymous_share,
    cited_by_group,
    find_quotes,
    find_sources,
    load_outlets,
    plot_anonymous_share,
    plot_cited_by_group,
    plot_quote_table,
    plot_quoted_by_group,
    plot_source_network,
    plot_sources_per_article,
    plot_who_is_quoted,
    quoted_by_group,
    sources_per_article,
    top_articles,
    who_is_quoted,
)


def direct(q: pd.DataFrame) -> pd.DataFrame:
    return q[q["kind"] == "direct"].reset_index(drop=True)


# --------------------------------------------------------------------------- attribution shapes


@pytest.mark.parametrize(
    ("body", "speaker", "verb"),
    [
        ("“We will rebuild the bridge by spring,” Maria Lopez said.", "Maria Lopez", "said"),
        ("“We will rebuild the bridge by spring,” said Maria Lopez.", "Maria Lopez", "said"),
        ("“The roads are closed,” Omar Haddad told the BBC on Friday.", "Omar Haddad", "told"),
        ("“The harvest failed twice,” Anna Berg wrote in her memoir.", "Anna Berg", "wrote"),
        ("“We slept in the car for a week,” Tom Reyes recalled.", "Tom Reyes", "recalled"),
        ("Maria Lopez said: “We will rebuild the bridge by spring.”", "Maria Lopez", "said"),
        (
            "According to Maria Lopez, “the bridge will be rebuilt by spring.”",
            "Maria Lopez",
            "according to",
        ),
    ],
)
def test_attribution_shapes(quotes_of, body, speaker, verb):
    q = direct(quotes_of(body))
    assert len(q) == 1
    assert q.loc[0, "speaker"] == speaker
    assert q.loc[0, "verb"] == verb
    assert q.loc[0, "speaker_kind"] == "person"


def test_quote_span_points_at_the_quoted_words(make_corpus):
    corpus = make_corpus({"a.txt": "Title here\n“The river rose overnight,” said Ines Duarte.\n"})
    q = find_quotes(corpus)
    text = corpus.articles.loc[0, "text"]
    row = q.iloc[0]
    assert text[row["start"] : row["end"]] == "The river rose overnight,"
    assert row["quote"] == "The river rose overnight,"
    assert list(q.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS


def test_appositive_gives_role_and_organisation(quotes_of):
    q = direct(
        quotes_of(
            "“Trust is the main problem,” said Lena Fischer, a senior analyst at the "
            "Washington-based Institute for the Study of War."
        )
    )
    assert q.loc[0, "speaker"] == "Lena Fischer"
    assert q.loc[0, "speaker_role"] == "senior analyst"
    assert q.loc[0, "organisation"] == "Institute for the Study of War"
    assert q.loc[0, "source_type"] == "expert/research"


def test_role_before_the_name(quotes_of):
    q = direct(quotes_of("“The desert is their refuge,” said Nineveh official Karim Aziz."))
    assert (q.loc[0, "speaker"], q.loc[0, "speaker_role"]) == ("Karim Aziz", "Nineveh official")
    assert q.loc[0, "source_type"] == "government"


def test_appositive_between_name_and_verb(quotes_of):
    q = direct(
        quotes_of(
            "“Nobody controls the border,” Maj. Ali Kareem, a police officer who served in "
            "Mosul, told reporters."
        )
    )
    assert q.loc[0, "speaker"] == "Ali Kareem"
    assert q.loc[0, "speaker_role"] == "police officer"


def test_pronoun_resolves_to_most_recent_person(quotes_of):
    body = (
        "Farid Nasser, a shopkeeper in the old market, lost his stall in 2016.\n"
        "“I rebuilt it with my own hands,” he said.\n"
        "Officials promised compensation that never came, according to Nasser’s neighbours.\n"
        "“Nobody came back to check,” he added."
    )
    q = direct(quotes_of(body))
    assert list(q["speaker"]) == ["Farid Nasser", "Farid Nasser"]
    assert q.loc[0, "speaker_role"] == "shopkeeper in the old market"


def test_surname_resolves_to_full_name(quotes_of):
    body = (
        "“The numbers are rising,” said Clara Webb, a researcher with the Soufan Center.\n"
        "“We see it every month,” Webb said."
    )
    q = direct(quotes_of(body))
    assert list(q["speaker"]) == ["Clara Webb", "Clara Webb"]
    assert q.loc[1, "speaker_role"] == "researcher"


def test_next_quote_paragraph_keeps_the_speaker(quotes_of):
    body = (
        "“The water is gone,” said farmer Yusuf Demir.\n"
        "“We cannot plant anything this year.”\n"
        "Prices in the region have doubled since March."
    )
    q = direct(quotes_of(body))
    # One attribution: the second paragraph goes on with the same speaker's words.
    assert list(q["speaker"]) == ["Yusuf Demir"]
    assert list(q["quote"]) == ["The water is gone, … We cannot plant anything this year."]


def test_colon_after_the_verb_and_surname_alone(quotes_of):
    q = direct(quotes_of("The mayor, Rosa Klein, was blunt. Klein said: “We have no money left.”"))
    assert q.loc[0, "speaker"] == "Rosa Klein"


def test_anonymous_speakers(quotes_of):
    body = (
        "“They come at night,” one elderly farmer said.\n"
        "A European diplomat, speaking on condition of anonymity, was more cautious. "
        "“It is too early to tell,” the diplomat said."
    )
    q = direct(quotes_of(body))
    assert list(q["speaker_kind"]) == ["anonymous", "anonymous"]
    assert q.loc[0, "speaker"] == "one elderly farmer"
    assert q.loc[1, "speaker"] in ("the diplomat", "A European diplomat")


def test_organisation_speaker(quotes_of):
    q = direct(quotes_of("“The operation is complete,” the Pentagon said in a statement."))
    assert (q.loc[0, "speaker"], q.loc[0, "speaker_kind"]) == ("Pentagon", "organization")
    assert q.loc[0, "source_type"] == "military/security"


# --------------------------------------------------------------------------- partial and scare quotes


def test_partial_quote_is_attributed_and_scare_quotes_are_not(quotes_of):
    body = (
        "The ministry said on Monday that the militants were “on the run and losing ground” "
        "across the province.\n"
        "The group lost its so-called “capital” and its “franchises” abroad lost contact."
    )
    q = quotes_of(body)
    # The claim after the verb, with the quoted words inside it (PolNeAR's "content"): quoted
    # words in the middle of the writer's clause make an indirect row; scare quotes make none;
    # a term after a naming cue ("so-called") is a partial quote without a speaker (PolNeAR).
    assert list(q["quote"]) == [
        "that the militants were “on the run and losing ground” across the province",
        "capital",
    ]
    assert list(q["kind"]) == ["indirect", "partial"]
    assert pd.isna(q.iloc[1]["speaker"])
    assert "ministry" in q.iloc[0]["speaker"]
    q = quotes_of("The ministry said on Monday that the militants were “on the run.”")
    assert list(q["quote"]) == ["that the militants were “on the run.”"]
    assert list(q["kind"]) == ["partial"]


def test_partial_quote_with_as_x_alleges(quotes_of):
    q = quotes_of("Is this a “new phase,” as the Soufan Center alleges? Nobody knows yet.")
    partial = q[q["kind"] == "partial"]
    assert list(partial["speaker"]) == ["Soufan Center"]


# --------------------------------------------------------------------------- awkward marks


def test_unbalanced_quote_does_not_swallow_the_article(quotes_of):
    body = (
        "The commander called the town a “fortress and then moved on.\n"
        "“We are ready,” said Hamid Saleh.\n"
        "Nothing else happened that week."
    )
    q = direct(quotes_of(body))
    assert list(q["quote"]) == ["We are ready,"]
    assert q.loc[0, "speaker"] == "Hamid Saleh"


def test_straight_and_mixed_quotes(quotes_of):
    body = (
        '"The checkpoint was fake," said Noor Jaber.\n'
        '“They wore police uniforms," Jaber added. "Nobody noticed.”'
    )
    q = direct(quotes_of(body))
    assert list(q["quote"]) == [
        "The checkpoint was fake,",
        "They wore police uniforms, … Nobody noticed.",
    ]
    assert set(q["speaker"]) == {"Noor Jaber"}


def test_nested_single_quotes_and_empty_quotes(quotes_of):
    body = (
        "“He told us ‘stay inside’ and left,” said Sara Malik.\nThe sign read “” and nothing more."
    )
    q = quotes_of(body)
    assert list(q["quote"]) == ["He told us ‘stay inside’ and left,"]
    assert q.iloc[0]["speaker"] == "Sara Malik"


def test_quote_spanning_paragraphs(quotes_of):
    body = (
        "“The first year was the hardest,” said Daniel Okafor. “We had no water.\n"
        "“Then the road opened and the trucks came back.”\n"
        "The town now has a clinic."
    )
    q = direct(quotes_of(body))
    assert list(q["quote"]) == [
        "The first year was the hardest, … We had no water. … "
        "Then the road opened and the trucks came back."
    ]
    assert list(q["speaker"]) == ["Daniel Okafor"]
    title = len("A title line for the test article\n")
    assert q.loc[0, "end"] - title == body.index("back.”") + len("back.")


def test_title_and_caption_quotes_are_skipped(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "“We will win,” says general\n"
            "A soldier at a checkpoint (photo credit: REUTERS)\n"
            "The campaign began in May and is still going on in the north of the country.\n"
        }
    )
    assert len(find_quotes(corpus)) == 0


# --------------------------------------------------------------------------- indirect attributions


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        (
            "Prices doubled in a month, the Financial Times reported on Sunday.",
            "Financial Times",
            "outlet",
        ),
        ("According to the report, the camp holds 60,000 people.", "the report", "document"),
        ("Officials said the bridge would reopen in May.", "Officials", "anonymous"),
        ("The dam is close to collapse, experts say.", "experts", "collective"),
        (
            "The coalition said in a statement that two strikes hit the town.",
            "US-led coalition",
            "organization",
        ),
    ],
)
def test_indirect_attributions(quotes_of, sentence, speaker, kind):
    q = quotes_of(sentence + " The rest of the paragraph is plain narration.")
    ind = q[q["kind"] == "indirect"]
    assert list(ind["speaker"]) == [speaker]
    assert ind.iloc[0]["speaker_kind"] == kind


def test_indirect_quote_span_is_the_reported_claim(make_corpus):
    corpus = make_corpus(
        {"a.txt": "Title\nThe river flooded the valley, the Guardian reported on Monday.\n"}
    )
    row = find_quotes(corpus).iloc[0]
    assert row["quote"] == "The river flooded the valley"


# --------------------------------------------------------------------------- sources


def test_outlet_variants_short_forms_and_descriptions(make_corpus):
    body = (
        "Militants returned to the area, the Wall Street Journal reported Tuesday.\n"
        "According to the American newspaper, the attacks have doubled.\n"
        "A police chief was killed at a fake checkpoint, reports the Journal.\n"
    )
    corpus = make_corpus({"a.txt": "Title of the story\n" + body})
    s = find_sources(corpus)
    outlets = s[s["kind"] == "outlet"]
    assert list(outlets["name"]) == ["The Wall Street Journal"]
    assert outlets.iloc[0]["n_mentions"] == 3
    assert outlets.iloc[0]["n_indirect"] == 3


def test_publisher_is_not_a_cited_source(make_corpus):
    body = (
        "“The bridge is gone,” Ali Baban told Reuters.\n"
        "Repairs will take a year, CNN reported. (Reuters)\n"
    )
    corpus = make_corpus({"a.txt": "Title of the story\n" + body})
    assert corpus.articles.loc[0, "outlet"] == "Reuters"
    s = find_sources(corpus)
    assert list(s.loc[s["kind"] == "outlet", "name"]) == ["CNN"]


def test_extra_outlets_and_organisations(make_corpus):
    body = (
        "The Valley Courier reported that the dam cracked.\n"
        "“Water levels are critical,” the Dam Watch Network said."
    )
    corpus = make_corpus({"a.txt": "Title of the story\n" + body})
    s = find_sources(
        corpus,
        extra_outlets=[{"name": "The Valley Courier", "variants": "Valley Courier"}],
        extra_organisations=[("Dam Watch Network", "civilian")],
    )
    got = dict(zip(s["name"], s["kind"].astype(str), strict=True))
    assert got["The Valley Courier"] == "outlet"
    assert got["Dam Watch Network"] == "organization"
    org = s[s["name"] == "Dam Watch Network"].iloc[0]
    assert (org["type"], org["n_quotes"]) == ("civilian", 1)
    assert "The Valley Courier" not in set(load_outlets()["name"])


def test_anonymity_is_flagged(make_corpus):
    body = (
        "One official, speaking on condition of anonymity, said the talks had failed.\n"
        "Markets fell later that day."
    )
    s = find_sources(make_corpus({"a.txt": "Title of the story\n" + body}))
    anon = s[s["kind"] == "anonymous"]
    assert list(anon["name"]) == ["One official"]
    assert bool(anon.iloc[0]["anonymity"])


def test_bad_extra_source_names_the_problem(make_corpus):
    corpus = make_corpus({"a.txt": "Title\nA body paragraph with enough words in it.\n"})
    with pytest.raises(ValueError, match="no name"):
        find_quotes(corpus, extra_outlets=[{"variants": "X"}])


# --------------------------------------------------------------------------- seeds


def test_seed_speakers(seeds):
    q = find_quotes(seeds)

    def speaker_of(fragment: str) -> str:
        rows = q[q["quote"].str.contains(fragment, regex=False)]
        assert len(rows) == 1, fragment
        return rows.iloc[0]["speaker"]

    assert speaker_of("I believe we have tougher days coming") == "Lahur Talabany"
    assert speaker_of("these leaderships have no experience") == "Tareq Youssef al-Asal"
    assert speaker_of("I am afraid there could be an attack") == "Ahmed al-Issawy"
    assert speaker_of("Someone has to ensure") == "Hassan Hassan"
    assert speaker_of("No one knows how these deals") == "one Syrian official"
    assert speaker_of("reconstitute capabilities") == "Pentagon Inspector-General"
    hh = q[q["speaker"] == "Hassan Hassan"].iloc[0]
    assert (hh["speaker_role"], hh["organisation"]) == (
        "research director",
        "Center for Global Policy",
    )
    dulaimi = q[q["speaker"] == "Emad Dulaimi"].iloc[0]
    assert dulaimi["speaker_role"] == "Anbar official"
    assert (
        not q["quote"]
        .isin(["capital", "franchises", "breaking the walls", "bed-down", "caliphate"])
        .any()
    )


def test_seed_sources(seeds):
    s = find_sources(seeds)
    a000 = s[s["article_id"] == "000_ebaf1eec68825aed"]
    wapo = a000[a000["name"] == "The Washington Post"].iloc[0]
    assert wapo["n_indirect"] == 3  # reported, according to the American newspaper, pointed out
    a003 = s[s["article_id"] == "003_c0c95c97cb16ca2e"]
    assert "The Washington Post" not in set(a003["name"])  # its own publisher
    assert a003[a003["anonymity"]]["name"].tolist() == ["One man", "one Syrian official"]
    a002 = s[s["article_id"] == "002_77d8cc29bf025518"]
    assert "Reuters" not in set(a002["name"])


def test_summaries_and_figures(seeds):
    q = find_quotes(seeds)
    s = find_sources(seeds, q)
    top = who_is_quoted(q, min_quotes=2)
    assert (top["n_quotes"] >= 2).all()
    assert top.iloc[0]["speaker"] == "Hassan Hassan"
    per = sources_per_article(s)
    assert len(per) == 5
    assert per["total"].tolist() == s.groupby("article_id").size().tolist()
    for plot, arg in (
        (plot_who_is_quoted, q),
        (plot_sources_per_article, s),
        (plot_source_network, s),
        (plot_quote_table, q),
    ):
        fig, data = plot(arg)
        assert len(data) > 0
        titles = [fig.axes[0].get_title(loc) for loc in ("center", "left")]
        assert any(titles) or fig.get_suptitle()
    _, edges = plot_source_network(s)
    assert set(edges.columns) == {"source_a", "source_b", "n_both", "n_a", "n_b"}
    assert (edges["n_both"] <= edges[["n_a", "n_b"]].min(axis=1)).all()


def test_group_views_count_what_each_group_says(make_corpus):
    files = {
        "a.txt": "Title\n“We will win,” said Ann Lee. Officials said the vote was close.\n",
        "b.txt": "Title\n“We will win again,” said Ann Lee. Reuters reported the count.\n",
        "c.txt": "Title\nThe weather was fine and nobody said anything at all.\n",
    }
    corpus = make_corpus(files)
    q = find_quotes(corpus)
    s = find_sources(corpus, q)
    labels = pd.Series(["north", "north", "south"], index=["a", "b", "c"], dtype="category")
    who = quoted_by_group(q, labels, top_n=5)
    assert list(who["group"].cat.categories) == ["north", "south"]
    assert who[["group", "speaker", "n_quotes", "n_articles"]].astype(str).values.tolist() == [
        ["north", "Ann Lee", "2", "2"]
    ]
    anon = anonymous_share(s, corpus.articles, labels)
    overall = anon[anon["period"] == "all"].set_index("group")
    assert overall.loc["north", "n_people"] == 3  # Ann Lee twice, officials once
    assert overall.loc["north", "n_anonymous"] == 1
    assert overall.loc["north", "share"] == 0.5  # 1 of its 2 articles cites officials
    assert overall.loc["south", "n_people"] == 0 and overall.loc["south", "share"] == 0
    cited = cited_by_group(s, labels)
    reuters = cited[cited["name"] == "Reuters"].set_index("group")
    assert reuters.loc["north", "n_articles"] == 1 and reuters.loc["south", "n_articles"] == 0
    assert top_articles(q, 1) == ["a"]
    for fig, _ in (
        plot_quoted_by_group(who),
        plot_anonymous_share(anon),
        plot_cited_by_group(cited),
    ):
        assert fig.get_suptitle() or fig.axes[0].get_title(loc="left")


def test_group_views_draw_empty_tables(make_corpus):
    corpus = make_corpus({"a.txt": "Title\nThe weather was fine all week.\n"})
    q = find_quotes(corpus)
    s = find_sources(corpus, q)
    assert q.empty and s.empty
    labels = pd.Series(["all articles"], index=["a"], dtype="category")
    for fig, _data in (
        plot_quoted_by_group(quoted_by_group(q, labels)),
        plot_anonymous_share(anonymous_share(s, corpus.articles, labels)),
        plot_cited_by_group(cited_by_group(s, labels)),
        plot_source_network(s),
        plot_quote_table(q),
    ):
        assert fig is not None
        fig.savefig(io.BytesIO(), format="png")


def test_attribution_in_previous_sentence_or_paragraph(quotes_of):
    q = direct(
        quotes_of(
            "Rosa Klein said the town had spent its reserves. “We have no money left.”\n"
            "Her deputy, Paul Mertens, told the council on Monday:\n"
            "“The school roof will have to wait.”"
        )
    )
    assert list(q["speaker"]) == ["Rosa Klein", "Paul Mertens"]


def test_pronoun_takes_the_subject_named_just_before(quotes_of):
    body = (
        "“We are working around the clock,” said John Smith, the company’s chief executive.\n"
        "Maria Gonzalez lost her house in the flood. “I don’t know what to do,” she said."
    )
    q = direct(quotes_of(body))
    assert list(q["speaker"]) == ["John Smith", "Maria Gonzalez"]
    assert q.loc[0, "speaker_role"] == "company’s chief executive"


def test_titles_before_a_name_become_the_role(quotes_of):
    q = direct(
        quotes_of(
            "“We need a ceasefire now,” U.N. Secretary-General Antonio Guterres told reporters."
        )
    )
    assert (q.loc[0, "speaker"], q.loc[0, "speaker_role"]) == (
        "Antonio Guterres",
        "U.N. Secretary-General",
    )


def test_words_quoted_after_said_the_x_was_are_partial(quotes_of):
    body = (
        "Dr. Amy Lee, an epidemiologist at Johns Hopkins University, said the risk was “very low.”\n"
        "The president said in a speech that the country would “never surrender.”"
    )
    q = quotes_of(body)
    assert list(q["kind"]) == ["partial", "partial"]
    assert list(q["speaker"]) == ["Amy Lee", "The president"]
    assert q.loc[0, "organisation"] == "Johns Hopkins University"
    assert q.loc[1, "speaker_kind"] == "role"  # no president named: an office


def test_declining_to_be_named_flags_anonymity(make_corpus):
    body = (
        "“There is no water, no power, nothing,” a resident of the city told Reuters by phone, "
        "declining to be named for fear of reprisals.\n"
        "The city has been under siege for a month."
    )
    s = find_sources(make_corpus({"a.txt": "Title of the story\n" + body}))
    anon = s[s["kind"] == "anonymous"].iloc[0]
    assert (anon["name"], bool(anon["anonymity"]), anon["n_quotes"]) == (
        "a resident of the city",
        True,
        1,
    )


def test_description_then_name_gives_the_name(quotes_of):
    q = quotes_of(
        "In an interview, the governor of the province, Abdul Karim, warned that "
        "“the worst is yet to come.”"
    )
    assert (q.loc[0, "kind"], q.loc[0, "speaker"], q.loc[0, "speaker_role"]) == (
        "partial",
        "Abdul Karim",
        "governor of the province",
    )


def test_single_quotation_marks_when_no_double_marks(quotes_of):
    body = (
        "‘We will not leave,’ said Ahmad Shah, a shopkeeper. ‘This is our home.’\n"
        "'Nobody asked us,' said Laila Noori.\n"
        "The fighters’ trucks and the villagers’ carts shared the road."
    )
    q = direct(quotes_of(body))
    assert list(q["quote"]) == ["We will not leave, … This is our home.", "Nobody asked us,"]
    assert list(q["speaker"]) == ["Ahmad Shah", "Laila Noori"]


def test_a_string_where_a_list_is_expected_names_the_parameter(make_corpus):
    corpus = make_corpus({"a.txt": "Title\nA body paragraph with enough words in it.\n"})
    with pytest.raises(ValueError, match="extra_organisations='Dam Watch'"):
        find_sources(corpus, extra_organisations="Dam Watch")


@pytest.mark.parametrize(
    "text",
    [
        "An official, speaking on the condition of anonymity, said so.",
        "A MAN WHO ASKED NOT TO BE NAMED said it; another Declined To Be Identified.",
        "In İstanbul, a diplomat spoke anonymously; aides were not authorised to speak.",
        "A ſoldier spoke anonymously and a clerk requeſted anonymity.",
        "Officials were not permıtted to speak, under promise of anonymity.",
    ],
)
def test_fast_anonymity_scan_matches_the_case_insensitive_pattern(text):
    from newscorpus.sources.cited import _ANONYMITY, _anonymity

    expected = [(m.start(), m.end()) for m in _ANONYMITY.finditer(text)]
    assert expected  # every example holds at least one phrase
    assert [(m.start(), m.end()) for m in _anonymity(text)] == expected


def test_sources_ignore_scans_left_by_quotes_of_another_corpus(make_corpus):
    one = make_corpus(
        {
            "a.txt": "Title\n“We will hold the bridge,” the Washington Post quoted a colonel as saying.\n"
        }
    )
    other = make_corpus(
        {"a.txt": "Title\nThe report, the New York Times said, was leaked by Reuters staff.\n"}
    )
    quotes_other = find_quotes(other)
    fresh = find_sources(other, quotes_other)
    find_quotes(one)  # leaves its scans of an article with the same id behind
    pd.testing.assert_frame_equal(find_sources(other, quotes_other), fresh)
    assert "The New York Times" in set(fresh["name"]) or "New York Times" in set(fresh["name"])


@pytest.mark.parametrize(
    "text",
    [
        "The newspaper said the paper-thin daily outlets of the network were a newspaper’s.",
        "The US-based website, the Qatari channel and the broadsheet/tabloid magazine",
        "newspaperpaper newspaper paper",
    ],
)
def test_description_noun_scan_matches_the_regex(text):
    from newscorpus.sources.lexicon import _DESCRIPTION_NOUN, _description_nouns

    for first, last in [(0, len(text)), (4, len(text) - 3)]:
        expected = [m.span() for m in _DESCRIPTION_NOUN.finditer(text, first, last)]
        assert [m.span() for m in _description_nouns(text, first, last)] == expected


# --------------------------------------------------------------------------- issue 13 cases


def test_quote_split_by_its_attribution_is_one_row_with_the_named_speaker(quotes_of):
    q = quotes_of("“We will rebuild,” the mayor, Paul Ingram, said, “but it will take years.”")
    q = q[q["kind"] != "indirect"].reset_index(drop=True)
    assert list(q["quote"]) == ["We will rebuild, … but it will take years."]
    assert q.loc[0, "speaker"] == "Paul Ingram"
    assert q.loc[0, "speaker_role"] == "mayor"


def test_capitalised_title_before_a_name_is_the_role(quotes_of):
    q = quotes_of("Chief Executive Ana Duarte said the company would appeal the ruling.")
    assert list(q["speaker"]) == ["Ana Duarte"]
    assert q.loc[0, "speaker_role"].lower() == "chief executive"
    assert q.loc[0, "quote"] == "the company would appeal the ruling"


def test_an_unnamed_deputy_is_an_attribution(quotes_of):
    q = quotes_of("The deputy said the road would reopen on Monday.")
    assert list(q["kind"]) == ["indirect"]
    assert q.loc[0, "speaker"] == "The deputy"
    assert q.loc[0, "speaker_kind"] == "anonymous"


def test_partial_quotes_on_one_verb_are_one_attribution(quotes_of):
    q = quotes_of(
        "The auditor, Maria Lenz, called the report “faulty” and reliant on “flawed data.”"
    )
    assert list(q["quote"]) == ["the report “faulty” and reliant on “flawed data.”"]
    assert list(q["speaker"]) == ["Maria Lenz"]
    assert list(q["kind"]) == ["partial"]


def test_exclamation_then_attribution_makes_no_extra_row(quotes_of):
    q = quotes_of("“We will not reopen it!” Chief Engineer Tomas Brandt said. The dam stays shut.")
    assert list(q["kind"]) == ["direct"]
    assert list(q["speaker"]) == ["Tomas Brandt"]
    assert q.loc[0, "speaker_role"].lower() == "chief engineer"


def test_typewriter_quotes_are_quotes(quotes_of):
    q = quotes_of("''We have no money left,'' said Rosa Klein, the treasurer. ''None at all.''")
    assert list(q["quote"]) == ["We have no money left, … None at all."]
    assert list(q["speaker"]) == ["Rosa Klein"]
    assert list(q["speaker_role"]) == ["treasurer"]


def test_titles_in_marks_are_no_quotes(quotes_of):
    q = quotes_of("Clinton said on NBC's ''Meet the Press'' that she would not run again.")
    assert list(q["kind"]) == ["indirect"]
    assert list(q["quote"]) == ["she would not run again"]
    assert list(q["speaker"]) == ["Clinton"]


def test_surname_that_is_also_a_title_is_a_name(quotes_of):
    q = quotes_of("“That is 60 electoral votes,” Mr. King said. “Nobody sees it.”")
    assert list(q["speaker"]) == ["King"]
    assert list(q["quote"]) == ["That is 60 electoral votes, … Nobody sees it."]


def test_quote_paragraph_after_a_statement_or_signed_below(quotes_of):
    body = (
        "The party issued a statement apologizing to the senator.\n"
        "“We offer a deep and sincere apology for the remarks.”\n"
        "“The idea that I would cut health care is just not accurate.”\n"
        "- Bernie Sanders.\n"
    )
    q = quotes_of(body)
    assert list(q["speaker"]) == ["The party", "Bernie Sanders"]


def test_unattributed_quote_takes_the_person_last_named_without_a_verb(quotes_of):
    body = (
        "Maria Lopez, the mayor, spent the morning at the flooded school.\n"
        "“We will rebuild it before the winter.”\n"
    )
    q = quotes_of(body)
    assert list(q["speaker"]) == ["Maria Lopez"]
    assert q["verb"].isna().all()  # a guess, not an attribution: no verb


def test_quote_after_said_that_goes_on_is_a_claim(quotes_of):
    q = quotes_of("Obama said “it gets me mad” every time he thinks about the victims.")
    assert list(q["kind"]) == ["partial"]
    assert list(q["quote"]) == ["“it gets me mad” every time he thinks about the victims"]
    assert list(q["speaker"]) == ["Obama"]


def test_headline_in_single_marks_is_no_quote(quotes_of):
    q = quotes_of(
        "'Carnage on the road' in southern city of Nice\nA truck hit a crowd on Thursday."
    )
    assert q.empty


def test_titles_opening_a_sentence_or_after_book_are_no_quotes(quotes_of):
    body = (
        "Maria Lopez runs the network's drama department.\n"
        "''The Big Short'' was nominated for a best picture Oscar.\n"
        "In his new book, ''Doomed to Succeed,'' and in an interview, Mr. Ross said peace was near."
    )
    q = quotes_of(body)
    assert not q["quote"].str.contains("Big Short|Doomed", regex=True).any()


def test_a_bare_surname_is_counted_under_the_full_name_the_corpus_uses():
    from newscorpus.sources import canonical_speakers

    speakers = pd.Series(["Donald Trump"] * 4 + ["Trump", "Obama", "Barack Obama", "Ivanka Trump"])
    kinds = pd.Series(["person"] * 8)
    folded = canonical_speakers(speakers, kinds).tolist()
    assert folded[4] == "Donald Trump"  # 4 of the 5 full-name quotes ending in Trump
    assert folded[5] == "Barack Obama"
    assert folded[7] == "Ivanka Trump"


def test_a_wire_dateline_is_not_the_speaker(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "A title line for the test\n"
            "NEW YORK, March 2 - American Express Co, rumored to be selling a unit, said it "
            "is studying a range of options.\n"
        }
    )
    quotes = find_quotes(corpus)
    assert quotes["speaker"].tolist() == ["American Express Co"]
    assert quotes["speaker_kind"].tolist() == ["organization"]


def test_speakers_rank_by_articles_quoting_them_not_by_one_interview(make_corpus):
    interview = "".join(f"“Point number {k} stands,” said Joe Holland.\n" for k in range(5))
    files = {
        "a.txt": "Title\n" + interview,
        "b.txt": "Title\n“Rates will rise,” said Ann Lee.\n",
        "c.txt": "Title\n“Rates will rise again,” said Ann Lee.\n",
    }
    q = find_quotes(make_corpus(files))
    labels = pd.Series(["all"] * 3, index=["a", "b", "c"], dtype="category")
    who = quoted_by_group(q, labels, top_n=5)
    assert who[["speaker", "n_quotes", "n_articles", "label"]].values.tolist() == [
        ["Ann Lee", 2, 2, "2 quotes in 2 articles"],
        ["Joe Holland", 5, 1, "5 quotes in 1 article"],
    ]
    assert who_is_quoted(q)["speaker"].tolist() == ["Ann Lee", "Joe Holland"]
    fig, _ = plot_quoted_by_group(who)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "5 quotes in 1 article" in texts


def test_quote_page_prints_no_missing_verb_and_trims_leading_commas():
    q = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "sentence_id": [1, 2],
            "speaker": [None, "Jorio Dauster"],
            "canonical": [None, "Jorio Dauster"],
            "speaker_role": [None, None],
            "verb": [None, "countered"],
            "kind": ["direct", "partial"],
            "quote": ["Prices will fall", ', "Negotiations failed because of quotas."'],
        }
    ).astype({"speaker": "str", "canonical": "str", "verb": "str", "quote": "str"})
    fig, data = plot_quote_table(q)
    assert data["quote"].tolist() == [
        "Prices will fall",
        '"Negotiations failed because of quotas."',
    ]
    lines = [t.get_text() for t in fig.axes[0].texts]
    assert "(unattributed): “Prices will fall”" in lines
    assert 'Jorio Dauster (countered): "Negotiations failed because of quotas."' in lines


def test_quote_label_takes_numpy_counts():
    # counts straight from a pandas row are numpy integers (their comparisons give numpy bools)
    import numpy as np

    from newscorpus.sources.summaries import quote_label

    assert quote_label([np.int64(13), np.int64(1)], [np.int64(1), np.int64(2)]) == [
        "13 quotes in 1 article",
        "1 quote in 2 articles",
    ]


def _share_table(rows):
    """An `anonymous_share`-like table: (group, period, articles, articles citing unnamed)."""
    t = pd.DataFrame(rows, columns=["group", "period", "n_articles", "n_articles_unnamed"])
    t["share"] = t["n_articles_unnamed"] / t["n_articles"].where(t["n_articles"] > 0)
    t["n_people"] = t["n_anonymous"] = t["n_articles_unnamed"]
    t["period_note"] = ""
    t["group"] = pd.Categorical(t["group"], categories=["earn", "acq"], ordered=True)
    t.attrs["grouping"] = "first listed topic (2 of 9 articles list several)"
    return t


def test_unnamed_share_points_show_articles_and_fade_on_few_articles():
    from matplotlib.colors import to_hex

    from newscorpus.sources.figures import PALETTE

    table = _share_table(
        [
            ("earn", "all", 40, 9),
            ("acq", "all", 3, 3),  # 100 % of 3 articles: faded
            ("earn", "1987-03", 20, 4),
            ("earn", "1987-04", 20, 5),
            ("acq", "1987-03", 2, 2),  # a point resting on 2 articles
            ("acq", "1987-04", 1, 1),
        ]
    )
    fig, _ = plot_anonymous_share(table)
    left, right = fig.axes[:2]
    bars = left.patches
    assert bars[0].get_alpha() in (None, 1) and bars[1].get_alpha() == pytest.approx(0.3)
    # one colour per group in both panels, and the two groups' colours are different hues
    colours = [to_hex(b.get_facecolor(), keep_alpha=False) for b in bars]
    assert colours == [PALETTE[0].lower(), PALETTE[1].lower()]
    lines = {ln.get_label(): to_hex(ln.get_color()) for ln in right.get_lines()}
    assert lines["earn (n=40)"] == PALETTE[0].lower() and lines["acq (n=3)"] == PALETTE[1].lower()
    texts = [t.get_text() for t in right.texts]
    assert "n=2" in texts  # the small point says how many articles it rests on
    assert texts.count("n=20") == 2  # and so does every solid point
    assert "n=22" in texts and "n=21" in texts  # the black line: articles per period
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "fewer than 5 articles" in notes
    assert left.get_ylabel().startswith("first listed topic")


def test_cited_grid_says_its_grouping_and_keeps_the_faded_note_off_the_title():
    table = pd.DataFrame(
        {
            "name": ["Reuters", "Reuters"],
            "kind": ["outlet", "outlet"],
            "group": pd.Categorical(["earn", "acq"], categories=["earn", "acq"], ordered=True),
            "n_articles": [4, 3],
            "group_articles": [40, 4],
            "share": [0.1, 0.75],
            "variants": ["Reuters", "Reuters"],
        }
    )
    table.attrs["grouping"] = "first listed topic (2 of 9 articles list several)"
    fig, _ = plot_cited_by_group(table)
    ax = fig.axes[0]
    assert ax.get_xlabel().startswith("first listed topic")
    assert "fewer than 5 articles" in ax.get_xlabel()
    assert not [t for t in ax.texts if "faded" in t.get_text()]  # no note above the axes
    assert "faded" not in ax.get_title(loc="left") and "faded" not in ax.get_title(loc="right")


def test_per_group_bars_tag_documents_and_unnamed_speakers_and_name_the_grouping():
    table = pd.DataFrame(
        {
            "group": pd.Categorical(["earn", "earn"], categories=["earn", "copper"], ordered=True),
            "rank": [1, 2],
            "speaker": ["the report", "Ann Lee"],
            "speaker_kind": ["document", "person"],
            "source_type": ["unknown", "unknown"],
            "n_quotes": [3, 2],
            "n_words_quoted": [30, 20],
            "n_articles": [3, 2],
            "group_articles": [10, 10],
            "variants": ["the report", "Ann Lee"],
            "label": ["3 quotes in 3 articles", "2 quotes in 2 articles"],
        }
    )
    table.attrs["grouping"] = "first listed topic (2 of 9 articles list several)"
    table.attrs["group_articles"] = {"earn": 10, "copper": 10}
    fig, _ = plot_quoted_by_group(table)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == ["the report [document]", "Ann Lee"]
    assert "first listed topic" in fig.get_suptitle()
    table.attrs["grouping"] = "group"  # no list column: the title says nothing more
    assert plot_quoted_by_group(table)[0].get_suptitle() == "Who is quoted most, per group"
    # a group without quotes keeps its n: "copper (n=10)", not "n=0 — fewer than 5 articles"
    assert fig.axes[1].get_title(loc="left") == "copper (n=10)"
