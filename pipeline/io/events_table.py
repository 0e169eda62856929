"""Events as event data: one row per actor-target dyad, in the shape PHOENIX, ICEWS and
POLECAT users load (``out.events.csv``; ``out.events.parquet`` with ``pyarrow``).

An event with actors A, B and recipients C, D gives the dyads A→C, A→D, B→C, B→D, in
that order; an event with no recipient gives one row per actor with an empty target (and
one with no actor one row per recipient with an empty source; one with neither, one row).
All rows of an event share its ``event_id``; ``dyad`` numbers them from 1.

>>> rec = {"id": "a", "reference_date": "2025-03-12", "text": "Xi met Putin.", "events": [
...     {"text": "met", "start": 3, "end": 6, "type": "CONSULT", "cameo": "040",
...      "actors": [{"name": "Xi Jinping", "country": "CHN", "agent_type": "GOV"}],
...      "recipients": [{"name": "Vladimir Putin", "country": "RUS"}],
...      "sentence_start": 0, "sentence_end": 13}]}
>>> [(r["event_id"], r["source_name"], r["target_country"], r["cameo"]) for r in event_rows(rec)]
[('a:e1', 'Xi Jinping', 'RUS', '040')]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Optional

# (column, type, what) in table order; types: str, int, date (ISO YYYY-MM-DD)
EVENT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("event_id", "str", "the event: <article_id>:e<n>, n counting the article's events from 1"),
    ("dyad", "int", "the row of the event: 1, 2 ... one per actor-target pair"),
    ("article_id", "str", "the record's id"),
    ("article_date", "date", "the article's document date (its reference_date)"),
    ("date", "str", "the event's date as a TIMEX3 value (2025-03-11, 2025-04, XXXX-02-11), or empty"),
    ("event_type", "str", "PLOVER type (CONSULT, AGREE ...) or STATEMENT"),
    ("mode", "str", "PLOVER mode (visit, phone ...)"),
    ("cameo", "str", "CAMEO code, a string: leading zeros kept ('041')"),
    ("status", "str", "occurred, planned, negated or hypothetical"),
    ("source_name", "str", "the actor"),
    ("source_country", "str", "its ISO 3166-1 alpha-3 code"),
    ("source_sector", "str", "its sector (GOV, MIL, IGO ... see models.AGENT_TYPES)"),
    ("target_name", "str", "the recipient"),
    ("target_country", "str", "its ISO 3166-1 alpha-3 code"),
    ("target_sector", "str", "its sector"),
    ("location", "str", "where it happened"),
    ("sentence", "str", "the sentence of its first mention"),
    ("trigger", "str", "the words of its first mention ('phone call')"),
    ("start", "int", "offset of the trigger in the article text"),
    ("end", "int", "end offset of the trigger (exclusive)"),
    ("mentions", "int", "how many times the article tells of it"),
    ("reported_by", "str", "who tells of it, when it is known only from a quote or reported speech"),
)
COLUMN_NAMES = tuple(name for name, _, _ in EVENT_COLUMNS)
ROW_GROUP = 10_000  # rows per Parquet row group: memory stays flat on any number of events


def _party(p: Optional[dict]) -> tuple:
    if not p:
        return None, None, None
    return p.get("name"), p.get("country"), p.get("agent_type")


def _sentence(text: str, ev: dict) -> Optional[str]:
    start, end = ev.get("sentence_start"), ev.get("sentence_end")
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    return text[start:end]


def event_rows(record: dict) -> Iterator[dict]:
    """The rows of one record (as a JSON dict): one per event and actor-target pair."""
    text = record.get("text") or ""
    for n, ev in enumerate(record.get("events") or [], start=1):
        actors = ev.get("actors") or [None]
        targets = ev.get("recipients") or [None]
        base = {
            "event_id": f"{record.get('id')}:e{n}",
            "article_id": record.get("id"),
            "article_date": record.get("reference_date"),
            "date": ev.get("date"),
            "event_type": ev.get("type"),
            "mode": ev.get("mode"),
            "cameo": ev.get("cameo"),
            "status": ev.get("status"),
            "location": ev.get("location"),
            "sentence": _sentence(text, ev),
            "trigger": ev.get("text"),
            "start": ev.get("start"),
            "end": ev.get("end"),
            "mentions": len(ev.get("mentions") or []) or 1,
            "reported_by": ev.get("reported_by"),
        }
        dyad = 0
        for actor in actors:
            for target in targets:
                dyad += 1
                source_name, source_country, source_sector = _party(actor)
                target_name, target_country, target_sector = _party(target)
                row = {
                    **base,
                    "dyad": dyad,
                    "source_name": source_name,
                    "source_country": source_country,
                    "source_sector": source_sector,
                    "target_name": target_name,
                    "target_country": target_country,
                    "target_sector": target_sector,
                }
                yield {name: row[name] for name in COLUMN_NAMES}  # in table order


def records_of(jsonl: Path) -> Iterator[dict]:
    """The records of a JSONL output, one dict at a time."""
    with jsonl.open(encoding="utf-8") as source:
        for raw in source:
            if raw.strip():
                yield json.loads(raw)


def rows_of(jsonl: Path) -> Iterator[dict]:
    for record in records_of(jsonl):
        yield from event_rows(record)


# ---------------------------------------------------------------------------- Parquet


def parquet_missing() -> Optional[str]:
    """Why Parquet cannot be written here (pyarrow not installed), or None."""
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:
        return "--format parquet needs pyarrow: pip install 'communique[parquet]'"
    return None


def arrow_schema():
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int32(), "date": pa.date32()}
    return pa.schema([pa.field(name, types[kind]) for name, kind, _ in EVENT_COLUMNS])


def _typed(value, kind: str):
    if value is None or kind != "date":
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _table(rows: list[dict], schema):
    import pyarrow as pa

    return pa.table(
        {name: [_typed(r.get(name), kind) for r in rows] for name, kind, _ in EVENT_COLUMNS}, schema=schema
    )


def write_events_parquet(jsonl: Path, target: Path) -> Path:
    """Write the events table of ``jsonl`` to ``target`` (typed columns), under a temporary
    name renamed into place, so a reader never sees half a file."""
    import pyarrow.parquet as pq

    schema = arrow_schema()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for chunk in _chunks(rows_of(jsonl), ROW_GROUP):
                writer.write_table(_table(chunk, schema))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
