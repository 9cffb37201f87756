"""Embed markup and bare agency credits are site furniture: set aside, never counted, never names."""

from __future__ import annotations

from newscorpus.corpus import furniture_rules as rules
from newscorpus.corpus import read_corpus


def test_empty_tweet_embed_line_is_markup_and_a_bare_agency_line_a_credit():
    assert rules.line_reason('<tweet tweet-id="661196115484643328"><tweet/>.') == rules.MARKUP
    assert rules.line_reason("Getty.") == rules.CREDIT
    assert rules.line_reason("Getty/Instagram.") == rules.CREDIT
    assert rules.line_reason("AP Photo") == rules.CREDIT
    # a sentence about an agency, or a tweet with words, is no furniture line
    assert rules.line_reason("Getty is a company.") is None
    assert rules.line_reason('<tweet id="1" author="@x">We won Iowa</tweet>.') is None


def test_tags_links_and_signature_are_cut_the_post_words_stay():
    text = (
        "No one should be above the law. pic.twitter.com/OqctxglquI — Paul Ryan (@SpeakerRyan) "
        "July 5, 2016</tweet>."
    )
    spans = rules.inline_spans(text)
    assert [(text[a:b], r) for a, b, r in spans] == [
        ("pic.twitter.com/OqctxglquI — Paul Ryan (@SpeakerRyan) July 5, 2016</tweet>", rules.MARKUP)
    ]
    # a dash and a handle without the embed's date is prose, not a signature
    assert rules.markup_spans("He said — and I quote (@foo) nothing.") == []


def test_markup_paragraphs_are_boilerplate_and_never_body(tmp_path):
    body = (
        "Trump rally\n\nDonald Trump spoke in Iowa on Tuesday.\n\n"
        '<tweet tweet-id="661196115484643328"><tweet/>.\n\n'
        '<tweet id="672138506081275904" author="@MissDBunker" datetime="2015-12-02">Scanner: '
        "Farook Sayed was acting nervous</tweet>.\n\nGetty.\n\nHe said the crowd was big.\n"
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    paras = read_corpus(tmp_path).paragraphs
    kinds = dict(zip(paras["text"], paras["kind"].astype("str"), strict=True))
    assert kinds['<tweet tweet-id="661196115484643328"><tweet/>.'] == "boilerplate"
    assert kinds["Getty."] == "boilerplate"
    assert kinds["Scanner: Farook Sayed was acting nervous"] == "body"
    tags = paras[paras["reason"] == rules.MARKUP]["text"].tolist()
    assert tags == [
        '<tweet tweet-id="661196115484643328"><tweet/>.',
        '<tweet id="672138506081275904" author="@MissDBunker" datetime="2015-12-02">',
        "</tweet>",
        ".",  # a piece with no letter goes with the cut before it
    ]
    body_text = " ".join(paras.loc[paras["kind"] == "body", "text"])
    assert "tweet" not in body_text and "Getty" not in body_text


def test_a_tag_broken_over_two_lines_is_markup_and_its_post_stays():
    assert rules.line_reason('<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016') == (
        rules.MARKUP
    )
    text = '">I love @SarahPalinUSA Without her support.<tweet/>.'
    assert [text[a:b] for a, b, _ in rules.inline_spans(text)] == ['">', "<tweet/>"]
    assert rules.markup_spans('He said "yes"> no') == []
