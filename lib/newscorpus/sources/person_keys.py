"""Which spellings of a person's name are one person across the corpus: middle initials.

The corpus step (`canonical.corpus_aliases`) merges spellings with the same letters; for a
person a middle initial is dropped first, so "Donald J. Trump", "Donald Trump" and "DONALD
TRUMP" are one name. A middle initial can also be all that tells two people apart: "George
W. Bush" and "George H.W. Bush" (and "George P. Bush"). `person_keys` keeps them apart:

- the initials of a name are its one-letter words with or without a full stop and its runs
  of initials ("W.", "H.W.", "H. W.") before the surname: "George H. W. Bush" and "George
  H.W. Bush" have the same initials, "HW";
- names with the same letters once the initials are dropped are one person when at most one
  set of initials is used among them ("John A. Boehner" and "John Boehner");
- when two or more sets are used ("George W. Bush", "George H.W. Bush"), each set is its own
  person, and the name without initials ("George Bush") stays apart from all of them: which
  of them it means the corpus does not say.

Rules of thumb written for this package (news style: a middle initial is optional, except
where a family shares a name); no outside source.
"""

from __future__ import annotations

import re

_INITIALS = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")


# Surname particles: the words written before a surname as part of it ("Chris Van Hollen",
# "Bill de Blasio", "Osama bin Laden"), and the Arabic article glued to it ("Nasr al-Ansi",
# "Bashar al-Assad"), which news style drops in a bare surname or after "Mr." ("Ansi said",
# "Mr. Assad"). Rules of thumb for this package; no outside source.
PARTICLES = frozenset("van von de da del della der den di du la le bin ibn abu ter".split())
_ARTICLE = re.compile(r"^(?i:al|el|ad|as|ash|az)-(?=[A-Z])")


def _is_initials(word: str) -> bool:
    return bool(_INITIALS.match(word))


def middle_initials(name: str) -> str:
    """The letters of a person's middle initials: "George H. W. Bush" → "HW", "George W.
    Bush" → "W", "J. Miles Coleman" → "" (an initial opening the name is no middle one)."""
    words = str(name).split()
    return "".join(ch for w in words[1:-1] if _is_initials(w) for ch in w if ch.isalpha())


def base_key(name: str) -> str:
    """The letters of a person's name without its initials, lowercase ("George H.W. Bush" →
    "georgebush"; "Donald Trump Jr." keeps "jr": the son is not his father), and without the
    Arabic article of its surname ("Bashar al-Assad", "Bashar al Assad" and "Bashar Assad" →
    "basharassad")."""
    words = str(name).split()
    if any(w.lower() in ("and", "&") for w in words):  # "S and P": a firm's letters, kept
        return re.sub(r"[^\w]|_", "", " ".join(words).lower())
    kept = [w for k, w in enumerate(words) if k == len(words) - 1 or not _is_initials(w)]
    kept = kept[:1] + [_ARTICLE.sub("", w) for w in kept[1:] if w not in ("al", "el")]
    return re.sub(r"[^\w]|_", "", " ".join(kept or words).lower())


def person_keys(names) -> dict[str, str]:
    """{name: key} for the person names of a corpus: names with one key are spellings of one
    person (see the module's docstring). Input: any iterable of names."""
    names = list(dict.fromkeys(str(n) for n in names))
    base = {n: base_key(n) for n in names}
    sets: dict[str, set[str]] = {}
    for n in names:
        if (found := middle_initials(n)) != "":
            sets.setdefault(base[n], set()).add(found)
    return {
        n: f"{base[n]}|{middle_initials(n)}" if len(sets.get(base[n], ())) > 1 else base[n]
        for n in names
    }


def surname_of(name: str) -> str:
    """The surname of a person's full name with its particles: "Chris Van Hollen" → "Van
    Hollen", "Nasr al-Ansi" → "al-Ansi", "Donald Trump" → "Trump"; a name's first word is
    never a particle ("Van Jones" → "Jones"). Input: a name; "" for an empty one."""
    words = str(name).split()
    if not words:
        return ""
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in PARTICLES:
        k -= 1
    return " ".join(words[k:])


def surname_key(surname: str) -> str:
    """The key that spellings of one surname share: its lowercase letters without the Arabic
    article ("al-Ansi", "Ansi" → "ansi"; "Van Hollen", "van Hollen" → "vanhollen"; "Trump" →
    "trump", as `canonical.fold`). Input: a surname (or a bare surname with particles)."""
    words = [_ARTICLE.sub("", w) for w in str(surname).split()]
    if len(words) >= 2 and words[0].lower() in ("al", "el"):  # "al Assad"
        words = words[1:]
    return re.sub(r"[^\w]|_", "", "".join(words).lower())


def is_bare_surname(name: str) -> bool:
    """Whether `name` is a surname alone: one word, or particles and one capitalised word
    ("Van Hollen", "de Blasio", "bin Laden"); "Van Jones" is one too (a full name only when
    the corpus or the article has a longer name ending with it); "Al Gore" is none (a
    capitalised "Al" or "El" alone is a given name). Input: a string."""
    words = str(name).split()
    if len(words) == 1:
        return True
    return (
        2 <= len(words) <= 3
        and all(w.lower() in PARTICLES or w in ("al", "el") for w in words[:-1])
        and words[-1][:1].isupper()
    )
