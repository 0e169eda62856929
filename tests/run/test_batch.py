"""Batch runs: streaming, worker processes, resumable output, CSV side tables, exit codes.

Repairing a cut JSONL and escaping CSV cells, without a run, are in tests/io/test_output.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, run

from pipeline.io.output import OutputError, side_paths
from pipeline.io.reading import Article
from pipeline.run.engines import run_extraction

TEXTS = [
    ("a1", "BEIJING, Feb. 11 (Xinhua) -- Xi met Putin in Moscow on Monday.", "2024-02-11"),
    ("a2", "Biden visited Kyiv on Tuesday and pledged $2 billion in aid.", "2024-05-15"),
    ("a3", '"We will not back down," said Foreign Minister Wang Yi on Friday.', None),
    ("a4", "The ministers signed an agreement on trade in 2023.", None),
    ("a5", "More than 100,000 people attended the summit in Brasilia last week.", "2024-11-20"),
]


def _articles(extra: tuple = ()) -> list[Article]:
    return [Article(id=i, text=t, date=d) for i, t, d in TEXTS] + list(extra)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def communique(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("ref") / "out.jsonl"
    summary = run_extraction(_articles(), out, nlp=nlp, batch_size=2)
    return summary, _records(out)


def test_one_record_per_article_in_input_order(reference_run):
    summary, records = reference_run
    assert [r["id"] for r in records] == [i for i, _, _ in TEXTS]
    assert summary.articles == 5 and summary.failed == 0
    assert summary.counts["entities"] == sum(len(r["entities"]) for r in records) > 0


def test_summary_line_names_articles_errors_kinds_and_seconds(reference_run):
    line = reference_run[0].line()
    # a3 and a4 have no document date: a warning each
    assert line.startswith("5 articles (0 with errors, 2 with warnings) in ") and "s: " in line
    for kind in ("entities", "dates", "quotes", "figures", "events"):
        assert kind in line


@pytest.mark.parametrize(
    "cut", [0, 1, 3], ids=["crash-before-any-batch", "crash-after-one-record", "crash-after-three-records"]
)
def test_resume_after_a_crash_completes_each_article_exactly_once(tmp_path, nlp, reference_run, cut):
    _, expected = reference_run
    out = tmp_path / "out.jsonl"
    lines = [json.dumps(r) for r in expected[:cut]]
    partial = json.dumps(expected[cut])[:40]  # the line in flight, cut short by the crash
    out.write_text("".join(line + "\n" for line in lines) + partial, encoding="utf-8")
    summary = run_extraction(_articles(), out, nlp=nlp, batch_size=2, resume=True)
    assert summary.skipped == cut and summary.articles == len(TEXTS) - cut
    assert _records(out) == expected


def _hostile_jsonl(path: Path) -> Path:
    """101 lines: hostile ones at 51-53 (a lone surrogate, JSON nested 1,000 deep, an
    integer of 5,000 digits), repeated ids ('dup' every tenth line) and an id equal to the
    name a repeated one would get ('dup#2')."""
    lines = []
    for n in range(1, 102):
        if n == 51:
            lines.append('{"id": "s", "text": "Xi \\ud800 met Putin."}')
        elif n == 52:
            lines.append('{"id": "n", "text": ' + "[" * 1000 + "]" * 1000 + "}")
        elif n == 53:
            lines.append('{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}")
        else:
            art_id = "dup#2" if n == 5 else "dup" if n % 10 == 0 else f"a{n}"
            lines.append(json.dumps({"id": art_id, "text": f"Xi Jinping met Vladimir Putin on day {n}."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-process", "two-workers"])
def test_hostile_lines_and_repeated_ids_cost_only_themselves_and_resume_exactly_once(tmp_path, nlp, jobs):
    source = _hostile_jsonl(tmp_path / "in.jsonl")
    options = {"batch_size": 8, "jobs": jobs, "nlp": nlp if jobs == 1 else None}
    out = tmp_path / "out.jsonl"
    summary = run_extraction([str(source)], out, **options)
    first = _records(out)
    ids = [r["id"] for r in first]
    assert len(first) == 101 and len(set(ids)) == 101 and summary.failed == 2  # nested, huge integer
    assert [r["line"] for r in first] == list(range(1, 102))
    assert "lone surrogate" in " ".join(first[50]["warnings"]) and first[50]["entities"]
    full = out.read_text(encoding="utf-8")
    cut = full.index("\n", len("\n".join(full.splitlines()[:32]))) + 40  # 32 records and part of one
    out.write_text(full[:cut], encoding="utf-8")
    resumed = run_extraction([str(source)], out, resume=True, **options)
    assert resumed.skipped == 32 and resumed.articles == 101 - 32
    assert _records(out) == first


def test_existing_output_needs_force_or_resume(tmp_path, nlp):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    with pytest.raises(OutputError, match="--force"):
        run_extraction(_articles(), out, nlp=nlp)
    with pytest.raises(OutputError, match="contradict"):
        run_extraction(_articles(), out, nlp=nlp, force=True, resume=True)
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    run_extraction(_articles(), out, nlp=nlp, force=True)
    assert [r["id"] for r in _records(out)] == [i for i, _, _ in TEXTS]


def test_failed_articles_are_records_with_errors(tmp_path, nlp):
    out = tmp_path / "out.jsonl"
    bad = Article(id="bad", text="", errors=["bad.txt: empty article (no text)"])
    summary = run_extraction(_articles([bad]), out, nlp=nlp)
    records = {r["id"]: r for r in _records(out)}
    assert summary.failed == 1 and records["bad"]["errors"] == ["bad.txt: empty article (no text)"]
    assert records["bad"]["entities"] == [] and records["a1"]["errors"] == []


def test_csv_tables_next_to_the_jsonl_and_path_like_ids_stay_inside(tmp_path, nlp):
    out_dir = tmp_path / "deep" / "out"
    out = out_dir / "run.jsonl"
    sneaky = [
        Article(id="../../escape", text='"=HYPERLINK(1)" said the minister on Monday.'),
        Article(id="/tmp/absolute", text="Putin met Erdogan in Ankara."),
    ]
    run_extraction(_articles(sneaky), out, nlp=nlp, formats=("jsonl", "csv"))
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == sorted([out.name] + [p.name for p in side_paths(out).values()])
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == written  # nothing outside
    articles_csv = side_paths(out)["articles"].read_text(encoding="utf-8")
    assert "../../escape" in articles_csv and articles_csv.count("\n") == 8
    entities_csv = side_paths(out)["entities"].read_text(encoding="utf-8").splitlines()
    assert entities_csv[0].startswith("article_id,text,start,end,label")
    for line in side_paths(out)["quotes"].read_text(encoding="utf-8").splitlines()[1:]:
        assert ",=" not in line  # any cell starting with = was escaped


def test_reading_context_survives_spacy_n_process(nlp):
    """doc._.communique_meta set before nlp.pipe crosses process boundaries (Doc.to_bytes
    carries user_data), so n_process>1 anchors dates as one process does."""
    from pipeline.document.access import results
    from pipeline.run.records import prepare_doc

    texts = ["Xi met Putin on Tuesday.", "Biden spoke on Friday."]
    docs = [prepare_doc(nlp, Article(id=str(i), text=t), "2024-05-16") for i, t in enumerate(texts)]
    piped = list(nlp.pipe(docs, n_process=2, batch_size=1))
    assert [d._.communique_meta["reference_date"] for d in piped] == ["2024-05-16"] * 2
    assert [results(d, "dates") for d in piped] == [
        results(run(nlp, t, "2024-05-16"), "dates") for t in texts
    ]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("folder")
    lines = [json.dumps({"id": i, "text": t, **({"date": d} if d else {})}) for i, t, d in TEXTS]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    return folder


def test_cli_jobs_2_writes_the_records_of_jobs_1(folder, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = communique("extract", str(folder), "-o", str(one), "--reference-date", "2024-06-01")
    r2 = communique(
        "extract",
        str(folder),
        "-o",
        str(two),
        "--jobs",
        "2",
        "--batch-size",
        "2",
        "--reference-date",
        "2024-06-01",
    )
    assert r1.returncode == r2.returncode == 1, r2.stderr  # the broken line fails
    assert _records(one) == _records(two)
    assert len(_records(two)) == 6 and "6 articles (1 with errors)" in r2.stderr


def test_cli_resume_and_csv(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    first = communique("extract", str(folder), "-o", str(out))
    full = out.read_text(encoding="utf-8")
    out.write_text(full[: full.index("\n", full.index("\n") + 1) + 30], encoding="utf-8")  # crash
    again = communique("extract", str(folder), "-o", str(out), "--format", "csv")
    assert again.returncode == 2 and "--resume" in again.stderr
    resumed = communique("extract", str(folder), "-o", str(out), "--resume", "--format", "csv")
    assert first.returncode == resumed.returncode == 1
    assert out.read_text(encoding="utf-8") == full
    assert "2 already done" in resumed.stderr
    assert all(p.exists() for p in side_paths(out).values())
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_resume_and_report_skip_a_line_nested_1000_deep(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    communique("extract", str(folder), "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    nested = "[" * 1000 + "]" * 1000 + "\n"
    out.write_text(lines[0] + nested + "".join(lines[1:]), encoding="utf-8")
    report = communique("report", str(out), "-o", str(tmp_path / "report"))
    assert report.returncode == 1 and "Traceback" not in report.stderr
    assert f"{out}: line 2: unreadable JSON (nested too deeply)" in report.stderr
    assert (tmp_path / "report" / "index.html").is_file()
    resumed = communique("extract", str(folder), "-o", str(out), "--resume")
    assert resumed.returncode == 0 and "Traceback" not in resumed.stderr
    assert f"{out}: line 2: unreadable JSON (nested too deeply); not a record, dropped" in resumed.stderr
    assert "0 articles (0 with errors, 6 already done)" in resumed.stderr
    assert out.read_text(encoding="utf-8") == "".join(lines)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--resume", "-o", "-"], "needs an output file"),
        (["--format", "xml", "-o", "-"], "choose jsonl, csv or parquet"),
        (["--engine", "spark", "-o", "-"], "choose local or ray"),
        (["--address", "auto", "-o", "-"], "for --engine ray"),
        (["--jobs", "0", "-o", "-"], "--jobs"),
    ],
    ids=["resume-to-stdout", "unknown-format", "unknown-engine", "address-without-ray", "zero-jobs"],
)
def test_cli_batch_usage_errors_exit_2(args, message):
    result = communique("extract", "x.txt", *args)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr
