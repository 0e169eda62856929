"""Many articles: stream them through ``nlp.pipe`` and write JSONL records as they come.

>>> for record in extract_articles([Article(id="a", text="Xi met Putin.")]):  # doctest: +SKIP
...     print(record.id)
a
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator, Optional

from spacy.language import Language

from models import ArticleExtraction
from pipeline.reading import Article
from pipeline.records import empty_record, prepare_doc, reading_context, to_record

log = logging.getLogger(__name__)
KINDS = ("entities", "dates", "quotes", "figures", "events")
DEFAULT_BATCH_SIZE = 32


@dataclass
class Summary:
    """Counts for the end-of-run summary."""

    articles: int = 0
    failed: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    started: float = field(default_factory=time.perf_counter)

    def add(self, record: ArticleExtraction) -> None:
        self.articles += 1
        self.failed += bool(record.errors)
        for kind in KINDS:
            self.counts[kind] += len(getattr(record, kind))

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        return (f"{self.articles} articles ({self.failed} with errors) in {self.seconds:.1f}s: "
                f"{kinds}")


def _process_one(nlp: Language, article: Article, reference_date: Optional[str]) -> ArticleExtraction:
    try:
        return to_record(article, nlp(prepare_doc(nlp, article, reference_date)))
    except Exception as exc:  # one bad article never stops the batch
        log.exception("article %s failed", article.id)
        article.errors.append(f"{article.source_path or article.id}: processing failed: "
                              f"{type(exc).__name__}: {exc}")
        return empty_record(article, reading_context(article, reference_date))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_articles(
    articles: Iterable[Article],
    nlp: Optional[Language] = None,
    *,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[ArticleExtraction]:
    """Records for ``articles``, in order, streamed batch by batch through ``nlp.pipe``.

    Articles that failed to read get their error record; if a batch raises, its
    articles are retried one by one so the failure stays with the article that caused it.
    """
    if nlp is None:
        from pipeline.nlp import load

        nlp = load()
    for chunk in _chunks(articles, batch_size):
        good = [a for a in chunk if not a.errors]
        done: dict[int, ArticleExtraction] = {}
        try:
            with nlp.memory_zone():
                docs = [prepare_doc(nlp, a, reference_date) for a in good]
                for article, doc in zip(good, nlp.pipe(docs, batch_size=batch_size)):
                    done[id(article)] = to_record(article, doc)
        except Exception:
            log.warning("a batch failed; retrying its articles one by one", exc_info=True)
            done = {}
            for article in good:
                with nlp.memory_zone():
                    done[id(article)] = _process_one(nlp, article, reference_date)
        for article in chunk:
            if article.errors and id(article) not in done:
                yield empty_record(article, reading_context(article, reference_date))
            else:
                yield done[id(article)]


def write_records(records: Iterable[ArticleExtraction], out: IO[str],
                  summary: Optional[Summary] = None, flush_every: int = DEFAULT_BATCH_SIZE) -> Summary:
    """Write records as JSONL, flushing every ``flush_every`` records."""
    summary = summary or Summary()
    for i, record in enumerate(records, start=1):
        out.write(record.model_dump_json(exclude_defaults=False) + "\n")
        summary.add(record)
        if i % flush_every == 0:
            out.flush()
    out.flush()
    return summary
