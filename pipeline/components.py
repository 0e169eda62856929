"""Small helpers shared by communique's spaCy components.

>>> reference_date_of(nlp.make_doc("x"))   # doctest: +SKIP
None
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span


def set_results(doc: Doc, kind: str, items: list[dict], label: Optional[str] = None) -> None:
    """Store a component's records: plain dicts on ``doc._.communique_<kind>`` and
    token-aligned spans (labelled ``label`` or the item's ``type``/``kind``) on
    ``doc.spans["communique_<kind>"]``."""
    setattr(doc._, f"communique_{kind}", items)
    spans = []
    for item in items:
        span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end,
                              label=label or str(item.get("type") or item.get("kind")
                                                  or item.get("label") or kind)))
    doc.spans[f"communique_{kind}"] = spans


def results(doc: Doc, kind: str) -> list[dict]:
    """A component's records on ``doc`` (empty when it has not run)."""
    return getattr(doc._, f"communique_{kind}", None) or []


def meta(doc: Doc) -> dict:
    """What the reader knew about the article: reference date, dateline, ..."""
    return doc._.communique_meta or {}


def reference_date_of(doc: Doc) -> Optional[str]:
    """The document creation time (ISO date) relative dates are anchored on, or None."""
    return meta(doc).get("reference_date")


def blocked_char_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Dateline and heading character ranges, which no extractor reports from."""
    ranges = []
    for key in ("communique_dateline", "communique_headings"):
        if key in doc.spans:
            ranges.extend((s.start_char, s.end_char) for s in doc.spans[key])
    return ranges


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < r_end and r_start < end for r_start, r_end in ranges)
