"""Reading articles: files, JSONL, stdin; encodings; datelines; headings.

The text of an article is kept exactly as decoded (no newline translation, no
stripping), so every offset the pipeline emits points into ``Article.text``.

>>> parse_dateline("BEIJING, Feb. 11 (Xinhua) -- Chinese President ...", reference="2024-03-01")
Dateline(date='2024-02-11', place='BEIJING', agency='Xinhua', text='BEIJING, Feb. 11 (Xinhua) --', start=0, end=28)
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from models import Dateline

ARTICLE_SUFFIXES = (".txt", ".jsonl")
MAX_ARTICLE_CHARS = 5_000_000  # refused above this (see README, "Limits")


@dataclass
class Article:
    """One article as read, before any NLP."""

    id: str
    text: str
    source_path: Optional[str] = None
    line: Optional[int] = None
    title: Optional[str] = None
    date: Optional[str] = None  # publication date from JSONL (wins over the dateline)
    source: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class ReadError(Exception):
    """A whole input (file or path) could not be read."""


# ---------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Returns ``(text, warnings)``; raises :class:`ReadError` for binary data.

    >>> decode_bytes("café".encode("utf-8"))
    ('café', [])
    >>> decode_bytes(b"caf\\xe9")[0]
    'café'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: invalid UTF-16 after its byte order mark ({exc.reason})") from None
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess, [f"{name}: UTF-16 without a byte order mark; decoded by guess"]
        pos = data.index(b"\x00")
        raise ReadError(f"{name}: binary data (NUL byte at offset {pos}), not a text article")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        return text, [
            f"{name}: line {line}: invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); decoded as cp1252"
        ]


def _utf16_without_bom(data: bytes) -> Optional[str]:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    encoding = (
        "utf-16-le"
        if odd_nuls > 0.6 and even_nuls < 0.05
        else ("utf-16-be" if even_nuls > 0.6 and odd_nuls < 0.05 else None)
    )
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return text if "\x00" not in text and printable >= 0.95 * len(text) else None


# ---------------------------------------------------------------------------- datelines

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PLACE_RE = r"[A-Z][A-Z.'’\-]*(?:[ ][A-Z][A-Z.'’\-]*){0,4}"

# "date 2025-01-01 BEIJING | Xinhua | ..." (dateline and first paragraph on one line)
_DATELINE_PIPE = re.compile(
    r"[ \t]*(?:date[ \t]+)?(?P<iso>\d{4}-\d{2}-\d{2})[ \t]+(?P<place>" + _PLACE_RE + r")"
    r"[ \t]*\|[ \t]*(?P<agency>[^|\n]{1,40}?)[ \t]*\|"
)
# "BEIJING, Feb. 11 (Xinhua) --", "WASHINGTON, Jan 5 (Reuters) -",
# "UNITED NATIONS, Sept. 23, 2024 (AP) —", "GENEVA (Reuters) -"
_DATELINE_WIRE = re.compile(
    r"[ \t]*(?P<place>" + _PLACE_RE + r")(?:,[ \t]+(?P<region>[A-Z][a-zA-Z.]+(?:[ ][A-Z][a-zA-Z.]+)?))?"
    r"(?:,[ \t]+(?P<month>" + _MONTH_RE + r")\.?[ \t]+(?P<day>\d{1,2})(?:,[ \t]+(?P<year>\d{4}))?)?"
    r"[ \t]+\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\)[ \t]*(?P<dash>--|—|–|-)"
)


_DATE_PREFIX = re.compile(r"[ \t]*date[ \t]+(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*")
_WIRE_AT_LINE_START = re.compile(r"(?m)^" + _DATELINE_WIRE.pattern)
_FRONT_WINDOW = 1200  # front matter (date line, title, wire dateline) sits in the opening
_TITLE_MAX = 250


@dataclass
class FrontMatter:
    """What precedes the body: the dateline, and spans that are not prose (a
    ``date YYYY-MM-DD`` line, a title, a wire dateline) which extractors skip."""

    dateline: Optional[Dateline] = None
    title: Optional[str] = None
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_spans: list[tuple[int, int]] = field(default_factory=list)


def parse_front_matter(text: str, reference: Optional[str] = None) -> FrontMatter:
    """Dateline and title at the start of ``text``; ``reference`` (ISO date) supplies a
    year to a dateline that has none.

    Handles the pipe form (``date 2025-01-01 BEIJING | Xinhua | ...``), wire datelines
    (``BEIJING, Feb. 11 (Xinhua) --``) at the start of the text or of an early line, a
    ``date YYYY-MM-DD`` line followed by a title, and a title line before the body.

    >>> fm = parse_front_matter(" date 2023-04-15 Presidents hold talks\\n\\nBEIJING, April 14 (Xinhua) -- Xi ...")
    >>> fm.dateline.date, fm.dateline.place, fm.title
    ('2023-04-14', 'BEIJING', 'Presidents hold talks')
    """
    head = text[:_FRONT_WINDOW]
    m = _DATELINE_PIPE.match(head)
    if m:
        span = _span(text, m)
        return FrontMatter(
            dateline=Dateline(
                date=m["iso"] if _valid_iso(m["iso"]) else None,
                place=m["place"].strip(),
                agency=m["agency"].strip(),
                **span,
            ),
            dateline_spans=[(span["start"], span["end"])],
        )
    front = FrontMatter()
    pos, prefix_date = 0, None
    p = _DATE_PREFIX.match(head)
    if p:
        prefix_date = p["iso"] if _valid_iso(p["iso"]) else None
        start = head.rindex("date", 0, p.start("iso"))
        front.dateline_spans.append((start, p.end("iso")))
        pos = p.end()
    w = _WIRE_AT_LINE_START.search(head, pos)
    if w and (w.start() == pos or "\n" in head[pos : w.start()]):
        date = None
        if w["month"]:
            month, day = _MONTHS[w["month"].lower().rstrip(".")], int(w["day"])
            year = int(w["year"]) if w["year"] else _infer_year(month, day, reference or prefix_date)
            date = _format_date(year, month, day)
        place = w["place"].strip() + (f", {w['region']}" if w["region"] else "")
        span = _span(text, w)
        front.dateline = Dateline(date=date, place=place, agency=w["agency"].strip(), **span)
        front.dateline_spans.append((span["start"], span["end"]))
        _take_title(front, text, pos, w.start(), whole_region=True)
        return front
    if p:
        start, end = front.dateline_spans[0]
        front.dateline = Dateline(date=prefix_date, text=text[start:end], start=start, end=end)
    line_end = head.find("\n", pos)
    if line_end != -1:
        _take_title(front, text, pos, line_end, whole_region=False, after_date=p is not None)
    return front


_ENDS_WITH_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\.\.)$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]")


def _take_title(
    front: FrontMatter, text: str, start: int, end: int, whole_region: bool, after_date: bool = False
) -> None:
    """Mark ``text[start:end]`` as title matter: all of it before a wire dateline, or a
    single opening line that reads as a headline (short, no final full stop, body after)."""
    region = text[start:end]
    stripped = region.strip()
    if not stripped:
        return
    lead = start + (len(region) - len(region.lstrip()))
    if whole_region:
        front.title_spans.append((lead, lead + len(stripped)))
        front.title = stripped.splitlines()[0].strip()
        return
    words = stripped.split()
    body_after = text[end:].strip()
    final_stop = stripped.endswith((".", "!", "?", ":", ";", ",", '"', "”"))
    if (
        len(stripped) <= _TITLE_MAX
        and len(words) >= 2
        and body_after
        and (
            not final_stop
            or _ENDS_WITH_ABBREVIATION.search(stripped)
            or after_date
            and not _SENTENCE_BREAK.search(stripped)
        )
    ):
        front.title_spans.append((lead, lead + len(stripped)))
        front.title = stripped


def parse_dateline(text: str, reference: Optional[str] = None) -> Optional[Dateline]:
    """The dateline at the start of ``text`` (see :func:`parse_front_matter`).

    A dateline without a year takes the year that puts it on or before ``reference``;
    without a reference its date stays partial (``XXXX-02-11``).

    >>> parse_dateline(" date 2025-01-01 BEIJING | Xinhua | As the year ...").date
    '2025-01-01'
    >>> parse_dateline("UNITED NATIONS, Sept. 23 (AP) — The ...").date
    'XXXX-09-23'
    """
    return parse_front_matter(text, reference).dateline


def _span(text: str, m: re.Match) -> dict:
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return {"text": text[start : m.end()], "start": start, "end": m.end()}


def _valid_iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _infer_year(month: int, day: int, reference: Optional[str]) -> Optional[int]:
    if not reference:
        return None
    ref = dt.date.fromisoformat(reference[:10])
    year = ref.year
    try:
        if dt.date(year, month, day) > ref + dt.timedelta(days=2):
            year -= 1
    except ValueError:
        return None
    return year


def _format_date(year: Optional[int], month: int, day: int) -> Optional[str]:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------- headings

_HEADING_LINE = re.compile(r"^[ \t]*([A-Z0-9][A-Z0-9 ,&'’:/\-]{2,98}[A-Z0-9])[ \t]*\r?$", re.M)


def find_headings(text: str) -> list[tuple[int, int]]:
    """Character spans of all-caps section headings standing alone on a line.

    >>> find_headings("Intro.\\n\\nHEAD-OF-STATE DIPLOMACY\\n\\nBody.")
    [(8, 31)]
    """
    spans = []
    for m in _HEADING_LINE.finditer(text):
        line = m.group(1)
        letters = sum(c.isalpha() for c in line)
        if letters >= 4 and " " in line.strip() or letters >= 6:
            spans.append((m.start(1), m.end(1)))
    return spans


# ---------------------------------------------------------------------------- inputs


def read_text_file(path: Path) -> Article:
    """Read one ``.txt`` article; errors become ``Article.errors``, never exceptions."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Article(
            id=path.stem, text="", source_path=name, errors=[f"{name}: cannot read: {exc.strerror or exc}"]
        )
    if len(data) > MAX_ARTICLE_CHARS * 4:
        return Article(
            id=path.stem,
            text="",
            source_path=name,
            errors=[f"{name}: {len(data):,} bytes is above the limit for one article"],
        )
    try:
        text, warnings = decode_bytes(data, name)
    except ReadError as exc:
        return Article(id=path.stem, text="", source_path=name, errors=[str(exc)])
    article = Article(id=path.stem, text=text, source_path=name, warnings=warnings)
    _check_text(article, name)
    return article


def _check_text(article: Article, where: str) -> None:
    if not article.text.strip():
        article.errors.append(f"{where}: empty article (no text)")
    elif len(article.text) > MAX_ARTICLE_CHARS:
        article.errors.append(
            f"{where}: {len(article.text):,} characters is above the limit of "
            f"{MAX_ARTICLE_CHARS:,} for one article"
        )


def read_jsonl_lines(lines: Iterable[str], name: str) -> Iterator[Article]:
    """Articles from JSONL lines ``{"id", "text", "date"?, "title"?, "source"?}``.

    A bad line yields an article carrying an error naming the file and line.
    """
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}: line {lineno}"
        fallback_id = f"{Path(name).stem}:{lineno}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Article(
                id=fallback_id,
                text="",
                source_path=name,
                line=lineno,
                errors=[f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"],
            )
            continue
        if not isinstance(obj, dict):
            yield Article(
                id=fallback_id,
                text="",
                source_path=name,
                line=lineno,
                errors=[f"{where}: expected a JSON object, got {type(obj).__name__}"],
            )
            continue
        art_id = obj.get("id")
        art_id = str(art_id) if isinstance(art_id, (str, int)) and str(art_id) else fallback_id
        text = obj.get("text")
        article = Article(
            id=art_id, text=text if isinstance(text, str) else "", source_path=name, line=lineno
        )
        if "id" not in obj:
            article.warnings.append(f"{where}: no 'id'; using {fallback_id!r}")
        if not isinstance(text, str):
            article.errors.append(
                f"{where}: 'text' is missing"
                if text is None
                else f"{where}: 'text' must be a string, got {type(text).__name__}"
            )
            yield article
            continue
        for key in ("title", "source"):
            value = obj.get(key)
            if isinstance(value, str):
                setattr(article, key, value)
        date = obj.get("date")
        if date is not None:
            if isinstance(date, str) and _valid_iso(date[:10]) and len(date) >= 10:
                article.date = date[:10]
            else:
                article.warnings.append(f"{where}: invalid 'date' {date!r} (want YYYY-MM-DD); ignored")
        _check_text(article, where)
        yield article


def read_jsonl_file(path: Path) -> Iterator[Article]:
    """Articles of a JSONL file, streamed line by line (memory stays flat on big files).

    UTF-8 lines are read as they come; a line that is not UTF-8 is read as cp1252 with a
    warning naming the file and line; UTF-16 files (with BOM) are decoded whole.
    """
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Article(
            id=path.stem, text="", source_path=name, errors=[f"{name}: cannot read: {exc.strerror or exc}"]
        )
        return
    with handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                text, warnings = decode_bytes(head + handle.read(), name)
            except ReadError as exc:
                yield Article(id=path.stem, text="", source_path=name, errors=[str(exc)])
                return
            for article in read_jsonl_lines(text.splitlines(), name):
                article.warnings[:0] = warnings
                yield article
            return
        handle.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        line_warnings: dict[int, str] = {}

        def lines() -> Iterator[str]:
            for lineno, raw in enumerate(handle, start=1):
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    line_warnings[lineno] = f"{name}: line {lineno}: invalid UTF-8; decoded as cp1252"
                    yield raw.decode("cp1252", errors="replace")

        for article in read_jsonl_lines(lines(), name):
            if article.line in line_warnings:
                article.warnings.insert(0, line_warnings.pop(article.line))
            yield article


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[Path, Optional[str]]]:
    """Yield ``(path, None)`` per article file, or ``(path, error)`` for a bad input.

    Directories are searched recursively for ``*.txt`` and ``*.jsonl`` in sorted order;
    globs are expanded; ``-`` stands for stdin (yielded as ``Path("-")``).
    """
    for item in inputs:
        if item == "-":
            yield Path("-"), None
            continue
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield Path(item), f"{item}: no files match this pattern"
            for match in matches:
                yield from expand_inputs([match])
            continue
        path = Path(item)
        if path.is_symlink() and not path.exists():
            yield path, f"{item}: {_link_problem(path)}"
        elif not path.exists():
            yield path, f"{item}: no such file or directory"
        elif path.is_dir():
            found = sorted(_walk(path))
            if not found:
                yield path, f"{item}: directory holds no *.txt or *.jsonl articles"
            for file in found:
                if file.is_symlink() and not file.exists():
                    yield file, f"{file}: {_link_problem(file)}"
                else:
                    yield file, None
        else:
            yield path, None


def _link_problem(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link (its target does not exist)"


def _walk(root: Path) -> Iterator[Path]:
    seen = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:  # symlink loop
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames.sort()
        for name in filenames:
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield Path(dirpath) / name


def read_inputs(inputs: Iterable[str]) -> Iterator[Article]:
    """Lazily read every article named by ``inputs`` (files, directories, globs, ``-``).

    Inputs that cannot be read at all yield an article with only an error, so a batch
    reports them and goes on.
    """
    seen_ids: dict[str, int] = {}
    for path, error in expand_inputs(inputs):
        if error:
            yield Article(id=path.stem or str(path), text="", source_path=str(path), errors=[error])
            continue
        if str(path) == "-":
            articles: Iterable[Article] = _read_stdin()
        elif path.suffix == ".jsonl":
            articles = read_jsonl_file(path)
        else:
            articles = [read_text_file(path)]
        for article in articles:
            count = seen_ids.get(article.id, 0) + 1
            seen_ids[article.id] = count
            if count > 1:
                new_id = f"{article.id}#{count}"
                article.warnings.append(
                    f"{article.source_path}: duplicate id {article.id!r}; kept apart as {new_id!r}"
                )
                article.id = new_id
            yield article


def _read_stdin() -> Iterator[Article]:
    data = sys.stdin.buffer.read()
    try:
        text, warnings = decode_bytes(data, "<stdin>")
    except ReadError as exc:
        yield Article(id="stdin", text="", source_path="<stdin>", errors=[str(exc)])
        return
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from read_jsonl_lines(text.splitlines(), "<stdin>")
    else:
        article = Article(id="stdin", text=text, source_path="<stdin>", warnings=warnings)
        _check_text(article, "<stdin>")
        yield article
