"""Who speaks: the subject of a cue verb as the parse gives it, and where the parse fails.

:func:`subject_of` reads the cue's own subject, a passive agent, the subject inherited
through coordination, ``to``-infinitives and participial clauses (``..., adding that``), the
object of ``cited/quoted X as saying``, the main clause's subject for a participle that opens
the sentence (``While noting "...," Rasmussen expressed``), and the subject the parser
stranded on a fronted phrase (``In an e-mail to Xinhua, a spokesperson said``) or made a
clause of a title (``NCDC lead Dr. Olajide Idris said``).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from pipeline.discourse.tree import relative_antecedent

_SET_OFF = {",", "—", "–"}  # "Al-Sharaa — leader of ... — said"


def subject_of(tok: Token, depth: int = 0) -> Optional[Token]:
    """The subject of a cue verb: own subject, passive agent, inherited through
    coordination, ``to``-infinitives and participial clauses (``..., adding that``); the
    object of ``cited/quoted X as saying``."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - tok.i))  # the nearest (the first of equals)
        antecedent = relative_antecedent(child)
        if antecedent is not None:  # "X, who said": X, as events read it (discourse.tree)
            return antecedent
        return _fronted_person(tok, child) or child
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            for agent in tok.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return obj
            return None
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as":  # "cited a spokesman as saying"
        return _object_of(tok.head.head)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        return tok.head  # "Western nations alleging that ...": the nations
    named = apposition_verb(tok)
    if named is not None:
        return named  # "Nigel Farage, a key Brexit figure, joked ... that ...": Farage
    aside = _aside(tok)
    if aside is not None:
        return subject_of(aside, depth + 1)  # '"...," the spokesperson added, further describing'
    if depth < 3 and tok.head.i != tok.i:
        if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.head.head.i != tok.head.i:
            return subject_of(tok.head.head, depth + 1)  # "He rejected the idea X can ..., and warned"
        if tok.dep_ in ("conj", "xcomp"):
            return subject_of(tok.head, depth + 1)
        if tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG":
            head = tok.head  # "X said (that) Y ..., adding that": X, not Y
            while head.dep_ in ("ccomp", "conj") and head.head.i != head.i and tok.i > head.i:
                head = head.head
            quoted = _as_saying(head)  # "cited X as saying ..., adding that": X
            found = quoted if quoted is not None else subject_of(head, depth + 1)
            if found is not None and _bound_object(tok, found):
                found = _sender(tok) or found  # "she received a message from X, telling her": X
            return found if found is not None else _fronted_participle_subject(tok)
    if tok.dep_ == "ROOT":
        return _stranded_subject(tok)
    return None


_OBJECT_OF = {"she": "her", "he": "him", "they": "them", "i": "me", "we": "us"}


def _bound_object(verb: Token, subject: Token) -> bool:
    """``she ..., telling her that ...``: a participle's plain object pronoun names the
    subject it would borrow, and a plain pronoun object is never its own subject (that
    would be ``herself``), so the subject is not who tells (:func:`_sender` is)."""
    own = _OBJECT_OF.get(subject.lower_)
    return own is not None and any(
        c.dep_ in ("dobj", "dative", "iobj") and c.lower_ == own for c in verb.children
    )


def _sender(verb: Token) -> Optional[Token]:
    """``... received a message from a friend, telling her``: who the message came from."""
    head = verb.head
    return next(
        (
            t
            for t in head.subtree
            if head.i < t.i < verb.i
            and t.dep_ == "pobj"
            and t.head.lower_ == "from"
            and t.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )


def apposition_verb(tok: Token) -> Optional[Token]:
    """``British politician Nigel Farage, a key Brexit figure, joked on Twitter that ...``:
    the parser made the sentence's verb a clause of the apposition after the name (set off
    by a comma, with a clausal complement of its own) and the name the sentence's root; the
    name is its subject."""
    head = tok.head
    if (
        tok.dep_ != "acl"
        or tok.tag_ not in ("VBD", "VBZ", "VBN")
        or head.dep_ != "appos"
        or tok.i < 1
        or tok.doc[tok.i - 1].text != ","
        or not any(c.dep_ == "ccomp" for c in tok.children)
    ):
        return None
    name = head.head  # the sentence has no verb but this one: the name is its root
    return name if name.dep_ == "ROOT" and name.pos_ in ("PROPN", "NOUN") and name.i < head.i else None


def fronted_participle(tok: Token) -> bool:
    """``While noting ...``, ``Adding ...``: a participle that opens its sentence."""
    sent = tok.sent
    return (
        tok.tag_ == "VBG"
        and tok.i - sent.start <= 1
        and all(t.pos_ in ("SCONJ", "ADV", "ADP") for t in sent[: tok.i - sent.start])
    )


def _fronted_participle_subject(tok: Token) -> Optional[Token]:
    """``While noting “...,” Rasmussen expressed concern``: a participle that opens the
    sentence (after ``while``, ``after`` ...) the parser hung on a verb of its quotation; its
    subject is the main clause's."""
    root = tok.sent.root
    if not fronted_participle(tok) or root == tok:
        return None
    return next((c for c in root.children if c.dep_ == "nsubj" and c.i > tok.i), None)


def _aside(tok: Token) -> Optional[Token]:
    """A participle hung on the quoted verb, after the cue the parser made a parataxis of
    it: the cue (``"...," the spokesperson added, further describing ...``)."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "acl") or tok.head.i == tok.i:
        return None
    head = tok.head
    aside = [c for c in head.children if c.dep_ == "parataxis" and head.i < c.i < tok.i]
    if aside and any(c.dep_ == "nsubj" for c in aside[-1].children):
        return aside[-1]
    return None


def _fronted_person(verb: Token, subject: Token) -> Optional[Token]:
    """``Trump, in a taped interview with Fox News' "Sunday Morning Futures" show, dodged a
    question ..., but said``; ``Al-Sharaa — leader of ... — said``: the parser took a noun of
    the parenthetical for the subject; the person who opens the sentence, set off by a comma
    or a dash, speaks."""
    doc = verb.doc
    if (
        subject.ent_type_
        or subject.pos_ != "NOUN"
        or subject.i > verb.i
        or doc[verb.i - 1].text not in _SET_OFF
    ):
        return None
    start = verb.sent.start
    end = start
    while end < subject.i and doc[end].ent_type_ == "PERSON":
        end += 1
    if end == start or end >= subject.i or doc[end].text not in _SET_OFF:
        return None
    return doc[end - 1]


def _object_of(verb: Token) -> Optional[Token]:
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i < verb.i + 12), None)


def _as_saying(verb: Token) -> Optional[Token]:
    for prep in verb.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "as"
            and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
        ):
            return _object_of(verb)
    return None


def _stranded_subject(verb: Token) -> Optional[Token]:
    """A verb the parser left without a subject:

    - ``In an e-mail to Xinhua, a spokesperson said``: the subject hung on the fronted phrase
      (as an apposition), the noun phrase that ends right before the verb;
    - ``The revised law, as spelled out in the report, says``; ``In Abidjan, Willy Neth,
      coordinator for ..., says``: a parenthetical between, the noun phrase that opens the
      sentence or follows its fronted phrase, set off by a comma;
    - ``Last week, he`` | ``told another French channel``: the sentence cut after the
      subject, the lone pronoun or name that ends the previous one."""
    doc = verb.doc
    j = verb.i - 1
    if j < 0:
        return None
    if doc[j].text == ",":
        return _subject_before_parenthetical(verb)
    if doc[j].is_punct:
        return None
    if verb.is_sent_start and doc[j].dep_ == "ROOT" and doc[j].pos_ in ("PRON", "PROPN"):
        return doc[j]
    tok = doc[j]
    while tok.head.i != tok.i and tok.head.i < verb.i and tok.dep_ not in ("appos", "csubj"):
        tok = tok.head
    if tok.dep_ == "appos" and tok.right_edge.i == j and tok.pos_ in ("NOUN", "PROPN"):
        return tok
    if tok.dep_ == "csubj" and tok.right_edge.i == j and doc[j].ent_type_ == "PERSON":
        return doc[j]  # "NCDC lead Dr. Olajide Idris said": "lead" read as a verb, the name its object
    return None


_NP_POS = {"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART", "PRON"}


def _subject_before_parenthetical(verb: Token) -> Optional[Token]:
    doc = verb.doc
    start = verb.sent.start
    for j in range(start, verb.i - 1):
        tok = doc[j]
        if tok.pos_ not in ("NOUN", "PROPN", "PRON") or doc[j + 1].text != ",":
            continue
        first = j
        while first > start and doc[first - 1].pos_ in _NP_POS and doc[first - 1].text != ",":
            first -= 1
        if first == start or doc[first - 1].text == ",":
            return tok
    return None


def reduced_relative(speaker: Token) -> bool:
    """``..., a charge Kigali denies``: a noun phrase with a relative clause, not a cue."""
    det = speaker.doc[speaker.left_edge.i]
    if det.dep_ != "det" or det.lower_ not in ("a", "an"):
        return False
    noun = (
        det.head
        if det.head.i != speaker.i
        else next((c for c in speaker.children if c.dep_ == "compound" and c.i < speaker.i), None)
    )
    return (
        noun is not None
        and noun.dep_ == "compound"
        and noun.pos_ == "NOUN"
        and speaker.pos_ in ("PROPN", "PRON")
    )


_CLAUSE_LINKS = {"acl", "relcl", "ccomp", "advcl"}


def higher_coordination(tok: Token, is_speaker_like) -> Optional[Token]:
    """``Hong Kong authorities have rejected accusations that Lai's trial is unfair and
    maintain that ...``: the parser coordinated the cue with the verb of a clause inside the
    object of another verb; when that clause's subject does not speak, the cue and its
    clausal complement go with the outer verb, and so does its subject."""
    if tok.dep_ != "conj" or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None  # "... and urged X to ...": an appeal, whose goal events tell as the narrator's
    head, left_clause = tok.head, False
    for _ in range(6):
        if head.head.i == head.i:
            return None
        left_clause = left_clause or head.dep_ in _CLAUSE_LINKS
        head = head.head
        if left_clause and head.pos_ in ("VERB", "AUX"):
            subject = subject_of(head)
            return subject if subject is not None and is_speaker_like(subject) else None
    return None


_TAIL_POS = {"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON", "PART", "ADV", "PUNCT", "SPACE", "CCONJ"}


def closes_sentence(tok: Token, is_speaker_like) -> bool:
    """Nothing after the cue but phrases and its addressee (``told VOA in an email.``, not
    ``tweeted condemnation.``: there the object is what is said)."""
    doc = tok.doc
    return all(doc[j].pos_ in _TAIL_POS for j in range(tok.i + 1, tok.sent.end)) and not any(
        c.dep_ == "dobj" and not is_speaker_like(c) for c in tok.children
    )


def clause_before(doc, lo: int, hi: int) -> bool:
    """``doc[lo:hi + 1]`` holds a clause: a subject and its verb (not ``Shortly before the
    press conference to announce the death``)."""
    return any(
        doc[j].dep_ in ("nsubj", "nsubjpass", "expl") and lo <= doc[j].head.i <= hi for j in range(lo, hi + 1)
    )


def tail_speaker(tok: Token, is_speaker_like) -> Optional[tuple[Token, int]]:
    """``UNHCR refugee programs are feeling the strain, Glenn Jusnes, a spokesperson for UNHCR
    Kenya, told VOA in an email.``: a cue that closes its sentence (nothing after it but its
    object and phrases), after a name set off by a comma (and an apposition) that the parser
    hung on the content: the name speaks, and the content is what comes before the comma.
    The name's token and the content's last token, or None."""
    doc = tok.doc
    sent_start = tok.sent.start
    if not closes_sentence(tok, is_speaker_like):
        return None
    j = tok.i - 1
    if j > sent_start and doc[j].text == ",":  # ", a spokesperson for UNHCR Kenya,"
        k = j - 1
        while k > sent_start and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX"):
            k -= 1
        if doc[k].text != "," or doc[k + 1].ent_type_ or doc[k + 1].pos_ not in ("DET", "NOUN", "ADJ"):
            return None
        j = k - 1
    name = doc[j]
    if name.ent_type_ not in ("PERSON", "ORG") or not is_speaker_like(name):
        return None
    first = j  # "New York-based immigration lawyer Linda Dakin-Grimm": the phrase that holds it
    while first - 1 > sent_start and doc[first - 1].text != "," and doc[first - 1].pos_ in _TAIL_POS:
        first -= 1
    if doc[first - 1].text != "," or first - 2 <= sent_start or not clause_before(doc, sent_start, first - 2):
        return None
    return name, first - 2
