"""Finished records as the writer takes them (:class:`Done`), the counts of a run
(:class:`Summary`): what the engines hand to :class:`pipeline.io.output.JsonlWriter`;
and the item model of each list of a record (:data:`RECORD_TYPES`).

>>> Summary().line().endswith("0 entities, 0 dates, 0 quotes, 0 figures, 0 events")
True
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Optional, get_args

from models import RECORD_KINDS, ArticleExtraction

# the item model of each list of a record, read from the schema, in record order
RECORD_TYPES = {kind: get_args(ArticleExtraction.model_fields[kind].annotation)[0] for kind in RECORD_KINDS}


@dataclass
class Done:
    """One processed article, serialized: what a writer needs and a summary counts."""

    id: str
    line: str  # the record as one JSON line, without the newline
    failed: bool
    counts: dict[str, int]
    warned: Optional[bool] = None  # the record has warnings (None: read from the line)

    def __post_init__(self) -> None:
        if self.warned is None:
            self.warned = bool(self.problems()[0])

    @classmethod
    def of(cls, record: ArticleExtraction) -> "Done":
        return cls(
            id=record.id,
            line=record.model_dump_json(),
            failed=bool(record.errors),
            counts={kind: len(getattr(record, kind)) for kind in RECORD_KINDS},
            warned=bool(record.warnings),
        )

    def problems(self) -> tuple[list[str], list[str]]:
        """The record's ``(warnings, errors)``, read from its line."""
        try:
            record = json.loads(self.line)
        except ValueError:
            return [], []
        if not isinstance(record, dict):
            return [], []
        return list(record.get("warnings") or []), list(record.get("errors") or [])


@dataclass
class Summary:
    """Counts for the end-of-run summary."""

    articles: int = 0
    failed: int = 0
    warned: int = 0  # articles whose record has warnings
    skipped: int = 0  # already in the output (--resume)
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in RECORD_KINDS})
    started: float = field(default_factory=time.perf_counter)
    notes: list[str] = field(default_factory=list)  # what the run skipped or dropped, and why
    batch: list[Done] = field(default_factory=list)  # the batch written last

    def add_done(self, done: Done) -> None:
        self.articles += 1
        self.failed += done.failed
        self.warned += bool(done.warned)
        for kind in RECORD_KINDS:
            self.counts[kind] += done.counts.get(kind, 0)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        warned = f", {self.warned} with warnings" if self.warned else ""
        skipped = f", {self.skipped} already done" if self.skipped else ""
        return (
            f"{self.articles} articles ({self.failed} with errors{warned}{skipped}) "
            f"in {self.seconds:.1f}s: {kinds}"
        )

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "failed": self.failed,
            "warned": self.warned,
            "skipped": self.skipped,
            "counts": dict(self.counts),
            "seconds": round(self.seconds, 3),
        }
