"""TIMEX3 values of expressions counted from an anchor: "last September", "this week",
"two months later", "three days ago", "yesterday", "Friday", "Monday morning",
"10:30 a.m.": the document date, the narrative year or the previous date of the text,
as :mod:`pipeline.dates.calendar` chooses.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.dates.calendar import (
    RELATIVE_STEP,
    UNIT_GRAIN,
    Handler,
    Point,
    Timex,
    duration,
    fine_enough,
    fmt,
    month_number,
    nearest_weekday,
    number,
    relative_point,
    relative_year,
    unit_code,
)
from pipeline.dates.grammar import date_lexicon


def _month_rel(g, c, ctx, tense):
    year, anchor = relative_year(g["rel"], ctx)
    month = month_number(g["month"])
    if year is None:
        return Timex("DATE", f"XXXX-{month:02d}", "none", None)
    return Timex("DATE", f"{year:04d}-{month:02d}", anchor, Point(dt.date(year, month, 1), "M"))


def _month_rel2(g, c, ctx, tense):
    """ "last September" is the latest September before the document date, "next June" the
    first one after; "this September" the one of the current (or narrative) year."""
    month = month_number(g["month"])
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in ("the following", "the previous"):
        if ctx.previous is None:
            return Timex("DATE", f"XXXX-{month:02d}", "none", None)
        base, anchor = ctx.previous.day, "previous"
    elif ctx.dct is None:
        return Timex("DATE", f"XXXX-{month:02d}", "none", None)
    else:
        base, anchor = ctx.dct, "document"
    if rel == "this":
        year, anchor = relative_year("this", ctx)
    elif rel in ("last", "past", "previous", "the previous"):
        year = base.year if month < base.month else ctx.year(base.year - 1)
    else:
        year = base.year if month > base.month else ctx.year(base.year + 1)
    return Timex("DATE", f"{year:04d}-{month:02d}", anchor, Point(dt.date(year, month, 1), "M"))


def _weekend(g, c, ctx, tense):
    if g["the"].lower() != "the":
        return _rel_unit({"rel": g["the"], "unit": g["unit"]}, c, ctx, tense)
    if ctx.dct is None:
        return Timex("DATE", None, "none", None)
    t = tense()
    step = (
        -1
        if t == "past" and ctx.dct.isoweekday() < 6
        else (1 if t == "future" and ctx.dct.isoweekday() > 6 else 0)
    )
    d = ctx.shift(ctx.dct, "W", step)
    return Timex("DATE", fmt(d, "WE"), "document", Point(d, "W"))


def _rel_unit(g, c, ctx, tense):
    unit = unit_code(g["unit"])
    day, anchor, typ = relative_point(g["rel"], unit, ctx)
    if typ == "DURATION":
        return Timex("DURATION", duration(1, unit), "none", None)
    grain = "WE" if unit == "WE" else UNIT_GRAIN.get(unit, "D")
    if day is None:
        return Timex("DATE", None, "none", None)
    return Timex("DATE", fmt(day, grain), anchor, Point(day, "W" if grain == "WE" else grain))


def _part_of_unit(g, c, ctx, tense):
    """ "the end of the month", "the middle of the week", "end of year": a part of the
    current one; "earlier in the day": of the day just named, else of the document's."""
    if g["unit"].lower() == "day" and ctx.previous is not None and ctx.previous.grain == "D":
        return Timex("DATE", ctx.previous.day.isoformat(), "previous", None)
    return _rel_unit({"rel": "this", "unit": g["unit"]}, c, ctx, tense)


def _ago(g, c, ctx, tense):
    n, unit = number(g["num"]), unit_code(g["unit"])
    direction = re.sub(r"\s+", " ", g["dir"].lower())
    grain = UNIT_GRAIN.get(unit, "D")
    if grain == "DE" or grain == "CE":
        grain = "Y"
    from_document = direction in ("ago", "from now", "hence")
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if n is None or n != int(n):
        if from_document:
            return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "none", None)
        return Timex("DATE", None, "none", None)
    if from_document:
        if ctx.dct is None:
            return Timex("DATE", None, "none", None)
        d = ctx.shift(ctx.dct, unit, sign * int(n))
        return Timex("DATE", fmt(d, grain), "document", Point(d, grain))
    if ctx.previous is None or not fine_enough(ctx.previous.grain, grain):
        return Timex("DATE", None, "none", None)
    d = ctx.shift(ctx.previous.day, unit, sign * int(n))
    return Timex("DATE", fmt(d, grain), "previous", Point(d, grain))


def _ago_multi(g, c, ctx, tense):
    """ "1 month and 21 days ago": the document date (or previous date) moved by every part."""
    sign = 1 if g["dir"].lower().split()[0] in ("later", "after", "from", "hence") else -1
    from_document = g["dir"].lower().split()[0] in ("ago", "from", "hence")
    base = ctx.dct if from_document else (ctx.previous.day if ctx.previous else None)
    if base is None:
        return Timex("DATE", None, "none", None)
    finest = "Y"
    for num, unit in g["parts"]:
        n, u = number(num), unit_code(unit)
        if n is None or n != int(n):
            return Timex("DATE", None, "none", None)
        base = ctx.shift(base, u, sign * int(n))
        grain = UNIT_GRAIN.get(u, "D")
        if grain in _ORDER_FINE and _ORDER_FINE.index(grain) < _ORDER_FINE.index(finest):
            finest = grain
    return Timex("DATE", fmt(base, finest), "document" if from_document else "previous", Point(base, finest))


_ORDER_FINE = ["D", "W", "M", "Q", "Y"]


def _the_year(g, c, ctx, tense):
    year, anchor = relative_year("this", ctx)
    if year is None:
        return Timex("DATE", None, "none", None)
    return Timex("DATE", f"{year:04d}", anchor, Point(dt.date(year, 7, 1), "Y"))


def _deictic(g, c, ctx, tense):
    word = re.sub(r"\s+", " ", g["deic"].lower())
    step = date_lexicon()["deictic_days"].get(word, 0)
    if ctx.dct is None:
        return Timex("DATE", None, "none", None)
    d = ctx.shift(ctx.dct, "D", step)
    return Timex("DATE", d.isoformat(), "document", Point(d, "D"))


def _part_of_day(g, c, ctx, tense):
    if g.get("tonight"):
        return (
            Timex("TIME", f"{ctx.dct.isoformat()}TNI", "document", None)
            if ctx.dct
            else Timex("TIME", None, "none", None)
        )
    code = date_lexicon()["parts_of_day"][g["part"].lower()]
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in ("that", "the same", "the following", "the next", "the previous"):
        if ctx.previous is None or ctx.previous.grain != "D":
            return Timex("TIME", None, "none", None)
        step = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
        return Timex("TIME", f"{ctx.shift(ctx.previous.day, 'D', step).isoformat()}T{code}", "previous", None)
    if ctx.dct is None:
        return Timex("TIME", None, "none", None)
    step = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(rel, 0)
    return Timex("TIME", f"{ctx.shift(ctx.dct, 'D', step).isoformat()}T{code}", "document", None)


def _weekday_date(g, c, ctx, tense):
    wd = date_lexicon()["weekdays"][g["wd"].lower().rstrip(".")]
    day, anchor = nearest_weekday(wd, g.get("rel"), ctx, tense)
    part = g.get("part")
    if day is None:
        return Timex("TIME" if part else "DATE", f"XXXX-WXX-{wd}", "none", None)
    if part:
        return Timex(
            "TIME",
            f"{day.isoformat()}T{date_lexicon()['parts_of_day'][part.lower()]}",
            anchor,
            Point(day, "D"),
        )
    return Timex("DATE", day.isoformat(), anchor, Point(day, "D"))


def _weekday_of_week(g, c, ctx, tense):
    """ "Friday next week", "last week on Sunday": that weekday of that ISO week."""
    wd = date_lexicon()["weekdays"][(g.get("wd") or g["wd2"]).lower().rstrip(".")]
    if ctx.dct is None:
        return Timex("DATE", f"XXXX-WXX-{wd}", "none", None)
    week = ctx.shift(ctx.dct, "W", RELATIVE_STEP[(g.get("rel") or g["rel2"]).lower()])
    day = ctx.shift(week, "D", wd - week.isoweekday())
    return Timex("DATE", day.isoformat(), "document", Point(day, "D"))


def clock_time(g: dict) -> tuple[int, int]:
    """(hour, minute) of a clock time ("10:30 a.m.", "15:00", "noon")."""
    if g.get("noon"):
        return (12, 0) if g["noon"].lower() == "noon" else (24, 0)
    if g.get("h"):
        hour, minute = int(g["h"]), int(g["mi"] or 0)
        pm = g["ampm"].lower().startswith("p")
        return (hour % 12) + (12 if pm else 0), minute
    return int(g["h2"]), int(g["mi2"])


def _clock(g, c, ctx, tense):
    hour, minute = clock_time(g)
    if ctx.previous is not None and ctx.previous.grain == "D":
        day, anchor = ctx.previous.day, "previous"
    elif ctx.dct is not None:
        day, anchor = ctx.dct, "document"
    else:
        return Timex("TIME", f"T{hour:02d}:{minute:02d}", "none", None)
    return Timex("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", anchor, None)


HANDLERS: dict[str, Handler] = {
    "ago_multi": _ago_multi,
    "month_rel": _month_rel,
    "month_rel2": _month_rel2,
    "weekend": _weekend,
    "ago": _ago,
    "rel_unit": _rel_unit,
    "part_of_unit": _part_of_unit,
    "the_year": _the_year,
    "deictic": _deictic,
    "part_rel": _part_of_day,
    "weekday": _weekday_date,
    "wd_week": _weekday_of_week,
    "clock": _clock,
}
