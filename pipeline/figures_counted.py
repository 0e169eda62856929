"""What a figure counts: the noun phrase its number quantifies, found through the parse.

``more than 100,000 freight trains`` → ``freight trains`` (the number modifies the noun);
``100,000 of the trains`` → ``trains`` (across ``of``); ``over 130 talks and meetings
with foreign dignitaries`` → ``talks and meetings`` (conjuncts, no post-modifiers);
``$3 billion in aid`` → ``aid``; ``China doubled its investment`` → ``investment``.
Determiners, possessives and the figure itself are never part of it.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

NOUNS = {"NOUN", "PROPN"}
# how a number (or its currency / percent token) attaches to the noun it counts
MODIFIER_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "dep", "appos"}
LEADING_JUNK_DEPS = {"det", "predet", "poss", "case", "punct", "cc", "prep", "quantmod",
                     "nummod", "advmod", "preconj"}
MAX_GAP = 6  # tokens between the figure and its noun ("2.8 billion Chinese and African people")


def _phrase(doc: Doc, start: int, head: Token) -> Optional[str]:
    """Text from ``start`` to ``head`` without leading determiners, extended to the
    head's noun conjuncts and to a bare ``of`` complement ("heads of state")."""
    while start < head.i and (doc[start].dep_ in LEADING_JUNK_DEPS
                              or doc[start].pos_ in ("DET", "PUNCT", "ADP", "NUM")):
        start += 1
    end = head.i
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ in NOUNS and not any(
                c.dep_ == "nummod" for c in child.children) and child.i - end <= 4:
            end = child.i
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == end + 1:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
            if objs and objs[0].i == child.i + 1 and not list(objs[0].children):
                end = objs[0].i
    if head.pos_ not in NOUNS:
        return None
    return doc[start:end + 1].text


def _of_complement(doc: Doc, span: Span, preps: tuple[str, ...]) -> Optional[str]:
    for tok in span:
        for child in tok.children:
            if child.i >= span.end and child.dep_ == "prep" and child.lower_ in preps:
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
                if objs:
                    return _phrase(doc, child.i + 1, objs[0])
    return None


def counted_for(doc: Doc, span: Span, multiplier: bool = False) -> Optional[str]:
    """The noun phrase the figure in ``span`` quantifies, or None."""
    if multiplier:
        verb = span.root
        for dep in ("dobj", "nsubj", "nsubjpass"):
            for child in verb.children:
                if child.dep_ == dep and child.pos_ in NOUNS:
                    return _phrase(doc, child.left_edge.i, child)
        return None
    for tok in span:
        head = tok.head
        if (head.i >= span.end and head.i - span.end <= MAX_GAP and head.pos_ in NOUNS
                and tok.dep_ in MODIFIER_DEPS):
            return _phrase(doc, span.end, head)
    money = any(t.tag_ == "$" for t in span) or span.root.ent_type_ == "MONEY"
    return _of_complement(doc, span, ("of", "in", "for") if money else ("of",))
