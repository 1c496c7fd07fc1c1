"""How the United Nations prints a resolution: the facts every reader relies on, written once.

Each delivery form (plain text, markdown conversion, PDF) shows these facts
with its own noise around them (markdown bold around a page counter, spaces
around a plain-text job number), so readers compose the pieces below into
their own line patterns; the pieces themselves live only here.
"""

from __future__ import annotations

# -- organs ------------------------------------------------------------------------------------------

# The organs that adopt the resolutions this site publishes, and the prefix of their symbols.
ORGAN_CODES = {
    "General Assembly": "A",
    "Security Council": "S",
    "Economic and Social Council": "E",
    "Human Rights Council": "A/HRC",
}
ORGANS = tuple(ORGAN_CODES)
ORGAN_ALT = "|".join(ORGANS)  # a regex alternation of the organ names
# A symbol's first letter names its organ when the cover does not ("A/80/L.3": the Assembly).
ORGAN_OF_SYMBOL = {"A": "General Assembly", "S": "Security Council", "E": "Economic and Social Council"}

# -- dates ---------------------------------------------------------------------------------------------

MONTHS = {
    m: i
    for i, m in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"],
        1,
    )
}
MONTH_ALT = "|".join(MONTHS)
DATE = rf"\d{{1,2}} (?:{MONTH_ALT}) \d{{4}}"  # "6 October 2011"

# -- opening and closing formulas ----------------------------------------------------------------------

OPENING = rf"The ({ORGAN_ALT})"  # "The General Assembly," opens the text; each form adds its punctuation
CLOSING = r"\d{1,3}(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting"  # "95th plenary meeting", then a date

# -- page furniture ------------------------------------------------------------------------------------

JOB_NUMBER = r"\d{2}-\d{5}"  # "25-16593": the document's job number, on the cover and every page foot
JOB_LANGUAGE = r" ?\([A-Z]\)"  # "(E)" after it: the language version
JOB_STAMP = r"\d{6}"  # "251125" after that on the cover: the processing date
BARCODE = r"\*\d{5,}\*"  # "*2516593*": the job number as a barcode's human-readable line
PAGE_COUNTER = r"\d{1,3}/\d{1,3}"  # "3/12" at a page foot
RUNNING_SYMBOL = r"[ASE]/[A-Za-z0-9./\-]*\d[A-Za-z0-9./\-]*"  # the symbol at the head of later pages
FOOTNOTE_RULE = r"_{5,}"  # the rule above a page's footnotes
STAR_MARK = r"\*{1,3}"  # "*" to "***": the marker of a note on the cover (sponsors, reissues)
FOOTNOTE_MARK = rf"(?:\d{{1,3}}|{STAR_MARK})"  # a footnote's marker: "7", or a star
RECYCLE = "Please recycle"  # printed beside the recycling logo at the foot of the last page

# -- parts ---------------------------------------------------------------------------------------------

# The mark of one of several resolutions (or restarting sections) printed in one text: "B" or "II"
# alone, "Draft resolution B", "Resolution B". Each part has its own preamble and numbering.
PART_MARK = r"(?:(?:Draft\s+)?[Rr]esolution\s+)?([A-H]|[IVX]{1,5})\.?"

# A line that opens a part of the text: "Annex", "Annex I", "Annexes", "Chapter IV", "Article 12".
PART_HEADING = r"(?:Annex(?:es)?|Appendix|Chapter|Part|Article)(?: [IVXLC\d]+[A-Z]?)?\.?"

# -- numbers and labels --------------------------------------------------------------------------------

OPERATIVE_NUMBER = r"\d{1,3}\."  # "7." opens an operative paragraph
LETTER_LABEL = r"\((?:[a-z]{1,3}|[ivxlc]{1,7})\)"  # "(a)", "(aa)", "(iv)": sub-paragraphs
NUMBER_LABEL = r"\(\d{1,3}\)"  # "(1)": a numbered sub-paragraph
LABEL = r"\(([a-z]{1,3}|[ivxlc]{1,7}|\d{1,3})\)"  # either, the label captured
