"""Round 7 of furniture (issue 16): paywall prompts are furniture, set aside at exact offsets,
and an article that is only a paywalled or truncated excerpt gets a `problems` row — each on a
small built input."""

from __future__ import annotations

from newscorpus.corpus import furniture_paywall as P
from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import read_corpus
from newscorpus.overview import problem_summary

PROSE = [
    "Rebel forces seized the northern town of Kafr Nabl on Tuesday, a monitoring group said.",
    "The United Nations warned that food supplies in the besieged district were running out.",
    "Officials in Damascus denied that government aircraft had struck the market.",
    "Turkey closed two border crossings after a car bomb exploded near the frontier.",
    "Talks in Geneva ended without agreement on a ceasefire, diplomats said.",
    "The ministry said it would publish its own figures for the month next week.",
]
EXCERPT = "article text is a paywalled or truncated excerpt"


def _read(tmp_path, articles: dict[str, str]):
    folder = tmp_path / "c"
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
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


def _excerpts(corpus) -> dict[str, str]:
    p = corpus.problems
    p = p[p["problem"].str.startswith(EXCERPT)]
    return dict(zip(p["article_id"], p["problem"], strict=True))


def test_paywall_prompts_of_any_wording_are_lines_of_furniture():
    for line in (
        "Subscribe to continue reading.",
        "This content is for subscribers only.",
        "You have reached your limit of free articles this month.",
        "Already a subscriber? Log in.",
        "To read the full story, subscribe to The Daily Planet.",
        "Continue reading on the Gazette's website.",
        "You have 3 free articles left this month.",
        "Subscribe now for as little as $2 a month!",
        "Become a member today: $5/month, cancel any time.",
        "Your subscription funds the reporting you read here.",
        "Log in or create an account to keep reading.",
    ):
        assert R.line_reason(line) == R.PAYWALL, line


def test_sentences_about_subscriptions_or_other_subscriptions_stay():
    for line in (
        "Netflix said it added 2 million subscribers in the quarter.",
        "Subscribers will pay $10 a month, the company said.",
        "Support for the bill came from members of both parties.",
        "Are you a member of the party?",
        "Subscribe to our YouTube channel for more videos.",
        "Subscribe to the Morning Briefing newsletter.",
        "Continue reading the main story",
        "“Subscribe to continue reading,” the sign said, the editor told reporters.",
    ):
        assert R.line_reason(line) != R.PAYWALL, line


def test_a_prompt_closing_a_paragraph_is_cut_at_exact_offsets(tmp_path):
    body = " ".join(PROSE[:3])
    text = (
        f"Rebels take town\n\n{body} Subscribe to continue reading. Already a subscriber? Log in\n"
    )
    corpus, texts = _read(tmp_path, {"a1": text})
    rows = _rows(corpus, "a1")
    assert ("body", "", body) in [(k, r or "", t) for k, r, t in rows]
    prompt = [t for k, r, t in rows if r == R.PAYWALL]
    assert prompt == ["Subscribe to continue reading. Already a subscriber? Log in"]
    _exact(corpus, texts)
    # a teaser with the gate after it is an excerpt, its words counted
    assert _excerpts(corpus) == {"a1": f"{EXCERPT} ({len(body.split())} words)"}


def test_a_full_article_with_a_plug_or_a_meter_is_no_excerpt(tmp_path):
    body = "\n\n".join(PROSE)
    corpus, texts = _read(
        tmp_path,
        {
            "plug": f"Talks fail\n\n{PROSE[0]}\n\nSubscribe now for as little as $2 a month!\n\n"
            + body,
            "meter": f"Talks fail\n\nYou have 14 free articles left today, enjoy reading.\n\n{body}",
            "plain": f"Talks fail\n\n{body}",
        },
    )
    for aid, words in (("plug", "$2 a month"), ("meter", "free articles")):
        # set aside (the reader's fixed patterns may name it first: "newsletter plug")
        assert [k for k, _, t in _rows(corpus, aid) if words in t] == ["boilerplate"]
    assert [r for _, r, _ in _rows(corpus, "meter")].count(R.PAYWALL) == 1
    assert _excerpts(corpus) == {}
    _exact(corpus, texts)


def test_a_gate_line_after_the_body_makes_an_excerpt(tmp_path):
    body = " ".join(PROSE)
    corpus, _ = _read(tmp_path, {"g": f"Talks fail\n\n{body}\n\nSubscribe to continue reading.\n"})
    assert [k for k, _, t in _rows(corpus, "g") if t.startswith("Subscribe")] == ["boilerplate"]
    assert _excerpts(corpus) == {"g": f"{EXCERPT} ({len(body.split())} words)"}


def test_a_short_body_that_stops_mid_sentence_is_an_excerpt(tmp_path):
    cut = f"{PROSE[0]} {PROSE[1]} The minister, speaking in the capital, said that the"
    trail = f"{PROSE[2]} Officials said the talks would resume …"
    corpus, _ = _read(
        tmp_path,
        {
            "cut": f"Rebels\n\n{cut}\n",
            "trail": f"Rebels\n\n{trail}\n",
            "whole": f"Rebels\n\n{PROSE[0]} {PROSE[1]}\n",
            "table": "Results\n\nShr 25 cts vs 20 cts\n\nNet 1.2 mln vs 900,000\n",
        },
    )
    found = _excerpts(corpus)
    assert set(found) == {"cut", "trail"}
    assert found["cut"] == f"{EXCERPT} ({len(cut.split())} words)"
    # 00-corpus counts them as one kind of problem, digits folded
    kinds = problem_summary(corpus.problems)
    assert kinds.loc[kinds["problem"].str.startswith(EXCERPT), "n"].tolist() == [2]


def test_a_gate_an_outlet_repeats_marks_its_articles_as_excerpts():
    kinds = ["title", "body", "boilerplate"]
    reasons = ["", "", R.LINE]
    texts = ["Title", " ".join(PROSE), "Keep reading at the Gazette, subscribers get more."]
    assert P.excerpt_note(kinds, reasons, texts) == f"{EXCERPT} ({len(texts[1].split())} words)"
    # a newsletter line after the body is no gate
    texts[2] = "Sign up for Daily Newsletters Manage Newsletters"
    assert P.excerpt_note(kinds, reasons, texts) is None
    # body text after the gate: the gate was a pointer mid-article, no excerpt
    assert P.excerpt_note(kinds + ["body"], reasons + [""], texts[:2] + [texts[2], "More."]) is None
