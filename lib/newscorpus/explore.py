"""The explorer behind `05-explore`: an article as HTML with every finding marked, and the widgets.

The findings are the tables of the analysis steps (`analysis.STEPS`): dates, quotes, sources and
sentence sentiment, read from an analysed corpus's cache (`from_analysis`) or computed in memory
for a small `Corpus` (`from_corpus`, through `analysis.run_steps`); contexts come from
`newscorpus.terms`. The HTML itself is `explore_html`'s.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import textwrap
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus import terms
from newscorpus.analysis import STEPS, run_steps
from newscorpus.corpus import Corpus
from newscorpus.explore_html import (  # noqa: F401 - the explorer's HTML, importable from here
    SPEAKER_COLOURS,
    UNATTRIBUTED_COLOUR,
    article_colours,
    esc,
    kwic_html,
    present,
    render_article,
    sentiment_background,
    sources_html,
    speaker_colours,
)
from newscorpus.parts import columns_of, row_count
from newscorpus.plots import article_label, no_data

# The steps drawn on an article (analysis.STEPS names) and how each is shown.
SHOWN_AS = {
    "dates": "time expressions underlined",
    "quotes": "quotations coloured by speaker",
    "sources": "sources to follow across the corpus",
    "sentiment": "sentences shaded by sentiment",
}
KWIC_COLUMNS = ["article_id", "article", "sentence_id", "left", "term", "right", "start", "end"]
SOURCE_COLUMNS = [
    "article_id",
    "article",
    "sentence_id",
    "kind",
    "name",
    "role",
    "verb",
    "text",
    "start",
    "end",
]
TERM_ARTICLES = 50  # articles the term counts are read for at once (term_contexts' default)
MAX_OPTIONS = 200  # entries in a dropdown; the article search box reaches every other article


# --------------------------------------------------------------------------- the findings


@dataclass
class Findings:
    """A corpus and every table of findings that could be computed for it (None when not)."""

    corpus: Corpus
    dates: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    sources: pd.DataFrame | None = None
    sentiment: pd.DataFrame | None = None
    missing: dict[str, str] = field(default_factory=dict)  # layer -> why it is not shown
    speaker_colours: dict[str, str] = field(default_factory=dict)
    term: str = ""
    analysis: object = None  # the analysed corpus behind `from_analysis`, read per article
    rows: dict[str, int] = field(default_factory=dict)  # layer -> rows, when not held whole
    # the term and source lookups already made (articles using a term, their re-tokenised
    # text, the sentences naming a source): the notebook's views and the explorer share them
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __repr__(self) -> str:
        shown = [name for name in SHOWN_AS if _has_layer(self, name)]
        return (
            f"Findings({len(self.corpus.articles)} articles; layers: {', '.join(shown) or 'none'})"
        )


def from_corpus(corpus: Corpus, term: str = "") -> Findings:
    """The findings of a corpus in memory: the steps of `SHOWN_AS` run by `analysis.run_steps`
    (for a small corpus or a test; an analysed corpus's are `from_analysis`'s).

    An article a step cannot handle is left out of that table; raises RuntimeError naming the
    table when a step fails on every article.
    """
    tables = run_steps(corpus, list(SHOWN_AS))
    findings = Findings(corpus, **{name: tables[name] for name in SHOWN_AS}, term=term.strip())
    findings.speaker_colours = speaker_colours(findings.quotes)
    return findings


# Tables an analysed corpus's findings hold whole (a few rows per article); the others (dates,
# sentence sentiment, the reader's paragraphs and sentences) are read per article shown.
HELD_WHOLE = ("quotes", "sources")


def from_analysis(analysis, term: str = "") -> Findings:
    """The findings of an analysed corpus (`newscorpus.analysis.load`), read from its cache.

    Nothing is recomputed: dates, quotes, sources and sentiment are the pass's tables. Only
    the articles' metadata (no text) and the quotes and sources are held whole; the text,
    paragraphs, sentences, dates and sentence sentiment are read for the article shown
    (Parquet filters), and the term views read the term counts part by part, so the explorer
    of a 100,000-article corpus holds a few hundred MiB, not the corpus. `findings.term` is
    `term`, or when empty the corpus's top distinctive word or name (from the term counts,
    `terms.default_term`), so the term views show something on any corpus.
    """
    folder = analysis.folder
    metadata = [c for c in columns_of(folder / "articles") if c not in ("text", "path")]
    corpus = Corpus(
        articles=analysis.table("articles", columns=metadata),
        paragraphs=analysis.table("paragraphs", articles=[]),  # per article: article_corpus
        sentences=analysis.table("sentences", articles=[]),
        tokens=analysis.table("tokens", articles=[]),  # the columns only: see _term_sample
        problems=analysis.problems,
        folder=analysis.path,
    )
    findings = Findings(corpus, **{name: analysis.table(name) for name in HELD_WHOLE})
    findings.rows = {name: row_count(folder / name) for name in SHOWN_AS}
    findings.analysis = analysis
    findings.term = term.strip() or _most_frequent_term(analysis, corpus.articles)
    findings.speaker_colours = speaker_colours(findings.quotes)
    return findings


def _has_layer(findings: Findings, name: str) -> bool:
    """Whether the findings have layer `name` (held whole, or in the analysed corpus's cache)."""
    return getattr(findings, name) is not None or name in findings.rows


def article_corpus(findings: Findings, article_ids: list[str]) -> Corpus:
    """The reader's tables of these articles only (for an analysed corpus, read from the cache
    with Parquet filters; in memory, the rows of the whole corpus)."""
    if findings.analysis is None:
        return findings.corpus
    return terms.sample_corpus(findings.analysis, article_ids)


def article_layer(findings: Findings, name: str, article_ids: list[str]) -> pd.DataFrame | None:
    """Layer `name` (dates, quotes, sources, sentiment) for these articles: the rows held in
    memory, or for an analysed corpus read from its cache (None when the layer is missing)."""
    table = getattr(findings, name)
    if table is not None:
        return table[table["article_id"].astype("str").isin(set(article_ids))]
    if findings.analysis is None or name not in findings.rows:
        return None
    return findings.analysis.table(name, articles=article_ids)


def _most_frequent_term(analysis, articles: pd.DataFrame) -> str:
    """The corpus's top distinctive word or name (`terms.default_term`: tf-idf, house style
    such as said, pct or month names left out); on a corpus too small for that, the word or
    name counted most often, reporting verbs, titles and modals left out ("" when empty).
    The term counts are read part by part into one corpus-wide count (`terms.group_counts`)."""
    from newscorpus.terms import NEWS_FUNCTION_WORDS, default_term, group_counts

    labels = pd.Series("all articles", index=pd.Index(articles["article_id"].astype("str")))
    if labels.empty:
        return ""
    counts = group_counts(analysis.parts("term_counts"), labels, min_total=3)
    best_term = default_term(counts, len(labels))
    if best_term:
        return best_term
    totals = pd.Series(dtype="int64")
    for part in analysis.parts("term_counts", columns=["term", "ngram", "count"]):
        ones = part[(part["ngram"] == 1) & ~part["term"].astype("str").isin(NEWS_FUNCTION_WORDS)]
        found = ones.groupby(ones["term"].astype("str"))["count"].sum()
        totals = totals.add(found, fill_value=0)
    if totals.empty:
        return ""
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
    """One row per layer: the step function it comes from (`analysis.STEPS`), rows found, and
    what the rendering shows ("not shown" and why, for a table the findings lack)."""
    rows = []
    for name, shows in SHOWN_AS.items():
        step = STEPS[name]
        table = getattr(findings, name)
        why = findings.missing.get(name, "not computed")
        n = len(table) if table is not None else findings.rows.get(name, pd.NA)
        rows.append(
            {
                "layer": name,
                "function": f"{step.module}.{step.function}",
                "rows": n,
                "shown_as": shows if _has_layer(findings, name) else f"not shown: {why}",
            }
        )
    return pd.DataFrame(rows).astype({"rows": "Int64"})


def article_html(findings: Findings, article_id: str | None = None) -> str:
    """`render_article` with every layer in `findings`; article_id None or "" is the first one."""
    ids = findings.corpus.articles["article_id"]
    if ids.empty:
        return '<div class="nc-article"><p><i>The corpus has no readable article.</i></p></div>'
    article_id = article_id or ids.iloc[0]
    one = [str(article_id)]
    known = article_id in set(ids.astype("str"))  # else render_article's ValueError names it
    return render_article(
        article_corpus(findings, one) if known else findings.corpus,
        article_id,
        dates=article_layer(findings, "dates", one),
        quotes=article_layer(findings, "quotes", one),
        sentiment=article_layer(findings, "sentiment", one),
        colours=findings.speaker_colours,
        missing=findings.missing,
    )


def show_article(findings: Findings, article_id: str | None = None):
    """The marked-up article as a notebook display object (static HTML, no widgets needed)."""
    from IPython.display import HTML

    return HTML(article_html(findings, article_id))


# --------------------------------------------------------------------------- terms


def _copies(findings: Findings) -> set[str]:
    """The ids of the articles that repeat an earlier one (`duplicate_of` set): the term views
    count each text once, as every other view does."""
    articles = findings.corpus.articles
    if "duplicate_of" not in articles.columns:
        return set()
    return set(articles.loc[articles["duplicate_of"].notna(), "article_id"].astype("str"))


def _term_sample(findings: Findings, term: str, n: int) -> Corpus:
    """The corpus to search for `term`, copies of an earlier article left out: the whole
    corpus when it is in memory (`from_corpus`); for an analysed corpus, only the `n` articles
    using the term most (from the term counts), re-tokenised, so the tokens table of a large
    corpus is never loaded. The term counts are read once per term (for at least
    `TERM_ARTICLES` articles) and the sample once per set of articles (`Findings.memo`)."""
    copies = _copies(findings)
    if findings.analysis is None:
        return findings.corpus  # the callers drop the copies' rows
    need = max(n, TERM_ARTICLES) + len(copies)
    limit, using = findings.memo.get(("using", term), (0, None))
    if using is None or limit < need:  # most uses first, then by id: a longer list extends it
        parts = findings.analysis.parts("term_counts")
        limit, using = need, terms.articles_using(parts, [term], need)
        findings.memo[("using", term)] = (limit, using)
    ids = [a for a in using["article_id"].astype("str") if a not in copies][:n]
    key = ("sample", tuple(ids))
    if key not in findings.memo:
        findings.memo[key] = terms.sample_corpus(findings.analysis, ids)
    return findings.memo[key]


def term_contexts(
    findings: Findings, term: str, window: int = 8, max_articles: int = 50
) -> pd.DataFrame:
    """Keyword-in-context rows for `term` (newscorpus.terms.kwic); empty for an empty term.

    For an analysed corpus, the rows come from the `max_articles` articles using the term most.
    Copies of an earlier article (`duplicate_of` set) are left out, as in every other view.
    Columns: KWIC_COLUMNS, the `terms.kwic` columns with `article` ("Title — Outlet, date",
    `plots.article_label`) after article_id.
    """
    if not term.strip():
        return pd.DataFrame(columns=KWIC_COLUMNS)
    sample = _term_sample(findings, term.strip(), max_articles)
    rows = terms.kwic(sample, term.strip(), window=window)
    rows = rows[~rows["article_id"].astype("str").isin(_copies(findings))]
    return _named(findings, rows.reset_index(drop=True))[KWIC_COLUMNS]


def _named(findings: Findings, rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` with `article` ("Title — Outlet, date") after their article_id."""
    articles = findings.corpus.articles
    names = article_label(articles, 60) if len(articles) else pd.Series(dtype="str")
    ids = rows["article_id"].astype("str")
    out = rows.copy()
    out.insert(1, "article", ids.map(names).fillna(ids).astype("str"))
    return out


def plot_dispersion(
    findings: Findings, term: str, max_articles: int = 30
) -> tuple[plt.Figure, pd.DataFrame]:
    """Where `term` occurs along each article (newscorpus.terms.dispersion), most hits first.

    Each row is named "Title — Outlet, date (hits)" (`plots.article_label`); the CSV keeps
    article_id."""
    columns = ["article_id", "term", "position", "start", "end"]
    data = (
        terms.dispersion(_term_sample(findings, term.strip(), max_articles), [term.strip()])
        if term.strip()
        else pd.DataFrame(columns=columns)
    )
    data = data[~data["article_id"].astype("str").isin(_copies(findings))]
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
    ax.set(
        title=textwrap.shorten(f"Where “{label}” occurs", 60) + shown,
        xlabel="relative position in the article (0 = start, 1 = end)",
        ylabel="article (occurrences)",
    )
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig, data


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


MAX_MENTION_ARTICLES = 200  # articles searched for a source's mentions in an analysed corpus


def _sentences_naming(findings: Findings, name: str) -> pd.DataFrame:
    """The body sentences to search for `name`: the whole corpus's in memory; for an analysed
    corpus, those of the `MAX_MENTION_ARTICLES` articles using the name most, looked up in the
    term counts (read part by part) as the counted term (lower case, a leading "the" dropped,
    its first three words), else by its longest word."""
    if findings.analysis is None:
        return findings.corpus.sentences
    if ("naming", name) in findings.memo:
        return findings.memo[("naming", name)]
    words = name.lower().split()
    words = words[1:] if len(words) > 1 and words[0] == "the" else words
    for term in (" ".join(words[:3]), max(words, key=len, default="")):
        parts = findings.analysis.parts("term_counts")
        using = terms.articles_using(parts, [term], MAX_MENTION_ARTICLES)
        if len(using):
            break
    ids = using["article_id"].astype("str").tolist()
    findings.memo[("naming", name)] = article_corpus(findings, ids).sentences
    return findings.memo[("naming", name)]


def source_findings(findings: Findings, name: str = "") -> pd.DataFrame:
    """Every quote by `name` and every body sentence naming it ("" = the most quoted source).

    Columns: SOURCE_COLUMNS (article_id, article "Title — Outlet, date", sentence_id, kind
    "quote (direct)" or "mention", name, role, verb, text, start, end), in corpus order."""
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
                    if present(getattr(row, "kind", None))
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
        s = _sentences_naming(findings, name)
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
    out = pd.DataFrame(rows, columns=[c for c in SOURCE_COLUMNS if c != "article"])
    if out.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    out = out.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)
    out = out.astype({"sentence_id": "Int64", "start": "int64", "end": "int64"})
    return _named(findings, out)


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
            return _widget(w.HTML, value=f"<h3 style='margin: 0.6em 0 0.2em;'>{esc(text)}</h3>")

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
