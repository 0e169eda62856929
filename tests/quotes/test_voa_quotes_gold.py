"""Quotes on the VOA quote gold (20 real stories labelled by reading, ``corpus/voa_quotes_gold``):
the gold is consistent with the stories, and the scores stay above their floors.

The stories live in ``../shared/corpus/voa/`` (not copied here): skipped when absent. The
scoring is ``pipeline.quotes.scoring`` (``benchmarks/voa_quotes.py`` prints it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import CORPUS, ROOT

from models import Quote
from pipeline.quotes.scoring import load_quote_gold, score_stories

STORIES = (
    Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared") / "corpus" / "voa" / "voa_dev.jsonl"
)
GOLD = CORPUS / "voa_quotes_gold"
pytestmark = pytest.mark.skipif(not STORIES.exists(), reason=f"{STORIES} is absent")

# today's measured scores, rounded down: raise them when quotes improve, never lower them
# (measured on all 20 stories since session 5 added 8; the 12 older ones alone score higher)
RECALL_FLOORS = {"direct": 0.99, "mixed": 0.99, "indirect": 0.96}  # relaxed (overlap)
FLOORS = {("relaxed", "precision"): 0.99, ("relaxed", "speaker"): 0.93, ("strict", "f1"): 0.96}


@pytest.fixture(scope="module")
def stories():
    return {s["id"]: s for s in map(json.loads, STORIES.read_text(encoding="utf-8").splitlines())}


def test_gold_offsets_and_schema_match_the_stories(stories):
    gold = load_quote_gold(GOLD)
    assert len(gold) >= 10
    for story, quotes in gold.items():
        text = stories[story]["text"]
        for q in quotes:
            Quote.model_validate(q)
            assert text[q["start"] : q["end"]] == q["text"], (story, q)
            if q["speaker_start"] is not None:
                assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker_text"], (story, q)
            if q["cue_start"] is not None:
                assert text[q["cue_start"] : q["cue_end"]] == q["cue"], (story, q)


@pytest.fixture(scope="module")
def scores(nlp, stories):
    from pipeline.io.reading import Article
    from pipeline.run.batch import extract_articles

    gold = load_quote_gold(GOLD)
    articles = [
        Article(id=i, text=stories[i]["text"], date=stories[i]["published"][:10]) for i in sorted(gold)
    ]
    predicted = {r.id: [q.model_dump() for q in r.quotes] for r in extract_articles(iter(articles), nlp)}
    return score_stories({i: (stories[i]["text"], gold[i], predicted[i]) for i in gold})


@pytest.mark.parametrize("kind", list(RECALL_FLOORS))
def test_recall_by_kind_stays_above_floor(scores, kind):
    assert scores["relaxed"]["recall"][kind] >= RECALL_FLOORS[kind], scores


@pytest.mark.parametrize("mode, name", list(FLOORS), ids=[f"{m}-{n}" for m, n in FLOORS])
def test_scores_stay_above_floor(scores, mode, name):
    assert scores[mode][name] >= FLOORS[(mode, name)], scores
