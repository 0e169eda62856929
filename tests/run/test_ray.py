"""The Ray engine on a local Ray instance gives the records of a local run."""

from __future__ import annotations

import json

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from pipeline.io.reading import Article  # noqa: E402
from pipeline.run.engines import run_extraction  # noqa: E402
from pipeline.run.ray_engine import extract_with_ray  # noqa: E402

ARTICLES = [
    Article(id="r1", text="BEIJING, Feb. 11 (Xinhua) -- Xi met Putin in Moscow on Monday."),
    Article(id="r2", text="Biden visited Kyiv on Tuesday and pledged $2 billion in aid.", date="2024-05-15"),
    Article(id="r3", text='"We will not back down," said Foreign Minister Wang Yi on Friday.'),
    Article(id="bad", text="", errors=["bad.txt: empty article (no text)"]),
    Article(id="r4", text="More than 100,000 people attended the summit in Brasilia last week."),
]


def test_cli_engine_ray_matches_the_local_engine(tmp_path):
    """Runs first, before this module starts its own Ray: the CLI starts (and stops) one."""
    import subprocess
    import sys

    from helpers import ROOT

    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": a.id, "text": a.text, "date": a.date}) + "\n" for a in ARTICLES if a.text)
        + "{broken\n",
        encoding="utf-8",
    )
    outs = {}
    for engine in ("local", "ray"):
        outs[engine] = tmp_path / f"{engine}.jsonl"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "extract",
                str(src),
                "-o",
                str(outs[engine]),
                "--engine",
                engine,
                "--jobs",
                "2",
                "--batch-size",
                "2",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
        )
        assert result.returncode == 1, result.stderr  # the broken line is a failed article
        assert "5 articles (1 with errors, 3 with warnings)" in result.stderr  # the same for both engines
    assert _lines(outs["ray"]) == _lines(outs["local"])


def test_unreachable_cluster_address_fails_fast_with_a_message(tmp_path):
    """Runs before this module starts its own Ray (with Ray up, no connection is made)."""
    from pipeline.run.engines import EngineError

    assert not ray.is_initialized()

    with pytest.raises(EngineError, match="cannot reach the Ray cluster at 127.0.0.1:1"):
        extract_with_ray(ARTICLES[:1], tmp_path / "out.jsonl", address="127.0.0.1:1")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_ray_run_writes_the_records_of_a_local_run(local_ray, nlp, tmp_path):
    local, on_ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_extraction(ARTICLES, local, nlp=nlp, reference_date="2024-06-01")
    summary = extract_with_ray(ARTICLES, on_ray, reference_date="2024-06-01", num_workers=2, batch_size=2)
    assert _lines(on_ray) == _lines(local)
    assert [json.loads(line)["id"] for line in _lines(on_ray)] == [a.id for a in ARTICLES]
    assert summary.articles == 5 and summary.failed == 1


def test_ray_run_resumes_after_a_crash(local_ray, nlp, tmp_path):
    out = tmp_path / "out.jsonl"
    run_extraction(ARTICLES, out, nlp=nlp)
    full = out.read_text(encoding="utf-8")
    out.write_text(full[: full.index("\n") + 25], encoding="utf-8")  # one record and a half
    summary = extract_with_ray(ARTICLES, out, resume=True, num_workers=2)
    assert summary.skipped == 1 and summary.articles == 4
    assert out.read_text(encoding="utf-8") == full
