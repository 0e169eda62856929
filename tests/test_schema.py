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
