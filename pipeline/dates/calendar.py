"""Calendar arithmetic and anchors for TIMEX3 values: numbers and units, shifting a day by
calendar units, writing a day at a granularity, and choosing the year, week or weekday a
relative expression means (document date, narrative year, previous date in the text).
The expression families that use these live in :mod:`pipeline.dates.values` and the
modules it dispatches to.

``shift(dt.date(2024, 1, 31), "M", 1)`` → 2024-02-29; ``fmt(day, "W")`` → ``2024-W05``;
``duration(3, "Y")`` → ``P3Y``. Month arithmetic is ``dateutil.relativedelta``'s (month
ends clamp). A date pushed past what TIMEX3 and Python can write (before 0001-01-01,
after 9999-12-31: "next year" in a document dated 9999-12-31) is clamped to that end,
and :class:`Context` notes it so the article gets a warning.

>>> fmt(shift(dt.date(2024, 1, 31), "M", 1), "D")
'2024-02-29'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple, Optional

from dateutil.relativedelta import relativedelta

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
    """What relative expressions of one document are anchored on, and the calendar
    arithmetic they do (which notes a date clamped to the calendar's range)."""

    dct: Optional[dt.date] = None  # document creation time
    narrative: Optional[int] = None  # the year a retrospective reviews
    previous: Optional[Point] = None  # the last resolved date of the narrative
    previous_end: int = -1  # where the expression that gave it ends in the text
    clamped: bool = False  # a date of the expression being read fell off the calendar

    def shift(self, day: dt.date, unit: str, n: int) -> dt.date:
        """:func:`shift`, noting a clamp."""
        moved, clamped = shift_clamped(day, unit, n)
        self.clamped |= clamped
        return moved

    def year(self, year: int) -> int:
        """``year`` within 1-9999, noting a clamp."""
        if 1 <= year <= 9999:
            return year
        self.clamped = True
        return min(max(year, 1), 9999)


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


_DAYS_IN = {"D": 1, "W": 7, "WE": 7, "FN": 14}
_MONTHS_IN = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}


def shift_clamped(day: dt.date, unit: str, n: int) -> tuple[dt.date, bool]:
    """``day`` moved by ``n`` calendar units (month ends clamp: January 31 + 1 month is
    February 29), and whether it had to stop at the first or last day of the calendar.
    Units finer than a day leave the day as it is."""
    if unit in _DAYS_IN:
        delta = relativedelta(days=_DAYS_IN[unit] * n)
    elif unit in _MONTHS_IN:
        delta = relativedelta(months=_MONTHS_IN[unit] * n)
    else:
        return day, False
    try:
        return day + delta, False
    except (OverflowError, ValueError):  # before 0001-01-01 or after 9999-12-31
        return (dt.date.max if n > 0 else dt.date.min), True


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` calendar units (month ends clamp, and the calendar's ends)."""
    return shift_clamped(day, unit, n)[0]


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


def year_for(
    month: int, day: Optional[int], ctx: Context, tense: Callable[[], str]
) -> tuple[Optional[int], str]:
    """The year of a month (and day; None: the whole month) written without one: the
    narrative year of a retrospective, else the latest one up to the document date in a
    past-tense sentence, the next one from it in a future-tense one ("will meet in March"
    said in March is this March), the nearest in a present-tense one (from four months
    back to eight ahead)."""
    t = tense()
    if ctx.narrative is not None and t != "future":
        return ctx.narrative, "narrative"
    if ctx.dct is None:
        return None, "none"
    here = (ctx.dct.month, ctx.dct.day if day is not None else 0)
    when = (month, day or 0)
    if t == "past":
        return (ctx.dct.year if when <= here else ctx.year(ctx.dct.year - 1)), "document"
    if t == "future":
        return (ctx.dct.year if when >= here else ctx.year(ctx.dct.year + 1)), "document"
    if t != "present":
        return ctx.dct.year, "document"
    # present tense: the occurrence from four months back to eight ahead ("the elections
    # are in October" ahead, "following a cyclone in December" told in March behind)
    ahead = (month - ctx.dct.month) + ((day - ctx.dct.day) / 31 if day is not None else 0)
    if ahead > 8:
        return ctx.year(ctx.dct.year - 1), "document"
    if ahead < -4:
        return ctx.year(ctx.dct.year + 1), "document"
    return ctx.dct.year, "document"


def relative_year(rel: Optional[str], ctx: Context) -> tuple[Optional[int], str]:
    """The year meant by ``this``/``last``/``next``/``that``/``the following`` year."""
    rel = re.sub(r"\s+", " ", (rel or "this").lower())
    if rel in ("that", "the same", "the following", "the previous"):
        if ctx.previous is None:
            return None, "none"
        return ctx.year(
            ctx.previous.day.year + {"the following": 1, "the previous": -1}.get(rel, 0)
        ), "previous"
    base, anchor = (
        (ctx.narrative, "narrative")
        if ctx.narrative is not None
        else ((ctx.dct.year, "document") if ctx.dct else (None, "none"))
    )
    if base is None:
        return None, "none"
    return ctx.year(base + RELATIVE_STEP.get(rel, 0)), anchor


def relative_point(rel: str, unit: str, ctx: Context) -> tuple[Optional[dt.date], str, str]:
    """(day, anchor, type) for ``this week``, ``the next day``, ``that month`` ..."""
    rel = re.sub(r"\s+", " ", rel.lower())
    if rel in ("the past", "the last") or (rel in ("the next", "the coming") and unit in ("DE", "CE", "ML")):
        return None, "none", "DURATION"  # "the past year", "the next decade"
    if rel in ("that", "the same", "the next", "the following", "the previous", "the preceding"):
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
        if ctx.previous is not None and fine_enough(ctx.previous.grain, unit):
            return ctx.shift(ctx.previous.day, unit, step), "previous", "DATE"
        if rel in ("that", "the same") or ctx.dct is None:
            return None, "none", "DATE"
        return ctx.shift(ctx.dct, unit, step), "document", "DATE"
    step = RELATIVE_STEP.get(rel, 0)
    if unit == "Y" and ctx.narrative is not None:
        return dt.date(ctx.year(ctx.narrative + step), 7, 1), "narrative", "DATE"
    if ctx.dct is None:
        return None, "none", "DATE"
    return ctx.shift(ctx.dct, unit, step), "document", "DATE"


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
            return ctx.shift(base, "D", -((base.isoweekday() - wd) % 7 or 7)), "previous"
        return ctx.shift(base, "D", diff or (0 if rel == "the same" else 7)), "previous"
    if ctx.dct is None:
        return None, "none"
    base = ctx.dct
    back = (base.isoweekday() - wd) % 7
    ahead = (wd - base.isoweekday()) % 7
    if rel in ("last", "past", "this past"):
        return ctx.shift(base, "D", -(back or 7)), "document"
    if rel in ("next", "coming", "this coming"):
        return ctx.shift(base, "D", ahead or 7), "document"
    if rel == "this":
        return ctx.shift(base, "D", wd - base.isoweekday()), "document"
    t = tense()
    if t == "past":
        return ctx.shift(base, "D", -back), "document"
    if t == "future":
        return ctx.shift(base, "D", ahead or 7), "document"
    return (ctx.shift(base, "D", -back) if back <= 3 else ctx.shift(base, "D", ahead)), "document"
