"""The record schema: one ``ArticleExtraction`` per article.

Every span carries ``text, start, end`` with Python ``str`` offsets into the article
text as read (end exclusive), and the article record checks ``text == article[start:end]``
for each of them, so a record that validates is a record whose offsets are right.

>>> art = ArticleExtraction(id="x", text="Xi met Putin in 2024.",
...     dates=[TemporalExpression(text="2024", start=16, end=20, type="DATE", value="2024")])
>>> art.dates[0].value
'2024'
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

# 2.1: ``meta`` (the input's other fields); ``optional`` is written only where true (gold)
SCHEMA_VERSION = "2.1"

DateType = Literal["DATE", "TIME", "DURATION", "SET"]
AnchorKind = Literal["absolute", "document", "narrative", "previous", "event", "none"]
# TIMEX3's ``mod``: a point's part or bound ("late 2019", "more than a year ago"), a
# quantity's bound ("just over two weeks")
TimexMod = Literal[
    "START",
    "MID",
    "END",
    "APPROX",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
]
QuoteKind = Literal["direct", "mixed", "indirect"]
Qualifier = Literal["exact", "about", "more_than", "less_than", "at_least", "at_most", "range"]
FigureKind = Literal["count", "money", "percent", "multiplier"]
EventStatus = Literal["occurred", "planned", "negated", "hypothetical"]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "STATEMENT",
]


RECORD_KINDS = ("entities", "dates", "quotes", "figures", "events")  # the item lists of a record


def span_mismatch(text: str, start: Optional[int], end: Optional[int], value: Optional[str]) -> Optional[str]:
    """Why ``value`` is not ``text[start:end]`` (None when it is, or when the span is absent).

    >>> span_mismatch("Xi met Putin.", 0, 2, "Xi") is None
    True
    """
    if start is None and end is None and value is None:
        return None
    if start is None or end is None or value is None:
        return "span needs text, start and end together"
    if not (0 <= start <= end <= len(text)) or text[start:end] != value:
        return f"{value!r} != article text[{start}:{end}] {text[start:end]!r}"
    return None


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Record):
    """A stretch of the article text: ``text == article_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    optional: bool = Field(
        default=False,
        exclude_if=lambda value: not value,  # predictions never carry this gold-only field
        description="Gold only: a debatable item; finding or missing it is not scored. "
        "Written only where true.",
    )

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has length {len(self.text)}, "
                f"but end - start = {self.end - self.start}"
            )
        return self

    def text_spans(self) -> list[tuple[str, Optional[int], Optional[int], Optional[str]]]:
        """``(name, start, end, text)`` of every span of the article this item holds."""
        return [("", self.start, self.end, self.text)]


class Dateline(_Record):
    """A wire dateline such as ``BEIJING, Feb. 11 (Xinhua) --``.

    ``date`` is ISO 8601, possibly partial (``XXXX-02-11`` when no year is known).
    """

    date: Optional[str] = None
    place: Optional[str] = None
    agency: Optional[str] = None
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Entity(Span):
    """A named entity: spaCy NER corrected by the gazetteer, with its canonical name."""

    label: str
    canonical: Optional[str] = None
    country: Optional[str] = Field(default=None, description="ISO 3166-1 alpha-3")


class TemporalExpression(Span):
    """A TIMEX3-style temporal expression.

    ``value`` is a TIMEX3 value (``2024``, ``2024-03``, ``2024-03-05``, ``2024-W11``,
    ``2024-Q1``, ``2024-SU``, ``199``, ``P2M``, ``PRESENT_REF`` ...) or null.
    ``anchor`` says what a relative expression was resolved against (``event``: the
    date the article gives a happening, as in "a day before the summit").
    ``mod`` is TIMEX3's modifier ("late 2019" → ``END``, "just over two weeks" →
    ``MORE_THAN``). ``point`` is, for a duration counted from an anchor ("a month
    earlier", "two days before the vote"), the TIMEX3 value of the date it leads to:
    TimeML annotates the duration and leaves that date to a temporal function.
    """

    type: DateType
    value: Optional[str] = None
    anchor: AnchorKind = "none"
    mod: Optional[TimexMod] = None
    point: Optional[str] = None


class Quote(Span):
    """Speech: ``text`` is the content without its quotation marks."""

    kind: QuoteKind
    speaker: Optional[str] = None
    speaker_text: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None

    def text_spans(self) -> list[tuple[str, Optional[int], Optional[int], Optional[str]]]:
        return super().text_spans() + [
            ("speaker", self.speaker_start, self.speaker_end, self.speaker_text),
            ("cue", self.cue_start, self.cue_end, self.cue),
        ]


class Figure(Span):
    """A number stating a fact: ``more than 100,000 freight trains``."""

    value: Optional[float] = None
    value_max: Optional[float] = None
    qualifier: Qualifier = "exact"
    counted: Optional[str] = None
    kind: FigureKind = "count"
    unit: Optional[str] = None


AGENT_TYPES = {
    "GOV": "government: a state as actor, its leader, ministers, officials, ministries",
    "MIL": "military: army, troops, armed forces, defence chiefs",
    "LEG": "legislature: parliament, congress, lawmakers",
    "JUD": "judiciary: courts, judges, prosecutors",
    "COP": "police and internal security forces",
    "REB": "rebels, militants, armed groups",
    "INS": "insurgents",
    "OPP": "political opposition",
    "PTY": "political parties",
    "IGO": "intergovernmental organisations (UN, EU, NATO, AU, ECOWAS ...)",
    "NGO": "non-governmental organisations, rights groups, charities",
    "BUS": "business: companies, firms",
    "MED": "media: journalists, broadcasters, newspapers",
    "CVL": "civilians, residents, protesters not of a party",
    "REF": "refugees, migrants, displaced people",
    "CRM": "criminals, gangs, cartels",
    "EDU": "education: universities, students, academics",
    "REL": "religious leaders and bodies",
    "LAB": "labour: unions, workers",
    "SPY": "intelligence services",
}
AgentType = Literal[tuple(AGENT_TYPES)]  # type: ignore[valid-type]


class Participant(_Record):
    """An actor or recipient, coded as event data needs it.

    >>> Participant(name="Vladimir Putin", country="RUS", agent_type="GOV").country
    'RUS'
    """

    name: str
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
    agent_type: Optional[AgentType] = Field(
        default=None,
        description="PLOVER/CAMEO-style sector: " + "; ".join(f"{k} {v}" for k, v in AGENT_TYPES.items()),
    )

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, value):
        return {"name": value} if isinstance(value, str) else value


class EventMention(_Record):
    """One place the article tells of the happening: its trigger (``met``, ``the talks``)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(Span):
    """A happening: its first mention is the span (``visited``, ``phone call``), and
    ``mentions`` lists every trigger that tells of it, in text order."""

    type: EventType
    mode: Optional[str] = None
    cameo: Optional[str] = None
    trigger: Optional[str] = None
    mentions: list[EventMention] = Field(default_factory=list)
    actors: list[Participant] = Field(default_factory=list)
    recipients: list[Participant] = Field(default_factory=list)
    location: Optional[str] = None
    date: Optional[str] = None
    status: EventStatus = "occurred"
    reported_by: Optional[str] = Field(
        default=None,
        description="Who the article has telling of it, when it is known only from a quote or reported "
        "speech (a claim of the speaker's, not the narrator's fact)",
    )
    sentence_start: Optional[int] = None
    sentence_end: Optional[int] = None

    def text_spans(self) -> list[tuple[str, Optional[int], Optional[int], Optional[str]]]:
        return [("", self.start, self.end, self.text)] + [
            (f"mentions[{i}]", m.start, m.end, m.text) for i, m in enumerate(self.mentions)
        ]


class ArticleExtraction(_Record):
    """Everything extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    id: str
    source_path: Optional[str] = None
    line: Optional[int] = Field(default=None, description="Line in a JSONL source (1-based)")
    title: Optional[str] = None
    meta: dict[str, Any] = Field(
        default_factory=dict,
        description="The input's other fields (source, url, publisher, ...), as given: every "
        "field of a JSONL line or an API dict but id, text and title",
    )
    text: str
    dateline: Optional[Dateline] = None
    reference_date: Optional[str] = Field(
        default=None, description="Document creation time relative expressions are anchored to"
    )
    reference_date_source: Literal["jsonl", "dateline", "option", "none"] = "none"
    narrative_date: Optional[str] = Field(
        default=None,
        description="The period a retrospective reviews (e.g. '2024' in a year-end review "
        "dated 2025-01-01); 'this year' and bare months are anchored to it",
    )
    warnings: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[TemporalExpression] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_match_text(self):
        text = self.text
        problems = []
        for kind in RECORD_KINDS:
            for i, item in enumerate(getattr(self, kind)):
                for name, start, end, value in item.text_spans():
                    problem = span_mismatch(text, start, end, value)
                    if problem:
                        problems.append(f"{kind}{'.' + name if name else ''}[{i}]: {problem}")
        if self.dateline is not None:
            d = self.dateline
            problem = span_mismatch(text, d.start, d.end, d.text)
            if problem:
                problems.append(f"dateline: {problem}")
        if problems:
            raise ValueError("; ".join(problems[:10]))
        return self
