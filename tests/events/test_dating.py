"""When events happened: families of dating, one table each (see ``pipeline.events.dating``)."""

from __future__ import annotations

import pytest
from helpers import event_on


@pytest.mark.parametrize(
    "text, trigger, date",
    [
        (
            "A court in Harare on Wednesday postponed the trial of a reporter detained over his articles.",
            "detained",
            None,
        ),
        (
            "Judges on Monday heard the case of an activist who criticized the interior minister.",
            "criticized",
            None,
        ),
        (
            "Police on Friday released the migrants who had been held at the border.",
            "held",
            None,
        ),
        (
            "The town fell in May 2024, when rebels attacked the army base.",
            "attacked",
            "2024-05",
        ),
        (
            "Police on Friday arrested a man who attacked the embassy on Tuesday.",
            "attacked",
            "2024-12-31",
        ),
        (
            "The council on Wednesday imposed sanctions on two commanders it blamed for the massacre.",
            "blamed",
            "2025-01-01",
        ),
        (
            "In March 2024, Nauru took the decision to restore diplomatic relations with China.",
            "restore",
            "2024-03",
        ),
    ],
    ids=[
        "a-participle-on-a-noun-keeps-its-own-time-not-the-clause-of-the-noun",
        "a-relative-clause-keeps-its-own-time-not-the-clause-of-the-noun",
        "a-passive-relative-clause-keeps-its-own-time",
        "a-when-clause-on-a-date-is-dated-by-it",
        "a-relative-clause-with-its-own-date-keeps-it",
        "a-relative-clause-told-by-a-pronoun-is-the-same-telling",
        "an-infinitive-on-a-noun-is-dated-with-the-noun",
    ],
)
def test_noun_clauses_keep_their_own_time(nlp, text, trigger, date):
    assert event_on(nlp, text, trigger)["date"] == date


@pytest.mark.parametrize(
    "text, trigger, date",
    [
        ("The government on Monday extended the curfew until March 15.", "extended", "2024-12-30"),
        ("Washington delayed the tariffs until April 2.", "delayed", None),
    ],
    ids=[
        "the-day-of-the-act-dates-it-not-the-end-of-what-it-sets",
        "until-gives-when-it-stops-not-when-it-was-done",
    ],
)
def test_the_end_of_a_period_does_not_date_the_act(nlp, text, trigger, date):
    assert event_on(nlp, text, trigger)["date"] == date


@pytest.mark.parametrize(
    "text, trigger, date",
    [
        (
            "Police arrested Ali Musa in Lagos on Monday. He rejects the accusations.",
            "rejects",
            None,
        ),
        (
            "Police arrested Ali Musa in Lagos on Monday. Musa rejects the accusations.",
            "rejects",
            None,
        ),
    ],
    ids=[
        "a-persons-present-stance-takes-no-date-from-the-events-around-it",
        "a-named-actors-present-stance-takes-no-date",
    ],
)
def test_a_simple_present_stance_is_undated(nlp, text, trigger, date):
    assert event_on(nlp, text, trigger)["date"] == date
