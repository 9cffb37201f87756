"""One name for each US federal executive department across the corpus.

The press names one department many ways: "Justice Department", "Department of Justice",
"U.S. Justice Department", "the DOJ"; "Homeland Security Department", "Department of Homeland
Security", "DHS". Counted apart, each form ranks lower than the department does. `department`
reads a name as one of the fifteen departments:

- "X Department", "Department of X" or "Department of the X", with an optional "U.S.", "US",
  "United States" or "federal" before it, where X is a department's subject ("Justice",
  "Homeland Security", "Health and Human Services", "Veterans Affairs" ...) or a short form
  of it a tagger cuts off ("Department of Housing", "Department of Veterans");
- the department's acronym (`ACRONYMS`: DOJ, DHS, DOD, HHS, USDA, HUD, DOL, VA ...), and
  for subjects that name nothing else, the subject alone ("Homeland Security", "Treasury",
  "U.S. Treasury");
- never a state's or a city's department ("Florida Department of State", "New York Police
  Department"), a part of one ("Justice Department's Office of Legal Counsel") or a word
  that names other things alone ("Justice", "State", "Labor").

`department_names` gives each department found in a table ONE name: the corpus's most used
full form ("Justice Department", "Department of Justice", "U.S. Agriculture Department", by
articles; ties: mentions, then a form without "U.S.", then "X Department"), or "Department
of X" when the corpus writes only the acronym or the subject alone.

Rules of thumb written for this package from US news (AP style writes "Justice Department").
"""

from __future__ import annotations

import re

import pandas as pd

# subject as written in "X Department" -> forms of it that name the same department
SUBJECTS = {
    "Justice": ("Justice",),
    "State": ("State",),
    "Defense": ("Defense", "Defence"),
    "Treasury": ("Treasury", "the Treasury"),
    "Homeland Security": ("Homeland Security",),
    "Health and Human Services": (
        "Health and Human Services",
        "Health & Human Services",
        "Health and Human Service",
    ),
    "Labor": ("Labor",),
    "Education": ("Education",),
    "Commerce": ("Commerce",),
    "Agriculture": ("Agriculture",),
    "Interior": ("Interior", "the Interior"),
    "Energy": ("Energy",),
    "Transportation": ("Transportation",),
    "Housing and Urban Development": ("Housing and Urban Development", "Housing"),
    "Veterans Affairs": ("Veterans Affairs", "Veterans", "Veteran", "Veterans' Affairs"),
}
# acronyms that name one federal department in US news (not "DOE", "DOT", "DOC": each names
# more than one department or a state's)
ACRONYMS = {
    "DOJ": "Justice",
    "DoJ": "Justice",
    "DHS": "Homeland Security",
    "DOD": "Defense",
    "DoD": "Defense",
    "HHS": "Health and Human Services",
    "DHHS": "Health and Human Services",
    "USDA": "Agriculture",
    "HUD": "Housing and Urban Development",
    "DOL": "Labor",
    "VA": "Veterans Affairs",
}
# subjects that name the department written alone ("Homeland Security", "the Treasury")
ALONE = frozenset(
    {"Homeland Security", "Treasury", "Health and Human Services", "Veterans Affairs"}
)
_PREFIX = r"(?:(?:the\s+)?(?:U\.S\.|US|United\s+States|federal|Federal)\s+)?"
_FORMS = {form.lower(): subject for subject, forms in SUBJECTS.items() for form in forms}
_SUBJECT = "|".join(
    re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_FORMS, key=len, reverse=True)
)
_AFTER = re.compile(rf"^{_PREFIX}(?P<s>{_SUBJECT})\s+Department$", re.IGNORECASE)
_OF = re.compile(rf"^{_PREFIX}Department\s+of\s+(?:the\s+)?(?P<s>{_SUBJECT})$", re.IGNORECASE)
_ALONE = re.compile(rf"^{_PREFIX}(?P<s>{_SUBJECT})$", re.IGNORECASE)


def department(name: str) -> str | None:
    """The federal department a name is (its subject: "Justice", "Homeland Security"), or
    None. "Justice Department", "Department of Justice", "U.S. Justice Department", "DOJ" →
    "Justice"; "Department of Housing" → "Housing and Urban Development"; "Treasury" →
    "Treasury"; "Florida Department of State", "Justice", "State" → None. Input: a name as
    the entities table writes it."""
    name = " ".join(str(name).replace("’", "'").split())
    if name in ACRONYMS:
        return ACRONYMS[name]
    for rx in (_AFTER, _OF):
        if m := rx.match(name):
            return _FORMS[" ".join(m.group("s").lower().split())]
    if (m := _ALONE.match(name)) and name[:1].isupper():
        subject = _FORMS[" ".join(m.group("s").lower().split())]
        if subject in ALONE and m.group("s")[:1].isupper():
            return subject
    return None


def _full(name: str, subject: str) -> bool:
    """Whether `name` writes the department in full: its whole subject, not a cut form
    ("Department of Housing") nor "Defence" for "Defense"."""
    m = _AFTER.match(name) or _OF.match(name)
    return bool(m) and " ".join(m.group("s").split()).lower() == subject.lower()


def department_names(
    canonical: pd.Series, articles: pd.Series, types: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """(canonical, type) of an entities table with every name of a federal department
    (`department`) given the one name of the module doc and typed ORG; an acronym ("VA",
    "DHS") only where it is typed ORG ("Arlington, VA" stays a place). Input: the entities'
    canonical names, article ids and types (same index). Output: two Series of str, same
    index; other rows unchanged."""
    canon, types = canonical.astype("str"), types.astype("str")
    uniq = canon.unique()
    subject = {c: s for c in uniq if (s := department(c))}
    if not subject:
        return canon, types
    hit = canon.isin(set(subject)) & (types.eq("ORG") | ~canon.isin(set(ACRONYMS)))
    found = pd.DataFrame(
        {
            "name": canon[hit].to_numpy(),
            "subject": canon[hit].map(subject).to_numpy(),
            "article_id": articles[hit].astype("str").to_numpy(),
        }
    )
    counts = found.groupby(["subject", "name"]).agg(
        n=("article_id", "nunique"), m=("article_id", "size")
    )
    chosen = {}
    for s in found["subject"].unique():
        after, of = f"{s} Department", f"Department of {s}"
        here = counts.loc[s]
        if s == "Treasury" and "Department of the Treasury" in here.index:
            of = "Department of the Treasury"
        # a full form ("X Department", "Department of X", with or without "U.S."): the most
        # named, then the one without a prefix, then "X Department"
        options = [
            (int(here.loc[f, "n"]), int(here.loc[f, "m"]), f in (after, of), f == after, f)
            for f in here.index
            if _full(f, s)
        ]
        chosen[s] = max(options)[-1] if options else of
    named = canon.where(~hit, canon.map(lambda c: chosen.get(subject.get(c, ""), c)))
    return named, types.where(~hit, "ORG")
