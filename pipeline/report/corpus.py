"""The report's corpus-wide events page (``events.html``): every event of the batch in one
table, filtered in the page by type, status, actor, country and date.

The filters are a few lines of inline script (``templates/events.js``), allowed by the
page's Content-Security-Policy through its SHA-256 hash only: no other script runs, nothing
is fetched, and the page works offline. The script reads only ``data-*`` attributes (escaped
like all text) and never writes HTML. Without script the table is shown whole. A filter
can be given in the address: ``events.html#type=CONSULT&country=CHN&from=2025-01-01``.

>>> date_range("2025-03"), date_range("2025-03-11"), date_range("XXXX-02-11")
(('2025-03-01', '2025-03-31'), ('2025-03-11', '2025-03-11'), (None, None))
"""

from __future__ import annotations

import base64
import calendar
import hashlib
from pathlib import Path
from typing import Iterable, Optional

from jinja2 import Environment

from models import ArticleExtraction
from pipeline.report import markup

EVENTS_PAGE = "events.html"
SCRIPT = (Path(__file__).resolve().parent / "templates" / "events.js").read_text(encoding="utf-8")
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
_SPAN_MONTHS = {"Q": 3, "H": 6, "WI": 3, "SP": 3, "SU": 3, "FA": 3, "AU": 3}


def date_range(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The first and last day a TIMEX3 calendar value covers (None, None: no calendar date)."""
    if not value:
        return None, None
    year, month, day, _ = markup.date_sort_key(value)
    if year >= 10000:
        return None, None
    if day:
        return (f"{year:04d}-{month:02d}-{day:02d}",) * 2
    if not month:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    part = value[5:].split("-")[0]
    last_month = min(12, month + _SPAN_MONTHS.get(part[:1] if part[:1] in "QH" else part, 1) - 1)
    last_day = calendar.monthrange(year, last_month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{last_month:02d}-{last_day:02d}"


def _party(p) -> str:
    return f"{p.name} ({p.country})" if p.country else p.name


def event_rows(record: ArticleExtraction, href: str) -> list[dict]:
    """One row per event of ``record`` for the corpus table; ``href`` is its article page."""
    rows = []
    for row in markup.event_rows(record):
        ev = row["event"]
        start, end = date_range(ev.date)
        parties = ev.actors + ev.recipients
        rows.append(
            {
                **row,
                "href": f"{href}#{row['anchor']}",
                "article": record.title or record.id,
                "article_id": record.id,
                "actors": ", ".join(_party(p) for p in ev.actors),
                "recipients": ", ".join(_party(p) for p in ev.recipients),
                "parties": " | ".join(p.name.lower() for p in parties),
                "countries": " ".join(sorted({p.country for p in parties if p.country})),
                "from": start,
                "to": end,
                "sort": (
                    markup.date_sort_key(ev.date) if ev.date else (10002, 0, 0, ""),
                    record.id,
                    row["index"],
                ),
            }
        )
    return rows


def render_events(rows: Iterable[dict], source: Optional[str], env: Environment) -> str:
    """The corpus-wide events page: every row, in date order (undated last)."""
    rows = sorted(rows, key=lambda r: r["sort"])
    return env.get_template("events.html").render(
        rows=rows,
        source=source,
        types=sorted({r["event"].type for r in rows}),
        statuses=[
            s
            for s in ("occurred", "planned", "negated", "hypothetical")
            if any(r["status"] == s for r in rows)
        ],
        countries=sorted({c for r in rows for c in r["countries"].split()}),
        articles=len({r["article_id"] for r in rows}),
        script=SCRIPT,
        script_hash=SCRIPT_HASH,
    )
