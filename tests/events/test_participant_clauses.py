"""Who takes part in an event told inside a clause of its own: relative clauses, reduced
(participle) relatives, passives, clauses of reported speech and adjuncts. One table per
family; every sentence is invented."""

from __future__ import annotations

import pytest
from helpers import event_on, events_of


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Former minister Ali Hassan, who was arrested by police on Monday, denied the charges.",
            "arrested",
            ["police"],
            ["Ali Hassan"],
        ),
        (
            "Ahmed Salem, whom police detained on Friday, was freed on Sunday.",
            "detained",
            ["police"],
            ["Ahmed Salem"],
        ),
        (
            "The protesters who were detained on Sunday were released on Monday.",
            "detained",
            [],
            ["protesters"],
        ),
    ],
    ids=[
        "who-as-passive-subject-is-the-recipient",
        "whom-as-object-is-the-recipient",
        "a-passive-relative-clause-head-undergoes-it-not-does-it",
    ],
)
def test_relative_pronouns_stand_for_their_noun(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Journalist Omar Farah, arrested by police last week, remains in jail.",
            "arrested",
            ["police"],
            ["Omar Farah"],
        ),
        (
            "A court adjourned the case of a journalist arrested over his reporting.",
            "arrested",
            [],
            ["journalist"],
        ),
        (
            "Under the deal signed in Doha last year, the Taliban agreed to release prisoners.",
            "signed",
            ["Taliban"],
            [],
        ),
    ],
    ids=[
        "participle-noun-undergoes-it-its-agent-does-it",
        "participle-without-agent-takes-no-actor-from-the-clause-above",
        "participle-in-an-opening-phrase-is-the-clause-subjects-act",
    ],
)
def test_reduced_relatives(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Police chief Ali Musa said that soldiers had been deployed to the border.",
            "deployed",
            [],
            ["soldiers"],
        ),
        (
            "Journalist Mech Lina was released after apologizing to Prime Minister Hun Manet.",
            "apologizing",
            ["Mech Lina"],
            ["Hun Manet"],
        ),
        (
            "Russia invaded Ukraine and was sanctioned by the European Union.",
            "sanctioned",
            ["European Union"],
            ["Russia"],
        ),
    ],
    ids=[
        "a-passive-in-reported-speech-is-not-the-speakers-act",
        "an-adjunct-clause-is-the-passive-subjects-act",
        "a-passive-conjunct-is-undergone-by-the-shared-subject",
    ],
)
def test_passives_keep_their_own_parties(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


def test_a_conditional_passive_is_not_the_main_subjects_act(nlp):
    events = events_of(nlp, "Western companies will return to Russia if sanctions are lifted.")
    assert not [e for e in events if "Western companies" in e["actors"]], events


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        ("A third of the protesters were detained by police.", "detained", ["police"], ["protesters"]),
        (
            "Gunmen killed five security personnel in Kano.",
            "killed",
            ["Gunmen"],
            ["security personnel in Kano"],
        ),
        ("The army signed a deal with the protest leaders.", "signed", ["army"], ["protest leaders"]),
        ("The Hezbollah armed wing attacked an army post.", "attacked", ["Hezbollah"], []),
    ],
    ids=[
        "a-fraction-of-a-group-is-the-group",
        "personnel-are-a-group",
        "leaders-no-one-was-titled-as-are-a-group",
        "an-organisations-wing-is-the-organisation",
    ],
)
def test_group_words(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


INTERVIEW = (
    "Reuters spoke with Maria Costa, Brazil's former foreign minister, about her trip to Angola. "
    "Reuters: During your visit to Luanda, you met President Joao Lourenco. What did you discuss? "
    "Maria Costa, former foreign minister: We signed a trade agreement with Angola. I also met the "
    "defense minister. Reuters: Russia's President Vladimir Putin recently visited Beijing. Are you "
    "worried? Costa: I am concerned, because China has backed Russia."
)


@pytest.mark.parametrize(
    "trigger, actors, reported_by",
    [
        ("met President", ["Maria Costa"], None),
        ("signed", ["Maria Costa"], "Maria Costa"),
        ("visited", ["Vladimir Putin"], None),
        ("backed", ["China"], "Maria Costa"),
    ],
    ids=[
        "you-in-a-question-is-whom-it-asks",
        "we-in-an-answer-is-who-answers-and-tells-it",
        "the-interviewers-label-is-no-subject",
        "an-answer-is-told-by-who-answers",
    ],
)
def test_interview_turns(nlp, trigger, actors, reported_by):
    """``trigger``: the words the event's mention starts."""
    events = events_of(nlp, INTERVIEW)
    at = INTERVIEW.index(trigger)
    found = [e for e in events if any(m["start"] == at for m in e["mentions"])]
    assert found, events
    assert (found[0]["actors"], found[0]["reported_by"]) == (actors, reported_by)


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Three senators, Maria Lopez, John Smith and Ana Gomez, called on the minister to resign.",
            "called on",
            ["Maria Lopez", "John Smith", "Ana Gomez"],
            [],
        ),
        (
            "China imposed punitive measures on Australia for the latter's refusal to drop the inquiry.",
            "refusal",
            ["Australia"],
            [],
        ),
        (
            "Germany and France met in Paris. The former criticized Russia.",
            "criticized",
            ["Germany"],
            ["Russia"],
        ),
        (
            "Daniel Ortega's legal team has rejected all the accusations.",
            "rejected",
            ["Daniel Ortega's legal team"],
            [],
        ),
        (
            "The United Nations praised Lars Holm. Holm founded the Council of Free Nations in 2019. "
            "His organization urged Russia to free the prisoners.",
            "urged",
            ["Council of Free Nations"],
            ["Russia"],
        ),
        ("Hamas militants attacked an Israeli army post.", "attacked", ["Hamas"], []),
        (
            "China sanctioned Japanese firms. China warned Japan. The summit urged governments to sign the charter.",
            "urged",
            [],
            ["governments"],
        ),
    ],
    ids=[
        "people-apposed-to-a-group-are-all-of-them",
        "the-latter-is-the-last-party-named",
        "the-former-is-the-one-before",
        "a-persons-team-is-not-the-person",
        "his-organization-is-the-one-named-last",
        "an-organisations-fighters-are-the-organisation",
        "governments-are-many-not-the-story-country",
    ],
)
def test_who_a_phrase_names(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "The opposition alliance was the first to reject the new constitution.",
            "reject",
            ["opposition alliance"],
            [],
        ),
        (
            "Analysts praised ECOWAS for activating its standby force.",
            "activating",
            ["Economic Community of West African States"],
            [],
        ),
        ("The court jailed Ahmed Musa for attacking a police station.", "attacking", ["Ahmed Musa"], []),
        (
            "Rights groups, including Amnesty International, have filed lawsuits against the government.",
            "lawsuits",
            ["Rights groups", "Amnesty International"],
            ["government"],
        ),
    ],
    ids=[
        "the-first-to-act-is-the-clauses-subject",
        "praised-x-for-doing-x-does-it",
        "jailed-x-for-doing-x-does-it",
        "a-group-including-members-is-all-of-them",
    ],
)
def test_who_does_what_a_clause_tells(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "The United States imposed sanctions on Iran in 2018. Washington may lift the sanctions next year.",
            "lift",
            ["United States"],
            ["Iran"],
        ),
        (
            "Brazil imposed tariffs on Argentina in May. The tariffs may come off if talks succeed.",
            "come off",
            ["Brazil"],
            ["Argentina"],
        ),
        (
            "Prosecutors charged Ana Ruiz with treason. Rights groups urged the court to drop the charges.",
            "drop",
            ["court"],
            ["Ana Ruiz"],
        ),
    ],
    ids=[
        "lifting-sanctions-is-between-who-imposed-them",
        "tariffs-that-come-off-keep-who-imposed-them-on-whom",
        "dropping-charges-frees-who-was-charged",
    ],
)
def test_a_measure_lifted_is_lifted_between_its_parties(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, actors",
    [
        (
            "A U.S. Treasury Department spokesperson told reporters that Washington was concerned. "
            '"We urge restraint," the spokesperson added in a statement emailed to reporters on Friday.',
            "statement",
            ["U.S. Treasury Department"],
        ),
        ("The inaugural speech of President Ana Ruiz was well received.", "speech", ["Ana Ruiz"]),
    ],
    ids=["the-spokesperson-goes-on-with-the-one-introduced", "a-persons-of-phrase-on-their-own-act"],
)
def test_who_a_description_goes_on_with(nlp, text, trigger, actors):
    assert event_on(nlp, text, trigger)["actors"] == actors


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Orban and other Central European populists have declined to join the plan.",
            "declined",
            ["Orban", "Central European populists"],
            [],
        ),
        (
            "Pakistan has blamed the recent attacks on militants based in Afghanistan.",
            "blamed",
            ["Pakistan"],
            ["militants"],
        ),
        (
            "The gunman opened fire on a police patrol near the border.",
            "opened",
            ["gunman"],
            ["police patrol"],
        ),
        (
            "France responded by destroying Ivory Coast's tiny air force.",
            "destroying",
            ["France"],
            ["Ivory Coast's tiny air force"],
        ),
    ],
    ids=[
        "x-and-other-ys-are-both",
        "blamed-x-on-y-targets-y",
        "fire-on-targets-its-object",
        "a-states-forces-are-named-with-the-state",
    ],
)
def test_targets_and_groups(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


def test_bare_leaders_no_one_was_titled_as_stay_unresolved(nlp):
    events = events_of(nlp, "Xi delivered a speech at the leaders' dialogue in Kazan on Thursday.")
    assert not [e for e in events if "leaders" in e["actors"]], events


@pytest.mark.parametrize(
    "text, trigger, actors",
    [
        (
            "Turkish military police have launched an investigation into abuses committed by rebel forces.",
            "investigation",
            ["Turkish military police"],
        ),
        ("A Kenyan businessman is suing the government for damages.", "suing", ["Kenyan businessman"]),
        (
            "Angry activists from the Fatah Party staged rallies against the government.",
            "rallies",
            ["Fatah Party"],
        ),
        (
            "Leaders of the main opposition coalition agreed to postpone the march.",
            "agreed",
            ["main opposition coalition"],
        ),
    ],
    ids=[
        "a-by-phrase-of-a-participle-inside-is-not-the-acts-agent",
        "a-businessman-is-a-party",
        "activists-from-a-party-are-the-party",
        "leaders-of-a-coalition-are-the-coalition",
    ],
)
def test_whose_act_it_is(nlp, text, trigger, actors):
    assert event_on(nlp, text, trigger)["actors"] == actors
