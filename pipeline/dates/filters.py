"""Token checks the grammar's regex cannot make: which candidates are not temporal
expressions at all.

* a month word that is a verb or a name ("They may meet", "Theresa May", "April Ryan");
* a year that is part of a name or a count ("the 2030 Agenda", "2000 troops",
  "Resolution 1701") — but not after a preposition ("In 2003 BP invested");
* an age or a speed ("a 22-year-old", "ages 6 months and older", "a five-minute mile"),
  which TimeML does not annotate;
* a bare unit noun after a determiner or adjective ("the early days of the war"), a
  vague count of a singular unit ("many weekend sporting events"), a quarter that is a
  fraction ("roughly a quarter of them");
* a season word that is a verb ("areas that fall under");
* a title: "China Daily", “This Week”, “Sunday Morning Futures”.

>>> from pipeline.dates.grammar import find_candidates
>>> is_age("A 22-year-old man was held.", find_candidates("A 22-year-old man was held.")[0])
True
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from spacy.tokens import Doc

from pipeline.dates.grammar import Candidate, date_lexicon
from pipeline.dates.names import PersonNames

_NAME_DEPS = {"nummod", "compound", "amod", "nmod", "npadvmod"}
_TIME_WORDS = frozenset({"summit", "budget"})  # "the 2024 budget" stays a date
_YEAR_PREPS = frozenset(
    {"in", "since", "by", "during", "until", "till", "before", "after", "from", "through"}
)
_DURATION_KINDS = frozenset({"duration", "dur_adj", "dur_bare", "bare_units", "dur_multi", "anchored"})
_BARE_KINDS = frozenset({"bare_units", "bare_ago"})
_OPENING_QUOTES = frozenset('“"‘')
_CLOSING_QUOTES = frozenset('”"’')


_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S"})


@functools.lru_cache(maxsize=1)
def _name_like_months() -> frozenset:
    return frozenset(date_lexicon()["name_like_months"]["words"])


@functools.lru_cache(maxsize=1)
def _age_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = date_lexicon()
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lex["age_cues"]["after"])
    before = "|".join(re.escape(w) for w in lex["age_cues"]["before"])
    speeds = "|".join(re.escape(w) for w in lex["celerity_nouns"]["words"])
    return (
        re.compile(rf"[\s-]+(?:{after})\b", re.I),
        re.compile(rf"\b(?:{before})\s+$", re.I),
        re.compile(rf"\s+(?:{speeds})\b", re.I),
    )


def is_age(text: str, c: Candidate) -> bool:
    """ "a 22-year-old", "11 years old", "ages 6 months and older", "aged 5 years"."""
    if c.kind not in _DURATION_KINDS:
        return False
    if c.text.lower().endswith("-old"):
        return True
    after, before, _ = _age_patterns()
    return bool(after.match(text, c.end) or before.search(text[max(0, c.start - 8) : c.start]))


def is_speed(text: str, c: Candidate) -> bool:
    """ "a five-minute mile": a duration adjective before a distance."""
    return c.kind == "dur_adj" and bool(_age_patterns()[2].match(text, c.end))


def is_title(text: str, c: Candidate) -> bool:
    """A capitalised expression of two words or more that opens a quotation and ends it or
    runs on into more capitalised words: a programme's title (“This Week”)."""
    words = c.text.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    if c.start == 0 or text[c.start - 1] not in _OPENING_QUOTES:
        return False
    rest = text[c.end : c.end + 2]
    return rest[:1] in _CLOSING_QUOTES or (rest[:1] == " " and rest[1:2].isupper())


class FalseAlarms:
    """``alarms(doc, candidate, bounds, chars, names)`` is True for a candidate that is not
    a temporal expression."""

    def __init__(self, numeric_names: frozenset):
        self._numeric_names = numeric_names
        self._vague_numbers = frozenset(date_lexicon()["vague_numbers"])

    def __call__(
        self, doc: Doc, c: Candidate, bounds: Optional[tuple[int, int]], chars, names: PersonNames
    ) -> bool:
        if bounds is None:
            return True
        first, end = bounds
        if c.text in self._numeric_names:
            return True  # "9/11", "24/7"
        text = chars.text
        if is_age(text, c) or is_speed(text, c) or is_title(text, c):
            return True
        month = c.groups.get("month")
        if month:
            at = c.start + c.text.find(month)
            tok = doc[next((i for i in range(first, end) if chars.starts[i] >= at), end - 1)]
            if (tok.tag_ == "MD" or tok.tag_.startswith("VB")) and (c.kind == "month" or month.islower()):
                return True  # "They may meet", "march on"
            if c.kind == "month" and not c.groups.get("pmod") and names.is_name(tok):
                return True  # "April Ryan", "Theresa May", "surprised May"
            if (
                c.kind == "month"
                and month.lower() in _name_like_months()
                and text[c.end : c.end + 2] in _POSSESSIVES
            ):
                return True  # "May's government"
        if c.kind == "year" and self._year_in_name(doc, c, first, end, chars):
            return True
        season = c.groups.get("season")
        if season and season.lower() in ("fall", "spring"):
            at = c.start + c.text.find(season)
            tok = doc[next((i for i in range(first, end) if chars.starts[i] >= at), end - 1)]
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                return True  # "areas that fall under", "prices spring back"
        if c.kind == "duration" and self._not_a_count_of_units(c, text):
            return True
        if c.kind in _BARE_KINDS and first > 0:
            prev = doc[first - 1]
            if prev.pos_ in ("DET", "ADJ", "NUM", "PRON") or prev.tag_ in ("PRP$", "PDT", "POS"):
                return True  # "the early days of", "those days", "his years in office"
        unit = c.groups.get("unit")
        if unit and unit.lower() == "second" and end < len(doc) and doc[end].is_alpha:
            return True  # "a second round": the ordinal, not the unit
        if (
            c.kind in ("set_adv", "deictic")
            and c.text[:1].isupper()
            and first > 0
            and not doc[first].is_sent_start
            and chars.text_of(first - 1)[:1].isupper()
        ):
            return True  # "China Daily", "USA Today"
        return False

    def _not_a_count_of_units(self, c: Candidate, text: str) -> bool:
        """ "many weekend sporting events" (a vague count needs a plural unit), "roughly a
        quarter from South Sudan", "three quarters of the votes" (fractions)."""
        num, unit = (c.groups.get("num") or "").lower(), (c.groups.get("unit") or "").lower()
        if num in self._vague_numbers and not unit.endswith("s"):
            return True
        if unit.startswith("quarter"):
            return num in ("a", "an", "one") or bool(re.match(r"\s+of\b", text[c.end : c.end + 4]))
        return False

    @staticmethod
    def _year_in_name(doc: Doc, c: Candidate, first: int, end: int, chars) -> bool:
        """ "the 2030 Agenda", "2024 Olympics", "2000 troops", "Resolution 1701", "Vision 2030"."""
        tok = doc[next((i for i in range(first, end) if chars.text_of(i)[-4:].isdigit()), end - 1)]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        after_prep = prev is not None and prev.lower_ in _YEAR_PREPS and not c.groups.get("the")
        if nxt is not None and tok.head.i == nxt.i and tok.dep_ in _NAME_DEPS and not after_prep:
            if nxt.text[:1].isupper() and nxt.lower_ not in _TIME_WORDS:
                return True  # "the 2030 Agenda", "2024 Olympics" (but "In 2003 BP invested")
            if nxt.tag_ in ("NNS", "NNPS"):
                return True  # "2000 troops"
        if prev is not None and not c.groups.get("the") and not c.groups.get("pmod"):
            if (
                prev.text[:1].isupper()
                and prev.pos_ in ("PROPN", "NOUN")
                and prev.ent_type_ != "DATE"
                and not prev.is_sent_start
            ):
                return True  # "Resolution 1701", "Vision 2030"
        return False
