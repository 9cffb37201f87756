"""Token features for the CRF entity tagger.

`sentence_features(words, gazetteer, doc, headline)` gives, for each token of one sentence, the
list of string features CRFsuite takes: the word itself and lower-cased, its shape (`Xxxx`,
`XX`, `d-d`), prefixes and suffixes of 1-4 characters, capitalisation flags, the same for the
words two either side (a context window), the position in the sentence (first, last, a headline
line in capitals), gazetteer membership of the longest listed name covering the token (with its
B/I position), and document features: the word seen elsewhere in the document lower-cased (a
common word), or in title case when the token is all capitals (a headline word: the title-case
form's own features are added). Features of one word type are computed once and cached, so a
sentence costs a few list concatenations per token.

Method: the standard CoNLL-2003 CRF feature set (Tjong Kim Sang & De Meulder 2003; Finkel et al.
2005, "Incorporating non-local information", for document consistency; Ratinov & Roth 2009,
"Design challenges and misconceptions in NER", for gazetteers, capitalisation and context).
"""

from __future__ import annotations

import re

_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_RUNS = re.compile(r"(.)\1+")
_CACHE: dict[str, tuple[list[str], ...]] = {}
_CACHE_MAX = 50_000  # word types whose feature strings are kept (about 2.5 kB each)
_CLUSTERS: dict[str, tuple[str, ...]] = {}


def set_clusters(clusters: dict[str, tuple[str, ...]]) -> None:
    """Use these word clusters (`clusters.load_clusters`) in the features from now on."""
    global _CLUSTERS
    if clusters is not _CLUSTERS:
        _CLUSTERS = clusters
        _CACHE.clear()


def _cluster(word: str) -> tuple[str, ...]:
    """The cluster features of a word, else of its lower-case or title-case form."""
    c = _CLUSTERS.get(word)
    if c is None and word[:1].isupper():
        c = _CLUSTERS.get(word[0] + word[1:].lower()) or _CLUSTERS.get(word.lower())
    return c or ()


def shape(word: str) -> str:
    """Short word shape: letters as `X`/`x`, digits as `d`, repeats collapsed (`McDonald` -> `XxXx`)."""
    s = word.translate(_SHAPE_MAP)
    for ch in set(s) - {"X", "x", "d"}:
        if ch.isalpha():
            s = s.replace(ch, "X" if ch.isupper() else "x")
        elif ch.isdigit():
            s = s.replace(ch, "d")
    return _RUNS.sub(r"\1", s)


def word_features(word: str) -> tuple[list[str], ...]:
    """Features of one word type: (own features, at -1, at +1, at -2, at +2)."""
    cached = _CACHE.get(word)
    if cached is not None:
        return cached
    lower = word.lower()
    sh = shape(word)
    long_shape = word.translate(_SHAPE_MAP)[:8]
    title = word[:1].isupper()
    upper = word.isupper() and any(c.isalpha() for c in word)
    own = [
        "b",
        "w=" + word,
        "l=" + lower,
        "s=" + sh,
        "S=" + long_shape,
        "p1=" + word[:1],
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "p4=" + lower[:4],
        "x1=" + lower[-1:],
        "x2=" + lower[-2:],
        "x3=" + lower[-3:],
        "x4=" + lower[-4:],
    ]
    if title:
        own.append("T")
    if upper:
        own.append("U")
    if any(c.isdigit() for c in word):
        own.append("D")
    if "-" in word:
        own.append("H")
        own.extend("hp=" + part.lower() for part in word.split("-") if part)
    if "." in word:
        own.append("P")
    if len(word) == 1:
        own.append("L1")
    elif len(word) > 10:
        own.append("L10")
    clusters = _cluster(word)
    own.extend(clusters)
    near = ["l=" + lower, "s=" + sh, "x3=" + lower[-3:], *clusters[1:2]]
    if title:
        near.append("T")
    if upper:
        near.append("U")
    far = ["l=" + lower, "s=" + sh]
    out = (
        own,
        ["-1" + f for f in near],
        ["+1" + f for f in near],
        ["-2" + f for f in far],
        ["+2" + f for f in far],
    )
    if len(_CACHE) > _CACHE_MAX:
        _CACHE.clear()
    _CACHE[word] = out
    return out


START = (["-1<s>"], ["-2<s>"])
END = (["+1</s>"], ["+2</s>"])
_START, _END = START, END


def gazetteer_marks(words: list[str], gazetteer: dict) -> dict[int, list[str]]:
    """{token position: `g<B|I|M>=<TYPE>` marks} for the longest gazetteer names covering
    tokens (left to right; `gM` on the first word of a name of several words).

    `gazetteer` maps a tuple of lower-cased words to a set of types and has the key `"_first"`
    (the set of first words) and `"_max"` (the longest name in words). A name starts only at a
    capitalised word."""
    n = len(words)
    marks: dict[int, list[str]] = {}
    first, longest = gazetteer["_first"], gazetteer["_max"]
    starts = [i for i, w in enumerate(words) if w[:1].isupper() and w.lower() in first]
    if not starts:
        return marks
    lowered = [w.lower() for w in words]
    covered = -1
    for i in starts:
        if i < covered:
            continue
        for k in range(min(longest, n - i), 0, -1):
            types = gazetteer.get(tuple(lowered[i : i + k]))
            if types:
                for t in types:
                    marks.setdefault(i, []).append("gB=" + t)
                    for j in range(i + 1, i + k):
                        marks.setdefault(j, []).append("gI=" + t)
                    if k > 1:
                        marks[i].append("gM=" + t)
                covered = i + k
                break
    return marks


def document_vocabulary(sentences: list[list[str]]) -> tuple[set[str], set[str]]:
    """The words of one document written lower-case, and those written in title case not first
    in their sentence (the evidence the document features read)."""
    lower, titled = set(), set()
    for words in sentences:
        for i, w in enumerate(words):
            c = w[:1]
            if c.islower():
                lower.add(w)
            elif i > 0 and c.isupper() and not w.isupper():
                titled.add(w)
    return lower, titled


def sentence_extras(
    words: list[str],
    gazetteer: dict | None = None,
    doc: tuple[set[str], set[str]] | None = None,
    headline: bool = False,
) -> dict[int, list[str]]:
    """The features of each token that depend on more than the words around it (sentence
    position, headline, a line in capitals, gazetteer marks, document vocabulary), as
    {token position: features} for the tokens that have any."""
    n = len(words)
    upper = [w.isupper() for w in words]
    upper_line = n > 2 and sum(upper) >= 0.6 * n
    line = (["head"] if headline else []) + (["ucline"] if upper_line else [])
    out: dict[int, list[str]] = {i: list(line) for i in range(n)} if line else {}
    out.setdefault(0, list(line)).append("first")
    if gazetteer:
        for i, m in gazetteer_marks(words, gazetteer).items():
            out.setdefault(i, []).extend(m)
    if doc is not None:
        lower_doc, titled_doc = doc
        for i, w in enumerate(words):
            if not w[:1].isupper():
                continue
            f = []
            if w.lower() in lower_doc:
                f.append("doc_lower")
            if upper[i] and len(w) > 1:
                t = w[0] + w[1:].lower()
                if t in titled_doc:
                    f.append("doc_titled")
                    f += ["t" + x for x in word_features(t)[0][:5]]
            elif i == 0 and w in titled_doc:
                f.append("doc_titled")
            if f:
                out.setdefault(i, []).extend(f)
    return out


def sentence_features(
    words: list[str],
    gazetteer: dict | None = None,
    doc: tuple[set[str], set[str]] | None = None,
    headline: bool = False,
) -> list[list[str]]:
    """CRFsuite features (lists of strings) for each word of one sentence; see the module doc.

    Each token's features are its own word's, its neighbours' (`-1`, `+1`, `-2`, `+2`, or the
    sentence edge `<s>`, `</s>`) and `sentence_extras`."""
    n = len(words)
    table = [word_features(w) for w in words]
    extras = sentence_extras(words, gazetteer, doc, headline)
    out = []
    for i in range(n):
        f = table[i][0] + (table[i - 1][1] if i >= 1 else _START[0])
        f = f + (table[i + 1][2] if i + 1 < n else _END[0])
        f = f + (table[i - 2][3] if i >= 2 else _START[1])
        f = f + (table[i + 2][4] if i + 2 < n else _END[1])
        out.append(f + extras.get(i, []))
    return out
