"""Factuality: whether the article says a happening occurred, and on whose word.

``status`` reads the trigger's clause and every clause that embeds it, up to the sentence
root (cue words in ``patterns/events_cameo.json``):

- ``negated``: a negation of the clause ("did not meet"), or a governor that undoes it
  ("failed to sign", "refused to meet", "cancelled the visit");
- ``hypothetical``: a modal (could, may, should, must), a condition (if, unless,
  whether), a question, an infinitive of purpose ("sent troops to secure the border"),
  a goal, wish or proposal that embeds it ("seeking to mend
  ties", "aims to", "hopes to", "called for talks", "aimed at pushing for a ceasefire",
  "efforts toward reaching a deal"); an attempt is an act ("tried to hack" occurred);
- ``planned``: will, is to, scheduled, expected to, plans to, set to, upcoming ...;
- else ``occurred``.

``reported_by`` (``discourse/quoted.py``) names the speaker when the trigger lies inside the
content of a quote or of reported speech: the narrator does not assert it, the speaker does.

>>> EMBEDDING_DEPS >= {"xcomp", "ccomp", "advcl"}
True
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from pipeline.discourse.tree import Tree

EMBEDDING_DEPS = frozenset(
    {"xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "prep", "conj", "relcl", "dobj"}
)
MAX_CLIMB = 6
# prepositions that bring a governor's complement ("called for talks", "aimed at", "efforts
# toward"), not an adjunct ("during the visit, they announced ...")
COMPLEMENT_PREPS = frozenset({"for", "to", "at", "toward", "towards", "on", "of", "into"})
GOVERNED_BY = frozenset({"xcomp", "acl", "pcomp", "prep", "pobj", "dobj"})  # "plans to visit", "aimed at"


def _chain(start: Token, tree: Tree) -> list[tuple[Token, str]]:
    """The trigger's clause verb and the words that embed it, each with the dependency by
    which the one below hangs on it (``conj`` links keep the governor's status)."""
    out = [(start, "")]
    tok = start
    for _ in range(MAX_CLIMB):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in EMBEDDING_DEPS:
            break
        if tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"} and _own_subject(tok, tree):
            break  # "did not respond, but they have denied the allegations": a clause of its own
        if (
            tok.dep_ == "acl"
            and tok.tag_ in {"VBN", "VBG"}
            and not any(c.lower_ == "to" for c in tok.children)
        ):
            break  # "a request for updates on the detainees being held": what the noun undergoes
        out.append((head, tok.dep_))
        tok = head
    return out


def status(
    trigger: Token, verb: Optional[Token], cues: dict, tree: Tree, sentence_end: Optional[Token] = None
) -> str:
    """occurred | planned | negated | hypothetical (see the module docstring)."""
    if trigger.pos_ not in {"VERB", "AUX"}:
        for child in tree.children(trigger):
            if child.dep_ == "amod" and child.lower_ in cues["planned_modifiers"]:
                return "planned"
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
    if sentence_end is not None and sentence_end.text == "?":
        return "hypothetical"
    start = verb if verb is not None else trigger
    if trigger.pos_ not in {"VERB", "AUX"} and verb is not None and _governed_noun(trigger, verb, cues):
        # "has never condemned Russia's invasion", "calls for a ceasefire and the withdrawal":
        # the verb embeds the happening the noun names (unlike the light verb of "did not
        # hold talks"), and is judged as what embeds it
        start = trigger
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ in cues["goal_preps"]:
        return "hypothetical"  # "talks on reaching a deal", "aimed at pushing for a ceasefire"
    planned = hypothetical = False
    chain = _chain(start, tree)
    for depth, (tok, via) in enumerate(chain):
        lemma = tok.lemma_.lower()
        if depth:
            forms = _forms(tok)
            governs = (
                via in GOVERNED_BY and (via != "prep" or chain[depth - 1][0].lower_ in COMPLEMENT_PREPS)
            ) or (via == "ccomp" and forms & cues["that_clause_governors"])
            if forms & cues["negated_governors"] and governs:
                return "negated"
            if forms & cues["hypothetical_governors"] and governs:
                hypothetical = True
            elif forms & cues["planned_governors"] and governs:
                planned = True
            if tok.pos_ == "ADJ" and lemma in cues["planned_adjectives"]:
                planned = True  # "is ready to send troops"
        for child in tree.children(tok):
            dep = child.dep_
            low = child.lower_
            if dep == "neg" and (
                depth == 0 or via == "xcomp" or (via == "conj" and not _own_aux(chain[depth - 1][0], tree))
            ):  # "did not meet or call", not "would not attack and would withdraw"
                return "negated"
            if dep in {"aux", "auxpass"}:
                if low in cues["planned_aux"]:
                    planned = True
                elif low in cues["hypothetical_aux"]:
                    if low == "would" and _reported_future(tok, tree):
                        planned = True
                    else:
                        hypothetical = True
            elif dep == "mark" and low in cues["hypothetical_mark"]:
                hypothetical = True
            elif dep == "acomp" and depth == 0 and low in cues["planned_adjectives"]:
                planned = True  # "is due to visit", "is set to sign"
            elif dep == "acomp" and via == "xcomp" and low in cues["hypothetical_governors"]:
                hypothetical = True  # "it is necessary to deploy troops"
        if tok.lemma_ == "be" and depth == 1 and via == "xcomp" and tok.tag_ in {"VBZ", "VBP", "VBD"}:
            planned = True  # "is to visit", "were to meet"
        if purpose_clause(tok) and not planned:
            # "funded construction to assist the police", "in order to attack"; but a plan
            # nearer the trigger tells what it is ("given 14 days to present a plan to close")
            hypothetical = True
    if hypothetical:
        return "hypothetical"
    return "planned" if planned else "occurred"


def purpose_clause(verb: Token) -> bool:
    """An infinitive of purpose: an adverbial clause opened by "to" ("sent troops to secure
    the border"), or "in order to": a goal, whatever its governor did."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ == "advcl" or (verb.dep_ == "acl" and verb.head.lower_ == "order")


def _own_subject(verb: Token, tree: Tree) -> bool:
    """The conjoined verb has a subject of its own (an independent clause)."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in tree.children(verb))


def _own_aux(verb: Token, tree: Tree) -> bool:
    """The conjoined verb has an auxiliary of its own ("... and would withdraw")."""
    return any(c.dep_ in {"aux", "auxpass"} for c in tree.children(verb))


def _governed_noun(noun: Token, verb: Token, cues: dict) -> bool:
    """A nominal trigger that is not the object or subject of its light verb: an object or
    conjunct under another verb, or the subject of a copula ("the arrest was not a reflection")."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"} and first.head.i != first.i:
        first = first.head  # "held talks and consultations": as the first conjunct
    if first.dep_ in {"nsubj", "nsubjpass", "csubj"}:
        return first.dep_ == "nsubj" and verb.lemma_ == "be"
    if first.dep_ in {"dobj", "obj"} and first.head.i == verb.i:
        return verb.lemma_.lower() not in cues["light_verbs"]
    return True  # "calls for a ceasefire and the withdrawal": a prepositional object


def _forms(tok: Token) -> set[str]:
    """The lemma and the word, with a plain inflection taken off: the small model lemmatises
    some governors oddly ("hopes" → "hop")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for suffix in ("ing", "ed", "d", "es", "s"):  # "slated" (lemmatised "slat") is "slate"
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.add(low[: -len(suffix)])
    return forms


def _reported_future(verb: Token, tree: Tree) -> bool:
    """``said he would visit``: a future in reported speech (a ccomp of a speech verb)."""
    return verb.dep_ == "ccomp" and verb.head.pos_ == "VERB"
