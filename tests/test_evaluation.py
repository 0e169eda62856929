"""Evaluation maths: matching, optional items, strict vs relaxed, attribute accuracy."""

from __future__ import annotations

import pytest

from models import ArticleExtraction, Figure, TemporalExpression
from pipeline.evaluation import evaluate, prf

TEXT = "More than 100,000 trains ran in 2024 and 54 countries joined in September."


def date(text, value, optional=False, occurrence=0):
    start = TEXT.index(text)
    return TemporalExpression(
        text=text, start=start, end=start + len(text), type="DATE", value=value, optional=optional
    )


def fig(text, value, qualifier="exact", counted=None):
    start = TEXT.index(text)
    return Figure(
        text=text, start=start, end=start + len(text), value=value, qualifier=qualifier, counted=counted
    )


def record(**lists):
    return ArticleExtraction(id="a", text=TEXT, **lists)


@pytest.mark.parametrize(
    "tp, fp, fn, expected",
    [
        (8, 2, 2, (0.8, 0.8, 0.8)),
        (0, 0, 0, (0.0, 0.0, 0.0)),
        (1, 0, 3, (1.0, 0.25, 0.4)),
        (0, 5, 0, (0.0, 0.0, 0.0)),
    ],
    ids=["balanced", "nothing-at-all", "high-precision-low-recall", "only-false-alarms"],
)
def test_prf(tp, fp, fn, expected):
    assert prf(tp, fp, fn) == expected


def test_strict_vs_relaxed_and_values():
    gold = record(dates=[date("2024", "2024"), date("September", "2024-09")])
    pred = record(dates=[date("2024", "2024"), date("in September", "2025-09")])
    scores = evaluate([gold], [pred])["dates"]
    assert scores["strict"]["tp"] == 1 and scores["strict"]["fp"] == 1 and scores["strict"]["fn"] == 1
    assert scores["relaxed"]["f1"] == 1.0
    assert scores["attributes"]["value"] == 0.5


def test_optional_gold_items_are_neither_missed_nor_false_alarms():
    gold = record(dates=[date("2024", "2024"), date("September", "2024-09", optional=True)])
    found_optional = evaluate([gold], [record(dates=[date("2024", "2024"), date("September", "x")])])
    missed_optional = evaluate([gold], [record(dates=[date("2024", "2024")])])
    for result in (found_optional, missed_optional):
        assert result["dates"]["strict"] == {
            "precision": 1.0,
            "recall": 1.0,
            "f1": 1.0,
            "tp": 1,
            "fp": 0,
            "fn": 0,
        }
    assert found_optional["dates"]["attributes"]["value"] == 1.0  # optional match not scored


def test_one_to_one_matching_counts_duplicates_as_false_alarms():
    gold = record(figures=[fig("More than 100,000", 100000, "more_than", "trains")])
    pred = record(figures=[fig("More than 100,000", 100000, "more_than", "trains"), fig("100,000", 100000)])
    scores = evaluate([gold], [pred])["figures"]
    assert (scores["relaxed"]["tp"], scores["relaxed"]["fp"]) == (1, 1)
    assert scores["attributes"] == {"value": 1.0, "qualifier": 1.0, "counted": 1.0}


def test_missing_prediction_counts_every_gold_item_as_missed():
    gold = record(figures=[fig("54", 54, counted="countries")])
    result = evaluate([gold], [])
    assert result["figures"]["relaxed"]["recall"] == 0.0
    assert result["_missing_predictions"] == ["a"]
