"""TIMEX3 values for candidate temporal expressions: :func:`normalize` hands each
candidate to the function of its expression family of ``patterns/dates_grammar.tsv``.
The families live by kind in :mod:`pipeline.dates.absolute` (calendar dates),
:mod:`pipeline.dates.relative` (counted from an anchor) and :mod:`pipeline.dates.durations`
(durations, sets, vague references); the calendar arithmetic and anchor choice they share
is in :mod:`pipeline.dates.calendar`.

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

import datetime as dt  # noqa: F401 (the doctest)
import re
from typing import Callable, Optional

from pipeline.dates import absolute, anchored, durations, relative
from pipeline.dates.calendar import Context, Handler, Timex
from pipeline.dates.grammar import Candidate, date_lexicon

# a quantity's bound on a point in time: "more than a year ago" is before that date
_POINT_MODS = {
    "MORE_THAN": "BEFORE",
    "LESS_THAN": "AFTER",
    "EQUAL_OR_MORE": "ON_OR_BEFORE",
    "EQUAL_OR_LESS": "ON_OR_AFTER",
}


def _clock_day(g, c, ctx, tense):
    """ "15:00 GMT Saturday", "10 a.m. yesterday": the clock time on that day, one TIME."""
    day = normalize(g["day"], ctx, tense)
    hour, minute = relative.clock_time(g["clock"])
    if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d|XXXX-WXX-\d", day.value or ""):
        return Timex("TIME", None, "none", None)
    return Timex("TIME", f"{day.value}T{hour:02d}:{minute:02d}", day.anchor, day.point)


_HANDLERS: dict[str, Handler] = {
    **absolute.HANDLERS,
    **relative.HANDLERS,
    **durations.HANDLERS,
    **anchored.HANDLERS,
    "clock_day": _clock_day,
}


def normalize(c: Candidate, ctx: Context, tense: Callable[[], str]) -> Optional[Timex]:
    """(type, value, anchor, new reference point) for a candidate, or None to drop it."""
    handler = _HANDLERS.get(c.kind)
    return handler(c.groups, c, ctx, tense) if handler else None


def mod_of(c: Candidate, typ: str) -> Optional[str]:
    """TIMEX3's ``mod`` of a candidate: its part ("late 2019" → END) or its quantity's
    bound ("just over two weeks" → MORE_THAN; "more than a year ago" → BEFORE)."""
    lex = date_lexicon()
    if c.groups.get("pmod"):
        return lex["part_modifiers"].get(re.sub(r"\s+", " ", c.groups["pmod"].lower()))
    if c.groups.get("qmod"):
        mod = lex["quantity_modifiers"].get(re.sub(r"\s+", " ", c.groups["qmod"].lower()))
        return _POINT_MODS.get(mod, mod) if typ == "DATE" else mod
    return None
