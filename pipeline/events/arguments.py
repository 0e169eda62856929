"""Event arguments from the dependency parse: actors, recipients, location, status.

A verbal trigger's actors are its subjects (both sides of "X and Y met"; the ``by``
agent of a passive), else those of the clause it depends on ("agreed to participate",
"making four overseas visits", "the decision to restore"); a nominal trigger's actors are
its possessor ("Xi's visit", "his talks"), else those of its light verb ("held talks",
"sent congratulations"). Recipients are objects and ``with``/``to``/``on``/``against``
phrases; the location is a visit's single destination or an ``in``/``at`` place.
"""

from __future__ import annotations

import json
from typing import Optional

from spacy.tokens import Token

from pipeline.discourse.mentions import Mentions
from pipeline.patterns import PATTERNS_DIR, read_json

PATTERNS = PATTERNS_DIR

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB = {"xcomp", "conj", "advcl", "acl", "pcomp", "relcl", "ccomp", "dobj", "pobj", "prep", "appos"}
RECIPIENT_PREPS = {"with", "to", "against", "toward", "towards", "between", "among"}
PLACE_PREPS = {"in", "at"}
VERBAL = {"VERB", "AUX"}
VERBAL_OR_NOMINAL = VERBAL | {"NOUN", "PROPN"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# verbs whose subject undergoes their object act ("faces trial", "awaits extradition")
PATIENT_VERBS = frozenset(read_json("events_cameo.json")["patient_verbs"])
MEASURE_NOUNS = frozenset(read_json("events_cameo.json")["measure_nouns"])
ON_OBJECT_VERBS = frozenset(read_json("events_cameo.json")["on_object_verbs"])  # "blamed X on Y"
OBJECT_CONTROL = frozenset(read_json("events_cameo.json")["object_control_appeals"])
APPEALS = frozenset(read_json("events_cameo.json")["hypothetical_governors"])  # "called for", "pushed for"
# acts a state or an organisation does when it is their possessor ("Russia's invasion")
AGENT_POSSESSED = frozenset(read_json("events_cameo.json")["agent_possessed_nouns"])
# "Israel is opposed to ...", "is committed to ...": a state of the subject, not a passive
STATIVE = frozenset(
    json.loads((PATTERNS / "events_stative.json").read_text(encoding="utf-8"))["stative_participles"]
)
# "talks aimed at a ceasefire": the purpose is the act of who holds the talks
PURPOSE = frozenset(
    json.loads((PATTERNS / "events_stative.json").read_text(encoding="utf-8"))["purpose_participles"]
)


def _same(a: Optional[Token], b: Optional[Token]) -> bool:
    """One token, whichever Token objects stand for it (spaCy makes a new one on each
    access, so ``is`` can't tell)."""
    return a is not None and b is not None and a.i == b.i


def clause_verb(token: Token) -> Optional[Token]:
    """The verb a (nominal) trigger's clause hangs on."""
    tok = token
    for _ in range(6):
        if tok.pos_ in VERBAL:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def verb_actors(verb: Token, m: Mentions, depth: int = 0, raised: bool = False) -> list[str]:
    """Actors of a verbal trigger; ``raised``: asked for the infinitive it governs, whose
    subject is its passive subject ("the two sides are expected to sign")."""
    if depth > 5:
        return []
    out: list[str] = []
    children = m.tree.children(verb)
    deps = [c.dep_ for c in children]
    reduced = _reduced_relative(verb)  # "a journalist arrested by police"
    passive = ("auxpass" in deps or "nsubjpass" in deps or reduced) and not (
        verb.lemma_ in STATIVE and "agent" not in deps
    )
    for child, dep in zip(children, deps):
        if passive and dep == "agent":
            for pobj in m.tree.children(child):
                if pobj.dep_ == "pobj":
                    out += m.of_phrase(pobj)
        elif dep in SUBJECTS and not (passive and dep == "nsubjpass" and not raised):
            found = m.of_phrase(child)  # a relative pronoun is the noun it stands for
            if not found:  # "A report by U.N. experts accused ..."
                found = [
                    n
                    for p in m.tree.children(child)
                    if p.dep_ == "prep" and p.lower_ == "by"
                    for o in m.tree.children(p)
                    if o.dep_ == "pobj"
                    for n in m.of_phrase(o)
                ]
            out += found
    if not out and not any(d in SUBJECTS for d in deps):  # "Nauru agreed": a subject the parser misread
        out += [
            n
            for c, d in zip(children, deps)
            if d in {"advmod", "npadvmod", "dep"} and c.i < verb.i and m.label(c) in ACTOR_LABELS
            for n in m.of(c)
        ]
    head = verb.head
    if out or head.i == verb.i:
        return list(dict.fromkeys(out))
    if (passive and not raised and not _in_fronted_adjunct(verb)) or any(
        d in SUBJECTS or d == "expl" for d in deps
    ):
        # a clause with a subject of its own, or a passive one, takes no actor from the
        # clause above: "X said security forces had been dispatched" (not X), "companies
        # will return if sanctions are lifted" (not the companies), "the protesters who
        # were detained" (they undergo it)
        return []
    dep = verb.dep_
    if dep == "relcl" and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return m.of_phrase(head)  # else "X was the first to reject": the clause's subject
    if dep in CLIMB:
        seen = {verb.i}
        pos = head.pos_
        while pos not in VERBAL_OR_NOMINAL and head.i not in seen:
            seen.add(head.i)  # bounded: a malformed parse (or the root) must not loop
            head = head.head
            pos = head.pos_
        if pos in VERBAL:
            controller = _object_controller(head, m) if dep == "xcomp" else []
            if dep in {"advcl", "pcomp"}:  # "Dara was released after apologizing": Dara
                controller = [
                    n for c in m.tree.children(head) if c.dep_ == "nsubjpass" for n in m.of_phrase(c)
                ]
            if (
                dep == "pcomp"
                and not controller
                and verb.head.lower_ == "for"
                and _same(verb.head.head, head)
            ):
                # "praised ECOWAS for activating its force", "arrested him for insulting": the object
                controller = [
                    n for c in m.tree.children(head) if c.dep_ in {"dobj", "obj"} for n in m.of_phrase(c)
                ]
            return controller or verb_actors(head, m, depth + 1, raised=dep == "xcomp")
        if pos in {"NOUN", "PROPN"}:
            if dep == "pcomp" and verb.head.lower_ == "for" and head.dep_ in {"dobj", "obj"}:
                found = m.of_phrase(head)  # "praised ECOWAS for activating": ECOWAS
                if found:
                    return found
            return noun_actors(head, m, depth + 1)
    return []


def _reduced_relative(verb: Token) -> bool:
    """A past participle modifying a noun, whose noun undergoes it ("a journalist arrested
    over his interviews", "the deal signed between the two sides"); not the main verb the
    parser read as one, in a sentence whose root is a noun ("Doctors from two aid groups
    donated ..."), nor a participle of purpose ("talks aimed at a ceasefire")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_ in PURPOSE:
        return False
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False  # "a move that his lawyer called inhumane": a relative clause misread
    root = verb
    for _ in range(40):  # bounded on any parse
        if root.head.i == root.i:
            break
        root = root.head
    return root.pos_ in VERBAL


def _in_fronted_adjunct(verb: Token) -> bool:
    """A reduced relative in a phrase opening the clause, whose subject is its agent: "In a
    letter handed to the U.N., Iraq said", "Under the deal signed in 2015, Iran agreed"."""
    if not _reduced_relative(verb):
        return False
    noun, prep = verb.head, verb.head.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in VERBAL and prep.i < prep.head.i


def _object_controller(governor: Token, m: Mentions) -> list[str]:
    """Who does what an appeal asks: the object of "urged Washington to lift", "asked Iran
    to release", "called on the parties to return" (object control), not the one who asks;
    an order stays the act of who orders ("ordered La Prensa to suspend publication")."""
    if governor.lemma_.lower() not in OBJECT_CONTROL:
        return []
    for child in m.tree.children(governor):
        if child.dep_ in {"dobj", "obj"}:
            return m.of_phrase(child)
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            return m.of_objects(child)
    return []


def noun_actors(
    noun: Token,
    m: Mentions,
    depth: int = 0,
    agent_from: bool = False,
    patient: bool = False,
    members_of: bool = False,
) -> list[str]:
    """Actors of a nominal trigger; ``agent_from``: its ``from`` phrase is the agent
    ("protests from rights groups", "a threat from Pyongyang"), not a source place;
    ``patient``: its possessor is who undergoes it ("Lai's trial", "his arrest"), and its
    verb's subject acts only through a light verb ("police made the arrest"); ``members_of``:
    its ``of`` phrase names who meets ("the summit of the African Union")."""
    if depth > 5:
        return []
    out: list[str] = []
    for child in m.tree.children(noun):
        if m.tree.is_possessor(child):
            if not patient:
                out += m.of_phrase(child)
        elif child.dep_ in {"prep", "agent"} and (
            child.lower_ == "by" or (agent_from and child.lower_ == "from")
        ):
            out += m.of_objects(child)
        elif child.dep_ in {"compound", "amod", "nmod"} and m.label(child) == "PERSON":
            out += m.of(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "a lawsuit filed by the ACLU"
            out += [n for a in m.tree.children(child) if a.dep_ == "agent" for n in m.of_objects(a)]
        elif members_of and child.dep_ == "prep" and child.lower_ == "of":
            out += m.of_objects(child)
        elif not patient and child.dep_ == "prep" and child.lower_ == "of":
            # "the inauguration speech of Lai", "the visit of President Xi": a person's act
            out += [
                n
                for p in m.tree.children(child)
                if p.dep_ == "pobj" and m.label(p) == "PERSON"
                for n in m.of_phrase(p)
            ]
    if (
        not out and noun.i in m.above_by
    ):  # "the signing of the Beijing Declaration ... by 14 Palestinian factions"
        for tok in m.tree.subtree(noun):
            if tok.dep_ in {"prep", "agent"} and tok.lower_ == "by" and tok.i > noun.i:
                head = tok.head  # a verb's own by-phrase is its agent: "crimes committed by
                if head.pos_ in VERBAL and not (head.dep_ == "conj" and _same(head.head, noun)):
                    continue  # Croat forces" (not a name the parser made a verb of the noun's)
                out += m.of_objects(tok)
                break
    if not out:  # "Palestinian riots", "Israeli air strikes": the demonym is the actor
        out = [
            n
            for c in m.tree.children(noun)
            if c.dep_ == "amod" and c.i < noun.i and m.label(c) == "NORP"
            for n in m.of(c)
        ]
    if out:
        return list(dict.fromkeys(out))
    head = noun.head
    if head.i == noun.i:
        return []
    if head.pos_ in VERBAL and noun.dep_ in {"dobj", "obj", "attr", "nsubjpass", "conj"} | {"dative"}:
        if patient and head.lemma_.lower() in PATIENT_VERBS:
            return []  # "Zamora faces trial": the subject undergoes it
        return verb_actors(head, m, depth + 1)
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in {"for", "in", "during", "at", "of", "on", "under", "to"}  # "return to the talks"
    ):
        governor = head.head
        measure = head.lower_ == "of" and governor.lemma_.lower() in MEASURE_NOUNS  # "10 days of war games"
        if governor.pos_ in VERBAL and head.lower_ != "of":
            if patient and head.lower_ == "for" and governor.lemma_.lower() in APPEALS:
                return []  # "called for Lai's release": not the caller's act (but "called for talks")
            return verb_actors(governor, m, depth + 1)
        if governor.pos_ in {"NOUN", "PROPN"} and (head.lower_ != "of" or measure):
            return noun_actors(governor, m, depth + 1)
    if noun.dep_ == "conj":
        return noun_actors(head, m, depth + 1) if head.pos_ not in VERBAL else verb_actors(head, m, depth + 1)
    return []


MISPARSED_OBJECT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def recipients(
    trigger: Token,
    light: Optional[Token],
    consumed: Optional[Token],
    m: Mentions,
    object_is_recipient: bool,
    particle: Optional[Token] = None,
    on_targets: frozenset = frozenset(),
    patient: bool = False,
) -> list[str]:
    """Objects and with/to/against phrases; the ``on`` phrase of a sanction-like trigger or
    object ("imposed sanctions on Russia", "an attack on the embassy"); people conjoined to a
    place ("met Putin in Moscow and Zelenskiy in Kyiv"); for a nominal trigger undergone by
    someone (``patient``), its possessor, ``of`` phrase and the subject of "faces trial"."""
    out: list[str] = []
    if patient and trigger.pos_ not in VERBAL:
        out += patients(trigger, m)
    on_heads = [t for t in (trigger, consumed) if t is not None and t.lemma_.lower() in on_targets]
    if on_heads and trigger.pos_ in VERBAL:
        on_heads.append(trigger)
        if trigger.lemma_.lower() in ON_OBJECT_VERBS:  # "blamed the attacks on militants"
            on_heads += [c for c in m.tree.children(trigger) if c.dep_ == "dobj" and not _same(c, consumed)]
    else:  # "opened fire on a patrol": the object's word
        on_heads += [
            c for c in m.tree.children(trigger) if c.dep_ == "dobj" and c.lemma_.lower() in on_targets
        ]
        if on_heads and trigger.pos_ in VERBAL:
            on_heads.append(trigger)
    for head in on_heads:
        for child in m.tree.children(head):
            if child.dep_ == "prep" and child.lower_ in {"on", "upon"} and not _same(child, particle):
                out += m.of_objects(child)
    if particle is not None:  # "called on the Global South"
        out += m.of_objects(particle)
        if particle.dep_ == "prt":
            out += [n for c in m.tree.children(trigger) if c.dep_ == "dobj" for n in m.of_phrase(c)]
    heads = [t for t in (trigger, light, consumed) if t is not None]
    for head in heads:
        for child in m.tree.children(head):
            dep = child.dep_
            if (
                dep in {"dobj", "obj", "dative", "iobj", "oprd"}
                and object_is_recipient
                and child.pos_ != "ADP"
                and head.pos_ in VERBAL
                and not (_same(head, light) and _same(child, trigger))
            ):
                if _same(child, consumed) and m.label(child) is None:
                    out += _of_party(child, m)  # "overturned the conviction of Zamora"
                else:
                    out += m.of_phrase(child) or _of_party(child, m)
            elif (
                dep == "npadvmod"
                and object_is_recipient
                and head.pos_ in VERBAL
                and child.i > head.i
                and m.label(child) in MISPARSED_OBJECT_LABELS
            ):
                out += m.of_phrase(child)  # "hosted Ethiopian Prime Minister Abiy Ahmed", parsed as an adverb
            elif dep in {"prep", "prt", "dative"} and not _same(child, particle):
                for prep in (child, *m.tree.conjuncts(child)):
                    if prep.lower_ in RECIPIENT_PREPS:
                        out += m.of_objects(prep)
            elif dep == "nsubjpass" and _same(head, trigger) and head.pos_ in VERBAL:
                out += m.of_phrase(child)
    if _reduced_relative(trigger) and object_is_recipient:
        out += m.of_phrase(trigger.head)  # "Omar Farah, arrested by police": he undergoes it
    if not out and _shares_passive_subject(trigger, m):  # "was arrested and sentenced"
        # "invaded Ukraine and was sanctioned": its own auxiliary makes the active verb's
        # subject the one who undergoes it too
        shared = (
            {"nsubjpass", "nsubj"}
            if any(c.dep_ == "auxpass" for c in m.tree.children(trigger))
            else {"nsubjpass"}
        )
        out += [n for c in m.tree.children(trigger.head) if c.dep_ in shared for n in m.of_phrase(c)]
    if out:
        out += _people_beside_places(trigger, m)
    return list(dict.fromkeys(out))


def _of_party(noun: Token, m: Mentions) -> list[str]:
    """The person an act object names in its ``of`` phrase ("the conviction of Zamora"),
    not the topic of a dialogue ("dialogue on the Beijing Declaration")."""
    return [
        n
        for c in m.tree.children(noun)
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in m.tree.children(c)
        if p.dep_ == "pobj" and m.label(p) == "PERSON"
        for n in m.of_phrase(p)
    ]


def _shares_passive_subject(trigger: Token, m: Mentions) -> bool:
    """A participle conjoined to a passive verb, with no subject of its own, undergoes what
    the first verb's subject does ("Joseph had been arrested and sentenced")."""
    return (
        trigger.dep_ == "conj"
        and trigger.tag_ == "VBN"
        and trigger.head.pos_ in VERBAL
        and not any(c.dep_ in SUBJECTS for c in m.tree.children(trigger))
    )


def agent_possessor(noun: Token, m: Mentions) -> bool:
    """The possessor of an act undergone by someone is its agent when an ``of`` phrase
    names who undergoes it ("Russia's invasion of Ukraine", "the regime's arrest of
    Zamora") or when it is a state or an organisation ("Israel's strikes"), not a person
    ("Lai's trial", "his arrest")."""
    children = m.tree.children(noun)
    poss = [c for c in children if c.dep_ == "poss"]
    if not poss:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
        return True
    return noun.lemma_.lower() in AGENT_POSSESSED and m.label(poss[0]) in {"GPE", "ORG", "NORP"}


def patients(noun: Token, m: Mentions) -> list[str]:
    """Who undergoes a nominal act: "Lai's trial", "the arrest of Zamora", "Zamora faces trial"."""
    out: list[str] = []
    agent = agent_possessor(noun, m)
    for child in m.tree.children(noun):
        if child.dep_ == "poss" and not agent:
            out += m.of_phrase(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out += m.of_objects(child)
    head = noun.head
    if not out and noun.dep_ in {"dobj", "obj"} and head.lemma_.lower() in PATIENT_VERBS:
        out += [n for c in m.tree.children(head) if c.dep_ in SUBJECTS for n in m.of_phrase(c)]
    return out


def _people_beside_places(trigger: Token, m: Mentions) -> list[str]:
    """'met with Putin in Moscow and Zelenskiy in Kyiv': a person conjoined to a place."""
    out = []
    if trigger.i not in m.above_places_with_people:
        return out
    for tok in m.tree.subtree(trigger):
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS and tok.head.i - trigger.i <= 8:
            for p in m.tree.children(tok):
                if p.dep_ == "pobj" and m.label(p) in {"GPE", "LOC", "FAC"}:
                    out += [
                        n for c in m.tree.conjuncts(p) if m.label(c) in {"PERSON", "ORG"} for n in m.of(c)
                    ]
    return out


def destination(trigger: Token, m: Mentions) -> Optional[str]:
    """A visit's one named destination: its object or ``to`` phrase ("visited Beijing",
    "a visit to Brazil"), as the place is named (a city stays a city)."""
    found = []
    for child in m.tree.children(trigger):
        toks = (
            [child]
            if child.dep_ in {"dobj", "obj"}
            else [p for p in m.tree.children(child) if p.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ == "to"
            else []
        )
        for tok in toks:
            for t in (tok, *m.tree.conjuncts(tok)):
                ent = m.entity(t)
                if ent and ent["label"] in {"GPE", "LOC", "FAC"} and ent["canonical"] not in found:
                    found.append(ent["canonical"])
    return found[0] if len(found) == 1 else None


def place(trigger: Token, verb: Optional[Token], m: Mentions) -> Optional[str]:
    for head in (trigger, verb):
        if head is None:
            continue
        for child in m.tree.children(head):
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and child.i in m.above_places:
                for tok in m.tree.subtree(child):
                    ent = m.entity(tok)
                    if ent and ent["label"] in {"GPE", "LOC", "FAC"}:
                        return ent["canonical"]
    return None
