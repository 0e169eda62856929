"""Events stay linear on hostile input: work counted, never timed."""

from __future__ import annotations

import pytest
from work_counting import growth


@pytest.mark.parametrize(
    "unit",
    [
        "They met them. ",
        "He said he met them. ",
        "The two countries signed deals. They met. ",
        'Zamora called the ruling "arbitrary" and ',
        "Police arrested Lai and the court tried Lai and ",
    ],
    ids=["pronoun-parties", "pronoun-runs", "pair-parties", "characterisation-runs", "one-patients-acts"],
)
def test_many_mentions_cost_linear_work(nlp, unit):
    # each mention walked back over every earlier one: for a dated one ("prior"), for
    # "the two countries" (the event before) and for the places of its sentence
    assert growth(nlp, unit, 4000, "communique_events") < 2.5
