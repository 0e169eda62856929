"""The trigger lexicon's named classes (``patterns/events_classes.json``): a list field may
name a class as ``@name``, read as its members; an unknown or twice-defined class is an
error naming it."""

from __future__ import annotations

import pytest

from pipeline.events.lexicon import classes, expand, lexicon


def test_a_class_reference_reads_as_its_members():
    row = {"lemma": "lift", "object": ["@economic_sanctions", "quota"]}
    named = {"economic_sanctions": ["sanction", "tariff"]}
    assert expand(row, named)["object"] == ["sanction", "tariff", "quota"]


def test_an_unknown_class_is_an_error_naming_it():
    with pytest.raises(ValueError, match="@no_such_class"):
        expand({"lemma": "lift", "object": ["@no_such_class"]}, {})


def test_a_class_defined_twice_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'detainees'"):
        classes({"nouns": {"detainees": ["prisoner"]}, "verbs": {"detainees": ["hold"]}})


def test_every_class_the_lexicon_names_exists():
    lexicon()  # raises on an unknown class
    named = classes()
    assert all(words and all(isinstance(w, str) for w in words) for words in named.values())


def test_verbs_of_a_family_share_the_class():
    lex = lexicon()
    objects = {
        e.object for lemma in ("impose", "slap", "reimpose") for e in lex.verbs[lemma] if e.type == "SANCTION"
    }
    assert len(objects) == 1
