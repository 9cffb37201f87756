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


def _is_initials(word: str) -> bool:
    return bool(_INITIALS.match(word))


def middle_initials(name: str) -> str:
    """The letters of a person's middle initials: "George H. W. Bush" → "HW", "George W.
    Bush" → "W", "J. Miles Coleman" → "" (an initial opening the name is no middle one)."""
    words = str(name).split()
    return "".join(ch for w in words[1:-1] if _is_initials(w) for ch in w if ch.isalpha())


def base_key(name: str) -> str:
    """The letters of a person's name without its initials, lowercase ("George H.W. Bush" →
    "georgebush"; "Donald Trump Jr." keeps "jr": the son is not his father)."""
    words = str(name).split()
    if any(w.lower() in ("and", "&") for w in words):  # "S and P": a firm's letters, kept
        return re.sub(r"[^\w]|_", "", " ".join(words).lower())
    kept = [w for k, w in enumerate(words) if k == len(words) - 1 or not _is_initials(w)]
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
