"""Sentence sentiment with VADER (through NLTK): the `sentiment` table, article tone, arcs,
tone by target group, and explanations of which words moved each score.

Scores come from NLTK's ``SentimentIntensityAnalyzer`` lexicon, loaded offline from the private
data folder built by ``resources.nltk_data_dir()``. Scoring reimplements VADER's per-word loop
(`vader_scores`) so that it can run fast and report each word's valence after VADER's rules;
it gives the same neg/neu/pos/compound as ``polarity_scores`` (checked in the tests on every seed
sentence and in the benchmark on 10,000 articles). Scores are per body sentence; article tone is
always aggregated from sentences, never VADER over a whole article (its compound saturates).
"""

from __future__ import annotations

import bisect
import math
import os
import re
import string
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from newscorpus import resources
from newscorpus.corpus import Corpus
from newscorpus.paths import DATA_DIR, project_path

CONFLICT_LEXICON = DATA_DIR / "conflict_lexicon.txt"
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

_K = VaderConstants
_PUNCT = frozenset(string.punctuation)
_PUNC_AFFIXES = frozenset(_K.PUNC_LIST)
_BOOSTERS = _K.BOOSTER_DICT
_NEGATE = _K.NEGATE
_IDIOMS = _K.SPECIAL_CASE_IDIOMS


# --------------------------------------------------------------------------- lexicons


def analyzer(lexicon: str | os.PathLike | Mapping[str, float] | None = None):
    """NLTK's SentimentIntensityAnalyzer (lexicon loaded offline), with `lexicon` valences added."""
    resources.nltk_data_dir()
    sia = SentimentIntensityAnalyzer()  # default relative lexicon_file, found via nltk.data.path
    _merge(sia.lexicon, extra_valences(lexicon))
    return sia


def _merge(lex: dict[str, float], extra: Mapping[str, float]) -> dict[str, float]:
    """Add or override valences in place; a valence of 0 removes the word (neutral)."""
    for word, value in extra.items():
        if value == 0:
            lex.pop(word, None)
        else:
            lex[word] = value
    return lex


_DEFAULT_LEXICON: dict[str, float] | None = None


def _base_lexicon() -> dict[str, float]:
    global _DEFAULT_LEXICON
    if _DEFAULT_LEXICON is None:
        _DEFAULT_LEXICON = analyzer().lexicon
    return _DEFAULT_LEXICON


def load_lexicon(path: str | os.PathLike) -> dict[str, float]:
    """Read a VADER-format lexicon file (word<TAB>valence[<TAB>...] lines; '#' comments)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValueError(
            f"lexicon file {str(path)!r} does not exist "
            "(expected a text file of word<TAB>valence lines)"
        )
    valences: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        try:
            word, value = fields[0].strip().lower(), float(fields[1])
        except (IndexError, ValueError):
            raise ValueError(
                f"lexicon file {str(path)!r} line {number}: {line!r} "
                "(expected word<TAB>valence, valence a number from -4 to 4)"
            ) from None
        if not word or not -4 <= value <= 4 or math.isnan(value):
            raise ValueError(
                f"lexicon file {str(path)!r} line {number}: {line!r} "
                "(expected word<TAB>valence, valence a number from -4 to 4)"
            )
        valences[word] = value
    return valences


def extra_valences(lexicon: str | os.PathLike | Mapping[str, float] | None) -> dict[str, float]:
    """Valences to add: None/"" none, "conflict" the shipped supplement, a file path, or a dict.

    A relative file path is taken from the project root.
    """
    if lexicon is None or (isinstance(lexicon, str) and not lexicon.strip()):
        return {}
    if isinstance(lexicon, Mapping):
        return {str(k).lower(): float(v) for k, v in lexicon.items()}
    if isinstance(lexicon, str) and lexicon.strip().lower() == "conflict":
        return load_lexicon(CONFLICT_LEXICON)
    return load_lexicon(project_path(lexicon))


def lexicon_dict(
    lexicon: str | os.PathLike | Mapping[str, float] | None = None,
) -> dict[str, float]:
    """VADER's lexicon as NLTK loads it, updated with the valences from `lexicon`."""
    extra = extra_valences(lexicon)
    if not extra:
        return _base_lexicon()
    return _merge(dict(_base_lexicon()), extra)


# --------------------------------------------------------------------------- VADER, word by word


def vader_words(text: str) -> list[str]:
    """VADER's words: whitespace split, 1-char tokens dropped, one PUNC_LIST affix stripped.

    Equivalent to NLTK's ``SentiText.words_and_emoticons``: a token becomes `w` when it is
    punctuation-affix + `w` or `w` + affix, the affix is in VADER's PUNC_LIST and `w` is 2+
    characters without ASCII punctuation.
    """
    cache = _AFFIX_CACHE
    return [cache.get(t) or _strip_affix(t) for t in text.split() if len(t) > 1]


_AFFIX_CACHE: dict[str, str] = {}


def _strip_affix(tok: str) -> str:
    word = _AFFIX_CACHE.get(tok)
    if word is not None:
        return word
    word = tok
    lead = 0
    while lead < len(tok) and tok[lead] in _PUNCT:
        lead += 1
    trail = len(tok)
    while trail > lead and tok[trail - 1] in _PUNCT:
        trail -= 1
    core = tok[lead:trail]
    if len(core) > 1 and not any(ch in _PUNCT for ch in core):
        if lead and trail == len(tok) and tok[:lead] in _PUNC_AFFIXES:
            word = core
        elif trail < len(tok) and not lead and tok[trail:] in _PUNC_AFFIXES:
            word = core
    if len(_AFFIX_CACHE) < 500_000:
        _AFFIX_CACHE[tok] = word
    return word


def _negated(word: str) -> bool:
    lower = word.lower()
    return lower in _NEGATE or "n't" in lower


def _scalar(word: str, valence: float, cap_diff: bool) -> float:
    """VADER's booster/dampener increment for a preceding word (VaderConstants.scalar_inc_dec)."""
    scalar = 0.0
    lower = word.lower()
    if lower in _BOOSTERS:
        scalar = _BOOSTERS[lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_diff:
            if valence > 0:
                scalar += _K.C_INCR
            else:
                scalar -= _K.C_INCR
    return scalar


def word_valences(
    words: list[str], lexicon: Mapping[str, float], notes: list[list[str]] | None = None
) -> list[float]:
    """Each word's valence after VADER's rules (NLTK's `sentiments` list, "but" rule included).

    With `notes` (a list), one list of rule descriptions per word is appended to it.
    """
    lowers = [w.lower() for w in words]
    hit_notes: dict[int, list[str]] | None = {} if notes is not None else None
    sentiments: list[float] = [0] * len(words)
    for j, valence in _hits(words, lowers, lexicon, hit_notes):
        sentiments[j] = valence
    if notes is not None:
        notes.extend(hit_notes.get(j, []) for j in range(len(words)))
    return sentiments


def _hits(
    words: list[str],
    lowers: list[str],
    lexicon: Mapping[str, float],
    notes: dict[int, list[str]] | None = None,
) -> list[tuple[int, float]]:
    """(position, valence) of the words VADER gives a valence; every other word scores 0.

    A faithful copy of NLTK's SentimentIntensityAnalyzer.polarity_scores loop (and its
    sentiment_valence, _never_check, _idioms_check, _least_check and _but_check), run only for
    lexicon words: the words it skips always score 0 there too.
    """
    hits = [j for j, low in enumerate(lowers) if low in lexicon]
    if not hits:
        return []
    n = len(words)
    n_caps = sum(1 for w in words if w.isupper())
    cap_diff = 0 < n - n_caps < n
    out: list[tuple[int, float]] = []
    for j in hits:
        item = words[j]
        i = words.index(item)  # NLTK's first_index: the first occurrence of this token
        low = lowers[i]
        note: list[str] | None = None
        if notes is not None:
            note = notes.setdefault(j, [])
            if i != j:
                # NLTK scores a repeated word in the context of its first occurrence
                note.append(f"repeated word: scored where it first occurs (word {i + 1})")
        if (i < n - 1 and low == "kind" and lowers[i + 1] == "of") or low in _BOOSTERS:
            out.append((j, 0))
            continue
        valence = lexicon[low]
        if item.isupper() and cap_diff:
            if valence > 0:
                valence += _K.C_INCR
            else:
                valence -= _K.C_INCR
            if note is not None:
                note.append("ALL CAPS ±0.733")
        for start_i in range(3):
            k = i - (start_i + 1)
            if i > start_i and lowers[k] not in lexicon:
                s = _scalar(words[k], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                if note is not None and s != 0:
                    kind = "booster" if (s > 0) == (valence > 0) else "dampener"
                    note.append(f"{kind} '{words[k]}' {s:+.3f}")
                valence = valence + s
                valence = _never_check(valence, words, start_i, i, note)
                if start_i == 2:
                    valence = _idioms_check(valence, words, i, note)
        # "least" negation
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * _K.N_SCALAR
                if note is not None:
                    note.append("negated by 'least' ×-0.74")
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append("negated by 'least' ×-0.74")
        out.append((j, valence))
    if "but" in lowers:
        bi = lowers.index("but")
        for k, (j, valence) in enumerate(out):
            if j < bi:
                out[k] = (j, valence * 0.5)
                if notes is not None and valence:
                    notes[j].append("before 'but' ×0.5")
            elif j > bi:
                out[k] = (j, valence * 1.5)
                if notes is not None and valence:
                    notes[j].append("after 'but' ×1.5")
    return out


def _never_check(valence, words, start_i, i, note):
    if start_i == 0:
        if _negated(words[i - 1]):
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 1]}' ×-0.74")
    if start_i == 1:
        if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
            valence = valence * 1.5
            if note is not None:
                note.append(f"'never {words[i - 1]}' ×1.5")
        elif _negated(words[i - 2]):
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 2]}' ×-0.74")
    if start_i == 2:
        if (
            words[i - 3] == "never"
            and (words[i - 2] == "so" or words[i - 2] == "this")
            or (words[i - 1] == "so" or words[i - 1] == "this")
        ):
            valence = valence * 1.25
            if note is not None:
                note.append("'so'/'this' emphasis ×1.25")
        elif _negated(words[i - 3]):
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 3]}' ×-0.74")
    return valence


def _idioms_check(valence, words, i, note):
    w = words
    sequences = [
        f"{w[i - 1]} {w[i]}",
        f"{w[i - 2]} {w[i - 1]} {w[i]}",
        f"{w[i - 2]} {w[i - 1]}",
        f"{w[i - 3]} {w[i - 2]} {w[i - 1]}",
        f"{w[i - 3]} {w[i - 2]}",
    ]
    for seq in sequences:
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
            break
    if len(w) - 1 > i:
        seq = f"{w[i]} {w[i + 1]}"
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
    if len(w) - 1 > i + 1:
        seq = f"{w[i]} {w[i + 1]} {w[i + 2]}"
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
    if sequences[4] in _BOOSTERS or sequences[2] in _BOOSTERS:
        valence = valence + _K.B_DECR
        if note is not None:
            note.append("dampener 'kind of'/'sort of'")
    return valence


def punctuation_emphasis(text: str) -> float:
    """VADER's emphasis from '!' (up to 4) and '?' (2 or more), added in the direction of the sum."""
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


def _score(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    """(neg, neu, pos, compound) from a sentiments list, as NLTK's score_valence computes them."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    return _score_hits([(j, s) for j, s in enumerate(sentiments) if s != 0], len(sentiments), text)


def _score_hits(
    hits: list[tuple[int, float]], n: int, text: str
) -> tuple[float, float, float, float]:
    """NLTK's score_valence for `n` words of which only `hits` may be non-zero (n > 0)."""
    sum_s = float(sum(v for _, v in hits))  # zeros do not change a float sum
    punct = punctuation_emphasis(text) if hits else 0.0
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n - len(hits)
    for _, s in hits:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


def vader_scores(text: str, lexicon: Mapping[str, float] | None = None) -> dict[str, float]:
    """VADER's polarity_scores for one sentence (same numbers as NLTK's, computed faster)."""
    lex = _base_lexicon() if lexicon is None else lexicon
    neg, neu, pos, compound = _score(word_valences(vader_words(text), lex), text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def _score_texts(texts: list[str], lexicon: Mapping[str, float]) -> list[tuple]:
    """(neg, neu, pos, compound, n_words, n_positive, n_negative) for each text."""
    out = []
    cache = _AFFIX_CACHE
    for text in texts:
        words = [cache.get(t) or _strip_affix(t) for t in text.split() if len(t) > 1]
        n = len(words)
        if not n:
            out.append((0.0, 0.0, 0.0, 0.0, 0, 0, 0))
            continue
        hits = _hits(words, [w.lower() for w in words], lexicon)
        n_pos = sum(1 for _, s in hits if s > 0)
        n_neg = sum(1 for _, s in hits if s < 0)
        out.append((*_score_hits(hits, n, text), n, n_pos, n_neg))
    return out


_WORKER_LEXICON: Mapping[str, float] = {}


def _init_worker(lexicon: Mapping[str, float]) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon


def _score_chunk(texts: list[str]) -> list[tuple]:
    return _score_texts(texts, _WORKER_LEXICON)


PARALLEL_MIN = 20_000  # distinct sentences below which one process is faster than a pool


def score_texts(
    texts: list[str],
    lexicon: str | os.PathLike | Mapping[str, float] | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """VADER scores for each text: neg, neu, pos, compound, n_words, n_positive, n_negative.

    Identical texts are scored once; with many distinct texts the work is spread over
    `workers` processes (None: every core).
    """
    lex = lexicon_dict(lexicon)
    unique = list(dict.fromkeys(texts))
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    if workers > 1 and len(unique) >= PARALLEL_MIN:
        size = max(2_000, len(unique) // (workers * 4))
        chunks = [unique[i : i + size] for i in range(0, len(unique), size)]
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(lex,)) as pool:
            scored = [row for part in pool.map(_score_chunk, chunks) for row in part]
    else:
        scored = _score_texts(unique, lex)
    by_text = dict(zip(unique, scored, strict=True))
    columns = ["neg", "neu", "pos", "compound", "n_words", "n_positive", "n_negative"]
    table = pd.DataFrame([by_text[t] for t in texts], columns=columns)
    if table.empty:
        table = table.astype(
            {c: "float64" for c in columns[:4]} | {c: "int64" for c in columns[4:]}
        )
    return table


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
    lexicon: str | os.PathLike | Mapping[str, float] | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """The `sentiment` table: VADER neg/neu/pos/compound and `in_quote` per body sentence."""
    sentences = corpus.sentences
    scores = score_texts(sentences["text"].tolist(), lexicon=lexicon, workers=workers)
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
    _check_threshold(threshold)
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


def _check_threshold(threshold: float) -> None:
    if not 0 <= threshold < 1:
        raise ValueError(
            f"threshold={threshold!r}: expected a number from 0 to 1 (VADER uses 0.05)"
        )


def sentiment_arc(sentiment: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """Compound along each article: relative position 0..1 and a centred moving average."""
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
    return pd.DataFrame(
        {
            "article_id": s["article_id"],
            "sentence_id": s["sentence_id"],
            "position": ((rank + 0.5) / n).round(4),
            "compound": s["compound"],
            "smoothed": smoothed.round(4),
        }
    )


def voice_tone(sentiment: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Quoted voices against the reporter's narrative, per article and for all articles."""
    _check_threshold(threshold)
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


def _alias_pattern(aliases: list[str]) -> re.Pattern:
    parts = []
    for alias in sorted({a.strip() for a in aliases if a.strip()}, key=len, reverse=True):
        body = re.escape(alias).replace(r"\ ", r"\s+")
        # short acronyms (IS, US, SDF) only in capitals, so "is" and "us" never match
        flag = "" if len(alias) <= 3 and alias.isupper() else "(?i:"
        parts.append(f"{flag}{body})" if flag else body)
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?![\w-])")


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


def target_mentions(corpus: Corpus, targets: Mapping[str, list[str]] | None = None) -> pd.DataFrame:
    """Every mention of a target group in body sentences: article_id, sentence_id, target, alias."""
    targets = DEFAULT_TARGETS if not targets else targets
    _check_targets(targets)
    rows = []
    sentences = corpus.sentences
    aids, sids, s_starts, texts = (
        sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "text")
    )
    # one search per target over all sentences joined by NUL (neither a word character nor
    # whitespace, so no alias matches across two sentences); offsets map back to sentences
    joined = "\x00".join(texts)
    offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]).tolist() if texts else []
    for target, aliases in targets.items():
        pattern = _alias_pattern(list(aliases))
        for m in pattern.finditer(joined):
            k = bisect.bisect_right(offsets, m.start()) - 1
            start = s_starts[k] + m.start() - offsets[k]
            rows.append((aids[k], sids[k], target, m.group(), start, start + len(m.group())))
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


def explain(
    text: str, lexicon: str | os.PathLike | Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Each VADER word of one sentence with its lexicon valence, valence after the rules, and why.

    The `valence` column is NLTK's `sentiments` list: its sum, plus `punctuation_emphasis`
    in the same direction, normalised as x / sqrt(x² + 15), is the compound score.
    """
    return _explain(text, lexicon_dict(lexicon))


def _explain(text: str, lex: Mapping[str, float]) -> pd.DataFrame:
    words = vader_words(text)
    notes: list[list[str]] = []
    valences = word_valences(words, lex, notes)
    return pd.DataFrame(
        {
            "position": range(len(words)),
            "word": words,
            "lexicon_valence": [lex.get(w.lower(), 0.0) for w in words],
            "valence": [float(v) for v in valences],
            "rules": ["; ".join(n) for n in notes],
        }
    ).astype({"word": "str", "rules": "str"})


def compound_from(valences: pd.Series | list[float], text: str) -> float:
    """Compound score recomputed from word valences (as `explain` gives them) and the text."""
    total = float(sum(valences))
    punct = punctuation_emphasis(text)
    if total > 0:
        total += punct
    elif total < 0:
        total -= punct
    return round(total / math.sqrt(total * total + 15), 4)


def word_contributions(
    corpus: Corpus, lexicon: str | os.PathLike | Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Every word with a non-zero valence after VADER's rules, per body sentence."""
    lex = lexicon_dict(lexicon)
    rows = []
    cache: dict[str, list[tuple]] = {}  # identical sentences (wire copies) explained once
    sentences = corpus.sentences
    columns = [sentences[c].tolist() for c in ("article_id", "sentence_id", "text")]
    for aid, sid, text in zip(*columns, strict=True):
        found = cache.get(text)
        if found is None:
            found = cache[text] = _contributions(text, lex)
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


def _contributions(text: str, lex: Mapping[str, float]) -> list[tuple]:
    """(position, word, norm, lexicon_valence, valence, rules) of each non-zero word."""
    words = vader_words(text)
    if not any(w.lower() in lex for w in words):
        return []
    notes: list[list[str]] = []
    valences = word_valences(words, lex, notes)
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
    corpus: Corpus,
    n: int = 5,
    lexicon: str | os.PathLike | Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The `n` most negative and `n` most positive sentences, with their text and explanation."""
    lex = lexicon_dict(lexicon)
    texts = corpus.sentences[["article_id", "sentence_id", "text"]].astype(
        {"article_id": "str", "sentence_id": "int64", "text": "str"}
    )  # typed, so that an empty corpus merges too
    s = sentiment.merge(texts, on=["article_id", "sentence_id"])
    s = s.sort_values(["compound", "article_id", "sentence_id"], kind="stable")
    neg = s.head(n).assign(which="most negative")
    pos = s.tail(n).iloc[::-1].assign(which="most positive")
    out = pd.concat([neg, pos], ignore_index=True)
    out["explanation"] = [_explanation_text(_explain(t, lex)) for t in out["text"]]
    cols = ["which", "article_id", "sentence_id", "compound", "in_quote", "text", "explanation"]
    return out[cols].astype({"explanation": "str"})


def compare_lexicons(
    corpus: Corpus,
    lexicon: str | os.PathLike | Mapping[str, float] | None = "conflict",
    quotes: pd.DataFrame | None = None,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Article tone side by side: VADER's lexicon alone and with `lexicon` added."""
    base = article_tone(score_sentences(corpus, quotes=quotes), threshold)
    other = article_tone(score_sentences(corpus, quotes=quotes, lexicon=lexicon), threshold)
    cols = ["mean_compound", "share_negative", "share_positive", "tone"]
    out = base[["article_id", *cols]].merge(
        other[["article_id", *cols]], on="article_id", suffixes=("_vader", "_with_lexicon")
    )
    return out[["article_id"] + [f"{c}_{w}" for c in cols for w in ("vader", "with_lexicon")]]


def changed_sentences(
    corpus: Corpus,
    lexicon: str | os.PathLike | Mapping[str, float] | None = "conflict",
    n: int = 10,
) -> pd.DataFrame:
    """The `n` sentences whose compound changes most when `lexicon` is added."""
    texts = corpus.sentences["text"].tolist()
    base = score_texts(texts)["compound"]
    other = score_texts(texts, lexicon=lexicon)["compound"]
    out = corpus.sentences[["article_id", "sentence_id", "text"]].reset_index(drop=True)
    out = out.assign(compound_vader=base, compound_with_lexicon=other)
    out["change"] = (out["compound_with_lexicon"] - out["compound_vader"]).round(4)
    out = out[out["change"] != 0].assign(size=lambda d: d["change"].abs())
    out = out.sort_values(["size", "article_id", "sentence_id"], ascending=[False, True, True])
    return out.drop(columns="size").head(n).reset_index(drop=True)


# --------------------------------------------------------------------------- plots


def article_labels(corpus: Corpus, width: int = 36) -> dict[str, str]:
    """Short labels for plots: the id's first part and the start of the title."""
    labels = {}
    for aid, title in corpus.articles[["article_id", "title"]].itertuples(index=False):
        title = str(title) if pd.notna(title) else ""
        short = title if len(title) <= width else title[: width - 1].rstrip() + "…"
        labels[aid] = f"{str(aid).split('_')[0]} {short}".strip()
    return labels


MAX_ARTICLES = 30  # articles shown in per-article figures; larger corpora show the longest


def _largest(weights: pd.Series, limit: int = MAX_ARTICLES) -> list[str]:
    """The `limit` article ids with the largest summed weight, in id order."""
    counts = weights.groupby(level=0).sum().sort_index()
    counts = counts.sort_values(ascending=False, kind="stable")
    return sorted(counts.index[:limit].tolist())


def _legend(ax: plt.Axes, **kwargs) -> None:
    """A legend only when something is labelled (an empty corpus plots nothing)."""
    if ax.get_legend_handles_labels()[0]:
        ax.legend(**kwargs)


def plot_distribution(
    sentiment: pd.DataFrame, corpus: Corpus, threshold: float = THRESHOLD
) -> tuple[plt.Figure, pd.DataFrame]:
    """Box and points of sentence compound scores per article."""
    labels = article_labels(corpus)
    keep = _largest(sentiment.groupby("article_id").size())
    data = sentiment.loc[
        sentiment["article_id"].isin(keep), ["article_id", "sentence_id", "compound", "in_quote"]
    ].sort_values(["article_id", "sentence_id"])
    data = data.assign(
        article=data["article_id"].map(labels),
        voice=np.where(data["in_quote"], "quote", "narrative"),
    ).reset_index(drop=True)
    order = [labels[a] for a in keep]
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.55 * len(order)))
    sns.boxplot(data=data, x="compound", y="article", order=order, color="0.85", fliersize=0, ax=ax)
    # points jittered by a fixed generator, so the saved figure is the same on every run
    jitter = np.random.default_rng(0).uniform(-0.25, 0.25, len(data))
    rows = data["article"].map({a: k for k, a in enumerate(order)}).to_numpy() + jitter
    colors = sns.color_palette(n_colors=2)
    for k, voice in enumerate(["narrative", "quote"]):
        chosen = (data["voice"] == voice).to_numpy()
        if chosen.any():
            ax.scatter(
                data["compound"][chosen],
                rows[chosen],
                s=12,
                alpha=0.75,
                color=colors[k],
                label=voice,
                zorder=3,
            )
    for x in (-threshold, threshold):
        ax.axvline(x, color="0.4", lw=0.8, ls="--")
    ax.set_xlim(-1.02, 1.02)
    shown = (
        "" if len(keep) == sentiment["article_id"].nunique() else f" ({len(keep)} longest articles)"
    )
    ax.set_title("Sentence sentiment per article" + shown)
    ax.set_xlabel("VADER compound score per sentence (−1 negative … +1 positive)")
    ax.set_ylabel("")
    _legend(ax, title="", loc="lower right", fontsize=8, title_fontsize=8)
    return fig, data


def plot_arcs(arc: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Smoothed compound along each article (up to 12 articles), else the corpus mean by decile."""
    fig, ax = plt.subplots()
    if arc["article_id"].nunique() <= 12:
        labels = article_labels(corpus)
        data = arc.assign(article=arc["article_id"].map(labels))
        sns.lineplot(data=data, x="position", y="smoothed", hue="article", ax=ax, lw=1.6)
        _legend(ax, title="article", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_title("Sentiment arc of each article")
    else:
        decile = np.minimum((arc["position"] * 10).astype(int), 9)
        data = (
            arc.assign(position=(decile + 0.5) / 10)
            .groupby("position")["compound"]
            .agg(
                mean="mean",
                q25=lambda x: x.quantile(0.25),
                q75=lambda x: x.quantile(0.75),
                n_sentences="size",
            )
            .reset_index()
            .round(4)
        )
        ax.fill_between(data["position"], data["q25"], data["q75"], alpha=0.25, label="middle half")
        ax.plot(data["position"], data["mean"], marker="o", label="mean")
        _legend(ax, fontsize=8)
        ax.set_title(f"Sentiment arc, {arc['article_id'].nunique()} articles")
    ax.axhline(0, color="0.4", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("Position in article (0 = first body sentence, 1 = last)")
    ax.set_ylabel("Compound score (moving average)")
    return fig, data.reset_index(drop=True)


def plot_voices(voices: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean compound of quoted sentences against narrative sentences, per article and overall."""
    labels = {**article_labels(corpus, width=24), "all articles": "All articles"}
    per_article = voices[voices["article_id"] != "all articles"]
    keep = set(_largest(per_article.set_index("article_id")["n_sentences"]))
    data = voices[voices["article_id"].isin(keep | {"all articles"})].copy()
    data["article"] = data["article_id"].map(labels)
    order = [labels[a] for a in sorted(keep)] + ["All articles"]
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.6 * len(order)))
    sns.barplot(
        data=data,
        y="article",
        x="mean_compound",
        hue="voice",
        order=order,
        hue_order=["narrative", "quote"],
        ax=ax,
    )
    for container, voice in zip(ax.containers, ["narrative", "quote"], strict=False):
        counts = data[data["voice"] == voice].set_index("article")["n_sentences"]
        ax.bar_label(
            container, labels=[f"n={counts.get(a, 0)}" for a in order], fontsize=8, padding=3
        )
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Quoted voices against the reporter's narrative")
    ax.set_xlabel("Mean compound score of the sentences")
    ax.set_ylabel("")
    _legend(ax, title="", fontsize=8)
    return fig, data.reset_index(drop=True)


def plot_targets(tone: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap of mean compound per target group and article, annotated with sentence counts."""
    labels = article_labels(corpus, width=32)
    keep = _largest(tone.set_index("article_id")["n_sentences"])
    data = tone[tone["article_id"].isin(keep)].copy()
    targets = list(dict.fromkeys(data["target"]))
    means = data.pivot(index="target", columns="article_id", values="mean_compound").reindex(
        index=targets, columns=keep
    )
    counts = data.pivot(index="target", columns="article_id", values="n_sentences").reindex(
        index=targets, columns=keep
    )
    annot = means.round(2).astype(object).where(means.isna(), means.map(lambda v: f"{v:+.2f}"))
    annot = annot.where(means.isna(), annot + "\nn=" + counts.fillna(0).astype(int).astype(str))
    fig, ax = plt.subplots(figsize=(2 + 1.5 * max(len(keep), 2), 1.5 + 0.7 * max(len(targets), 1)))
    sns.heatmap(
        means,
        annot=annot.fillna(""),
        fmt="",
        cmap="RdBu",
        vmin=-1,
        vmax=1,
        center=0,
        linewidths=0.5,
        cbar_kws={"label": "mean compound"},
        ax=ax,
        annot_kws={"size": 8},
    )
    ax.set_xticklabels([labels.get(a, a) for a in keep], rotation=30, ha="right", fontsize=9)
    ax.grid(False)
    ax.set_title("Tone of sentences that mention each group")
    ax.set_xlabel("Article")
    ax.set_ylabel("")
    return fig, data.reset_index(drop=True)


def plot_drivers(contributions: pd.DataFrame, top_n: int = 15) -> tuple[plt.Figure, pd.DataFrame]:
    """The words whose valences (after VADER's rules) add up to the most sentiment in the corpus."""
    data = (
        contributions.groupby("norm")
        .agg(
            total_valence=("valence", "sum"),
            n=("valence", "size"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
        .rename(columns={"norm": "word"})
    )
    data = data.assign(size=data["total_valence"].abs())
    data = data.sort_values(["size", "word"], ascending=[False, True]).head(top_n)
    data = data.drop(columns="size").reset_index(drop=True).round(4)
    data["direction"] = np.where(data["total_valence"] >= 0, "positive", "negative")
    fig, ax = plt.subplots(figsize=(8, 1 + 0.35 * max(len(data), 1)))
    sns.barplot(
        data=data,
        y="word",
        x="total_valence",
        hue="direction",
        hue_order=["negative", "positive"],
        palette=["#c0392b", "#2471a3"],
        dodge=False,
        ax=ax,
    )
    for y, (value, n) in enumerate(data[["total_valence", "n"]].itertuples(index=False)):
        ax.text(value, y, f" {n}× ", va="center", ha="left" if value >= 0 else "right", fontsize=8)
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Words that drive the tone of the corpus")
    ax.set_xlabel("Sum of word valences after VADER's rules (label: occurrences)")
    ax.set_ylabel("")
    _legend(ax, title="", fontsize=8)
    return fig, data
