"""Tabular lines: body paragraphs that are rows of a table (figures, not prose).

Wire copy carries tables inline: an earnings report is "Shr 34 cts vs 1.19 dlrs / Net 807,000
vs 2,858,000 / Revs 291.8 mln vs 151.1 mln", a market report a list of prices, a sports page a
list of results. Their tokens (vs, cts, shr, net, revs) would top every frequency and keyness
view of a group that prints tables, although they say nothing the prose does not. Each such
line is one paragraph (the reader keeps a line that starts indented or follows a line break as
its own paragraph), so the rule reads one paragraph's text:

a body paragraph is **tabular** when it holds at least 2 figures (chunks with a digit:
``34``, ``1.19``, ``2,858,000``, ``4th``, or a number word: nil, one … twelve), figures make at
least a fifth of its words, and function words (the, of, to, and, was, said …;
`TABLE_FUNCTION_WORDS`) at most one word in ten of it (one in twenty in a line of over 20
words, so a figure-dense sentence stays prose); a sentence of prose has one function word in
three or four. A short line (at most 4 words, no function word: "Nine mths", "Year")
followed, through other such lines, by a tabular line of the same article is the table's
heading and tabular too. A wire dateline opening the line ("SANTA CRUZ, Calif., Feb 26 - ")
is not counted as words of the line.

Term counts (`term_counts`, and so every term view) leave the words of tabular paragraphs
out, and out of the body words the rates divide by; `table_lines` counts them per group so a
notebook can say how much it set aside.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

TABLE_FUNCTION_WORDS = frozenset(
    """a an the of to in on for and or but is are was were be been being has have had it its
    this that these those which who with by from at as said says not will would could should
    than then there their they he she we i you his her our""".split()
)
MIN_FIGURES = 2  # figures a tabular line holds at least
MIN_FIGURE_SHARE = 0.2  # share of its words that are figures, at least
MAX_FUNCTION_SHARE = 0.1  # share of its words that are function words, at most
LONG_LINE = 20  # words: a longer line is a row only with at most LONG_FUNCTION_SHARE
LONG_FUNCTION_SHARE = 0.05  # ("USDA forecast corn exports at 2.10 mln tonnes, vs 3.00 …" is prose)
TABLE_LINE_COLUMNS = ["article_id", "paragraph_id", "n_words", "n_figures", "n_function"]
TABLE_SUMMARY_COLUMNS = [
    "group",
    "n_lines",
    "n_table_lines",
    "table_lines_pct",
    "n_articles",
    "n_table_articles",
]

_WORD = r"\S*[A-Za-z0-9]\S*"  # a chunk between spaces holding a letter or digit
NUMBER_WORDS = frozenset(
    """nil zero one two three four five six seven eight nine ten eleven twelve""".split()
)
# a chunk between spaces holding a digit, or a number written as a word
_FIGURE = r"(?i)\S*[0-9]\S*|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b"
# a wire dateline opening the line ("SANTA CRUZ, Calif., Feb 26 - "): not part of the row
DATELINE = r"^[^0-9\n]{0,60}?\b[A-Z][a-z]{2,8}\.? [0-9]{1,2}\s?-+\s"
_FUNCTION = r"(?i)\b(?:" + "|".join(sorted(TABLE_FUNCTION_WORDS, key=len, reverse=True)) + r")\b"


# The same patterns for RE2 (pyarrow's string kernels): RE2's \s is ASCII whitespace only, so
# the Unicode spaces Python's \s also matches are spelled out; its \b is ASCII-only, so a line
# holding a non-ASCII letter, digit or mark is counted with Python's `re` instead (about 1 line
# in 1,000 of news; the counts are then the same as `re` gives on every line: checked on
# 142,000 allsides and generated lines).
_SPACE = r"\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_RE2_WORD = r"[^" + _SPACE + r"]*[A-Za-z0-9][^" + _SPACE + r"]*"
_RE2_FIGURE = (
    r"(?i)[^"
    + _SPACE
    + r"]*[0-9][^"
    + _SPACE
    + r"]*|\b(?:"
    + "|".join(sorted(NUMBER_WORDS))
    + r")\b"
)
_NOT_ASCII_WORD = (
    r"[\x00-\x7f\p{P}\p{S}\p{Z}\p{C}]+"  # what is left: a non-ASCII letter, digit, mark
)


def _line_counts_re(s: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    s = s.str.replace(DATELINE, "", regex=True)
    return (
        s.str.count(_WORD).to_numpy(dtype=np.int64),
        s.str.count(_FIGURE).to_numpy(dtype=np.int64),
        s.str.count(_FUNCTION).to_numpy(dtype=np.int64),
    )


def _line_counts(text) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Words, figures and function words of each line (the dateline opening it left out), by
    pyarrow's RE2 kernels: ten times Python's `re` through pandas, which 02-terms paid on
    every body line of the corpus."""
    s = pd.Series(text, dtype="str").fillna("")
    lines = pa.array(s.to_numpy(dtype=object), type=pa.large_string())
    left = pc.replace_substring_regex(lines, _NOT_ASCII_WORD, "")
    unicode = pc.not_equal(pc.utf8_length(left), 0).to_numpy(zero_copy_only=False)
    lines = pc.replace_substring_regex(lines, DATELINE, "", max_replacements=1)
    out = [
        pc.count_substring_regex(lines, p).to_numpy(zero_copy_only=False).astype(np.int64)
        for p in (_RE2_WORD, _RE2_FIGURE, _FUNCTION)
    ]
    if unicode.any():
        for counts, slow in zip(out, _line_counts_re(s[unicode]), strict=True):
            counts[unicode] = slow
    return out[0], out[1], out[2]


def is_table_line(text: pd.Series | Iterable[str]) -> np.ndarray:
    """Whether each text, read alone, is a row of a table (the rule in the module docstring,
    without the heading rule, which needs the lines around it: `table_flags`).

    Input: paragraph texts (a Series or any iterable of str; NA counts as empty). Output: a
    bool array, one per text. Vectorised (pyarrow string kernels), no per-row Python.
    """
    words, figures, function = _line_counts(text)
    return _rows(words, figures, function)


def _rows(words: np.ndarray, figures: np.ndarray, function: np.ndarray) -> np.ndarray:
    return (
        (figures >= MIN_FIGURES)
        & (figures >= MIN_FIGURE_SHARE * words)
        & (function <= np.where(words > LONG_LINE, LONG_FUNCTION_SHARE, MAX_FUNCTION_SHARE) * words)
    )


def table_flags(
    article_id: pd.Series | Iterable[str], text: pd.Series | Iterable[str]
) -> np.ndarray:
    """Whether each body line is tabular: a table row, or a short heading line before one.

    Input: the article id and text of body paragraphs, in article and paragraph order (each
    article's lines together). Output: a bool array, one per line. A line of at most 4 words
    without a function word joins the table when, through other such short lines, the next
    line of its article that is not short is a table row.
    """
    ids = pd.Series(article_id, dtype="str").fillna("").to_numpy(dtype=object)
    words, figures, function = _line_counts(text)
    row = _rows(words, figures, function)
    short = (words <= 4) & (function == 0) & ~row
    if not len(row):
        return row
    # runs of consecutive short lines of one article; the line after a run decides it
    new_run = np.r_[True, ~short[:-1] | ~short[1:] | (ids[1:] != ids[:-1])]
    run = np.cumsum(new_run) - 1
    last = pd.Series(np.arange(len(row))).groupby(run).transform("max").to_numpy()
    after = np.minimum(last + 1, len(row) - 1)
    heads = short & (last + 1 < len(row)) & row[after] & (ids[after] == ids)
    return row | heads


def table_lines(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The tabular body paragraphs of a `paragraphs` table.

    Input: a `paragraphs` table (article_id, paragraph_id, kind, text). Output: one row per
    body paragraph read as a table row: `article_id`, `paragraph_id`, `n_words`, `n_figures`,
    `n_function` (the counts the rule used). Raises ValueError when a column is missing.
    """
    missing = [c for c in ("article_id", "paragraph_id", "kind", "text") if c not in paragraphs]
    if missing:
        raise ValueError(
            f"paragraphs is missing column(s) {', '.join(missing)}: expected the paragraphs table"
        )
    body = paragraphs[paragraphs["kind"].astype("str") == "body"]
    rows = body[table_flags(body["article_id"], body["text"])]
    s = rows["text"].astype("str")
    return pd.DataFrame(
        {
            "article_id": rows["article_id"].astype("str").to_numpy(),
            "paragraph_id": rows["paragraph_id"].to_numpy(dtype=np.int64),
            "n_words": s.str.count(_WORD).to_numpy(dtype=np.int64),
            "n_figures": s.str.count(_FIGURE).to_numpy(dtype=np.int64),
            "n_function": s.str.count(_FUNCTION).to_numpy(dtype=np.int64),
        },
        columns=TABLE_LINE_COLUMNS,
    )


def table_summary(
    paragraphs: pd.DataFrame | Iterable[pd.DataFrame], groups: pd.Series | None = None
) -> pd.DataFrame:
    """How many body lines (paragraphs) of each group are tabular and left out of term counts.

    Input: the `paragraphs` table or its partitions (`Analysis.parts("paragraphs")`);
    `groups`, a Series article_id -> group (`groups.assign`); None counts the corpus as one
    row "all articles". Articles absent from `groups` are not counted.
    Output: `group`, `n_lines` (body paragraphs), `n_table_lines`, `table_lines_pct`,
    `n_articles` (articles with body text), `n_table_articles` (with at least one tabular
    line); groups in the labels' order, then a last row "all articles" when groups are given.
    """
    parts = [paragraphs] if isinstance(paragraphs, pd.DataFrame) else paragraphs
    frames = []
    for part in parts:
        body = part[part["kind"].astype("str") == "body"]
        frames.append(
            pd.DataFrame(
                {
                    "article_id": body["article_id"].astype("str").to_numpy(),
                    "table": table_flags(body["article_id"], body["text"]),
                }
            )
        )
    lines = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame({"article_id": pd.Series(dtype="str"), "table": []})
    )
    per_article = lines.groupby("article_id").agg(
        n_lines=("table", "size"), n_table=("table", "sum")
    )
    if groups is None:
        label = pd.Series("all articles", index=per_article.index)
        order = ["all articles"]
    else:
        label = groups.copy()
        label.index = label.index.astype("str")
        label = label.reindex(per_article.index)
        order = (
            [str(g) for g in groups.cat.categories]
            if isinstance(groups.dtype, pd.CategoricalDtype)
            else sorted(label.dropna().astype("str").unique())
        )
    per_article = per_article.assign(group=label.astype("str").where(label.notna()))
    per_article = per_article[per_article["group"].notna()]

    def row(name: str, part: pd.DataFrame) -> dict:
        n_lines = int(part["n_lines"].sum())
        n_table = int(part["n_table"].sum())
        return {
            "group": name,
            "n_lines": n_lines,
            "n_table_lines": n_table,
            "table_lines_pct": round(100 * n_table / n_lines, 1) if n_lines else 0.0,
            "n_articles": len(part),
            "n_table_articles": int((part["n_table"] > 0).sum()),
        }

    rows = [row(g, per_article[per_article["group"] == g]) for g in order]
    if groups is not None:
        rows.append(row("all articles", per_article))
    return pd.DataFrame(rows, columns=TABLE_SUMMARY_COLUMNS)
