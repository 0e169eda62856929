"""Precision first: which trigger mentions are events, by word sense and participants.

A mention is an event only in its event sense and with a party it can
attach (rules in ``patterns/events_senses.json``):

- reporting is speech, not an event: STATEMENT stays only for a formal statement
  ("issued a statement", "delivered a speech", "held a press conference");
- word senses from the parse: "was met with brutality", "to meet the aims", "poses a
  threat", "the threat from terrorism", "the conflict displaced millions";
- a party it can attach (the events component keeps a mention only with a participant, an
  unnamed party the text has, or a place): storms and conflicts are set aside as subjects.

>>> SenseRules.load().formal_statement("statement", "issue")
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from pipeline.discourse.tree import Tree
from pipeline.patterns import read_json

FUTURE = frozenset({"will", "would", "shall", "'ll", "’ll", "wo"})  # a warning of what someone will do


@dataclass(frozen=True)
class NotEvent:
    """One rule: a mention of ``lemma`` (or of ``type``) is no event ``when`` ..."""

    when: str
    lemma: Optional[str] = None
    pos: Optional[str] = None
    type: Optional[str] = None
    words: frozenset = frozenset()
    mode: Optional[str] = None

    def applies(self, lemma: str, pos: str, etype: str, mode: Optional[str]) -> bool:
        return (
            (self.lemma is None or self.lemma == lemma)
            and (self.pos is None or self.pos == pos)
            and (self.type is None or self.type == etype)
            and (self.mode is None or self.mode == mode)
        )


@dataclass(frozen=True)
class SenseRules:
    statement_nouns: frozenset
    statement_light_verbs: frozenset
    statement_verbs: frozenset
    statement_light_only: frozenset
    not_events: tuple

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> "SenseRules":
        data = read_json("events_senses.json")
        formal = data["formal_statements"]
        rules = tuple(
            NotEvent(
                r["when"],
                r.get("lemma"),
                r.get("pos"),
                r.get("type"),
                frozenset(r.get("words", ())),
                r.get("mode"),
            )
            for r in data["not_events"]
        )
        return cls(
            frozenset(formal["nouns"]),
            frozenset(formal["light_verbs"]),
            frozenset(formal["verbs"]),
            frozenset(formal["with_light_verb_only"]),
            rules,
        )

    def formal_statement(self, trigger: str, light: Optional[str]) -> bool:
        """A STATEMENT trigger (its lexicon key) with its light verb, if any."""
        if trigger.split()[0] in self.statement_verbs:
            return True
        if trigger in self.statement_light_only:
            return light in self.statement_light_verbs
        return trigger in self.statement_nouns and (light is None or light in self.statement_light_verbs)


def _matches(rule: NotEvent, tok: Token, tree: Tree, cue_starts: frozenset = frozenset()) -> bool:
    children = tree.children(tok)
    if rule.when == "always":
        return True
    if rule.when == "passive":
        return any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)
    if rule.when == "object_lemmas":  # "pleaded guilty": an adjective complement counts
        return any(
            c.dep_ in {"dobj", "obj", "attr", "acomp"} and c.lemma_.lower() in rule.words for c in children
        )
    if rule.when == "patient_lemmas":  # "dogs are killed for their meat": no political act
        return any(
            c.dep_ in {"dobj", "obj", "nsubjpass"} and c.lemma_.lower() in rule.words for c in children
        )
    if rule.when == "modifier_lemmas":  # "growing energy demands", "Chinese demand": the market's
        return any(
            c.dep_ in {"compound", "amod"}
            and (c.lower_ in rule.words or (c.dep_ == "amod" and c.lemma_.lower() in rule.words))
            for c in children
        )
    if rule.when == "naming_participle":  # "a website called Adventures of Asia"
        return tok.dep_ == "acl" and tok.tag_ == "VBN"
    if (
        rule.when == "withheld"
    ):  # "denying migrants access", "denies recognition to": withholding, not refusing
        deps = {c.dep_ for c in children}
        return (
            "dative" in deps
            or ("dobj" in deps and any(c.dep_ == "prep" and c.lower_ == "to" for c in children))
            or any(c.dep_ == "dobj" and c.lemma_.lower() in rule.words for c in children)
        )
    if rule.when == "predicate_nominal":  # "is a clear rejection of Syria's identity": a description
        return tok.dep_ == "attr" and tok.head.lemma_ == "be"
    if rule.when == "has_predicate":  # "called her a traitor": naming, not a phone call
        deps = {c.dep_ for c in children}  # (a lone oprd is how the parser often reads "called Putin")
        return "oprd" in deps and bool(deps & {"dobj", "obj"})
    if rule.when == "light_verbs":
        return tok.dep_ in {"dobj", "obj", "attr", "nsubjpass"} and tok.head.lemma_.lower() in rule.words
    if rule.when == "prep":
        return any(c.dep_ in {"prep", "acl"} and c.lower_ in rule.words for c in children)
    if rule.when == "xcomp_lemmas":
        return any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in rule.words for c in children)
    if rule.when == "present_tense":
        return tok.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in children)
    if rule.when == "motion_without_official":
        return tok.lemma_.lower() in rule.words and not _official_subject(tok, tree)
    if rule.when == "no_complement":  # "the number of refugees declined", "he asked aloud"
        return not any(
            c.dep_ == "xcomp"
            or (c.dep_ in {"dobj", "obj"} and c.lemma_.lower() not in rule.words)
            or (c.dep_ == "prep" and c.lower_ == "for")
            for c in children
        )
    if rule.when == "for_object":  # "a request for comment"
        return any(
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(o.lemma_.lower() in rule.words for o in tree.children(c))
            for c in children
        )
    if rule.when == "question_clause":  # "asked him if he agreed", "whether he should seek a third term"
        return _in_question(tok, tree, rule.words)
    if rule.when == "speech_cue":  # '"...," he warned', "warned that the findings are of limited value"
        clauses = [c for c in children if c.dep_ == "ccomp"]
        if any(a.dep_ == "aux" and a.lower_ in FUTURE for c in clauses for a in tree.children(c)):
            return False  # "warned that it would execute the hostages": a threat
        return tok.idx in cue_starts or bool(clauses)
    if rule.when == "asks_question":  # "asked the elder Lai if he agreed", "asked why troops stayed"
        return any(c.dep_ in {"ccomp", "advcl"} and _question_clause(c, tree) for c in children)
    if rule.when == "with_object_lemmas":  # "agreed with officials' concerns": an opinion shared
        return any(
            c.dep_ == "prep"
            and c.lower_ == "with"
            and any(o.lemma_.lower() in rule.words for o in tree.children(c))
            for c in children
        )
    if rule.when == "subject_lemmas":
        return any(c.dep_ in {"nsubj", "csubj"} and c.lemma_.lower() in rule.words for c in children)
    raise ValueError(f"events_senses.json: unknown rule condition {rule.when!r}")


def _if_whether(clause: Token, tree: Tree) -> bool:
    """The clause is opened by ``if`` or ``whether``."""
    return any(k.dep_ == "mark" and k.lower_ in {"if", "whether"} for k in tree.children(clause))


def _question_clause(clause: Token, tree: Tree) -> bool:
    """An indirect question: an if/whether clause or one led by a wh-word."""
    if _if_whether(clause, tree):
        return True
    first = min(tree.children(clause), key=lambda k: k.i, default=None)
    return first is not None and first.i < clause.i and first.tag_ in {"WRB", "WP", "WDT"}


def _in_question(tok: Token, tree: Tree, governors: frozenset) -> bool:
    """The trigger's clause is an indirect question (``if``/``whether``) or the question a
    governor asks ("asked whether", "wondered if")."""
    clause = tok
    for _ in range(3):
        if _if_whether(clause, tree):  # a question someone asks is no event; other
            return clause.head.lemma_.lower() in governors  # if/whether clauses are hypothetical
        if clause.head.i == clause.i or clause.dep_ not in {"xcomp", "conj"}:
            break
        clause = clause.head
    return False


def _official_subject(tok: Token, tree: Tree) -> bool:
    """The mover is a person with a title or a state: "Wang Yi arrived in", "Xi flew to"."""
    for c in tree.children(tok):
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return c.ent_type_ in {"PERSON", "GPE", "NORP"} or c.pos_ == "PRON"
    return False


def not_an_event(
    tok: Token,
    etype: str,
    mode: Optional[str],
    tree: Tree,
    rules: SenseRules,
    cue_starts: frozenset = frozenset(),
) -> bool:
    """Whether the trigger token is here in a sense that is not an event (``cue_starts``:
    where the quotes component found its cue verbs)."""
    lemma, pos = tok.lemma_.lower(), tok.pos_
    return any(
        rule.applies(lemma, pos, etype, mode) and _matches(rule, tok, tree, cue_starts)
        for rule in rules.not_events
    )
