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
        'She accused the government of "playing politics" with the issue. Rights groups accused '
        "the army of abuses.",
        [("mixed", 'the government of "playing politics" with the issue', None)],
        id="accused-of-a-quotation-is-speech-of-a-plain-charge-an-act",
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

MANNER_OF_SPEAKING = [
    pytest.param(
        '"I cannot go back to that village," fretted Amina Yusuf, a 70-year-old widow living in the camp.',
        [("direct", "I cannot go back to that village,", "Amina Yusuf")],
        id="any-verb-inverted-after-a-quotation-with-its-person",
    ),
    pytest.param(
        '"We have lost everything," she sighed.',
        [("direct", "We have lost everything,", None)],
        id="pronoun-and-any-verb-after-a-quotation",
    ),
    pytest.param(
        '"The sanctions are working," the minister smiled, before leaving the room.',
        [("direct", "The sanctions are working,", None)],
        id="role-and-any-verb-after-a-quotation",
    ),
    pytest.param(
        '"We are ready," the soldiers burned the flag.',
        [],
        id="a-verb-with-an-object-of-its-own-is-an-act",
    ),
]

MISPARSED_CLAUSES = [
    pytest.param(
        "She noted that underfunding cuts into the agency's health, food and shelter programs.",
        [("indirect", "underfunding cuts into the agency's health, food and shelter programs", None)],
        id="that-clause-whose-verb-the-tagger-read-as-a-noun",
    ),
    pytest.param(
        "Doctors warn that type 2 diabetes could affect millions more people in the coming decades.",
        [("indirect", "type 2 diabetes could affect millions more people in the coming decades", None)],
        id="that-read-as-a-determiner-of-the-clause-subject",
    ),
    pytest.param(
        "Secretary of State Antony Blinken assured visiting Foreign Minister Penny Wong that “the "
        "United States will stand with Australia in the face of coercion.”",
        [
            (
                "direct",
                "the United States will stand with Australia in the face of coercion.",
                "Antony Blinken",
            )
        ],
        id="quotation-after-that-and-an-object-the-parser-hung-elsewhere",
    ),
    pytest.param(
        "He explained the reason behind founding the alliance in 2017 as “united we stand, divided we fall.”",
        [
            (
                "mixed",
                "the reason behind founding the alliance in 2017 as “united we stand, divided we fall.",
                None,
            )
        ],
        id="characterised-as-a-slogan-the-parser-read-as-clauses",
    ),
]

MISPARSED_SPEAKERS = [
    pytest.param(
        "Singh said the budget failed workers.",
        [("indirect", "the budget failed workers", "Singh")],
        id="clause-the-parser-read-as-the-object-of-said",
    ),
    pytest.param(
        "Aid programs in the region are running short of money, Maria Lopez, a spokesperson for "
        "the agency, told VOA in an email.",
        [("indirect", "Aid programs in the region are running short of money", "Maria Lopez")],
        id="cue-closing-the-sentence-after-a-name-and-its-apposition",
    ),
    pytest.param(
        "Speaking at a news conference, NCDC lead Dr. Olajide Idris said that the nation is ramping up "
        "its response.",
        [("indirect", "the nation is ramping up its response", "Olajide Idris")],
        id="title-read-as-a-verb-whose-object-is-the-name",
    ),
    pytest.param(
        "The authorities have rejected claims that the trial is unfair and maintain that the courts "
        "are independent.",
        [("indirect", "the courts are independent", "...")],
        id="cue-coordinated-with-a-verb-inside-the-object",
    ),
    pytest.param(
        "While noting “news platforms that have served open debate have been turned into tools to "
        "spread lies,” Larsen expressed concern that “our markets have made us open to pressure.”",
        [
            (
                "direct",
                "news platforms that have served open debate have been turned into tools to spread lies,",
                "Larsen",
            ),
            ("direct", "our markets have made us open to pressure.", "Larsen"),
        ],
        id="participle-opening-the-sentence-speaks-with-the-main-subject",
    ),
]

RUN_IN_HEADINGS = [
    pytest.param(
        "The law protects free speech. The why Visas can be revoked for many reasons, Boston-based "
        "immigration lawyer Maria Lopez told VOA.",
        [("indirect", "The why Visas can be revoked for many reasons", "Maria Lopez")],
        id="clause-before-a-sentence-final-speaker-after-a-run-in-heading",
    ),
    pytest.param(
        "Reaction from the president Shortly before the press conference to announce the death, "
        "Moise tweeted condemnation.",
        [],
        id="no-clause-before-the-speaker-and-an-object-of-its-own-is-no-quote",
    ),
    pytest.param(
        "Chinese demand The changes in Japanese immigration policy have come with consequences.",
        [],
        id="demand-takes-no-indicative-clause-without-that",
    ),
    pytest.param(
        "Protesters demanded the troops leave the city.",
        [("indirect", "the troops leave the city", None)],
        id="demand-takes-a-subjunctive-clause",
    ),
]

QUOTED_PREDICATES = [
    pytest.param(
        '"This plan is not legal," lawmaker John Smith said. He represents the northern district. '
        'His voters and "their elders … have no quarrel with the refugees."',
        [
            ("direct", "This plan is not legal,", "John Smith"),
            ("mixed", 'His voters and "their elders … have no quarrel with the refugees.', "John Smith"),
        ],
        id="quoted-predicate-of-the-possessor-who-just-spoke",
    ),
    pytest.param(
        "Amina Yusuf returned to her home town in 2017. But she and her children, including two "
        'infants, "could not find food or clean water." She said of herself, "I will not go back."',
        [
            (
                "mixed",
                'she and her children, including two infants, "could not find food or clean water.',
                "Amina Yusuf",
            ),
            ("direct", "I will not go back.", "Amina Yusuf"),
        ],
        id="quoted-predicate-of-a-subject-who-speaks-next",
    ),
    pytest.param(
        'Lawmaker John Smith opposed the plan. His voters and "their elders … have no quarrel with the refugees."',
        [],
        id="quoted-predicate-of-someone-who-does-not-speak-near-stays-unattributed",
    ),
]

SPEAKER_NAMES_THE_MODEL_MISREAD = [
    pytest.param(
        "British politician Nigel Farage, a key Brexit figure, joked in response on Twitter that the "
        "negotiator is becoming a “euroskeptic.”",
        [("mixed", "the negotiator is becoming a “euroskeptic.", "Nigel Farage")],
        id="verb-the-parser-hung-on-the-apposition-of-the-name",
    ),
    pytest.param(
        '“The old songs were true," is what Nino Galissa recounts in a recent song.',
        [("direct", "The old songs were true,", "Nino Galissa")],
        id="person-tagged-a-place-speaks-in-a-pseudo-cleft",
    ),
]

NOT_SPEECH = [
    pytest.param(
        "The minister did not say when the plan would be released. She never said the plan was dead.",
        [],
        id="a-negated-cue-says-nothing",
    ),
    pytest.param(
        "The minister, who asked not to be named, said talks were “going nowhere.”",
        [("mixed", "talks were “going nowhere.", None)],
        id="asked-not-to-be-named-is-no-quote",
    ),
    pytest.param(
        'The group calls itself "Friends of the Earth" and has 2,000 members.',
        [],
        id="the-name-something-calls-itself-is-no-quote",
    ),
    pytest.param(
        '"Operation Sindoor" was launched on Wednesday, the army said.',
        [("mixed", '"Operation Sindoor" was launched on Wednesday', None)],
        id="a-name-in-marks-opening-the-content-makes-it-mixed",
    ),
]

SEVERAL_QUOTATIONS = [
    pytest.param(
        '"I don\'t think," Mary Smith said, "that the plan will work."',
        [("direct", "I don't think,", "Mary Smith"), ("direct", "that the plan will work.", "Mary Smith")],
        id="split-quotation-both-pieces",
    ),
    pytest.param(
        'Mary Smith said there was "no evidence" of fraud and called the claims "baseless."',
        [
            ("mixed", 'there was "no evidence" of fraud', "Mary Smith"),
            ("mixed", 'the claims "baseless.', "Mary Smith"),
        ],
        id="said-and-called-two-quotes",
    ),
    pytest.param(
        "He urged nations to look beyond immediate interests and take a principled stand: "
        "“Short-term interests will make us silent. We must keep our autonomy.”",
        [
            ("indirect", "nations to look beyond immediate interests and take a principled stand", None),
            ("direct", "Short-term interests will make us silent. We must keep our autonomy.", None),
        ],
        id="an-appeal-then-a-colon-and-a-quotation-of-its-own",
    ),
    pytest.param(
        '"The law was not applied the same way in Houston. And so, there is a sense of equity '
        'here." Chao said, adding that many people settled in Houston for business.',
        [
            (
                "direct",
                "The law was not applied the same way in Houston. And so, there is a sense of equity here.",
                "Chao",
            ),
            ("indirect", "many people settled in Houston for business", "Chao"),
        ],
        id="quotation-ending-a-sentence-then-said-adding-that",
    ),
    pytest.param(
        "In the meantime, there is one area in which the students score high: 91 percent of them "
        "reported “sometimes or always feeling happy,” a full six points above the average.",
        [("direct", "sometimes or always feeling happy,", None)],
        id="the-clause-before-a-colon-is-not-what-the-speaker-after-it-says",
    ),
    pytest.param(
        '"The rains have washed away the bridges," and "many millions" of dollars have gone to '
        "repairs, Smith said.",
        [
            (
                "mixed",
                '"The rains have washed away the bridges," and "many millions" of dollars have gone to repairs',
                "Smith",
            )
        ],
        id="two-conjoined-clauses-before-the-cue-one-mixed-quote",
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    OBJECT_AND_INFINITIVE
    + SPEECH_ACTS
    + LEXICON
    + QUESTIONS
    + MISPARSED
    + MANNER_OF_SPEAKING
    + MISPARSED_CLAUSES
    + MISPARSED_SPEAKERS
    + RUN_IN_HEADINGS
    + QUOTED_PREDICATES
    + SPEAKER_NAMES_THE_MODEL_MISREAD
    + NOT_SPEECH
    + SEVERAL_QUOTATIONS,
)
def test_frames(nlp, text, expected):
    got = results(run(nlp, text, "2025-01-01"), "quotes")
    assert [(q["kind"], q["text"]) for q in got] == [(k, t) for k, t, _ in expected]
    for q, (_, _, speaker) in zip(got, expected):
        if speaker != "...":
            assert q["speaker"] == speaker, q
        assert text[q["start"] : q["end"]] == q["text"]
