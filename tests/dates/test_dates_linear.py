"""Dates stay linear on hostile input: work counted, never timed."""

from __future__ import annotations

import pytest
from work_counting import growth


@pytest.mark.parametrize(
    "unit",
    [
        "The summit opens on May 2. A day before the summit, he left. ",
        "The G20 summit met on May 2 and a day after the G20 summit they left. ",
        "Two months later, at the time, the day before, the 99th day, 12 to 18 months. ",
    ],
    ids=["dated-happenings-and-counts-from-them", "same-happening-dated-again", "anchored-families"],
)
def test_expressions_counted_from_others_cost_linear_work(nlp, unit):
    # each expression tied to a happening looked up every dated noun of the article
    growth(nlp, unit, 20000, "communique_dates")  # warm the caches (compiled families, shapes)
    assert growth(nlp, unit, 20000, "communique_dates") < 2.5
