"""Reading articles: ``.txt`` files, JSONL (files and stdin), whole inputs.

The text of an article is kept exactly as decoded (no newline translation, no
stripping), so every offset the pipeline emits points into ``Article.text``. Decoding
is :mod:`pipeline.io.decoding`; what the inputs name is :mod:`pipeline.io.inputs`.

>>> [a.id for a in read_jsonl_lines(['{"id": "a", "text": "Xi met Putin."}'], "x.jsonl")]
['a']
"""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from pipeline.document.front_matter import is_iso_date
from pipeline.io.decoding import ReadError, decode_bytes, decode_legacy
from pipeline.io.inputs import expand_inputs
from pipeline.io.lines import Prefixed, TooLong, bounded_lines

# the publication date of a JSONL article, by the names scrapers give it (an ISO timestamp
# such as "2025-03-14 20:28:39Z" gives its date); the first present wins
DATE_FIELDS = ("date", "published", "publication_date", "date_published", "pubdate", "publish_date")
MAX_ARTICLE_CHARS = 5_000_000  # refused above this (see README, "Limits")
_STDIN_HEAD = 1 << 16  # bytes of stdin read to see whether it holds JSONL
# the fields of an input that are the article itself; every other one is kept in ``meta``
ARTICLE_FIELDS = ("id", "text", "title")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    meta: dict = field(default_factory=dict)  # the input's other fields (source, url ...), as given
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_text_file(path: Path) -> Article:
    """Read one ``.txt`` article; errors become ``Article.errors``, never exceptions."""
    name = str(path)
    limit = MAX_ARTICLE_CHARS * 4
    try:
        with open(path, "rb") as handle:  # bounded: a file that grows never exhausts memory
            data = handle.read(limit + 1)
    except OSError as exc:
        return Article(
            id=path.stem, text="", source_path=name, errors=[f"{name}: cannot read: {exc.strerror or exc}"]
        )
    if len(data) > limit:
        return Article(
            id=path.stem,
            text="",
            source_path=name,
            errors=[f"{name}: more than {limit:,} bytes is above the limit for one article"],
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
            f"{MAX_ARTICLE_CHARS:,} for one article; its text is not stored"
        )
        article.text = ""  # a refused article does not fill the output with its text


def _without_surrogates(value, depth: int = 0) -> tuple:
    """The JSON value with lone surrogates ("\\ud800", which JSON allows and UTF-8 cannot
    hold) replaced by U+FFFD, and how many were replaced."""
    if isinstance(value, str):
        if not any("\ud800" <= ch <= "\udfff" for ch in value):
            return value, 0
        clean = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
        return clean, sum(1 for ch in value if "\ud800" <= ch <= "\udfff")
    if isinstance(value, tuple):
        parts = [_without_surrogates(v, depth) for v in value]
        return tuple(v for v, _ in parts), sum(n for _, n in parts)
    if isinstance(value, dict) and depth < 2:
        out, n = {}, 0
        for key, item in value.items():
            out[key], k = _without_surrogates(item, depth + 1)
            n += k
        return out, n
    return value, 0


def _article_id(obj: dict, fallback: str) -> tuple[str, Optional[str]]:
    """The id of a JSON article (a non-empty string or an integer), else ``fallback`` and
    a warning saying why (null, a list, a float, true ... are not ids).

    >>> _article_id({"id": 2.5}, "in:3")
    ('in:3', "'id' is a float, not a string or integer; using 'in:3'")
    """
    if "id" not in obj:
        return fallback, f"no 'id'; using {fallback!r}"
    value = obj["id"]
    if isinstance(value, str) and value:
        return value, None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), None
    if value == "":
        return fallback, f"'id' is empty; using {fallback!r}"
    kind = "null" if value is None else f"a {type(value).__name__}"
    return fallback, f"'id' is {kind}, not a string or integer; using {fallback!r}"


def input_meta(obj: dict, where: str) -> tuple[dict, list[str]]:
    """The fields of an input object other than the article's own (:data:`ARTICLE_FIELDS`),
    as given, and a warning for each change a record needs: a value that is not JSON (a
    ``datetime`` in an API dict) becomes its ``str``; lone surrogates, at any depth, U+FFFD;
    fields above the size limit of an article are dropped.

    >>> input_meta({"id": "a", "text": "x", "url": "https://e.org/a", "tags": ["x"]}, "x")
    ({'url': 'https://e.org/a', 'tags': ['x']}, [])
    """
    meta = {k: v for k, v in obj.items() if k not in ARTICLE_FIELDS}
    if not meta:
        return meta, []
    converted: list[str] = []

    def as_text(value) -> str:
        converted.append(type(value).__name__)
        return str(value)

    try:
        flat = json.dumps(meta, ensure_ascii=False, default=as_text)
    except (ValueError, RecursionError) as exc:  # a circular or too deeply nested value
        return {}, [f"{where}: its other fields are not JSON data ({exc}); not kept in 'meta'"]
    if len(flat) > MAX_ARTICLE_CHARS:
        return {}, [f"{where}: its other fields ({len(flat):,} characters) are above the limit; not kept"]
    warnings = []
    if converted:
        warnings.append(f"{where}: {', '.join(sorted(set(converted)))} value(s) in 'meta' kept as text")
    if _SURROGATE.search(flat):
        flat = _SURROGATE.sub("\ufffd", flat)
        warnings.append(f"{where}: lone surrogates in its other fields replaced by U+FFFD")
    return (json.loads(flat) if warnings else meta), warnings


def as_article(item, index: int) -> Article:
    """One item given to the Python API as an :class:`Article`: a text, an ``(id, text)``
    pair, a ``{"id", "text", ...}`` dict or an Article. What is none of these, or has a
    text that is not a string, is an article with an error (the batch goes on)."""
    if isinstance(item, Article):
        article = item
    elif isinstance(item, str):
        article = Article(id=f"article-{index + 1}", text=item)
    elif isinstance(item, dict):
        text = item.get("text")
        art_id, id_warning = _article_id(item, f"article-{index + 1}")
        article = Article(
            id=art_id,
            text=text if isinstance(text, str) else "",
            title=item.get("title") if isinstance(item.get("title"), str) else None,
        )
        article.meta, article.warnings = input_meta(item, f"item {index + 1}")
        if id_warning and "id" in item:
            article.warnings.append(f"item {index + 1}: {id_warning}")
        date = next((item[k] for k in DATE_FIELDS if isinstance(item.get(k), str)), None)
        if date and is_iso_date(date[:10]):
            article.date = date[:10]
        if not isinstance(text, str):
            article.errors.append(f"item {index + 1}: 'text' must be a string, got {type(text).__name__}")
    elif isinstance(item, (tuple, list)) and len(item) == 2:
        art_id, text = item
        article = Article(id=str(art_id), text=text if isinstance(text, str) else "")
        if not isinstance(text, str):
            article.errors.append(f"item {index + 1}: the text must be a string, got {type(text).__name__}")
    else:
        return Article(
            id=f"article-{index + 1}",
            text="",
            errors=[
                f"item {index + 1}: an article is a text, an (id, text) pair or a dict, not {type(item).__name__}"
            ],
        )
    (article.id, article.text), replaced = _without_surrogates((article.id, article.text))
    if replaced:
        article.warnings.append(f"{replaced} lone surrogate(s) (not Unicode text) replaced by U+FFFD")
    if not article.errors:
        _check_text(article, f"item {index + 1}")  # empty, or above the size limit
    return article


def json_object(raw) -> tuple[Optional[dict], Optional[str]]:
    """``(object, None)`` for a JSON line holding an object, else ``(None, why not)``: any
    line (nested 100,000 deep, an integer of 4,300+ digits) is an answer, never a raise.

    >>> json_object('[' * 100_000)[1]
    'unreadable JSON (nested too deeply)'
    """
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return None, "unreadable JSON (nested too deeply)"
    except ValueError as exc:  # an integer of 4,300+ digits
        return None, f"unreadable JSON ({str(exc).split(';')[0]})"
    if not isinstance(obj, dict):
        return None, f"expected a JSON object, got {type(obj).__name__}"
    return obj, None


def read_jsonl_lines(lines: Iterable[Union[str, TooLong]], name: str) -> Iterator[Article]:
    """Articles from JSONL lines ``{"id", "text", "date"?, "title"?, "source"?}``.

    A bad line (also :class:`~pipeline.io.lines.TooLong`, a line too long to read) yields
    an article carrying an error naming the file and line.
    """
    for lineno, raw in enumerate(lines, start=1):
        if not isinstance(raw, TooLong) and not raw.strip():
            continue
        where = f"{name}: line {lineno}"
        fallback_id = f"{Path(name).stem}:{lineno}"
        if isinstance(raw, TooLong):
            obj, problem = None, f"longer than {raw.limit:,} bytes, above the limit for one article; not read"
        else:
            obj, problem = json_object(raw)
        if problem is not None:
            yield Article(
                id=fallback_id, text="", source_path=name, line=lineno, errors=[f"{where}: {problem}"]
            )
            continue
        obj, replaced = _without_surrogates(obj)
        art_id, id_warning = _article_id(obj, fallback_id)
        text = obj.get("text")
        article = Article(
            id=art_id, text=text if isinstance(text, str) else "", source_path=name, line=lineno
        )
        article.meta, article.warnings = input_meta(obj, where)
        if id_warning:
            article.warnings.append(f"{where}: {id_warning}")
        if replaced:
            article.warnings.append(
                f"{where}: {replaced} lone surrogate escape(s) (\\ud800-\\udfff, not Unicode text) replaced by U+FFFD"
            )
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
        key = next((k for k in DATE_FIELDS if obj.get(k) is not None), None)
        if key is not None:
            date = obj[key]
            if isinstance(date, str) and is_iso_date(date[:10]) and len(date) >= 10:
                article.date = date[:10]
            else:
                article.warnings.append(f"{where}: invalid {key!r} {date!r} (want YYYY-MM-DD); ignored")
        _check_text(article, where)
        yield article


def jsonl_lines(text: str) -> list[str]:
    r"""The lines of a JSONL text: split on newlines only, as JSON Lines defines them
    (``str.splitlines`` also splits on U+2028, U+0085 and others, which JSON strings may hold).

    >>> jsonl_lines('{"text": "a\u2028b"}\r\n{}\n')
    ['{"text": "a\u2028b"}', '{}']
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_jsonl_file(path: Path) -> Iterator[Article]:
    """Articles of a JSONL file, streamed line by line (memory stays flat on big files,
    and a line is read only up to :data:`~pipeline.io.lines.MAX_LINE` bytes).

    UTF-8 lines are read as they come; a line that is not UTF-8 is read as cp1252 (or the
    legacy encoding charset-normalizer finds, :func:`pipeline.io.decoding.decode_legacy`)
    with a warning naming the file and line; UTF-16 files (with BOM) are decoded as they
    are read.
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
        handle.seek(0)
        yield from _jsonl_stream(handle, head, name)


def _jsonl_stream(handle: IO[bytes], head: bytes, name: str) -> Iterator[Article]:
    """The articles of a binary JSONL stream whose first bytes are ``head``."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = io.TextIOWrapper(handle, encoding="utf-16", newline="\n")
        try:
            yield from read_jsonl_lines(bounded_lines(text), name)
        except UnicodeDecodeError as exc:
            yield Article(
                id=Path(name).stem,
                text="",
                source_path=name,
                errors=[
                    f"{name}: invalid UTF-16 after its byte order mark ({exc.reason}); the rest is not read"
                ],
            )
        finally:
            text.detach()
        return
    if head.startswith(b"\xef\xbb\xbf"):
        handle.read(3)
    line_warnings: dict[int, str] = {}

    def lines() -> Iterator[Union[str, TooLong]]:
        for lineno, raw in enumerate(bounded_lines(handle), start=1):
            if isinstance(raw, TooLong):
                yield raw
                continue
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                text, encoding = decode_legacy(raw)
                line_warnings[lineno] = f"{name}: line {lineno}: invalid UTF-8; decoded as {encoding}"
                yield text

    for article in read_jsonl_lines(lines(), name):
        if article.line in line_warnings:
            article.warnings.insert(0, line_warnings.pop(article.line))
        yield article


def read_inputs(inputs: Iterable[str], *, follow_symlinks: bool = False) -> Iterator[Article]:
    """Lazily read every article named by ``inputs`` (files, directories, globs, ``-``).

    Inputs that cannot be read at all yield an article with only an error, so a batch
    reports them and goes on. ``follow_symlinks``: see :func:`~pipeline.io.inputs.expand_inputs`.
    """
    seen_ids: dict[str, int] = {}  # an id -> the last number its duplicates were given
    used: set[str] = set()  # every id handed out, so a renamed one never collides
    for path, error in expand_inputs(inputs, follow_symlinks=follow_symlinks):
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
            if article.id in used:
                count = seen_ids.get(article.id, 1) + 1
                while f"{article.id}#{count}" in used:  # "dup", "dup#2", "dup": the third is dup#3
                    count += 1
                seen_ids[article.id] = count
                new_id = f"{article.id}#{count}"
                article.warnings.append(
                    f"{article.source_path}: duplicate id {article.id!r}; kept apart as {new_id!r}"
                )
                article.id = new_id
            used.add(article.id)
            yield article


def _read_stdin() -> Iterator[Article]:
    """stdin: JSONL (it starts with ``{``), streamed line by line, else one text article,
    read up to the size limit."""
    stream = sys.stdin.buffer
    head = stream.read(_STDIN_HEAD)
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    first = (
        head.decode("utf-16", errors="ignore") if utf16 else head.lstrip(b"\xef\xbb\xbf").decode("latin-1")
    )
    rest = io.BufferedReader(Prefixed(head, stream))
    if first.lstrip().startswith("{"):
        yield from _jsonl_stream(rest, head, "<stdin>")
        return
    data = rest.read(MAX_ARTICLE_CHARS * 4 + 1)  # bounded, as a .txt file
    if len(data) > MAX_ARTICLE_CHARS * 4:
        yield Article(
            id="stdin",
            text="",
            source_path="<stdin>",
            errors=[f"<stdin>: more than {MAX_ARTICLE_CHARS * 4:,} bytes is above the limit for one article"],
        )
        return
    try:
        text, warnings = decode_bytes(data, "<stdin>")
    except ReadError as exc:
        yield Article(id="stdin", text="", source_path="<stdin>", errors=[str(exc)])
        return
    article = Article(id="stdin", text=text, source_path="<stdin>", warnings=warnings)
    _check_text(article, "<stdin>")
    yield article
