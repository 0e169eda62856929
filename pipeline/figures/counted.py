"""What a figure counts: the noun phrase its number quantifies, found through the parse.

``more than 100,000 freight trains`` → ``freight trains`` (the number modifies the noun);
``100,000 of the trains`` → ``trains`` (across ``of``); ``over 130 talks and meetings
with foreign dignitaries`` → ``talks and meetings`` (conjuncts, no post-modifiers);
``29 heads of state and government leaders`` (a bare ``of`` complement and its
conjuncts); ``20 memorandums of understanding on trade`` → ``memorandums of
understanding`` (a fixed multiword noun of ``fixed_multiword_nouns``, kept whole however
the parse hangs what follows); ``a dozen agreements and dozens of memorandums`` →
``agreements`` (a conjunct with its own number is another figure's).

Money, percentages and figures with no noun of their own count what the amount
*measures* (the convention is in ``patterns/figures_lexicon.json``, ``_conventions``):
``a 9 billion-dollar business deal`` → ``business deal``; ``a 5 percent rise in
exports`` → ``exports``; ``$3 billion in aid`` → ``aid``; ``5 percent of GDP`` → ``GDP``;
``China's trade surplus widened by 12.2 percent`` → ``trade surplus`` (the subject of a
change or copular verb); ``China doubled its investment`` → ``investment``.
Determiners, possessives and the figure itself are never part of it.
"""

from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Doc, Span, Token

from pipeline.figures.grammar import number_lexicon

NOUNS = {"NOUN", "PROPN"}
# how a number (or its currency / percent token) attaches to the noun it counts
MODIFIER_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "dep", "appos"}
LEADING_JUNK_DEPS = {
    "det",
    "predet",
    "poss",
    "case",
    "punct",
    "cc",
    "prep",
    "quantmod",
    "nummod",
    "advmod",
    "preconj",
}
MAX_GAP = 6  # tokens between the figure and its noun ("2.8 billion Chinese and African people")
# a bare "of" complement of at most this many tokens belongs to the noun ("heads of state")
MAX_OF_COMPLEMENT = 4
OF_COMPLEMENT_POS = {"NOUN", "PROPN", "ADJ", "CCONJ"}
# how an amount hangs on the verb whose subject it measures ("rose 5 percent", "was $3bn")
MEASURE_DEPS = {"npadvmod", "dobj", "attr", "advmod", "oprd", "acomp"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset]:
    lex = number_lexicon()
    numbers = (
        set(lex["units"])
        | set(lex["tens"])
        | set(lex["magnitudes"])
        | set(lex["vague"])
        | set(lex["fractions"])
        | set(lex["collectives"])
    )
    return {
        "measure": frozenset(lex["measure_verbs"]),
        "with_object": frozenset(lex["measure_verbs_with_object"]),
        "change": frozenset(lex["change_nouns"]),
        "amount": frozenset(lex["amount_nouns"]),
        "time": frozenset(lex["time_units"]),
        "transitive": frozenset(lex["transitive_change_verbs"]),
        "votes": frozenset(lex["vote_positions"]),
        "numbers": frozenset(numbers),
    }


@functools.lru_cache(maxsize=1)
def _fixed_nouns() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The fixed multiword nouns ("memorandums of understanding") by their first word,
    the rest of each as words, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in number_lexicon()["fixed_multiword_nouns"]:
        first, *rest = phrase.lower().split()
        table.setdefault(first, []).append(tuple(rest))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def _fixed_end(doc: Doc, head: Token) -> int:
    """The last token of the fixed multiword noun ``head`` starts ("weapons of mass
    destruction"), or ``head.i`` when it starts none."""
    for rest in _fixed_nouns().get(head.lower_, ()):
        end = head.i + len(rest)
        if end < len(doc) and all(doc[head.i + 1 + k].lower_ == w for k, w in enumerate(rest)):
            return end
    return head.i


def _is_number(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ in _words()["numbers"]


def _has_own_number(tok: Token) -> bool:
    return _is_number(tok) or any(c.dep_ in ("nummod", "quantmod") for c in tok.children)


def _bare_of(doc: Doc, prep: Token, end: int) -> Optional[int]:
    """End of a bare ``of`` complement right after ``end`` ("heads of state and government
    leaders"): nouns and adjectives only, no determiner, no number."""
    if prep.i != end + 1:
        return None
    objs = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
    if not objs:
        return None
    obj = objs[0]
    last = obj.right_edge.i
    if obj.left_edge.i != prep.i + 1 or last - prep.i > MAX_OF_COMPLEMENT:
        return None
    if any(t.pos_ not in OF_COMPLEMENT_POS or _is_number(t) for t in doc[prep.i + 1 : last + 1]):
        return None
    return last if doc[last].pos_ in NOUNS else None


def _phrase(doc: Doc, start: int, head: Token) -> Optional[str]:
    """Text from ``start`` to ``head`` without leading determiners, extended to the
    fixed multiword noun the head starts ("weapons of mass destruction"), to the head's
    noun conjuncts and to a bare ``of`` complement ("heads of state")."""
    while start < head.i and (
        doc[start].dep_ in LEADING_JUNK_DEPS or doc[start].pos_ in ("DET", "PUNCT", "ADP", "NUM")
    ):
        if not doc[start].whitespace_ and doc[start + 1].text == "-" and doc[start].is_alpha:
            break  # "Two-way trade"
        start += 1
    end = _fixed_end(doc, head)  # "memorandums of understanding"
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ in NOUNS and end < child.i <= end + 4:
            if _has_own_number(child) or any(_is_number(t) for t in doc[end + 1 : child.i]):
                break  # "a dozen agreements and dozens of memorandums"
            end = child.i
        elif child.dep_ == "prep" and child.lower_ == "of":
            last = _bare_of(doc, child, head.i)
            if last is not None:
                end = max(end, last)
    if head.pos_ not in NOUNS:
        return None
    return doc[start : end + 1].text


def _of_complement(doc: Doc, span: Span, preps: tuple[str, ...]) -> Optional[str]:
    for tok in span:
        for child in tok.children:
            if child.i >= span.end and child.dep_ == "prep" and child.lower_ in preps:
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
                if objs:
                    return _phrase(doc, child.i + 1, objs[0])
    return None


def _complement_of_noun(doc: Doc, noun: Token, preps=("in", "of")) -> Optional[str]:
    """ "a rise in exports", not "a rise in the third quarter"."""
    time = _words()["time"]
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [
                c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS and c.lower_ not in time
            ]
            if objs:
                return _phrase(doc, child.i + 1, objs[0])
    return None


def _noun_measured(doc: Doc, noun: Token, span: Span) -> Optional[str]:
    """What a noun an amount hangs on stands for: a change noun stands for its complement
    ("a 5 percent rise in exports"), a number word or an amount noun for its ``of``
    complement ("half of the aid", "a total of"), any other noun for itself."""
    low = noun.lemma_.lower()
    if low in _words()["change"]:
        return _complement_of_noun(doc, noun) or _measured(doc, noun, span)
    if _is_number(noun) or low in _words()["amount"]:
        return _complement_of_noun(doc, noun, ("of",)) or _measured(doc, noun, span)
    return _phrase(doc, noun.left_edge.i if noun.i < span.start else span.end, noun)


def _subject(verb: Token) -> Optional[Token]:
    """The subject of ``verb``, or of the verb it is a conjunct or complement of
    ("is expected to grow", "rose and reached")."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _measured(doc: Doc, tok: Token, span: Span, kind: Optional[str] = None) -> Optional[str]:
    """The subject of the change or copular verb the amount ``tok`` hangs on (a percentage
    as object is a misparsed measure: "is expected to grow 4 percent")."""
    words = _words()
    head, dep = tok.head, tok.dep_
    if head.i == tok.i:
        return None
    if dep == "appos" and head.pos_ in NOUNS:
        return _noun_measured(doc, head, span)
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        gov = head.head
        if gov.pos_ in NOUNS and head.lower_ == "of" and gov.i < tok.i:
            return _noun_measured(doc, gov, span)  # "a budget of $3 billion"
        verb = gov
    elif dep in MEASURE_DEPS or dep in ("npadvmod", "nummod", "amod"):
        verb = head
        if verb.lower_ == "worth":  # "was worth $690 billion"
            if verb.dep_ == "amod" and verb.head.pos_ in NOUNS:
                return _noun_measured(doc, verb.head, span)  # "a deal worth $3 billion"
            verb = verb.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if dep == "pobj" and lemma in words["transitive"]:  # "raised the wage by 10 percent"
        for child in verb.children:
            if child.dep_ == "dobj" and child.pos_ in NOUNS and not _is_number(child):
                return _phrase(doc, child.left_edge.i, child)
    if lemma not in words["measure"] or (
        dep == "dobj" and kind != "percent" and lemma not in words["with_object"]
    ):
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ not in NOUNS:
        return None  # "it rose", "they pledged"
    if _is_number(subject) or subject.lemma_.lower() in words["amount"]:
        return _complement_of_noun(doc, subject, ("of",))  # "the total rose to ..."
    return _phrase(doc, subject.left_edge.i, subject)


def counted_for(doc: Doc, span: Span, multiplier: bool = False, kind: Optional[str] = None) -> Optional[str]:
    """The noun phrase the figure in ``span`` quantifies or measures, or None."""
    if multiplier:
        verb = span.root
        for dep in ("dobj", "nsubj", "nsubjpass"):
            for child in verb.children:
                if child.dep_ == dep and child.pos_ in NOUNS:
                    return _phrase(doc, child.left_edge.i, child)
        return None
    money = (
        kind == "money"
        or kind is None
        and (any(t.tag_ == "$" for t in span) or span.root.ent_type_ == "MONEY")
    )
    anchor = span.root
    for tok in span:
        head = tok.head
        if head.i >= span.end and head.lower_ in _words()["time"]:
            anchor = head  # "jumped 8.5 percent year on year"
            continue
        if (
            head.i >= span.end
            and head.i - span.end <= MAX_GAP
            and head.pos_ in NOUNS
            and tok.dep_ in MODIFIER_DEPS
        ):
            if head.lemma_.lower() in _words()["change"]:  # "a 5 percent rise in exports"
                return _noun_measured(doc, head, span)
            return _phrase(doc, span.end, head)
    if kind == "count" and span.end + 1 < len(doc):  # "adopted by 13 in favour, 2 against"
        nxt = doc[span.end]
        pair = f"{nxt.lower_} {doc[span.end + 1].lower_}"
        if (
            pair in _words()["votes"]
            or nxt.lower_ in _words()["votes"]
            and not (doc[span.end + 1].pos_ in NOUNS or doc[span.end + 1].like_num)
        ):
            return doc[span.end : span.end + (2 if pair in _words()["votes"] else 1)].text
    found = _of_complement(doc, span, ("of", "in", "for") if money else ("of",))
    if found is None and money and span.end < len(doc):
        nxt = doc[span.end]  # "offered $50 million for"
        if nxt.lower_ in ("for", "in") and nxt.dep_ == "prep":
            words = _words()
            objs = [
                c
                for c in nxt.children
                if c.dep_ == "pobj"
                and c.pos_ == "NOUN"
                and not _is_number(c)
                and c.lower_ not in words["time"]
                and c.lower_ not in words["amount"]
            ]
            if objs:
                found = _phrase(doc, nxt.i + 1, objs[0])
    return found if found is not None else _measured(doc, anchor, span, kind)
