"""Naming: how each group names the same thing.

A *naming set* is one referent (a concept) and the words or phrases that name it: "armed
group" → militant*, terrorist*, insurgent*, rebel*, fighter*; "state" → regime, government,
authorities; or one entity's spellings ("Islamic State" → islamic state, isis, isil, daesh).
For each group the set gives:

- its **rate** per 10,000 body words with a 95 % interval (exact Poisson, Garwood 1936), and a
  log-likelihood G² test of whether the rate differs across groups (group × {set, other
  words}, (k − 1) degrees of freedom; Dunning 1993);
- **which variant the group prefers**: each variant's share of the set's uses in the group
  against the rest of the corpus, with the 2 × 2 G² (this variant vs the set's other variants,
  the group vs the rest; Rayson & Garside 2000) and the log ratio (Hardie 2014), and a G² test of
  group × variant independence ((k − 1)(v − 1) degrees of freedom).

Counts come from the per-article term counts (1- to 3-grams of body words, lowercase, table
rows and furniture left out), read part by part, so a set is counted at any corpus size. A
variant is a counted term: a word, a phrase of up to three units or a name kept whole; a
trailing * matches every counted term it begins (`militant*`: militant, militants). A variant
inside a longer variant of the same set is counted without it ("war" without "civil war";
"trump" without "donald trump"), so each occurrence counts once.

Default sets (`naming_sets(None, ...)`): the shipped list of common news designations
(`data/naming.csv`) plus, for the corpus's most cited canonical entities, the spellings the
canonical-name step merged into each (the surface names of `sources` and the `source_aliases`
table), so "Trump", "Donald Trump" and "President Trump" are one set.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from newscorpus.paths import DATA_DIR
from newscorpus.terms.aggregate import group_sums, label_column, log_likelihood, log_ratio
from newscorpus.terms.base import PER, term_words, trace_keys, trace_selector
from newscorpus.terms.naming_frames import entity_frame, main_kind, source_frame
from newscorpus.terms.tabular import TABLE_FUNCTION_WORDS

NAMING_FILE = DATA_DIR / "naming.csv"
NAMING_COLUMNS = [
    "concept",
    "variant",
    "group",
    "count",
    "n_words",
    "rate",
    "ci_low",
    "ci_high",
    "concept_count",
    "share",
]
NAMING_TEST_COLUMNS = [
    "concept",
    "n_groups",
    "count",
    "g2_rate",
    "df_rate",
    "p_rate",
    "g2_variants",
    "df_variants",
    "p_variants",
]
NAMING_KEYNESS_COLUMNS = [
    "concept",
    "group",
    "variant",
    "count",
    "count_rest",
    "share",
    "share_rest",
    "log_likelihood",
    "log_ratio",
    "preferred",
]
ALL_GROUPS = "all articles"
MAX_ENTITY_WORDS = 3  # spellings longer than this are not counted terms
_STOPWORDS = frozenset(
    (DATA_DIR / "stopwords_en.txt").read_text(encoding="utf-8").lower().split()
) | {"us", "it", "may", "will"}


def shipped_naming() -> dict[str, list[str]]:
    """The shipped naming sets {concept: [variants]} from `data/naming.csv`, in file order."""
    return read_naming(NAMING_FILE)


def read_naming(path: str | os.PathLike) -> dict[str, list[str]]:
    """Naming sets from a CSV with columns `concept` and `term` (one variant a row; other
    columns ignored). Raises ValueError when a column is missing or no row has both."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if rows and not {"concept", "term"} <= set(rows[0]):
        raise ValueError(f"{path}: expected columns concept and term, found {list(rows[0])}")
    sets: dict[str, list[str]] = {}
    for row in rows:
        concept, term = (row.get("concept") or "").strip(), (row.get("term") or "").strip()
        if concept and term:
            sets.setdefault(concept, [])
            if term not in sets[concept]:
                sets[concept].append(term)
    if not sets:
        raise ValueError(f"{path}: no naming set (rows of concept, term)")
    return sets


_INITIAL_NAME = re.compile(r"^(\S+) ([a-z]) \. \S+$")  # "donald j . trump" as counted
SURNAME_DOMINANCE = 10  # a surname alone is a person's when others with it are < 1/10 as cited
ORG_HEADS = frozenset({"administration", "campaign", "foundation"})  # "Obama administration"


def entity_naming(
    sources: pd.DataFrame | None,
    aliases: pd.DataFrame | None = None,
    top: int = 5,
    min_articles: int = 2,
    entities: pd.DataFrame | None = None,
) -> dict[str, list[str]]:
    """Naming sets of the corpus's top canonical entities: the spellings merged into each.

    Input: the `sources` table (article_id, name, canonical, kind), the `source_aliases` table
    (alias, canonical; optional, not used with `entities`), how many entities (`top`), the least articles a spelling
    needs, and optionally the `entities` table resolved across the corpus
    (`entities.resolve_entities`: article_id, text, type, canonical). With `entities`, the
    sets are those of the most *mentioned* people, organisations and places, and their
    spellings are the names the articles actually use for them (each mention's surface text,
    resolved to its entity within its article: "Hillary", "Clinton", "Hillary Clinton";
    "U.S.", "America", "United States"); without it, of the most *cited* sources (unnamed and
    anonymous left out). Output: {"<canonical> (spellings)": [spellings]}, lowercase, of at
    most 3 words (one word only when an acronym, a person's surname alone, or, from
    `entities`, a person's first name alone; never a function word such as "us"), only for
    entities with at least two spellings. A person's surname (or first name) alone is left out
    when the corpus's mentions of that word alone resolve to other people who share it over
    a tenth as often as to the entity (`SURNAME_DOMINANCE`: "clinton" is Hillary Clinton's
    when her bare "Clinton" mentions outnumber Bill and Chelsea Clinton's tenfold; "bush" is
    not Jeb Bush's beside George W. Bush), or, when no mention uses the word alone, when
    other people with the same last (first) word are named in over a tenth as many
    articles (always so from `sources`, whose rows are citations, not mentions), and a
    spelling ending in an organisation head (`ORG_HEADS`: "Obama
    administration") is not the person's. Empty without sources and entities.
    """
    if entities is not None and len(entities) and {"text", "type", "canonical"} <= set(entities):
        frame = entity_frame(entities)
    elif sources is None or sources.empty or not {"name", "canonical"} <= set(sources.columns):
        return {}
    else:
        frame = source_frame(sources)
        entities = None
    ranked = frame.groupby("canonical")["id"].nunique().sort_values(ascending=False, kind="stable")
    spellings = frame.groupby(["canonical", "name"])["id"].nunique().reset_index()
    if (
        entities is None
        and aliases is not None
        and len(aliases)
        and {"alias", "canonical"} <= set(aliases.columns)
    ):
        extra = pd.DataFrame(
            {
                "canonical": aliases["canonical"].astype("str").to_numpy(),
                "name": aliases["alias"].astype("str").to_numpy(),
                "id": aliases["n_articles"].to_numpy() if "n_articles" in aliases else min_articles,
            }
        )
        spellings = pd.concat([spellings, extra], ignore_index=True)
    kind_of = main_kind(frame)
    people = [str(c) for c in spellings["canonical"].unique() if kind_of.get(c, "") == "person"]
    people += [str(c) for c in ranked.index if not len(kind_of)]
    people_set = {" ".join(term_words(p)) for p in people}
    bare, last_word, first_word = _name_words(frame, people, ranked, entities is not None)
    sets: dict[str, list[str]] = {}
    for entity in ranked.index:
        rows = spellings[spellings["canonical"] == entity]
        rows = rows[rows["id"] >= min_articles]
        forms = _entity_forms(
            entity,
            rows["name"].tolist(),
            kind_of.get(entity, ""),
            entities is not None,
            (ranked, last_word, first_word, bare, people_set),
        )
        if len(forms) >= 2:
            sets[f"{entity} (spellings)"] = forms
        if len(sets) >= top:
            break
    return sets


def _name_words(
    frame: pd.DataFrame, people: list[str], ranked: pd.Series, from_entities: bool
) -> tuple[pd.Series, dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """What one word alone names, for `entity_naming`: (`bare`, mentions of each one-word
    name by the entity they resolve to, from `entities` only; `last_word` and `first_word`,
    {word: {person: articles}} for the people whose name ends (opens) with the word)."""
    # mentions of each one-word name by the entity they resolve to ("clinton" -> Hillary
    # Clinton 2,959, Bill Clinton 223): what a bare surname counted as a term mostly names
    # (mentions only from `entities`: a `sources` row is a citation, not a mention)
    low = frame["name"].astype("str").str.lower().str.strip(".,")
    one = ~frame["name"].astype("str").str.contains(" ", regex=False)
    one &= from_entities
    bare = (
        pd.DataFrame(
            {
                "word": low[one].to_numpy(dtype=object),
                "who": frame["canonical"][one].map(_joined).to_numpy(dtype=object),
            }
        )
        .assign(n=frame["n"][one].to_numpy())
        .groupby(["word", "who"])["n"]
        .sum()
    )
    last_word: dict[str, dict[str, int]] = {}
    first_word: dict[str, dict[str, int]] = {}
    for who in dict.fromkeys(people):
        words = term_words(who)
        if len(words) > 1:
            last_word.setdefault(words[-1], {})[" ".join(words)] = int(ranked.get(who, 1))
            first_word.setdefault(words[0], {})[" ".join(words)] = int(ranked.get(who, 1))
    return bare, last_word, first_word


def _entity_forms(
    entity: str, names: list[str], kind: str, from_entities: bool, words: tuple
) -> list[str]:
    """The spellings of one entity as counted, for `entity_naming`: lowercase, at most
    MAX_ENTITY_WORDS units, no punctuation unit, a person's ambiguous word alone left out
    (`words`: ranked, last_word, first_word, bare, people_set, as `_ambiguous_word` reads)."""
    ranked, last_word, first_word, bare, people_set = words
    person = kind == "person"
    forms = [
        " ".join(term_words(n))
        for n in [entity, *names]
        if _countable_spelling(str(n), entity, person, first=from_entities)
        or (kind == "place" and _proper_word(str(n)))
    ]
    if from_entities:  # "the new york" of "The New York Times" split apart
        forms = [f for f in forms if not f.startswith("the ")]
    if person:  # "Donald J. Trump" is counted as "donald j" (the dot ends the n-gram),
        # so its first name is never read as "donald" alone
        forms = [_INITIAL_NAME.sub(r"\1 \2", f) for f in forms]
    # as counted: at most 3 units, no punctuation unit ("donald j . trump" is not a term)
    forms = [
        f
        for f in dict.fromkeys(forms)
        if f
        and len(f.split()) <= MAX_ENTITY_WORDS
        and all(any(ch.isalnum() for ch in w) for w in f.split())
        and not (person and f.split()[-1] in ORG_HEADS)
    ]
    if person:
        own = term_words(entity)
        forms = [
            f
            for f in forms
            if " " in f
            or not _ambiguous_word(
                f, own, int(ranked[entity]), last_word, first_word, bare, people_set
            )
        ]
    return forms


def _joined(name: str) -> str:
    """A name as counted terms are: its words, lower case, joined by spaces."""
    return " ".join(term_words(str(name)))


def _ambiguous_word(
    word: str,
    own: tuple[str, ...],
    n_own: int,
    last_word: dict,
    first_word: dict,
    bare: pd.Series,
    people: set[str],
) -> bool:
    """Whether a person's surname (or first name) alone is too often another person's.

    Where the corpus names people by the word alone ("Clinton") and resolves those mentions
    (`bare`: mentions per word and resolved entity), the word is the entity's when the
    mentions resolved to other people who share it (Bill and Chelsea Clinton; the entity's
    own longer spellings, "Hillary Rodham Clinton", are hers) are fewer than
    1/`SURNAME_DOMINANCE` of hers (PolNeAR: Hillary Clinton 3,041 vs 271, so "clinton"
    counts for her; Jeb Bush 98 vs George W. and George H.W. Bush 69, so "bush" does not).
    Without such mentions, by articles naming each person in full (`_shared_surname`)."""
    is_last = word == own[-1]
    k, other = (-1, 0) if is_last else (0, -1)
    if word in bare.index.get_level_values(0):
        mine = theirs = 0
        for who, n in bare.loc[word].items():
            parts = str(who).split()
            if who == " ".join(own) or (
                len(parts) > 1 and parts[other] == own[other] and parts[k] == own[k]
            ):
                mine += int(n)
            elif who in people and len(parts) > 1 and parts[k] == word:
                theirs += int(n)
        if mine:
            return theirs * SURNAME_DOMINANCE > mine
    others = last_word.get(word, {}) if is_last else first_word.get(word, {})
    return _shared_surname(others, list(own), n_own, first=not is_last)


def _shared_surname(
    others: dict[str, int], own: list[str], n_own: int, first: bool = False
) -> bool:
    """Whether a surname is ambiguous: other people with it ({name: articles}, own spellings
    such as "hillary rodham clinton" left out by their first word) are cited in more than
    1/`SURNAME_DOMINANCE` as many articles as the entity (Bill Clinton 18 vs Hillary Clinton
    146: ambiguous; Ivanka Trump 4 and Melania Trump 2 vs Donald Trump 218: not). `first`:
    the same for a first name (others told apart by their last word: "John Kasich" is not
    "John McCain")."""
    k = -1 if first else 0
    rest = sum(n for who, n in others.items() if who.split()[k] != own[k])
    return rest * SURNAME_DOMINANCE > n_own


def read_source_aliases(data) -> pd.DataFrame | None:
    """The alias table of the canonical-name step (`source_aliases.parquet` in the analysis
    cache folder of `data`, an `analysis.load` result: alias, canonical, kind, rule,
    n_articles), or None when the folder has none."""
    from newscorpus.sources.canonical import ALIAS_FILE

    folder = getattr(data, "folder", None)
    path = Path(folder) / ALIAS_FILE if folder is not None else None
    return pd.read_parquet(path) if path is not None and path.exists() else None


def _proper_word(name: str) -> bool:
    """A place's one-word name ("America"): capitalised, no function word."""
    return (
        " " not in name.strip()
        and name[:1].isupper()
        and name.lower().strip(".") not in TABLE_FUNCTION_WORDS | _STOPWORDS
    )


def _countable_spelling(name: str, entity: str, person: bool, first: bool = False) -> bool:
    """A spelling counted as a name: of at most 3 words; one word only when it is an acronym
    ("SOHR", "USDA") or a person's surname alone ("Trump" for Donald Trump), or with `first`
    a person's first name alone ("Hillary"), since a single ordinary word ("Bank" for the
    Bank of England, "Department") is mostly not the entity; never a function word ("US" is
    counted as "us")."""
    words = name.split()
    if not 1 <= len(words) <= MAX_ENTITY_WORDS:
        return False
    if len(words) > 1:
        return True
    word = words[0].strip(".,")
    if word.lower() in TABLE_FUNCTION_WORDS | _STOPWORDS:
        return False
    own = entity.split()
    if person and first and len(own) > 1 and word == own[0] and word[:1].isupper():
        return True
    capitals = sum(ch.isupper() for ch in word)
    if capitals >= 2 and capitals * 2 >= sum(ch.isalpha() for ch in word):  # SOHR, BoE, U.S.
        return True
    return person and word.lower() == entity.split()[-1].lower() and len(entity.split()) > 1


def naming_sets(
    naming: Mapping[str, Iterable[str]] | str | os.PathLike | None = None,
    sources: pd.DataFrame | None = None,
    aliases: pd.DataFrame | None = None,
    top_entities: int = 5,
    entities: pd.DataFrame | None = None,
) -> dict[str, list[str]]:
    """The naming sets of the notebook parameter `naming`.

    Input: None (the shipped sets of `data/naming.csv` plus `entity_naming(sources, aliases,
    top_entities, entities=entities)`: with the resolved `entities` table, the spellings the
    articles use for their most mentioned entities), a dict {concept: [terms or patterns]} (a papermill dict literal), or the
    path of a CSV with columns concept, term. Output: {concept: [variants]}. Raises
    ValueError for an empty dict, a concept without terms or a bad CSV, TypeError otherwise.
    """
    if naming is None or (isinstance(naming, str) and not naming.strip()):
        found = entity_naming(sources, aliases, top_entities, entities=entities)
        return {**shipped_naming(), **found}
    if isinstance(naming, (str, os.PathLike)):
        return read_naming(naming)
    if not isinstance(naming, Mapping):
        raise TypeError(
            f"naming={naming!r:.80}: expected None, a dict {{concept: [terms]}} or a CSV path"
        )
    sets = {}
    for concept, variants in naming.items():
        variants = [variants] if isinstance(variants, str) else list(variants)
        variants = [str(v).strip() for v in variants if str(v).strip()]
        if not variants:
            raise ValueError(f"naming[{concept!r}]: expected one or more terms or patterns")
        sets[str(concept)] = list(dict.fromkeys(variants))
    if not sets:
        raise ValueError("naming={}: expected at least one concept (None gives the shipped sets)")
    return sets


def _inner_terms(name: str) -> set[str]:
    """Every run of words of `name` shorter than it ("a b c": a, b, c, a b, b c)."""
    w = name.split(" ")
    return {" ".join(w[i : i + k]) for k in range(1, len(w)) for i in range(len(w) - k + 1)}


def _contains(longer: str, shorter: str) -> bool:
    return _times(longer, shorter) > 0


def _times(longer: str, shorter: str) -> int:
    """How often the words of `shorter` run inside the longer `longer` ("hassan" twice in
    "hassan hassan"); 0 when `longer` is not longer."""
    a, b = longer.split(" "), shorter.split(" ")
    if len(a) <= len(b):
        return 0
    return sum(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


def _poisson_ci(count: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) 95 % interval of a Poisson rate, per 10,000 words."""
    k = count.astype(float)
    low = np.where(k > 0, stats.chi2.ppf(0.025, 2 * k) / 2, 0.0)
    high = stats.chi2.ppf(0.975, 2 * k + 2) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        return (
            np.where(words > 0, low / words * PER, np.nan),
            np.where(words > 0, high / words * PER, np.nan),
        )


def naming_counts(
    counts: pd.DataFrame | Iterable[pd.DataFrame],
    groups: pd.Series,
    sets: Mapping[str, Iterable[str]],
    longer: Iterable[str] = (),
) -> pd.DataFrame:
    """Each naming set's variants counted per group, with rates and 95 % intervals.

    Input: per-article `term_counts` (or its partitions, e.g. `Analysis.parts("term_counts")`),
    `groups` (article_id -> group, `groups.assign` / `groups.top_n`) and the sets
    ({concept: [variants]}, `naming_sets`). Output, one row per concept, variant and group (zeros
    kept), then per concept and variant a last group "all articles": `concept`, `variant` (as
    given), `group` (Categorical: the groups' order, then "all articles"), `count` (occurrences;
    inside a longer variant of the same set not counted, as often as it runs in it: the longest
    variant wins, "hassan" twice in "hassan hassan"), `n_words` (body words of the group),
    `rate` (per 10,000 body words), `ci_low`, `ci_high` (exact Poisson 95 %), `concept_count`
    (the set's occurrences in the group) and `share` (count / concept_count). `longer`: other
    names in counted form (`naming_longer.longer_names`); a variant's uses inside one of them
    that is no variant of its set are not counted ("washington" inside "washington times").
    Raises as `group_counts`.
    """
    sets = {c: list(v) for c, v in sets.items()}
    keys = {c: trace_keys(v) for c, v in sets.items() if v}
    every = [k for ks in keys.values() for k in ks.values()]
    if not every:
        raise ValueError("sets: expected at least one concept with terms")
    longer = [w for w in dict.fromkeys(longer) if _inner_terms(w) & set(every)]
    every = list(dict.fromkeys(every + longer))
    categories, table, group_words, _ = group_sums(
        counts, groups, "groups", terms=trace_selector(every)
    )
    summed = table.groupby(["term", "label"])["count"].sum()
    n = len(categories)
    rows = []
    for concept, asked in keys.items():
        counted = list(asked.values())
        # a variant inside a longer one of the same set, or another longer name: counted
        # without it (the outermost such names only, so no use is taken off twice)
        around = list(dict.fromkeys(counted + [w for w in longer if w not in counted]))
        outer = {
            k: [
                w
                for w in around
                if _contains(w, k) and not any(_contains(u, w) for u in around if _contains(u, k))
            ]
            for k in counted
        }
        for variant, key in asked.items():
            grid = np.zeros(n, dtype=np.int64)
            # each use of a longer name takes off every time the variant runs in it
            for k, sign in [(key, 1)] + [(w, -_times(w, key)) for w in outer[key]]:
                if k in summed.index.get_level_values(0):
                    part = summed.loc[k]
                    grid[part.index.to_numpy(dtype=np.int64)] += sign * part.to_numpy(
                        dtype=np.int64
                    )
            grid = np.maximum(grid, 0)
            rows.append((concept, variant, grid))
    labels = list(categories.astype("str")) + [ALL_GROUPS]
    words = np.r_[group_words, group_words.sum()].astype(np.int64)
    frames = []
    for concept, variant, grid in rows:
        frames.append(
            pd.DataFrame(
                {
                    "concept": concept,
                    "variant": variant,
                    "label": np.arange(n + 1),
                    "count": np.r_[grid, grid.sum()],
                    "n_words": words,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    out["concept_count"] = out.groupby(["concept", "label"])["count"].transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate"] = np.where(out["n_words"] > 0, out["count"] / out["n_words"] * PER, np.nan)
        out["share"] = np.where(
            out["concept_count"] > 0, out["count"] / out["concept_count"], np.nan
        )
    low, high = _poisson_ci(out["count"].to_numpy(), out["n_words"].to_numpy())
    out["ci_low"], out["ci_high"] = low, high
    out["group"] = label_column(out["label"].to_numpy(), pd.Index(labels, dtype="str"))
    out["concept"] = out["concept"].astype("str")
    out["variant"] = out["variant"].astype("str")
    return out[NAMING_COLUMNS]


def _g2(table: np.ndarray) -> tuple[float, int, float]:
    """Log-likelihood G² of independence of a contingency table (rows and columns with no count
    dropped), its degrees of freedom and p-value (NaN when smaller than 2 x 2)."""
    table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return float("nan"), 0, float("nan")
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * float(np.where(table > 0, table * np.log(table / expected), 0.0).sum())
    df = (table.shape[0] - 1) * (table.shape[1] - 1)
    return round(g2, 3), df, float(stats.chi2.sf(g2, df))


def naming_tests(table: pd.DataFrame) -> pd.DataFrame:
    """Does each naming set differ across groups? Two log-likelihood tests per concept.

    Input: a `naming_counts` table. Output, one row per concept: `n_groups` (groups with body
    words), `count` (the set's occurrences in the corpus), `g2_rate`, `df_rate`, `p_rate` (the
    set's rate: group × {the set, other body words}), `g2_variants`, `df_variants`,
    `p_variants` (which variant: group × variant, groups and variants with no count left out);
    NaN where the table is smaller than 2 × 2. The pooled "all articles" row is not a group.
    """
    rows = []
    for concept, part in table[table["group"].astype("str") != ALL_GROUPS].groupby(
        "concept", sort=False
    ):
        grid = part.pivot_table(
            index="group", columns="variant", values="count", aggfunc="sum", observed=True
        )
        words = part.groupby("group", observed=True)["n_words"].first().reindex(grid.index)
        grid, words = grid[words > 0], words[words > 0]
        uses = grid.sum(axis=1).to_numpy(dtype=float)
        g_rate, df_rate, p_rate = _g2(np.c_[uses, words.to_numpy(dtype=float) - uses])
        g_var, df_var, p_var = _g2(grid.to_numpy(dtype=float))
        rows.append(
            (concept, len(grid), int(uses.sum()), g_rate, df_rate, p_rate, g_var, df_var, p_var)
        )
    return pd.DataFrame(rows, columns=NAMING_TEST_COLUMNS)


def naming_keyness(
    table: pd.DataFrame, threshold: float = 3.84, min_count: int = 5
) -> pd.DataFrame:
    """Which variant of each set each group prefers: keyness within the set.

    Input: a `naming_counts` table; `threshold`, the G² a preference needs (3.84: p < 0.05).
    Output, one row per concept, group and variant: `count`, `count_rest` (in the other
    groups), `share` and `share_rest` (of the set's uses), `log_likelihood` (G², Rayson &
    Garside 2000, of the variant against the set's other variants, in the group against the
    rest), `log_ratio` (Hardie 2014, log2 of share / share_rest, a zero taken as 0.5) and
    `preferred` (True for the group's variant with the highest log ratio among those it uses
    more than the rest with G² >= threshold and at least `min_count` uses in the group, so a
    variant met once or twice is never preferred). The pooled "all articles" row is not a group.
    """
    t = table[table["group"].astype("str") != ALL_GROUPS].copy()
    total = t.groupby(["concept", "variant"])["count"].transform("sum")
    concept_total = t.groupby("concept")["count"].transform("sum")
    a = t["count"].to_numpy(dtype=float)
    b = (total - t["count"]).to_numpy(dtype=float)
    c = t["concept_count"].to_numpy(dtype=float)
    d = (concept_total - t["concept_count"]).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        t["share_rest"] = np.where(d > 0, b / d, np.nan)
        ll = np.where((c > 0) & (d > 0), log_likelihood(a, b, c, d), np.nan)
        lr = np.where((c > 0) & (d > 0), log_ratio(a, b, c, d), np.nan)
    t["count_rest"] = b.astype(np.int64)
    t["log_likelihood"] = np.round(ll, 3)
    t["log_ratio"] = np.round(lr, 3)
    over = (
        (t["share"] > t["share_rest"])
        & (t["log_likelihood"] >= threshold)
        & (t["count"] >= min_count)
    )
    score = t["log_ratio"].where(over)
    best = score.groupby([t["concept"], t["group"]], observed=True).transform("max")
    t["preferred"] = over & (score == best)
    return t[NAMING_KEYNESS_COLUMNS].reset_index(drop=True)


def _naming_panel(ax, table, concept, groups, sizes, colors, max_variants, p_of):
    """One panel of `plot_naming`: a bar per group split into the share of each of the set's
    `max_variants` most used variants (the rest "other variants"), the set's rate [95 %
    interval] · count right of it, the p-values in the title; a bar resting on fewer than 5
    uses of the set (or a group of fewer than 5 articles) is faded. Returns the rows drawn."""
    from newscorpus.plots import FADED_ALPHA, SMALL_N

    part = table[table["concept"] == concept].copy()
    order = (
        part[part["group"].astype("str") == ALL_GROUPS]
        .sort_values("count", ascending=False, kind="stable")["variant"]
        .tolist()
    )
    keep = [v for v in order[:max_variants] if part.loc[part["variant"] == v, "count"].sum() > 0]
    part.loc[~part["variant"].isin(keep), "variant"] = "other variants"
    part = part.groupby(["group", "variant"], observed=True, sort=False, as_index=False).agg(
        concept=("concept", "first"),
        count=("count", "sum"),
        n_words=("n_words", "first"),
        concept_count=("concept_count", "first"),
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        part["share"] = np.where(
            part["concept_count"] > 0, part["count"] / part["concept_count"], np.nan
        )
        part["rate"] = part["count"] / part["n_words"] * PER
    low, high = _poisson_ci(part["count"].to_numpy(), part["n_words"].to_numpy())
    part["ci_low"], part["ci_high"] = low, high
    pooled = part.loc[part["variant"] == "other variants", "count"].sum() > 0
    variants = keep + (["other variants"] if pooled else [])
    for i, group in enumerate(groups):
        rows = part[part["group"].astype("str") == group].set_index("variant")
        k = int(rows["concept_count"].iloc[0]) if len(rows) else 0
        # faded: a group of few articles, or a mix resting on fewer than 5 uses of the set
        few = bool(group != ALL_GROUPS and sizes and sizes.get(group, SMALL_N) < SMALL_N)
        few = few or k < SMALL_N
        left = 0.0
        for j, variant in enumerate(variants):
            share = float(rows["share"].get(variant, 0.0)) if len(rows) else 0.0
            share = 0.0 if np.isnan(share) else share
            ax.barh(
                i,
                share,
                left=left,
                color=colors[j % len(colors)] if variant != "other variants" else "0.75",
                alpha=FADED_ALPHA if few else None,
                label=variant if i == 0 else None,
                height=0.75,
            )
            left += share
        words = int(rows["n_words"].iloc[0]) if len(rows) else 0
        lo, hi = _poisson_ci(np.array([k]), np.array([words]))
        rate = k / words * PER if words else float("nan")
        ax.text(
            1.02,
            i,
            f"{rate:.1f} [{lo[0]:.1f}–{hi[0]:.1f}] · {k:,}",
            va="center",
            fontsize=7.5,
            transform=ax.get_yaxis_transform(),
            color="0.5" if few else "black",
        )
    names = [(f"{g[:28]} (n={int(sizes[g]):,})" if g in sizes else g[:34]) for g in groups]
    ax.set_yticks(range(len(groups)), names, fontsize=8)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.axhline(len(groups) - 1.5, color="0.3", lw=0.8)  # "all articles" below the line
    ax.set_xlim(0, 1)
    title = concept
    if p_of is not None and concept in p_of.index:
        r = p_of.loc[concept]
        fmt = lambda p: "n/a" if pd.isna(p) else ("< 0.001" if p < 0.001 else f"= {p:.3f}")  # noqa: E731
        title += (
            f"\nrate across groups: p {fmt(r['p_rate'])}; variant mix: p {fmt(r['p_variants'])}"
        )
    ax.set_title(title, fontsize=9.5)
    ax.legend(
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(0, -0.12 - 0.4 / max(len(groups), 3)),
        ncol=min(len(variants), 4),
        frameon=False,
    )
    return part


def plot_naming(
    table: pd.DataFrame,
    tests: pd.DataFrame | None = None,
    max_concepts: int = 8,
    max_variants: int = 6,
    group_sizes: pd.Series | dict | None = None,
):
    """Small multiples, one per naming set: each group's mix of variants, and the set's rate.

    Input: a `naming_counts` table (groups already folded to top_n + "other"), its
    `naming_tests` (the p-values go in each panel title) and optionally articles per group.
    Each panel has one bar per group and a last bar for all articles: the bar is split into the
    share of each variant (the `max_variants` most used in the corpus; the rest pooled as
    "other variants"); the label right of it gives the set's rate per 10,000 body words with its
    95 % interval and the set's count. Sets with no occurrence are left out and named in the
    title; at most `max_concepts` panels (the most used sets first). A group of fewer than 5
    articles, or a bar resting on fewer than 5 uses of the set, is faded. Output: the figure and the rows drawn (the table's columns, variants
    beyond `max_variants` pooled).
    """
    import matplotlib.pyplot as plt

    from newscorpus.plots import MAX_INCHES, no_data

    used = (
        table[table["group"].astype("str") == ALL_GROUPS]
        .groupby("concept", sort=False)["count"]
        .sum()
    )
    empty = [c for c, k in used.items() if k == 0]
    concepts = [c for c in used.sort_values(ascending=False, kind="stable").index if used[c] > 0]
    cut = concepts[max_concepts:]
    concepts = concepts[:max_concepts]
    groups = [str(g) for g in table["group"].cat.categories] if len(table) else []
    sizes = dict(pd.Series(group_sizes).items()) if group_sizes is not None else {}
    ncols = 1 if len(concepts) <= 1 else 2
    nrows = max(1, -(-len(concepts) // ncols))
    panel = 0.26 * max(len(groups), 3) + 1.3
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(8.5 * ncols, min(panel * nrows + 1.2, MAX_INCHES)), squeeze=False
    )
    for ax in axes.flat:
        ax.set_visible(False)
    if not concepts:
        axes[0, 0].set_visible(True)
        no_data(axes[0, 0], "no variant of any naming set occurs in this corpus")
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    drawn = []
    p_of = tests.set_index("concept") if tests is not None and len(tests) else None
    for ax, concept in zip(axes.flat, concepts, strict=False):
        ax.set_visible(True)
        drawn.append(_naming_panel(ax, table, concept, groups, sizes, colors, max_variants, p_of))
    notes = []
    if empty:
        notes.append(f"not found: {', '.join(empty[:6])}{' …' if len(empty) > 6 else ''}")
    if cut:
        notes.append(f"{len(cut)} more sets in the CSV")
    fig.suptitle(
        "Naming: how each group names the same thing (bar: share of each variant; right: the "
        "set's rate per 10,000 body words [95 % interval] · count; G² tests)"
        + (f"\n{'; '.join(notes)}" if notes else ""),
        fontweight="bold",
        fontsize=10.5,
    )
    fig.tight_layout()
    rows = pd.concat(drawn, ignore_index=True) if drawn else table.iloc[0:0]
    return fig, rows
