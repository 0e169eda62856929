"""Figures: the number forms of issue 17, one table per family (signs, digit groups,
scales, compound words, ordinals, fixed multiword nouns, identifiers and times)."""

from __future__ import annotations

import pytest
from helpers import run

from models import Figure
from pipeline.document.access import results
from pipeline.figures.numbers import find_numbers


def figures(nlp, text):
    items = results(run(nlp, text, "2025-01-01"), "figures")
    for item in items:
        Figure.model_validate(item)  # a negative value is a valid record
        assert text[item["start"] : item["end"]] == item["text"]
    return items


def found(nlp, text):
    return [(f["text"], pytest.approx(f["value"]), f["kind"], f["unit"]) for f in figures(nlp, text)]


def numbers(text):
    return [(m.text, pytest.approx(m.value)) for m in find_numbers(text)]


# -- signs: negative only where written negative ------------------------------------------
SIGNS = [
    (
        "accounting-parentheses",
        "The company reported a loss of ($99.99) per share.",
        [("($99.99)", -99.99, "money", "USD")],
    ),
    (
        "sign-after-currency",
        "The account showed $-99.99 after the fee.",
        [("$-99.99", -99.99, "money", "USD")],
    ),
    ("sign-before-currency", "The fund lost -$5 million in May.", [("-$5 million", -5e6, "money", "USD")]),
    ("sign-before-suffix-currency", "The price changed by -15€ overnight.", [("-15€", -15, "money", "EUR")]),
    ("sign-before-percent", "Growth was -2.1% in the quarter.", [("-2.1%", -2.1, "percent", "percent")]),
    ("unicode-minus", "Temperatures fell to −15 degrees.", [("−15", -15, "count", None)]),
    ("minus-word", "Temperatures fell to minus 5 degrees overnight.", [("minus 5", -5, "count", None)]),
    (
        "negative-word",
        "The central bank kept rates at negative 0.1 percent.",
        [("negative 0.1 percent", -0.1, "percent", "percent")],
    ),
    ("fell-stays-positive", "Shares fell 3.5% on Monday.", [("3.5%", 3.5, "percent", "percent")]),
    ("down-stays-positive", "The index was down 3.5% on Friday.", [("3.5%", 3.5, "percent", "percent")]),
    (
        "conversion-in-parentheses-stays-positive",
        "He lost 5 million euros ($5.4 million) in the deal.",
        [("5 million euros", 5e6, "money", "EUR"), ("$5.4 million", 5.4e6, "money", "USD")],
    ),
    ("spaced-dash-is-no-sign", "The toll - 15 people - rose.", [("15", 15, "count", None)]),
    ("hyphen-in-a-name-is-no-sign", "COVID-19 killed 20 people.", [("20", 20, "count", None)]),
]


@pytest.mark.parametrize("family, text, expected", SIGNS, ids=[row[0] for row in SIGNS])
def test_sign_kept_as_written(nlp, family, text, expected):
    assert found(nlp, text) == expected


def test_negative_range_ends(nlp):
    (item,) = figures(nlp, "Temperatures ranged from -5 to 5 degrees.")
    assert (item["text"], item["value"], item["value_max"], item["qualifier"]) == (
        "from -5 to 5",
        -5,
        5,
        "range",
    )


# -- digits grouped by spaces --------------------------------------------------------------
GROUPS = [
    (
        "space-group-money",
        "The fund raised 10 000 dollars last week.",
        [("10 000 dollars", 1e4, "money", "USD")],
    ),
    ("space-group-count", "The city has 10 000 residents.", [("10 000", 1e4, "count", None)]),
    ("narrow-no-break-space", "The city has 10\u202f000 residents.", [("10\u202f000", 1e4, "count", None)]),
    ("no-break-space", "The city has 10\u00a0000 residents.", [("10\u00a0000", 1e4, "count", None)]),
    (
        "thin-space",
        "He paid 1\u2009250\u2009000 euros.",
        [("1\u2009250\u2009000 euros", 1.25e6, "money", "EUR")],
    ),
    ("three-groups", "He paid 1 250 000 euros for the house.", [("1 250 000 euros", 1.25e6, "money", "EUR")]),
    ("year-then-count-not-joined", "In 2019 50 people were arrested.", [("50", 50, "count", None)]),
    ("day-then-count-not-joined", "On March 12 300 protesters gathered.", [("300", 300, "count", None)]),
]


@pytest.mark.parametrize("family, text, expected", GROUPS, ids=[row[0] for row in GROUPS])
def test_digit_groups(nlp, family, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 50 people", [("1", 1), ("50", 50)]),  # a group has exactly 3 digits
        ("1 5000 people", [("1", 1), ("5000", 5000)]),
        ("05 000", [("05", 5), ("000", 0)]),  # no leading zero in the first group
        ("2019 500", [("2019", 2019), ("500", 500)]),  # a year is never a group
        ("page 12 500", [("12", 12), ("500", 500)]),  # nor a reference number
        ("10 000.5", [("10 000.5", 10000.5)]),
    ],
    ids=["two-digit-group", "four-digit-group", "leading-zero", "year", "reference", "decimals"],
)
def test_digit_groups_never_join_two_numbers(text, expected):
    assert numbers(text) == expected


# -- abbreviated scales --------------------------------------------------------------------
SCALES = [
    ("trillion-T", "The national debt reached $2.174T this year.", [("$2.174T", 2.174e12, "money", "USD")]),
    ("billion-bn", "The firm raised $3.5bn from investors.", [("$3.5bn", 3.5e9, "money", "USD")]),
    ("billion-Bn", "The firm raised $3.5Bn from investors.", [("$3.5Bn", 3.5e9, "money", "USD")]),
    ("million-m", "The club paid €12m for the striker.", [("€12m", 1.2e7, "money", "EUR")]),
    ("thousand-k", "The race drew 5k runners.", [("5k", 5000, "count", None)]),
    ("trillion-tn", "The economy is worth $1.2tn.", [("$1.2tn", 1.2e12, "money", "USD")]),
    ("million-mn", "The deal is worth £300mn.", [("£300mn", 3e8, "money", "GBP")]),
]


@pytest.mark.parametrize("family, text, expected", SCALES, ids=[row[0] for row in SCALES])
def test_abbreviated_scales(nlp, family, text, expected):
    assert found(nlp, text) == expected


# -- currencies next to articles and digit-letter names ----------------------------------
CURRENCIES = [
    ("article-is-no-currency", "They signed a $5 million deal.", [("$5 million", 5e6, "money", "USD")]),
    ("sentence-initial-article", "A $5 billion plan was approved.", [("$5 billion", 5e9, "money", "USD")]),
    (
        "glued-a-dollar-is-australian",
        "They approved an A$5 billion plan.",
        [("A$5 billion", 5e9, "money", "AUD")],
    ),
    ("digit-letter-after-currency-is-money", "The club paid $3M for him.", [("$3M", 3e6, "money", "USD")]),
    ("digit-letter-name-alone", "3M reported higher profits.", []),
]


@pytest.mark.parametrize("family, text, expected", CURRENCIES, ids=[row[0] for row in CURRENCIES])
def test_currency_prefixes(nlp, family, text, expected):
    assert found(nlp, text) == expected


# -- compound number words -----------------------------------------------------------------
WORDS = [
    (
        "comma-and-ampersand",
        "The budget is three million, two hundred & forty dollars.",
        [("three million, two hundred & forty dollars", 3000240, "money", "USD")],
    ),
    (
        "hundred-and-hyphenated-tens",
        "They found two hundred and forty-five bodies.",
        [("two hundred and forty-five", 245, "count", None)],
    ),
    (
        "ampersand",
        "The town counted two hundred & forty votes.",
        [("two hundred & forty", 240, "count", None)],
    ),
    ("zero-before-noun", "There were zero cases reported.", [("zero", 0, "count", None)]),
    ("zero-as-object", "Inflation fell to zero in May.", [("zero", 0, "count", None)]),
    ("zero-in-an-idiom", "Rescuers reached ground zero on Monday.", []),
]


@pytest.mark.parametrize("family, text, expected", WORDS, ids=[row[0] for row in WORDS])
def test_compound_number_words(nlp, family, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("three million, two of them", [("three million", 3e6), ("two", 2)]),
        ("a thousand, two thousand", [("a thousand", 1000), ("two thousand", 2000)]),
        ("two thousand, three hundred", [("two thousand, three hundred", 2300)]),
        (
            "one million, five hundred thousand and six",
            [("one million, five hundred thousand and six", 1500006)],
        ),
    ],
    ids=["no-scale-after-comma", "same-scale-after-comma", "smaller-scale", "nested-scales"],
)
def test_comma_joins_only_a_smaller_scale(text, expected):
    assert numbers(text) == expected


# -- ordinals are not fractions ------------------------------------------------------------
ORDINALS = [
    ("ordinal-the-eighth", "The champion won the eighth round easily.", []),
    ("ordinal-hundredth", "The hundredth anniversary was marked.", []),
    ("ordinal-ninth", "The ninth ship arrived late.", []),
    ("ordinal-a-third-term", "She won a third term.", []),
    (
        "fraction-an-eighth-of",
        "An eighth of the budget went to defense.",
        [("An eighth", 0.125, "count", None)],
    ),
    (
        "fraction-with-numerator",
        "Three eighths of the voters abstained.",
        [("Three eighths", 0.375, "count", None)],
    ),
    ("fraction-at-clause-end", "Exports were cut by a third.", [("a third", 1 / 3, "count", None)]),
]


@pytest.mark.parametrize("family, text, expected", ORDINALS, ids=[row[0] for row in ORDINALS])
def test_ordinals_are_not_fractions(nlp, family, text, expected):
    assert found(nlp, text) == expected


# -- what is counted: fixed multiword nouns stay whole -------------------------------------
COUNTED = [
    (
        "memorandums-of-understanding-then-modifier",
        "China and Egypt signed 20 memorandums of understanding on trade and investment.",
        "memorandums of understanding",
    ),
    (
        "vague-of-fixed-noun",
        "Officials signed dozens of memorandums of understanding on energy.",
        "memorandums of understanding",
    ),
    ("prisoners-of-war", "The UN counted 120 prisoners of war held by both sides.", "prisoners of war"),
    (
        "weapons-of-mass-destruction",
        "Inspectors found 3 weapons of mass destruction in the depot.",
        "weapons of mass destruction",
    ),
    ("heads-of-state", "The summit drew 40 heads of state from Africa and Asia.", "heads of state"),
    ("pronoun-of-complement-stays-null", "100 of them were arrested.", None),
    ("percent-of-the-vote", "The party won 30% of the vote.", "vote"),
]


@pytest.mark.parametrize("family, text, counted", COUNTED, ids=[row[0] for row in COUNTED])
def test_fixed_multiword_nouns_counted_whole(nlp, family, text, counted):
    (item,) = figures(nlp, text)
    assert item["counted"] == counted


# -- identifiers, codes, times, tallies: not figures ---------------------------------------
NOT_FIGURES = [
    ("catalogue-identifier", "Astronomers observed the galaxy cluster MACS J1149.5+6663."),
    ("all-caps-catalogue-name", "Galaxy NGC 1300 lies far away."),
    ("pollutant-code", "PM2.5 levels rose in the capital."),
    ("clock-dot-am", "The attack happened at 2.13 am local time."),
    ("clock-dot-pm-glued", "The train left at 7.45pm on Monday."),
    ("clock-dot-time-zone", "He arrived at 14.30 GMT."),
    ("flight-code", "Flight MH17 was shot down."),
    ("disease-code", "The COVID-19 pandemic spread."),
    ("resolution-number", "The Council adopted Resolution 2334 on settlements."),
    ("network-generation", "The operator launched its 5G network in March."),
    ("video-resolution", "The film was shot in 4K resolution."),
    ("vote-tally", "The Supreme Court ruled 6-3 on Friday."),
    ("score", "The match ended 3-2."),
    ("scores-as-a-verb", "He scores in every match."),
]


@pytest.mark.parametrize("family, text", NOT_FIGURES, ids=[row[0] for row in NOT_FIGURES])
def test_identifiers_times_and_tallies_are_not_figures(nlp, family, text):
    assert figures(nlp, text) == []


def test_scores_of_is_still_vague(nlp):
    (item,) = figures(nlp, "Scores of people were hurt.")
    assert (item["text"], item["qualifier"], item["counted"]) == ("Scores", "more_than", "people")
