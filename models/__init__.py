"""Pydantic v2 schemas of everything communique emits (no NLP imports).

>>> from models import ArticleExtraction
>>> ArticleExtraction(id="a", text="Xi met Putin.").dates
[]
"""

from models.records import (
    RECORD_KINDS,
    SCHEMA_VERSION,
    AnchorKind,
    ArticleExtraction,
    Dateline,
    DateType,
    Entity,
    Event,
    EventStatus,
    Figure,
    FigureKind,
    Qualifier,
    Quote,
    QuoteKind,
    TemporalExpression,
    span_mismatch,
)

__all__ = [
    "AnchorKind",
    "ArticleExtraction",
    "Dateline",
    "DateType",
    "Entity",
    "Event",
    "EventStatus",
    "Figure",
    "FigureKind",
    "Qualifier",
    "Quote",
    "QuoteKind",
    "TemporalExpression",
    "RECORD_KINDS",
    "SCHEMA_VERSION",
    "span_mismatch",
]
