"""Property-based tests: arbitrary text never crashes an extractor, and every span it
emits satisfies ``text == source[start:end]`` (and the record validates)."""

from __future__ import annotations

from helpers import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import ArticleExtraction
from pipeline.io.reading import Article
from pipeline.run.records import to_record

NEWSY_PIECES = [
    "Xi",
    "Jinping",
    "said",
    "told reporters",
    "“",
    "”",
    '"',
    "'",
    "’s",
    "—",
    "--",
    "more than",
    "about",
    "million",
    "billion",
    "$",
    "%",
    "percent",
    "2024",
    "January",
    "Sept.",
    "23",
    "last week",
    "two months later",
    "on Wednesday",
    "visited",
    "met with",
    "signed",
    "BEIJING, Feb. 11 (Xinhua) -- ",
    "\n\n",
    "HEAD-OF-STATE DIPLOMACY",
    "\r\n",
    ",",
    ".",
    "the",
    "President",
    "China",
    "Russia",
    "100,000",
    "one-third",
    "between",
    "and",
    "that",
]
newsy_text = st.lists(
    st.one_of(st.sampled_from(NEWSY_PIECES), st.text(min_size=1, max_size=8)),
    min_size=0,
    max_size=60,
).map(" ".join)
any_text = st.text(max_size=400)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _check(nlp, text):
    doc = run(nlp, text, "2024-05-16")
    record = to_record(Article(id="p", text=text), doc)
    ArticleExtraction.model_validate(record.model_dump())
    for kind in ("entities", "dates", "quotes", "figures", "events"):
        raw = getattr(doc._, f"communique_{kind}") or []
        for item in raw:
            assert text[item["start"] : item["end"]] == item["text"], (kind, item)
        # nothing dropped as invalid: the component's items all validate
        assert len(getattr(record, kind)) == len(raw), (kind, record.warnings)


@SETTINGS
@given(text=newsy_text)
def test_newsy_text_never_crashes_and_spans_are_exact(nlp, text):
    _check(nlp, text)


@SETTINGS
@given(text=any_text)
def test_arbitrary_unicode_never_crashes_and_spans_are_exact(nlp, text):
    _check(nlp, text)
