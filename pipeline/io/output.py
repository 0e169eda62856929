"""Writing results safely: JSONL appended per batch, resumable runs, CSV side tables.

* The JSONL output is appended to and flushed (and fsynced) once per batch, so a crash
  loses at most the batch in flight.
* ``--resume`` reads the ids already in the output, repairs a last line cut short by a
  crash (and drops any other line that is not a record), and the run skips those ids.
* An existing output is never overwritten without ``--force``.
* CSV side tables (one per kind, next to the JSONL) are written to a temporary name
  and renamed, from the finished JSONL; cells that a spreadsheet would run as a
  formula (starting with ``= + - @``, tab or CR) get a leading apostrophe. The events
  table is event data, one row per actor-target dyad (:mod:`pipeline.io.events_table`),
  also written as typed Parquet with ``--format parquet``.
* File names come from the output path only, never from article ids, so an id such
  as ``../../etc/passwd`` cannot make anything write outside the output directory.

>>> csv_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cell(-3.5)
-3.5
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from models import RECORD_KINDS
from pipeline.io.events_table import COLUMN_NAMES as EVENT_COLUMNS
from pipeline.io.events_table import event_rows, parquet_missing, write_events_parquet
from pipeline.io.reading import json_object
from pipeline.io.results import RECORD_TYPES, Done, Summary

CSV_TABLES = ("articles",) + RECORD_KINDS
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class OutputError(Exception):
    """The output cannot be written as asked (exists without --force, ...): a usage error."""


# ---------------------------------------------------------------------------- paths


def side_paths(output: Path) -> dict[str, Path]:
    """The CSV tables written next to ``output``: ``out.jsonl`` → ``out.dates.csv`` ..."""
    stem = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.stem
    return {table: output.with_name(f"{stem}.{table}.csv") for table in CSV_TABLES}


def parquet_path(output: Path) -> Path:
    """The Parquet events table next to ``output``: ``out.jsonl`` → ``out.events.parquet``."""
    return side_paths(output)["events"].with_suffix(".parquet")


def side_files(output: Path, formats: Iterable[str]) -> list[Path]:
    """Every file written next to ``output`` for ``formats`` (``csv``, ``parquet``)."""
    formats = set(formats)
    return (list(side_paths(output).values()) if "csv" in formats else []) + (
        [parquet_path(output)] if "parquet" in formats else []
    )


def write_side_tables(output: Path, formats: Iterable[str]) -> list[Path]:
    """The tables asked for by ``formats`` next to the finished JSONL ``output``."""
    formats = set(formats)
    written = write_csv_tables(output) if "csv" in formats else []
    if "parquet" in formats:
        try:  # its temporary file is removed on any error (events_table)
            written.append(write_events_parquet(output, parquet_path(output)))
        except OSError as exc:  # a full disk: one clear error, as for the CSV tables
            raise OutputError(f"{output}: cannot write the Parquet table: {exc.strerror or exc}") from None
    return written


def check_output(
    output: Optional[Path], *, force: bool = False, resume: bool = False, formats: Iterable[str] = ("jsonl",)
) -> None:
    """Refuse to clobber results: raise :class:`OutputError` when the output (or a side
    file) exists and neither ``force`` nor ``resume`` is given."""
    formats = set(formats)
    if output is None:
        if resume:
            raise OutputError("--resume needs an output file (not -o -)")
        if formats - {"jsonl"}:
            raise OutputError(
                f"--format {'/'.join(sorted(formats - {'jsonl'}))} needs an output file (not -o -)"
            )
        return
    if "parquet" in formats and parquet_missing():
        raise OutputError(parquet_missing())
    if force and resume:
        raise OutputError("--force and --resume contradict each other; pass one")
    if output.is_dir():
        raise OutputError(f"{output} is a directory; give the JSONL file to write")
    if force or resume:
        return
    existing = [output] if output.exists() and output.stat().st_size else []
    existing += [p for p in side_files(output, formats) if p.exists()]
    if existing:
        raise OutputError(
            f"{existing[0]} exists; pass --force to overwrite it or --resume to complete the run"
        )


# ---------------------------------------------------------------------------- resume


def repair_jsonl(path: Path) -> tuple[set[str], list[str]]:
    """Ids of the complete records in ``path``, after dropping broken lines.

    A crash can leave the last line cut short; that line (and any other line that is not
    a JSON object with an ``id``, such as JSON nested too deeply to read) is removed so
    that appending goes on cleanly. Returns ``(ids, dropped)``, one ``"line N: why"`` per
    line dropped.
    """
    ids: set[str] = set()
    good_end = 0  # byte offset after the last good line of an all-good prefix
    dropped: list[str] = []
    tail_only = True  # every bad line so far is at the end of the file
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            record_id, why = _record_id(raw) if raw.endswith(b"\n") else (None, "cut short (no newline)")
            if record_id is None:
                if raw.strip():
                    dropped.append(f"line {number}: {why}")
                continue
            if dropped:
                tail_only = False
            ids.add(record_id)
            good_end = handle.tell()
    if not dropped:
        if path.stat().st_size != good_end:  # only blank lines after the records
            with path.open("r+b") as handle:
                handle.truncate(good_end)
        return ids, dropped
    if tail_only:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
        return ids, dropped
    _atomic_write_lines(path, _good_lines(path))
    return ids, dropped


def _record_id(raw: bytes) -> tuple[Optional[str], str]:
    """The record id of an output line, or None and why the line is no record."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    obj, problem = json_object(text)  # any line, also nested 1,000 deep, is an answer
    if obj is None:
        return None, problem or "not a JSON object"
    record_id = obj.get("id")
    return (record_id, "") if isinstance(record_id, str) else (None, "a JSON object without a string 'id'")


def _good_lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        for raw in handle:
            if raw.endswith(b"\n") and _record_id(raw)[0] is not None:
                yield raw


def _atomic_write_lines(path: Path, lines: Iterable[bytes]) -> None:
    fd, tmp = _mkstemp_like(path)
    try:
        with os.fdopen(fd, "wb") as out:
            for line in lines:
                out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mkstemp_like(target: Path) -> tuple[int, str]:
    """A temporary file next to ``target`` with the permissions a new file gets."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return fd, tmp


# ---------------------------------------------------------------------------- JSONL


try:  # POSIX file locks; elsewhere two runs on one output are not kept apart
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None


def _lock_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.lock")


def _lock_output(output: Path):
    """An exclusive lock on the output for this run: a second run on the same file stops at
    once with a clear error instead of interleaving or truncating the first one's records."""
    if fcntl is None:  # pragma: no cover
        return None
    handle = open(_lock_path(output), "a")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise OutputError(f"{output}: another communique run is writing to it; wait for it to end") from None
    return handle


def _unlock_output(output: Path, handle) -> None:
    try:
        os.unlink(_lock_path(output))
    except OSError:
        pass
    handle.close()


class JsonlWriter:
    """Append finished batches to the JSONL output (or stdout), flushed per batch."""

    def __init__(
        self,
        output: Optional[Path],
        *,
        resume: bool = False,
        force: bool = True,
        stream: Optional[IO[str]] = None,
    ):
        """``force=False``: refuse an output that holds records once the lock is taken
        (another run may have written it since :func:`check_output` looked)."""
        self.output = output
        self._lock = None
        self.done_ids: set[str] = set()
        self.dropped: list[str] = []  # lines of the output that were no record (--resume)
        if output is None:
            self._out = stream
            self._owned = False
            return
        try:
            self._open(output, resume, force)
        except BaseException:
            if self._lock is not None:  # a run that never started holds nothing
                _unlock_output(output, self._lock)
                self._lock = None
            raise
        self._owned = True

    def _open(self, output: Path, resume: bool, force: bool) -> None:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock_output(output)  # before anything is truncated or repaired
            if not (resume or force):  # a run that ended while this one was starting
                check_output(output)
            if resume and output.exists():
                self.done_ids, dropped = repair_jsonl(output)
                self.dropped = [f"{output}: {why}; not a record, dropped" for why in dropped]
            self._out = output.open("a" if resume else "w", encoding="utf-8", newline="\n")
        except FileExistsError:  # a file where a folder of the path should be
            raise OutputError(f"{output}: cannot write: {output.parent} is not a folder") from None
        except OSError as exc:
            raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from None

    def write_batch(self, batch: list[Done], summary: Optional[Summary] = None) -> None:
        if not batch:
            return
        try:
            self._out.write("".join(d.line + "\n" for d in batch))
            self._out.flush()
            if self._owned:
                os.fsync(self._out.fileno())
        except OSError as exc:  # a full disk: one clear error, the records written so far stay
            raise OutputError(f"{self.output or 'stdout'}: cannot write: {exc.strerror or exc}") from None
        if summary is not None:
            for done in batch:
                summary.add_done(done)
            summary.batch = batch
        self.done_ids.update(d.id for d in batch)

    def close(self) -> None:
        if self._owned and not self._out.closed:
            self._out.close()
        if self._owned and self._lock is not None:
            _unlock_output(self.output, self._lock)
            self._lock = None

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# ---------------------------------------------------------------------------- CSV


def _cell_item(value) -> str:
    """A list item in a cell: a participant by name, a mention by its text."""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("text") or json.dumps(value, ensure_ascii=False))
    return str(value)


def csv_cell(value):
    """A cell safe to open in a spreadsheet: text starting with ``= + - @`` (or tab, CR)
    gets a leading apostrophe; numbers stay numbers; lists are joined with ``; ``."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return value
    if isinstance(value, list):
        value = "; ".join(_cell_item(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    value = str(value)
    return "'" + value if _looks_like_formula(value) else value


def _looks_like_formula(value: str) -> bool:
    """A cell a spreadsheet may run: it starts with ``= + - @`` (or tab, CR), also after
    leading spaces or line breaks, or in a full-width form ("＝1+1")."""
    if value.startswith(_FORMULA_START):
        return True
    head = unicodedata.normalize("NFKC", value[:8]).lstrip(" \n\r\t\x0b\x0c\u00a0")
    return head.startswith(_FORMULA_START[:4])


def _columns() -> dict[str, list[str]]:
    columns = {
        kind: ["article_id"] + [f for f in RECORD_TYPES[kind].model_fields if f != "optional"]
        for kind in RECORD_KINDS
    }
    columns["events"] = list(EVENT_COLUMNS)  # event data: one row per dyad
    columns["articles"] = (
        [
            "id",
            "source_path",
            "line",
            "title",
            "reference_date",
            "reference_date_source",
            "narrative_date",
            "dateline_place",
            "dateline_date",
        ]
        + list(RECORD_KINDS)
        + ["warnings", "errors"]
    )
    return columns


def _article_row(rec: dict) -> dict:
    row = {
        k: rec.get(k)
        for k in (
            "id",
            "source_path",
            "line",
            "title",
            "reference_date",
            "reference_date_source",
            "narrative_date",
            "warnings",
            "errors",
        )
    }
    dateline = rec.get("dateline") or {}
    row["dateline_place"], row["dateline_date"] = dateline.get("place"), dateline.get("date")
    for kind in RECORD_KINDS:
        row[kind] = len(rec.get(kind) or [])
    return row


def write_csv_tables(jsonl: Path) -> list[Path]:
    """Write one CSV table per kind (and one of articles) next to ``jsonl``, from it.

    Each table is written under a temporary name in the same directory and renamed
    into place, so a reader never sees half a table.
    """
    columns = _columns()
    targets = side_paths(jsonl)
    handles, writers, tmps = {}, {}, {}
    try:
        for table, target in targets.items():
            fd, tmp = _mkstemp_like(target)
            tmps[table] = tmp
            handles[table] = os.fdopen(fd, "w", encoding="utf-8", newline="")
            writers[table] = csv.writer(handles[table])
            writers[table].writerow(columns[table])
        with jsonl.open(encoding="utf-8") as source:
            for raw in source:
                if not raw.strip():
                    continue
                rec = json.loads(raw)
                row = _article_row(rec)
                writers["articles"].writerow([csv_cell(row.get(c)) for c in columns["articles"]])
                for row in event_rows(rec):
                    writers["events"].writerow([csv_cell(row.get(c)) for c in columns["events"]])
                for kind in RECORD_KINDS:
                    if kind == "events":
                        continue
                    for item in rec.get(kind) or []:
                        item = {"article_id": rec.get("id"), **item}
                        writers[kind].writerow([csv_cell(item.get(c)) for c in columns[kind]])
        for table, handle in handles.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(tmps[table], targets[table])
    except BaseException as exc:
        for table, tmp in tmps.items():  # no temporary file outlives an error (a full disk ...)
            if table in handles:
                try:
                    handles[table].close()
                except OSError:  # closing flushes, and the disk is still full
                    pass
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{jsonl}: cannot write the CSV tables: {exc.strerror or exc}") from None
        raise
    return list(targets.values())
