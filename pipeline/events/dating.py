"""When an event happened: the TIMEX3 value of the temporal expression in the trigger's
clause or a clause above it; else the date of the happening a definite noun tells of
again ("During the visit"), or of an earlier event with a shared participant; else the
article's narrative date. After merging, an undated happening takes a date from its
sentence or from the story's lead event."""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from typing import Optional

from spacy.tokens import Doc, Token

from pipeline.dates.grammar import date_lexicon
from pipeline.document.access import results, sent_starts
from pipeline.events.arguments import VERBAL
from pipeline.events.factuality import purpose_clause
from pipeline.events.happenings import SPEECH_ACTS
from pipeline.events.mention import EventMention

WORDS = SPEECH_ACTS - {"AGREE"}  # acts in words (an agreement binds; it is no reaction)
MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod"})  # "the 2004 bombing"


@functools.lru_cache(maxsize=1)
def _open_ends() -> frozenset:
    """Prepositions of a period's end ("until", "through"), from the dates lexicon."""
    return frozenset(date_lexicon()["open_end_preps"])


def clause_dates(doc: Doc) -> dict[int, str]:
    """The day (or month, year) of each dated clause, by the verb the date hangs from, and
    of each noun a date modifies ("the 2004 bombing", "Friday's talks")."""
    at_verb: dict[int, str] = {}
    for d in results(doc, "dates"):
        value = d.get("value")
        if d.get("type") == "DURATION" and d.get("point"):
            value = d["point"]  # "Two months later, ...": the date the duration leads to
        elif (
            not value
            or d.get("type") not in {"DATE", "TIME"}
            or value.startswith(("P", "FY"))  # durations, sets, fiscal years
            or value.endswith("_REF")
        ):
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ in _open_ends():
            continue  # "delayed the tariffs until April 2": when it stops, not when it was done
        if tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in {"NOUN", "PROPN"}:
            at_verb.setdefault(tok.head.i, value[:10])
            continue
        for _ in range(8):
            if tok.pos_ in VERBAL:
                break
            head = tok.head
            if head.i == tok.i:
                break
            tok = head
        at_verb.setdefault(tok.i, value[:10])
    return at_verb


def date_mentions(
    doc: Doc,
    events: list[EventMention],
    anaphors: list[tuple[int, str]],
    inherit_window: int,
    reporting: frozenset = frozenset(),
) -> None:
    """Date each mention from its clause, a retold happening, a participant's earlier event
    or the narrative date; the day of a reporting verb ("officials said Sunday") is when it
    was told, not when what they tell of happened."""
    at_verb = clause_dates(doc)
    sent_index = {}
    for e in events:
        sent_index.setdefault(e.sent, len(sent_index))
    counts = Counter(a for e in events for a in e.actors)
    dominant = counts.most_common(1)[0][0] if counts else None
    people = set(doc.user_data.get("communique_persons", {}))
    narrative = (
        getattr(doc._, "communique_narrative_date", None)
        if doc.has_extension("communique_narrative_date")
        else None
    )
    anaphor_lemmas = defaultdict(set)  # sentence -> lemmas its anaphors retell
    for sent, lemma in anaphors:
        anaphor_lemmas[sent].add(lemma)
    prior = _PriorDates()
    told_by = {e.tok.i: e for e in events if e.tok is not None and not e.noun}
    for e in events:
        if at_verb:
            _clause_date(e, at_verb, reporting, told_by)
        # a goal, a plan or a denial has a date only where its clause gives one
        if not e.date and e.status == "occurred":
            if _unanchored_tense(e):
                e.date = narrative  # "has rejected the accusations": no time point of the story
            else:
                retold = prior.latest_of(anaphor_lemmas.get(e.sent, ()))
                mine = {n for n in e.actors + e.recipients if n != dominant and n in people}
                shared = (
                    None if retold else _shared_participant(e, mine, prior.events, sent_index, inherit_window)
                )
                if retold is not None:
                    e.date = retold.date
                elif shared is not None:
                    e.date, e.inherited = shared.date, True
                elif narrative:
                    e.date = narrative
        prior.add(e)


class _PriorDates:
    """The dated events so far, in text order, and the latest of each trigger lemma
    (looked up, not walked back: the walk was quadratic in the events of an article)."""

    def __init__(self):
        self.events: list[EventMention] = []
        self._last: dict[str, int] = {}

    def add(self, e: EventMention) -> None:
        if e.date:
            self._last[e.tok.lemma_] = len(self.events)
            self.events.append(e)

    def latest_of(self, lemmas) -> Optional[EventMention]:
        found = [self._last[lemma] for lemma in lemmas if lemma in self._last]
        return self.events[max(found)] if found else None


EMBEDDED_CLAUSES = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl"})
NOUN_CLAUSES = frozenset({"acl", "relcl"})  # a participle or relative clause telling of the noun
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
TIMES = frozenset({"DATE", "TIME"})  # "in July 2020, when he escaped": a clause telling of a time
PERFECT = frozenset({"has", "have", "'s", "'ve"})
SIMPLE_PRESENT = frozenset({"VBZ", "VBP"})
PRESENT_BE = frozenset(
    {"is", "are", "am", "'s", "'re", "'m"}
)  # the present perfect; a pluperfect is told in sequence


def _unanchored_tense(e: EventMention) -> bool:
    """A present perfect ("has rejected the accusations") or progressive ("is keeping
    tariffs"): not told at a time point of the story, so no date from the events around it
    (the narrative date of a review still holds). So is an actor's simple present ("He
    rejects the charges", "Hamas denies it"), a stance held now; but a text's simple present
    retells the dated act that made it ("the resolution imposes a travel ban"), so it keeps one."""
    v = e.verb or e.tok
    if v is None or v.pos_ not in VERBAL:
        return False
    aux = [c.lower_ for c in v.children if c.dep_ in {"aux", "auxpass"}]
    if v.tag_ == "VBG" and aux[-1:] and aux[-1] in PRESENT_BE:  # "Trump is keeping tariffs"
        return True
    if v.tag_ in SIMPLE_PRESENT and not aux and not e.noun:
        subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
        return subject is not None and (
            subject.pos_ == "PROPN" or (subject.tag_ == "PRP" and subject.lower_ != "it")
        )
    return v.tag_ == "VBN" and any(a in PERFECT for a in aux)


def _tells_of_noun(v: Token) -> bool:
    """A participle or relative clause on a noun ("a journalist arrested over his
    interviews", "migrants who had been held there") tells of a time of its own, not of the
    clause the noun is in; one on a date ("in July 2020, when he escaped") is that date's.
    An infinitive tells the noun's content ("the decision to restore ties"), and a clause
    told by a pronoun ("sanctions on commanders it blamed for the attack") the same
    actor's act in the same telling: both keep the date of the clause above."""
    head = v.head
    if v.dep_ not in NOUN_CLAUSES or head.pos_ not in NOMINAL or head.ent_type_ in TIMES:
        return False
    if v.tag_ == "VB":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ == "PRP" for c in v.children)


def _purpose(verb: Token, told_by: Optional[dict]) -> bool:
    """An infinitive of purpose is dated with the clause it is the goal of ("was in
    Washington this week to meet lawmakers"); but what an appeal asks for, which the
    parser may read so ("called on the government on Monday to lift the ban"), is not."""
    act = (told_by or {}).get(verb.head.i)
    return purpose_clause(verb) and not (act is not None and act.type == "REQUEST")


def _clause_date(
    e: EventMention,
    at_verb: dict[int, str],
    reporting: frozenset = frozenset(),
    told_by: Optional[dict] = None,
) -> None:
    """The date of the mention's clause, or of one up to eight heads above it; a goal told
    by an act of its own ("called this week for his release") is not dated by that act."""
    if e.tok is not None and e.tok.i in at_verb:  # "the 2004 bombing"
        e.date, e.own = at_verb[e.tok.i], True
        return
    if e.noun and e.tok is not None:  # "a statement emailed on Friday", "the talks held Monday"
        told = next((c for c in e.tok.children if c.dep_ in NOUN_CLAUSES and c.i in at_verb), None)
        if told is not None:
            e.date, e.own = at_verb[told.i], True
            return
    v = e.verb or e.tok
    if e.noun and e.status != "occurred" and v is not None:
        act = (told_by or {}).get(v.i)
        if act is not None and act.status == "occurred":
            return
    if v is not None and v.i not in at_verb and v.pos_ in VERBAL:
        later = next(  # "had been arrested and sentenced in 2011": one clause, one date
            (
                c
                for c in v.children
                if c.dep_ == "conj"
                and c.i in at_verb
                and not any(k.dep_.startswith("nsubj") for k in c.children)
            ),
            None,
        )
        if later is not None:
            e.date, e.own = at_verb[later.i], True
            return
    seen = 0
    while seen < 8:
        if v.i in at_verb:
            e.date, e.own = at_verb[v.i], True
            break
        head = v.head
        if head.i == v.i or (
            e.status != "occurred" and v.dep_ in EMBEDDED_CLAUSES and not _purpose(v, told_by)
        ):
            break  # "called on nations this week to establish ...": the goal has no date of its own
        if v.dep_ == "ccomp" and head.lemma_ in reporting and _unanchored_tense(e):
            break  # "Trump is keeping tariffs, officials said Sunday": told then, not done then
        if _tells_of_noun(v):
            break  # "adjourned on Wednesday the case of a journalist arrested over ...": his own time
        v, seen = head, seen + 1


def _shared_participant(
    e: EventMention, mine: set, prior: list[EventMention], sent_index: dict, window: int
) -> Optional[EventMention]:
    """The latest dated event within ``window`` sentences that shares a person with ``e``;
    a reaction in words (an appeal, a condemnation) is not dated by the act it answers
    ("authorities arrested Zamora in 2022 ... the group called for his release")."""
    for p in reversed(prior):
        if sent_index[e.sent] - sent_index[p.sent] > window:
            break
        if e.type in WORDS and p.type not in WORDS:
            continue
        if mine & set(p.actors + p.recipients) and (p.own or p.inherited):
            return p
    return None


def _names(h: EventMention) -> set[str]:
    """A happening's participants by name (coded ones are dicts by now)."""
    return {p["name"] if isinstance(p, dict) else p for p in h.actors + h.recipients}


def discourse_dates(doc: Doc, happenings: list[EventMention], lead_window: int) -> None:
    """A happening its clauses leave undated takes the date of a dated happening of its
    sentence, else, near the top of the story, the date of the story's lead event."""
    starts = sent_starts(doc)
    body = [h for h in happenings if not h.reported_by]
    own = {}
    for h in body:
        if h.date and h.own:
            own.setdefault(h.sent, h.date)
    lead_event = next((h for h in body if h.date and h.own and len(h.date) == 10), None)
    lead = lead_event.date if lead_event is not None else None
    lead_sentence = lead_event.sent if lead_event is not None else None
    lead_parties = _names(lead_event) if lead_event is not None else set()
    for h in happenings:
        if h.date or h.status != "occurred" or _unanchored_tense(h):
            continue
        if not h.noun and (h.verb or h.tok) is not None and _tells_of_noun(h.verb or h.tok):
            continue
        if h.sent in own:
            h.date = own[h.sent]
        elif lead and lead_sentence is not None:
            k = bisect.bisect_right(starts, h.sent) - bisect.bisect_right(starts, lead_sentence)
            # near the top of the story, or further on, of the lead's parties and the same kind
            # ("the prison break ... Friday" ... "the escapees were caught")
            same_story = bool(lead_parties & _names(h))
            if 0 <= k <= lead_window or (k > 0 and same_story):
                h.date = lead
