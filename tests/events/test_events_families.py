"""Events: the CAMEO verb families, precedence between triggers, and group actors that the
PLOVER gold-standard benchmark showed missing (benchmarks/external_events.py); one row per
family, with our own wire-style sentences."""

from __future__ import annotations

import pytest
from helpers import event_on, events_of


@pytest.mark.parametrize(
    "text, trigger, etype, cameo",
    [
        ("Swiss doctors handed over 700 kg of medicine to the Red Crescent in Bam.", "handed", "AID", "073"),
        (
            "U.N. helicopters evacuated the wounded from the besieged town of Gorazde.",
            "evacuated",
            "AID",
            "073",
        ),
        (
            "Israeli intelligence officials have shared evidence with the United States.",
            "shared",
            "COOPERATE",
            "064",
        ),
        (
            "French and Egyptian warships on Monday launched ten days of war games in the Mediterranean.",
            "war games",
            "COOPERATE",
            "062",
        ),
        ("Israel has strengthened its forces in southern Lebanon.", "strengthened", "MOBILIZE", "154"),
        ("Israeli troops remained on alert in the West Bank on Friday.", "alert", "MOBILIZE", "152"),
        ("Hundreds of students blocked roads leading to the city centre.", "blocked", "PROTEST", "144"),
        ("The teachers' union called off a four-day strike on Thursday.", "called", "CONCEDE", "082"),
        (
            "The court cancelled restrictions on the use of the Russian language.",
            "cancelled",
            "CONCEDE",
            "081",
        ),
        ("The government accepted the demands of the striking miners.", "accepted", "CONCEDE", "083"),
        ("Denmark accepted a formula for ending its fisheries dispute.", "accepted", "AGREE", "030"),
        ("A French minister has cancelled a planned visit to Haiti.", "cancelled", "SANCTION", "161"),
        ("Peru has issued an ultimatum to Ecuador.", "ultimatum", "THREATEN", "139"),
        ("Israel on Friday reimposed blockades in the West Bank.", "reimposed", "COERCE", "191"),
        ("Turkish police prevented the demonstration in Sivas.", "prevented", "COERCE", "172"),
        ("Israel's high court opened a hearing into interrogation techniques.", "hearing", "ACCUSE", "090"),
        (
            "Guerrillas wounded two British soldiers in a bomb attack on Thursday.",
            "wounded",
            "ASSAULT",
            "190",
        ),
        ("Portugal will support Turkey's efforts to join the European Union.", "support", "SUPPORT", "051"),
    ],
    ids=[
        "hand-over-aid",
        "evacuate-wounded",
        "share-evidence",
        "war-games",
        "strengthen-forces",
        "remain-on-alert",
        "block-roads",
        "call-off-strike",
        "cancel-restrictions",
        "accept-demands",
        "accept-formula",
        "cancel-visit",
        "ultimatum-is-a-threat",
        "reimpose-blockade",
        "prevent-demonstration",
        "open-hearing",
        "wound",
        "support-efforts",
    ],
)
def test_cameo_verb_families(nlp, text, trigger, etype, cameo):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)


@pytest.mark.parametrize(
    "text, trigger, etype, cameo, actors, recipients",
    [
        (
            "Russia said on Tuesday that Sudan must release the detained crew.",
            "said",
            "REQUEST",
            "1053",
            ["Russia"],
            ["Sudan"],
        ),
        (
            "Britain's foreign secretary reiterated that Libya must hand over the two suspects.",
            "reiterated",
            "REQUEST",
            "1053",
            ["United Kingdom"],
            ["Libya"],
        ),
        (
            "The opposition called for talks with the government.",
            "called for",
            "REQUEST",
            "026",
            ["opposition"],
            [],
        ),
        ("The rebels vowed to attack government positions.", "vowed", "THREATEN", "138", ["rebels"], []),
        (
            "Israel is opposed to French mediation, an aide to the prime minister said.",
            "opposed",
            "REJECT",
            "126",
            ["Israel"],
            [],
        ),
    ],
    ids=[
        "said-X-must-return",
        "reiterated-X-must-hand-over",
        "call-for-talks-refines-the-call",
        "vow-to-attack-is-a-threat",
        "opposed-to-mediation",
    ],
)
def test_governor_precedence(nlp, text, trigger, etype, cameo, actors, recipients):
    """The governing verb is the event, its complement refines its code; what an appeal,
    demand, threat or intent asks for is a happening of its own, never told as a fact."""
    events = events_of(nlp, text)
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)
    assert e["actors"] == actors
    for r in recipients:
        assert r in e["recipients"]
    others = [(x["text"], x["status"]) for x in events if x["start"] != e["start"]]
    assert all(status != "occurred" for _, status in others), others


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("Syria says it is willing to withdraw its troops from Lebanon.", "withdraw", "planned"),
        (
            "Iraq's interim government announced that it is prepared to impose martial law.",
            "impose",
            "planned",
        ),
        ("The Palestinian factions failed to reach agreement on Sunday.", "agreement", "negated"),
    ],
    ids=["willing-to", "prepared-to", "failed-to-reach"],
)
def test_readiness_is_planned(nlp, text, trigger, status):
    assert event_on(nlp, text, trigger)["status"] == status


@pytest.mark.parametrize(
    "text, trigger, status, actors",
    [
        (
            "Beijing urged Washington to handle the issue with care and to lift export controls.",
            "lift",
            "hypothetical",
            ["United States"],
        ),
        ("The opposition called for talks with the government.", "talks", "hypothetical", ["opposition"]),
        (
            "The United Nations called on Israel to withdraw its troops.",
            "withdraw",
            "hypothetical",
            ["Israel"],
        ),
        ("Russia agreed to withdraw its troops from the border.", "withdraw", "planned", ["Russia"]),
        ("The envoy urged all parties to return to the Doha talks.", "talks", "hypothetical", ["parties"]),
        ("Press freedom groups called for Jose Ruben Zamora's release.", "release", "hypothetical", []),
    ],
    ids=[
        "conjunct-of-an-appeal-complement",
        "called-for-talks-are-hypothetical",
        "who-is-urged-does-what-is-urged",
        "agreed-to-is-a-plan",
        "noun-inside-appeal-complement",
        "who-calls-for-a-release-does-not-release",
    ],
)
def test_what_a_governor_asks_for_is_its_own_happening(nlp, text, trigger, status, actors):
    e = event_on(nlp, text, trigger)
    assert (e["status"], e["actors"]) == (status, actors)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("U.N. helicopters evacuated the wounded from the besieged town of Gorazde.", {"COERCE", "ASSAULT"}),
        ("Ousted President Askar Akayev has agreed to resign.", {"SANCTION"}),
        ("The banned party held a rally in the capital.", {"COERCE"}),
    ],
    ids=["besieged-town", "ousted-president", "banned-party"],
)
def test_participle_modifier_is_not_an_event(nlp, text, absent):
    assert not {e["type"] for e in events_of(nlp, text)} & absent


@pytest.mark.parametrize(
    "text, trigger, actors",
    [
        ("Thousands of Palestinian protesters marched in Ramallah.", "marched", ["Palestinian protesters"]),
        (
            "A group of Moroccan diplomats held talks with the Egyptian foreign minister.",
            "talks",
            ["Morocco"],
        ),
        ("Palestinian riots spread across the West Bank on Monday.", "riots", ["Palestine"]),
        ("Rebels in Darfur attacked a government convoy on Monday.", "attacked", ["Rebels in Darfur"]),
        (
            "The Asia-Pacific Economic Cooperation (APEC) forum has agreed to set up an energy research center.",
            "agreed",
            ["Asia-Pacific Economic Cooperation"],
        ),
        ("Israeli troops remained on alert in the West Bank on Friday.", "alert", ["Israeli troops"]),
        (
            "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.",
            "agreed",
            ["Hungary", "Romania"],
        ),
    ],
    ids=[
        "thousands-of-X",
        "a-group-of-X",
        "demonym-on-event-noun",
        "group-in-place",
        "org-forum",
        "on-alert-climbs-to-subject",
        "conjoined-demonym-officials",
    ],
)
def test_group_actors(nlp, text, trigger, actors):
    assert event_on(nlp, text, trigger)["actors"] == actors


# -- held-out error families (own wire sentences, one row per phenomenon) -----------------


@pytest.mark.parametrize(
    "text, trigger, etype, cameo, actors, recipients",
    [
        (
            "The European Union extended sanctions on Iran for six months.",
            "extended",
            "SANCTION",
            "163",
            ["European Union"],
            ["Iran"],
        ),
        (
            "The United States imposed new sanctions on Russia on Tuesday.",
            "imposed",
            "SANCTION",
            "163",
            ["United States"],
            ["Russia"],
        ),
        (
            "Canada slapped sanctions against Venezuelan officials.",
            "slapped",
            "SANCTION",
            "163",
            ["Canada"],
            ["Venezuela"],
        ),
        (
            "Washington is weighing whether to add 15 Chinese firms to an export blacklist.",
            "add",
            "SANCTION",
            "163",
            ["United States"],
            ["Chinese firms"],
        ),
        (
            "The two countries signed a 2 billion-dollar energy deal on Monday.",
            "signed",
            "SUPPORT",
            "057",
            [],
            [],
        ),
        ("Cameroon banned the import of chicks from Europe.", "banned", "SANCTION", "163", ["Cameroon"], []),
        ("Beijing halted imports of Japanese seafood in August.", "halted", "SANCTION", "163", ["China"], []),
        (
            "Poultry farmers urged Europe to loosen trade restrictions.",
            "loosen",
            "RETREAT",
            "085",
            ["Europe"],
            [],
        ),
        (
            "Xi urged Washington to lift export controls on Chinese technology firms.",
            "lift",
            "RETREAT",
            "085",
            ["United States"],
            ["Chinese technology firms"],
        ),
    ],
    ids=[
        "extend-sanctions-on",
        "impose-sanctions-on",
        "slap-sanctions-against",
        "add-to-blacklist",
        "sign-a-deal-is-057",
        "banning-imports-is-an-embargo",
        "halting-imports-is-an-embargo",
        "loosening-trade-restrictions-eases-an-embargo",
        "lifting-export-controls-eases-an-embargo-on-whom-they-hit",
    ],
)
def test_sanctions_and_signing(nlp, text, trigger, etype, cameo, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"], e["actors"], e["recipients"]) == (etype, cameo, actors, recipients)


@pytest.mark.parametrize(
    "text, trigger, etype, cameo",
    [
        (
            "The president delivered another verbal attack on Washington on Friday.",
            "verbal attack",
            "ACCUSE",
            "111",
        ),
        (
            "The ministry denied a Reuters report that troops had crossed the border.",
            "denied",
            "REJECT",
            "120",
        ),
        ("The rebels released 20 hostages on Sunday.", "released", "RETREAT", "0841"),
        ("Xi and Trong had in-depth exchanges on regional issues.", "exchanges", "CONSULT", "040"),
        ("The two sides exchanged views on the Middle East.", "exchanged", "CONSULT", "040"),
        (
            "U.S. President Joe Biden spoke by phone with German Chancellor Olaf Scholz on Wednesday.",
            "spoke",
            "CONSULT",
            "041",
        ),
        ("Macron called Putin on Friday to discuss the war.", "called", "CONSULT", "041"),
        ("The King extended an invitation to President Lula to visit Spain.", "invitation", "REQUEST", "026"),
        (
            "He was responding to a threat by Senator Tom Cotton to block the bill.",
            "threat",
            "THREATEN",
            "130",
        ),
        ("The council held closed consultations on the draft on Tuesday.", "consultations", "CONSULT", "040"),
        ("The next summit will be held in Nairobi in 2026.", "held", "CONSULT", "040"),
        ("Kenya's president thanked Japan for its support.", "thanked", "SUPPORT", "051"),
        (
            "The minister was asked on Friday to react to a threat by Senator Tom Cotton.",
            "threat",
            "THREATEN",
            "130",
        ),
    ],
    ids=[
        "verbal-attack-is-criticism",
        "deny-a-report-is-reject",
        "release-people",
        "had-exchanges",
        "exchanged-views",
        "spoke-by-phone",
        "call-a-person-is-phone",
        "extend-an-invitation",
        "threat-by-agent",
        "held-consultations",
        "passive-summit-held",
        "thank",
        "appeal-infinitive-keeps-its-own-noun",
    ],
)
def test_sense_and_consultation_families(nlp, text, trigger, etype, cameo):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["cameo"]) == (etype, cameo)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Port statistics released Thursday showed exports fell.", "released"),
        ("He was commenting on the joint statement released hours earlier by the council.", "released"),
        ("Shelling villages full of civilians is a war crime, the envoy said.", "Shelling"),
        ("Sanctioning five generals will not stop the war, the ambassador said.", "Sanctioning"),
        ("Experts accused Rwanda of backing the rebels.", "backing"),
        ("The camps, which shelter 300,000 people, were shelled on Monday.", "shelter"),
        ("The council speaks with one voice on the crisis.", "speaks"),
        ("Officials declined to comment on the contents of phone conversations.", "conversations"),
        ("The army denied responsibility for the blast.", "denied"),
        ("The Baloch Liberation Army claimed responsibility for the attack.", "claimed"),
        ("A State Department spokesperson expressed sorrow over the lives lost.", "expressed"),
        ("Rights groups sued on Friday, alleging the transfers violate U.S. law.", "violate"),
        ("He was expelled from the party for what it described as violating its rules.", "violating"),
        ("The prosecutor asked the publisher whether he accepted the charges.", "asked"),
        ("Officials declined to respond to questions about the detainees.", "declined"),
        ("The minister urged the delegations to seize the opportunity for peace.", "seize"),
        ("A student, who spoke with Reuters on condition of anonymity, said she was worried.", "spoke"),
        ("Voice of America talked with the former minister about his trip.", "talked"),
        ("The student said she agreed with the officials' concerns.", "agreed"),
        ("Tehran has called the abduction allegations baseless.", "abduction"),
        ("An officer pointed his gun at her and called her al-Shabab.", "called"),
        ("The two men have pleaded not guilty.", "pleaded"),
        ("The publisher attended the hearing on Monday.", "attended"),
        ("Poor countries are hosting most of the world's refugees.", "hosting"),
        (
            "In a conversation with journalists posted online, the gang leader said he was innocent.",
            "conversation",
        ),
        ("Officials in Solo killed 300 dogs last month.", "killed"),
        ("The disaster agency said collapsing buildings injured 15 people.", "injured"),
        ("Tropical Cyclone Jude slammed into Malawi this week, officials said.", "slammed"),
        ("The government will fight the spread of the disease.", "fight"),
        ("The report says countries must act faster to meet global warming limits.", "meet"),
        ("The minister said developing countries have growing energy demands.", "demands"),
        ("The health minister urged people to visit the nearest health care facility.", "visit"),
        ("The ministry runs a website called Adventures of Asia.", "called"),
        ("Residents can be deported if they violate immigration law.", "violate"),
        ("The government denied migrants access to lawyers.", "denied"),
        ('"Excluding the Kurds is a clear rejection of our identity," the Kurdish leader said.', "rejection"),
        ("Public interest demands that the office should not remain vacant, the judge said.", "demands"),
        ("Justice Gibson Mandaza requested more time to examine the case.", "requested"),
        ("The health minister urged people to seek medical attention.", "seek"),
        (
            "Opposition leader Bobi Wine launched his campaign early to capture the true sentiment of voters.",
            "capture",
        ),
        ('"The struggle is generational, and it must move beyond politics," Maimane said.', "must move"),
    ],
    ids=[
        "released-data",
        "released-statement",
        "gerund-subject-shelling",
        "gerund-subject-sanctioning",
        "content-of-a-charge",
        "camps-shelter-people",
        "speak-with-one-voice",
        "event-noun-that-names-a-kind",
        "denying-responsibility-is-no-formal-statement",
        "claiming-responsibility-is-no-formal-statement",
        "expressing-a-feeling-is-no-formal-statement",
        "content-of-an-allegation-clause",
        "content-of-a-characterization",
        "asking-a-question-is-no-request",
        "declining-to-answer-is-no-rejection",
        "seizing-an-opportunity-is-no-seizure",
        "speaking-with-a-news-outlet-is-an-interview",
        "a-news-outlet-talking-with-someone-is-an-interview",
        "agreeing-with-an-opinion-is-no-agreement",
        "an-event-noun-inside-a-claim-noun-is-what-is-claimed",
        "calling-someone-something-is-naming-not-phoning",
        "pleading-guilty-or-not-is-no-appeal",
        "attending-a-court-hearing-is-no-meeting",
        "hosting-refugees-is-no-visit",
        "a-conversation-with-journalists-is-an-interview",
        "killing-animals-is-no-assault",
        "a-collapse-that-injures-is-no-assault",
        "a-storm-slamming-into-a-country-is-no-criticism",
        "fighting-a-trend-is-no-fighting",
        "meeting-a-target-is-no-meeting",
        "a-markets-demand-is-no-demand",
        "visiting-a-clinic-is-no-visit",
        "a-name-given-by-a-participle-is-no-phone-call",
        "violating-a-law-is-no-rejection",
        "denying-someone-access-withholds-it",
        "a-rejection-as-a-predicate-noun-describes",
        "an-abstract-subject-makes-no-demand",
        "requesting-more-time-is-no-appeal",
        "seeking-medical-attention-is-no-appeal",
        "capturing-a-sentiment-is-no-seizure",
        "a-quoted-must-on-it-is-no-demand",
    ],
)
def test_triggers_without_an_event_reading(nlp, text, absent):
    assert not [e for e in events_of(nlp, text) if absent in e["text"]], [
        (e["text"], e["type"]) for e in events_of(nlp, text)
    ]


@pytest.mark.parametrize(
    "text, trigger, actors, recipients",
    [
        (
            "Philippine President Rodrigo Duterte met reporters on Friday. Thousands of suspects have died in a "
            "crackdown ordered by Duterte. He has denied condoning killings.",
            "denied",
            ["Rodrigo Duterte"],
            [],
        ),
        (
            "Chinese President Xi Jinping met Brazilian President Lula da Silva in Brasilia. The two leaders held "
            "talks on trade.",
            "talks",  # one happening told twice: the meeting keeps who met whom
            ["Xi Jinping"],
            ["Lula da Silva"],
        ),
        (
            "Chinese Premier Li Qiang met Kazakh President Kassym-Jomart Tokayev. The two sides signed 30 "
            "cooperation documents.",
            "signed",
            ["China", "Kazakhstan"],
            [],
        ),
        (
            "Chinese President Xi Jinping flew to Rio. During Xi's visit to Brazil, the two heads of state "
            "signed new partnership agreements.",
            "signed",
            ["Xi Jinping", "Brazil"],
            [],
        ),
        (
            "Xi and Trong had in-depth exchanges on regional issues. They reached important consensus on trade.",
            "consensus",
            ["Xi", "Trong"],
            [],
        ),
        (
            "The United Nations envoy met with Putin in Moscow and Zelenskiy in Kyiv last week.",
            "met",
            ["United Nations"],
            ["Putin", "Zelenskiy"],
        ),
        ("Beijing urged Washington to lift the tariffs.", "urged", ["China"], ["United States"]),
        (
            "The U.N. Security Council adopted a resolution. The council held closed consultations on Tuesday.",
            "consultations",
            ["United Nations Security Council"],
            [],
        ),
        (
            "A report by U.N. experts accused Rwanda of backing the rebels.",
            "accused",
            ["United Nations"],
            ["Rwanda"],
        ),
        (
            "The Fijian rebels said they will release the prime minister on the weekend.",
            "release",
            ["Fijian rebels"],
            [],
        ),
        ("China has never condemned Russia's invasion of Ukraine.", "invasion", ["Russia"], ["Ukraine"]),
        ("Hong Kong prosecutors opened Jimmy Lai's trial on Monday.", "trial", ["Hong Kong"], ["Jimmy Lai"]),
        (
            "Gang leader Arnel Joseph was arrested and sentenced to six years in prison in 2011.",
            "sentenced",
            [],
            ["Arnel Joseph"],
        ),
        (
            "The Alliance of Democracies held a summit in Copenhagen. The organization urged "
            "democratic nations to impose sanctions on China.",
            "urged",
            ["Alliance of Democracies"],
            ["democratic nations"],
        ),
        (
            "European Union leaders met in Brussels on Monday. The bloc imposed sanctions on Russia.",
            "imposed",
            ["European Union"],
            ["Russia"],
        ),
        (
            "The Baloch Liberation Army attacked a train on Tuesday. Reuters counted 20 bodies at the site. "
            "The group killed 20 soldiers.",
            "killed",
            ["Baloch Liberation Army"],
            ["soldiers"],
        ),
        ("The meeting of G7 foreign ministers opened in Rome on Monday.", "meeting", ["Group of Seven"], []),
        (
            "Xi Jinping and Vladimir Putin discussed Ukraine in Moscow.",
            "discussed",
            ["Xi Jinping", "Vladimir Putin"],
            [],
        ),
        (
            "Officials hinted at easing the sanctions Washington has imposed on Moscow.",
            "imposed",
            ["United States"],
            ["Russia"],
        ),
        (
            "The Supreme Court overturned the conviction of publisher Jose Ruben Zamora on Monday.",
            "overturned",
            ["Supreme Court"],
            ["Jose Ruben Zamora"],
        ),
        (
            "Rebels in northern Mali teamed up with jihadists on Monday.",
            "teamed",
            ["Rebels in northern Mali"],
            ["jihadists"],
        ),
        (
            "A lawsuit filed by the American Civil Liberties Union in February alleged the transfers were illegal.",
            "lawsuit",
            ["American Civil Liberties Union"],
            [],
        ),
        (
            "The Baloch Liberation Army, or BLA, attacked a train on Tuesday. The BLA said it would execute the hostages.",
            "execute",
            ["Baloch Liberation Army"],
            [],
        ),
        (
            '"We condemn the jailbreak and urge the population to remain calm," President Jovenel Moise wrote.',
            "urge",
            ["Jovenel Moise"],
            [],
        ),
        (
            '"We urge the Guatemalan authorities to free Jose Ruben Zamora," they said.',
            "urge",
            [],
            ["Guatemala"],
        ),
    ],
    ids=[
        "pronoun-prefers-previous-sentence-subject-or-its-person",
        "two-leaders-are-the-last-two-people",
        "two-sides-are-their-countries",
        "two-heads-of-state-visitor-and-host",
        "they-plural-antecedent",
        "person-conjoined-to-a-place",
        "capital-stands-for-country",
        "the-council-is-the-last-council",
        "report-by-agent",
        "they-is-the-plural-subject",
        "state-possessor-of-an-attack-is-its-agent",
        "person-possessor-of-a-trial-undergoes-it",
        "conjoined-participle-shares-the-passive-subject",
        "the-organization-is-the-last-organisation-and-plural-nations-a-group",
        "the-bloc-is-the-last-intergovernmental-body",
        "the-group-is-the-armed-group-not-the-news-agency",
        "of-phrase-of-a-meeting-names-who-meets",
        "what-is-discussed-is-no-party",
        "relative-clause-object-is-its-head-noun",
        "of-phrase-of-an-act-object-is-the-party",
        "team-up-with-is-cooperation",
        "participle-light-verb-and-its-agent",
        "acronym-reached-by-a-pronoun-is-spelled-out",
        "we-inside-a-quotation-is-its-speaker",
        "we-of-an-unnamed-speaker-is-nobody",
    ],
)
def test_participant_families(nlp, text, trigger, actors, recipients):
    e = event_on(nlp, text, trigger)
    assert (e["actors"], e["recipients"]) == (actors, recipients)


def test_no_speaker_as_own_recipient(nlp):
    text = (
        "Chinese Foreign Minister Wang Yi held a phone conversation with U.S. Secretary of State "
        "John Kerry, calling on the two sides to manage their differences."
    )
    e = event_on(nlp, text, "calling on")
    assert not set(e["actors"]) & set(e["recipients"]), e


@pytest.mark.parametrize(
    "text, trigger, etype, actors",
    [
        ('Zamora called the ruling "arbitrary" on Monday.', "called", "ACCUSE", ["Zamora"]),
        (
            'Frantz Exantus described the jailbreak as "deplorable."',
            "described",
            "ACCUSE",
            ["Frantz Exantus"],
        ),
        ("The opposition branded the election a sham.", "branded", "ACCUSE", ["opposition"]),
        (
            "Chinese President Xi Jinping called Brazil a good friend and partner.",
            "called",
            "SUPPORT",
            ["Xi Jinping"],
        ),
        ("Tehran has called the abduction allegations baseless.", "called", "REJECT", ["Iran"]),
    ],
    ids=[
        "called-x-a-negative-word-accuses",
        "described-as-a-negative-word-accuses",
        "branded-x-a-sham-accuses",
        "called-x-a-friend-praises-not-a-phone-call",
        "calling-an-allegation-baseless-rejects-it",
    ],
)
def test_characterisations(nlp, text, trigger, etype, actors):
    e = event_on(nlp, text, trigger)
    assert (e["type"], e["actors"]) == (etype, actors)
    assert len(e["mentions"]) == 2  # the verb and the evaluative word


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The ministry described the plan as a framework for talks.", "described"),
        ("Xi called Putin on Friday.", "friend"),
    ],
    ids=["a-neutral-characterisation-is-no-event", "a-call-stays-a-call"],
)
def test_characterisations_need_an_evaluative_word(nlp, text, absent):
    assert not [e for e in events_of(nlp, text) if absent in e["text"] and e["type"] in {"ACCUSE", "SUPPORT"}]


@pytest.mark.parametrize(
    "text, demand",
    [
        ("Lai said China must quit intimidating Taiwan.", True),
        ('"Then you must liberate yourself from the liberators," he said.', False),
        ("The minister said one must wonder about the numbers.", False),
    ],
    ids=[
        "said-a-party-must-is-a-demand-on-it",
        "said-you-must-is-advice",
        "said-one-must-is-a-remark",
    ],
)
def test_a_must_clause_is_a_demand_only_on_a_party(nlp, text, demand):
    found = [e for e in events_of(nlp, text) if e["type"] == "REQUEST" and e["text"] == "said"]
    assert bool(found) == demand, events_of(nlp, text)


def test_a_named_object_the_parser_reads_as_an_adverb_is_the_recipient(nlp):
    e = event_on(nlp, "Kenya hosted Ethiopian Prime Minister Abiy Ahmed.", "hosted")
    assert (e["actors"], e["recipients"]) == (["Kenya"], ["Abiy Ahmed"])


def test_a_reaction_in_words_is_not_dated_by_the_act_it_answers(nlp):
    text = (
        "Authorities arrested the publisher Jose Zamora in 2022. "
        "A United Nations panel called for Zamora's release."
    )
    e = event_on(nlp, text, "called for", "2025-03-13")
    assert e["date"] is None


def test_a_party_told_in_a_quotation_what_it_must_do_is_the_speakers_demand(nlp):
    text = (
        '"Nobody should be held without trial," Amal Haddad of Amnesty International said. '
        '"The government must release these men."'
    )
    e = event_on(nlp, text, "must release")
    assert (e["type"], e["status"], e["actors"]) == ("REQUEST", "occurred", ["Amal Haddad"])
