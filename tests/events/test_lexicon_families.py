"""Events: trigger families that real news told and the lexicon missed (issue 14, VOA
recall), each written once for a class of objects (``patterns/events_classes.json``) and
coded as the CAMEO-to-PLOVER 2021 table and PLOVER's manual code them. One table per
family, with invented wire-style sentences; the last tables hold the readings that are
no events."""

from __future__ import annotations

import pytest
from helpers import event_on, events_of


def _coded(nlp, text, trigger):
    e = event_on(nlp, text, trigger)
    return e["type"], e["cameo"]


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        ("The army removed President Ibrahim Keita from power on Tuesday.", "removed", ("COERCE", "170")),
        ("The prime minister was removed from office by parliament in May.", "removed", ("COERCE", "170")),
        ("Rebels ousted President Ali Bongo in August.", "ousted", ("COERCE", "170")),
        ("The military deposed the king in 1952.", "deposed", ("COERCE", "170")),
        ("Soldiers toppled the government of Niger in July.", "toppled", ("COERCE", "170")),
        ("The senate impeached President Andrew Johnson in 1868.", "impeached", ("ACCUSE", "112")),
    ],
    ids=[
        "removed-person",
        "removed-from-office",
        "ousted-person",
        "deposed",
        "toppled-government",
        "impeached",
    ],
)
def test_removal_from_office(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        ("Mali's constitutional court lifted the orders blocking the vote.", "lifted", ("CONCEDE", "081")),
        ("A Nairobi judge suspended the ruling on Tuesday.", "suspended", ("CONCEDE", "081")),
        ("The appeals court set aside the verdict against the opposition leader.", "set", ("CONCEDE", "081")),
        ("Brazil's supreme court struck down the law in March.", "struck", ("CONCEDE", "081")),
        ("Sudan repealed the public order act in November.", "repealed", ("CONCEDE", "081")),
    ],
    ids=["lift-orders", "suspend-ruling", "set-aside-verdict", "strike-down-law", "repeal-act"],
)
def test_ending_a_ruling_or_a_law_is_a_concession(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        (
            "The Kenya Human Rights Commission filed a case against the police.",
            "filed a case",
            ("ACCUSE", "115"),
        ),
        (
            "Opposition lawyers filed a petition with the Supreme Court on Monday.",
            "petition",
            ("ACCUSE", "115"),
        ),
        ("South Africa took Israel to the International Court of Justice.", "took", ("ACCUSE", "115")),
        ("Activists challenged the ban in court on Monday.", "challenged", ("ACCUSE", "115")),
        ("Moscow complained about the decision on Friday.", "complained", ("ACCUSE", "114")),
    ],
    ids=["file-case", "file-petition", "take-to-court", "challenge-in-court", "complain-about"],
)
def test_legal_action_and_complaints(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        ("China conducted military drills around Taiwan on Monday.", "conducted", ("MOBILIZE", "150")),
        ("Russia held naval exercises in the Baltic Sea.", "held", ("MOBILIZE", "150")),
        ("Russia and China held naval drills in the Sea of Japan.", "held", ("COOPERATE", "062")),
        (
            "The Philippine navy held drills with the U.S. Navy near Scarborough Shoal.",
            "held",
            ("COOPERATE", "062"),
        ),
    ],
    ids=["one-state-shows-force", "naval-exercises", "two-states-cooperate", "with-another-navy"],
)
def test_exercises_are_a_show_of_force_unless_joint(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


@pytest.mark.parametrize(
    "text, trigger, coded, recipients",
    [
        ("Blinken had lunch with Wang Yi in Beijing.", "lunch", ("CONSULT", "040"), ["Wang Yi"]),
        (
            "Kenya launched an operation against al-Shabab in 2015.",
            "launched",
            ("ASSAULT", "190"),
            ["al-Shabab"],
        ),
        (
            "The Nigerian army mounted an operation against Boko Haram.",
            "mounted",
            ("ASSAULT", "190"),
            ["Boko Haram"],
        ),
    ],
    ids=["lunch-with", "launch-operation", "mount-operation"],
)
def test_meals_and_operations(nlp, text, trigger, coded, recipients):
    e = event_on(nlp, text, trigger)
    assert ((e["type"], e["cameo"]), e["recipients"]) == (coded, recipients)


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        (
            "The journalist received an award from Secretary of State Antony Blinken.",
            "award",
            ("SUPPORT", "051"),
        ),
        (
            "President Emmanuel Macron awarded the Legion of Honour to the Ukrainian president.",
            "awarded",
            ("SUPPORT", "051"),
        ),
        ("Putin presented the general with a medal.", "presented", ("SUPPORT", "051")),
    ],
    ids=["receive-award", "award-honour", "present-with-medal"],
)
def test_honours_are_praise(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


def test_an_honour_is_not_a_recipient(nlp):
    e = event_on(
        nlp, "President Emmanuel Macron awarded the Legion of Honour to the Ukrainian president.", "awarded"
    )
    assert "Legion of Honour" not in e["recipients"]


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        ("The fugitives were caught by prison guards on Monday.", "caught", ("COERCE", "173")),
        ("The court sent opposition leader Kizza Besigye to prison.", "sent", ("COERCE", "173")),
        ("A Harare court granted the journalist bail on Friday.", "granted", ("RETREAT", "0841")),
        ("President Tinubu granted amnesty to 500 prisoners.", "granted", ("RETREAT", "0841")),
        ("The militants held the passengers as human shields.", "held", ("ASSAULT", "184")),
        ("Milorad Dodik ignored a court summons on Wednesday.", "ignored", ("REJECT", "128")),
        ("The Chinese coast guard intercepted two Philippine vessels.", "intercepted", ("COERCE", "191")),
        ("Burkina Faso, Mali and Niger withdrew from ECOWAS in January.", "withdrew", ("SANCTION", "160")),
    ],
    ids=[
        "caught-by-guards",
        "sent-to-prison",
        "granted-bail",
        "granted-amnesty",
        "human-shields",
        "ignored-summons",
        "intercepted-vessels",
        "left-organisation",
    ],
)
def test_detention_clemency_defiance_and_ships(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


@pytest.mark.parametrize(
    "text, trigger, coded",
    [
        (
            "The sanctions, which Washington imposed on Iran last year, hurt its economy.",
            "imposed",
            ("SANCTION", "163"),
        ),
        ("Keita, who was ousted by the army in 2020, died on Sunday.", "ousted", ("COERCE", "170")),
    ],
    ids=["which-object", "who-passive-subject"],
)
def test_a_relative_pronoun_stands_for_the_noun_it_modifies(nlp, text, trigger, coded):
    assert _coded(nlp, text, trigger) == coded


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Workers removed the statue of the king from the square.", "removed"),
        ("Officials removed his name from the ballot.", "removed"),
        ("Aid agencies launched relief operations in the flooded areas.", "launched"),
        ("He had dinner with his family.", "dinner"),
        ("The company won a prize for innovation.", "prize"),
        ("The bus stopped at the station.", "stopped"),
        ("The minister was removed from the committee.", "removed"),
    ],
    ids=[
        "statue-of-a-king",
        "a-name-removed",
        "relief-operations",
        "family-dinner",
        "prize-won",
        "bus-stopped",
        "removed-from-a-committee",
    ],
)
def test_readings_that_are_no_events(nlp, text, absent):
    events = events_of(nlp, text)
    assert not [e for e in events if any(absent in m["text"] for m in e["mentions"])], events
