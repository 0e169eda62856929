"""The events table is event data: one row per actor-target dyad, with ids, codes and the
sentence; ``cameo`` stays a string ('041'); Parquet has typed columns."""

from __future__ import annotations

import csv
import datetime

import pytest

from models import ArticleExtraction
from pipeline.io import output
from pipeline.io.events_table import COLUMN_NAMES, event_rows
from pipeline.io.output import OutputError, check_output, parquet_path, side_paths, write_side_tables

TEXT = "Xi and Lula met Putin and Modi in Moscow. China said it would sanction them."
XI = {"name": "Xi Jinping", "country": "CHN", "agent_type": "GOV"}
LULA = {"name": "Lula", "country": "BRA", "agent_type": "GOV"}
PUTIN = {"name": "Vladimir Putin", "country": "RUS", "agent_type": "GOV"}
MODI = {"name": "Narendra Modi", "country": "IND"}


def _event(actors, recipients, **more):
    return {
        "text": "met",
        "start": 12,
        "end": 15,
        "type": "CONSULT",
        "mode": "visit",
        "cameo": "041",
        "actors": actors,
        "recipients": recipients,
        "location": "Moscow",
        "date": "2025-03-11",
        "sentence_start": 0,
        "sentence_end": 41,
        "mentions": [{"text": "met", "start": 12, "end": 15}],
        **more,
    }


def _record(*events) -> dict:
    record = ArticleExtraction(id="art-1", text=TEXT, reference_date="2025-03-12", events=list(events))
    return record.model_dump(mode="json")


@pytest.mark.parametrize(
    "actors, recipients, pairs",
    [
        ([XI], [PUTIN], [("Xi Jinping", "Vladimir Putin")]),
        (
            [XI, LULA],
            [PUTIN, MODI],
            [
                ("Xi Jinping", "Vladimir Putin"),
                ("Xi Jinping", "Narendra Modi"),
                ("Lula", "Vladimir Putin"),
                ("Lula", "Narendra Modi"),
            ],
        ),
        ([XI, LULA], [], [("Xi Jinping", None), ("Lula", None)]),
        ([], [PUTIN], [(None, "Vladimir Putin")]),
        ([], [], [(None, None)]),
    ],
    ids=["one-dyad", "two-by-two-gives-four-dyads", "actors-only", "recipients-only", "no-party"],
)
def test_one_row_per_actor_target_dyad(actors, recipients, pairs):
    rows = list(event_rows(_record(_event(actors, recipients))))
    assert [(r["source_name"], r["target_name"]) for r in rows] == pairs
    assert [r["dyad"] for r in rows] == list(range(1, len(pairs) + 1))
    assert {r["event_id"] for r in rows} == {"art-1:e1"}


def test_row_carries_codes_sentence_and_trigger():
    (row,) = event_rows(_record(_event([XI], [MODI], status="planned", reported_by="Kremlin")))
    assert row == {
        "event_id": "art-1:e1",
        "dyad": 1,
        "article_id": "art-1",
        "article_date": "2025-03-12",
        "date": "2025-03-11",
        "event_type": "CONSULT",
        "mode": "visit",
        "cameo": "041",
        "status": "planned",
        "source_name": "Xi Jinping",
        "source_country": "CHN",
        "source_sector": "GOV",
        "target_name": "Narendra Modi",
        "target_country": "IND",
        "target_sector": None,
        "location": "Moscow",
        "sentence": "Xi and Lula met Putin and Modi in Moscow.",
        "trigger": "met",
        "start": 12,
        "end": 15,
        "mentions": 1,
        "reported_by": "Kremlin",
    }
    assert tuple(row) == tuple(sorted(row, key=COLUMN_NAMES.index))


def test_events_of_an_article_get_ids_in_order():
    sanction = _event([XI], [], text="sanction", start=62, end=70, type="SANCTION", cameo="163")
    sanction.update(
        mentions=[{"text": "sanction", "start": 62, "end": 70}], sentence_start=42, sentence_end=76
    )
    ids = [r["event_id"] for r in event_rows(_record(_event([XI], [PUTIN]), sanction))]
    assert ids == ["art-1:e1", "art-1:e2"]


@pytest.fixture
def written(tmp_path):
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(
        ArticleExtraction.model_validate(_record(_event([XI, LULA], [PUTIN]))).model_dump_json() + "\n",
        encoding="utf-8",
    )
    write_side_tables(jsonl, ("jsonl", "csv", "parquet"))
    return jsonl


def test_csv_events_table_has_the_event_data_columns_and_keeps_leading_zeros(written):
    with side_paths(written)["events"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMN_NAMES
    assert [(r["source_name"], r["source_country"], r["cameo"]) for r in rows] == [
        ("Xi Jinping", "CHN", "041"),
        ("Lula", "BRA", "041"),
    ]


def test_pandas_reads_cameo_as_a_string_with_the_documented_dtype(written):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(side_paths(written)["events"], dtype={"cameo": str})
    assert list(frame["cameo"]) == ["041", "041"]
    assert list(frame["event_id"]) == ["art-1:e1", "art-1:e1"]


def test_parquet_events_table_is_typed(written):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(parquet_path(written))
    types = {field.name: str(field.type) for field in table.schema}
    assert types["cameo"] == "string" and types["dyad"] == types["start"] == "int32"
    assert types["article_date"] == "date32[day]"
    assert table.column_names == list(COLUMN_NAMES)
    rows = table.to_pylist()
    assert [r["cameo"] for r in rows] == ["041", "041"]
    assert (
        rows[0]["article_date"] == datetime.date(2025, 3, 12) and rows[1]["target_name"] == "Vladimir Putin"
    )


def test_parquet_of_a_run_without_events_is_an_empty_typed_table(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(ArticleExtraction(id="a", text="Hello.").model_dump_json() + "\n", encoding="utf-8")
    (path,) = write_side_tables(jsonl, ("jsonl", "parquet"))
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == list(COLUMN_NAMES)


def test_parquet_without_pyarrow_is_a_usage_error_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "parquet_missing", lambda: "--format parquet needs pyarrow: pip install x")
    with pytest.raises(OutputError, match="needs pyarrow"):
        check_output(tmp_path / "out.jsonl", formats=("jsonl", "parquet"))


def test_an_existing_parquet_table_is_not_overwritten_without_force(tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.jsonl"
    parquet_path(out).write_bytes(b"x")
    with pytest.raises(OutputError, match="out.events.parquet exists"):
        check_output(out, formats=("jsonl", "parquet"))
    check_output(out, formats=("jsonl", "csv"))  # another format's files are not in the way
