"""TIMEX3 values of dates written on the calendar: full dates ("March 5, 2024", "5/3"),
a day of a month ("the 27th"), the nth weekday of a month, months, seasons, quarters,
decades, centuries, years and holidays. A year left out is chosen by
:func:`pipeline.dates.calendar.year_for` (narrative year, tense, document date).
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.dates.calendar import (
    RELATIVE_STEP,
    Handler,
    Point,
    Timex,
    fmt,
    month_number,
    relative_year,
    safe_date,
    year_for,
)
from pipeline.dates.grammar import date_lexicon


def _day_of(g) -> int:
    if g.get("day"):
        return int(g["day"])
    if g.get("day2"):
        return int(g["day2"])
    return date_lexicon()["ordinal_days"][re.sub(r"\s+", " ", g["dayw"].lower())]


def _full_date(g, c, ctx, tense):
    month = int(g.get("mon") or g.get("mon2") or 0) or month_number(g["month"])
    day = _day_of(g)
    if g.get("year"):
        year = int(g["year"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        d = safe_date(year, month, day)
        return Timex("DATE", d.isoformat(), "absolute", Point(d, "D")) if d else None
    year, anchor = year_for(month, day, ctx, tense)
    if year is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}", "none", None)
    d = safe_date(year, month, day)
    return Timex("DATE", d.isoformat(), anchor, Point(d, "D")) if d else None


def _day_of_month(g, c, ctx, tense):
    """ "the 27th", "Friday the 22nd", "the 20th of next month": a day of a month that the
    text or the document date gives. With a weekday, the nearest month where that day is
    that weekday; else the month of the previous date of the narrative (day or month grain),
    else the document's month moved by the tense (a past "27th" after the 20th is last month's)."""
    day = _day_of(g)
    if g.get("rel"):
        if ctx.dct is None:
            return Timex("DATE", None, "none", None)
        base = ctx.shift(
            ctx.dct.replace(day=1), "M", RELATIVE_STEP.get(re.sub(r"\s+", " ", g["rel"].lower()), 0)
        )
        d = safe_date(base.year, base.month, day)
        return (
            Timex("DATE", d.isoformat(), "document", Point(d, "D"))
            if d
            else Timex("DATE", None, "none", None)
        )
    wd = date_lexicon()["weekdays"][g["wd"].lower().rstrip(".")] if g.get("wd") else None
    if ctx.previous is not None and ctx.previous.grain in ("D", "M") and wd is None:
        base, anchor, step = ctx.previous.day, "previous", 0
    elif ctx.dct is not None:
        base, anchor = ctx.dct, "document"
        t = tense()
        step = -1 if t == "past" and day > base.day else (1 if t == "future" and day < base.day else 0)
    else:
        return Timex("DATE", f"XXXX-XX-{day:02d}", "none", None)
    first = ctx.shift(base.replace(day=1), "M", step)
    if wd is not None:
        options = [ctx.shift(first, "M", k) for k in (0, -1, 1, -2, 2)]
        options = [safe_date(m.year, m.month, day) for m in options]
        match = next((d for d in options if d is not None and d.isoweekday() == wd), None)
        if match is None:
            return Timex("DATE", f"XXXX-XX-{day:02d}", "none", None)
        return Timex("DATE", match.isoformat(), anchor, Point(match, "D"))
    d = safe_date(first.year, first.month, day)
    return Timex("DATE", d.isoformat(), anchor, Point(d, "D")) if d else Timex("DATE", None, "none", None)


def _nth_weekday(g, c, ctx, tense):
    """ "the first Friday of July", "the last Monday of next month": that weekday of that month."""
    wd = date_lexicon()["weekdays"][g["wd"].lower().rstrip(".")]
    n = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "fifth": 5,
        "5th": 5,
        "last": -1,
    }[g["ord"].lower()]
    if g.get("month"):
        month = month_number(g["month"])
        if g.get("year"):
            year, anchor = int(g["year"]), "absolute"
        else:
            year, anchor = year_for(month, 1, ctx, tense)
    else:
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        base = ctx.previous.day if rel.startswith("the ") and ctx.previous else ctx.dct
        if base is None:
            return Timex("DATE", None, "none", None)
        first = ctx.shift(
            base.replace(day=1),
            "M",
            {"the following": 1, "the previous": -1}.get(rel, RELATIVE_STEP.get(rel, 0)),
        )
        year, month, anchor = first.year, first.month, "previous" if rel.startswith("the ") else "document"
    if year is None:
        return Timex("DATE", f"XXXX-{month:02d}-WXX-{wd}-#{n}", "none", None)
    days = [d for d in (safe_date(year, month, k) for k in range(1, 32)) if d and d.isoweekday() == wd]
    if n > len(days):
        return Timex("DATE", None, "none", None)
    d = days[n - 1] if n > 0 else days[-1]
    return Timex("DATE", d.isoformat(), anchor, Point(d, "D"))


def _week_of(g, c, ctx, tense):
    """ "the week of March 18", "the week of the 18th": the ISO week holding that day."""
    day = (_full_date if g.get("month") else _day_of_month)(g, c, ctx, tense)
    if day is None or day.point is None:
        return Timex("DATE", None, "none", None)
    return Timex("DATE", fmt(day.point.day, "W"), day.anchor, Point(day.point.day, "W"))


def _month_year(g, c, ctx, tense):
    year, month = int(g["year"]), month_number(g["month"])
    return Timex("DATE", f"{year:04d}-{month:02d}", "absolute", Point(dt.date(year, month, 1), "M"))


def _month_alone(g, c, ctx, tense):
    month = month_number(g["month"])
    year, anchor = year_for(month, None, ctx, tense)
    if year is None:
        return Timex("DATE", f"XXXX-{month:02d}", "none", None)
    return Timex("DATE", f"{year:04d}-{month:02d}", anchor, Point(dt.date(year, month, 1), "M"))


def season_code(word: str) -> str:
    return date_lexicon()["seasons"][word.lower()]


def _season(g, c, ctx, tense):
    code = season_code(g["season"])
    if g.get("year"):
        return Timex("DATE", f"{g['year']}-{code}", "absolute", None)
    if g.get("rel"):
        year, anchor = relative_year(
            g["rel"].lower().replace("the coming", "next").replace("the past", "last"), ctx
        )
    else:
        year, anchor = year_for({"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code], None, ctx, tense)
    return Timex("DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}", anchor if year else "none", None)


def _quarter(g, c, ctx, tense):
    if g.get("q"):
        n, kind = int(g["q"][1]), g["q"][0].upper()
    else:
        n = date_lexicon()["ordinals"].get(g["ord"].lower(), 1)
        kind = "H" if g["qh"].lower() == "half" else "Q"
        if n == -1:
            n = 2 if kind == "H" else 4
        if kind == "H" and n > 2:
            return None
    if g.get("year"):
        year, anchor = int(g["year"]), "absolute"
    elif g.get("rel"):
        year, anchor = relative_year(g["rel"], ctx)
    elif kind == "H":
        return None  # "the second half" of a match, a speech ...
    else:
        year, anchor = year_for(n * 3 - 2, 1, ctx, tense)
    if year is None:
        return Timex("DATE", f"XXXX-{kind}{n}", "none", None)
    point = Point(dt.date(year, (n - 1) * (3 if kind == "Q" else 6) + 1, 1), "Q") if kind == "Q" else None
    return Timex("DATE", f"{year:04d}-{kind}{n}", anchor, point)


def _decade(g, c, ctx, tense):
    if g.get("dec"):
        return Timex("DATE", g["dec"][:3], "absolute", None)
    if g.get("decw"):
        d = 10 * date_lexicon()["decade_words"][g["decw"].lower()]
    else:
        d = int(g.get("dec2") or g["dec3"])
    century = "19" if d >= 30 or (ctx.dct and ctx.dct.year < 2000 + d) else "20"
    return Timex("DATE", century + str(d // 10), "absolute", None)


_CENTURY_WORDS = {
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
}


def _century(g, c, ctx, tense):
    n = int(g["cent"]) if g.get("cent") else _CENTURY_WORDS[g["centw"].lower()]
    return Timex("DATE", f"{n - 1:02d}", "absolute", None)


def _year(g, c, ctx, tense):
    year = int(g["year"])
    return Timex("DATE", f"{year:04d}", "absolute", Point(dt.date(year, 7, 1), "Y"))


_FISCAL_RELS = {"the": "this", "the current": "this", "the next": "next", "the coming": "next"}
_FISCAL_RELS.update({"the past": "last", "the last": "last", "the same": "the same", "the previous": "last"})


def _fiscal(g, c, ctx, tense):
    """ "fiscal 2025", "FY25", "the 2024-25 fiscal year" → FY2025 (a fiscal year is named by
    the year it ends in); "this fiscal year" → the document's, "last fiscal year" the one before."""
    if g.get("year") or g.get("fyy"):
        written = g.get("year") or g["fyy"]
        year = (
            int(written)
            if len(written) == 4
            else 2000 + int(written)
            if int(written) < 50
            else 1900 + int(written)
        )
        if g.get("yy"):  # "2024-25" ends in 2025
            end = year // 100 * 100 + int(g["yy"])
            year = end if end > year else end + 100
        return Timex("DATE", f"FY{year:04d}", "absolute", None)
    if not g.get("rel"):
        return None  # "fiscal year" alone: which one the text does not say
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    year, anchor = relative_year(_FISCAL_RELS.get(rel, rel), ctx)
    return Timex("DATE", f"FY{year:04d}" if year else None, anchor if year else "none", None)


def _holiday(g, c, ctx, tense):
    if g["hol"][0].islower():
        return None
    md = date_lexicon()["holidays"][re.sub(r"\s+", " ", g["hol"].lower())]
    month, day = int(md[2:4]), int(md[5:7])
    return _full_date({"mon": month, "day": day, "year": g.get("year")}, c, ctx, tense)


HANDLERS: dict[str, Handler] = {
    "iso": _full_date,
    "slash": _full_date,
    "md": _full_date,
    "mdy": _full_date,
    "dmy": _full_date,
    "dom": _day_of_month,
    "nth_wd": _nth_weekday,
    "my": _month_year,
    "month": _month_alone,
    "season_year": _season,
    "season_rel": _season,
    "season": _season,
    "quarter": _quarter,
    "decade": _decade,
    "century": _century,
    "year": _year,
    "holiday": _holiday,
    "fiscal": _fiscal,
    "week_of": _week_of,
}
