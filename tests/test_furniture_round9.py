"""Round 9 of furniture (issue 16): furniture below an outlet's repetition threshold, glued
inline or in related-link blocks; an outlet's own name with "the" in a key term; bylines and
outlets taken from a page's lists — each on a small built input."""

from __future__ import annotations

from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import read_corpus
from newscorpus.corpus.furniture import Furniture, _cards, _line_is_furniture

PROSE = [
    "Rebel forces seized the northern town of Kafr Nabl on Tuesday, a monitoring group said.",
    "The United Nations warned that food supplies in the besieged district were running out.",
    "Officials in Damascus denied that government aircraft had struck the market.",
    "Turkey closed two border crossings after a car bomb exploded near the frontier.",
    "Talks in Geneva ended without agreement on a ceasefire, diplomats said.",
    "The ministry said it would publish its own figures for the month next week.",
]


def _write(tmp_path, articles: dict[str, str], manifest: str | None = None):
    folder = tmp_path / "c"
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    if manifest:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return read_corpus(folder)


def _kinds(corpus, aid: str) -> dict[str, str]:
    p = corpus.paragraphs
    p = p[p["article_id"] == aid]
    return dict(zip(p["text"], p["kind"].astype(str), strict=True))


def test_label_lines_of_any_outlet_are_furniture_whatever_follows_the_label():
    for line in (
        "Share this: Pocket",
        "WhatsApp",
        "next Image 1 of 2",
        "Photo 3 of 12",
        "First posted",
        "Updated: 5:08 p.m. ET",
        "Published on Jun 5, 2017",
        "DISTRIBUTED BY UNIVERSAL UCLICK",
        "Distributed by Tribune Content Agency",
        "COPYRIGHT 2016 ANN COULTER",
        "© 2019 by King Features Syndicate",
        "This article tagged under: Obamacare",
        "Topics: terrorism, world-politics, iraq",
        "Related Coverage Trump taps doctor, decorated diver to rescue Veterans Affairs",
        "More On This...",
        "Related Stories: Senate passes the budget",
        "— With assistance by Nick Wadhams, David Tweed, and Terrence Dopp",
        "With assistance from Fabiola Zerpa",
        "Advertisement Continue reading the main story",
    ):
        assert R.line_reason(line), line


def test_sentences_that_open_with_a_label_word_stay_body():
    for line in (
        "Twitter is a company that lost money last year.",
        "Related coverage of the trial was thin, critics said.",
        "More on this later.",
        "Updated figures show a rise in prices.",
        "Published in 2015, the report found fraud.",
        "Copyright law protects authors. It is old.",
        "Topics: the president said the economy is fine.",
        "With assistance from the Pentagon, the rebels advanced on the town.",
        "Distributed by the agency, the leaflets urged calm.",
        "Share prices fell 3 percent.",
        "Photo finishes decide many races.",
    ):
        assert R.line_reason(line) is None, line


def test_a_repeated_line_beside_a_sentence_with_figures_is_furniture_not_table_data():
    texts = [
        "Clinton trails Rubio in Colorado, 38 percent to 46 percent; in Iowa, 36 to 44 percent.",
        "Story Continued Below",
        "She leads in New Hampshire, pollsters said on Wednesday.",
    ]
    assert _line_is_furniture(texts, 1)
    table = ["Shr 25 cts vs 20 cts", "Story Continued Below", "Net 1.2 mln vs 900,000"]
    assert not _line_is_furniture(table, 1)  # a row of a table of figures is data


TOWNS = "Aleppo Homs Hama Idlib Raqqa Deir Daraa Latakia Tartus Palmyra Manbij Kobani".split()


def _prose(i: int) -> tuple[str, str]:
    town = f"{TOWNS[i % 12]} {TOWNS[i // 12 % 12]}"
    other = f"{TOWNS[(i + 7) % 12]}-{TOWNS[i // 12 % 12]}"
    return (
        f"Rebel forces seized the town of {town} on Tuesday, a monitoring group said.",
        f"Officials in {other} denied that government aircraft had struck the market there.",
    )


def test_a_line_one_outlet_repeats_as_furniture_is_furniture_in_another(tmp_path):
    # 5 articles of one outlet carry the line, 1 of 125 others: under the corpus's threshold
    articles, rows = {}, ["article_id,outlet"]
    for i in range(130):
        first, second = _prose(i)
        extra = "Story Continued Below\n\n" if i <= 5 else ""
        articles[f"a{i:03d}"] = f"Headline {TOWNS[i % 12]} {i}\n\n{first}\n\n{extra}{second}\n"
        rows.append(f"a{i:03d},{'Politico' if i < 5 else 'Quartz'}")
    corpus = _write(tmp_path, articles, "\n".join(rows) + "\n")
    kinds = _kinds(corpus, "a005")
    assert kinds["Story Continued Below"] == "boilerplate"
    assert [k for t, k in kinds.items() if t != "Story Continued Below"] == [
        "title",
        "body",
        "body",
    ]
    assert isinstance(Furniture.from_counts([]).shared, frozenset)


def test_a_long_hover_card_glued_into_a_sentence_is_one_card():
    card = (
        "Sen. Jeanne Shaheen Cynthia (Jeanne) Jeanne ShaheenOn The Money: "
        + " | ".join(
            f"Headline number {k} about the budget and the tariffs of the week" for k in range(8)
        )
        + " MORE (D-N.H.), who co-chairs a NATO group, said so."
    )
    found = _cards(card)
    assert len(found) == 1
    start, end, _ = found[0]
    assert card[start:end].startswith("Cynthia") and card[start:end].endswith("MORE")


def test_an_outlet_named_the_word_is_its_own_name_inside_a_phrase():
    import pandas as pd

    from newscorpus.terms.selection import own_outlet_names
    from newscorpus.terms.style import own_name_mask

    texts = [
        "Senator Smith told The Hill that Capitol Hill would vote on the bill.",
        "The senator said in an interview with The Hill and on Hill.TV that he agreed.",
    ]
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": "The Hill", "text": texts})
    own = own_outlet_names(pd.Series(["The Hill", "The Hill"], index=["a", "b"]), articles)
    terms = ["told the hill", "interview with the hill", "the hill 's", "capitol hill", "hill"]
    mask = own_name_mask(terms, [9, 3, 2, 5, 3], own["The Hill"], [1, 1, 1, 50, 30], (900, 9000))
    assert dict(zip(terms, mask.tolist(), strict=True)) == {
        "told the hill": True,
        "interview with the hill": True,
        "the hill 's": True,
        "capitol hill": False,  # the place, not the outlet
        "hill": True,
    }
    # an outlet whose name its articles write as an ordinary phrase keeps the phrase
    week = pd.DataFrame(
        {"article_id": ["c"], "outlet": "The Week", "text": ["During the week he left."]}
    )
    assert "the week" not in own_outlet_names(pd.Series(["The Week"], index=["c"]), week).get(
        "The Week", []
    )


def test_a_page_staff_list_is_no_byline_and_a_columnist_label_is_no_outlet(tmp_path):
    import pandas as pd

    from newscorpus.corpus.outlets import canonical_manifest

    staff = "Katie Pavlich, Matt Vespa, Beth Baumann, Leah Barkoukis"
    rows = [
        ("c1", "Ann Coulter", staff, "http://townhall.com/columnists/anncoulter/2013/c1"),
        ("c2", "Townhall", "Ann Coulter, " + staff, "http://townhall.com/columnists/anncoulter/c2"),
        ("c3", "Vox", "Matthew Yglesias, Li Zhou, Aja Romano, Anna North", "http://www.vox.com/c3"),
        ("c4", "Reuters", "Steve Holland, Jeff Mason", "https://www.reuters.com/c4"),
        ("c5", "John Stossel", "", "http://www.creators.com/opinion/john-stossel/c5"),
        ("c6", "Jane Q. Doerr", "", "https://www.wtsp-example.com/opinion/c6"),
        ("c7", "ABC News", "Australian Broadcasting Corporation", "http://www.abc.net.au/news/c7"),
        ("c8", "ABC News", "Jon Karl", "https://abcnews.go.com/Politics/c8"),
        ("c9", "Ann Coulter", "", "http://www.anncoulter.com/columns/c9"),
        ("c10", "Washington Monthly", "", "http://wtop.com/c10"),
    ]
    manifest = pd.DataFrame(rows, columns=["article_id", "outlet", "byline", "url"], dtype="str")
    out = canonical_manifest(manifest).set_index("article_id")
    assert out.loc["c1", "byline"] == "Ann Coulter"  # the column's author, not the sidebar
    assert out.loc["c2", "byline"] == "Ann Coulter"  # the page's author comes first
    assert out.loc["c3", "byline"] == "Matthew Yglesias"
    assert out.loc["c4", "byline"] == "Steve Holland, Jeff Mason"  # two authors stay
    assert out.loc["c5", "outlet"] == "Creators Syndicate"  # a person is no outlet
    assert out.loc["c6", "outlet"] == "wtsp-example.com"  # an unknown site names itself
    assert out.loc["c7", "outlet"] == "ABC (Australia)"  # another outlet's site
    assert out.loc["c8", "outlet"] == "ABC News"
    assert out.loc["c9", "outlet"] == "Ann Coulter"  # her own site
    assert out.loc["c10", "outlet"] == "Washington Monthly"  # a place's name is no person's


def test_a_columnist_label_on_an_outlets_site_is_the_byline_of_a_staff_list():
    import pandas as pd

    from newscorpus.corpus.outlets import canonical_manifest

    staff = "Joel Mathis, Matthew Walther, Kathryn Krawczyk, Bonnie Kristian"
    rows = [
        (f"w{i}", "The Week", "Joel Mathis", f"https://theweek.com/articles/{i}") for i in range(3)
    ]
    rows += [
        ("d1", "Damon Linker", staff, "https://theweek.com/articles/d1"),
        ("g1", "Guest Writer", staff, "https://theweek.com/articles/g1"),
    ]
    manifest = pd.DataFrame(rows, columns=["article_id", "outlet", "byline", "url"], dtype="str")
    out = canonical_manifest(manifest).set_index("article_id")
    assert out.loc["d1", "outlet"] == "The Week"
    assert out.loc["d1", "byline"] == "Damon Linker"  # the column's author, not the sidebar's
    assert out.loc["g1", "byline"] == "Joel Mathis"  # a bucket is no author: the list's first
