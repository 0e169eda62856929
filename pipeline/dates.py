"""Temporal expressions: find every one, normalize it to TIMEX3, anchor it as a careful
reader would.

Data flow, each step in its own module:

* ``timex_grammar`` — the candidate finder: one regex built from
  ``patterns/dates_grammar.tsv`` + ``patterns/dates_lexicon.json``, tried only where a
  trigger token (month, weekday, unit, year-like number, "now", ...) stands, so its cost
  grows with the number of dates, not with the length of the text;
* this module — token checks the regex cannot make ("may" as a verb, "2030 Agenda" as a
  name, "2000 troops" as a figure), the dateline and headings skipped, the narrative
  year detected, and the expressions resolved in reading order so that "Two months later"
  counts from the date before it;
* ``timex_anchor`` — tense of the clause, narrative year of a retrospective;
* ``timex`` — TIMEX3 values at the written granularity and the anchor used.

Spans follow TimeML: no leading preposition ("in September" → "September"), with the
determiner ("the past year"). dateparser (cached, ``languages=["en"]``, explicit base
date) is only asked about calendar-date candidates the grammar could not decompose.

>>> from conftest import run, results                                    # doctest: +SKIP
>>> [d["value"] for d in results(run(nlp, "In September, Xi spoke.", "2024-12-01"), "dates")]  # doctest: +SKIP
['2024-09']
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Optional

import numpy
from spacy.attrs import IDX, LIKE_NUM, LOWER, SHAPE
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import (blocked_char_ranges, doc_text, in_table, overlaps, reference_date_of, results,
                                 set_results, sorted_ids)
from pipeline.timex import Context, normalize
from pipeline.timex_anchor import narrative_year, tense_at
from pipeline.timex_grammar import PATTERNS_DIR, Candidate, find_candidates, lexicon, master_pattern, trigger_words
from pipeline.timex_join import anchor_quoted_deictics, join_compounds, share_range_years

MAX_PREFIX_TOKENS = 6
_NAME_DEPS = {"nummod", "compound", "amod", "nmod", "npadvmod"}
_TIME_WORDS = frozenset({"summit", "budget"})  # "the 2024 budget" stays a date


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: str) -> Optional[str]:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"],
                              settings={"RELATIVE_BASE": dt.datetime.fromisoformat(base),
                                        "REQUIRE_PARTS": ["day", "month"]})
    return parsed.date().isoformat() if parsed else None


class DateExtractor:
    """spaCy component writing ``doc._.communique_dates`` and ``doc._.communique_narrative_date``."""

    def __init__(self, nlp: Language, name: str = "communique_dates"):
        self.name = name
        master_pattern()  # compile once, at init
        trig, prefix = trigger_words()
        strings = nlp.vocab.strings
        self._trigger_ids = sorted_ids(strings.add(w) for w in trig)
        self._prefix_ids = sorted_ids(strings.add(w) for w in prefix)
        self._shape_cache: dict[int, bool] = {}
        lex = lexicon()
        self._numeric_names = frozenset(lex["numeric_date_names"])
        self._titles = _title_words()
        self._month_words = frozenset(lex["months"])

    # -- finding --------------------------------------------------------------------------
    def _digit_shape(self, doc: Doc, shape_id: int) -> bool:
        known = self._shape_cache.get(shape_id)
        if known is None:
            shape = doc.vocab.strings[shape_id]
            known = ("dddd" in shape or (":" in shape and "d" in shape)
                     or ("/" in shape and shape.count("d") >= 3) or shape in ("dds", "'dds", "ddx", "'ddx", "Xd")
                     or shape in ("dxx", "ddxx") or (shape.count(".") == 2 and "dddd" in shape))
            self._shape_cache[shape_id] = known
        return known

    def _tries(self, doc: Doc) -> list[tuple[list[int], int]]:
        if len(doc) == 0:
            return []
        arr = doc.to_array([LOWER, SHAPE, LIKE_NUM, IDX]).astype("uint64")
        is_trigger = in_table(arr[:, 0], self._trigger_ids)
        for shape_id in numpy.unique(arr[:, 1]):
            if self._digit_shape(doc, int(shape_id)):
                is_trigger |= arr[:, 1] == shape_id
        triggers = numpy.flatnonzero(is_trigger).tolist()
        if not triggers:
            return []
        # a token may open the expression: a prefix word or number-like
        opener = (in_table(arr[:, 0], self._prefix_ids) | (arr[:, 2] == 1)).tolist()
        idx = arr[:, 3].tolist()
        tries = []
        for i in triggers:
            j = i
            while j > 0 and i - j < MAX_PREFIX_TOKENS and opener[j - 1]:
                j -= 1
            tries.append((idx[j:i + 1], idx[i]))
        return tries

    def _is_false_positive(self, doc: Doc, c: Candidate, names: "_Names") -> bool:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return True
        if c.text in self._numeric_names:
            return True                   # "9/11", "24/7"
        month = c.groups.get("month")
        if month:
            tok = next((t for t in span if t.idx >= c.start + c.text.find(month)), span[-1])
            if (tok.tag_ == "MD" or tok.tag_.startswith("VB")) and (c.kind == "month" or month.islower()):
                return True               # "They may meet", "march on"
            if c.kind == "month" and not c.groups.get("pmod") and names.is_name(tok):
                return True               # "April Ryan", "Theresa May", "surprised May"
        if c.kind == "year":
            tok = next((t for t in span if t.text[-4:].isdigit()), span[-1])
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if nxt is not None and tok.head.i == nxt.i and tok.dep_ in _NAME_DEPS:
                if nxt.text[:1].isupper() and nxt.lower_ not in _TIME_WORDS:
                    return True           # "the 2030 Agenda", "2024 Olympics"
                if nxt.tag_ in ("NNS", "NNPS"):
                    return True           # "2000 troops"
            if prev is not None and not c.groups.get("the") and not c.groups.get("pmod"):
                if prev.text[:1].isupper() and prev.pos_ in ("PROPN", "NOUN") and prev.ent_type_ != "DATE" \
                        and not prev.is_sent_start:
                    return True           # "Resolution 1701", "Vision 2030"
        unit = c.groups.get("unit")
        if unit and unit.lower() == "second" and span.end < len(doc) and doc[span.end].is_alpha:
            return True                   # "a second round": the ordinal, not the unit
        if c.kind in ("set_adv", "deictic") and c.text[:1].isupper() and span[0].i > 0 \
                and not span[0].is_sent_start and doc[span[0].i - 1].text[:1].isupper():
            return True                   # "China Daily", "USA Today"
        return False

    # -- resolving ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        base = reference_date_of(doc)
        dct = _to_date(base)
        text = doc_text(doc)
        narrative = narrative_year(text, dct)
        doc._.communique_narrative_date = str(narrative) if narrative is not None else None
        ctx = Context(dct=dct, narrative=narrative)
        items = []
        names = _Names(doc, self._titles, self._month_words)
        resolved = []
        candidates = join_compounds(share_range_years(self._split(find_candidates(text, self._tries(doc))), text), text)
        for c in candidates:
            if overlaps(c.start, c.end, blocked) or self._is_false_positive(doc, c, names):
                continue
            tense = _lazy_tense(doc, c)
            result = normalize(c, ctx, tense)
            if result is None:
                continue
            typ, value, anchor, point = result
            if value is None and typ == "DATE" and c.kind in ("mdy", "dmy") and base:
                value = _dateparser(c.text, base)
                anchor = "document" if value else "none"
            if point is not None:
                ctx.previous = point
            items.append({"text": c.text, "start": c.start, "end": c.end, "type": typ,
                          "value": value, "anchor": anchor})
            resolved.append(c)
        anchor_quoted_deictics(text, blocked, dct, resolved, items)
        set_results(doc, "dates", items)
        return doc

    @staticmethod
    def _split(candidates: list[Candidate]) -> list[Candidate]:
        """A year range "2023-2024" is two dates, as in TimeML."""
        out = []
        for c in candidates:
            if c.kind != "year_range":
                out.append(c)
                continue
            first, second = c.groups["year"], c.groups["year2"]
            end2 = c.start + len(c.text)
            out.append(Candidate("year", c.start, c.start + 4, first, {"year": first}))
            out.append(Candidate("year", end2 - 4, end2, second, {"year": second, "the": "range"}))
        return out


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset:
    """Words that stand before a surname: the last word of each title of ``titles.tsv``
    ("minister", "president" ...) and honorifics ("Mrs", "Dr")."""
    words = set(lexicon()["name_titles_extra"])
    path = PATTERNS_DIR / "titles.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.split("\t", 1)[0].split()[-1].lower())
    return frozenset(words)


class _Names:
    """Is a month word a person's name here? Inside a PERSON entity ("Theresa May"), after a
    title or first name ("Prime Minister May", "Mrs May"), or bare (no preposition, day,
    year or modifier: "surprised May") in a text that names a person so."""

    def __init__(self, doc: Doc, titles: frozenset, months: frozenset):
        self._doc, self._titles, self._months = doc, titles, months
        self._ranges: list[tuple[int, int]] = []
        self._surnames: set[str] = set()
        self._ready = False

    def _read(self) -> None:
        """The PERSON entities, read once and only when a bare month is checked."""
        self._ready = True
        doc, months = self._doc, self._months
        for ent in results(doc, "entities"):
            if ent.get("label") == "PERSON":
                self._ranges.append((ent["start"], ent["end"]))
                last = ent["text"].split()[-1].lower() if ent["text"].split() else ""
                if last in months and len(ent["text"].split()) > 1:
                    self._surnames.add(last)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._ranges.append((ent.start_char, ent.end_char))

    def is_name(self, tok) -> bool:
        if not self._ready:
            self._read()
        if tok.ent_type_ == "PERSON" or overlaps(tok.idx, tok.idx + len(tok.text), self._ranges):
            return True
        prev = tok.nbor(-1) if tok.i > 0 else None
        if prev is not None and (prev.lower_ in self._titles or (
                prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i and prev.ent_type_ != "DATE")):
            return True
        if tok.lower_ in self._surnames and tok.dep_ != "pobj" and not (
                tok.i > 0 and tok.nbor(-1).lower_ in ("of", "to", "and", "or", "-", "–")):
            return True           # a bare month word, no preposition, in a text naming a Mrs May
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return tok.lower_ in self._surnames and nxt is not None and nxt.tag_ == "POS"


def _lazy_tense(doc: Doc, c: Candidate):
    cache: list[str] = []

    def tense() -> str:
        if not cache:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            cache.append(tense_at(span) if span is not None else "present")
        return cache[0]

    return tense


def _to_date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@Language.factory("communique_dates",
                  assigns=["doc._.communique_dates", "doc._.communique_narrative_date"],
                  requires=["token.tag", "token.dep"])
def make_dates(nlp: Language, name: str) -> DateExtractor:
    return DateExtractor(nlp, name)
