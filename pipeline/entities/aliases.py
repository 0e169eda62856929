"""People's names in an article: the canonical full name of a mention ("Xi" → "Xi
Jinping", titles stripped), title words, and the fast finders of names in the text.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.parts_of_speech import ADP, CCONJ, DET, SCONJ

from pipeline.entities.gazetteer import Gazetteer, gazetteer

CALENDAR_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
NAMED = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT"}
POSSESSIVE = {"’s", "'s", "’", "'"}
TRAILING_POS = {"ADP", "CCONJ", "DET", "SCONJ"}
TRAILING_POS_IDS = {ADP, CCONJ, DET, SCONJ}
# royal and religious titles that are often part of the name itself
NAME_TITLES = {"sultan", "sheikh", "emir", "amir"}
# words after an organisation's name that make a summit or meeting of it
MEETING_WORDS = {
    "summit",
    "meeting",
    "conference",
    "forum",
    "session",
    "plus",
    "dialogue",
    "ministerial",
    "leaders",
    "leaders’",
    "leaders'",
    "economic",
    "week",
}
NAME_PARTICLES = {"bin", "al", "el", "de", "da", "van", "von", "der", "la", "le", "du", "di", "ibn"}
HONORIFICS = {"mr", "mrs", "ms", "dr"}

# Names are looked up in the text as whole words, which no word character or hyphen
# touches: the regex ``(?<![\w-])NAME(?![\w-])``. The names change with every article and
# compiling a pattern of them costs more than the rest of the component, so the finders
# below locate the names with ``str.find`` and test the rest with patterns compiled once.
_WORD_CHAR = re.compile(r"[\w-]")
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"  # "Jinping", "Kassym-Jomart"
_NAME_WORD_SPACE = re.compile(_NAME_WORD + "[ ]")
_NAME_WORD_END = re.compile(_NAME_WORD + r"(?![\w-])")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """No word character or hyphen right before ``start`` or at ``end``."""
    return not (start and _WORD_CHAR.match(text, start - 1)) and not _WORD_CHAR.match(text, end)


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Character offsets of the matches of ``(?<![\\w-])(?:W1|W2|...)(?![\\w-])`` in
    ``text``, the words tried longest first, as ``re.finditer`` finds them."""
    longest: dict[int, int] = {}  # start -> end of the longest word standing alone there
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if end > longest.get(at, -1) and _stands_alone(text, at, end):
                longest[at] = end
            at = text.find(word, at + 1)
    return _left_to_right(longest)


def find_name_pairs(text: str, singles: set[str]) -> list[tuple[int, int]]:
    """Character offsets of the matches of ``(?<![\\w-])(?:S[ ]W|W[ ]S)(?![\\w-])`` in
    ``text``, as ``re.finditer`` finds them: ``S`` any of the (alphabetic) ``singles``,
    ``W`` a capitalised word. Every match holds a single, at its start or after the
    first word."""
    candidates = set()
    for single in singles:
        at = text.find(single)
        while at != -1:
            candidates.add(at)
            if at > 1 and text[at - 1] == " ":  # the word before: back to its start
                start = at - 1
                while start and _WORD_CHAR.match(text, start - 1):
                    start -= 1
                candidates.add(start)
            at = text.find(single, at + 1)
    ends = {}
    for start in candidates:
        if start and _WORD_CHAR.match(text, start - 1):
            continue
        space = text.find(" ", start)
        if space > start and text[start:space] in singles:  # S W
            word = _NAME_WORD_END.match(text, space + 1)
            if word:
                ends[start] = word.end()
                continue
        word = _NAME_WORD_SPACE.match(text, start)  # W S
        if word:
            at = word.end()
            for single in singles:
                if text.startswith(single, at) and not _WORD_CHAR.match(text, at + len(single)):
                    ends[start] = at + len(single)
                    break
    return _left_to_right(ends)


def _left_to_right(ends: dict[int, int]) -> list[tuple[int, int]]:
    """The matches a left-to-right scan keeps from the possible ``start -> end``: each
    starts after the previous one ends."""
    out = []
    last = 0
    for start in sorted(ends):
        if start >= last:
            out.append((start, ends[start]))
            last = ends[start]
    return out


def strip_titles(words: list[str], g: Optional[Gazetteer] = None) -> list[str]:
    g = g or gazetteer()
    start = 0
    while len(words) - start > 1:
        word = words[start].lower()
        if word in NAME_TITLES or (
            word.strip(".,") not in g.title_words and word.strip(".,") not in HONORIFICS
        ):
            break
        start += 1
    return words[start:]


def canonical_person(mention: str, full_names: Iterable[str], g: Optional[Gazetteer] = None) -> str:
    """The first full name in the article whose first or last word is the (one-word)
    mention; a longer mention is its own canonical name, titles stripped.

    >>> canonical_person("Xi", ["Xi Jinping", "Vladimir Putin"])
    'Xi Jinping'
    """
    words = strip_titles(mention.split(), g)
    name = " ".join(words)
    if len(words) != 1:
        return name
    for full in full_names:
        parts = full.split()
        if len(parts) > 1 and (parts[-1] == name or parts[0] == name):
            return full
    return name


def is_title_word(lower: str, g: Gazetteer) -> bool:
    """A word of a title that is not part of the name itself ("President", "Mr.")."""
    low = lower.strip(".")
    return (low in g.title_words or low in {"mr", "mrs", "ms", "dr", "-", "elect"}) and low not in NAME_TITLES


class TitleWords(dict):
    """:func:`is_title_word` by LOWER hash, filled on first use (``titles[lower_id]``)."""

    def __init__(self, strings, g: Gazetteer):
        super().__init__()
        self.strings, self.g = strings, g

    def __missing__(self, lower_id: int) -> bool:
        known = self[lower_id] = is_title_word(self.strings[lower_id], self.g)
        return known


class Canonical(dict):
    """:func:`canonical_person` of a mention among the article's full ``names``,
    remembered per mention text."""

    def __init__(self, names: list[str], g: Optional[Gazetteer] = None):
        super().__init__()
        self.names, self.g = names, g

    def __call__(self, mention: str) -> str:
        name = self.get(mention)
        if name is None:
            name = self[mention] = canonical_person(mention, self.names, self.g)
        return name
