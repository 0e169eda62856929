"""Trigger candidates: the finder's verbs and nouns, and the filters that tell an act or
a kind of event ('Shelling camps is a war crime', 'speculation about phone calls') from
an event that happened."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from pipeline.discourse.mentions import Mentions
from pipeline.discourse.tree import Tree
from pipeline.document.access import overlaps
from pipeline.events.lexicon import OBJECT_DEPS, choose_noun
from pipeline.events.vocabulary import Vocabulary

HELD_VERBS = frozenset({"hold", "conduct", "take"})  # "the talks held ...", "the summit that took place"
ARG_PREPS = {"with", "to", "between", "by", "among", "from", "of", "on", "against", "in", "for"}

Nouns = dict[int, tuple[str, int, int]]  # head token -> (lexicon key, start, end)


def candidates(doc: Doc, blocked, tree: Tree, finder, vocab: Vocabulary) -> tuple[list[Token], Nouns]:
    """The verbal triggers (in order) and the nominal ones by head token."""
    verbs, nouns = [], {}
    nominals = vocab.lex.nouns
    for kind, start, end in finder(doc, tree):
        tok = doc[end - 1]
        if blocked and overlaps(doc[start].idx, tok.idx + len(tok), blocked):
            continue
        if not_an_act(tok, tree, vocab):
            continue
        if kind == "VERB":
            # "the besieged town", "ousted President X" (a state), "evacuated the wounded" (people)
            if tok.dep_ != "amod" and not any(c.dep_ == "det" for c in tree.children(tok)):
                verbs.append(tok)
            continue
        if kind == "PHRASE":
            key = " ".join([t.lower_ for t in doc[start : end - 1]] + [tok.lemma_])
        else:
            lemma = tok.lemma_
            key = lemma if lemma in nominals else tok.lower_
        if key not in nominals:
            continue
        old = nouns.get(tok.i)
        if old is None or end - start > old[2] - old[1]:
            nouns[tok.i] = (key, start, end)
    return verbs, nouns  # the finder lists single verbs once each, in order


def not_an_act(tok: Token, tree: Tree, vocab: Vocabulary) -> bool:
    """A generic gerund subject ('Shelling camps is a war crime', 'Sanctioning five men
    will not stop an army'), the content of a charge ('accused Rwanda of backing M23',
    'alleging the moves violate U.S. law', 'the abduction allegations') and a characterization
    ('described as violating regulations') name acts, not events that happened."""
    dep = tok.dep_
    if (
        dep in {"csubj", "csubjpass", "nsubj", "nsubjpass"}
        and tok.tag_ == "VBG"
        and not any(c.dep_ in {"nsubj", "poss"} for c in tree.children(tok))
    ):
        return True
    head = tok.head
    if dep == "compound" and head.lemma_.lower() in vocab.cues["claim_nouns"]:
        return True  # "the abduction allegations": what a claim says, not an event told
    if dep == "ccomp" and head.lemma_ in vocab.cues["allegation_clause_verbs"]:
        return True  # "alleging the moves violate U.S. law"
    if dep == "pcomp" and head.lower_ == "as" and head.head.lemma_ in vocab.cues["characterization_verbs"]:
        return True  # "what the party described as violating regulations"
    if dep not in {"pcomp", "pobj"}:
        return False
    if head.lower_ not in {"of", "for"}:
        return False
    gov = head.head if head.head.dep_ not in OBJECT_DEPS else head.head.head  # "accused Rwanda of"
    return gov.lemma_ in vocab.allegation_verbs


def modifies_a_thing(tok: Token, tree: Tree, vocab: Vocabulary) -> bool:
    """A bare event noun in the of/about phrase of a noun that is no event names a kind
    of event, not one that happened ('the mentality of bloc confrontation', 'speculation
    about phone conversations')."""
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ in {"of", "about"}
        and head.head.pos_ == "NOUN"
        and head.head.lemma_ not in vocab.lex.nouns
        and head.head.lemma_ not in vocab.measure_nouns
        and not any(c.dep_ == "nummod" for c in tree.children(head.head))
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in tree.children(tok))
        and not own_args(tok, tree)
    )


def in_topic_list(tok: Token, nouns: Nouns, tree: Tree) -> bool:
    """A trigger noun listed among three or more things that are not events."""
    head, seen = tok, {tok.i}
    while head.dep_ == "conj" and head.head.i not in seen:  # bounded on any parse
        head = head.head
        seen.add(head.i)
    items = [head, *tree.conjuncts(head)]
    others = [t for t in items if t.i not in nouns and t.pos_ in {"NOUN", "PROPN"}]
    return len(items) >= 3 and len(others) * 2 >= len(items)


def anaphor(tok: Token, tree: Tree, vocab: Vocabulary) -> bool:
    """'during the visit': a definite event noun without arguments refers back."""
    children = tree.children(tok)
    if not any(c.dep_ == "det" and c.lower_ in vocab.cues["anaphoric_determiners"] for c in children):
        return False
    return not any(
        c.dep_ in {"poss", "nummod"}
        or (c.dep_ == "prep" and c.lower_ in ARG_PREPS)
        or (c.dep_ in {"acl", "relcl"} and c.lemma_ in HELD_VERBS)  # "the talks held in Geneva"
        or (c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN")
        for c in children
    )


def complement_noun(verb: Token, hit: Optional[Token], nouns: Nouns, tree: Tree, vocab: Vocabulary):
    """A nominal trigger that a role verb governs: its object ("rejected the proposal"),
    the object of its particle or of to/for/on ("called for talks", "agreed to a truce"),
    and the entry it reads as."""
    cands = [c for c in tree.children(verb) if c.dep_ in OBJECT_DEPS]
    preps = [
        c
        for c in tree.children(verb)
        if c.dep_ in {"prep", "prt"} and c.lower_ in {"to", "for", "on", "upon"}
    ]
    if hit is not None and hit.dep_ == "prep":
        preps.insert(0, hit)
    cands += [p for prep in preps for p in tree.children(prep) if p.dep_ == "pobj"]
    for tok in cands:
        for cand in (tok, *tree.conjuncts(tok)):
            if cand.i not in nouns:
                continue
            key = nouns[cand.i][0]
            entry = choose_noun(key, cand, vocab.lex, tree) or vocab.lex.nouns[key][0]
            return cand, entry
    return None, None


def own_args(tok: Token, tree: Tree) -> bool:
    """The noun has arguments of its own: a possessor or a with/to/between... phrase."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ARG_PREPS - {"in", "for", "on"})
        for c in tree.children(tok)
    )


def own_participants(tok: Token, m: Mentions) -> list[str]:
    """The names in the noun's possessor and its with/to/between... phrases."""
    out = []
    tree = m.tree
    for c in tree.children(tok):
        if c.dep_ == "poss":
            out += m.of_phrase(c)
        elif c.dep_ == "prep" and c.lower_ in ARG_PREPS - {"in", "for", "on", "of"}:
            out += m.of_objects(c)
    return out
