"""The command line as a user runs it: exit codes, messages, files written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT, SEED_ARTICLE


def communique(*args, stdin=None, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
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
    assert "4 articles (2 with errors)" in result.stderr


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
        (["extract", "x.txt", "--model", "no_such_model", "-o", "-"], "pip install"),
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
