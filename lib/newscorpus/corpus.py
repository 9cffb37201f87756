"""Reading a folder of news articles into the tables `articles`, `paragraphs`, `sentences`,
`tokens` and `problems`.

Each `.txt` file is one article: the first non-empty line is its title, the rest its body. Every
non-empty line is a paragraph. Paragraphs are classified (title, dek, byline, caption, body,
boilerplate) by general patterns; only body paragraphs are split into sentences and tokens.
All `start`/`end` columns are character offsets into `articles.text`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.tokenize import RegexpTokenizer

from newscorpus import resources
from newscorpus.sentences import split_sentences

ARTICLE_COLUMNS = [
    "article_id",
    "path",
    "title",
    "byline",
    "outlet",
    "published",
    "published_from",
    "dateline",
    "encoding",
    "duplicate_of",
    "text",
    "n_words",
    "n_sentences",
]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "kind", "reason", "text", "start", "end"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "text", "start", "end"]
TOKEN_COLUMNS = [
    "article_id",
    "sentence_id",
    "token",
    "norm",
    "stem",
    "is_stop",
    "is_word",
    "start",
    "end",
]
PROBLEM_COLUMNS = ["path", "problem", "action"]
TABLE_NAMES = ("articles", "paragraphs", "sentences", "tokens", "problems")
PARAGRAPH_KINDS = ["title", "dek", "byline", "caption", "body", "boilerplate"]


class CorpusError(ValueError):
    """A corpus folder or parameter that cannot be used at all."""


@dataclass
class Corpus:
    """The tables read from one corpus folder."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    problems: pd.DataFrame
    folder: Path | None = None

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The five tables by name, in contract order."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(df)}" for name, df in self.tables.items())
        name = self.folder.name if self.folder is not None else None
        return f"Corpus({name!r}, {sizes})"


# --------------------------------------------------------------------------- decoding


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes) -> tuple[str | None, str, list[str]]:
    """Decode one file's bytes: (text or None when unusable, encoding, problems found)."""
    notes: list[str] = []
    if not data.strip():
        return None, "", ["empty file"]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "", ["binary file (contains NUL bytes)"]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
        notes.append("decoded as UTF-16 (byte-order mark)")
    elif data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
        notes.append("UTF-8 byte-order mark removed")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            notes.append(f"not valid UTF-8; decoded as {encoding}")
    controls = len(_CONTROL_CHARS.findall(text, 0, 4096))
    if controls > max(8, len(text[:4096]) // 100):
        return None, encoding, ["binary file (control characters)"]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("line endings normalised to \\n")
    if "\ufffd" in text:
        notes.append("undecodable bytes replaced with U+FFFD")
    if not text.strip():
        return None, encoding, ["empty file (whitespace only)"]
    return text, encoding, notes


# --------------------------------------------------------------------------- paragraphs

_CREDIT = re.compile(
    r"\(\s*(?:photo|image|picture|video|graphic)?\s*(?:credit|courtesy|source)s?\s*:[^)]*\)\s*$"
    r"|(?:\b(?:REUTERS|AFP|AP|Getty Images|EPA)\s*/\s*[\w .'-]+|\bGetty Images)\s*$",
    re.IGNORECASE,
)
_BOILERPLATE_SHORT = [  # (pattern, reason); applied to paragraphs of at most 15 words
    (r"^(?:font|text) size:?$", "site chrome (font size control)"),
    (r"\blogo$", "site chrome (logo)"),
    (
        r"^follow (?:[\w@.]+ ){1,3}on (?:twitter|facebook|instagram|x|threads)\b",
        "social-media plug",
    ),
    (r"^send (?:news )?tips? to\b", "tips plug"),
    (r"^(?:share|print|email|advertisement|comments?|click here\b.*)\s*:?$", "site chrome"),
    (r"^(?:sign up|subscribe)\b", "newsletter plug"),
]
_BOILERPLATE_ANY = [  # applied to paragraphs of at most 150 words
    (r"\b(?:make a (?:one-time )?donation|you can help us|for as little as \$)", "donation appeal"),
    (r"\b(?:licensing opportunities|available without charge|all rights reserved)", "licensing"),
    (
        r"\b(?:in submitting this comment|comment policy|reserves the right to (?:edit|delete))",
        "comment policy",
    ),
    (r"\bcontributed (?:reporting )?to this (?:report|story|article)\b", "contributor line"),
    (r"^(?:additional )?reporting by\b|\bediting by\b", "contributor line"),
]
_RELATED = re.compile(
    r"^(?:related|read more|see also|more from|recommended)"
    r"(?: (?:articles|stories|coverage|content|links|reading))?(?: on| from)?\s*:?$",
    re.IGNORECASE,
)


def _alternation(patterns: list[tuple[str, str]]) -> tuple[re.Pattern, list[str]]:
    """One compiled regex for many (pattern, reason) pairs: one scan per paragraph, not one each."""
    joined = "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(patterns))
    return re.compile(joined, re.IGNORECASE), [r for _, r in patterns]


_BOILERPLATE_SHORT_RE = _alternation(_BOILERPLATE_SHORT)
_BOILERPLATE_ANY_RE = _alternation(_BOILERPLATE_ANY)


# Words one of the _BOILERPLATE_ANY patterns needs: a cheap test before the regex scan.
_BOILERPLATE_KEYS = (
    "donat",
    "help us",
    "as little as",
    "licens",
    "without charge",
    "rights reserved",
    "comment",
    "reserves the right",
    "contributed",
    "reporting by",
    "editing by",
)


def _may_be_boilerplate(text: str) -> bool:
    low = text.lower()
    return any(key in low for key in _BOILERPLATE_KEYS)


def _boilerplate_reason(text: str, compiled: tuple[re.Pattern, list[str]]) -> str | None:
    m = compiled[0].search(text)
    return compiled[1][int(m.lastgroup[1:])] if m else None


_NAME = r"[A-Z][\w'’.-]+"
_BYLINE_BY = re.compile(
    r"^By\s+(?P<name>" + _NAME + r"(?:\s+(?:" + _NAME + r"|and|&))*)\s*(?:,|$|\|)"
)
_BYLINE_ROLE = re.compile(
    r"^(?P<name>" + _NAME + r"(?:\s+" + _NAME + r"){1,2}?)\s+"
    r"(?P<role>(?:[A-Z][\w&-]*\s+(?:(?:and|&|of)\s+)?)*"
    r"(?:Reporter|Correspondent|Editor|Writer|Contributor|Columnist|Producer|Staff))$"
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_IN_BYLINE = re.compile(
    r"\b(?P<date>" + _MONTHS + r"\.? \d{1,2},? \d{4}|\d{1,2} " + _MONTHS + r"\.? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_TITLE_WITH_OUTLET = re.compile(
    r"^[“\"](?P<title>.+)[”\"]\s*[,|–—-]\s*(?P<outlet>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,4})$"
)
_TITLE_OUTLET_SUFFIX = re.compile(
    r"^(?P<title>.+?)\s+[|–—]\s+(?P<outlet>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,4})$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?)"
    r"\s*(?P<wire>\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa)\))?\s*[—–-]{1,2}\s+"
)
_WIRE_AT_END = re.compile(r"\((?P<wire>Reuters|AP|AFP|Bloomberg|UPI|dpa)\)\s*$")
_PUBLISHER = re.compile(
    r"(?:Content created by|Copyright|©)\s*(?:\d{4}\s+)?(?P<name>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,5})"
)
_LOGO = re.compile(r"^(?P<name>.+?)\s+logo$", re.IGNORECASE)


def _n_words(text: str) -> int:
    return len(text.split())


def classify_paragraphs(texts: list[str]) -> list[tuple[str, str]]:
    """Give each paragraph of one article a (kind, reason); the first paragraph is the title."""
    n = len(texts)
    result: list[tuple[str, str] | None] = [None] * n
    if not n:
        return []
    result[0] = ("title", "first line")
    caption_texts: set[str] = set()
    for i, text in enumerate(texts):
        if i == 0:
            continue
        m = _CREDIT.search(text, max(0, len(text) - 160))  # a credit ends the line
        if m:
            result[i] = ("caption", "photo credit")
            stripped = text[: m.start()].strip()
            if stripped:
                caption_texts.add(stripped)
    in_related = False
    for i, text in enumerate(texts):
        if result[i] is not None:
            in_related = False
            continue
        words = _n_words(text)
        if text in caption_texts:
            result[i] = ("caption", "repeats a photo caption")
            continue
        if in_related and words <= 25:
            result[i] = ("boilerplate", "related headline")
            continue
        in_related = False
        if _RELATED.match(text):
            result[i] = ("boilerplate", "related-articles list")
            in_related = True
            continue
        if words <= 15:
            reason = _boilerplate_reason(text, _BOILERPLATE_SHORT_RE)
            if reason:
                result[i] = ("boilerplate", reason)
                continue
        if words <= 150 and _may_be_boilerplate(text):
            reason = _boilerplate_reason(text, _BOILERPLATE_ANY_RE)
            if reason:
                result[i] = ("boilerplate", reason)
                continue
        if i <= 6 and words <= 15 and (_BYLINE_BY.match(text) or _BYLINE_ROLE.match(text)):
            result[i] = ("byline", "byline pattern")
    if n > 2 and result[1] is None and _n_words(texts[1]) <= 45 and result[2] is not None:
        if result[2][0] in ("caption", "byline", "boilerplate"):
            result[1] = ("dek", "short standalone line after the title")
    return [r or ("body", "") for r in result]


# --------------------------------------------------------------------------- metadata


@functools.lru_cache(maxsize=4096)  # bylines repeat their date formats; to_datetime is slow
def _parse_date(text: str | None) -> pd.Timestamp:
    if not text:
        return pd.NaT
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pd.Timestamp(pd.to_datetime(text.replace(".", ""), errors="raise"))
    except (ValueError, TypeError, OverflowError):
        return pd.NaT


def read_metadata(texts: list[str], kinds: list[str]) -> dict:
    """Title, byline, outlet, published date and dateline stated in one article's text."""
    meta = {"title": texts[0] if texts else "", "byline": None, "outlet": None, "published": pd.NaT}
    meta["dateline"] = None
    title_match = _TITLE_WITH_OUTLET.match(meta["title"]) or _TITLE_OUTLET_SUFFIX.match(
        meta["title"]
    )
    if title_match:
        meta["title"], meta["outlet"] = title_match["title"].strip(), title_match["outlet"]
    for text, kind in zip(texts, kinds, strict=True):
        if kind == "byline" and meta["byline"] is None:
            m = _BYLINE_BY.match(text) or _BYLINE_ROLE.match(text)
            meta["byline"] = m["name"].strip() if m else text
            d = _DATE_IN_BYLINE.search(text)
            if d:
                meta["published"] = _parse_date(d["date"])
    body = [t for t, k in zip(texts, kinds, strict=True) if k == "body"]
    if body:
        m = _DATELINE.match(body[0])
        if m and any(c.isalpha() for c in m["place"]) and m["place"].split(",")[0].isupper():
            meta["dateline"] = m["place"].strip()
            if m["wire"] and not meta["outlet"]:
                meta["outlet"] = m["wire"].strip("()")
    if not meta["outlet"]:
        for text, kind in zip(texts, kinds, strict=True):
            if kind == "boilerplate":
                m = _PUBLISHER.search(text)
                if m:
                    meta["outlet"] = m["name"].strip()
                    break
    if not meta["outlet"]:
        for text, kind in zip(texts, kinds, strict=True):
            m = _LOGO.match(text) if kind == "boilerplate" else None
            if m:
                meta["outlet"] = m["name"].strip()
                break
    if not meta["outlet"] and body:
        m = _WIRE_AT_END.search(body[-1])
        if m:
            meta["outlet"] = m["wire"]
    return meta


# --------------------------------------------------------------------------- sentences, tokens

# Words keep inner apostrophes and hyphens (al-Zour, don’t, U.S.-led); numbers keep , and .
# A possessive ’s is its own token (State’s -> State + ’s); contractions stay whole (it’s, don’t).
_TOKEN_PATTERN = (
    r"(?:[A-Za-z]\.){2,}(?:-\w+)*"  # U.S., U.S.-led
    r"|\d+(?:-\d+)*-[A-Za-z]\w*(?:-\w+)*"  # 81-member, 24-hour
    r"|\d+(?:[.,:]\d+)*%?"  # 3,000  2.5  10:30
    r"|\b(?i:it|he|she|that|there|what|who|where|here|let|how|when|why)['’]s\b"  # it’s, that’s
    r"|\w+(?:['’](?![sS]\b)\w+)*(?:-\w+(?:['’](?![sS]\b)\w+)*)*"  # words, don’t, al-Zour
    r"|['’][sS]\b"  # possessive ’s
    r"|[^\w\s]"  # any other single non-space character
)
WORD_TOKENIZER = RegexpTokenizer(_TOKEN_PATTERN)
# The same pattern, matched directly: NLTK 3.10 wraps RegexpTokenizer's regex in a ReDoS guard
# that costs more than the match itself; the pattern has no nested quantifiers to guard against.
_TOKEN_FINDITER = re.compile(_TOKEN_PATTERN).finditer


def split_tokens(text: str) -> list[tuple[int, int]]:
    """Token spans in one sentence (the NLTK RegexpTokenizer pattern above)."""
    return [m.span() for m in _TOKEN_FINDITER(text)]


# --------------------------------------------------------------------------- one article


_STEMS: dict[str, str] = {}  # per-process cache: news vocabulary is small next to its token count


def _stem(norm: str) -> str:
    stem = _STEMS.get(norm)
    if stem is None:
        stem = _STEMS[norm] = resources.stemmer().stem(norm)
    return stem


def parse_article(article_id: str, text: str) -> dict:
    """Split one decoded article into column lists for paragraphs, sentences and tokens.

    Token columns derived from the token text (norm, stem, is_stop, is_word) are added for a
    whole batch at once by `_token_frame`, with vectorised string operations.
    """
    para_spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            para_spans.append((m.start() + lead, m.start() + lead + len(stripped)))
    texts = [text[s:e] for s, e in para_spans]
    classified = classify_paragraphs(texts)
    kinds = [k for k, _ in classified]
    paragraphs = {c: [] for c in PARAGRAPH_COLUMNS}
    sentences = {c: [] for c in SENTENCE_COLUMNS}
    tokens = {c: [] for c in TOKEN_COLUMNS}
    sentence_id = 0
    for pid, ((p_start, p_end), (kind, reason)) in enumerate(
        zip(para_spans, classified, strict=True)
    ):
        ptext = text[p_start:p_end]
        paragraphs["article_id"].append(article_id)
        paragraphs["paragraph_id"].append(pid)
        paragraphs["kind"].append(kind)
        paragraphs["reason"].append(reason)
        paragraphs["text"].append(ptext)
        paragraphs["start"].append(p_start)
        paragraphs["end"].append(p_end)
        if kind != "body":
            continue
        for s_start, s_end in split_sentences(ptext):
            stext = ptext[s_start:s_end]
            a_start = p_start + s_start
            sentences["article_id"].append(article_id)
            sentences["sentence_id"].append(sentence_id)
            sentences["paragraph_id"].append(pid)
            sentences["text"].append(stext)
            sentences["start"].append(a_start)
            sentences["end"].append(a_start + len(stext))
            matches = list(_TOKEN_FINDITER(stext))
            tokens["token"].extend([m.group() for m in matches])
            tokens["start"].extend([a_start + m.start() for m in matches])
            tokens["end"].extend([a_start + m.end() for m in matches])
            tokens["sentence_id"].extend([sentence_id] * len(matches))
            sentence_id += 1
    tokens["article_id"] = [article_id] * len(tokens["token"])
    meta = read_metadata(texts, kinds)
    meta.update(n_sentences=sentence_id)  # n_words is counted from the token table
    return {"meta": meta, "paragraphs": paragraphs, "sentences": sentences, "tokens": tokens}


def _read_one(path: Path) -> dict:
    """Read, decode and parse one file; never raises for bad content."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return {"path": path, "text": None, "encoding": "", "notes": [f"cannot read file: {exc}"]}
    text, encoding, notes = decode(data)
    out = {"path": path, "text": text, "encoding": encoding, "notes": notes}
    if text is not None:
        out["parsed"] = parse_article(path.stem, text)
        out["digest"] = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
        if not out["parsed"]["sentences"]["text"]:
            notes.append("no body text (title only or only non-body lines)")
    return out


_INT_COLS = {"start": "int64", "end": "int64"}
_STR = {"article_id": "str", "text": "str"}
_TABLE_SPECS = {  # table -> (columns, dtypes): the same types whether or not there are rows
    "paragraphs": (
        PARAGRAPH_COLUMNS,
        {
            **_STR,
            "paragraph_id": "int64",
            "kind": pd.CategoricalDtype(PARAGRAPH_KINDS),
            "reason": "str",
            **_INT_COLS,
        },
    ),
    "sentences": (
        SENTENCE_COLUMNS,
        {**_STR, "sentence_id": "int64", "paragraph_id": "int64", **_INT_COLS},
    ),
    "tokens": (
        TOKEN_COLUMNS,
        {
            "article_id": "str",
            "sentence_id": "int64",
            "token": "str",
            "norm": "str",
            "stem": "str",
            "is_stop": bool,
            "is_word": bool,
            **_INT_COLS,
        },
    ),
}
CHUNK_SIZE = 200  # articles parsed into one set of DataFrames (bounds the Python-object peak)


def _column(values: list, dtype) -> pd.api.extensions.ExtensionArray | np.ndarray:
    """A typed column straight from a list (pandas' own type inference is the slow part)."""
    if dtype == "int64":
        return np.array(values, dtype=np.int64)
    if dtype is bool:
        return np.array(values, dtype=bool)
    return pd.array(values, dtype=dtype)


def _frame(parts: list[dict], table: str) -> pd.DataFrame:
    columns, dtypes = _TABLE_SPECS[table]
    return pd.DataFrame(
        {c: _column([v for part in parts for v in part[c]], dtypes[c]) for c in columns},
        columns=columns,
    )


def _token_frame(parts: list[dict]) -> pd.DataFrame:
    """The tokens table for a batch: derived columns computed once per batch, not per token."""
    words = [v for part in parts for v in part["token"]]
    token = pd.Series(pd.array(words, dtype="str"))
    norm = token.str.lower().str.replace("’", "'", regex=False).str.replace("‘", "'", regex=False)
    codes, uniques = pd.factorize(norm)
    stems = np.array([_stem(u) for u in uniques], dtype=object)[codes]
    columns = {
        "article_id": _column([v for part in parts for v in part["article_id"]], "str"),
        "sentence_id": _column([v for part in parts for v in part["sentence_id"]], "int64"),
        "token": token.array,
        "norm": norm.array,
        "stem": pd.array(stems, dtype="str"),
        "is_stop": norm.isin(resources.stopwords() | {"'s"}).to_numpy(dtype=bool),
        "is_word": np.array([w[0].isalnum() for w in words], dtype=bool),
        "start": _column([v for part in parts for v in part["start"]], "int64"),
        "end": _column([v for part in parts for v in part["end"]], "int64"),
    }
    return pd.DataFrame(columns, columns=TOKEN_COLUMNS)


def _read_chunk(paths: list[Path]) -> dict:
    """Parse a batch of files into its table pieces, as DataFrames (cheap to send between processes)."""
    results = [_read_one(p) for p in paths]
    chunk = {"files": [], "paragraphs": [], "sentences": [], "tokens": []}
    for r in results:
        parsed = r.pop("parsed", None)
        if parsed is not None:
            r["meta"] = parsed["meta"]
            for table in ("paragraphs", "sentences", "tokens"):
                chunk[table].append(parsed[table])
        chunk["files"].append(r)
    for table in ("paragraphs", "sentences"):
        chunk[table] = _frame(chunk[table], table)
    chunk["tokens"] = _token_frame(chunk["tokens"])
    words = chunk["tokens"].groupby("article_id", sort=False)["is_word"].sum()
    for r in chunk["files"]:
        if "meta" in r:
            r["meta"]["n_words"] = int(words.get(r["path"].stem, 0))
    return chunk


# --------------------------------------------------------------------------- the corpus


def _apply_manifest(folder: Path, articles: pd.DataFrame, problems: list[dict]) -> pd.DataFrame:
    path = folder / "manifest.csv"
    if not path.exists():
        return articles
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        problems.append(
            {
                "path": str(path),
                "problem": f"unreadable manifest: {exc}",
                "action": "manifest ignored",
            }
        )
        return articles
    if "article_id" not in manifest.columns:
        problems.append(
            {
                "path": str(path),
                "problem": "manifest has no article_id column",
                "action": "manifest ignored",
            }
        )
        return articles
    known = set(articles["article_id"])
    articles = articles.set_index("article_id", drop=False)
    for row in manifest.to_dict("records"):
        aid = row.pop("article_id").strip()
        if aid not in known:
            problems.append(
                {
                    "path": str(path),
                    "problem": f"manifest row for unknown article_id {aid!r}",
                    "action": "row ignored",
                }
            )
            continue
        for col, value in row.items():
            value = value.strip()
            if not value or col in ("text", "path", "n_words", "n_sentences", "encoding"):
                continue
            if col == "published":
                ts = _parse_date(value)
                if pd.isna(ts):
                    problems.append(
                        {
                            "path": str(path),
                            "problem": f"manifest published {value!r} for {aid} is not a date",
                            "action": "date from text kept",
                        }
                    )
                    continue
                articles.loc[aid, "published"] = ts
                articles.loc[aid, "published_from"] = "manifest"
            else:
                if col not in articles.columns:
                    articles[col] = pd.Series(pd.NA, index=articles.index, dtype="str")
                articles.loc[aid, col] = value
    return articles.reset_index(drop=True)


def read_corpus(
    folder: str | os.PathLike,
    workers: int | None = 1,
    cache: str | os.PathLike | None = None,
    infer_published: bool = True,
) -> Corpus:
    """Read every `.txt` article in `folder` into the corpus tables (workers=None: all cores).

    With `cache`, the tables are stored there as Parquet, keyed by every file's name, size and
    modification time, and read back instead of re-parsing when nothing has changed.
    With `infer_published`, an article with no stated date gets the lower bound inferred from
    the dates it mentions (`newscorpus.timeline.anchor_dates`), marked `published_from='inferred'`.
    """
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise CorpusError(
            f"corpus folder {str(folder)!r} does not exist (expected a folder of .txt articles)"
        )
    if not folder.is_dir():
        raise CorpusError(f"corpus {str(folder)!r} is a file, not a folder of .txt articles")
    entries = sorted(folder.iterdir())
    paths = [p for p in entries if p.suffix.lower() == ".txt" and p.is_file()]
    problems: list[dict] = []
    txt_names = {p.name for p in paths}
    for p in entries:
        if p.name.startswith(".") or p.name == "manifest.csv" or p.name in txt_names:
            continue
        what = "a folder" if p.is_dir() else "not a .txt file"
        problems.append({"path": str(p), "problem": what, "action": "skipped"})
    if not paths:
        raise CorpusError(
            f"corpus folder {str(folder)!r} contains no .txt files (expected one article per .txt file)"
        )
    if cache is not None:
        key = _cache_key(folder, paths)
        key = f"{key}-{int(infer_published)}"
        cached = _read_cache(Path(cache) / key, folder)
        if cached is not None:
            return cached
    if workers is None:
        workers = os.cpu_count() or 1
    batches = [paths[i : i + CHUNK_SIZE] for i in range(0, len(paths), CHUNK_SIZE)]
    if workers > 1 and len(batches) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunks = list(pool.map(_read_chunk, batches))
    else:
        chunks = [_read_chunk(batch) for batch in batches]
    corpus = _assemble(folder, chunks, problems)
    if infer_published:
        from newscorpus.timeline import infer_published as infer  # timeline builds on corpus

        corpus = infer(corpus)
    if cache is not None:
        _write_cache(Path(cache) / key, corpus)
    return corpus


CACHE_VERSION = "1"  # bump when parsing rules change, so old caches are not reused


def _cache_key(folder: Path, paths: list[Path]) -> str:
    digest = hashlib.sha1(f"{CACHE_VERSION}|{folder.resolve()}".encode())
    manifest = folder / "manifest.csv"
    for p in [*paths, manifest] if manifest.exists() else paths:
        st = p.stat()
        digest.update(f"|{p.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def _read_cache(where: Path, folder: Path) -> Corpus | None:
    if not all((where / f"{n}.parquet").exists() for n in TABLE_NAMES):
        return None
    tables = {n: pd.read_parquet(where / f"{n}.parquet") for n in TABLE_NAMES}
    return Corpus(**tables, folder=folder)


def _write_cache(where: Path, corpus: Corpus) -> None:
    where.mkdir(parents=True, exist_ok=True)
    for name, table in corpus.tables.items():
        tmp = where / f"{name}.parquet.tmp"
        table.to_parquet(tmp, index=False)
        tmp.replace(where / f"{name}.parquet")


def _assemble(folder: Path, chunks: list[dict], problems: list[dict]) -> Corpus:
    rows = []
    first_by_hash: dict[str, str] = {}
    for r in (r for chunk in chunks for r in chunk["files"]):
        path = str(r["path"])
        for note in r["notes"]:
            action = "skipped" if r["text"] is None else "read"
            problems.append({"path": path, "problem": note, "action": action})
        if r["text"] is None:
            continue
        article_id = r["path"].stem
        duplicate_of = first_by_hash.setdefault(r["digest"], article_id)
        if duplicate_of != article_id:
            problems.append(
                {
                    "path": path,
                    "problem": f"duplicate of {duplicate_of}",
                    "action": "kept, flagged in articles.duplicate_of",
                }
            )
        meta = r["meta"]
        rows.append(
            {
                "article_id": article_id,
                "path": path,
                "title": meta["title"],
                "byline": meta["byline"],
                "outlet": meta["outlet"],
                "published": meta["published"],
                "published_from": "text" if pd.notna(meta["published"]) else None,
                "dateline": meta["dateline"],
                "encoding": r["encoding"],
                "duplicate_of": duplicate_of if duplicate_of != article_id else None,
                "text": r["text"],
                "n_words": meta["n_words"],
                "n_sentences": meta["n_sentences"],
            }
        )
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"]).astype("datetime64[ns]")
    text_columns = [c for c in ARTICLE_COLUMNS if c not in ("published", "n_words", "n_sentences")]
    articles = articles.astype({c: "str" for c in text_columns})
    articles = articles.astype({"n_words": "int64", "n_sentences": "int64"})
    articles = _apply_manifest(folder, articles, problems)

    def concat(table: str) -> pd.DataFrame:
        frames = [chunk[table] for chunk in chunks]
        return pd.concat(frames, ignore_index=True) if frames else _frame([], table)

    return Corpus(
        articles=articles,
        paragraphs=concat("paragraphs"),
        sentences=concat("sentences"),
        tokens=concat("tokens"),
        problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype("str"),
        folder=folder,
    )
