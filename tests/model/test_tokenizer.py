"""The piecewise tokenizer: spaCy's tokens on normal text, and never a long run without a
space given to spaCy's tokenizer at once (where its work is the square of the run)."""

from __future__ import annotations

import pytest
import spacy
from helpers import CORPUS

from pipeline.io.reading import read_inputs
from pipeline.model.tokenizer import MAX_RUN, PiecewiseTokenizer, bound_tokenizer

HOSTILE = {
    "commas": "," * 3000,
    "curly-quotes": "“" * 1500 + "”" * 1500,
    "ideographic-stops": "。" * 3000,
    "brackets": "(" * 1000 + ")" * 1000,
    "digits-and-commas": "1,000," * 500,
    "a-long-address": "https://example.org/" + "a/b-c_d" * 200,
    "between-prose": "Xi met Putin. " + "," * 2000 + " They talked for hours.",
}


class _Recorder:
    """spaCy's tokenizer, noting the longest run without a space it was given."""

    def __init__(self, tokenizer):
        self.tokenizer, self.longest = tokenizer, 0

    def __call__(self, text):
        self.longest = max([self.longest] + [len(run) for run in text.split()])
        return self.tokenizer(text)


@pytest.fixture(scope="module")
def stock():
    return spacy.blank("en")


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_long_runs_reach_spacys_tokenizer_in_pieces_and_keep_the_text(stock, text):
    recorder = _Recorder(stock.tokenizer)
    doc = PiecewiseTokenizer(recorder)(text)
    assert doc.text == text
    assert 0 < recorder.longest <= MAX_RUN


@pytest.mark.parametrize(
    "text",
    [
        "Xi met Putin.\n\n\nThey  talked \t at length; y'all ain't done.",
        "x" * MAX_RUN + " " + "," * MAX_RUN,  # runs at the limit are not cut
        "",
        "corpus",
    ],
    ids=["prose-and-whitespace", "runs-at-the-limit", "empty", "corpus-articles"],
)
def test_normal_text_gets_spacys_own_tokens(stock, text):
    texts = [a.text for a in read_inputs([str(CORPUS / "articles")])] if text == "corpus" else [text]
    piecewise = PiecewiseTokenizer(stock.tokenizer)
    for one in texts:
        ours, theirs = piecewise(one), stock.tokenizer(one)
        assert [(t.text, t.whitespace_, t.norm_) for t in ours] == [
            (t.text, t.whitespace_, t.norm_) for t in theirs
        ]


def test_a_run_is_cut_after_punctuation_when_one_is_near(stock):
    text = "1,000," * 100  # 600 characters: cut after a comma, never inside a number
    cuts = PiecewiseTokenizer(stock.tokenizer).cuts(text)
    assert cuts and all(text[cut - 1] == "," for cut in cuts)


def test_the_loaded_pipeline_has_it_and_delegates_the_rest(nlp):
    assert isinstance(nlp.tokenizer, PiecewiseTokenizer) and bound_tokenizer(nlp)
    assert not isinstance(nlp.tokenizer.tokenizer, PiecewiseTokenizer)  # wrapped once
    assert nlp.tokenizer.vocab is nlp.vocab and nlp.tokenizer.explain("Xi's")
    doc = nlp("Xi met Putin. " + "," * 1000 + " They talked.")
    assert doc.text.endswith("They talked.") and doc.has_annotation("DEP")
