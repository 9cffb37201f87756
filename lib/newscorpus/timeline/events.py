"""Tables for analysts: selected dates, kind summary, dated events, counts per period, spans."""

from __future__ import annotations

import re

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.timeline.grammar import GRANULARITIES, KINDS
from newscorpus.timeline.resolve import anchor_dates
from newscorpus.timeline.tense import _marker

# --------------------------------------------------------------------------- tables for analysts


def _check_choice(name: str, value, allowed) -> None:
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {', '.join(map(repr, allowed))}")


def select_dates(
    dates: pd.DataFrame,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Resolved rows of the given kinds whose interval overlaps [date_from, date_to] (ISO dates)."""
    kinds = list(KINDS if kinds is None else kinds)
    for k in kinds:
        _check_choice("kinds", k, KINDS)
    out = dates[dates["kind"].isin(kinds) & dates["start_date"].notna()]
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value:
            try:
                pd.Timestamp(value)
            except ValueError as exc:
                raise ValueError(f"{name}={value!r} is not a date (expected YYYY-MM-DD)") from exc
    if date_from:
        out = out[out["end_date"] >= pd.Timestamp(date_from)]
    if date_to:
        out = out[out["start_date"] <= pd.Timestamp(date_to)]
    return out.reset_index(drop=True)


def kind_summary(dates: pd.DataFrame) -> pd.DataFrame:
    """Per kind: expressions found, how many were placed on the calendar, and examples."""
    rows = []
    for kind in KINDS:
        part = dates[dates["kind"] == kind]
        examples = list(dict.fromkeys(part["text"].str.lower()))[:4]
        rows.append(
            {
                "kind": kind,
                "n_expressions": len(part),
                "n_resolved": int(part["start_date"].notna().sum()),
                "examples": ", ".join(examples),
            }
        )
    return pd.DataFrame(rows).astype({"kind": "str", "examples": "str"})


_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been has have had it"
    " its their they them this that these those there which who what when where while after"
    " before during since until than then also say according into over about"
    " some many more most other all any each his her he she we our us not no only still even"
    " just up out would could will can may might do did does being so if how between".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_AUXILIARIES = frozenset("was were had did is are be been being has have does".split())
_VERBS = frozenset(
    "said says told killed attacked released surrendered struck fled began ended seized took"
    " fell rose declared announced launched claimed reported".split()
)


def _is_verb(word: str) -> bool:
    w = word.lower()
    if w in _AUXILIARIES:
        return False
    return w in _VERBS or _marker([w], 0) in ("past", "weak", "report")


def event_label(sentence: str, start: int, end: int, n_words: int = 4) -> str:
    """A few words naming the event a date belongs to: the verb of its clause and its neighbours.

    The nearest verb in the past tense before the expression (else after it) with the content
    words around it; without a verb, the content words nearest the expression.
    """
    left = re.split(r"[;:—–(“”\"]|,\s|\bbut\b", sentence[:start])[-1]
    right = re.split(r"[;:—–(.“”\"]|,\s|\bbut\b", sentence[end:])[0]

    def keep(w: str) -> bool:
        return (w.lower() not in _STOP and w.lower() not in _AUXILIARIES) or _is_verb(w)

    words_left = [w for w in _WORD.findall(left) if keep(w)]
    words_right = [w for w in _WORD.findall(right) if keep(w)]
    if not words_left and not words_right:  # the clause is only the date: use the sentence
        words_left = [w for w in _WORD.findall(sentence[:start]) if keep(w)]
        words_right = [w for w in _WORD.findall(sentence[end:]) if keep(w)]
    words = words_left + words_right
    verbs = [i for i, w in enumerate(words_left) if _is_verb(w)]
    if not verbs:
        verbs = [len(words_left) + i for i, w in enumerate(words_right) if _is_verb(w)][:1]
    if verbs:
        v = verbs[-1]
        return " ".join(words[max(0, v - 2) : v + 2][:n_words])
    nearest = words_left[-n_words:]
    if len(nearest) < 2:
        nearest = (nearest + words_right)[:n_words]
    return " ".join(nearest)


def dated_events(
    corpus: Corpus,
    dates: pd.DataFrame,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Resolved mentions in chronological order: date, article, event words, expression, sentence.

    `corpus` is a Corpus or its `sentences` table (article_id, sentence_id, text, start).
    """
    chosen = select_dates(dates, kinds, date_from, date_to)
    table = corpus if isinstance(corpus, pd.DataFrame) else corpus.sentences
    sentences = table.set_index(["article_id", "sentence_id"])
    keys = list(zip(chosen["article_id"], chosen["sentence_id"], strict=True))
    sent_text = sentences.loc[keys, "text"].tolist() if keys else []
    sent_start = sentences.loc[keys, "start"].tolist() if keys else []
    labels = [
        event_label(t, s - s0, e - s0)
        for t, s, e, s0 in zip(sent_text, chosen["start"], chosen["end"], sent_start, strict=True)
    ]
    out = pd.DataFrame(
        {
            "start_date": chosen["start_date"],
            "end_date": chosen["end_date"],
            "article_id": chosen["article_id"],
            "sentence_id": chosen["sentence_id"],
            "expression": chosen["text"],
            "value": chosen["resolved"],
            "kind": chosen["kind"],
            "event": pd.Series(labels, index=chosen.index, dtype="str"),
            "sentence": pd.Series(sent_text, index=chosen.index, dtype="str"),
            "start": chosen["start"],
        }
    )
    out = out.sort_values(["start_date", "end_date", "article_id", "start"], kind="stable")
    return out.drop(columns="start").reset_index(drop=True)


def mention_counts(dates: pd.DataFrame, granularity: str = "year", **select) -> pd.DataFrame:
    """Mentions per period (year or month) and kind; a mention counts in every period it spans."""
    _check_choice("granularity", granularity, GRANULARITIES)
    chosen = select_dates(dates, **select)
    freq = "Y" if granularity == "year" else "M"
    records = []
    for lo, hi, kind in zip(chosen["start_date"], chosen["end_date"], chosen["kind"], strict=True):
        for period in pd.period_range(lo.to_period(freq), hi.to_period(freq), freq=freq):
            records.append((str(period), kind))
    out = pd.DataFrame(records, columns=["period", "kind"])
    out = out.value_counts().rename("n_mentions").reset_index()
    out["kind"] = pd.Categorical(out["kind"], categories=KINDS)
    out = out.sort_values(["period", "kind"]).reset_index(drop=True)
    out["kind"] = out["kind"].astype("str")
    return out.astype({"n_mentions": "int64"})


def article_spans(corpus: Corpus, dates: pd.DataFrame, **select) -> pd.DataFrame:
    """Per article: its anchor date and where it came from, and the span of dates it talks about."""
    chosen = select_dates(dates, **select)
    anchors = anchor_dates(corpus)
    spans = chosen.groupby("article_id").agg(
        earliest=("start_date", "min"),
        latest=("end_date", "max"),
        n_mentions=("start_date", "size"),
    )
    out = anchors.merge(spans, on="article_id", how="left")
    out["n_mentions"] = out["n_mentions"].fillna(0).astype("int64")
    return out.sort_values("article_id").reset_index(drop=True)
