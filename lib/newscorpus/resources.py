"""Offline NLP resources: the sentence splitter's word tables, Punkt parameters for news text (a
baseline), the stopword list, NLTK's data folder.

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
from typing import TYPE_CHECKING

from newscorpus.paths import DATA_DIR

if TYPE_CHECKING:  # NLTK is imported where it is used: importing it costs about 1.5 s (scipy.stats)
    from nltk.stem.snowball import SnowballStemmer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Abbreviations that end with a period but do not end a sentence (lowercase, without the final
# period, as Punkt stores them). Titles, ranks, months, and common news shorthands. Used only by
# `sentence_tokenizer` (the Punkt splitter the project used before `newscorpus.sentences`, kept
# as a comparison baseline in `python -m newscorpus.eval sentences`).
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

# ---- tables of the sentence splitter (newscorpus.sentences); lowercase, without final period

# Abbreviations that precede what they qualify (a name, a number): never the end of a sentence.
PREFIX_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs mmes mx dr drs prof profs rev revs fr msgr hon
    sen sens rep reps gov govs lt col maj gen gens capt cmdr cdr adm sgt cpl pvt pfc spc brig
    pres supt insp det atty amb sec secy treas
    mt ft vs v nos vol vols pp art fig figs ch para op i.e e.g viz cf
    """.split()
)
# Abbreviations that may end a sentence: a sentence ends after one only when the next word is a
# typical sentence opener (`… the U.S. It was …`) or a quotation opens; never before a number.
# Dotted acronyms (u.s, d.c, f.b.i) and single letters (initials) are treated the same way.
AMBIGUOUS_ABBREVIATIONS = frozenset(
    """
    jr sr st ave blvd rd hwy no p al dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
# Company suffixes: a sentence also ends after one when a capitalised word followed by a
# lowercase one comes next (`… Acme Corp. Shares rose`, not `Acme Corp. Chief Executive …`).
COMPANY_ABBREVIATIONS = frozenset("inc corp co cos ltd llc plc bros".split())
# Abbreviations that usually close a clause: a sentence ends after one before any capitalised
# word, except the words in TIME_FOLLOWERS after a.m./p.m. (`6 p.m. Tuesday`, `9 a.m. ET`).
CLOSING_ABBREVIATIONS = frozenset("a.m p.m etc".split())
TIME_FOLLOWERS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun today tomorrow yesterday tonight january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest e.t local eastern central
    mountain pacific atlantic
    """.split()
)
# Words that typically open a sentence (pronouns, determiners, conjunctions, sentence adverbs,
# auxiliaries, prepositions): after an ambiguous abbreviation they mark a new sentence.
SENTENCE_OPENERS = frozenset(
    """
    the a an this that these those there here it its he his him she her they their them we our
    us i my me you your but and or so yet nor however meanwhile still also then now later
    instead even if when while after before as since because although though once until unless
    whether what who whom whose why how where which many most some several few all both each
    every either neither no nobody none nothing not one such other another last next earlier
    yesterday today tomorrow is are was were do does did can could will would should shall must
    might has have had let please yes in on at for from by with without under over during
    despite among according to of only just thus hence therefore moreover furthermore indeed
    perhaps maybe sometimes often already again nevertheless nonetheless otherwise besides
    everyone everybody someone somebody anyone anything something everything more less much
    asked above below within beyond about around nearly almost roughly fewer
    """.split()
)
# Verbs of saying: a quotation ending in ?” or !” followed by a name (or pronoun) and one of
# these stays one sentence with it (`“Not again!” Chief Engineer Tomas Brandt said.`).
SPEECH_VERBS = frozenset(
    """
    said says asked asks told tells added adds replied replies responded responds answered
    answers shouted shouts yelled yells screamed screams cried cries wrote writes tweeted tweets
    posted posts declared declares exclaimed exclaims insisted insists explained explains
    recalled recalls continued continues noted notes argued argues warned warns demanded
    demands pressed presses remarked remarks chanted chants joked jokes quipped quips wondered
    wonders countered counters stated states announced announces asserted asserts concluded
    concludes suggested suggests admitted admits conceded concedes acknowledged acknowledges
    repeated repeats pleaded pleads urged urges whispered whispers laughed laughs boasted
    boasts complained complains charged charges claimed claims snapped snaps interjected
    interjects offered offers observed observes mused muses
    questioned questions queried queries scoffed scoffs protested protests objected objects
    cautioned cautions predicted predicts vowed vows promised promises reiterated reiterates
    emphasized emphasizes stressed stresses marveled marvels retorted retorts begged begs
    """.split()
)
# Names that end in ! (Yahoo!): no sentence end unless a sentence opener follows.
EXCLAMATION_NAMES = frozenset("yahoo jeopardy".split())


@functools.cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt tokenizer whose parameters know news abbreviations (no trained model needed).

    The project's sentence splitter before `newscorpus.sentences`; kept as a baseline.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

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
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def cache_root() -> Path:
    """The folder newscorpus keeps its built resources in (NLTK data, the gazetteer):
    `$XDG_CACHE_HOME/newscorpus`, else `~/.cache/newscorpus`. Not created here."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newscorpus"


@functools.cache
def nltk_data_dir() -> Path:
    """Build (once) a private nltk_data folder with the VADER lexicon and add it to NLTK's path."""
    import nltk
    import vaderSentiment

    root = cache_root() / "nltk_data"
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
