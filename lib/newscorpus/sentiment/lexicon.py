"""VADER's lexicon as NLTK loads it (offline), and extra valences from a file or a mapping.

The lexicon is NLTK's ``SentimentIntensityAnalyzer`` lexicon, loaded from the private data folder
built by ``resources.nltk_data_dir()``; vaderSentiment 3.3.2 ships the same 7,506 entries.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

from nltk.sentiment.vader import SentimentIntensityAnalyzer

from newscorpus import resources
from newscorpus.paths import DATA_DIR, project_path

CONFLICT_LEXICON = DATA_DIR / "conflict_lexicon.txt"
NEWS_WORDS = DATA_DIR / "news_designations.txt"
NEWS_CATEGORIES = ("designation", "violence", "justice", "politics", "name", "function")
PLAIN = ("", "vader")  # lexicon names meaning VADER's lexicon alone


def nltk_analyzer(lexicon: str | os.PathLike | Mapping[str, float] | None = None):
    """NLTK's SentimentIntensityAnalyzer (lexicon loaded offline), with `lexicon` valences added."""
    resources.nltk_data_dir()
    sia = SentimentIntensityAnalyzer()  # default relative lexicon_file, found via nltk.data.path
    merge_valences(sia.lexicon, extra_valences(lexicon))
    return sia


def merge_valences(lex: dict[str, float], extra: Mapping[str, float]) -> dict[str, float]:
    """Add or override valences in place; a valence of 0 removes the word (neutral)."""
    for word, value in extra.items():
        if value == 0:
            lex.pop(word, None)
        else:
            lex[word] = value
    return lex


_DEFAULT_LEXICON: dict[str, float] | None = None


def base_lexicon() -> dict[str, float]:
    """VADER's own word → valence lexicon (as NLTK's analyzer loads it offline), read once."""
    global _DEFAULT_LEXICON
    if _DEFAULT_LEXICON is None:
        _DEFAULT_LEXICON = nltk_analyzer().lexicon
    return _DEFAULT_LEXICON


def load_lexicon(path: str | os.PathLike) -> dict[str, float]:
    """Read a VADER-format lexicon file (word<TAB>valence[<TAB>...] lines; '#' comments)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValueError(
            f"lexicon file {str(path)!r} does not exist "
            "(expected a text file of word<TAB>valence lines)"
        )
    valences: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        try:
            word, value = fields[0].strip().lower(), float(fields[1])
        except (IndexError, ValueError):
            raise ValueError(
                f"lexicon file {str(path)!r} line {number}: {line!r} "
                "(expected word<TAB>valence, valence a number from -4 to 4)"
            ) from None
        if not word or not -4 <= value <= 4 or math.isnan(value):
            raise ValueError(
                f"lexicon file {str(path)!r} line {number}: {line!r} "
                "(expected word<TAB>valence, valence a number from -4 to 4)"
            )
        valences[word] = value
    return valences


def news_words(categories: str | list[str] | tuple[str, ...] | None = None) -> list[str]:
    """The designation and event words of news (`data/news_designations.txt`), sorted.

    Input: None for every category, or one or more of NEWS_CATEGORIES ("designation",
    "violence", "justice", "politics", "name", "function"). Output: the listed words, lower case. The file
    documents each category and why its words are not sentiment in news. Raises ValueError
    for an unknown category.
    """
    table = news_word_table()
    if categories is not None:
        wanted = [categories] if isinstance(categories, str) else list(categories)
        unknown = [c for c in wanted if c not in NEWS_CATEGORIES]
        if unknown:
            raise ValueError(
                f"categories={unknown!r}: expected any of {', '.join(NEWS_CATEGORIES)}"
            )
        table = [row for row in table if row[1] in wanted]
    return sorted({row[0] for row in table})


def news_word_table() -> list[tuple[str, str, float]]:
    """(word, category, VADER valence as listed) for each line of `data/news_designations.txt`."""
    rows = []
    for line in NEWS_WORDS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        rows.append((fields[0].strip().lower(), fields[1].strip(), float(fields[2])))
    return rows


def extra_valences(lexicon: str | os.PathLike | Mapping[str, float] | None) -> dict[str, float]:
    """Valences to add to VADER's lexicon, by name, file or mapping.

    None, "" or "vader": none (plain VADER); "conflict": the shipped conflict supplement;
    "news": the news-adjusted lexicon, every designation and event word of `news_words()`
    scored 0 (neutral); a file path (relative paths from the project root) of
    word<TAB>valence lines; or a {word: valence} mapping. Raises ValueError for a missing or
    malformed file.
    """
    if lexicon is None or (isinstance(lexicon, str) and lexicon.strip().lower() in PLAIN):
        return {}
    if isinstance(lexicon, Mapping):
        return {str(k).lower(): float(v) for k, v in lexicon.items()}
    if isinstance(lexicon, str) and lexicon.strip().lower() == "conflict":
        return load_lexicon(CONFLICT_LEXICON)
    if isinstance(lexicon, str) and lexicon.strip().lower() == "news":
        return dict.fromkeys(news_words(), 0.0)
    return load_lexicon(project_path(lexicon))


def lexicon_dict(
    lexicon: str | os.PathLike | Mapping[str, float] | None = None,
) -> dict[str, float]:
    """VADER's lexicon as NLTK loads it, updated with the valences from `lexicon`."""
    extra = extra_valences(lexicon)
    if not extra:
        return base_lexicon()
    return merge_valences(dict(base_lexicon()), extra)
