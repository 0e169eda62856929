"""Entities stay linear on hostile input: work counted, never timed."""

from __future__ import annotations

from work_counting import growth


def test_a_long_list_of_names_costs_linear_work(nlp):
    # "Xi Jinping and Xi Jinping and ...": each name found was checked against every
    # entity span (quadratic)
    assert growth(nlp, "Xi Jinping and ", 4000, "communique_entities") < 2.5


def test_token_bounds_find_the_overlaps_of_the_plain_walk():
    import random

    from pipeline.entities.peoplefinder import _TokenBounds

    rng = random.Random(7)
    for _ in range(300):
        plain = [(a, a + rng.randint(0, 4)) for a in (rng.randint(0, 30) for _ in range(rng.randint(0, 8)))]
        bounds = _TokenBounds(list(plain))
        for start in range(0, 32):
            end = start + rng.randint(0, 3)
            want = [k for k, (s, e) in enumerate(plain) if s < end and start < e]
            assert bounds.overlapping(start, end) == want
            if not want:
                plain.append((start, end))
                bounds.append((start, end))
