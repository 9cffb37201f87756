"""Saved news pages (`.html`, `.htm`): main text, title, date and site through trafilatura.

trafilatura (the field's standard extractor for news pages) keeps the article body and drops
navigation, comments, related links and other page furniture; what it drops is counted as
boilerplate (`articles.boilerplate_chars`). Each paragraph it keeps becomes a paragraph.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import numpy as np

from newscorpus.corpus.dates import parse_date
from newscorpus.corpus.decode import decode
from newscorpus.corpus.model import file_item

HTML_SUFFIXES = (".html", ".htm")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def _page_text(data: bytes) -> tuple[str | None, str, list[str]]:
    """Decode a page: its declared charset when it names one that works, else `decode`."""
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        if name not in ("utf-8", "utf8"):
            try:
                return data.decode(name), name, []
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data)


def read_page(path: Path) -> dict:
    """Read one saved page into an article input (see `read_table` for the item's keys).

    The text is the extracted title, a blank line, then the extracted paragraphs one per line.
    Never raises for bad content: an unreadable page or one with no main text gives an item
    with `text` None and a note saying why.
    """
    item, data = file_item(path, path.stem)
    if data is None:
        return item
    page, encoding, notes = _page_text(data)
    item["encoding"] = encoding
    if page is None:
        item["notes"] = notes
        return item
    import trafilatura  # imported only when a corpus holds pages (it takes a while to load)

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
        )
    except Exception as exc:  # a damaged page must not stop the run
        item["notes"].append(f"page could not be parsed: {type(exc).__name__}: {exc}")
        return item
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        item["notes"].append("no main text found in the page")
        return item
    title = " ".join((doc.title or "").split())
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    item["text"] = "\n\n".join([title, *paragraphs]) if title else "\n\n".join(paragraphs)
    item["has_title"] = bool(title)
    meta = item["meta"]
    if doc.sitename:
        meta["outlet"] = " ".join(doc.sitename.split())
    if doc.author:
        meta["byline"] = " ".join(doc.author.split())
    if doc.url:
        meta["url"] = doc.url
    if doc.date:
        published = parse_date(doc.date)
        if not np.isnat(published):
            meta["published"], meta["published_from"] = published, "page"
    visible = " ".join(_TAGS.sub(" ", page).split())
    kept = len(" ".join(item["text"].split()))
    meta["boilerplate_chars"] = max(0, len(visible) - kept)
    return item
