"""The happening scorer: one gold record per happening, duplicates count against precision,
optional gold is neither right nor wrong."""

from __future__ import annotations

import pytest

from pipeline.event_scoring import HappeningScore, Participant, score_story


def ev(etype, *spans, actors=(), date=None, status="occurred", optional=False):
    return {
        "type": etype,
        "text": "x",
        "start": spans[0][0],
        "mentions": [{"start": s, "end": e} for s, e in spans],
        "actors": list(actors),
        "recipients": [],
        "date": date,
        "status": status,
        "optional": optional,
    }


@pytest.mark.parametrize(
    "gold, pred, tp, fp, fn, duplicates",
    [
        ([ev("CONSULT", (0, 3))], [ev("CONSULT", (0, 3))], 1, 0, 0, 0),
        ([ev("CONSULT", (0, 3), (50, 55))], [ev("CONSULT", (0, 3)), ev("CONSULT", (50, 55))], 1, 1, 0, 1),
        ([ev("CONSULT", (0, 3))], [ev("AGREE", (0, 3))], 0, 1, 1, 0),
        ([ev("CONSULT", (0, 3), optional=True)], [ev("CONSULT", (0, 3))], 0, 0, 0, 0),
        ([ev("CONSULT", (0, 3))], [], 0, 0, 1, 0),
        ([], [ev("ASSAULT", (9, 12))], 0, 1, 0, 0),
    ],
    ids=[
        "same-happening",
        "second-mention-predicted-apart-is-a-duplicate",
        "wrong-type-is-a-miss-and-a-false-alarm",
        "optional-gold-is-not-scored",
        "missed",
        "false-alarm",
    ],
)
def test_matching(gold, pred, tp, fp, fn, duplicates):
    score = HappeningScore()
    score_story(score, "s", gold, pred)
    assert (score.tp, score.fp, score.fn, score.duplicates) == (tp, fp, fn, duplicates)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ({"name": "Ahmed al-Sharaa"}, {"name": "al-Sharaa"}, True),
        ({"name": "United States", "country": "USA"}, {"name": "Washington", "country": "USA"}, True),
        ({"name": "Vladimir Putin", "country": "RUS"}, {"name": "Russia", "country": "RUS"}, True),
        ({"name": "Xi Jinping"}, {"name": "Li Qiang"}, False),
        ({"name": "ECOWAS"}, {"name": "Economic Community of West African States"}, True),
        ({"name": "Department of Homeland Security"}, {"name": "DHS"}, True),
        ({"name": "DHS"}, {"name": "Department of State"}, False),
        ({"name": "police", "country": "HTI"}, {"name": "prisoners", "country": "HTI"}, False),
        ({"name": "Zamora’s legal team"}, {"name": "Zamora's legal team"}, True),
    ],
    ids=[
        "surname",
        "capital-for-state",
        "leader-for-state-is-lenient",
        "other-person",
        "acronym-with-small-words",
        "acronym-of-capitalised-words",
        "other-initials",
        "two-groups-of-one-country-are-two-parties",
        "typographic-apostrophe",
    ],
)
def test_participants_match_by_name_or_state(a, b, same):
    assert Participant.of(a).same_as(Participant.of(b)) is same


def test_attributes_on_matched_happenings():
    score = HappeningScore()
    gold = [ev("CONSULT", (0, 3), actors=["Xi Jinping"], date="2025-03-11")]
    score_story(score, "s", gold, [ev("CONSULT", (0, 3), actors=[{"name": "Xi"}], date="2025-03-11")])
    assert score.as_dict()["attributes"] == {
        "one_participant": 1.0,
        "participants": 1.0,
        "date": 1.0,
        "status": 1.0,
        "type": 1.0,
    }
