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
        ('{"id": "a"}\n' + "[" * 1000 + "]" * 1000 + '\n{"id": "c"}\n', {"a", "c"}, 1),
        ('{"id": "a"}\n{"id": "b", "n": ' + "9" * 5000 + '}\n{"id": "c"}\n', {"a", "c"}, 1),
        ('{"id": "a"}\n{"id": 7}\n', {"a"}, 1),
    ],
    ids=[
        "intact",
        "truncated-last-line",
        "last-line-without-newline-is-redone",
        "broken-line-in-the-middle-rewritten",
        "trailing-blank-lines",
        "empty-file",
        "json-nested-1000-deep",
        "integer-of-5000-digits",
        "id-not-a-string",
    ],
)
def test_repair_keeps_complete_records_only(tmp_path, content, ids, dropped):
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    kept_ids, why = repair_jsonl(path)
    assert (kept_ids, len(why)) == (ids, dropped)
    assert all(reason.startswith("line ") for reason in why)
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


def test_a_run_that_ended_while_this_one_started_is_not_overwritten(tmp_path):
    """check_output looked before the model loaded; the writer looks again under the lock."""
    from pipeline.io.output import JsonlWriter, OutputError, check_output

    out = tmp_path / "run.jsonl"
    check_output(out)  # nothing there yet
    out.write_text('{"id": "first"}\n', encoding="utf-8")  # meanwhile another run wrote it
    with pytest.raises(OutputError, match="exists; pass --force"):
        JsonlWriter(out, force=False)
    assert out.read_text(encoding="utf-8") == '{"id": "first"}\n'
    with JsonlWriter(out, force=False, resume=True) as writer:  # the lock was given back
        assert writer.done_ids == {"first"}


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


def test_a_full_disk_while_writing_csv_leaves_no_temporary_file(tmp_path, monkeypatch):
    import errno
    import os

    import pipeline.io.output as output
    from models import ArticleExtraction

    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(
        "".join(ArticleExtraction(id=i, text="Xi met Putin.").model_dump_json() + "\n" for i in "ab"),
        encoding="utf-8",
    )
    real_fdopen, opened = os.fdopen, []

    class FullDisk:
        """The third table's file: every write (and so closing) fails as on a full disk."""

        def __init__(self, handle):
            self.handle = handle

        def write(self, text):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def close(self):  # closing flushes: on a full disk that fails too
            self.handle.close()
            self.write("")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        opened.append(handle)
        return FullDisk(handle) if len(opened) == 3 else handle

    monkeypatch.setattr(output.os, "fdopen", fdopen)
    with pytest.raises(output.OutputError, match="cannot write the CSV tables: No space left on device"):
        output.write_csv_tables(jsonl)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no .tmp, no half table


def test_a_full_disk_while_writing_parquet_is_one_clear_error_and_no_temporary_file(tmp_path, monkeypatch):
    import errno
    import os

    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    import pipeline.io.output as output
    from models import ArticleExtraction

    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(
        ArticleExtraction(id="a", text="Xi met Putin.").model_dump_json() + "\n", encoding="utf-8"
    )

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pq, "ParquetWriter", full_disk)
    with pytest.raises(output.OutputError, match="cannot write the Parquet table: No space left on device"):
        output.write_side_tables(jsonl, ("jsonl", "parquet"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
