"""Counting work, not time: how many lines of communique's code a component runs.

A component that is linear in its input runs about twice the lines for twice the
input; a quadratic walk (a scan of every name, frame or range per number, cue or
word) runs four times as many. Line counts are exact and the same on every machine,
so the tests that use them never depend on how busy the machine is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT

PIPELINE = str(ROOT / "pipeline")


def doc_before(nlp, text: str, component: str):
    """The Doc of ``text`` with every pipe before ``component`` run, and that component."""
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    doc = prepare_doc(nlp, Article(id="t", text=text), "2024-05-16")
    for name, proc in nlp.pipeline:
        if name == component:
            return doc, proc
        doc = proc(doc)
    raise KeyError(component)


def lines_run(nlp, text: str, component: str) -> int:
    """Lines of ``pipeline/`` code run by ``component`` on the Doc of ``text``."""
    doc, proc = doc_before(nlp, text, component)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(PIPELINE):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        proc(doc)
    finally:
        sys.settrace(None)
    return count


def calls_of(nlp, text: str, component: str, function: str) -> int:
    """Calls of functions named ``function`` (Python or profiled Cython, e.g. spaCy's
    ``Doc.has_annotation``) while ``component`` runs on the Doc of ``text``."""
    doc, proc = doc_before(nlp, text, component)
    count = 0

    def profiler(frame, event, arg):
        nonlocal count
        if event == "call" and frame.f_code.co_name == function:
            count += 1

    sys.setprofile(profiler)
    try:
        proc(doc)
    finally:
        sys.setprofile(None)
    return count


def growth(nlp, unit: str, size: int, component: str) -> float:
    """How much more work ``component`` does on ``unit`` repeated to ``2 * size``
    characters than to ``size`` characters (~2 when linear, ~4 when quadratic)."""
    small = lines_run(nlp, (unit * (size // len(unit) + 1))[:size], component)
    large = lines_run(nlp, (unit * (2 * size // len(unit) + 1))[: 2 * size], component)
    return large / max(small, 1)


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


assert Path(PIPELINE).is_dir()
