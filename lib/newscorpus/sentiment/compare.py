"""Tone compared across groups and periods, from the `sentiment` table and group labels.

Every function here returns a table whose size depends on the number of groups, periods,
targets or words asked for, never on the number of articles, so the figures drawn from them
stay the same size at 5 articles or 100,000. Group labels come from `newscorpus.groups.assign`
(a Series indexed by article_id); the `top_n` largest groups are kept and the rest pooled as
"other". Articles without a label (duplicates `groups.assign` leaves out) are not counted. A
row over every article is named `groups.POOLED` ("whole corpus"), is never counted as a group,
and is added only when there are two groups or more (with one group it would repeat it).

Means and confidence intervals take the **article** as the unit: each article's mean sentence
compound, then the mean over the group's articles with a 95 % t interval (sentences of one
article are not independent, so a sentence-level interval would be far too narrow). Shares of
positive / neutral / negative sentences are pooled over the group's sentences.
"""

from __future__ import annotations

import collections
import math
import re

import numpy as np
import pandas as pd

from newscorpus import groups as grouping
from newscorpus.corpus import Corpus
from newscorpus.sentiment import rules33 as _rules33
from newscorpus.sentiment import sentence_texts
from newscorpus.sentiment.lexicon import PLAIN, lexicon_dict
from newscorpus.sentiment.tone import THRESHOLD, Lexicon, check_threshold
from newscorpus.sentiment.vader import DEFAULT_RULES, check_rules, lexicon_hits, vader_words

POOLED = grouping.POOLED  # the row over every article: never a group

# Student's t, 0.975 quantile, for 1..30 degrees of freedom (beyond: a Cornish-Fisher series)
_T975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
]  # fmt: skip


def t_critical(df: int) -> float:
    """The 0.975 quantile of Student's t with `df` degrees of freedom (NaN for df < 1)."""
    if df < 1:
        return math.nan
    if df <= len(_T975):
        return _T975[df - 1]
    z = 1.959964
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def _with_ci(grouped: pd.core.groupby.SeriesGroupBy) -> pd.DataFrame:
    """n_articles, mean_compound, ci_low, ci_high of article means, per group."""
    out = grouped.agg(["size", "mean", "std"])
    half = out["std"] / np.sqrt(out["size"]) * out["size"].map(lambda n: t_critical(int(n) - 1))
    return pd.DataFrame(
        {
            "n_articles": out["size"].astype("int64"),
            "mean_compound": out["mean"],
            "ci_low": out["mean"] - half,
            "ci_high": out["mean"] + half,
        }
    )


def article_means(sentiment: pd.DataFrame) -> pd.DataFrame:
    """Per article: n_sentences and mean_compound (the unit of every group mean here)."""
    grouped = sentiment.groupby("article_id", sort=True)["compound"]
    return pd.DataFrame(
        {"n_sentences": grouped.size(), "mean_compound": grouped.mean()}
    ).reset_index()


def _order(folded: pd.Series) -> list[str]:
    """Group names in the labels' order, then "unknown" (articles without a label)."""
    if isinstance(folded.dtype, pd.CategoricalDtype):
        names = [str(c) for c in folded.dtype.categories]
    else:
        names = sorted(folded.astype("str").unique())
    return list(dict.fromkeys([*names, grouping.NO_VALUE]))


def _group_of(article_ids: pd.Series, folded: pd.Series) -> np.ndarray:
    """Each row's group label; None for an article without a label (left out of every count)."""
    mapped = article_ids.astype("str").map(folded.astype("object"))
    return mapped.astype("object").where(mapped.notna(), None).to_numpy()


def _labelled(table: pd.DataFrame, folded: pd.Series) -> pd.DataFrame:
    """`table` (keyed by article_id) with a `group` column, rows of unlabelled articles dropped."""
    group = _group_of(table["article_id"], folded)
    keep = pd.notna(group)
    return table[keep].assign(group=group[keep])


def _pooled(folded: pd.Series) -> bool:
    """Add a POOLED row? Only with two groups or more present (else it repeats the one group)."""
    return grouping.needs_pooled(folded.dropna())


def group_tone(
    sentiment: pd.DataFrame,
    labels: pd.Series,
    threshold: float = THRESHOLD,
    top_n: int = grouping.TOP_N,
) -> pd.DataFrame:
    """Tone per group: mean compound with its 95 % interval, and shares of sentences by tone.

    Inputs: the `sentiment` table, group labels (`groups.assign`), VADER's threshold and the
    number of groups kept. Output, one row per group in the labels' order (groups without
    sentences left out; articles without a label not counted): group, n_articles,
    n_sentences, mean_compound (mean of article means), ci_low, ci_high (95 % t interval over
    articles; NaN for one article), share_negative, share_neutral, share_positive (of the
    group's sentences, by threshold). No pooled row (see `sentiment.group_tone_check`).
    Raises ValueError for a threshold outside 0..1.
    """
    check_threshold(threshold)
    return folded_group_tone(sentiment, grouping.top_n(labels, top_n), threshold)


def folded_group_tone(sentiment: pd.DataFrame, folded: pd.Series, threshold: float) -> pd.DataFrame:
    """`group_tone` on labels already folded to the groups kept."""
    per_article = _labelled(article_means(sentiment), folded)
    stats = _with_ci(per_article.groupby("group")["mean_compound"])
    compound = sentiment["compound"].to_numpy()
    s = pd.DataFrame(
        {
            "group": _group_of(sentiment["article_id"], folded),
            "negative": compound <= -threshold,
            "positive": compound >= threshold,
        }
    ).dropna(subset=["group"])
    s["neutral"] = ~(s["negative"] | s["positive"])
    shares = s.groupby("group").agg(
        n_sentences=("negative", "size"),
        share_negative=("negative", "mean"),
        share_neutral=("neutral", "mean"),
        share_positive=("positive", "mean"),
    )
    out = stats.join(shares, how="inner")
    order = [g for g in _order(folded) if g in out.index]
    out = out.reindex(order).rename_axis("group").reset_index()
    columns = ["group", "n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high"]
    columns += ["share_negative", "share_neutral", "share_positive"]
    return typed_columns(out[columns].round(4), {"n_articles", "n_sentences"})


def pooled_tone(sentiment: pd.DataFrame, folded: pd.Series) -> pd.Series | None:
    """n_articles, n_sentences, mean_compound, ci_low, ci_high over every labelled article."""
    per_article = _labelled(article_means(sentiment), folded)
    if per_article.empty:
        return None
    stats = _with_ci(per_article.assign(group=POOLED).groupby("group")["mean_compound"])
    row = stats.iloc[0].copy()
    row["n_sentences"] = int(per_article["n_sentences"].sum())
    return row[["n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high"]]


def typed_columns(table: pd.DataFrame, ints: set[str]) -> pd.DataFrame:
    """`table` with the house dtypes of the tone tables: int64 for the columns in `ints`,
    `str` for the label columns (group, period, voice, target, word, ...), float64 else."""
    types = {c: ("int64" if c in ints else "float64") for c in table.columns}
    types |= {
        c: "str"
        for c in (
            "group",
            "period",
            "period_note",
            "voice",
            "target",
            "target_type",
            "word",
            "direction",
        )
        if c in types
    }
    return table.astype(types)


def tone_over_time(
    sentiment: pd.DataFrame,
    articles: pd.DataFrame,
    labels: pd.Series,
    period: str = "month",
    top_n: int = grouping.TOP_N,
) -> pd.DataFrame:
    """Mean compound per group and publication period, with its 95 % interval (GDELT's tone line).

    Inputs: the `sentiment` and `articles` tables (its `published` column), group labels, a
    period ("year", "quarter", "month", "week", "day") and the number of groups kept. Output
    columns: period, group, n_articles, mean_compound, ci_low, ci_high, one row per period
    and group, plus the pooled rows (`POOLED`, "whole corpus") when there are two groups or
    more; every period from the first to the last dated article is present (n_articles 0 and
    NaN means where a group has no article); undated and unlabelled articles are left out.
    period_note is "partial: 3 of 28 days" for a first or last period the corpus covers only in
    part (`groups.period_coverage`: its dates start after the period's first day or end
    before its last), else "". Periods in time order. Raises ValueError for an unknown
    period.
    """
    empty = pd.DataFrame(
        columns=["period", "group", "n_articles", "mean_compound", "ci_low", "ci_high"]
    ).assign(period_note=pd.Series(dtype="str"))
    if "published" not in articles.columns:
        grouping.period_labels(pd.Series([], dtype="datetime64[s]"), period)  # checks period
        return typed_columns(empty, {"n_articles"})
    periods = grouping.period_labels(articles["published"], period)
    periods.index = articles["article_id"].astype("str").to_numpy()
    folded = grouping.top_n(labels, top_n)
    per_article = _labelled(article_means(sentiment), folded)
    per_article["period"] = per_article["article_id"].map(periods).to_numpy()
    per_article = per_article[per_article["period"].notna()]
    per_article = per_article[per_article["period"] != grouping.NO_DATE]
    if per_article.empty:
        return typed_columns(empty, {"n_articles"})
    both = per_article
    if _pooled(folded):
        both = pd.concat([per_article, per_article.assign(group=POOLED)], ignore_index=True)
    stats = _with_ci(both.groupby(["period", "group"])["mean_compound"])
    # every period from the first to the last dated article, so gaps show as gaps
    published = pd.Series(pd.to_datetime(articles["published"]).to_numpy(), index=periods.index)
    dated = published[published.index.isin(per_article["article_id"])].dropna()
    every = grouping.period_range(per_article["period"], period)  # a folded tail stays one
    present = stats.index.get_level_values("group").unique()
    full = pd.MultiIndex.from_product([every, present], names=["period", "group"])
    stats = stats.reindex(full)
    stats["n_articles"] = stats["n_articles"].fillna(0)
    stats = stats.reset_index()
    rank = {g: k for k, g in enumerate([*_order(folded), POOLED])}
    stats = stats.assign(_rank=stats["group"].map(rank)).sort_values(["period", "_rank"])
    stats = typed_columns(
        stats.drop(columns="_rank").round(4).reset_index(drop=True), {"n_articles"}
    )
    coverage = grouping.period_coverage(dated, period).set_index("period")["note"]
    stats["period_note"] = stats["period"].map(coverage).fillna("").astype("str")
    return stats


def group_voices(
    sentiment: pd.DataFrame,
    labels: pd.Series,
    threshold: float = THRESHOLD,
    top_n: int = grouping.TOP_N,
) -> pd.DataFrame:
    """Quoted voices against the reporter's narrative, per group and over the whole corpus.

    Output columns: group, voice ("narrative" / "quote"), n_articles (articles with such
    sentences), n_sentences, mean_compound (over sentences), share_negative, share_positive.
    A group without quoted sentences simply has no "quote" row. Groups in the labels' order,
    then the pooled rows (`POOLED`, "whole corpus") when there are two groups or more;
    unlabelled articles are left out.
    """
    check_threshold(threshold)
    folded = grouping.top_n(labels, top_n)
    compound = sentiment["compound"].to_numpy(dtype=float)
    s = pd.DataFrame(
        {
            "article_id": sentiment["article_id"].to_numpy(),
            "quote": sentiment["in_quote"].to_numpy(dtype=bool),
            "compound": compound,
            "negative": compound <= -threshold,
            "positive": compound >= threshold,
        }
    )
    # sums per article and voice first (cheap), then per group and for all articles
    per_article = (
        s.groupby(["article_id", "quote"], sort=False)
        .agg(
            n=("compound", "size"),
            total=("compound", "sum"),
            negative=("negative", "sum"),
            positive=("positive", "sum"),
        )
        .reset_index()
    )
    per_article = _labelled(per_article, folded)
    both = per_article
    if _pooled(folded):
        both = pd.concat([per_article, per_article.assign(group=POOLED)], ignore_index=True)
    sums = both.groupby(["group", "quote"]).agg(
        n_articles=("n", "size"),
        n_sentences=("n", "sum"),
        total=("total", "sum"),
        negative=("negative", "sum"),
        positive=("positive", "sum"),
    )
    out = pd.DataFrame(
        {
            "n_articles": sums["n_articles"],
            "n_sentences": sums["n_sentences"],
            "mean_compound": sums["total"] / sums["n_sentences"],
            "share_negative": sums["negative"] / sums["n_sentences"],
            "share_positive": sums["positive"] / sums["n_sentences"],
        }
    ).reset_index()
    out.insert(1, "voice", np.where(out.pop("quote"), "quote", "narrative"))
    rank = {g: k for k, g in enumerate([*_order(folded), POOLED])}
    out = out.assign(_rank=out["group"].map(rank)).sort_values(["_rank", "voice"])
    return typed_columns(
        out.drop(columns="_rank").round(4).reset_index(drop=True), {"n_articles", "n_sentences"}
    )


TARGET_KINDS_LEFT_OUT = ("anonymous", "role", "collective", "outlet", "document")
# a role named by its description ("the president", "The senator"): never a target's alias
_ROLE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+[a-z]")
_DESCRIPTION = re.compile(r"^(?:the|an?)\s", re.IGNORECASE)


def _is_alias(variant: str, name: str, person: bool) -> bool:
    """Whether a spelling the sources table merged into `name` may stand for it as a target:
    never a role's description ("the president", and for a person also "the President", "the
    41st president": whoever holds the role); a person's spelling shares a word with the name."""
    if len(variant) < 2 or _ROLE.match(variant):
        return False
    if not person:
        return True
    own = {w.lower() for w in name.split()}
    return not _DESCRIPTION.match(variant) and bool(own & {w.lower() for w in variant.split()})


def default_targets(sources: pd.DataFrame | None, n: int = 8) -> dict[str, list[str]]:
    """The targets to use when none are given: the corpus's own most cited entities.

    Input: the `sources` table (article_id, name, kind; `canonical` when the sources analysis
    gives it). The `n` canonical names (`canonical`, else `name`) cited by the most articles,
    leaving out anonymous sources, outlets and documents, each matched by its canonical name,
    every surface form merged into it (`name`), and for a person the surname alone (last
    word, 4+ letters, capitalised; one target per surname, so Bill and Hillary Clinton do not
    share "Clinton"; `tone.target_mentions` never reads a surname that ends another
    person's full name, "Bill Clinton", as the target's). A role named by its description
    ("the president", "The senator", for a person also "the President") is no alias: it
    names whoever holds the role; a person's spelling must share a word with the name, and a
    surname that is another cited person's first name ("Paul" of Rand Paul beside Paul Ryan) is
    no alias. A name
    that is already an alias of a more cited target is not a target
    of its own ("Trump" after "Donald Trump"), nor one that differs from a more cited target
    only by a company form ("Standard and Poor's" after "Standard and Poor's Corp": merged
    into it as an alias); a source cited once (one article, one mention) is never a default
    target. Never names from the seed corpus. Output: {target: [aliases]}, most cited first
    (articles, then mentions, then name); {} when `sources` is None, empty or has no such
    entity.
    """
    if sources is None or sources.empty or "name" not in sources.columns:
        return {}
    name_column = "canonical" if "canonical" in sources.columns else "name"
    rows = sources
    if "kind" in rows.columns:
        rows = rows[~rows["kind"].astype("str").isin(TARGET_KINDS_LEFT_OUT)]
    canonical = rows[name_column].astype("str").str.strip()
    canonical = canonical.where(rows[name_column].notna(), rows["name"].astype("str"))
    rows = rows.assign(_target=canonical.to_numpy(), _name=rows["name"].astype("str").to_numpy())
    rows = rows[rows["_target"].str.len() >= 2]
    if rows.empty:
        return {}
    cited = rows.groupby("_target")["article_id"].nunique()
    mentions = (
        rows.groupby("_target")["n_mentions"].sum()
        if "n_mentions" in rows.columns
        else rows.groupby("_target").size()
    )
    cited = cited[(cited >= 2) | (mentions.reindex(cited.index) >= 2)]
    kinds = (
        rows.groupby("_target")["kind"].agg(lambda k: k.astype("str").mode().iloc[0])
        if "kind" in rows.columns
        else pd.Series(dtype="str")
    )
    variants = rows.groupby("_target")["_name"].agg(lambda v: sorted(set(v)))
    people = [t for t in cited.index if kinds.get(t) == "person" and len(t.split()) >= 2]
    first_names = collections.Counter(t.split()[0].lower() for t in people)  # Paul Ryan's "Paul"
    targets: dict[str, list[str]] = {}
    taken: set[str] = set()
    for name in sorted(cited.index, key=lambda v: (-cited[v], -mentions[v], v)):
        if name.lower() in taken:
            continue
        person = kinds.get(name) == "person"
        aliases = list(
            dict.fromkeys([name, *(v for v in variants[name] if _is_alias(v, name, person))])
        )
        words = name.split()
        if person and len(words) >= 2:
            surname = words[-1]
            if len(surname) >= 4 and surname[0].isupper():
                if surname.lower() in taken:
                    continue  # one target per surname (Hillary and Bill Clinton)
                own = int(words[0].lower() == surname.lower())  # "Hassan Hassan"
                if first_names[surname.lower()] - own == 0:  # "Paul" would count every Paul
                    aliases.append(surname)
        aliases = [a for a in dict.fromkeys(aliases) if a.lower() not in taken]
        if not aliases:
            continue
        same = next((t for t in targets if _firm_name(t) == _firm_name(name)), None)
        if same is not None:  # "Standard and Poor's" after "Standard and Poor's Corp"
            targets[same] = list(dict.fromkeys([*targets[same], *aliases]))
            taken |= {a.lower() for a in aliases}
            continue
        targets[name] = aliases
        taken |= {a.lower() for a in aliases}
        if len(targets) == n:
            break
    return targets


_FIRM_SUFFIX = re.compile(
    r"(?:,?\s+(?:corp|corporation|inc|co|company|ltd|plc|llc|ag|sa|nv|group)\.?)+$", re.I
)


def _firm_name(name: str) -> str:
    """A name without its company-form suffix, lower case ("Standard and Poor's Corp" →
    "standard and poor's"), so one firm named with and without "Corp" is one target."""
    return _FIRM_SUFFIX.sub("", str(name).strip()).strip().lower()


TARGET_TYPES = ("person", "organisation", "place", "other")  # the order the targets are drawn in


def target_types(
    targets: dict[str, list[str]], sources: pd.DataFrame | None = None
) -> dict[str, str]:
    """What each tone target is: "person", "organisation", "place" or "other".

    Inputs: {target: [aliases]} (`default_targets` or the notebook's `targets`) and the
    `sources` table (name, canonical, kind), when there is one. A target is a place when
    its name or one of its aliases is a country, capital or seat of government of
    `data/places.csv` (`sources.lexicon.load_places`: "United States", "U.S.", "Kremlin") —
    the sources analysis counts a country that speaks as an organisation of type
    government, but as a tone target the sentences that name it are about the place. Else
    the most frequent `kind` of its canonical name in `sources` ("organization" spelled
    "organisation"); else "other". Output: {target: type} in the targets' order.
    """
    from newscorpus.sources.lexicon import load_places

    places = load_places()
    place_names = {
        v.strip().lower()
        for row in places["variants"].astype("str")
        for v in row.split("|")
        if v.strip()
    } | set(places["name"].astype("str").str.lower())
    kinds: dict[str, str] = {}
    if sources is not None and len(sources) and "kind" in sources.columns:
        column = "canonical" if "canonical" in sources.columns else "name"
        rows = pd.DataFrame(
            {
                "name": sources[column].astype("str").str.strip().str.lower(),
                "kind": sources["kind"].astype("str"),
            }
        )
        rows = rows[rows["name"].isin({str(t).strip().lower() for t in targets})]
        if len(rows):
            kinds = rows.groupby("name")["kind"].agg(lambda k: k.mode().iloc[0]).to_dict()
    out: dict[str, str] = {}
    for target, aliases in (targets or {}).items():
        names = {str(target).strip().lower(), *(str(a).strip().lower() for a in aliases)}
        if names & place_names:
            out[target] = "place"
            continue
        kind = kinds.get(str(target).strip().lower(), "")
        kind = {"organization": "organisation"}.get(kind, kind)
        out[target] = kind if kind in TARGET_TYPES else "other"
    return out


def group_targets(
    sentiment: pd.DataFrame,
    mentions: pd.DataFrame,
    labels: pd.Series,
    top_n: int = grouping.TOP_N,
    max_targets: int = 12,
    types: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Tone of the sentences that name each target, per group (targets × groups).

    Inputs: the `sentiment` table, `target_mentions`, group labels, optionally each target's
    type (`target_types`). Output columns: target, target_type (person, organisation, place,
    other; "" without `types`), group, n_articles (articles whose sentences name the target:
    the n shown and faded by), n_sentences (sentences naming the target, each once),
    mean_compound (over those sentences). The `max_targets` most-mentioned targets are kept;
    with `types`, targets are ordered by type (people, organisations, places, other), then
    most sentences first; groups in the labels' order.
    """
    columns = ["target", "target_type", "group", "n_articles", "n_sentences", "mean_compound"]
    per_sentence = mentions.drop_duplicates(["article_id", "sentence_id", "target"])
    merged = per_sentence[["article_id", "sentence_id", "target"]].merge(
        sentiment[["article_id", "sentence_id", "compound"]], on=["article_id", "sentence_id"]
    )
    if merged.empty:
        empty = typed_columns(pd.DataFrame(columns=columns), {"n_articles", "n_sentences"})
        return empty.astype({"target_type": "str"})
    counts = merged["target"].value_counts()
    order = [t for t in dict.fromkeys(mentions["target"]) if t in counts.index]
    keep = sorted(order, key=lambda t: (-counts[t], order.index(t)))[:max_targets]
    if types:
        rank = {t: k for k, t in enumerate(TARGET_TYPES)}
        keep = sorted(keep, key=lambda t: rank.get(types.get(t, "other"), len(rank)))
    folded = grouping.top_n(labels, top_n)
    merged = merged[merged["target"].isin(keep)]
    merged = _labelled(merged, folded)
    out = (
        merged.groupby(["target", "group"])
        .agg(
            n_articles=("article_id", "nunique"),
            n_sentences=("compound", "size"),
            mean_compound=("compound", "mean"),
        )
        .reset_index()
    )
    target_rank = {t: k for k, t in enumerate(keep)}
    group_rank = {g: k for k, g in enumerate(_order(folded))}
    out = out.assign(_t=out["target"].map(target_rank), _g=out["group"].map(group_rank))
    out = out.sort_values(["_t", "_g"]).drop(columns=["_t", "_g"])
    out["target_type"] = out["target"].map(lambda t: (types or {}).get(t, ""))
    out = typed_columns(out[columns].round(4).reset_index(drop=True), {"n_articles", "n_sentences"})
    return out.astype({"target_type": "str"})


def driver_words(
    sentences: pd.DataFrame | Corpus,
    lexicon: Lexicon = None,
    rules: str = DEFAULT_RULES,
    top_n: int = 15,
    max_sentences: int = 100_000,
) -> pd.DataFrame:
    """The words whose valences, after VADER's rules, add up to the most sentiment.

    Input: the `sentences` table, a Corpus, or an analysed corpus (`analysis.load`: read
    part by part, `sentence_texts`). With more than `max_sentences` sentences, an
    evenly spaced sample of that many is used (every k-th sentence in article order), which
    keeps the ranking of frequent words and the time bounded. Output columns: word, n
    (occurrences with a non-zero valence), n_articles, total_valence, mean_valence, direction
    ("negative"/"positive"), sampled (share of sentences read, 1.0 = all); the `top_n` words
    by absolute total, largest first.
    """
    check_rules(rules)
    lex = lexicon_dict(lexicon)
    total = sentence_texts.count(sentences)  # an analysed corpus: read part by part
    step = max(1, math.ceil(total / max_sentences)) if max_sentences > 0 else 1
    sample = sentence_texts.every_kth(sentences, step)
    find = lexicon_hits if rules == "nltk" else _rules33.hits
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    articles: dict[str, set] = {}
    for aid, text in zip(sample["article_id"].tolist(), sample["text"].tolist(), strict=True):
        words = vader_words(text, rules)
        lowers = [w.lower() for w in words]
        for j, valence in find(words, lowers, lex):
            if valence:
                word = lowers[j]
                sums[word] = sums.get(word, 0.0) + valence
                counts[word] = counts.get(word, 0) + 1
                articles.setdefault(word, set()).add(aid)
    out = pd.DataFrame(
        {
            "word": list(sums),
            "n": [counts[w] for w in sums],
            "n_articles": [len(articles[w]) for w in sums],
            "total_valence": [sums[w] for w in sums],
        }
    )
    columns = ["word", "n", "n_articles", "total_valence", "mean_valence", "direction", "sampled"]
    if out.empty:
        return typed_columns(pd.DataFrame(columns=columns), {"n", "n_articles"}).astype(
            {"direction": "str"}
        )
    out["mean_valence"] = out["total_valence"] / out["n"]
    out = out.assign(size=out["total_valence"].abs())
    out = out.sort_values(["size", "word"], ascending=[False, True]).head(top_n)
    out["direction"] = np.where(out["total_valence"] >= 0, "positive", "negative")
    out["sampled"] = round(len(sample) / total, 4) if total else 1.0
    out = out[columns].round(4).reset_index(drop=True)
    return typed_columns(out, {"n", "n_articles"}).astype({"direction": "str"})


def choose_articles(
    articles: pd.DataFrame,
    labels: pd.Series,
    chosen: list[str] | None = None,
    n: int = 4,
) -> list[str]:
    """Articles for the per-article views: `chosen` ids, or one per group by a stated rule.

    With `chosen` (a list of article ids), those ids, in that order; raises ValueError naming
    the ids not in the corpus. Without: a typical article of each of the `n` largest groups,
    the one whose number of body sentences is closest to the median of the group's articles
    of at least ARC_MIN_SENTENCES (10) sentences (all of them when none is that long; a
    five-line brief has no arc to show; ties: the longer, then the first id), then typical
    articles of the whole corpus until there are `n`.
    `article_choice` gives the same ids with the group and the rule that picked each.
    """
    return article_choice(articles, labels, chosen, n)["article_id"].tolist()


ARC_MIN_SENTENCES = 10  # a typical article is picked among those this long, when there are any


def article_choice(
    articles: pd.DataFrame,
    labels: pd.Series,
    chosen: list[str] | None = None,
    n: int = 4,
) -> pd.DataFrame:
    """The articles of the per-article views, each with its group and the rule that chose it.

    Inputs as `choose_articles` (the `articles` table with n_sentences, group labels, ids
    given by the user or None, how many). Output, one row per article in the order drawn:
    article_id, group ("" when unlabelled), n_sentences, group_median (the median body
    sentences of its group's articles; of the whole corpus for a corpus-wide pick), why
    ("chosen by id", "typical of its group", "typical of the corpus"). `table.attrs["rule"]`
    states the rule in words for a figure's title, e.g. "a typical article of each of the 4
    largest groups (body length closest to the group's median)". Raises ValueError for ids
    not in the corpus.
    """
    columns = ["article_id", "group", "n_sentences", "group_median", "why"]
    ids = articles["article_id"].astype("str")
    sizes = pd.Series(articles["n_sentences"].to_numpy(), index=ids.to_numpy())
    group_of = ids.map(labels.astype("str")).fillna("")
    group_of.index = ids.to_numpy()
    table = pd.DataFrame({"article_id": ids, "n_sentences": articles["n_sentences"].to_numpy()})
    table["group"] = group_of.to_numpy()

    def _median(part: pd.DataFrame) -> float:  # as `typical` below: of the long ones if any
        long = part[part["n_sentences"] >= ARC_MIN_SENTENCES]
        return float((long if len(long) else part)["n_sentences"].median())

    present = table[table["n_sentences"] > 0]
    medians = pd.Series({g: _median(part) for g, part in present.groupby("group")}, dtype="float64")
    rows: list[tuple[str, str]] = []
    if chosen:
        missing = [a for a in chosen if a not in set(ids)]
        if missing:
            raise ValueError(
                f"articles={missing!r}: not article ids of this corpus "
                f"(e.g. {', '.join(ids.head(3))})"
            )
        rows = [(str(a), "chosen by id") for a in chosen]
        rule = f"the {len(rows)} article{'s' if len(rows) != 1 else ''} given in `articles`"
    elif n >= 1 and not articles.empty:
        table = table[table["n_sentences"] > 0]

        def typical(part: pd.DataFrame) -> pd.DataFrame:
            long = part[part["n_sentences"] >= ARC_MIN_SENTENCES]
            part = long if len(long) else part  # an arc needs length: a brief only when all are
            distance = (part["n_sentences"] - part["n_sentences"].median()).abs()
            ranked = part.assign(distance=distance, minus=-part["n_sentences"])
            return ranked.sort_values(["distance", "minus", "article_id"])

        for group in _order(labels)[:n]:
            part = table[table["group"] == group]
            if len(part):
                rows.append((typical(part)["article_id"].iloc[0], "typical of its group"))
        n_groups = len(rows)
        for aid in typical(table)["article_id"] if len(table) else []:
            if len(rows) >= n:
                break
            if aid not in {r[0] for r in rows}:
                rows.append((aid, "typical of the corpus"))
        rows = rows[:n]
        rule = (
            f"a typical article of each of the {n_groups} largest groups (body length in "
            f"sentences closest to the median of the group's articles of {ARC_MIN_SENTENCES} "
            "sentences or more)"
            if n_groups
            else f"typical articles of the corpus (body length closest to the median of those of "
            f"{ARC_MIN_SENTENCES} sentences or more)"
        )
        if 0 < n_groups < len(rows):
            rule += f", then {len(rows) - n_groups} typical of the whole corpus"
    else:
        rule = "no article"
    corpus_median = _median(table) if len(table) else math.nan
    out = (
        pd.DataFrame(
            {
                "article_id": [r[0] for r in rows],
                "group": [group_of.get(r[0], "") for r in rows],
                "n_sentences": [int(sizes.get(r[0], 0)) for r in rows],
                "group_median": [
                    corpus_median
                    if why == "typical of the corpus"
                    else medians.get(group_of.get(a, ""), math.nan)
                    for a, why in rows
                ],
                "why": [r[1] for r in rows],
            },
            columns=columns,
        )
        .astype(
            {"article_id": "str", "group": "str", "n_sentences": "int64", "group_median": "float64"}
        )
        .astype({"why": "str"})
    )
    out.attrs["rule"] = rule
    return out


def table_options(lexicon: Lexicon = None, rules: str = DEFAULT_RULES) -> dict:
    """The options of a non-default `sentiment` table, for `analysis.Analysis.table`.

    Empty for the defaults (no extra lexicon: None, "" or "vader"; the default rule set), so
    the cached table is read as is; "news", "conflict" or a file give a cached variant.
    Raises ValueError for an unknown rule set.
    """
    options: dict = {}
    plain = isinstance(lexicon, str) and lexicon.strip().lower() in PLAIN
    if lexicon is not None and not plain:
        options["lexicon"] = lexicon
    if check_rules(rules) != DEFAULT_RULES:
        options["rules"] = rules
    return options
