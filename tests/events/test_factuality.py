"""Factuality: occurred, planned, negated or hypothetical from the clause and what embeds it,
and who reports what a quote tells. One row per family (the basic will / did not / if-could /
expected-to rows are in test_events.py)."""

from __future__ import annotations

import pytest
from helpers import event_on


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("Russia invaded Ukraine in February 2022.", "invaded", "occurred"),
        ("Xi is to visit France in May.", "visit", "planned"),
        ("Kenya is seeking to sign a trade deal with Somalia.", "seeking", "occurred"),
        ("The envoy hopes to meet Hamas leaders next week.", "meet", "hypothetical"),
        ("Egypt aims to host talks between Israel and Hamas.", "host", "hypothetical"),
        ("The delegation held talks aimed at pushing for a ceasefire.", "pushing", "hypothetical"),
        ("Should Iran attack Israel, the United States would respond.", "attack", "hypothetical"),
        ("Militants tried to assassinate the governor of Tyumen on Monday.", "assassinate", "occurred"),
        ("Germany plans to deploy troops to Lithuania.", "deploy", "planned"),
        ("China has never condemned Russia's invasion of Ukraine.", "invasion", "occurred"),
        ("The two delegations did not hold talks in Geneva.", "talks", "negated"),
        ("Farmers are calling on the government to lift the export ban on maize.", "lift", "hypothetical"),
        (
            "The rights group called for the charges against Sok Vanna to be dropped.",
            "dropped",
            "hypothetical",
        ),
        ("Uganda was given 30 days to present a plan to deport the migrants.", "deport", "planned"),
        ("The ministry's intention to expel the ambassador angered Moscow.", "expel", "planned"),
        ("Britain says it is necessary to deploy troops to Estonia.", "deploy", "hypothetical"),
        ("Qatar stepped up efforts to end the blockade of Gaza.", "end", "hypothetical"),
        ("The envoy will ask about the prisoners detained by the army.", "detained", "occurred"),
        (
            "The United States detained 300 Haitians slated for deportation by the government.",
            "deportation",
            "planned",
        ),
    ],
    ids=[
        "past-act",
        "is-to",
        "seeking-is-an-appeal-that-happened",
        "hopes-to-is-a-wish",
        "aims-to-is-a-goal",
        "aimed-at-is-a-goal",
        "inverted-conditional",
        "an-attempt-is-an-act",
        "plans-to",
        "negated-governor-leaves-its-object-event-told-as-fact",
        "negated-light-verb-negates-its-noun",
        "what-an-appeal-asks-is-a-goal-however-parsed",
        "a-for-to-clause-of-a-call-is-a-goal",
        "a-plan-nearer-than-a-purpose-keeps-it-planned",
        "an-intention-is-a-plan",
        "what-is-necessary-is-a-goal",
        "efforts-to-are-a-goal",
        "a-participle-on-a-noun-tells-what-it-underwent",
        "slated-for-is-a-plan-though-lemmatised-slat",
    ],
)
def test_status_families(nlp, text, trigger, status):
    assert event_on(nlp, text, trigger, "2025-03-12")["status"] == status


@pytest.mark.parametrize(
    "text, trigger, reported_by",
    [
        (
            '"We attacked the convoy at dawn," the Taliban spokesman Zabihullah Mujahid said.',
            "attacked",
            True,
        ),
        ("Pakistani police arrested 20 militants on Monday.", "arrested", False),
        ("The ministry said that Israeli forces had killed three fighters.", "killed", True),
    ],
    ids=["inside-a-direct-quote", "the-narrator-tells-it", "inside-reported-speech"],
)
def test_reported_by(nlp, text, trigger, reported_by):
    assert bool(event_on(nlp, text, trigger, "2025-03-12")["reported_by"]) is reported_by
