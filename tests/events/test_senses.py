"""Precision first: reporting verbs are quote cues, word senses that are no events, and
formal statements that are."""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results


def _types(nlp, text):
    return [(e["text"], e["type"]) for e in results(run(nlp, text, "2025-03-12"), "events")]


@pytest.mark.parametrize(
    "text, trigger, etype",
    [
        ("The protest was met with brutality by the security forces.", "met", "CONSULT"),
        ("Kenya has struggled to meet the aims of the program.", "meet", "CONSULT"),
        ("Terrorism poses a threat to the region, the minister said.", "threat", "THREATEN"),
        ("Xi announced eight initiatives on Monday.", "announced", "STATEMENT"),
        ("The ministry declined to comment on the report.", "declined", "REJECT"),
        ("The separatist group opposes Chinese investment in the province.", "opposes", "ACCUSE"),
        ("The train was traveling north from Quetta.", "traveling", "CONSULT"),
        ("The number of refugees in Dadaab declined to 230,000.", "declined", "REJECT"),
        ("An ICE spokesperson did not respond to a request for comment.", "request", "REQUEST"),
        ("The prosecutor asked Lai if he agreed with the charges.", "agreed", "AGREE"),
        ('"Cherry picking is not an option," Barnier warned.', "warned", "THREATEN"),
        ("Police will arrest anyone who joins the march, the governor said.", "arrest", "COERCE"),
    ],
    ids=[
        "met-with-brutality",
        "meet-the-aims",
        "poses-a-threat",
        "announced-is-speech",
        "declined-to-comment",
        "present-tense-stance",
        "a-train-travels-no-visit",
        "a-number-declines-no-refusal",
        "request-for-comment",
        "inside-an-indirect-question",
        "warned-is-a-quote-cue",
        "an-act-on-anyone-is-a-kind",
    ],
)
def test_not_an_event(nlp, text, trigger, etype):
    assert (trigger, etype) not in {(t, ty) for t, ty in _types(nlp, text) if trigger in t}


def test_a_warning_of_what_someone_will_do_is_a_threat(nlp):
    text = "The BLA had warned a day earlier that it would execute security personnel among the hostages."
    assert ("warned", "THREATEN") in _types(nlp, text)


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The foreign ministry issued a statement on Tuesday.", "issued"),
        ("The president delivered a speech to parliament.", "delivered"),
        ("The State Department said in a statement that it was concerned.", "statement"),
    ],
    ids=["statement-issued", "speech-delivered", "said-in-a-statement"],
)
def test_formal_statements_stay(nlp, text, trigger):
    assert any(trigger in t and ty == "STATEMENT" for t, ty in _types(nlp, text))
