"""TIMEX3 values for candidate temporal expressions: granularity, calendar arithmetic
and the choice of anchor (document date, narrative year, previous date in the text).

A value is written at the granularity of the expression: ``September`` → ``2024-09``,
``2024`` → ``2024``, ``last week`` → ``2024-W10``, ``the 1990s`` → ``199``,
``the past year`` → ``P1Y``. :func:`normalize` returns the type, the value, which anchor
it used (``absolute``, ``document``, ``narrative``, ``previous``, ``none``) and, for a
date a later "two months later" may count from, the new reference point.

>>> ctx = Context(dct=dt.date(2025, 1, 1), narrative=2024)
>>> from pipeline.timex_grammar import find_candidates
>>> c = find_candidates("In September, Xi spoke.")[0]
>>> normalize(c, ctx, lambda: "past")[:3]
('DATE', '2024-09', 'narrative')
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from pipeline.timex_grammar import Candidate, lexicon

Point = tuple[dt.date, str]          # a day inside the period, and the granularity (Y, M, D ...)
Result = tuple[str, Optional[str], str, Optional[Point]]


@dataclass
class Context:
    dct: Optional[dt.date] = None            # document creation time
    narrative: Optional[int] = None          # the year a retrospective reviews
    previous: Optional[Point] = None         # the last resolved date of the narrative


_UNIT_GRAIN = {"D": "D", "W": "W", "WE": "W", "FN": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE",
               "CE": "CE", "ML": "CE", "H": "D", "MIN": "D", "S": "D"}
_REL = {"this": 0, "current": 0, "the current": 0, "the present": 0, "last": -1, "past": -1,
        "previous": -1, "next": 1, "coming": 1, "upcoming": 1, "following": 1, "the coming": 1,
        "the upcoming": 1}


def _lex() -> dict:
    return lexicon()


@functools.lru_cache(maxsize=None)
def _month(word: str) -> int:
    return _lex()["months"][word.lower().rstrip(".")]


@functools.lru_cache(maxsize=None)
def _unit(word: str) -> str:
    return _lex()["units"][word.lower()]


@functools.lru_cache(maxsize=4096)
def number(word: Optional[str]) -> Optional[float]:
    """``"three"`` → 3, ``"1,000"`` → 1000, ``"twenty-five"`` → 25; vague words → None."""
    if word is None:
        return 1.0
    w = re.sub(r"\s+", " ", word.lower().strip())
    nums = _lex()["numbers"]
    if w in nums:
        return float(nums[w])
    if re.fullmatch(r"\d+(?:\.\d+)?", w.replace(",", "")):
        return float(w.replace(",", ""))
    m = re.fullmatch(r"(\w+)[- ](\w+)", w)
    if m and m.group(1) in nums and m.group(2) in nums:
        return float(nums[m.group(1)] + nums[m.group(2)])
    return None


def _fmt_num(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(n: Optional[float], unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXY`` ... (fortnights are counted in weeks)."""
    if unit == "FN":
        return "P" + (_fmt_num(n * 2) if n is not None else "X") + "W"
    if unit in ("H", "MIN", "S"):
        return "PT" + _fmt_num(n) + {"H": "H", "MIN": "M", "S": "S"}[unit]
    return "P" + _fmt_num(n) + unit


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


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ctx: Context, tense: Callable[[], str]) -> tuple[Optional[int], str]:
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


def _year_rel(rel: Optional[str], ctx: Context) -> tuple[Optional[int], str]:
    """The year meant by ``this``/``last``/``next``/``that``/``the following`` year."""
    rel = re.sub(r"\s+", " ", (rel or "this").lower())
    if rel in ("that", "the same", "the following", "the previous"):
        if ctx.previous is None:
            return None, "none"
        return ctx.previous[0].year + {"the following": 1, "the previous": -1}.get(rel, 0), "previous"
    base, anchor = (ctx.narrative, "narrative") if ctx.narrative is not None else (
        (ctx.dct.year, "document") if ctx.dct else (None, "none"))
    if base is None:
        return None, "none"
    return base + _REL.get(rel, 0), anchor


def _relative_point(rel: str, unit: str, ctx: Context) -> tuple[Optional[dt.date], str, str]:
    """(day, anchor, type) for ``this week``, ``the next day``, ``that month`` ..."""
    rel = re.sub(r"\s+", " ", rel.lower())
    if rel in ("the past", "the last"):
        return None, "none", "DURATION"
    if rel in ("that", "the same", "the next", "the following", "the previous", "the preceding"):
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
        if ctx.previous is not None and _fine_enough(ctx.previous[1], unit):
            return shift(ctx.previous[0], unit, step), "previous", "DATE"
        if rel in ("that", "the same") or ctx.dct is None:
            return None, "none", "DATE"
        return shift(ctx.dct, unit, step), "document", "DATE"
    step = _REL.get(rel, 0)
    if unit == "Y" and ctx.narrative is not None:
        return dt.date(ctx.narrative + step, 7, 1), "narrative", "DATE"
    if ctx.dct is None:
        return None, "none", "DATE"
    return shift(ctx.dct, unit, step), "document", "DATE"


_ORDER = ["D", "W", "M", "Q", "Y", "DE", "CE"]


def _fine_enough(grain: str, unit: str) -> bool:
    g, u = _UNIT_GRAIN.get(grain, grain), _UNIT_GRAIN.get(unit, unit)
    if g == "W" and u not in ("D", "W"):
        return True
    return g in _ORDER and u in _ORDER and _ORDER.index(g) <= _ORDER.index(u)


def _weekday(wd: int, rel: Optional[str], ctx: Context, tense: Callable[[], str]) -> tuple[Optional[dt.date], str]:
    rel = re.sub(r"\s+", " ", (rel or "").lower())
    if rel in ("the following", "the next", "the previous", "the same"):
        if ctx.previous is None or ctx.previous[1] != "D":
            return None, "none"
        base = ctx.previous[0]
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


def normalize(c: Candidate, ctx: Context, tense: Callable[[], str]) -> Optional[Result]:
    """(type, value, anchor, new reference point) for a candidate, or None to drop it."""
    handler = _HANDLERS.get(c.kind)
    return handler(c.groups, c, ctx, tense) if handler else None


# --- families -------------------------------------------------------------------------------

def _full_date(g, c, ctx, tense):
    month = int(g["mon"]) if g.get("mon") else _month(g["month"])
    day = int(g["day"])
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


def _month_rel(g, c, ctx, tense):
    year, anchor = _year_rel(g["rel"], ctx)
    month = _month(g["month"])
    if year is None:
        return ("DATE", f"XXXX-{month:02d}", "none", None)
    return ("DATE", f"{year:04d}-{month:02d}", anchor, (dt.date(year, month, 1), "M"))


def _month_rel2(g, c, ctx, tense):
    """"last September" is the latest September before the document date, "next June" the
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
    step = -1 if t == "past" and ctx.dct.isoweekday() < 6 else (1 if t == "future" and ctx.dct.isoweekday() > 6 else 0)
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
        year, anchor = _year_rel(g["rel"].lower().replace("the coming", "next").replace("the past", "last"), ctx)
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


_CENTURY_WORDS = {"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20, "twenty-first": 21, "twenty-second": 22}


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
        return ("TIME", f"{ctx.dct.isoformat()}TNI", "document", None) if ctx.dct else ("TIME", None, "none", None)
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
    """"Friday next week", "last week on Sunday": that weekday of that ISO week."""
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
    code = _lex()["unit_adjectives"].get(g["adv"].lower()) or {"fortnightly": "FN", "nightly": "D"}[g["adv"].lower()]
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
    return ("DURATION", duration(number(g["num"]), _unit(g["unit"])), "none", None)


def _vague_duration(g, c, ctx, tense):
    return ("DURATION", duration(None, _unit(g["units"])), "none", None)


def _vague(g, c, ctx, tense):
    value = _lex()["vague_refs"].get(re.sub(r"\s+", " ", g["vague"].lower()))
    return ("DATE", value, "none", None) if value else None


_HANDLERS = {
    "iso": _full_date, "slash": _full_date, "mdy": _full_date, "dmy": _full_date,
    "month_rel": _month_rel, "month_rel2": _month_rel2, "weekend": _weekend, "my": _month_year, "month": _month_alone,
    "season_year": _season, "season_rel": _season, "season": _season, "quarter": _quarter,
    "decade": _decade, "century": _century, "year": _year, "rel_dur": _rel_dur, "ago": _ago,
    "rel_unit": _rel_unit, "the_year": _the_year, "deictic": _deictic, "part_rel": _part_of_day,
    "weekday": _weekday_date, "wd_week": _weekday_of_week, "clock": _clock, "set_every": _set_every, "set_freq": _set_freq,
    "set_adv": _set_adv, "set_plural": _set_plural, "holiday": _holiday, "dur_adj": _duration,
    "duration": _duration, "dur_bare": _vague_duration, "the_years": _vague_duration, "vague": _vague,
}
