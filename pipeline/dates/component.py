"""Temporal expressions: find every one, normalize it to TIMEX3, anchor it as a careful
reader would.

Data flow, each step in its own module:

* :mod:`pipeline.dates.grammar` — the candidate finder: one regex built from
  ``patterns/dates_grammar.tsv`` + ``patterns/dates_lexicon.json``, tried only where a
  trigger token (month, weekday, unit, year-like number, "now", ...) stands, so its cost
  grows with the number of dates, not with the length of the text;
* :mod:`pipeline.dates.joins` — ranges split, range years shared, compounds joined,
  anchored durations ("a month earlier") cut to their duration;
* :mod:`pipeline.dates.filters` — token checks the regex cannot make ("may" as a verb,
  "2030 Agenda" as a name, "2000 troops" as a figure, "a 22-year-old" as an age);
* this module — the dateline and headings skipped, the narrative year detected, and the
  expressions resolved in reading order so that "Two months later" counts from the date
  before it;
* :mod:`pipeline.dates.anchoring` — tense of the clause, narrative year of a retrospective;
* :mod:`pipeline.dates.values` — TIMEX3 values at the written granularity and the anchor used;
* :mod:`pipeline.dates.event_anchors` — "a day before the G20 summit" counted from the
  summit's date when the article gives it.

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
from pipeline.dates.calendar import Context, fmt
from pipeline.dates.event_anchors import anchor_on_events
from pipeline.dates.filters import FalseAlarms
from pipeline.dates.grammar import (
    GRAMMAR_FILE,
    LEXICON_FILE,
    Candidate,
    date_lexicon,
    find_candidates,
    master_pattern,
    trigger_words,
)
from pipeline.dates.joins import (
    anchor_durations,
    anchor_quoted_deictics,
    join_compounds,
    share_range_years,
    split_ranges,
)
from pipeline.dates.names import TITLES_FILE, PersonNames, title_words
from pipeline.dates.values import mod_of, normalize
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
# quantity words that are prepositions when they head a phrase ("found over seven years")
_PREPOSITION_QMODS = frozenset({"over", "under", "around", "about"})


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
        self._false_alarm = FalseAlarms(frozenset(lex["numeric_date_names"]))
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
            or shape in ("dxx", "ddxx", "XXdd")  # "1st", "22nd", "FY25"
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
        clamped = []
        for c in candidates:
            if overlaps(c.start, c.end, blocked):
                continue
            bounds = chars.bounds(c.start, c.end)
            if self._false_alarm(doc, c, bounds, chars, names):
                continue
            c, bounds = _without_preposition(doc, c, bounds, chars)
            tense = _lazy_tense(doc, bounds)
            ctx.clamped = False
            try:
                result = normalize(c, ctx, tense)
            except (OverflowError, ValueError):  # a date no calendar holds: left open
                result, ctx.clamped = (("DATE", None, "none", None)), True
            if result is None:
                continue
            typ, value, anchor, point = result
            if ctx.clamped:
                clamped.append(c.text)
            if value is None and typ == "DATE" and c.kind in ("mdy", "dmy") and base:
                value = _dateparser(c.text, base)
                anchor = "document" if value else "none"
            if point is not None:
                ctx.previous, ctx.previous_end = point, c.end
            item = {
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "type": typ,
                "value": value,
                "anchor": anchor,
            }
            mod = mod_of(c, typ)
            if mod:
                item["mod"] = mod
            if typ == "DURATION" and point is not None:
                item["point"] = fmt(point.day, point.grain)  # "a month earlier": the month it names
            items.append(item)
            spans.append(Span(doc, bounds[0], bounds[1], label=typ))
            resolved.append(c)
        if chars is not None:
            anchor_on_events(doc, ctx, resolved, items, chars)
        if clamped:
            _warn(doc, clamped)
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
        return chars, anchor_durations(join_compounds(share_range_years(split_ranges(found), text), text))


def _without_preposition(doc: Doc, c: Candidate, bounds, chars) -> tuple[Candidate, tuple[int, int]]:
    """The expression without a first word that is not part of it: "over" heading the
    phrase ("found over seven years": a preposition, not "more than"), the verb "last"
    ("meant to last a few months": a duration, not "the last few months")."""
    lead, groups, kind = c.groups.get("qmod"), None, c.kind
    if lead and lead.lower() in _PREPOSITION_QMODS and doc[bounds[0]].dep_ == "prep":
        groups = dict(c.groups, qmod=None)
    elif (
        c.kind == "rel_dur"
        and (c.groups.get("rel") or "").lower() == "last"
        and doc[bounds[0]].pos_ == "VERB"
    ):
        lead, groups, kind = c.groups["rel"], {"num": c.groups["num"], "unit": c.groups["unit"]}, "duration"
    if groups is None:
        return c, bounds
    cut = len(lead) + len(c.text[len(lead) :]) - len(c.text[len(lead) :].lstrip())
    c = Candidate(kind, c.start + cut, c.end, c.text[cut:], groups)
    return c, chars.bounds(c.start, c.end)


def _warn(doc: Doc, texts: list[str]) -> None:
    """A warning on the article for values clamped to the calendar's range."""
    meta = doc._.communique_meta
    if isinstance(meta, dict):
        shown = ", ".join(repr(t) for t in texts[:5]) + (" ..." if len(texts) > 5 else "")
        meta.setdefault("warnings", []).append(
            f"dates: value clamped to the calendar's years 0001-9999: {shown}"
        )


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
