"""Speakers by family (issue 15): the full name every time, through the discourse layer.

Each row: a text and ``(quote text, speaker)`` for the quotes whose speaker is checked (the
other quotes of the text are not). Own sentences, one row per family.
"""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results

SPLIT_NAMES = [
    pytest.param(
        "European Commission President Ursula von der Leyen argued that the bloc needs a fully "
        "functioning Schengen.",
        [("the bloc needs a fully functioning Schengen", "Ursula von der Leyen")],
        id="split-name-particles-von-der",
    ),
    pytest.param(
        "Pakistani Foreign Minister Bilawal Bhutto Zardari arrived in Goa on Thursday. Bhutto "
        "Zardari said Pakistan wanted peace.",
        [("Pakistan wanted peace", "Bilawal Bhutto Zardari")],
        id="split-name-two-entities-then-surname",
    ),
    pytest.param(
        "Lawyer Lionel Bethune de Moro told VOA he believes the attack was deliberate.",
        [("he believes the attack was deliberate", "Lionel Bethune de Moro")],
        id="split-name-first-name-left-out",
    ),
    pytest.param(
        "The media watchdog Reporters Without Borders said conditions had improved. But it noted "
        "that journalists have faced greater persecution.",
        [
            ("conditions had improved", "Reporters Without Borders"),
            ("journalists have faced greater persecution", "Reporters Without Borders"),
        ],
        id="split-name-organisation-with-connector",
    ),
    pytest.param(
        '"So far, it\'s no foot on the ground," Imran Hayat, the divisional railway superintendent '
        "in Quetta, told VOA. A rescue train had departed Quetta, Hayat added.",
        [("A rescue train had departed Quetta", "Imran Hayat")],
        id="unlabelled-name-then-surname",
    ),
]

TITLED_AND_OFFICES = [
    pytest.param(
        "Solo Mayor Hadi Rudyatmo said dog meat is plentiful. Trade rose. Prices fell. “By prohibiting "
        "the sales, will it end? No,” the mayor said.",
        [("By prohibiting the sales, will it end? No,", "Hadi Rudyatmo")],
        id="titled-name-tagged-a-place-then-the-mayor",
    ),
    pytest.param(
        "The U.N. Office for the Coordination of Humanitarian Affairs said relief operations were hampered.",
        [("relief operations were hampered", "U.N. Office for the Coordination of Humanitarian Affairs")],
        id="an-office-for-the-whole-name",
    ),
    pytest.param(
        "The Nigeria Center for Disease Control and Prevention, or NCDC, said vaccines would arrive soon.",
        [("vaccines would arrive soon", "Nigeria Center for Disease Control and Prevention")],
        id="an-acronym-after-or-is-not-a-second-speaker",
    ),
    pytest.param(
        "Doctors Without Borders says the crisis is deepening. The Nigerian military says it has the "
        "upper hand.",
        [("it has the upper hand", "Nigerian military")],
        id="a-country-s-military-is-not-the-last-organisation",
    ),
]

WHOLE_NAMES = [
    pytest.param(
        "The forum is led by former NATO Secretary General Anders Fogh Rasmussen. Rasmussen told "
        'reporters the summit had gone well. "We are united," he said.',
        [("We are united,", "Anders Fogh Rasmussen")],
        id="pronoun-takes-the-whole-name-of-its-antecedent",
    ),
    pytest.param(
        "The United Nations High Commission for Refugees (UNHCR) shares that concern. The UNHCR "
        "said it was ready to support the government.",
        [("it was ready to support the government", "United Nations High Commission for Refugees")],
        id="initials-the-article-spells-out",
    ),
    pytest.param(
        "Interior Minister Fred Matiangi gave the agency two weeks. Matiangi's official Twitter "
        "account said there would be no further talks.",
        [("there would be no further talks", "Fred Matiangi")],
        id="an-account-speaks-for-its-owner",
    ),
]

RELATIVES = [
    pytest.param(
        "The son of jailed publisher Jimmy Lai spoke in Washington. Lai's son Sebastien met "
        'lawmakers. "We are grateful," the younger Lai said. Sebastien Lai said his father is strong. '
        'The judge asked the elder Lai if he agreed. "Of course I disagree," the elder Lai said.',
        [("We are grateful,", "Sebastien Lai"), ("Of course I disagree,", "Jimmy Lai")],
        id="the-younger-and-the-elder-of-two-who-share-a-surname",
    ),
]

PEOPLE_THE_MODEL_MISTAGS = [
    pytest.param(
        "Lydia Rosasi, 29, works at the office of the government spokesperson, where she assists "
        "people with disabilities. She says she bettered herself to stand out in the job market.",
        [("she bettered herself to stand out in the job market", "Lydia Rosasi")],
        id="a-name-an-age-follows-is-a-person",
    ),
    pytest.param(
        "“Dog meat is tender,” said Anton Kristian, a dog meat aficionado in his 30s. “I love it,” "
        "said the young professional.",
        [("I love it,", "Anton Kristian")],
        id="the-young-professional-is-the-person-just-described",
    ),
]

ROLES_AND_GENDERS = [
    pytest.param(
        "NDP Leader Jagmeet Singh spoke in Ottawa on Monday. The NDP leader added that his party "
        "would vote against the budget.",
        [("his party would vote against the budget", "Jagmeet Singh")],
        id="a-leader-is-a-role-not-a-group",
    ),
    pytest.param(
        'Mary Smith and John Brown met on Friday. "We agreed on everything," Brown said. '
        '"It was a good day," she said.',
        [("It was a good day,", "Mary Smith")],
        id="she-is-not-the-man-who-spoke-last",
    ),
    pytest.param(
        "The Prime Minister's Office said the meeting had been productive.",
        [("the meeting had been productive", "Prime Minister's Office")],
        id="an-office-named-in-title-case-the-model-did-not-tag",
    ),
]

GOVERNING_BODIES = [
    pytest.param(
        "Kenya's government says the refugees will have to leave the country.",
        [("the refugees will have to leave the country", "Kenya's government")],
        id="government-named-by-its-country",
    ),
    pytest.param(
        "Hong Kong authorities said the trial was fair.",
        [("the trial was fair", "Hong Kong authorities")],
        id="authorities-named-by-their-place",
    ),
    pytest.param(
        "The Trump administration said the tariffs would stay in place.",
        [("the tariffs would stay in place", "Trump administration")],
        id="administration-named-by-its-leader",
    ),
    pytest.param(
        "Officials met on Monday. The government said the tariffs would stay in place.",
        [("the tariffs would stay in place", None)],
        id="a-government-the-article-never-names-stays-unnamed",
    ),
]

VISITS = [
    pytest.param(
        "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in Beijing "
        "on Friday. The visiting president said the two countries were old friends.",
        [("the two countries were old friends", "Luiz Inacio Lula da Silva")],
        id="visiting-president-is-not-the-host",
    ),
    pytest.param(
        "Chinese President Xi Jinping hosted Kenyan President William Ruto in Beijing on Monday. "
        "The host said China would open its market.",
        [("China would open its market", "Xi Jinping")],
        id="the-host-receives",
    ),
]

DESCRIPTIONS = [
    pytest.param(
        "Former EU official Michel Barnier says immigration should stop for five years. The "
        "French politician says the bloc's borders have become porous.",
        [("the bloc's borders have become porous", "Michel Barnier")],
        id="description-the-french-politician",
    ),
    pytest.param(
        "Commerce Secretary Howard Lutnick spoke on Sunday. The Commerce chief also rebuffed "
        'fears of a recession. "Absolutely not," he said.',
        [("Absolutely not,", "Howard Lutnick")],
        id="pronoun-after-a-role-subject",
    ),
    pytest.param(
        '"The line was cut," Imran Hayat, the railway superintendent, told VOA. "It\'s a '
        'no-signal area," the railway official said.',
        [("It's a no-signal area,", "Imran Hayat")],
        id="description-the-railway-official",
    ),
    pytest.param(
        "The Baloch Liberation Army quickly claimed responsibility for the attack. In a statement, "
        "the banned separatist militant outfit said it had blown up the tracks.",
        [("it had blown up the tracks", "Baloch Liberation Army")],
        id="description-the-militant-outfit",
    ),
    pytest.param(
        "The Maritime Traffic Safety Law was revised in April. The revised law says foreign "
        "vessels should obtain permission first.",
        [("foreign vessels should obtain permission first", "Maritime Traffic Safety Law")],
        id="description-the-law-is-the-named-law",
    ),
    pytest.param(
        "Beijing offered to buy soybeans, a senior administration official said. Washington is "
        "still weighing new export controls, the official said.",
        [("Washington is still weighing new export controls", None)],
        id="description-an-unnamed-official-stays-unnamed",
    ),
]

SPOKESPEOPLE = [
    pytest.param(
        'A U.S. State Department spokesperson expressed sorrow. "We saw reports of the escape," '
        "the spokesperson told VOA.",
        [("We saw reports of the escape,", "State Department")],
        id="spokesperson-speaks-for-the-organisation",
    ),
    pytest.param(
        'The Department of Homeland Security defended the flights. "They should consider changing '
        'their name," a DHS spokesperson told VOA.',
        [("They should consider changing their name,", "Department of Homeland Security")],
        id="spokesperson-of-an-acronym",
    ),
    pytest.param(
        "Immigration and Customs Enforcement (ICE) moved the detainees. An ICE spokesperson said the "
        "detainees were safe.",
        [("the detainees were safe", "Immigration and Customs Enforcement")],
        id="spokesperson-of-an-acronym-defined-in-parentheses",
    ),
]

NARRATIVE_PRONOUNS = [
    pytest.param(
        'Former EU negotiator Michel Barnier spoke on French television. "Cherry picking is not '
        'an option," he warned.',
        [("Cherry picking is not an option,", "Michel Barnier")],
        id="he-is-not-a-name-inside-the-quotation",
    ),
    pytest.param(
        "Defense lawyer Chris Mhike told VOA that Blessed Mhlanga's arrest was unfair. "
        '"It is worrisome to many journalists," he added.',
        [("It is worrisome to many journalists,", "Chris Mhike")],
        id="he-is-not-a-name-inside-reported-speech",
    ),
    pytest.param(
        "Like Lutnick, Kevin Hassett, director of the National Economic Council, emphasized the "
        'fentanyl issue. He said the tariffs were aimed at cartels. "We launched a drug war," he said.',
        [
            ("the tariffs were aimed at cartels", "Kevin Hassett"),
            ("We launched a drug war,", "Kevin Hassett"),
        ],
        id="he-follows-the-stranded-subject-then-the-previous-he",
    ),
]

UNNAMED_ANTECEDENTS = [
    pytest.param(
        "Senator Maria Lopez visited the market on Friday. A shop owner said that prices had "
        'doubled since spring. The owner said trade was slow. "People cannot afford bread," he said.',
        [("People cannot afford bread,", None)],
        id="he-after-an-unnamed-owner-is-not-a-person-named-earlier",
    ),
    pytest.param(
        "Minister Grace Otieno opened the school in May. A local teacher told VOA that classes "
        'were full. The teacher said more desks were needed. "We share books," she said.',
        [("We share books,", None)],
        id="she-after-an-unnamed-teacher-is-not-a-person-named-earlier",
    ),
]

BOUND_OBJECTS = [
    pytest.param(
        "Anna Berg was calm. When she received a call from a neighbour on Monday, telling her "
        "the bridge had collapsed, she left.",
        [("the bridge had collapsed", None)],
        id="she-telling-her-the-teller-is-someone-else",
    ),
    pytest.param(
        "Omar Haddad said on Monday that the talks had stalled, telling reporters the two sides "
        "would meet again.",
        [("the two sides would meet again", "Omar Haddad")],
        id="telling-reporters-keeps-the-main-subject",
    ),
]

GROUPS_NAMED_BY_MEMBERS = [
    pytest.param(
        "Farm unions, including the National Farmers Union, have long opposed the deal, arguing "
        "that cheap imports would ruin growers.",
        [("cheap imports would ruin growers", "Farm unions")],
        id="group-including-a-named-member-is-its-phrase",
    ),
    pytest.param(
        "Several press freedom groups, such as Amnesty International, said the trial was unfair.",
        [("the trial was unfair", "press freedom groups")],
        id="group-such-as-a-named-member-drops-its-quantifier",
    ),
    pytest.param(
        "Press freedom groups said the trial was unfair.",
        [("the trial was unfair", None)],
        id="group-with-no-named-member-stays-unnamed",
    ),
]

DOCUMENTS_OF_A_GROUP = [
    pytest.param(
        "Teachers unions, including the National Education Association, have filed several "
        "lawsuits against the state. One suit, filed in May, alleges the new rules violate the "
        "constitution.",
        [("the new rules violate the constitution", "Teachers unions")],
        id="one-of-the-lawsuits-a-group-filed-is-theirs",
    ),
    pytest.param(
        "Prosecutors filed charges on Monday. An indictment alleged the men had smuggled arms.",
        [("the men had smuggled arms", None)],
        id="a-document-nobody-issued-before-stays-unnamed",
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    GROUPS_NAMED_BY_MEMBERS
    + DOCUMENTS_OF_A_GROUP
    + UNNAMED_ANTECEDENTS
    + BOUND_OBJECTS
    + SPLIT_NAMES
    + WHOLE_NAMES
    + PEOPLE_THE_MODEL_MISTAGS
    + RELATIVES
    + ROLES_AND_GENDERS
    + TITLED_AND_OFFICES
    + GOVERNING_BODIES
    + VISITS
    + DESCRIPTIONS
    + SPOKESPEOPLE
    + NARRATIVE_PRONOUNS,
)
def test_speaker(nlp, text, expected):
    quotes = {q["text"]: q for q in results(run(nlp, text, "2025-01-01"), "quotes")}
    for content, speaker in expected:
        assert content in quotes, (content, list(quotes))
        assert quotes[content]["speaker"] == speaker, quotes[content]
