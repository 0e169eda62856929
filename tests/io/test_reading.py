"""Reading articles: datelines, encodings, headings, JSONL, inputs."""

from __future__ import annotations

import json

import pytest

from pipeline.document.front_matter import find_headings, parse_dateline, parse_front_matter
from pipeline.io.decoding import decode_bytes
from pipeline.io.reading import read_inputs, read_jsonl_lines


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        (
            " date 2025-01-01 BEIJING | Xinhua | As the year 2024 ...",
            None,
            ("2025-01-01", "BEIJING", "Xinhua", "date 2025-01-01 BEIJING | Xinhua |"),
        ),
        (
            "BEIJING, Feb. 11 (Xinhua) -- Chinese President Xi ...",
            "2024-03-01",
            ("2024-02-11", "BEIJING", "Xinhua", "BEIJING, Feb. 11 (Xinhua) --"),
        ),
        (
            "WASHINGTON, Jan 5 (Reuters) - U.S. officials ...",
            "2025-01-06",
            ("2025-01-05", "WASHINGTON", "Reuters", "WASHINGTON, Jan 5 (Reuters) -"),
        ),
        (
            "UNITED NATIONS, Sept. 23 (AP) — The General Assembly ...",
            "2024-09-24",
            ("2024-09-23", "UNITED NATIONS", "AP", "UNITED NATIONS, Sept. 23 (AP) —"),
        ),
        (
            "NEW DELHI, India, March 3, 2024 (AP) — Prime Minister ...",
            None,
            ("2024-03-03", "NEW DELHI, India", "AP", "NEW DELHI, India, March 3, 2024 (AP) —"),
        ),
        (
            "MOSCOW, Dec. 30 (Xinhua) -- ...",
            "2025-01-02",
            ("2024-12-30", "MOSCOW", "Xinhua", "MOSCOW, Dec. 30 (Xinhua) --"),
        ),
        (
            "UNITED NATIONS, Sept. 23 (AP) — ...",
            None,
            ("XXXX-09-23", "UNITED NATIONS", "AP", "UNITED NATIONS, Sept. 23 (AP) —"),
        ),
        ("GENEVA (Reuters) - The WHO said ...", None, (None, "GENEVA", "Reuters", "GENEVA (Reuters) -")),
    ],
    ids=[
        "seed-pipe-form",
        "xinhua-wire",
        "reuters-no-period",
        "ap-em-dash-sept",
        "place-with-region-and-year",
        "year-rolls-back-over-new-year",
        "no-year-no-reference-stays-partial",
        "no-date",
    ],
)
def test_dateline_forms(text, reference, expected):
    dateline = parse_dateline(text, reference=reference)
    assert (dateline.date, dateline.place, dateline.agency, dateline.text) == expected
    assert text[dateline.start : dateline.end] == dateline.text


@pytest.mark.parametrize(
    "text",
    ["The UN said on Monday (AP) - nothing.", "Xi met Putin in Moscow.", ""],
    ids=["sentence-with-agency-later", "plain-sentence", "empty"],
)
def test_no_dateline(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    "data, text, warned",
    [
        ("Xi’s visit — café".encode("utf-8"), "Xi’s visit — café", False),
        (b"\xef\xbb\xbf" + "Xi’s visit".encode("utf-8"), "Xi’s visit", False),
        ("Xi’s visit".encode("utf-16"), "Xi’s visit", False),
        ("Xi’s visit".encode("utf-16-be").join([b"\xfe\xff", b""]), "Xi’s visit", False),
        ("Xi’s visit".encode("cp1252"), "Xi’s visit", True),
        ("Xi met Putin".encode("utf-16-le"), "Xi met Putin", True),
    ],
    ids=[
        "utf8",
        "utf8-bom-stripped",
        "utf16-le-bom",
        "utf16-be-bom",
        "cp1252-fallback-warns",
        "utf16-without-bom-guessed-with-warning",
    ],
)
def test_decoding(data, text, warned):
    decoded, warnings = decode_bytes(data, "a.txt")
    assert decoded == text
    assert bool(warnings) == warned
    if warned:
        assert "a.txt" in warnings[0]


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (article,) = read_inputs([str(path)])
    assert article.errors and "image.txt" in article.errors[0] and "binary" in article.errors[0]


def test_cp1252_warning_names_file_and_line(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(b"First line.\nSecond line with caf\xe9.\n")
    (article,) = read_inputs([str(path)])
    assert article.text.endswith("café.\n")
    assert "old.txt: line 2" in article.warnings[0]


@pytest.mark.parametrize(
    "text, headings",
    [
        ("Intro.\n\nHEAD-OF-STATE DIPLOMACY\n\nBody.", ["HEAD-OF-STATE DIPLOMACY"]),
        (
            "A.\n\nMODERNIZATION FOR ALL\n\nB.\n\nPROMOTING DEVELOPMENT OF GLOBAL SOUTH\n",
            ["MODERNIZATION FOR ALL", "PROMOTING DEVELOPMENT OF GLOBAL SOUTH"],
        ),
        ("The UN and NATO met.\n\nUS\n", []),
        ("BEIJING, Feb. 11 (Xinhua) -- Xi met Putin.", []),
    ],
    ids=["one-heading", "two-headings", "short-acronym-line-is-not-a-heading", "dateline-is-not-a-heading"],
)
def test_headings(text, headings):
    assert [text[s:e] for s, e in find_headings(text)] == headings


def test_jsonl_lines_good_and_bad():
    lines = [
        json.dumps({"id": "a", "text": "Xi met Putin.", "date": "2024-05-16", "title": "T"}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": 5}),
        json.dumps({"id": "d", "text": "Hello.", "date": "16/05/2024"}),
        "",
        json.dumps({"id": "e", "text": "   "}),
    ]
    articles = list(read_jsonl_lines(lines, "in.jsonl"))
    assert [a.id for a in articles] == ["a", "in:2", "in:3", "b", "c", "d", "e"]
    a, not_json, not_object, no_text, bad_text, bad_date, blank = articles
    assert (a.date, a.title, a.errors) == ("2024-05-16", "T", [])
    assert "in.jsonl: line 2: not valid JSON" in not_json.errors[0]
    assert "line 3: expected a JSON object" in not_object.errors[0]
    assert "line 4: 'text' is missing" in no_text.errors[0]
    assert "'text' must be a string" in bad_text.errors[0]
    assert bad_date.errors == [] and "invalid 'date'" in bad_date.warnings[0]
    assert "line 8: empty article" in blank.errors[0]


def test_directories_globs_and_missing_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "Third."}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["b", "j", "a"]
    assert [a.id for a in read_inputs([str(tmp_path / "*.txt")])] == ["b"]
    (missing,) = read_inputs([str(tmp_path / "nope.txt")])
    assert "no such file" in missing.errors[0]


def test_duplicate_ids_are_kept_apart(tmp_path):
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"id": "same", "text": "One."}) + "\n" + json.dumps({"id": "same", "text": "Two."}) + "\n"
    )
    first, second = read_inputs([str(tmp_path / "x.jsonl")])
    assert (first.id, second.id) == ("same", "same#2")
    assert "duplicate id" in second.warnings[0]


@pytest.mark.parametrize(
    "text, dateline_date, title",
    [
        (
            " date 2023-04-15 Leaders of two nations hold talks\n\nBEIJING, April 14 (Xinhua) -- "
            "The president held talks on Friday.",
            "2023-04-14",
            "Leaders of two nations hold talks",
        ),
        (
            " date 2024-05-16 Leaders pledge closer ties, criticize U.S.\nThe two presidents met.",
            "2024-05-16",
            "Leaders pledge closer ties, criticize U.S.",
        ),
        (
            " date 2024-05-17 Presidents Jointly Sign and Issue a Joint Statement on Deepening Co..\n"
            "On May 16, the president held talks.",
            "2024-05-17",
            "Presidents Jointly Sign and Issue a Joint Statement on Deepening Co..",
        ),
        (
            " date 2025-05-08 Talks held in Moscow: what was said The leader held talks there.",
            "2025-05-08",
            None,
        ),
        (
            "Talks held in Beijing-Xinhua\n\nSource: Xinhua\n\n2024-05-16 12:25:45\n\n"
            "BEIJING, May 16 (Xinhua) -- On the morning of May 16, talks were held.",
            "XXXX-05-16",
            "Talks held in Beijing-Xinhua",
        ),
        ("Minister visits Kazan\n\nThe foreign minister arrived in Kazan.", None, "Minister visits Kazan"),
        ("The minister arrived in Kazan.\nShe met the mayor.", None, None),
    ],
    ids=[
        "date-line-title-then-wire-dateline-story-date-wins",
        "date-line-title-ending-in-abbreviation",
        "date-line-truncated-title",
        "date-line-title-run-into-body-is-not-split",
        "scraped-front-matter-before-wire-dateline",
        "headline-line-before-body",
        "a-sentence-is-not-a-title",
    ],
)
def test_front_matter(text, dateline_date, title):
    front = parse_front_matter(text)
    assert (front.dateline.date if front.dateline else None) == dateline_date
    assert front.title == title
    for start, end in front.title_spans + front.dateline_spans:
        assert text[start:end].strip() == text[start:end] != ""


def test_titles_and_date_lines_are_never_mined(nlp):
    from helpers import run

    text = (
        " date 2024-05-16 Leaders meet in Beijing, sign 12 deals\nThe president met the "
        "visiting prime minister on Thursday."
    )
    doc = run(nlp, text, None)
    for kind in ("dates", "figures", "events", "quotes"):
        assert all(item["start"] > text.index("\n") for item in getattr(doc._, f"communique_{kind}")), kind


@pytest.mark.parametrize(
    "field, value, date",
    [
        ("date", "2025-03-14", "2025-03-14"),
        ("published", "2025-03-14 20:28:39Z", "2025-03-14"),
        ("publication_date", "2025-03-14T08:00:00+00:00", "2025-03-14"),
        ("pubdate", "2025-03-14", "2025-03-14"),
    ],
    ids=["date", "published-timestamp", "publication-date-iso", "pubdate"],
)
def test_jsonl_publication_date_under_its_usual_names(field, value, date):
    line = json.dumps({"id": "a", "text": "Xi met Putin on Tuesday.", field: value})
    (article,) = read_jsonl_lines([line], "in.jsonl")
    assert article.date == date and not article.warnings


@pytest.mark.parametrize(
    "separator",
    ["\u2028", "\u2029", "\u0085", "\x1c", "\x0b", "\x0c"],
    ids=["line-separator", "paragraph-separator", "next-line", "file-separator", "vertical-tab", "form-feed"],
)
def test_jsonl_lines_split_on_newlines_only(separator):
    from pipeline.io.reading import jsonl_lines

    text = json.dumps({"id": "a", "text": f"Xi met{separator}Putin."}, ensure_ascii=False) + "\n"
    text += json.dumps({"id": "b", "text": "Hello."}) + "\r\n"
    articles = list(read_jsonl_lines(jsonl_lines(text), "in.jsonl"))
    assert [(a.id, a.line, a.errors) for a in articles] == [("a", 1, []), ("b", 2, [])]


@pytest.mark.parametrize("source", ["utf-16-file", "stdin"])
def test_utf16_files_and_stdin_split_on_newlines_only(tmp_path, monkeypatch, source):
    import io
    import types

    text = json.dumps({"id": "a", "text": "Xi met\u2028Putin.\u0085"}, ensure_ascii=False) + "\n"
    text += json.dumps({"id": "b", "text": "Hello."}) + "\n"
    if source == "stdin":
        stdin = types.SimpleNamespace(buffer=io.BytesIO(text.encode("utf-8")))
        monkeypatch.setattr("sys.stdin", stdin)
        inputs = ["-"]
    else:
        path = tmp_path / "in.jsonl"
        path.write_bytes(text.encode("utf-16"))  # with its byte order mark
        inputs = [str(path)]
    articles = list(read_inputs(inputs))
    assert [(a.id, a.line, a.errors) for a in articles] == [("a", 1, []), ("b", 2, [])]
    assert articles[0].text == "Xi met\u2028Putin.\u0085"


@pytest.mark.parametrize(
    "line, error, warning",
    [
        ('{"id": "s", "text": "Xi \\ud800 met Putin."}', None, "lone surrogate"),
        ('{"id": "\\udfff", "text": "Xi met Putin."}', None, "lone surrogate"),
        ('{"id": "n", "text": ' + "[" * 1000 + "]" * 1000 + "}", "nested too deeply", None),
        ('{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}", "4300 digits", None),
    ],
    ids=["surrogate-in-text", "surrogate-in-id", "json-nested-1000-deep", "integer-of-5000-digits"],
)
def test_hostile_jsonl_lines_are_one_article_each(line, error, warning):
    good = json.dumps({"id": "ok", "text": "Li met Tokayev."})
    articles = list(read_jsonl_lines([line, good], "in.jsonl"))
    assert [a.id for a in articles][1:] == ["ok"] and articles[1].errors == []
    bad = articles[0]
    if error:
        assert error in bad.errors[0] and "in.jsonl: line 1" in bad.errors[0]
    else:
        assert bad.errors == [] and warning in bad.warnings[0]
        assert all(not "\ud800" <= ch <= "\udfff" for ch in bad.id + bad.text)


@pytest.mark.parametrize(
    "value, warning",
    [
        (None, "'id' is null, not a string or integer; using 'in:1'"),
        ([1, 2], "'id' is a list, not a string or integer; using 'in:1'"),
        (2.5, "'id' is a float, not a string or integer; using 'in:1'"),
        (True, "'id' is a bool, not a string or integer; using 'in:1'"),
        ("", "'id' is empty; using 'in:1'"),
    ],
    ids=["null", "list", "float", "bool", "empty-string"],
)
def test_an_id_that_is_no_id_is_replaced_with_a_warning(value, warning):
    (article,) = read_jsonl_lines([json.dumps({"id": value, "text": "Xi met Putin."})], "in.jsonl")
    assert article.id == "in:1" and article.warnings == [f"in.jsonl: line 1: {warning}"]
    assert article.errors == []


@pytest.mark.parametrize("value, kept", [(7, "7"), ("x", "x")], ids=["integer", "string"])
def test_string_and_integer_ids_are_kept_without_a_warning(value, kept):
    (article,) = read_jsonl_lines([json.dumps({"id": value, "text": "Xi met Putin."})], "in.jsonl")
    assert (article.id, article.warnings) == (kept, [])


@pytest.mark.parametrize(
    "ids, expected",
    [
        (["dup", "dup", "dup#2"], ["dup", "dup#2", "dup#2#2"]),
        (["dup", "dup#2", "dup"], ["dup", "dup#2", "dup#3"]),
        (["a", "a", "a"], ["a", "a#2", "a#3"]),
    ],
    ids=["given-id-equal-to-a-renamed-one", "renamed-one-taken-already", "three-of-one"],
)
def test_renamed_duplicate_ids_never_collide(tmp_path, ids, expected):
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": "Text."}) + "\n" for i in ids))
    got = [a.id for a in read_inputs([str(path)])]
    assert got == expected and len(set(got)) == len(got)
