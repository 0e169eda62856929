"""The faster stand-ins for the model's attribute ruler and lemmatizer annotate exactly
as spaCy's own."""

from __future__ import annotations

import pytest
import spacy
from helpers import CORPUS
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from pipeline.io.reading import read_inputs
from pipeline.model.attribute_index import IndexedAttributeRuler, index_attribute_ruler
from pipeline.model.lemma_cache import RowCachedLemmatizer, cache_lemmatizer
from pipeline.model.loading import resolve_model_name

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
# the model's multi-token, regex, DEP and space rules, and plain prose
TRICKY_TEXTS = {
    "contractions": "Y'all ain't gonna believe it, but we gotta go. Let's c'mon, nothin' changed.",
    "expletive-there": "There is hope and there are plans; there's more.",
    "pronoun-cases": "They told me that I saw you and it, and you saw it.",
    "auxiliaries": "She has had it done, does she? He did, and they have been told.",
    "whitespace-tokens": "Xi met  Putin.\n\n\nThey  talked   \t at length.",
    "determiners-as-pronouns": "That is what this means; those who came saw which.",
    "negation": "He did not go and we don't know; they won’t n't nt.",
    "inflections": "The ministers were meeting; talks continued as leaders met, better and best.",
    "repeated-words-in-other-roles": "Talks talk of talks. Meeting at the meeting, they meet.",
    "empty": "",
    "only-space": "  \n ",
}


def _articles() -> list[str]:
    return [a.text for a in read_inputs([str(CORPUS / "articles")])]


@pytest.fixture(scope="module")
def stock_and_indexed():
    model = resolve_model_name(None)
    stock, indexed = spacy.load(model), spacy.load(model)
    assert index_attribute_ruler(indexed)
    assert cache_lemmatizer(indexed)
    return stock, indexed


def test_the_model_components_are_replaced_in_place(stock_and_indexed):
    stock, indexed = stock_and_indexed
    assert indexed.pipe_names == stock.pipe_names
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert indexed.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    assert isinstance(indexed.get_pipe("lemmatizer"), RowCachedLemmatizer)
    assert (
        indexed.get_pipe("lemmatizer").lookups.to_bytes() == stock.get_pipe("lemmatizer").lookups.to_bytes()
    )


@pytest.mark.parametrize(
    "text", list(TRICKY_TEXTS.values()) + ["corpus"], ids=list(TRICKY_TEXTS) + ["corpus-articles"]
)
def test_annotations_are_identical_to_spacys(stock_and_indexed, text):
    stock, indexed = stock_and_indexed
    texts = _articles() if text == "corpus" else [text]
    for _ in range(2):  # the second time from the caches
        for expected, got in zip(stock.pipe(texts), indexed.pipe(texts)):
            assert (expected.to_array(ANNOTATIONS) == got.to_array(ANNOTATIONS)).all()
            assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]


def test_lemmas_survive_a_memory_zone(stock_and_indexed):
    stock, indexed = stock_and_indexed
    text = "Zorblatting ministers flurgled the qwintessent accords."
    for _ in range(2):
        with indexed.memory_zone():
            got = [t.lemma_ for t in indexed(text)]
        assert got == [t.lemma_ for t in stock(text)]


def test_the_shared_pipeline_uses_the_faster_components(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), RowCachedLemmatizer)


def test_other_lemmatizers_are_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not cache_lemmatizer(nlp)
    assert not cache_lemmatizer(spacy.blank("en"))


def _ruler_pipeline(patterns: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LENGTH": 3}],
        [{"LOWER": "a", "OP": "?"}],
        [{"LOWER": {"FUZZY": "hello"}}],
    ],
    ids=["unindexed-attribute", "quantifier", "fuzzy-operator"],
)
def test_unindexable_patterns_leave_spacys_ruler_alone(pattern):
    nlp = _ruler_pipeline([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    assert not index_attribute_ruler(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_later_rules_win_and_patterns_added_later_are_used():
    nlp = _ruler_pipeline(
        [
            {"patterns": [[{"LOWER": "talks"}]], "attrs": {"LEMMA": "first"}},
            {"patterns": [[{"LOWER": {"IN": ["talks", "meets"]}}]], "attrs": {"LEMMA": "second"}},
        ]
    )
    assert index_attribute_ruler(nlp)
    assert [t.lemma_ for t in nlp("talks meets")] == ["second", "second"]
    nlp.get_pipe("attribute_ruler").add_patterns(
        [{"patterns": [[{"LOWER": "meets"}, {"LOWER": "talks"}]], "attrs": {"LEMMA": "third"}, "index": -1}]
    )
    assert [t.lemma_ for t in nlp("meets talks")] == ["second", "third"]


def test_an_index_outside_the_match_raises_spacys_error():
    nlp = _ruler_pipeline([{"patterns": [[{"LOWER": "a"}]], "attrs": {"LEMMA": "x"}, "index": 0}])
    assert index_attribute_ruler(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.indices[0] = 2
    with pytest.raises(ValueError, match="E1001"):
        nlp("a b")
