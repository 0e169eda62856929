"""Quotes: direct, mixed and indirect speech, speakers resolved to full names (issue 4).

Each row is one phenomenon in wire-news style; ``expected`` lists
``(kind, text, speaker, cue)`` for every quote in the text, in order (``...`` as cue means
"not checked").
"""

from __future__ import annotations

import pytest
from helpers import run

from pipeline.document.access import results

DIRECT = [
    (
        '"China and Russia will always be good neighbors," Wang Yi said on Tuesday.',
        [("direct", "China and Russia will always be good neighbors,", "Wang Yi", "said")],
    ),
    (
        "“We are ready to work with all parties,” said Russian President Vladimir Putin.",
        [("direct", "We are ready to work with all parties,", "Vladimir Putin", "said")],
    ),
    (
        'Chinese Foreign Minister Wang Yi met Sergei Lavrov on Monday. "The door to dialogue '
        'remains open," he said.',
        [("direct", "The door to dialogue remains open,", "Wang Yi", "said")],
    ),
    (
        'U.S. President Joe Biden said: "America is back, and we are ready to lead."',
        [("direct", "America is back, and we are ready to lead.", "Joe Biden", "said")],
    ),
    (
        "“We will not allow anyone to interfere in our internal affairs,” Foreign Ministry "
        "spokesperson Mao Ning told a regular press briefing on Monday.",
        [("direct", "We will not allow anyone to interfere in our internal affairs,", "Mao Ning", "told")],
    ),
    (
        "EU foreign policy chief Josep Borrell noted, “We cannot accept this.”",
        [("direct", "We cannot accept this.", "Josep Borrell", "noted")],
    ),
    (
        "“Is this the partnership you promised?” asked Brazilian President Luiz Inacio Lula da Silva.",
        [("direct", "Is this the partnership you promised?", "Luiz Inacio Lula da Silva", "asked")],
    ),
    (
        "“The ‘Global Development Initiative’ is open to all,” said Chinese Premier Li Qiang.",
        [("direct", "The ‘Global Development Initiative’ is open to all,", "Li Qiang", "said")],
    ),
    (
        "“We must act now. The window for diplomacy is closing,” Indian Prime Minister Narendra "
        "Modi told the summit.",
        [("direct", "We must act now. The window for diplomacy is closing,", "Narendra Modi", "told")],
    ),
    (
        "Kenyan President William Ruto arrived in Beijing on Sunday.\n\n“Africa is not a "
        "battleground for others’ rivalries,” Ruto told reporters.",
        [("direct", "Africa is not a battleground for others’ rivalries,", "William Ruto", "told")],
    ),
]

MULTI_PARAGRAPH = [
    (
        "Australian Prime Minister Anthony Albanese spoke in Beijing on Monday.\n\n"
        "“This is an important visit,” Albanese told reporters. “We will cooperate where we can "
        "and disagree where we must.\n\n“Engagement is in our national interest.”\n\n"
        "Trade between the two countries rose 5 percent last year.",
        [
            ("direct", "This is an important visit,", "Anthony Albanese", "told"),
            (
                "direct",
                "We will cooperate where we can and disagree where we must.\n\n“Engagement is in "
                "our national interest.",
                "Anthony Albanese",
                None,
            ),
        ],
    ),
    (
        'Foreign Minister Penny Wong spoke in Canberra. She said: "We have a plan.\n\n"We will '
        'implement it step by step," she added.',
        [("direct", 'We have a plan.\n\n"We will implement it step by step,', "Penny Wong", "said")],
    ),
]

MIXED = [
    (
        "Russian Foreign Minister Sergei Lavrov told reporters in Moscow that the West was "
        '"playing with fire" by supplying weapons to Kyiv.',
        [("mixed", 'the West was "playing with fire" by supplying weapons to Kyiv', "Sergei Lavrov", "told")],
    ),
    (
        "Chinese President Xi Jinping stressed that at this critical moment, “we must stand on the "
        "right side of history.”",
        [
            (
                "mixed",
                "at this critical moment, “we must stand on the right side of history.",
                "Xi Jinping",
                "stressed",
            )
        ],
    ),
    (
        "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday. He told reporters "
        "that Washington wanted “stable and predictable” ties with China.",
        [("mixed", "Washington wanted “stable and predictable” ties with China", "Antony Blinken", "told")],
    ),
]

INDIRECT = [
    (
        "German Chancellor Olaf Scholz warned that the conflict could spread to other countries in "
        "the region.",
        [("indirect", "the conflict could spread to other countries in the region", "Olaf Scholz", "warned")],
    ),
    (
        "Trade is the ballast of bilateral ties, Chinese Premier Li Qiang said during his talks with "
        "Australian Prime Minister Anthony Albanese.",
        [("indirect", "Trade is the ballast of bilateral ties", "Li Qiang", "said")],
    ),
    (
        "Just as Li noted, China is ready to share its market with the world.",
        [("indirect", "China is ready to share its market with the world", "Li", "noted")],
    ),
    (
        "According to the Foreign Ministry, the talks will resume next week in Geneva.",
        [("indirect", "the talks will resume next week in Geneva", "...", "According to")],
    ),
    (
        "United Nations Secretary-General Antonio Guterres called for an immediate ceasefire in Gaza.",
        [("indirect", "an immediate ceasefire in Gaza", "Antonio Guterres", "called for")],
    ),
    (
        "Japanese Prime Minister Fumio Kishida urged North Korea to refrain from further provocations.",
        [("indirect", "North Korea to refrain from further provocations", "Fumio Kishida", "urged")],
    ),
    (
        "Guterres expressed the hope that all parties would return to the negotiating table.",
        [("indirect", "all parties would return to the negotiating table", "Guterres", "expressed")],
    ),
    (
        "Turkish President Recep Tayyip Erdogan told his Finnish counterpart that Ankara would "
        "approve the bid.",
        [("indirect", "Ankara would approve the bid", "Recep Tayyip Erdogan", "told")],
    ),
    (
        "Zelensky said Ukraine needed more air defense systems, adding that Russia had launched over "
        "100 missiles overnight.",
        [
            ("indirect", "Ukraine needed more air defense systems", "Zelensky", "said"),
            ("indirect", "Russia had launched over 100 missiles overnight", "Zelensky", "adding"),
        ],
    ),
    (
        "The Kremlin said in a statement that the two leaders had discussed the situation in Ukraine.",
        [("indirect", "the two leaders had discussed the situation in Ukraine", "Kremlin", "said")],
    ),
    (
        "Iran's Foreign Ministry spokesman Nasser Kanaani on Monday condemned the strike and "
        "warned that Tehran would respond.",
        [("indirect", "Tehran would respond", "Nasser Kanaani", "warned")],
    ),
    (
        "Pakistani Prime Minister Shehbaz Sharif noted, the corridor has created thousands of jobs.",
        [("indirect", "the corridor has created thousands of jobs", "Shehbaz Sharif", "noted")],
    ),
    (
        "The economy, Chinese Premier Li Qiang said in his report, faces many challenges.",
        [
            (
                "indirect",
                "The economy, Chinese Premier Li Qiang said in his report, faces many challenges",
                "Li Qiang",
                "said",
            )
        ],
    ),
    ("Sources told Reuters that the deal was close.", [("indirect", "the deal was close", None, "told")]),
]

SPEAKERS = [
    (
        "French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris. The "
        "French president said the two countries would deepen defense cooperation.",
        [("indirect", "the two countries would deepen defense cooperation", "Emmanuel Macron", "said")],
    ),
    (
        "Malaysia’s King Sultan Ibrahim received Chinese Premier Li Qiang on Wednesday. Malaysia’s "
        "King said that the two nations shared a long history of friendship.",
        [("indirect", "the two nations shared a long history of friendship", "Sultan Ibrahim", "said")],
    ),
    (
        "Xi Jinping held talks with Vladimir Putin in Moscow. The two leaders agreed that bilateral "
        "trade should be expanded further.",
        [
            (
                "indirect",
                "bilateral trade should be expanded further",
                "Xi Jinping and Vladimir Putin",
                "agreed",
            )
        ],
    ),
    (
        "Indonesian Foreign Minister Retno Marsudi met Wang Yi in Jakarta. She said that Indonesia "
        "would host the summit.",
        [("indirect", "Indonesia would host the summit", "Retno Marsudi", "said")],
    ),
    (
        "Prime Minister Narendra Modi and President Joe Biden said in a joint statement that they "
        "would deepen cooperation on critical technologies.",
        [
            (
                "indirect",
                "they would deepen cooperation on critical technologies",
                "Narendra Modi and Joe Biden",
                "said",
            )
        ],
    ),
    (
        "Chinese President Xi Jinping met U.S. President Joe Biden in Lima. President Xi said that "
        "China and the United States should be partners.",
        [("indirect", "China and the United States should be partners", "Xi Jinping", "said")],
    ),
    (
        "The decision was welcomed by the African Union. Under the deal, China said it would "
        "open its market to 33 African countries.",
        [("indirect", "it would open its market to 33 African countries", "China", "said")],
    ),
    (
        "The agreement was announced by the Chinese Foreign Ministry on Friday. The ministry said "
        "that the talks had been candid.",
        [("indirect", "the talks had been candid", "...", "said")],
    ),
    (
        "Sheikh Mohammed bin Abdulrahman Al Thani met Antony Blinken in Doha. Blinken's statement "
        "said that a ceasefire was within reach.",
        [("indirect", "a ceasefire was within reach", "Antony Blinken", "said")],
    ),
    (
        "Vietnamese Deputy Foreign Minister Do Hung Viet met Chinese diplomats in Hanoi. The Chinese "
        "side said it was willing to work with Vietnam to manage differences.",
        [("indirect", "it was willing to work with Vietnam to manage differences", "China", "said")],
    ),
    (
        'Taiwan leader Lai Ching-te said the island would "neither bow to pressure nor act rashly," '
        "according to his office.",
        [("mixed", 'the island would "neither bow to pressure nor act rashly,', "Lai Ching-te", "said")],
    ),
    (
        "President Joe Biden called German Chancellor Olaf Scholz on Monday. The two leaders agreed "
        "that sanctions should remain in place, according to a White House readout.",
        [("indirect", "sanctions should remain in place", "Joe Biden and Olaf Scholz", "agreed")],
    ),
]

NOT_SPEECH = [
    ("The two sides signed a “comprehensive strategic partnership” agreement.", []),
    ('The event, dubbed "Peace Summit 2024", drew leaders from 90 countries.', []),
    ("Xi made plans to usher in a “golden 30 years” of bilateral relations with Kazakhstan.", []),
    ("The 31st APEC Economic Leaders’ Meeting in Lima drew leaders from 21 economies.", []),
    ("China’s exports rose 7 percent, customs data showed on Monday.", []),
    ("The plan calls for new investment in railways and ports.", []),
    ("It is said that the bridge was built in the Ming Dynasty.", []),
    ("Xi delivered a speech at the ‘BRICS Plus’ leaders’ dialogue in Kazan.", []),
    ("The agreement stated the terms of the ceasefire.", []),
    ("He added 10 new members to the committee.", []),
    ("The ministry noted the progress made in the talks.", []),
    ("The president said nothing about the tariffs.", []),
    ("President Joe Biden called German Chancellor Olaf Scholz on Monday.", []),
]

# Families found on held-out wire news (own sentences, one row per family).
ROLE_SPEAKERS = [
    (
        '"The council stands united," said the Council President for the month of March, '
        "Ambassador Pedro Comissario of Mozambique, after the vote.",
        [("direct", "The council stands united,", "Pedro Comissario", "said")],
    ),
    (
        "The WHO chief praised on Monday the progress made by member states, while also warning "
        'that the pandemic was "not over yet." "We must stay vigilant," Director-General Tedros '
        "Adhanom Ghebreyesus said at a briefing.",
        [
            ("mixed", 'the pandemic was "not over yet.', "Tedros Adhanom Ghebreyesus", "warning"),
            ("direct", "We must stay vigilant,", "Tedros Adhanom Ghebreyesus", "said"),
        ],
    ),
    (
        "Modi's spokesman said on Tuesday that the prime minister would travel to Moscow next month.",
        [("indirect", "the prime minister would travel to Moscow next month", None, "said")],
    ),
    (
        "White House spokesman John Kirby spoke on Monday. Reuters quoted another White House "
        'spokesman as saying that the president "has full confidence" in the envoy.',
        # not Kirby; an unnamed spokesman speaks for the organisation (issue 15)
        [("mixed", 'the president "has full confidence" in the envoy', "White House", "saying")],
    ),
    (
        "The Interior Ministry announced new visa rules on Friday, the ministry said in a statement. "
        "The rules will take effect in March, the statement said.",
        [
            (
                "indirect",
                "The Interior Ministry announced new visa rules on Friday",
                "Interior Ministry",
                "said",
            ),
            ("indirect", "The rules will take effect in March", "Interior Ministry", "said"),
        ],
    ),
    (
        "The new rules were outlined in a notice released on Monday by the European Commission. "
        '"Member states must comply by June," the communication continued.',
        [("direct", "Member states must comply by June,", "European Commission", "continued")],
    ),
    (
        "The British broadcaster BBC reported on Monday that talks had stalled. The broadcaster said "
        "the deal could still be saved.",
        [
            ("indirect", "talks had stalled", "BBC", "reported"),
            ("indirect", "the deal could still be saved", "BBC", "said"),
        ],
    ),
]

IT_AND_NOMINAL_SPEAKERS = [
    (
        '"The measures are illegal," the Foreign Ministry said. Washington and Brussels had '
        'coordinated the sanctions for weeks, "in violation of international law," it added.',
        [
            ("direct", "The measures are illegal,", "...", "said"),
            (
                "mixed",
                'Washington and Brussels had coordinated the sanctions for weeks, "in violation of '
                "international law,",
                "...",
                "added",
            ),
        ],
    ),
    (
        "Brazil's largest meatpacker said it had signed a deal to export pork to Vietnam.",
        [("indirect", "it had signed a deal to export pork to Vietnam", None, "said")],
    ),
    (
        "The shipping company said it would reroute vessels around the Cape of Good Hope.",
        [("indirect", "it would reroute vessels around the Cape of Good Hope", None, "said")],
    ),
    (
        'Reuters quoted a senior diplomat as saying that the talks were "in a critical phase."',
        [("mixed", 'the talks were "in a critical phase.', None, "saying")],
    ),
    (
        'In a written reply to Reuters, a spokeswoman for the ministry said that "We do not comment '
        'on ongoing negotiations."',
        [("direct", "We do not comment on ongoing negotiations.", None, "said")],
    ),
    (
        '"The ceasefire must hold," Guterres said in a statement.\n\n"For the first time, all '
        'parties have agreed to talk".',
        [
            ("direct", "The ceasefire must hold,", "Guterres", "said"),
            ("direct", "For the first time, all parties have agreed to talk", "Guterres", None),
        ],
    ),
    (
        '"We remain committed to the agreement," Lavrov told reporters, "but our patience is not endless."',
        [
            ("direct", "We remain committed to the agreement,", "Lavrov", "told"),
            ("direct", "but our patience is not endless.", "Lavrov", "told"),
        ],
    ),
    (
        'China\'s state broadcaster CCTV said Xi urged Moscow to "exercise restraint" in the region.',
        [
            ("mixed", 'Xi urged Moscow to "exercise restraint" in the region', "...", "said"),
            ("mixed", 'Moscow to "exercise restraint" in the region', "Xi", "urged"),
        ],
    ),
]

COMMITMENTS_NOT_SPEECH = [
    (
        "Kenyan President William Ruto invited Vietnamese Prime Minister Pham Minh Chinh to visit "
        "Nairobi next year.",
        [],
    ),
    ("Ruto vowed joint efforts with Hanoi to expand trade and investment.", []),
    ("The two leaders pledged to push forward cooperation in agriculture and energy.", []),
    (
        "Wang held talks with his Indian counterpart on Monday, calling on the two sides to properly "
        "manage their differences.",
        [],
    ),
    (
        "The ministry on Sunday denied a newspaper report that suggested that the minister was about "
        "to resign.",
        [],
    ),
    ("Leaders adopted the Nairobi Declaration, which calls for more investment in green energy.", []),
    ("A report by U.N. experts accused the militia of recruiting children, a charge the group denies.", []),
]

ROWS = (
    DIRECT
    + MULTI_PARAGRAPH
    + MIXED
    + INDIRECT
    + SPEAKERS
    + NOT_SPEECH
    + ROLE_SPEAKERS
    + IT_AND_NOMINAL_SPEAKERS
    + COMMITMENTS_NOT_SPEECH
)
IDS = (
    [
        "after-said-name",
        "said-inversion",
        "pronoun-he",
        "colon-before",
        "told-role-name",
        "noted-comma",
        "question-asked",
        "single-inside-double",
        "two-sentences",
        "apostrophe-inside",
    ]
    + ["paragraph-continuation", "straight-marks-over-paragraphs-cue-inside"]
    + ["mixed-straight-marks", "mixed-curly-fragment-at-end", "mixed-told-pronoun"]
    + [
        "warned-that",
        "content-first-said-during",
        "just-as-noted",
        "according-to",
        "called-for",
        "urged-to",
        "expressed-the-hope",
        "told-y-that",
        "adding-that-second-frame",
        "organisation-statement",
        "conjoined-verbs-warned",
        "noted-comma-clause",
        "parenthetical-cue-mid-sentence",
        "anonymous-sources",
    ]
    + [
        "role-the-french-president",
        "role-possessive-king",
        "group-two-leaders",
        "pronoun-she",
        "conjoined-titled-speakers",
        "title-plus-surname",
        "country-speaker",
        "institution-the-ministry",
        "document-possessor",
        "country-side",
        "according-to-after-inner-cue",
        "group-without-according-phrase",
    ]
    + [
        "term-in-marks",
        "name-in-marks",
        "slogan-in-marks",
        "apostrophe-plural-possessive",
        "no-cue-data-showed",
        "non-speaker-subject",
        "passive-without-agent",
        "single-mark-term",
        "stated-with-object",
        "added-with-object",
        "noted-with-object",
        "said-nothing",
        "called-someone-on-a-day",
    ]
    + [
        "split-apposition-names-the-role",
        "role-chief-resolves-forward",
        "possessed-spokesman-unnamed",
        "another-spokesman-is-not-the-named-one",
        "the-statement-issuer",
        "the-communication-continued",
        "the-broadcaster-described-earlier",
    ]
    + [
        "it-added-continues-last-organisation",
        "any-noun-phrase-says",
        "company-said-it-would",
        "quoted-x-as-saying",
        "fronted-phrase-stranded-subject",
        "continuation-paragraph-mark-before-stop",
        "split-quote-two-records-one-cue",
        "nested-named-speaker",
    ]
    + [
        "invited-to-visit",
        "vowed-joint-efforts",
        "pledged-to-push-forward",
        "participle-calling-on",
        "report-that-suggested",
        "declaration-which-calls-for",
        "a-charge-x-denies",
    ]
)


@pytest.mark.parametrize("text, expected", ROWS, ids=IDS)
def test_quotes(nlp, text, expected):
    doc = run(nlp, text, "2025-01-01")
    got = results(doc, "quotes")
    assert [(q["kind"], q["text"]) for q in got] == [(k, t) for k, t, _, _ in expected]
    for q, (_, _, speaker, cue) in zip(got, expected):
        if speaker != "...":
            assert q["speaker"] == speaker
        if cue != "...":
            assert q["cue"] == cue
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker_text"] is not None:
            assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker_text"]
        if q["cue"] is not None:
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
