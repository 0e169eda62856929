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
