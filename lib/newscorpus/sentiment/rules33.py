"""vaderSentiment 3.3.2's rules, word by word (the `rules="vader-3.3"` rule set).

A faithful copy of ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer.polarity_scores``
(version 3.3.2, Hutto, MIT licence), run only for lexicon words (every other word scores 0
there too), with the constants read from the installed package. It differs from NLTK's copy
(`newscorpus.sentiment.vader`, `rules="nltk"`) in these rules:

- **words**: each whitespace token loses its leading and trailing ASCII punctuation unless
  that leaves 2 characters or fewer (then the token stays as written: ``:)``, ``no.``);
  one-character tokens are kept; emoji characters are first replaced by their descriptions
  from the package's emoji lexicon;
- **"no"**: "no" followed by a lexicon word scores 0, and a lexicon word one or two words
  after "no" (or three, with "or"/"nor" just before it) is negated (lexicon valence × −0.74);
- **idioms and boosters**: more idioms ("to die for", "beating heart", "bus stop" …), more
  boosters and dampeners ("total", "utter", "major", "slight" …), idioms matched
  case-insensitively, "without doubt" not a negation, "never so/this" ×1.25;
- **every word in its own place**: NLTK scores a repeated word where it first occurs;
- **"but"**: words before the first "but" ×0.5, after it ×1.5, applied as vaderSentiment does
  (a value equal to an earlier, already scaled value scales that earlier slot instead).

The lexicon is the same 7,506 entries as NLTK's.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path

import vaderSentiment.vaderSentiment as _V

_PUNCTUATION = string.punctuation
_BOOSTERS: dict[str, float] = dict(_V.BOOSTER_DICT)
_NEGATE = frozenset(_V.NEGATE)
_IDIOMS: dict[str, float] = dict(_V.SPECIAL_CASES)
_N_SCALAR = _V.N_SCALAR
_C_INCR = _V.C_INCR

# Every multi-word idiom or booster contains one of these words (its longest), so a sentence
# without any of them cannot match one and skips the idiom check (same result, faster).
_ANCHORS = frozenset(
    max(key.split(), key=len) for key in [*_IDIOMS, *(k for k in _BOOSTERS if " " in k)]
)

_WORD_CACHE: dict[str, str] = {}
_EMOJIS: dict[str, str] | None = None


def emoji_descriptions() -> dict[str, str]:
    """Single-character emoji → description, from the package's emoji_utf8_lexicon.txt."""
    global _EMOJIS
    if _EMOJIS is None:
        path = Path(_V.__file__).with_name("emoji_utf8_lexicon.txt")
        table: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").rstrip("\n").split("\n"):
            emoji, description = line.strip().split("\t")[0:2]
            table[emoji] = description
        # polarity_scores compares one character at a time: longer keys never match
        _EMOJIS = {k: v for k, v in table.items() if len(k) == 1}
    return _EMOJIS


def scored_text(text: str) -> str:
    """The text vaderSentiment 3.3.2 scores: emoji replaced by their descriptions, stripped."""
    emojis = emoji_descriptions()
    if text.isascii() or emojis.keys().isdisjoint(text):
        return text.strip()
    out = []
    prev_space = True
    for ch in text:
        description = emojis.get(ch)
        if description is not None:
            if not prev_space:
                out.append(" ")
            out.append(description)
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out).strip()


def words(text: str) -> list[str]:
    """vaderSentiment 3.3.2's words_and_emoticons of an already `scored_text`."""
    cache = _WORD_CACHE
    return [cache.get(token) or _word(token) for token in text.split()]


def _word(token: str) -> str:
    stripped = token.strip(_PUNCTUATION)
    word = token if len(stripped) <= 2 else stripped
    if len(_WORD_CACHE) < 500_000:
        _WORD_CACHE[token] = word
    return word


def _scalar(word: str, lower: str, valence: float, cap_diff: bool) -> float:
    """scalar_inc_dec: the booster/dampener increment of a preceding word."""
    scalar = 0.0
    if lower in _BOOSTERS:
        scalar = _BOOSTERS[lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_diff:
            if valence > 0:
                scalar += _C_INCR
            else:
                scalar -= _C_INCR
    return scalar


def _negated(lower: str) -> bool:
    return lower in _NEGATE or "n't" in lower


def hits(
    words: list[str],
    lowers: list[str],
    lexicon: Mapping[str, float],
    notes: dict[int, list[str]] | None = None,
) -> list[tuple[int, float]]:
    """(position, valence) of every lexicon word after vaderSentiment 3.3.2's rules.

    Every word not returned scores 0. With `notes`, rule descriptions per position are added.
    """
    positions = [j for j, low in enumerate(lowers) if low in lexicon]
    if not positions:
        return []
    n = len(words)
    n_caps = sum(map(str.isupper, words))
    cap_diff = 0 < n - n_caps < n
    idioms = not _ANCHORS.isdisjoint(lowers)
    out: list[tuple[int, float]] = []
    for i in positions:
        low = lowers[i]
        note: list[str] | None = notes.setdefault(i, []) if notes is not None else None
        if low in _BOOSTERS or (i < n - 1 and low == "kind" and lowers[i + 1] == "of"):
            out.append((i, 0))
            continue
        valence = lexicon[low]
        if low == "no" and i != n - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
            if note is not None:
                note.append("'no' before a lexicon word: 0, negates it")
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * _N_SCALAR
            if note is not None:
                note.append("negated by 'no' ×-0.74")
        item = words[i]
        if item.isupper() and cap_diff:
            if valence > 0:
                valence += _C_INCR
            else:
                valence -= _C_INCR
            if note is not None:
                note.append("ALL CAPS ±0.733")
        for start_i in range(3):
            k = i - (start_i + 1)
            if i > start_i and lowers[k] not in lexicon:
                s = _scalar(words[k], lowers[k], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                if note is not None and s != 0:
                    kind = "booster" if (s > 0) == (valence > 0) else "dampener"
                    note.append(f"{kind} '{words[k]}' {s:+.3f}")
                valence = valence + s
                valence = _negation_check(valence, words, lowers, start_i, i, note)
                if start_i == 2 and idioms:
                    valence = _idioms_check(valence, lowers, i, note)
        valence = _least_check(valence, lowers, lexicon, i, note)
        out.append((i, valence))
    if "but" in lowers:
        out = _but_check(out, n, lowers.index("but"), notes)
    return out


def _negation_check(valence, words, lowers, start_i, i, note):
    w = lowers
    if start_i == 0:
        if _negated(w[i - 1]):
            valence = valence * _N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 1]}' ×-0.74")
    if start_i == 1:
        if w[i - 2] == "never" and (w[i - 1] == "so" or w[i - 1] == "this"):
            valence = valence * 1.25
            if note is not None:
                note.append(f"'never {w[i - 1]}' ×1.25")
        elif w[i - 2] == "without" and w[i - 1] == "doubt":
            pass
        elif _negated(w[i - 2]):
            valence = valence * _N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 2]}' ×-0.74")
    if start_i == 2:
        if (
            w[i - 3] == "never"
            and (w[i - 2] == "so" or w[i - 2] == "this")
            or (w[i - 1] == "so" or w[i - 1] == "this")
        ):
            valence = valence * 1.25
            if note is not None:
                note.append("'so'/'this' emphasis ×1.25")
        elif w[i - 3] == "without" and (w[i - 2] == "doubt" or w[i - 1] == "doubt"):
            pass
        elif _negated(w[i - 3]):
            valence = valence * _N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 3]}' ×-0.74")
    return valence


def _idioms_check(valence, lowers, i, note):
    w = lowers
    onezero = f"{w[i - 1]} {w[i]}"
    twoonezero = f"{w[i - 2]} {w[i - 1]} {w[i]}"
    twoone = f"{w[i - 2]} {w[i - 1]}"
    threetwoone = f"{w[i - 3]} {w[i - 2]} {w[i - 1]}"
    threetwo = f"{w[i - 3]} {w[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
            break
    if len(w) - 1 > i:
        seq = f"{w[i]} {w[i + 1]}"
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
    if len(w) - 1 > i + 1:
        seq = f"{w[i]} {w[i + 1]} {w[i + 2]}"
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
            if note is not None:
                note.append(f"dampener '{n_gram}'")
    return valence


def _least_check(valence, lowers, lexicon, i, note):
    if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        if lowers[i - 2] != "at" and lowers[i - 2] != "very":
            valence = valence * _N_SCALAR
            if note is not None:
                note.append("negated by 'least' ×-0.74")
    elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        valence = valence * _N_SCALAR
        if note is not None:
            note.append("negated by 'least' ×-0.74")
    return valence


def _but_check(
    found: list[tuple[int, float]], n: int, bi: int, notes: dict[int, list[str]] | None
) -> list[tuple[int, float]]:
    """vaderSentiment's _but_check, run on the full sentiments list as it is written there.

    Each value is looked up with ``list.index`` (its first equal value), so a word whose value
    equals an earlier, already scaled one scales that earlier slot instead of its own.
    """
    sentiments: list[float] = [0] * n
    for j, v in found:
        sentiments[j] = v
    for sentiment in sentiments:  # the list changes as it is read, as in vaderSentiment
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    if notes is not None:
        for j, v in found:
            if v and sentiments[j] != v:
                notes[j].append(f"{'before' if j < bi else 'after'} 'but' ×{sentiments[j] / v:g}")
    positions = {j for j, _ in found}
    return [(j, s) for j, s in enumerate(sentiments) if j in positions or s != 0]
