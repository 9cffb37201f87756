"""Offline NLP resources: Punkt parameters for news text, the stopword list, NLTK's data folder.

Nothing here downloads anything. Punkt is given hand-built parameters (a news abbreviation
list) instead of the downloadable ``punkt_tab`` model; the stopword list is shipped in
``newscorpus/data``; resources NLTK insists on loading through ``nltk.data`` (the VADER
lexicon) are copied into a private, non-world-writable data folder that NLTK is pointed at.
"""

from __future__ import annotations

import functools
import os
import shutil
import zipfile
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from newscorpus.paths import DATA_DIR

# Abbreviations that end with a period but do not end a sentence (lowercase, without the final
# period, as Punkt stores them). Titles, ranks, months, and common news shorthands.
NEWS_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev fr sen rep gov lt col gen maj capt cpl sgt adm cmdr
    brig pvt pres supt insp det atty amb hon gens lt.col lt.gen maj.gen brig.gen
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol pp p approx est dept univ assn corp inc ltd co bros vs etc al
    u.s u.k u.n e.u u.a.e d.c u.s.a a.m p.m i.e e.g
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")


@functools.cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt tokenizer whose parameters know news abbreviations (no trained model needed)."""
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@functools.cache
def stopwords() -> frozenset[str]:
    """The English stopword list shipped with the package (straight-apostrophe forms)."""
    lines = (DATA_DIR / "stopwords_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@functools.cache
def stemmer() -> SnowballStemmer:
    """NLTK's English Snowball stemmer."""
    return SnowballStemmer("english")


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newscorpus"


@functools.cache
def nltk_data_dir() -> Path:
    """Build (once) a private nltk_data folder with the VADER lexicon and add it to NLTK's path."""
    import nltk
    import vaderSentiment

    root = _cache_root() / "nltk_data"
    target = root / "sentiment" / "vader_lexicon.zip"
    source = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo(
                "vader_lexicon/vader_lexicon.txt", date_time=(2020, 1, 1, 0, 0, 0)
            )
            zf.writestr(info, source.read_bytes())
        shutil.move(tmp, target)
    for folder in (root, root.parent, root / "sentiment"):
        os.chmod(folder, 0o755)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root
