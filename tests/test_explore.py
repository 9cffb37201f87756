"""The explorer: an article rendered as HTML with its findings marked, and the widgets' wiring."""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from newscorpus import analysis, explore, plots, read_corpus

ARTICLE = (
    "Fighters & <civilians> fled\n"
    "\n"
    "A boy in Mosul (photo credit: REUTERS)\n"
    "The army said “We won in March 2017. It is over,” said Col. Ali Hassan, a commander.\n"
    "Advertisement\n"
)


class _Tree(HTMLParser):
    """Check that tags nest properly and collect the text under each span class."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.text_by_class: dict[str, list[str]] = {}
        self.paragraphs: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs)))
        if tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        for _tag, attrs in self.stack:
            for cls in attrs.get("class", "").split():
                self.text_by_class.setdefault(cls, []).append(data)
        if any(tag == "p" for tag, _ in self.stack):
            self.paragraphs[-1] += data


def _parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    assert not tree.errors
    assert not tree.stack, "unclosed tags"
    return tree


@pytest.fixture
def small(make_corpus):
    """One article with a caption, boilerplate, a quote crossing a sentence end and a date in it."""
    corpus = make_corpus({"a1.txt": ARTICLE})
    text = corpus.articles["text"].iloc[0]
    quote_start = text.index("“")
    quote_end = text.index("”") + 1
    date_start = text.index("March 2017")
    quotes = pd.DataFrame(
        [
            {
                "article_id": "a1",
                "sentence_id": 0,
                "quote": text[quote_start:quote_end],
                "speaker": "Col. Ali Hassan",
                "speaker_role": "a commander",
                "verb": "said",
                "kind": "direct",
                "start": quote_start,
                "end": quote_end,
            }
        ]
    )
    dates = pd.DataFrame(
        [
            {
                "article_id": "a1",
                "sentence_id": 0,
                "text": "March 2017",
                "kind": "date",
                "value": "2017-03",
                "start_date": pd.Timestamp("2017-03-01"),
                "end_date": pd.Timestamp("2017-03-31"),
                "start": date_start,
                "end": date_start + len("March 2017"),
            }
        ]
    )
    return corpus, text, quotes, dates


def test_plain_rendering_keeps_every_paragraph_escaped(small):
    corpus, text, _, _ = small
    markup = explore.render_article(corpus, "a1")
    tree = _parse(markup)
    expected = corpus.paragraphs["text"].tolist()
    assert tree.paragraphs == expected
    assert "Fighters &amp; &lt;civilians&gt; fled" in markup
    assert "<civilians>" not in markup


def test_captions_and_boilerplate_are_greyed(small):
    corpus, *_ = small
    markup = explore.render_article(corpus, "a1")
    kinds = dict(zip(corpus.paragraphs["text"], corpus.paragraphs["kind"].astype(str), strict=True))
    assert kinds["A boy in Mosul (photo credit: REUTERS)"] == "caption"
    assert kinds["Advertisement"] == "boilerplate"
    caption = re.search(r'<p class="nc-paragraph nc-caption"[^>]*>', markup).group()
    assert "color: #8a8a8a" in caption and 'title="caption: photo credit"' in caption
    boilerplate = re.search(r'<p class="nc-paragraph nc-boilerplate"[^>]*>', markup).group()
    assert "color: #8a8a8a" in boilerplate
    body = re.search(r'<p class="nc-paragraph nc-body"[^>]*>', markup).group()
    assert "#8a8a8a" not in body


def test_quote_crossing_a_sentence_end_nests_properly(small):
    corpus, text, quotes, dates = small
    sentences = corpus.sentences[corpus.sentences["article_id"] == "a1"]
    assert len(sentences) == 2  # the quote's first sentence ends inside it
    sentiment = sentences[["article_id", "sentence_id"]].assign(
        neg=[0.0, 0.4], neu=[0.6, 0.6], pos=[0.4, 0.0], compound=[0.6, -0.5], in_quote=True
    )
    markup = explore.render_article(corpus, "a1", dates=dates, quotes=quotes, sentiment=sentiment)
    tree = _parse(markup)
    assert tree.paragraphs == corpus.paragraphs["text"].tolist()
    assert "".join(tree.text_by_class["nc-quote"]) == quotes["quote"].iloc[0]
    assert "".join(tree.text_by_class["nc-date"]) == "March 2017"
    assert "".join(tree.text_by_class["nc-sentence"]) == "".join(sentences["text"])
    # the quote is split at the sentence boundary: once in each sentence, once in the space between
    assert markup.count('<span class="nc-quote"') == 3
    # the date sits inside the quote, which sits inside the sentence
    date_at = markup.index('<span class="nc-date"')
    assert markup.rfind('<span class="nc-quote"', 0, date_at) > markup.rfind(
        '<span class="nc-sentence"', 0, date_at
    )


def test_hover_titles_name_speaker_role_and_resolved_value(small):
    corpus, _, quotes, dates = small
    markup = explore.render_article(corpus, "a1", dates=dates, quotes=quotes)
    quote_tag = re.search(r'<span class="nc-quote"[^>]*>', markup).group()
    assert 'data-speaker="Col. Ali Hassan"' in quote_tag
    title = html.unescape(re.search(r'title="([^"]*)"', quote_tag).group(1))
    assert title == "Col. Ali Hassan, a commander — direct quote, “said”"
    date_tag = re.search(r'<span class="nc-date"[^>]*>', markup).group()
    assert 'data-value="2017-03"' in date_tag
    assert "2017-03 (date): 2017-03-01 to 2017-03-31" in date_tag
    assert "text-decoration: underline" in date_tag


def test_speakers_keep_one_colour_most_quoted_first():
    quotes = pd.DataFrame({"speaker": ["B", "A", "B", None, "C", "A", "B"]})
    colours = explore.speaker_colours(quotes)
    assert list(colours) == ["B", "A", "C"]
    assert colours["B"] == explore.SPEAKER_COLOURS[0]
    assert len(set(colours.values())) == 3


def test_speakers_of_one_article_never_share_a_colour():
    corpus_colours = {f"s{i}": explore.SPEAKER_COLOURS[i % 10] for i in range(12)}
    # s0 and s10 share a corpus colour; in an article quoting both, s10 gets an unused one
    colours = explore.article_colours(["s0", "s1", "s10"], corpus_colours)
    assert colours["s0"] == corpus_colours["s0"] and colours["s1"] == corpus_colours["s1"]
    assert colours["s10"] not in (colours["s0"], colours["s1"])
    assert explore.article_colours(["s10"], corpus_colours)["s10"] == corpus_colours["s10"]


def test_sentence_shading_follows_the_sign_of_the_score(small):
    corpus, *_ = small
    sentences = corpus.sentences[corpus.sentences["article_id"] == "a1"]
    sentiment = sentences[["article_id", "sentence_id"]].assign(compound=[-0.9, 0.01])
    markup = explore.render_article(corpus, "a1", sentiment=sentiment)
    shades = re.findall(r'class="nc-sentence"[^>]*background-color: ([^;]+);', markup)
    assert shades[0].startswith("rgba(202, 0, 32,")  # negative: red
    assert shades[1] == "transparent"  # near neutral: no shade
    assert explore.sentiment_background(0.7).startswith("rgba(5, 113, 176,")


def test_spans_outside_the_text_or_empty_are_ignored(small):
    corpus, text, quotes, _ = small
    bad = pd.concat(
        [
            quotes.assign(start=len(text) - 2, end=len(text) + 50),
            quotes.assign(start=5, end=5),
            quotes.assign(start=pd.NA, end=pd.NA),
        ]
    )
    tree = _parse(explore.render_article(corpus, "a1", quotes=bad))
    assert "nc-quote" not in tree.text_by_class
    assert tree.paragraphs == corpus.paragraphs["text"].tolist()


def test_unknown_article_names_the_parameter(small):
    corpus, *_ = small
    with pytest.raises(ValueError, match="article_id 'nope'"):
        explore.render_article(corpus, "nope")


def test_layers_not_given_are_listed_as_not_shown(small):
    corpus, *_ = small
    findings = explore.Findings(corpus, missing={"dates": "not asked for"})
    summary = explore.layer_summary(findings).set_index("layer")
    assert summary["rows"].isna().all()
    assert summary.loc["dates", "shown_as"] == "not shown: not asked for"
    assert summary.loc["sentiment", "shown_as"] == "not shown: not computed"
    # the layers are the registry's steps
    assert summary.loc["quotes", "function"] == "newscorpus.sources.find_quotes"
    tree = _parse(explore.article_html(findings))
    assert tree.paragraphs == corpus.paragraphs["text"].tolist()


def boom_on_every_article(corpus, quotes):
    """A stand-in sentiment step that fails on every article."""
    raise RuntimeError("half written")


def test_a_step_failing_on_every_article_is_named(small, monkeypatch):
    corpus, *_ = small
    monkeypatch.setitem(
        analysis.STEPS, "sentiment", analysis.Step(__name__, "boom_on_every_article", ("quotes",))
    )
    with pytest.raises(RuntimeError, match="sentiment table could not be built.*half written"):
        explore.from_corpus(corpus)


def test_from_corpus_on_seeds_marks_every_layer(seeds):
    findings = explore.from_corpus(seeds)
    summary = explore.layer_summary(findings).set_index("layer")
    for name in explore.SHOWN_AS:
        assert summary.loc[name, "rows"] == len(getattr(findings, name)) > 0
    markup = explore.article_html(findings)
    tree = _parse(markup)
    first = seeds.articles["article_id"].iloc[0]
    assert f'data-article-id="{first}"' in markup
    paragraphs = seeds.paragraphs[seeds.paragraphs["article_id"] == first]["text"].tolist()
    assert tree.paragraphs == paragraphs
    assert "November 2017" in tree.text_by_class["nc-date"]


def test_source_findings_lists_quotes_and_mentions(small):
    corpus, _, quotes, _ = small
    findings = explore.Findings(corpus, quotes=quotes)
    table = explore.source_findings(findings, "col. ali hassan")
    assert table["kind"].tolist() == ["quote (direct)", "mention"]
    assert table["role"].iloc[0] == "a commander"
    assert "said Col. Ali Hassan" in table["text"].iloc[1]
    # each row names its article by title, outlet and date, as every figure does
    title = corpus.articles.set_index("article_id").loc[table["article_id"].iloc[0], "title"]
    assert table["article"].iloc[0].startswith(title[:20])
    assert list(table.columns) == explore.SOURCE_COLUMNS
    assert explore.source_findings(findings, "Hassa").empty  # whole words only
    # "" follows the most quoted source
    assert explore.source_findings(findings)["name"].iloc[0] == "Col. Ali Hassan"


def test_kwic_html_escapes_and_counts():
    table = pd.DataFrame(
        [{"article_id": "a", "left": "x < y", "term": "Raqqa", "right": "& z", "sentence_id": 0}]
    )
    markup = explore.kwic_html(table)
    assert 'data-rows="1"' in markup and "x &lt; y" in markup and "<b>Raqqa</b>" in markup
    assert "No occurrences" in explore.kwic_html(table.iloc[:0])


def test_explorer_updates_its_views(small, monkeypatch):
    pytest.importorskip("ipywidgets")
    _, _, quotes, dates = small
    other = (  # a story of its own (a near copy of a1 would be left out of the term views)
        "Raqqa after the battle\n\nThe army said it would stay in Raqqa until the spring, "
        "Col. Ali Hassan told reporters on Monday, as aid groups began clearing rubble from "
        "the old city.\n"
    )
    (small[0].folder / "a2.txt").write_text(other, encoding="utf-8")
    corpus = read_corpus(small[0].folder)
    findings = explore.Findings(corpus, quotes=quotes, dates=dates)

    def kwic(corpus, term, window=8):
        hits = corpus.tokens[corpus.tokens["token"] == term]
        return pd.DataFrame(
            {
                "article_id": hits["article_id"],
                "sentence_id": hits["sentence_id"],
                "left": "…",
                "term": hits["token"],
                "right": "…",
                "start": hits["start"],
                "end": hits["end"],
            }
        )

    monkeypatch.setattr(explore.terms, "kwic", kwic)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    ui = explore.explorer(findings, term="")
    assert 'data-article-id="a1"' in ui.article_view.value
    ui.article.value = "a2"
    assert 'data-article-id="a2"' in ui.article_view.value
    assert "No occurrences" in ui.kwic_view.value
    ui.term.value = "army"
    assert 'data-rows="2"' in ui.kwic_view.value
    assert bytes(ui.dispersion_view.value).startswith(b"\x89PNG")
    # the one quote by Col. Ali Hassan and the sentence naming him in each article
    assert 'data-rows="3"' in ui.source_view.value
    assert repr(ui) == "Explorer(2 articles, 1 sources or speakers; interactive in JupyterLab)"
    bundle = ui._repr_mimebundle_()
    assert bundle["text/plain"] == repr(ui)
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == ui.box.model_id


def test_widget_ids_repeat_on_a_fresh_run_but_not_within_one(monkeypatch):
    pytest.importorskip("ipywidgets")
    import ipywidgets as w

    def fresh_run():  # a new kernel starts counting again; far from ids other tests used
        monkeypatch.setattr(explore, "_MODEL_IDS", itertools.count(10**6))

    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    fresh_run()
    first = explore._widget(w.HTML, value="x")
    ids = (first.model_id, first.layout.model_id, first.style.model_id)
    for widget in (first, first.layout, first.style):
        widget.close()
    fresh_run()
    again = explore._widget(w.HTML, value="x")
    other = explore._widget(w.HTML, value="x")
    assert (again.model_id, again.layout.model_id, again.style.model_id) == ids
    assert len({*ids, other.model_id, other.layout.model_id, other.style.model_id}) == 6
    monkeypatch.setenv("JPY_SESSION_NAME", "notebooks/05-explore.ipynb")
    fresh_run()
    assert explore._widget(w.HTML, value="x").model_id not in ids  # JupyterLab: random ids


def test_search_finds_articles_by_id_title_or_outlet(seeds):
    articles = seeds.articles
    assert explore.search_articles(articles, "caliphate")["article_id"].tolist() == [
        "003_c0c95c97cb16ca2e"
    ]
    assert explore.search_articles(articles, "reuters")["article_id"].tolist() == [
        "002_77d8cc29bf025518"
    ]
    assert explore.search_articles(articles, "004_")["article_id"].tolist() == [
        "004_125b49928ba2d4ba"
    ]
    assert len(explore.search_articles(articles, "", limit=2)) == 2
    assert explore.search_articles(articles, "no such words").empty


def test_explorer_search_narrows_the_article_list(seeds):
    findings = explore.from_corpus(seeds)
    ui = explore.explorer(findings)
    assert len(ui.article.options) == 5
    ui.search.value = "caliphate"
    assert [value for _, value in ui.article.options] == ["003_c0c95c97cb16ca2e"]
    assert ui.article.value == "003_c0c95c97cb16ca2e"
    assert 'data-article-id="003_c0c95c97cb16ca2e"' in ui.article_view.value


def test_dispersion_draws_only_articles_that_use_the_term(seeds):
    findings = explore.from_corpus(seeds)
    fig, table = explore.plot_dispersion(findings, "Mosul")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    names = plots.article_label(findings.corpus.articles, 45)  # "Title — Outlet, date"
    expected = {f"{names[a]} ({n})" for a, n in table["article_id"].value_counts().items()}
    assert set(labels) == expected
    assert all(not label.endswith("(0)") for label in labels)


def test_term_views_count_a_copied_text_once(tmp_path):
    story = "Title {}\n\nThe council met in Mosul on Monday. Mosul was calm, officials said.\n"
    (tmp_path / "a.txt").write_text(story.format("one"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(story.format("one"), encoding="utf-8")  # a copy of a
    (tmp_path / "c.txt").write_text("Other\n\nMosul again, and only once here.\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    copies = corpus.articles.loc[corpus.articles["duplicate_of"].notna(), "article_id"]
    assert len(copies) == 1
    findings = explore.from_corpus(corpus)
    _, table = explore.plot_dispersion(findings, "Mosul")
    assert sorted(table["article_id"].unique()) == sorted({"a", "b", "c"} - set(copies))
    rows = explore.term_contexts(findings, "Mosul")
    assert not set(rows["article_id"]) & set(copies) and len(rows) == 3
    assert list(rows.columns) == explore.KWIC_COLUMNS
    titles = corpus.articles.set_index("article_id")["title"]
    assert (rows["article"] == rows["article_id"].map(titles)).all()  # named by their titles
