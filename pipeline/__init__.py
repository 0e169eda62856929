"""communique: events, dates, quotes and figures from diplomacy news.

>>> from pipeline import extract
>>> record = extract("BEIJING, Feb. 11 (Xinhua) -- Xi met Putin in Moscow.",
...                  reference_date="2024-03-01")            # doctest: +SKIP
>>> record.dateline.date                                      # doctest: +SKIP
'2024-02-11'
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from models import (
    ArticleExtraction,
    Entity,
    Event,
    Figure,
    Quote,
    TemporalExpression,
)

__version__ = "0.2.0"

__all__ = [
    "__version__",
    "extract",
    "extract_file",
    "extract_many",
    "load",
    "extract_dates",
    "extract_quotes",
    "extract_figures",
    "extract_events",
    "extract_entities",
    "ArticleExtraction",
]

TextOrDoc = Union[str, "spacy.tokens.Doc"]  # noqa: F821


def load(model: Optional[str] = None):
    """The spaCy pipeline with communique's components (loaded once, then cached).

    >>> nlp = load()                      # doctest: +SKIP
    >>> doc = nlp("Xi met Putin.")        # doctest: +SKIP
    """
    from pipeline.model.loading import load as _load

    return _load(model)


def extract(
    text: str,
    *,
    reference_date: Optional[str] = None,
    article_id: Optional[str] = None,
    model: Optional[str] = None,
) -> ArticleExtraction:
    """Extract everything from one article text.

    >>> extract("Xi met Putin in Moscow on Tuesday.", reference_date="2024-05-16").events[0].type  # doctest: +SKIP
    'CONSULT'
    """
    from pipeline.io.reading import Article

    return next(
        extract_many(
            [Article(id=article_id or "article", text=text)], reference_date=reference_date, model=model
        )
    )


def extract_file(
    path: Union[str, Path], *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[ArticleExtraction]:
    """Records for a ``.txt`` article (one) or a ``.jsonl`` file (one per line).

    >>> [r.id for r in extract_file("corpus/articles")]      # doctest: +SKIP
    ['xinhua-2024-12-31-xi-diplomacy-year-review']
    """
    from pipeline.io.reading import read_inputs

    return list(extract_many(read_inputs([str(path)]), reference_date=reference_date, model=model))


def extract_many(
    articles: Iterable,
    *,
    reference_date: Optional[str] = None,
    model: Optional[str] = None,
    batch_size: int = 32,
) -> Iterator[ArticleExtraction]:
    """Stream records for many articles through ``nlp.pipe``.

    ``articles`` holds texts, ``(id, text)`` pairs or :class:`pipeline.io.reading.Article`.

    >>> ids = [r.id for r in extract_many([("a", "Xi met Putin."), ("b", "Hello.")])]  # doctest: +SKIP
    """
    from pipeline.io.reading import Article
    from pipeline.run.batch import extract_articles

    def as_articles() -> Iterator[Article]:
        for i, item in enumerate(articles):
            if isinstance(item, Article):
                yield item
            elif isinstance(item, str):
                yield Article(id=f"article-{i + 1}", text=item)
            else:
                art_id, text = item
                yield Article(id=str(art_id), text=text)

    return extract_articles(as_articles(), load(model), reference_date=reference_date, batch_size=batch_size)


def _doc(text_or_doc: TextOrDoc, reference_date: Optional[str], model: Optional[str]):
    from spacy.tokens import Doc

    if isinstance(text_or_doc, Doc):
        return text_or_doc
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    nlp = load(model)
    return nlp(prepare_doc(nlp, Article(id="article", text=text_or_doc), reference_date))


def _items(kind: str, model_type, text_or_doc: TextOrDoc, reference_date, model):
    from pipeline.document.access import results

    doc = _doc(text_or_doc, reference_date, model)
    return [model_type.model_validate(item) for item in results(doc, kind)]


def extract_dates(
    text_or_doc: TextOrDoc, *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[TemporalExpression]:
    """Temporal expressions with TIMEX3 values.

    >>> [d.value for d in extract_dates("He arrived on March 5, 2024.")]  # doctest: +SKIP
    ['2024-03-05']
    """
    return _items("dates", TemporalExpression, text_or_doc, reference_date, model)


def extract_quotes(
    text_or_doc: TextOrDoc, *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[Quote]:
    """Direct, mixed and indirect quotes with resolved speakers."""
    return _items("quotes", Quote, text_or_doc, reference_date, model)


def extract_figures(
    text_or_doc: TextOrDoc, *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[Figure]:
    """Numbers with value, qualifier and what they count."""
    return _items("figures", Figure, text_or_doc, reference_date, model)


def extract_events(
    text_or_doc: TextOrDoc, *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[Event]:
    """PLOVER/CAMEO events with actors, recipients, place and date."""
    return _items("events", Event, text_or_doc, reference_date, model)


def extract_entities(
    text_or_doc: TextOrDoc, *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[Entity]:
    """Named entities with canonical names and ISO country codes."""
    return _items("entities", Entity, text_or_doc, reference_date, model)
