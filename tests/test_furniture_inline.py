"""Page widgets framed by fixed words (video cards, newsletter boxes, related links, ad slots,
comment widgets), lines an article repeats, and the donation rule, on small built corpora."""

from __future__ import annotations

import pandas as pd

from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import read_corpus
from newscorpus.corpus.furniture_summary import top_furniture
from newscorpus.corpus.paragraphs import classify_paragraphs

BODIES = [
    "Rebel forces seized the northern town of Kafr Nabl on Tuesday, a monitoring group said.",
    "The United Nations warned that food supplies in the besieged district were running out.",
    "Officials in Damascus denied that government aircraft had struck the market.",
    "Turkey closed two border crossings after a car bomb exploded near the frontier.",
    "Talks in Geneva ended without agreement on a ceasefire, diplomats said.",
]
CARD = (
    "JUST WATCHED Bangladeshi army: 'Sharp weapons' used to kill hostages Replay More Videos ... "
    "MUST WATCH Bangladeshi army: 'Sharp weapons' used to kill hostages 01:55"
)
NYT_BOX = (
    "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by "
    "clicking the box. Invalid email address. Please re-enter. You must select a newsletter to "
    "subscribe to. Sign Up You will receive emails containing news content , updates and "
    "promotions from The New York Times. You may opt-out at any time. Thank you for "
    "subscribing. An error has occurred. Please try again later. View all New York Times "
    "newsletters."
)
POLITICO_BOX = (
    "Morning Score newsletter Your guide to the permanent campaign — weekday mornings, in your "
    "inbox. Email Sign Up By signing up you agree to receive email newsletters or alerts from "
    "POLITICO. You can unsubscribe at any time. This site is protected by reCAPTCHA and the "
    "Google Privacy Policy and Terms of Service apply."
)


def _write(folder, articles: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    return folder


def _read(tmp_path, articles: dict[str, str]):
    corpus = read_corpus(_write(tmp_path / "c", articles))
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    return corpus, texts


def _rows(corpus, aid: str) -> list[tuple[str, str, str]]:
    p = corpus.paragraphs
    p = p[p["article_id"] == aid]
    return list(zip(p["kind"].astype(str), p["reason"], p["text"], strict=True))


def _span(corpus, aid: str, text: str) -> tuple[int, int]:
    p = corpus.paragraphs
    row = p[(p["article_id"] == aid) & (p["text"] == text)]
    assert len(row) == 1, text
    return int(row["start"].iloc[0]), int(row["end"].iloc[0])


def test_video_cards_as_lines_and_glued_mid_paragraph_are_cut_at_exact_offsets(tmp_path):
    glued = f"{BODIES[1]} {CARD} {BODIES[2]}"
    corpus, texts = _read(
        tmp_path,
        {
            "line": f"Headline\n\n{BODIES[0]}\n\n{CARD}\n\n{BODIES[3]}\n",
            "glued": f"Headline\n\n{glued}\n",
            "prose": "Headline\n\nShe just watched the replay twice, and more videos must watch.\n",
        },
    )
    assert _rows(corpus, "line")[1:] == [
        ("body", "", BODIES[0]),
        ("boilerplate", R.VIDEO, CARD),
        ("body", "", BODIES[3]),
    ]
    assert _rows(corpus, "glued")[1:] == [
        ("body", "", BODIES[1]),
        ("boilerplate", R.VIDEO, CARD),
        ("body", "", BODIES[2]),
    ]
    for aid in ("line", "glued"):
        a, b = _span(corpus, aid, CARD)
        assert texts[aid][a:b] == CARD
    a, b = _span(corpus, "glued", BODIES[2])
    assert texts["glued"][a:b] == BODIES[2]
    assert _rows(corpus, "prose")[1][:2] == ("body", "")  # no frame: a sentence stays
    norms = set(corpus.tokens.loc[corpus.tokens["article_id"] != "prose", "norm"])
    assert not norms & {"watched", "replay", "videos", "hostages"}


def test_newsletter_boxes_are_set_aside_and_a_sentence_about_one_is_not(tmp_path):
    sentence = (
        "Readers who sign up for the newsletter see a box saying the site is protected "
        "by reCAPTCHA, she said."
    )
    corpus, texts = _read(
        tmp_path,
        {
            "nyt": f"Headline\n\n{BODIES[0]}\n\n{NYT_BOX}\n\n{BODIES[1]}\n",
            "pol": f"Headline\n\n{BODIES[2]} {POLITICO_BOX}\n\n{BODIES[3]}\n",
            "about": f"Headline\n\n{sentence}\n",
        },
    )
    assert _rows(corpus, "nyt")[1:] == [
        ("body", "", BODIES[0]),
        ("boilerplate", R.NEWSLETTER, NYT_BOX),
        ("body", "", BODIES[1]),
    ]
    # the plug before the form on its line goes with it; the body sentence before it stays
    assert _rows(corpus, "pol")[1:] == [
        ("body", "", BODIES[2]),
        ("boilerplate", R.NEWSLETTER, POLITICO_BOX),
        ("body", "", BODIES[3]),
    ]
    a, b = _span(corpus, "pol", POLITICO_BOX)
    assert texts["pol"][a:b] == POLITICO_BOX
    assert _rows(corpus, "about")[1] == ("body", "", sentence)
    monitor = "Get the Monitor Stories you care about delivered to your inbox. By signing up, you"
    monitor += " agree to our Privacy Policy"  # no full stop: the line's end closes the form
    assert R.inline_spans(monitor) == [(0, len(monitor), R.NEWSLETTER)]
    related = "RELATED: Jim Clyburn Officially Endorses Joe Biden, Which Could Give Him A Win"
    assert R.line_reason(related + " In South Carolina Primary") == R.STUB
    long = "Related: he said he would run again, and his aides said the campaign would start"
    assert R.line_reason(long + " in May after the budget vote.") is None  # 21 words, "."
    assert not corpus.sentences["text"].str.contains("Google Privacy|You will receive").any()


def test_related_links_ad_slots_and_comment_widgets_are_cut_out(tmp_path):
    link = "( Also on POLITICO: 5 takeaways from Cantor shocker)"
    ads = "By John Wagner AD AD"
    entry = "Fauci says he has no quarrel with Trump Sen. Kelly Loeffler asked the witnesses."
    fyre = "34 postsGet LivefyreFAQSign in5 people listening + FollowSharePost comment as..."
    fyre += "Custom HTML PreviewLoadingFollow LiveblogNewest | Oldest"
    moderator = "Ani Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 11:19PM"
    reply = "Julia CravenFlagShareLikeReply"
    headline = "Donald Trump And Marco Rubio Miss The Mark"
    corpus, texts = _read(
        tmp_path,
        {
            "pol": f"Headline\n\n{BODIES[0]} {link} {BODIES[1]}\n",
            "wapo": f"Headline\n\n{BODIES[2]} {ads} {entry}\n",
            "huff": f"Headline\n\n{fyre}{moderator}{headline}\n{BODIES[3]}\n{reply}{moderator}"
            f"{headline}\n",
            "prose": "Headline\n\nHe was also on Politico's list of AD 2020 hopefuls, she said.\n",
        },
    )
    assert _rows(corpus, "pol")[1:] == [
        ("body", "", BODIES[0]),
        ("boilerplate", R.PROMO, link),
        ("body", "", BODIES[1]),
    ]
    assert _rows(corpus, "wapo")[1:] == [
        ("body", "", BODIES[2]),
        ("boilerplate", R.ADS, ads),
        ("body", "", entry),
    ]
    huff = _rows(corpus, "huff")[1:]
    assert [r[2] for r in huff if r[0] == "body"] == [headline, BODIES[3], headline]
    assert [r[2] for r in huff if r[1] == R.COMMENTS] == [fyre + moderator, reply + moderator]
    for aid, piece in (("pol", link), ("wapo", ads), ("huff", reply + moderator)):
        a, b = _span(corpus, aid, piece)
        assert texts[aid][a:b] == piece
    assert [r[0] for r in _rows(corpus, "prose")] == ["title", "body"]


def test_a_line_repeated_in_its_article_is_set_aside_once(tmp_path):
    caption = "From 1984 to 1988, Netanyahu was Israel's ambassador to the United Nations."
    short = "He said no."
    corpus, _ = _read(
        tmp_path,
        {
            "gallery": f"Headline\n\n{BODIES[0]}\n\n{caption}\n\n{caption}\n\n{short}\n\n{short}\n",
            "other": f"Headline\n\n{caption}\n\n{BODIES[1]}\n",
        },
    )
    assert _rows(corpus, "gallery")[1:] == [
        ("body", "", BODIES[0]),
        ("body", "", caption),  # the first copy is the content
        ("boilerplate", R.REPEAT, caption),
        ("body", "", short),  # too short to tell a copy from a repeated answer
        ("body", "", short),
    ]
    assert _rows(corpus, "other")[1] == ("body", "", caption)  # once per article: content
    assert (corpus.sentences["text"] == caption).sum() == 2  # one per article


def test_a_quote_about_a_donation_is_never_a_donation_appeal():
    quote = (
        '"I just liked what he said at that time and wanted to make a donation," said Hayati '
        "Camlica, who owns a Long Island auto repair shop."
    )
    appeal = "Please make a donation today: for as little as $1 you can help us keep going."
    kinds = classify_paragraphs(["Title", "A body line comes first.", quote, appeal])
    assert kinds[2] == ("body", "")
    assert kinds[3] == ("boilerplate", "donation appeal")


def test_top_furniture_names_each_new_kind(tmp_path):
    link = "( Also on POLITICO: The GOP leadership scramble)"
    corpus, _ = _read(
        tmp_path,
        {f"a{i}": f"Headline {i}\n\n{b} {link}\n\n{CARD}\n" for i, b in enumerate(BODIES[:3])},
    )
    articles = pd.DataFrame({"article_id": ["a0", "a1", "a2"], "outlet": ["X", "X", "Y"]})
    top = top_furniture(corpus.paragraphs, articles)
    rows = {r.where: (r.articles, r.outlets) for r in top.itertuples()}
    assert rows["video"] == (3, 2)
    assert rows["related"] == (3, 2)


OTHER = [
    "Farmers in Iowa expect a record harvest of corn this autumn, the department said.",
    "The central bank left interest rates unchanged for a third month in a row.",
    "Voters in Ohio will choose a new governor in November after a bitter primary.",
    "Engineers finished repairs on the bridge two weeks ahead of schedule.",
    "A new museum of modern art opened in Denver with works by local painters.",
]


def test_bracketed_links_whose_label_an_outlet_repeats_are_cut_out(tmp_path):
    heads = ["Google Co-Sponsors A Protest", "NYT Covers A Fake Site", "The Senate Votes Again"]
    cities = "Paris Rome Oslo Lima Cairo Delhi Tokyo Quito Accra Hanoi".split()
    dc, expected = {}, {}
    for i, body in enumerate(BODIES + OTHER):
        link = f"(RELATED: {heads[i % 3]} On Day {i})"
        after = f"Talks followed (Source: AFP in {cities[i]})"  # a source stays
        dc[f"dc_{i}"] = f"Headline {i}\n\n{body} {link} {after}\n"
        expected[f"dc_{i}"] = (body, link, after)
    # another outlet writes one such bracket: not its furniture
    other = {f"o_{i}": f"Story {i}\n\n{b}\n" for i, b in enumerate(OTHER)}
    other["o_0"] = f"Story 0\n\n{OTHER[0]} (RELATED: A Farm Story) The harvest began.\n"
    folder = _write(tmp_path / "dc", dc | other)
    rows = "".join(f"{a},DC\n" for a in dc) + "".join(f"{a},Other\n" for a in other)
    (folder / "manifest.csv").write_text("article_id,outlet\n" + rows, encoding="utf-8")
    corpus = read_corpus(folder)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for aid, (body, link, after) in expected.items():
        assert _rows(corpus, aid)[1:] == [
            ("body", "", body),
            ("boilerplate", R.PROMO, link),
            ("body", "", after),
        ]
        a, b = _span(corpus, aid, link)
        assert texts[aid][a:b] == link
    assert [k for k, _, _ in _rows(corpus, "o_0")] == ["title", "body"]


def test_a_caption_under_a_share_bar_is_a_caption_widget():
    # the Guardian's pictures: share buttons, the caption, its photographer
    caption = (
        "Facebook Twitter Pinterest Tony Evers, Wisconsin’s governor, sought to delay "
        "in-person voting. Photograph: Andy Manis/AP"
    )
    assert R.line_reason(caption) == R.WIDGET
    # the platforms named in a sentence are news
    assert R.line_reason("Facebook, Twitter and Pinterest removed the posts on Monday.") is None
    assert R.line_reason("Facebook Twitter Pinterest") == R.WIDGET
