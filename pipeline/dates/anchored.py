"""TIMEX3 values of expressions that count from another time the text names: "a month
earlier", "two days before the vote", "eight years from now", "the day before", "at the
time", "the 99th day".

TimeML annotates the duration of "a month earlier" ("a month", ``P1M``) and leaves the
date it leads to to a temporal function: that date is the Timex's point (the record's
``point``), counted from the previous date of the text, from the document date for "from
now", or, before or after a named happening ("a day before the G20 summit"), from the
date the article gives that happening (:mod:`pipeline.dates.event_anchors`; left open
here).

>>> import datetime as dt
>>> from pipeline.dates.calendar import Context, Point
>>> ctx = Context(dct=dt.date(2024, 5, 1), previous=Point(dt.date(2023, 6, 3), "D"))
>>> t = _anchored({"num": "Two", "unit": "months", "dir": "later", "closed": ""}, None, ctx, lambda: "past")
>>> t.type, t.value, t.anchor, t.point
('DURATION', 'P2M', 'previous', Point(day=datetime.date(2023, 8, 3), grain='M'))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from pipeline.dates.calendar import (
    UNIT_GRAIN,
    Context,
    Handler,
    Point,
    Timex,
    fine_enough,
    fmt,
    number,
    relative_year,
    unit_code,
)
from pipeline.dates.durations import duration_value
from pipeline.dates.grammar import date_lexicon

_LATER = frozenset({"later", "after", "from now", "hence"})
_EVENT_DIRS = frozenset({"before", "after", "prior"})
_ORDER_FINE = ["D", "W", "M", "Q", "Y"]


def _direction(g: dict) -> str:
    return re.sub(r"\s+", " ", g["dir"].lower())


def counts_from_event(g: dict) -> bool:
    """ "two days before the vote", "the day after the election": a direction word with
    the happening it counts from written after it."""
    return _direction(g) in _EVENT_DIRS and g.get("closed") is None


def moved(base, parts, sign: int, ctx: Context) -> Optional[Point]:
    """``base`` moved by every (number, unit) of ``parts``, at the finest unit's grain
    (decades and centuries at year grain); None for a vague count ("a few days")."""
    finest = "Y"
    for num, unit in parts:
        n, u = number(num), unit_code(unit)
        if n is None or n != int(n):
            return None
        base = ctx.shift(base, u, sign * int(n))
        grain = UNIT_GRAIN.get(u, "D")
        if grain in _ORDER_FINE and _ORDER_FINE.index(grain) < _ORDER_FINE.index(finest):
            finest = grain
    return Point(base, finest)


def _parts(g: dict) -> tuple:
    return tuple(g.get("parts") or ((g["num"], g["unit"]),))


def _anchored(g, c, ctx, tense):
    """ "a month earlier", "1 month and 10 days later", "eight years from now": the DURATION,
    and the date it leads to from the previous date (the document date after "from now")."""
    parts = _parts(g)
    value = duration_value(parts)
    direction = _direction(g)
    if counts_from_event(g):
        return Timex("DURATION", value, "none", None)
    if direction == "from now":
        base, anchor = ctx.dct, "document"
    elif ctx.previous is not None:
        base, anchor = ctx.previous.day, "previous"
    else:
        return Timex("DURATION", value, "none", None)
    if base is None:
        return Timex("DURATION", value, "none", None)
    point = moved(base, parts, 1 if direction in _LATER else -1, ctx)
    if point is None or (anchor == "previous" and not fine_enough(ctx.previous.grain, point.grain)):
        return Timex("DURATION", value, "none", None)
    return Timex("DURATION", value, anchor, point)


def _unit_of(word: str) -> str:
    return "D" if word.lower() == "night" else unit_code(word)


def _rel_anchor(g, c, ctx, tense):
    """ "the day before", "the year after": one unit from the previous date (else the
    document date). Before a named happening ("the day before the summit") the value waits
    for :mod:`pipeline.dates.event_anchors`, and stays open if the article does not date it."""
    night = g["unit"].lower() == "night"
    if g.get("far"):  # "the week after next", "the year before last": two from the document date
        return _two_from_now(g, ctx, night)
    if counts_from_event(g):
        return Timex("TIME" if night else "DATE", None, "none", None)
    unit = _unit_of(g["unit"])
    grain = "WE" if unit == "WE" else UNIT_GRAIN.get(unit, "D")
    step = 1 if _direction(g) in ("after", "later") else -1
    if ctx.previous is not None and fine_enough(ctx.previous.grain, unit):
        base, anchor = ctx.previous.day, "previous"
    elif ctx.dct is not None:
        base, anchor = ctx.dct, "document"
    else:
        return Timex("TIME" if night else "DATE", None, "none", None)
    day = ctx.shift(base, unit, step)
    if night:
        return Timex("TIME", f"{day.isoformat()}TNI", anchor, None)
    return Timex("DATE", fmt(day, grain), anchor, Point(day, "W" if grain == "WE" else grain))


def _two_from_now(g, ctx, night):
    unit = _unit_of(g["unit"])
    if ctx.dct is None:
        return Timex("TIME" if night else "DATE", None, "none", None)
    day = ctx.shift(ctx.dct, unit, 2 if _direction(g) in ("after", "later") else -2)
    if night:
        return Timex("TIME", f"{day.isoformat()}TNI", "document", None)
    grain = "WE" if unit == "WE" else UNIT_GRAIN.get(unit, "D")
    return Timex("DATE", fmt(day, grain), "document", Point(day, "W" if grain == "WE" else grain))


_THE_TIME_REACH = 300  # characters back "at the time" reaches for the time it means


def _the_time(g, c, ctx, tense):
    """ "at the time": the time the text has just named (in the last sentence or two),
    else a past one (PAST_REF)."""
    if ctx.previous is not None and 0 <= c.start - ctx.previous_end <= _THE_TIME_REACH:
        return Timex("DATE", fmt(ctx.previous.day, ctx.previous.grain), "previous", None)
    return Timex("DATE", "PAST_REF", "none", None)


def _nth_unit(g, c, ctx, tense):
    """ "the third week of 2027" → 2027-W03, "the second month of next year" → 2027-02; "the
    99th day", "its third year" (of a stretch whose start the text rarely gives) are left
    unanchored rather than guessed."""
    if not (g.get("year") or g.get("rel")):
        return Timex("DATE", None, "none", None)
    word = g["ord"].lower()
    n = (
        int(word[:-2])
        if word[:-2].isdigit()
        else date_lexicon()["ordinal_days"].get(re.sub(r"\s+", " ", word))
    )
    year, anchor = (int(g["year"]), "absolute") if g.get("year") else relative_year(g["rel"], ctx)
    unit = unit_code(g["unit"])
    if year is None or not n:
        return Timex("DATE", None, "none", None)
    if unit == "W" and n <= 53:
        return Timex("DATE", f"{year:04d}-W{n:02d}", anchor, None)
    if unit == "M" and n <= 12:
        return Timex("DATE", f"{year:04d}-{n:02d}", anchor, Point(dt.date(year, n, 1), "M"))
    if unit == "D" and n <= 365:
        day = ctx.shift(dt.date(year, 1, 1), "D", n - 1)
        return Timex("DATE", day.isoformat(), anchor, Point(day, "D"))
    return Timex("DATE", None, "none", None)


def _bare_ago(g, c, ctx, tense):
    """ "years ago": some time before the document date."""
    return Timex("DATE", "PAST_REF", "none", None)


def _the_quarter(g, c, ctx, tense):
    """ "the quarter", "the latest quarter", "the period" (of a financial report): the quarter
    the text last named, else the last one completed before the document date."""
    if ctx.previous is not None and ctx.previous.grain == "Q":
        day, grain, anchor = ctx.previous.day, "Q", "previous"
    elif g["unit"].lower() == "quarter" and ctx.dct is not None:
        day, grain, anchor = ctx.shift(ctx.dct, "Q", -1), "Q", "document"
    elif g["unit"].lower() == "quarter":
        return Timex("DATE", None, "none", None)
    else:
        return None  # "the period" after no quarter: not a reporting period
    return Timex("DATE", fmt(day, grain), anchor, Point(day, grain))


_YEAR_EARLIER_GRAIN = {"quarter": "Q", "month": "M", "week": "W", "year": "Y"}


def _year_earlier(g, c, ctx, tense):
    """ "the year-earlier quarter", "the year-ago period": the period the text last named
    (the last quarter completed, for a quarter), a year before."""
    unit = g["unit"].lower()
    grain = _YEAR_EARLIER_GRAIN.get(unit)
    if ctx.previous is not None and (grain is None or fine_enough(ctx.previous.grain, grain)):
        base, grain, anchor = ctx.previous.day, grain or ctx.previous.grain, "previous"
    elif ctx.dct is not None:
        base, anchor = (ctx.shift(ctx.dct, "Q", -1) if unit == "quarter" else ctx.dct), "document"
        grain = grain or "Y"
    else:
        return Timex("DATE", None, "none", None)
    day = ctx.shift(base, "Y", -1)
    return Timex("DATE", fmt(day, grain), anchor, None)


HANDLERS: dict[str, Handler] = {
    "the_quarter": _the_quarter,
    "year_earlier": _year_earlier,
    "anchored": _anchored,
    "anchored_multi": _anchored,
    "rel_anchor": _rel_anchor,
    "the_time": _the_time,
    "nth_unit": _nth_unit,
    "bare_ago": _bare_ago,
}
