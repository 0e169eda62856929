"""Events: the CAMEO verb families, precedence between triggers, and group actors that the
PLOVER gold-standard benchmark showed missing (benchmarks/external_events.py); one row per
family, with our own wire-style sentences."""
from __future__ import annotations

import pytest

from conftest import run
from pipeline.components import results


def _events(nlp, text, ref="2025-01-01"):
    return list(results(run(nlp, text, ref), "events"))


def _one(nlp, text, trigger_text):
    events = [e for e in _events(nlp, text) if trigger_text in e["text"]]
    assert events, f"no event on {trigger_text!r}: {[(e['text'], e['type']) for e in _events(nlp, text)]}"
    return events[0]


@pytest.mark.parametrize("text, trigger, etype, cameo", [
    ("Swiss doctors handed over 700 kg of medicine to the Red Crescent in Bam.", "handed", "AID", "073"),
    ("U.N. helicopters evacuated the wounded from the besieged town of Gorazde.", "evacuated", "AID", "073"),
    ("Israeli intelligence officials have shared evidence with the United States.", "shared", "COOPERATE", "064"),
    ("French and Egyptian warships on Monday launched ten days of war games in the Mediterranean.",
     "war games", "COOPERATE", "062"),
    ("Israel has strengthened its forces in southern Lebanon.", "strengthened", "MOBILIZE", "154"),
    ("Israeli troops remained on alert in the West Bank on Friday.", "alert", "MOBILIZE", "152"),
    ("Hundreds of students blocked roads leading to the city centre.", "blocked", "PROTEST", "144"),
    ("The teachers' union called off a four-day strike on Thursday.", "called", "CONCEDE", "082"),
    ("The court cancelled restrictions on the use of the Russian language.", "cancelled", "CONCEDE", "081"),
    ("The government accepted the demands of the striking miners.", "accepted", "CONCEDE", "083"),
    ("Denmark accepted a formula for ending its fisheries dispute.", "accepted", "AGREE", "030"),
    ("A French minister has cancelled a planned visit to Haiti.", "cancelled", "SANCTION", "161"),
    ("Peru has issued an ultimatum to Ecuador.", "ultimatum", "THREATEN", "139"),
    ("Israel on Friday reimposed blockades in the West Bank.", "reimposed", "COERCE", "191"),
    ("Turkish police prevented the demonstration in Sivas.", "prevented", "COERCE", "172"),
    ("Israel's high court opened a hearing into interrogation techniques.", "hearing", "ACCUSE", "090"),
    ("Guerrillas wounded two British soldiers in a bomb attack on Thursday.", "wounded", "ASSAULT", "190"),
    ("Portugal will support Turkey's efforts to join the European Union.", "support", "SUPPORT", "051"),
], ids=["hand-over-aid", "evacuate-wounded", "share-evidence", "war-games", "strengthen-forces",
        "remain-on-alert", "block-roads", "call-off-strike", "cancel-restrictions", "accept-demands",
        "accept-formula", "cancel-visit", "ultimatum-is-a-threat", "reimpose-blockade", "prevent-demonstration",
        "open-hearing", "wound", "support-efforts"])
def test_cameo_verb_families(nlp, text, trigger, etype, cameo):
    e = _one(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)


@pytest.mark.parametrize("text, trigger, etype, cameo, actors, recipients", [
    ("Russia said on Tuesday that Sudan must release the detained crew.", "said", "REQUEST", "1053",
     ["Russia"], ["Sudan"]),
    ("Britain's foreign secretary reiterated that Libya must hand over the two suspects.", "reiterated",
     "REQUEST", "1053", ["United Kingdom"], ["Libya"]),
    ("The opposition called for talks with the government.", "called for", "REQUEST", "026",
     ["opposition"], []),
    ("The rebels vowed to attack government positions.", "vowed", "THREATEN", "138", ["rebels"], []),
    ("Israel is opposed to French mediation, an aide to the prime minister said.", "opposed", "REJECT", "126",
     ["Israel"], []),
], ids=["said-X-must-return", "reiterated-X-must-hand-over", "call-for-talks-absorbs-noun",
        "vow-to-attack-is-a-threat", "opposed-to-mediation"])
def test_governor_precedence(nlp, text, trigger, etype, cameo, actors, recipients):
    """The governing verb is the event; the complement it absorbs refines its code."""
    events = _events(nlp, text)
    e = _one(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)
    assert e["actors"] == actors
    for r in recipients:
        assert r in e["recipients"]
    assert len(events) == 1, [(x["text"], x["type"]) for x in events]


@pytest.mark.parametrize("text, trigger, status", [
    ("Syria says it is willing to withdraw its troops from Lebanon.", "withdraw", "planned"),
    ("Iraq's interim government announced that it is prepared to impose martial law.", "impose", "planned"),
    ("The Palestinian factions failed to reach agreement on Sunday.", "agreement", "negated"),
], ids=["willing-to", "prepared-to", "failed-to-reach"])
def test_readiness_is_planned(nlp, text, trigger, status):
    assert _one(nlp, text, trigger)["status"] == status


@pytest.mark.parametrize("text, absent", [
    ("U.N. helicopters evacuated the wounded from the besieged town of Gorazde.", {"COERCE", "ASSAULT"}),
    ("Ousted President Askar Akayev has agreed to resign.", {"SANCTION"}),
    ("The banned party held a rally in the capital.", {"COERCE"}),
], ids=["besieged-town", "ousted-president", "banned-party"])
def test_participle_modifier_is_not_an_event(nlp, text, absent):
    assert not {e["type"] for e in _events(nlp, text)} & absent


@pytest.mark.parametrize("text, trigger, actors", [
    ("Thousands of Palestinian protesters marched in Ramallah.", "marched", ["Palestinian protesters"]),
    ("A group of Moroccan diplomats held talks with the Egyptian foreign minister.", "talks", ["Morocco"]),
    ("Palestinian riots spread across the West Bank on Monday.", "riots", ["Palestine"]),
    ("Rebels in Darfur attacked a government convoy on Monday.", "attacked", ["Rebels in Darfur"]),
    ("The Asia-Pacific Economic Cooperation (APEC) forum has agreed to set up an energy research center.",
     "agreed", ["Asia-Pacific Economic Cooperation"]),
    ("Israeli troops remained on alert in the West Bank on Friday.", "alert", ["Israel"]),
    ("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.", "agreed",
     ["Hungary", "Romania"]),
], ids=["thousands-of-X", "a-group-of-X", "demonym-on-event-noun", "group-in-place", "org-forum",
        "on-alert-climbs-to-subject", "conjoined-demonym-officials"])
def test_group_actors(nlp, text, trigger, actors):
    assert _one(nlp, text, trigger)["actors"] == actors
