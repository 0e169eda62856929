"""What a careful reader anchors relative dates on: the tense of the clause, and the
narrative year of a retrospective.

``tense_at(span)`` reads the verb that governs a temporal expression (``will``/``to`` +
plan verbs → future, past tense or present perfect → past). ``narrative_year(text, dct)``
finds the year a year-end review looks back on ("As the year 2024 comes to a close",
published 2025-01-01), on which "this year" and bare months are then anchored.

>>> narrative_year("As the year 2024 comes to a close, here are the takeaways.", dt.date(2025, 1, 1))
2024
>>> narrative_year("Xi met Putin in 2024.", dt.date(2025, 1, 1)) is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from spacy.tokens import Span

from pipeline.dates.grammar import date_lexicon
from pipeline.document.access import sent_of

_VERB_POS = {"VERB", "AUX"}


@functools.lru_cache(maxsize=1)
def _words() -> tuple[frozenset, frozenset, re.Pattern]:
    lex = date_lexicon()
    cues = sorted(lex["narrative_cues"], key=len, reverse=True)
    return (
        frozenset(lex["future_aux"]),
        frozenset(lex["future_verbs"]),
        re.compile("|".join(re.escape(c) for c in cues), re.I),
    )


@functools.lru_cache(maxsize=1)
def _deadline() -> tuple[frozenset, frozenset]:
    lex = date_lexicon()
    return frozenset(lex["deadline_verbs"]), frozenset(lex["future_preps"])


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """Future modifiers of nouns, intention verbs, open-ended and past prepositions."""
    lex = date_lexicon()
    return (
        frozenset(lex["future_noun_modifiers"]),
        frozenset(lex["intention_verbs"]["words"]),
        frozenset(lex["open_end_preps"]),
        frozenset(lex["past_preps"]),
    )


def _future_cue(span: Span) -> bool:
    """A clause that points forward whatever its main verb's tense: a deadline moved
    ("extended sanctions until the end of July", "postponed to March") or a plan
    ("the visit was planned for October", "talks scheduled for May", "due in June")."""
    deadline_verbs, future_preps = _deadline()
    _, future_verbs, _ = _words()
    token = span.root
    prep = token.head if token.dep_ == "pobj" else None
    verb = prep.head if prep is not None and prep.dep_ == "prep" else token.head
    if prep is not None and prep.lower_ in future_preps and verb.lemma_ in deadline_verbs:
        return True
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ in future_verbs for c in verb.children):
        return True  # "is due in March"
    noun_modifiers = _cues()[0]
    noun = verb if prep is not None and verb.pos_ in ("NOUN", "PROPN") else None
    if token.dep_ in ("compound", "nmod", "npadvmod", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
        noun = token.head
    if noun is not None and any(
        c.dep_ in ("amod", "compound") and c.lower_ in noun_modifiers for c in noun.children
    ):
        return True  # "an expected arrival of March 26", "the planned June 3 vote"
    if (
        verb.pos_ in _VERB_POS | {"ADJ"}
        and verb.lemma_ in future_verbs
        and (
            verb.tag_ == "VBN"
            or verb.dep_ in ("acl", "amod")
            or verb.lower_ == "due"
            or any(c.dep_ == "auxpass" for c in verb.children)
        )
    ):
        return True
    return False


def _verb_tense(verb) -> Optional[str]:
    future_aux, future_verbs, _ = _words()
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            low = child.lower_
            if low in future_aux or child.lemma_ in future_aux:
                return "future"
            if (
                child.lemma_ == "be"
                and child.tag_ in ("VBZ", "VBP")
                and verb.tag_ == "VBG"
                and verb.lemma_ == "go"
            ):
                return "future"
            if child.lemma_ == "have" and child.tag_ in ("VBZ", "VBP", "VBD"):
                return "past"
            if child.tag_ == "VBD":
                return "past"
            if child.tag_ == "MD":
                return "future" if child.lower_ in ("will", "shall", "'ll") else "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.i != verb.i and (head.lemma_ in future_verbs or head.lemma_ in _cues()[1]):
            return "future"  # "plans to visit in June", "was ordered to appear on March 27"
        return _verb_tense(head) if head.i != verb.i and head.pos_ in _VERB_POS else None
    if verb.tag_ == "VBN" and verb.head.i != verb.i and verb.dep_ in ("amod", "acl", "relcl"):
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_ in future_verbs and any(c.tag_ == "VBN" or c.dep_ == "xcomp" for c in verb.children):
            return "future"
        return "present"
    return None


def tense_at(span: Span) -> str:
    """``past``, ``future`` or ``present`` for the clause a temporal expression sits in
    (``none`` in a sentence without a verb, "Talks in March");
    after "since" the past, after "through"/"until" in a present clause the future
    ("the offer runs through June")."""
    if _future_cue(span):
        return "future"
    root = span.root
    prep = root.head.lower_ if root.dep_ == "pobj" else None
    _, _, open_end, past_preps = _cues()
    if prep in past_preps:
        return "past"
    tense = _clause_tense(span)
    if tense in ("present", "none") and prep in open_end:
        return "future"
    return tense


def _clause_tense(span: Span) -> str:
    token = span.root
    for _ in range(6):
        if token.pos_ in _VERB_POS and token.dep_ != "aux":
            tense = _verb_tense(token)
            if tense:
                return tense
        if token.head.i == token.i:
            break
        token = token.head
    sent = sent_of(span.doc, span.start, span.end)
    tags = {t.tag_ for t in sent}
    lowers = {t.lower_ for t in sent if t.tag_ == "MD"}
    if lowers & {"will", "shall", "'ll"}:
        return "future"
    if "VBD" in tags:
        return "past"
    return "present" if tags & {"VBZ", "VBP"} else "none"  # "none": no verb to read


def narrative_year(text: str, dct: Optional[dt.date], window: int = 800) -> Optional[int]:
    """The year a retrospective reviews, when the text opens like one and is dated near
    that year's end (December 15 to January 20); else None."""
    if dct is None:
        return None
    if dct.month == 1 and dct.day <= 20:
        year = dct.year - 1
    elif dct.month == 12 and dct.day >= 15:
        year = dct.year
    else:
        return None
    opening = text[:window]
    _, _, cues = _words()
    if not cues.search(opening):
        return None
    mentions = _year_mentions(year, text)
    opening_mentions = _year_mentions(year, opening)
    other = _year_mentions(year + 1 if year == dct.year - 1 else year - 1, opening)
    if opening_mentions >= 1 and mentions >= 2 and other == 0:
        return year
    if year == dct.year - 1 and re.search(r"\b(?:this|the) year\b", opening, re.I) and opening_mentions:
        return year
    return None


def _year_mentions(year: int, text: str) -> int:
    """How often ``year`` stands alone in ``text`` (not in "12024", "$2024", "1.2024").
    The year comes first in the pattern, the character before it checked behind: ``re``
    then jumps from one "2024" to the next instead of trying every position."""
    return len(re.findall(rf"{year}(?!\d)(?<![\d$.,]{year})", text))
