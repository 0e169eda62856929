"""The command line as a user runs it: exit codes, messages, files written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT, SEED_ARTICLE


def communique(*args, stdin=None, cwd=ROOT, env=None):
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env=env,
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    (folder / "good.txt").write_text("BEIJING, Feb. 11 (Xinhua) -- Xi met Putin in Moscow.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "more.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Biden visited Kyiv on Monday.", "date": "2024-05-15"})
        + "\n{broken\n",
        encoding="utf-8",
    )
    out = folder / "out.jsonl"
    result = communique("extract", str(folder), "-o", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return result, records, out


def test_batch_goes_on_past_bad_articles_and_exits_1(batch):
    result, records, _ = batch
    assert result.returncode == 1
    assert [r["id"] for r in records] == ["empty", "good", "j1", "more:2"]
    by_id = {r["id"]: r for r in records}
    assert "empty article" in by_id["empty"]["errors"][0]
    assert "more.jsonl: line 2: not valid JSON" in by_id["more:2"]["errors"][0]
    assert by_id["good"]["errors"] == [] and by_id["good"]["dateline"]["place"] == "BEIJING"
    assert by_id["j1"]["reference_date"] == "2024-05-15"
    assert "4 articles (2 with errors, 1 with warnings)" in result.stderr  # good.txt has no date


def test_existing_output_is_not_overwritten_without_force(batch):
    _, _, out = batch
    result = communique("extract", str(SEED_ARTICLE), "-o", str(out))
    assert result.returncode == 2 and "--force" in result.stderr


def test_stdout_output_and_stdin_input():
    result = communique(
        "extract", "-", "-o", "-", "--reference-date", "2024-05-16", stdin="Xi met Putin on Tuesday."
    )
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["reference_date"] == "2024-05-16" and record["reference_date_source"] == "option"


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "x.txt", "--reference-date", "16/05/2024", "-o", "-"], "not a date"),
        (["extract", str(SEED_ARTICLE), "--model", "no_such_model", "-o", "-"], "pip install"),
        (["extract"], "Missing argument"),
        (["evaluate", "no-such-predictions.jsonl"], "no such file"),
    ],
    ids=["bad-reference-date", "missing-model-says-what-to-install", "no-input", "missing-predictions"],
)
def test_usage_errors_exit_2_with_a_message(args, message):
    result = communique(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_command_prints_json_schema():
    result = communique("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "ArticleExtraction"


def test_evaluate_json_scores_predictions(tmp_path):
    out = tmp_path / "pred.jsonl"
    assert communique("extract", str(SEED_ARTICLE), "-o", str(out)).returncode == 0
    result = communique("evaluate", str(out), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores) >= {"entities", "dates", "quotes", "figures", "events"}
    assert 0 < scores["dates"]["relaxed"]["f1"] <= 1


def test_extract_html_writes_the_report_next_to_the_records(tmp_path):
    out, report = tmp_path / "pred.jsonl", tmp_path / "report"
    result = communique("extract", str(SEED_ARTICLE), "-o", str(out), "--html", str(report))
    assert result.returncode == 0, result.stderr
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "xinhua-2024-12-31-xi-diplomacy-year-review" in index
    assert communique("extract", str(SEED_ARTICLE), "-o", "-", "--html", str(report)).returncode == 2


def _read_only_folder(tmp_path, how: str):
    """A folder the run cannot write into: under a file (for anyone), or without write
    permission (not for root, whom permissions do not stop)."""
    if how == "under-a-file":
        (tmp_path / "file").write_text("in the way", encoding="utf-8")
        return tmp_path / "file" / "out"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("how", ["under-a-file", "no-write-permission"])
@pytest.mark.parametrize("target", ["jsonl", "csv", "html"])
def test_an_output_that_cannot_be_written_is_one_error_line_and_exit_2(tmp_path, how, target):
    folder = _read_only_folder(tmp_path, how)
    article = tmp_path / "a.txt"
    article.write_text("Xi Jinping met Vladimir Putin in Moscow on Monday.", encoding="utf-8")
    if target == "html":
        args = ["-o", str(tmp_path / "out.jsonl"), "--html", str(folder / "report")]
    else:
        args = ["-o", str(folder / "out.jsonl"), "--format", target]
    try:
        result = communique("extract", str(article), *args)
    finally:
        if folder.exists():
            folder.chmod(0o755)
    errors = [line for line in result.stderr.splitlines() if line.startswith("communique: error:")]
    assert result.returncode == 2 and len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "cannot write" in errors[0]


@pytest.mark.parametrize(
    "make, named, message",
    [
        (lambda d: None, "missing.txt", "missing.txt: no such file or directory"),
        (lambda d: None, "*.nothing", "*.nothing: no files match this pattern"),
        (
            lambda d: (d / "gone.txt").symlink_to(d / "nowhere.txt"),
            "gone.txt",
            "gone.txt: broken symbolic link",
        ),
    ],
    ids=["missing-file", "glob-matching-nothing", "broken-link"],
)
def test_an_input_that_cannot_be_read_is_a_usage_error_naming_it_and_nothing_is_written(
    tmp_path, make, named, message
):
    make(tmp_path)
    (tmp_path / "good.txt").write_text("Xi met Putin.", encoding="utf-8")
    out = tmp_path / "out" / "records.jsonl"
    result = communique("extract", "good.txt", named, "-o", str(out), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"communique: error: {message}")
    assert not out.exists() and not out.parent.exists()


def test_every_bad_input_is_named():
    result = communique("extract", "nope-1.txt", "nope-2.jsonl", "-o", "-")
    assert result.returncode == 2 and result.stdout == ""
    assert [line.split(":")[2].strip() for line in result.stderr.splitlines()] == [
        "nope-1.txt",
        "nope-2.jsonl",
    ]


def test_version():
    from pipeline import __version__

    result = communique("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"communique {__version__}"


def test_engine_help_keeps_the_ray_extra_in_brackets():
    result = communique("extract", "--help", env={**os.environ, "COLUMNS": "200", "TERM": "dumb"})
    assert result.returncode == 0 and "pip install communique[ray]" in result.stdout


@pytest.fixture(scope="module")
def undated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("undated")
    (folder / "a.txt").write_text("Xi met Putin on Tuesday.", encoding="utf-8")
    (folder / "b.txt").write_text("BEIJING, Feb. 11, 2025 (Xinhua) -- Xi met Putin.", encoding="utf-8")
    return folder


def test_quiet_prints_nothing_but_errors(undated, tmp_path):
    result = communique("extract", str(undated), "-o", str(tmp_path / "out.jsonl"), "--quiet")
    assert result.returncode == 0 and result.stderr == ""
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_verbose_prints_each_articles_warnings_and_the_summary_counts_them(undated, tmp_path):
    result = communique("extract", str(undated), "-o", str(tmp_path / "out.jsonl"), "-v")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("communique: warning: [a] no document date")
    assert "2 articles (0 with errors, 1 with warnings)" in lines[-1]


def test_quiet_and_verbose_together_is_a_usage_error(undated):
    result = communique("extract", str(undated), "-o", "-", "-q", "-v")
    assert result.returncode == 2 and "contradict" in result.stderr


def test_extract_format_parquet_writes_the_typed_events_table(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "pred.jsonl"
    result = communique("extract", str(SEED_ARTICLE), "-o", str(out), "--format", "parquet")
    assert result.returncode == 0, result.stderr
    table = pq.read_table(tmp_path / "pred.events.parquet")
    events = sum(len(json.loads(line)["events"]) for line in out.read_text(encoding="utf-8").splitlines())
    assert len(set(table.column("event_id").to_pylist())) == events > 5
    assert all(len(code) == 3 for code in table.column("cameo").to_pylist() if code)


def test_progress_bar_shows_on_a_terminal(undated, tmp_path):
    """stderr a terminal (a pseudo-terminal here): rich's bar counts the articles."""
    import pty

    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pipeline", "extract", str(undated), "-o", str(tmp_path / "o.jsonl")],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=ROOT,
            timeout=300,
            env={**os.environ, "COLUMNS": "120"},
        )
        os.close(follower)
        follower = None
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    assert result.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "2/2" in text and "0 failed" in text and "2 articles (0 with errors" in text
