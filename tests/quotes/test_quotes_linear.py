"""Quotes stay linear on hostile input: work counted, never timed."""

from __future__ import annotations

from work_counting import growth


def test_many_cues_and_speakers_cost_linear_work(nlp):
    # "that Putin said that Putin said ...": each frame was compared with every other
    # one, and each bare name looked up in every person mentioned (quadratic)
    assert growth(nlp, "that Putin said ", 4000, "communique_quotes") < 2.5


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
