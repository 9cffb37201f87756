"""A person under a nickname and under his given name is one source: "Bernard Sanders" (the
Washington Times' style) and "Bernie Sanders", "Mike Pence" and "Michael Pence".

Two full names of a person are one name when everything after the first name is the same and
the first names are nickname and name of each other in the hand-curated `nicknames` dataset
(PyPI `nicknames` 1.0.1, Old Dominion University's Web Science and Digital Libraries group:
"bernard" has the nickname "bernie", "william" "bill", "robert" "bob"). Only a direct
name-nickname pair of the dataset counts, never two names linked only through a third.

The safe rule (no conflicting person): the whole name after the first name must be the same
("Joe Kennedy III" is no "Joseph Kennedy II"), and names are merged only in groups where
every two names are such a pair and no name outside the group pairs with one inside, so
"Chris Smith" beside both "Christopher Smith" and "Christine Smith" merges with neither. One
article naming both forms is no sign of two people: on allsides (2,063 articles) all 29
merged pairs are named together in some article, the Washington Times' "Bernard Sanders"
beside a quoted "Bernie Sanders". A group takes the name most articles use.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _pairs() -> dict[str, frozenset[str]]:
    """{a first name, lowercase: the names it is a nickname or the name of}."""
    from nicknames import NickNamer

    table = NickNamer().nickname_lookup
    out: dict[str, set[str]] = {}
    for name, nicks in table.items():
        for nick in nicks:
            out.setdefault(name, set()).add(nick)
            out.setdefault(nick, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


def first_names() -> frozenset[str]:
    """The dataset's names and nicknames, lowercase ("alexandria", "bernie")."""
    return frozenset(_pairs())


def is_first_name(word: str) -> bool:
    """Whether `word` (any case) is a name or nickname of the dataset ("Michael", "Mike")."""
    return word.lower().strip(".") in _pairs()


def nickname_pair(a: str, b: str) -> bool:
    """Whether first names `a` and `b` (any case) are a name and its nickname ("Bernard",
    "Bernie"), or the same name."""
    a, b = a.lower().strip("."), b.lower().strip(".")
    return a == b or b in _pairs().get(a, frozenset())


def _split(name: str) -> tuple[str, str] | None:
    """(first name, the rest) of a full name of 2+ words whose first word is a name."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or len(words[0].strip(".")) < 2:
        return None
    return words[0], " ".join(words[1:])


_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")


def _initials(name: str) -> str:
    """The middle initials of a full name ("Joseph R. Biden" → "R.")."""
    return " ".join(w for w in name.split()[1:-1] if _INITIAL.match(w))


def _uninitialled(rest: str) -> str:
    """A name after its first word without middle initials ("R. Biden" → "Biden")."""
    words = rest.split()
    return " ".join([w for w in words[:-1] if not _INITIAL.match(w)] + words[-1:])


# Nicknames that open with another letter than their name, the usual English ones; a pair of
# the dataset outside this list ("Bill" of "Robert") joins a name with a middle initial only
# when both open with one letter ("Joe" and "Joseph R.", never "Bill Lee" and "Robert E. Lee").
_OTHER_LETTER = {
    "william": "bill billy",
    "robert": "bob bobby",
    "richard": "dick",
    "edward": "ted ned",
    "margaret": "peggy",
    "john": "jack",
    "henry": "hank",
    "charles": "chuck",
}


def _close(first: str, members: list[tuple[str, str]]) -> bool:
    """Whether `first` pairs with the first name of another member by the stricter rule used
    across a middle initial: one opening letter, or a pair of `_OTHER_LETTER`."""
    a = first.lower().strip(".")
    for f, _ in members:
        b = f.lower().strip(".")
        if b != a and nickname_pair(a, b):
            if a[:1] == b[:1] or a in _OTHER_LETTER.get(b, "").split():
                return True
            if b in _OTHER_LETTER.get(a, "").split():
                return True
    return False


def nickname_aliases(n: dict[str, int]) -> dict[str, str]:
    """{a person's name: the name it is merged into} by the rule of the module doc.

    Input: `n`, articles naming each person's name. Output: each merged name → the group's name
    most articles use (ties: the longer, then the first in order); no merge into a name the
    corpus also gives a son ("Don Trump" beside "Donald Trump" and "Donald Trump Jr."). A
    middle initial is no difference ("Joseph R. Biden" and "Joe Biden" are one) unless the
    names of the group use two sets of initials ("George W." and "George H.W. Bush")."""
    by_rest: dict[str, list[tuple[str, str]]] = {}
    for name in n:
        parts = _split(name)
        if parts is not None and parts[0].lower().strip(".") in _pairs():
            by_rest.setdefault(_uninitialled(parts[1]), []).append((parts[0], name))
    out: dict[str, str] = {}
    for members in by_rest.values():
        if len(members) < 2 or len({_initials(m) for _, m in members} - {""}) > 1:
            continue  # "George W. Bush" and "George H.W. Bush": two people
        if len({_initials(m) for _, m in members}) > 1:  # "Joseph R. Biden", "Joe Biden"
            members = [(f, m) for f, m in members if _close(f, members)]
            if len(members) < 2:
                continue
        groups: list[list[tuple[str, str]]] = []
        for first, name in members:  # greedy groups of names pairwise related
            fits = [g for g in groups if all(nickname_pair(first, f) for f, _ in g)]
            if fits:
                fits[0].append((first, name))
            else:
                groups.append([(first, name)])
        for g in groups:
            names = [name for _, name in g]
            if len(names) < 2:
                continue
            # a name related to names of two groups is ambiguous ("Chris"): no merge
            others = [m for _, m in members if m not in names]
            if any(nickname_pair(f, _split(o)[0]) for f, _ in g for o in others if _split(o)):
                continue
            top = max(names, key=lambda x: (n[x], len(x), x))
            if any(j in n for j in (f"{top} Jr.", f"{top} Jr", f"{top} II", f"{top} III")):
                continue  # "Don Trump" beside "Donald Trump Jr.": maybe the son, no merge
            out.update({x: top for x in names if x != top})
    return out


def middle_name_aliases(n: dict[str, int]) -> dict[str, str]:
    """{a person's name: the name it is merged into} for a name written with and without a
    middle name ("Hillary Rodham Clinton", "Sarah Huckabee Sanders" → the form most articles
    use): first and last words the same, the middle one capitalised word (no "Jr.", no
    initials: "George H.W. Bush" is not "George Bush"), and only
    one such three-word name with those ends in the corpus. Input: `n`, articles per name."""
    by_ends: dict[tuple[str, str], list[str]] = {}
    for name in n:
        words = name.split()
        if len(words) == 3 and all(w[:1].isupper() for w in words) and len(words[1]) > 2:
            if "." in words[1] and words[1].replace(".", "").isupper():
                continue  # initials: "George H.W. Bush" is no "George Bush" (`person_keys`)
            if words[1].rstrip(".").lower() not in ("jr", "sr") and is_first_name(words[0]):
                by_ends.setdefault((words[0], words[2]), []).append(name)
    out: dict[str, str] = {}
    for (first, last), longer in by_ends.items():
        short = f"{first} {last}"
        if len(longer) != 1 or short not in n:
            continue
        names = [short, longer[0]]
        top = max(names, key=lambda x: (n[x], len(x), x))
        out.update({x: top for x in names if x != top})
    return out


# Given names read as one gender in English-language news, for pronoun agreement only ("he
# said" is not Hillary Clinton). A short hand-written list of common US and UK given names
# (names used for both, such as "Jordan", "Kelly" or "Robin", are left out on purpose).
_FEMALE = frozenset(
    """
    abigail ana alexandra alice alison allison amanda amy andrea angela ann anna anne barbara betsy
    betty beverly brenda carla carly carol carmen caroline carolyn catherine cathy charlotte cheryl
    christina christine cindy claire condoleezza cynthia daisy dana deborah debbie denise diana
    diane donna doris dorothy elaine eleanor elena elisabeth elise elizabeth ellen emily emma
    erin eva evelyn fiona frances gabrielle gillian gina gloria grace hannah heather heidi helen
    hillary ilhan iris irene isabel jacqueline jane janet janice jean jeanne jennifer jessica jill joan
    joanna joni josephine joy joyce judith judy julia julie karen katherine kathleen kathryn
    kathy katie kay kirsten kristen kristi laura lauren linda lisa liz loretta lori
    louise lucia lucy lynn madeleine margaret maria marie marsha martha mary maxine megan melania
    melissa michelle mia mitzi nancy natalie nicola nikki nina olivia pam pamela patricia
    patty paula peggy rachel rebecca rosa rose ruth sally samantha sandra sarah sharon sheila
    shirley sofia sonia sophia stephanie susan suzanne sylvia tammy teresa theresa tina tulsi valerie
    victoria virginia wendy yvonne zoe
    """.split()
)
_MALE = frozenset(
    """
    aaron adam adrian alan albert alex alexander andrew andy anthony antonio arnold arthur barack
    ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brett brian bruce bryan
    carl carlos charles charlie chris christopher chuck craig dan daniel dave david dennis devin
    dick don donald doug douglas duncan dwight earl ed eddie edward eric frank fred gary george
    gerald glenn gordon greg gregory harold harry henry howard ian jack jacob jake james jamie-lee
    jason jeb jeff jeffrey jerry jim jimmy joe joel john johnny jon jonathan joseph josh joshua
    juan keith ken kenneth kevin larry lawrence louis luis marco mark martin matt matthew
    michael mike mitch mitt nathan neil nicholas nick nigel noah oliver patrick paul peter phil
    philip ralph randy ray raymond reince richard rick rob robert roger ron ronald roy rudy rush
    russell ryan sam samuel scott sean sergei stephen steve steven ted terry thomas tim timothy
    tom tommy tony vladimir walter wayne william xi
    """.split()
)


def given_name_gender(word: str) -> str | None:
    """ "f" or "m" for a given name (any case) read as one gender in the news ("Hillary" "f",
    "Rudy" "m"), None for an unknown or shared name. Source: the hand-written lists above."""
    low = word.lower().strip(".")
    if low in _FEMALE:
        return "f"
    return "m" if low in _MALE else None


def title_gender(word: str) -> str | None:
    """The gender a courtesy title gives: "m" for "Mr.", "f" for "Mrs.", "Ms." or "Miss" (any
    case, with or without the dot), None for any other word. Rule written for this package."""
    low = word.lower().rstrip(".")
    return "m" if low == "mr" else "f" if low in ("mrs", "ms", "miss") else None


_ROLE_GENDER = re.compile(
    r"\b(?:(?:spokes|congress|chair|business|council|assembly|police|anchor)?(?:(?P<f>wom[ae]n)"
    r"|(?P<m>m[ae]n))|(?P<f2>first lady|widow|wife|mother|daughter|sister)"
    r"|(?P<m2>widower|husband|father|son|brother))\b"
)


def role_gender(role: str) -> str | None:
    """The gender a role gives: "f" for "spokeswoman", "congresswoman", "first lady", "m" for
    "spokesman", "congressman", "husband"; None for any other role ("senator", "German
    chancellor"). Rule written for this package."""
    m = _ROLE_GENDER.search(role.lower())
    if m is None:
        return None
    return "f" if m.group("f") or m.group("f2") else "m"
