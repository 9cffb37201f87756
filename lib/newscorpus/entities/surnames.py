"""Whose a bare surname is, and names that hold a person's word without naming a person.

Corpus-level rules on an entities table (article_id, text, type, canonical), run by
`resolve.resolve_types_and_names` around the article-level person rules (`people`):

- `phrase_names`: a PER name that does not open with a known given name and glues a person's
  surname to words that are no part of any person's name in the corpus is no person's full
  name. A building or business after the surname ("Trump Tower", "Trump Hotel") is a place or
  an organisation, a collective before it ("Team Trump", "Camp Obama") an organisation; any
  other glued word (a headline's verb or object: "Trump Unveils", "Trump denies Comey",
  "Watch Trump", "Related Coverage Trump", "Candidate Trump", "Lady Melania Trump") leaves the
  person's own words, the first run of them that ends with a surname ("Trump", "Melania
  Trump"). The article's other mentions that took the phrase as their full name (a bare
  "Trump" beside "Trump Tower", "Comey" beside "Trump denies Comey") keep their own words.
- `org_words`: a PER name whose words before the last are common words (`common_words`:
  "Century"; never a given name such as "Anita") and whose last word the corpus
  writes in organisations' names in `ORG_RATIO` times the articles of people's full names
  ("Fox" of "Fox News" and "21st Century Fox", "Judiciary" of "Senate Judiciary Committee";
  never "Clinton" of "Clinton Foundation" beside "Hillary Clinton") is an organisation.
- `bearer_names`: a bare surname the article gave another of its full names ("Trump" →
  "Ivanka Trump", named more often there than "Donald Trump") goes to the bearer the corpus
  names most when the article names that bearer too and the corpus cites it in
  `sources.bearers.RATIO` times the articles of the article's name (the speakers' rule,
  `sources.bearers.corpus_bearers` and `prefer_bearer`), unless the mention's courtesy title
  fits only the article's name ("Mrs. Trump" beside "Melania Trump"). A namesake the article
  names alone keeps its surname ("Kelly" beside "Megyn Kelly" only is hers).

At the article level, `titled_surnames` (run by `find`) gives a bare surname the title the
article gives it alone where that title fits none of the article's full names with it
("President Trump" beside only "Ivanka Trump": the speakers' `sources.bearers.titled_bearers`);
`untitled_surnames` then leaves it to the corpus's bearer, never the article's relative.

Person words are the words of the corpus's full names that open with a known given name
(`sources.bearers.is_full_name`) and words news text never writes in lowercase ("Ivanka");
glued words are the others (`common_words`: "watch", "coverage", "unveils"). Rules of thumb written for this package on the round-9
review of allsides news; the head words are lists of this module.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from newscorpus.entities.kinds import not_a_person
from newscorpus.paths import DATA_DIR
from newscorpus.sources.bearers import (
    corpus_bearers,
    courtesy_fits,
    is_full_name,
    prefer_bearers,
    titled_bearers,
    titles_of,
)
from newscorpus.sources.forms import ORG_HEADS
from newscorpus.sources.given_names import given_name_gender, is_first_name, title_gender
from newscorpus.sources.words import TITLES

MAX_FRAGMENT = 2  # a headline's or a label's glued words: a name of at most 2 articles
ORG_RATIO = 3  # an organisation's word: in ORG names in 3x the articles of people's names
MIN_ORG_ARTICLES = 3  # … and in organisations' names in at least 3 articles
# a building, a venue or a business named after its owner: "Trump Tower", "Trump Hotel"
PLACE_TAILS = frozenset(
    "tower towers plaza building buildings avenue street square stadium arena bridge airport "
    "park memorial library estate mansion palace".split()
)
BUSINESS_TAILS = frozenset(
    "hotel hotels casino casinos resort resorts grill restaurant winery golf links "
    "university enterprises industries holdings media news network".split()
)
# a group named by its figurehead: "Team Trump", "Camp Obama"
COLLECTIVES = frozenset("team camp squad crew gang".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_PARTICLE = re.compile(r"^(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el)$|^al-")
_COURTESY = re.compile(r"^(Mr|Mrs|Ms|Miss|Mister)\.?\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The words news text writes in lowercase: the lowercase forms of the tagger's word
    clusters (`data/ner/clusters.tsv`, built from unlabelled news, `clusters`)."""
    path = DATA_DIR / "ner" / "clusters.tsv"
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8") as f:
        words = (line.split("\t", 1)[0] for line in f)
        return frozenset(w for w in words if w.isalpha() and w.islower())


def is_common(word: str) -> bool:
    """Whether a capitalised word is a common word (`common_words`), its verb's or plural's
    "-s"/"-es" dropped ("Unveils", "Scolds" → "scold")."""
    low = word.lower()
    common = common_words()
    return low in common or (
        low.endswith("s") and (low[:-1] in common or (low.endswith("es") and low[:-2] in common))
    )


def _words_of(table: pd.DataFrame) -> tuple[set[str], set[str]]:
    """(surnames, given names) of the corpus: last and other words of its PER full names."""
    canon = table["canonical"].astype("str")
    fulls = canon[table["type"].astype("str") == "PER"].unique()
    surnames, given = set(), set()
    for full in fulls:
        if is_full_name(full):
            words = full.split()
            surnames.add(words[-1])
            given.update(words[:-1])
    return surnames, given


def _plain(text: str) -> str:
    """A mention's words without a possessive and a title before them ("Mr. Trump's" → "Trump")."""
    words = re.sub(r"[’']s$", "", " ".join(str(text).split())).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def phrase_name(
    name: str,
    surnames: set[str],
    given: set[str],
    n_articles: int = 1,
    titles_only: bool = False,
    prominent: set | frozenset | None = None,
) -> tuple[str, str] | None:
    """(type, canonical) of a PER name that glues a person's words to other words (see the
    module doc), or None for a name left alone: one word, a name opening with a known given
    name, a name with no surname of the corpus, or a name whose every word is a person's.
    The person left is the first run of person's words that is a full name ("Kathy Landing"
    of "Town Councilwoman Kathy Landing") or ends with a surname ("Trump" of "Watch Trump"),
    when the glue is a lowercase word ("Trump denies Comey"), words before a full name, words
    before a surname in a name of at most `MAX_FRAGMENT` articles (`n_articles`: a one-off
    "Watch Trump", never "Rand Paul" of 40 articles) that is a `prominent` surname (cited in
    `sources.bearers.LEAST` articles: never "Cross" of "Blue Cross"; None: any), or words
    after it in a name only headlines write (`titles_only`: "Trump Unveils"; never "Marshall
    Plan", "Taylor Swift"). Input: the name, the corpus's `surnames` and `given` names
    (`_words_of`: known first names among them), and where the corpus names it."""
    words = str(name).split()
    if len(words) < 2 or is_full_name(name) or any(w in ("and", "&") for w in words):
        return None
    if words[0] in given and words[-1] in surnames:
        return None  # "Guy Roberts", "Jorge Garcia": a given name the lists miss

    def own(w: str) -> bool:  # a person's word, or an unknown one ("Ivanka")
        return (
            w in surnames
            or w in given
            or w.lower() in SUFFIXES
            or bool(_PARTICLE.match(w))
            or not is_common(w)
        )

    mine = [own(w) for w in words]
    if words[0].lower() in COLLECTIVES and any(mine[1:]) and not mine[0]:
        return "ORG", name  # "Team Hillary": a first name is enough
    if all(mine) or not any(w in surnames for w in words):
        return None
    if words[-1].lower() in PLACE_TAILS and not mine[-1]:
        return "LOC", name
    if words[-1].lower() in BUSINESS_TAILS | ORG_HEADS and not mine[-1]:
        return "ORG", name
    if words[0].lower() in COLLECTIVES or words[-1].lower() in COLLECTIVES:  # "Mueller Team"
        return "ORG", name
    lower = any(w[:1].islower() and not _PARTICLE.match(w) for w in words)
    first = mine.index(True)
    prefix_only = all(mine[first:])
    fragment = prefix_only and n_articles <= MAX_FRAGMENT
    if fragment and prominent is not None and is_full_name(" ".join(words[first:])) is False:
        fragment = words[-1] in prominent  # "Watch Trump", never "Blue Cross" → "Cross"
    if not (lower or titles_only or fragment):
        rest = " ".join(words[first:])
        return ("PER", rest) if prefix_only and is_full_name(rest) else None
    k = 0
    while k < len(words):  # the first run of person's words that ends with a surname
        if not mine[k]:
            k += 1
            continue
        j = k
        while j < len(words) and mine[j]:
            j += 1
        run = words[k:j]
        if is_full_name(" ".join(run)):
            return "PER", " ".join(run)
        while run and run[-1] not in surnames and run[-1].lower() not in SUFFIXES:
            run = run[:-1]
        if run and run[-1].lower() in SUFFIXES and len(run) == 1:
            run = []
        if run:
            return "PER", " ".join(run)
        k = j
    return None


def phrase_names(
    table: pd.DataFrame, known: frozenset | set = frozenset(), firsts: frozenset = frozenset()
) -> pd.DataFrame:
    """`table` (entities) with each PER phrase name (`phrase_name`) given its type and name, and
    the article's shorter mentions that took the phrase as their full name their own words
    (PER when they hold a surname: "Trump" of "Trump Tower"; else MISC: "Happy" of "Trump
    Happy"). `known`: names left alone (listed organisations and outlets: "Mother Jones");
    `firsts`: more known first names, lowercase (the tagger gazetteer's: "Guy", "Jorge")."""
    per = (table["type"].astype("str") == "PER").to_numpy()
    canon = table["canonical"].astype("str")
    names = canon[per].unique()
    surnames, given = _words_of(table)
    given |= {w for w in set(" ".join(names).split()) if w.lower() in firsts}
    prominent = set(corpus_bearers(_person_counts(table)))
    plain = table["text"].astype("str").map(_plain)
    title = table["sentence_id"] < 0 if "sentence_id" in table else pd.Series(False, table.index)
    where = pd.DataFrame(
        {
            "canonical": canon[per],
            "article_id": table["article_id"].astype("str")[per],
            # written whole only in headlines: "Trump Unveils"
            "title": (title | (plain != canon))[per],
        }
    ).groupby("canonical")
    n_articles, titles_only = where["article_id"].nunique(), where["title"].all()
    found = {
        c: f
        for c in names
        if " " in c
        and c not in known
        and (f := phrase_name(c, surnames, given, n_articles[c], bool(titles_only[c]), prominent))
    }
    if not found:
        return table
    hit = per & canon.isin(set(found)).to_numpy()
    shorter = hit & (plain != canon).to_numpy() & (plain.str.len() < canon.str.len()).to_numpy()
    new = canon.to_numpy(dtype=object).copy()
    types = table["type"].astype("str").to_numpy(dtype=object).copy()
    arts = table["article_id"].astype("str").to_numpy()
    for k in map(int, hit.nonzero()[0]):
        if shorter[k]:
            new[k] = plain.iat[k]  # "Trump" beside "Trump Tower": the surname, still PER
            if not any(w in surnames for w in new[k].split()):
                types[k] = "MISC"  # "Happy" of "Trump Happy"
        else:
            types[k], new[k] = found[new[k]]
    # a surname left alone: the article's full name ending with it that it names most
    # ("Clinton" of the headline "Clinton Masterminded" beside Hillary and Bill Clinton), as
    # `find.canonical_names` gives a bare surname
    alone = hit & (types == "PER") & ~pd.Series(new).str.contains(" ", regex=False).to_numpy()
    if alone.any():
        fulls = pd.DataFrame({"article_id": arts[per], "canonical": canon[per].to_numpy()})
        fulls = fulls[fulls["canonical"].map(is_full_name).astype(bool)]
        fulls = fulls.assign(last=fulls["canonical"].str.rsplit(" ", n=1).str[-1])
        top = fulls.groupby(["article_id", "last", "canonical"]).size().reset_index(name="n")
        top = top.sort_values(["n", "canonical"], ascending=False, kind="stable")
        best = top.drop_duplicates(["article_id", "last"]).set_index(["article_id", "last"])
        for k in map(int, alone.nonzero()[0]):
            if (arts[k], new[k]) in best.index:
                new[k] = best.loc[(arts[k], new[k]), "canonical"]
    out = table.copy()
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    out["type"] = pd.Categorical(types, categories=table["type"].cat.categories)
    return out


def org_words(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with a PER name that opens with no known given name and ends with an
    organisation's word (see the module doc: "Century Fox", "Fox", "Judiciary") typed ORG."""
    canon = table["canonical"].astype("str")
    types = table["type"].astype("str")
    arts = table["article_id"].astype("str")
    pairs = pd.DataFrame({"canonical": canon, "type": types, "article_id": arts})
    pairs = pairs[pairs["type"].isin(["PER", "ORG"])].drop_duplicates()
    org_in: dict[str, set[str]] = {}
    per_in: dict[str, set[str]] = {}
    for c, t, a in zip(pairs["canonical"], pairs["type"], pairs["article_id"], strict=True):
        if t == "ORG" and " " in c:
            for w in set(c.split()):
                org_in.setdefault(w, set()).add(a)
        elif t == "PER" and is_full_name(c):
            for w in set(c.split()):
                per_in.setdefault(w, set()).add(a)

    def organisation(name: str) -> bool:
        words = name.split()
        if is_full_name(name) or not all(map(is_common, words[:-1])) or not_a_person(name):
            return False  # never "Anita Hill" beside "The Hill"
        if is_first_name(words[0]) or given_name_gender(words[0]) is not None:
            return False  # "Howard" beside "Howard University" stays a person
        last = name.split()[-1]
        n_org = len(org_in.get(last, ()))
        return n_org >= MIN_ORG_ARTICLES and n_org >= ORG_RATIO * len(per_in.get(last, ()))

    per = types == "PER"
    found = {c for c in canon[per].unique() if organisation(c)}
    if not found:
        return table
    out = table.copy()
    retyped = types.where(~(per & canon.isin(found)), "ORG")
    out["type"] = pd.Categorical(retyped, categories=table["type"].cat.categories)
    return out


def bearer_names(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with each bare surname that its article gave a full name (a PER mention of one
    word, the last word of its canonical full name) given the corpus's bearer of that
    surname instead where `sources.bearers.prefer_bearer` says so, unless the mention's
    courtesy title ("Mrs. Trump") fits the article's name and not the bearer."""
    canon = table["canonical"].astype("str")
    per = table["type"].astype("str") == "PER"
    plain = table["text"].astype("str").map(_plain)
    last = canon.str.rsplit(" ", n=1).str[-1]
    bare = per & ~plain.str.contains(" ", regex=False) & canon.str.contains(" ", regex=False)
    bare &= plain == last
    if not bare.any():
        return table
    bearers = _bearers(table)
    if not bearers:
        return table
    rows = bare.to_numpy().nonzero()[0]
    chosen = prefer_bearers(last.to_numpy()[rows], canon.to_numpy()[rows], bearers)
    arts = table["article_id"].astype("str").to_numpy()
    named = set(zip(arts[per.to_numpy()], canon[per].to_numpy(), strict=True))
    new = canon.to_numpy(dtype=object).copy()
    texts = table["text"].astype("str").to_numpy()
    for k, name in zip(rows, chosen, strict=True):
        if (arts[k], name) not in named:
            continue  # the bearer unnamed in the article: "Kelly" of "Megyn Kelly" is hers
        title = _COURTESY.match(texts[k])
        if name != new[k] and title and courtesy_fits(title.group(1), new[k]):
            if not courtesy_fits(title.group(1), name):
                continue  # "Mrs. Trump" beside "Melania Trump": hers
        new[k] = name
    out = table.copy()
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    return out


def titled_surnames(
    names: list[str], types: list[str], canon: list[str], starts: list[int], text: str
) -> list[str]:
    """The canonical names of one article's mentions (`find.canonical_names`) with a surname
    written alone after a title ("President Trump") named by that title and the article's
    full name ("President Ivanka Trump") where the article's titles of the surname fit none
    of its full names with it ("President Trump", "Mr. Trump" beside only "Ivanka Trump":
    `sources.bearers.titled_bearers`, the speakers' rule), so the corpus step chooses
    between the article's name and the corpus's bearer (`untitled_surnames`); a full name
    whose given name the article uses alone near the mention keeps it, and so do untitled
    mentions. Input: the mentions' cleaned
    names, types, canonical names and start offsets in `text` (the article). Output: the
    canonical names, same order."""
    out = list(canon)
    titles: dict[str, bool] = {}
    for k, (name, t, c) in enumerate(zip(names, types, canon, strict=True)):
        if t != "PER" or " " in name or " " not in c or c.split()[-1] != name:
            continue
        if name not in titles:
            titles[name] = bool(titles_of(name, text))
        if not titles[name]:
            continue  # the article titles the surname alone nowhere
        own = sorted(
            {
                x
                for x, y in zip(canon, types, strict=True)
                if y == "PER" and " " in x and x.split()[-1] == name
            }
        )
        window = text[max(0, starts[k] - 16) : starts[k] + len(name)]
        mine = titles_of(name, window)  # this mention's own title ("President Trump")
        if mine and c not in titled_bearers(name, own, text, 0, starts[k]):
            out[k] = f"{min(mine)} {c}"  # "President Ivanka Trump": for the corpus step
    return out


def untitled_surnames(table: pd.DataFrame) -> tuple[pd.DataFrame, set[tuple[str, str]]]:
    """`table` with each PER name that is a title and an article's full name
    (`titled_surnames`: "President Ivanka Trump", "Mrs Bill Clinton"; the article level
    drops every other title) renamed: a courtesy title with a gender ("Mrs", "Mr") to the
    full name the corpus cites most among those with that surname whose given name fits it
    (`sources.bearers.courtesy_fits`: "Mrs Bill Clinton" → Hillary Clinton), an office title
    to the corpus's bearer where `sources.bearers.prefer_bearer` prefers it to the article's
    name ("President Ivanka Trump" → Donald Trump; "President Bill Clinton" stays Bill
    Clinton beside Hillary), else to the surname alone; and the (article_id, surname) pairs
    so renamed, which `people.article_surnames` leaves alone."""
    canon = table["canonical"].astype("str")
    words = canon.str.split(" ")
    per = table["type"].astype("str") == "PER"
    hit = per & (words.str.len() >= 3) & words.str[0].str.lower().str.rstrip(".").isin(TITLES)
    if not hit.any():
        return table, set()
    bearers = _bearers(table)
    named = {}
    for name in canon[hit].unique():
        title, local = name.split(" ", 1)
        surname = local.split()[-1]
        fulls = bearers.get(surname, (None, {}))[1]
        if title_gender(title) is None:
            named[name] = prefer_bearers([surname], [local], bearers)[0]
            continue
        fit = [f for f in fulls if is_full_name(f) and courtesy_fits(title, f)]
        named[name] = max(fit, key=lambda f: (fulls[f], f)) if fit else surname
    out = table.copy()
    new = canon.where(~hit, canon.map(named))
    out["canonical"] = pd.array(new.to_numpy(), dtype=table["canonical"].dtype)
    arts = table["article_id"].astype("str")
    return out, set(zip(arts[hit], words[hit].str[-1], strict=True))


def _bearers(table: pd.DataFrame) -> dict:
    """`sources.bearers.corpus_bearers` of the PER names of an entities table, each surname's
    {full name: articles} completed with the table's other full names ending with it ("Rand
    Paul", "Ivanka Trump": given names the lists do not know), so `prefer_bearer` weighs an
    article's name by the articles that name it, never as unknown (0)."""
    counts = _person_counts(table)
    bearers = corpus_bearers(counts)
    for full, n in zip(counts["canonical"], counts["n_articles"], strict=True):
        surname = full.rsplit(" ", 1)[-1]
        if " " in full and surname in bearers:
            bearers[surname][1].setdefault(full, int(n))
    return bearers


def _person_counts(table: pd.DataFrame) -> pd.DataFrame:
    """(canonical, n_articles, kind="person") of the PER names of an entities table."""
    per = table["type"].astype("str") == "PER"
    names = pd.DataFrame(
        {"canonical": table["canonical"].astype("str")[per], "article_id": table["article_id"][per]}
    )
    counts = names.groupby("canonical")["article_id"].nunique().rename("n_articles")
    return counts.reset_index().assign(kind="person")
