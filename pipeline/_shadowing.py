"""Telling a user when a file of their own shadows communique's ``models`` package.

``pipeline`` imports ``models``; a ``models.py`` (or ``models/`` package) in the folder a
script runs from comes first on ``sys.path`` and would be imported instead, failing with a
confusing ImportError, or a circular import when that file itself imports ``pipeline``.
:func:`check_models_package` finds this before the import and says in one line which file
shadows which package and what to do. (A user's ``pipeline.py`` cannot be caught here: it is
imported instead of this package, so none of communique's code runs; Python's error names
that file.)
"""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import Optional

OURS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")


def _origin() -> Optional[str]:
    """The file ``import models`` gives (or gave), or None when that cannot be told."""
    loaded = sys.modules.get("models")
    try:
        if loaded is not None:
            return getattr(loaded, "__file__", None)
        spec = importlib.util.find_spec("models")
    except (ImportError, ValueError):
        return None
    return spec.origin if spec is not None and spec.has_location else None


def shadowing_message(origin: str) -> Optional[str]:
    """The one-line explanation when ``origin`` is not communique's ``models``, else None.

    >>> shadowing_message(os.path.join(OURS, "__init__.py")) is None
    True
    """
    if os.path.realpath(os.path.dirname(origin)) == os.path.realpath(OURS):
        return None
    return (
        f"communique: {origin} shadows communique's 'models' package ({OURS}): rename your "
        f"file, or run from another folder (Python puts the script's folder first on sys.path)"
    )


def check_models_package() -> None:
    """ImportError, in one line, when ``import models`` would not give communique's own."""
    origin = _origin()
    message = shadowing_message(origin) if origin else None
    if message:
        raise ImportError(message)
