"""A second-person pronoun is never a source: 'You also said …' addresses the reader or the
person written to, and 'You might say, "…"' is anyone (fresh review rv10: "You" quoted 15 times)."""

from __future__ import annotations


def test_you_is_no_speaker(quotes_of):
    q = quotes_of(
        'Dear Senator, we write to you about the vote. You also said the war "was no saint" '
        'and "would end soon" last week. Senator Jane Doe said the bill "is dead".\n'
        'You might say, "This is the end of the story for all of us here."'
    )
    you = q[q["speaker"].astype(str) == "You"]
    assert len(you) == 2
    assert set(you["speaker_kind"]) == {"unknown"} and you["canonical"].isna().all()
    assert q.loc[q["speaker"].astype(str) == "Jane Doe", "canonical"].tolist() == ["Jane Doe"]


def test_a_circuit_court_is_no_person(quotes_of):
    q = quotes_of(
        'The ruling was appealed. But the 9th Circuit says the law "plainly violates the First '
        'Amendment" and the court agreed. Circuit Judge Mary Smith said it "is settled".'
    )
    kinds = dict(zip(q["speaker"].astype(str), q["speaker_kind"].astype(str), strict=True))
    assert kinds["Circuit"] == "organization"
    assert kinds["Mary Smith"] == "person"


def test_named_places_or_networks_together_are_no_unnamed_source():
    from newscorpus.sources.unnamed import thing_kind

    assert thing_kind("Washington and Minnesota") == "collective"  # two states suing
    assert thing_kind("both ABC and NBC") == "collective"
    assert thing_kind("officials") is None  # an unnamed source, for the caller to sort
    assert thing_kind("Beto O'Rourke after the debate") is None  # a missed name stays
    assert thing_kind("the e-mail") == "document"
