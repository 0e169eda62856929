"""communique: events, dates, quotes and figures from diplomacy news.

>>> from pipeline import extract
>>> record = extract("BEIJING, Feb. 11 (Xinhua) -- Xi met Putin in Moscow.",
...                  reference_date="2024-03-01")            # doctest: +SKIP
>>> record.dateline.date                                      # doctest: +SKIP
'2024-02-11'
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from pipeline._shadowing import check_models_package

check_models_package()  # a user's own models.py ahead of ours: say so in one line

from models import (  # noqa: E402
    ArticleExtraction,
    Entity,
    Event,
    Figure,
    Quote,
    TemporalExpression,
)

# the library logs through the "pipeline" logger; silent unless the application configures logging
logging.getLogger(__name__).addHandler(logging.NullHandler())

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

    if not isinstance(text, str):
        hint = (
            ": decode it first (data.decode('utf-8'))"
            if isinstance(text, (bytes, bytearray))
            else ": for {'id', 'text'} dicts use extract_many([...])"
            if isinstance(text, Mapping)
            else ""
        )
        raise TypeError(f"extract() takes the article text as a str, not {type(text).__name__}{hint}")
    return next(
        extract_many(
            [Article(id=article_id or "article", text=text)], reference_date=reference_date, model=model
        )
    )


def extract_file(
    path: Union[str, Path], *, reference_date: Optional[str] = None, model: Optional[str] = None
) -> list[ArticleExtraction]:
    """Records for a ``.txt`` article (one) or a ``.jsonl`` file (one per line); a path that
    does not exist or cannot be read is a ``FileNotFoundError`` / ``PermissionError``.

    >>> [r.id for r in extract_file("corpus/articles")]      # doctest: +SKIP
    ['xinhua-2024-12-31-xi-diplomacy-year-review']
    """
    from pipeline.io.named_inputs import unreadable_inputs
    from pipeline.io.reading import read_inputs

    if not isinstance(path, (str, Path)):
        raise TypeError(f"extract_file() takes a path (str or Path), not {type(path).__name__}")
    problems = unreadable_inputs([str(path)])
    if problems:
        error = PermissionError if problems[0].endswith("permission denied") else FileNotFoundError
        raise error(problems[0])

    return list(extract_many(read_inputs([str(path)]), reference_date=reference_date, model=model))


def extract_many(
    articles: Iterable,
    *,
    reference_date: Optional[str] = None,
    model: Optional[str] = None,
    batch_size: int = 32,
) -> Iterator[ArticleExtraction]:
    """Stream records for many articles through ``nlp.pipe``.

    ``articles`` holds texts, ``(id, text)`` pairs, ``{"id", "text", "date"?, "title"?}``
    dicts or :class:`pipeline.io.reading.Article`. An item that is none of these, or whose
    text is not a string, becomes a record with an error; the others go on.
    ``reference_date`` is ``YYYY-MM-DD`` or a :class:`datetime.date`.

    >>> ids = [r.id for r in extract_many([("a", "Xi met Putin."), ("b", "Hello.")])]  # doctest: +SKIP
    """
    from pipeline.io.reading import as_article
    from pipeline.run.batch import extract_articles

    if isinstance(articles, (str, bytes)):
        raise TypeError("extract_many() takes an iterable of articles, not one text: use extract(text)")
    if isinstance(articles, Mapping):
        raise TypeError("extract_many() takes an iterable of articles, not one dict: pass [article]")
    reference_date = _reference_date(reference_date)
    items = (as_article(item, i) for i, item in enumerate(_guarded(articles)))
    return extract_articles(items, load(model), reference_date=reference_date, batch_size=batch_size)


def _reference_date(value) -> Optional[str]:
    """``YYYY-MM-DD`` from a string or a date; a clear error for anything else."""
    from pipeline.document.reference_date import as_reference_date

    return as_reference_date(value)


def _guarded(articles: Iterable) -> Iterator:
    """The user's items, and, if their iterator raises, one article with that error (the
    records of the items before it are kept)."""
    from pipeline.io.reading import Article

    iterator = iter(articles)
    index = 0
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # the caller's generator failed: report it, keep the rest
            yield Article(
                id=f"article-{index + 1}", text="", errors=[f"the articles iterator raised {exc!r}"]
            )
            return
        yield item
        index += 1


def _doc(text_or_doc: TextOrDoc, reference_date: Optional[str], model: Optional[str]):
    from spacy.tokens import Doc

    if isinstance(text_or_doc, Doc):
        return text_or_doc
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    if not isinstance(text_or_doc, str):
        raise TypeError(f"takes a text (str) or a spaCy Doc, not {type(text_or_doc).__name__}")
    nlp = load(model)
    return nlp(prepare_doc(nlp, Article(id="article", text=text_or_doc), _reference_date(reference_date)))


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
