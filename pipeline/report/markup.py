"""From a record to what the report shows: highlight marks, text segments, table rows.

Everything here is plain data (dicts, strings); the Jinja templates escape it all. The
text with overlapping highlights is cut at every mark boundary into segments, and each
segment carries the classes and tooltips of every mark covering it:

>>> marks = [Mark(0, 9, "quote", title="QUOTE"), Mark(0, 2, "entity", title="ENTITY")]
>>> [(p["text"], p["kinds"]) for p in segment("Xi smiled.", marks) if "text" in p]
[('Xi', ['entity', 'quote']), (' smiled', ['quote']), ('.', [])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from models import RECORD_KINDS, ArticleExtraction

# Kind of mark -> (legend label, record list it comes from)
MARK_KINDS = {
    "entity": "Entities",
    "date": "Dates",
    "figure": "Figures",
    "quote": "Quotes",
    "speaker": "Speakers",
    "event": "Event triggers",
}
QUALIFIER_SIGNS = {
    "exact": "",
    "about": "~",
    "more_than": ">",
    "less_than": "<",
    "at_least": "\u2265",
    "at_most": "\u2264",
    "range": "",
}
_CSS_WORD = re.compile(r"[^a-z0-9]+")
# what the timeline shows: what happened and what is planned (marked as such); events that
# did not happen (negated) or might (hypothetical) are left off it, kept in the tables
TIMELINE_STATUSES = ("occurred", "planned")


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch ``[start, end)`` of the article text."""

    start: int
    end: int
    kind: str
    title: str = ""
    tag: Optional[str] = None  # short label shown after the span (a date's value ...)
    anchor: Optional[str] = None  # element id, for links from the tables
    css: str = ""  # extra class (entity label ...)


def css_word(value: str) -> str:
    """A string made safe for a class name: ``GPE`` -> ``gpe``."""
    return _CSS_WORD.sub("-", value.lower()).strip("-") or "x"


def format_number(value: Optional[float]) -> str:
    if value is None:
        return "?"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def figure_label(fig) -> str:
    """``>100,000 trains``, ``$1.2 billion``-style value as a short tag."""
    number = format_number(fig.value)
    if fig.qualifier == "range" and fig.value_max is not None:
        number = f"{number}\u2013{format_number(fig.value_max)}"
    if fig.kind == "percent":
        number += "%"
    elif fig.kind == "multiplier":
        number += "\u00d7"
    elif fig.kind == "money" and fig.unit:
        number = f"{fig.unit} {number}"
    label = QUALIFIER_SIGNS.get(fig.qualifier, "") + number
    return f"{label} {fig.counted}" if fig.counted else label


def _lines(*pairs: tuple[str, object]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in pairs if value not in (None, "", []))


def marks_of(record: ArticleExtraction) -> list[Mark]:
    """Every highlight of a record, with tooltips and tags: entities, dates, figures,
    quotes (and their speakers), event triggers."""
    return [
        *_entity_marks(record),
        *_date_marks(record),
        *_figure_marks(record),
        *_quote_marks(record),
        *_event_marks(record),
    ]


def _entity_marks(record: ArticleExtraction) -> list[Mark]:
    return [
        Mark(
            e.start,
            e.end,
            "entity",
            css="ent-" + css_word(e.label),
            anchor=f"entity-{i}",
            title=_lines(("Entity", e.label), ("canonical", e.canonical), ("country", e.country)),
        )
        for i, e in enumerate(record.entities)
    ]


def _date_marks(record: ArticleExtraction) -> list[Mark]:
    return [
        Mark(
            d.start,
            d.end,
            "date",
            tag=d.value or "?",
            anchor=f"date-{i}",
            title=_lines(("Date", d.type), ("value", d.value or "unresolved"), ("anchor", d.anchor)),
        )
        for i, d in enumerate(record.dates)
    ]


def _figure_marks(record: ArticleExtraction) -> list[Mark]:
    return [
        Mark(
            f.start,
            f.end,
            "figure",
            tag=figure_label(f),
            anchor=f"figure-{i}",
            title=_lines(
                ("Figure", f.kind),
                ("value", format_number(f.value)),
                ("max", format_number(f.value_max) if f.value_max is not None else None),
                ("qualifier", f.qualifier),
                ("counts", f.counted),
                ("unit", f.unit),
            ),
        )
        for i, f in enumerate(record.figures)
    ]


def _quote_marks(record: ArticleExtraction) -> list[Mark]:
    """Each quote, followed by its speaker's span when the speaker is in the text."""
    marks: list[Mark] = []
    for i, q in enumerate(record.quotes):
        speaker = q.speaker or q.speaker_text
        marks.append(
            Mark(
                q.start,
                q.end,
                "quote",
                anchor=f"quote-{i}",
                tag="\u2014 " + (speaker or "unknown speaker"),
                title=_lines(("Quote", q.kind), ("speaker", speaker or "unknown"), ("cue", q.cue)),
            )
        )
        if q.speaker_start is not None and q.speaker_end is not None:
            marks.append(
                Mark(
                    q.speaker_start,
                    q.speaker_end,
                    "speaker",
                    title=_lines(("Speaker", speaker), ("of quote", i + 1)),
                )
            )
    return marks


def _event_marks(record: ArticleExtraction) -> list[Mark]:
    """Event triggers; one that did not (or not yet) happen is tagged and styled by its status."""
    return [
        Mark(
            ev.start,
            ev.end,
            "event",
            tag=ev.type if ev.status == "occurred" else f"{ev.type} \u00b7 {ev.status}",
            css="" if ev.status == "occurred" else f"ev-{ev.status}",
            anchor=f"event-{i}",
            title=_lines(
                ("Event", ev.type),
                ("CAMEO", ev.cameo),
                ("mode", ev.mode),
                ("actors", ", ".join(p.name for p in ev.actors)),
                ("recipients", ", ".join(p.name for p in ev.recipients)),
                ("location", ev.location),
                ("date", ev.date),
                ("status", ev.status),
            ),
        )
        for i, ev in enumerate(record.events)
    ]


def segment(text: str, marks: Iterable[Mark]) -> list[dict]:
    """The text cut at every mark boundary, as a list of pieces for the template.

    A piece is ``{"text", "kinds", "classes", "title"}`` (a stretch of text and every mark
    covering it, outermost first), ``{"anchor"}`` (where a mark starts) or ``{"tag", "kind"}``
    (where a mark ends: its short label). Marks outside the text are clipped.
    """
    n = len(text)
    marks = [m for m in marks if 0 <= m.start <= n]
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(marks):
        starts[m.start].append(i)
        ends[min(m.end, n)].append(i)
    bounds = sorted({0, n, *starts, *ends})
    active: dict[int, Mark] = {}
    pieces: list[dict] = []
    for b, nxt in zip(bounds, bounds[1:] + [None]):
        # Inner marks close first: the one that started last, then the shorter one.
        closing = [i for i in ends.get(b, ()) if i in active]
        for i in sorted(closing, key=lambda i: (-marks[i].start, marks[i].end, -i)):
            m = active.pop(i)
            if m.tag:
                pieces.append({"tag": m.tag, "kind": m.kind})
        for i in sorted(starts.get(b, ()), key=lambda i: (-marks[i].end, i)):
            m = marks[i]
            if m.anchor:
                pieces.append({"anchor": m.anchor})
            if m.end > m.start:
                active[i] = m
            elif m.tag:  # an empty mark still shows its label
                pieces.append({"tag": m.tag, "kind": m.kind})
        if nxt is None or nxt == b:
            continue
        covering = sorted(active.values(), key=lambda m: (m.start, -m.end))
        pieces.append(
            {
                "text": text[b:nxt],
                "kinds": sorted({m.kind for m in covering}),
                "classes": " ".join(
                    [f"k-{k}" for k in sorted({m.kind for m in covering})]
                    + sorted({m.css for m in covering if m.css})
                ),
                "title": "\n\n".join(m.title for m in covering if m.title),
            }
        )
    return pieces


def sentence_bounds(record: ArticleExtraction, ev) -> tuple[int, int]:
    """The event's sentence, or the line around its trigger when none is recorded."""
    text = record.text
    if (
        ev.sentence_start is not None
        and ev.sentence_end is not None
        and 0 <= ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end <= len(text)
    ):
        return ev.sentence_start, ev.sentence_end
    left = max(text.rfind("\n", 0, ev.start), text.rfind(". ", 0, ev.start) + 1, 0)
    right_nl, right_dot = text.find("\n", ev.end), text.find(". ", ev.end)
    right = min([p for p in (right_nl, right_dot + 1 if right_dot >= 0 else -1) if p >= 0], default=len(text))
    return left, right


def _sentence_date(record: ArticleExtraction, start: int, end: int, trigger: int):
    """The resolved calendar date expression of a sentence nearest to the trigger."""
    found = [
        d
        for d in record.dates
        if start <= d.start
        and d.end <= end
        and d.type == "DATE"
        and d.value
        and date_sort_key(d.value)[0] < 10000
    ]
    return min(found, key=lambda d: abs(d.start - trigger), default=None)


def event_rows(record: ArticleExtraction) -> list[dict]:
    """One row per event for the events table and the timeline."""
    rows = []
    for i, ev in enumerate(record.events):
        s, e = sentence_bounds(record, ev)
        hint = None if ev.date else _sentence_date(record, s, e, ev.start)
        rows.append(
            {
                "index": i,
                "anchor": f"event-{i}",
                "event": ev,
                "before": record.text[s : ev.start].lstrip(),
                "trigger": ev.text,
                "after": record.text[ev.end : e].rstrip(),
                "date": ev.date,
                "status": ev.status,
                # Not the event's date: a date its sentence mentions, shown apart as a hint.
                "sentence_date": hint.value if hint else None,
                "sentence_date_text": hint.text if hint else None,
            }
        )
    return rows


_SEASONS = {"WI": 1, "SP": 3, "SU": 6, "FA": 9, "AU": 9}
_TIMEX = re.compile(r"^(\d{4}|X{4})(?:-(\d{2}|W\d{2}|Q[1-4]|H[12]|WI|SP|SU|FA|AU))?(?:-(\d{2}))?")


def date_sort_key(value: str) -> tuple:
    """Chronological order of TIMEX3 values; ``2024`` before ``2024-03`` before ``2024-03-05``.

    Unknown years (``XXXX-02-11``) come after known ones, values that are no calendar date
    (``P2M``, ``PRESENT_REF``) last.
    """
    m = _TIMEX.match(value or "")
    if not m:
        return (10001, 0, 0, value or "")
    year = 10000 if m.group(1).startswith("X") else int(m.group(1))
    part, day = m.group(2), int(m.group(3)) if m.group(3) else 0
    month = 0
    if part:
        if part.isdigit():
            month = int(part)
        elif part[0] == "W":
            month = min(12, 1 + (int(part[1:]) - 1) * 12 // 53)
        elif part[0] == "Q":
            month = 3 * int(part[1]) - 2
        elif part[0] == "H":
            month = 1 if part[1] == "1" else 7
        else:
            month = _SEASONS[part]
    return (year, month, day, value)


def timeline(rows: list[dict], key: str = "date") -> list[dict]:
    """Events grouped by ``row[key]`` (their date), in chronological order; undated ones, and
    those that did not happen or may not (negated, hypothetical), left out.

    ``key="sentence_date"`` orders the undated events by the date their sentence mentions.
    """
    groups: dict[str, list[dict]] = {}
    shown = (r for r in rows if r[key] and r["status"] in TIMELINE_STATUSES)
    for row in sorted(shown, key=lambda r: (date_sort_key(r[key]), r["index"])):
        groups.setdefault(row[key], []).append(row)
    return [{"date": date, "rows": group} for date, group in groups.items()]


def off_timeline(rows: list[dict]) -> list[dict]:
    """The events the timeline leaves out for their status (negated, hypothetical)."""
    return [r for r in rows if r["status"] not in TIMELINE_STATUSES]


def counts(record: ArticleExtraction) -> dict[str, int]:
    return {kind: len(getattr(record, kind)) for kind in RECORD_KINDS}
