"""One person, one name within an article: surnames with particles and couples.

Two rules run by `quote_names.name_speakers` on one article's quote rows:

- `particle_bearer`: a surname alone written with a particle or without the Arabic article
  the full name gives it is that full name's bearer: "Van Hollen" (and "Mr. Van Hollen") of
  "Chris Van Hollen", "Ansi" of "Nasr al-Ansi", "Abadi" of "Prime Minister Haider
  al-Abadi". Surnames are compared by `person_keys.surname_key`; the plain case ("Trump" of
  "Donald Trump") is left to the article's usual rule.
- `courtesy_couples`: a surname alone that the article gives courtesy titles of both genders
  ("Mr. Horrigan" and "Ms. Horrigan", a husband and wife) names two people when the
  article gives neither a full name: each quote keeps the titled name written nearest to
  it ("Mr. Horrigan" / "Ms. Horrigan"), never one pooled "Horrigan".

Rules of thumb written for this package (news style: "Mr."/"Ms." before a surname alone);
no outside source.
"""

from __future__ import annotations

import re

from newscorpus.sources.given_names import given_name_gender
from newscorpus.sources.person_keys import PARTICLES, is_bare_surname, surname_key, surname_of

_COURTESY = re.compile(
    r"(?<![\w’'-])(Mr|Mrs|Ms|Miss)\.?\s+((?:(?i:"
    + "|".join(sorted(PARTICLES))
    + r")\s+)?[A-Z][\w’'-]+)(?![\w’'-])"
)
_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}


def particle_bearer(surname: str, full_names) -> str | None:
    """The one full name of `full_names` (an article's full person names) whose surname with
    its particles is `surname` written another way ("Van Hollen" → "Chris Van Hollen",
    "Ansi" → "Nasr al-Ansi"); None when there is none or several, or when `surname` is the
    last word of a matching name (the article's usual rule decides: "Trump"). Input: a bare
    surname (`person_keys.is_bare_surname`) and an iterable of names."""
    if not isinstance(surname, str) or not is_bare_surname(surname):
        return None
    key = surname_key(surname)
    if not key:
        return None
    found, exact = [], []
    for name in full_names:
        words = str(name).split()
        own = surname_of(name)
        if len(words) <= len(surname.split()):
            continue
        given = words[: len(words) - len(own.split())]
        if surname_key(own) == key and 1 <= len(given) <= 2 and all(w[:1].isupper() for w in given):
            found.append(name)  # never "Insurance Leave Act DeLauro"
            if str(name).endswith(" " + surname):
                exact.append(name)
    found = list(dict.fromkeys(found))
    if exact and " " not in surname:  # "El-Haddad" of "Gehad El-Haddad", not "Essam El Haddad"
        return None  # the article's usual rule decides
    if exact:
        found = list(dict.fromkeys(exact))
    return found[0] if len(found) == 1 else None


def courtesy_targets(names, full: dict) -> dict[str, str]:
    """{a titled surname: the corpus's bearer} for names such as "Mr. Trump", "Mrs. Clinton"
    (written by `courtesy_couples`): the full name of that surname most cited among those
    whose given name has the title's gender (`given_names.given_name_gender`), when it holds
    at least 80 % of their articles and is cited in at least 10 ("Mr. Trump" → Donald Trump;
    "Mr. Horrigan", whom the corpus never names in full, stays). Input: the names and
    {surname key: {full name: articles}} (`canonical`'s corpus step)."""
    out = {}
    for name in names:
        m = re.fullmatch(r"(Mr|Mrs|Ms|Miss)\. (.+)", str(name))
        if m is None or not is_bare_surname(m.group(2)):
            continue
        gender = _GENDER[m.group(1)]
        fits = {
            f: k
            for f, k in full.get(surname_key(m.group(2)), {}).items()
            if given_name_gender(f.split()[0]) == gender
        }
        if fits:
            top = max(fits, key=lambda f: (fits[f], f))
            if fits[top] >= 10 and fits[top] >= 0.8 * sum(fits.values()):
                out[name] = top
    return out


def _titled(body: str, surname: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each courtesy title written before `surname` alone in `body`."""
    out = []
    key = surname_key(surname)
    for m in _COURTESY.finditer(body):  # "Mr. Horrigan", "Mr. Van Hollen", "Mr. Assad"
        if surname_key(m.group(2)) == key:
            out.append((m.start(), m.end(), m.group(1)))
    return out


def courtesy_couples(rows: list[dict], body: str, first: int) -> None:
    """Split a surname alone titled as a man and as a woman in one article into two people
    (see the module's docstring), in place: a person row whose `canonical` is that surname
    alone takes the titled name written nearest its quote ("Ms. Horrigan"). Input: the rows
    (start, end, speaker_kind, canonical; offsets in the masked text), the article's body
    text and the offset of the body in the masked text."""
    cache: dict[str, list] = {}
    for row in rows:
        canon = row.get("canonical")
        if row.get("speaker_kind") != "person" or not isinstance(canon, str):
            continue
        if not is_bare_surname(canon) or not canon[:1].isupper():
            continue
        if canon not in cache:
            titled = _titled(body, canon)
            cache[canon] = titled if len({_GENDER[t] for _, _, t in titled}) == 2 else []
        titled = cache[canon]
        if not titled:
            continue
        lo, hi = row["start"] - first, row["end"] - first

        def gap(t: tuple[int, int, str], lo: int = lo, hi: int = hi) -> int:
            return max(lo - t[1], t[0] - hi, 0)

        title = min(titled, key=gap)[2]
        row["canonical"] = f"{title}. {canon}"
