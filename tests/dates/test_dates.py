"""Temporal expressions: spans (TimeML practice), TIMEX3 values, anchors. One row per phenomenon."""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results

DCT = "2024-03-15"  # a Friday


def dates(nlp, text, ref=DCT):
    return [(d["text"], d["type"], d["value"], d["anchor"]) for d in results(run(nlp, text, ref), "dates")]


ABSOLUTE = [
    ("Xi arrived on March 5, 2024.", ("March 5, 2024", "DATE", "2024-03-05", "absolute")),
    ("Talks were held on 5 March 2024.", ("5 March 2024", "DATE", "2024-03-05", "absolute")),
    ("Growth slowed in mid-2024.", ("mid-2024", "DATE", "2024", "absolute")),
    ("The policy dates back to the 1990s.", ("the 1990s", "DATE", "199", "absolute")),
    ("Exports rose in Q1 2024.", ("Q1 2024", "DATE", "2024-Q1", "absolute")),
    (
        "Exports rose in the first quarter of 2023.",
        ("the first quarter of 2023", "DATE", "2023-Q1", "absolute"),
    ),
    ("The deal was signed in November 2023.", ("November 2023", "DATE", "2023-11", "absolute")),
    ("The games open in the summer of 2028.", ("the summer of 2028", "DATE", "2028-SU", "absolute")),
    ("It happened in the 21st century.", ("the 21st century", "DATE", "20", "absolute")),
    ("The law passed in 2019.", ("2019", "DATE", "2019", "absolute")),
    ("The record dates from 2021-06-30.", ("2021-06-30", "DATE", "2021-06-30", "absolute")),
]

RELATIVE = [
    ("Trade grew this year.", ("this year", "DATE", "2024", "document")),
    ("Sales fell last month.", ("last month", "DATE", "2024-02", "document")),
    ("He will visit next week.", ("next week", "DATE", "2024-W12", "document")),
    ("Earlier this week, the ministers met.", ("Earlier this week", "DATE", "2024-W11", "document")),
    ("He arrived yesterday.", ("yesterday", "DATE", "2024-03-14", "document")),
    ("He left three days ago.", ("three days ago", "DATE", "2024-03-12", "document")),
    ("The summit opened Sept. 23.", ("Sept. 23", "DATE", "2023-09-23", "document")),
    ("The summit will open Sept. 23.", ("Sept. 23", "DATE", "2024-09-23", "document")),
    ("Talks resumed in early December.", ("early December", "DATE", "2023-12", "document")),
    ("He visited last September.", ("last September", "DATE", "2023-09", "document")),
    ("Protests erupted over the weekend.", ("the weekend", "DATE", "2024-W10-WE", "document")),
    ("Xi met Putin on Friday last week.", ("Friday last week", "DATE", "2024-03-08", "document")),
]

TENSE = [
    ("Xi met Putin on Wednesday.", ("Wednesday", "DATE", "2024-03-13", "document")),
    ("Xi will meet Putin on Wednesday.", ("Wednesday", "DATE", "2024-03-20", "document")),
    ("The ministers met in September.", ("September", "DATE", "2023-09", "document")),
    ("The ministers will meet in September.", ("September", "DATE", "2024-09", "document")),
    ("The ministers met in February.", ("February", "DATE", "2024-02", "document")),
]

DURATIONS_SETS_VAGUE = [
    ("Over the past year, trade grew.", ("the past year", "DURATION", "P1Y", "none")),
    ("Ties go back 30 years.", ("30 years", "DURATION", "P30Y", "none")),
    ("The talks lasted three days.", ("three days", "DURATION", "P3D", "none")),
    ("It took a decade.", ("a decade", "DURATION", "P1DE", "none")),
    ("He ended a two-day visit.", ("two-day", "DURATION", "P2D", "none")),
    ("Trade doubled over the past two decades.", ("the past two decades", "DURATION", "P2DE", "none")),
    ("They have lived there for years.", ("years", "DURATION", "PXY", "none")),
    ("The forum is held every year.", ("every year", "SET", "P1Y", "none")),
    ("The forum is held annually.", ("annually", "SET", "XXXX", "none")),
    ("They meet twice a year.", ("twice a year", "SET", "P1Y", "none")),
    ("China is now strong.", ("now", "DATE", "PRESENT_REF", "none")),
    ("We will win in the future.", ("the future", "DATE", "FUTURE_REF", "none")),
    ("Cooperation grew in recent years.", ("recent years", "DATE", "PAST_REF", "none")),
]


def span_ids(rows):
    """Each row's span; with its expected value where two rows share a span ("Sept. 23" past and future)."""
    spans = [expected[0] for _, expected in rows]
    return [
        span if spans.count(span) == 1 else f"{span}={expected[2]}"
        for span, (_, expected) in zip(spans, rows)
    ]


@pytest.mark.parametrize("text, expected", ABSOLUTE, ids=span_ids(ABSOLUTE))
def test_absolute(nlp, text, expected):
    assert dates(nlp, text) == [expected]


@pytest.mark.parametrize("text, expected", RELATIVE, ids=span_ids(RELATIVE))
def test_relative_to_document_date(nlp, text, expected):
    assert dates(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    TENSE,
    ids=[
        "past-weekday-this-week",
        "future-weekday-next",
        "past-month-last-year",
        "future-month-this-year",
        "past-month-this-year",
    ],
)
def test_tense_chooses_the_occurrence(nlp, text, expected):
    assert dates(nlp, text) == [expected]


@pytest.mark.parametrize("text, expected", DURATIONS_SETS_VAGUE, ids=span_ids(DURATIONS_SETS_VAGUE))
def test_durations_sets_vague(nlp, text, expected):
    assert dates(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "He attended the Conference Marking the 70th Anniversary of the Five Principles.",
        "Xi attended the 16th BRICS Summit in Kazan.",
        "The G20 leaders met.",
        "China met the target of the UN's 2030 Agenda for Sustainable Development.",
        "So far 155 countries have joined.",
        "They may meet to discuss it.",
        "Protesters march to the square.",
        "The China Daily reported it.",
        "Security Council Resolution 1701 was adopted.",
        "They held a second round of talks.",
    ],
    ids=[
        "ordinal-anniversary",
        "ordinal-summit",
        "G20",
        "2030-Agenda-name",
        "count-not-date",
        "may-verb",
        "march-verb",
        "Daily-in-name",
        "resolution-number",
        "a-second-ordinal",
    ],
)
def test_not_dates(nlp, text):
    assert [d for d in dates(nlp, text) if d[2] != "PRESENT_REF"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Leaders met in September.", "September"),
        ("The talks took place on Wednesday.", "Wednesday"),
        ("Trade grew over the past year.", "the past year"),
        ("Xi spoke throughout the year.", "the year"),
    ],
    ids=["drop-in", "drop-on", "keep-determiner-drop-over", "keep-the-drop-throughout"],
)
def test_spans_follow_timeml(nlp, text, expected):
    assert [d[0] for d in dates(nlp, text)] == [expected]


def test_discourse_anchoring_counts_from_previous_date(nlp):
    """ "Two months later" is the DURATION "Two months" (TimeML); its point is the month it
    leads to from the date before it."""
    text = "The deal was signed on June 3, 2023. The following day they met. Two months later, it collapsed."
    doc = run(nlp, text, DCT)
    assert dates(nlp, text) == [
        ("June 3, 2023", "DATE", "2023-06-03", "absolute"),
        ("The following day", "DATE", "2023-06-04", "previous"),
        ("Two months", "DURATION", "P2M", "previous"),
    ]
    assert results(doc, "dates")[2]["point"] == "2023-08"


RETRO = (
    "As the year 2024 comes to a close, here are the key takeaways from the year. "
    "Trade grew this year. A breakthrough came in January this year. "
    "Two months later, the president visited. In September, Xi spoke. He will travel next year."
)


def test_retrospective_uses_the_reviewed_year(nlp):
    doc = run(nlp, RETRO, "2025-01-01")
    assert doc._.communique_narrative_date == "2024"
    got = {d["text"]: (d["value"], d["anchor"]) for d in results(doc, "dates")}
    assert got["this year"] == ("2024", "narrative")
    assert got["January this year"] == ("2024-01", "narrative")
    assert got["Two months"] == ("P2M", "previous")
    assert next(d["point"] for d in results(doc, "dates") if d["text"] == "Two months") == "2024-03"
    assert got["September"] == ("2024-09", "narrative")
    assert got["next year"] == ("2025", "narrative")


def test_ordinary_article_has_no_narrative_date(nlp):
    doc = run(nlp, "Xi met Putin this year in Moscow.", "2025-01-02")
    assert doc._.communique_narrative_date is None
    assert dates(nlp, "Xi met Putin this year in Moscow.", "2025-01-02") == [
        ("this year", "DATE", "2025", "document")
    ]


def test_dateline_is_skipped(nlp):
    text = "BEIJING, Feb. 11 (Xinhua) -- Xi met Putin on Monday."
    got = dates(nlp, text, "2024-02-11")
    assert got == [("Monday", "DATE", "2024-02-05", "document")]


def test_no_reference_date_leaves_relative_values_open(nlp):
    assert dates(nlp, "Leaders met in 2019 and again last month.", None) == [
        ("2019", "DATE", "2019", "absolute"),
        ("last month", "DATE", None, "none"),
    ]


def test_seed_article(nlp, seed_text):
    doc = run(nlp, seed_text, "2025-01-01")
    got = [(d["text"], d["value"]) for d in results(doc, "dates")]
    assert doc._.communique_narrative_date == "2024"
    assert ("January this year", "2024-01") in got
    assert ("Two months", "P2M") in got
    assert ("September", "2024-09") in got
    assert ("the past year", "P1Y") in got
    assert not any(text in ("2030", "70th", "16th") for text, _ in got)
    for d in results(doc, "dates"):
        assert seed_text[d["start"] : d["end"]] == d["text"]


@pytest.mark.parametrize(
    "text",
    [
        "On March 5, 2024, and again in mid-2025, the talks resumed.",
        "Q3 2024 results came out at 10:30 a.m. on the 3rd of June, last week.",
        "the 1990s, Christmas Eve, two months later, since 2019, early this year",
        "ſeptember 5 and İn March: non-ASCII starts try every family",
    ],
    ids=["calendar-dates", "quarters-clock-ordinals", "decades-holidays-relative", "non-ascii-starts"],
)
def test_family_dispatch_matches_the_alternation_at_every_position(text):
    """Trying only the families that can start with a character finds what the master
    alternation finds, at every position."""
    from pipeline.dates.grammar import _match_at, master_pattern

    pattern = master_pattern()[0]
    for start in range(len(text)):
        a, b = pattern.match(text, start), _match_at(text, start)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), text[start:]


@pytest.mark.parametrize("reference", ["0001-01-01", "9999-12-31"], ids=["first-day", "last-day"])
def test_extreme_document_dates_keep_the_article(nlp, reference):
    """Values off the calendar are clamped with a warning (test_dates_families), and the
    article keeps its other records."""
    from helpers import run

    doc = run(nlp, "Xi met Putin yesterday. They will meet again next week and next year.", reference)
    texts = [d["text"] for d in results(doc, "dates")]
    assert texts == ["yesterday", "next week", "next year"]
    assert results(doc, "events")
