"""The report in a real browser (headless Chromium): highlights, tables and timeline are
rendered, a script inside an article is shown as text, never run, and the corpus-wide
events page's own filter script runs (allowed by its hash) and filters the rows.

Skips only when no Chromium is installed; CI installs Debian's ``chromium``.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys

import pytest
from helpers import ROOT, SEED_ARTICLE
from test_report import EVIL, evil_record

BROWSER = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="chromium is not installed (apt-get install chromium); CI installs it"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
]


def browse(page, profile, *args, fragment: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri() + fragment],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


def communique(*args):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """A report of the seed article (as extracted by the pipeline) and of a hostile article."""
    folder = tmp_path_factory.mktemp("report")
    pred = folder / "pred.jsonl"
    communique("extract", str(SEED_ARTICLE), "-o", str(pred), "--force")
    with pred.open("a", encoding="utf-8") as out:
        out.write(evil_record().model_dump_json() + "\n")
    communique("report", str(pred), "-o", str(folder / "out"))
    return folder / "out"


def page_of(report, stem_prefix: str):
    (page,) = [p for p in (report / "articles").iterdir() if p.name.startswith(stem_prefix)]
    return page


@pytest.fixture(scope="module")
def evil_dom(report, tmp_path_factory):
    return browse(page_of(report, "etc_x-"), tmp_path_factory.mktemp("profile"), "--dump-dom").stdout


@pytest.fixture(scope="module")
def seed_dom(report, tmp_path_factory):
    return browse(page_of(report, SEED_ARTICLE.stem), tmp_path_factory.mktemp("profile"), "--dump-dom").stdout


def test_script_in_an_article_is_shown_as_text_not_run(evil_dom):
    title = re.search(r"<title>(.*?)</title>", evil_dom, re.S).group(1)
    assert "pwned" not in title and "Evil" in title
    assert "<script" not in evil_dom
    assert "&gt;document.title='pwned'&lt;/script&gt;" in evil_dom
    text = re.search(r'<p class="text" id="text">(.*?)</p>', evil_dom, re.S).group(1)
    assert (
        re.sub(r"<[^>]+>", "", text)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .startswith(EVIL[:46])
    )


def test_hostile_article_page_has_highlights_table_and_timeline(evil_dom):
    assert re.search(r'<span class="k-date" title="[^"]*2024-03-05[^"]*">5 March 2024</span>', evil_dom)
    assert re.search(r'<span class="k-entity ent-person" title="[^"]*">Putin</span>', evil_dom)
    assert re.search(r"<td>Xi Jinping</td>\s*<td>&lt;Putin&gt;</td>\s*<td>Moscow</td>", evil_dom)
    assert re.search(r'<ol class="timeline ">\s*<li><time>2024-03-05</time>', evil_dom)


def test_seed_article_page_shows_what_the_pipeline_found(seed_dom):
    assert len(re.findall(r'class="k-entity[ "]', seed_dom)) >= 50
    assert len(re.findall(r'<span class="tag tag-date">', seed_dom)) >= 5
    assert re.search(r'<span class="tag tag-quote">— Xi Jinping</span>', seed_dom)
    events = re.search(r'<table class="events">.*?</table>', seed_dom, re.S).group(0)
    assert events.count("<tr>") >= 1 + 5  # header + rows
    assert "<h2>Timeline</h2>" in seed_dom


def test_screenshot_is_taken(report, tmp_path):
    shot = tmp_path / "shot.png"
    browse(
        page_of(report, SEED_ARTICLE.stem),
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 50_000  # a page with text and colours, not a blank one


def test_index_lists_both_articles(report, tmp_path):
    dom = browse(report / "index.html", tmp_path / "profile", "--dump-dom").stdout
    assert dom.count('href="articles/') == 2
    assert "&lt;b&gt;Evil&lt;/b&gt; title" in dom


def _event_rows(dom: str) -> list[tuple[str, bool]]:
    """``(data-type, hidden)`` of each row of the events page's table."""
    table = re.search(r'<table class="events" id="all-events">.*?</table>', dom, re.S).group(0)
    return [
        (m.group(1), "hidden" in m.group(0)) for m in re.finditer(r'<tr data-type="([A-Z]+)"[^>]*>', table)
    ]


def test_events_page_lists_every_event_and_its_script_runs(report, tmp_path):
    dom = browse(report / "events.html", tmp_path / "profile", "--dump-dom").stdout
    rows = _event_rows(dom)
    assert len(rows) >= 6 and not any(hidden for _, hidden in rows)
    assert re.search(r'<span class="hint" hidden="">', dom)  # the script ran: its CSP hash matches
    assert f'<b id="shown">{len(rows)}</b>' in dom


@pytest.mark.parametrize(
    "fragment, keep",
    [
        ("#type=CONSULT", lambda row: 'data-type="CONSULT"' in row),
        ("#country=RUS", lambda row: "RUS" in re.search(r'data-countries="([^"]*)"', row).group(1).split()),
        ("#party=putin", lambda row: "putin" in re.search(r'data-parties="([^"]*)"', row).group(1)),
        ("#from=2024-12-01&to=2024-12-31", lambda row: re.search(r'data-to="2024-12', row) is not None),
    ],
    ids=["by-type", "by-country", "by-actor", "by-date"],
)
def test_events_page_filters_in_the_browser(report, tmp_path, fragment, keep):
    dom = browse(report / "events.html", tmp_path / "profile", "--dump-dom", fragment=fragment).stdout
    table = re.search(r'<table class="events" id="all-events">.*?</table>', dom, re.S).group(0)
    rows = re.findall(r"<tr data-type=[^>]*>", table)
    shown = [row for row in rows if "hidden" not in row]
    assert shown and len(shown) < len(rows)
    assert all(keep(row) for row in shown) and not any(keep(row) for row in rows if "hidden" in row)
    assert f'<b id="shown">{len(shown)}</b>' in dom
