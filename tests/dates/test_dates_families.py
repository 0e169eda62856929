"""Temporal-expression families found missing or misread on external suites and held-out news.

One row per phenomenon, with our own sentences. The document date is a Wednesday.
"""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results

DCT = "2016-04-20"  # a Wednesday


def dates(nlp, text, ref=DCT):
    return [(d["text"], d["type"], d["value"], d["anchor"]) for d in results(run(nlp, text, ref), "dates")]


NUMERIC = [
    ("The vote took place on 21/04/2016 in Paris.", ("21/04/2016", "DATE", "2016-04-21", "absolute")),
    ("The registry lists it as 2015/08/12.", ("2015/08/12", "DATE", "2015-08-12", "absolute")),
    ("The decree of 13.5.2015 still applies.", ("13.5.2015", "DATE", "2015-05-13", "absolute")),
    ("He was sworn in on 04/22/2015.", ("04/22/2015", "DATE", "2015-04-22", "absolute")),
    ("The talks will resume on 4/28.", ("4/28", "DATE", "2016-04-28", "document")),
    ("Voting closed on 22/03.", ("22/03", "DATE", "2016-03-22", "document")),
]

DAY_OF_MONTH = [
    ("The ceasefire began on the 17th.", ("the 17th", "DATE", "2016-04-17", "document")),
    ("The ceasefire collapsed on the 27th.", ("the 27th", "DATE", "2016-03-27", "document")),
    ("The summit will open on the 27th.", ("the 27th", "DATE", "2016-04-27", "document")),
    ("The vote is set for Friday the 22nd.", ("Friday the 22nd", "DATE", "2016-04-22", "document")),
    ("Talks resumed Tuesday 19th.", ("Tuesday 19th", "DATE", "2016-04-19", "document")),
    (
        "The envoy returns on the 5th of next month.",
        ("the 5th of next month", "DATE", "2016-05-05", "document"),
    ),
    (
        "The treaty was signed on the tenth of September 2015.",
        ("the tenth of September 2015", "DATE", "2015-09-10", "absolute"),
    ),
    (
        "The accord took effect on March the first, 2015.",
        ("March the first, 2015", "DATE", "2015-03-01", "absolute"),
    ),
    ("Payment is due by 20th of next month.", ("20th of next month", "DATE", "2016-05-20", "document")),
    (
        "Voters go to the polls on the first Tuesday of November.",
        ("the first Tuesday of November", "DATE", "2016-11-01", "document"),
    ),
    (
        "Talks took place on the second Friday of March, 2015.",
        ("the second Friday of March, 2015", "DATE", "2015-03-13", "absolute"),
    ),
]

DURATIONS = [
    ("The meeting lasted an hour and a half.", ("an hour and a half", "DURATION", "PT1.5H", "none")),
    ("The flight took two and a half hours.", ("two and a half hours", "DURATION", "PT2.5H", "none")),
    ("He waited half an hour.", ("half an hour", "DURATION", "PT0.5H", "none")),
    ("Negotiators asked for another week.", ("another week", "DURATION", "P1W", "none")),
    ("The strike lasted all week.", ("all week", "DURATION", "P1W", "none")),
    ("Troops stayed the whole year.", ("the whole year", "DURATION", "P1Y", "none")),
    ("The vote took 3 hrs.", ("3 hrs", "DURATION", "PT3H", "none")),
    ("They were held for a couple of weeks.", ("a couple of weeks", "DURATION", "P2W", "none")),
    ("He served two years and three months.", ("two years and three months", "DURATION", "P2Y3M", "none")),
    ("The meetings are held semi-annually.", ("semi-annually", "SET", "P6M", "none")),
]

RANGES_AND_COMPOUNDS = [
    (
        "The visit ran from Nov 18 to Dec 19, 2015.",
        [("Nov 18", "DATE", "2015-11-18", "absolute"), ("Dec 19, 2015", "DATE", "2015-12-19", "absolute")],
    ),
    (
        "The exhibition ran from December 18 to January 5, 2015.",
        [
            ("December 18", "DATE", "2014-12-18", "absolute"),
            ("January 5, 2015", "DATE", "2015-01-05", "absolute"),
        ],
    ),
    (
        "The mission ran from May to October 2014.",
        [("May", "DATE", "2014-05", "absolute"), ("October 2014", "DATE", "2014-10", "absolute")],
    ),
    ("He left 1 month and 10 days ago.", [("1 month and 10 days ago", "DATE", "2016-03-10", "document")]),
    (
        "Talks will resume at the end of next week.",
        [("the end of next week", "DATE", "2016-W17", "document")],
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    NUMERIC,
    ids=[
        "d/m/yyyy-day-over-12",
        "yyyy/mm/dd",
        "d.m.yyyy",
        "US-mm/dd/yyyy",
        "m/d-after-on-future",
        "d/m-day-over-12-past",
    ],
)
def test_numeric_dates(nlp, text, expected):
    assert dates(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The attacks of 9/11 changed the region.",
        "The hotline is open 24/7.",
        "A 2/3 majority is needed.",
        "He traveled to the 16th BRICS summit.",
    ],
    ids=["9/11-is-a-name", "24/7-is-a-set-phrase", "fraction-without-cue", "ordinal-before-noun"],
)
def test_numeric_not_dates(nlp, text):
    assert dates(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    DAY_OF_MONTH,
    ids=[
        "the-17th-past-this-month",
        "the-27th-past-last-month",
        "the-27th-future",
        "weekday-the-ordinal",
        "weekday-ordinal-no-the",
        "ordinal-of-next-month",
        "ordinal-word-of-month-year",
        "month-the-ordinal-word",
        "ordinal-of-next-month-no-the",
        "nth-weekday-of-month",
        "nth-weekday-of-month-year",
    ],
)
def test_day_of_month(nlp, text, expected):
    assert dates(nlp, text) == [expected]


def test_day_of_month_follows_the_narrative_month(nlp):
    text = "Clashes broke out on March 3, 2015. A truce was agreed on the 9th."
    assert dates(nlp, text)[1] == ("the 9th", "DATE", "2015-03-09", "previous")


@pytest.mark.parametrize(
    "text, expected",
    DURATIONS,
    ids=[
        "an-hour-and-a-half",
        "two-and-a-half-hours",
        "half-an-hour",
        "another-week",
        "all-week",
        "the-whole-year",
        "abbreviated-unit",
        "a-couple-of",
        "compound-P2Y3M",
        "semi-annually",
    ],
)
def test_durations(nlp, text, expected):
    assert dates(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    RANGES_AND_COMPOUNDS,
    ids=[
        "range-shares-final-year",
        "range-across-new-year",
        "month-range-shares-year",
        "compound-ago",
        "end-of-next-week",
    ],
)
def test_ranges_and_compounds(nlp, text, expected):
    assert dates(nlp, text) == expected


FUTURE_CUES = [
    (
        "2015-12-22",
        "The EU extended economic sanctions against Russia until the end of July.",
        ("the end of July", "DATE", "2016-07", "document"),
    ),
    ("2015-12-22", "The talks were postponed to March.", ("March", "DATE", "2016-03", "document")),
    ("2016-06-10", "The visit was planned for October.", ("October", "DATE", "2016-10", "document")),
    (
        "2016-06-10",
        "The talks, scheduled for February, were welcomed.",
        ("February", "DATE", "2017-02", "document"),
    ),
    ("2016-06-10", "The report is due in March.", ("March", "DATE", "2017-03", "document")),
    (
        "2016-06-10",
        "He stayed in the capital until the end of July.",
        ("the end of July", "DATE", "2015-07", "document"),
    ),
    ("2016-06-10", "The president visited Seoul in October.", ("October", "DATE", "2015-10", "document")),
]


@pytest.mark.parametrize(
    "ref, text, expected",
    FUTURE_CUES,
    ids=[
        "extended-until-is-future",
        "postponed-to-is-future",
        "planned-for-is-future",
        "scheduled-for-is-future",
        "due-in-is-future",
        "stayed-until-stays-past",
        "plain-past-stays-past",
    ],
)
def test_future_cues_in_the_clause(nlp, ref, text, expected):
    assert dates(nlp, text, ref) == [expected]


MONTH_NAMES = [
    ("Britain's Prime Minister Theresa May met him. His remarks surprised May.", []),
    ("Theresa May met the president in May.", [("May", "DATE", "2015-05", "document")]),
    ("Prime Minister May spoke on Monday.", [("Monday", "DATE", "2016-04-18", "document")]),
    ("Theresa May spoke. May's government later fell.", []),
    ("Elections were held in May.", [("May", "DATE", "2015-05", "document")]),
    ("Mrs April welcomed the envoy.", []),
]


@pytest.mark.parametrize(
    "text, expected",
    MONTH_NAMES,
    ids=[
        "surname-as-object",
        "full-name-then-month",
        "title-before-surname",
        "surname-possessive",
        "month-after-in",
        "honorific-before-month-word",
    ],
)
def test_month_words_as_names(nlp, text, expected):
    assert dates(nlp, text) == expected


STORY = (
    "Chinese and US companies signed business deals worth 9 billion dollars during the visit on Tuesday.\n\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            STORY + '"Today\'s signings are a good start," the secretary said.',
            ("Today", "2016-04-19", "narrative"),
        ),
        (STORY + '"We will meet again tomorrow," he said.', ("tomorrow", "2016-04-20", "narrative")),
        (STORY + "The minister will leave tomorrow.", ("tomorrow", "2016-04-21", "document")),
        (
            "Leaders met in Paris in a long-planned summit of the bloc's members.\n\n"
            '"Today is a good day," he said.',
            ("Today", "2016-04-20", "document"),
        ),
    ],
    ids=[
        "quoted-today-on-story-day",
        "quoted-tomorrow-from-story-day",
        "unquoted-stays-on-document-date",
        "no-dated-lead-stays-on-document-date",
    ],
)
def test_quoted_deictics_anchor_on_the_story_day(nlp, text, expected):
    got = [(d[0], d[2], d[3]) for d in dates(nlp, text) if d[0].lower() in ("today", "tomorrow")]
    assert got == [expected]
