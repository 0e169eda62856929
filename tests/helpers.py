"""Shared test helpers: paths of the project and its corpus, and ``run`` to process a text.

Importable as ``helpers`` from any test folder (``pythonpath = ["tests"]`` in pyproject.toml).
Fixtures live in ``conftest.py``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_ARTICLE = CORPUS / "articles" / "xinhua-2024-12-31-xi-diplomacy-year-review.txt"
SHARED_EXTERNAL = ROOT.parent / "shared" / "external"


def run(nlp, text: str, reference_date: str | None = None):
    """Process ``text`` as an article with the given document date."""
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    return nlp(prepare_doc(nlp, Article(id="t", text=text), reference_date))


def by_name(event: dict) -> dict:
    """An event record with its coded participants as plain names, for table rows that
    compare who takes part (``{"name": "Xi Jinping", ...}`` -> ``"Xi Jinping"``)."""
    return dict(
        event,
        actors=[p["name"] for p in event["actors"]],
        recipients=[p["name"] for p in event["recipients"]],
    )


def events_of(nlp, text: str, reference_date: str = "2025-01-01") -> list[dict]:
    """The events of ``text`` as an article, participants by name (see :func:`by_name`)."""
    from pipeline.document.access import results

    return [by_name(e) for e in results(run(nlp, text, reference_date), "events")]


def event_on(nlp, text: str, trigger: str, reference_date: str = "2025-01-01") -> dict:
    """The first event one of whose mentions holds ``trigger``; fails naming what was found."""
    events = events_of(nlp, text, reference_date)
    found = [e for e in events if any(trigger in m["text"] for m in e["mentions"])]
    assert found, f"no event on {trigger!r}: {[(e['text'], e['type']) for e in events]}"
    return found[0]
