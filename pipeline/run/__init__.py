"""Running extraction: records, batches, long articles, local and Ray engines.

:func:`run_extraction` (any engine) and :func:`extract_with_ray` are imported on first
use, so importing a submodule (``pipeline.run.chunking`` ...) loads no engine.

>>> from pipeline.run import extract_with_ray  # doctest: +SKIP
"""

from __future__ import annotations

import importlib

_LAZY = {
    "run_extraction": "pipeline.run.engines",
    "extract_with_ray": "pipeline.run.ray_engine",
}
__all__ = list(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
