"""The explorer behind `05-explore`: an article as HTML with every finding marked, and the widgets.

Each layer of findings comes from the module that owns its table and is optional: dates from
`newscorpus.timeline.find_dates`, quotes and sources from `newscorpus.sources`, sentence scores
from `newscorpus.sentiment.score_sentences`, contexts from `newscorpus.terms`. A layer whose module
is not installed (or whose function fails, with a warning) is left out, never fatal.

The rendering splits the article text at every span boundary (paragraphs, sentences, quotes,
time expressions), so overlapping spans nest properly; all text and attributes are HTML-escaped.
"""

from __future__ import annotations

import hashlib
import html
import importlib
import importlib.util
import io
import itertools
import os
import re
import textwrap
import warnings
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.plots import article_label, no_data

# layer -> (module, function, what it marks in the rendering)
LAYERS = {
    "dates": ("newscorpus.timeline", "find_dates", "time expressions underlined"),
    "quotes": ("newscorpus.sources", "find_quotes", "quotations coloured by speaker"),
    "sources": ("newscorpus.sources", "find_sources", "sources to follow across the corpus"),
    "sentiment": ("newscorpus.sentiment", "score_sentences", "sentences shaded by sentiment"),
}
KWIC_COLUMNS = ["article_id", "sentence_id", "left", "term", "right", "start", "end"]
SOURCE_COLUMNS = [
    "article_id",
    "sentence_id",
    "kind",
    "name",
    "role",
    "verb",
    "text",
    "start",
    "end",
]
# Dark enough to read as text on white and on the light sentiment shading.
SPEAKER_COLOURS = [
    "#0b5fa5",
    "#c0392b",
    "#1e7d4f",
    "#8e44ad",
    "#a05a00",
    "#117a8b",
    "#b0306e",
    "#4d6b00",
    "#5b4636",
    "#34495e",
]
UNATTRIBUTED_COLOUR = "#555555"
MAX_OPTIONS = 200  # entries in a dropdown; the article search box reaches every other article
GREY_KINDS = ("caption", "boilerplate")
NEGATIVE_RGB = (202, 0, 32)
POSITIVE_RGB = (5, 113, 176)


# --------------------------------------------------------------------------- the findings


@dataclass
class Findings:
    """A corpus and every table of findings that could be computed for it (None when not)."""

    corpus: Corpus
    dates: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    sources: pd.DataFrame | None = None
    sentiment: pd.DataFrame | None = None
    missing: dict[str, str] = field(default_factory=dict)
    speaker_colours: dict[str, str] = field(default_factory=dict)
    term: str = ""
    analysis: object = None  # the analysed corpus behind `from_analysis`, for term lookups

    def __repr__(self) -> str:
        shown = [name for name in LAYERS if getattr(self, name) is not None]
        return (
            f"Findings({len(self.corpus.articles)} articles; layers: {', '.join(shown) or 'none'})"
        )


def _layer_function(name: str):
    """The function computing layer `name`, or (None, why not)."""
    module_name, function_name, _ = LAYERS[name]
    try:
        if importlib.util.find_spec(module_name) is None:
            return None, f"{module_name} is not installed"
        module = importlib.import_module(module_name)
    except Exception as exc:  # a half-written module must not stop the explorer
        warnings.warn(
            f"{module_name} could not be imported ({exc}); {name} not shown", stacklevel=3
        )
        return None, f"{module_name} failed to import: {type(exc).__name__}"
    function = getattr(module, function_name, None)
    if function is None:
        return None, f"{module_name}.{function_name} does not exist"
    return function, ""


def find_all(corpus: Corpus) -> Findings:
    """Compute every available layer of findings for `corpus`; missing layers are noted, not fatal."""
    findings = Findings(corpus)
    for name in LAYERS:
        function, why = _layer_function(name)
        if function is None:
            findings.missing[name] = why
            continue
        try:
            if name in ("sources", "sentiment"):
                table = function(corpus, quotes=findings.quotes)
            else:
                table = function(corpus)
        except Exception as exc:  # one failing layer must not hide the others
            warnings.warn(
                f"{LAYERS[name][0]}.{LAYERS[name][1]} failed ({type(exc).__name__}: {exc}); "
                f"{name} not shown",
                stacklevel=2,
            )
            findings.missing[name] = f"{LAYERS[name][1]} failed: {type(exc).__name__}"
            continue
        setattr(findings, name, table)
    findings.speaker_colours = speaker_colours(findings.quotes)
    return findings


def from_analysis(analysis, term: str = "") -> Findings:
    """The findings of an analysed corpus (`newscorpus.analysis.load`), read from its cache.

    Nothing is recomputed: dates, quotes, sources and sentiment are the pass's tables.
    `findings.term` is `term`, or when empty the corpus's top distinctive word or name (from
    the term counts, `terms.default_term`), so the term views show something on any corpus.
    """
    corpus = Corpus(
        articles=analysis.articles,
        paragraphs=analysis.paragraphs,
        sentences=analysis.sentences,
        tokens=analysis.table("tokens", articles=[]),  # the columns only: see _term_sample
        problems=analysis.problems,
        folder=analysis.path,
    )
    findings = Findings(
        corpus,
        dates=analysis.dates,
        quotes=analysis.quotes,
        sources=analysis.sources,
        sentiment=analysis.sentiment,
    )
    findings.term = term.strip() or _most_frequent_term(analysis.term_counts)
    findings.analysis = analysis
    findings.speaker_colours = speaker_colours(findings.quotes)
    return findings


def _most_frequent_term(counts: pd.DataFrame) -> str:
    """The corpus's top distinctive word or name (`terms.default_term`: tf-idf, house style
    such as said, pct or month names left out); on a corpus too small for that, the word or
    name counted most often, reporting verbs, titles and modals left out ("" when empty)."""
    from newscorpus.terms import NEWS_FUNCTION_WORDS, default_term

    best_term = default_term(counts)
    if best_term:
        return best_term
    ones = counts[counts["ngram"] == 1] if "ngram" in counts else counts
    ones = ones[~ones["term"].astype("str").isin(NEWS_FUNCTION_WORDS)]
    if ones.empty:
        return ""
    totals = ones.groupby("term", observed=True)["count"].sum()
    best = totals[totals == totals.max()].index.astype("str")
    return str(min(best))


def search_articles(articles: pd.DataFrame, query: str = "", limit: int = 50) -> pd.DataFrame:
    """Articles whose id, title or outlet contains `query` (case-insensitive), first `limit`.

    Input: the `articles` table. Output columns: article_id, title, outlet, in corpus order;
    an empty query gives the first `limit` articles. This is how the explorer picks an
    article among 100,000 without a 100,000-option list.
    """
    columns = [c for c in ("article_id", "title", "outlet") if c in articles.columns]
    table = articles[columns]
    query = (query or "").strip()
    if query:
        hit = pd.Series(False, index=table.index)
        for column in columns:
            hit |= table[column].astype("str").str.contains(query, case=False, regex=False)
        table = table[hit]
    return table.head(limit).reset_index(drop=True)


def layer_summary(findings: Findings) -> pd.DataFrame:
    """One row per layer: the function it comes from, rows found, and what the rendering shows."""
    rows = []
    for name, (module, function, shows) in LAYERS.items():
        table = getattr(findings, name)
        rows.append(
            {
                "layer": name,
                "function": f"{module}.{function}",
                "rows": len(table) if table is not None else pd.NA,
                "shown_as": shows if table is not None else "not shown: " + findings.missing[name],
            }
        )
    return pd.DataFrame(rows).astype({"rows": "Int64"})


def speaker_colours(quotes: pd.DataFrame | None) -> dict[str, str]:
    """A colour per speaker, most quoted first, the same in every article."""
    if quotes is None or quotes.empty or "speaker" not in quotes:
        return {}
    counts = quotes["speaker"].dropna().astype(str).value_counts()
    order = sorted(counts.index, key=lambda s: (-counts[s], s))
    return {s: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, s in enumerate(order)}


def article_colours(speakers: list[str], colours: dict[str, str]) -> dict[str, str]:
    """Each speaker's corpus colour, unless another speaker of the same article has it already.

    With more speakers in the corpus than colours, two speakers of one article can share a
    corpus colour; the later one (less quoted) then takes the first colour unused in the article.
    """
    used: set[str] = set()
    out: dict[str, str] = {}
    for speaker in speakers:
        colour = colours.get(speaker, SPEAKER_COLOURS[len(out) % len(SPEAKER_COLOURS)])
        if colour in used:
            colour = next((c for c in SPEAKER_COLOURS if c not in used), colour)
        used.add(colour)
        out[speaker] = colour
    return out


# --------------------------------------------------------------------------- HTML rendering


@dataclass
class _Span:
    start: int
    end: int
    layer: int  # nesting order: 0 sentence (outermost), 1 quote, 2 time expression (innermost)
    html_open: str


def _esc(value) -> str:
    return html.escape("" if value is None or value is pd.NA else str(value), quote=True)


def _present(value) -> bool:
    try:
        return not pd.isna(value) and str(value) != ""
    except (TypeError, ValueError):
        return True


def _sentiment_background(compound: float) -> str:
    """A diverging shade: red for negative, blue for positive, none for near-neutral sentences."""
    if pd.isna(compound) or abs(compound) < 0.05:
        return "transparent"
    r, g, b = NEGATIVE_RGB if compound < 0 else POSITIVE_RGB
    alpha = min(0.32, 0.06 + 0.26 * abs(float(compound)))  # light enough to read coloured text on
    return f"rgba({r}, {g}, {b}, {alpha:.2f})"


def _rows(table: pd.DataFrame | None, article_id: str) -> pd.DataFrame:
    if table is None or table.empty:
        return pd.DataFrame()
    rows = table[table["article_id"] == article_id]
    rows = rows[rows["start"].notna() & rows["end"].notna()]
    return rows[rows["end"].astype("int64") > rows["start"].astype("int64")]


def _sentence_spans(corpus: Corpus, article_id: str, sentiment: pd.DataFrame | None) -> list[_Span]:
    if sentiment is None or sentiment.empty:
        return []
    sentences = corpus.sentences[corpus.sentences["article_id"] == article_id]
    scored = sentiment[sentiment["article_id"] == article_id]
    scores = [c for c in ("neg", "neu", "pos", "compound", "in_quote") if c in scored]
    merged = sentences[["article_id", "sentence_id", "start", "end"]].merge(
        scored[["article_id", "sentence_id", *scores]], on=["article_id", "sentence_id"]
    )
    spans = []
    for row in merged.itertuples(index=False):
        compound = getattr(row, "compound", pd.NA)
        parts = [f"sentence {row.sentence_id}: sentiment {float(compound):+.2f}"]
        parts.append(
            " · ".join(
                f"{k} {float(getattr(row, k)):.2f}"
                for k in ("neg", "neu", "pos")
                if hasattr(row, k)
            )
        )
        if bool(getattr(row, "in_quote", False) is True):
            parts.append("inside a quotation")
        title = " | ".join(p for p in parts if p)
        spans.append(
            _Span(
                int(row.start),
                int(row.end),
                0,
                f'<span class="nc-sentence" data-sentence-id="{int(row.sentence_id)}" '
                f'data-compound="{float(compound):.4f}" title="{_esc(title)}" '
                f'style="background-color: {_sentiment_background(compound)};">',
            )
        )
    return spans


def _quote_spans(quotes: pd.DataFrame | None, article_id: str, colours: dict) -> list[_Span]:
    spans = []
    for row in _rows(quotes, article_id).itertuples(index=False):
        speaker = getattr(row, "speaker", None)
        speaker = str(speaker) if _present(speaker) else None
        role = getattr(row, "speaker_role", None)
        role = str(role) if _present(role) else ""
        colour = colours.get(speaker, UNATTRIBUTED_COLOUR) if speaker else UNATTRIBUTED_COLOUR
        who = speaker or "unattributed"
        title = f"{who}, {role}" if role and role != who else who
        kind, verb = getattr(row, "kind", None), getattr(row, "verb", None)
        details = [f"{kind} quote" if _present(kind) else "", f"“{verb}”" if _present(verb) else ""]
        if any(details):
            title += " — " + ", ".join(d for d in details if d)
        spans.append(
            _Span(
                int(row.start),
                int(row.end),
                1,
                f'<span class="nc-quote" data-speaker="{_esc(who)}" title="{_esc(title)}" '
                f'style="color: {colour}; font-weight: 600;">',
            )
        )
    return spans


def _date_spans(dates: pd.DataFrame | None, article_id: str) -> list[_Span]:
    spans = []
    for row in _rows(dates, article_id).itertuples(index=False):
        value = getattr(row, "value", None)
        value = str(value) if _present(value) else "unresolved"
        title = f"{value}"
        kind = getattr(row, "kind", None)
        if _present(kind):
            title += f" ({kind})"
        start_date, end_date = getattr(row, "start_date", None), getattr(row, "end_date", None)
        if _present(start_date) or _present(end_date):
            fmt = lambda d: pd.Timestamp(d).strftime("%Y-%m-%d") if _present(d) else "?"  # noqa: E731
            title += f": {fmt(start_date)} to {fmt(end_date)}"
        spans.append(
            _Span(
                int(row.start),
                int(row.end),
                2,
                f'<span class="nc-date" data-value="{_esc(value)}" title="{_esc(title)}" '
                'style="text-decoration: underline; text-decoration-thickness: 2px; '
                'text-underline-offset: 3px;">',
            )
        )
    return spans


def _render_paragraph(text: str, p_start: int, p_end: int, spans: list[_Span]) -> str:
    """The paragraph's text with spans nested by layer; a span crossing another one is split."""
    inside = [s for s in spans if s.start < p_end and s.end > p_start]
    bounds = sorted(
        {p_start, p_end} | {min(max(b, p_start), p_end) for s in inside for b in (s.start, s.end)}
    )
    out: list[str] = []
    stack: list[_Span] = []  # the spans currently open, outermost first
    for a, b in itertools.pairwise(bounds):
        active = []
        for layer in range(3):
            covering = [s for s in inside if s.layer == layer and s.start <= a and s.end >= b]
            if covering:  # the innermost: latest start, then shortest
                active.append(max(covering, key=lambda s: (s.start, -s.end)))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        stack = stack[:keep]
        for span in active[keep:]:
            out.append(span.html_open)
            stack.append(span)
        out.append(_esc(text[a:b]))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _legend(article_speakers: list[str], colours: dict, findings_missing: dict) -> str:
    items = []
    for speaker in article_speakers:
        colour = colours.get(speaker, UNATTRIBUTED_COLOUR)
        items.append(f'<span style="color: {colour}; font-weight: 600;">■ {_esc(speaker)}</span>')
    parts = []
    if items:
        parts.append("quotations by speaker: " + " ".join(items))
    if "dates" not in findings_missing:
        parts.append('<span style="text-decoration: underline;">underlined</span>: time expression')
    if "sentiment" not in findings_missing:
        neg = _sentiment_background(-0.8)
        pos = _sentiment_background(0.8)
        parts.append(
            f'sentence sentiment: <span style="background-color: {neg};">negative</span> '
            f'<span style="background-color: {pos};">positive</span>'
        )
    parts.append(
        '<span style="color: #8a8a8a; font-style: italic;">grey</span>: caption or boilerplate'
    )
    parts.append("hover for details")
    for name, why in sorted(findings_missing.items()):
        parts.append(f"not shown: {_esc(name)} ({_esc(why)})")
    return (
        '<div class="nc-legend" style="font-size: 0.85em; margin: 0.3em 0 0.8em;">'
        + " · ".join(parts)
        + "</div>"
    )


def render_article(
    corpus: Corpus,
    article_id: str,
    dates: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    sentiment: pd.DataFrame | None = None,
    colours: dict[str, str] | None = None,
    missing: dict[str, str] | None = None,
) -> str:
    """One article's full text as HTML, every paragraph shown and every given finding marked."""
    articles = corpus.articles[corpus.articles["article_id"] == article_id]
    if articles.empty:
        known = ", ".join(corpus.articles["article_id"].head(5))
        raise ValueError(
            f"article_id {article_id!r}: not in the corpus (expected one of {known}, …)"
        )
    article = articles.iloc[0]
    text = article["text"]
    if colours is None:
        colours = speaker_colours(quotes)
    missing = {} if missing is None else missing
    article_quotes = _rows(quotes, article_id)
    speakers = []
    if not article_quotes.empty:
        rank = {s: i for i, s in enumerate(colours)}
        speakers = sorted(
            {str(s) for s in article_quotes["speaker"] if _present(s)},
            key=lambda s: (rank.get(s, len(rank)), s),
        )
    colours = article_colours(speakers, colours)
    spans = (
        _sentence_spans(corpus, article_id, sentiment)
        + _quote_spans(quotes, article_id, colours)
        + _date_spans(dates, article_id)
    )
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    meta = [
        _esc(v)
        for v in (article_id, article["outlet"], article["byline"], article["published"])
        if _present(v)
    ]
    out = [
        f'<div class="nc-article" data-article-id="{_esc(article_id)}" '
        'style="font-family: Georgia, serif; font-size: 15px; line-height: 1.6; max-width: 48em;">',
        f'<div class="nc-meta" style="font-family: sans-serif; font-size: 0.85em; color: #444;">{" · ".join(meta)}</div>',
        _legend(speakers, colours, missing),
    ]
    paragraphs = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
    for p in paragraphs.itertuples(index=False):
        kind = str(p.kind)
        style = "margin: 0 0 0.7em;"
        title = ""
        if kind == "title":
            style += " font-size: 1.3em; font-weight: bold;"
        elif kind in GREY_KINDS:
            style += " color: #8a8a8a; font-style: italic; font-size: 0.9em;"
            title = f"{kind}: {p.reason}" if _present(p.reason) else kind
        elif kind in ("dek", "byline"):
            style += " font-style: italic;"
            title = kind
        title_attr = f' title="{_esc(title)}"' if title else ""
        body = _render_paragraph(text, int(p.start), int(p.end), spans)
        out.append(
            f'<p class="nc-paragraph nc-{_esc(kind)}" data-kind="{_esc(kind)}"{title_attr} '
            f'style="{style}">{body}</p>'
        )
    out.append("</div>")
    return "\n".join(out)


def article_html(findings: Findings, article_id: str | None = None) -> str:
    """`render_article` with every layer in `findings`; article_id None or "" is the first one."""
    ids = findings.corpus.articles["article_id"]
    if ids.empty:
        return '<div class="nc-article"><p><i>The corpus has no readable article.</i></p></div>'
    article_id = article_id or ids.iloc[0]
    return render_article(
        findings.corpus,
        article_id,
        dates=findings.dates,
        quotes=findings.quotes,
        sentiment=findings.sentiment,
        colours=findings.speaker_colours,
        missing=findings.missing,
    )


def show_article(findings: Findings, article_id: str | None = None):
    """The marked-up article as a notebook display object (static HTML, no widgets needed)."""
    from IPython.display import HTML

    return HTML(article_html(findings, article_id))


# --------------------------------------------------------------------------- terms


def _term_sample(findings: Findings, term: str, n: int) -> Corpus:
    """The corpus to search for `term`: the whole corpus when it is in memory (`find_all`);
    for an analysed corpus, only the `n` articles using the term most (from the term counts),
    re-tokenised, so the tokens table of a large corpus is never loaded."""
    if findings.analysis is None:
        return findings.corpus
    from newscorpus import terms

    using = terms.articles_using(findings.analysis.term_counts, [term], n)
    return terms.sample_corpus(findings.analysis, using["article_id"])


def term_contexts(
    findings: Findings, term: str, window: int = 8, max_articles: int = 50
) -> pd.DataFrame:
    """Keyword-in-context rows for `term` (newscorpus.terms.kwic); empty when terms is missing.

    For an analysed corpus, the rows come from the `max_articles` articles using the term most.
    """
    function = _optional("newscorpus.terms", "kwic")
    if function is None or not term.strip():
        return pd.DataFrame(columns=KWIC_COLUMNS)
    sample = _term_sample(findings, term.strip(), max_articles)
    return function(sample, term.strip(), window=window).reset_index(drop=True)


def plot_dispersion(
    findings: Findings, term: str, max_articles: int = 30
) -> tuple[plt.Figure, pd.DataFrame]:
    """Where `term` occurs along each article (newscorpus.terms.dispersion), most hits first.

    Each row is named "Title — Outlet, date (hits)" (`plots.article_label`); the CSV keeps
    article_id."""
    function = _optional("newscorpus.terms", "dispersion")
    columns = ["article_id", "term", "position", "start", "end"]
    data = (
        function(_term_sample(findings, term.strip(), max_articles), [term.strip()])
        if function and term.strip()
        else pd.DataFrame(columns=columns)
    )
    data = data.sort_values(["article_id", "position"]).reset_index(drop=True)
    counts = data["article_id"].value_counts()
    order = sorted(counts.index, key=lambda a: (-counts[a], a))[:max_articles]
    fig, ax = plt.subplots(figsize=(11, 0.42 * max(1, len(order)) + 1.6))
    for y, article_id in enumerate(order):
        positions = data.loc[data["article_id"] == article_id, "position"].astype(float)
        ax.vlines(positions, y - 0.35, y + 0.35, color="#0b5fa5", linewidth=2)
    articles = findings.corpus.articles
    names = article_label(articles, 45) if len(articles) else pd.Series(dtype="str")
    if order:  # "Title — Outlet, date (hits)"; the id stays in the CSV's article_id
        ax.set_yticks(
            range(len(order)), [f"{names.get(str(a), str(a))} ({counts[a]})" for a in order]
        )
        ax.set_ylim(len(order) - 0.5, -0.5)
    else:
        no_data(ax, "the term does not occur in the body text")
    ax.set_xlim(-0.01, 1.01)  # ticks at 0 and 1 stay clear of the frame
    n_with = len(counts)
    shown = f" ({max_articles} of {n_with} articles)" if n_with > max_articles else ""
    label = term.strip() or "(no term)"
    if function is None:
        label += " — newscorpus.terms not available"
    ax.set(
        title=textwrap.shorten(f"Where “{label}” occurs", 60) + shown,
        xlabel="relative position in the article (0 = start, 1 = end)",
        ylabel="article (occurrences)",
    )
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig, data


def _optional(module_name: str, function_name: str):
    if importlib.util.find_spec(module_name) is None:
        return None
    try:
        return getattr(importlib.import_module(module_name), function_name, None)
    except Exception as exc:  # a half-written module must not stop the explorer
        warnings.warn(f"{module_name} could not be imported ({exc})", stacklevel=3)
        return None


# --------------------------------------------------------------------------- sources


def source_names(findings: Findings) -> list[str]:
    """Speakers and sources by their canonical name (one source, one name: the `canonical`
    column when the tables have it), most quoted first, then most mentioned, then by name;
    the first is the explorer's default source."""
    quotes: dict[str, int] = {}
    mentions: dict[str, int] = {}
    if findings.quotes is not None and not findings.quotes.empty:
        q = findings.quotes
        who = q["canonical"] if "canonical" in q.columns else q["speaker"]
        for name, n in who.dropna().astype(str).value_counts().items():
            quotes[name] = int(n)
    if findings.sources is not None and not findings.sources.empty:
        table = findings.sources
        named = table["canonical"] if "canonical" in table.columns else table["name"]
        for name, group in table.groupby(named.astype(str)):
            if "n_mentions" in group:
                mentions[name] = int(
                    pd.to_numeric(group["n_mentions"], errors="coerce").fillna(0).sum()
                )
            quotes.setdefault(name, 0)
    names = [n for n in quotes if n.strip()]
    return sorted(names, key=lambda n: (-quotes.get(n, 0), -mentions.get(n, 0), n))


def source_findings(findings: Findings, name: str = "") -> pd.DataFrame:
    """Every quote by `name` and every body sentence naming it ("" = the most quoted source)."""
    name = name.strip() or next(iter(source_names(findings)), "")
    rows = []
    if name and findings.quotes is not None and not findings.quotes.empty:
        q = findings.quotes
        mine = q["speaker"].astype(str).str.casefold() == name.casefold()
        if "canonical" in q.columns:  # every spelling of the source
            mine = mine | (q["canonical"].astype(str).str.casefold() == name.casefold())
        mine = q[mine]
        for row in mine.itertuples(index=False):
            rows.append(
                {
                    "article_id": row.article_id,
                    "sentence_id": getattr(row, "sentence_id", pd.NA),
                    "kind": f"quote ({row.kind})"
                    if _present(getattr(row, "kind", None))
                    else "quote",
                    "name": row.speaker,
                    "role": getattr(row, "speaker_role", pd.NA),
                    "verb": getattr(row, "verb", pd.NA),
                    "text": row.quote,
                    "start": row.start,
                    "end": row.end,
                }
            )
    if name:
        s = findings.corpus.sentences
        pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
        hits = s[s["text"].str.contains(pattern, case=False, regex=True)]
        for row in hits.itertuples(index=False):
            rows.append(
                {
                    "article_id": row.article_id,
                    "sentence_id": row.sentence_id,
                    "kind": "mention",
                    "name": name,
                    "role": pd.NA,
                    "verb": pd.NA,
                    "text": row.text,
                    "start": row.start,
                    "end": row.end,
                }
            )
    out = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    if out.empty:
        return out
    out = out.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)
    return out.astype({"sentence_id": "Int64", "start": "int64", "end": "int64"})


# --------------------------------------------------------------------------- tables as HTML


def kwic_html(table: pd.DataFrame, limit: int = 50) -> str:
    """Keyword-in-context rows as an HTML table: left context right-aligned, the term in bold."""
    if table.empty:
        return '<p class="nc-kwic-empty"><i>No occurrences.</i></p>'
    cells = []
    for row in table.head(limit).itertuples(index=False):
        cells.append(
            "<tr>"
            f'<td style="text-align: left; color: #666;">{_esc(row.article_id)}</td>'
            f'<td style="text-align: right; white-space: nowrap;">{_esc(row.left)}</td>'
            f'<td style="text-align: center;"><b>{_esc(row.term)}</b></td>'
            f'<td style="text-align: left; white-space: nowrap;">{_esc(row.right)}</td>'
            "</tr>"
        )
    more = (
        f"<caption>first {limit} of {len(table)} occurrences</caption>"
        if len(table) > limit
        else ""
    )
    return (
        f'<table class="nc-kwic" data-rows="{len(table)}">{more}'
        "<thead><tr><th style='text-align: left;'>article</th><th style='text-align: right;'>left</th>"
        "<th style='text-align: center;'>term</th><th style='text-align: left;'>right</th></tr></thead>"
        f"<tbody>{''.join(cells)}</tbody></table>"
    )


def sources_html(table: pd.DataFrame, limit: int = 50) -> str:
    """Quotes and mentions of one source as an HTML table."""
    if table.empty:
        return '<p class="nc-source-empty"><i>No quotes or mentions.</i></p>'
    cells = []
    for row in table.head(limit).itertuples(index=False):
        who = " — ".join(_esc(v) for v in (row.role, row.verb) if _present(v))
        cells.append(
            "<tr>"
            f'<td style="text-align: left; color: #666;">{_esc(row.article_id)}</td>'
            f'<td style="text-align: left;">{_esc(row.kind)}</td>'
            f'<td style="text-align: left;">{who}</td>'
            f'<td style="text-align: left; white-space: normal;">{_esc(row.text)}</td>'
            "</tr>"
        )
    return (
        f'<table class="nc-sources" data-rows="{len(table)}">'
        "<thead><tr><th style='text-align: left;'>article</th><th style='text-align: left;'>kind</th>"
        "<th style='text-align: left;'>role, verb</th><th style='text-align: left;'>text</th></tr></thead>"
        f"<tbody>{''.join(cells)}</tbody></table>"
    )


# --------------------------------------------------------------------------- the widgets

_MODEL_IDS = itertools.count()


def _model_id() -> str | None:
    """A model id that is the same on every fresh run, so papermill's saved notebook is stable.

    Inside a Jupyter server (JupyterLab sets JPY_SESSION_NAME for its kernels) the usual random
    ids are used, so re-running the cell after a kernel restart never reuses a live model's id.
    """
    if os.environ.get("JPY_SESSION_NAME"):
        return None
    return hashlib.sha1(f"newscorpus.explore:{next(_MODEL_IDS)}".encode()).hexdigest()[:32]


def _widget(cls, **kwargs):
    """Create widget `cls` (and its layout and style models) with stable model ids."""
    traits = cls.class_traits()
    for name in ("layout", "style"):
        if name in traits and not hasattr(kwargs.get(name), "model_id"):
            kwargs[name] = traits[name].klass(model_id=_model_id(), **(kwargs.get(name) or {}))
    return cls(model_id=_model_id(), **kwargs)


def _png(fig: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


class Explorer:
    """The interactive explorer: an article with its findings, a term's contexts, a source's quotes."""

    def __init__(
        self,
        findings: Findings,
        article: str = "",
        term: str = "",
        source: str = "",
        window: int = 8,
    ) -> None:
        import ipywidgets as w

        self.findings = findings
        self.window = window
        articles = findings.corpus.articles
        self.articles = articles
        chosen = article or (str(articles["article_id"].iloc[0]) if len(articles) else "")
        options = self._article_options("", chosen)
        names = source_names(findings)
        self.n_sources = len(names)
        names = names[:MAX_OPTIONS] + ([source] if source in names[MAX_OPTIONS:] else [])
        wide = {"description_width": "initial"}
        self.search = _widget(
            w.Text,
            value="",
            description="find article",
            placeholder="words of its id, title or outlet, then Enter",
            continuous_update=False,
            style=wide,
            layout={"width": "60%"},
        )
        self.article = _widget(
            w.Dropdown,
            options=options,
            value=chosen or None,
            description="article",
            style=wide,
            layout={"width": "95%"},
        )
        self.article_view = _widget(
            w.HTML,
            layout={
                "max_height": "560px",
                "overflow": "auto",
                "border": "1px solid #ddd",
                "padding": "0 8px",
            },
        )
        self.term = _widget(
            w.Text,
            value=term,
            description="term",
            placeholder="a word or phrase, then Enter",
            continuous_update=False,
            style=wide,
        )
        self.kwic_view = _widget(w.HTML, layout={"max_height": "360px", "overflow": "auto"})
        self.dispersion_view = _widget(w.Image, format="png", layout={"max_width": "900px"})
        self.source = _widget(
            w.Dropdown,
            options=names or [""],
            value=(source if source in names else (names or [""])[0]),
            description="source or speaker",
            style=wide,
            layout={"width": "60%"},
        )
        self.source_view = _widget(w.HTML, layout={"max_height": "360px", "overflow": "auto"})
        for view, cls in (
            (self.search, "nc-search"),
            (self.term, "nc-term"),
            (self.article_view, "nc-article-view"),
            (self.kwic_view, "nc-kwic-view"),
            (self.dispersion_view, "nc-dispersion-view"),
            (self.source_view, "nc-source-view"),
        ):
            view.add_class(cls)

        def heading(text: str):
            return _widget(w.HTML, value=f"<h3 style='margin: 0.6em 0 0.2em;'>{_esc(text)}</h3>")

        self.box = _widget(
            w.VBox,
            children=[
                heading("Article: quotations, time expressions, sentiment"),
                self.search,
                self.article,
                self.article_view,
                heading("Term: keyword in context and dispersion"),
                self.term,
                self.kwic_view,
                self.dispersion_view,
                heading("Source or speaker: every quote and mention"),
                self.source,
                self.source_view,
            ],
        )
        self.box.add_class("nc-explorer")
        self._show_article()
        self._show_term()
        self._show_source()
        self.article.observe(self._show_article, names="value")
        self.search.observe(self._search, names="value")
        self.term.observe(self._show_term, names="value")
        self.source.observe(self._show_source, names="value")

    def _article_options(self, query: str, keep: str = "") -> list[tuple[str, str]]:
        """Dropdown entries for the articles matching `query` (at most MAX_OPTIONS)."""
        found = search_articles(self.articles, query, MAX_OPTIONS)
        ids = found["article_id"].astype("str").tolist()
        titles = found["title"].astype("str").tolist() if "title" in found else [""] * len(ids)
        if keep and keep not in ids:
            row = self.articles[self.articles["article_id"] == keep]
            if len(row):
                ids.insert(0, keep)
                titles.insert(0, str(row["title"].iloc[0]) if "title" in row else "")
        return [(f"{a} — {t[:70]}", a) for a, t in zip(ids, titles, strict=True)]

    def _search(self, change=None) -> None:
        options = self._article_options(self.search.value)
        if options:
            self.article.options = options
            self.article.value = options[0][1]

    def _show_article(self, change=None) -> None:
        self.article_view.value = article_html(self.findings, self.article.value)

    def _show_term(self, change=None) -> None:
        fig, _ = plot_dispersion(self.findings, self.term.value)
        self.dispersion_view.value = _png(fig)  # before the table, which is what readers wait on
        table = term_contexts(self.findings, self.term.value, self.window)
        self.kwic_view.value = kwic_html(table)

    def _show_source(self, change=None) -> None:
        self.source_view.value = sources_html(source_findings(self.findings, self.source.value))

    def __repr__(self) -> str:
        n_articles = len(self.findings.corpus.articles)
        return (
            f"Explorer({n_articles} articles, {self.n_sources} sources or speakers; "
            "interactive in JupyterLab)"
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """The widget view, with a text form that stays the same on every run (for nbval)."""
        bundle = self.box._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle["text/plain"] = repr(self)
        return bundle


def explorer(
    findings: Findings, article: str = "", term: str = "", source: str = "", window: int = 8
) -> Explorer:
    """The interactive explorer over `findings` (ipywidgets), starting at the given choices."""
    return Explorer(findings, article=article, term=term, source=source, window=window)
