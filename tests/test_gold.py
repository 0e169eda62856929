"""Scores on the hand-labelled gold: floors that a change must not break.

The floors are today's measured scores (rounded down); raise them when the pipeline
improves, never lower them to make a change pass.
"""

from __future__ import annotations

import pytest
from helpers import CORPUS

from pipeline.evaluation import evaluate, load_records, predict_gold_articles

# kind: (strict F1, relaxed F1, {attribute: accuracy on relaxed matches})
FLOORS = {
    "entities": (0.95, 0.97, {"label": 0.95, "canonical": 0.95}),
    "dates": (0.97, 0.97, {"type": 0.97, "value": 0.97}),
    "quotes": (0.93, 0.99, {"kind": 0.99, "speaker": 0.96}),
    "figures": (0.97, 0.97, {"value": 0.97, "qualifier": 0.97, "counted": 0.90}),
    "events": (0.95, 0.98, {"type": 0.97, "participants": 0.78, "date": 0.90}),
}


@pytest.fixture(scope="module")
def scores(nlp):
    gold = load_records(CORPUS / "gold")
    return evaluate(gold, list(predict_gold_articles(gold, nlp)))


@pytest.mark.parametrize("kind", list(FLOORS))
def test_gold_scores_stay_above_floor(scores, kind):
    strict_floor, relaxed_floor, attribute_floors = FLOORS[kind]
    got = scores[kind]
    assert got["strict"]["f1"] >= strict_floor, got
    assert got["relaxed"]["f1"] >= relaxed_floor, got
    for name, floor in attribute_floors.items():
        assert got["attributes"].get(name, 0.0) >= floor, (name, got["attributes"])
