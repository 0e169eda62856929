"""The dependency parse of one doc read once: children, conjuncts, subtrees and
dominating tokens, without the Token walks spaCy repeats on every access."""

from __future__ import annotations

import functools
from typing import Optional

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.symbols import conj as CONJ
from spacy.tokens import Doc, Token

from pipeline.document.access import doc_text

# relative pronouns: "Gachagua, who was impeached", "the man whom police arrested", "the
# group that attacked the base", "Zamora, whose newspaper was closed"
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
RELATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "poss", "dative"})


def relative_antecedent(token: Token) -> Optional[Token]:
    """The noun a relative pronoun stands for: the head of its relative clause
    ("Gachagua, who was impeached" → Gachagua; "the journalist whom police detained" →
    journalist; "Zamora, whose newspaper was closed" → Zamora); None for any other token
    ("that" opening a complement clause, "which" in a question)."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.dep_ not in RELATIVE_DEPS:
        return None
    clause = token.head
    for _ in range(3):  # "whose newspaper was closed", "to whom he spoke": up to the clause
        if clause.dep_ == "relcl":
            return clause.head if clause.head.i != clause.i else None
        if clause.head.i == clause.i or clause.pos_ in {"VERB", "AUX"}:
            return None
        clause = clause.head
    return None


class Tree:
    """The dependency parse of one doc, each token's children and conjuncts read once:
    spaCy makes new Token objects on every access and ``Token.children`` scans the whole
    range of the token's subtree, so the event code walks the parse through this view
    (same tokens, same order as ``Token.children`` / ``.conjuncts`` / ``.subtree``)."""

    # the token attributes the event code reads as arrays (one ``to_array`` per doc)
    COLUMNS = (LEMMA, LOWER, POS, HEAD, DEP)

    def __init__(self, doc: Doc):
        self.doc = doc
        self._children: dict[int, tuple[Token, ...]] = {}
        self._conjuncts: dict[int, tuple[Token, ...]] = {}

    @functools.cached_property
    def array(self) -> numpy.ndarray:
        return self.doc.to_array(list(self.COLUMNS)).reshape(-1, len(self.COLUMNS))

    def column(self, attr: int) -> numpy.ndarray:
        """Each token's ``attr`` (as uint64: HEAD is an offset)."""
        return self.array[:, self.COLUMNS.index(attr)]

    @functools.cached_property
    def heads(self) -> list[int]:
        """The head of each token, by index."""
        return (self.column(HEAD).astype(numpy.int64) + numpy.arange(len(self.doc))).tolist()

    @functools.cached_property
    def with_conjuncts(self) -> set[int]:
        """The conj tokens and their heads: the others have no conjuncts (no walk needed)."""
        conj = numpy.flatnonzero(self.column(DEP) == CONJ).tolist()
        heads = self.heads
        return set(conj) | {heads[i] for i in conj}

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` of a non-empty span."""
        last = self.doc[end - 1]
        return doc_text(self.doc)[self.doc[start].idx : last.idx + len(last)]

    def above(self, indices) -> set[int]:
        """The tokens that dominate any of the tokens ``indices`` (their proper ancestors):
        ``i in tree.above(...)`` tells without a walk whether token ``i``'s subtree holds one."""
        out: set[int] = set()
        heads = self.heads
        for i in indices:
            tok, head = i, heads[i]
            while head != tok and head not in out:
                out.add(head)
                tok, head = head, heads[head]
        return out

    def children(self, token: Token) -> tuple[Token, ...]:
        kids = self._children.get(token.i)
        if kids is None:
            kids = self._children[token.i] = tuple(token.children)
        return kids

    def conjuncts(self, token: Token) -> tuple[Token, ...]:
        """``Token.conjuncts``: the first conjunct and its chain of right ``conj`` children."""
        if token.i not in self.with_conjuncts:
            return ()
        found = self._conjuncts.get(token.i)
        if found is None:
            start = token
            while start.dep_ == "conj":
                head = start.head
                if head.i == start.i:
                    break
                start = head
            chain = [start]
            for word in chain:  # grows while it is read
                chain += [c for c in self.children(word) if c.i > word.i and c.dep_ == "conj"]
            found = self._conjuncts[token.i] = tuple(w for w in chain if w.i != token.i)
        return found

    def is_possessor(self, token: Token) -> bool:
        """``token`` is its head's possessor: ``poss``, or a word the parser hung another
        way that has the possessive ending ("for the latter's refusal" read as an ``amod``)."""
        if token.dep_ == "poss":
            return True
        return token.dep_ in {"amod", "compound", "nmod"} and any(
            c.dep_ == "case" and c.lower_ in {"'s", "’s", "'", "’"} for c in self.children(token)
        )

    def subtree(self, token: Token) -> list[Token]:
        """``Token.subtree``: the token and its descendants, in document order."""
        out: list[Token] = []
        self._walk(token, out)
        return out

    def _walk(self, token: Token, out: list[Token]) -> None:
        kids = self.children(token)
        i = token.i
        for child in kids:
            if child.i < i:
                self._walk(child, out)
        out.append(token)
        for child in kids:
            if child.i > i:
                self._walk(child, out)
