"""Events: triggers per CAMEO family, arguments, status, dates."""

from __future__ import annotations

import pytest
from helpers import event_on, events_of, run

from pipeline.document.access import results


@pytest.mark.parametrize(
    "text, trigger, etype, cameo, mode",
    [
        ("Nauru’s President David Adeang visited China on Monday.", "visited", "CONSULT", "042", "visit"),
        ("Xi held talks with Adeang in Beijing on Tuesday.", "talks", "CONSULT", "040", None),
        ("Putin and Erdogan met three times this year.", "met", "CONSULT", "040", None),
        (
            "Chinese President Xi Jinping had a phone call with French President Emmanuel Macron on Friday.",
            "phone call",
            "CONSULT",
            "041",
            "phone",
        ),
        (
            "President Lula hosted Chinese Premier Li Qiang in Brasilia on Monday.",
            "hosted",
            "CONSULT",
            "043",
            "host",
        ),
        ("Xi attended the G20 summit in Rio de Janeiro.", "attended", "CONSULT", "040", "multilateral"),
        ("Qatar mediated talks between Hamas and Israel on Sunday.", "mediated", "CONSULT", "045", None),
        (
            "China facilitated a reconciliation dialogue among Palestinian factions.",
            "facilitated",
            "CONSULT",
            "045",
            None,
        ),
    ],
    ids=[
        "visit-verb",
        "held-talks-with",
        "both-sides-met",
        "phone-call",
        "host",
        "attend-summit",
        "mediate",
        "facilitate-dialogue",
    ],
)
def test_consult(nlp, text, trigger, etype, cameo, mode):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"], e["mode"]) == (etype, cameo, mode)


@pytest.mark.parametrize(
    "text, trigger, etype, cameo",
    [
        ("Xi sent congratulations to President-elect Donald Trump.", "congratulations", "SUPPORT", "051"),
        ("The two countries signed a trade agreement in Hanoi on Monday.", "signed", "SUPPORT", "057"),
        ("Nauru decided to restore diplomatic relations with China in January.", "restore", "SUPPORT", "054"),
        ("The minister praised Vietnam's economic reforms.", "praised", "SUPPORT", "051"),
        ("Nauru agreed to participate in the Belt and Road Initiative.", "agreed", "AGREE", "030"),
        ("Iran agreed to meet European negotiators in Geneva.", "agreed", "AGREE", "036"),
        ("Xi delivered a keynote address at the opening ceremony.", "delivered", "STATEMENT", "010"),
        ("The United Nations urged both sides to negotiate.", "urged", "REQUEST", "026"),
        ("Xi called on the Global South to stand together.", "called on", "REQUEST", "020"),
    ],
    ids=[
        "congratulations",
        "sign-agreement",
        "restore-relations",
        "praise",
        "agree-to",
        "agree-to-meet-refines-036",
        "keynote-address",
        "urge-to-negotiate",
        "call-on",
    ],
)
def test_cooperative_and_verbal(nlp, text, trigger, etype, cameo):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)


@pytest.mark.parametrize(
    "text, trigger, etype, cameo",
    [
        ("The European Union imposed sanctions on Russian banks on Friday.", "imposed", "SANCTION", "163"),
        ("Washington lifted sanctions on Syria last month.", "lifted", "RETREAT", "085"),
        ("The foreign ministry condemned the attack on the embassy.", "condemned", "ACCUSE", "111"),
        ("Lithuania expelled three Russian diplomats on Monday.", "expelled", "SANCTION", "166"),
        ("Niger severed diplomatic ties with Ukraine.", "severed", "SANCTION", "161"),
        ("Pyongyang threatened to attack South Korean border posts.", "threatened", "THREATEN", "138"),
        ("Thousands of protesters demonstrated in Tbilisi on Sunday.", "demonstrated", "PROTEST", "141"),
        ("Police arrested two journalists in Minsk.", "arrested", "COERCE", "173"),
        ("Gunmen killed five villagers in northern Nigeria.", "killed", "ASSAULT", "1823"),
        ("Russia deployed troops along the border.", "deployed", "MOBILIZE", "154"),
        ("Japan will provide emergency aid to the Philippines.", "provide", "AID", "070"),
        ("Hungary rejected the proposal on Tuesday.", "rejected", "REJECT", "127"),
        ("The rebels released 20 hostages on Sunday.", "released", "RETREAT", "0841"),
    ],
    ids=[
        "impose-sanctions",
        "lift-sanctions",
        "condemn",
        "expel",
        "sever-ties",
        "threaten-to-attack",
        "demonstrate",
        "arrest",
        "kill",
        "deploy-troops",
        "provide-aid",
        "reject",
        "release",
    ],
)
def test_conflictual_and_material(nlp, text, trigger, etype, cameo):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Chinese President Xi Jinping arrived on Monday. President Xi and Russian President Vladimir "
            "Putin met in Kazan.",
            "met",
            ["Xi Jinping", "Vladimir Putin"],
            [],
        ),
        (
            "Chinese President Xi Jinping met with President Joe Biden in Lima.",
            "met",
            ["Xi Jinping"],
            ["Joe Biden"],
        ),
        (
            "At Xi’s invitation, Nauru’s President David Adeang visited China.",
            "visited",
            ["David Adeang"],
            ["China"],
        ),
        (
            "Chinese President Xi Jinping arrived on Monday. He also attended the summit.",
            "attended",
            ["Xi Jinping"],
            [],
        ),
        (
            "Chinese President Xi Jinping flew to Lima. During Xi’s visit to Brazil, he signed a deal.",
            "visit",
            ["Xi Jinping"],
            ["Brazil"],
        ),
        (
            "Chinese President Xi Jinping welcomed Nauru’s President David Adeang. Xi said during his talks "
            "with Adeang that ties were good.",
            "talks",
            ["Xi Jinping"],
            ["David Adeang"],
        ),
        ("British officials condemned the attack.", "condemned", ["United Kingdom"], []),
    ],
    ids=[
        "both-sides-of-and",
        "met-with",
        "visit-destination",
        "pronoun-he",
        "possessor-of-nominal",
        "his-talks-with",
        "demonym-officials",
    ],
)
def test_participants(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("Modi did not meet Sharif at the summit.", "meet", "negated"),
        ("Xi will visit France in May.", "visit", "planned"),
        ("The two sides are expected to sign the agreement next week.", "sign", "planned"),
        ("If talks fail, Washington could impose sanctions on Tehran.", "impose", "hypothetical"),
        ("Macron visited Beijing in April.", "visited", "occurred"),
        ("The leaders discussed the upcoming visit to Moscow with the Kremlin.", "visit", "planned"),
        (
            "The ministry did not respond to a request for comment, but it has denied the allegations.",
            "denied",
            "occurred",
        ),
        ("Modi did not meet or call Sharif.", "call", "negated"),
        (
            "Moscow said it would not attack Ukraine and would withdraw its troops.",
            "withdraw",
            "hypothetical",
        ),
        ("The United States funded construction to assist the Haitian police.", "assist", "hypothetical"),
        ("Russia deployed troops in order to attack Ukraine.", "attack", "hypothetical"),
    ],
    ids=[
        "did-not",
        "will",
        "expected-to",
        "if-could",
        "past",
        "upcoming-visit",
        "a-conjoined-clause-with-its-own-subject-keeps-its-own-status",
        "a-conjoined-verb-sharing-the-subject-shares-the-negation",
        "a-conjoined-verb-with-its-own-auxiliary-keeps-its-own-status",
        "an-infinitive-of-purpose-is-a-goal",
        "in-order-to-is-a-goal",
    ],
)
def test_status(nlp, text, trigger, status):
    assert event_on(nlp, text, trigger)["status"] == status


@pytest.mark.parametrize(
    "text, trigger, date",
    [
        (
            "In September, Xi delivered a keynote address, announcing ten partnership actions.",
            "delivered",
            "2024-09",
        ),
        (
            "Adeang visited China in March 2024. During the visit, Nauru agreed to join the initiative.",
            "agreed",
            "2024-03",
        ),
        ("Xi met Putin on May 16, 2024 in Beijing.", "met", "2024-05-16"),
        ("A trial opened in Paris on Monday over the 2004 bombing of a French base.", "bombing", "2004"),
        (
            "Police arrested Jose Ruben Zamora in Guatemala City on Monday. Zamora has rejected the accusations.",
            "rejected",
            None,
        ),
        (
            "On Monday, the Alliance of Democracies called on democratic nations to establish collective defense.",
            "establish",
            None,
        ),
        (
            "Police arrested opposition leader Arnel Joseph in Port-au-Prince on Thursday. "
            + "The prison is old. " * 9
            + "A court charged Arnel Joseph with murder.",
            "charged",
            "2024-12-26",
        ),
        (
            "In a statement emailed to reporters on Friday, Interior Minister Ali Musa condemned the attack.",
            "statement",
            "2024-12-27",
        ),
        (
            "The talks held in Geneva on Monday between Russia and Ukraine ended without a deal.",
            "talks",
            "2024-12-30",
        ),
        ("Police have arrested the opposition leader, officials said on Sunday.", "arrested", None),
        ("The army killed 33 militants in Kalat, officials said on Sunday.", "killed", "2024-12-29"),
        ("Joseph had been arrested and sentenced to six years in prison in 2011.", "arrested", "2011"),
        ("Lai's son was in Washington on Tuesday to meet lawmakers.", "meet", "2024-12-31"),
        (
            "Police detained Ali Musa in May. Amnesty International this week called for his release.",
            "release",
            None,
        ),
        ("Kenyan farmers called on the government on Monday to lift the export ban on maize.", "lift", None),
    ],
    ids=[
        "inherited-from-governing-clause",
        "during-the-visit",
        "own-clause",
        "a-year-modifying-the-event-noun-dates-it",
        "present-perfect-takes-no-date-from-the-events-around-it",
        "a-goal-takes-no-date-from-the-clause-that-sets-it",
        "far-down-the-story-the-lead-events-parties-keep-its-day",
        "a-participle-clause-dates-the-event-noun-it-modifies",
        "the-talks-held-on-monday-are-new-not-retold",
        "the-day-of-a-report-does-not-date-a-perfect-it-reports",
        "the-day-of-a-report-dates-a-past-act-it-reports",
        "a-date-on-a-conjoined-verb-dates-the-first",
        "a-purpose-is-dated-with-the-trip-it-is-the-goal-of",
        "a-goal-noun-takes-no-date-from-the-act-that-asks-for-it",
        "what-an-appeal-asks-takes-no-date-however-parsed",
    ],
)
def test_dates(nlp, text, trigger, date):
    assert event_on(nlp, text, trigger)["date"] == date


@pytest.mark.parametrize(
    "text, mentions",
    [
        (
            "Militants killed two soldiers and wounded five others in Kalat on Monday.",
            [["killed", "wounded"]],
        ),
        (
            "Police arrested the journalist and charged him with incitement.",
            [["arrested"], ["charged him with"]],
        ),
    ],
    ids=["an-attacks-conjoined-verbs-are-one-attack", "an-arrest-and-a-charge-stay-two"],
)
def test_conjoined_acts(nlp, text, mentions):
    assert [[m["text"] for m in e["mentions"]] for e in events_of(nlp, text, "2025-03-12")] == mentions


def test_object_event_noun_is_a_second_mention(nlp):
    e = event_on(nlp, "The refugee agency issued a statement on Friday.", "issued", "2025-03-12")
    assert [m["text"] for m in e["mentions"]] == ["issued", "statement"]


def test_dateline_is_not_a_default_date(nlp):
    events = events_of(nlp, "BEIJING, Feb. 11 (Xinhua) -- Xi met Putin to discuss trade.", None)
    assert [e["date"] for e in events if e["text"] == "met"] == [None]


def test_anaphoric_noun_is_not_a_second_event(nlp):
    events = events_of(nlp, "Adeang visited China in March. During the visit, Nauru agreed to join.")
    assert [e["type"] for e in events if "visit" in e["text"]] == ["CONSULT"]


def test_conjoined_nominal_triggers_are_one_event(nlp):
    events = events_of(nlp, "Xi held over 130 talks and meetings with foreign dignitaries.")
    # the span is the event noun (the gold's convention), its light verb is not part of it
    assert [e["text"] for e in events] == ["talks and meetings"]


def test_sentence_offsets(nlp, seed_text):
    doc = run(nlp, seed_text, "2025-01-01")
    for e in results(doc, "events"):
        assert doc.text[e["start"] : e["end"]] == e["text"]
        assert e["sentence_start"] <= e["start"] < e["end"] <= e["sentence_end"]


@pytest.mark.parametrize(
    "text, trigger, location",
    [
        (
            "Trump and Xi held a phone call on Tuesday, and Vice Premier He Lifeng will visit "
            "Washington next month.",
            "phone call",
            None,
        ),
        ("Xi arrived in Kazan on Tuesday and met Putin at the summit venue.", "met", "Kazan"),
    ],
    ids=[
        "phone-call-takes-no-place-from-a-neighbouring-visit",
        "meeting-takes-the-place-of-the-same-actor's-arrival",
    ],
)
def test_location_shared_only_between_events_of_the_same_participants(nlp, text, trigger, location):
    assert event_on(nlp, text, trigger)["location"] == location
