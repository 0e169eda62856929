"""TIMEX3 values of durations ("three years" → ``P3Y``, "two years and three months" →
``P2Y3M``), sets ("every Monday" → ``XXXX-WXX-1``, "every year" → ``P1Y``, "annually" →
``XXXX`` as TimeBank writes it) and vague references ("soon" → ``FUTURE_REF``).
"""

from __future__ import annotations

import re
from typing import Optional

from pipeline.dates.absolute import season_code
from pipeline.dates.calendar import (
    Handler,
    Timex,
    duration,
    fmt_number,
    month_number,
    number,
    unit_code,
)
from pipeline.dates.grammar import date_lexicon


def _rel_dur(g, c, ctx, tense):
    return Timex("DURATION", duration(number(g["num"]), unit_code(g["unit"])), "none", None)


def _duration(g, c, ctx, tense):
    n = number(g["num"])
    if g.get("half") and n is not None:
        n += 0.5  # "an hour and a half"
    return Timex("DURATION", duration(n, unit_code(g["unit"])), "none", None)


_ISO_ORDER = ["Y", "M", "W", "D", "H", "MIN", "S"]


def duration_value(parts) -> Optional[str]:
    """The TIMEX3 duration of (number, unit) parts: ``P2Y3M`` for "two years and three
    months" (weeks become days when mixed with them); ``PXD`` for a vague count."""
    if len(parts) == 1:
        num, unit = parts[0]
        return duration(number(num), unit_code(unit))
    values = {}
    for num, unit in parts:
        n, u = number(num), unit_code(unit)
        if n is None:
            return None
        if u in ("DE", "CE", "ML"):
            n, u = n * {"DE": 10, "CE": 100, "ML": 1000}[u], "Y"
        if u == "FN":
            n, u = n * 2, "W"
        values[u] = values.get(u, 0) + n
    if "W" in values and len(values) > 1:
        values["D"] = values.get("D", 0) + 7 * values.pop("W")
    date = "".join(f"{fmt_number(values[u])}{u}" for u in _ISO_ORDER[:4] if u in values)
    time = "".join(f"{fmt_number(values[u])}{u[0]}" for u in _ISO_ORDER[4:] if u in values)
    return "P" + date + ("T" + time if time else "")


def _duration_multi(g, c, ctx, tense):
    """ "two years and three months" → P2Y3M."""
    return Timex("DURATION", duration_value(g["parts"]), "none", None)


def _duration_whole(g, c, ctx, tense):
    return Timex("DURATION", duration(1, unit_code(g["unit"])), "none", None)


def _vague_duration(g, c, ctx, tense):
    return Timex("DURATION", duration(None, unit_code(g["units"])), "none", None)


def _vague(g, c, ctx, tense):
    value = date_lexicon()["vague_refs"].get(re.sub(r"\s+", " ", g["vague"].lower()))
    return Timex("DATE", value, "none", None) if value else None


def _set_every(g, c, ctx, tense):
    """ "every Monday" → XXXX-WXX-1, "each morning" → XXXX-XX-XXTMO, "every weekend" →
    XXXX-WXX-WE, "each season" → XXXX, "every two weeks" → P2W."""
    if g.get("wd"):
        return Timex(
            "SET", f"XXXX-WXX-{date_lexicon()['weekdays'][g['wd'].lower().rstrip('.')]}", "none", None
        )
    if g.get("month"):
        return Timex("SET", f"XXXX-{month_number(g['month']):02d}", "none", None)
    if g.get("season"):
        return Timex("SET", f"XXXX-{season_code(g['season'])}", "none", None)
    if g.get("part"):
        return Timex("SET", f"XXXX-XX-XXT{date_lexicon()['parts_of_day'][g['part'].lower()]}", "none", None)
    if g.get("seasonw"):
        return Timex("SET", "XXXX", "none", None)
    n = 2.0 if g.get("other") else (number(g["num"]) if g.get("num") else 1.0)
    unit = unit_code(g["unit"])
    if unit == "WE" and n == 1:
        return Timex("SET", "XXXX-WXX-WE", "none", None)
    return Timex("SET", duration(n, unit), "none", None)


def _set_freq(g, c, ctx, tense):
    return Timex("SET", duration(1, unit_code(g["unit"])), "none", None)


def _set_adv(g, c, ctx, tense):
    """ "annually" → XXXX, "weekly" → XXXX-WXX, "quarterly" → P3M (``set_adverbs``)."""
    return Timex("SET", date_lexicon()["set_adverbs"][g["adv"].lower()], "none", None)


def _set_plural(g, c, ctx, tense):
    return Timex("SET", f"XXXX-WXX-{date_lexicon()['weekdays'][g['wds'][:-1].lower()]}", "none", None)


HANDLERS: dict[str, Handler] = {
    "dur_whole": _duration_whole,
    "dur_multi": _duration_multi,
    "rel_dur": _rel_dur,
    "set_every": _set_every,
    "set_freq": _set_freq,
    "set_adv": _set_adv,
    "set_plural": _set_plural,
    "dur_adj": _duration,
    "duration": _duration,
    "dur_bare": _vague_duration,
    "bare_units": _vague_duration,
    "the_years": _vague_duration,
    "vague": _vague,
}
