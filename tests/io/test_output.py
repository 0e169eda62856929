"""Output files without a run: a JSONL cut by a crash is repaired, CSV cells are escaped."""

from __future__ import annotations

import json

import pytest

from pipeline.io.output import csv_cell, repair_jsonl


@pytest.mark.parametrize(
    "content, ids, dropped",
    [
        ('{"id": "a"}\n{"id": "b"}\n', {"a", "b"}, 0),
        ('{"id": "a"}\n{"id": "b', {"a"}, 1),
        ('{"id": "a"}\n{"id": "b"}', {"a"}, 1),
        ('{"id": "a"}\ngarbage\n{"id": "c"}\n', {"a", "c"}, 1),
        ('{"id": "a"}\n\n\n', {"a"}, 0),
        ("", set(), 0),
    ],
    ids=[
        "intact",
        "truncated-last-line",
        "last-line-without-newline-is-redone",
        "broken-line-in-the-middle-rewritten",
        "trailing-blank-lines",
        "empty-file",
    ],
)
def test_repair_keeps_complete_records_only(tmp_path, content, ids, dropped):
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    assert repair_jsonl(path) == (ids, dropped)
    kept = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert set(kept) == ids and len(kept) == len(ids)
    assert path.read_text(encoding="utf-8").endswith("\n") or not kept


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("Xi Jinping", "Xi Jinping"),
        (-3.5, -3.5),
        (12, 12),
        (None, ""),
        (["=a", "b"], "'=a; b"),
    ],
    ids=[
        "equals",
        "plus",
        "minus",
        "at",
        "tab",
        "plain-text",
        "negative-number-stays-number",
        "int",
        "none-is-empty",
        "list-joined-then-escaped",
    ],
)
def test_csv_cells_are_escaped_against_formula_injection(value, expected):
    assert csv_cell(value) == expected


def test_a_second_run_on_the_same_output_stops_with_a_clear_error(tmp_path):
    from pipeline.io.output import JsonlWriter, OutputError

    out = tmp_path / "run.jsonl"
    with JsonlWriter(out):
        with pytest.raises(OutputError, match="another communique run is writing to it"):
            JsonlWriter(out)
    with JsonlWriter(out):  # the lock goes with the run
        pass


def test_an_output_that_cannot_be_written_is_one_clear_error(tmp_path):
    from pipeline.io.output import JsonlWriter, OutputError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        JsonlWriter(blocker / "out.jsonl")


def test_a_full_disk_while_writing_is_one_clear_error():
    from pipeline.io.output import JsonlWriter, OutputError
    from pipeline.io.results import Done

    class FullDisk:
        def write(self, text):
            raise OSError(28, "No space left on device")

        def flush(self):
            pass

    writer = JsonlWriter(None, stream=FullDisk())
    done = Done(id="a", line=json.dumps({"id": "a"}), failed=False, counts={})
    with pytest.raises(OutputError, match="No space left on device"):
        writer.write_batch([done])


@pytest.mark.parametrize(
    "value",
    [" =1+1", "\n=1+1", "\r\n@SUM(A1)", "＝1+1", "＋1", "\u00a0-1"],
    ids=[
        "leading-space",
        "leading-newline",
        "leading-crlf-at",
        "full-width-equals",
        "full-width-plus",
        "nbsp-minus",
    ],
)
def test_formulas_hidden_behind_spaces_or_full_width_forms_are_escaped(value):
    assert csv_cell(value) == "'" + value
