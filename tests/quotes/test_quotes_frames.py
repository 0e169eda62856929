"""Cue frames by family (issue 15): reported speech in all its forms.

Each row: a text and ``(kind, text, speaker)`` for every quote expected in it, in order
(``...`` as speaker: not checked). Own sentences, one row per family; the ids name it.
"""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results

OBJECT_AND_INFINITIVE = [
    pytest.param(
        'The ministry denied the claim as "preposterous" on Monday.',
        [("mixed", 'the claim as "preposterous', None)],
        id="object-as-quoted-characterisation",
    ),
    pytest.param(
        'Police spokesman Frantz Exantus described the jailbreak as "deplorable" on Friday.',
        [("mixed", 'the jailbreak as "deplorable', "Frantz Exantus")],
        id="described-object-as-quotation",
    ),
    pytest.param(
        "Defense Secretary Pete Hegseth called the detention center “the perfect place” to hold criminals.",
        [("mixed", "the detention center “the perfect place” to hold criminals", "Pete Hegseth")],
        id="called-object-second-object-quoted",
    ),
    pytest.param(
        'Calling China "the kind of partner we need," Lula signed the deal.',
        [("mixed", 'China "the kind of partner we need,', "Lula")],
        id="participle-calling-object-quoted",
    ),
    pytest.param(
        "Speaking to reporters, the governor apologized, acknowledging her missteps.",
        [("indirect", "her missteps", None)],
        id="participle-acknowledging-object",
    ),
    pytest.param(
        'Duterte spoke on Monday, telling the United States not to treat his country "like a dog."',
        [("mixed", 'the United States not to treat his country "like a dog.', "Duterte")],
        id="participle-telling-object-infinitive",
    ),
    pytest.param(
        "One man claimed to have voted multiple times in the election.",
        [("indirect", "to have voted multiple times in the election", None)],
        id="claimed-infinitive",
    ),
    pytest.param(
        "The Afghan Taliban deny providing sanctuary to the fighters.",
        [("indirect", "providing sanctuary to the fighters", "...")],
        id="denied-gerund",
    ),
]

SPEECH_ACTS = [
    pytest.param(
        'The president criticized the decision as "shameful." Biden praised the deal as a "historic step."',
        [
            ("mixed", 'the decision as "shameful.', None),
            ("mixed", 'the deal as a "historic step.', "Biden"),
        ],
        id="speech-act-with-quoted-characterisation-is-speech",
    ),
    pytest.param(
        "The senator criticized the decision on Monday. Biden praised the deal.",
        [],
        id="speech-act-with-plain-object-is-an-act",
    ),
    pytest.param(
        "Orban rejected the idea migration can lead to cultural enrichment.",
        [],
        id="speech-act-needs-that-for-a-clause",
    ),
    pytest.param(
        "Human rights groups criticized that the trial had been held in secret.",
        [("indirect", "the trial had been held in secret", None)],
        id="speech-act-with-that-clause",
    ),
    pytest.param(
        "Mhlanga denies the charges against him. Hayat did not confirm the death of the driver.",
        [],
        id="denied-or-confirmed-object-is-an-act",
    ),
]

LEXICON = [
    pytest.param(
        "She recounted how soldiers had beaten her brother.",
        [("indirect", "how soldiers had beaten her brother", None)],
        id="recounted-how",
    ),
    pytest.param(
        "British politician Nigel Farage joked that Barnier is becoming a euroskeptic.",
        [("indirect", "Barnier is becoming a euroskeptic", "Nigel Farage")],
        id="joked-that",
    ),
    pytest.param(
        "Western nations alleging that Iran supplies drones to Russia have imposed sanctions.",
        [("indirect", "Iran supplies drones to Russia", None)],
        id="participle-alleging-modifies-its-speaker",
    ),
    pytest.param(
        "Analysts are raising concerns that the new law will help Beijing tighten control.",
        [("indirect", "the new law will help Beijing tighten control", None)],
        id="raising-concerns-that",
    ),
    pytest.param(
        "Lawmakers raised questions about the cost of the program.",
        [("indirect", "the cost of the program", None)],
        id="questions-about",
    ),
    pytest.param(
        "Trump's announcement that tariffs would stay in place rattled markets.",
        [("indirect", "tariffs would stay in place", "...")],
        id="the-announcement-that",
    ),
    pytest.param(
        "Some commentators suggested French presidential ambitions may be behind his skepticism.",
        [("indirect", "French presidential ambitions may be behind his skepticism", None)],
        id="commentators-speak",
    ),
    pytest.param(
        "An earlier lawsuit filed in February alleged the government had prevented lawyers from "
        "contacting the detainees.",
        [("indirect", "the government had prevented lawyers from contacting the detainees", None)],
        id="a-lawsuit-alleges",
    ),
]

QUESTIONS = [
    pytest.param(
        "Reporters asked whether he would run again.",
        [("indirect", "whether he would run again", None)],
        id="asked-whether",
    ),
    pytest.param(
        "Senator Lindsey Graham asked the nominee if the plan was legal.",
        [("indirect", "if the plan was legal", "Lindsey Graham")],
        id="asked-someone-if",
    ),
]

MISPARSED = [
    pytest.param(
        "In Abidjan, Willy Neth, coordinator for the International Federation for Human Rights, says "
        "many Ivorians have turned the page.",
        [("indirect", "many Ivorians have turned the page", "Willy Neth")],
        id="subject-before-an-apposition-the-parser-hung-elsewhere",
    ),
    pytest.param(
        "The revised law, as spelled out in the Xinhua report, says foreign vessels should obtain "
        "permission first.",
        [("indirect", "foreign vessels should obtain permission first", "...")],
        id="subject-before-a-parenthetical",
    ),
    pytest.param(
        "Defense Secretary Pete Hegseth visited the base in January but also said the base’s "
        "migrant center, first built in the 1990s, would also be opened for migrants.",
        [
            (
                "indirect",
                "the base’s migrant center, first built in the 1990s, would also be opened for migrants",
                "Pete Hegseth",
            )
        ],
        id="content-subject-made-the-cue-subject",
    ),
]


@pytest.mark.parametrize(
    "text, expected", OBJECT_AND_INFINITIVE + SPEECH_ACTS + LEXICON + QUESTIONS + MISPARSED
)
def test_frames(nlp, text, expected):
    got = results(run(nlp, text, "2025-01-01"), "quotes")
    assert [(q["kind"], q["text"]) for q in got] == [(k, t) for k, t, _ in expected]
    for q, (_, _, speaker) in zip(got, expected):
        if speaker != "...":
            assert q["speaker"] == speaker, q
        assert text[q["start"] : q["end"]] == q["text"]
