"""Temporal expressions: find every one, normalize it to TIMEX3, anchor it as a careful
reader would.

Data flow, each step in its own module:

* :mod:`pipeline.dates.grammar` — the candidate finder: one regex built from
  ``patterns/dates_grammar.tsv`` + ``patterns/dates_lexicon.json``, tried only where a
  trigger token (month, weekday, unit, year-like number, "now", ...) stands, so its cost
  grows with the number of dates, not with the length of the text;
* this module — token checks the regex cannot make ("may" as a verb, "2030 Agenda" as a
  name, "2000 troops" as a figure), the dateline and headings skipped, the narrative
  year detected, and the expressions resolved in reading order so that "Two months later"
  counts from the date before it;
* :mod:`pipeline.dates.anchoring` — tense of the clause, narrative year of a retrospective;
* :mod:`pipeline.dates.values` — TIMEX3 values at the written granularity and the anchor used.

Spans follow TimeML: no leading preposition ("in September" → "September"), with the
determiner ("the past year"). dateparser (cached, ``languages=["en"]``, explicit base
date) is only asked about calendar-date candidates the grammar could not decompose.

>>> from conftest import run, results                                    # doctest: +SKIP
>>> [d["value"] for d in results(run(nlp, "In September, Xi spoke.", "2024-12-01"), "dates")]  # doctest: +SKIP
['2024-09']
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import Optional

import numpy
from spacy.attrs import IDX, LENGTH, LIKE_NUM, LOWER, SHAPE
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.dates.anchoring import narrative_year, tense_at
from pipeline.dates.calendar import Context
from pipeline.dates.grammar import (
    GRAMMAR_FILE,
    LEXICON_FILE,
    Candidate,
    date_lexicon,
    find_candidates,
    master_pattern,
    trigger_words,
)
from pipeline.dates.joins import anchor_quoted_deictics, join_compounds, share_range_years
from pipeline.dates.names import TITLES_FILE, PersonNames, title_words
from pipeline.dates.values import normalize
from pipeline.document.access import (
    blocked_char_ranges,
    doc_text,
    overlaps,
    reference_date_of,
    register_extensions,
    set_results,
)

MAX_PREFIX_TOKENS = 6  # words before a trigger an expression may start at ("the last two weeks")
NARRATIVE_WINDOW = 800  # characters of the opening read for a retrospective's cues
_NAME_DEPS = {"nummod", "compound", "amod", "nmod", "npadvmod"}
_TIME_WORDS = frozenset({"summit", "budget"})  # "the 2024 budget" stays a date


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: str) -> Optional[str]:
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime.fromisoformat(base), "REQUIRE_PARTS": ["day", "month"]},
    )
    return parsed.date().isoformat() if parsed else None


class DateExtractor:
    """spaCy component writing ``doc._.communique_dates`` and ``doc._.communique_narrative_date``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "communique_dates",
        *,
        grammar_file: str = GRAMMAR_FILE,
        lexicon_file: str = LEXICON_FILE,
        titles_file: str = TITLES_FILE,
        max_prefix_tokens: int = MAX_PREFIX_TOKENS,
        narrative_window: int = NARRATIVE_WINDOW,
    ):
        if lexicon_file != LEXICON_FILE:
            # the TIMEX3 values (calendar, values, joins, anchoring) read the packaged lexicon
            raise ValueError(f"communique_dates: only lexicon_file={LEXICON_FILE!r} is supported")
        self.name = name
        self.grammar_file, self.lexicon_file = grammar_file, lexicon_file
        self.max_prefix_tokens, self.narrative_window = max_prefix_tokens, narrative_window
        master_pattern(grammar_file, lexicon_file)  # compile once, at init
        trig, prefix = trigger_words(lexicon_file)
        strings = nlp.vocab.strings
        trig_ids = {strings.add(w) for w in trig}
        prefix_ids = {strings.add(w) for w in prefix}
        # the LOWER ids of the trigger and prefix words, with what each is (one lookup per
        # doc); and every SHAPE id seen so far, with whether it is a date-like digit shape
        ids = sorted(trig_ids | prefix_ids)
        self._words = _FlagTable(ids, [_TRIGGER * (i in trig_ids) | _OPENER * (i in prefix_ids) for i in ids])
        self._shapes = _FlagTable([], [])
        lex = date_lexicon(lexicon_file)
        self._numeric_names = frozenset(lex["numeric_date_names"])
        self._titles = title_words(titles_file, lexicon_file)
        self._month_words = frozenset(lex["months"])

    # -- finding --------------------------------------------------------------------------
    @staticmethod
    def _digit_shape(shape: str) -> bool:
        return (
            "dddd" in shape
            or (":" in shape and "d" in shape)
            or ("/" in shape and shape.count("d") >= 3)
            or shape in ("dds", "'dds", "ddx", "'ddx", "Xd")
            or shape in ("dxx", "ddxx")
            or (shape.count(".") == 2 and "dddd" in shape)
        )

    def _digit_shapes(self, doc: Doc, shapes: numpy.ndarray) -> numpy.ndarray:
        """Which tokens have a date-like digit shape ("dddd", "dd:dd", "d/d/dddd", "ddth")."""
        flags = self._shapes.flags(shapes)
        new = shapes[flags == _UNSEEN]
        if len(new):  # shapes not seen before: test and add them
            new = numpy.unique(new).tolist()
            self._shapes.add(new, [_TRIGGER * self._digit_shape(doc.vocab.strings[i]) for i in new])
            flags = self._shapes.flags(shapes)
        return flags == _TRIGGER

    def _tries(self, doc: Doc, arr: numpy.ndarray, idx: list[int]) -> list[tuple[list[int], int]]:
        """Per trigger token, the offsets where an expression holding it may start
        (see :func:`find_candidates`)."""
        words = self._words.flags(arr[:, 0])
        is_trigger = (words & _TRIGGER).astype(bool) | self._digit_shapes(doc, arr[:, 1])
        triggers = numpy.flatnonzero(is_trigger).tolist()
        if not triggers:
            return []
        # a token may open the expression: a prefix word or number-like
        opener = ((words & _OPENER).astype(bool) | (arr[:, 2] == 1)).tolist()
        tries = []
        for i in triggers:
            j = i
            while j > 0 and i - j < self.max_prefix_tokens and opener[j - 1]:
                j -= 1
            tries.append((idx[j : i + 1], idx[i]))
        return tries

    def _is_false_positive(
        self,
        doc: Doc,
        c: Candidate,
        bounds: Optional[tuple[int, int]],
        chars: "_TokenChars",
        names: PersonNames,
    ) -> bool:
        if bounds is None:
            return True
        first, end = bounds
        if c.text in self._numeric_names:
            return True  # "9/11", "24/7"
        month = c.groups.get("month")
        if month:
            at = c.start + c.text.find(month)
            tok = doc[next((i for i in range(first, end) if chars.starts[i] >= at), end - 1)]
            if (tok.tag_ == "MD" or tok.tag_.startswith("VB")) and (c.kind == "month" or month.islower()):
                return True  # "They may meet", "march on"
            if c.kind == "month" and not c.groups.get("pmod") and names.is_name(tok):
                return True  # "April Ryan", "Theresa May", "surprised May"
        if c.kind == "year":
            tok = doc[next((i for i in range(first, end) if chars.text_of(i)[-4:].isdigit()), end - 1)]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if nxt is not None and tok.head.i == nxt.i and tok.dep_ in _NAME_DEPS:
                if nxt.text[:1].isupper() and nxt.lower_ not in _TIME_WORDS:
                    return True  # "the 2030 Agenda", "2024 Olympics"
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

    # -- resolving ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        base = reference_date_of(doc)
        dct = _to_date(base)
        text = doc_text(doc)
        narrative = narrative_year(text, dct, self.narrative_window)
        doc._.communique_narrative_date = str(narrative) if narrative is not None else None
        ctx = Context(dct=dct, narrative=narrative)
        items = []
        names = PersonNames(doc, self._titles, self._month_words)
        resolved = []
        spans = []
        chars, candidates = self._candidates(doc, text)
        for c in candidates:
            if overlaps(c.start, c.end, blocked):
                continue
            bounds = chars.bounds(c.start, c.end)
            if self._is_false_positive(doc, c, bounds, chars, names):
                continue
            tense = _lazy_tense(doc, bounds)
            try:
                result = normalize(c, ctx, tense)
            except OverflowError:  # "next year" in a document dated 9999-12-31: no such date
                result = ("DATE", None, "none", None)
            if result is None:
                continue
            typ, value, anchor, point = result
            if value is None and typ == "DATE" and c.kind in ("mdy", "dmy") and base:
                value = _dateparser(c.text, base)
                anchor = "document" if value else "none"
            if point is not None:
                ctx.previous = point
            items.append(
                {
                    "text": c.text,
                    "start": c.start,
                    "end": c.end,
                    "type": typ,
                    "value": value,
                    "anchor": anchor,
                }
            )
            spans.append(Span(doc, bounds[0], bounds[1], label=typ))
            resolved.append(c)
        anchor_quoted_deictics(text, blocked, dct, resolved, items)
        set_results(doc, "dates", items, spans=spans)
        return doc

    def _candidates(self, doc: Doc, text: str) -> tuple[Optional[_TokenChars], list[Candidate]]:
        """The tokens' offsets, and the candidates tried at the trigger tokens: year ranges
        split, range years shared, compound durations joined."""
        if len(doc):
            arr = doc.to_array([LOWER, SHAPE, LIKE_NUM, IDX, LENGTH])
            chars = _TokenChars(text, arr[:, 3].tolist(), arr[:, 4].tolist())
            tries = self._tries(doc, arr, chars.starts)
        else:
            chars, tries = None, []
        found = find_candidates(text, tries, self.grammar_file, self.lexicon_file)
        return chars, join_compounds(share_range_years(self._split(found), text), text)

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


def _lazy_tense(doc: Doc, bounds: tuple[int, int]):
    cache: list[str] = []

    def tense() -> str:
        if not cache:
            cache.append(tense_at(doc[bounds[0] : bounds[1]]))
        return cache[0]

    return tense


_TRIGGER, _OPENER, _UNSEEN = 1, 2, 4


class _FlagTable:
    """Flags of string ids (``LOWER``, ``SHAPE`` ...), looked up for a whole doc at once: a
    sorted id table searched with numpy. Ids not in the table get ``_UNSEEN``."""

    _END = numpy.iinfo(numpy.uint64).max  # a last row keeps every search position in range

    def __init__(self, ids: list[int], flags: list[int]):
        self._ids = numpy.array([], dtype=numpy.uint64)
        self._flags = numpy.array([], dtype=numpy.uint8)
        self.add(ids, flags)

    def add(self, ids: list[int], flags: list[int]) -> None:
        known = dict(zip(self._ids[:-1].tolist(), self._flags[:-1].tolist()))
        known.update(zip(ids, flags))
        order = sorted(known)
        self._ids = numpy.array(order + [self._END], dtype=numpy.uint64)
        self._flags = numpy.array([known[i] for i in order] + [0], dtype=numpy.uint8)

    def flags(self, values: numpy.ndarray) -> numpy.ndarray:
        pos = numpy.searchsorted(self._ids, values)
        return numpy.where(self._ids[pos] == values, self._flags[pos], numpy.uint8(_UNSEEN))


class _TokenChars:
    """The tokens' character offsets, read once per doc: what ``doc.char_span(start, end,
    alignment_mode="expand")`` finds, without making a Token or Span per question."""

    def __init__(self, text: str, starts: list[int], lengths: list[int]):
        self.text, self.starts, self.lengths = text, starts, lengths

    def text_of(self, i: int) -> str:
        return self.text[self.starts[i] : self.starts[i] + self.lengths[i]]

    def bounds(self, start: int, end: int) -> Optional[tuple[int, int]]:
        """``(first token, end token)`` of the tokens the characters touch, or None."""
        if not (0 <= start < len(self.text) and 0 < end <= len(self.text)):
            return None
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_right(self.starts, end - 1) - 1
        if start == self.starts[first] + self.lengths[first]:
            first += 1  # in the whitespace after a token: not that token
        return first, last + 1


def _to_date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@Language.factory(
    "communique_dates",
    default_config={
        "grammar_file": GRAMMAR_FILE,
        "lexicon_file": LEXICON_FILE,
        "titles_file": TITLES_FILE,
        "max_prefix_tokens": MAX_PREFIX_TOKENS,
        "narrative_window": NARRATIVE_WINDOW,
    },
    assigns=["doc._.communique_dates", "doc._.communique_narrative_date", "doc.spans"],
    requires=[
        "doc._.communique_entities",
        "token.tag",
        "token.pos",
        "token.dep",
        "token.lemma",
        "token.ent_type",
        "token.is_sent_start",
    ],
)
def make_dates(
    nlp: Language,
    name: str,
    grammar_file: str,
    lexicon_file: str,
    titles_file: str,
    max_prefix_tokens: int,
    narrative_window: int,
) -> DateExtractor:
    """The dates component; data files are named relative to ``pipeline/patterns``."""
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return DateExtractor(
        nlp,
        name,
        grammar_file=grammar_file,
        lexicon_file=lexicon_file,
        titles_file=titles_file,
        max_prefix_tokens=max_prefix_tokens,
        narrative_window=narrative_window,
    )
