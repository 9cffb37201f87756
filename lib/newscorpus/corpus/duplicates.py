"""Near-duplicate articles: wire copy and reprints found with MinHash / LSH (datasketch).

An outlet often reprints another's article, or a wire story, with small edits: a word
changed here and there, a wire prefix ("WASHINGTON (Reuters) -") or a sign-off added, the
last paragraph cut, a paragraph inserted. Such copies are grouped, and each copy points to
the earliest article of its group (by publication date, then article_id):
`articles.duplicate_of` names it and `articles.duplicate_similarity` gives the estimated
overlap (the Jaccard similarity of the two articles' word shingles, as estimated from their
MinHash signatures; 1.0 for a text repeated word for word).

Method (Broder 1997, "On the resemblance and containment of documents"; Leskovec, Rajaraman
and Ullman, *Mining of Massive Datasets*, ch. 3):
- the **body** text of an article (paragraphs of kind `body`, so titles, captions and site
  furniture found by `newscorpus.corpus.furniture` never count) is lower-cased and cut into
  words; every run of SHINGLE consecutive words is a shingle, hashed to 32 bits;
- each article with at least MIN_SHINGLES shingles gets a MinHash signature of NUM_PERM values
  (`datasketch.MinHash`, seed SEED);
- the signatures go into a `datasketch.MinHashLSH` index (threshold THRESHOLD), each article
  is queried, and a candidate pair is kept when its estimated Jaccard similarity (the share of
  equal signature values) is at least THRESHOLD; kept pairs are joined into groups.
With 5-word shingles, changing one word in 100 leaves about 90 % of the shingles in common;
cutting one paragraph of eight keeps about 7/8; two articles that share only their first
paragraph of several have a Jaccard similarity far below 0.5, so they are not copies.
A pair is no copy either when both texts state numbers and share fewer than half of them
(`same_facts`): wire services fill one template with each day's figures ("The Federal
Reserve ... 1.5 billion dlrs of customer repurchase agreements"), and a reprint repeats the
facts where a template changes them.

Scale: signatures are computed per partition (in the workers, `signature_job`, from the
partition's `articles` and `paragraphs` parts), and only small arrays (NUM_PERM 32-bit values
per article) come back to the main process, which builds the index and the groups (`group`);
`flag` then sets the two columns on each partition's articles.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newscorpus.corpus.model import problem
from newscorpus.corpus.wire_credits import credit_in

SHINGLE = 5  # words per shingle
NUM_PERM = 128  # MinHash values per article
SEED = 1
THRESHOLD = 0.5  # estimated Jaccard similarity from which two articles are copies
MIN_SHINGLES = 10  # an article needs this many shingles to be compared (about 14 words)
MIN_NUMBERS = 2  # numbers each text must state before differing numbers say "not a copy"

_WORD = re.compile(r"[^\W_]+")
_PRIME = np.uint64(1099511628211)  # FNV prime: mixes a shingle's word hashes in order


def body_texts(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.Series:
    """Each article's body text: its `body` paragraphs joined by a space.

    Input: `articles` (article_id, text) and `paragraphs` (article_id, kind, start, end:
    offsets into the article's text). Output: a Series of str indexed by article_id (every
    article of `articles`; "" when it has no body paragraph).
    """
    ids = articles["article_id"].astype("str")
    texts = dict(zip(ids, articles["text"].fillna("").astype("str"), strict=True))
    body = paragraphs.loc[(paragraphs["kind"].astype("str") == "body").to_numpy()]
    parts: dict[str, list[str]] = {}
    for aid, s, e in zip(
        body["article_id"].astype("str").tolist(),
        body["start"].tolist(),
        body["end"].tolist(),
        strict=True,
    ):
        text = texts.get(aid)
        if text is not None:
            parts.setdefault(aid, []).append(text[s:e])
    return pd.Series([" ".join(parts.get(a, ())) for a in ids], index=ids.to_numpy(), dtype="str")


def shingle_hashes(texts: list[str]) -> list[np.ndarray]:
    """The distinct 32-bit hashes of each text's word shingles (SHINGLE words, lower case).

    Words are hashed once per batch (CRC-32 of the word, so the same on every worker), and
    a shingle's hash mixes its words' hashes in order (FNV-style, folded to 32 bits).
    Output: one uint32 array per text (empty when the text has fewer than SHINGLE words).
    """
    words = [_WORD.findall(t.lower()) for t in texts]
    vocab: dict[str, int] = {}
    for ws in words:
        for w in ws:
            if w not in vocab:
                vocab[w] = zlib.crc32(w.encode("utf-8"))
    out = []
    for ws in words:
        if len(ws) < SHINGLE:
            out.append(np.zeros(0, np.uint32))
            continue
        ids = np.array([vocab[w] for w in ws], dtype=np.uint64)
        n = len(ws) - SHINGLE + 1
        h = np.zeros(n, np.uint64)
        with np.errstate(over="ignore"):
            for j in range(SHINGLE):
                h = h * _PRIME + ids[j : j + n] + np.uint64(j + 1)
        folded = ((h >> np.uint64(32)) ^ h) & np.uint64(0xFFFFFFFF)
        out.append(np.unique(folded.astype(np.uint32)))
    return out


def signatures(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> dict:
    """MinHash signatures of one partition's articles (stage 1, in a worker).

    Input: `articles` (article_id, text, published) and `paragraphs` (article_id, kind,
    start, end). Output: a small picklable dict: `ids` (article ids with at least
    MIN_SHINGLES shingles), `published` (datetime64[s], NaT when unknown), `sig` (uint32
    array, one row of NUM_PERM values per id).
    Method: see the module docstring.
    """
    body = body_texts(articles, paragraphs)
    hashes = shingle_hashes(body.tolist())
    keep = [i for i, h in enumerate(hashes) if len(h) >= MIN_SHINGLES]
    sig = np.zeros((len(keep), NUM_PERM), np.uint32)
    template = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
    for row, i in enumerate(keep):
        m = MinHash(
            num_perm=NUM_PERM,
            seed=SEED,
            hashfunc=int,
            permutations=template.permutations,
            scheme=template.scheme,
        )
        m.update_batch(hashes[i].tolist())
        sig[row] = m.hashvalues
    published = (
        pd.to_datetime(articles["published"], errors="coerce")
        if "published" in articles.columns
        else pd.Series(pd.NaT, index=articles.index)
    )
    texts = body.tolist()
    return {
        "ids": body.index.to_numpy()[keep].astype("str").tolist(),
        "published": published.to_numpy().astype("datetime64[s]")[keep],
        "sig": sig,
        "numbers": [number_hashes(texts[i]) for i in keep],
    }


_NUMBER = re.compile(r"\d(?:[\d,./-]*\d)?")


def number_hashes(text: str) -> np.ndarray:
    """The distinct numbers a text states ("291.8", "6-3/16", "1987"), as sorted CRC-32 hashes:
    the facts a reprint repeats and a templated item (a daily market report, a dividend
    notice) changes."""
    found = {zlib.crc32(n.encode()) for n in _NUMBER.findall(text)}
    return np.array(sorted(found), dtype=np.uint32)


def same_facts(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """False when two texts each state at least MIN_NUMBERS numbers and share fewer than
    half of them (Jaccard < 0.5): the same template filled with other facts, not a copy.
    True otherwise (too few numbers to tell, or unknown)."""
    if a is None or b is None or len(a) < MIN_NUMBERS or len(b) < MIN_NUMBERS:
        return True
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared) >= 0.5


def signature_job(job: dict) -> dict:
    """One partition's signatures from its cached `articles` and `paragraphs` parts.

    Input: {"folder": the analysis folder, "part": partition number}. Output: {"signatures":
    `signatures(...)`, "cpu": CPU seconds}. Runs in a worker (process pool or Dask).
    """
    import time

    started = time.process_time()
    folder, part = Path(job["folder"]), job["part"]
    name = f"part-{part:05d}.parquet"
    articles = pd.read_parquet(
        folder / "articles" / name, columns=["article_id", "text", "published"]
    )
    paragraphs = pd.read_parquet(
        folder / "paragraphs" / name, columns=["article_id", "kind", "start", "end"]
    )
    found = signatures(articles, paragraphs)
    return {"signatures": found, "cpu": time.process_time() - started}


def group(parts: list[dict], exact: dict[str, str] | None = None) -> pd.DataFrame:
    """Copies and the article each repeats, from every partition's `signatures` (stage 2).

    Input: the `signatures` dicts of all partitions, and optionally the reader's exact
    duplicates {article_id: original} (texts repeated word for word, which may lack
    signatures when they are short). Output columns: article_id, duplicate_of (the earliest
    article of its group: by publication date, undated last, then article_id),
    duplicate_similarity (estimated Jaccard similarity with that article, 0-1; 1.0 for an
    exact copy without a signature); one row per copy, originals not listed.
    Method: `datasketch.MinHashLSH` candidates kept at estimated Jaccard >= THRESHOLD, unless
    both state numbers and share fewer than half of them (`same_facts`: a templated item such
    as a daily market report or a dividend notice, not a copy), joined into groups (connected
    pairs).
    """
    columns = ["article_id", "duplicate_of", "duplicate_similarity"]
    ids = [a for p in parts for a in p["ids"]]
    rows: dict[str, tuple[str, float]] = {}
    if ids:
        sig = np.concatenate([p["sig"] for p in parts])
        numbers = [n for p in parts for n in p.get("numbers", [None] * len(p["ids"]))]
        published = np.concatenate([p["published"] for p in parts]).astype("datetime64[s]")
        parent = list(range(len(ids)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        hashes = [LeanMinHash(seed=SEED, hashvalues=s, scheme="affine32") for s in sig]
        with lsh.insertion_session() as session:
            for i, m in enumerate(hashes):
                session.insert(i, m, check_duplication=False)
        for i, m in enumerate(hashes):
            for j in lsh.query(m):
                if (
                    j > i
                    and find(i) != find(j)
                    and (sig[i] == sig[j]).mean() >= THRESHOLD
                    and same_facts(numbers[i], numbers[j])
                ):
                    parent[find(j)] = find(i)
        roots = np.array([find(i) for i in range(len(ids))])
        members: dict[int, list[int]] = {}
        for i, r in enumerate(roots.tolist()):
            members.setdefault(r, []).append(i)
        undated = np.isnat(published)
        for group_rows in members.values():
            if len(group_rows) < 2:
                continue
            first = min(
                group_rows,
                key=lambda i: (bool(undated[i]), published[i] if not undated[i] else 0, ids[i]),
            )
            for i in group_rows:
                if i != first:
                    rows[ids[i]] = (ids[first], round(float((sig[i] == sig[first]).mean()), 3))
    for aid, original in (exact or {}).items():
        if aid not in rows:
            rows[aid] = (rows.get(original, (original,))[0], 1.0)
    return pd.DataFrame([(a, o, s) for a, (o, s) in rows.items()], columns=columns).astype(
        {"article_id": "str", "duplicate_of": "str", "duplicate_similarity": "float64"}
    )


def flag(articles: pd.DataFrame, copies: pd.DataFrame) -> pd.DataFrame:
    """`articles` with `duplicate_of` and `duplicate_similarity` set from `group`'s copies.

    `duplicate_of` keeps the reader's value for an article not in `copies`;
    `duplicate_similarity` is NaN for an article that is no copy. The new column follows
    `duplicate_of`.
    """
    articles = articles.copy()
    found = copies.set_index("article_id")
    ids = articles["article_id"].astype("str")
    original = ids.map(found["duplicate_of"]) if len(found) else pd.Series(pd.NA, index=ids.index)
    if "duplicate_of" in articles.columns:
        kept = articles["duplicate_of"].astype("str")
        articles["duplicate_of"] = original.where(original.notna(), kept).astype("str")
    else:
        articles["duplicate_of"] = original.astype("str")
    similarity = (
        ids.map(found["duplicate_similarity"]) if len(found) else pd.Series(np.nan, index=ids.index)
    ).astype("float64")
    if "duplicate_similarity" in articles.columns:
        articles = articles.drop(columns="duplicate_similarity")
    articles.insert(
        list(articles.columns).index("duplicate_of") + 1, "duplicate_similarity", similarity
    )
    return articles


def near_duplicates(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """`group` on one in-memory corpus (its `articles` and `paragraphs` tables): the copies,
    columns article_id, duplicate_of, duplicate_similarity. For small corpora and tests; the
    analysis pass runs `signature_job` per partition and `group` once."""
    return group([signatures(articles, paragraphs)])


# --------------------------------------------------------------------------- wire credits

WIRE_CREDITS = {  # service: how a text credits it
    "Reuters": r"\(Reuters\)|\bReuters\b|\bReuter\s*$",  # "Reuter": the 1980s sign-off
    "AFP": r"\(AFP\)|\bAFP\b|Agence France[- ]Presse",
    "AP": r"\(AP\)|\bAP\b|Associated Press",
}


def wire_credit(texts: pd.Series) -> pd.Series:
    """The wire service each text credits for itself: "Reuters", "AFP" or "AP"; NA when none.

    Input: a Series of texts (an article's paragraphs one a line). Output: a str Series
    indexed alike. A name counts only in a credit's form (`corpus.wire_credits.credit_in`): a
    dateline ("LONDON (Reuters) -", "(AP) —"), a contributor line ("The Associated Press
    contributed to this report", "Contributing: AP"), a byline or source line standing alone
    ("By The Associated Press", "— Reuters", "Reuter" closing the text). A name anywhere else
    is cited or reported on, never a credit: "reports The Associated Press", "told Reuters",
    "AP phone records", "a Reuters/Ipsos poll", "AFP-M Director". Never raises.
    """
    found = [credit_in(t) for t in texts.fillna("").astype("str").tolist()]
    return pd.Series(found, index=texts.index, dtype="str")


def copy_problems(articles: str | os.PathLike, copies: pd.DataFrame, exact: dict) -> list[dict]:
    """One `problems` row per near-duplicate: the copy is kept, flagged in
    articles.duplicate_of and counted once by every view (an exact copy has the reader's row).

    Input: the analysed `articles` Parquet folder (article_id, path), `group`'s copies and the
    reader's exact duplicates {article_id: original}. Output: row dicts (path, article_id,
    analysis "read", problem "near-duplicate of ID (estimated Jaccard similarity 0.81)",
    action).
    """
    near = copies[~copies["article_id"].astype("str").isin(set(exact))]
    if near.empty:
        return []
    paths = pd.read_parquet(articles, columns=["article_id", "path"])
    path_of = dict(zip(paths["article_id"].astype("str"), paths["path"], strict=True))
    return [
        problem(
            path_of.get(str(aid)),
            f"near-duplicate of {orig} (estimated Jaccard similarity {float(sim):.2f})",
            "kept, flagged in articles.duplicate_of",
            str(aid),
        )
        for aid, orig, sim in zip(
            near["article_id"], near["duplicate_of"], near["duplicate_similarity"], strict=True
        )
    ]
