"""Figures stay linear on hostile input: work counted, never timed."""

from __future__ import annotations

from work_counting import growth


def test_many_numbers_and_names_cost_linear_work(nlp):
    # "5 to 5 to ...": thousands of numbers and of model entities; each number was
    # checked against every name (quadratic)
    assert growth(nlp, "5 to ", 4000, "communique_figures") < 2.5


def test_indexed_ranges_overlap_as_the_plain_walk():
    import random

    from pipeline.document.access import CharRanges, overlaps

    rng = random.Random(5)
    for _ in range(300):
        ranges = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        indexed = CharRanges(ranges)
        assert list(indexed) == ranges
        for start in range(-2, 45):
            for end in (start - 1, start, start + 1, start + 4):
                assert overlaps(start, end, indexed) == overlaps(start, end, list(ranges))


def test_comma_joined_word_numbers_cost_linear_work(nlp):
    # "two million, two million, ...": read as one number after commas, then refused (not
    # well formed); each later "million" must not read the whole run again
    assert growth(nlp, "two million, ", 4000, "communique_figures") < 2.5


def test_space_grouped_digits_cost_linear_work(nlp):
    # "May 1 000 000 ...": digit groups refused after a month, read again strictly
    assert growth(nlp, "May 1 000 000 000 ", 4000, "communique_figures") < 2.5
