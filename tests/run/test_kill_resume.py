"""A batch killed with SIGKILL mid-run, then rerun with --resume: every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

SENTENCES = [
    "Chinese President Xi Jinping met visiting Kenyan President William Ruto on {day}.",
    "The two sides signed {n} cooperation agreements worth more than ${n} billion.",
    '"We will deepen trust," Ruto told reporters after the talks.',
    "Foreign ministers from {n} countries attended the forum in Nairobi last week.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _article(i: int) -> str:
    body = " ".join(s.format(day=DAYS[i % 5], n=i % 17 + 2) for s in SENTENCES)
    return f"NAIROBI, March {i % 27 + 1} (Xinhua) -- {body}\n\n{body}"


def _ids(path) -> list[str]:
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            ids.append(json.loads(line)["id"])
        except (json.JSONDecodeError, KeyError):
            pass  # a line cut by the kill
    return ids


def test_sigkill_then_resume_gives_every_article_exactly_once(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    expected = []
    for i in range(150):
        (folder / f"a{i:03d}.txt").write_text(_article(i), encoding="utf-8")
        expected.append(f"a{i:03d}")
    out = tmp_path / "out.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        str(folder),
        "-o",
        str(out),
        "--reference-date",
        "2024-03-30",
        "--batch-size",
        "2",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and len(_ids(out)) >= 6:
            break
        time.sleep(0.05)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    before = _ids(out)
    assert killed and 0 < len(before) < len(expected), "the run was not killed mid-way"

    resumed = subprocess.run(cmd + ["--resume"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    after = _ids(out)
    assert sorted(after) == expected, "some article is missing or written twice"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["id"] for line in lines), "a broken line was left in the output"


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_main_process_is_killed(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps({"id": f"a{i}", "text": _article(i)}) + "\n" for i in range(400)))
    exe = [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        str(inp),
        "-o",
        str(tmp_path / "out.jsonl"),
        "--jobs",
        "2",
    ]
    main = subprocess.Popen(exe, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2:
        time.sleep(0.5)
        workers = _children(main.pid)
    assert workers, "the workers never started"
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.5)
    assert not any(_alive(w) for w in workers), "orphaned workers are still running"


@pytest.mark.parametrize("resume", [False, True], ids=["two-runs", "two-resumes"])
def test_two_runs_on_one_output_never_mix_their_records(tmp_path, resume):
    """``extract A -o s.jsonl & extract B -o s.jsonl``: one run writes, the other stops
    with an error (exit 2) whether it starts while the first runs or after it ended; the
    output holds the first's records, each once, all whole."""
    sources = []
    for name in ("a", "b"):
        source = tmp_path / f"{name}.jsonl"
        source.write_text(
            "".join(json.dumps({"id": f"{name}{i}", "text": _article(i)}) + "\n" for i in range(40))
        )
        sources.append(source)
    out = tmp_path / "s.jsonl"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "pipeline", "extract", str(s), "-o", str(out), "--batch-size", "4"]
            + (["--resume"] if resume else []),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s in sources
    ]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    codes = sorted(code for code, _ in results)
    errors = [err for code, err in results if code == 2]
    ids = _ids(out)
    if resume and codes == [0, 0]:  # the second began after the first ended: it appends its own
        assert sorted(ids) == sorted([f"a{i}" for i in range(40)] + [f"b{i}" for i in range(40)])
    else:
        assert codes == [0, 2], results
        assert "another communique run is writing to it" in errors[0] or "exists" in errors[0]
        assert len(ids) == 40 and len(set(ids)) == 40 and len({i[0] for i in ids}) == 1
    assert len(ids) == len(out.read_text(encoding="utf-8").splitlines())  # every line whole
