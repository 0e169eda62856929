"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_ARTICLE = CORPUS / "articles" / "xinhua-2024-12-31-xi-diplomacy-year-review.txt"
SHARED_EXTERNAL = ROOT.parent / "shared" / "external"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.model.loading import load

    return load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


def run(nlp, text: str, reference_date: str | None = None):
    """Process ``text`` as an article with the given document date."""
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    return nlp(prepare_doc(nlp, Article(id="t", text=text), reference_date))
