"""A place qualified by its US state in the text: "Alexandria, Va.", "Portland, Ore.",
"Springfield, Illinois" is that state's place, not Egypt's Alexandria, whether or not the
tagger tagged the state (`find._adjacent_pins` reads tagged pairs). Rules of thumb written for
this package; the states and AP abbreviations are the gazetteer's and `data/geo/aliases.csv`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from newscorpus.paths import DATA_DIR
from newscorpus.places.gazetteer import gazetteer, normalise

PLACE_TYPES = ("LOC", "GPE")
WINDOW = 30  # characters read after a place for its state
AFTER_WINDOW = 60  # characters read after a place for an outlet's name or an office


def text_after(ents: pd.DataFrame, corpus, window: int = WINDOW) -> pd.Series | None:
    """The `window` characters of `corpus.articles.text` after each of `ents`' rows (same
    order, "" without a span), or None without the articles' texts or the offsets."""
    articles = getattr(corpus, "articles", None)
    if articles is None or "text" not in articles.columns or not {"start", "end"} <= set(ents):
        return None
    texts = dict(zip(articles["article_id"].astype("str"), articles["text"], strict=True))
    out = [
        str(texts.get(a) or "")[int(e) : int(e) + window] if int(e) > int(s) else ""
        for a, s, e in zip(
            ents["article_id"].astype("str"), ents["start"], ents["end"], strict=True
        )
    ]
    return pd.Series(out, dtype="str")


@lru_cache(maxsize=1)
def _state_after() -> tuple[re.Pattern, dict[str, str]]:
    """(a pattern for ", <US state name or AP abbreviation>" after a place, {its lowercase
    form: the state's code}) from the gazetteer's states and `data/geo/aliases.csv`."""
    gz = gazetteer()
    states = gz.places[gz.places["kind"] == "state"]
    codes = {n.lower(): c for n, c in zip(states["place"], states["admin1"], strict=True)}
    geo = pd.read_csv(DATA_DIR / "geo" / "aliases.csv", dtype=str, keep_default_na=False)
    for name, target, kind in zip(geo["name"], geo["target"], geo["kind"], strict=True):
        if kind == "abbreviation" and target.startswith("US-") and len(name) > 2:
            codes.setdefault(name.lower(), target[3:])  # "Va.", "Ore.", "Calif."; not "IN"
    words = sorted(codes, key=len, reverse=True)
    rx = re.compile(r",\s*(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)
    return rx, codes


def state_pins(entities: pd.DataFrame, corpus) -> pd.DataFrame:
    """(article_id, key, country, admin1): a place the text follows with ", " and a US state's
    name or AP abbreviation ("Alexandria, Va.", "Portland, Ore.", "Springfield, Illinois") is
    pinned to that state even when the tagger left the state untagged (`_adjacent_pins` needs
    it tagged). Read in `corpus.articles.text` at the entities' offsets."""
    empty = pd.DataFrame(columns=["article_id", "key", "country", "admin1"])
    if not {"start", "end"} <= set(entities.columns) or not len(entities):
        return empty
    ents = entities[entities["type"].astype("str").isin(PLACE_TYPES).to_numpy()]
    after = text_after(ents, corpus)
    if after is None:
        return empty
    rx, codes = _state_after()
    state = after.str.extract("^" + rx.pattern, flags=re.IGNORECASE)[0]
    hit = state.notna().to_numpy()
    if not hit.any():
        return empty
    sub = ents[hit]
    return pd.DataFrame(
        {
            "article_id": sub["article_id"].astype("str").to_numpy(),
            "key": sub["text"].astype("str").map(normalise).to_numpy(),
            "country": "US",
            "admin1": state[hit].str.lower().map(codes).to_numpy(),
        }
    )


# "USA TODAY", "New York Times", "Washington Post" when the tagger calls the place part LOC
_OUTLET_AFTER = re.compile(
    r"\s+(?:Today|TODAY|Times|TIMES|Post|POST|Journal|JOURNAL|Tribune|Herald|Examiner|"
    r"Free\s+Beacon|Daily\s+News)\b"
)


def outlet_name_mentions(ents: pd.DataFrame, corpus=None) -> np.ndarray:
    """Which place mentions open a newspaper's name: "USA" in "USA TODAY", "New York" in "New
    York Times", "Washington" in "Washington Post" (the tagger sometimes calls that part a
    place). Input: entity rows (article_id, start, end) and a Corpus with `articles.text`.
    Output: a boolean array, one per row; all False without offsets or texts."""
    result = np.zeros(len(ents), dtype=bool)
    rows = np.flatnonzero(ents["type"].astype("str").isin(PLACE_TYPES).to_numpy())
    after = text_after(ents.iloc[rows], corpus, AFTER_WINDOW) if len(rows) else None
    if after is not None:
        result[rows] = after.str.match(_OUTLET_AFTER.pattern).fillna(False).to_numpy(bool)
    return result


# "Vermont Sen. Bernie Sanders", "the Vermont senator", "Florida Gov. Rick Scott": a
# politician's home state or city named as part of the office, not a place the story is about
_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:democratic|republican|gop|independent)\s+)?"
    r"(?:(?:lt\.\s+)?gov\.|sen\.|rep\.|(?:lieutenant\s+)?governor\b(?!ship)|senator\b"
    r"|representative\b|congress(?:man|woman)\b)",
    re.IGNORECASE,
)


def office_mentions(ents: pd.DataFrame, corpus=None) -> np.ndarray:
    """Which place mentions only qualify a politician's office: the place directly before a
    title ("Vermont Sen. Bernie Sanders", "the Vermont senator", "Florida Gov. Rick Scott",
    "Texas Republican Sen. Ted Cruz", "the New York congresswoman"), so "Vermont" is not a
    place the story covers each time Sanders is named. A state as the subject ("Vermont
    voters", "the governor of Vermont") stays. Input: entity rows (article_id, start, end,
    type) and a Corpus with `articles.text`. Output: a boolean array, one per row; all False
    without offsets or texts. Method: the AP stylebook's title-before-name form of US news."""
    result = np.zeros(len(ents), dtype=bool)
    rows = np.flatnonzero(ents["type"].astype("str").isin(PLACE_TYPES).to_numpy())
    after = text_after(ents.iloc[rows], corpus, AFTER_WINDOW) if len(rows) else None
    if after is not None:
        hit = after.str.match(_OFFICE_AFTER.pattern, flags=re.IGNORECASE)
        result[rows] = hit.fillna(False).to_numpy(bool)
    return result


def us_state_story(scored: pd.DataFrame, us: pd.DataFrame | None) -> np.ndarray:
    """Which candidates are a US state named like a country ("Georgia") in a US story: the
    article names another US state or a city of that state ("Atlanta", "Alabama": Georgia is
    the state, not the Caucasus country; "Georgians" is no evidence either way). Input:
    `scored` (article_id, key, kind, admin1: `find`'s candidates), `us` (article_id, key,
    kind, admin1: the article's sure US places). Output: a boolean array, one per candidate.
    Source: a rule of thumb written for this package (round-6 review of allsides news)."""
    state = (scored["kind"] == "state").to_numpy()
    if us is None or not len(us) or not state.any():
        return np.zeros(len(scored), dtype=bool)
    key, arts = scored["key"].to_numpy(), scored["article_id"].to_numpy()
    both = scored.groupby(["article_id", "key"])["kind"].transform(lambda k: "country" in set(k))
    cities = set(zip(us.loc[us["kind"] == "city", "article_id"], us["admin1"], strict=False))
    states = us[us["kind"] == "state"].groupby("article_id")["key"].agg(set)
    return (
        state
        & both.to_numpy(bool)
        & np.array(
            [
                (a, s) in cities or bool(states.get(a, set()) - {k})
                for a, k, s in zip(arts, key, scored["admin1"], strict=True)
            ],
            dtype=bool,
        )
    )
