"""Round 6 of furniture (issue 16): ad markers and inline bylines, author sign-offs that change
with every author, contributor trailers and headline blocks, one outlet on a small sample, and
an outlet's own name that is also an ordinary word — each on a small built input."""

from __future__ import annotations

import pandas as pd

from newscorpus.corpus import furniture_article as A
from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import read_corpus
from newscorpus.corpus.outlets import canonical_outlets, merged
from newscorpus.terms import own_outlet_names
from newscorpus.terms.style import own_name_mask

PROSE = [
    "Rebel forces seized the northern town of Kafr Nabl on Tuesday, a monitoring group said.",
    "The United Nations warned that food supplies in the besieged district were running out.",
    "Officials in Damascus denied that government aircraft had struck the market.",
    "Turkey closed two border crossings after a car bomb exploded near the frontier.",
    "Talks in Geneva ended without agreement on a ceasefire, diplomats said.",
]


def _read(tmp_path, articles: dict[str, str], manifest: pd.DataFrame | None = None):
    folder = tmp_path / "c"
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    if manifest is not None:
        manifest.to_csv(folder / "manifest.csv", index=False)
    corpus = read_corpus(folder)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    return corpus, texts


def _rows(corpus, aid: str) -> list[tuple[str, str, str]]:
    p = corpus.paragraphs
    p = p[p["article_id"] == aid]
    return list(zip(p["kind"].astype(str), p["reason"], p["text"], strict=True))


def _exact(corpus, texts) -> None:
    p = corpus.paragraphs
    for aid, a, b, t in zip(p["article_id"], p["start"], p["end"], p["text"], strict=True):
        assert texts[aid][a:b] == t  # set aside at exact offsets, nothing deleted


# --------------------------------------------------------------------------- 1. ads, bylines


def test_ad_markers_and_a_live_blog_byline_are_cut_and_the_words_around_them_stay(tmp_path):
    entry = "Fauci said the country could see more deaths if states reopen too soon."
    corpus, texts = _read(
        tmp_path,
        {
            "blog": f"Live updates\n\n{PROSE[0]} By Mike DeBonis AD {entry}\n\nAD\n\nAD AD\n\n"
            f"{PROSE[1]} ADVERTISEMENT {PROSE[2]}\n\nAdvertisementOPINION: The Senate Is Stuck\n",
            "dek": "Economists On The Run\n\nDid economists help put a demagogue in the White "
            f"House? By Michael Hirsh\n\n{PROSE[3]}\n",
            "prose": "Headline\n\nHe was also on Politico's list of AD 2020 hopefuls, she said."
            "\n\nACU FIRES BACK AT MANCHIN ‘PROSTITUTE’ AD\n",
            "byline": f"Republicans Make Their Case\n\nBy Michael Barone - February 7, 2013\n\n"
            f"{PROSE[4]}\n",
        },
    )
    blog = _rows(corpus, "blog")
    body = [t for k, _, t in blog if k == "body"]
    assert body == [PROSE[0], entry, PROSE[1], PROSE[2], "OPINION: The Senate Is Stuck"]
    ads = [t for _, r, t in blog if r == R.ADS]
    assert ads == ["By Mike DeBonis AD", "AD", "AD AD", "ADVERTISEMENT", "Advertisement"]
    dek = _rows(corpus, "dek")
    assert ("boilerplate", R.BYLINE, "By Michael Hirsh") in dek
    assert not any("Hirsh" in t for k, _, t in dek if k == "body")
    prose = [k for k, _, _ in _rows(corpus, "prose")]
    assert prose == ["title", "body", "body"]  # "AD 2020", a headline's "… AD": no ad slots
    assert _rows(corpus, "byline")[1][0] == "byline"
    assert corpus.articles.set_index("article_id").loc["byline", "byline"] == "Michael Barone"
    _exact(corpus, texts)


def test_ad_line_and_video_end_card_by_shape():
    assert R.line_reason("AD") == R.ADS
    assert R.line_reason("ADVERTISEMENT Thanks for watching! Visit Website") == R.STUB
    assert R.line_reason("Ad") is None
    assert R.inline_spans("The bill passed. By Tuesday") == []  # no name after "By"


# --------------------------------------------------------------------------- 2. sign-offs


def test_an_author_sign_off_that_changes_with_every_author_is_set_aside(tmp_path):
    pollak = (
        "Joel B. Pollak is Senior Editor-at-Large at Breitbart News and the host of Breitbart "
        "News Sunday on Sirius XM Patriot on Sunday evenings from 7 p.m. to 10 p.m. ET."
    )
    nolan = "Lucas Nolan is a reporter for Breitbart News covering issues of free speech."
    follow = "Follow him on Twitter @LucasNolan or email him at lnolan@breitbart.com"
    gonzales = "Nathan L. Gonzales is an elections analyst for CQ Roll Call."
    # a newsmaker the story named before: its closing line stays
    mcconnell = "Mitch McConnell is the Senate majority leader from Kentucky."
    source = "The talks will resume in March, officials said. (Source: AFP)"
    corpus, texts = _read(
        tmp_path,
        {
            "bb1": f"Column one\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n{pollak}\n",
            "bb2": f"Column two\n\nBy Lucas Nolan\n\n{PROSE[2]}\n\n{nolan}\n\n{follow}\n",
            "rc": f"Analysis\n\n{PROSE[3]}\n\n{PROSE[4]}\n\n{gonzales}\n",
            "news": f"Senate vote\n\nMcConnell said the vote would wait.\n\n{PROSE[1]}\n\n"
            f"{mcconnell}\n",
            "src": f"Talks\n\n{PROSE[2]}\n\n{source}\n",
            "mid": f"Profile\n\n{PROSE[0]}\n\n{gonzales}\n\nHis forecasts for the House race "
            "were close to the final count in most districts.\n",
        },
    )
    assert _rows(corpus, "bb1")[-1] == ("boilerplate", A.BIO, pollak)
    assert _rows(corpus, "bb2")[-2:] == [
        ("boilerplate", A.BIO, nolan),
        ("boilerplate", "social-media plug", follow),
    ]
    assert _rows(corpus, "rc")[-1] == ("boilerplate", A.BIO, gonzales)
    assert _rows(corpus, "news")[-1] == ("body", "", mcconnell)
    assert _rows(corpus, "src")[-1] == ("body", "", source)  # a source credit is body
    assert ("body", "", gonzales) in _rows(corpus, "mid")  # body goes on after it: no sign-off
    _exact(corpus, texts)


def test_sign_off_form_needs_a_full_name_and_a_role():
    assert A.sign_off_form("S.E. Cupp is the host of “S.E. Cupp Unfiltered” on CNN.") == "Cupp"
    assert A.sign_off_form("McGahn is a veteran campaign finance attorney.", last=True) == ""
    assert A.sign_off_form("Priorities USA is a super PAC, which means it can raise money.") == ""
    assert A.sign_off_form("The Motley Fool is a USA TODAY content partner.", last=True) == ""
    said = "Jane Smith is a professor at Yale and she said the ruling was wrong."
    assert A.sign_off_form(said, last=True) == ""


# --------------------------------------------------------------------------- 3. trailers, heads


def test_contributor_trailers_and_flattened_headline_blocks(tmp_path):
    caption = (
        "Washington Gov. Jay Inslee’s decision not to invest in New Hampshire still burns some "
        "of the state’s leading Democrats. | Ted S. Warren/AP Photo 2020 Elections"
    )
    title = "‘You couldn’t spend a dime?’: Jay Inslee ticks off the wrong state"
    dek = "When the Washington governor tours New Hampshire, don’t expect red carpet treatment."
    old = "Perry has even toyed publicly with running for governor again in 2014. Perry tests"
    epigraph = "“I know how to work the media, and they never take the lights off me.” - Trump"
    corpus, texts = _read(
        tmp_path,
        {
            "usa1": f"Border deal\n\n{PROSE[0]}\n\nContributing: Bart Jansen; The Associated "
            "Press\n",
            "usa2": f"Talks\n\n{PROSE[1]}\n\n{PROSE[2]} Contributing: Kim Hjelmgaard, USA TODAY; "
            "Michael Settle, The (Glasgow) Herald\n",
            "pol1": f"{title}\n\n{caption} {title} {dek}\n\n{PROSE[3]}\n",
            "pol2": f"Rick Perry tests his strength in Texas\n\n{old} his strength in Texas\n\n"
            f"{PROSE[4]}\n",
            "salon": f"The media is as responsible for Trump as the GOP\n\n{epigraph}\n\n"
            f"{PROSE[0]}\n",
        },
    )
    assert _rows(corpus, "usa1")[-1][:2] == ("boilerplate", "contributor line")
    usa2 = _rows(corpus, "usa2")
    assert usa2[-2] == ("body", "", PROSE[2])
    assert usa2[-1][:2] == ("boilerplate", R.CONTRIBUTORS)
    pol1 = _rows(corpus, "pol1")
    assert pol1[1] == ("boilerplate", A.HEADLINE, f"{caption} {title}")
    assert pol1[2] == ("body", "", dek)
    assert _rows(corpus, "pol2")[1][:2] == ("boilerplate", A.HEADLINE)
    assert _rows(corpus, "pol2")[2] == ("body", "", PROSE[4])
    assert _rows(corpus, "salon")[1] == ("body", "", epigraph)  # a quote's credit: no headline
    _exact(corpus, texts)


def test_a_headline_after_a_credit_bar_with_initials_is_found():
    kinds = ["title", "body", "body"]
    para = (
        "Cantor's defeat reorders politics in the House. | M.Scott Mahaskey/POLITICO Cantor loses"
    )
    assert A.headline_opener(["Cantor loses", para, PROSE[0]], kinds, True) == (1, len(para))
    para = "Insiders say Kerry can help. | AP Photos W.H. climate team appears primed"
    title = "Obama’s climate team appears primed for action"
    assert A.headline_opener([title, para, PROSE[0]], kinds, True) == (1, len(para))


def test_a_lede_that_shares_words_with_the_title_is_no_headline_block():
    lede = "The Senate passed the budget on Monday after a long night of votes"
    texts = ["Senate passes the budget", lede, PROSE[0]]
    assert A.headline_opener(texts, ["title", "body", "body"], True) is None
    texts = ["Trump says he will run", "Trump says he will run again in 2020.", PROSE[0]]
    assert A.headline_opener(texts, ["title", "body", "body"], True) is None
    # a quoted sentence closing the paragraph ends with its full stop inside the quote
    quoted = 'The headline: "Priebus struggles to explain GOP immigration messages."'
    texts = ["On immigration, it's GOP v. GOP", f"Politico had a story. {quoted}", PROSE[0]]
    assert A.headline_opener(texts, ["title", "body", "body"], True) is None
    # "Gov." is no sentence end: the unit is the whole paragraph, too long for a headline
    lede = "Story highlights Texas Gov. Rick Perry has been indicted on accusations he abused power"
    texts = ["4 reasons why Rick Perry's exercise of power got him in trouble", lede, PROSE[0]]
    assert A.headline_opener(texts, ["title", "body", "body"], True) is None


# --------------------------------------------------------------------------- 4. outlets


def test_a_small_sample_still_merges_an_outlet_on_its_own_site():
    names = ["Louisville Courier-Journal"] * 2 + ["Courier Journal Opinion"]
    names += ["Drudge Report", "WND.com", "Manhattan Institute", "City Journal"]
    names += ["Medium", "Tim Kaine", "Jo Bloggs", "Daily Planet"]
    urls = ["https://www.courier-journal.com/a", "https://www.courier-journal.com/b"]
    urls += ["https://eu.courier-journal.com/c", "https://www.wnd.com/1", "https://www.wnd.com/2"]
    urls += ["https://www.city-journal.org/x", "https://www.city-journal.org/y"]
    urls += ["https://medium.com/@x/1", "https://medium.com/@timkaine/2"]
    urls += ["http://planet.com/1", "http://planet.com/2"]
    out = canonical_outlets(names, urls).tolist()
    # 2 of 3 articles on the site: the larger name owns it
    assert out[:3] == ["Louisville Courier-Journal"] * 3
    assert out[3:5] == ["WND.com", "WND.com"]  # the site is named after WND
    assert out[5:7] == ["City Journal", "City Journal"]
    assert out[7:9] == ["Medium", "Tim Kaine"]  # a platform: a post is its author's
    assert out[9:] == ["Jo Bloggs", "Daily Planet"]  # one article each: nothing decided
    # every merge stays listed: the outlets merged under one name, with their listed names
    table = merged(pd.DataFrame({"outlet": out, "outlet_listed": names}))
    rows = dict(zip(table["outlet"], table["names"], strict=True))
    assert rows["WND.com"] == "Drudge Report 1; WND.com 1"
    assert rows["Louisville Courier-Journal"].startswith("Louisville Courier-Journal 2; ")
    assert "Medium" not in rows


# --------------------------------------------------------------------------- 5. own names


def test_an_outlets_short_name_that_is_an_ordinary_word_matches_only_as_a_name():
    articles = pd.DataFrame(
        {
            "article_id": ["w1", "w2", "w3", "h1", "h2"],
            "outlet": ["The Week"] * 3 + ["The Hill"] * 2,
            "text": [
                "Last week the Senate met. The Week reports on it.",
                "This week was busy: a week of votes and a week of talks.",
                "Next week the House votes.",
                "The Hill reported it first. Capitol Hill was quiet.",
                "The Hill said so, on a hill.",
            ],
        }
    )
    labels = pd.Series(articles["outlet"].to_numpy(), index=articles["article_id"])
    own = own_outlet_names(labels, articles)
    assert "The Week" not in own  # "week" is mostly the word: no name to leave out
    assert own["The Hill"] == ["=hill"]  # the name alone only
    terms = ["last week", "week", "capitol hill", "hill"]
    assert own_name_mask(terms, [5, 9, 3, 4], own["The Hill"]).tolist() == [
        False,
        False,
        False,
        True,
    ]
    # a web or mail address is no ordinary word: Politico stays its own name in every phrase
    pol = pd.DataFrame(
        {
            "article_id": ["p1", "p2"],
            "outlet": ["Politico"] * 2,
            "text": ["Politico reported it, politico.com says.", "Email tips@politico.com."],
        }
    )
    pol_labels = pd.Series(["Politico"] * 2, index=pol["article_id"])
    assert own_outlet_names(pol_labels, pol)["Politico"] == ["politico"]
    # without the texts the old rule stands: the name in every phrase
    assert own_outlet_names(labels, articles[["article_id", "outlet"]])["The Week"] == ["week"]


def test_a_line_of_names_under_the_title_is_no_body(tmp_path):
    corpus, texts = _read(
        tmp_path,
        {
            "usa": f"Manafort charged\n\nKevin Johnson and Brad Heath\n\n{PROSE[0]}\n\n{PROSE[1]}\n",
            "al": f"Seventh president\n\nAndrew Jackson and John Quincy Adams\n\n{PROSE[2]}\n",
            "head": f"Caucus night\n\nTrump Wins Iowa\n\n{PROSE[3]}\n",
            "only": "Profile\n\nDonald Trump\n",
        },
    )
    assert _rows(corpus, "usa")[1] == ("boilerplate", A.NAMES, "Kevin Johnson and Brad Heath")
    assert _rows(corpus, "usa")[2] == ("body", "", PROSE[0])
    assert _rows(corpus, "al")[1][:2] == ("boilerplate", A.NAMES)
    assert _rows(corpus, "head")[1] == ("body", "", "Trump Wins Iowa")  # no given name
    assert _rows(corpus, "only")[1] == ("body", "", "Donald Trump")  # the only body stays
    _exact(corpus, texts)


def test_a_dateline_sharing_the_titles_place_is_no_headline_block():
    """CoNLL-2003 documents: "PANAMA CITY 1996-08-30" under a title naming Panama was set aside
    as a repeated headline, and the place it names was lost (NER recall fell)."""
    kinds = ["title", "body", "body"]
    lede = "Panama's president said on Friday that the canal would stay open to all shipping."
    for line in ("PANAMA CITY 1996-08-30", "PANAMA CITY, Aug. 30"):
        assert A.headline_opener(["PANAMA CITY SAYS CANAL OPEN", line, lede], kinds, True) is None
