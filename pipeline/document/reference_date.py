"""The document date, which relative dates ("on Tuesday", "last year") are anchored on,
and the rest of what the reader knows about an article before the pipeline runs.

The policy: the article's JSONL ``date``, else the date of a dateline that gives a full
date, else the ``--reference-date`` option, else none (relative dates stay unresolved,
with a warning on the record).

>>> document_date(None, Dateline(date="2024-02-11", text="BEIJING, Feb. 11 (Xinhua) --"), "2024-03-01")
DocumentDate(value='2024-02-11', source='dateline')
>>> reading_context("Xi met Putin.", option_date="2024-03-01").date
DocumentDate(value='2024-03-01', source='option')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Optional

from models import Dateline
from pipeline.document.front_matter import parse_front_matter

DateSource = Literal["jsonl", "dateline", "option", "none"]
NO_DATE_WARNING = (
    "no document date (no JSONL 'date', no dated dateline, no "
    "--reference-date): relative dates are left unresolved"
)


def as_reference_date(value) -> Optional[str]:
    """``YYYY-MM-DD`` from a ``YYYY-MM-DD`` string or a :class:`datetime.date` (None stays
    None); a ValueError for another string, a TypeError for another type, each saying what
    is wanted.

    >>> as_reference_date(dt.date(2025, 3, 12)), as_reference_date("2025-03-12")
    ('2025-03-12', '2025-03-12')
    """
    if value is None:
        return None
    if isinstance(value, dt.date):  # a datetime is a date too: its day
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise TypeError(
            f"reference_date must be a YYYY-MM-DD string or a datetime.date, not {type(value).__name__}"
        )
    if len(value) == 10:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"reference_date={value!r}: want YYYY-MM-DD or a datetime.date")


@dataclass(frozen=True)
class DocumentDate:
    """The ISO date relative dates are anchored on (None: no anchor), and where it came from."""

    value: Optional[str] = None
    source: DateSource = "none"


def document_date(
    jsonl_date: Optional[str], dateline: Optional[Dateline], option_date: Optional[str]
) -> DocumentDate:
    """JSONL ``date`` > full dateline date (not ``XXXX-02-11``) > the ``--reference-date`` option."""
    if jsonl_date:
        return DocumentDate(jsonl_date, "jsonl")
    if dateline is not None and dateline.date and not dateline.date.startswith("X"):
        return DocumentDate(dateline.date, "dateline")
    if option_date:
        return DocumentDate(option_date, "option")
    return DocumentDate()


@dataclass
class ReadingContext:
    """What the reader knows about an article: its document date, dateline and title, the
    spans of its front matter, and warnings for the record.

    On the Doc it is stored as plain values (:meth:`as_meta`, ``doc._.communique_meta``),
    which components read (the document date, the front matter spans) and extend (warnings).
    """

    date: DocumentDate = field(default_factory=DocumentDate)
    dateline: Optional[Dateline] = None
    title: Optional[str] = None
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_spans: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_meta(self) -> dict:
        """The plain dict for ``doc._.communique_meta``."""
        return {
            "reference_date": self.date.value,
            "reference_date_source": self.date.source,
            "title": self.title,
            # read by the structure component, so the front matter is parsed once
            "title_spans": self.title_spans,
            "dateline_spans": self.dateline_spans,
            "dateline": self.dateline.model_dump() if self.dateline else None,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_meta(cls, meta: Optional[dict]) -> ReadingContext:
        """The context back from ``doc._.communique_meta`` (None: a Doc nobody prepared),
        with the warnings components added."""
        meta = meta or {}
        dateline = meta.get("dateline")
        return cls(
            date=DocumentDate(meta.get("reference_date"), meta.get("reference_date_source", "none")),
            dateline=Dateline.model_validate(dateline) if dateline is not None else None,
            title=meta.get("title"),
            title_spans=list(meta.get("title_spans", [])),
            dateline_spans=list(meta.get("dateline_spans", [])),
            warnings=list(meta.get("warnings", [])),
        )


def reading_context(
    text: str, jsonl_date: Optional[str] = None, option_date: Optional[str] = None
) -> ReadingContext:
    """The context of an article of ``text``: its front matter (a dateline without a year
    takes it from the JSONL date or the option) and its document date (:func:`document_date`)."""
    front = parse_front_matter(text, reference=jsonl_date or option_date)
    date = document_date(jsonl_date, front.dateline, option_date)
    warnings = [NO_DATE_WARNING] if date.value is None and text.strip() else []
    return ReadingContext(
        date=date,
        dateline=front.dateline,
        title=front.title,
        title_spans=front.title_spans,
        dateline_spans=front.dateline_spans,
        warnings=warnings,
    )
