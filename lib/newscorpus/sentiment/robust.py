"""Tone that measures tone: which words carry each group's difference, and does the ranking hold
without them?

A word list scores vocabulary. In news, designations and event words ("terrorist", "killed",
"attack", and in politics "party", "win") carry most of VADER's valence, so a ranking of
outlets by mean compound can say more about what they cover than about how they write. This
module checks the ranking:

- `group_word_contributions`: per group and lexicon word, the valence the group's sentences
  give the word (after VADER's rules) against what the corpus rate predicts for a group of
  that many words; the words with the largest excess carry the group's difference;
- `rescore`: a `sentiment` table recomputed with chosen words neutral, rescoring only the
  sentences that contain one of them (every other score is unchanged by construction);
- `group_tone_check`: each group's mean compound with its 95 % interval and n, the words that
  carry its difference, and the same mean and rank recomputed without those words and without
  the designation and event words of `news_words()` (the robustness check);
- `lexicon_comparison`: plain VADER against the news-adjusted lexicon (designation and event
  words neutral) on the same groups, side by side, with the share of sentences that name
  violence as a separate measure;
- `robustness_note`: one sentence saying whether the order of groups changes, and how.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newscorpus import groups as grouping
from newscorpus.corpus import Corpus
from newscorpus.sentiment import rules33 as _rules33
from newscorpus.sentiment import sentence_texts
from newscorpus.sentiment.compare import folded_group_tone, pooled_tone, typed_columns
from newscorpus.sentiment.lexicon import extra_valences, lexicon_dict, news_words
from newscorpus.sentiment.tone import THRESHOLD, Lexicon
from newscorpus.sentiment.vader import (
    DEFAULT_RULES,
    check_rules,
    lexicon_hits,
    score_texts,
    vader_words,
)
from newscorpus.shared import shared

MAX_SENTENCES = 100_000  # sentences read for the word contributions (evenly spaced above this)
SCORE_COLUMNS = ["neg", "neu", "pos", "compound", "n_positive", "n_negative"]


# --------------------------------------------------------------------------- rescoring


def _word_pattern(words: list[str], rules: str) -> str:
    """A regex (RE2 and Python) matching every text in which VADER can see one of `words`.

    A word counts when it stands between characters that are not ASCII letters or digits (a
    VADER token is the word with punctuation stripped around it), in any case; under
    vader-3.3, an emoji whose description contains the word counts too.
    """
    parts = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    pattern = r"(?i)(?:^|[^a-z0-9])(?:" + "|".join(parts) + r")(?:[^a-z0-9]|$)"
    if rules != "nltk":
        wanted = set(words)
        emoji = [
            ch
            for ch, description in _rules33.emoji_descriptions().items()
            if wanted & {w.strip(".,:;!?'\"()").lower() for w in description.split()}
        ]
        if emoji:
            pattern += "|[" + "".join(re.escape(ch) for ch in sorted(emoji)) + "]"
    return pattern


def containing(texts: pd.Series, words: list[str], rules: str = DEFAULT_RULES) -> np.ndarray:
    """Per text: may VADER see one of `words` in it? (a boolean array, one vectorised pass)

    A superset of the texts whose VADER tokens include one of the words (case-insensitive,
    the word between non-alphanumeric characters; emoji described by the word under
    vader-3.3), so rescoring only these gives exactly the scores of rescoring every text.
    """
    words = sorted({str(w).lower() for w in words if str(w).strip()})
    if not words or texts.empty:
        return np.zeros(len(texts), dtype=bool)
    pattern = _word_pattern(words, check_rules(rules))
    try:
        found = pc.match_substring_regex(pa.array(texts.astype("str").array), pattern)
        return pc.fill_null(found, False).to_numpy(zero_copy_only=False).astype(bool)
    except (pa.ArrowException, ValueError, TypeError):
        compiled = re.compile(pattern)
        return np.array([bool(compiled.search(str(t))) for t in texts], dtype=bool)


def sentences_naming(sentences, words: list[str], rules: str = DEFAULT_RULES) -> pd.DataFrame:
    """The sentences that may name one of `words` (`containing`, a superset of VADER's
    tokens), in table order: article_id, sentence_id, start, end, text. `sentences`: the
    table, a Corpus, or an analysed corpus read part by part (`sentence_texts.parts`)."""
    found = [p[containing(p["text"], words, rules)] for p in sentence_texts.parts(sentences)]
    found = [f for f in found if len(f)]
    if not found:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in sentence_texts.COLUMNS})
    return pd.concat(found, ignore_index=True)


def rescore(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame | Corpus,
    words: list[str],
    lexicon: Lexicon = None,
    rules: str = DEFAULT_RULES,
) -> pd.DataFrame:
    """The `sentiment` table recomputed with `words` scored 0 (neutral).

    Inputs: a `sentiment` table scored with `lexicon` and `rules`, the `sentences` table it was
    scored from (a Corpus, or an analysed corpus read part by part), the words to neutralise (any case). Only the sentences that
    contain one of the words (`containing`) are rescored; the rest keep their rows, which are
    exactly what a full rescoring gives them. Output: a copy of `sentiment` with neg, neu, pos,
    compound, n_positive and n_negative updated. The same numbers as
    `score_sentences(corpus, lexicon=<lexicon with words set to 0>, rules=rules)`. Raises
    ValueError for an unknown rule set or a bad lexicon.
    """
    check_rules(rules)
    out = sentiment.copy()
    words = sorted({str(w).lower() for w in words if str(w).strip()})
    if not words or out.empty:
        return out
    chosen = sentences_naming(sentences, words, rules)[["article_id", "sentence_id", "text"]]
    if chosen.empty:
        return out
    extra = extra_valences(lexicon) | dict.fromkeys(words, 0.0)
    scores = score_texts(chosen["text"].tolist(), lexicon=extra, rules=rules)
    keys = pd.MultiIndex.from_arrays(
        [chosen["article_id"].astype("str").to_numpy(), chosen["sentence_id"].to_numpy()]
    )
    where = pd.MultiIndex.from_arrays(
        [out["article_id"].astype("str").to_numpy(), out["sentence_id"].to_numpy()]
    ).get_indexer(keys)
    found = where >= 0
    for column in SCORE_COLUMNS:
        if column in out.columns:
            values = out[column].to_numpy(copy=True)
            values[where[found]] = scores[column].to_numpy()[found].astype(values.dtype)
            out[column] = values
    return out


def target_words(targets: dict[str, list[str]], lexicon: Lexicon = None) -> list[str]:
    """The lexicon words inside target names: "united" in "United States", "justice" in
    "Department of Justice", "trump" if the lexicon had it.

    Input: {target: [aliases]} and the lexicon the tone was scored with. Output: the words
    (lower case, sorted) of any alias, split at spaces and hyphens and stripped of
    punctuation, that have a valence in the lexicon. Rescoring with them neutral (`rescore`)
    keeps a target's own name from colouring the tone of the sentences that name it.
    """
    lex = lexicon_dict(lexicon)
    found = set()
    for aliases in (targets or {}).values():
        for alias in aliases:
            for word in re.split(r"[\s\-‐–—/]+", str(alias)):
                word = word.strip(".,;:!?'\"()[]{}’‘“”").lower()
                if word and lex.get(word):
                    found.add(word)
    return sorted(found)


# --------------------------------------------------------------------------- word contributions


def group_word_contributions(
    sentences: pd.DataFrame | Corpus,
    labels: pd.Series,
    lexicon: Lexicon = None,
    rules: str = DEFAULT_RULES,
    top_n: int = grouping.TOP_N,
    max_sentences: int = MAX_SENTENCES,
) -> pd.DataFrame:
    """Per group and lexicon word: the valence the group gives the word against the corpus rate.

    Inputs: the `sentences` table (a Corpus, or an analysed corpus read part by part:
    `sentence_texts`), group labels (`groups.assign`), the lexicon
    and rule set the tone was scored with, the number of groups kept (the rest pooled as
    "other"). Articles without a label (duplicates left out by `groups.assign`) are not read.
    With more than `max_sentences` sentences an evenly spaced sample is read (every k-th).

    Output, one row per group and word with a non-zero valence after VADER's rules: group,
    word, n (occurrences), valence (their summed valence in the group), expected (the word's
    corpus total × the group's share of the corpus's VADER words), excess (valence −
    expected: what the word adds to the group beyond the corpus rate), excess_per_1k (excess
    per 1,000 of the group's words), n_words (the group's VADER words read), sampled (share of
    sentences read). Sorted by group (labels' order), then excess. Raises ValueError for an
    unknown rule set or a bad lexicon.
    """
    columns = ["group", "word", "n", "valence", "expected", "excess", "excess_per_1k"]
    columns += ["n_words", "sampled"]
    check_rules(rules)
    folded = grouping.top_n(labels, top_n)
    return _contributions(sentences, folded, lexicon, rules, max_sentences)[columns]


def _contributions(
    sentences,
    folded: pd.Series,
    lexicon: Lexicon,
    rules: str,
    max_sentences: int,
) -> pd.DataFrame:
    mapping = folded.astype("str")

    def known(part: pd.DataFrame) -> pd.Series:
        return part["article_id"].astype("str").map(mapping).notna()

    total = sentence_texts.count(sentences, known)
    step = max(1, math.ceil(total / max_sentences)) if max_sentences > 0 else 1
    sample = sentence_texts.every_kth(sentences, step, known)
    sample_groups = sample["article_id"].astype("str").map(mapping).tolist()
    sample_texts = sample["text"].tolist()
    lex = lexicon_dict(lexicon)
    find = lexicon_hits if rules == "nltk" else _rules33.hits
    cache: dict[str, tuple[int, list[tuple[str, float]]]] = {}
    sums: dict[tuple[str, str], float] = {}
    counts: dict[tuple[str, str], int] = {}
    words_in: dict[str, int] = {}
    for group, text in zip(sample_groups, sample_texts, strict=True):
        found = cache.get(text)
        if found is None:
            words = vader_words(text, rules)
            lowers = [w.lower() for w in words]
            hits = [(lowers[j], v) for j, v in find(words, lowers, lex) if v]
            found = cache[text] = (len(words), hits)
        words_in[group] = words_in.get(group, 0) + found[0]
        for word, valence in found[1]:
            key = (group, word)
            sums[key] = sums.get(key, 0.0) + valence
            counts[key] = counts.get(key, 0) + 1
    out = pd.DataFrame(
        {
            "group": [k[0] for k in sums],
            "word": [k[1] for k in sums],
            "n": [counts[k] for k in sums],
            "valence": list(sums.values()),
        }
    )
    sampled = round(len(sample_texts) / total, 4) if total else 1.0
    if out.empty:
        empty = pd.DataFrame(
            columns=["group", "word", "n", "valence", "expected", "excess", "excess_per_1k"]
            + ["n_words", "sampled"]
        )
        return typed_columns(empty, {"n", "n_words"})
    all_words = sum(words_in.values())
    corpus_valence = out.groupby("word")["valence"].sum()
    out["n_words"] = out["group"].map(words_in).astype("int64")
    out["expected"] = out["word"].map(corpus_valence) * out["n_words"] / max(all_words, 1)
    out["excess"] = out["valence"] - out["expected"]
    out["excess_per_1k"] = 1000 * out["excess"] / out["n_words"].where(out["n_words"] > 0)
    out["sampled"] = sampled
    rank = {g: k for k, g in enumerate(_names(folded))}
    out = out.assign(_g=out["group"].map(rank), _e=-out["excess"].abs())
    out = out.sort_values(["_g", "_e", "word"]).drop(columns=["_g", "_e"])
    out = out[
        ["group", "word", "n", "valence", "expected", "excess", "excess_per_1k", "n_words"]
        + ["sampled"]
    ]
    return typed_columns(out.round(4).reset_index(drop=True), {"n", "n_words"})


def _names(folded: pd.Series) -> list[str]:
    if isinstance(folded.dtype, pd.CategoricalDtype):
        return [str(c) for c in folded.dtype.categories]
    return sorted(folded.dropna().astype("str").unique())


def _top_words(
    contributions: pd.DataFrame, tone: pd.DataFrame, corpus_mean: float, n_words: int
) -> dict[str, list[tuple[str, float]]]:
    """Per group: the `n_words` words whose excess points the way the group differs from the
    corpus (more negative than the corpus: the most negative excess), with excess per 1,000
    words."""
    out: dict[str, list[tuple[str, float]]] = {}
    for group, mean in zip(tone["group"], tone["mean_compound"], strict=True):
        rows = contributions[contributions["group"] == group]
        sign = -1.0 if mean < corpus_mean else 1.0
        rows = rows[sign * rows["excess"] > 0]
        rows = rows.assign(_s=-sign * rows["excess"]).sort_values(["_s", "word"]).head(n_words)
        out[group] = [
            (w, float(e)) for w, e in zip(rows["word"], rows["excess_per_1k"], strict=True)
        ]
    return out


def _words_text(words: list[tuple[str, float]]) -> str:
    return ", ".join(f"{w} {e:+.1f}" for w, e in words)


def word_counts(
    texts: pd.Series,
    words: list[str],
    rules: str = DEFAULT_RULES,
    max_sentences: int = MAX_SENTENCES,
) -> pd.Series:
    """How many of `texts` name each of `words` (case-insensitive, whole words).

    Input: sentence texts, a word list (e.g. `news_words()`). The texts that may contain a word
    are found in one vectorised pass (`containing`); only those are split into words, and
    above `max_sentences` of them an evenly spaced sample is read and the counts scaled back
    up (rounded). Output: a Series word → number of texts, words that occur only, most
    frequent first (ties by word); name "n_sentences". Used to name the listed words that
    actually occur in a corpus rather than examples from another one.
    """
    wanted = {str(w).lower() for w in words if str(w).strip()}
    empty = pd.Series(dtype="int64", name="n_sentences")
    if not wanted or texts.empty:
        return empty
    hit = texts[containing(texts, sorted(wanted), rules)]
    if hit.empty:
        return empty
    step = max(1, math.ceil(len(hit) / max_sentences)) if max_sentences > 0 else 1
    counts: dict[str, int] = {}
    for text in hit.iloc[::step].astype("str"):
        for word in set(re.findall(r"[a-z0-9']+", text.lower())) & wanted:
            counts[word] = counts.get(word, 0) + 1
    if not counts:
        return empty
    out = pd.Series(counts, name="n_sentences").mul(step).astype("int64")
    order = sorted(out.index, key=lambda w: (-out[w], w))
    return out.reindex(order)


def _listed_text(found: pd.Series, k: int = 4) -> str:
    """ "killed 12, war 9, attack 4" — the k most frequent listed words and their sentences."""
    return ", ".join(f"{w} {int(n):,}" for w, n in found.head(k).items())


def carrying_words(check: pd.DataFrame, k: int = 5) -> list[str]:
    """The words that carry most of the groups' differences from the corpus, across groups.

    Input: `group_tone_check`. Each group's listed words (`top_words`, "word excess") are
    summed by word over groups, as absolute excess valence weighted by the group's articles;
    output: the `k` words with the largest sum, largest first (ties by word); [] for one
    group. Computed from the corpus, so on business news it names "loss" or "profit", in
    conflict coverage "killed" or "attack".
    """
    weight: dict[str, float] = {}
    rows = check[check["group"].ne(grouping.POOLED)]
    for words, n in zip(rows["top_words"], rows["n_articles"], strict=True):
        for part in str(words).split(", "):
            word, _, value = part.rpartition(" ")
            if not word:
                continue
            try:
                weight[word] = weight.get(word, 0.0) + abs(float(value)) * int(n)
            except ValueError:
                continue
    return sorted(weight, key=lambda w: (-weight[w], w))[:k]


def _quoted(words: list[str]) -> str:
    words = [f"“{w}”" for w in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# --------------------------------------------------------------------------- the robustness check


def _ranks(means: pd.Series) -> pd.Series:
    """1 = the most negative mean (ties share the better rank); NA for a missing mean."""
    return means.rank(method="min", ascending=True).astype("Int64")


def group_tone_check(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame | Corpus,
    labels: pd.Series,
    lexicon: Lexicon = None,
    rules: str = DEFAULT_RULES,
    top_n: int = grouping.TOP_N,
    n_words: int = 3,
    categories: list[str] | None = None,
    threshold: float = THRESHOLD,
    max_sentences: int = MAX_SENTENCES,
) -> pd.DataFrame:
    """Each group's mean tone, the words that carry its difference, and the ranking without them.

    Inputs: the `sentiment` table (scored with `lexicon` and `rules`), the `sentences` table (a
    Corpus, or an analysed corpus read part by part), group labels (`groups.assign`), the number of groups kept (the rest pooled as
    "other"), `n_words` words shown per group, the `categories` of `news_words()` removed in
    the check (None: all).

    Method: `group_tone` gives each group's mean of its articles' mean compound with a 95 % t
    interval; `group_word_contributions` gives, per group, the words whose valence exceeds
    the corpus rate most in the direction the group differs from the whole corpus (top
    `n_words`). The check rescores every sentence with those words (of every group) and the
    designation and event words of `news_words(categories)` neutral (`rescore`), and ranks the
    groups again.

    Output, one row per group in order of `rank` (1 = most negative), then the pooled row
    (`groups.POOLED`, the whole corpus, never ranked; only with two groups or more): group,
    n_articles, n_sentences, mean_compound, ci_low, ci_high, rank, top_words ("word excess"
    with excess valence per 1,000 words against the corpus rate, e.g. "killed -2.1"),
    mean_robust, ci_low_robust, ci_high_robust, rank_robust, rank_change (rank_robust − rank;
    0 = same place), small_n (fewer than 5 articles). `table.attrs`: "removed" (every word
    scored neutral in the check), "listed" (the designation and event words of the list),
    "listed_found" (those that occur in the corpus: word → sentences, `word_counts`),
    "n_sentences", "carrying" (`carrying_words`: the words that carry most of the groups'
    differences, computed from this corpus). Raises ValueError for an unknown rule set,
    category or a bad lexicon.
    """
    check_rules(rules)
    folded = grouping.top_n(labels, top_n)
    tone = folded_group_tone(sentiment, folded, threshold)
    pooled = pooled_tone(sentiment, folded)
    corpus_mean = float(pooled["mean_compound"]) if pooled is not None else math.nan
    contributions = _contributions(sentences, folded, lexicon, rules, max_sentences)
    top = _top_words(contributions, tone, corpus_mean, n_words) if len(tone) > 1 else {}
    listed = news_words(categories)
    removed = sorted(set(listed) | {w for words in top.values() for w, _ in words})
    robust_scores = rescore(sentiment, sentences, removed, lexicon, rules)
    robust = folded_group_tone(robust_scores, folded, threshold).set_index("group")
    table = tone[["group", "n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high"]]
    table = table.copy()
    table["rank"] = _ranks(table["mean_compound"])
    table["top_words"] = table["group"].map(lambda g: _words_text(top.get(g, []))).astype("str")
    for column in ("mean_compound", "ci_low", "ci_high"):
        name = column.replace("_compound", "") + "_robust"
        table[name] = table["group"].map(robust[column]).astype("float64")
    table["rank_robust"] = _ranks(table["mean_robust"])
    table["rank_change"] = (table["rank_robust"] - table["rank"]).astype("Int64")
    table = table.sort_values(["rank", "group"], kind="stable")
    if pooled is not None and grouping.needs_pooled(folded.dropna()):
        robust_pooled = pooled_tone(robust_scores, folded)
        row = {
            "group": grouping.POOLED,
            "n_articles": int(pooled["n_articles"]),
            "n_sentences": int(pooled["n_sentences"]),
            "mean_compound": pooled["mean_compound"],
            "ci_low": pooled["ci_low"],
            "ci_high": pooled["ci_high"],
            "rank": pd.NA,
            "top_words": "",
            "mean_robust": robust_pooled["mean_compound"],
            "ci_low_robust": robust_pooled["ci_low"],
            "ci_high_robust": robust_pooled["ci_high"],
            "rank_robust": pd.NA,
            "rank_change": pd.NA,
        }
        table = pd.concat([table, pd.DataFrame([row])], ignore_index=True)
    table["small_n"] = table["n_articles"] < grouping_small_n()
    floats = ["mean_compound", "ci_low", "ci_high", "mean_robust", "ci_low_robust"]
    floats += ["ci_high_robust"]
    table = table.astype(
        dict.fromkeys(floats, "float64")
        | {"n_articles": "int64", "n_sentences": "int64", "group": "str", "top_words": "str"}
        | dict.fromkeys(["rank", "rank_robust", "rank_change"], "Int64")
    )
    table[floats] = table[floats].round(4)
    table = table.reset_index(drop=True)
    table.attrs["removed"] = shared(removed)
    table.attrs["listed"] = shared(listed)
    listed_texts = sentences_naming(sentences, listed, rules)["text"]
    table.attrs["listed_found"] = shared(word_counts(listed_texts, listed, rules, max_sentences))
    table.attrs["n_sentences"] = sentence_texts.count(sentences)
    table.attrs["carrying"] = shared(carrying_words(table))
    return table


def grouping_small_n() -> int:
    """Articles below which a group's point is drawn faded (plots.SMALL_N, 5)."""
    from newscorpus import plots

    return int(getattr(plots, "SMALL_N", 5))


def lexicon_comparison(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame | Corpus,
    labels: pd.Series,
    rules: str = DEFAULT_RULES,
    top_n: int = grouping.TOP_N,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Plain VADER against the news-adjusted lexicon, on the same groups, side by side.

    Inputs: the plain `sentiment` table (VADER's lexicon alone, `rules`), the `sentences`
    table (a Corpus, or an analysed corpus read part by part) and group labels. The news-adjusted scores are `rescore`d from it with
    every designation and event word of `news_words()` neutral (the same as
    `score_sentences(corpus, lexicon="news")`).

    Output, one row per group ordered by rank_vader, then the pooled row (`groups.POOLED`,
    not ranked; only with two groups or more): group, n_articles, n_sentences, mean_vader,
    ci_low_vader, ci_high_vader, rank_vader (1 = most negative), mean_news, ci_low_news,
    ci_high_news, rank_news, rank_change (rank_news − rank_vader), share_violence (share of
    the group's sentences naming a word of the "violence" category — killed, attack, bomb …;
    a designation such as "supporters" or "victims" is not counted — the separate violence
    measure), small_n (fewer than 5 articles). `table.attrs`: "listed_found"
    and "violence_found" (the listed words, and those of the violence measure, that occur in
    the groups' sentences: word → sentences, `word_counts`), "share_listed" (share of those
    sentences naming a listed word), "n_sentences" (sentences read).
    """
    check_rules(rules)
    folded = grouping.top_n(labels, top_n)
    news = rescore(sentiment, sentences, news_words(), None, rules)
    rows = []
    for name, scores in (("vader", sentiment), ("news", news)):
        tone = folded_group_tone(scores, folded, threshold)[
            ["group", "n_articles", "n_sentences", "mean_compound", "ci_low", "ci_high"]
        ]
        pooled = pooled_tone(scores, folded)
        if pooled is not None and grouping.needs_pooled(folded.dropna()):
            tone = pd.concat(
                [tone, pd.DataFrame([{"group": grouping.POOLED, **pooled.to_dict()}])],
                ignore_index=True,
            )
        tone = tone.rename(
            columns={
                "mean_compound": f"mean_{name}",
                "ci_low": f"ci_low_{name}",
                "ci_high": f"ci_high_{name}",
            }
        )
        rows.append(tone.set_index("group"))
    table = rows[0].join(rows[1].drop(columns=["n_articles", "n_sentences"]))
    table = table.reset_index()
    ranked = table["group"].ne(grouping.POOLED)
    table["rank_vader"] = _ranks(table["mean_vader"].where(ranked))
    table["rank_news"] = _ranks(table["mean_news"].where(ranked))
    table["rank_change"] = (table["rank_news"] - table["rank_vader"]).astype("Int64")
    violent = news_words(["violence"])  # designations (supporters, victims) name no violence
    frame, listed_texts, n_known = _violence_hits(sentences, folded, violent, rules)
    share = frame.groupby("group")["hit"].mean()
    share[grouping.POOLED] = frame["hit"].mean() if len(frame) else math.nan
    table["share_violence"] = table["group"].map(share).astype("float64")
    table["small_n"] = table["n_articles"] < grouping_small_n()
    table = table.assign(_pooled=~ranked).sort_values(["_pooled", "rank_vader", "group"])
    columns = ["group", "n_articles", "n_sentences"]
    for name in ("vader", "news"):
        columns += [f"mean_{name}", f"ci_low_{name}", f"ci_high_{name}", f"rank_{name}"]
    columns += ["rank_change", "share_violence", "small_n"]
    table = table[columns].reset_index(drop=True)
    floats = [c for c in columns if c.startswith(("mean_", "ci_")) or c == "share_violence"]
    table[floats] = table[floats].astype("float64").round(4)
    table = table.astype({"group": "str", "n_articles": "int64", "n_sentences": "int64"})
    table.attrs["listed_found"] = shared(word_counts(listed_texts, news_words(), rules))
    table.attrs["share_listed"] = len(listed_texts) / n_known if n_known else 0.0
    # violence words are listed words: the sentences naming them are among listed_texts
    table.attrs["violence_found"] = shared(word_counts(listed_texts, violent, rules))
    table.attrs["n_sentences"] = n_known
    return table


def _violence_hits(sentences, folded: pd.Series, violent: list[str], rules: str) -> tuple:
    """Read part by part, the sentences of the shown groups: a frame (group, hit: names a
    violence word) for the shares, the texts naming any listed word, and how many were read."""
    mapping = folded.astype("str")
    frames, listed, n_known = [], [], 0
    for part in sentence_texts.parts(sentences):
        group_of = part["article_id"].astype("str").map(mapping)
        known = group_of.notna().to_numpy()
        hit = containing(part["text"], violent, rules)[known]
        frames.append(pd.DataFrame({"group": group_of.to_numpy()[known], "hit": hit}))
        kept = part.loc[known, "text"]
        listed.append(kept[containing(kept, news_words(), rules)])
        n_known += len(kept)
    frame = pd.concat(frames, ignore_index=True)
    listed_texts = pd.concat(listed, ignore_index=True) if listed else pd.Series(dtype="str")
    return frame, listed_texts, n_known


# --------------------------------------------------------------------------- in words


def _ordinal(k: int) -> str:
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def check_words(table: pd.DataFrame, lexicons: bool = False) -> str:
    """What the check removed, in words, from the corpus itself (no example from elsewhere).

    Input: `group_tone_check` (lexicons False) or `lexicon_comparison` (lexicons True), with
    their attrs. Output, for the check: "without the words that carry the groups'
    differences here (“loss”, “profit” and “shares”) and the listed designation and event
    words found here (most often: war 12, attack 3 sentences)"; for the comparison: "with the
    news-adjusted lexicon (the listed designation and event words neutral; found here in 4 %
    of sentences, most often: war 12, attack 3)". When no listed word occurs, it says so: the
    news-adjusted lexicon then changes nothing. Tables without attrs give the generic
    wording.
    """
    found = table.attrs.get("listed_found")
    if found is None:
        listed = "the listed designation and event words (news_designations.txt)"
    elif len(found) == 0:
        listed = "the listed designation and event words (none of which occurs here)"
    else:
        listed = (
            "the listed designation and event words found here (most often, in sentences: "
            f"{_listed_text(found)})"
        )
    if lexicons:
        if found is None:
            return "with the news-adjusted lexicon (designation and event words neutral)"
        if len(found) == 0:
            return (
                "with the news-adjusted lexicon (no listed designation or event word occurs "
                "here, so it scores every sentence as plain VADER does)"
            )
        share = table.attrs.get("share_listed")
        where = f" in {share:.0%} of sentences" if share is not None else ""
        return (
            "with the news-adjusted lexicon (the listed designation and event words neutral; "
            f"found here{where}, most often: {_listed_text(found)})"
        )
    carrying = table.attrs.get("carrying")
    if carrying is None:
        carrying = carrying_words(table) if "top_words" in table.columns else []
    if not carrying:
        return f"without {listed}"
    return (
        f"without the words that carry the groups' differences here ({_quoted(carrying)}) "
        f"and {listed}"
    )


def driver_note(drivers: pd.DataFrame, k: int = 6) -> str:
    """The driver words in words: which are designation and event words of the list, which not.

    Input: `driver_words` (word, total_valence). Output, computed from this corpus: e.g. "Of
    the 15 words that drive the tone here, 2 are listed designation or event words that
    `lexicon="news"` scores neutral (war, attack); the largest of the others (loss, profit,
    gain, …) keep their valence under every lexicon: read them for words that report what
    happened rather than judge it." "" for an empty table.
    """
    if drivers is None or drivers.empty:
        return ""
    listed = set(news_words())
    words = [str(w) for w in drivers["word"]]
    on_list = [w for w in words if w in listed]
    others = [w for w in words if w not in listed]
    head = f"Of the {len(words)} words that drive the tone here, "
    if on_list:
        head += (
            f"{len(on_list)} {'is a listed designation or event word' if len(on_list) == 1 else 'are listed designation or event words'} "
            f'that lexicon="news" scores neutral ({", ".join(on_list[:k])})'
        )
    else:
        head += (
            'none is on the list of designation and event words that lexicon="news" scores neutral'
        )
    if others:
        more = ", …" if len(others) > k else ""
        head += (
            f"; the largest of the others ({', '.join(others[:k])}{more}) keep their valence "
            "under every lexicon: read them for words that report what happened rather than "
            "judge it"
        )
    return head + "."


def robustness_note(
    table: pd.DataFrame, before: str = "rank", after: str = "rank_robust", what: str = ""
) -> str:
    """One or two sentences saying whether the order of groups survives the check, and how.

    Input: `group_tone_check` (or `lexicon_comparison` with before="rank_vader",
    after="rank_news"); `what` names the check (default: computed from the table's attrs,
    `check_words`, naming the words of this corpus that were removed). Output: e.g.
    "Without the words that carry the groups' differences here (“loss”, “profit” and
    “shares”) and the listed designation and event words found here (war 12, attack 3), the
    order of groups changes: breitbart moves from 2nd to 5th most negative (n = 120), …" or
    "… the order of the 7 groups is unchanged." Groups with fewer than 5 articles are named
    as such.
    """
    what = what or check_words(table, lexicons=after != "rank_robust")
    ranked = table[table["group"].ne(grouping.POOLED) & table[before].notna()]
    if len(ranked) < 2:
        return f"One group only: there is no ranking to check {what}."
    moved = ranked[ranked[after] != ranked[before]]
    head = what[0].upper() + what[1:]
    if moved.empty:
        return f"{head}, the order of the {len(ranked)} groups by tone is unchanged."
    parts = []
    shown = moved
    if len(moved) > 6:  # the largest moves; the table has them all
        size = (moved[after] - moved[before]).abs().astype("int64")
        shown = (
            moved.assign(_size=size.to_numpy())
            .sort_values(["_size", before], ascending=[False, True])
            .head(5)
        )
    for row in shown.sort_values(before).itertuples(index=False):
        small = " — fewer than 5 articles" if row.n_articles < grouping_small_n() else ""
        parts.append(
            f"{row.group} moves from {_ordinal(int(getattr(row, before)))} to "
            f"{_ordinal(int(getattr(row, after)))} most negative (n = {row.n_articles:,}{small})"
        )
    low, high = ("ci_low", "ci_high") if "ci_low" in table.columns else ("ci_low_vader", "")
    high = high or "ci_high_vader"
    caveat = ""
    if low in moved.columns and len(moved) >= 2:
        spans = list(zip(moved[low], moved[high], strict=True))
        overlap = all(
            any(
                a_low <= b_high and b_low <= a_high
                for j, (b_low, b_high) in enumerate(spans)
                if j != i
            )
            for i, (a_low, a_high) in enumerate(spans)
            if pd.notna(a_low)
        )
        if overlap and moved[low].notna().all():
            caveat = (
                " Each group that moves overlaps another moving group's 95 % interval, so their order "
                "was not reliable to begin with."
            )
    return (
        f"{head}, the order of groups by tone changes ({len(moved)} of {len(ranked)} groups): "
        + "; ".join(parts)
        + (
            f"; and {len(moved) - len(shown)} smaller moves (see the table)"
            if len(shown) < len(moved)
            else ""
        )
        + "."
        + caveat
    )
