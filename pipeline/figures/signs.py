"""Where a number is written negative (``patterns/figures_lexicon.json``,
``_conventions.sign``): a minus sign glued to the number or its currency ("-15€",
"$-99.99", "-$5"), or money alone in parentheses that converts no amount before it
("a loss of ($99.99)"). Sign words ("minus", "negative") are read with the qualifier,
in :func:`pipeline.figures.numbers._look_back`.

>>> [sign_at("-15€", 0, 0, "-−"), sign_at("$-99.99", 1, 0, "-−"), sign_at("COVID-19", 5, 0, "-−")]
[True, True, False]
>>> accounting_parentheses("a loss of ($99.99)", 11, 17, None)
True
>>> accounting_parentheses("5 million euros ($5.4 million)", 17, 29, 15)
False
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

OPENERS = "([{“\"‘'"  # what may stand before a sign: "(-5", "“-5"
CONVERSION_WINDOW = 80  # characters from an amount to a parenthesized amount converting it
_SENTENCE_END = re.compile(r"[.!?]\s")


def sign_at(text: str, i: int, floor: int, signs: str) -> bool:
    """Is ``text[i]`` a minus sign glued to what follows ("-15", "-$5"), not a hyphen
    ("COVID-19", "10-20") or a dash ("- 15")? A sign stands at the start, after a space,
    an opening bracket or quote, or a currency symbol ("$-99.99"); nothing before
    ``floor`` (the end of the number before) is read."""
    if i < floor or i < 0 or text[i] not in signs:
        return False
    if i == 0:
        return True
    before = text[i - 1]
    return before.isspace() or before in OPENERS or unicodedata.category(before) == "Sc"


def accounting_parentheses(text: str, start: int, end: int, prev_end: Optional[int]) -> bool:
    """Is the amount ``text[start:end]`` alone in parentheses and no conversion or gloss
    of the number before it in the sentence (which ends at ``prev_end``)?"""
    if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    if prev_end is None:
        return True
    between = text[prev_end : start - 1]
    return len(between) > CONVERSION_WINDOW or _SENTENCE_END.search(between) is not None
