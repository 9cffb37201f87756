"""Quote extraction against hand-annotated gold: precision/recall/F1 by span overlap, speaker accuracy.

Two golds. The seeds' hand annotation in `tests/gold/quotes/` (`quotes.csv`: every quotation of
the seed articles with its speaker; `indirect.csv`: attributions without quotation marks): a
predicted quote matches a gold quote when their character spans overlap by at least half of each
span (one-to-one); speaker accuracy is the share of matched quotes whose speaker equals one of
the gold alternatives (case, a leading "the" and curly apostrophes ignored).

PolNeAR (`--polnear`, or a `--gold` folder of brat `.ann` files): scored as
`../shared/gold/README.md` says (see `score_polnear`), per split of the corpus manifest.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus import read_corpus
from newscorpus.corpus import Corpus
from newscorpus.paths import PROJECT_ROOT, SEEDS_DIR, project_path
from newscorpus.sources import find_quotes

GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "quotes"
POLNEAR_GOLD = PROJECT_ROOT.parent / "shared" / "gold" / "polnear" / "attributions"
POLNEAR_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "polnear"


def normalise_speaker(name: object) -> str:
    """A speaker name folded for comparison: lowercase, no leading "the", straight apostrophes."""
    if not isinstance(name, str):
        return ""
    text = " ".join(name.replace("’", "'").lower().split())
    return text[4:] if text.startswith("the ") else text


def speaker_matches(predicted: object, gold: str) -> bool:
    """True when `predicted` equals one of the `|`-separated gold alternatives."""
    alternatives = {normalise_speaker(g) for g in str(gold).split("|")}
    return normalise_speaker(predicted) in alternatives


def gold_spans(gold: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Add start/end to gold quotes by finding each quote's text in its paragraph."""
    paras = corpus.paragraphs.set_index(["article_id", "paragraph_id"])
    starts, ends = [], []
    for row in gold.itertuples():
        p = paras.loc[(row.article_id, int(row.paragraph_id))]
        offset = p["text"].find(row.quote)
        if offset < 0:
            raise ValueError(
                f"gold quote not found in {row.article_id} paragraph {row.paragraph_id}: "
                f"{row.quote[:60]!r}"
            )
        starts.append(int(p["start"]) + offset)
        ends.append(int(p["start"]) + offset + len(row.quote))
    return gold.assign(start=starts, end=ends)


_MARKED = re.compile(r"[“\"«„]\s*([^“”\"«»„]*?)\s*[”\"»“]|''\s*((?:(?!'').)*?)\s*''")


def quote_parts(quotes: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """One row per part of a quote: a row whose quote joins parts with " … " is split.

    The seed gold has one row per pair of quotation marks, while `find_quotes` gives one row per
    attribution (`“A,” X said, “B.”` is one row, quote `A … B`; `said the plan was “dead on
    arrival”` is the claim with the quoted words in it): each part is found in order inside the
    row's start/end span (for a claim: the words inside each pair of marks) and keeps the row's
    other columns. Claims of kind indirect that hold quoted words count as partial quotes.
    """
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    rows = []
    for row in quotes.to_dict("records"):
        if row["kind"] != "direct":  # a claim holding quoted words: the words in their marks
            text = texts[row["article_id"]]
            found = [
                (row["start"] + m.start(1), row["start"] + m.end(1))
                for m in _MARKED.finditer(text[row["start"] : row["end"]])
            ]
            if found:
                rows += [{**row, "quote": text[a:b], "start": a, "end": b} for a, b in found]
                continue
        parts = row["quote"].split(" … ")
        if len(parts) == 1:
            rows.append(row)
            continue
        text, pos = texts[row["article_id"]], row["start"]
        for part in parts:
            at = text.find(part, pos, row["end"])
            if at < 0:  # an ellipsis inside the quoted words: keep the row whole
                rows = rows[: len(rows) - parts.index(part)] + [row]
                break
            rows.append({**row, "quote": part, "start": at, "end": at + len(part)})
            pos = at + len(part)
    return pd.DataFrame(rows, columns=quotes.columns).reset_index(drop=True)


def match_spans(pred: pd.DataFrame, gold: pd.DataFrame, min_share: float = 0.5) -> list:
    """One-to-one (pred index, gold index) pairs whose spans overlap by `min_share` of each."""
    pairs = []
    for aid, g in gold.groupby("article_id"):
        p = pred[pred["article_id"] == aid]
        for gi, grow in g.iterrows():
            for pi, prow in p.iterrows():
                overlap = min(grow["end"], prow["end"]) - max(grow["start"], prow["start"])
                glen, plen = grow["end"] - grow["start"], prow["end"] - prow["start"]
                if overlap >= min_share * glen and overlap >= min_share * plen and overlap > 0:
                    pairs.append((overlap, pi, gi))
    pairs.sort(key=lambda t: -t[0])
    used_p, used_g, out = set(), set(), []
    for _, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def _prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(corpus: Corpus, gold_dir: Path = GOLD_DIR, quotes: pd.DataFrame | None = None) -> dict:
    """Scores of `find_quotes` on `corpus` against the gold files, with the errors behind them."""
    quotes = find_quotes(corpus) if quotes is None else quotes
    gold = pd.read_csv(gold_dir / "quotes.csv", dtype={"paragraph_id": int}, keep_default_na=False)
    gold = gold[gold["article_id"].isin(set(corpus.articles["article_id"]))]
    gold = gold_spans(gold.reset_index(drop=True), corpus)
    marked = quotes["kind"].eq("indirect") & quotes["quote"].str.contains(r"[“”\"«»„]|''")
    pred = quotes[quotes["kind"].isin(["direct", "partial"]) | marked].reset_index(drop=True)
    pred = quote_parts(pred.assign(kind=pred["kind"].where(~marked, "partial")), corpus)
    pairs = match_spans(pred, gold)
    speaker_ok = [
        speaker_matches(pred.loc[pi, "speaker"], gold.loc[gi, "speaker"]) for pi, gi in pairs
    ]
    kind_ok = [str(pred.loc[pi, "kind"]) == gold.loc[gi, "kind"] for pi, gi in pairs]
    p, r, f = _prf(len(pairs), len(pred), len(gold))
    matched_p = {pi for pi, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    result = {
        "n_gold": len(gold),
        "n_predicted": len(pred),
        "n_matched": len(pairs),
        "precision": p,
        "recall": r,
        "f1": f,
        "speaker_accuracy": sum(speaker_ok) / len(pairs) if pairs else 0.0,
        "kind_accuracy": sum(kind_ok) / len(pairs) if pairs else 0.0,
        "false_positives": pred.drop(index=list(matched_p)),
        "missed": gold.drop(index=list(matched_g)),
        "wrong_speaker": pd.DataFrame(
            [
                {
                    "article_id": gold.loc[gi, "article_id"],
                    "quote": gold.loc[gi, "quote"][:60],
                    "gold": gold.loc[gi, "speaker"],
                    "predicted": pred.loc[pi, "speaker"],
                }
                for (pi, gi), ok in zip(pairs, speaker_ok, strict=True)
                if not ok
            ],
            columns=["article_id", "quote", "gold", "predicted"],
        ),
    }
    indirect_path = gold_dir / "indirect.csv"
    if indirect_path.exists():
        result.update(
            _score_indirect(
                quotes,
                pd.read_csv(indirect_path, keep_default_na=False),
                set(corpus.articles["article_id"]),
            )
        )
    return result


def _score_indirect(quotes: pd.DataFrame, gold: pd.DataFrame, articles: set) -> dict:
    gold = gold[gold["article_id"].isin(articles)].reset_index(drop=True)
    pred = quotes[quotes["kind"] == "indirect"].reset_index(drop=True)
    used, n_match, n_speaker = set(), 0, 0
    for _, g in gold.iterrows():
        cands = pred[
            (pred["article_id"] == g["article_id"]) & (pred["paragraph_id"] == g["paragraph_id"])
        ]
        cands = [pi for pi in cands.index if pi not in used]
        if not cands:
            continue
        best = next(
            (pi for pi in cands if speaker_matches(pred.loc[pi, "speaker"], g["speaker"])), cands[0]
        )
        used.add(best)
        n_match += 1
        n_speaker += speaker_matches(pred.loc[best, "speaker"], g["speaker"])
    p, r, f = _prf(n_match, len(pred), len(gold))
    return {
        "indirect_n_gold": len(gold),
        "indirect_n_predicted": len(pred),
        "indirect_precision": p,
        "indirect_recall": r,
        "indirect_f1": f,
        "indirect_speaker_accuracy": n_speaker / n_match if n_match else 0.0,
    }


# --------------------------------------------------------------------------- PolNeAR (brat)

_QUOTE_OPENINGS = ('"', "“", "”", "„", "«", "»", "``", "''")
_QUOTE_ENDINGS = ('"', "“", "”", "«", "»", "''", "``")
_TITLE_WORDS = frozenset(
    "mr mrs ms miss dr prof sen senator rep gov governor gen general col lt capt sgt adm "
    "president vice chairman chairwoman secretary minister prime speaker leader judge justice "
    "rev sir dame lord lady mayor ambassador spokesman spokeswoman spokesperson chief deputy "
    "former candidate nominee".split()
)
_FUNCTION_WORDS = frozenset(
    "the a an of and or in on at to for from by with as his her their its our my your he she "
    "they it we i you him them us me who that this these those one some".split()
)
_BRAT_T = re.compile(r"T\d+\t")
_BRAT_E = re.compile(r"E\d+\t")
_NAME_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def read_brat(path: Path) -> pd.DataFrame:
    """The attributions of one brat `.ann` file (PolNeAR format), one row each.

    Returns columns: attribution (its `E` id), content (list of (start, end) fragments of the
    Content and any Content2 span, offsets into the article's text), content_text, source
    (the Source surface, "" when the attribution has none), source_start, cue. `T` lines not
    tied to an attribution (Discard, Discuss) are ignored, and so are the continuation lines of a
    surface that holds a line break. Raises ValueError naming the file and line for a malformed
    `T` line.
    """
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if _BRAT_T.match(line):
            try:
                tid, head, surface = line.split("\t", 2)
                label, offsets = head.split(" ", 1)
                frags = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            except ValueError as err:
                raise ValueError(f"{path.name} line {number}: not a brat T line: {line!r}") from err
            spans[tid] = (label, frags, surface)
        elif _BRAT_E.match(line):
            events.append(line.split("\t", 1)[0:2])
    rows = []
    for eid, args in (e for e in events if len(e) == 2):
        roles = dict(arg.split(":", 1) for arg in args.split() if ":" in arg)
        content = [
            f for key in ("Content", "Content2") if key in roles for f in spans[roles[key]][1]
        ]
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), ("", [(-1, -1)], ""))
        rows.append(
            {
                "attribution": eid,
                "content": sorted(content),
                "content_text": " ".join(
                    spans[roles[k]][2] for k in ("Content", "Content2") if k in roles
                ),
                "source": source[2],
                "source_start": source[1][0][0],
                "cue": spans.get(roles.get("Cue", ""), ("", [], ""))[2],
            }
        )
    return pd.DataFrame(
        rows, columns=["attribution", "content", "content_text", "source", "source_start", "cue"]
    )


def read_polnear(gold_dir: Path, corpus: Corpus, double_only: bool = False) -> pd.DataFrame:
    """PolNeAR gold for the articles of `corpus`: one row per attribution.

    An article annotated by several annotators (`<article>_<annotator>.ann`) uses the lowest
    annotator id. Adds article_id, start/end (first and last content offsets), length (the
    characters of the content fragments only) and direct (the content, taken from the article
    text, begins or ends with a quotation mark: a double one, straight, curly, guillemets, or
    the ``…'' style, or a single one used as a quotation mark, see `single_marked`; with
    `double_only`, the older reading, double marks only). Raises FileNotFoundError when
    `gold_dir` holds no `.ann` file.
    """
    files = sorted(Path(gold_dir).glob("*.ann"))
    if not files:
        raise FileNotFoundError(f"gold={str(gold_dir)!r}: no brat .ann files in this folder")
    chosen: dict[str, Path] = {}
    for f in files:
        article, _, annotator = f.stem.rpartition("_")
        if article not in chosen or annotator < chosen[article].stem.rpartition("_")[2]:
            chosen[article] = f
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    tables = []
    for article, path in sorted(chosen.items()):
        if article not in texts:
            continue
        t = read_brat(path)
        text = texts[article]
        t.insert(0, "article_id", article)
        t["start"] = [c[0][0] for c in t["content"]]
        t["end"] = [c[-1][1] for c in t["content"]]
        t["length"] = [sum(e - s for s, e in c) for c in t["content"]]
        t["direct"] = [
            text[s:e].strip().startswith(_QUOTE_OPENINGS)
            or text[c[-1][0] : c[-1][1]].strip().endswith(_QUOTE_ENDINGS)
            or (not double_only and single_marked(text, c))
            for c, s, e in zip(
                t["content"], t["start"], [c[0][1] for c in t["content"]], strict=True
            )
        ]
        tables.append(t)
    if not tables:
        columns = ["article_id", "attribution", "content", "content_text", "source"]
        columns += ["source_start", "cue", "start", "end", "length", "direct"]
        return pd.DataFrame(columns=columns)
    gold = pd.concat(tables, ignore_index=True)
    return gold.astype({"direct": bool, "start": "int64", "end": "int64", "length": "int64"})


_SINGLE_OPEN = "‘’'"
# After an opening single mark: an elided decade or word ("’70s", "'em", "'til"), no quote.
_ELISION = re.compile(r"(?:\d\ds?\b|(?:em|til|tis|twas|cause|n)\b)", re.IGNORECASE)
_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=[\w‘“\"])")


def single_marked(text: str, content: list[tuple[int, int]]) -> bool:
    """Whether a Content (its (start, end) fragments in `text`) begins or ends with a single
    quotation mark used as one (the gold README's "a quotation mark (straight, curly …)").

    Begins: ‘, ’ or ' right before a word or another mark, not inside a word (no letter just
    before the Content) and not an elision ("’70s", "'em"). Ends: ’ or ' after punctuation or
    a mark; after a word, unless a possessive plural ("Sanders’", "viewers'") with no opening
    single mark before it in the Content. Rule written for this package; inputs are the
    article text and the Content's fragments, offsets as in `read_brat`.
    """
    first = text[content[0][0] : content[0][1]]
    lead = len(first) - len(first.lstrip())
    head, at = first.strip(), content[0][0] + lead
    if head[:1] in _SINGLE_OPEN and head[1:2] and (head[1].isalnum() or head[1] in "‘“\"'"):
        if not (at and text[at - 1].isalpha()) and not _ELISION.match(head, 1):
            return True
    last = text[content[-1][0] : content[-1][1]].rstrip()
    if last[-1:] not in ("’", "'") or len(last) < 2:
        return False
    before = last[-2]
    if not before.isalnum():
        return not before.isspace()
    if before.lower() != "s":
        return True
    whole = " ".join(text[s:e] for s, e in content)
    return "‘" in whole or _SINGLE_OPENER.search(whole) is not None


def name_words(name: object) -> set[str]:
    """The words of a speaker name that can identify it (PolNeAR speaker rule).

    Lower-cased, curly apostrophes straightened, a possessive 's dropped; titles (Mr, Dr, Sen.,
    Gen., President, …), pronouns and function words removed; only words of 3 letters or more.
    """
    if not isinstance(name, str):
        return set()
    words = _NAME_WORD_RE.findall(name.lower().replace("’", "'"))
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return {w for w in words if len(w) >= 3 and w not in _TITLE_WORDS | _FUNCTION_WORDS}


def speakers_agree(predicted: object, gold: object) -> bool | None:
    """True when the names share a word (see `name_words`); None when gold has no such word."""
    gold_words = name_words(gold)
    if not gold_words:
        return None
    return bool(gold_words & name_words(predicted))


def match_fragments(pred: pd.DataFrame, gold: pd.DataFrame, min_share: float = 0.3) -> list:
    """One-to-one (pred index, gold index) pairs: overlap ÷ gold length ≥ `min_share`.

    The overlap counts only the gold content's fragments (`gold.content`); pairs are taken
    largest share first, so each gold has at most one prediction and each prediction one gold.
    """
    pairs = []
    p_by_article = {aid: g for aid, g in pred.groupby("article_id", sort=False)}
    for aid, g in gold.groupby("article_id", sort=False):
        p = p_by_article.get(aid)
        if p is None:
            continue
        p_spans = list(zip(p.index, p["start"], p["end"], strict=True))
        for gi, frags, glen in zip(g.index, g["content"], g["length"], strict=True):
            if glen <= 0:
                continue
            for pi, ps, pe in p_spans:
                if pe <= frags[0][0] or ps >= frags[-1][1]:
                    continue
                overlap = sum(max(0, min(e, pe) - max(s, ps)) for s, e in frags)
                if overlap / glen >= min_share:
                    pairs.append((overlap / glen, overlap, pi, gi))
    pairs.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    used_p, used_g, out = set(), set(), []
    for _, _, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def _polnear_scores(quotes: pd.DataFrame, gold: pd.DataFrame) -> dict:
    pred = quotes[quotes["kind"].isin(["direct", "partial"])]
    direct = gold[gold["direct"]]
    pairs = match_fragments(pred, direct)
    agree = [speakers_agree(pred.at[pi, "speaker"], direct.at[gi, "source"]) for pi, gi in pairs]
    scored = [a for a in agree if a is not None]
    p, r, f = _prf(len(pairs), len(pred), len(direct))
    ind_pred = quotes[quotes["kind"] == "indirect"]
    ind_gold = gold[~gold["direct"]]
    ind_pairs = match_fragments(ind_pred, ind_gold)
    ip, ir, i_f = _prf(len(ind_pairs), len(ind_pred), len(ind_gold))
    ind_agree = [
        speakers_agree(ind_pred.at[pi, "speaker"], ind_gold.at[gi, "source"])
        for pi, gi in ind_pairs
    ]
    ind_scored = [a for a in ind_agree if a is not None]
    matched_p, matched_g = {pi for pi, _ in pairs}, {gi for _, gi in pairs}
    return {
        "n_articles": gold["article_id"].nunique() if len(gold) else 0,
        "n_gold": len(direct),
        "n_predicted": len(pred),
        "n_matched": len(pairs),
        "precision": p,
        "recall": r,
        "f1": f,
        "n_speaker_scored": len(scored),
        "speaker_accuracy": sum(scored) / len(scored) if scored else 0.0,
        "indirect_n_gold": len(ind_gold),
        "indirect_n_predicted": len(ind_pred),
        "indirect_n_matched": len(ind_pairs),
        "indirect_precision": ip,
        "indirect_recall": ir,
        "indirect_f1": i_f,
        "indirect_speaker_accuracy": sum(ind_scored) / len(ind_scored) if ind_scored else 0.0,
        "false_positives": pred.drop(index=list(matched_p)),
        "missed": direct.drop(index=list(matched_g)),
        "wrong_speaker": pd.DataFrame(
            [
                {
                    "article_id": direct.at[gi, "article_id"],
                    "start": pred.at[pi, "start"],
                    "quote": pred.at[pi, "quote"],
                    "gold": direct.at[gi, "source"],
                    "predicted": pred.at[pi, "speaker"],
                }
                for (pi, gi), ok in zip(pairs, agree, strict=True)
                if ok is False
            ],
            columns=["article_id", "start", "quote", "gold", "predicted"],
        ),
    }


def score_polnear(
    corpus: Corpus,
    gold_dir: Path = POLNEAR_GOLD,
    quotes: pd.DataFrame | None = None,
    by: str = "split",
    double_only: bool = False,
) -> dict:
    """`find_quotes` on `corpus` scored against PolNeAR attributions, per split and overall.

    Inputs: the corpus the `.ann` offsets point into, the folder of `.ann` files, optionally a
    ready `quotes` table, and the `articles` column naming each article's split (`by`; one group
    "all" when the column is missing). Returns {split: scores, …, "all": scores, "cpu_seconds":
    find_quotes CPU time (None when `quotes` was given), "n_articles": articles scored}. Scores
    follow `../shared/gold/README.md`: gold direct quotes are attributions whose Content begins
    or ends with a quotation mark; a predicted `direct` or `partial` quote matches one when
    overlap ÷ gold content length ≥ 0.3 (content fragments only), one to one; speaker accuracy
    over matched quotes whose gold Source has a name word (`speakers_agree`). Indirect
    attributions: every other gold attribution against the `indirect` rows, by the same overlap
    rule (overlap ÷ gold content length ≥ 0.3, one to one), with speaker accuracy likewise.
    Each score dict also holds the error tables `missed`, `false_positives`, `wrong_speaker`.
    A quotation mark is double or single (`single_marked`); `double_only` counts double marks
    only (the reading before round 6, which left headline quotes in ‘…’ out of the gold).
    """
    cpu = None
    if quotes is None:
        t0 = time.process_time()
        quotes = find_quotes(corpus)
        cpu = time.process_time() - t0
    gold = read_polnear(gold_dir, corpus, double_only=double_only)
    articles = corpus.articles
    annotated = set(gold["article_id"])
    groups = (
        dict(zip(articles["article_id"], articles[by].astype(str), strict=True))
        if by in articles.columns
        else dict.fromkeys(articles["article_id"], "all")
    )
    quotes = quotes[quotes["article_id"].isin(annotated)]
    result: dict = {"cpu_seconds": cpu, "n_articles": len(articles)}
    names = sorted({groups[a] for a in annotated if a in groups} - {"all"})
    for name in names:
        ids = {a for a in annotated if groups.get(a) == name}
        result[name] = _polnear_scores(
            quotes[quotes["article_id"].isin(ids)], gold[gold["article_id"].isin(ids)]
        )
    result["all"] = _polnear_scores(quotes, gold)
    return result


def title_rows(quotes: pd.DataFrame, corpus: Corpus, gold: pd.DataFrame) -> dict:
    """How the direct and partial quotes of the title lines fare against PolNeAR.

    Headlines write quotes in single marks (‘…’), which the double-only reading of the gold
    rule (`read_polnear(double_only=True)`) does not count as direct quotes, so there every
    title-line row scores as a false positive; this measures them against all of PolNeAR's
    title-line attributions instead (same overlap rule), whatever their marks. Inputs: the
    `quotes` table, the corpus (its `title` paragraphs) and `read_polnear`'s gold. Returns
    {"n": title-line rows, "matched": rows matching an attribution, "speaker_agrees": matched
    rows whose speakers agree, "speaker_scored": matched rows with a scorable gold source}.
    """
    paras = corpus.paragraphs
    title = paras.loc[(paras["kind"] == "title").to_numpy(), ["article_id", "paragraph_id", "end"]]
    keys = set(zip(title["article_id"], title["paragraph_id"], strict=True))
    in_title = [
        (a, p) in keys for a, p in zip(quotes["article_id"], quotes["paragraph_id"], strict=True)
    ]
    rows = quotes[
        pd.Series(in_title, index=quotes.index) & quotes["kind"].isin(["direct", "partial"])
    ]
    ends = dict(zip(title["article_id"], title["end"], strict=True))
    title_end = [ends.get(a, -1) for a in gold["article_id"]]
    heads = gold[gold["start"].to_numpy() < np.array(title_end, dtype="int64")]
    pairs = match_fragments(rows, heads) if len(rows) and len(heads) else []
    agree = [speakers_agree(rows.at[pi, "speaker"], heads.at[gi, "source"]) for pi, gi in pairs]
    return {
        "n": len(rows),
        "matched": len(pairs),
        "speaker_agrees": sum(a is True for a in agree),
        "speaker_scored": sum(a is not None for a in agree),
    }


SPLITS3 = ("dev3", "untouched", "all")


def split3_of(article_ids: object) -> dict[str, str]:
    """Round 3's split of PolNeAR: `untouched` for every third article, `dev3` for the rest.

    The article ids are sorted; the ones at positions 2, 5, 8, … (position modulo 3 is 2) are
    `untouched`, kept back from error analysis. Depends on the ids alone. Returns {id: split}.
    """
    return {
        a: "untouched" if i % 3 == 2 else "dev3" for i, a in enumerate(sorted(set(article_ids)))
    }


def subset_corpus(corpus: Corpus, article_ids: set) -> Corpus:
    """`corpus` restricted to the articles in `article_ids` (every table filtered by article_id)."""
    tables = {
        name: df[df["article_id"].isin(article_ids)].reset_index(drop=True)
        if "article_id" in df.columns
        else df
        for name, df in corpus.tables.items()
    }
    return dataclasses.replace(corpus, **tables)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options: the gold folder, the corpus and whether to list the errors."""
    parser.add_argument(
        "corpus", nargs="?", default=str(SEEDS_DIR), help="corpus folder (default: seeds)"
    )
    parser.add_argument(
        "--gold", default=str(GOLD_DIR), help="folder holding quotes.csv (and indirect.csv)"
    )
    parser.add_argument(
        "--errors", action="store_true", help="list missed, spurious and mis-attributed quotes"
    )
    parser.add_argument(
        "--polnear",
        action="store_true",
        help="score on PolNeAR: the corpus defaults to ../shared/corpora/polnear and the gold to "
        "../shared/gold/polnear/attributions (a --gold folder of .ann files does the same)",
    )
    parser.add_argument(
        "--split",
        choices=SPLITS3,
        default=None,
        help="PolNeAR only: score round 3's split (`split3_of`: every third article by sorted id "
        "is `untouched`, the rest `dev3`); `all` prints dev3, untouched and all. Errors "
        "(--errors) are those of the split asked for. Default: the manifest's train/dev split",
    )
    parser.add_argument(
        "--double-only",
        action="store_true",
        help="PolNeAR only: gold direct quotes are contents beginning or ending with a double "
        "quotation mark only (the reading before round 6); by default a single mark used as a "
        "quotation mark (‘…’, '…') counts too. Both readings are printed; this one comes first "
        "and gives the errors",
    )


def main(args: argparse.Namespace) -> int:
    """Print quote precision/recall/F1 and speaker accuracy; exit 0."""
    gold_dir = project_path(args.gold)
    polnear = getattr(args, "polnear", False)
    if polnear or any(gold_dir.glob("*.ann")):
        return _main_polnear(args, polnear)
    corpus = read_corpus(project_path(args.corpus))
    result = score(corpus, project_path(args.gold))
    print(
        f"quotes (direct + partial): gold {result['n_gold']}, predicted {result['n_predicted']}, "
        f"matched {result['n_matched']}"
    )
    print(
        f"  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}"
    )
    print(
        f"  speaker accuracy {result['speaker_accuracy']:.3f}  "
        f"(direct/partial kind right: {result['kind_accuracy']:.3f})"
    )
    if "indirect_n_gold" in result:
        print(
            f"indirect attributions: gold {result['indirect_n_gold']}, "
            f"predicted {result['indirect_n_predicted']}"
        )
        print(
            f"  precision {result['indirect_precision']:.3f}  recall "
            f"{result['indirect_recall']:.3f}  F1 {result['indirect_f1']:.3f}  speaker accuracy "
            f"{result['indirect_speaker_accuracy']:.3f}"
        )
    if args.errors:
        with pd.option_context("display.width", 160, "display.max_colwidth", 70):
            for name in ("missed", "false_positives", "wrong_speaker"):
                table = result[name]
                print(f"\n{name}: {len(table)}")
                if len(table):
                    cols = [
                        c
                        for c in (
                            "article_id",
                            "paragraph_id",
                            "kind",
                            "quote",
                            "speaker",
                            "gold",
                            "predicted",
                        )
                        if c in table.columns
                    ]
                    print(table[cols].to_string(index=False))
    return 0


def _main_polnear(args: argparse.Namespace, defaults: bool) -> int:
    """The PolNeAR report: one line per split and overall, then the errors when asked."""
    corpus_dir = POLNEAR_CORPUS if defaults and args.corpus == str(SEEDS_DIR) else args.corpus
    gold_dir = POLNEAR_GOLD if defaults and args.gold == str(GOLD_DIR) else args.gold
    corpus = read_corpus(project_path(corpus_dir), repair=False)  # .ann offsets: files as written
    split = getattr(args, "split", None)
    by = "split"
    if split is not None:
        of = split3_of(corpus.articles["article_id"])
        if split != "all":  # only the split's articles are read by find_quotes
            corpus = subset_corpus(corpus, {a for a, s in of.items() if s == split})
        corpus = dataclasses.replace(
            corpus, articles=corpus.articles.assign(split3=corpus.articles["article_id"].map(of))
        )
        by = "split3"
    t0 = time.process_time()
    quotes = find_quotes(corpus)
    cpu = time.process_time() - t0
    double_only = getattr(args, "double_only", False)
    result = score_polnear(
        corpus, project_path(gold_dir), quotes=quotes, by=by, double_only=double_only
    )
    other = score_polnear(
        corpus, project_path(gold_dir), quotes=quotes, by=by, double_only=not double_only
    )
    print(
        f"PolNeAR: {result['n_articles']} articles; find_quotes {cpu:.2f} s CPU "
        f"({1000 * cpu / max(result['n_articles'], 1):.2f} s per 1,000 articles)"
    )
    readings = ("double and single marks", "double marks only (--double-only)")
    print(f"gold direct quotes: content in {readings[double_only]}")
    _print_table(result, indirect=True)
    print(f"\nthe other reading: gold direct quotes in {readings[not double_only]}")
    _print_table(other, indirect=False)
    heads = title_rows(quotes, corpus, read_polnear(project_path(gold_dir), corpus))
    print(
        f"\ntitle lines: {heads['n']} direct/partial rows (in ‘…’ mostly: false positives under "
        f"the double-only reading); {heads['matched']} match a PolNeAR "
        f"attribution, speaker agrees {heads['speaker_agrees']}/{heads['speaker_scored']}"
    )
    if args.errors:
        r = result[split if split in result else "all"]
        with pd.option_context("display.width", 200, "display.max_colwidth", 90):
            for name, cols in (
                ("missed", ["article_id", "start", "source", "content_text"]),
                ("false_positives", ["article_id", "start", "kind", "speaker", "quote"]),
                ("wrong_speaker", ["article_id", "gold", "predicted", "quote"]),
            ):
                table = r[name]
                print(f"\n{name}: {len(table)}")
                if len(table):
                    print(table[cols].to_string(index=False))
    return 0


def _print_table(result: dict, indirect: bool) -> None:
    """One line per split and overall of `score_polnear`'s `result`; the indirect columns when
    `indirect`."""
    head = (
        f"{'split':<9} {'articles':>8} {'gold':>6} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'speaker':>8} {'(n)':>6}"
    )
    if indirect:
        head += f" | {'ind.gold':>8} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}"
        print(
            "direct quotes (direct + partial rows)                        | indirect attributions"
        )
    print(head)
    names = [k for k in result if isinstance(result[k], dict)]
    for name in [n for n in names if n != "all"] + ["all"]:
        r = result[name]
        line = (
            f"{name:<9} {r['n_articles']:>8} {r['n_gold']:>6} {r['n_predicted']:>6} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
            f"{r['speaker_accuracy']:>8.3f} {r['n_speaker_scored']:>6}"
        )
        if indirect:
            line += (
                f" | {r['indirect_n_gold']:>8} {r['indirect_n_predicted']:>6} "
                f"{r['indirect_precision']:>6.3f} {r['indirect_recall']:>6.3f} "
                f"{r['indirect_f1']:>6.3f} {r['indirect_speaker_accuracy']:>8.3f}"
            )
        print(line)
