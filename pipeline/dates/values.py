"""TIMEX3 values for candidate temporal expressions, one function per expression family of
``patterns/dates_grammar.tsv``; the calendar arithmetic and anchor choice they share is in
:mod:`pipeline.dates.calendar`.

A value is written at the granularity of the expression: ``September`` → ``2024-09``,
``2024`` → ``2024``, ``last week`` → ``2024-W10``, ``the 1990s`` → ``199``,
``the past year`` → ``P1Y``. :func:`normalize` returns the type, the value, which anchor
it used (``absolute``, ``document``, ``narrative``, ``previous``, ``none``) and, for a
date a later "two months later" may count from, the new reference point.

>>> ctx = Context(dct=dt.date(2025, 1, 1), narrative=2024)
>>> from pipeline.dates.grammar import find_candidates
>>> c = find_candidates("In September, Xi spoke.")[0]
>>> normalize(c, ctx, lambda: "past")[:3]
('DATE', '2024-09', 'narrative')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from pipeline.dates.calendar import (  # noqa: F401
    _REL,
    _UNIT_GRAIN,
    Context,
    Point,
    Result,
    _fine_enough,
    _lex,
    _month,
    _relative_point,
    _safe_date,
    _unit,
    _weekday,
    _year_for,
    _year_rel,
    duration,
    fmt,
    number,
    shift,
)
from pipeline.dates.grammar import Candidate


def normalize(c: Candidate, ctx: Context, tense: Callable[[], str]) -> Optional[Result]:
    """(type, value, anchor, new reference point) for a candidate, or None to drop it."""
    handler = _HANDLERS.get(c.kind)
    return handler(c.groups, c, ctx, tense) if handler else None


# --- families -------------------------------------------------------------------------------


def _day_of(g) -> int:
    if g.get("day"):
        return int(g["day"])
    if g.get("day2"):
        return int(g["day2"])
    return _lex()["ordinal_days"][re.sub(r"\s+", " ", g["dayw"].lower())]


def _full_date(g, c, ctx, tense):
    month = int(g.get("mon") or g.get("mon2") or 0) or _month(g["month"])
    day = _day_of(g)
    if g.get("year"):
        year = int(g["year"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        d = _safe_date(year, month, day)
        return ("DATE", d.isoformat(), "absolute", (d, "D")) if d else None
    year, anchor = _year_for(month, day, ctx, tense)
    if year is None:
        return ("DATE", f"XXXX-{month:02d}-{day:02d}", "none", None)
    d = _safe_date(year, month, day)
    return ("DATE", d.isoformat(), anchor, (d, "D")) if d else None


def _day_of_month(g, c, ctx, tense):
    """ "the 27th", "Friday the 22nd", "the 20th of next month": a day of a month that the
    text or the document date gives. With a weekday, the nearest month where that day is
    that weekday; else the month of the previous date of the narrative (day or month grain),
    else the document's month moved by the tense (a past "27th" after the 20th is last month's)."""
    day = _day_of(g)
    if g.get("rel"):
        if ctx.dct is None:
            return ("DATE", None, "none", None)
        base = shift(ctx.dct.replace(day=1), "M", _REL.get(re.sub(r"\s+", " ", g["rel"].lower()), 0))
        d = _safe_date(base.year, base.month, day)
        return ("DATE", d.isoformat(), "document", (d, "D")) if d else ("DATE", None, "none", None)
    wd = _lex()["weekdays"][g["wd"].lower().rstrip(".")] if g.get("wd") else None
    if ctx.previous is not None and ctx.previous[1] in ("D", "M") and wd is None:
        base, anchor, step = ctx.previous[0], "previous", 0
    elif ctx.dct is not None:
        base, anchor = ctx.dct, "document"
        t = tense()
        step = -1 if t == "past" and day > base.day else (1 if t == "future" and day < base.day else 0)
    else:
        return ("DATE", f"XXXX-XX-{day:02d}", "none", None)
    first = shift(base.replace(day=1), "M", step)
    if wd is not None:
        options = [shift(first, "M", k) for k in (0, -1, 1, -2, 2)]
        options = [_safe_date(m.year, m.month, day) for m in options]
        match = next((d for d in options if d is not None and d.isoweekday() == wd), None)
        if match is None:
            return ("DATE", f"XXXX-XX-{day:02d}", "none", None)
        return ("DATE", match.isoformat(), anchor, (match, "D"))
    d = _safe_date(first.year, first.month, day)
    return ("DATE", d.isoformat(), anchor, (d, "D")) if d else ("DATE", None, "none", None)


def _nth_weekday(g, c, ctx, tense):
    """ "the first Friday of July", "the last Monday of next month": that weekday of that month."""
    wd = _lex()["weekdays"][g["wd"].lower().rstrip(".")]
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
        month = _month(g["month"])
        if g.get("year"):
            year, anchor = int(g["year"]), "absolute"
        else:
            year, anchor = _year_for(month, 1, ctx, tense)
    else:
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        base = ctx.previous[0] if rel.startswith("the ") and ctx.previous else ctx.dct
        if base is None:
            return ("DATE", None, "none", None)
        first = shift(
            base.replace(day=1), "M", {"the following": 1, "the previous": -1}.get(rel, _REL.get(rel, 0))
        )
        year, month, anchor = first.year, first.month, "previous" if rel.startswith("the ") else "document"
    if year is None:
        return ("DATE", f"XXXX-{month:02d}-WXX-{wd}-#{n}", "none", None)
    days = [d for d in (_safe_date(year, month, k) for k in range(1, 32)) if d and d.isoweekday() == wd]
    if n > len(days):
        return ("DATE", None, "none", None)
    d = days[n - 1] if n > 0 else days[-1]
    return ("DATE", d.isoformat(), anchor, (d, "D"))


def _month_rel(g, c, ctx, tense):
    year, anchor = _year_rel(g["rel"], ctx)
    month = _month(g["month"])
    if year is None:
        return ("DATE", f"XXXX-{month:02d}", "none", None)
    return ("DATE", f"{year:04d}-{month:02d}", anchor, (dt.date(year, month, 1), "M"))


def _month_rel2(g, c, ctx, tense):
    """ "last September" is the latest September before the document date, "next June" the
    first one after; "this September" the one of the current (or narrative) year."""
    month = _month(g["month"])
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in ("the following", "the previous"):
        if ctx.previous is None:
            return ("DATE", f"XXXX-{month:02d}", "none", None)
        base, anchor = ctx.previous[0], "previous"
    elif ctx.dct is None:
        return ("DATE", f"XXXX-{month:02d}", "none", None)
    else:
        base, anchor = ctx.dct, "document"
    if rel == "this":
        year, anchor = _year_rel("this", ctx)
    elif rel in ("last", "past", "previous", "the previous"):
        year = base.year if month < base.month else base.year - 1
    else:
        year = base.year if month > base.month else base.year + 1
    return ("DATE", f"{year:04d}-{month:02d}", anchor, (dt.date(year, month, 1), "M"))


def _weekend(g, c, ctx, tense):
    if g["the"].lower() != "the":
        return _rel_unit({"rel": g["the"], "unit": g["unit"]}, c, ctx, tense)
    if ctx.dct is None:
        return ("DATE", None, "none", None)
    t = tense()
    step = (
        -1
        if t == "past" and ctx.dct.isoweekday() < 6
        else (1 if t == "future" and ctx.dct.isoweekday() > 6 else 0)
    )
    d = shift(ctx.dct, "W", step)
    return ("DATE", fmt(d, "WE"), "document", (d, "W"))


def _month_year(g, c, ctx, tense):
    year, month = int(g["year"]), _month(g["month"])
    return ("DATE", f"{year:04d}-{month:02d}", "absolute", (dt.date(year, month, 1), "M"))


def _month_alone(g, c, ctx, tense):
    month = _month(g["month"])
    year, anchor = _year_for(month, 1, ctx, tense)
    if year is None:
        return ("DATE", f"XXXX-{month:02d}", "none", None)
    return ("DATE", f"{year:04d}-{month:02d}", anchor, (dt.date(year, month, 1), "M"))


def _season_code(word: str) -> str:
    return _lex()["seasons"][word.lower()]


def _season(g, c, ctx, tense):
    code = _season_code(g["season"])
    if g.get("year"):
        return ("DATE", f"{g['year']}-{code}", "absolute", None)
    if g.get("rel"):
        year, anchor = _year_rel(
            g["rel"].lower().replace("the coming", "next").replace("the past", "last"), ctx
        )
    else:
        year, anchor = _year_for({"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code], 1, ctx, tense)
    return ("DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}", anchor if year else "none", None)


def _quarter(g, c, ctx, tense):
    if g.get("q"):
        n, kind = int(g["q"][1]), g["q"][0].upper()
    else:
        n = _lex()["ordinals"].get(g["ord"].lower(), 1)
        kind = "H" if g["qh"].lower() == "half" else "Q"
        if n == -1:
            n = 2 if kind == "H" else 4
        if kind == "H" and n > 2:
            return None
    if g.get("year"):
        year, anchor = int(g["year"]), "absolute"
    elif g.get("rel"):
        year, anchor = _year_rel(g["rel"], ctx)
    elif kind == "H":
        return None  # "the second half" of a match, a speech ...
    else:
        year, anchor = _year_for(n * 3 - 2, 1, ctx, tense)
    if year is None:
        return ("DATE", f"XXXX-{kind}{n}", "none", None)
    point = (dt.date(year, (n - 1) * (3 if kind == "Q" else 6) + 1, 1), "Q") if kind == "Q" else None
    return ("DATE", f"{year:04d}-{kind}{n}", anchor, point)


def _decade(g, c, ctx, tense):
    if g.get("dec"):
        return ("DATE", g["dec"][:3], "absolute", None)
    if g.get("decw"):
        d = 10 * _lex()["decade_words"][g["decw"].lower()]
    else:
        d = int(g.get("dec2") or g["dec3"])
    century = "19" if d >= 30 or (ctx.dct and ctx.dct.year < 2000 + d) else "20"
    return ("DATE", century + str(d // 10), "absolute", None)


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
    return ("DATE", f"{n - 1:02d}", "absolute", None)


def _year(g, c, ctx, tense):
    year = int(g["year"])
    return ("DATE", f"{year:04d}", "absolute", (dt.date(year, 7, 1), "Y"))


def _rel_dur(g, c, ctx, tense):
    return ("DURATION", duration(number(g["num"]), _unit(g["unit"])), "none", None)


def _ago(g, c, ctx, tense):
    n, unit = number(g["num"]), _unit(g["unit"])
    direction = re.sub(r"\s+", " ", g["dir"].lower())
    grain = _UNIT_GRAIN.get(unit, "D")
    if grain == "DE" or grain == "CE":
        grain = "Y"
    from_document = direction in ("ago", "from now", "hence")
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if n is None or n != int(n):
        if from_document:
            return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "none", None)
        return ("DATE", None, "none", None)
    if from_document:
        if ctx.dct is None:
            return ("DATE", None, "none", None)
        d = shift(ctx.dct, unit, sign * int(n))
        return ("DATE", fmt(d, grain), "document", (d, grain))
    if ctx.previous is None or not _fine_enough(ctx.previous[1], grain):
        return ("DATE", None, "none", None)
    d = shift(ctx.previous[0], unit, sign * int(n))
    return ("DATE", fmt(d, grain), "previous", (d, grain))


def _rel_unit(g, c, ctx, tense):
    unit = _unit(g["unit"])
    day, anchor, typ = _relative_point(g["rel"], unit, ctx)
    if typ == "DURATION":
        return ("DURATION", duration(1, unit), "none", None)
    grain = "WE" if unit == "WE" else _UNIT_GRAIN.get(unit, "D")
    if day is None:
        return ("DATE", None, "none", None)
    return ("DATE", fmt(day, grain), anchor, (day, "W" if grain == "WE" else grain))


def _the_year(g, c, ctx, tense):
    year, anchor = _year_rel("this", ctx)
    if year is None:
        return ("DATE", None, "none", None)
    return ("DATE", f"{year:04d}", anchor, (dt.date(year, 7, 1), "Y"))


def _deictic(g, c, ctx, tense):
    word = re.sub(r"\s+", " ", g["deic"].lower())
    step = _lex()["deictic_days"].get(word, 0)
    if ctx.dct is None:
        return ("DATE", None, "none", None)
    d = ctx.dct + dt.timedelta(days=step)
    return ("DATE", d.isoformat(), "document", (d, "D"))


def _part_of_day(g, c, ctx, tense):
    if g.get("tonight"):
        return (
            ("TIME", f"{ctx.dct.isoformat()}TNI", "document", None)
            if ctx.dct
            else ("TIME", None, "none", None)
        )
    code = _lex()["parts_of_day"][g["part"].lower()]
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in ("that", "the same", "the following", "the next", "the previous"):
        if ctx.previous is None or ctx.previous[1] != "D":
            return ("TIME", None, "none", None)
        step = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
        return ("TIME", f"{(ctx.previous[0] + dt.timedelta(days=step)).isoformat()}T{code}", "previous", None)
    if ctx.dct is None:
        return ("TIME", None, "none", None)
    step = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(rel, 0)
    return ("TIME", f"{(ctx.dct + dt.timedelta(days=step)).isoformat()}T{code}", "document", None)


def _weekday_date(g, c, ctx, tense):
    wd = _lex()["weekdays"][g["wd"].lower().rstrip(".")]
    day, anchor = _weekday(wd, g.get("rel"), ctx, tense)
    part = g.get("part")
    if day is None:
        return ("TIME" if part else "DATE", f"XXXX-WXX-{wd}", "none", None)
    if part:
        return ("TIME", f"{day.isoformat()}T{_lex()['parts_of_day'][part.lower()]}", anchor, (day, "D"))
    return ("DATE", day.isoformat(), anchor, (day, "D"))


def _weekday_of_week(g, c, ctx, tense):
    """ "Friday next week", "last week on Sunday": that weekday of that ISO week."""
    wd = _lex()["weekdays"][(g.get("wd") or g["wd2"]).lower().rstrip(".")]
    if ctx.dct is None:
        return ("DATE", f"XXXX-WXX-{wd}", "none", None)
    week = shift(ctx.dct, "W", _REL[(g.get("rel") or g["rel2"]).lower()])
    day = week + dt.timedelta(days=wd - week.isoweekday())
    return ("DATE", day.isoformat(), "document", (day, "D"))


def _clock(g, c, ctx, tense):
    if g.get("noon"):
        hour, minute = (12, 0) if g["noon"].lower() == "noon" else (24, 0)
    elif g.get("h"):
        hour, minute = int(g["h"]), int(g["mi"] or 0)
        pm = g["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    else:
        hour, minute = int(g["h2"]), int(g["mi2"])
    if ctx.previous is not None and ctx.previous[1] == "D":
        day, anchor = ctx.previous[0], "previous"
    elif ctx.dct is not None:
        day, anchor = ctx.dct, "document"
    else:
        return ("TIME", f"T{hour:02d}:{minute:02d}", "none", None)
    return ("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", anchor, None)


def _set_every(g, c, ctx, tense):
    if g.get("wd"):
        return ("SET", f"XXXX-WXX-{_lex()['weekdays'][g['wd'].lower().rstrip('.')]}", "none", None)
    if g.get("month"):
        return ("SET", f"XXXX-{_month(g['month']):02d}", "none", None)
    if g.get("season"):
        return ("SET", f"XXXX-{_season_code(g['season'])}", "none", None)
    n = 2.0 if g.get("other") else (number(g["num"]) if g.get("num") else 1.0)
    return ("SET", duration(n, _unit(g["unit"])), "none", None)


def _set_freq(g, c, ctx, tense):
    return ("SET", duration(1, _unit(g["unit"])), "none", None)


def _set_adv(g, c, ctx, tense):
    code = (
        _lex()["unit_adjectives"].get(g["adv"].lower())
        or {"fortnightly": "FN", "nightly": "D"}[g["adv"].lower()]
    )
    m = re.fullmatch(r"(\d*)([A-Z]+)", code)
    return ("SET", duration(float(m.group(1) or 1), m.group(2)), "none", None)


def _set_plural(g, c, ctx, tense):
    return ("SET", f"XXXX-WXX-{_lex()['weekdays'][g['wds'][:-1].lower()]}", "none", None)


def _holiday(g, c, ctx, tense):
    if g["hol"][0].islower():
        return None
    md = _lex()["holidays"][re.sub(r"\s+", " ", g["hol"].lower())]
    month, day = int(md[2:4]), int(md[5:7])
    return _full_date({"mon": month, "day": day, "year": g.get("year")}, c, ctx, tense)


def _duration(g, c, ctx, tense):
    n = number(g["num"])
    if g.get("half") and n is not None:
        n += 0.5  # "an hour and a half"
    return ("DURATION", duration(n, _unit(g["unit"])), "none", None)


_ISO_ORDER = ["Y", "M", "W", "D", "H", "MIN", "S"]


def _duration_multi(g, c, ctx, tense):
    """ "two years and three months" → P2Y3M (weeks become days when mixed with them)."""
    parts = {}
    for num, unit in g["parts"]:
        n, u = number(num), _unit(unit)
        if n is None:
            return ("DURATION", None, "none", None)
        if u in ("DE", "CE", "ML"):
            n, u = n * {"DE": 10, "CE": 100, "ML": 1000}[u], "Y"
        if u == "FN":
            n, u = n * 2, "W"
        parts[u] = parts.get(u, 0) + n
    if "W" in parts and len(parts) > 1:
        parts["D"] = parts.get("D", 0) + 7 * parts.pop("W")
    date = "".join(f"{_fmt(parts[u])}{u}" for u in _ISO_ORDER[:4] if u in parts)
    time = "".join(f"{_fmt(parts[u])}{u[0]}" for u in _ISO_ORDER[4:] if u in parts)
    return ("DURATION", "P" + date + ("T" + time if time else ""), "none", None)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _ago_multi(g, c, ctx, tense):
    """ "1 month and 21 days ago": the document date (or previous date) moved by every part."""
    sign = 1 if g["dir"].lower().split()[0] in ("later", "after", "from", "hence") else -1
    from_document = g["dir"].lower().split()[0] in ("ago", "from", "hence")
    base = ctx.dct if from_document else (ctx.previous[0] if ctx.previous else None)
    if base is None:
        return ("DATE", None, "none", None)
    finest = "Y"
    for num, unit in g["parts"]:
        n, u = number(num), _unit(unit)
        if n is None or n != int(n):
            return ("DATE", None, "none", None)
        base = shift(base, u, sign * int(n))
        grain = _UNIT_GRAIN.get(u, "D")
        if grain in _ORDER_FINE and _ORDER_FINE.index(grain) < _ORDER_FINE.index(finest):
            finest = grain
    return ("DATE", fmt(base, finest), "document" if from_document else "previous", (base, finest))


_ORDER_FINE = ["D", "W", "M", "Q", "Y"]


def _duration_whole(g, c, ctx, tense):
    return ("DURATION", duration(1, _unit(g["unit"])), "none", None)


def _vague_duration(g, c, ctx, tense):
    return ("DURATION", duration(None, _unit(g["units"])), "none", None)


def _vague(g, c, ctx, tense):
    value = _lex()["vague_refs"].get(re.sub(r"\s+", " ", g["vague"].lower()))
    return ("DATE", value, "none", None) if value else None


_HANDLERS = {
    "iso": _full_date,
    "slash": _full_date,
    "md": _full_date,
    "mdy": _full_date,
    "dmy": _full_date,
    "dom": _day_of_month,
    "nth_wd": _nth_weekday,
    "dur_whole": _duration_whole,
    "dur_multi": _duration_multi,
    "ago_multi": _ago_multi,
    "month_rel": _month_rel,
    "month_rel2": _month_rel2,
    "weekend": _weekend,
    "my": _month_year,
    "month": _month_alone,
    "season_year": _season,
    "season_rel": _season,
    "season": _season,
    "quarter": _quarter,
    "decade": _decade,
    "century": _century,
    "year": _year,
    "rel_dur": _rel_dur,
    "ago": _ago,
    "rel_unit": _rel_unit,
    "the_year": _the_year,
    "deictic": _deictic,
    "part_rel": _part_of_day,
    "weekday": _weekday_date,
    "wd_week": _weekday_of_week,
    "clock": _clock,
    "set_every": _set_every,
    "set_freq": _set_freq,
    "set_adv": _set_adv,
    "set_plural": _set_plural,
    "holiday": _holiday,
    "dur_adj": _duration,
    "duration": _duration,
    "dur_bare": _vague_duration,
    "the_years": _vague_duration,
    "vague": _vague,
}
