"""Quotes stay linear on hostile input: work counted, never timed."""

from __future__ import annotations

from work_counting import growth


def test_many_cues_and_speakers_cost_linear_work(nlp):
    # "that Putin said that Putin said ...": each frame was compared with every other
    # one, and each bare name looked up in every person mentioned (quadratic)
    assert growth(nlp, "that Putin said ", 4000, "communique_quotes") < 2.5


def test_many_quotations_with_cues_cost_linear_work(nlp):
    # '"We agree," he said.' repeated: every frame was tried for every quotation
    assert growth(nlp, '"We agree," he said. ', 4000, "communique_quotes") < 2.5


def test_the_frame_index_finds_the_frames_of_the_walk():
    import random

    from pipeline.quotes.cues import Frame
    from pipeline.quotes.frame_index import FrameIndex

    rng = random.Random(7)
    for _ in range(200):
        frames = []
        for k in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            frames.append(Frame(k, k + 1, None, start, start + rng.randint(0, 25)))
        index = FrameIndex(frames)
        lo = rng.randint(0, 70)
        hi = lo + rng.randint(0, 30)
        assert index.overlapping(lo, hi) == [k for k, f in enumerate(frames) if f.start < hi and lo < f.end]
        assert index.within(lo, hi) == [k for k, f in enumerate(frames) if lo <= f.start and f.end <= hi]


def test_full_names_from_the_index_are_those_of_the_walk():
    from pipeline.discourse.article import Discourse, discourse_lexicon
    from pipeline.quotes.speakers import ArticleSpeakers

    persons = ["Wang Yi", "Xi Jinping", "Yi", "Wang Wenbin", "Li Qiang Wang", "Xi", "Mao Ning"]
    indexed = object.__new__(ArticleSpeakers)
    plain = object.__new__(Discourse)
    for d in (indexed, plain):
        d.lex, d.persons = discourse_lexicon(), [(k, k + 1, name) for k, name in enumerate(persons)]
    for name in [
        "Wang",
        "Yi",
        "Xi",
        "Jinping",
        "Ning",
        "Mao",
        "Qiang Wang",
        "Li",
        "Nobody",
        "Wenbin",
        "Wang Yi",
    ]:
        assert indexed.full_name(name) == plain.full_name(name), name
        assert indexed.full_name(name) == plain.full_name(name), name  # remembered
