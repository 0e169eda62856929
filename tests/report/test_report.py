"""The HTML report: text cut into highlight segments, safe file names, escaping, bad lines, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from helpers import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from models import RECORD_KINDS, ArticleExtraction
from pipeline.report.markup import Mark, date_sort_key, event_rows, figure_label, segment, timeline
from pipeline.report.writer import load_predictions, render_article, render_index, safe_stem, write_report


def texts_and_kinds(pieces):
    return [(p["text"], p["kinds"]) for p in pieces if "text" in p]


@pytest.mark.parametrize(
    "text, marks, expected",
    [
        ("Xi met Putin.", [], [("Xi met Putin.", [])]),
        (
            "Xi met Putin.",
            [Mark(0, 2, "entity"), Mark(7, 12, "entity")],
            [("Xi", ["entity"]), (" met ", []), ("Putin", ["entity"]), (".", [])],
        ),
        (
            "He said Xi came.",
            [Mark(8, 15, "quote"), Mark(8, 10, "entity")],
            [("He said ", []), ("Xi", ["entity", "quote"]), (" came", ["quote"]), (".", [])],
        ),
        (
            "abcdefgh",
            [Mark(0, 5, "date"), Mark(3, 8, "figure")],
            [("abc", ["date"]), ("de", ["date", "figure"]), ("fgh", ["figure"])],
        ),
        (
            "2024 plan",
            [Mark(0, 4, "date"), Mark(0, 4, "figure")],
            [("2024", ["date", "figure"]), (" plan", [])],
        ),
        ("ab", [Mark(0, 1, "entity"), Mark(1, 2, "date")], [("a", ["entity"]), ("b", ["date"])]),
        ("abc", [Mark(1, 99, "quote")], [("a", []), ("bc", ["quote"])]),
    ],
    ids=[
        "no-marks",
        "separate-spans",
        "entity-nested-in-quote",
        "crossing-overlap",
        "identical-spans",
        "adjacent-spans",
        "mark-past-end-clipped",
    ],
)
def test_segments_cover_text_with_every_covering_kind(text, marks, expected):
    assert texts_and_kinds(segment(text, marks)) == expected


def test_inner_label_comes_before_outer_label_at_a_shared_end():
    pieces = segment("said 2024", [Mark(0, 9, "quote", tag="Xi"), Mark(5, 9, "date", tag="2024")])
    assert [p["tag"] for p in pieces if "tag" in p] == ["2024", "Xi"]


def test_empty_mark_shows_its_anchor_and_label_once():
    pieces = segment("ab", [Mark(1, 1, "event", tag="AGREE", anchor="event-0")])
    assert pieces == [
        {"text": "a", "kinds": [], "classes": "", "title": ""},
        {"anchor": "event-0"},
        {"tag": "AGREE", "kind": "event"},
        {"text": "b", "kinds": [], "classes": "", "title": ""},
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.text(min_size=0, max_size=30),
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["entity", "date", "quote"])),
        max_size=8,
    ),
)
def test_segments_rebuild_the_text_and_every_character_has_its_marks(text, raw):
    marks = [Mark(min(a, b), max(a, b), kind) for a, b, kind in raw]
    pieces = [p for p in segment(text, marks) if "text" in p]
    assert "".join(p["text"] for p in pieces) == text
    pos = 0
    for p in pieces:
        for i in range(pos, pos + len(p["text"])):
            covering = sorted({m.kind for m in marks if m.start <= i < m.end})
            assert p["kinds"] == covering
        pos += len(p["text"])


@pytest.mark.parametrize(
    "values, expected",
    [
        (["2024-03-05", "2024", "2024-03"], ["2024", "2024-03", "2024-03-05"]),
        (["2024-Q2", "2024-02", "2024-07"], ["2024-02", "2024-Q2", "2024-07"]),
        (["2024-W11", "2024-04", "2024-02-28"], ["2024-02-28", "2024-W11", "2024-04"]),
        (["2024-SU", "2024-05", "2024-FA"], ["2024-05", "2024-SU", "2024-FA"]),
        (["XXXX-02-11", "2025-01-01", "1999"], ["1999", "2025-01-01", "XXXX-02-11"]),
        (["P2M", "PRESENT_REF", "2023"], ["2023", "P2M", "PRESENT_REF"]),
    ],
    ids=[
        "coarse-before-fine",
        "quarter-among-months",
        "week-among-months",
        "seasons",
        "unknown-year-last",
        "non-calendar-values-last",
    ],
)
def test_timex_values_sort_chronologically(values, expected):
    assert sorted(values, key=date_sort_key) == expected


@pytest.mark.parametrize(
    "figure, expected",
    [
        ({"value": 100000, "qualifier": "more_than", "counted": "trains"}, ">100,000 trains"),
        ({"value": 2.5, "kind": "percent"}, "2.5%"),
        ({"value": 10, "value_max": 20, "qualifier": "range", "counted": "people"}, "10\u201320 people"),
        ({"value": 1.2e9, "kind": "money", "unit": "USD", "qualifier": "about"}, "~USD 1,200,000,000"),
        ({"value": None}, "?"),
    ],
    ids=["more-than-count", "percent", "range", "money-about", "unresolved"],
)
def test_figure_labels(figure, expected):
    from models.records import Figure

    text = "x"
    assert figure_label(Figure(text=text, start=0, end=1, **figure)) == expected


EVIL = "Intro <script>document.title='pwned'</script> & \"more\". Xi met Putin in Moscow on 5 March 2024."


def evil_record(article_id="../../etc/x") -> ArticleExtraction:
    text = EVIL
    xi, met, date = text.index("Xi"), text.index("met"), text.index("5 March 2024")
    putin = text.index("Putin")
    sentence = text.index("Xi")
    return ArticleExtraction(
        id=article_id,
        title="<b>Evil</b> title",
        text=text,
        entities=[
            {"text": "Xi", "start": xi, "end": xi + 2, "label": "PERSON", "canonical": 'Xi "Jinping" <i>'},
            {"text": "Putin", "start": putin, "end": putin + 5, "label": "PERSON"},
            {"text": "script", "start": 7, "end": 13, "label": "<ORG>"},
        ],
        dates=[
            {
                "text": "5 March 2024",
                "start": date,
                "end": date + 12,
                "type": "DATE",
                "value": "2024-03-05",
                "anchor": "absolute",
            }
        ],
        events=[
            {
                "text": "met",
                "start": met,
                "end": met + 3,
                "type": "CONSULT",
                "cameo": "040",
                "actors": ["Xi Jinping"],
                "recipients": ["<Putin>"],
                "location": "Moscow",
                "date": "2024-03-05",
                "sentence_start": sentence,
                "sentence_end": len(text),
            }
        ],
    )


def test_article_text_ids_and_values_are_escaped():
    html = render_article(evil_record())
    assert "<script" not in html
    assert "Intro &lt;<span" in html  # "script" is an (ORG) entity: a highlight of its own
    assert "&gt;document.title=&#39;pwned&#39;&lt;/script&gt; &amp; &#34;more&#34;." in html
    assert "&lt;b&gt;Evil&lt;/b&gt; title" in html and "<b>Evil</b>" not in html
    assert "&#34;Jinping&#34; &lt;i&gt;" in html  # tooltip attribute
    assert "&lt;Putin&gt;" in html and "<Putin>" not in html
    # the label made safe for a class name, and escaped in the tooltip
    assert '<span class="k-entity ent-org" title="Entity: &lt;ORG&gt;">script</span>' in html
    assert "default-src 'none'" in html  # no fetch, no script, even if something slipped through


def test_article_page_has_highlights_events_table_and_timeline():
    html = render_article(evil_record())
    assert re.search(
        r'<span class="k-date" title="Date: DATE\nvalue: 2024-03-05\nanchor: absolute">'
        r'5 March 2024</span><span class="tag tag-date">2024-03-05</span>',
        html,
    )
    assert '<span class="anchor" id="event-0"></span><span class="k-event"' in html
    assert re.search(
        r"<td>Xi Jinping</td>\s*<td>&lt;Putin&gt;</td>\s*<td>Moscow</td>\s*<td>2024-03-05</td>", html
    )
    assert re.search(r'<ol class="timeline ">\s*<li><time>2024-03-05</time>', html)


def test_undated_events_are_kept_off_the_timeline_but_hinted_by_their_sentence():
    text = "In March 2023 the two sides signed a deal. Xi met Putin."
    sign, met = text.index("signed"), text.index("met")
    record = ArticleExtraction(
        id="a",
        text=text,
        dates=[{"text": "March 2023", "start": 3, "end": 13, "type": "DATE", "value": "2023-03"}],
        events=[
            {"text": "signed", "start": sign, "end": sign + 6, "type": "AGREE"},
            {"text": "met", "start": met, "end": met + 3, "type": "CONSULT"},
        ],
    )
    rows = event_rows(record)
    assert timeline(rows) == []
    assert [(g["date"], [r["trigger"] for r in g["rows"]]) for g in timeline(rows, "sentence_date")] == [
        ("2023-03", ["signed"])
    ]
    assert rows[0]["before"] == "In March 2023 the two sides " and rows[1]["sentence_date"] is None
    html = render_article(record)
    assert "No event has a date." in html and "Undated events whose sentence mentions a date (1)" in html


@pytest.mark.parametrize(
    "article_id",
    [
        "../../etc/x",
        "..",
        "/etc/passwd",
        "a/b",
        "a\\b",
        "CON",
        "",
        "北京-2024",
        "x" * 300,
        ".hidden",
    ],
    ids=[
        "parent-traversal",
        "dot-dot",
        "absolute-path",
        "slash",
        "backslash",
        "windows-reserved",
        "empty",
        "non-ascii",
        "very-long",
        "leading-dot",
    ],
)
def test_safe_stem_is_a_plain_file_name(article_id):
    stem = safe_stem(article_id, set())
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}", stem), stem
    assert stem != article_id  # none of these ids is usable as it is


def test_safe_ids_are_kept_and_clashing_ids_get_distinct_names():
    taken: set[str] = set()
    stems = [safe_stem(i, taken) for i in ["xinhua-2024-01-01", "a/b", "a_b", "A_B", "dup", "dup"]]
    assert stems[0] == "xinhua-2024-01-01"
    assert len({s.lower() for s in stems}) == len(stems)


def test_report_never_writes_outside_its_folder(tmp_path):
    ids = ["../../etc/x", "..", "/tmp/evil", "a/b", "a_b", "same", "same", "index"]
    out = tmp_path / "out"
    summary = write_report([evil_record(i) for i in ids], out)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert len(written) == len(ids) + 2  # one page per record ("same" twice too), index, events
    assert all(w.startswith("out/articles/") or w in ("out/index.html", "out/events.html") for w in written)
    assert summary.articles == len(ids)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('href="articles/') == len(ids)


def test_bad_lines_are_named_and_the_rest_still_loads(tmp_path):
    good = evil_record("good").model_dump_json()
    bad_offsets = json.loads(good)
    bad_offsets["dates"][0]["start"] += 1
    path = tmp_path / "pred.jsonl"
    path.write_text(
        "\n".join([good, "{broken", "", json.dumps(bad_offsets), good.replace('"good"', '"g2"')]) + "\n",
        encoding="utf-8",
    )
    records, problems = load_predictions(path)
    assert [r.id for r in records] == ["good", "g2"]
    assert [(p.line, p.message.split(" (")[0].split(":")[0]) for p in problems] == [
        (2, "not valid JSON"),
        (4, "not a valid record"),
    ]
    assert str(problems[0]).startswith(f"{path}: line 2: not valid JSON")


def communique(*args):
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_cli_report_writes_what_it_can_and_exits_1_on_a_bad_line(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(evil_record("one").model_dump_json() + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "report"
    result = communique("report", str(pred), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert f"{pred}: line 2: not valid JSON" in result.stderr
    assert "report: 1 article(s) (0 with errors), 1 bad line(s)" in result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "line 2: not valid JSON" in index and 'href="articles/one.html"' in index
    assert (out / "articles" / "one.html").is_file()


@pytest.mark.parametrize(
    "args, message",
    [
        (["report", "no/such/file.jsonl"], "no/such/file.jsonl: no such file"),
        (["report", "pyproject.toml", "-o", "Makefile"], "Makefile exists and is not a folder"),
    ],
    ids=["missing-predictions", "output-is-a-file"],
)
def test_cli_report_usage_errors_exit_2(args, message):
    result = communique(*args)
    assert result.returncode == 2 and message in result.stderr


@pytest.mark.parametrize("planted", ["index.html", "articles/one.html"], ids=["index", "article-page"])
def test_a_link_planted_in_the_report_folder_is_replaced_not_followed(tmp_path, planted):
    outside = tmp_path / "outside.html"
    outside.write_text("keep me")
    out = tmp_path / "report"
    (out / "articles").mkdir(parents=True)
    (out / planted).symlink_to(outside)
    summary = write_report([evil_record("one"), evil_record("two")], out)
    assert outside.read_text() == "keep me" and summary.articles == 2
    assert not (out / planted).is_symlink() and "<html" in (out / planted).read_text()
    assert 'href="articles/two.html"' in (out / "index.html").read_text()


def test_a_report_folder_that_is_a_link_is_refused(tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "report").symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        write_report([evil_record()], tmp_path / "report")
    assert list(target.iterdir()) == []


@pytest.mark.parametrize(
    "field, value",
    [("id", "a\x00b"), ("title", "T\x1b[31mred"), ("text", "Xi\x00 met\x07 Putin.")],
    ids=["nul-in-id", "escape-code-in-title", "controls-in-text"],
)
def test_control_characters_never_reach_the_html(field, value):
    record = ArticleExtraction(**{"id": "x", "text": "Xi met Putin.", field: value})
    entries = [{"record": record, "href": "articles/x.html", "counts": {k: 0 for k in RECORD_KINDS}}]
    for html in (render_article(record), render_index(entries, [], "in\x00.jsonl")):
        assert not [c for c in html if ord(c) < 32 and c not in "\t\n\r\x0c" or ord(c) == 127]
        assert "\ufffd" in html
