"""The whole flow: structure, offsets, records, API."""

from __future__ import annotations

import pytest
from helpers import run

from models import ArticleExtraction
from pipeline import extract, extract_dates, extract_many


def test_headings_are_their_own_sentences_and_never_entities(nlp):
    text = (
        "Xi met Putin in Moscow.\n\nMODERNIZATION FOR ALL\n\n"
        "The year 2024 saw China's commitment to opening up."
    )
    doc = run(nlp, text, "2025-01-01")
    heading = text.index("MODERNIZATION")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert "MODERNIZATION FOR ALL" in sents
    assert not any(e.start_char <= heading < e.end_char for e in doc.ents)


def test_dateline_is_its_own_sentence(nlp):
    doc = run(nlp, " date 2025-01-01 BEIJING | Xinhua | As the year 2024 comes to a close, Xi spoke.")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[0] == "date 2025-01-01 BEIJING | Xinhua |"


@pytest.mark.parametrize(
    "text",
    [
        "Xi met Putin.\r\nThey signed 3 deals on Monday.\rHe said: “Good.”",
        "“Unbalanced quote said Xi, in 2024.",
        "\u200b\u00a0 Xi’s “visit” 100 %",
        "a" * 3000,
        "We've met last week this time, right?",
    ],
    ids=[
        "mixed-line-endings",
        "unbalanced-quote",
        "odd-unicode",
        "one-long-token",
        "pronoun-subject-once-looped-in-actor-search",
    ],
)
def test_records_validate_and_offsets_are_exact(text):
    record = extract(text, reference_date="2024-05-16")
    ArticleExtraction.model_validate(record.model_dump())
    for kind in ("entities", "dates", "quotes", "figures", "events"):
        for item in getattr(record, kind):
            assert text[item.start : item.end] == item.text


def test_extract_many_streams_in_order():
    ids = [r.id for r in extract_many([("a", "Xi met Putin."), ("b", ""), ("c", "Hello.")])]
    assert ids == ["a", "b", "c"]


def test_per_kind_function_takes_text_or_doc(nlp):
    text = "Xi visited Brazil in November 2024."
    from_text = extract_dates(text, reference_date="2025-01-01")
    from_doc = extract_dates(run(nlp, text, "2025-01-01"))
    assert [d.text for d in from_text] == [d.text for d in from_doc]
    assert from_text


@pytest.mark.parametrize(
    "text",
    ["Xi met Putin.\r\nThey talked.", "  lead\u00a0space\t\n\n", "", "a\u200bb  c"],
    ids=["crlf", "odd-whitespace", "empty", "zero-width-space"],
)
def test_the_text_remembered_for_a_prepared_doc_is_the_docs_own(nlp, text):
    from pipeline.document.access import doc_text
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    doc = prepare_doc(nlp, Article(id="t", text=text))
    assert doc_text(doc) == doc.text == text
