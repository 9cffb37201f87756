"""The finding in words: 3–6 sentences per analysis notebook, generated from its tables.

Each function takes the loaded analysis (`newscorpus.analysis.load(...)`, or anything with the
same tables as attributes) and the group labels from `newscorpus.groups.assign` (articles
without a label, such as duplicates left out, are not counted), and returns a `Finding`: a
string of Markdown that Jupyter shows as formatted text. Every sentence names its numbers: a
share or mean, its 95 % interval and the articles it rests on (n); groups resting on fewer
than `plots.SMALL_N` articles are never ranked, and a caveat says so.

The unit is the article: a share is the share of a group's articles with the property
(Wilson score interval, Wilson 1927), a mean is the mean of per-article values (normal
interval, mean ± 1.96 standard errors). A group is named as different from the corpus only
when its interval excludes the corpus-wide value.

Every function folds the labels as the figures beside it do (`groups.top_n(labels, top_n)`,
default `groups.TOP_N`), so a sentence only ever names a group that is drawn: a group pooled
into "other (K groups)" is described as that pooled group, never by its own name.

Functions: `timeline` (publication dates and mentioned dates), `terms` (distinctive terms and
each group's key terms), `sources` (unnamed sources, most cited sources, quotes), `sentiment`
(tone of sentences by group). The helpers `share_by_group` and `mean_by_group` give the
tables behind the sentences.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from newscorpus import groups as grouping
from newscorpus.plots import SMALL_N

Z = 1.96  # 95 % normal quantile
SHARE_COLUMNS = ["group", "n_articles", "n_with", "share", "ci_low", "ci_high"]
MEAN_COLUMNS = ["group", "n_articles", "mean", "ci_low", "ci_high"]


class Finding(str):
    """Markdown text that Jupyter displays formatted (and prints as plain text)."""

    def _repr_markdown_(self) -> str:
        return str(self)


def wilson(k: float, n: float, z: float = Z) -> tuple[float, float]:
    """Wilson score interval of a proportion k / n (NaN, NaN when n is 0)."""
    if n <= 0:
        return math.nan, math.nan
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _folded(labels: pd.Series, top_n: int | None) -> pd.Series:
    """`labels` folded as the figures fold them (`groups.top_n`); unchanged when top_n is None."""
    if top_n is None or labels.dropna().empty:
        return labels
    return grouping.top_n(labels, top_n)


def _labelled(labels: pd.Series) -> pd.Series:
    """Labels as str, indexed by article_id (str), missing labels dropped."""
    out = labels.dropna().astype("str")
    out.index = out.index.astype("str")
    return out


def share_by_group(flag: pd.Series, labels: pd.Series) -> pd.DataFrame:
    """Share of each group's articles where `flag` (article_id -> bool) is True, and overall.

    Input: `flag` indexed by article_id (articles absent count as False) and group labels.
    Output columns: group, n_articles, n_with, share, ci_low, ci_high (Wilson 95 %); one row
    per group in the labels' order, then `groups.POOLED` ("whole corpus") when there are at
    least two groups.
    """
    lab = _labelled(labels)
    f = flag.copy()
    f.index = f.index.astype("str")
    f = f.groupby(level=0).any().reindex(lab.index, fill_value=False).astype(bool)
    table = pd.DataFrame({"group": lab.to_numpy(), "flag": f.to_numpy()})
    order = _order(labels)
    rows = []
    for name, part in [(g, table[table["group"] == g]) for g in order]:
        rows.append(_share_row(name, int(part["flag"].sum()), len(part)))
    if grouping.needs_pooled(lab):
        rows.append(_share_row(grouping.POOLED, int(table["flag"].sum()), len(table)))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def _share_row(name: str, k: int, n: int) -> list:
    low, high = wilson(k, n)
    return [name, n, k, k / n if n else math.nan, low, high]


def mean_by_group(values: pd.Series, labels: pd.Series) -> pd.DataFrame:
    """Mean of a per-article value for each group and overall, with a 95 % interval.

    Input: `values` indexed by article_id (articles without a value are left out) and group
    labels. Output columns: group, n_articles (with a value), mean, ci_low, ci_high (mean ±
    1.96 standard errors; NaN for fewer than 2 articles); the pooled row "whole corpus" last
    when there are at least two groups.
    """
    lab = _labelled(labels)
    v = values.copy()
    v.index = v.index.astype("str")
    v = v[v.index.isin(lab.index)].dropna()
    table = pd.DataFrame({"group": lab.reindex(v.index).to_numpy(), "value": v.to_numpy()})
    rows = [_mean_row(g, table.loc[table["group"] == g, "value"]) for g in _order(labels)]
    if grouping.needs_pooled(lab):
        rows.append(_mean_row(grouping.POOLED, table["value"]))
    return pd.DataFrame(rows, columns=MEAN_COLUMNS)


def _mean_row(name: str, values: pd.Series) -> list:
    n = len(values)
    mean = float(values.mean()) if n else math.nan
    if n < 2:
        return [name, n, mean, math.nan, math.nan]
    half = Z * float(values.std(ddof=1)) / math.sqrt(n)
    return [name, n, mean, mean - half, mean + half]


def _order(labels: pd.Series) -> list[str]:
    present = set(labels.dropna().astype("str"))
    if isinstance(labels.dtype, pd.CategoricalDtype):
        return [str(c) for c in labels.dtype.categories if str(c) in present]
    return sorted(present)


# --------------------------------------------------------------------------- wording


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _ci_pct(low: float, high: float) -> str:
    return f"95 % CI {100 * low:.0f}–{100 * high:.0f} %"


def _num(x: float, digits: int = 2) -> str:
    return f"{x:+.{digits}f}".replace("-", "−")


def _caveat(table: pd.DataFrame, what: str = "articles") -> str:
    """A sentence naming the groups too small to compare, or ''."""
    rows = table[(table["group"] != grouping.POOLED) & (table["n_articles"] < SMALL_N)]
    if rows.empty:
        return ""
    pairs = list(zip(rows["group"], rows["n_articles"], strict=True))
    names = ", ".join(f"{g} (n = {n})" for g, n in pairs[:5])
    if len(pairs) > 5:
        names += f" and {len(pairs) - 5:,} more"
    many = len(rows) > 1
    return (
        f"Caveat: {len(rows):,} group{'s' if many else ''} rest{'' if many else 's'} on fewer "
        f"than {SMALL_N} {what} and {'are' if many else 'is'} not compared: {names}."
    )


def _finish(sentences: list[str]) -> Finding:
    return Finding(" ".join(s for s in sentences if s))


def _comparable(table: pd.DataFrame) -> bool:
    """True when a pooled row exists and at least one group rests on SMALL_N articles or more."""
    groups_ = table[table["group"] != grouping.POOLED]
    return bool(
        (table["group"] == grouping.POOLED).any() and (groups_["n_articles"] >= SMALL_N).any()
    )


def _articles(k: int) -> str:
    return f"{k:,} article{'s' if k != 1 else ''}"


def _extremes(table: pd.DataFrame, value: str) -> list[pd.Series]:
    """Groups (n ≥ SMALL_N) whose interval excludes the pooled value: highest, then lowest."""
    pooled = table[table["group"] == grouping.POOLED]
    rows = table[(table["group"] != grouping.POOLED) & (table["n_articles"] >= SMALL_N)]
    if pooled.empty or rows.empty:
        return []
    overall = float(pooled[value].iloc[0])
    above = rows[rows["ci_low"] > overall].sort_values(value, ascending=False)
    below = rows[rows["ci_high"] < overall].sort_values(value)
    return [r for part in (above, below) for _, r in part.head(1).iterrows()]


# --------------------------------------------------------------------------- sources


def sources(
    data,
    labels: pd.Series,
    sources: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    top_n: int | None = grouping.TOP_N,
) -> Finding:
    """3–6 sentences on who is quoted: unnamed sources by group, the most cited source.

    Reads `data.sources` (article_id, kind, anonymity, canonical or name) and `data.quotes`
    (article_id, kind, speaker, canonical when present). Unnamed sources are sources of kind
    "anonymous" (or flagged `anonymity`); names are counted under `canonical` when the table
    has it, else under the surface name. `sources` and `quotes` replace the tables read from
    `data` (e.g. a variant with extra outlets). `top_n` folds the groups as the figures do.

    The measure is the share of articles citing at least one unnamed source (the unit of the
    03-sources-unnamed-sources chart, the intervals and the comparisons: one source-heavy
    article counts once); beside it, the people the articles cite (`sources.unnamed_people`:
    each once per article, an unnamed source once per article and head noun) and how many of
    them are unnamed.
    """
    labels = _folded(labels, top_n)
    lab = _labelled(labels)
    src = data.sources if sources is None else sources
    src = src[src["article_id"].astype("str").isin(lab.index)]
    quotes = data.quotes if quotes is None else quotes
    quotes = quotes[quotes["article_id"].astype("str").isin(lab.index)]
    n = len(lab)
    if n == 0:
        return Finding("No articles to describe.")
    unnamed = src["kind"].astype("str").eq("anonymous")
    if "anonymity" in src.columns:
        unnamed |= src["anonymity"].fillna(False).astype(bool)
    flag = pd.Series(True, index=src.loc[unnamed, "article_id"].astype("str").unique())
    shares = share_by_group(flag, labels)
    pooled = shares[shares["group"] == grouping.POOLED]
    overall = pooled.iloc[0] if len(pooled) else shares.iloc[0]
    quoting = quotes["article_id"].astype("str").nunique()
    people = _people_shares(src, lab)
    out = [
        f"{len(quotes):,} attributions (direct, partial and indirect quotes; "
        f"{int(quotes['kind'].astype('str').isin(['direct', 'partial']).sum()):,} direct or "
        f"partial) are found in {quoting:,} of {n:,} articles "
        f"({_pct(quoting / n)}); {_pct(overall['share'])} of articles cite at least one "
        f"unnamed source ({_ci_pct(overall['ci_low'], overall['ci_high'])}, n = {n:,}; the "
        "measure of the unnamed-sources chart)"
    ]
    if grouping.POOLED in people.index or len(people) == 1:
        k, total = people.iloc[-1]
        if total:
            out[0] += f"; they cite {total:,} people (each once per article), {k:,} of them unnamed"
    out[0] += "."
    for row in _extremes(shares, "share"):
        out.append(
            f"{row['group']}: {_pct(row['share'])} of its articles cite at least one unnamed "
            f"source ({_ci_pct(row['ci_low'], row['ci_high'])}, n = {row['n_articles']:,}), "
            f"against {_pct(overall['share'])} of articles corpus-wide (n = {n:,})."
        )
    if len(out) == 1 and _comparable(shares):
        out.append(
            "No group's share of articles citing an unnamed source differs from the corpus "
            "beyond its interval."
        )
    name = "canonical" if "canonical" in src.columns else "name"
    named = src[~unnamed & src[name].notna()]
    if "kind" in named.columns:
        named = named[named["kind"].astype("str").isin(["person", "organization"])]
    if len(named):
        per = named.groupby(named[name].astype("str"))["article_id"].nunique()
        top, k = per.sort_values(ascending=False, kind="stable").index[0], int(per.max())
        flag = pd.Series(True, index=named.loc[named[name].astype("str") == top, "article_id"])
        by = share_by_group(flag.astype(bool), labels)
        text = (
            f"The most cited named source is {top}, in {_articles(k)} ({_pct(k / n)}, "
            f"{_ci_pct(*wilson(k, n))})"
        )
        big = by[(by["group"] != grouping.POOLED) & (by["n_articles"] >= SMALL_N)]
        if len(big) > 1:
            hi = big.sort_values("share", ascending=False).iloc[0]
            lo = big.sort_values("share").iloc[0]
            text += (
                f"; from {_pct(lo['share'])} of {lo['group']}'s articles (n = "
                f"{lo['n_articles']:,}) to {_pct(hi['share'])} of {hi['group']}'s (n = "
                f"{hi['n_articles']:,})"
            )
        out.append(text + ".")
    if len(quotes):
        direct = quotes["kind"].astype("str").eq("direct").mean()
        out.append(f"{_pct(direct)} of the quotes are direct (in quotation marks).")
    out.append(_caveat(shares))
    return _finish(out[:6])


def _people_shares(src: pd.DataFrame, lab: pd.Series) -> pd.DataFrame:
    """Unnamed people among the people cited, per group and pooled: columns n_anonymous,
    n_people, indexed by group (then `groups.POOLED` with two groups or more).

    Counted as `sources.anonymous_share` counts them (`sources.unnamed_people`): rows of kind
    person or anonymous, a person once per article under its canonical (else surface) name,
    an unnamed source once per article and head noun, unnamed when of kind "anonymous" or
    flagged `anonymity`."""
    from newscorpus.sources.summaries import unnamed_people

    table = src if "name" in src.columns else src.assign(name="")
    people = unnamed_people(table)
    people = people[people["kind"].isin(["person", "anonymous"])].copy()
    people["group"] = people["article_id"].map(lab)
    people = people[people["group"].notna()]
    table = people.groupby("group")["anonymous"].agg(n_anonymous="sum", n_people="size")
    table = table.reindex(_order(lab), fill_value=0).astype("int64")
    if grouping.needs_pooled(lab):
        table.loc[grouping.POOLED] = [int(people["anonymous"].sum()), len(people)]
    return table


# --------------------------------------------------------------------------- sentiment


def sentiment(
    data,
    labels: pd.Series,
    scores: pd.DataFrame | None = None,
    top_n: int | None = grouping.TOP_N,
    check: pd.DataFrame | None = None,
) -> Finding:
    """3–6 sentences on tone: each group's mean sentence compound against the corpus.

    Reads `data.sentiment` (article_id, compound, in_quote). A group's tone is the mean over
    its articles of each article's mean sentence compound (VADER, −1 to +1), so long articles
    do not weigh more; quoted sentences are compared with the reporter's own. `scores`
    replaces `data.sentiment` (e.g. the table of another lexicon). `top_n` folds the groups as
    the figures do. `check` (`sentiment.group_tone_check` of the same groups) names the words
    that carry the groups' differences in this corpus and whether the order survives without
    them (how many groups move, how far; the full account is `sentiment.robustness_note`);
    without it the caveat names no word.
    """
    labels = _folded(labels, top_n)
    lab = _labelled(labels)
    s = data.sentiment if scores is None else scores
    s = s[s["article_id"].astype("str").isin(lab.index)]
    if s.empty:
        return Finding("No scored sentences to describe.")
    per_article = s.groupby(s["article_id"].astype("str"))["compound"].mean()
    means = mean_by_group(per_article, labels)
    pooled = means[means["group"] == grouping.POOLED]
    overall = pooled.iloc[0] if len(pooled) else means.iloc[0]
    out = [
        f"The mean tone of an article is {_num(overall['mean'])} on VADER's −1 to +1 scale "
        f"(95 % CI {_num(overall['ci_low'])} to {_num(overall['ci_high'])}, n = "
        f"{int(overall['n_articles']):,} articles, {len(s):,} sentences)."
    ]
    for row in _extremes(means, "mean"):
        word = "more positive" if row["mean"] > overall["mean"] else "more negative"
        out.append(
            f"{row['group']} is {word} than the corpus: {_num(row['mean'])} (95 % CI "
            f"{_num(row['ci_low'])} to {_num(row['ci_high'])}, n = {int(row['n_articles']):,})"
            + _vocabulary_only(check, row["group"], row["mean"] > overall["mean"])
            + "."
        )
    if len(out) == 1 and _comparable(means):
        out.append("No group's mean tone differs from the corpus beyond its interval.")
    if "in_quote" in s.columns and s["in_quote"].any() and (~s["in_quote"]).any():
        quoted = s.loc[s["in_quote"], "compound"]
        own = s.loc[~s["in_quote"], "compound"]
        out.append(
            f"Quoted sentences average {_num(quoted.mean())} (n = {len(quoted):,} sentences), "
            f"the reporters' own {_num(own.mean())} (n = {len(own):,})."
        )
    out.append(_vocabulary_caveat(check))
    out.append(_caveat(means))
    return _finish(out[:6])


def _vocabulary_only(check: pd.DataFrame | None, group: str, positive: bool) -> str:
    """ ", but not once its top words and the listed words are neutral (…)" when the robustness
    check's interval for `group` no longer lies on the same side of the corpus-wide value: the
    difference is the vocabulary's, not the tone's; "" otherwise or without `check`."""
    if check is None or not len(check) or "mean_robust" not in check.columns:
        return ""
    rows = check[check["group"].astype("str") == str(group)]
    pooled = check[check["group"] == grouping.POOLED]
    if rows.empty or pooled.empty:
        return ""
    row, corpus = rows.iloc[0], float(pooled.iloc[0]["mean_robust"])
    low, high = float(row["ci_low_robust"]), float(row["ci_high_robust"])
    if (low > corpus) if positive else (high < corpus):
        return ""  # the difference holds without the words
    return (
        f", but not once its top words and the listed words are neutral ({_num(row['mean_robust'])}"
        f", 95 % CI {_num(low)} to {_num(high)}, against {_num(corpus)}: a difference of "
        "vocabulary)"
    )


def _vocabulary_caveat(check: pd.DataFrame | None) -> str:
    """A word list scores vocabulary: the words that carry the groups' differences in this
    corpus (from `sentiment.group_tone_check`) and whether the order holds without them."""
    from newscorpus.sentiment import carrying_words

    words = carrying_words(check, 3) if check is not None and len(check) else []
    if not words:
        return (
            "A word list scores vocabulary: words that report events rather than judge them "
            "move a group's tone whatever its stance (see the robustness check)."
        )
    quoted = [f"“{w}”" for w in words]
    listed = ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]
    ranked = check[check["group"].ne(grouping.POOLED) & check["rank"].notna()]
    moves = (ranked["rank_robust"] - ranked["rank"]).abs().astype("int64")
    moved = int((moves > 0).sum())
    if moved == 0:
        order = f"the order of the {len(ranked)} groups is unchanged"
    else:
        far = "1 place" if moves.max() == 1 else f"up to {int(moves.max())} places"
        order = (
            f"the order of groups changes ({moved} of {len(ranked)} groups move, by {far}; "
            "see the robustness check)"
        )
    return (
        f"A word list scores vocabulary: here {listed} carry most of the groups' differences "
        f"in tone; without them and the listed designation and event words, {order}."
    )


# --------------------------------------------------------------------------- timeline


def timeline(data, labels: pd.Series, top_n: int | None = grouping.TOP_N) -> Finding:
    """3–6 sentences on time: the publication span, the busiest month, how far back each
    group's date mentions reach.

    Reads `data.articles` (published) and `data.dates` (article_id, start_date). A mention
    "looks back" when its date starts more than 365 days before the article's publication;
    only dated articles count for that share. Articles without a label (duplicates left out by
    `groups.assign`) are not counted, as in the 01-timeline figures. `top_n` folds the groups
    as the figures do.
    """
    raw = _labelled(labels)  # unfolded: each real group counts once in the month sentence
    labels = _folded(labels, top_n)
    lab = _labelled(labels)
    arts = data.articles
    arts = arts[arts["article_id"].astype("str").isin(lab.index)]
    published = pd.to_datetime(arts["published"], errors="coerce")
    published.index = arts["article_id"].astype("str").to_numpy()
    dated = published.dropna()
    n = len(lab)
    out = []
    if dated.empty:
        out.append(f"None of the {n:,} articles has a publication date from its source.")
    else:
        months = grouping.period_labels(dated, "month")
        busiest = months.value_counts()
        out.append(
            f"{len(dated):,} of {n:,} articles carry a publication date, from "
            f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}; the busiest month is "
            f"{busiest.index[0]} with {_articles(int(busiest.iloc[0]))}."
        )
    dates = data.dates
    dates = dates[dates["article_id"].astype("str").isin(lab.index)]
    start = pd.to_datetime(dates["start_date"], errors="coerce")
    ids = dates["article_id"].astype("str")
    # reindex, not map: map on an empty table tries to cast datetimes to float
    when = pd.Series(published.reindex(ids.to_numpy()).to_numpy(), index=ids.index)
    usable = start.notna().to_numpy() & when.notna().to_numpy()
    if len(dates):
        out.append(
            f"The articles mention {len(dates):,} dates and periods "
            f"({len(dates) / max(n, 1):.1f} per article); {int(start.notna().sum()):,} "
            "resolve to a calendar date."
        )
    if usable.any():
        gap = (when[usable].to_numpy() - start[usable].to_numpy()) / np.timedelta64(1, "D")
        back = pd.Series(gap > 365, index=ids[usable].to_numpy())
        flag = back.groupby(level=0).any()
        flag = flag[flag]
        shares = share_by_group(flag, labels.loc[labels.index.isin(dated.index)])
        pooled = shares[shares["group"] == grouping.POOLED]
        overall = pooled.iloc[0] if len(pooled) else shares.iloc[0]
        out.append(
            f"{_pct(overall['share'])} of dated articles mention a date more than a year "
            f"before their publication ({_ci_pct(overall['ci_low'], overall['ci_high'])}, "
            f"n = {int(overall['n_articles']):,})."
        )
        for row in _extremes(shares, "share"):
            out.append(
                f"{row['group']} looks back that far in {_pct(row['share'])} of its articles "
                f"({_ci_pct(row['ci_low'], row['ci_high'])}, n = {row['n_articles']:,})."
            )
        out.append(_caveat(shares))
    busiest = _busiest_mentioned(dates, raw)
    if busiest:  # before the caveat, which stays last
        out.insert(len(out) - 1 if usable.any() else len(out), busiest)
    return _finish(out[:6])


def _busiest_mentioned(dates: pd.DataFrame, labels: pd.Series) -> str:
    """The month most articles name (`timeline.mentioned_periods`: only mentions of a day or
    a month count, never a year as its first month), its real groups, and how many coarser
    mentions were left out; "" when no mention names a month."""
    from newscorpus.timeline import mentioned_periods

    per = mentioned_periods(dates, labels, "month")
    if per.empty:
        return ""
    top, k = per.iloc[0], per.attrs["n_coarser"]
    groups = int(top["n_groups"])
    left = (
        f"; {k:,} mention{'s' if k != 1 else ''} of a longer period (a quarter, a year, "
        f"a decade) {'are' if k != 1 else 'is'} left out, never counted as a month"
        if k
        else ""
    )
    return (
        f"The month mentioned by most articles is {top['period']} "
        f"({_articles(int(top['n_articles']))}, {groups} group{'s' if groups != 1 else ''}), "
        f"counting mentions of a day or of the month itself{left}."
    )


# --------------------------------------------------------------------------- terms


def terms(
    data,
    labels: pd.Series,
    by_group: pd.DataFrame | None = None,
    min_count: int = 3,
    top_n: int | None = grouping.TOP_N,
) -> Finding:
    """3–6 sentences on vocabulary: the corpus's distinctive terms and each group's key term.

    Reads the per-article term counts (`data.parts("term_counts")`, part by part) unless
    `by_group` (a `terms.group_counts` table over the same labels) is given. Distinctive terms
    follow `terms.distinctive_terms_of`; a group's key term is the term it over-uses most by
    log-likelihood against the rest of the corpus (p < 0.001), with its rate in the group and
    in the rest per 10,000 body words and the group's articles using it (`terms.KEY_TERM_RULE`:
    at least 3 of them; the group's own outlet name, `terms.own_outlet_names`, left out).
    `top_n` folds the groups as the figures do (give
    `by_group` over the same folded labels).
    """
    from newscorpus import terms as term_tools

    labels = _folded(labels, top_n)
    lab = _labelled(labels)
    if by_group is None:
        counts = data.parts("term_counts") if hasattr(data, "parts") else data.term_counts
        by_group = term_tools.group_counts(counts, labels, min_total=min_count)
    n = len(lab)
    top = term_tools.distinctive_terms_of(by_group, n, 5, group_sizes=lab.value_counts())
    if not top:
        return Finding("No words were counted in this corpus.")
    out = [
        f"The corpus's most distinctive words and names (count × log of articles over "
        f"articles using it) are {', '.join(f'“{t}”' for t in top)} (n = {n:,} articles)."
    ]
    sizes = lab.value_counts()
    big = [g for g in _order(labels) if sizes.get(g, 0) >= SMALL_N]
    if len(sizes) >= 2 and big:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = getattr(data, "articles", None)
            key = term_tools.group_keyness(
                by_group,
                min_count=min_count,
                top_n=5,
                leave_out=term_tools.own_outlet_names(labels, articles),
                group_sizes=sizes,
            )
        over = key[(key["use"] == "over") & (key["log_likelihood"] >= term_tools.LL_THRESHOLD)]
        over = over[over["ngram"] == 1] if "ngram" in over.columns else over
        over = over[~over["term"].astype("str").isin(term_tools.NEWS_FUNCTION_WORDS)]
        for g in big[:3]:
            rows = over[over["group"].astype("str") == g]
            if rows.empty:
                continue
            r = rows.sort_values("log_likelihood", ascending=False).iloc[0]
            out.append(
                f"{g} uses “{r['term']}” most distinctively: {r['rate']:.1f} per 10,000 words "
                f"against {r['rate_rest']:.1f} elsewhere (G2 = {r['log_likelihood']:.0f}), "
                f"in {int(r['n_articles']):,} of its {int(sizes[g]):,} articles."
            )
        if len(big) > 3:
            out.append(f"The other {len(big) - 3} groups' key terms are in the keyness chart.")
    table = pd.DataFrame({"group": sizes.index, "n_articles": sizes.to_numpy()})
    out.append(_caveat(table))
    return _finish(out[:6])
