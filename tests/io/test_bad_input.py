"""Bad input: a clear error naming the file (and line), and the batch goes on.

Long articles cut into parts are in tests/run/test_chunking.py."""

from __future__ import annotations

import os

import pytest

from pipeline.io.reading import read_inputs


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, error",
    [
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b"  \n\t\r\n ", "empty article"),
        ("nul.txt", b"Xi met\x00 Putin\x00\x01\x02", "binary data"),
        ("image.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary data"),
    ],
    ids=["empty-file", "whitespace-only", "nul-bytes", "jpeg-bytes"],
)
def test_unusable_files_are_errors_naming_the_file(tmp_path, name, data, error):
    path = _write(tmp_path / name, data)
    (article,) = read_inputs([str(path)])
    assert article.errors and str(path) in article.errors[0] and error in article.errors[0]


def test_bad_paths_are_errors_and_the_rest_is_read(tmp_path):
    good = _write(tmp_path / "good.txt", b"Xi met Putin.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    articles = list(
        read_inputs(
            [
                str(tmp_path / "dangling.txt"),
                str(tmp_path / "loop.txt"),
                str(tmp_path / "missing.txt"),
                str(empty_dir),
                str(good),
            ]
        )
    )
    messages = [a.errors[0] if a.errors else "ok" for a in articles]
    assert "broken symbolic link" in messages[0]
    assert "symbolic link loop" in messages[1]
    assert "no such file" in messages[2]
    assert "holds no *.txt or *.jsonl" in messages[3]
    assert messages[4] == "ok" and articles[4].text == "Xi met Putin."


def test_directory_symlink_loop_terminates(tmp_path):
    (tmp_path / "a").mkdir()
    _write(tmp_path / "a" / "x.txt", b"Xi met Putin.")
    (tmp_path / "a" / "back").symlink_to(tmp_path / "a")
    assert [a.id for a in read_inputs([str(tmp_path)])] == ["x"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_an_error(tmp_path):
    path = _write(tmp_path / "secret.txt", b"Xi met Putin.")
    path.chmod(0)
    (article,) = read_inputs([str(path)])
    assert "cannot read" in article.errors[0] and "secret.txt" in article.errors[0]


def test_jsonl_very_long_line_and_bad_lines_keep_going(tmp_path):
    long_text = "Xi met Putin. " * 20000
    path = _write(
        tmp_path / "in.jsonl",
        ('{"id": "long", "text": "' + long_text + '"}\n[1, 2]\n{"id": "ok", "text": "Fine."}\n').encode(),
    )
    articles = list(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["long", "in:2", "ok"]
    assert len(articles[0].text) == len(long_text) and not articles[0].errors
    assert "in.jsonl: line 2" in articles[1].errors[0]


def test_jsonl_is_streamed_and_a_non_utf8_line_is_a_warning_on_that_line(tmp_path):
    path = _write(
        tmp_path / "mixed.jsonl",
        b'\xef\xbb\xbf{"id": "a", "text": "First."}\n'
        b'{"id": "b", "text": "Caf\xe9 talks."}\r\n'
        b'{"id": "c", "text": "Third \\u2028 line."}\n',
    )
    a, b, c = read_inputs([str(path)])
    assert (a.id, a.warnings) == ("a", [])
    assert b.text == "Café talks." and "mixed.jsonl: line 2: invalid UTF-8" in b.warnings[0]
    assert c.text == "Third \u2028 line." and not c.errors


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: os.mkfifo(d / "x.txt"), "not a regular file (a named pipe)"),
        (lambda d: (d / "z.txt").symlink_to("/dev/zero"), "symbolic link out of the input folder"),
        (
            lambda d: (d / "out.txt").symlink_to(d.parent / "elsewhere.txt"),
            "symbolic link out of the input folder",
        ),
    ],
    ids=["fifo-would-hang", "link-to-dev-zero-would-never-end", "link-out-of-the-folder"],
)
def test_inputs_that_hang_or_leave_the_folder_are_refused(tmp_path, make, problem):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "elsewhere.txt").write_text("Secret text.")
    (folder / "a.txt").write_text("Xi met Putin.")
    make(folder)
    articles = {a.id: a for a in read_inputs([str(folder)])}
    assert articles["a"].errors == []
    (bad,) = [a for name, a in articles.items() if name != "a"]
    assert problem in bad.errors[0] and bad.text == ""


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: (d / "out.txt").symlink_to(d.parent / "elsewhere.txt"), None),
        (lambda d: (d / "z.txt").symlink_to("/dev/zero"), "not a regular file (a device)"),
        (lambda d: os.mkfifo(d / "x.txt"), "not a regular file (a named pipe)"),
    ],
    ids=["link-out-of-the-folder-is-read", "link-to-dev-zero-still-refused", "fifo-still-refused"],
)
def test_follow_symlinks_follows_links_out_of_the_folder_to_regular_files_only(tmp_path, make, problem):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "elsewhere.txt").write_text("Xi met Putin elsewhere.")
    make(folder)
    (article,) = read_inputs([str(folder)], follow_symlinks=True)
    if problem is None:
        assert article.errors == [] and article.text == "Xi met Putin elsewhere."
    else:
        assert problem in article.errors[0] and article.text == ""


def test_cli_refuses_a_link_out_of_the_folder_unless_follow_symlinks(tmp_path):
    import subprocess
    import sys

    from helpers import ROOT

    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "elsewhere.txt").write_text("Xi Jinping met Vladimir Putin on Monday.")
    (folder / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    runs = {
        flag: subprocess.run(
            [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", "-", *flag],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
        for flag in ((), ("--follow-symlinks",))
    }
    refused, followed = runs[()], runs[("--follow-symlinks",)]
    assert refused.returncode == 1 and "not followed (--follow-symlinks follows it)" in refused.stdout
    assert followed.returncode == 0 and "Vladimir Putin" in followed.stdout


def test_a_device_named_directly_is_refused():
    (article,) = read_inputs(["/dev/zero"])
    assert "not a regular file (a device)" in article.errors[0]


@pytest.mark.parametrize(
    "name, content",
    [
        ("big.txt", "x" * 80),
        ("big.jsonl", '{"id": "big", "text": "' + "x" * 80 + '"}\n'),
        ("huge.txt", "x" * 300),  # above the byte limit too: not even decoded
    ],
    ids=["text-file", "jsonl-line", "text-file-above-the-byte-limit"],
)
def test_a_refused_article_keeps_its_error_not_its_text(tmp_path, monkeypatch, nlp, name, content):
    import json

    import pipeline.io.reading as reading
    from pipeline.run.engines import run_extraction

    monkeypatch.setattr(reading, "MAX_ARTICLE_CHARS", 50)
    (tmp_path / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_extraction([str(tmp_path / name)], out, nlp=nlp)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.failed == 1 and "above the limit" in record["errors"][0]
    assert record["text"] == "" and out.stat().st_size < 2000


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("where", ["middle", "last-line-without-newline"])
def test_a_jsonl_line_too_long_to_read_is_skipped_without_holding_it(tmp_path, monkeypatch, encoding, where):
    """A binary file named .jsonl, or one 'line' of gigabytes: read through in pieces
    (memory stays that of the bound), one error naming the line, the others read."""
    import json

    import pipeline.io.lines as lines

    monkeypatch.setattr(lines, "MAX_LINE", 1000)
    good = [json.dumps({"id": f"a{i}", "text": "Xi met Putin."}) for i in range(3)]
    huge = "x" * 5000
    rows = [good[0], huge, good[1], good[2]] if where == "middle" else good + [huge]
    data = "\n".join(rows) + ("\n" if where == "middle" else "")
    path = tmp_path / "in.jsonl"
    path.write_bytes(data.encode(encoding))
    articles = list(read_inputs([str(path)]))
    assert sorted(a.id for a in articles if not a.errors) == ["a0", "a1", "a2"]
    (bad,) = [a for a in articles if a.errors]
    line = 2 if where == "middle" else 4
    assert bad.line == line and f"line {line}: longer than 1,000 bytes" in bad.errors[0]


@pytest.mark.parametrize(
    "data, ids, error",
    [
        (b'{"id": "a", "text": "Xi met Putin."}\n{"id": "b", "text": "Hi."}\n', ["a", "b"], None),
        (b"\xef\xbb\xbf" + b'{"id": "a", "text": "Xi."}\n', ["a"], None),
        ('{"id": "a", "text": "Xi."}\n'.encode("utf-16"), ["a"], None),
        (b"Xi Jinping met Vladimir Putin.", ["stdin"], None),
        (b"x" * 500, ["stdin"], "above the limit for one article"),
        (
            b'{"id": "a", "text": "Xi."}\n' + b"y" * 5000 + b"\n",
            ["a", "<stdin>:2"],
            "longer than 1,000 bytes",
        ),
    ],
    ids=["jsonl", "jsonl-with-bom", "utf16-jsonl", "text", "text-above-the-limit", "jsonl-line-too-long"],
)
def test_stdin_is_streamed_and_bounded(monkeypatch, data, ids, error):
    import io
    import types

    import pipeline.io.lines as lines
    import pipeline.io.reading as reading

    monkeypatch.setattr(lines, "MAX_LINE", 1000)
    monkeypatch.setattr(reading, "MAX_ARTICLE_CHARS", 100)
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))
    articles = list(read_inputs(["-"]))
    assert [a.id for a in articles] == ids
    errors = [e for a in articles for e in a.errors]
    assert (error in errors[0]) if error else errors == []
