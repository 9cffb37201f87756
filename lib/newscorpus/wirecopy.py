"""Wire copy: how much of each group's coverage credits a wire service (Reuters, AFP, AP),
whether or not the wire's own story is in the corpus (`wire_credits`, `plot_wire_credits`;
notebook 00-corpus). The credit of one text is `corpus.duplicates.wire_credit`'s."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from newscorpus import groups as grouping
from newscorpus.corpus.wire_credits import agency_of, set_aside_credit
from newscorpus.overview import _copies, _group_order
from newscorpus.plots import bounded_size, n_label, no_data

OWN_STORY = "agency's own story"  # an agency's article crediting itself: not wire copy
NO_CREDIT = "no wire credit"
_PHOTO_CREDIT = re.compile(r"\([^()\n]*(?:[Pp]hoto|PHOTO|/)[^()\n]*\)")  # (Reuters photo: X)


def _body_texts(articles: pd.DataFrame, paragraphs: pd.DataFrame | None) -> pd.Series:
    """Each article's body paragraphs and contributor lines joined, with the lines set aside
    that are a credit's own form (a sign-off or source line, a wire's copyright notice:
    `corpus.wire_credits.set_aside_credit`); titles, captions, photo credits and other
    boilerplate left out, photo credits in brackets removed. The whole text when no paragraphs
    table is given. Output: a str Series aligned with `articles`."""
    text = articles["text"].astype("str")
    if paragraphs is not None and len(paragraphs):
        kind = paragraphs["kind"].astype("str")
        reason = paragraphs["reason"].astype("str") if "reason" in paragraphs else kind
        # the body, the contributor lines set aside ("The Associated Press contributed to
        # this report", "Contributing: Associated Press"), and other lines set aside that are a
        # credit's own form: a sign-off or source line ("Reuter", "— AP") or the agency's
        # copyright notice, never a photo credit
        read = kind.isin(["body", "dateline"]) | reason.str.contains("contributor")
        aside = (kind == "boilerplate") & ~reason.str.contains("photo|caption") & ~read
        body = paragraphs[read | aside]
        full = dict(zip(articles["article_id"].astype("str"), text, strict=True))
        pieces = [
            full.get(a, "")[b:e]
            for a, b, e in zip(
                body["article_id"].astype("str"), body["start"], body["end"], strict=True
            )
        ]
        keep = [r or set_aside_credit(t) for r, t in zip(read[read | aside], pieces, strict=True)]
        body = body[keep]
        pieces = [t for t, k in zip(pieces, keep, strict=True) if k]
        joined = (
            pd.Series(pieces, index=body["article_id"].astype("str"))
            .groupby(level=0)
            .agg("\n".join)
        )
        text = articles["article_id"].astype("str").map(joined).fillna("")
    return text.str.replace(_PHOTO_CREDIT, " ", regex=True)


def article_credits(data) -> pd.Series:
    """The wire credit of every article of an analysis (`Analysis`), read part by part: a
    Series indexed by article_id, the credit ("Reuters", "AFP", "AP") or missing. The same
    credit `wire_credits` reads from whole tables, with one partition's text held at a time.
    """
    from newscorpus.corpus.duplicates import wire_credit

    found = []
    columns = ["article_id", "kind", "reason", "start", "end"]
    for arts, paras in zip(
        data.parts("articles", columns=["article_id", "text"]),
        data.parts("paragraphs", columns=columns),
        strict=True,
    ):
        credit = wire_credit(_body_texts(arts, paras))
        found.append(pd.Series(credit.to_numpy(), index=arts["article_id"].astype("str")))
    if not found:
        return pd.Series([], dtype="str", name="credit")
    return pd.concat(found).rename("credit")


def wire_credits(
    articles: pd.DataFrame,
    groups: pd.Series,
    top_n: int = grouping.TOP_N,
    paragraphs: pd.DataFrame | None = None,
    credits: pd.Series | None = None,
) -> pd.DataFrame:
    """The wire service each group's articles credit: how much of the coverage is wire copy,
    whether or not the wire's own story is in the corpus.

    Input: `articles` (article_id, text, duplicate_of) and labels from `groups.assign(...,
    duplicates=True)`, pooled beyond `top_n` groups. An article's credit is the first wire
    (Reuters, AFP, AP) its text credits in a credit's own form (`corpus.duplicates.wire_credit`:
    a dateline "LONDON (Reuters) -", a contributor line "The Associated Press contributed to
    this report", a byline or source line, a sign-off, the wire's copyright notice), never a
    name it cites or reports on ("told Reuters", "AP phone records", "a Reuters/Ipsos poll"),
    else "no wire credit"; an agency's article crediting that agency ("(Reuters) -" on a
    Reuters article, outlet per `corpus.wire_credits.agency_of`) is its own reporting, not wire
    copy: credit "agency's own story" (`OWN_STORY`, needs the `outlet` column); read in the
    body only when the `paragraphs` table is given (a caption's "(Reuters photo: …)" or
    "Name/Reuters" is a picture's credit, never the story's). With `credits` (from
    `article_credits`, read part by part) `articles` needs no text. Output columns:
    group, credit, n_articles (the group's articles with that credit),
    n_copies (of those, copies of an earlier article of the corpus), n_group (the group's
    articles), share (n_articles / n_group, 0-1); groups in label order, credits most first.
    """
    from newscorpus.corpus.duplicates import wire_credit

    columns = ["group", "credit", "n_articles", "n_copies", "n_group", "share"]
    if (credits is None and "text" not in articles.columns) or not len(articles):
        return pd.DataFrame({c: [] for c in columns})
    folded = grouping.top_n(groups, top_n)
    ids = articles["article_id"].astype("str")
    if credits is None:
        found = wire_credit(_body_texts(articles, paragraphs))
    else:
        found = ids.map(credits)
    found = pd.Series(found.to_numpy(), dtype="object")
    if "outlet" in articles.columns:  # Reuters crediting Reuters: its own reporting
        own = [
            agency_of(o) is not None and agency_of(o) == c
            for o, c in zip(articles["outlet"], found, strict=True)
        ]
        found[own] = OWN_STORY
    table = pd.DataFrame(
        {
            "group": ids.map(folded.astype("str")).to_numpy(),
            "credit": found.fillna(NO_CREDIT).to_numpy(),
            "copy": _copies(articles),
        }
    ).dropna(subset=["group"])
    if table.empty:
        return pd.DataFrame({c: [] for c in columns})
    out = table.groupby(["group", "credit"], sort=False).agg(
        n_articles=("copy", "size"), n_copies=("copy", "sum")
    )
    out = out.reset_index()
    out["n_group"] = out.groupby("group")["n_articles"].transform("sum")
    out["share"] = (out["n_articles"] / out["n_group"]).round(4)
    order = {g: i for i, g in enumerate(_group_order(folded, set(out["group"])))}
    out = out.assign(_o=out["group"].map(order)).sort_values(
        ["_o", "n_articles", "credit"], ascending=[True, False, True], kind="stable"
    )
    types = {"n_articles": "int64", "n_copies": "int64", "n_group": "int64"}
    return out.reset_index(drop=True)[columns].astype(types)


def plot_wire_credits(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """The share of each group's articles that credit a wire service (from `wire_credits`),
    stacked by service; the label gives the articles crediting one of n and how many of them
    copy an article of the corpus. Groups crediting none are counted in the title, and so are
    the agencies' own stories (credit `OWN_STORY`), which are not wire copy and not drawn.
    Output: (figure, the table as given)."""
    if table.empty:
        fig, ax = plt.subplots(figsize=(7, 1.6))
        no_data(ax, "no articles")
        ax.set_yticks([])
        return fig, table
    wired = table[~table["credit"].isin([NO_CREDIT, OWN_STORY])]
    groups_ = list(dict.fromkeys(wired["group"]))
    n_all = int(table.drop_duplicates("group")["n_group"].sum())
    n_own = int(table.loc[table["credit"] == OWN_STORY, "n_articles"].sum())
    none_ = table["group"].nunique() - len(groups_)
    fig, ax = plt.subplots(figsize=bounded_size(9, 0.42 * max(len(groups_), 1) + 2.1))
    title = (
        f"Wire copy: {int(wired['n_articles'].sum()):,} of {n_all:,} articles credit a wire service"
    )
    if none_:
        title += f" ({none_} group{'s' if none_ != 1 else ''} crediting none not drawn)"
    if n_own:  # an agency's own stories are its reporting, not copy: counted apart
        title += (
            f"\n{n_own:,} article{'s' if n_own != 1 else ''} by the agencies themselves "
            "(their own stories) are not counted as wire copy"
        )
    ax.set_title(title, loc="left", fontweight="bold", fontsize=10)
    if wired.empty:
        no_data(ax, "no article credits Reuters, AFP or AP")
        ax.set_yticks([])
        return fig, table
    grid = wired.pivot_table(index="group", columns="credit", values="share", aggfunc="sum")
    credits = [c for c in ("Reuters", "AFP", "AP") if c in grid.columns]
    grid = grid.reindex(index=groups_, columns=credits).fillna(0) * 100
    colours = {"Reuters": "#e07b00", "AFP": "#1f4e79", "AP": "#c0392b"}
    left = np.zeros(len(grid))
    for c in credits:
        ax.barh(np.arange(len(grid)), grid[c], left=left, color=colours[c], label=c)
        left += grid[c].to_numpy()
    per = wired.groupby("group")[["n_articles", "n_copies"]].sum().reindex(groups_)
    sizes = table.drop_duplicates("group").set_index("group")["n_group"]
    for y, g in enumerate(groups_):
        k, c = int(per.loc[g, "n_articles"]), int(per.loc[g, "n_copies"])
        note = f"{k:,} of {int(sizes[g]):,}" + (f" ({c:,} copies in the corpus)" if c else "")
        ax.annotate(
            note, (left[y], y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
        )
    ax.set_yticks(np.arange(len(grid)), [n_label(g, int(sizes[g])) for g in groups_])
    ax.invert_yaxis()
    ax.set_xlim(0, min(100, max(left.max() * 1.45, 5)))
    ax.set_xlabel("% of the group's articles crediting a wire service (Reuters, AFP, AP)")
    ax.legend(loc="upper right", fontsize=8, frameon=True, framealpha=0.9)
    fig.tight_layout()
    return fig, table
