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


def _table(rows):
    """An entities table from (article_id, text, type, canonical[, sentence_id]) rows."""
    from newscorpus.entities import ENTITY_COLUMNS, TYPES

    rows = [r if len(r) == 5 else (*r, 0) for r in rows]  # a fifth: the sentence (-1 title)
    frame = pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical", "sentence_id"])
    frame["start"] = range(len(frame))
    frame["end"] = frame["start"] + 1
    frame["type"] = pd.Categorical(frame["type"], categories=list(TYPES))
    return frame[ENTITY_COLUMNS]


def _famous(n: int = 12, name: str = "Donald Trump", per_article: int = 2):
    """`n` articles that name `name` in full and by surname alone."""
    last = name.split()[-1]
    rows = []
    for k in range(n):
        rows += [(f"f{k}", name, "PER", name)] + [(f"f{k}", last, "PER", name)] * per_article
    return rows


def _canon(table, article, text):
    hit = table[(table["article_id"] == article) & (table["text"] == text)]
    return set(hit["canonical"].astype(str)), set(hit["type"].astype(str))


def test_a_phrase_holding_a_surname_is_no_person_and_its_bare_surname_is_the_bearers():
    from newscorpus.entities import resolve_entities

    rows = _famous()
    # a building, a collective, headline verbs and a section label glued to the surname
    rows += [("a", "Trump Tower", "PER", "Trump Tower"), ("a", "Trump", "PER", "Trump Tower")]
    rows += [("b", "Team Trump", "PER", "Team Trump"), ("b", "Trump", "PER", "Team Trump")]
    rows += _famous(12, "Hillary Clinton") + [("h", "Team Hillary", "PER", "Team Hillary")]
    # a headline's verb ("Trump Unveils" only in titles)
    rows += [("c", "Trump Unveils", "PER", "Trump Unveils", -1)]
    rows += [("c", "Trump", "PER", "Trump Unveils")]
    rows += [("d", "Watch Trump", "PER", "Watch Trump"), ("d", "Trump", "PER", "Watch Trump")]
    rows += [("e", "Coverage Trump", "PER", "Coverage Trump")]
    rows += [("e", "Trump", "PER", "Coverage Trump")] * 3
    out = resolve_entities(_table(rows))
    assert _canon(out, "a", "Trump Tower") == ({"Trump Tower"}, {"LOC"})
    assert _canon(out, "b", "Team Trump") == ({"Team Trump"}, {"ORG"})
    assert _canon(out, "h", "Team Hillary") == ({"Team Hillary"}, {"ORG"})
    for art in "abcde":
        assert _canon(out, art, "Trump") == ({"Donald Trump"}, {"PER"})
    for art, text in (("c", "Trump Unveils"), ("d", "Watch Trump"), ("e", "Coverage Trump")):
        assert _canon(out, art, text)[0] == {"Donald Trump"}
    people = set(out.loc[out["type"].astype(str) == "PER", "canonical"].astype(str))
    assert not people & {"Trump Tower", "Team Trump", "Trump Unveils", "Watch Trump"}
    # a thing named after a person in running text, or a well-known name whose given name
    # the lists miss, is left alone: never "Marshall" of "Marshall Plan"
    rows = _famous(12, "George Marshall") + [("g", "Marshall Plan", "PER", "Marshall Plan")]
    out = resolve_entities(_table(rows))
    assert _canon(out, "g", "Marshall Plan")[0] == {"Marshall Plan"}


def test_a_headline_verb_between_two_surnames_takes_neither_persons_mentions():
    from newscorpus.entities import resolve_entities

    rows = _famous() + _famous(12, "James Comey", 1)
    rows += [("a", "Trump denies Comey", "PER", "Trump denies Comey")]
    rows += [("a", "Comey", "PER", "Trump denies Comey")] * 4
    out = resolve_entities(_table(rows))
    assert _canon(out, "a", "Comey") == ({"James Comey"}, {"PER"})
    assert "Trump denies Comey" not in set(out["canonical"].astype(str))


def test_a_relative_named_beside_the_bearer_does_not_take_the_bare_surname():
    from newscorpus.entities import resolve_entities

    rows = _famous(20)
    # the article names Melania three times, Donald once; "Trump" alone is the president's
    rows += [("m", "Melania Trump", "PER", "Melania Trump")] * 3
    rows += [("m", "Donald Trump", "PER", "Donald Trump")]
    rows += [("m", "Trump", "PER", "Melania Trump")] * 5
    rows += [("m", "Mrs. Trump", "PER", "Melania Trump")]  # her courtesy title: hers
    # a namesake the article names alone keeps her surname ("Kelly" of Megyn Kelly)
    rows += _famous(20, "John Kelly", 1)
    rows += [("k", "Megyn Kelly", "PER", "Megyn Kelly")] + [
        ("k", "Kelly", "PER", "Megyn Kelly")
    ] * 4
    out = resolve_entities(_table(rows))
    assert _canon(out, "m", "Trump")[0] == {"Donald Trump"}
    assert _canon(out, "m", "Mrs. Trump")[0] == {"Melania Trump"}
    assert _canon(out, "m", "Melania Trump")[0] == {"Melania Trump"}
    assert _canon(out, "k", "Kelly")[0] == {"Megyn Kelly"}


def test_a_well_known_name_the_lists_do_not_know_keeps_its_surname():
    from newscorpus.entities import resolve_entities

    # "Rand" is no listed given name; Rand Paul is cited about as often as Ron Paul
    rows = _famous(14, "Ron Paul") + _famous(10, "Rand Paul")
    rows += [("r", "Rand Paul", "PER", "Rand Paul"), ("r", "Ron Paul", "PER", "Ron Paul")]
    rows += [("r", "Paul", "PER", "Rand Paul")] * 3
    out = resolve_entities(_table(rows))
    assert _canon(out, "r", "Paul")[0] == {"Rand Paul"}


def test_an_organisations_tail_or_word_is_no_person():
    from newscorpus.entities import resolve_entities

    rows = []
    for k in range(6):  # the corpus names the network and the committee as organisations
        rows += [(f"o{k}", "Fox News", "ORG", "Fox News")]
        rows += [(f"o{k}", "Senate Judiciary Committee", "ORG", "Senate Judiciary Committee")]
    rows += [("x", "Century Fox", "PER", "Century Fox"), ("x", "Fox", "PER", "Century Fox")]
    rows += [("y", "Judiciary", "PER", "Judiciary")]
    rows += [("z", "Anita Hill", "PER", "Anita Hill")] + [("h", "The Hill", "ORG", "The Hill")] * 6
    out = resolve_entities(_table(rows))
    assert _canon(out, "x", "Century Fox")[1] == {"ORG"}
    assert _canon(out, "x", "Fox")[1] == {"ORG"}
    assert _canon(out, "y", "Judiciary")[1] == {"ORG"}
    assert _canon(out, "z", "Anita Hill") == ({"Anita Hill"}, {"PER"})


def test_the_shared_bearer_helpers():
    from newscorpus.sources.bearers import courtesy_fits, is_full_name

    assert is_full_name("Melania Trump") and is_full_name("Donald Trump")
    for phrase in ("Team Trump", "Trump Tower", "Watch Trump", "Trump Unveils"):
        assert not is_full_name(phrase)
    assert courtesy_fits("Mrs", "Melania Trump") and not courtesy_fits("Mrs", "Donald Trump")
    assert courtesy_fits("President", "Donald Trump")


def test_a_disease_written_before_outbreak_or_patients_is_no_person(make_corpus):
    from newscorpus.entities import find_entities

    corpus = make_corpus(
        {
            "a.txt": "Fear grows\n\nThe Ebola outbreak spread fast in Guinea. Doctors said "
            "Ebola kills half of those it infects. Ebola patients were flown to Atlanta.\n",
            "b.txt": "Travel warning\n\nHealth officials counted new Zika cases in Miami. "
            "Zika spreads by mosquitoes, officials said.\n",
            "c.txt": "Talks\n\nJohn Ebola, a farmer, said the harvest was late. Ebola said "
            "the rain came in May.\n",
        }
    )
    ents = find_entities(corpus)
    for stem, word in (("a", "Ebola"), ("b", "Zika")):
        rows = ents[ents["article_id"].str.startswith(stem) & (ents["text"] == word)]
        assert len(rows) and set(rows["type"].astype(str)) == {"MISC"}
    # a person of that name stays a person; a place before "virus" stays a place
    rows = ents[ents["article_id"].str.startswith("c") & ents["text"].str.contains("Ebola")]
    assert "MISC" not in set(rows["type"].astype(str))


def test_a_surname_titled_for_someone_the_article_never_names_in_full_is_not_the_relatives(
    make_corpus,
):
    from newscorpus.entities import find_entities

    corpus = make_corpus(
        {
            "a.txt": "Adviser speaks\n\nIvanka Trump spoke at a summit on Monday. President "
            "Trump praised the plan. Trump said it would pass.\n",
            "b.txt": "First lady visits\n\nMelania Trump toured the school. Mrs. Trump read "
            "to pupils. Trump thanked the teachers.\n",
        }
    )
    ents = find_entities(corpus)
    a = ents[ents["article_id"].str.startswith("a") & (ents["text"] == "Trump")]
    # the titled mention is the president's (the corpus step names him); "Trump said" is
    # left to the article's one full name
    assert list(a["canonical"].astype(str)) == ["President Ivanka Trump", "Ivanka Trump"]
    b = ents[ents["article_id"].str.startswith("b") & ents["text"].str.endswith("Trump")]
    assert set(b["canonical"].astype(str)) == {"Melania Trump"}  # a title that fits her


def test_a_titled_surname_takes_the_corpus_bearer_not_the_articles_relative():
    from newscorpus.entities import resolve_entities

    rows = _famous(12)
    rows += [("t", "Ivanka Trump", "PER", "Ivanka Trump")]
    rows += [("t", "Trump", "PER", "President Ivanka Trump")] * 3
    out = resolve_entities(_table(rows))
    assert _canon(out, "t", "Trump") == ({"Donald Trump"}, {"PER"})
    assert _canon(out, "t", "Ivanka Trump")[0] == {"Ivanka Trump"}


def test_a_courtesy_title_names_the_bearer_of_its_gender():
    from newscorpus.entities import resolve_entities

    rows = _famous(12, "Hillary Clinton") + _famous(10, "Bill Clinton")
    # an article naming only Bill Clinton writes "Mrs. Clinton" for Hillary
    rows += [
        ("n", "Bill Clinton", "PER", "Bill Clinton"),
        ("n", "Clinton", "PER", "Mrs Bill Clinton"),
    ]
    # an office title the article gives a well-known bearer stays his ("former President
    # Clinton" beside "Bill Clinton", though the corpus's Clinton is Hillary)
    rows += [("p", "Bill Clinton", "PER", "Bill Clinton")]
    rows += [("p", "Clinton", "PER", "President Bill Clinton")]
    out = resolve_entities(_table(rows))
    assert _canon(out, "n", "Clinton")[0] == {"Hillary Clinton"}
    assert _canon(out, "n", "Bill Clinton")[0] == {"Bill Clinton"}
    assert _canon(out, "p", "Clinton")[0] == {"Bill Clinton"}
