"""From an article and its processed Doc to a validated ``ArticleExtraction``.

``prepare_doc`` sets what the reader knows (dateline, document date) on the Doc before
the pipeline runs; ``to_record`` turns the components' plain dicts into pydantic
records. An item that fails validation is dropped with a warning: one bad span never
loses the article.
"""

from __future__ import annotations

from typing import Optional

from pydantic import TypeAdapter, ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from models import ArticleExtraction, span_mismatch
from pipeline.document.access import TEXT_KEY, results
from pipeline.document.reference_date import ReadingContext, reading_context
from pipeline.io.reading import Article
from pipeline.io.results import RECORD_TYPES

_LIST_ADAPTERS = {kind: TypeAdapter(list[model]) for kind, model in RECORD_TYPES.items()}


def article_context(article: Article, reference_date: Optional[str] = None) -> ReadingContext:
    """What the reader knows about ``article`` (:mod:`pipeline.document.reference_date`);
    ``reference_date`` is the ``--reference-date`` option."""
    return reading_context(article.text, article.date, reference_date)


def prepare_doc(nlp: Language, article: Article, reference_date: Optional[str] = None) -> Doc:
    """The tokenized Doc of ``article``, with what the reader knew, ready for the pipeline."""
    return attach_reading_context(nlp.make_doc(article.text), article, reference_date)


def attach_reading_context(doc: Doc, article: Article, reference_date: Optional[str] = None) -> Doc:
    """Give a Doc made from ``article.text`` what the reader knew, and its text (spaCy's
    tokenizer keeps the text exactly, so no component joins the tokens to rebuild it)."""
    doc.user_data[TEXT_KEY] = article.text
    doc._.communique_meta = article_context(article, reference_date).as_meta()
    return doc


def empty_record(article: Article, context: Optional[ReadingContext] = None) -> ArticleExtraction:
    """The record of an article that could not be processed: errors, empty lists."""
    context = context or ReadingContext()
    return ArticleExtraction(
        **_article_fields(article, context),
        warnings=list(article.warnings),
        errors=list(article.errors) or ["not processed"],
    )


def _article_fields(article: Article, context: ReadingContext) -> dict:
    """The article-level fields of a record: what was read, and the reading context."""
    return {
        "id": article.id,
        "source_path": article.source_path,
        "line": article.line,
        "title": article.title or context.title,
        "meta": article.meta,
        "text": article.text,
        "dateline": context.dateline,
        "reference_date": context.date.value,
        "reference_date_source": context.date.source,
    }


def to_record(article: Article, doc: Doc) -> ArticleExtraction:
    """The validated record of a processed Doc; items that fail validation or whose
    offsets do not match the text are dropped with a warning."""
    context = ReadingContext.from_meta(doc._.communique_meta)
    warnings = list(article.warnings) + context.warnings
    lists: dict[str, list] = {}
    for kind, model in RECORD_TYPES.items():
        items = []
        raw = results(doc, kind)
        try:  # one call for the whole list; item by item only to tell which failed
            records = _LIST_ADAPTERS[kind].validate_python(raw)
        except ValidationError:
            records = None
        for n, item in enumerate(raw):
            if records is not None:
                record = records[n]
            else:
                try:
                    record = model.model_validate(item)
                except ValidationError as exc:
                    warnings.append(f"dropped a {kind} item {item.get('text')!r}: {exc.errors()[0]['msg']}")
                    continue
            if not _spans_match(record, article.text):
                warnings.append(f"dropped a {kind} item {record.text!r}: offsets do not match the text")
                continue
            items.append(record)
        lists[kind] = items
    return ArticleExtraction(
        **_article_fields(article, context),
        narrative_date=doc._.communique_narrative_date,
        warnings=warnings,
        errors=list(article.errors),
        **lists,
    )


def _spans_match(record, text: str) -> bool:
    return all(span_mismatch(text, start, end, value) is None for _, start, end, value in record.text_spans())
