"""The discourse layer on its own: titles, coded actors, and who "he", "it", "the minister"
and "the ministry" are, asked the same way by quotes and events."""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.discourse.actors import ActorCoder
from pipeline.discourse.article import Discourse
from pipeline.discourse.lexicon import DiscourseLexicon
from pipeline.document.access import results

PUTIN = {"text": "Vladimir Putin", "label": "PERSON", "canonical": "Vladimir Putin", "country": "RUS"}
COUNCIL = {"text": "Security Council", "label": "ORG", "canonical": "United Nations Security Council"}
COURT = {"text": "Supreme Court", "label": "ORG", "canonical": "Supreme Court"}
BLA = {"text": "Baloch Liberation Army", "label": "ORG", "canonical": "Baloch Liberation Army"}
ARMY = {"text": "Pakistan Army", "label": "ORG", "canonical": "Pakistan Army"}
REUTERS = {"text": "Reuters", "label": "ORG", "canonical": "Reuters"}
PERSONS = {"Vladimir Putin": {"country": "RUS", "titles": ["President"]}}


@pytest.mark.parametrize(
    "name, country, agent_type",
    [
        ("Russia", "RUS", "GOV"),
        ("United States", "USA", "GOV"),
        ("Vladimir Putin", "RUS", "GOV"),
        ("United Nations Security Council", None, "IGO"),
        ("Supreme Court", None, "JUD"),
        ("Pakistan Army", "PAK", "MIL"),
        ("Baloch Liberation Army", None, "REB"),
        ("Reuters", None, "MED"),
        ("Pakistani police", "PAK", "COP"),
        ("Israeli troops", "ISR", "MIL"),
        ("militants", None, "REB"),
        ("Lawyers", None, "JUD"),
        ("protesters", None, "CVL"),
        ("Syrian refugees", "SYR", "REF"),
        ("somebody", None, None),
    ],
    ids=[
        "state-is-government",
        "state-by-its-short-name",
        "person-country-and-title",
        "igo-from-organisation-kind",
        "court-from-name-word",
        "army-from-name-word",
        "liberation-army-is-rebels-though-an-army-by-name",
        "news-agency-is-media",
        "demonym-group-noun",
        "demonym-forces-keep-their-sector",
        "plural-group-noun",
        "capitalised-plural-noun",
        "civilians",
        "demonym-and-refugees",
        "unknown-stays-uncoded",
    ],
)
def test_actor_coding(name, country, agent_type):
    coder = ActorCoder.for_article([PUTIN, COUNCIL, COURT, BLA, ARMY, REUTERS], PERSONS)
    assert coder.code(name) == {"name": name, "country": country, "agent_type": agent_type}


@pytest.mark.parametrize(
    "name, stripped",
    [
        ("President Xi Jinping", "Xi Jinping"),
        ("Foreign Minister Wang Yi", "Wang Yi"),
        ("Sultan Ibrahim", "Sultan Ibrahim"),
        ("Xi", "Xi"),
    ],
    ids=["title", "two-word-title", "royal-title-kept-in-name", "bare-name"],
)
def test_one_title_stripper(name, stripped):
    assert DiscourseLexicon().strip_titles(name) == stripped


def _token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    "text, word, nth, expected",
    [
        ("Chinese President Xi Jinping met Lula. He praised Brazil.", "He", 0, "Xi Jinping"),
        (
            "Chinese Foreign Minister Wang Yi met Sergei Lavrov in Moscow. The minister urged calm.",
            "minister",
            0,
            "Wang Yi",
        ),
        (
            "The Security Council met on Tuesday. It adopted a resolution.",
            "It",
            0,
            "United Nations Security Council",
        ),
    ],
    ids=["pronoun-is-the-subject-person", "role-is-the-titled-person", "it-is-the-subject-organisation"],
)
def test_discourse_resolves(nlp, text, word, nth, expected):
    doc = run(nlp, text, "2025-03-12")
    discourse = Discourse(doc, results(doc, "entities"), DiscourseLexicon())
    tok = _token(doc, word, nth)
    found = discourse.role(tok) if tok.pos_ == "NOUN" else discourse.pronoun(tok)
    assert found == expected


def test_it_for_a_thing_is_no_organisation(nlp):
    doc = run(nlp, "The council adopted the resolution on Monday. It imposes a travel ban.", "2025-03-12")
    discourse = Discourse(doc, results(doc, "entities"), DiscourseLexicon())
    assert discourse.pronoun(_token(doc, "It"), things_as_subjects=True) in (None, "Security Council")


def test_quotes_and_events_agree_on_who_the_minister_is(nlp):
    text = (
        "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Marco Rubio in Kuala Lumpur on "
        'Friday. The minister urged Washington to lift the tariffs, and said: "We want stable ties."'
    )
    doc = run(nlp, text, "2025-07-12")
    speaker = results(doc, "quotes")[0]["speaker"]
    urged = next(e for e in results(doc, "events") if e["type"] == "REQUEST")
    assert speaker == "Wang Yi"
    assert [a["name"] for a in urged["actors"]] == [speaker]


def test_a_description_in_apposition_names_its_person(nlp):
    text = "Zimbabwe's ruling party expelled Blessed Geza, a war veteran who criticized President Emmerson Mnangagwa."
    events = results(run(nlp, text, "2025-03-12"), "events")
    accuse = next(e for e in events if e["type"] == "ACCUSE")
    assert [a["name"] for a in accuse["actors"]] == ["Blessed Geza"]
    assert [a["name"] for a in accuse["recipients"]] == ["Emmerson Mnangagwa"]


@pytest.mark.parametrize(
    "text, actors",
    [
        (
            "Guatemala's courts have long targeted journalists. In Guatemala, press groups protested. "
            "In 2022, authorities arrested the publisher Jose Ruben Zamora.",
            ["Guatemala"],
        ),
        (
            "Kenya and Somalia disputed the border. In 2022, authorities arrested the publisher Jose Ruben Zamora.",
            ["authorities"],
        ),
        (
            "Kenyan police detained ten protesters in Nairobi on Monday. Al-Shabab has fought Kenyan troops "
            "in Somalia since 2011, when the government arrested its leaders.",
            ["Kenya"],
        ),
    ],
    ids=[
        "authorities-of-the-country-told-of",
        "no-single-country-stays-the-group",
        "the-government-of-the-country-its-demonyms-tell-of-not-the-last-organisation",
    ],
)
def test_the_authorities_are_the_state_the_story_is_about(nlp, text, actors):
    events = results(run(nlp, text, "2025-03-12"), "events")
    arrest = [e for e in events if e["type"] == "COERCE"][-1]
    assert [a["name"] for a in arrest["actors"]] == actors


@pytest.mark.parametrize(
    "name, home, country",
    [
        ("police", "PAK", "PAK"),
        ("court", "GTM", "GTM"),
        ("protesters", "SDN", "SDN"),
        ("Reuters", "PAK", None),
        ("militants", "PAK", None),
        ("Israeli troops", "PAK", "ISR"),
        ("police", None, None),
    ],
    ids=[
        "police-in-a-story-about-one-country-are-its-police",
        "a-court-its-court",
        "protesters-its-people",
        "a-named-organisation-keeps-its-own",
        "armed-groups-may-come-from-anywhere",
        "a-demonym-wins",
        "no-country-the-story-is-about",
    ],
)
def test_a_states_unnamed_institutions_are_the_story_countrys(name, home, country):
    coder = ActorCoder.for_article([REUTERS], {}, home=home)
    assert coder.code(name)["country"] == country


def test_a_group_coded_by_the_story_is_not_named_by_the_text():
    coder = ActorCoder.for_article([REUTERS], {}, home="PAK")
    police, pakistani = coder.code("police"), coder.code("Pakistani police")
    assert (coder.named("police", police), coder.named("Pakistani police", pakistani)) == (False, True)


def test_the_three_nations_are_the_last_three_countries_named(nlp):
    from pipeline.discourse.mentions import Mentions

    doc = run(nlp, "Russia, China and Iran held drills. The three nations criticized NATO.", "2025-03-12")
    nations = _token(doc, "nations")
    assert Mentions(doc).of(nations) == ["Russia", "China", "Iran"]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Rigathi Gachagua, who was impeached in October, denied the charges.", "who", ["Rigathi Gachagua"]),
        ("Police freed Ahmed Salem, whom soldiers had detained.", "whom", ["Ahmed Salem"]),
        ("Police raided the home of Maria Lopez, whose newspaper was closed.", "whose", ["Maria Lopez"]),
        ("Rebels who attacked the base fled.", "who", ["Rebels"]),
        ("Ruto said that Kenya would send troops.", "that", []),
    ],
    ids=[
        "who-is-the-person-it-follows",
        "whom-is-the-person-it-follows",
        "whose-is-its-owner",
        "who-after-a-group-is-the-group",
        "that-opening-a-clause-stands-for-no-one",
    ],
)
def test_a_relative_pronoun_is_the_noun_its_clause_modifies(nlp, text, word, expected):
    from pipeline.discourse.mentions import Mentions

    doc = run(nlp, text, "2025-03-12")
    assert Mentions(doc).of(_token(doc, word)) == expected


def test_interview_turns_and_their_speakers(nlp):
    text = "VOA: Did you meet the president? Maria Costa, former envoy: We met him twice. VOA: When? Costa: In May."
    doc = run(nlp, text, "2025-03-12")
    turns = Discourse(doc, results(doc, "entities"), DiscourseLexicon()).turns
    you, we = _token(doc, "you"), _token(doc, "We")
    assert [t.speaker for t in turns.turns] == [
        "Voice of America",
        "Maria Costa",
        "Voice of America",
        "Maria Costa",
    ]
    assert (turns.addressee(you.i), turns.speaker(we.i), turns.reporter(we.i)) == (
        "Maria Costa",
        "Maria Costa",
        "Maria Costa",
    )
    assert turns.in_label(0) and not turns.in_label(you.i)


def test_a_name_before_a_colon_once_is_no_interview(nlp):
    doc = run(nlp, 'Sergei Ryabkov, RIA Novosti: "We will respond." Moscow: the talks went on.', "2025-03-12")
    assert Discourse(doc, results(doc, "entities"), DiscourseLexicon()).turns.turns == []


@pytest.mark.parametrize(
    "text, name, country, agent_type",
    [
        ("Cambodian journalist Sok Vanna thanked his supporters.", "Sok Vanna", "KHM", "MED"),
        (
            "Pierre Lamothe, Haiti's secretary of state for public security, condemned the attack.",
            "Pierre Lamothe",
            "HTI",
            "GOV",
        ),
        (
            "Somalia's ambassador to Kenya, Abdi Hassan Farah, accused Kenya of bad faith.",
            "Abdi Hassan Farah",
            "SOM",
            "GOV",
        ),
        ("Prime Minister Hun Manet of Cambodia visited Vietnam on Monday.", "Hun Manet", "KHM", "GOV"),
        ("Guatemala's attorney general, Lucia Mendez, charged the journalist.", "Lucia Mendez", "GTM", "JUD"),
        (
            "Democratic U.S. Congressman Andy Levin of Michigan criticized the ruling.",
            "Andy Levin",
            "USA",
            "LEG",
        ),
        (
            "The U.S. Treasury Department sanctioned two Iranian firms.",
            "U.S. Treasury Department",
            "USA",
            "GOV",
        ),
        (
            "Russian President Vladimir Putin's spokesman denied the report.",
            "Vladimir Putin's spokesman",
            "RUS",
            "GOV",
        ),
    ],
    ids=[
        "demonym-and-description-before-the-name",
        "possessive-country-in-an-apposed-title",
        "apposed-before-the-name-its-to-phrase-is-no-country",
        "of-country-after-the-name",
        "attorney-general-is-a-prosecutor-not-a-general",
        "title-word-before-the-name",
        "country-inside-an-organisations-name",
        "a-persons-people-have-the-persons-country",
    ],
)
def test_what_the_article_says_a_participant_is(nlp, text, name, country, agent_type):
    events = results(run(nlp, text, "2025-03-12"), "events")
    coded = [p for e in events for p in e["actors"] + e["recipients"] if p["name"] == name]
    assert coded and (coded[0]["country"], coded[0]["agent_type"]) == (country, agent_type), events


@pytest.mark.parametrize(
    "text, trigger, name, agent_type",
    [
        (
            "Media watchdog Journalists Without Chains condemned the arrest of the editor.",
            "condemned",
            "Journalists Without Chains",
            "NGO",
        ),
        (
            "Rights group Lawyers for Open Justice welcomed the verdict and repeated its call to the "
            "authorities to free the editor.",
            "call",
            "Lawyers for Open Justice",
            "NGO",
        ),
        (
            "The Kenyan League for the Defense of Civil Liberties condemned the arrest.",
            "condemned",
            "Kenyan League for the Defense of Civil Liberties",
            None,
        ),
        (
            "The United Nations Working Group on Enforced Disappearances called for his release.",
            "called for",
            "United Nations Working Group on Enforced Disappearances",
            "IGO",
        ),
    ],
    ids=[
        "a-name-after-the-noun-that-announces-it-is-an-organisation",
        "its-is-the-announced-organisation",
        "a-name-the-model-cut-is-the-whole-name",
        "a-body-of-an-international-organisation-is-one",
    ],
)
def test_organisations_the_model_cuts_or_leaves_out(nlp, text, trigger, name, agent_type):
    events = results(run(nlp, text, "2025-03-12"), "events")
    event = next(e for e in events if any(trigger in m["text"] for m in e["mentions"]))
    assert [(a["name"], a["agent_type"]) for a in event["actors"]] == [(name, agent_type)]


def _person_names(text: str, mentions: list[tuple[str, str]]) -> list[str]:
    """The discourse's name of each person mention (``(surface, the entities' canonical)``,
    found in text order) of ``text`` in a blank pipeline: the model's cuts given as data."""
    import spacy

    doc = spacy.blank("en")(text)
    entities, at = [], 0
    for surface, canonical in mentions:
        start = text.index(surface, at)
        at = start + len(surface)
        entities.append(
            {"text": surface, "start": start, "end": at, "label": "PERSON", "canonical": canonical}
        )
    discourse = Discourse(doc, entities, DiscourseLexicon())
    return [name for _s, _e, name in discourse.persons]


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        pytest.param(
            "It is led by Anders Fogh Rasmussen. Later Rasmussen spoke.",
            [("Anders Fogh Rasmussen", "Anders Fogh Rasmussen"), ("Rasmussen", "Fogh Rasmussen")],
            ["Anders Fogh Rasmussen", "Anders Fogh Rasmussen"],
            id="the-model-s-cut-name-takes-the-one-longer-name-it-ends",
        ),
        pytest.param(
            "Aden Barre Duale spoke. Shamsa Mohamed Aden returned. Aden waits.",
            [
                ("Aden Barre Duale", "Aden Barre Duale"),
                ("Shamsa Mohamed Aden", "Shamsa Mohamed Aden"),
                ("Aden", "Aden Barre Duale"),
            ],
            ["Aden Barre Duale", "Shamsa Mohamed Aden", "Shamsa Mohamed Aden"],
            id="a-bare-name-is-the-surname-of-the-person-named-last",
        ),
        pytest.param(
            "Shamsa Mohamed Aden returned. Aden Barre Duale spoke. Aden waits.",
            [
                ("Shamsa Mohamed Aden", "Shamsa Mohamed Aden"),
                ("Aden Barre Duale", "Aden Barre Duale"),
                ("Aden", "Aden Barre Duale"),
            ],
            ["Shamsa Mohamed Aden", "Aden Barre Duale", "Aden Barre Duale"],
            id="a-first-name-of-the-person-named-last-stays-his",
        ),
        pytest.param(
            "Jimmy Lai spoke. Sebastien Lai spoke. Lai waits.",
            [("Jimmy Lai", "Jimmy Lai"), ("Sebastien Lai", "Sebastien Lai"), ("Lai", "Jimmy Lai")],
            ["Jimmy Lai", "Sebastien Lai", "Jimmy Lai"],
            id="a-surname-two-people-share-keeps-the-entities-reading",
        ),
    ],
)
def test_person_mentions_take_the_whole_name(text, mentions, expected):
    assert _person_names(text, mentions) == expected


@pytest.mark.parametrize(
    "text, word, nth, expected",
    [
        pytest.param(
            "Jimmy Lai has been held since 2020. Sebastien Lai said his father's mind has stayed "
            "strong. “He is still fighting,” Sebastien Lai said.",
            "He",
            0,
            "Jimmy Lai",
            id="he-inside-a-person-s-own-quotation-is-somebody-else",
        ),
    ],
)
def test_a_speaker_s_pronouns_as_events_ask_them(nlp, text, word, nth, expected):
    doc = run(nlp, text, "2025-03-12")
    assert Discourse.of(doc).pronoun(_token(doc, word, nth)) == expected
