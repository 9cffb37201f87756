"""House-style words (honorifics, clock times, middle initials, dateline months and wire units),
full names counted once (`fold_names`: "donald" beside "trump") and a group's own name
(`own_name_mask`): the per-term rules that both keyness (`terms.aggregate`) and term
selection (`terms.selection`) apply to counts tables.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.shared import shared

# House style wherever used, however (un)common and capitalised: dateline months and weekdays,
# wire units, and the agencies' names of sign-offs and datelines ("WASHINGTON (AP) —"; the
# sign-off itself is furniture, `newscorpus.furniture`).
# An outlet's honorifics (the New York Times's "Mr." / "Mrs." / "Ms.") and live-blog clock
# times ("3:15 p.m. EDT") are its style, not its coverage: house style wherever used, alone
# or inside a longer term ("mr trump"), in the top terms, the traced terms and keyness.
# (the abbreviated titles of AP style, "Sen." / "Rep." / "Gov.", are a stylebook's too)
HONORIFIC_WORDS = frozenset("mr mrs ms messrs mme mlle sen rep gov".split())
CLOCK_WORDS = frozenset("a.m. p.m. edt est pdt pst cdt cst mdt mst gmt utc".split())
# the attribution verbs alone: "said" (wire, past) against "says" (features, present) is a
# stylebook's tense of attribution, not coverage (AP: "said"; NPR and magazines: "says")
ATTRIBUTION_WORDS = frozenset("said says say adds added told tells according".split())
ALWAYS_HOUSE_STYLE = (
    frozenset(
        """january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
        thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat mln bln dlrs
        dlr pct cts reuters reuter ap upi afp""".split()
    )
    | HONORIFIC_WORDS
    | CLOCK_WORDS
    | ATTRIBUTION_WORDS
)
STYLE_RULE = (
    "honorifics (mr, mrs, ms), clock times (a.m., p.m., EDT) and a name's middle initial "
    "(donald j) are house style, alone or inside a longer term"
)


def style_terms(terms, ngrams=None, listed: bool = True) -> np.ndarray:
    """Which counted terms are house style by their words, whatever their spread.

    Input: terms (lowercase, words joined by spaces) and, optionally, their ngram (units per
    term). Output: a bool array, True for a term that holds an honorific (`HONORIFIC_WORDS`:
    mr, mrs, ms) or a clock-time word (`CLOCK_WORDS`: a.m., p.m., EDT), or a single letter
    (a middle initial: "donald j", "w bush"; a letter alone), and, with `listed`, for a
    one-unit term in `ALWAYS_HOUSE_STYLE` (months, weekdays, wire units, the attribution
    verbs alone: said, says, adds). Method: the style words of US news
    (AP and New York Times stylebooks: courtesy titles, times of day, middle initials).
    """
    terms = pd.Series(np.asarray(terms, dtype=object), dtype=object).astype("str")
    if not len(terms):
        return np.zeros(0, dtype=bool)
    words = frozenset(HONORIFIC_WORDS | CLOCK_WORDS)
    codes, uniques = pd.factorize(terms)
    flag = np.array(
        [any(w in words or (len(w) == 1 and w.isalpha()) for w in u.split(" ")) for u in uniques],
        dtype=bool,
    )
    out = flag[codes] if len(uniques) else np.zeros(len(terms), dtype=bool)
    if not listed:
        return out
    one = np.ones(len(terms), dtype=bool) if ngrams is None else np.asarray(ngrams) == 1
    return out | (one & terms.isin(list(ALWAYS_HOUSE_STYLE)).to_numpy())


FOLD_SHARE = 0.75  # a first name is folded into the full name it opens this often


def name_folds(table: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """Words of the corpus's full names that the one-unit views would count twice.

    Input: a `group_counts` table (1- and 2-grams; other n-grams ignored). A word `w` is a
    name's first word when, over the corpus, at least FOLD_SHARE of its uses open one bigram
    "w x" (with a middle initial "w j" counted as part of the name: "Donald J. Trump") and `x`
    is counted at least as often as `w` ("donald" → "donald trump": Trump is named more often
    than Donald). Output: (`first`, `whole`): `first` {w: "w x"}, words left out of the
    one-unit views because the name's last word counts them; `whole` {x: "w x"}, last words
    that are themselves at least FOLD_SHARE inside the name ("angeles" → "los angeles"), whose
    one-unit row is shown as the full name. So a full name is counted once, as the name.
    Method: the bigram's share of its first word's uses, as collocation-based name finding
    (`find_phrases`) reads adjacency.
    """
    if table.empty or "ngram" not in table:
        return {}, {}
    terms = table["term"].astype("str")
    count = table["count"].to_numpy(dtype=np.int64)
    ngram = table["ngram"].to_numpy()
    one = pd.Series(count[ngram == 1]).groupby(terms[ngram == 1].to_numpy()).sum()
    two = pd.Series(count[ngram == 2]).groupby(terms[ngram == 2].to_numpy()).sum()
    if one.empty or two.empty:
        return {}, {}
    parts = two.index.to_series().str.split(" ", n=1, expand=True)
    if parts.shape[1] < 2:
        return {}, {}
    frame = pd.DataFrame(
        {"w": parts[0].to_numpy(), "x": parts[1].to_numpy(), "n": two.to_numpy()},
        index=two.index,
    ).dropna()
    alpha = frame["w"].str.fullmatch(r"[^\W\d_][\w'’-]+") & frame["x"].str.fullmatch(
        r"[^\W\d_][\w'’-]*"
    )
    frame = frame[alpha.fillna(False).astype(bool)]
    initial = frame["x"].str.len() == 1
    init_n = frame[initial].groupby("w")["n"].sum()
    full = frame[~initial & frame["w"].isin(one.index) & frame["x"].isin(one.index)]
    full = full.sort_values(["n", "w", "x"], ascending=[False, True, True])
    full = full.drop_duplicates("w")
    n_w = one.reindex(full["w"]).to_numpy(dtype=float)
    n_x = one.reindex(full["x"]).to_numpy(dtype=float)
    share = (full["n"].to_numpy() + init_n.reindex(full["w"]).fillna(0).to_numpy()) / n_w
    chosen = full[(share >= FOLD_SHARE) & (n_x >= n_w)]
    first = {w: f"{w} {x}" for w, x in zip(chosen["w"], chosen["x"], strict=True)}
    n_x = one.reindex(chosen["x"]).to_numpy(dtype=float)
    inside = chosen[chosen["n"].to_numpy() >= FOLD_SHARE * n_x]
    whole = {x: f"{w} {x}" for w, x in zip(inside["w"], inside["x"], strict=True)}
    whole = {x: name for x, name in whole.items() if x not in first}
    return first, whole


def fold_names(table: pd.DataFrame) -> pd.DataFrame:
    """A `group_counts` table with each full name counted once in its one-unit rows
    (`name_folds`): a name's first word left out ("donald" beside "trump"), a last word used
    almost only inside the name shown as the name ("los angeles"). Other n-grams are kept.
    The folds are in `.attrs["folded_names"]` ({word: full name}); other attrs are kept."""
    first, whole = name_folds(table)
    if not first and not whole:
        out = table.copy()
        out.attrs = {**table.attrs, "folded_names": {}}
        return out
    terms = table["term"].astype("str")
    is_one = table["ngram"].to_numpy() == 1
    drop = is_one & terms.isin(list(first)).to_numpy()
    out = table[~drop].copy()
    rename = is_one[~drop] & out["term"].astype("str").isin(list(whole)).to_numpy()
    if rename.any():
        new = out["term"].astype("str").to_numpy(dtype=object)
        new[rename] = [whole[t] for t in new[rename]]
        out["term"] = pd.array(new, dtype="str")
    out = out.reset_index(drop=True)
    out.attrs = {**table.attrs, "folded_names": shared({**first, **whole})}
    return out


COMMON_NAME_RATIO = 4  # a one-word name used under 4x as often elsewhere is a common word


def own_name_mask(terms, counts, forms, rest=None, words=(1, 1)) -> np.ndarray:
    """Which of one group's terms are its own name: input the group's terms (str), their
    counts in the group and the name forms (`terms.own_outlet_names`); optionally `rest`,
    the same terms' counts in the rest of the corpus, and `words`, the body words of the
    group and of the rest. Output: a boolean mask.
    A form marked "=" (a short form: "=times") is the name as the term alone only. A term is
    the name when it holds a form as whole words ("told politico"); a word of a
    form of several words ("usa", "huffington") when at least half of the group's uses of it
    are inside the form (so "today" goes with "usa today", "washington" stays with
    "washington post"). A one-word name that is also a common word (with `rest`: the group
    uses it less than COMMON_NAME_RATIO times as often as the rest, as Reason "reason" or
    The Hill "hill") is left out alone, never inside a phrase ("good reason", "capitol
    hill" stay)."""
    terms = pd.Series(np.asarray(terms, dtype=object), dtype="str")
    counts = np.asarray(counts, dtype=float)
    forms = sorted({" ".join(str(f).lower().split()) for f in forms} - {"", "="}, key=len)
    alone = {f[1:] for f in forms if f.startswith("=")}  # a short form: the term alone only
    forms = [f for f in forms if not f.startswith("=")]
    if not (forms or alone) or not len(terms):
        return np.zeros(len(terms), dtype=bool)
    text = terms.to_numpy(dtype=object)
    common = set(alone)
    if rest is not None:
        rest = np.asarray(rest, dtype=float)
        c, d = (max(float(w), 1.0) for w in words)
        for form in forms:
            hit = text == form
            if " " not in form and hit.any():
                if counts[hit].sum() / c < COMMON_NAME_RATIO * rest[hit].sum() / d:
                    common.add(form)
    inside = [f for f in forms if f not in common]
    mask = np.isin(text, list(common))
    if inside:
        pattern = r"(?:^| )(?:" + "|".join(re.escape(f) for f in inside[::-1]) + r")(?: |$)"
        mask |= np.array(terms.str.contains(pattern, regex=True).fillna(False), dtype=bool)
    for form in forms:
        parts = form.split(" ")
        if len(parts) < 2:
            continue
        within = counts[text == form].sum()
        for w in parts:
            hit = text == w
            if hit.any() and 0 < counts[hit].sum() <= 2 * within:
                mask |= hit
    return mask
