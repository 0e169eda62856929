"""Quotation-mark pairing (rule-only, no model): apostrophes, nesting, paragraphs, balance."""

from __future__ import annotations

import pytest

from pipeline.quotes.marks import pair_quotes


@pytest.mark.parametrize(
    "text, contents, n_warnings",
    [
        ("“We are ready,” he said.", ["We are ready,"], 0),
        ('"We are ready," he said.', ["We are ready,"], 0),
        ("China’s Leaders’ Meeting and the ‘BRICS Plus’ dialogue", ["BRICS Plus"], 0),
        ("It's the leaders' view that “cooperation isn't optional.”", ["cooperation isn't optional."], 0),
        ("“The ‘Global South’ matters,” she said.", ["The ‘Global South’ matters,"], 0),
        (
            "“First paragraph goes on.\n\n“Second paragraph ends,” he said.",
            ["First paragraph goes on.\n\n“Second paragraph ends,"],
            0,
        ),
        (
            "“Unclosed quote runs on.\n\nNew paragraph without a mark. “Closed one,” he said.",
            ["Unclosed quote runs on.", "Closed one,"],  # no quotation is lost (issue 15)
            1,
        ),
        ("He said “one and “two” then.", ["two"], 1),
        ("A stray ” closing mark, then “a real quote” here.", ["a real quote"], 1),
        ('She called it "historic" and "long overdue".', ["historic", "long overdue"], 0),
        ("« Nous sommes prêts », a-t-il dit.", [" Nous sommes prêts "], 0),
        ("", [], 0),
        (
            '"Prison breaks are a sign of collapse," Levin tweeted. "His rule is costing Haitians '
            "their lives. What's next? Police said the search goes on.",
            ["Prison breaks are a sign of collapse,", "His rule is costing Haitians their lives."],
            1,
        ),
        (
            "He called it the so-called “\n\n“We are ready,” he said.",
            ["We are ready,"],
            1,
        ),
        (
            "He said “the talks with Gen. Smith went well. Both sides agreed.\n\nTrade rose.",
            ["the talks with Gen. Smith went well."],
            1,
        ),
        (
            "“The first paragraph goes on.” he said. “It runs on. “Then another paragraph,” he added.",
            ["The first paragraph goes on.", "It runs on.", "Then another paragraph,"],
            1,
        ),
    ],
    ids=[
        "curly",
        "straight",
        "apostrophes-never-pair",
        "apostrophes-inside-quote",
        "single-inside-double",
        "multi-paragraph",
        "unclosed-at-paragraph-end",
        "unclosed-before-new-opening",
        "stray-closing",
        "two-straight-pairs",
        "guillemets",
        "empty",
        "lone-mark-runs-to-its-sentence-end",
        "mark-at-paragraph-end-opens-nothing",
        "lone-mark-sentence-end-skips-abbreviations",
        "paragraphs-joined-in-one-line",
    ],
)
def test_pairing(text, contents, n_warnings):
    pairs, warnings = pair_quotes(text)
    assert [text[p.start : p.end] for p in pairs] == contents
    assert len(warnings) == n_warnings
