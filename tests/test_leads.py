"""Lead phrases without italics, calibrated on the seed (italic leads) and the PDF-markdown corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mkdocs_resolutions._internal.leads import split_lead

SEED = Path(__file__).parent / "fixtures" / "leads" / "seed.md"
MARKDOWN = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "markdown"


def italic_leads(text: str, mark: str) -> list[tuple[str, str, str]]:
    """(role, italic lead, paragraph text without markup) for every paragraph opening with italics."""
    out = []
    for line in text.splitlines():
        m = re.match(r"(?:\*\*)?(\d+\.)?(?:\*\*)?\s*", line.strip())
        rest = re.sub(r"<sup>.*?</sup>", "", line.strip()[m.end():])
        if mark == "*":
            lead = re.match(r"\*([^*]+)\*\s*", rest) if not rest.startswith("**") else None
        else:
            lead = re.match(r"_([^_]+)_\s*", rest)
        if not lead or lead.group(1).startswith("The ") or lead.group(1)[:1].isdigit():
            continue
        plain = lead.group(1).strip() + " " + re.sub(r"[*_]", "", rest[lead.end():])
        out.append(("operative" if m.group(1) else "preambular", lead.group(1).strip(), plain))
    return out


def test_every_seed_lead_exact():
    cases = italic_leads(SEED.read_text(encoding="utf-8"), "*")
    assert len(cases) == 58  # 24 preambular + 34 operative paragraphs
    assert sum(role == "operative" for role, _l, _t in cases) == 34
    wrong = [(lead, text[: split_lead(text, role)]) for role, lead, text in cases
             if text[: split_lead(text, role)] != lead]
    assert wrong == []


@pytest.mark.parametrize(
    "text,role,lead",
    [
        ("Reaffirming also its resolutions", "preambular", "Reaffirming also"),
        ("Expressing its grave concern about the negative effects", "preambular", "Expressing its grave concern"),
        ("Takes note with appreciation of the report", "operative", "Takes note with appreciation"),
        ("Reiterates its request to the Secretary-General", "operative", "Reiterates its request"),
        ("Draws attention to the", "operative", "Draws attention"),
        ("Taking into consideration all relevant", "preambular", "Taking into consideration"),
        ("Deeply concerned about the growing links", "preambular", "Deeply concerned"),
        ("Requests the Secretary-General to submit", "operative", "Requests"),
        ("Also requests the Office", "operative", "Also requests"),
        ("Further strongly urges Member States", "operative", "Further strongly urges"),
        ("Calls upon all States", "operative", "Calls upon"),
        ("Bearing in mind its resolution", "preambular", "Bearing in mind"),
        ("Noting with concern the misuse", "preambular", "Noting with concern"),
        ("Acting under Chapter VII of the Charter of the United Nations,", "preambular", "Acting"),
        ("Recalling further the adoption", "preambular", "Recalling further"),
        ("Decides to consider the question", "operative", "Decides"),
        ("Calls once again upon Israel", "operative", "Calls once again upon"),
    ],
)
def test_known_leads(text, role, lead):
    assert text[: split_lead(text, role)] == lead


@pytest.mark.parametrize(
    "text,role",
    [
        ("Strengthening the United Nations crime prevention", "preambular"),  # a title, not a lead
        ("The General Assembly,", "preambular"),
        ("reaffirming its resolution", "preambular"),  # lower case: inside a paragraph
        ("Requesting", "operative"),  # wrong role
        ("", "operative"),
        ("Recallingly odd", "preambular"),  # no partial words
    ],
)
def test_unknown_gives_zero(text, role):
    assert split_lead(text, role) == 0


def test_security_council_italics_verb_only():
    text = "Expressing grave concern at the situation"
    assert text[: split_lead(text, "preambular", organ="Security Council")] == "Expressing"
    assert text[: split_lead(text, "preambular")] == "Expressing grave concern"


def test_markdown_corpus_agreement():
    """Agreement with the italic leads of the PDF-markdown corpus (recorded, must not regress)."""
    if not MARKDOWN.is_dir():
        pytest.skip(f"../shared/corpus not found: {MARKDOWN}")
    scores = {"A": [0, 0], "S": [0, 0]}
    for path in sorted(MARKDOWN.glob("*.md")):
        organ = "Security Council" if path.name.startswith("S-") else "General Assembly"
        for role, lead, text in italic_leads(path.read_text(encoding="utf-8"), "_"):
            score = scores[path.name[0]]
            score[0] += text[: split_lead(text, role, organ)] == lead
            score[1] += 1
    ga, sc = scores["A"], scores["S"]
    assert ga[0] / ga[1] >= 0.98, ga  # General Assembly: consistent italics
    assert sc[0] / sc[1] >= 0.90, sc  # Security Council drafts italicise inconsistently


# --- against the PDFs' own italics ---------------------------------------------------------------

ORIGINALS = MARKDOWN.parent / "originals"
# Measured before the learned rules (word lists only): 1403 of 1468 paragraphs, 95.57 %.
# The target, 98 %, is not reachable from plain text: the Security Council
# prints the same phrase both ways within one document (S/2023/427 pp-11 "*Expressing*
# deep concern at instances", pp-12 "*Expressing deep concern* at instances").
# 25 sub-headings counted as paragraphs (with an empty lead, always "equal") until issue 11 made
# them headings: the same 59 misses are now out of 1443 paragraphs.
LEAD_ACCURACY_FLOOR = 1384 / 1443
# (document, anchor, lead printed in the PDF, lead found in its plain text)
REMAINING_MISMATCHES = [
    ('A-C.2-80-L.19', 'op-10', 'Calls', 'Calls for'),
    ('A-C.3-80-L.3', 'pp-36', 'Reiterating its concern', 'Reiterating'),
    ('A-RES-80-229', 'pp-39', 'Reiterating its concern', 'Reiterating'),
    ('S-2016-1100', 'op-5', 'Calls', 'Calls upon'),
    ('S-2016-1100', 'op-6', 'Calls', 'Calls for'),
    ('S-2016-1100', 'op-9', 'Urges in this regard', 'Urges'),
    ('S-2017-142', 'pp-7', 'Expressing its grave concern', 'Expressing'),
    ('S-2018-221', 'pp-18', 'Expressing grave concern', 'Expressing'),
    ('S-2018-221', 'pp-21', 'Expressing serious and urgent concern', 'Expressing'),
    ('S-2018-221', 'pp-24', 'Expressing its deep appreciation', 'Expressing'),
    ('S-2018-221', 'op-7-a', 'Protection of civilians', ''),
    ('S-2018-221', 'op-7-b', 'Creating the conditions conducive to the delivery of humanitarian assistance', ''),
    ('S-2018-221', 'op-7-c', 'Monitoring, and investigating human rights', ''),
    ('S-2018-221', 'op-7-d', 'Supporting the Implementation of the Agreement and the Peace Process', ''),
    ('S-2018-221', 'op-10', 'Affirms the', 'Affirms'),
    ('S-2018-221', 'op-22', 'Reiterates its request', 'Reiterates'),
    ('S-2018-257', 'op-22', 'Expresses', 'Expresses concern'),
    ('S-2018-257', 'op-26', 'Expresses', 'Expresses grave concern'),
    ('S-2018-693', 'pp-11', 'Expressing concern', 'Expressing'),
    ('S-2018-693', 'pp-31', 'Calling on', 'Calling'),
    ('S-2018-693', 'op-8', 'Expresses', 'Expresses its intention'),
    ('S-2018-693', 'op-22', 'Takes note of', 'Takes note'),
    ('S-2018-693', 'op-33', 'Calls', 'Calls for'),
    ('S-2018-693', 'op-54', 'Takes note of', 'Takes note'),
    ('S-2019-179', 'pp-4', 'Expressing concern', 'Expressing'),
    ('S-2019-179', 'pp-7', 'Gravely', 'Gravely concerned'),
    ('S-2019-179', 'op-2', 'Takes note of the', 'Takes note'),
    ('S-2019-179', 'op-4', 'Takes note of', 'Takes note'),
    ('S-2019-179', 'op-6', 'Expresses', 'Expresses concern'),
    ('S-2019-266', 'pp-7', 'Expressing concern', 'Expressing'),
    ('S-2019-266', 'pp-12', 'Expressing its concern', 'Expressing'),
    ('S-2019-266', 'op-19', 'Expresses', 'Expresses its serious concern'),
    ('S-2019-90', 'pp-4', 'Taking note of', 'Taking note'),
    ('S-2019-90', 'op-9', 'Expresses', 'Expresses its intention'),
    ('S-2020-445', 'pp-5', 'Paying tribute', 'Paying tribute to'),
    ('S-2020-445', 'pp-12', 'Expressing grave concern', 'Expressing'),
    ('S-2021-443', 'pp-4', 'Recalling in particular', 'Recalling'),
    ('S-2021-443', 'op-2', 'Decides further', 'Decides'),
    ('S-2022-158', 'pp-7', 'Calling on', 'Calling'),
    ('S-2022-158', 'pp-10', 'Reiterating its call', 'Reiterating'),
    ('S-2022-158', 'pp-12', 'Expressing deep concern', 'Expressing'),
    ('S-2022-158', 'pp-16', 'Calling once again', 'Calling'),
    ('S-2022-158', 'pp-17', 'Expressing its alarm', 'Expressing'),
    ('S-2022-158', 'pp-22', 'Expressing grave concern', 'Expressing'),
    ('S-2022-158', 'pp-28', 'Expressing serious concern', 'Expressing'),
    ('S-2022-158', 'pp-30', 'Calling on', 'Calling'),
    ('S-2022-158', 'op-8', 'Calls', 'Calls on'),
    ('S-2022-426', 'pp-8', 'Noting the importance of', 'Noting'),
    ('S-2022-426', 'op-4', 'Expresses', 'Expresses its intention'),
    ('S-2023-427', 'pp-12', 'Expressing deep concern', 'Expressing'),
    ('S-2023-571', 'op-2', 'Expresses', 'Expresses its willingness'),
    ('S-2023-970', 'pp-2', 'Taking note of and acting upon', 'Taking note'),
    ('S-2023-970', 'pp-3', 'Expressing grave concern', 'Expressing'),
    ('S-2024-37', 'op-6', 'Encourages also', 'Encourages'),
    ('S-2024-37', 'op-10', 'Requests the Secretary-General', 'Requests'),
    ('S-2024-400', 'pp-3', 'Recalling also', 'Recalling'),
    ('S-2024-400', 'pp-18', 'Expressing deep concern', 'Expressing'),
    ('S-2024-400', 'pp-19', 'Expressing serious concern', 'Expressing'),
    ('S-2024-400', 'pp-21', 'Noting with concern', 'Noting'),
]


def _corpus_pairs():
    if not ORIGINALS.is_dir():
        pytest.skip(f"../shared/corpus not found: {ORIGINALS}")
    from mkdocs_resolutions._internal.parse import read_source

    return [
        (read_source(p.read_bytes(), p.name), MARKDOWN.parent / f"{p.stem}.txt") for p in sorted(ORIGINALS.glob("*.pdf"))
    ]


def test_plain_text_leads_against_the_pdfs(capsys):
    """Every paragraph of the 39 corpus PDFs: is the plain-text lead the printed one?"""
    from build_tools.learn_leads import DATA, accuracy

    equal, total, misses = accuracy(_corpus_pairs(), json.loads(DATA.read_text(encoding="utf-8")))
    with capsys.disabled():
        print(f"\nplain-text lead = PDF lead: {equal}/{total} = {equal / total:.2%}")
    assert total == 1443
    assert misses == REMAINING_MISMATCHES
    assert equal / total >= LEAD_ACCURACY_FLOOR


def test_learned_data_is_what_the_pdfs_teach():
    """``data/leads.json`` is exactly what ``build_tools/learn_leads.py`` makes of the corpus PDFs."""
    from build_tools.learn_leads import DATA, learn, observations

    seen = [s for doc, _ in _corpus_pairs() for s in observations(doc)]
    assert json.loads(json.dumps(learn(seen))) == json.loads(DATA.read_text(encoding="utf-8"))


def test_learned_rules_decide_how_far_the_italics_run():
    """The Council's PDFs print "*Expresses its intention*" (object in italics) but "*Reiterates* its call"."""
    council = "Security Council"
    text = "Expresses its intention to review the measures"
    assert text[: split_lead(text, "operative", council)] == "Expresses its intention"
    text = "Reiterates its call for an end to the violence"
    assert text[: split_lead(text, "operative", council)] == "Reiterates"
    text = "Calls upon all parties"
    assert text[: split_lead(text, "operative", council)] == "Calls upon"
