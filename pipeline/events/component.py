"""Events: who did what to whom, where and when, in PLOVER/CAMEO terms.

Triggers come from the lexicon in ``patterns/triggers.jsonl`` (see
``pipeline.events.lexicon``), verbal ("visited", "imposed sanctions", "called on") and
nominal ("visit to Brazil", "talks and meetings", "sent congratulations"), found in one
vectorised pass. Arguments come from the parse (``pipeline.events.arguments``), participants are
canonical names (``pipeline.discourse.mentions``). The date is the TIMEX3 value of the temporal
expression in the trigger's clause or a clause above it; else one inherited from the
discourse ("During the visit", a later event with the same participants); else the
article's narrative date (a retrospective's year); never the dateline by default.

Each event: ``{text, start, end, type, mode, cameo, trigger, actors, recipients, location,
date, status, sentence_start, sentence_end}``; the span is the trigger (with its light verb
or particle: "held talks", "called for").
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.discourse.actors import ActorCoder
from pipeline.discourse.article import Discourse
from pipeline.discourse.mentions import PAIR, UNRESOLVED, Mentions, Tree
from pipeline.document.access import (
    blocked_char_ranges,
    doc_text,
    overlaps,
    register_extensions,
    results,
    sent_bounds,
    sent_starts,
    set_results,
)
from pipeline.events.arguments import (
    VERBAL,
    clause_verb,
    destination,
    noun_actors,
    place,
    recipients,
    verb_actors,
)
from pipeline.events.factuality import QuoteIndex, status
from pipeline.events.happenings import Retelling, attach_retellings, merge_mentions
from pipeline.events.lexicon import OBJECT_DEPS, choose_noun, choose_verb, complement, lexicon, refine
from pipeline.events.senses import SenseRules, not_an_event, political

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
ARG_PREPS = {"with", "to", "between", "by", "among", "from", "of", "on", "against", "in", "for"}
NO_OBJECT_RECIPIENT = {"STATEMENT"}
HOLD_VERBS = {"hold", "have", "conduct"}
AGENT_FROM = {"PROTEST", "ACCUSE", "THREATEN", "SUPPORT", "REQUEST", "AID", "STATEMENT"}
LEAD_WINDOW = 8  # sentences after the lead event's that take its date when their clauses give none
INHERIT_WINDOW = 3  # sentences back in which a shared participant carries a date over
WORKING_KEYS = (
    "_tok",
    "_verb",
    "_noun",
    "_sent",
    "_own",
    "_inherited",
    "_light",
    "_sent_index",
    "_last_sent_index",
    "_counted",
    "_pair",
    "_definite",
)  # dropped from the records


class EventExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str = "communique_events",
        *,
        lead_window: int = LEAD_WINDOW,
        inherit_window: int = INHERIT_WINDOW,
    ):
        self.name = name
        self.lead_window, self.inherit_window = lead_window, inherit_window
        self.lex = lexicon()
        self.finder = self.lex.finder(nlp.vocab)
        # the cue word lists as sets (membership tests only; the refinement tables stay dicts)
        self.cues = {k: frozenset(v) if isinstance(v, list) else v for k, v in self.lex.cameo.items()}
        self.light_verbs = frozenset(self.cues["light_verbs"])
        self.allegation_verbs = frozenset(self.cues["allegation_verbs"])
        self.on_targets = frozenset(self.cues["on_recipient_nouns"])
        self.measure_nouns = frozenset(self.cues["measure_nouns"])
        self.appeal_carriers = frozenset(self.cues["appeal_carriers"])
        self.senses = SenseRules.load()

    # -- candidates ----------------------------------------------------------------------
    def _candidates(
        self, doc: Doc, blocked, tree: Tree
    ) -> tuple[list[Token], dict[int, tuple[str, int, int]]]:
        verbs, nouns = [], {}
        for kind, start, end in self.finder(doc, tree):
            tok = doc[end - 1]
            if blocked and overlaps(doc[start].idx, tok.idx + len(tok), blocked):
                continue
            if self._not_an_act(tok, tree):
                continue
            if kind == "VERB":
                # "the besieged town", "ousted President X" (a state), "evacuated the wounded" (people)
                if tok.dep_ != "amod" and not any(c.dep_ == "det" for c in tree.children(tok)):
                    verbs.append(tok)
                continue
            if kind == "PHRASE":
                key = " ".join([t.lower_ for t in doc[start : end - 1]] + [tok.lemma_])
            else:
                lemma = tok.lemma_
                key = lemma if lemma in self.lex.nouns else tok.lower_
            if key not in self.lex.nouns:
                continue
            old = nouns.get(tok.i)
            if old is None or end - start > old[2] - old[1]:
                nouns[tok.i] = (key, start, end)
        return verbs, nouns  # the finder lists single verbs once each, in order

    def _not_an_act(self, tok: Token, tree: Tree) -> bool:
        """A generic gerund subject ('Shelling camps is a war crime', 'Sanctioning five men
        will not stop an army') and the content of a charge ('accused Rwanda of backing M23')
        name acts, not events that happened."""
        dep = tok.dep_
        if (
            dep in {"csubj", "csubjpass", "nsubj", "nsubjpass"}
            and tok.tag_ == "VBG"
            and not any(c.dep_ in {"nsubj", "poss"} for c in tree.children(tok))
        ):
            return True
        if dep not in {"pcomp", "pobj"}:
            return False
        head = tok.head
        if head.lower_ not in {"of", "for"}:
            return False
        gov = head.head if head.head.dep_ not in OBJECT_DEPS else head.head.head  # "accused Rwanda of"
        return gov.lemma_ in self.allegation_verbs

    def _modifies_a_thing(self, tok: Token, tree: Tree) -> bool:
        """A bare event noun in the of/about phrase of a noun that is no event names a kind
        of event, not one that happened ('the mentality of bloc confrontation', 'speculation
        about phone conversations')."""
        head = tok.head
        return (
            tok.dep_ == "pobj"
            and head.lower_ in {"of", "about"}
            and head.head.pos_ == "NOUN"
            and head.head.lemma_ not in self.lex.nouns
            and head.head.lemma_ not in self.measure_nouns
            and not any(c.dep_ == "nummod" for c in tree.children(head.head))
            and not any(c.dep_ in {"det", "poss", "nummod"} for c in tree.children(tok))
            and not self._own_args(tok, tree)
        )

    @staticmethod
    def _in_topic_list(tok: Token, nouns: dict, tree: Tree) -> bool:
        """A trigger noun listed among three or more things that are not events."""
        head, seen = tok, {tok.i}
        while head.dep_ == "conj" and head.head.i not in seen:  # bounded on any parse
            head = head.head
            seen.add(head.i)
        items = [head, *tree.conjuncts(head)]
        others = [t for t in items if t.i not in nouns and t.pos_ in {"NOUN", "PROPN"}]
        return len(items) >= 3 and len(others) * 2 >= len(items)

    def _anaphor(self, tok: Token, tree: Tree) -> bool:
        """'during the visit': a definite event noun without arguments refers back."""
        children = tree.children(tok)
        if not any(c.dep_ == "det" and c.lower_ in self.cues["anaphoric_determiners"] for c in children):
            return False
        return not any(
            c.dep_ in {"poss", "nummod"}
            or (c.dep_ == "prep" and c.lower_ in ARG_PREPS)
            or (c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN")
            for c in children
        )

    def _complement_noun(self, verb: Token, hit: Optional[Token], nouns: dict, tree: Tree):
        """A nominal trigger that a role verb governs: its object ("rejected the proposal"),
        the object of its particle or of to/for/on ("called for talks", "agreed to a truce"),
        and the entry it reads as."""
        cands = [c for c in tree.children(verb) if c.dep_ in OBJECT_DEPS]
        preps = [
            c
            for c in tree.children(verb)
            if c.dep_ in {"prep", "prt"} and c.lower_ in {"to", "for", "on", "upon"}
        ]
        if hit is not None and hit.dep_ == "prep":
            preps.insert(0, hit)
        cands += [p for prep in preps for p in tree.children(prep) if p.dep_ == "pobj"]
        for tok in cands:
            for cand in (tok, *tree.conjuncts(tok)):
                if cand.i not in nouns:
                    continue
                key = nouns[cand.i][0]
                entry = choose_noun(key, cand, self.lex, tree) or self.lex.nouns[key][0]
                return cand, entry
        return None, None

    @staticmethod
    def _own_args(tok: Token, tree: Tree) -> bool:
        return any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ARG_PREPS - {"in", "for", "on"})
            for c in tree.children(tok)
        )

    @staticmethod
    def _own_participants(tok: Token, m: Mentions) -> list[str]:
        out = []
        tree = m.tree
        for c in tree.children(tok):
            if c.dep_ == "poss":
                out += m.of_phrase(c)
            elif c.dep_ == "prep" and c.lower_ in ARG_PREPS - {"in", "for", "on", "of"}:
                out += [n for p in tree.children(c) if p.dep_ == "pobj" for n in m.of_phrase(p)]
        return out

    # -- the component -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        self._text = doc_text(doc)
        m = Mentions(doc)
        tree = self._tree = m.tree
        verbs, nouns = self._candidates(doc, blocked, tree)
        chosen = {}
        for tok in verbs:
            choice = choose_verb(tok, self.lex, m)
            if choice is not None:
                chosen[tok.i] = choice
        events: list[dict] = []
        consumed: set[int] = set()
        absorbed: set[int] = set()
        by_token: dict[int, dict] = {}
        for tok in verbs:
            if tok.i not in chosen or tok.i in absorbed:
                continue
            entry, hit = chosen[tok.i]
            etype, cameo, mode = entry.type, entry.cameo, entry.mode
            clause = complement(tok, entry.complement_aux, tree) if entry.complement_aux else None
            if entry.role:
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
                    absorbed.update(
                        c.i for c in (inner, *tree.conjuncts(inner))
                    )  # "to handle X and to lift Y"
                    ientry, ihit = chosen[inner.i]
                    etype, cameo = refine(entry.role, ientry.type, ientry.cameo, self.lex)
                    if ihit is not None and ihit.dep_ not in {"prep", "prt"}:
                        consumed.add(ihit.i)
                else:  # "called for talks", "said Iraq must reach a deal"
                    noun, nentry = self._complement_noun(
                        clause if clause is not None else tok, hit, nouns, tree
                    )
                    if noun is None and clause is None:  # "urged all parties to return to the talks"
                        xcomp = next(
                            (
                                c
                                for c in tree.children(tok)
                                if c.dep_ == "xcomp"
                                and c.i not in chosen
                                and c.lemma_ in self.appeal_carriers
                            ),
                            None,
                        )
                        if xcomp is not None:
                            noun, nentry = self._complement_noun(xcomp, None, nouns, tree)
                    if noun is not None:
                        absorbed.update(c.i for c in (noun, *tree.conjuncts(noun)) if c.i in nouns)
                        etype, cameo = refine(entry.role, nentry.type, nentry.cameo, self.lex)
                        if hit is not None and hit.i == noun.i:
                            hit = None
            obj = hit if hit is not None and hit.dep_ not in {"prep", "prt", "agent", "advmod"} else None
            if obj is not None:
                consumed.add(obj.i)
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
            event = self._event(doc, tok, tok, end_tok, etype, mode, cameo, trigger, None, obj, m, particle)
            if clause is not None:  # the demand is addressed to the clause's subject
                event["recipients"] += [
                    n
                    for c in tree.children(clause)
                    if c.dep_ in {"nsubj", "nsubjpass"}
                    for n in m.of_phrase(c)
                    if n not in event["recipients"] and n not in event["actors"]
                ]
            by_token[tok.i] = event
            events.append(event)
        anaphors: list[tuple[int, str]] = []
        retold: list[Retelling] = []  # "during the visit": a happening told again
        for i in sorted(nouns):
            key, start, end = nouns[i]
            tok = doc[i]
            if i in consumed or i in absorbed:
                continue
            entry = choose_noun(key, tok, self.lex, tree)
            if entry is None:
                continue
            if self._modifies_a_thing(tok, tree):
                continue  # "the contents of private phone conversations"
            if self._in_topic_list(tok, nouns, tree):
                continue  # "the withdrawal of troops, food, shelter and water"
            if entry.needs_args and self._anaphor(tok, tree):
                anaphors.append((sent_bounds(doc, i)[0], tok.lemma_))
                a_start, a_end = doc[start].idx, tok.idx + len(tok)
                retold.append(
                    Retelling(
                        self._text[a_start:a_end],
                        a_start,
                        a_end,
                        entry.type,
                        entry.mode,
                        sent_bounds(doc, i)[0],
                    )
                )
                continue
            if (tok.is_title and not tok.is_sent_start) or m.label(tok) is not None:
                continue  # part of a name: "the APEC Economic Leaders' Meeting"
            verb = clause_verb(tok)
            governing = by_token.get(verb.i) if verb is not None else None
            if (
                governing is not None
                and (governing["type"], governing["mode"]) == (entry.type, entry.mode)
                and tok.head.i in (verb.i, *[c.i for c in tree.children(verb) if c.dep_ == "prep"])
            ):
                continue  # "attended the meeting", "arrived for a visit"
            if (
                tok.dep_ == "conj"
                and tok.head.i in by_token
                and by_token[tok.head.i]["type"] == entry.type
                and by_token[tok.head.i]["_noun"]
            ):
                first = by_token[tok.head.i]
                first["end"] = tok.idx + len(tok)
                first["text"] = self._text[first["start"] : first["end"]]
                by_token[i] = first
                continue
            light = (
                tok.head
                if (
                    tok.dep_ in OBJECT_DEPS
                    and tok.head.pos_ in VERBAL
                    and tok.head.i not in by_token
                    and 0 < start - tok.head.i <= 5
                )
                else None
            )
            # the span is the noun ("held talks" → "talks"), with its verb where the noun is an
            # event only through that verb ("imposed martial law", "reached consensus")
            first = light if light is not None and entry.requires_light else doc[start]
            event = self._event(
                doc, tok, first, tok, entry.type, entry.mode, entry.cameo, key, light, None, m
            )
            own = self._own_args(tok, tree)
            # "Xi and Trong had in-depth exchanges", "the council held closed consultations"
            held = (
                light is not None
                and light.lemma_ in self.light_verbs
                and (bool(event["actors"]) or light.lemma_ in HOLD_VERBS)
            )
            if (
                entry.needs_args
                and not own
                and not held
                and (entry.strict_args or (light is not None and light.lemma_ not in self.light_verbs))
            ):
                continue  # "deepening strategic dialogue", "youth exchanges"
            if entry.strict_args and not held and not self._own_participants(tok, m):
                continue
            event["_noun"] = True
            by_token[i] = event
            events.append(event)
        events.sort(key=lambda e: e["start"])
        self._resolve_pairs(events)
        self._implicit_actor(events)
        self._dates(doc, events, anaphors)
        self._share_locations(events)
        events = self._happenings(doc, events)
        attach_retellings(events, retold, sent_starts(doc))
        self._discourse_dates(doc, events)
        for e in events:
            for k in WORKING_KEYS:
                e.pop(k, None)
        set_results(doc, "events", events)
        Discourse.forget(doc)  # the last component that asks who someone is
        return doc

    def _event(
        self,
        doc: Doc,
        tok: Token,
        first: Token,
        last: Token,
        etype: str,
        mode: Optional[str],
        cameo: str,
        trigger: str,
        light: Optional[Token],
        obj: Optional[Token],
        m: Mentions,
        particle: Optional[Token] = None,
    ) -> dict:
        verbal = tok.pos_ in VERBAL
        verb = tok if verbal else clause_verb(tok)
        # "undertook a mediation mission between Syria and Arafat": the compound's head holds the arguments
        arg = tok.head if not verbal and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
        patient = not verbal and (
            etype in self.cues["patient_nominal_types"] or cameo in self.cues["patient_nominal_cameos"]
        )
        actors = (
            verb_actors(tok, m)
            if verbal
            else noun_actors(arg, m, agent_from=etype in AGENT_FROM, patient=patient)
        )
        recips = recipients(
            arg,
            light,
            obj,
            m,
            object_is_recipient=etype not in NO_OBJECT_RECIPIENT and mode != "multilateral",
            particle=particle,
            on_targets=self.on_targets,
            patient=patient,
        )
        recips = [r for r in recips if r not in actors]
        location = destination(tok, m) if mode == "visit" else None
        location = location or place(tok, verb if not verbal else None, m)
        sent_start, sent_end = sent_bounds(doc, tok.i)
        sent_last = doc[sent_end - 1]
        start, end = first.idx, last.idx + len(last)
        return {
            "text": self._text[start:end],
            "start": start,
            "end": end,
            "type": etype,
            "mode": mode,
            "cameo": cameo,
            "trigger": trigger,
            "actors": actors,
            "recipients": recips,
            "location": location,
            "date": None,
            "status": status(tok, verb, self.cues, m.tree, sentence_end=sent_last),
            "sentence_start": doc[sent_start].idx,
            "sentence_end": sent_last.idx + len(sent_last),
            "_tok": tok,
            "_verb": verb,
            "_noun": not verbal,
            "_sent": sent_start,
            "_light": light.lemma_.lower() if light is not None else None,
            "_counted": not verbal and any(c.dep_ == "nummod" for c in m.tree.children(tok)),
            "_definite": not verbal
            and (tok.tag_ != "NNS" or tok.lemma_.lower() in PLURAL_SINGULARS)
            and any(c.dep_ in {"det", "poss"} and c.lower_ not in INDEFINITE for c in m.tree.children(tok)),
        }

    def _happenings(self, doc: Doc, events: list[dict]) -> list[dict]:
        """The mentions that are events (senses, formal statements, political participants),
        each with who reports it, merged into happenings with coded participants."""
        quotes = QuoteIndex(results(doc, "quotes"))
        coder = ActorCoder.for_article(results(doc, "entities"), doc.user_data.get("communique_persons", {}))
        kept = []
        starts = sent_starts(doc)
        for e in events:
            if e["type"] == "STATEMENT" and not self.senses.formal_statement(e["trigger"], e["_light"]):
                continue
            if not_an_event(e["_tok"], e["type"], e["mode"], self._tree, self.senses):
                continue
            coded = {n: coder.code(n) for n in e["actors"] + e["recipients"]}
            if (
                not e["location"]
                and not e.get("_pair")
                and not political(e["type"], list(coded.values()), coder.labels, self.senses)
            ):
                continue  # nobody to attach, and no place ("the next summit will be held in Tashkent")
            e["_coded"] = coded
            e["reported_by"] = quotes.reporter(e["start"], e["end"])
            e["_sent_index"] = bisect.bisect_right(starts, e["_sent"])  # the sentence's number in the doc
            kept.append(e)
        codes = {name: code for e in kept for name, code in e.pop("_coded").items()}
        happenings = merge_mentions(kept)
        for h in happenings:
            h["actors"] = [codes.get(n) or coder.code(n) for n in h["actors"]]
            h["recipients"] = [codes.get(n) or coder.code(n) for n in h["recipients"]]
        return happenings

    def _discourse_dates(self, doc: Doc, happenings: list[dict]) -> None:
        """A happening its clauses leave undated takes the date of a dated happening of its
        sentence, else, near the top of the story, the date of the story's lead event."""
        starts = sent_starts(doc)
        body = [h for h in happenings if not h.get("reported_by")]
        own = {}
        for h in body:
            if h["date"] and h.get("_own"):
                own.setdefault(h["_sent"], h["date"])
        lead = next((h["date"] for h in body if h["date"] and h.get("_own") and len(h["date"]) == 10), None)
        lead_sentence = next((h["_sent"] for h in body if h["date"] == lead), None)
        for h in happenings:
            if h["date"] or h["status"] != "occurred":
                continue
            if h["_sent"] in own:
                h["date"] = own[h["_sent"]]
            elif lead and lead_sentence is not None:
                k = bisect.bisect_right(starts, h["_sent"]) - bisect.bisect_right(starts, lead_sentence)
                if 0 <= k <= self.lead_window:
                    h["date"] = lead

    @staticmethod
    def _implicit_actor(events: list[dict]) -> None:
        """A nominal event without actors in an article about one actor ('The meetings with
        leaders of India and Japan', in a review of a leader's year) is that actor's."""
        counts = Counter(a for e in events for a in e["actors"])
        if not counts:
            return
        main, n = counts.most_common(1)[0]
        if n < 3 or n * 2 < sum(counts.values()):
            return
        for e in events:
            if e["_noun"] and not e["actors"] and main not in e["recipients"] and e["recipients"]:
                e["actors"] = [main]

    @staticmethod
    def _resolve_pairs(events: list[dict]) -> None:
        for e in events:
            for role in ("actors", "recipients"):
                if UNRESOLVED in e[role]:
                    e[role] = [n for n in e[role] if n != UNRESOLVED]
                    e["_pair"] = True  # a party the text has, not named
        for i, e in enumerate(events):
            for role in ("actors", "recipients"):
                if PAIR not in e[role]:
                    continue
                e["_pair"] = True  # "the two countries signed": parties the text has, named or not
                before = [p for p in events[:i] if p["_sent"] >= e["_sent"] - 200]
                found: list[str] = []
                if before:
                    prev = before[-1]
                    found = [n for n in prev["actors"] + prev["recipients"] if n != PAIR]
                e[role] = list(dict.fromkeys(n for n in e[role] if n != PAIR)) + [
                    n for n in found if n not in e[role]
                ]
            e["recipients"] = [n for n in e["recipients"] if n not in e["actors"]]

    # -- dates ---------------------------------------------------------------------------
    def _dates(self, doc: Doc, events: list[dict], anaphors: list[tuple[int, str]]) -> None:
        at_verb: dict[int, str] = {}
        for d in results(doc, "dates"):
            value = d.get("value")
            if (
                not value
                or d.get("type") not in {"DATE", "TIME"}
                or value.startswith("P")
                or value.endswith("_REF")
            ):
                continue
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is None:
                continue
            tok = span.root
            for _ in range(8):
                if tok.pos_ in VERBAL:
                    break
                head = tok.head
                if head.i == tok.i:
                    break
                tok = head
            at_verb.setdefault(tok.i, value[:10])
        sent_index = {}
        for e in events:
            sent_index.setdefault(e["_sent"], len(sent_index))
        counts = Counter(a for e in events for a in e["actors"])
        dominant = counts.most_common(1)[0][0] if counts else None
        people = set(doc.user_data.get("communique_persons", {}))
        narrative = (
            getattr(doc._, "communique_narrative_date", None)
            if doc.has_extension("communique_narrative_date")
            else None
        )
        for i, e in enumerate(events):
            v = e["_verb"] or e["_tok"]
            seen = 0
            while at_verb and seen < 8:  # the date of the clause, or of one above it
                if v.i in at_verb:
                    e["date"], e["_own"] = at_verb[v.i], True
                    break
                head = v.head
                if head.i == v.i:
                    break
                v, seen = head, seen + 1
            if e["date"] or e["status"] == "hypothetical":
                continue  # a goal or a possibility has a date only where its clause gives one
            lemmas = {lemma for s, lemma in anaphors if s == e["_sent"]}
            prior = [p for p in events[:i] if p["date"]]
            if lemmas:
                ref = next((p for p in reversed(prior) if p["_tok"].lemma_ in lemmas), None)
                if ref is not None:
                    e["date"] = ref["date"]
                    continue
            mine = {n for n in e["actors"] + e["recipients"] if n != dominant and n in people}
            ref = None
            for p in reversed(prior):
                if sent_index[e["_sent"]] - sent_index[p["_sent"]] > self.inherit_window:
                    break
                if mine & set(p["actors"] + p["recipients"]) and (p.get("_own") or p.get("_inherited")):
                    ref = p
                    break
            if ref is not None:
                e["date"], e["_inherited"] = ref["date"], True
            elif narrative and e["status"] == "occurred":
                e["date"] = narrative

    @staticmethod
    def _share_locations(events: list[dict]) -> None:
        """An event without a place takes the one place of its sentence's other events
        that share a participant with it; a phone call takes none."""
        for e in events:
            if e["location"] or e.get("mode") == "phone":
                continue
            mine = set(e["actors"] + e["recipients"])
            places = {
                p["location"]
                for p in events
                if p is not e
                and p["_sent"] == e["_sent"]
                and p["location"]
                and (not mine or mine & set(p["actors"] + p["recipients"]))
            }
            if len(places) == 1:
                e["location"] = next(iter(places))


@Language.factory(
    "communique_events",
    assigns=["doc._.communique_events", "doc.spans"],
    requires=[
        "doc._.communique_entities",
        "doc._.communique_dates",
        "doc._.communique_quotes",
        "doc._.communique_narrative_date",
        "token.dep",
        "token.pos",
        "token.lemma",
        "token.tag",
        "token.ent_type",
        "token.is_sent_start",
    ],
    default_config={"lead_window": LEAD_WINDOW, "inherit_window": INHERIT_WINDOW},
)
def make_events(nlp: Language, name: str, lead_window: int, inherit_window: int) -> EventExtractor:
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return EventExtractor(nlp, name, lead_window=lead_window, inherit_window=inherit_window)
