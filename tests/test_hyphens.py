"""The line-end hyphen rule (plain text and PDF) and the dropped-hyphen repair (markdown), in their one home."""

from __future__ import annotations

from mkdocs_resolutions._internal.hyphens import DroppedHyphens, is_break, vocabulary


def test_vocabulary_counts_words_inside_lines_only() -> None:
    vocab = vocabulary(["policymaking and peace-", "building; policymaking", "Policy-making bodies"])
    assert vocab == {"policymaking": 2, "and": 1, "building": 1, "policy-making": 1, "bodies": 1}


def test_a_hyphen_goes_only_when_the_document_writes_the_word_whole_and_never_hyphenated() -> None:
    assert is_break({"policymaking": 1}, "policy", "making")
    assert not is_break({"policymaking": 1, "policy-making": 1}, "Policy", "making")
    assert not is_break({}, "Secretary", "General")


def test_dropped_hyphens_are_restored_on_evidence_only() -> None:
    hyphens = DroppedHyphens.of("The Secretary-General and the Secretary-General; conflict situations. SecretaryGeneral")
    assert hyphens.fix("SecretaryGeneral") == "Secretary-General"
    assert hyphens.fix("twentyseventh") == "twenty-seventh"
    assert hyphens.fix("conflictaffected") == "conflict-affected"
    assert hyphens.fix("situations") is None
