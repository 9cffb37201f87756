"""An article as HTML with its findings marked, and the explorer's tables as HTML.

The rendering splits the article text at every span boundary (paragraphs, sentences, quotes,
time expressions), so overlapping spans nest properly; all text and attributes are HTML-escaped.
Used by `explore` (the findings and the widgets of `05-explore`).
"""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass

import pandas as pd

from newscorpus.corpus import Corpus

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
GREY_KINDS = ("caption", "boilerplate")
NEGATIVE_RGB = (202, 0, 32)
POSITIVE_RGB = (5, 113, 176)


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


def esc(value) -> str:
    """`value` as HTML-escaped text ("" for None or NA)."""
    return html.escape("" if value is None or value is pd.NA else str(value), quote=True)


def present(value) -> bool:
    """Whether a cell holds a value: not NA, not the empty string."""
    try:
        return not pd.isna(value) and str(value) != ""
    except (TypeError, ValueError):
        return True


def sentiment_background(compound: float) -> str:
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
                f'data-compound="{float(compound):.4f}" title="{esc(title)}" '
                f'style="background-color: {sentiment_background(compound)};">',
            )
        )
    return spans


def _quote_spans(quotes: pd.DataFrame | None, article_id: str, colours: dict) -> list[_Span]:
    spans = []
    for row in _rows(quotes, article_id).itertuples(index=False):
        speaker = getattr(row, "speaker", None)
        speaker = str(speaker) if present(speaker) else None
        role = getattr(row, "speaker_role", None)
        role = str(role) if present(role) else ""
        colour = colours.get(speaker, UNATTRIBUTED_COLOUR) if speaker else UNATTRIBUTED_COLOUR
        who = speaker or "unattributed"
        title = f"{who}, {role}" if role and role != who else who
        kind, verb = getattr(row, "kind", None), getattr(row, "verb", None)
        details = [f"{kind} quote" if present(kind) else "", f"“{verb}”" if present(verb) else ""]
        if any(details):
            title += " — " + ", ".join(d for d in details if d)
        spans.append(
            _Span(
                int(row.start),
                int(row.end),
                1,
                f'<span class="nc-quote" data-speaker="{esc(who)}" title="{esc(title)}" '
                f'style="color: {colour}; font-weight: 600;">',
            )
        )
    return spans


def _date_spans(dates: pd.DataFrame | None, article_id: str) -> list[_Span]:
    spans = []
    for row in _rows(dates, article_id).itertuples(index=False):
        value = getattr(row, "value", None)
        value = str(value) if present(value) else "unresolved"
        title = f"{value}"
        kind = getattr(row, "kind", None)
        if present(kind):
            title += f" ({kind})"
        start_date, end_date = getattr(row, "start_date", None), getattr(row, "end_date", None)
        if present(start_date) or present(end_date):
            fmt = lambda d: pd.Timestamp(d).strftime("%Y-%m-%d") if present(d) else "?"  # noqa: E731
            title += f": {fmt(start_date)} to {fmt(end_date)}"
        spans.append(
            _Span(
                int(row.start),
                int(row.end),
                2,
                f'<span class="nc-date" data-value="{esc(value)}" title="{esc(title)}" '
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
        out.append(esc(text[a:b]))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _legend(article_speakers: list[str], colours: dict, findings_missing: dict) -> str:
    items = []
    for speaker in article_speakers:
        colour = colours.get(speaker, UNATTRIBUTED_COLOUR)
        items.append(f'<span style="color: {colour}; font-weight: 600;">■ {esc(speaker)}</span>')
    parts = []
    if items:
        parts.append("quotations by speaker: " + " ".join(items))
    if "dates" not in findings_missing:
        parts.append('<span style="text-decoration: underline;">underlined</span>: time expression')
    if "sentiment" not in findings_missing:
        neg = sentiment_background(-0.8)
        pos = sentiment_background(0.8)
        parts.append(
            f'sentence sentiment: <span style="background-color: {neg};">negative</span> '
            f'<span style="background-color: {pos};">positive</span>'
        )
    parts.append(
        '<span style="color: #8a8a8a; font-style: italic;">grey</span>: caption or boilerplate'
    )
    parts.append("hover for details")
    for name, why in sorted(findings_missing.items()):
        parts.append(f"not shown: {esc(name)} ({esc(why)})")
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
            {str(s) for s in article_quotes["speaker"] if present(s)},
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
        esc(v)
        for v in (article_id, article["outlet"], article["byline"], article["published"])
        if present(v)
    ]
    out = [
        f'<div class="nc-article" data-article-id="{esc(article_id)}" '
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
            title = f"{kind}: {p.reason}" if present(p.reason) else kind
        elif kind in ("dek", "byline"):
            style += " font-style: italic;"
            title = kind
        title_attr = f' title="{esc(title)}"' if title else ""
        body = _render_paragraph(text, int(p.start), int(p.end), spans)
        out.append(
            f'<p class="nc-paragraph nc-{esc(kind)}" data-kind="{esc(kind)}"{title_attr} '
            f'style="{style}">{body}</p>'
        )
    out.append("</div>")
    return "\n".join(out)


def kwic_html(table: pd.DataFrame, limit: int = 50) -> str:
    """Keyword-in-context rows as an HTML table: left context right-aligned, the term in bold."""
    if table.empty:
        return '<p class="nc-kwic-empty"><i>No occurrences.</i></p>'
    cells = []
    for row in table.head(limit).itertuples(index=False):
        cells.append(
            "<tr>"
            f'<td style="text-align: left; color: #666;">{esc(row.article_id)}</td>'
            f'<td style="text-align: right; white-space: nowrap;">{esc(row.left)}</td>'
            f'<td style="text-align: center;"><b>{esc(row.term)}</b></td>'
            f'<td style="text-align: left; white-space: nowrap;">{esc(row.right)}</td>'
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
        who = " — ".join(esc(v) for v in (row.role, row.verb) if present(v))
        cells.append(
            "<tr>"
            f'<td style="text-align: left; color: #666;">{esc(row.article_id)}</td>'
            f'<td style="text-align: left;">{esc(row.kind)}</td>'
            f'<td style="text-align: left;">{who}</td>'
            f'<td style="text-align: left; white-space: normal;">{esc(row.text)}</td>'
            "</tr>"
        )
    return (
        f'<table class="nc-sources" data-rows="{len(table)}">'
        "<thead><tr><th style='text-align: left;'>article</th><th style='text-align: left;'>kind</th>"
        "<th style='text-align: left;'>role, verb</th><th style='text-align: left;'>text</th></tr></thead>"
        f"<tbody>{''.join(cells)}</tbody></table>"
    )
