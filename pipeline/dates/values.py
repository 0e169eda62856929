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
from typing import Callable, Optional

from pipeline.dates import absolute, durations, relative
from pipeline.dates.calendar import Context, Handler, Timex
from pipeline.dates.grammar import Candidate

_HANDLERS: dict[str, Handler] = {**absolute.HANDLERS, **relative.HANDLERS, **durations.HANDLERS}


def normalize(c: Candidate, ctx: Context, tense: Callable[[], str]) -> Optional[Timex]:
    """(type, value, anchor, new reference point) for a candidate, or None to drop it."""
    handler = _HANDLERS.get(c.kind)
    return handler(c.groups, c, ctx, tense) if handler else None
