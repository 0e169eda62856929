"""The record schema: offsets validated, extra fields refused, JSON Schema current."""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from models import ArticleExtraction, Quote, TemporalExpression
from models.schema import SCHEMA_PATH, schema_json

TEXT = "Xi met Putin in 2024, he said."


def test_models_import_without_spacy():
    import subprocess
    import sys

    code = "import sys, models; assert 'spacy' not in sys.modules, 'models imported spaCy'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_valid_record():
    record = ArticleExtraction(
        id="a",
        text=TEXT,
        dates=[TemporalExpression(text="2024", start=16, end=20, type="DATE", value="2024")],
        quotes=[
            Quote(
                text="Xi met Putin in 2024",
                start=0,
                end=20,
                kind="indirect",
                speaker="Xi Jinping",
                speaker_text="he",
                speaker_start=22,
                speaker_end=24,
                cue="said",
                cue_start=25,
                cue_end=29,
            )
        ],
    )
    assert record.dates[0].value == "2024"


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"dates": [{"text": "2024", "start": 15, "end": 19, "type": "DATE"}]}, "dates[0]"),
        ({"dates": [{"text": "2024", "start": 16, "end": 19, "type": "DATE"}]}, "length"),
        (
            {
                "quotes": [
                    {
                        "text": "Xi",
                        "start": 0,
                        "end": 2,
                        "kind": "direct",
                        "cue": "said",
                        "cue_start": 24,
                        "cue_end": 28,
                    }
                ]
            },
            "quotes.cue",
        ),
        ({"figures": [{"text": "Xi", "start": 0, "end": 2, "qualifier": "roughly"}]}, "qualifier"),
        ({"colour": "red"}, "Extra inputs"),
        ({"events": [{"text": "met", "start": 3, "end": 6, "type": "MEET"}]}, "type"),
    ],
    ids=[
        "span-offsets-off-by-one",
        "text-length-differs-from-offsets",
        "cue-span-mismatch",
        "unknown-qualifier",
        "extra-field-forbidden",
        "unknown-event-type",
    ],
)
def test_invalid_records_are_refused(payload, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        ArticleExtraction(id="a", text=TEXT, **payload)


def test_committed_json_schema_is_current():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json(), (
        "models/article_extraction.schema.json is stale: "
        "run `python -m models.schema > models/article_extraction.schema.json`"
    )


def test_gold_follows_the_schema():
    from helpers import CORPUS

    for path in (CORPUS / "gold").glob("*.json"):
        ArticleExtraction.model_validate(json.loads(path.read_text(encoding="utf-8")))


def test_predictions_carry_no_gold_only_field_and_gold_keeps_it():
    """``optional`` is written only where true: the gold's debatable items keep it, predicted
    items (always false) carry nothing of it."""
    date = {"text": "2024", "start": 16, "end": 20, "type": "DATE", "value": "2024"}
    predicted = ArticleExtraction(id="a", text=TEXT, dates=[date])
    assert "optional" not in predicted.model_dump_json() and "optional" not in predicted.dates[0].model_dump()
    gold = ArticleExtraction(id="a", text=TEXT, dates=[{**date, "optional": True}])
    assert json.loads(gold.model_dump_json())["dates"][0]["optional"] is True
    assert ArticleExtraction.model_validate_json(gold.model_dump_json()).dates[0].optional


def test_a_record_of_schema_2_0_without_meta_still_loads():
    old = {"schema_version": "2.0", "id": "a", "text": TEXT, "dates": [{**_DATE, "optional": False}]}
    record = ArticleExtraction.model_validate(old)
    assert record.meta == {} and record.dates[0].optional is False


def test_schema_version_is_2_1_with_meta():
    from models import SCHEMA_VERSION

    assert SCHEMA_VERSION == "2.1"
    assert ArticleExtraction(id="a", text=TEXT, meta={"url": "https://e.org"}).meta == {
        "url": "https://e.org"
    }


_DATE = {"text": "2024", "start": 16, "end": 20, "type": "DATE", "value": "2024"}
