"""Many articles in one process: stream them through ``nlp.pipe`` batch by batch.

Articles are pulled lazily from any iterable, processed ``batch_size`` at a time with
``nlp.pipe(..., as_tuples=True)`` inside ``nlp.memory_zone()`` (so the string store
does not grow with the corpus), and handed on as finished, JSON-serialized records
(:class:`~pipeline.io.results.Done`), ready to be appended to a file. Engines that spread the work over
processes or a Ray cluster (``pipeline.run.engines``, ``pipeline.run.ray_engine``) call
:func:`extract_chunk` on each worker.

>>> for record in extract_articles([Article(id="a", text="Xi met Putin.")]):  # doctest: +SKIP
...     print(record.id)
a
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from models import ArticleExtraction
from pipeline.io.reading import Article
from pipeline.io.results import Done
from pipeline.run.chunking import CHUNK_CHARS, merge_records, split_points
from pipeline.run.records import article_context, empty_record, prepare_doc, to_record

log = logging.getLogger(__name__)
DEFAULT_BATCH_SIZE = 32


def _process_one(nlp: Language, article: Article, reference_date: Optional[str]) -> ArticleExtraction:
    try:
        return to_record(article, nlp(prepare_doc(nlp, article, reference_date)))
    except Exception as exc:  # one bad article never stops the batch
        return _failed(article, exc, reference_date)


def _failed(article: Article, exc: Exception, reference_date: Optional[str]) -> ArticleExtraction:
    """The record of an article whose processing raised: its errors, empty lists."""
    log.exception("article %s failed", article.id)
    article.errors.append(
        f"{article.source_path or article.id}: processing failed: {type(exc).__name__}: {exc}"
    )
    return empty_record(article, article_context(article, reference_date))


def _process_long(nlp: Language, article: Article, reference_date: Optional[str]) -> ArticleExtraction:
    """An article past ``CHUNK_CHARS``: cut at paragraph breaks, each part processed as a
    Doc with the whole article's document date, the parts' items shifted back and merged."""
    context = article_context(article, reference_date)
    parts = split_points(article.text, CHUNK_CHARS)
    full = empty_record(article, context).model_copy(
        update={
            "errors": list(article.errors),
            "warnings": list(article.warnings)
            + context.warnings
            + [
                f"{article.source_path or article.id}: {len(article.text):,} characters, "
                f"processed in {len(parts)} parts cut at paragraph breaks"
            ],
            "title": article.title or context.title,
        }
    )
    pieces = [
        Article(
            id=article.id,
            text=article.text[start:end],
            source_path=article.source_path,
            date=context.date.value,
        )
        for start, end in parts
    ]
    # one part at a time (batch size 1): nlp.pipe keeps a whole batch of Docs and the
    # parser's work on them alive at once, so a batch of parts made memory grow with the
    # article (7.4 GB at 2.2 M characters); one by one it stays that of one part
    records = extract_chunk(nlp, pieces, reference_date, 1)
    for record in records:
        full.errors.extend(e for e in record.errors if e not in full.errors)
    if full.errors:
        return full  # an article that fails has its errors and empty lists, not half its items
    return merge_records(full, [(start, record) for (start, _), record in zip(parts, records)])


def _long_or_error(nlp: Language, article: Article, reference_date: Optional[str]) -> ArticleExtraction:
    """:func:`_process_long`, or the article's error record (empty lists) when merging its
    parts fails (a MemoryError on a huge article loses that article only)."""
    try:
        return _process_long(nlp, article, reference_date)
    except Exception as exc:
        return _failed(article, exc, reference_date)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter), pulled lazily."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_chunk(
    nlp: Language,
    chunk: list[Article],
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[ArticleExtraction]:
    """Records for one chunk of articles, in order.

    Articles that failed to read get their error record; if the batch raises, its
    articles are retried one by one so the failure stays with the article that caused it.
    """
    done: dict[int, ArticleExtraction] = {}
    for article in chunk:
        if not article.errors and len(article.text) > CHUNK_CHARS:
            done[id(article)] = _long_or_error(nlp, article, reference_date)
    good = [a for a in chunk if not a.errors and id(a) not in done]
    try:
        with nlp.memory_zone():
            pairs = ((prepare_doc(nlp, a, reference_date), a) for a in good)
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                done[id(article)] = to_record(article, doc)
    except Exception:
        log.warning("a batch failed; retrying its articles one by one", exc_info=True)
        for article in good:
            with nlp.memory_zone():
                done[id(article)] = _process_one(nlp, article, reference_date)
    return [
        done[id(a)] if id(a) in done else empty_record(a, article_context(a, reference_date)) for a in chunk
    ]


def extract_articles(
    articles: Iterable[Article],
    nlp: Optional[Language] = None,
    *,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[ArticleExtraction]:
    """Records for ``articles``, in order, streamed batch by batch through ``nlp.pipe``."""
    if nlp is None:
        from pipeline.model.loading import load

        nlp = load()
    for chunk in chunks(articles, batch_size):
        yield from extract_chunk(nlp, chunk, reference_date, batch_size)


def extract_done_batches(
    articles: Iterable[Article],
    nlp: Language,
    *,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[list[Done]]:
    """Serialized records, one list per batch: the single-process engine."""
    for chunk in chunks(articles, batch_size):
        yield [Done.of(r) for r in extract_chunk(nlp, chunk, reference_date, batch_size)]
