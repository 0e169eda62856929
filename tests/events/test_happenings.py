"""Happenings, not mentions: when two event mentions are one happening (table rows on the
merge rule itself, then whole sentences through the pipeline)."""

from __future__ import annotations

import pytest
from helpers import by_name, run

from pipeline.document.access import results
from pipeline.events.happenings import merge_mentions
from pipeline.events.mention import EventMention


def mention(text, start, etype="CONSULT", actors=(), recipients=(), date=None, status="occurred", **extra):
    """A working event mention as the events component builds it."""
    noun = extra.pop("noun", False)
    return EventMention(
        text,
        start,
        start + len(text),
        etype,
        extra.pop("mode", None),
        None,
        extra.pop("trigger", text),
        list(actors),
        list(recipients),
        None,
        date,
        status,
        0,
        0,
        reported_by=extra.pop("reported_by", None),
        noun=noun,
        sent_index=extra.pop("sentence", start // 100),
        own=date is not None,
        definite=extra.pop("definite", noun),
        counted=extra.pop("counted", False),
        coded=extra.pop("coded", {}),
        # the named parties (entities, states), not groups such as "militants" or "police"
        named=frozenset(n for n in (*actors, *recipients) if n[:1].isupper()),
    )


@pytest.mark.parametrize(
    "mentions, happenings",
    [
        (
            [
                mention("phone call", 0, actors=["Trump"], recipients=["Xi"], date="2025-03-11", noun=True),
                mention("call", 150, actors=["Trump", "Xi"], noun=True),
            ],
            1,
        ),
        (
            [
                mention("met", 0, actors=["Putin"], recipients=["Xi"], date="2025-03-10"),
                mention("met", 150, actors=["Putin"], recipients=["Xi"], date="2025-03-12"),
            ],
            2,
        ),
        (
            [
                mention("met", 0, actors=["Putin"], recipients=["Xi"]),
                mention("met", 150, actors=["Putin"], recipients=["Modi"]),
            ],
            2,
        ),
        (
            [
                mention("killed", 0, "ASSAULT", actors=["officials"], recipients=["Arnel Joseph"]),
                mention("gun battle", 60, "ASSAULT", actors=["officials"], recipients=["police"], noun=True),
            ],
            1,
        ),
        (
            [
                mention("met", 0, actors=["Xi", "Putin"]),
                mention("met", 100, actors=["Xi"], recipients=["Biden"]),
            ],
            2,
        ),
        ([mention("met", 0, actors=["Xi"], recipients=["Lula"]), mention("attended", 150, actors=["Xi"])], 2),
        (
            [
                mention("met", 0, actors=["Xi"], recipients=["Lula"]),
                mention("talks", 150, actors=["Xi", "Lula"], noun=True),
            ],
            1,
        ),
        (
            [
                mention("visits", 0, actors=["Xi"], noun=True, counted=True),
                mention("visit", 150, actors=["Xi"], noun=True),
            ],
            2,
        ),
        (
            [
                mention("urged", 0, "REQUEST", actors=["UN"], recipients=["Israel"]),
                mention("called on", 150, "REQUEST", actors=["UN"], recipients=["Iran"]),
            ],
            2,
        ),
        (
            [
                mention("urged", 0, "REQUEST", actors=["UN"], recipients=["Israel"]),
                mention("urged", 150, "REQUEST", actors=["UN"], recipients=["Israel"]),
            ],
            1,
        ),
        (
            [
                mention("calls on", 0, "REQUEST", actors=["UN"], recipients=["Israel"]),
                mention("calls on", 150, "REQUEST", recipients=["Israel"]),
            ],
            1,
        ),
        (
            [
                mention("visit", 0, actors=["Xi"], noun=True, status="planned"),
                mention("visit", 150, actors=["Xi"], noun=True, status="occurred"),
            ],
            2,
        ),
        (
            [
                mention("arrest", 0, "COERCE", recipients=["Lai"], noun=True),
                mention("arrest", 900, "COERCE", recipients=["Lai"], noun=True, status="negated"),
            ],
            1,
        ),
        (
            [
                mention("release", 0, "RETREAT", recipients=["Lai"], noun=True),
                mention("release", 900, "RETREAT", recipients=["Lai"], noun=True, status="hypothetical"),
            ],
            1,
        ),
        (
            [
                mention("release", 0, "RETREAT", recipients=["Lai"], noun=True),
                mention("release", 900, "RETREAT", recipients=["Zamora"], noun=True, status="hypothetical"),
            ],
            2,
        ),
        (
            [
                mention("release", 0, "RETREAT", actors=["Trump"], recipients=["Lai"], noun=True),
                mention(
                    "release",
                    900,
                    "RETREAT",
                    actors=["UK"],
                    recipients=["Lai"],
                    noun=True,
                    status="hypothetical",
                ),
            ],
            1,
        ),
        (
            [
                mention("release", 0, "RETREAT", recipients=["Lai"], noun=True, status="hypothetical"),
                mention(
                    "release", 900, "RETREAT", actors=["Trump"], recipients=["Lai"], noun=True, date="2024-10"
                ),
            ],
            1,
        ),
        (
            [
                mention("arrest", 0, "COERCE", recipients=["Mhlanga"], noun=True, reported_by="Mhike"),
                mention("arrest", 900, "COERCE", recipients=["Mhlanga"], noun=True, reported_by="Marapira"),
            ],
            1,
        ),
        (
            [
                mention("accused", 0, "ACCUSE", actors=["Mhike"], recipients=["police"], reported_by="Mhike"),
                mention(
                    "accused", 900, "ACCUSE", actors=["Mhike"], recipients=["police"], reported_by="Marapira"
                ),
            ],
            2,
        ),
        (
            [
                mention("attended", 0, actors=["Xi"]),
                mention("meetings", 1500, actors=["Xi"], recipients=["India"], noun=True, definite=False),
            ],
            2,
        ),
        (
            [
                mention("attack", 0, "ASSAULT", actors=["militants"], noun=True),
                mention("attack", 120, "ASSAULT", noun=True),
            ],
            1,
        ),
    ],
    ids=[
        "a-call-told-twice-is-one",
        "same-pair-on-two-days-is-two",
        "putin-xi-and-putin-modi-are-two",
        "groups-named-otherwise-in-the-next-breath-are-one",
        "xi-putin-then-xi-biden-in-the-next-sentence-are-two",
        "two-different-verbs-are-two-acts",
        "the-talks-retell-the-meeting",
        "four-visits-are-many",
        "two-appeals-to-different-parties-are-two",
        "the-same-appeal-told-again-is-one",
        "the-same-appeal-told-again-without-its-actor-is-one",
        "planned-and-occurred-are-two",
        "the-same-arrest-told-as-negated-is-one",
        "the-same-release-told-as-a-goal-is-one",
        "goal-of-another-partys-release-is-two",
        "one-persons-release-whoever-seeks-it-is-one",
        "one-persons-release-dated-later-is-one",
        "an-arrest-told-by-two-speakers-is-one",
        "two-speakers-claims-are-two",
        "far-indefinite-noun-is-news",
        "near-mention-without-parties-joins",
    ],
)
def test_merge_rule(mentions, happenings):
    assert len(merge_mentions(mentions)) == happenings


def test_merged_happening_keeps_every_mention_and_the_parties():
    merged = merge_mentions(
        [
            mention("phone call", 0, actors=["Trump"], noun=True),
            mention("call", 120, actors=["Trump"], recipients=["Xi"], date="2025-03-11", noun=True),
        ]
    )
    assert len(merged) == 1
    (h,) = merged
    assert [m["text"] for m in h.mentions] == ["phone call", "call"]
    assert (h.actors, h.recipients, h.date) == (["Trump"], ["Xi"], "2025-03-11")


@pytest.mark.parametrize(
    "text, etype, mentions",
    [
        (
            "U.S. President Donald Trump and Chinese President Xi Jinping held a phone call on Tuesday. "
            "During the call, the two leaders discussed trade.",
            "CONSULT",
            ["phone call", "discussed"],
        ),
        (
            "Chinese Premier Li Qiang met Kazakh President Kassym-Jomart Tokayev in Astana on Thursday. "
            "The talks focused on trade.",
            "CONSULT",
            ["met", "talks"],
        ),
    ],
    ids=["call-and-the-call", "met-and-the-talks"],
)
def test_one_record_per_happening(nlp, text, etype, mentions):
    events = [by_name(e) for e in results(run(nlp, text, "2025-03-12"), "events") if e["type"] == etype]
    assert len(events) == 1, events
    assert [m["text"] for m in events[0]["mentions"]] == mentions


def test_merging_compares_a_mention_with_a_bounded_number_of_happenings(monkeypatch):
    import pipeline.events.happenings as happenings

    calls = []
    real = happenings._joins
    monkeypatch.setattr(happenings, "_joins", lambda h, m: calls.append(1) or real(h, m))
    # a thousand arrests of different people: no two merge, so each is compared with earlier ones
    mentions = [mention("arrested", i * 100, "COERCE", recipients=[f"Person {i}"]) for i in range(1000)]
    assert len(merge_mentions(mentions)) == 1000
    assert len(calls) <= 1000 * happenings.MAX_CANDIDATES  # linear, not 1000 * 999 / 2


# one deed told by two speakers, or by words that name one act
@pytest.mark.parametrize(
    "mentions, happenings",
    [
        (
            [
                mention(
                    "killed",
                    0,
                    "ASSAULT",
                    actors=["officials"],
                    recipients=["Pierre Lamy"],
                    reported_by="officials",
                ),
                mention(
                    "killed",
                    150,
                    "ASSAULT",
                    actors=["police"],
                    recipients=["Pierre Lamy"],
                    reported_by="Marc Duval",
                ),
            ],
            1,
        ),
        (
            [
                mention("killed", 0, "ASSAULT", recipients=["Pierre Lamy"], reported_by="officials"),
                mention("killed", 150, "ASSAULT", recipients=["Anne Roy"], reported_by="Marc Duval"),
            ],
            2,
        ),
        (
            [
                mention("killed", 0, "ASSAULT", recipients=["Pierre Lamy"], reported_by="officials"),
                mention("wounded", 150, "ASSAULT", recipients=["Pierre Lamy"], reported_by="Marc Duval"),
            ],
            2,
        ),
        (
            [
                mention(
                    "release",
                    0,
                    "RETREAT",
                    actors=["Tom Hale"],
                    recipients=["Sok Vanna"],
                    reported_by="Tom Hale",
                ),
                mention("release", 1500, "RETREAT", recipients=["Sok Vanna"], reported_by="a rights group"),
            ],
            1,
        ),
        (
            [
                mention("release", 0, "RETREAT", recipients=["Sok Vanna"]),
                mention("release", 1500, "RETREAT", recipients=["Chea Sim"]),
            ],
            2,
        ),
        (
            [
                mention("seize", 0, "COERCE", actors=["Sudan"], mode="seize"),
                mention(
                    "confiscate", 1500, "COERCE", actors=["Sudan"], mode="seize", reported_by="the party"
                ),
            ],
            1,
        ),
        (
            [
                mention("hold migrant", 0, "COERCE", actors=["United States"], mode="arrest"),
                mention("incarcerate", 120, "COERCE", mode="arrest", reported_by="officials"),
            ],
            1,
        ),
        (
            [
                mention("free", 0, "RETREAT", actors=["Iran"], recipients=["Anne Roy"]),
                mention("release", 1500, "RETREAT", actors=["Iran"], recipients=["Anne Roy"]),
            ],
            1,
        ),
        (
            [
                mention("arrest", 0, "COERCE", actors=["police"], recipients=["Tom Hale"], mode="arrest"),
                mention("sentence", 120, "COERCE", actors=["court"], recipients=["Tom Hale"], mode="arrest"),
            ],
            2,
        ),
        (
            [
                mention("urge", 0, "REQUEST", actors=["UN"], recipients=["Israel"]),
                mention("call on", 150, "REQUEST", actors=["UN"], recipients=["Israel"]),
            ],
            1,
        ),
        (
            [
                mention("urge", 0, "REQUEST", actors=["UN"], recipients=["Israel"]),
                mention("demand", 150, "REQUEST", actors=["UN"], recipients=["Israel"]),
            ],
            2,
        ),
    ],
    ids=[
        "a-killing-told-by-two-speakers-is-one",
        "two-speakers-killings-of-two-people-are-two",
        "killed-and-wounded-told-by-two-speakers-are-two",
        "a-release-told-by-two-speakers-far-apart-is-one",
        "releases-of-two-people-are-two",
        "seized-and-confiscated-are-one-act",
        "held-and-incarcerated-are-one-act",
        "freed-and-released-are-one-act",
        "arrested-and-sentenced-are-two-acts",
        "urged-and-called-on-are-one-appeal",
        "urged-and-demanded-are-two-speech-acts",
    ],
)
def test_same_deed_by_speakers_and_synonyms(mentions, happenings):
    assert len(merge_mentions(mentions)) == happenings


# a plan and a possibility of one act are one prospective happening; a plan and a deed are two
@pytest.mark.parametrize(
    "mentions, happenings",
    [
        (
            [
                mention(
                    "deportation",
                    0,
                    "COERCE",
                    actors=["United States"],
                    noun=True,
                    definite=False,
                    status="planned",
                ),
                mention(
                    "deportation",
                    150,
                    "COERCE",
                    actors=["United States", "Homeland Security"],
                    noun=True,
                    definite=False,
                    status="hypothetical",
                ),
            ],
            1,
        ),
        (
            [
                mention("visit", 0, actors=["Xi"], recipients=["Brazil"], status="planned"),
                mention("visit", 120, actors=["Xi"], recipients=["Brazil"], status="hypothetical"),
            ],
            1,
        ),
        (
            [
                mention("murder", 0, "ASSAULT", recipients=["Anne Roy"], noun=True, status="hypothetical"),
                mention("kidnap", 1500, "ASSAULT", recipients=["Anne Roy"], status="planned"),
            ],
            2,
        ),
        (
            [
                mention("visit", 0, actors=["Xi"], recipients=["Brazil"], status="planned"),
                mention("visit", 120, actors=["Xi"], recipients=["Brazil"], status="occurred"),
            ],
            2,
        ),
    ],
    ids=[
        "planned-and-possible-deportation-is-one",
        "a-visit-planned-and-told-as-possible-is-one",
        "a-murder-plot-and-a-kidnap-plan-are-two",
        "a-planned-visit-and-a-visit-made-are-two",
    ],
)
def test_prospective_happenings(mentions, happenings):
    assert len(merge_mentions(mentions)) == happenings


@pytest.mark.parametrize(
    "text, etype, mentions",
    [
        (
            "Prosecutors in Nairobi reopened the case of the 1998 bombing of the embassy that killed twelve "
            "Kenyan guards.",
            "ASSAULT",
            ["bombing", "killed"],
        ),
    ],
    ids=["a-bombing-dated-by-its-year-is-one-attack-with-its-deaths"],
)
def test_a_year_does_not_count_happenings(nlp, text, etype, mentions):
    events = [e for e in results(run(nlp, text, "2025-03-12"), "events") if e["type"] == etype]
    assert len(events) == 1, events
    assert [m["text"] for m in events[0]["mentions"]] == mentions


REB = {"agent_type": "REB", "country": "PAK"}


# an unnamed group is the one party of its kind the other mention names
@pytest.mark.parametrize(
    "mentions, happenings",
    [
        (
            [
                mention("take hostage", 0, "ASSAULT", actors=["militants"], coded={"militants": REB}),
                mention(
                    "take hostage",
                    1500,
                    "ASSAULT",
                    actors=["Baloch Liberation Army"],
                    coded={"Baloch Liberation Army": REB},
                    reported_by="Baloch Liberation Army",
                ),
            ],
            1,
        ),
        (
            [
                mention(
                    "killed",
                    0,
                    "ASSAULT",
                    actors=["militants"],
                    recipients=["soldiers"],
                    coded={"militants": REB, "soldiers": {"agent_type": "MIL", "country": "PAK"}},
                ),
                mention(
                    "killed",
                    1500,
                    "ASSAULT",
                    actors=["Tehrik-i-Taliban"],
                    recipients=["civilians"],
                    coded={"Tehrik-i-Taliban": REB, "civilians": {"agent_type": "CVL", "country": "PAK"}},
                ),
            ],
            2,
        ),
        (
            [
                mention("arrested", 0, "COERCE", actors=["police"], coded={"police": {"agent_type": "COP"}}),
                mention(
                    "arrested", 1500, "COERCE", actors=["Tehrik-i-Taliban"], coded={"Tehrik-i-Taliban": REB}
                ),
            ],
            2,
        ),
        (
            [
                mention("take hostage", 0, "ASSAULT", actors=["militants"], coded={"militants": REB}),
                mention(
                    "take hostage",
                    1500,
                    "ASSAULT",
                    actors=["Baloch Liberation Army", "Tehrik-i-Taliban"],
                    coded={"Baloch Liberation Army": REB, "Tehrik-i-Taliban": REB},
                ),
            ],
            2,
        ),
    ],
    ids=[
        "militants-then-the-named-armed-group-are-one-attack",
        "militants-killing-soldiers-and-a-group-killing-civilians-are-two",
        "police-and-an-armed-group-are-not-one-party",
        "militants-and-two-named-groups-stay-apart",
    ],
)
def test_unnamed_group_named_later(mentions, happenings):
    assert len(merge_mentions(mentions)) == happenings
