"""The input's own fields (source, url, publisher ...) ride along in the record's ``meta``."""

from __future__ import annotations

import datetime
import json

import pytest

from models import ArticleExtraction
from pipeline.io.reading import as_article, input_meta, read_jsonl_lines


@pytest.mark.parametrize(
    "obj, meta",
    [
        ({"id": "a", "text": "x"}, {}),
        (
            {"id": "a", "text": "x", "title": "T", "source": "VOA", "url": "https://e.org/a"},
            {"source": "VOA", "url": "https://e.org/a"},
        ),
        (
            {"id": "a", "text": "x", "published": "2025-03-14 20:28:39Z", "publisher": "VOA"},
            {"published": "2025-03-14 20:28:39Z", "publisher": "VOA"},
        ),
        (
            {"id": "a", "text": "x", "tags": ["iran", "talks"], "extra": {"n": 3, "ok": True, "none": None}},
            {"tags": ["iran", "talks"], "extra": {"n": 3, "ok": True, "none": None}},
        ),
    ],
    ids=["no-extra-fields", "source-and-url", "timestamp-kept-as-given", "nested-values"],
)
def test_jsonl_line_keeps_every_field_but_id_text_and_title(obj, meta):
    (article,) = read_jsonl_lines([json.dumps(obj)], "in.jsonl")
    assert article.meta == meta and not article.errors


def test_api_dict_keeps_its_other_fields_too():
    article = as_article(
        {"id": "a", "text": "Xi met Putin.", "url": "https://e.org/a", "date": "2025-03-14"}, 0
    )
    assert article.meta == {"url": "https://e.org/a", "date": "2025-03-14"}
    assert article.date == "2025-03-14"


@pytest.mark.parametrize(
    "meta, kept, warning",
    [
        ({"deep": [[{"x": "\ud800"}]]}, {"deep": [[{"x": "\ufffd"}]]}, "lone surrogates"),
        ({"html": "x" * 5_000_001}, {}, "above the limit"),
        (
            {"when": datetime.date(2025, 3, 14)},
            {"when": "2025-03-14"},
            "date value(s) in 'meta' kept as text",
        ),
    ],
    ids=["surrogate-at-any-depth", "huge-field", "not-json-api-value-kept-as-text"],
)
def test_meta_that_cannot_be_stored_as_given_is_fixed_or_dropped_with_a_warning(meta, kept, warning):
    got, warnings = input_meta({"id": "a", "text": "x", **meta}, "in.jsonl: line 1")
    assert got == kept
    assert warning in warnings[0] and warnings[0].startswith("in.jsonl: line 1")
    ArticleExtraction(id="a", text="x", meta=got).model_dump_json()  # the record serialises


def test_record_of_a_jsonl_article_carries_its_meta(nlp):
    from pipeline.run.batch import extract_articles

    line = json.dumps({"id": "a", "text": "Xi met Putin.", "source": "Xinhua", "url": "https://e.org/a"})
    (record,) = extract_articles(read_jsonl_lines([line], "in.jsonl"), nlp)
    assert json.loads(record.model_dump_json())["meta"] == {"source": "Xinhua", "url": "https://e.org/a"}
