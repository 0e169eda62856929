"""Events on the VOA development gold (44 real stories labelled by reading, one record per
happening): the gold is consistent with the stories, and the scores stay above their floors.

The stories live in ``../shared/corpus/voa/`` (not copied here): skipped when absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import CORPUS, ROOT

from models import Event
from pipeline.event_scoring import load_happening_gold, score_records

STORIES = (
    Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared") / "corpus" / "voa" / "voa_dev.jsonl"
)
GOLD = CORPUS / "voa_gold"
pytestmark = pytest.mark.skipif(not STORIES.exists(), reason=f"{STORIES} is absent")

# today's measured scores, rounded down: raise them when events improve, never lower them
# (measured on all 44 stories since session 5 added 20; the 24 older ones alone score higher)
FLOORS = {"precision": 0.68, "recall": 0.64, "f1": 0.66}
ATTRIBUTE_FLOORS = {"one_participant": 0.89, "participants": 0.63, "status": 0.92, "type": 0.95, "date": 0.48}
MAX_DUPLICATES_PER_STORY = 0.7


@pytest.fixture(scope="module")
def stories():
    return {s["id"]: s for s in map(json.loads, STORIES.read_text(encoding="utf-8").splitlines())}


def test_gold_offsets_and_schema_match_the_stories(stories):
    for story, gold in load_happening_gold(GOLD).items():
        text = stories[story]["text"]
        for event in gold["events"]:
            Event.model_validate(event)
            for m in event["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"], (story, m)


@pytest.fixture(scope="module")
def scores(nlp, stories):
    from pipeline.io.reading import Article
    from pipeline.run.batch import extract_articles

    gold = load_happening_gold(GOLD)
    articles = [
        Article(id=i, text=stories[i]["text"], date=stories[i]["published"][:10]) for i in sorted(gold)
    ]
    records = extract_articles(iter(articles), nlp)
    predicted = {r.id: [e.model_dump() for e in r.events] for r in records}
    return score_records(gold, predicted).as_dict()


@pytest.mark.parametrize("name", list(FLOORS))
def test_happening_scores_stay_above_floor(scores, name):
    assert scores[name] >= FLOORS[name], scores


@pytest.mark.parametrize("name", list(ATTRIBUTE_FLOORS))
def test_happening_attributes_stay_above_floor(scores, name):
    assert scores["attributes"][name] >= ATTRIBUTE_FLOORS[name], scores["attributes"]


def test_duplicates_stay_few(scores):
    assert scores["duplicates"] <= MAX_DUPLICATES_PER_STORY * scores["stories"], scores
