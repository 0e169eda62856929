"""Small helpers shared by communique's spaCy components, and the ``doc._`` extensions
they share (:func:`register_extensions`).

The document date relative dates are anchored on is ``doc._.communique_reference_date``:
set it on a Doc before the pipeline runs (a ``YYYY-MM-DD`` string or a ``datetime.date``);
left unset on a Doc nobody prepared, it is the date of the article's dateline, if any.

>>> doc = nlp.make_doc("Xi met Putin on Tuesday.")             # doctest: +SKIP
>>> doc._.communique_reference_date = "2025-03-12"             # doctest: +SKIP
>>> reference_date_of(doc)                                     # doctest: +SKIP
'2025-03-12'
"""

from __future__ import annotations

import bisect
import itertools
from typing import Iterable, Optional

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from models import RECORD_KINDS

TEXT_KEY = "communique_text"
SENT_STARTS_KEY = "communique_sent_starts"


def set_results(
    doc: Doc, kind: str, items: list[dict], label: Optional[str] = None, spans: Optional[list[Span]] = None
) -> None:
    """Store a component's records: plain dicts on ``doc._.communique_<kind>`` and
    token-aligned spans (labelled ``label`` or the item's ``type``/``kind``) on
    ``doc.spans["communique_<kind>"]``; a component that already has the items' spans
    passes them as ``spans``."""
    setattr(doc._, f"communique_{kind}", items)
    if spans is None:
        spans = []
        for item in items:
            span = doc.char_span(
                item["start"],
                item["end"],
                alignment_mode="expand",
                label=label or str(item.get("type") or item.get("kind") or item.get("label") or kind),
            )
            if span is not None:
                spans.append(span)
    doc.spans[f"communique_{kind}"] = spans


def entity_spans(doc: Doc, entities: list[dict]) -> list[Optional[Span]]:
    """The tokens of each entity record: the spans the entities component stored with
    them (``doc.spans["communique_entities"]``, one per record, in order), else each
    record's characters expanded to tokens (``doc.char_span`` costs more per record)."""
    stored = list(doc.spans["communique_entities"]) if "communique_entities" in doc.spans else []
    if len(stored) == len(entities) and all(
        s.start_char == e["start"] and s.end_char == e["end"] for s, e in zip(stored, entities)
    ):
        return stored
    return [doc.char_span(e["start"], e["end"], alignment_mode="expand") for e in entities]


def results(doc: Doc, kind: str) -> list[dict]:
    """A component's records on ``doc`` (empty when it has not run)."""
    return getattr(doc._, f"communique_{kind}", None) or []


def meta(doc: Doc) -> dict:
    """What the reader knew about the article: reference date, dateline, ..."""
    return doc._.communique_meta or {}


def reference_date_of(doc: Doc) -> Optional[str]:
    """The document creation time (ISO date) relative dates are anchored on, or None: the
    one the reader set (:func:`pipeline.run.records.prepare_doc`, or
    ``doc._.communique_reference_date``), else, on a Doc nobody prepared, the date of its
    dateline (``WASHINGTON, March 12, 2025 (Reuters) -``), as the reader would pick it."""
    known = meta(doc)
    if "reference_date" in known:
        return known["reference_date"]
    from pipeline.document.reference_date import reading_context

    return reading_context(doc_text(doc)).date.value


def _set_reference_date(doc: Doc, value) -> None:
    """``doc._.communique_reference_date = "2025-03-12"`` (or a date; None: no date)."""
    from pipeline.document.reference_date import as_reference_date

    date = as_reference_date(value)
    doc._.communique_meta = {
        **meta(doc),
        "reference_date": date,
        "reference_date_source": "option" if date else "none",
    }


class CharRanges(tuple):
    """Character ranges ``(start, end)``, in the order given (a tuple of them), indexed so
    that :func:`overlaps` answers in O(log n) rather than walking every range: a document
    with thousands of headings, names or masks would otherwise make each check linear and
    a component quadratic."""

    def __new__(cls, ranges: Iterable[tuple[int, int]] = ()):
        self = super().__new__(cls, ranges)
        order = sorted(self)
        self._starts = [r_start for r_start, _ in order]
        self._max_ends = list(itertools.accumulate((r_end for _, r_end in order), max))
        return self

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a range overlaps ``[start, end)``: one with ``r_start < end`` (the
        first ``k`` by start) and ``start < r_end`` (the largest end among them)."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and start < self._max_ends[k - 1]


def blocked_char_ranges(doc: Doc) -> CharRanges:
    """Dateline and heading character ranges, which no extractor reports from."""
    ranges = []
    for key in ("communique_dateline", "communique_headings"):
        if key in doc.spans:
            ranges.extend((s.start_char, s.end_char) for s in doc.spans[key])
    return CharRanges(ranges)


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether any of ``ranges`` overlaps ``[start, end)`` (indexed for :class:`CharRanges`)."""
    if isinstance(ranges, CharRanges):
        return ranges.overlaps(start, end)
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


# -- per-doc caches: spaCy rebuilds these on every access -----------------------------------
def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc (spaCy joins every token on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def sent_starts(doc: Doc) -> list[int]:
    """Token index of each sentence start, computed once per parsed doc (``Token.sent``
    and ``doc.sents`` walk the document on every call). Only for docs whose sentence
    boundaries are final (after the parser)."""
    starts = doc.user_data.get(SENT_STARTS_KEY)
    if starts is None:
        if len(doc):
            flags = doc.to_array([SENT_START]).reshape(-1)
            flags[0] = 1
            starts = numpy.flatnonzero(flags == 1).tolist()
        else:
            starts = []
        doc.user_data[SENT_STARTS_KEY] = starts
    return starts


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """``(start, end)`` token indices of the sentence holding token ``i``."""
    starts = sent_starts(doc)
    k = bisect.bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def sent_of(doc: Doc, i: int, end: Optional[int] = None) -> Span:
    """The sentence of token ``i``, the span ``doc[i].sent`` would give; with ``end``,
    ``doc[i:end].sent`` (from the sentence of ``i`` to the one of ``end - 1``)."""
    if end is None or end <= i + 1:
        start, stop = sent_bounds(doc, i)
        return doc[start:stop]
    starts = sent_starts(doc)
    k = bisect.bisect_left(starts, end)
    return doc[sent_bounds(doc, i)[0] : starts[k] if k < len(starts) else len(doc)]


def sorted_ids(values: Iterable) -> numpy.ndarray:
    """A lookup table for :func:`in_table`: sorted unique uint64 hashes."""
    return numpy.array(sorted(set(values)), dtype=numpy.uint64)


def in_table(values: numpy.ndarray, table: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, table)`` for a sorted ``table``, by binary search (``isin``
    sorts both arrays on every call: slower on the few hundred tokens of an article)."""
    if not len(table):
        return numpy.zeros(len(values), dtype=bool)
    idx = numpy.searchsorted(table, values)
    idx[idx == len(table)] = 0
    return table[idx] == values


def register_extensions() -> None:
    """Register ``doc._.communique_*`` once (plain values only, never spaCy objects)."""
    for kind in RECORD_KINDS:
        if not Doc.has_extension(f"communique_{kind}"):
            Doc.set_extension(f"communique_{kind}", default=None)
    if not Doc.has_extension("communique_meta"):
        # {"reference_date": "YYYY-MM-DD" | None, ...} set before the pipeline runs
        Doc.set_extension("communique_meta", default=None)
    if not Doc.has_extension("communique_narrative_date"):
        Doc.set_extension("communique_narrative_date", default=None)
    if not Doc.has_extension("communique_reference_date"):
        # the documented way to give a Doc its document date (read and written through the meta)
        Doc.set_extension("communique_reference_date", getter=reference_date_of, setter=_set_reference_date)
