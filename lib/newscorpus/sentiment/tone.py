"""The `sentiment` table (scores and in_quote per body sentence) and what is built on it:
article tone, arcs, quoted voices against narrative, tone by target group, and explanations of
which words moved each score (word contributions, top drivers, extremes, lexicon comparisons).
"""

from __future__ import annotations

import bisect
import math
import os
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newscorpus.corpus import Corpus
from newscorpus.sentiment import sentence_texts
from newscorpus.sentiment.lexicon import lexicon_dict
from newscorpus.sentiment.vader import (
    DEFAULT_RULES,
    check_rules,
    punctuation_emphasis,
    score_texts,
    scored_text,
    vader_words,
    word_valences,
)

Lexicon = str | os.PathLike | Mapping[str, float] | None

THRESHOLD = 0.05  # VADER's published cut-off for positive / negative compound scores

SENTIMENT_COLUMNS = [
    "article_id",
    "sentence_id",
    "paragraph_id",
    "neg",
    "neu",
    "pos",
    "compound",
    "in_quote",
    "n_words",
    "n_positive",
    "n_negative",
    "start",
    "end",
]

DEFAULT_TARGETS: dict[str, list[str]] = {
    "ISIS / Islamic State": ["ISIS", "ISIL", "IS", "Islamic State", "Daesh", "caliphate"],
    "Iraqi forces and government": [
        "Iraqi forces",
        "Iraqi army",
        "Iraqi security forces",
        "Iraqi government",
        "Iraqi troops",
        "Iraqi officials",
        "Iraqi military",
        "Iraqi officer",
        "Iraqi soldiers",
        "Baghdad",
        "Popular Mobilization Forces",
        "PMF",
    ],
    "SDF and Kurdish forces": [
        "SDF",
        "Syrian Democratic Forces",
        "Kurdish forces",
        "Kurdish fighters",
        "Kurdish-led",
        "Kurds",
        "YPG",
        "Peshmerga",
    ],
    "United States and coalition": [
        "United States",
        "U.S.",
        "US",
        "U.S.-led",
        "US-led",
        "Americans",
        "American troops",
        "American forces",
        "American officials",
        "American military",
        "coalition",
        "Pentagon",
    ],
    "Civilians and locals": [
        "civilians",
        "civilian",
        "locals",
        "local residents",
        "residents",
        "villagers",
        "local people",
        "families",
        "tribesmen",
    ],
}

# --------------------------------------------------------------------------- the sentiment table

_QUOTE_MARK = re.compile('[“”"]')
MIN_QUOTE_WORDS = 4  # shorter quotations inside one sentence are scare quotes or fragments


def quote_spans(corpus: Corpus) -> pd.DataFrame:
    """Quotations found by their marks in body paragraphs: article_id, start, end, n_words.

    Curly marks open and close; a straight double quote opens or closes. A quotation left open
    at the end of a paragraph closes there (news style reopens it in the next paragraph); a
    closing mark without an opening one closes a quotation that began with the paragraph.
    """
    rows = []
    paragraphs = corpus.paragraphs
    body = paragraphs[
        (paragraphs["kind"] == "body") & paragraphs["text"].str.contains('[“”"]', regex=True)
    ]
    columns = [body[c].tolist() for c in ("article_id", "text", "start")]
    for aid, text, p_start in zip(*columns, strict=True):
        opened = None
        spans = []
        for m in _QUOTE_MARK.finditer(text):
            i, ch = m.start(), m.group()
            if ch == "“" and opened is None:
                opened = i
            elif ch == "”" or (ch == '"' and opened is not None):
                spans.append((0 if opened is None else opened, i + 1))
                opened = None
            elif ch == '"':
                opened = i
        if opened is not None:
            spans.append((opened, len(text)))
        for start, end in spans:
            rows.append((aid, p_start + start, p_start + end, len(text[start:end].split())))
    out = pd.DataFrame(rows, columns=["article_id", "start", "end", "n_words"])
    return out.astype({"start": "int64", "end": "int64", "n_words": "int64"})


def _keys(article_ids: pd.Series, offsets: pd.Series, codes: pd.Index) -> np.ndarray:
    """One sortable int64 per (article, offset): the article's position in `codes`, then the offset."""
    code = codes.get_indexer(article_ids).astype("int64")
    return code * (1 << 40) + offsets.to_numpy(dtype="int64")


def _overlaps(sentences: pd.DataFrame, spans: pd.DataFrame) -> pd.Series:
    """Per sentence: does it overlap any (article_id, start, end) span? (vectorised)"""
    flags = np.zeros(len(sentences), dtype=bool)
    spans = spans[spans["article_id"].isin(sentences["article_id"].unique())]
    if sentences.empty or spans.empty:
        return pd.Series(flags, index=sentences.index, name="in_quote")
    order = np.lexsort((sentences["start"].to_numpy(), sentences["article_id"].to_numpy()))
    ordered = sentences.iloc[order]
    codes = pd.Index(ordered["article_id"].unique())
    starts = _keys(ordered["article_id"], ordered["start"], codes)
    ends = _keys(ordered["article_id"], ordered["end"], codes)
    # sentences of one article do not overlap, so their starts and ends are both sorted
    first = np.searchsorted(ends, _keys(spans["article_id"], spans["start"], codes), "right")
    stop = np.searchsorted(starts, _keys(spans["article_id"], spans["end"], codes), "left")
    cover = np.zeros(len(sentences) + 1, dtype="int64")
    valid = first < stop
    np.add.at(cover, first[valid], 1)
    np.add.at(cover, stop[valid], -1)
    flags[order] = np.cumsum(cover[:-1]) > 0
    return pd.Series(flags, index=sentences.index, name="in_quote")


def quote_mask(corpus: Corpus, quotes: pd.DataFrame | None = None) -> pd.Series:
    """Per body sentence: is it (partly) inside a direct quotation?

    With a `quotes` table (newscorpus.sources.find_quotes) its `direct` rows are used; without
    one, quotation marks are tracked across each body paragraph (`quote_spans`), and a
    quotation of fewer than MIN_QUOTE_WORDS words inside one sentence does not count.
    """
    if quotes is not None:
        missing = {"article_id", "start", "end"} - set(quotes.columns)
        if missing:
            raise ValueError(
                f"quotes is missing columns {sorted(missing)} "
                "(expected the quotes table of newscorpus.sources.find_quotes)"
            )
        direct = quotes
        if "kind" in quotes.columns:
            direct = quotes[quotes["kind"].astype("str") == "direct"]
        return _overlaps(corpus.sentences, direct)
    spans = quote_spans(corpus)
    sentences = corpus.sentences
    within_one = np.zeros(len(spans), dtype=bool)
    known = spans["article_id"].isin(sentences["article_id"].unique()).to_numpy()
    if known.any():
        # a span lies inside one sentence when the same sentence holds its start and its end
        order = np.lexsort((sentences["start"].to_numpy(), sentences["article_id"].to_numpy()))
        ordered = sentences.iloc[order]
        codes = pd.Index(ordered["article_id"].unique())
        starts = _keys(ordered["article_id"], ordered["start"], codes)
        inner = spans[known]
        first = np.searchsorted(starts, _keys(inner["article_id"], inner["start"], codes), "right")
        last = np.searchsorted(starts, _keys(inner["article_id"], inner["end"] - 1, codes), "right")
        within_one[known] = first == last
    short = within_one & (spans["n_words"].to_numpy() < MIN_QUOTE_WORDS)
    return _overlaps(sentences, spans[~short])


def score_sentences(
    corpus: Corpus,
    quotes: pd.DataFrame | None = None,
    lexicon: Lexicon = None,
    workers: int | None = None,
    rules: str = DEFAULT_RULES,
) -> pd.DataFrame:
    """The `sentiment` table: VADER neg/neu/pos/compound and `in_quote` per body sentence.

    Inputs: a Corpus; optionally the `quotes` table of `newscorpus.sources.find_quotes` (its
    direct quotes set `in_quote`; without it quotation marks are tracked, see `quote_mask`),
    extra `lexicon` valences (see `lexicon_dict`), the rule set `rules` ("vader-3.3" or
    "nltk", see `newscorpus.sentiment.vader`) and `workers` processes. Output: one row per body
    sentence with SENTIMENT_COLUMNS (scores identical to the rule set's reference analyzer).
    Each sentence is scored on its own, so any subset of articles gives the same rows.
    Raises ValueError for an unknown rule set, a bad lexicon or a quotes table without
    article_id/start/end. Method: Hutto & Gilbert, "VADER", ICWSM 2014.
    """
    check_rules(rules)
    sentences = corpus.sentences
    scores = score_texts(sentences["text"].tolist(), lexicon=lexicon, workers=workers, rules=rules)
    in_quote = quote_mask(corpus, quotes)
    table = pd.concat(
        [
            sentences[["article_id", "sentence_id", "paragraph_id"]].reset_index(drop=True),
            scores,
            pd.Series(in_quote.to_numpy(), name="in_quote"),
            sentences[["start", "end"]].reset_index(drop=True),
        ],
        axis=1,
    )
    ints = ["sentence_id", "paragraph_id", "n_words", "n_positive", "n_negative", "start", "end"]
    return table[SENTIMENT_COLUMNS].astype(
        {"article_id": "str", "in_quote": "bool"} | dict.fromkeys(ints, "int64")
    )


def label(compound: pd.Series, threshold: float = THRESHOLD) -> pd.Series:
    """'positive' (compound >= threshold), 'negative' (<= -threshold) or 'neutral'."""
    values = np.where(
        compound >= threshold, "positive", np.where(compound <= -threshold, "negative", "neutral")
    )
    return pd.Series(values, index=compound.index, name="label", dtype="str")


# --------------------------------------------------------------------------- aggregates


def article_tone(sentiment: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Per article: mean/median compound, shares of positive/neutral/negative sentences, GDELT tone.

    `tone` is percent positive words minus percent negative words and `polarity` their sum
    (GDELT style), counting words by their valence after VADER's rules.
    """
    check_threshold(threshold)
    labels = label(sentiment["compound"], threshold)
    s = sentiment.assign(
        positive=labels == "positive", neutral=labels == "neutral", negative=labels == "negative"
    )
    grouped = s.groupby("article_id", sort=True)
    out = pd.DataFrame(
        {
            "n_sentences": grouped.size(),
            "mean_compound": grouped["compound"].mean(),
            "median_compound": grouped["compound"].median(),
            "share_positive": grouped["positive"].mean(),
            "share_neutral": grouped["neutral"].mean(),
            "share_negative": grouped["negative"].mean(),
            "n_words": grouped["n_words"].sum(),
            "n_positive": grouped["n_positive"].sum(),
            "n_negative": grouped["n_negative"].sum(),
        }
    )
    words = out["n_words"].where(out["n_words"] > 0)
    out["tone"] = 100 * (out["n_positive"] - out["n_negative"]) / words
    out["polarity"] = 100 * (out["n_positive"] + out["n_negative"]) / words
    return out.reset_index().round(4)


def check_threshold(threshold: float) -> None:
    """ValueError unless 0 <= `threshold` < 1 (the neutral band of the compound score)."""
    if not 0 <= threshold < 1:
        raise ValueError(
            f"threshold={threshold!r}: expected a number from 0 to 1 (VADER uses 0.05)"
        )


def sentiment_arc(sentiment: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """Compound along each article: relative position 0..1 and a centred moving average.

    Output columns: article_id, sentence_id, position (sentence midpoint as a share of the
    article's sentences), compound, smoothed (centred mean over `window` sentences, never across
    articles), and in_quote when the input has it. Raises ValueError for a window below 1.
    """
    if window < 1:
        raise ValueError(f"window={window!r}: expected a whole number of sentences >= 1")
    s = sentiment.sort_values(["article_id", "sentence_id"]).reset_index(drop=True)
    n = s.groupby("article_id")["sentence_id"].transform("size")
    rank = s.groupby("article_id").cumcount()
    smoothed = (
        s.groupby("article_id", sort=False)["compound"]
        .rolling(window, center=True, min_periods=1)
        .mean()
        .reset_index(level=0, drop=True)
        .sort_index()
    )
    out = pd.DataFrame(
        {
            "article_id": s["article_id"],
            "sentence_id": s["sentence_id"],
            "position": ((rank + 0.5) / n).round(4),
            "compound": s["compound"],
            "smoothed": smoothed.round(4),
        }
    )
    if "in_quote" in s.columns:
        out["in_quote"] = s["in_quote"].astype("bool")
    return out


def voice_tone(sentiment: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Quoted voices against the reporter's narrative, per article and for all articles."""
    check_threshold(threshold)
    s = sentiment.assign(
        voice=np.where(sentiment["in_quote"], "quote", "narrative"),
        negative=sentiment["compound"] <= -threshold,
        positive=sentiment["compound"] >= threshold,
    )
    s = pd.concat([s, s.assign(article_id="all articles")], ignore_index=True)
    out = (
        s.groupby(["article_id", "voice"], sort=True)
        .agg(
            n_sentences=("compound", "size"),
            mean_compound=("compound", "mean"),
            median_compound=("compound", "median"),
            share_negative=("negative", "mean"),
            share_positive=("positive", "mean"),
        )
        .reset_index()
    )
    return out.round(4)


# --------------------------------------------------------------------------- targets


# words before a surname that keep it the target's: titles, roles, party labels
_TITLES = frozenset(
    """mr mrs ms miss dr sen senator secretary president presidential gov governor rep
    representative candidate nominee madam former then vice speaker leader mayor rival
    democrat democrats republican republicans democratic gop frontrunner front-runner hopeful
    billionaire businessman mogul opponent challenger chairman chairwoman general gen judge
    justice attorney first lady lt col sgt ex-president ex-secretary""".split()
)
_BEFORE_NAME = re.compile(r"(?:^|[\x00\s(\[\"“])([A-Z][\w'’-]*|[A-Z]\.(?:[A-Z]\.)*)\s+$")


def _other_full_name(text: str, match: re.Match) -> bool:
    """Whether a one-word alias match (a surname, "Clinton") ends another person's full name:
    right after a capitalised first name or an initial ("Bill Clinton", "George W. Bush"),
    other than a title, a role or a party label ("Secretary Clinton", "Mrs. Clinton",
    "Democrat Clinton") or a function word opening the sentence ("But Clinton"). A target's
    own full names are aliases and match first, whole."""
    if " " in match.group().strip():
        return False
    before = _BEFORE_NAME.search(text, max(0, match.start() - 40), match.start())
    if before is None:
        return False
    word = before.group(1).rstrip(".").lower()
    from newscorpus import resources

    return word not in _TITLES and word not in resources.stopwords()


def _alias_pattern(aliases: list[str]) -> re.Pattern:
    parts = []
    for alias in sorted({a.strip() for a in aliases if a.strip()}, key=len, reverse=True):
        body = re.escape(alias).replace(r"\ ", r"\s+")
        # short acronyms (IS, US, SDF) only in capitals, so "is" and "us" never match
        flag = "" if len(alias) <= 3 and alias.isupper() else "(?i:"
        parts.append(f"{flag}{body})" if flag else body)
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?![\w-])")


def _candidates(texts: pd.Series, targets: Mapping[str, list[str]]) -> np.ndarray | None:
    """Sentences that may name a target: any alias anywhere, ignoring word edges.

    A superset of the sentences `_alias_pattern` matches, found in one vectorised pass (RE2
    through pyarrow on the default string dtype), so the exact search reads only those.
    None when the pass is not available.
    """
    parts = []
    for aliases in targets.values():
        for alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            body = "".join(
                r"\s+" if ch.isspace() else ("\\" + ch if ch.isascii() and not ch.isalnum() else ch)
                for ch in alias
            )
            # as in _alias_pattern: short acronyms in capitals only, the rest in any case
            parts.append(body if len(alias) <= 3 and alias.isupper() else f"(?i:{body})")
    if not parts or texts.empty:
        return None
    try:
        found = pc.match_substring_regex(pa.array(texts.array), "(?:" + "|".join(parts) + ")")
    except (pa.ArrowException, ValueError, TypeError):
        return None
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False).astype(bool)


def _check_targets(targets: Mapping[str, list[str]]) -> None:
    if not isinstance(targets, Mapping) or not targets:
        raise ValueError(
            f"targets={targets!r}: expected a mapping of target name -> list of aliases"
        )
    for name, aliases in targets.items():
        if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases) or not aliases:
            raise ValueError(
                f"targets[{name!r}]={aliases!r}: expected a non-empty list of alias strings"
            )


def _sentences_of(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """The body sentences table of a Corpus, or the table itself."""
    return corpus.sentences if isinstance(corpus, Corpus) else corpus


def _mentions_in(sentences: pd.DataFrame, target: str, aliases: list[str]) -> list[tuple]:
    """The mentions of one target in some sentences: (article_id, sentence_id, target, alias,
    start, end) tuples, in table order."""
    rows = []
    # each target is searched only in the sentences that may name it (one vectorised pass),
    # joined by NUL (neither a word character nor whitespace, so no alias matches across two
    # sentences); offsets map matches back to sentences
    candidates = _candidates(sentences["text"], {target: aliases})
    chosen = sentences if candidates is None else sentences[candidates]
    aids, sids, s_starts, texts = (
        chosen[c].tolist() for c in ("article_id", "sentence_id", "start", "text")
    )
    joined = "\x00".join(texts)
    offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]).tolist() if texts else []
    pattern = _alias_pattern(list(aliases))
    for m in pattern.finditer(joined):
        if _other_full_name(joined, m):
            continue  # "Clinton" of "Bill Clinton" is not Hillary Clinton's mention
        k = bisect.bisect_right(offsets, m.start()) - 1
        start = s_starts[k] + m.start() - offsets[k]
        rows.append((aids[k], sids[k], target, m.group(), start, start + len(m.group())))
    return rows


def target_mentions(
    corpus: Corpus | pd.DataFrame, targets: Mapping[str, list[str]] | None = None
) -> pd.DataFrame:
    """Every mention of a target group in body sentences.

    Inputs: a Corpus, its `sentences` table, or an analysed corpus (read part by part); `targets` {name: [aliases]} (None:
    DEFAULT_TARGETS, the groups of the seed corpus; {}: no target, no rows). Output columns:
    article_id, sentence_id, target, alias (as written), start, end. A one-word alias that
    ends another person's full name is no mention (`_other_full_name`: "Clinton" in "Bill
    Clinton", "Bush" in "George W. Bush"). Raises ValueError for targets that are not a
    mapping of alias lists.
    """
    targets = DEFAULT_TARGETS if targets is None else targets
    rows = []
    if isinstance(targets, Mapping) and not targets:
        targets = {}
    else:
        _check_targets(targets)
    found = {target: [] for target in targets}
    for sentences in sentence_texts.parts(corpus):  # an analysed corpus: one part at a time
        for target, aliases in targets.items():
            found[target] += _mentions_in(sentences, target, aliases)
    rows = [row for target in targets for row in found[target]]
    columns = ["article_id", "sentence_id", "target", "alias", "start", "end"]
    out = pd.DataFrame(rows, columns=columns).astype(
        {
            "article_id": "str",
            "sentence_id": "int64",
            "target": "str",
            "alias": "str",
            "start": "int64",
            "end": "int64",
        }
    )
    return out.sort_values(["article_id", "sentence_id", "start", "target"]).reset_index(drop=True)


def target_tone(
    sentiment: pd.DataFrame, mentions: pd.DataFrame, targets: Mapping | None = None
) -> pd.DataFrame:
    """Mean compound per target per article over the sentences that mention the target."""
    per_sentence = mentions.drop_duplicates(["article_id", "sentence_id", "target"])
    merged = per_sentence.merge(
        sentiment[["article_id", "sentence_id", "compound"]], on=["article_id", "sentence_id"]
    )
    out = (
        merged.groupby(["target", "article_id"], sort=True)
        .agg(n_sentences=("compound", "size"), mean_compound=("compound", "mean"))
        .reset_index()
    )
    present = set(out["target"])
    known = [t for t in (DEFAULT_TARGETS if not targets else targets) if t in present]
    order = {t: k for k, t in enumerate(known + sorted(present - set(known)))}
    out = out.assign(order=out["target"].map(order)).sort_values(["order", "article_id"])
    return out.drop(columns="order").reset_index(drop=True).round(4)


# --------------------------------------------------------------------------- explanations


def explain(text: str, lexicon: Lexicon = None, rules: str = DEFAULT_RULES) -> pd.DataFrame:
    """Each VADER word of one sentence with its lexicon valence, valence after the rules, and why.

    Output columns: position, word, lexicon_valence, valence, rules (the rule descriptions).
    The `valence` column is the reference analyzer's `sentiments` list: its sum, plus
    `punctuation_emphasis` in the same direction, normalised as x / sqrt(x² + 15), is the
    compound score (`compound_from`).
    """
    return _explain(text, lexicon_dict(lexicon), check_rules(rules))


def _explain(text: str, lex: Mapping[str, float], rules: str = DEFAULT_RULES) -> pd.DataFrame:
    words = vader_words(text, rules)
    notes: list[list[str]] = []
    valences = word_valences(words, lex, notes, rules)
    return pd.DataFrame(
        {
            "position": range(len(words)),
            "word": words,
            "lexicon_valence": [lex.get(w.lower(), 0.0) for w in words],
            "valence": [float(v) for v in valences],
            "rules": ["; ".join(n) for n in notes],
        }
    ).astype({"word": "str", "rules": "str"})


def compound_from(
    valences: pd.Series | list[float], text: str, rules: str = DEFAULT_RULES
) -> float:
    """Compound score recomputed from word valences (as `explain` gives them) and the text."""
    total = float(sum(valences))
    punct = punctuation_emphasis(scored_text(text, rules))
    if total > 0:
        total += punct
    elif total < 0:
        total -= punct
    return round(total / math.sqrt(total * total + 15), 4)


def word_contributions(
    corpus: Corpus | pd.DataFrame, lexicon: Lexicon = None, rules: str = DEFAULT_RULES
) -> pd.DataFrame:
    """Every word with a non-zero valence after VADER's rules, per body sentence.

    Output columns: article_id, sentence_id, position (VADER word index), word, norm (lower
    case), lexicon_valence, valence (after the rules), rules (why it changed). Raises
    ValueError for an unknown rule set or a bad lexicon.
    """
    check_rules(rules)
    lex = lexicon_dict(lexicon)
    rows = []
    cache: dict[str, list[tuple]] = {}  # identical sentences (wire copies) explained once
    sentences = _sentences_of(corpus)
    columns = [sentences[c].tolist() for c in ("article_id", "sentence_id", "text")]
    for aid, sid, text in zip(*columns, strict=True):
        found = cache.get(text)
        if found is None:
            found = cache[text] = _contributions(text, lex, rules)
        rows.extend((aid, sid, *row) for row in found)
    columns = [
        "article_id",
        "sentence_id",
        "position",
        "word",
        "norm",
        "lexicon_valence",
        "valence",
        "rules",
    ]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype(
        {
            "article_id": "str",
            "sentence_id": "int64",
            "position": "int64",
            "word": "str",
            "norm": "str",
            "valence": "float64",
            "lexicon_valence": "float64",
            "rules": "str",
        }
    )


def _contributions(text: str, lex: Mapping[str, float], rules: str) -> list[tuple]:
    """(position, word, norm, lexicon_valence, valence, rules) of each non-zero word."""
    words = vader_words(text, rules)
    if not any(w.lower() in lex for w in words):
        return []
    notes: list[list[str]] = []
    valences = word_valences(words, lex, notes, rules)
    return [
        (position, word, word.lower(), lex.get(word.lower(), 0.0), float(valence), "; ".join(note))
        for position, (word, valence, note) in enumerate(zip(words, valences, notes, strict=True))
        if valence
    ]


def top_drivers(contributions: pd.DataFrame, top_n: int = 5) -> pd.DataFrame:
    """Per article, the words whose summed valence moves its tone most (by absolute sum)."""
    grouped = (
        contributions.groupby(["article_id", "norm"], sort=True)
        .agg(n=("valence", "size"), total_valence=("valence", "sum"))
        .reset_index()
    )
    grouped["abs"] = grouped["total_valence"].abs()
    article_abs = grouped.groupby("article_id")["abs"].transform("sum")
    grouped["share_of_article"] = grouped["abs"] / article_abs
    grouped = grouped.sort_values(["article_id", "abs", "norm"], ascending=[True, False, True])
    grouped["rank"] = grouped.groupby("article_id").cumcount() + 1
    out = grouped[grouped["rank"] <= top_n].drop(columns="abs").rename(columns={"norm": "word"})
    return (
        out[["article_id", "rank", "word", "n", "total_valence", "share_of_article"]]
        .round(4)
        .reset_index(drop=True)
    )


def _explanation_text(frame: pd.DataFrame) -> str:
    parts = []
    for word, valence, rules in frame[["word", "valence", "rules"]].itertuples(index=False):
        if valence:
            parts.append(f"{word} {valence:+.2f}" + (f" ({rules})" if rules else ""))
    return ", ".join(parts) if parts else "no lexicon words"


def extremes(
    sentiment: pd.DataFrame,
    corpus: Corpus | pd.DataFrame,
    n: int = 5,
    lexicon: Lexicon = None,
    rules: str = DEFAULT_RULES,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The `n` most negative and `n` most positive sentences, with their text and explanation.

    `sentiment` must have been scored with the same `lexicon` and `rules`. Output columns:
    which, article_id, sentence_id, compound, in_quote, text, explanation; with the
    `articles` table, also `article` ("Title — outlet, date", `plots.article_label`) after
    article_id.
    """
    check_rules(rules)
    lex = lexicon_dict(lexicon)
    order = ["compound", "article_id", "sentence_id"]
    ranked = sentiment.assign(article_id=sentiment["article_id"].astype("str"))
    ranked = ranked.sort_values(order, kind="stable")
    ids = pd.concat([ranked["article_id"].head(n), ranked["article_id"].tail(n)]).tolist()
    texts = sentence_texts.of_articles(corpus, ids)[["article_id", "sentence_id", "text"]]
    texts = texts.astype({"article_id": "str", "sentence_id": "int64", "text": "str"})
    s = ranked.merge(texts, on=["article_id", "sentence_id"])  # typed: an empty corpus too
    s = s.sort_values(order, kind="stable")
    neg = s.head(n).assign(which="most negative")
    pos = s.tail(n).iloc[::-1].assign(which="most positive")
    out = pd.concat([neg, pos], ignore_index=True)
    out["explanation"] = [_explanation_text(_explain(t, lex, rules)) for t in out["text"]]
    cols = ["which", "article_id", "sentence_id", "compound", "in_quote", "text", "explanation"]
    if articles is not None:
        from newscorpus.plots import article_label

        labels = article_label(articles)
        out["article"] = out["article_id"].astype("str").map(labels).astype("str")
        cols.insert(2, "article")
    return out[cols].astype({"explanation": "str"})


def compare_lexicons(
    corpus: Corpus,
    lexicon: Lexicon = "conflict",
    quotes: pd.DataFrame | None = None,
    threshold: float = THRESHOLD,
    rules: str = DEFAULT_RULES,
) -> pd.DataFrame:
    """Article tone side by side: VADER's lexicon alone and with `lexicon` added."""
    base = article_tone(score_sentences(corpus, quotes=quotes, rules=rules), threshold)
    other = article_tone(
        score_sentences(corpus, quotes=quotes, lexicon=lexicon, rules=rules), threshold
    )
    cols = ["mean_compound", "share_negative", "share_positive", "tone"]
    out = base[["article_id", *cols]].merge(
        other[["article_id", *cols]], on="article_id", suffixes=("_vader", "_with_lexicon")
    )
    return out[["article_id"] + [f"{c}_{w}" for c in cols for w in ("vader", "with_lexicon")]]


def changed_sentences(
    corpus: Corpus,
    lexicon: Lexicon = "conflict",
    n: int = 10,
    rules: str = DEFAULT_RULES,
) -> pd.DataFrame:
    """The `n` sentences whose compound changes most when `lexicon` is added."""
    texts = corpus.sentences["text"].tolist()
    base = score_texts(texts, rules=rules)["compound"]
    other = score_texts(texts, lexicon=lexicon, rules=rules)["compound"]
    out = corpus.sentences[["article_id", "sentence_id", "text"]].reset_index(drop=True)
    out = out.assign(compound_vader=base, compound_with_lexicon=other)
    out["change"] = (out["compound_with_lexicon"] - out["compound_vader"]).round(4)
    out = out[out["change"] != 0].assign(size=lambda d: d["change"].abs())
    out = out.sort_values(["size", "article_id", "sentence_id"], ascending=[False, True, True])
    return out.drop(columns="size").head(n).reset_index(drop=True)


def compare_rules(corpus: Corpus, n: int = 10, lexicon: Lexicon = None) -> pd.DataFrame:
    """The `n` sentences whose compound differs most between the two rule sets.

    Output columns: article_id, sentence_id, text, compound_nltk, compound_vader_3_3, change
    (vader-3.3 minus nltk), largest change first; sentences scored alike are left out.
    """
    texts = corpus.sentences["text"].tolist()
    nltk = score_texts(texts, lexicon=lexicon, rules="nltk")["compound"]
    v33 = score_texts(texts, lexicon=lexicon, rules="vader-3.3")["compound"]
    out = corpus.sentences[["article_id", "sentence_id", "text"]].reset_index(drop=True)
    out = out.assign(compound_nltk=nltk, compound_vader_3_3=v33)
    out["change"] = (out["compound_vader_3_3"] - out["compound_nltk"]).round(4)
    out = out[out["change"] != 0].assign(size=lambda d: d["change"].abs())
    out = out.sort_values(["size", "article_id", "sentence_id"], ascending=[False, True, True])
    return out.drop(columns="size").head(n).reset_index(drop=True)
