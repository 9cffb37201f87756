"""Summary tables for the notebook: who is quoted, sources per article, the source network and
the quotes to read.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from newscorpus import groups, plots
from newscorpus.sources.cited import count_words
from newscorpus.sources.unnamed import head_noun
from newscorpus.sources.words import SOURCE_KINDS, SOURCE_TYPES

MAX_VARIANTS = 8  # spellings listed in a `variants` cell
NOT_SPEAKERS = ("unknown", "poll")  # rows attributed to no one, or to a poll finding


def canonical_names(table: pd.DataFrame, surface: str, kinds: str) -> pd.Series:
    """The name every summary counts: the `canonical` column (one source, one name, see
    `newscorpus.sources.canonical`); for a table without it (an old cache), the surface
    column with a bare surname folded by `canonical_speakers`."""
    if "canonical" in table.columns:
        names = table["canonical"].astype("object")
        return names.where(names.notna(), table[surface].astype("object"))
    return canonical_speakers(table[surface], table[kinds]).astype("object")


def variants_of(table: pd.DataFrame, surface: str, name: str = "canonical") -> pd.Series:
    """The spellings merged under each canonical name, most used first, joined by "; "
    ("Donald Trump; Trump; Donald J. Trump"), indexed by the canonical name. Input: a table
    with the surface column and `name` (e.g. quotes with speaker and canonical)."""
    if table.empty:
        return pd.Series(dtype="str")
    pairs = pd.DataFrame(
        {"name": table[name].astype("str").to_numpy(), "v": table[surface].astype("str").to_numpy()}
    )
    counts = pairs.value_counts().reset_index(name="n")
    counts = counts.sort_values(["name", "n", "v"], ascending=[True, False, True])
    return counts.groupby("name", sort=False)["v"].agg(
        lambda vs: "; ".join(list(vs)[:MAX_VARIANTS])
    )


def quote_label(n_quotes, n_articles) -> list[str]:
    """ "13 quotes in 1 article" for each pair of counts (equal-length sequences)."""
    return [
        f"{q:,} quote{'' if q == 1 else 's'} in {a:,} article{'' if a == 1 else 's'}"
        for q, a in ((int(q), int(a)) for q, a in zip(n_quotes, n_articles, strict=True))
    ]


def who_is_quoted(quotes: pd.DataFrame, min_quotes: int = 1) -> pd.DataFrame:
    """Speakers of direct and partial quotes: quotes, words quoted, articles.

    Ranked by n_articles (articles quoting the speaker), then n_quotes, n_words_quoted: one
    interview quoted 13 times does not outrank a speaker quoted across many articles.
    Speakers are counted under their canonical name (`speaker` holds it; `variants` lists
    the spellings merged under it, most used first); `label` reads "13 quotes in 1 article"."""
    q = quotes[quotes["kind"].isin(["direct", "partial"]) & quotes["speaker"].notna()]
    q = q[~q["speaker_kind"].astype("str").isin(NOT_SPEAKERS)]
    q = q.assign(
        surface=q["speaker"].astype("str"),
        speaker=canonical_names(q, "speaker", "speaker_kind"),
        n_words=[count_words(t, str(k)) for t, k in zip(q["quote"], q["kind"], strict=True)],
    )
    types = person_types(q)
    out = (
        q.groupby(["speaker", "speaker_kind"], observed=True)
        .agg(
            source_type=("speaker", lambda n: types.get(n.iloc[0], "unknown")),
            n_quotes=("quote", "size"),
            n_words_quoted=("n_words", "sum"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    out = out[out["n_quotes"] >= min_quotes]
    out = out.sort_values(
        ["n_articles", "n_quotes", "n_words_quoted", "speaker"], ascending=[0, 0, 0, 1]
    )
    out["variants"] = out["speaker"].map(variants_of(q, "surface", "speaker")).fillna("")
    out = out.reset_index(drop=True).astype(
        {"n_quotes": "int64", "n_words_quoted": "int64", "n_articles": "int64"}
    )
    out["label"] = pd.array(quote_label(out["n_quotes"], out["n_articles"]), dtype="str")
    return out


def person_types(quotes: pd.DataFrame, name: str = "speaker") -> dict:
    """One source type per canonical speaker across the corpus: the type most of its quotes
    carry, "unknown" only when none carries another (ties: the first in `words.SOURCE_TYPES`
    order, so the result never depends on row order). Input: quote rows with `name` (the
    canonical speaker) and `source_type`. Output: {speaker: type}."""
    if quotes.empty:
        return {}
    pairs = pd.DataFrame(
        {"n": quotes[name].astype("str").to_numpy(), "t": quotes["source_type"].astype("str")}
    )
    known = pairs[pairs["t"] != "unknown"]
    rank = {t: k for k, t in enumerate(SOURCE_TYPES)}
    counts = known.value_counts().reset_index(name="k")
    counts["r"] = counts["t"].map(rank).fillna(len(rank))
    counts = counts.sort_values(["n", "k", "r", "t"], ascending=[True, False, True, True])
    out = dict.fromkeys(pairs["n"].unique(), "unknown")
    out.update(counts.drop_duplicates("n").set_index("n")["t"].to_dict())
    return out


def sources_per_article(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources per article by kind (one column per kind), total and the anonymous share."""
    wide = (
        sources.groupby(["article_id", "kind"], observed=False)
        .size()
        .unstack("kind", fill_value=0)
        .reindex(columns=SOURCE_KINDS, fill_value=0)
    )
    wide["total"] = wide.sum(axis=1)
    wide["anonymous_share"] = (wide["anonymous"] / wide["total"].where(wide["total"] > 0)).round(3)
    return wide.reset_index().rename_axis(columns=None)


def source_network(
    sources: pd.DataFrame, top_n: int = 30, kinds: tuple = ("person", "organization", "outlet")
) -> nx.Graph:
    """Which sources are cited together: the `top_n` most cited sources, linked when cited by
    the same articles.

    Inputs: the `sources` table, how many sources to keep (most articles first, ties by name),
    and the kinds of source (unnamed sources and documents are left out by default: "officials"
    in two articles are not the same people). Output: an undirected networkx Graph; nodes are
    canonical source names with attributes kind, type and n_articles; an edge's `weight` is
    the number of articles citing both. A name is never linked with its own fragment
    (`is_fragment`). Bounded by `top_n` whatever the corpus size.
    """
    if top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected a whole number of at least 1")
    rows = sources[sources["kind"].astype("str").isin(kinds)]
    rows = rows.assign(name=canonical_names(rows, "name", "kind"))
    rows = rows.drop_duplicates(["article_id", "name"])
    counts = rows.groupby("name")["article_id"].nunique().reset_index(name="n")
    top = counts.sort_values(["n", "name"], ascending=[False, True]).head(top_n)
    graph = nx.Graph()
    if top.empty:
        return graph
    first = rows.drop_duplicates("name").set_index("name")
    names = top["name"].tolist()
    for name, n in zip(names, top["n"], strict=True):
        graph.add_node(
            name,
            kind=str(first.at[name, "kind"]),
            type=str(first.at[name, "type"]),
            n_articles=int(n),
        )
    keep = rows[rows["name"].isin(set(names))]
    art_codes, _ = pd.factorize(keep["article_id"])
    src_index = {n: i for i, n in enumerate(names)}
    incidence = np.zeros((int(art_codes.max()) + 1, len(names)), dtype=np.int32)
    incidence[art_codes, keep["name"].map(src_index).to_numpy()] = 1
    both = incidence.T @ incidence
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            if both[i, j] and not is_fragment(a, names[j]):
                graph.add_edge(a, names[j], weight=int(both[i, j]))
    return graph


def is_fragment(a: str, b: str) -> bool:
    """True when one name is a run of the other's words ("Human Rights" of "Syrian
    Observatory for Human Rights", "Trump" of "Donald Trump"): never linked as two sources."""
    wa, wb = str(a).lower().split(), str(b).lower().split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short or short == long:
        return short == long
    k = len(short)
    return any(long[i : i + k] == short for i in range(len(long) - k + 1))


def quote_table(
    quotes: pd.DataFrame,
    kinds: tuple = ("direct", "partial"),
    labels: pd.Series | None = None,
    articles: list | None = None,
    article_info: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Quotes for reading: article, sentence, speaker, canonical name, role, verb, kind and
    the quoted words.

    Inputs: the `quotes` table, the kinds to keep, optionally group labels (adds a `group`
    column after article_id), a list of article ids to keep (None or empty: all) and the
    `articles` table (adds `article`: title — outlet, date, `plots.article_label`). Output:
    one row per quote in article and sentence order, the quote in full (leading punctuation
    left by the extraction, ', "…', trimmed).
    """
    q = quotes[quotes["kind"].isin(kinds)]
    if articles:
        q = q[q["article_id"].astype("str").isin([str(a) for a in articles])]
    cols = ["article_id", "sentence_id", "speaker", "speaker_role", "verb", "kind", "quote"]
    if "canonical" in q.columns:
        cols.insert(3, "canonical")
    out = q[cols].sort_values(["article_id", "sentence_id"]).reset_index(drop=True)
    # ', "Negotiations failed…"': the comma before a partial quote is no part of it
    out["quote"] = out["quote"].str.replace(r"^[\s,;:.–—-]+", "", regex=True)
    if labels is not None:
        out.insert(1, "group", _labels_for(out, labels).to_numpy())
    if article_info is not None:
        names = plots.article_label(article_info)
        out.insert(1, "article", out["article_id"].astype("str").map(names).fillna("").to_numpy())
    return out


# --------------------------------------------------------------------------- by group

HUMAN_KINDS = ("person", "anonymous")  # the people of the unnamed share (named or not)
# Kinds counted beside it, never as unnamed sources: an office ("the president" the article
# does not resolve) and collective actors ("Democrats", "critics", "the administration").
OTHER_UNNAMED = ("role", "collective")


def _labels_for(table: pd.DataFrame, labels: pd.Series) -> pd.Series:
    """The group label of each row of `table` (by article_id), as plain strings; NA for an
    article without a label (a duplicate `groups.assign` leaves out): callers drop it."""
    mapping = labels.dropna().astype("str")
    return table["article_id"].astype("str").map(mapping)


def group_order(labels: pd.Series, top_groups: int) -> list[str]:
    """Group labels in display order: the `top_groups` largest (as `groups.top_n` keeps them,
    in the labels' own order), then "other" when some were folded."""
    labels = labels.dropna()
    if len(labels) == 0:
        return []
    folded = groups.top_n(labels, top_groups)
    if isinstance(folded.dtype, pd.CategoricalDtype):
        present = set(folded.astype("str"))
        return [str(c) for c in folded.dtype.categories if str(c) in present]
    return list(dict.fromkeys(folded.astype("str")))


def _fold(labels: pd.Series, top_groups: int) -> pd.Series:
    """`labels` as strings with all but the `top_groups` largest groups renamed "other"
    (articles without a label, duplicates, left out)."""
    labels = labels.dropna()
    if len(labels) == 0:
        return labels.astype("str")
    return groups.top_n(labels, top_groups).astype("str")


def canonical_speakers(speakers: pd.Series, kinds: pd.Series | None = None) -> pd.Series:
    """Speaker names with a bare surname folded into the full name the corpus uses for it.

    "Trump" (from "Mr. Trump") becomes "Donald Trump" when, among the full names ending in
    "Trump", one accounts for at least three quarters of the quotes; "Obama" likewise becomes
    "Barack Obama". Input: the `speaker` column (and `speaker_kind`: only persons are
    folded). Output: a Series on the same index; names with no dominant full name stay as
    they are.
    """
    names = speakers.astype("object")
    persons = names.notna() if kinds is None else names.notna() & kinds.astype("str").eq("person")
    words = names[persons].astype("str").str.split()
    full = names[persons][words.str.len() >= 2]
    if full.empty:
        return speakers
    last = full.astype("str").str.split().str[-1]
    counts = pd.DataFrame({"last": last, "name": full}).value_counts()
    mapping = {}
    for surname, group in counts.groupby(level="last"):
        top = group.droplevel("last")
        if top.iloc[0] >= 0.75 * top.sum():
            mapping[surname] = top.index[0]
    single = persons & names.astype("str").str.count(" ").eq(0)
    folded = names.where(~single, names.map(lambda n: mapping.get(n, n)))
    return folded.astype(speakers.dtype)


def quoted_by_group(
    quotes: pd.DataFrame, labels: pd.Series, top_n: int = 10, top_groups: int = 8
) -> pd.DataFrame:
    """Who is quoted most in each group: the `top_n` speakers per group and one "other" row.

    Inputs: the `quotes` table, group labels per article (`groups.assign`), how many speakers
    and groups to keep (the smaller groups are summed as group "other"). Output: one row per
    group and speaker with group, rank (1 = quoted in most of the group's articles, then
    most quotes; the "other speakers" row has rank top_n + 1), speaker, speaker_kind,
    source_type, n_quotes (direct and partial quotes), n_words_quoted (words inside the
    quotation marks), n_articles (articles quoting the speaker), group_articles (the
    group's articles: its n), variants (the spellings merged under the speaker's
    canonical name) and label ("13 quotes in 1 article"). `group` is an ordered Categorical holding every group, also those
    without quotes (they have no rows). Speakers that are unknown (no attribution found) are
    left out; every speaker is counted under its canonical name (`canonical_names`).
    `attrs["grouping"]` says what the groups are (`groups.grouping`: "first listed topic …")
    and `attrs["group_articles"]` gives every group's n, also of a group without quotes.
    """
    if top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected a whole number of at least 1")
    folded = _fold(labels, top_groups)
    order = group_order(labels, top_groups)
    q = quotes[quotes["kind"].isin(["direct", "partial"]) & quotes["speaker"].notna()]
    q = q[~q["speaker_kind"].astype("str").isin(NOT_SPEAKERS)]
    q = q.assign(
        surface=q["speaker"].astype("str"),
        speaker=canonical_names(q, "speaker", "speaker_kind"),
        group=_labels_for(q, folded),
        n_words=[count_words(t, str(k)) for t, k in zip(q["quote"], q["kind"], strict=True)],
    )
    types = person_types(q)  # one type per person, never per group (Trump: "government")
    q = q[q["group"].notna()]
    columns = ["group", "rank", "speaker", "speaker_kind", "source_type"]
    columns += ["n_quotes", "n_words_quoted", "n_articles", "group_articles", "variants"]
    per = (
        q.groupby(["group", "speaker"], observed=True, sort=False)
        .agg(
            speaker_kind=("speaker_kind", "first"),
            source_type=("speaker", lambda n: types.get(n.iloc[0], "unknown")),
            n_quotes=("quote", "size"),
            n_words_quoted=("n_words", "sum"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
        .sort_values(
            ["group", "n_articles", "n_quotes", "n_words_quoted", "speaker"],
            ascending=[1, 0, 0, 0, 1],
        )
    )
    per["rank"] = per.groupby("group", sort=False).cumcount() + 1
    per["variants"] = per["speaker"].map(variants_of(q, "surface", "speaker")).fillna("")
    top = per[per["rank"] <= top_n]
    rest = per[per["rank"] > top_n]
    rows = [top]
    if len(rest):
        q_rest = q.merge(rest[["group", "speaker"]], on=["group", "speaker"])
        other = (
            rest.groupby("group", sort=False)
            .agg(
                n_speakers=("speaker", "size"),
                n_quotes=("n_quotes", "sum"),
                n_words_quoted=("n_words_quoted", "sum"),
            )
            .reset_index()
        )
        arts = q_rest.groupby("group")["article_id"].nunique()
        other = other.assign(
            rank=top_n + 1,
            speaker=[f"other speakers ({n:,})" for n in other["n_speakers"]],
            speaker_kind="other",
            source_type="other",
            n_articles=other["group"].map(arts).fillna(0).astype("int64"),
            variants="",
        )
        rows.append(other[[c for c in columns if c != "group_articles"]])
    keep = [c for c in columns if c != "group_articles"]
    out = pd.concat(rows, ignore_index=True)[keep] if len(per) else pd.DataFrame(columns=keep)
    out["group_articles"] = out["group"].astype("str").map(folded.value_counts()).fillna(0)
    out = out[columns]
    out["group"] = pd.Categorical(out["group"].astype("str"), categories=order, ordered=True)
    out = out.sort_values(["group", "rank"]).reset_index(drop=True)
    for col in ("rank", "n_quotes", "n_words_quoted", "n_articles", "group_articles"):
        out[col] = out[col].astype("int64")
    out["label"] = pd.array(quote_label(out["n_quotes"], out["n_articles"]), dtype="str")
    out.attrs["grouping"] = groups.grouping(labels)
    sizes = folded.value_counts()  # a group without quotes still has its n
    out.attrs["group_articles"] = {str(g): int(sizes.get(g, 0)) for g in order}
    return out


_SINGULAR = {"people": "person", "men": "man", "women": "woman", "spokespeople": "spokesperson"}


def _source_key(name: str) -> str:
    """The unnamed source a description stands for within one article: its head noun in the
    singular ("the operative", "a GOP operative familiar with …" → "operative"; "officials",
    "a senior official" → "official"), so one source is counted once per article however the
    article words it; the lowercase description when it has no head noun."""
    head = head_noun(name) or str(name).lower()
    head = _SINGULAR.get(head, head)
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return head


def unnamed_people(sources: pd.DataFrame) -> pd.DataFrame:
    """The people each article cites, each once, with whether they are unnamed: the rows of
    `sources` of kinds person, anonymous, role and collective, with columns article_id, kind,
    name (canonical, else as written) and anonymous (kind `anonymous`, or a person who spoke
    on condition of anonymity). One row per article, kind and person; an unnamed source once
    per article and head noun (`_source_key`: "the operative" and "a GOP operative familiar
    with the conversation" are one source)."""
    people = sources[sources["kind"].astype("str").isin((*HUMAN_KINDS, *OTHER_UNNAMED))]
    name = canonical_names(people, "name", "kind")
    kinds = people["kind"].astype("str")
    flagged = (
        people["anonymity"].fillna(False).astype(bool)
        if "anonymity" in people.columns
        else pd.Series(False, index=people.index)
    )
    key = [
        _source_key(n) if k == "anonymous" else str(n)
        for n, k in zip(name.astype("str"), kinds, strict=True)
    ]
    out = pd.DataFrame(
        {
            "article_id": people["article_id"].astype("str").to_numpy(),
            "kind": kinds.to_numpy(),
            "name": name.astype("str").to_numpy(),
            "key": key,
            "anonymous": (kinds.eq("anonymous") | flagged).to_numpy(),
        }
    )
    out = out.sort_values("anonymous", ascending=False, kind="stable")
    out = out.drop_duplicates(["article_id", "kind", "key"]).sort_index()
    return out.drop(columns="key").reset_index(drop=True)


def anonymous_share(
    sources: pd.DataFrame,
    articles: pd.DataFrame,
    labels: pd.Series,
    period: str = "month",
    top_groups: int = 8,
) -> pd.DataFrame:
    """Share of each group's articles that cite at least one unnamed source, overall and per
    period.

    Inputs: the `sources` table, the `articles` table (its `published` dates), group labels,
    a period of `groups.PERIODS` and how many groups to keep (the rest summed as "other").
    The unit is the article, so one source-heavy article cannot make a period: share =
    n_articles_unnamed ÷ n_articles, where n_articles_unnamed counts the articles citing an
    unnamed source (an `anonymous` row: "officials said", "a senior adviser", or a named
    person who spoke on condition of anonymity). Beside it, the people cited
    (`unnamed_people`: each once per article, an unnamed source once per article and head
    noun): n_people (named persons and unnamed sources), n_anonymous (unnamed sources),
    n_role (offices the article does not resolve, "the president") and n_collective
    (collective actors, "Democrats", "critics"); roles and collective actors are never
    unnamed sources. Output: one row per group and period (period "all" for the whole
    corpus; no rows for articles without a date in the per-period rows; every period from
    the first to the last, an empty one with zero counts and share NaN) with n_articles,
    n_articles_unnamed, share, n_people, n_anonymous, n_role, n_collective and period_note
    ("partial: 3 of 28 days" for a first or last period the corpus covers only in part,
    `groups.period_coverage`). `attrs["grouping"]` says what the groups are
    (`groups.grouping`).
    """
    folded = _fold(labels, top_groups)
    order = group_order(labels, top_groups)
    people = unnamed_people(sources)
    people = people.assign(
        group=_labels_for(people, folded),
        role=people["kind"].eq("role").to_numpy(),
        collective=people["kind"].eq("collective").to_numpy(),
    )
    people = people[people["group"].notna()]
    dates = pd.Series(
        articles["published"].to_numpy() if "published" in articles else pd.NaT,
        index=articles["article_id"].astype("str"),
    )
    art_period = groups.period_labels(dates, period)
    people = people.assign(period=people["article_id"].astype("str").map(art_period))
    unnamed_ids = set(people.loc[people["anonymous"], "article_id"])
    art = pd.DataFrame(
        {
            "group": _labels_for(articles, folded).to_numpy(),
            "period": art_period.to_numpy(),
            "unnamed": articles["article_id"].astype("str").isin(unnamed_ids).to_numpy(),
        }
    ).dropna(subset=["group"])
    tables = []
    for by, arts in (
        (["group"], art),
        (["group", "period"], art[art["period"] != groups.NO_DATE]),
    ):
        human = people[people["kind"].isin(HUMAN_KINDS)]
        counts = human.groupby(by).agg(n_people=("name", "size"), n_anonymous=("anonymous", "sum"))
        counts = counts.join(
            people.groupby(by).agg(n_role=("role", "sum"), n_collective=("collective", "sum")),
            how="outer",
        )
        per = arts.groupby(by).agg(
            n_articles=("unnamed", "size"), n_articles_unnamed=("unnamed", "sum")
        )
        table = per.join(counts, how="left").fillna(0).reset_index()
        if "period" not in table:
            table["period"] = "all"
        tables.append(table)
    timed = tables[1]
    if len(timed):  # every period, an empty one as zero counts (its share NaN: a gap)
        timed = timed.assign(
            group=timed["group"].astype("str"), period=timed["period"].astype("str")
        )
        tables[1] = groups.complete_periods(timed, period, by="group", fill=0)
    out = pd.concat(tables, ignore_index=True)
    columns = [
        "group",
        "period",
        "n_articles",
        "n_articles_unnamed",
        "share",
        "n_people",
        "n_anonymous",
        "n_role",
        "n_collective",
        "period_note",
    ]
    if out.empty:
        return pd.DataFrame(columns=columns)
    labelled = articles[articles["article_id"].astype("str").isin(folded.index)]
    coverage = (
        groups.period_coverage(labelled["published"], period) if "published" in labelled else None
    )
    notes = pd.Series("", index=pd.Index([], dtype="str"), dtype="str")
    if coverage is not None and len(coverage):
        notes = coverage.set_index("period")["note"].astype("str")
    out["period_note"] = (
        out["period"]
        .astype("str")
        .map(notes)
        .astype("str")
        .where(out["period"].astype("str").isin(notes.index), "")
    )
    counted = ("n_articles", "n_articles_unnamed", "n_people", "n_anonymous")
    for col in (*counted, "n_role", "n_collective"):
        out[col] = out[col].fillna(0).astype("int64")
    out["share"] = (
        out["n_articles_unnamed"] / out["n_articles"].where(out["n_articles"] > 0)
    ).round(4)
    out["group"] = pd.Categorical(out["group"].astype("str"), categories=order, ordered=True)
    out["all"] = out["period"].eq("all")
    out = out.sort_values(["all", "group", "period"], ascending=[False, True, True])
    out = out[columns].reset_index(drop=True)
    out.attrs["grouping"] = groups.grouping(labels)
    return out


def cited_by_group(
    sources: pd.DataFrame,
    labels: pd.Series,
    top_n: int = 20,
    top_groups: int = 8,
    kinds: tuple = ("outlet", "organization"),
) -> pd.DataFrame:
    """Which outlets and organisations each group cites: the `top_n` most cited overall.

    Inputs: the `sources` table, group labels, how many names and groups to keep, the source
    kinds to count. Output: one row per name and group with name (canonical), kind, group,
    n_articles (articles of the group citing it: quoting, attributing to or naming it),
    group_articles (articles in the group: its n), share (n_articles ÷ group_articles) and
    variants (the spellings merged under the name). Names are ordered by the number of
    articles citing them in the whole corpus; `group` is an ordered Categorical. Descriptions
    no article resolved to a name ("the company") are left out. `attrs["grouping"]` says
    what the groups are (`groups.grouping`).
    """
    folded = _fold(labels, top_groups)
    order = group_order(labels, top_groups)
    cited = sources[sources["kind"].astype("str").isin(kinds)]
    cited = cited.assign(
        surface=cited["name"].astype("str"),
        name=canonical_names(cited, "name", "kind"),
        group=_labels_for(cited, folded),
        kind=cited["kind"].astype("str"),
    )
    cited = cited[~cited["name"].astype("str").str.match(r"(?:the|its|their) ")]
    cited = cited[cited["group"].notna()]
    totals = cited.groupby(["name", "kind"])["article_id"].nunique().reset_index(name="n")
    totals = totals.sort_values(["n", "name"], ascending=[False, True]).head(top_n)
    columns = ["name", "kind", "group", "n_articles", "group_articles", "share", "variants"]
    if totals.empty:
        return pd.DataFrame(columns=columns)
    keep = cited.merge(totals[["name", "kind"]], on=["name", "kind"])
    counts = keep.groupby(["name", "kind", "group"])["article_id"].nunique()
    size = folded.value_counts()
    grid = pd.MultiIndex.from_product(
        [list(zip(totals["name"], totals["kind"], strict=True)), order]
    )
    rows = [(name, kind, g) for (name, kind), g in grid]
    out = pd.DataFrame(rows, columns=["name", "kind", "group"])
    out["n_articles"] = [int(counts.get((n, k, g), 0)) for n, k, g in rows]
    out["group_articles"] = out["group"].map(size).fillna(0).astype("int64")
    out["share"] = (
        out["n_articles"] / out["group_articles"].where(out["group_articles"] > 0)
    ).round(4)
    out["variants"] = out["name"].map(variants_of(cited, "surface", "name")).fillna("")
    out["group"] = pd.Categorical(out["group"], categories=order, ordered=True)
    out = out[columns].reset_index(drop=True)
    out.attrs["grouping"] = groups.grouping(labels)
    return out


def top_articles(quotes: pd.DataFrame, n: int = 3) -> list[str]:
    """The `n` articles with the most direct and partial quotes (ties: article id order)."""
    q = quotes[quotes["kind"].isin(["direct", "partial"])]
    counts = q.groupby("article_id").size().reset_index(name="n")
    counts = counts.sort_values(["n", "article_id"], ascending=[False, True])
    return counts["article_id"].astype("str").head(n).tolist()
