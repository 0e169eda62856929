"""Figures: one row per phenomenon of issue 5 (find, normalize, qualify, count, reject)."""

from __future__ import annotations

import pytest
from helpers import run

from models import Figure
from pipeline.document.access import results
from pipeline.figures.numbers import find_numbers, parse_number


def figures(nlp, text):
    doc = run(nlp, text, "2025-01-01")
    items = results(doc, "figures")
    for item in items:
        Figure.model_validate(item)
        assert text[item["start"] : item["end"]] == item["text"]
    return items


def only(nlp, text):
    items = figures(nlp, text)
    assert len(items) == 1, items
    return items[0]


# text, expected (text, value, value_max, qualifier, kind, unit, counted)
FOUND = [
    (
        "More than 100,000 freight trains have traveled between China and Europe.",
        ("More than 100,000", 100000, None, "more_than", "count", None, "freight trains"),
    ),
    (
        "The deal embodies the will of the 2.8 billion Chinese and African people.",
        ("2.8 billion", 2.8e9, None, "exact", "count", None, "Chinese and African people"),
    ),
    (
        "Xi held over 130 talks and meetings with foreign dignitaries.",
        ("over 130", 130, None, "more_than", "count", None, "talks and meetings"),
    ),
    (
        "The declaration was signed by 14 Palestinian factions.",
        ("14", 14, None, "exact", "count", None, "Palestinian factions"),
    ),
    (
        "Officials said 100,000 of the trains were late.",
        ("100,000", 100000, None, "exact", "count", None, "trains"),
    ),
    (
        "The bank loaned 1,234.5 tonnes of grain.",
        ("1,234.5", 1234.5, None, "exact", "count", None, "tonnes of grain"),
    ),
    ("Twenty-one leaders attended the meeting.", ("Twenty-one", 21, None, "exact", "count", None, "leaders")),
    ("A dozen countries signed the statement.", ("A dozen", 12, None, "exact", "count", None, "countries")),
    (
        "Hundreds of people gathered in the square.",
        ("Hundreds", 100, None, "more_than", "count", None, "people"),
    ),
    (
        "China has lifted 800 million people out of poverty.",
        ("800 million", 8e8, None, "exact", "count", None, "people"),
    ),
    (
        "About one-third of the cargo was lost.",
        ("About one-third", 1 / 3, None, "about", "count", None, "cargo"),
    ),
    ("Nearly half of the voters stayed home.", ("Nearly half", 0.5, None, "about", "count", None, "voters")),
    (
        "The economy grew 5.2 percent last year.",
        ("5.2 percent", 5.2, None, "exact", "percent", "percent", "economy"),
    ),
    ("Unemployment fell to 5% in March.", ("5%", 5, None, "exact", "percent", "percent", "Unemployment")),
    (
        "The rate rose by 0.5 percentage points.",
        ("0.5 percentage points", 0.5, None, "exact", "percent", "percentage_point", "rate"),
    ),
    ("China pledged $3 billion in aid.", ("$3 billion", 3e9, None, "exact", "money", "USD", "aid")),
    (
        "Washington offered US$50 million for reconstruction.",
        ("US$50 million", 5e7, None, "exact", "money", "USD", "reconstruction"),
    ),
    (
        "The fund holds 50 billion yuan for infrastructure.",
        ("50 billion yuan", 5e10, None, "exact", "money", "CNY", "infrastructure"),
    ),
    (
        "RMB 1 trillion was invested in the region.",
        ("RMB 1 trillion", 1e12, None, "exact", "money", "CNY", None),
    ),
    ("Brussels approved a €2bn package.", ("€2bn", 2e9, None, "exact", "money", "EUR", "package")),
    (
        "The ministry spent 300 mln rubles on the project.",
        ("300 mln rubles", 3e8, None, "exact", "money", "RUB", None),
    ),
    (
        "Between 10 and 20 people were injured in the blast.",
        ("Between 10 and 20", 10, 20, "range", "count", None, "people"),
    ),
    ("Officials expect 10-20 new projects.", ("10-20", 10, 20, "range", "count", None, "new projects")),
    (
        "Support rose from 5 to 8 percent of voters.",
        ("from 5 to 8 percent", 5, 8, "range", "percent", "percent", "voters"),
    ),
    (
        "The plan will cost 3 to 5 million dollars.",
        ("3 to 5 million dollars", 3e6, 5e6, "range", "money", "USD", "plan"),
    ),
    (
        "At least 35 people were killed in the attack.",
        ("At least 35", 35, None, "at_least", "count", None, "people"),
    ),
    (
        "The company will cut up to 700 contract workers.",
        ("up to 700", 700, None, "at_most", "count", None, "contract workers"),
    ),
    (
        "Fewer than 10 journalists were allowed in.",
        ("Fewer than 10", 10, None, "less_than", "count", None, "journalists"),
    ),
    (
        "Some 2,000 troops were deployed to the border.",
        ("Some 2,000", 2000, None, "about", "count", None, "troops"),
    ),
    (
        "Roughly 40 ships passed through the strait.",
        ("Roughly 40", 40, None, "about", "count", None, "ships"),
    ),
    ("Under 30 delegates remained.", ("Under 30", 30, None, "less_than", "count", None, "delegates")),
    (
        "Almost 60 countries joined the initiative.",
        ("Almost 60", 60, None, "about", "count", None, "countries"),
    ),
    ("Trade has tripled since the agreement.", ("tripled", 3, None, "exact", "multiplier", None, "Trade")),
    (
        "Exports are now three times larger than before.",
        ("three times", 3, None, "exact", "multiplier", None, None),
    ),
    ("Investment grew twofold after the reform.", ("twofold", 2, None, "exact", "multiplier", None, None)),
    ("Putin and Xi met three times in Moscow.", ("three", 3, None, "exact", "count", None, "times")),
    ("Xi received two heads of state on Monday.", ("two", 2, None, "exact", "count", None, "heads of state")),
    (
        "He says 5,000 or more refugees crossed the border.",
        ("5,000 or more", 5000, None, "at_least", "count", None, "refugees"),
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    FOUND,
    ids=[
        "more-than-digits-compound-noun",
        "scale-word-coordinated-adjectives",
        "over-conjoined-nouns",
        "bare-digits-nationality-adjective",
        "counted-across-of",
        "decimal-with-separator-of-complement",
        "hyphenated-word-number",
        "a-dozen",
        "hundreds-of-vague",
        "digits-with-scale",
        "fraction-hyphen-about",
        "half-nearly",
        "percent-word",
        "percent-sign",
        "percentage-points",
        "money-dollar-scale-in-aid",
        "money-us-dollar-prefix",
        "money-yuan-suffix",
        "money-rmb-prefix",
        "money-euro-bn",
        "money-mln-suffix-currency",
        "range-between-and",
        "range-hyphen",
        "range-from-to-percent",
        "range-scale-shared",
        "at-least",
        "up-to",
        "fewer-than",
        "some-approx",
        "roughly",
        "under",
        "almost",
        "multiplier-verb",
        "multiplier-times-comparative",
        "multiplier-fold",
        "times-as-frequency-is-count",
        "two-heads-of-state",
        "or-more-after",
    ],
)
def test_figure_found(nlp, text, expected):
    f_text, value, value_max, qualifier, kind, unit, counted = expected
    item = only(nlp, text)
    assert item["text"] == f_text
    assert item["value"] == pytest.approx(value)
    assert (item["value_max"] is None) if value_max is None else item["value_max"] == pytest.approx(value_max)
    assert (item["qualifier"], item["kind"], item["unit"], item["counted"]) == (
        qualifier,
        kind,
        unit,
        counted,
    )


NOT_FIGURES = [
    "The two countries restored ties in 2024.",
    "The two sides exchanged views on the crisis.",
    "Analysts said the world's two largest economies must talk.",
    "The three leaders agreed to meet again.",
    "The council spoke with one voice for peace.",
    "On the one hand, talks continue.",
    "The attack drew condemnation from across the 15-member council.",
    "The 27-nation bloc unveiled a 10-point plan.",
    "As the year 2024 comes to a close, leaders met.",
    "It supports the 2030 Agenda for Sustainable Development.",
    "The Council adopted Resolution 2728 on Gaza.",
    "Nauru adheres to the one-China principle.",
    "The G20 summit opened in Rio.",
    "They upheld the Five Principles of Peaceful Coexistence.",
    "China celebrated the 70th anniversary of the principles.",
    "It was the first visit by a Chinese leader.",
    "Call +1-222-333-4444 for details.",
    "See page 12 of the report.",
    "Relations have grown over the past 75 years.",
    "He began a three-day state visit on Monday.",
    "No one was hurt, and one of the guards fled.",
    "The meeting ends at 10:30 on March 5.",
    "He visited http://example.com/page?id=2024&n=35 yesterday.",
    "The Group of Seven met in Italy.",
    "The second half of the match was tense.",
]


@pytest.mark.parametrize(
    "text",
    NOT_FIGURES,
    ids=[
        "anaphoric-the-two-countries-and-year",
        "anaphoric-the-two-sides",
        "anaphoric-possessive-two-largest",
        "anaphoric-the-three-leaders",
        "idiom-with-one-voice",
        "idiom-on-the-one-hand",
        "compound-modifier-15-member",
        "compound-modifiers-nation-point",
        "the-year-2024",
        "2030-agenda",
        "resolution-number",
        "one-china",
        "g20",
        "five-principles",
        "ordinal-digits",
        "ordinal-word",
        "phone-number",
        "page-number",
        "duration-years",
        "hyphenated-duration",
        "pronoun-one",
        "clock-and-date",
        "url",
        "group-of-seven",
        "second-half",
    ],
)
def test_not_a_figure(nlp, text):
    assert [f["text"] for f in figures(nlp, text)] == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("four", 4),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("one hundred and sixteen", 116),
        ("800 million", 8e8),
        ("2.8 billion", 2.8e9),
        ("1.2 trillion", 1.2e12),
        ("100,000", 1e5),
        ("1,234.5", 1234.5),
        ("two thirds", 2 / 3),
        ("one and a half", 1.5),
        ("half a million", 5e5),
        ("tens of thousands", 1e4),
        ("10k", 1e4),
        ("$3m", 3e6),
        ("three billions", 3e9),
        ("12 lakhs", 1.2e6),
        ("two hundred dozens", 2400),
    ],
    ids=lambda v: str(v),
)
def test_normalize(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_ranges_keep_kinds_apart():
    found = find_numbers("sales rose 27 % to $ 254 million")
    assert [(m.text, m.kind) for m in found] == [("27 %", "percent"), ("$ 254 million", "money")]


def test_offsets_in_seed_article(nlp, seed_text):
    doc = run(nlp, seed_text, "2025-01-01")
    got = {(f["text"], f["counted"]) for f in results(doc, "figures")}
    assert ("more than 100,000", "freight trains") in got
    assert ("over 130", "talks and meetings") in got
    assert ("2.8 billion", "Chinese and African people") in got
    assert ("14", "Palestinian factions") in got
    assert not any(f["text"] in ("2024", "2030", "one", "70") for f in results(doc, "figures"))


def pairs(nlp, text):
    return [(f["text"], f["qualifier"], f["counted"]) for f in figures(nlp, text)]


# money and percentages count what they measure (figures_lexicon.json, "_conventions")
MEASURED = [
    (
        "Japan's trade deficit narrowed by 8.4 percent to 1.2 trillion yen in May.",
        [("8.4 percent", "exact", "trade deficit"), ("1.2 trillion yen", "exact", "trade deficit")],
    ),
    (
        "Canadian exports to Mexico rose 31 percent from a year earlier.",
        [("31 percent", "exact", "Canadian exports")],
    ),
    (
        "The combined shortfall climbed to 48 billion euros.",
        [("48 billion euros", "exact", "combined shortfall")],
    ),
    (
        "Two-way trade hit a record 640 billion dollars last year.",
        [("640 billion dollars", "exact", "Two-way trade")],
    ),
    (
        "Germany pledged $750 million in humanitarian aid on Tuesday.",
        [("$750 million", "exact", "humanitarian aid")],
    ),
    ("Military spending stood at 2.4 percent of GDP.", [("2.4 percent", "exact", "GDP")]),
    (
        "The firms signed a 4 billion-euro supply contract in Berlin.",
        [("4 billion-euro", "exact", "supply contract")],
    ),
    ("The pipeline, worth $12 billion, was approved.", [("$12 billion", "exact", "pipeline")]),
    ("Remittances jumped 9.1 percent year on year.", [("9.1 percent", "exact", "Remittances")]),
    (
        "Foreign investment is expected to grow 6 percent this year.",
        [("6 percent", "exact", "Foreign investment")],
    ),
    ("Imports posted a 3 percent rise in the second quarter.", [("3 percent", "exact", "Imports")]),
    ("Officials reported a 15 percent increase in arrivals.", [("15 percent", "exact", "arrivals")]),
    (
        "The central bank cut its inflation forecast to 2.9 percent.",
        [("2.9 percent", "exact", "inflation forecast")],
    ),
    ("Shipping costs were nearly $4,000 per container.", [("nearly $4,000", "about", "Shipping costs")]),
    ("The death toll rose to 41 on Sunday.", [("41", "exact", "death toll")]),
    ("Saudi Arabia spent 90 billion riyals on the project.", [("90 billion riyals", "exact", None)]),
    ("It rose 3 percent.", [("3 percent", "exact", None)]),
]


@pytest.mark.parametrize(
    "text, expected",
    MEASURED,
    ids=[
        "change-verb-by-to-subject",
        "percent-subject-with-post-modifier",
        "money-climbed-to",
        "money-object-of-hit",
        "money-in-complement",
        "percent-of-gdp",
        "hyphenated-money-modifier",
        "appositive-worth",
        "percent-year-on-year",
        "xcomp-subject",
        "change-noun-subject",
        "change-noun-in-complement",
        "transitive-change-object",
        "copular-nearly-about",
        "count-without-noun-subject",
        "spending-verb-measures-nothing",
        "pronoun-subject-null",
    ],
)
def test_money_and_percent_measure(nlp, text, expected):
    assert pairs(nlp, text) == expected


# references and conjuncts: what stays a figure, and what it counts
COUNTED = [
    ("The two countries signed 14 agreements on Friday.", [("14", "exact", "agreements")]),
    ("Officials said the 155 countries that have joined will meet.", [("155", "exact", "countries")]),
    (
        "Brazil and India, as two major emerging economies, met.",
        [("two", "exact", "major emerging economies")],
    ),
    (
        "The forum drew 31 heads of state and government leaders.",
        [("31", "exact", "heads of state and government leaders")],
    ),
    (
        "Ministers signed a dozen agreements and dozens of memorandums.",
        [("a dozen", "exact", "agreements"), ("dozens", "more_than", "memorandums")],
    ),
    (
        "Washington sanctioned 27 individuals and entities on Monday.",
        [("27", "exact", "individuals and entities")],
    ),
    (
        "Some 2,300 migrants arrived this week, up from 900 the week before.",
        [("Some 2,300", "about", "migrants"), ("900", "exact", "migrants")],
    ),
    (
        "The text passed with 11 in favour and four abstentions.",
        [("11", "exact", "in favour"), ("four", "exact", "abstentions")],
    ),
    ("Nearly 40 diplomats attended the ceremony.", [("Nearly 40", "about", "diplomats")]),
    ("Thousands of protesters marched in the capital.", [("Thousands", "more_than", "protesters")]),
]


@pytest.mark.parametrize(
    "text, expected",
    COUNTED,
    ids=[
        "anaphor-subject-but-object-count-kept",
        "large-number-after-the-is-a-fact",
        "indefinite-two-kept",
        "of-complement-with-conjunct",
        "conjunct-with-own-number-stops",
        "conjoined-nouns",
        "elliptical-comparison-inherits",
        "vote-position",
        "nearly-is-about",
        "vague-plural-more-than",
    ],
)
def test_counted_and_references(nlp, text, expected):
    assert pairs(nlp, text) == expected
