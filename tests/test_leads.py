"""Lead phrases without italics, calibrated on the seed (italic leads) and the PDF-markdown corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_tools.learn_leads import BOTH_WAYS, NO_RULE, OTHERS, RARE
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
# Every paragraph of the 39 corpus documents, plain-text lead against the PDF's italics
# (build_tools/learn_leads.py --check). Word lists and defaults alone: 1339 of 1443.
# Rules learned from all 39 PDFs (in sample, what the site uses): 1392, 96.47 %.
# Each document predicted from rules learned from the other 38 (held out): 1380, 95.63 %.
# The 98 % (at most 28 misses) is not reached. The General Assembly agrees on
# 562 of 565 paragraphs (99.5 %, held out too; its misses: "*Calls* for" once against 3
# "*Calls for*", and "*Reiterating its concern*", which the seed prints "*Reiterating* its
# concern"). The Security Council's drafts print the same phrase both ways, within one
# document (S/2023/427 pp-8 and pp-11 "*Expressing* deep concern at", pp-12 "*Expressing
# deep concern* at") and across documents (its objects of feeling: 33 of 72 in italics).
IN_SAMPLE = 1392
HELD_OUT = 1380
# (document, anchor, lead printed in the PDF, lead found in its plain text, why) with rules from all PDFs
REMAINING_MISMATCHES = [
    ('A-C.2-80-L.19', 'op-10', 'Calls', 'Calls for', BOTH_WAYS),
    ('A-C.3-80-L.3', 'pp-36', 'Reiterating its concern', 'Reiterating', RARE),
    ('A-RES-80-229', 'pp-39', 'Reiterating its concern', 'Reiterating', RARE),
    ('S-2016-1100', 'pp-7', 'Recalling', 'Recalling also', OTHERS),
    ('S-2016-1100', 'op-5', 'Calls', 'Calls upon', BOTH_WAYS),
    ('S-2016-1100', 'op-9', 'Urges in this regard', 'Urges', RARE),
    ('S-2017-142', 'pp-7', 'Expressing its grave concern', 'Expressing', RARE),
    ('S-2018-221', 'pp-18', 'Expressing grave concern', 'Expressing', BOTH_WAYS),
    ('S-2018-221', 'pp-21', 'Expressing serious and urgent concern', 'Expressing', RARE),
    ('S-2018-221', 'pp-24', 'Expressing its deep appreciation', 'Expressing', RARE),
    ('S-2018-221', 'op-3', 'Expresses its intention', 'Expresses', OTHERS),
    ('S-2018-221', 'op-10', 'Affirms the', 'Affirms', OTHERS),
    ('S-2018-221', 'op-22', 'Reiterates its request', 'Reiterates', RARE),
    ('S-2018-693', 'pp-11', 'Expressing concern', 'Expressing', OTHERS),
    ('S-2018-693', 'op-17', 'Expresses support', 'Expresses', RARE),
    ('S-2018-693', 'op-22', 'Takes note of', 'Takes note', OTHERS),
    ('S-2018-693', 'op-30', 'Expresses concern', 'Expresses', OTHERS),
    ('S-2018-693', 'op-43', 'Expresses concern', 'Expresses', OTHERS),
    ('S-2018-693', 'op-52', 'Expresses concern', 'Expresses', OTHERS),
    ('S-2018-693', 'op-54', 'Takes note of', 'Takes note', OTHERS),
    ('S-2018-95', 'op-3', 'Expresses its intention', 'Expresses', OTHERS),
    ('S-2019-179', 'pp-4', 'Expressing concern', 'Expressing', BOTH_WAYS),
    ('S-2019-179', 'pp-7', 'Gravely', 'Gravely concerned', NO_RULE),
    ('S-2019-179', 'op-2', 'Takes note of the', 'Takes note', BOTH_WAYS),
    ('S-2019-179', 'op-4', 'Takes note of', 'Takes note', BOTH_WAYS),
    ('S-2019-266', 'pp-3', 'Expressing', 'Expressing serious concern', OTHERS),
    ('S-2019-266', 'pp-7', 'Expressing concern', 'Expressing', BOTH_WAYS),
    ('S-2019-266', 'op-4', 'Expresses its deep appreciation', 'Expresses', RARE),
    ('S-2019-90', 'pp-4', 'Taking note of', 'Taking note', OTHERS),
    ('S-2019-90', 'op-5', 'Expresses particular concern', 'Expresses', RARE),
    ('S-2020-445', 'pp-5', 'Paying tribute', 'Paying tribute to', OTHERS),
    ('S-2020-445', 'pp-12', 'Expressing grave concern', 'Expressing', OTHERS),
    ('S-2021-443', 'pp-4', 'Recalling in particular', 'Recalling', OTHERS),
    ('S-2021-443', 'op-2', 'Decides further', 'Decides', RARE),
    ('S-2021-443', 'op-5', 'Expresses its willingness', 'Expresses', RARE),
    ('S-2022-158', 'pp-10', 'Reiterating its call', 'Reiterating', OTHERS),
    ('S-2022-158', 'pp-16', 'Calling once again', 'Calling', RARE),
    ('S-2022-158', 'pp-17', 'Expressing its alarm', 'Expressing', RARE),
    ('S-2022-158', 'pp-22', 'Expressing grave concern', 'Expressing', OTHERS),
    ('S-2022-158', 'op-8', 'Calls', 'Calls on', BOTH_WAYS),
    ('S-2022-426', 'pp-8', 'Noting the importance of', 'Noting', RARE),
    ('S-2022-426', 'pp-13', 'Calling', 'Calling on', OTHERS),
    ('S-2023-427', 'pp-8', 'Expressing', 'Expressing deep concern', BOTH_WAYS),
    ('S-2023-427', 'pp-11', 'Expressing', 'Expressing deep concern', BOTH_WAYS),
    ('S-2023-970', 'pp-2', 'Taking note of and acting upon', 'Taking note', OTHERS),
    ('S-2023-970', 'pp-3', 'Expressing grave concern', 'Expressing', OTHERS),
    ('S-2024-37', 'pp-3', 'Expressing', 'Expressing its concern', OTHERS),
    ('S-2024-37', 'op-10', 'Requests the Secretary-General', 'Requests', OTHERS),
    ('S-2024-400', 'pp-21', 'Noting with concern', 'Noting', RARE),
    ('S-2024-400', 'op-15', 'Expresses its determination', 'Expresses', OTHERS),
    ('S-2024-557', 'op-4', 'Expresses its intention', 'Expresses', OTHERS),
]
# Held out, these are wrong too: what the document's own printing taught the rules ...
HELD_OUT_ALSO_WRONG = [
    ('S-2018-257', 'pp-17', 'Expressing', 'Expressing grave concern', OTHERS),
    ('S-2018-257', 'op-26', 'Expresses', 'Expresses grave concern', OTHERS),
    ('S-2018-693', 'op-8', 'Expresses', 'Expresses its intention', OTHERS),
    ('S-2019-179', 'op-17', 'Recognizes', 'Recognizes in particular', RARE),
    ('S-2019-266', 'pp-12', 'Expressing its concern', 'Expressing', RARE),
    ('S-2019-266', 'op-16', 'Expresses its concern', 'Expresses', RARE),
    ('S-2019-90', 'op-9', 'Expresses', 'Expresses its intention', OTHERS),
    ('S-2022-426', 'op-4', 'Expresses', 'Expresses its intention', OTHERS),
    ('S-2022-501', 'op-4', 'Notes', 'Notes with concern', RARE),
    ('S-2022-501', 'op-10', 'Notes', 'Notes further', RARE),
    ('S-2023-571', 'pp-3', 'Recalling', 'Recalling in particular', RARE),
    ('S-2024-37', 'op-6', 'Encourages also', 'Encourages', RARE),
    ('S-2024-400', 'pp-3', 'Recalling also', 'Recalling', RARE),
]
# ... and this one is right (the other documents print "*Expressing* its concern" more often than this one did).
HELD_OUT_RIGHT = [
    ('S-2024-37', 'pp-3', 'Expressing', 'Expressing its concern'),
]


def _corpus_pdfs():
    if not ORIGINALS.is_dir():
        pytest.skip(f"../shared/corpus not found: {ORIGINALS}")
    from build_tools.learn_leads import load

    pdfs = [load(p) for p in sorted(ORIGINALS.glob("*.pdf"))]
    assert all(pdf.text is not None for pdf in pdfs)
    return pdfs


def _rows(misses):
    return [(m.document, m.anchor, m.printed, m.found, m.why) for m in misses]


def test_plain_text_leads_against_the_pdfs(capsys):
    """Every paragraph of the 39 corpus PDFs: is the plain-text lead the printed one? In sample and held out."""
    from build_tools.learn_leads import DATA, accuracy, held_out

    pdfs = _corpus_pdfs()
    found = accuracy(pdfs, json.loads(DATA.read_text(encoding="utf-8")))
    held = held_out(pdfs)
    with capsys.disabled():
        print(f"\nplain-text lead = PDF lead: {found.equal}/{found.total} = {found.equal / found.total:.2%} in sample, "
              f"{held.equal}/{held.total} = {held.equal / held.total:.2%} held out")
    assert (found.total, found.equal, held.total, held.equal) == (1443, IN_SAMPLE, 1443, HELD_OUT)
    assert _rows(found.misses) == REMAINING_MISMATCHES
    in_sample = {row[:4] for row in REMAINING_MISMATCHES}
    held_rows = {row[:4] for row in _rows(held.misses)}
    assert [row for row in _rows(held.misses) if row[:4] not in in_sample] == HELD_OUT_ALSO_WRONG
    assert [row[:4] for row in REMAINING_MISMATCHES if row[:4] not in held_rows] == HELD_OUT_RIGHT


def test_learned_data_is_what_the_pdfs_teach():
    """``data/leads.json`` is exactly what ``build_tools/learn_leads.py`` makes of the corpus PDFs."""
    from build_tools.learn_leads import DATA, learn, observations

    seen = [s for pdf in _corpus_pdfs() for s in observations(pdf)]
    assert json.loads(json.dumps(learn(seen))) == json.loads(DATA.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text, role, organ, lead",
    [
        # The Council: "*Calls upon*", "*Calling on*" (upon 14 of 15, on 11 of 13), but "*Calls* for" (0 of 5).
        ("Calls upon all parties", "operative", "Security Council", "Calls upon"),
        ("Calling on the parties to the conflict", "preambular", "Security Council", "Calling on"),
        ("Calls for an urgent end to inter-communal conflict", "operative", "Security Council", "Calls"),
        ("Calling once again for the full implementation", "preambular", "Security Council", "Calling"),
        ("Reiterates its demand that all parties", "operative", "Security Council", "Reiterates"),  # 0 of 4
        # The Assembly: "*Calls for*" (3 of 4), "*Takes note* of" (of: 0 of 31).
        ("Calls for enhanced support", "operative", "General Assembly", "Calls for"),
        ("Takes note of the report of the Secretary-General", "operative", "General Assembly", "Takes note"),
        ("Takes note with appreciation of the report", "operative", "General Assembly", "Takes note with appreciation"),
    ],
)
def test_learned_rules_decide_how_far_the_italics_run(text, role, organ, lead):
    assert text[: split_lead(text, role, organ)] == lead


@pytest.mark.parametrize(
    "text, organ, lead",
    [
        ("Protection of civilians:", "Security Council", "Protection of civilians"),
        ("Supporting the Implementation of the Agreement and the Peace Process:", "Security Council",
         "Supporting the Implementation of the Agreement and the Peace Process"),
        ("Good offices and political support :", "Security Council", "Good offices and political support"),
        ("Protection of civilians:", "General Assembly", ""),  # not seen in the Assembly's PDFs: left roman
        ("Include fact-based observations in relation to relevant criteria such as:", "Security Council", ""),
        ("Develop and expand their productive capacity by:", "Security Council", ""),
        ("To protect civilians under threat of physical violence;", "Security Council", ""),  # a task, not a heading
        ("Protection of civilians: to protect civilians", "Security Council", ""),  # text follows the colon
        ("protection of civilians:", "Security Council", ""),
        ("A heading of far too many words to be a heading of a mandate list at all:", "Security Council", ""),
    ],
)
def test_sub_paragraph_headings(text, organ, lead):
    """A Council mandate list's "(a) *Protection of civilians*:" (4 of 4 in the PDFs); nothing else."""
    assert text[: split_lead(text, "sub", organ)] == lead
