"""Characterisations: "called the ruling 'arbitrary'", "described the jailbreak as
'deplorable'", "branded the vote a sham" accuse (ACCUSE, CAMEO 111) when their predicate is
a negative word, reject (REJECT, CAMEO 120) when what they call so is a claim ("called the
allegations baseless", ``claim_nouns``), and praise (SUPPORT, CAMEO 051) when it is a positive one
(``evaluative_words`` and ``characterization_verbs`` in ``patterns/events_cameo.json``).
A characterisation with no evaluative word, or with words of both kinds, is no event.

>>> PREDICATE_DEPS >= {"oprd", "xcomp", "ccomp"}
True
"""

from __future__ import annotations

import functools
from typing import NamedTuple, Optional

import numpy
from spacy.attrs import LEMMA
from spacy.strings import hash_string
from spacy.tokens import Token

from pipeline.discourse.tree import Tree

PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
CHARACTERISED_DEPS = frozenset({"dobj", "nsubjpass"})
MAX_PREDICATE = 12  # tokens each side of a predicate's head read for its words


class Characterisation(NamedTuple):
    type: str
    cameo: str
    characterised: Optional[Token]  # what is called so (None where the parse lost it)
    word: Token  # the evaluative word


@functools.lru_cache(maxsize=8)
def word_hashes(words: frozenset) -> numpy.ndarray:
    """The string hashes of ``words``, to test a doc's LEMMA or LOWER column with numpy.isin."""
    return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")


def characterisation_verbs(tree: Tree, cues: dict) -> list[int]:
    """The tokens whose lemma is a characterisation verb, from the parse's lemma column
    (no walk over the tokens in Python)."""
    found = numpy.isin(tree.column(LEMMA), word_hashes(cues["characterization_verbs"]))
    return numpy.flatnonzero(found).tolist()


def characterisation(verb: Token, tree: Tree, cues: dict) -> Optional[Characterisation]:
    """The accusation or praise a characterisation verb makes, if its predicate evaluates."""
    if verb.lemma_.lower() not in cues["characterization_verbs"]:
        return None
    children = tree.children(verb)
    objects = [c for c in children if c.dep_ in CHARACTERISED_DEPS]
    characterised = objects[0] if objects else None
    # "branded the election a sham": a second object is the predicate; "called the ruling
    # 'arbitrary'", parsed with no object, still has its predicate
    predicates = [c for c in children if c.dep_ in PREDICATE_DEPS] + objects[1:]
    for prep in children:  # "described the jailbreak as deplorable"
        if prep.dep_ == "prep" and prep.lower_ == "as":
            predicates += [p for p in tree.children(prep) if p.dep_ in {"pobj", "pcomp", "amod"}]
    if characterised is not None and characterised.dep_ == "dobj":  # the predicate inside the object
        predicates += [
            c for c in tree.children(characterised) if c.dep_ in {"amod", "appos"} and c.i > characterised.i
        ]
    words = {"negative": [], "positive": []}
    lexicon = cues["evaluative_words"]
    doc = verb.doc
    for head in predicates:  # the predicate's words near its head (bounded: no subtree walk)
        lo = max(head.left_edge.i, head.i - MAX_PREDICATE)
        hi = min(head.right_edge.i + 1, head.i + MAX_PREDICATE)
        for tok in doc[lo:hi]:
            for kind in words:
                if tok.lemma_.lower() in lexicon[kind] or tok.lower_ in lexicon[kind]:
                    words[kind].append(tok)
    negative, positive = words["negative"], words["positive"]
    if negative and not positive:
        if characterised is not None and characterised.lemma_.lower() in cues["claim_nouns"]:
            return Characterisation(
                "REJECT", "120", characterised, negative[0]
            )  # "called the allegations baseless"
        return Characterisation("ACCUSE", "111", characterised, negative[0])
    if positive and not negative:
        return Characterisation("SUPPORT", "051", characterised, positive[0])
    return None
