"""Quote spans by family (issue 15): where content begins and ends, and quotations
around stray marks. Each row: a text and ``(kind, text, speaker)`` for every quote
expected, in order (``...`` as speaker: not checked). Own sentences, one row per family.
"""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results

BOUNDS = [
    pytest.param(
        "Alexander Vuving told VOA he believed the leaders had not been informed - but suggested "
        "senior members of the government must have given the orders.",
        [
            ("indirect", "he believed the leaders had not been informed", "Alexander Vuving"),
            ("indirect", "senior members of the government must have given the orders", "Alexander Vuving"),
        ],
        id="a-cue-coordinated-inside-the-content-speaks-for-itself",
    ),
    pytest.param(
        "Geza said he would mobilize public protests, citing economic issues.",
        [("indirect", "he would mobilize public protests", "Geza")],
        id="content-ends-before-citing",
    ),
    pytest.param(
        "EU officials told national governments that they shouldn’t close borders or stop the free "
        "movement of people without group agreement.",
        [
            (
                "indirect",
                "they shouldn’t close borders or stop the free movement of people without group agreement",
                None,
            )
        ],
        id="a-bare-infinitive-coordinated-with-the-cue-is-content",
    ),
    pytest.param(
        "A government official told a local radio station that Joseph had spent the night in the "
        "area, and that police had tracked his movements.",
        [
            (
                "indirect",
                "Joseph had spent the night in the area, and that police had tracked his movements",
                None,
            )
        ],
        id="that-clause-made-a-relative-clause-of-the-object",
    ),
    pytest.param(
        "Police spokesman Frantz Exantus said before the jailbreak, 1,542 prisoners were in detention.",
        [("indirect", "before the jailbreak, 1,542 prisoners were in detention", "Frantz Exantus")],
        id="fronted-time-phrase-of-the-content",
    ),
    pytest.param(
        "If that happens, reports say, the former president plans to go home. Still, Neth says, "
        "opinions remain sharply divided.",
        [
            ("indirect", "the former president plans to go home", None),
            ("indirect", "opinions remain sharply divided", "Neth"),
        ],
        id="parenthetical-cue-after-a-fronted-adverbial",
    ),
    pytest.param(
        "Barnier also touched on security concerns, saying “less bureaucracy, more democracy” is "
        "needed in Brussels.",
        [("mixed", "“less bureaucracy, more democracy” is needed in Brussels", "Barnier")],
        id="quotation-opens-the-content-mixed",
    ),
    pytest.param(
        "“He’s trying to produce things at home,” not in another country, Kevin Hassett said.",
        [("direct", "He’s trying to produce things at home,", "Kevin Hassett")],
        id="quotation-then-narrator-before-the-cue-direct",
    ),
    pytest.param(
        'Emergency situation "So far, it\'s no foot on the ground," Imran Hayat told VOA.',
        [("direct", "So far, it's no foot on the ground,", "Imran Hayat")],
        id="run-in-heading-before-a-quotation",
    ),
    pytest.param(
        "Michel Barnier says immigration in the EU is “not working” and that the bloc’s borders have "
        "become a “sieve.”",
        [
            (
                "mixed",
                "immigration in the EU is “not working” and that the bloc’s borders have become a “sieve.",
                "Michel Barnier",
            )
        ],
        id="two-quotations-in-one-content-one-record",
    ),
]

PAIRING = [
    pytest.param(
        'Democratic Congressman Andy Levin slammed the government. "This prison break is a tragic '
        'sign," Levin tweeted. "His rule is costing Haitians their lives. What\'s next? Police said '
        "the search continues.",
        [
            ("direct", "This prison break is a tragic sign,", "Andy Levin"),
            ("direct", "His rule is costing Haitians their lives.", "Andy Levin"),
            ("indirect", "the search continues", None),
        ],
        id="a-lone-mark-keeps-its-sentence-and-swallows-nothing",
    ),
    pytest.param(
        "The minister spoke of a so-called “\n\n“We are ready to talk,” Wang Yi said.",
        [("direct", "We are ready to talk,", "Wang Yi")],
        id="a-mark-at-a-paragraph-end-opens-nothing",
    ),
    pytest.param(
        "“We launched a drug war,” Kevin Hassett said. “We hope we’ll round up the cartels” while "
        "there is a pause in the tariffs.",
        [
            ("direct", "We launched a drug war,", "Kevin Hassett"),
            ("direct", "We hope we’ll round up the cartels", "Kevin Hassett"),
        ],
        id="first-person-quotation-goes-on-with-the-speaker",
    ),
]

ATTRIBUTION = [
    pytest.param(
        "The song is shared with the report, Sirio Canos-Donnay told VOA. “He has combined all the "
        "ways of the griot with the findings.”",
        [
            ("indirect", "The song is shared with the report", "Sirio Canos-Donnay"),
            ("direct", "He has combined all the ways of the griot with the findings.", "Sirio Canos-Donnay"),
        ],
        id="quotation-after-an-indirect-quote-goes-on-with-its-speaker",
    ),
    pytest.param(
        "“China is our foremost competitor,” Ali Wyne said. But “President Trump is the most "
        "prominent dissenter from this consensus.”",
        [
            ("direct", "China is our foremost competitor,", "Ali Wyne"),
            ("direct", "President Trump is the most prominent dissenter from this consensus.", "Ali Wyne"),
        ],
        id="quotation-after-a-connective-goes-on",
    ),
    pytest.param(
        "Lucy Kachala spoke on Friday. “Right now, the threat of the cyclone is almost over.” she said.",
        [("direct", "Right now, the threat of the cyclone is almost over.", "Lucy Kachala")],
        id="full-stop-for-a-comma-before-the-cue",
    ),
    pytest.param(
        '"The Taliban cannot silence us," said Naveeda Khoshbo, but "women cannot be erased from society."',
        [
            ("direct", "The Taliban cannot silence us,", "Naveeda Khoshbo"),
            ("direct", "women cannot be erased from society.", "Naveeda Khoshbo"),
        ],
        id="split-quotation-after-but",
    ),
    pytest.param(
        "One of the report’s authors, Vasily Gatov, told VOA its research found that “the two "
        "populations are far from happy with this alliance.”",
        [
            (
                "mixed",
                "its research found that “the two populations are far from happy with this alliance.",
                "Vasily Gatov",
            )
        ],
        id="subject-named-by-its-apposition",
    ),
    pytest.param(
        "“Dog meat’s texture is similar to beef,” said Kristian, who prefers his dog prepared as tongseng.",
        [("direct", "Dog meat’s texture is similar to beef,", "Kristian")],
        id="inverted-speaker-with-a-relative-clause",
    ),
    pytest.param(
        "“I am trying to get to Sardinia to see my mother,” confided Carmella, an Italian woman.",
        [("direct", "I am trying to get to Sardinia to see my mother,", "Carmella")],
        id="confided",
    ),
    pytest.param(
        "The publisher was held in conditions that Caoilfhionn Gallagher characterized as “inhumane "
        "and degrading.”",
        [("direct", "inhumane and degrading.", "Caoilfhionn Gallagher")],
        id="characterised-through-a-relative-pronoun",
    ),
    pytest.param(
        '"They should consider changing their name," the DHS spokesperson added, further describing '
        'the legal challenges as "baseless."',
        [
            ("direct", "They should consider changing their name,", "DHS"),
            ("mixed", 'the legal challenges as "baseless.', "DHS"),
        ],
        id="participle-after-the-cue-of-a-quotation",
    ),
]


@pytest.mark.parametrize("text, expected", BOUNDS + PAIRING + ATTRIBUTION)
def test_spans(nlp, text, expected):
    doc = run(nlp, text, "2025-01-01")
    got = results(doc, "quotes")
    assert [(q["kind"], q["text"]) for q in got] == [(k, t) for k, t, _ in expected]
    for q, (_, _, speaker) in zip(got, expected):
        if speaker != "...":
            assert q["speaker"] == speaker, q
        assert text[q["start"] : q["end"]] == q["text"]


def test_a_lone_mark_still_warns(nlp):
    doc = run(
        nlp, 'Levin tweeted. "His rule is costing Haitians their lives. Police said more.', "2025-01-01"
    )
    assert any("unclosed quotation mark" in w for w in doc._.communique_meta.get("warnings", []))
