"""People the model missed or cut short: titled names ("Foreign Minister Wang Yi"),
later mentions of a known name ("said Wang"), full names around a tagged surname, and the
country a title gives a person ("Russian President Vladimir Putin" → RUS).
"""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span

from pipeline.document.access import overlaps
from pipeline.entities.aliases import (
    CALENDAR_WORDS,
    NAME_PARTICLES,
    NAME_TITLES,
    Canonical,
    find_name_pairs,
    find_words,
)
from pipeline.entities.tokens import TokenArrays


class PeopleFinder:
    """People finders of :class:`pipeline.entities.component.EntityExtractor`, which sets
    the gazetteer ``g`` and the word ids they test."""

    def _titled_people(self, doc: Doc, model: list[Span], blocked, v: TokenArrays) -> list[Span]:
        taken = {i for s in model for i in range(s.start, s.end)}
        out = []
        for start, end in self._titled_matches(v):
            while end - start > 1 and v.title[start]:
                start += 1
            if all(v.title[i] for i in range(start, end)):
                continue  # "State Councilor and Foreign Minister Qin Gang"
            if taken.intersection(range(start, end)):
                continue
            if any(
                v.orth[i] in self._known_name_ids or v.lower[i] in self._meeting_ids
                for i in range(start, end)
            ):
                continue
            span = Span(doc, start, end, label="PERSON")
            if not overlaps(span.start_char, span.end_char, blocked):
                out.append(span)
        return out

    def _titled_matches(self, v: TokenArrays) -> list[tuple[int, int]]:
        """What the Matcher pattern ``[{LOWER in titles, IS_TITLE}, {POS PROPN, IS_TITLE, OP +}]``
        with ``greedy="LONGEST"`` finds, in its order, from the token arrays (a Matcher
        with POS predicates steps through every token)."""
        n = len(v.orth)
        if n < 2:
            return []
        is_title = v.array[:, 3] == 1
        name = is_title & (v.array[:, 2] == PROPN)
        # capitalised words before a capitalised proper noun, then the titles among them
        starts = [
            i for i in numpy.flatnonzero(is_title[:-1] & name[1:]).tolist() if v.lower[i] in self._title_ids
        ]
        if not starts:
            return []
        name_list = name.tolist()
        pairs = []
        for i in starts:
            j = i + 1
            while j < n and name_list[j]:
                j += 1
            pairs.extend((i, end) for end in range(i + 2, j + 1))
        pairs.sort(key=lambda x: (x[1] - x[0], -x[0]), reverse=True)
        taken = bytearray(n)
        out = []
        for start, end in pairs:
            if not any(taken[start:end]):
                out.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
        return out

    def _person_country(self, span: Span, by_end: dict, v: TokenArrays) -> tuple[Optional[str], list[str]]:
        i = span.start - 1
        titles: list[str] = []
        while i >= 0 and v.title[i]:
            titles.insert(0, self._strings[v.lower[i]])
            i -= 1
        if i >= 0 and v.orth[i] in self._possessive_ids:
            i -= 1
        ent = by_end.get(i + 1)
        if ent is not None and ent.label_ in {"GPE", "NORP"}:
            return self.g.country_of(v.text_of(ent)), titles
        return None, titles

    def _find_people(
        self, doc: Doc, spans: list[Span], names: list[str], canonical: Canonical, v: TokenArrays
    ) -> list[Span]:
        parts = {n.split()[-1] for n in names}
        # family name first ("Wang Yi" ... "said Wang"): first words of two-word names
        for words in (n.split() for n in names):
            if (
                len(words) == 2
                and words[0].lower() not in self.g.title_words
                and words[0].lower() not in NAME_TITLES
                and words[0] not in self.g.demonyms
            ):
                parts.add(words[0])
        for s in spans:
            if s.label_ == "PERSON" and len(s) == 1:
                text = v.text_of(s)
                if canonical(text) != text:
                    parts.add(text)
        parts = {
            p
            for p in parts
            if len(p) > 1
            and p[0].isupper()
            and p.lower() not in NAME_PARTICLES
            and p not in self.g.countries
            and p not in self.g.orgs
        }
        if not parts:
            return spans
        bounds = _TokenBounds([(s.start, s.end) for s in spans])  # kept in step with spans
        for start_char, end_char in find_words(v.text, parts):
            span = doc.char_span(start_char, end_char)
            if span is None:
                continue
            start, end = span.start, span.end
            hit = bounds.overlapping(start, end)
            if not hit:
                spans.append(Span(doc, start, end, label="PERSON"))
                bounds.append((start, end))
            elif (
                len(hit) == 1
                and bounds[hit[0]] == (start, end)
                and spans[hit[0]].label_ in {"ORG", "GPE", "NORP"}
                and v.text[start_char:end_char] not in self.g.countries
            ):
                spans[hit[0]] = Span(doc, start, end, label="PERSON")
        return spans

    def _complete_names(self, doc: Doc, spans: list[Span], blocked, v: TokenArrays) -> list[Span]:
        """Full names the model missed, found from a surname it did tag.

        The small model often misses an untitled full name that opens a sentence ("Xi
        Jinping held talks ...") yet tags the later "Xi": any capitalized proper-noun pair
        containing such a one-word name ("Xi Jinping", "Vladimir Putin") becomes a PERSON.
        """
        people = [(s, v.text_of(s)) for s in spans if s.label_ == "PERSON"]
        singles = {text for s, text in people if len(s) == 1 and text[:1].isupper() and text.isalpha()}
        if not singles:
            return spans
        singles -= {w for s, text in people if len(s) > 1 for w in text.split()}
        if not singles:
            return spans
        taken = {i: s for s in spans for i in range(s.start, s.end)}
        added: list[Span] = []
        for start_char, end_char in find_name_pairs(v.text, singles):
            cand = doc.char_span(start_char, end_char)
            if cand is None or len(cand) != 2 or overlaps(cand.start_char, cand.end_char, blocked):
                continue
            if any(
                t.tag_ != "NNP"
                or self._is_title(t)
                or t.text in self.g.countries
                or t.text in self.g.cities
                or t.text in self.g.orgs
                or t.text in self.g.demonyms
                or t.lower_ in CALENDAR_WORDS
                for t in cand
            ):
                continue
            hit = {id(taken[i]): taken[i] for i in range(cand.start, cand.end) if i in taken}
            if any(h.label_ != "PERSON" or len(h) > 1 for h in hit.values()):
                continue
            added.append(Span(doc, cand.start, cand.end, label="PERSON"))
            for h in hit.values():
                if h in spans:
                    spans.remove(h)
        return spans + added


class _TokenBounds(list):
    """Token ranges ``(start, end)`` with, per token, the ranges that cover it: the ranges
    overlapping a short one are found in its few tokens, not by a walk over all of them
    (one walk per name found made a long list of names quadratic)."""

    def __init__(self, bounds: list[tuple[int, int]]):
        super().__init__()
        self.covering: dict[int, list[int]] = {}
        self.empty: list[int] = []  # empty ranges, which cover no token
        for b in bounds:
            self.append(b)

    def append(self, bound: tuple[int, int]) -> None:
        k = len(self)
        super().append(bound)
        if bound[0] >= bound[1]:
            self.empty.append(k)
        for i in range(bound[0], bound[1]):
            self.covering.setdefault(i, []).append(k)

    def overlapping(self, start: int, end: int) -> list[int]:
        """The indices, ascending, of the ranges with ``s_start < end and start < s_end``."""
        if self.empty or start >= end:  # what covers no token: as the plain walk does
            return [k for k, (s_start, s_end) in enumerate(self) if s_start < end and start < s_end]
        return sorted({k for i in range(start, end) for k in self.covering.get(i, ())})
