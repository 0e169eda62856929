"""Pydantic v2 schemas of everything communique emits (no NLP imports).

>>> from models import ArticleExtraction
>>> ArticleExtraction(id="a", text="Xi met Putin.").dates
[]
"""

from models.records import (
    AGENT_TYPES,
    RECORD_KINDS,
    SCHEMA_VERSION,
    AnchorKind,
    ArticleExtraction,
    Dateline,
    DateType,
    Entity,
    Event,
    EventMention,
    EventStatus,
    Figure,
    FigureKind,
    Participant,
    Qualifier,
    Quote,
    QuoteKind,
    TemporalExpression,
    TimexMod,
    span_mismatch,
)

__all__ = [
    "AnchorKind",
    "ArticleExtraction",
    "Dateline",
    "DateType",
    "Entity",
    "AGENT_TYPES",
    "Event",
    "EventMention",
    "Participant",
    "EventStatus",
    "Figure",
    "FigureKind",
    "Qualifier",
    "Quote",
    "QuoteKind",
    "TemporalExpression",
    "TimexMod",
    "RECORD_KINDS",
    "SCHEMA_VERSION",
    "span_mismatch",
]
