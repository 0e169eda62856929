"""Shared fixtures: one loaded pipeline for the whole session. Helpers are in helpers.py."""

from __future__ import annotations

import pytest
from helpers import SEED_ARTICLE


@pytest.fixture(scope="session")
def nlp():
    from pipeline.model.loading import load

    return load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")
