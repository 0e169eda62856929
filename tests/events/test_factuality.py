"""Factuality: occurred, planned, negated or hypothetical from the clause and what embeds it,
and who reports what a quote tells. One row per family."""

from __future__ import annotations

import pytest
from helpers import by_name, run

from pipeline.document.access import results


def _event(nlp, text, trigger):
    events = [by_name(e) for e in results(run(nlp, text, "2025-03-12"), "events")]
    found = [e for e in events if any(trigger in m["text"] for m in e["mentions"])]
    assert found, f"no event on {trigger!r}: {[(e['text'], e['type']) for e in events]}"
    return found[0]


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("Russia invaded Ukraine in February 2022.", "invaded", "occurred"),
        ("Xi will visit France in May.", "visit", "planned"),
        ("Xi is to visit France in May.", "visit", "planned"),
        ("Modi did not meet Sharif at the summit.", "meet", "negated"),
        ("If talks fail, Washington could impose sanctions on Tehran.", "impose", "hypothetical"),
        ("Kenya is seeking to sign a trade deal with Somalia.", "seeking", "occurred"),
        ("The envoy hopes to meet Hamas leaders next week.", "meet", "hypothetical"),
        ("Egypt aims to host talks between Israel and Hamas.", "host", "hypothetical"),
        ("The delegation held talks aimed at pushing for a ceasefire.", "pushing", "hypothetical"),
        ("Should Iran attack Israel, the United States would respond.", "attack", "hypothetical"),
        ("Militants tried to assassinate the governor of Tyumen on Monday.", "assassinate", "occurred"),
        ("The two sides are expected to sign the agreement next week.", "sign", "planned"),
        ("Germany plans to deploy troops to Lithuania.", "deploy", "planned"),
    ],
    ids=[
        "past-act",
        "will",
        "is-to",
        "did-not",
        "if-could",
        "seeking-is-an-appeal-that-happened",
        "hopes-to-is-a-wish",
        "aims-to-is-a-goal",
        "aimed-at-is-a-goal",
        "inverted-conditional",
        "an-attempt-is-an-act",
        "expected-to",
        "plans-to",
    ],
)
def test_status_families(nlp, text, trigger, status):
    assert _event(nlp, text, trigger)["status"] == status


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
    assert bool(_event(nlp, text, trigger)["reported_by"]) is reported_by
