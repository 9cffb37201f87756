"""One input loaded and repaired, and where its title, outlet and date come from.

`load_repaired` reads a file or table row and repairs its text and text metadata. Used by `read`
for each partition: a corpus laid out in sub-folders names each article's outlet
by its folder (`outlets.folder_outlet`, canonical through `outlets.canonical_outlets`); a title
tail (`Title – Something`) names the outlet only when `outlets.tail_is_outlet` says so, else it
stays in the title; an article whose source states no date is dated by an ISO date in its file
or folder names (`dates.dates_from_names`, `published_from = "file name"`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.corpus.dates import dates_from_names
from newscorpus.corpus.decode import decode, describe_repairs, repair
from newscorpus.corpus.html import read_page
from newscorpus.corpus.model import file_item, problem
from newscorpus.corpus.outlets import (
    bare_name,
    canonical_outlets,
    folder_outlet,
    tail_is_outlet,
)
from newscorpus.corpus.paragraphs import read_metadata

FIRST_LINE_BYTES = 4096  # read of each .txt file when listing, for its title line
_META_TEXT = ("title", "outlet", "byline")  # metadata given as text: repaired like the body


def _load_txt(path: Path, article_id: str) -> dict:
    item, data = file_item(path, article_id)
    if data is None:
        return item
    item["text"], item["encoding"], item["notes"] = decode(data)
    return item


def _load(job) -> dict:
    """A job is a table row's item (a dict) or (kind, path, article_id) for a file."""
    if isinstance(job, dict):
        return job
    kind, path, article_id = job
    if kind == "html":
        item = read_page(path)
        item["article_id"] = article_id
        return item
    return _load_txt(path, article_id)


def load_repaired(job, repair_text: bool) -> dict:
    """One input loaded and repaired: its item, `text` None when there is nothing to parse.

    Input: a job (a table row's item, or (kind, path, article_id) for a `.txt` or page file)
    and whether to repair. Output: the item (article_id, path, text, encoding, has_title,
    meta, notes, repairs). The text is repaired by `decode.repair`, and so are the title,
    outlet and byline given with the input (table columns, page metadata); `repairs` says what
    was done, for one `problems` row."""
    item = _load(job)
    if item["text"] is None:
        return item
    repairs = item.pop("notes")
    item["notes"] = []
    text, counts = item["text"], None
    if repair_text:
        try:
            text, counts = repair(text)
        except Exception as exc:  # a repair bug must not lose the article: keep it as read
            item["notes"].append(f"text not repaired: {type(exc).__name__}: {exc}")
    item["text"] = text
    if counts:
        repairs.append(describe_repairs(counts)[len("text repaired: ") :])
    if repair_text:
        for key in _META_TEXT:
            value = item["meta"].get(key)
            if isinstance(value, str) and value:
                fixed, done = repair(value)
                if done:
                    item["meta"][key] = " ".join(fixed.split())
                    repairs.append(f"{key} {describe_repairs(done)[len('text ') :]}")
    item["repairs"] = repairs
    if not text.strip():
        item["text"] = None
        item["notes"].append("empty after repair")
    return item


def relative_path(path: str, root: str | None) -> str | None:
    """`path` relative to the corpus folder `root` (None when it is not under it)."""
    if root is None:
        return None
    prefix = root.rstrip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else None


def folder_name(item: dict, root: str | None) -> str | None:
    """The sub-folder naming an input's outlet (`outlets.folder_outlet`); None without one."""
    relative = relative_path(str(item.get("path", "")), root)
    return folder_outlet(relative) if relative is not None else None


def keep_title_tail(result: dict) -> None:
    """When the text's outlet came from the title's tail (`Title | Reuters`), keep in the meta
    the whole title line, the tail, and the outlet the rest of the text gives, so that
    `read_partition` can decide whether the tail names the outlet (`outlets.tail_is_outlet`)."""
    meta, paragraphs = result["meta"], result["paragraphs"]
    kinds, texts = paragraphs["kind"], paragraphs["text"]
    if not meta["outlet"] or not kinds or kinds[0] != "title" or meta["title"] == texts[0]:
        return
    meta["title_line"], meta["title_tail"] = texts[0], meta["outlet"]
    meta["outlet_without_tail"] = read_metadata(texts, ["dek", *kinds[1:]])["outlet"]


def title_lines(jobs: list, repair_text: bool) -> pd.Series:
    """The first non-empty line of each `.txt` input (its title), from the file's first
    FIRST_LINE_BYTES bytes, decoded and repaired as the article will be; pages are left out
    (a page's title comes from its metadata)."""
    lines = []
    for kind, path, _ in jobs:
        if kind != "txt":
            continue
        try:
            with open(path, "rb") as f:
                head = f.read(FIRST_LINE_BYTES)
        except OSError:
            continue
        text = decode(head)[0] if head.strip() else None
        line = next((x.strip() for x in (text or "").split("\n") if x.strip()), "")
        if line and (len(head) < FIRST_LINE_BYTES or "\n" in text.lstrip()):
            lines.append(repair(line)[0] if repair_text else line)
    return pd.Series(lines, dtype="str")


def title_and_outlet(
    item: dict, kind: str, tails: frozenset, outlets: dict, root: str | None
) -> tuple:
    """(title, outlet, the listed name of an outlet to canonicalise, or None) of one input.

    The outlet is the one given with the input (manifest, table column, page's site name),
    else its sub-folder in a corpus laid out in sub-folders, else the one its text states;
    a wire dateline or credit (`(AP)`) in an article whose outlet is given or foldered stays a
    wire credit in the text. A title tail (`Title – Something`) names the outlet only when
    `outlets.tail_is_outlet` says so; otherwise it is part of the title.
    """
    meta, given = item["parsed_meta"], item["meta"]
    title, text_outlet = meta["title"], meta["outlet"]
    folder = folder_name(item, root)
    named = (given.get("outlet"), outlets.get(item["article_id"]), folder)
    if meta.get("title_tail"):
        if tail_is_outlet(meta["title_tail"], tails, named):
            text_outlet = bare_name(meta["title_tail"])
        else:
            title, text_outlet = meta["title_line"], meta["outlet_without_tail"]
    if given.get("outlet"):
        page = kind == "folder" and not str(item["path"]).lower().endswith(".txt")
        return title, given["outlet"], (given["outlet"] if page else None)
    if folder:
        return title, folder, folder
    return title, text_outlet, None  # as the text names it (its own listed name)


def canonical_rows(articles: pd.DataFrame, rows: list[int]) -> pd.DataFrame:
    """The outlets of `rows` (positions; read from a folder or a page's site name) under their
    canonical name (`outlets.canonical_outlets`), the name as read kept in `outlet_listed`."""
    if not rows:
        return articles
    articles = articles.copy()
    index = articles.index[rows]
    canonical = canonical_outlets(articles.loc[index, "outlet_listed"].astype("str").tolist())
    articles.loc[index, "outlet"] = canonical.to_numpy()
    return articles


def dated_by_names(articles: pd.DataFrame, root: str, found: list[dict]) -> pd.DataFrame:
    """Undated articles dated by an ISO date in their file or folder names
    (`dates.dates_from_names`), `published_from = "file name"`; a date-like name that is not
    read is a `problems` row (appended to `found`)."""
    undated = articles["published"].isna().to_numpy()
    if not undated.any():
        return articles
    paths = articles.loc[undated, "path"].astype("str")
    relative = paths.map(lambda p: relative_path(p, root) or "")
    dates, notes = dates_from_names(relative)
    index = articles.index[undated]
    for i, note in notes.items():
        found.append(
            problem(
                paths.iloc[i],
                f"no publication date stated; {note}",
                "published left empty (NaT)",
                articles.at[index[i], "article_id"],
            )
        )
    dated = ~np.isnat(dates)
    if dated.any():
        articles = articles.copy()
        articles.loc[index[dated], "published"] = dates[dated]
        articles.loc[index[dated], "published_from"] = "file name"
    return articles
