"""The report marks what did not (or not yet) happen, lists every event of the batch on one
filterable page (offline, only its own script allowed), and leaves no stale pages."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from test_report import evil_record

from models import ArticleExtraction
from pipeline.report.corpus import SCRIPT, date_range
from pipeline.report.markup import event_rows, off_timeline, timeline
from pipeline.report.writer import render_article, write_report

TEXT = "Xi met Putin on 5 March. Li will visit Paris in April. Lula did not meet Modi. Xi may sanction Japan."


def _event(trigger: str, type_: str, status: str, date=None, actors=(), recipients=()):
    start = TEXT.index(trigger)
    return {
        "text": trigger,
        "start": start,
        "end": start + len(trigger),
        "type": type_,
        "status": status,
        "date": date,
        "actors": list(actors),
        "recipients": list(recipients),
    }


def status_record(article_id="statuses") -> ArticleExtraction:
    return ArticleExtraction(
        id=article_id,
        text=TEXT,
        events=[
            _event(
                "met",
                "CONSULT",
                "occurred",
                "2024-03-05",
                [{"name": "Xi Jinping", "country": "CHN"}],
                ["Putin"],
            ),
            _event(
                "visit", "CONSULT", "planned", "2024-04", ["Li Qiang"], [{"name": "France", "country": "FRA"}]
            ),
            _event("meet", "CONSULT", "negated", "2024-03", ["Lula"], ["Modi"]),
            _event("sanction", "SANCTION", "hypothetical", "2024-03-05", ["Xi Jinping"], ["Japan"]),
        ],
    )


def test_timeline_keeps_what_happened_and_what_is_planned_and_leaves_off_the_rest():
    rows = event_rows(status_record())
    shown = [(g["date"], [(r["trigger"], r["status"]) for r in g["rows"]]) for g in timeline(rows)]
    assert shown == [("2024-03-05", [("met", "occurred")]), ("2024-04", [("visit", "planned")])]
    assert [r["trigger"] for r in off_timeline(rows)] == ["meet", "sanction"]


def test_article_page_marks_each_status():
    html = render_article(status_record())
    assert re.search(
        r'<li class="ev-planned"><span class="tag tag-event">CONSULT</span> <span class="status status-planned">planned</span>',
        html,
    )
    assert '<span class="k-event ev-negated"' in html and "CONSULT · negated</span>" in html
    assert "Left off the timeline, as they did not happen or may not: 2" in html
    assert '<span class="status status-hypothetical">hypothetical</span>' in html
    assert '<span class="k-event" title="Event: CONSULT' in html  # what happened keeps its plain mark


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", ("2024-03-05", "2024-03-05")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-Q2", ("2024-04-01", "2024-06-30")),
        ("2024-H2", ("2024-07-01", "2024-12-31")),
        ("2024-SU", ("2024-06-01", "2024-08-31")),
        ("XXXX-03-05", (None, None)),
        ("P2M", (None, None)),
        (None, (None, None)),
    ],
    ids=["day", "month-leap", "year", "quarter", "half", "season", "unknown-year", "duration", "none"],
)
def test_date_range_of_timex_values(value, expected):
    assert date_range(value) == expected


@pytest.fixture
def report(tmp_path):
    out = tmp_path / "report"
    summary = write_report([status_record(), evil_record()], out, source="pred.jsonl")
    return out, summary


def test_events_page_lists_every_event_of_the_batch_with_filter_data(report):
    out, summary = report
    assert summary.events_page == out / "events.html"
    html = summary.events_page.read_text(encoding="utf-8")
    rows = re.findall(r"<tr data-type=.*?</tr>", html, re.S)
    assert len(rows) == 5
    assert re.search(
        r'<tr data-type="CONSULT" data-status="planned" data-parties="li qiang \| france" '
        r'data-countries="FRA" data-from="2024-04-01" data-to="2024-04-30">',
        html,
    )
    assert 'href="articles/statuses.html#event-1"' in html
    assert "<option>SANCTION</option>" in html and "<option>CHN</option>" in html
    assert 'href="events.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_events_page_escapes_text_and_allows_only_its_own_script(report):
    out, _ = report
    html = (out / "events.html").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    assert f"default-src 'none'; script-src 'sha256-{digest}';" in html
    assert html.count("<script>") == 1 and f"<script>{SCRIPT}</script>" in html
    assert "&lt;Putin&gt;" in html and "<Putin>" not in html
    assert "https://" not in html and "http://" not in html  # nothing fetched: works offline
    assert "&lt;b&gt;Evil&lt;/b&gt; title" in html and "<b>Evil</b>" not in html  # the article's title


def test_article_pages_still_allow_no_script(report):
    out, _ = report
    html = (out / "articles" / "statuses.html").read_text(encoding="utf-8")
    assert "default-src 'none'; style-src" in html and "script-src" not in html


def test_a_new_report_into_the_folder_removes_only_its_own_stale_pages(tmp_path):
    out = tmp_path / "report"
    write_report([status_record("old-article"), status_record("kept")], out)
    mine = out / "articles" / "notes.html"
    mine.write_text("<html>my own notes</html>", encoding="utf-8")
    outside = tmp_path / "outside.html"
    outside.write_text('<meta name="generator" content="communique report">', encoding="utf-8")
    (out / "articles" / "link.html").symlink_to(outside)
    summary = write_report([status_record("kept")], out)
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["kept.html", "link.html", "notes.html"]
    assert [p.name for p in summary.removed] == ["old-article.html"]
    assert "1 stale page(s) removed" in summary.line()
    assert outside.exists() and mine.read_text(encoding="utf-8") == "<html>my own notes</html>"
