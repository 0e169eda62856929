"""A static HTML report of extraction records: an index, one page per article, and a
corpus-wide events page (:mod:`pipeline.report.corpus`).

    communique report outputs/extractions.jsonl -o outputs/report/

The report is self-contained and works offline: CSS inline, no external fetch, no script
but the events page's own filter (a Content-Security-Policy allows that one by its hash and
forbids everything else), every piece of article text escaped by Jinja's autoescape. Pages
an earlier report wrote into the folder and this one did not are removed
(:mod:`pipeline.report.cleanup`). File names come from article ids made safe, so an id such as
``../../etc/x`` is written as ``articles/etc_x-<hash>.html`` inside the output folder.

>>> summary = write_report_file("outputs/extractions.jsonl", "outputs/report")  # doctest: +SKIP
>>> summary.index  # doctest: +SKIP
PosixPath('outputs/report/index.html')
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import ValidationError

from models import RECORD_KINDS, ArticleExtraction
from pipeline.io.reading import json_object
from pipeline.report import cleanup, corpus, markup

TEMPLATES = Path(__file__).resolve().parent / "templates"
ARTICLES_DIR = "articles"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_STEM = 80


@dataclass
class LoadProblem:
    """A line of the predictions file that is no record."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}: line {self.line}: {self.message}"


@dataclass
class ReportSummary:
    """What ``write_report`` wrote."""

    index: Path
    pages: dict[str, Path] = field(default_factory=dict)  # article id -> page
    articles: int = 0
    with_errors: int = 0
    problems: list[LoadProblem] = field(default_factory=list)
    events_page: Optional[Path] = None
    removed: list[Path] = field(default_factory=list)  # stale pages of an earlier report

    def line(self) -> str:
        bad = f", {len(self.problems)} bad line(s)" if self.problems else ""
        stale = f", {len(self.removed)} stale page(s) removed" if self.removed else ""
        return (
            f"report: {self.articles} article(s) ({self.with_errors} with errors){bad}{stale} -> {self.index}"
        )


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
    return "; ".join(parts) + more


def load_predictions(path: Union[str, Path]) -> tuple[list[ArticleExtraction], list[LoadProblem]]:
    """Records from a JSONL file, and a problem for each line that is none.

    A bad line never stops the others from loading. Raises ``OSError`` when the file cannot
    be read at all.
    """
    path = Path(path)
    records, problems = [], []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            _, problem = json_object(line)  # also nested too deeply, a huge integer
            if problem is not None:
                problems.append(LoadProblem(str(path), number, problem))
                continue
            try:
                records.append(ArticleExtraction.model_validate_json(line))
            except ValidationError as exc:
                problems.append(
                    LoadProblem(str(path), number, f"not a valid record: {_validation_message(exc)}")
                )
    return records, problems


def safe_stem(article_id: str, taken: set[str]) -> str:
    """A file name stem for an article id: ASCII, no separators, unique (case-insensitively).

    The id itself when it is already safe, else its safe characters and a short hash.
    """
    stem = _UNSAFE.sub("_", article_id).strip("._-")[:MAX_STEM] or "article"
    if stem != article_id or stem.lower().split(".")[0] in _RESERVED or stem.lower() in taken:
        stem = f"{stem}-{hashlib.sha1(article_id.encode('utf-8', 'replace')).hexdigest()[:8]}"
    base, n = stem, 2
    while stem.lower() in taken:
        stem, n = f"{base}-{n}", n + 1
    taken.add(stem.lower())
    return stem


def _inside(folder: Path, path: Path) -> Path:
    """``path``, after checking it names a file directly inside ``folder``. Its own name
    is not resolved: a link planted there is replaced by the page, never followed
    (:func:`_write_page`), so it must not stop the report either."""
    if path.parent.resolve() != folder.resolve() or path.name in ("", ".", ".."):
        raise ValueError(f"refusing to write {path}: outside {folder}")
    return path


# control characters HTML forbids in text (a NUL in an id, an escape code in a title)
_CONTROLS = dict.fromkeys([*range(0, 9), 11, *range(14, 32), 127], "\ufffd")


def printable(value):
    """What a template prints, with control characters shown as U+FFFD (tab, newline,
    form feed and carriage return stay); escaping comes after.

    >>> printable("a\x00b")
    'a\ufffdb'
    """
    if not isinstance(value, str):
        return value
    clean = value.translate(_CONTROLS)
    return type(value)(clean) if hasattr(value, "__html__") else clean  # markup stays markup


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=printable,
    )
    env.globals.update(
        mark_kinds=markup.MARK_KINDS,
        kinds=RECORD_KINDS,
        figure_label=markup.figure_label,
        format_number=markup.format_number,
    )
    return env


def render_article(
    record: ArticleExtraction,
    *,
    index_href: Optional[str] = "../index.html",
    events_href: str = "../events.html",
    env: Optional[Environment] = None,
) -> str:
    """The HTML page of one article."""
    env = env or environment()
    rows = markup.event_rows(record)
    marks = markup.marks_of(record)
    present = {m.kind for m in marks}
    return env.get_template("article.html").render(
        record=record,
        pieces=markup.segment(record.text, marks),
        rows=rows,
        timeline=markup.timeline(rows),
        off_timeline=markup.off_timeline(rows),
        hinted=markup.timeline(rows, "sentence_date"),
        counts=markup.counts(record),
        present=[k for k in markup.MARK_KINDS if k in present],
        entity_labels=sorted({e.label for e in record.entities}),
        index_href=index_href,
        events_href=events_href,
    )


def render_index(
    entries: list[dict],
    problems: Iterable[LoadProblem],
    source: Optional[str],
    *,
    env: Optional[Environment] = None,
) -> str:
    """The HTML index: one row per article, and the lines that could not be read."""
    env = env or environment()
    totals = {k: sum(e["counts"][k] for e in entries) for k in RECORD_KINDS}
    return env.get_template("index.html").render(
        entries=entries, problems=list(problems), source=source, totals=totals
    )


def _write_page(path: Path, html: str) -> None:
    """Write a page through a temporary file renamed over it: a symbolic link planted at
    its name is replaced, never followed (its target is left alone)."""
    fd, tmp = tempfile.mkstemp(prefix=".page-", suffix=".html", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_report(
    records: Iterable[ArticleExtraction],
    out_dir: Union[str, Path],
    *,
    problems: Iterable[LoadProblem] = (),
    source: Optional[str] = None,
) -> ReportSummary:
    """Write ``index.html``, ``events.html`` and ``articles/<id>.html`` under ``out_dir``,
    and remove the pages of ``articles/`` an earlier report wrote that this one did not."""
    out_dir = Path(out_dir)
    pages_dir = out_dir / ARTICLES_DIR
    for folder in (out_dir, pages_dir):
        if folder.is_symlink():  # a link planted where the report writes would lead it out
            raise OSError(f"{folder}: is a symbolic link; the report does not write through links")
    pages_dir.mkdir(parents=True, exist_ok=True)
    env = environment()
    summary = ReportSummary(index=out_dir / "index.html", problems=list(problems))
    taken: set[str] = set()
    entries, events, written = [], [], []
    for record in records:
        stem = safe_stem(record.id, taken)
        page = _inside(pages_dir, pages_dir / f"{stem}.html")
        _write_page(page, render_article(record, env=env))
        written.append(page)
        events += corpus.event_rows(record, f"{ARTICLES_DIR}/{stem}.html")
        summary.pages.setdefault(record.id, page)
        summary.articles += 1
        summary.with_errors += bool(record.errors)
        entries.append(
            {"record": record, "href": f"{ARTICLES_DIR}/{stem}.html", "counts": markup.counts(record)}
        )
    summary.events_page = out_dir / corpus.EVENTS_PAGE
    _write_page(summary.events_page, corpus.render_events(events, source, env))
    _write_page(summary.index, render_index(entries, summary.problems, source, env=env))
    summary.removed = cleanup.remove_stale_pages(pages_dir, written)
    return summary


def write_report_file(predictions: Union[str, Path], out_dir: Union[str, Path]) -> ReportSummary:
    """Load a predictions JSONL file (skipping bad lines) and write its report."""
    records, problems = load_predictions(predictions)
    return write_report(records, out_dir, problems=problems, source=str(predictions))
