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

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.discourse.actors import ActorCoder
from pipeline.discourse.article import Discourse
from pipeline.discourse.mentions import Mentions
from pipeline.document.access import (
    blocked_char_ranges,
    register_extensions,
    results,
    sent_starts,
    set_results,
)
from pipeline.events.building import MentionBuilder
from pipeline.events.candidates import candidates
from pipeline.events.dating import date_mentions, discourse_dates
from pipeline.events.happenings import attach_retellings, merge_mentions
from pipeline.events.mention import EventMention
from pipeline.events.parties import implicit_actor, resolve_pairs, share_locations, undone_measures
from pipeline.events.senses import not_an_event
from pipeline.events.vocabulary import Vocabulary

LEAD_WINDOW = 8  # sentences after the lead event's that take its date when their clauses give none
INHERIT_WINDOW = 3  # sentences back in which a shared participant carries a date over


class EventExtractor:
    """spaCy component writing ``doc._.communique_events``: candidates, mentions, their
    parties and dates, then the happenings they tell of."""

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
        self.vocab = Vocabulary.load()
        self.finder = self.vocab.lex.finder(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._extract(doc)
        finally:  # also when it raises: the discourse holds the Doc (and its arrays)
            Discourse.forget(doc)  # the last component that asks who someone is

    def _extract(self, doc: Doc) -> Doc:
        m = Mentions(doc)
        verbs, nouns = candidates(doc, blocked_char_ranges(doc), m.tree, self.finder, self.vocab)
        builder = MentionBuilder(doc, m, self.vocab, verbs, nouns)
        builder.verbal()
        builder.nominal()
        events = builder.events
        events.sort(key=lambda e: e.start)
        resolve_pairs(events)
        undone_measures(events)
        implicit_actor(events)
        date_mentions(doc, events, builder.anaphors, self.inherit_window, self.vocab.cues["reporting_verbs"])
        share_locations(events)
        events = self._happenings(doc, events, m)
        attach_retellings(events, builder.retold, sent_starts(doc))
        discourse_dates(doc, events, self.lead_window)
        set_results(doc, "events", [e.record() for e in events])
        return doc

    def _happenings(self, doc: Doc, events: list[EventMention], m: Mentions) -> list[EventMention]:
        """The mentions that are events (senses, formal statements, a party to attach),
        each with who reports it, merged into happenings with coded participants."""
        quotes = m.quoted  # the one index of who says what, mentions ask it too ("we")
        turns = m.discourse.turns
        cue_starts = frozenset(
            q["cue_start"] for q in results(doc, "quotes") if q.get("cue_start") is not None
        )
        whole = [
            {"canonical": n, "label": label, "described": m.discourse.announced.get(n)}
            for n, label in m.discourse.name_labels.items()
        ]
        coder = ActorCoder.for_article(
            results(doc, "entities") + whole,  # and the names the model cut, made whole
            doc.user_data.get("communique_persons", {}),
            home=m.discourse.salient_country_code(len(doc)),
            person=m.discourse.person_code,
        )
        senses = self.vocab.senses
        kept = []
        starts = sent_starts(doc)
        for e in events:
            if e.type == "STATEMENT" and not senses.formal_statement(e.trigger, e.light):
                continue
            if not_an_event(e.tok, e.type, e.mode, m.tree, senses, cue_starts):
                continue
            e.actors, e.recipients = _spelled_out(e.actors, m), _spelled_out(e.recipients, m)
            coded = {n: coder.code(n) for n in e.actors + e.recipients}
            if not (e.location or e.pair or coded):
                continue  # nobody to attach, and no place ("the next summit will be held in Tashkent")
            if _interview(e, coded, self.vocab.cues["interview_verbs"]):
                continue  # "spoke with VOA", "Reuters talked to the minister": reporting, not a meeting
            e.coded = coded
            e.named = frozenset(n for n, c in coded.items() if coder.named(n, c))
            e.reported_by = quotes.reporter(e.start, e.end) or turns.reporter(
                e.tok.i
            )  # an interviewee's answer
            e.sent_index = bisect.bisect_right(starts, e.sent)  # the sentence's number in the doc
            kept.append(e)
        codes = {name: code for e in kept for name, code in e.coded.items()}
        happenings = merge_mentions(kept)
        for h in happenings:
            h.actors = [codes.get(n) or coder.code(n) for n in h.actors]
            h.recipients = [codes.get(n) or coder.code(n) for n in h.recipients]
        return happenings


def _interview(e: EventMention, coded: dict, verbs: frozenset) -> bool:
    """A conversation with a news outlet or reporters is an interview, not a consultation."""
    return (
        e.type == "CONSULT"
        and e.tok is not None
        and e.tok.lemma_.lower() in verbs
        and any(c.get("agent_type") == "MED" for c in coded.values())
    )


def _spelled_out(names: list[str], m: Mentions) -> list[str]:
    """Acronyms as the article spells them out ("BLA" → "Baloch Liberation Army"), however
    the name was reached (a pronoun, a speaker, a group)."""
    return list(dict.fromkeys(m.acronyms.get(n, n) if n.isupper() else n for n in names))


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
