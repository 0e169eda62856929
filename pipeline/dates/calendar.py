"""Calendar arithmetic and anchors for TIMEX3 values: numbers and units, shifting a day by
calendar units, writing a day at a granularity, and choosing the year, week or weekday a
relative expression means (document date, narrative year, previous date in the text).
The expression families that use these live in :mod:`pipeline.dates.values` and the
modules it dispatches to.

``shift(dt.date(2024, 1, 31), "M", 1)`` → 2024-02-29; ``fmt(day, "W")`` → ``2024-W05``;
``duration(3, "Y")`` → ``P3Y``.

>>> fmt(shift(dt.date(2024, 1, 31), "M", 1), "D")
'2024-02-29'
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple, Optional

from pipeline.dates.grammar import Candidate, date_lexicon


class Point(NamedTuple):
    """A day inside the period an expression names, and its granularity (Y, M, D ...)."""

    day: dt.date
    grain: str


class Timex(NamedTuple):
    """The TIMEX3 type and value of an expression, the anchor it was read from
    (``absolute``, ``document``, ``narrative``, ``previous``, ``none``) and, for a date a
    later expression may count from, the new reference point."""

    type: str
    value: Optional[str]
    anchor: str
    point: Optional[Point] = None


@dataclass
class Context:
    """What relative expressions of one document are anchored on."""

    dct: Optional[dt.date] = None  # document creation time
    narrative: Optional[int] = None  # the year a retrospective reviews
    previous: Optional[Point] = None  # the last resolved date of the narrative


# a family's function: (groups, candidate, context, tense) → its value, or None to drop it
Handler = Callable[[dict, Candidate, Context, Callable[[], str]], Optional[Timex]]

# the granularity a value counted in a unit is written at
UNIT_GRAIN = {
    "D": "D",
    "W": "W",
    "WE": "W",
    "FN": "W",
    "M": "M",
    "Q": "Q",
    "Y": "Y",
    "DE": "DE",
    "CE": "CE",
    "ML": "CE",
    "H": "D",
    "MIN": "D",
    "S": "D",
}
# the step of a relative word: "last week" is one week back
RELATIVE_STEP = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "the present": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
    "the coming": 1,
    "the upcoming": 1,
}


@functools.lru_cache(maxsize=None)
def month_number(word: str) -> int:
    """``"Sept."`` → 9."""
    return date_lexicon()["months"][word.lower().rstrip(".")]


@functools.lru_cache(maxsize=None)
def unit_code(word: str) -> str:
    """``"weeks"`` → ``W``, ``"hrs"`` → ``H``."""
    low = word.lower().rstrip(".")
    return date_lexicon()["units"].get(low) or date_lexicon()["unit_abbreviations"][low]


@functools.lru_cache(maxsize=4096)
def number(word: Optional[str]) -> Optional[float]:
    """``"three"`` → 3, ``"1,000"`` → 1000, ``"twenty-five"`` → 25; vague words → None."""
    if word is None:
        return 1.0
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w.endswith(" and a half"):
        whole = number(w[: -len(" and a half")])
        return whole + 0.5 if whole is not None else None
    nums = date_lexicon()["numbers"]
    if w in nums:
        return float(nums[w])
    if re.fullmatch(r"\d+(?:\.\d+)?", w.replace(",", "")):
        return float(w.replace(",", ""))
    m = re.fullmatch(r"(\w+)[- ](\w+)", w)
    if m and m.group(1) in nums and m.group(2) in nums:
        return float(nums[m.group(1)] + nums[m.group(2)])
    return None


def fmt_number(n: Optional[float]) -> str:
    """A count as TIMEX3 writes it: ``3``, ``1.5``, ``X`` for an unknown one."""
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(n: Optional[float], unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXY`` ... (fortnights are counted in weeks)."""
    if unit == "FN":
        return "P" + (fmt_number(n * 2) if n is not None else "X") + "W"
    if unit in ("H", "MIN", "S"):
        return "PT" + fmt_number(n) + {"H": "H", "MIN": "M", "S": "S"}[unit]
    return "P" + fmt_number(n) + unit


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` calendar units (month ends clamp)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=n)
    if unit == "FN":
        return day + dt.timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit)
    if months is None:
        return day
    total = day.year * 12 + day.month - 1 + months * n
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        return day
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def fmt(day: dt.date, grain: str) -> str:
    """``day`` written at ``grain``: ``2024-03-05``, ``2024-03``, ``2024-W10``, ``199`` ..."""
    if grain == "D":
        return day.isoformat()
    if grain == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "Y":
        return f"{day.year:04d}"
    if grain in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if grain == "WE" else "")
    if grain == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if grain == "DE":
        return f"{day.year:04d}"[:3]
    if grain == "CE":
        return f"{day.year:04d}"[:2]
    return day.isoformat()


def safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    """The date, or None when there is no such day (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_for(month: int, day: int, ctx: Context, tense: Callable[[], str]) -> tuple[Optional[int], str]:
    """The year of a month (and day) written without one: the narrative year of a
    retrospective, else the latest one before the document date in a past-tense sentence,
    the next one in a future-tense one, the document's year otherwise."""
    t = tense()
    if ctx.narrative is not None and t != "future":
        return ctx.narrative, "narrative"
    if ctx.dct is None:
        return None, "none"
    here = (ctx.dct.month, ctx.dct.day)
    if t == "past":
        return (ctx.dct.year if (month, day) <= here else ctx.dct.year - 1), "document"
    if t == "future":
        return (ctx.dct.year if (month, day) >= here else ctx.dct.year + 1), "document"
    return ctx.dct.year, "document"


def relative_year(rel: Optional[str], ctx: Context) -> tuple[Optional[int], str]:
    """The year meant by ``this``/``last``/``next``/``that``/``the following`` year."""
    rel = re.sub(r"\s+", " ", (rel or "this").lower())
    if rel in ("that", "the same", "the following", "the previous"):
        if ctx.previous is None:
            return None, "none"
        return ctx.previous.day.year + {"the following": 1, "the previous": -1}.get(rel, 0), "previous"
    base, anchor = (
        (ctx.narrative, "narrative")
        if ctx.narrative is not None
        else ((ctx.dct.year, "document") if ctx.dct else (None, "none"))
    )
    if base is None:
        return None, "none"
    return base + RELATIVE_STEP.get(rel, 0), anchor


def relative_point(rel: str, unit: str, ctx: Context) -> tuple[Optional[dt.date], str, str]:
    """(day, anchor, type) for ``this week``, ``the next day``, ``that month`` ..."""
    rel = re.sub(r"\s+", " ", rel.lower())
    if rel in ("the past", "the last"):
        return None, "none", "DURATION"
    if rel in ("that", "the same", "the next", "the following", "the previous", "the preceding"):
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
        if ctx.previous is not None and fine_enough(ctx.previous.grain, unit):
            return shift(ctx.previous.day, unit, step), "previous", "DATE"
        if rel in ("that", "the same") or ctx.dct is None:
            return None, "none", "DATE"
        return shift(ctx.dct, unit, step), "document", "DATE"
    step = RELATIVE_STEP.get(rel, 0)
    if unit == "Y" and ctx.narrative is not None:
        return dt.date(ctx.narrative + step, 7, 1), "narrative", "DATE"
    if ctx.dct is None:
        return None, "none", "DATE"
    return shift(ctx.dct, unit, step), "document", "DATE"


_ORDER = ["D", "W", "M", "Q", "Y", "DE", "CE"]


def fine_enough(grain: str, unit: str) -> bool:
    """Can a point of ``grain`` anchor a step of ``unit`` ("the next month" after a day)?"""
    g, u = UNIT_GRAIN.get(grain, grain), UNIT_GRAIN.get(unit, unit)
    if g == "W" and u not in ("D", "W"):
        return True
    return g in _ORDER and u in _ORDER and _ORDER.index(g) <= _ORDER.index(u)


def nearest_weekday(
    wd: int, rel: Optional[str], ctx: Context, tense: Callable[[], str]
) -> tuple[Optional[dt.date], str]:
    """(day, anchor) of ISO weekday ``wd`` after ``rel`` ("last", "next", "the following"
    or none): counted from the previous date or the document date, by the tense."""
    rel = re.sub(r"\s+", " ", (rel or "").lower())
    if rel in ("the following", "the next", "the previous", "the same"):
        if ctx.previous is None or ctx.previous.grain != "D":
            return None, "none"
        base = ctx.previous.day
        diff = (wd - base.isoweekday()) % 7
        if rel == "the previous":
            return base - dt.timedelta(days=(base.isoweekday() - wd) % 7 or 7), "previous"
        return base + dt.timedelta(days=diff or (0 if rel == "the same" else 7)), "previous"
    if ctx.dct is None:
        return None, "none"
    base = ctx.dct
    back = (base.isoweekday() - wd) % 7
    ahead = (wd - base.isoweekday()) % 7
    if rel in ("last", "past"):
        return base - dt.timedelta(days=back or 7), "document"
    if rel in ("next", "coming"):
        return base + dt.timedelta(days=ahead or 7), "document"
    if rel == "this":
        return base + dt.timedelta(days=wd - base.isoweekday()), "document"
    t = tense()
    if t == "past":
        return base - dt.timedelta(days=back), "document"
    if t == "future":
        return base + dt.timedelta(days=ahead or 7), "document"
    return (base - dt.timedelta(days=back) if back <= 3 else base + dt.timedelta(days=ahead)), "document"
