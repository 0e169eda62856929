"""Cue frames whose content is not a clause: an object, an infinitive, a noun's complement.

Each function reads one cue token and returns the token bounds ``(first, last)`` of the
content it reports, or None (the lexicon's lists are in ``patterns/quote_cues.json``):

- :func:`characterized`: ``described the jailbreak as "deplorable"``, ``calling China "the
  kind of partner we need"``, ``denied the claim as "preposterous"``, ``accused the government
  of "playing politics"``: a speech-act verb
  (criticize, praise, reject, endorse, ...) whose object carries a quotation. With a plain
  object (``criticized the decision``) it is an act, left to events;
- :func:`object_content`: ``acknowledging her missteps``, ``denied providing sanctuary``
  (``denied the charges``, ``did not confirm the death``: acts, not speech);
- :func:`infinitive_content`: ``claimed to have voted multiple times``;
- :func:`object_clause`: ``said the budget failed workers`` (a clause the parser read as an
  object);
- :func:`nominal_content`: ``expressed the hope that ...``, ``raised questions about the
  deal``; :func:`noun_frame`: ``Trump's announcement that ...``;
- :func:`misattached_content`: ``... but also said the base's center, first built in the
  1990s, would be opened``: the parser made the content's subject the cue's.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

_CHARACTER_DEPS = {"dobj", "oprd", "xcomp", "ccomp", "attr", "advcl", "dative"}
_RELATIVES = {"that", "which", "what", "whom"}
_FINITE_TAGS = {"MD", "VBD", "VBZ", "VBP"}
_REFLEXIVES = {"itself", "themselves", "himself", "herself"}


def _quoted(doc: Doc, lo: int, hi: int) -> bool:
    return any(doc[j].is_quote and doc[j].text not in ("'", "’") for j in range(lo, hi + 1))


def characterized(lex, doc: Doc, tok: Token) -> Optional[tuple[int, int]]:
    """The object and its quoted characterisation (``the jailbreak as "deplorable"``)."""
    if tok.lemma_.lower() not in lex.characterize:
        return None
    parts = [
        c
        for c in tok.children
        if c.i > tok.i
        and (c.dep_ in _CHARACTER_DEPS or c.dep_ == "prep" and c.lower_ in ("as", "to", "of"))
        and doc[c.left_edge.i - 1].text != ","  # ", saying ...": a cue of its own
    ]
    objects = [
        c for c in parts if c.dep_ in ("dobj", "oprd", "dative") or c.dep_ == "prep" and c.lower_ == "to"
    ]
    if objects and objects[0].lower_ in _REFLEXIVES:
        return None  # 'The group calls itself "Friends of the Earth"': a name it goes by
    if not objects:  # "conditions that Gallagher characterized as “inhumane”": what is said of it
        quoted = [c for c in parts if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"]
        if not quoted or not (tok.dep_ == "relcl" or any(c.lower_ in _RELATIVES for c in tok.children)):
            return None
        lo = quoted[0].i + 1 if quoted[0].dep_ == "prep" else quoted[0].left_edge.i
        hi = max(c.right_edge.i for c in quoted)
        return (lo, hi) if _quoted(doc, lo, hi) else None
    lo, hi = objects[0].left_edge.i, max(c.right_edge.i for c in parts)
    if objects[0].dep_ == "prep":  # "referred to X as ..."
        lo = objects[0].i + 1
    said = [c for c in parts if c.dep_ != "advcl"]  # the quotation is in what is said of it
    if _quoted(doc, lo, max(c.right_edge.i for c in said)):
        return lo, hi
    end = _as_quotation(doc, tok, objects[0])
    return (lo, end) if end is not None and objects[0].dep_ != "prep" else None


def _as_quotation(doc: Doc, tok: Token, obj: Token) -> Optional[int]:
    """``explained the rationale behind founding the alliance as “united we stand, divided
    we fall”``: a slogan the parser read as clauses of the object; ``as`` then an opening
    mark later in the cue's clause (no finite verb between): the closing mark's token."""
    end = tok.sent.end
    j = obj.right_edge.i + 1
    while j + 1 < end and doc[j].tag_ not in _FINITE_TAGS:
        if doc[j].lower_ == "as" and doc[j + 1].is_quote and doc[j + 1].text not in ("'", "’"):
            close = next((k for k in range(j + 2, end) if doc[k].is_quote), None)
            return close
        j += 1
    return None


def object_content(lex, tok: Token) -> Optional[tuple[int, int]]:
    """What a plain object says (``acknowledging her missteps``), never a text the verb
    answers (``denied a newspaper report``) nor a pronoun (``denied it``)."""
    lemma = tok.lemma_.lower()
    if (
        lemma not in lex.object_speech
        and lemma not in lex.gerund_speech
        or any(c.dep_ == "neg" for c in tok.children)
    ):
        return None
    for c in tok.children:
        if c.i < tok.i:
            continue
        if (
            lemma in lex.object_speech
            and c.dep_ == "dobj"
            and c.pos_ in ("NOUN", "PROPN")
            and c.lemma_.lower() not in lex.documents
        ):
            return c.left_edge.i, c.right_edge.i
        if (
            lemma in lex.gerund_speech
            and c.dep_ in ("xcomp", "ccomp")
            and c.tag_ == "VBG"
            and not any(g.dep_ == "nsubj" for g in c.children)
        ):
            return c.left_edge.i, c.right_edge.i  # "deny providing sanctuary"
    return None


def object_clause(lex, tok: Token) -> Optional[tuple[int, int]]:
    """``Singh said the budget failed workers``: the parser read the clause as the cue's
    object ("failed" a modifier of "workers"); an object right after a verb of saying whose
    head or modifier is a finite verb with a subject of its own is the clause said (not a
    relative clause inside it: "denied a report that suggested that ...")."""
    if tok.lemma_.lower() not in lex.strong:
        return None
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.left_edge.i != tok.i + 1:
            continue
        for t in [obj] + [c for c in obj.children if c.dep_ in ("amod", "compound", "nmod")]:
            if t.tag_ in _FINITE_TAGS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVES | {"who"} and c.i < t.i
                for c in t.children
            ):
                return obj.left_edge.i, obj.right_edge.i
    return None


def infinitive_content(lex, tok: Token) -> Optional[tuple[int, int]]:
    """``claimed to have voted multiple times``."""
    if tok.lemma_.lower() not in lex.infinitive_claims:
        return None
    for c in tok.children:
        if (
            c.dep_ == "xcomp"
            and c.i > tok.i
            and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
        ):
            return c.left_edge.i, c.right_edge.i
    return None


def _that_clause(noun: Token) -> Optional[Token]:
    for c in noun.children:
        if (
            c.dep_ in ("acl", "ccomp", "relcl", "appos")
            and c.i > noun.i
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        ):
            return c
    return None


def nominal_content(lex, tok: Token) -> Optional[tuple[int, int]]:
    """``expressed the hope that ...``, ``raising concerns that ...``, ``raised questions
    about the deal``: the noun's that-clause, or the object of its preposition."""
    if tok.lemma_.lower() not in lex.nominal_verbs:
        return None
    for obj in tok.children:
        if obj.dep_ != "dobj" or (obj.lemma_.lower() not in lex.nominal and obj.lower_ not in lex.nominal):
            continue
        clause = _that_clause(obj)
        if clause is not None:
            return clause.left_edge.i, clause.right_edge.i
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.nominal_preps and prep.i > obj.i:
                objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    return objects[0].left_edge.i, prep.right_edge.i
    return None


def noun_frame(lex, tok: Token, is_speaker_like) -> Optional[tuple[Token, int, int]]:
    """``Trump's announcement that ...``, ``the claim by the ministry that ...``: the
    speaker (the possessor or the ``by``/``from`` agent) and the that-clause's bounds."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.speech_nouns:
        return None
    clause = _that_clause(tok)
    if clause is None:
        return None
    speaker = None
    for c in tok.children:
        if c.dep_ == "poss" and c.i < tok.i:
            speaker = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i:
            speaker = next((o for o in c.children if o.dep_ == "pobj"), speaker)
    if speaker is None or not is_speaker_like(speaker):
        return None
    return speaker, clause.left_edge.i, clause.right_edge.i


def misattached_content(doc: Doc, tok: Token, subject: Token) -> Optional[tuple[int, int]]:
    """``but also said the base's center, ..., would be opened``: a cue with no clausal
    complement whose "subject" follows it and heads a clause whose verb the parser hung
    elsewhere (a modal or finite verb after it): the content runs to the sentence end."""
    if subject.i <= tok.i or subject.i > tok.i + 6 or tok.dep_ not in ("conj", "ROOT"):
        return None
    end = tok.sent.end
    finite = next((j for j in range(subject.right_edge.i + 1, end) if doc[j].tag_ in _FINITE_TAGS), None)
    if finite is None or doc[finite].head.i == tok.i:
        return None
    return subject.left_edge.i, end - 1
