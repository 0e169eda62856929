"""Where the content of a clause frame begins and ends, where the parse is not enough.

- a reported clause the parser made a relative clause of the cue's object (``told a
  local radio station that Joseph had spent the night ...``) is content;
- a clause whose subject the parser made the cue's object (``warn that type 2 diabetes
  could affect ...``: "that" read as a determiner) starts at that object;
- a time phrase fronted in the content and set off by a comma belongs to it (``said before
  the jailbreak, 1,542 prisoners were in detention``), never a date (``said Monday, ...``)
  nor where it was said (``noted in its press freedom index, ...``);
- the content ends before ``..., adding that`` or ``..., citing ...`` (a cue of its own)
  and before a cue coordinated inside it (``he believed ... - but suggested ...``, ``there was
  "no evidence" of fraud and called the claims "baseless"``) or set
  against it (``..., while Omarov's lawyer said ...``);
- a bare infinitive the parser coordinated with the cue belongs to the content's modal
  (``told governments that they shouldn't close borders or stop the free movement ...``).
"""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Token

_FINITE = {"VBD", "VBZ", "VBP"}
_NOT_CONTENT_ENTS = {"DATE", "TIME"}
_CONTRAST = {"while", "whereas", "but"}
_CONTENT_PREPS = {"before", "after", "since", "until", "during"}  # not "in its report": where said


def relative_that_clause(tok: Token) -> Optional[Token]:
    """``told a local radio station that Joseph had spent ...``: the "relative clause" on the
    cue's object opens with ``that`` and has a subject and an object of its own."""
    for obj in tok.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < tok.i:
            continue
        for c in obj.children:
            if c.dep_ != "relcl" or c.i < obj.i or c.left_edge.lower_ != "that":
                continue
            subjects = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ != "that"]
            objects = [g for g in c.children if g.dep_ == "dobj" and g.lower_ != "that"]
            if subjects and (objects or c.left_edge.dep_ == "mark"):
                return c
    return None


def fronted_start(doc: Doc, tok: Token, first: Token) -> int:
    """The first token of the content whose clause ``first`` the parse starts late."""
    lo = first.left_edge.i
    subject = _object_as_subject(tok, first)
    if subject is not None:
        return subject.left_edge.i
    while lo < first.i and doc[lo].is_punct:
        lo += 1
    if lo < 1 or doc[lo - 1].text != ",":
        return first.left_edge.i
    phrase = [
        c
        for c in tok.children
        if tok.i < c.i < lo and c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.right_edge.i == lo - 2
    ]
    if not phrase or any(doc[j].lower_ == "that" for j in range(tok.i + 1, lo)):
        return first.left_edge.i
    words = range(phrase[0].i, lo - 1)
    if all(doc[j].ent_type_ in _NOT_CONTENT_ENTS or doc[j].pos_ in ("ADP", "DET") for j in words):
        return first.left_edge.i  # "said on Monday, ...": when, not what
    return phrase[0].i


def _object_as_subject(tok: Token, clause: Token) -> Optional[Token]:
    """``warn that type 2 diabetes could affect millions``: the parser read "that" as a
    determiner and made the clause's subject the cue's object; a clause without a subject
    of its own right after the cue's object has it for its subject."""
    if clause.dep_ != "ccomp" or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children
    ):
        return None
    for obj in tok.children:
        if obj.dep_ == "dobj" and tok.i < obj.i < clause.i and obj.right_edge.i + 1 == clause.left_edge.i:
            return obj
    return None


def clause_end(doc: Doc, lex, first: Token, last: Token, gerunds: list[int]) -> int:
    """The last token of the reported clauses ``first`` .. ``last`` (see the module)."""
    hi = last.right_edge.i
    for j in gerunds[bisect.bisect_right(gerunds, first.i) :]:
        if j >= hi:
            break
        gerund = doc[j]
        if doc[j - 1].text == "," and gerund.dep_ == "advcl" and gerund.lemma_.lower() in lex.clause:
            hi = j - 1  # "..., adding that" starts a new frame
            break
    for j in range(first.i + 1, hi + 1):
        t = doc[j]
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or not (lemma in lex.clause or lemma in lex.characterize or lemma in lex.frames):
            continue
        if t.dep_ == "conj" and doc[j - 1].dep_ == "cc":
            return _before(doc, j - 1, first.i)  # "he believed ... - but suggested ...": its own
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in _CONTRAST), None)
        if t.dep_ == "advcl" and mark is not None and any(c.dep_ == "nsubj" for c in t.children):
            return _before(doc, t.left_edge.i, first.i)  # "..., while Omarov's lawyer said ..."
    return hi


def _before(doc: Doc, j: int, lo: int) -> int:
    """The last token before ``j`` that is neither punctuation nor a conjunction."""
    cut = j - 1
    while cut > lo and (doc[cut].is_punct or doc[cut].dep_ == "cc"):
        cut -= 1
    return cut


def modal_conjuncts_end(doc: Doc, tok: Token, hi: int) -> int:
    """``... they shouldn't close borders or stop the free movement``: a bare infinitive
    coordinated with a finite cue cannot be the cue's; it goes on with the content."""
    if tok.tag_ not in _FINITE:
        return hi
    for c in tok.children:
        if (
            c.dep_ == "conj"
            and c.tag_ == "VB"
            and c.i > hi
            and doc[c.i - 1].dep_ == "cc"
            and c.i - 1 == hi + 1
        ):
            hi = c.right_edge.i
    return hi


def after_fronted_adverbial(doc: Doc, tok: Token, sub_hi: int) -> bool:
    """``If that happens, reports say, the former president plans ...``; ``Still, Neth says,
    ...``: what precedes the parenthetical cue holds no subject of the main clause, so
    the content is what follows it (``The economy, Li said, faces ...`` keeps it all)."""
    main = tok.head
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.i > sub_hi for s in subjects)
