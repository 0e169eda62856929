"""The Python API fails clearly: what it cannot use is a clear TypeError or ValueError, or,
inside a batch, a record with an error while the other articles go on."""

from __future__ import annotations

import datetime

import pytest

from pipeline import extract, extract_many


@pytest.mark.parametrize("bad", [None, 123, b"Xi met Putin."], ids=["none", "int", "bytes"])
def test_extract_refuses_what_is_not_text(bad):
    with pytest.raises(TypeError, match="takes the article text as a str"):
        extract(bad)


def test_extract_many_refuses_one_text():
    with pytest.raises(TypeError, match="not one text"):
        list(extract_many("Xi met Putin."))


@pytest.mark.parametrize(
    "date, expected",
    [("2025-03-12", "2025-03-11"), (datetime.date(2025, 3, 12), "2025-03-11")],
    ids=["iso-string", "datetime-date"],
)
def test_reference_date_as_string_or_date(date, expected):
    record = extract("Xi met Putin on Tuesday.", reference_date=date)
    assert [d.value for d in record.dates] == [expected]


@pytest.mark.parametrize(
    "date", ["May 16 2024", "2025-13-01", "tomorrow"], ids=["words", "month-13", "relative"]
)
def test_unparseable_reference_date_is_a_clear_error(date):
    with pytest.raises(ValueError, match="want YYYY-MM-DD"):
        extract("Xi met Putin.", reference_date=date)


def test_one_bad_item_costs_only_itself():
    records = list(
        extract_many(
            [
                ("a", "Xi met Putin."),
                ("b", 5),
                {"id": "c", "text": "Li met Tokayev.", "date": "2025-03-14"},
                7,
            ]
        )
    )
    assert [r.id for r in records] == ["a", "b", "c", "article-4"]
    assert [bool(r.errors) for r in records] == [False, True, False, True]
    assert records[2].reference_date == "2025-03-14"


def test_a_failing_generator_keeps_the_records_before_it():
    def articles():
        yield ("a", "Xi met Putin.")
        yield ("b", "Li met Tokayev.")
        raise RuntimeError("the feed broke")

    records = list(extract_many(articles()))
    assert [r.id for r in records[:2]] == ["a", "b"] and not records[0].errors
    assert "the feed broke" in records[2].errors[0]


def test_lone_surrogates_are_replaced_and_the_record_serialises():
    record = extract("Xi \ud800 met Putin.")
    assert "lone surrogate" in record.warnings[0]
    assert record.model_dump_json()


def test_empty_text_is_reported():
    assert "empty article" in extract("").errors[0]


def test_a_dict_whose_id_is_no_id_gets_a_numbered_id_and_a_warning():
    (record,) = extract_many([{"id": [1, 2], "text": "Xi met Putin."}])
    assert record.id == "article-1" and not record.errors
    assert "item 1: 'id' is a list, not a string or integer; using 'article-1'" in record.warnings
