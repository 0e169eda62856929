"""Front matter and headings: what in an article's text is not prose.

The opening of an article may hold a ``date YYYY-MM-DD`` line, a title and a wire
dateline (``BEIJING, Feb. 11 (Xinhua) --``); the body may hold all-caps section
headings. They are found here, as character spans, so that the structure component
makes each a sentence of its own and the extractors skip them.

>>> parse_dateline("BEIJING, Feb. 11 (Xinhua) -- Chinese President ...", reference="2024-03-01")
Dateline(date='2024-02-11', place='BEIJING', agency='Xinhua', text='BEIJING, Feb. 11 (Xinhua) --', start=0, end=28)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from models import Dateline

# ---------------------------------------------------------------------------- datelines

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PLACE_RE = r"[A-Z][A-Z.'’\-]*(?:[ ][A-Z][A-Z.'’\-]*){0,4}"

# "date 2025-01-01 BEIJING | Xinhua | ..." (dateline and first paragraph on one line)
_DATELINE_PIPE = re.compile(
    r"[ \t]*(?:date[ \t]+)?(?P<iso>\d{4}-\d{2}-\d{2})[ \t]+(?P<place>" + _PLACE_RE + r")"
    r"[ \t]*\|[ \t]*(?P<agency>[^|\n]{1,40}?)[ \t]*\|"
)
# "BEIJING, Feb. 11 (Xinhua) --", "WASHINGTON, Jan 5 (Reuters) -",
# "UNITED NATIONS, Sept. 23, 2024 (AP) —", "GENEVA (Reuters) -"
_DATELINE_WIRE = re.compile(
    r"[ \t]*(?P<place>" + _PLACE_RE + r")(?:,[ \t]+(?P<region>[A-Z][a-zA-Z.]+(?:[ ][A-Z][a-zA-Z.]+)?))?"
    r"(?:,[ \t]+(?P<month>" + _MONTH_RE + r")\.?[ \t]+(?P<day>\d{1,2})(?:,[ \t]+(?P<year>\d{4}))?)?"
    r"[ \t]+\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\)[ \t]*(?P<dash>--|—|–|-)"
)


_DATE_PREFIX = re.compile(r"[ \t]*date[ \t]+(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*")
_WIRE_AT_LINE_START = re.compile(r"(?m)^" + _DATELINE_WIRE.pattern)
_FRONT_WINDOW = 1200  # front matter (date line, title, wire dateline) sits in the opening
_TITLE_MAX = 250


@dataclass
class FrontMatter:
    """What precedes the body: the dateline, and spans that are not prose (a
    ``date YYYY-MM-DD`` line, a title, a wire dateline) which extractors skip."""

    dateline: Optional[Dateline] = None
    title: Optional[str] = None
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_spans: list[tuple[int, int]] = field(default_factory=list)


def parse_front_matter(text: str, reference: Optional[str] = None) -> FrontMatter:
    """Dateline and title at the start of ``text``; ``reference`` (ISO date) supplies a
    year to a dateline that has none.

    Handles the pipe form (``date 2025-01-01 BEIJING | Xinhua | ...``), wire datelines
    (``BEIJING, Feb. 11 (Xinhua) --``) at the start of the text or of an early line, a
    ``date YYYY-MM-DD`` line followed by a title, and a title line before the body.

    >>> fm = parse_front_matter(" date 2023-04-15 Presidents hold talks\\n\\nBEIJING, April 14 (Xinhua) -- Xi ...")
    >>> fm.dateline.date, fm.dateline.place, fm.title
    ('2023-04-14', 'BEIJING', 'Presidents hold talks')
    """
    head = text[:_FRONT_WINDOW]
    m = _DATELINE_PIPE.match(head)
    if m:
        span = _span(text, m)
        return FrontMatter(
            dateline=Dateline(
                date=m["iso"] if is_iso_date(m["iso"]) else None,
                place=m["place"].strip(),
                agency=m["agency"].strip(),
                **span,
            ),
            dateline_spans=[(span["start"], span["end"])],
        )
    front = FrontMatter()
    pos, prefix_date = 0, None
    p = _DATE_PREFIX.match(head)
    if p:
        prefix_date = p["iso"] if is_iso_date(p["iso"]) else None
        start = head.rindex("date", 0, p.start("iso"))
        front.dateline_spans.append((start, p.end("iso")))
        pos = p.end()
    w = _WIRE_AT_LINE_START.search(head, pos)
    if w and (w.start() == pos or "\n" in head[pos : w.start()]):
        date = None
        if w["month"]:
            month, day = _MONTHS[w["month"].lower().rstrip(".")], int(w["day"])
            year = int(w["year"]) if w["year"] else _infer_year(month, day, reference or prefix_date)
            date = _format_date(year, month, day)
        place = w["place"].strip() + (f", {w['region']}" if w["region"] else "")
        span = _span(text, w)
        front.dateline = Dateline(date=date, place=place, agency=w["agency"].strip(), **span)
        front.dateline_spans.append((span["start"], span["end"]))
        _take_title(front, text, pos, w.start(), whole_region=True)
        return front
    if p:
        start, end = front.dateline_spans[0]
        front.dateline = Dateline(date=prefix_date, text=text[start:end], start=start, end=end)
    line_end = head.find("\n", pos)
    if line_end != -1:
        _take_title(front, text, pos, line_end, whole_region=False, after_date=p is not None)
    return front


_ENDS_WITH_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\.\.)$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]")


def _take_title(
    front: FrontMatter, text: str, start: int, end: int, whole_region: bool, after_date: bool = False
) -> None:
    """Mark ``text[start:end]`` as title matter: all of it before a wire dateline, or a
    single opening line that reads as a headline (short, no final full stop, body after)."""
    region = text[start:end]
    stripped = region.strip()
    if not stripped:
        return
    lead = start + (len(region) - len(region.lstrip()))
    if whole_region:
        front.title_spans.append((lead, lead + len(stripped)))
        front.title = stripped.splitlines()[0].strip()
        return
    words = stripped.split()
    body_after = text[end:].strip()
    final_stop = stripped.endswith((".", "!", "?", ":", ";", ",", '"', "”"))
    if (
        len(stripped) <= _TITLE_MAX
        and len(words) >= 2
        and body_after
        and (
            not final_stop
            or _ENDS_WITH_ABBREVIATION.search(stripped)
            or after_date
            and not _SENTENCE_BREAK.search(stripped)
        )
    ):
        front.title_spans.append((lead, lead + len(stripped)))
        front.title = stripped


def parse_dateline(text: str, reference: Optional[str] = None) -> Optional[Dateline]:
    """The dateline at the start of ``text`` (see :func:`parse_front_matter`).

    A dateline without a year takes the year that puts it on or before ``reference``;
    without a reference its date stays partial (``XXXX-02-11``).

    >>> parse_dateline(" date 2025-01-01 BEIJING | Xinhua | As the year ...").date
    '2025-01-01'
    >>> parse_dateline("UNITED NATIONS, Sept. 23 (AP) — The ...").date
    'XXXX-09-23'
    """
    return parse_front_matter(text, reference).dateline


def _span(text: str, m: re.Match) -> dict:
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return {"text": text[start : m.end()], "start": start, "end": m.end()}


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is a calendar date in ISO form (``2024-02-30`` is not)."""
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _infer_year(month: int, day: int, reference: Optional[str]) -> Optional[int]:
    if not reference:
        return None
    ref = dt.date.fromisoformat(reference[:10])
    year = ref.year
    try:
        if dt.date(year, month, day) > ref + dt.timedelta(days=2):
            year -= 1
    except ValueError:
        return None
    return year


def _format_date(year: Optional[int], month: int, day: int) -> Optional[str]:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------- headings

_HEADING_LINE = re.compile(r"^[ \t]*([A-Z0-9][A-Z0-9 ,&'’:/\-]{2,98}[A-Z0-9])[ \t]*\r?$", re.M)


def find_headings(text: str) -> list[tuple[int, int]]:
    """Character spans of all-caps section headings standing alone on a line.

    >>> find_headings("Intro.\\n\\nHEAD-OF-STATE DIPLOMACY\\n\\nBody.")
    [(8, 31)]
    """
    spans = []
    for m in _HEADING_LINE.finditer(text):
        line = m.group(1)
        letters = sum(c.isalpha() for c in line)
        if letters >= 4 and " " in line.strip() or letters >= 6:
            spans.append((m.start(1), m.end(1)))
    return spans
