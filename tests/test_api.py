"""The Python API fails clearly: what it cannot use is a clear TypeError or ValueError, or,
inside a batch, a record with an error while the other articles go on."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from helpers import ROOT

from pipeline import extract, extract_many


@pytest.mark.parametrize(
    "bad, hint",
    [
        (None, "not NoneType"),
        (123, "not int"),
        (b"Xi met Putin.", "decode it first"),
        ({"id": "a", "text": "Xi met Putin."}, "use extract_many"),
    ],
    ids=["none", "int", "bytes-says-decode", "dict-says-extract-many"],
)
def test_extract_refuses_what_is_not_text(bad, hint):
    with pytest.raises(TypeError, match="takes the article text as a str") as caught:
        extract(bad)
    assert hint in str(caught.value)


@pytest.mark.parametrize(
    "articles, message",
    [("Xi met Putin.", "not one text"), (b"Xi", "not one text"), ({"id": "a", "text": "Xi"}, "not one dict")],
    ids=["one-text", "bytes", "one-dict"],
)
def test_extract_many_refuses_one_article(articles, message):
    with pytest.raises(TypeError, match=message):
        list(extract_many(articles))


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2025-03-12", "2025-03-11"),
        (datetime.date(2025, 3, 12), "2025-03-11"),
        (datetime.datetime(2025, 3, 12, 23, 5), "2025-03-11"),
    ],
    ids=["iso-string", "datetime-date", "datetime-takes-its-day"],
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


def test_reference_date_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="YYYY-MM-DD string or a datetime.date, not int"):
        extract("Xi met Putin.", reference_date=20250312)


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


@pytest.mark.parametrize(
    "path, error, message",
    [
        ("no/such/article.txt", FileNotFoundError, "no/such/article.txt: no such file or directory"),
        ("no/such/*.jsonl", FileNotFoundError, "no files match"),
        (b"article.txt", TypeError, "takes a path"),
    ],
    ids=["missing-file", "glob-matching-nothing", "bytes-path"],
)
def test_extract_file_of_a_path_it_cannot_read_is_a_clear_error(path, error, message):
    from pipeline import extract_file

    with pytest.raises(error, match=message):
        extract_file(path)


def test_empty_text_is_reported():
    assert "empty article" in extract("").errors[0]


def test_a_dict_whose_id_is_no_id_gets_a_numbered_id_and_a_warning():
    (record,) = extract_many([{"id": [1, 2], "text": "Xi met Putin."}])
    assert record.id == "article-1" and not record.errors
    assert "item 1: 'id' is a list, not a string or integer; using 'article-1'" in record.warnings


def _python(code: str, cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *(["-c", code] if code else []), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_library_logs_through_a_silent_named_logger():
    """Unconfigured, the library's log shows nothing (no traceback on a user's stderr)."""
    code = (
        "import logging, pipeline\n"
        "assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger('pipeline').handlers)\n"
        "logging.getLogger('pipeline.run.batch').error('article x failed', exc_info=ValueError('boom'))\n"
    )
    result = _python(code, ROOT)
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize(
    "name, content, run",
    [
        ("models.py", "class Model:\n    pass\n", "import pipeline"),
        ("models/__init__.py", "", "from pipeline import extract"),
        ("models.py", "from pipeline import extract\n", None),  # the user's script is models.py
    ],
    ids=["own-models-module", "own-models-package", "own-script-named-models-circular"],
)
def test_a_users_models_file_shadowing_ours_is_named_in_one_line(tmp_path, name, content, run):
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = _python(run, tmp_path) if run else _python("", tmp_path, "models.py")
    last = result.stderr.strip().splitlines()[-1]
    assert result.returncode == 1
    assert last.startswith("ImportError: communique: ") and "circular" not in result.stderr
    assert f"{tmp_path / name} shadows communique's 'models' package" in last and "rename your file" in last


def test_no_shadowing_message_when_run_from_elsewhere(tmp_path):
    result = _python("import pipeline, models; print(models.SCHEMA_VERSION)", tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "2.1"
