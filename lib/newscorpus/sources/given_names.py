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


def nickname_aliases(n: dict[str, int]) -> dict[str, str]:
    """{a person's name: the name it is merged into} by the rule of the module doc.

    Input: `n`, articles naming each person's name. Output: each merged name → the group's name
    most articles use (ties: the longer, then the first in order)."""
    by_rest: dict[str, list[tuple[str, str]]] = {}
    for name in n:
        parts = _split(name)
        if parts is not None and parts[0].lower().strip(".") in _pairs():
            by_rest.setdefault(parts[1], []).append((parts[0], name))
    out: dict[str, str] = {}
    for members in by_rest.values():
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
            out.update({x: top for x in names if x != top})
    return out


def middle_name_aliases(n: dict[str, int]) -> dict[str, str]:
    """{a person's name: the name it is merged into} for a name written with and without a
    middle name ("Hillary Rodham Clinton", "Sarah Huckabee Sanders" → the form most articles
    use): first and last words the same, the middle one capitalised word (no "Jr."), and only
    one such three-word name with those ends in the corpus. Input: `n`, articles per name."""
    by_ends: dict[tuple[str, str], list[str]] = {}
    for name in n:
        words = name.split()
        if len(words) == 3 and all(w[:1].isupper() for w in words) and len(words[1]) > 2:
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
