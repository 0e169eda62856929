"""Event mentions from trigger candidates: a verb with its role ("called for talks",
"agreed to lift sanctions"), object and particle; a noun with its light verb ("held
talks") unless it tells of an event already found ("attended the meeting") or of one
told before ("during the visit")."""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from pipeline.discourse.mentions import Mentions
from pipeline.document.access import doc_text, sent_bounds
from pipeline.events.arguments import (
    VERBAL,
    agent_possessor,
    clause_verb,
    destination,
    noun_actors,
    place,
    recipients,
    verb_actors,
)
from pipeline.events.candidates import (
    HELD_VERBS,
    Nouns,
    anaphor,
    complement_noun,
    in_topic_list,
    modifies_a_thing,
    own_args,
    own_participants,
)
from pipeline.events.characterizations import characterisation, characterisation_verbs, word_hashes
from pipeline.events.factuality import status
from pipeline.events.happenings import Retelling
from pipeline.events.lexicon import NOT_ADDRESSED, OBJECT_DEPS, choose_noun, choose_verb, complement, refine
from pipeline.events.mention import EventMention
from pipeline.events.vocabulary import Vocabulary

# plural nouns that tell of one happening ("the talks"); other plurals tell of several
PLURAL_SINGULARS = {
    "talk",
    "negotiation",
    "consultation",
    "discussion",
    "sanction",
    "hostility",
    "clash",
    "protest",
}
INDEFINITE = {"a", "an", "another", "some", "any", "no", "each", "every"}
NO_OBJECT_RECIPIENT = {"STATEMENT"}
HOLD_VERBS = {"hold", "have", "conduct"}
# roles whose complement is a happening of its own, told as a goal or a plan ("called for
# talks": the call happened, the talks are hypothetical); a refusal takes its complement in
TOLD_APART = frozenset({"appeal", "demand", "threat", "intent"})
JOINT_PREPS = {"with", "alongside"}  # "drills with the U.S. Navy", "exercises alongside India"
QUOTED_NOT_ADDRESSED = frozenset({"we", "it", "this", "that", "there", "everyone", "everybody"})
AGENT_FROM = {"PROTEST", "ACCUSE", "THREATEN", "SUPPORT", "REQUEST", "AID", "STATEMENT"}


class MentionBuilder:
    """One doc's event mentions, verbal first (``verbal``), then nominal (``nominal``)."""

    def __init__(self, doc: Doc, m: Mentions, vocab: Vocabulary, verbs: list[Token], nouns: Nouns):
        self.doc, self.m, self.tree, self.vocab = doc, m, m.tree, vocab
        self.text = doc_text(doc)
        self.verbs, self.nouns = verbs, nouns
        self.chosen = {}
        for tok in verbs:
            choice = choose_verb(tok, vocab.lex, m)
            if choice is not None:
                self.chosen[tok.i] = choice
        self.events: list[EventMention] = []
        self.consumed: set[int] = set()  # nouns that are a verb's object
        self.absorbed: set[int] = set()  # triggers a role verb took in ("called for talks")
        self.by_token: dict[int, EventMention] = {}
        self.anaphors: list[tuple[int, str]] = []  # (sentence start, lemma) of "the visit"
        self.retold: list[Retelling] = []  # "during the visit": a happening told again

    # -- verbal triggers -----------------------------------------------------------------
    def verbal(self) -> None:
        self._characterisations()  # first: "called Brazil a good friend" is praise, not a call
        for tok in self.verbs:
            if tok.i in self.chosen and tok.i not in self.absorbed and tok.i not in self.by_token:
                self._verbal(tok)
        self._quoted_demands()

    def _quoted_demands(self) -> None:
        """'"The administration must stop these transfers," Sepulveda added': a party told
        what it must do, in a quotation with no speech verb of its own, is its speaker's
        demand on that party (REQUEST 100), as "said China must quit" is."""
        wanted = word_hashes(self.vocab.cues["demand_modals"])
        for i in numpy.flatnonzero(numpy.isin(self.tree.column(LOWER), wanted)).tolist():
            aux = self.doc[i]
            verb = aux.head
            if aux.dep_ != "aux" or verb.pos_ != "VERB" or aux.i in self.by_token:
                continue
            if verb.dep_ == "ccomp" and verb.head.i in self.by_token:
                continue  # "said Iraq must reach a deal": the speech verb's demand
            if verb.dep_ not in {"ROOT", "conj"}:
                continue
            speaker = self.m.quoted.named_speaker(verb.idx, verb.idx + len(verb))
            subject = next((c for c in self.tree.children(verb) if c.dep_ == "nsubj"), None)
            if speaker is None or subject is None or subject.lower_ in NOT_ADDRESSED | QUOTED_NOT_ADDRESSED:
                continue
            addressed = [n for n in self.m.of_phrase(subject) if n != speaker]
            if not addressed:
                continue
            event = self.mention(verb, aux, verb, "REQUEST", None, "100", "must", None, None)
            event.actors, event.recipients = [speaker], addressed
            event.status = "occurred"  # the demand is made; what it asks for is the goal
            self.by_token[aux.i] = event  # the verb may be an event of its own: the goal
            self.events.append(event)

    def _characterisations(self) -> None:
        """ "called the ruling 'arbitrary'", "described the jailbreak as 'deplorable'": an
        accusation or praise (``characterizations.py``), its evaluative word a second mention."""
        for i in characterisation_verbs(self.tree, self.vocab.cues):
            tok = self.doc[i]
            if tok.pos_ != "VERB":
                continue
            found = characterisation(tok, self.tree, self.vocab.cues)
            if found is None:
                continue
            event = self.mention(
                tok, tok, tok, found.type, None, found.cameo, tok.lemma_.lower(), None, found.characterised
            )
            if found.type == "REJECT" and found.characterised is not None:
                self.consumed.add(found.characterised.i)  # the claim rejected is no event of its own
            word = found.word
            event.mentions = [
                {"text": event.text, "start": event.start, "end": event.end},
                {"text": word.text, "start": word.idx, "end": word.idx + len(word)},
            ]
            self.by_token[tok.i] = event
            self.events.append(event)

    def _verbal(self, tok: Token) -> None:
        entry, hit = self.chosen[tok.i]
        etype, cameo, mode = entry.type, entry.cameo, entry.mode
        tree = self.tree
        clause = complement(tok, entry.complement_aux, tree) if entry.complement_aux else None
        if entry.role:
            etype, cameo, hit = self._role(tok, entry, hit, clause, etype, cameo)
        obj = hit if hit is not None and hit.dep_ not in {"prep", "prt", "agent", "advmod"} else None
        if (
            obj is not None
            and obj.dep_ == "compound"
            and obj.head.dep_ in OBJECT_DEPS
            and obj.head.head.i == tok.i
        ):
            obj = obj.head  # "lift export controls": the entry read "export", the object is the controls
        if obj is not None:
            self.consumed.add(obj.i)
        end_tok = (
            hit
            if hit is not None and obj is None and 0 < hit.i - tok.i <= 2 and not entry.prep_object
            else tok
        )  # "called for", not "spoke by"
        trigger = (
            entry.key
            + (f" {entry.prep}" if entry.prep else "")
            + (f" {obj.lemma_}" if obj is not None and entry.object else "")
        )
        particle = hit if hit is not None and obj is None else None
        event = self.mention(tok, tok, end_tok, etype, mode, cameo, trigger, None, obj, particle)
        self._joint(event, entry, obj)
        if obj is not None and self._names_the_act(obj, etype):  # "issued a statement"
            a, b = self.doc[self.nouns[obj.i][1]].idx, obj.idx + len(obj)
            event.mentions = [
                {"text": event.text, "start": event.start, "end": event.end},
                {"text": self.text[a:b], "start": a, "end": b},
            ]
        if clause is not None:  # the demand is addressed to the clause's subject
            event.recipients += [
                n
                for c in tree.children(clause)
                if c.dep_ in {"nsubj", "nsubjpass"}
                for n in self.m.of_phrase(c)
                if n not in event.recipients and n not in event.actors
            ]
        self.by_token[tok.i] = event
        self.events.append(event)

    def _joint(self, event: EventMention, entry, obj: Optional[Token]) -> None:
        """An act that two parties do together takes the entry's joint reading: conjoined
        actors ("Russia and China held naval drills", "French and Egyptian warships"), or a
        with-party ("drills with the U.S. Navy") make an exercise cooperation, not a show of
        force."""
        if entry.joint is None:
            return
        tree = self.tree
        heads = {t.i: t for t in (event.tok, event.verb, obj) if t is not None}  # the noun, its clause's verb
        children = [c for head in heads.values() for c in tree.children(head)]
        subjects = [c for c in children if c.dep_ == "nsubj"]
        together = (
            len(event.actors) > 1
            or any(c.dep_ == "prep" and c.lower_ in JOINT_PREPS and self.m.of_objects(c) for c in children)
            or any(  # "French and Egyptian warships": one group of two states
                mod.dep_ in {"amod", "compound"} and any(c.dep_ == "conj" for c in tree.children(mod))
                for subject in subjects
                for mod in tree.children(subject)
            )
        )
        if together:
            event.type, event.cameo = entry.joint

    def _names_the_act(self, obj: Token, etype: str) -> bool:
        """The object is an event noun of the verb's own type: a second mention of it."""
        found = self.nouns.get(obj.i)
        entry = choose_noun(found[0], obj, self.vocab.lex, self.tree) if found else None
        return entry is not None and entry.type == etype

    def _role(self, tok: Token, entry, hit: Optional[Token], clause: Optional[Token], etype: str, cameo: str):
        """A role verb takes the type of the act it governs: a verbal trigger ("agreed to
        lift sanctions") or a nominal one ("called for talks")."""
        tree, chosen = self.tree, self.chosen
        if entry.complement_aux:
            inner = clause if clause is not None and clause.i in chosen else None
        else:
            inner = next(
                (
                    x
                    for c in tree.children(tok)
                    if c.dep_ in {"xcomp", "ccomp"}
                    for x in (c, *tree.conjuncts(c))
                    if x.i in chosen
                ),
                None,
            )
        if inner is not None:
            if entry.role not in TOLD_APART:
                self.absorbed.update(
                    c.i for c in (inner, *tree.conjuncts(inner))
                )  # "to handle X and to lift Y"
            ientry, ihit = chosen[inner.i]
            etype, cameo = refine(entry.role, ientry.type, ientry.cameo, self.vocab.lex)
            if ihit is not None and ihit.dep_ not in {"prep", "prt"}:
                self.consumed.add(ihit.i)
            return etype, cameo, hit
        # "called for talks", "said Iraq must reach a deal"
        noun, nentry = complement_noun(
            clause if clause is not None else tok, hit, self.nouns, tree, self.vocab
        )
        if noun is None and clause is None:  # "urged all parties to return to the talks"
            xcomp = next(
                (
                    c
                    for c in tree.children(tok)
                    if c.dep_ == "xcomp" and c.i not in chosen and c.lemma_ in self.vocab.appeal_carriers
                ),
                None,
            )
            if xcomp is not None:
                noun, nentry = complement_noun(xcomp, None, self.nouns, tree, self.vocab)
        if noun is not None:
            if entry.role not in TOLD_APART:
                self.absorbed.update(c.i for c in (noun, *tree.conjuncts(noun)) if c.i in self.nouns)
            etype, cameo = refine(entry.role, nentry.type, nentry.cameo, self.vocab.lex)
            if hit is not None and hit.i == noun.i:
                hit = None
        return etype, cameo, hit

    # -- nominal triggers ----------------------------------------------------------------
    def nominal(self) -> None:
        doc, tree, vocab = self.doc, self.tree, self.vocab
        for i in sorted(self.nouns):
            key, start, _ = self.nouns[i]
            tok = doc[i]
            if i in self.consumed or i in self.absorbed:
                continue
            entry = choose_noun(key, tok, vocab.lex, tree)
            if entry is None:
                continue
            if modifies_a_thing(tok, tree, vocab):
                continue  # "the contents of private phone conversations"
            if in_topic_list(tok, self.nouns, tree):
                continue  # "the withdrawal of troops, food, shelter and water"
            if entry.needs_args and anaphor(tok, tree, vocab):
                self._retelling(tok, start, entry)
                continue
            if (tok.is_title and not tok.is_sent_start) or self.m.label(tok) is not None:
                continue  # part of a name: "the APEC Economic Leaders' Meeting"
            if self._governed(tok, entry) or self._joins_conjunct(tok, entry):
                continue
            self._nominal(tok, key, start, entry)

    def _retelling(self, tok: Token, start: int, entry) -> None:
        sentence = sent_bounds(self.doc, tok.i)[0]
        self.anaphors.append((sentence, tok.lemma_))
        a_start, a_end = self.doc[start].idx, tok.idx + len(tok)
        self.retold.append(
            Retelling(self.text[a_start:a_end], a_start, a_end, entry.type, entry.mode, sentence)
        )

    def _governed(self, tok: Token, entry) -> bool:
        """The noun is the object of an event of its kind: "attended the meeting", "arrived for a visit"."""
        verb = clause_verb(tok)
        governing = self.by_token.get(verb.i) if verb is not None else None
        return (
            governing is not None
            and not tok.dep_.startswith("nsubj")  # "a lawsuit filed in February alleged": its own act
            and (governing.type, governing.mode) == (entry.type, entry.mode)
            and tok.head.i in (verb.i, *[c.i for c in self.tree.children(verb) if c.dep_ == "prep"])
        )

    def _joins_conjunct(self, tok: Token, entry) -> bool:
        """ "talks and meetings": a noun conjoined to a nominal event of its type widens it."""
        first = self.by_token.get(tok.head.i) if tok.dep_ == "conj" else None
        if first is None or first.type != entry.type or not first.noun:
            return False
        first.end = tok.idx + len(tok)
        first.text = self.text[first.start : first.end]
        self.by_token[tok.i] = first
        return True

    def _nominal(self, tok: Token, key: str, start: int, entry) -> None:
        head, light_verbs = tok.head, self.vocab.light_verbs
        light = (
            head
            if (
                tok.dep_ in OBJECT_DEPS
                and head.pos_ in VERBAL
                and head.i not in self.by_token
                and 0 < start - head.i <= 5
            )
            else None
        )
        if light is None:  # "the talks held in Geneva between X and Y", "the summit, which was held in Lima"
            light = next(
                (c for c in self.tree.children(tok) if c.dep_ in {"acl", "relcl"} and c.lemma_ in HELD_VERBS),
                None,
            )
        # the span is the noun ("held talks" → "talks"), with its verb where the noun is an
        # event only through that verb ("imposed martial law", "reached consensus")
        first = light if light is not None and entry.requires_light else self.doc[start]
        event = self.mention(tok, first, tok, entry.type, entry.mode, entry.cameo, key, light, None)
        self._joint(event, entry, None)
        own = own_args(tok, self.tree)
        # "Xi and Trong had in-depth exchanges", "the council held closed consultations"
        held = (
            light is not None
            and light.lemma_ in light_verbs
            and (bool(event.actors) or light.lemma_ in HOLD_VERBS)
        )
        if (
            entry.needs_args
            and not own
            and not held
            and (entry.strict_args or (light is not None and light.lemma_ not in light_verbs))
        ):
            return  # "deepening strategic dialogue", "youth exchanges"
        if entry.strict_args and not held and not own_participants(tok, self.m):
            return
        event.noun = True
        self.by_token[tok.i] = event
        self.events.append(event)

    # -- one mention ---------------------------------------------------------------------
    def mention(
        self,
        tok: Token,
        first: Token,
        last: Token,
        etype: str,
        mode: Optional[str],
        cameo: str,
        trigger: str,
        light: Optional[Token],
        obj: Optional[Token],
        particle: Optional[Token] = None,
    ) -> EventMention:
        """The mention of trigger ``tok`` spanning ``first`` to ``last``, with its arguments."""
        doc, tree = self.doc, self.tree
        verbal = tok.pos_ in VERBAL
        verb = tok if verbal else clause_verb(tok)
        actors, recips, location = self._arguments(
            tok, verb, verbal, etype, mode, cameo, light, obj, particle
        )
        sent_start, sent_end = sent_bounds(doc, tok.i)
        sent_last = doc[sent_end - 1]
        start, end = first.idx, last.idx + len(last)
        measure = self._measure(tok, obj)
        return EventMention(
            self.text[start:end],
            start,
            end,
            etype,
            mode,
            cameo,
            trigger,
            actors,
            recips,
            location,
            None,
            status(tok, verb, self.vocab.cues, tree, sentence_end=sent_last),
            doc[sent_start].idx,
            sent_last.idx + len(sent_last),
            tok=tok,
            verb=verb,
            noun=not verbal,
            sent=sent_start,
            light=light.lemma_.lower() if light is not None else None,
            # "four visits" are many; "the 2004 bombing" is one, dated by its year
            counted=not verbal
            and any(c.dep_ == "nummod" and c.ent_type_ not in {"DATE", "TIME"} for c in tree.children(tok)),
            definite=not verbal
            and (tok.tag_ != "NNS" or tok.lemma_.lower() in PLURAL_SINGULARS)
            and any(c.dep_ in {"det", "poss"} and c.lower_ not in INDEFINITE for c in tree.children(tok)),
            measure=measure,
        )

    def _measure(self, tok: Token, obj: Optional[Token]) -> Optional[str]:
        """The measure a mention imposes or lifts: the trigger ("sanctioned", "the
        tariffs"), its object ("imposed tariffs", "lifted the sanctions") or its passive
        subject ("if sanctions are lifted"), when it is one (``undone_measures``)."""
        measures = self.vocab.cues["undone_measures"]
        words = [tok, obj] + [c for c in self.tree.children(tok) if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
        for word in words:
            if word is not None and word.lemma_.lower() in measures:
                return word.lemma_.lower()
        return None

    def _arguments(self, tok, verb, verbal, etype, mode, cameo, light, obj, particle):
        """The actors, the recipients (none of them actors) and the place of a mention."""
        m, cues = self.m, self.vocab.cues
        # "undertook a mediation mission between Syria and Arafat": the compound's head holds the arguments
        arg = tok.head if not verbal and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
        undergone = not verbal and (
            etype in cues["patient_nominal_types"] or cameo in cues["patient_nominal_cameos"]
        )
        patient = undergone and not agent_possessor(arg, m)  # "Lai's trial", not "Russia's invasion"
        actors = (
            verb_actors(tok, m)
            if verbal
            else noun_actors(
                arg,
                m,
                agent_from=etype in AGENT_FROM,
                patient=patient,
                members_of=arg.lemma_.lower() in cues["member_of_nouns"],
            )
        )
        recips = recipients(
            arg,
            light,
            obj,
            m,
            object_is_recipient=etype not in NO_OBJECT_RECIPIENT
            and mode != "multilateral"
            and not (verbal and tok.lemma_.lower() in cues["topic_object_verbs"]),  # "discussed Ukraine"
            particle=particle,
            on_targets=self.vocab.on_targets,
            patient=undergone,
        )
        recips = [r for r in recips if r not in actors]
        location = destination(tok, m) if mode == "visit" else None
        location = location or place(tok, verb if not verbal else None, m)
        return actors, recips, location
