"""Parties and places shared between mentions: "the two countries" resolved to the
previous event's participants, the parties of a measure lifted ("the sanctions are
lifted") those it was imposed between, the one actor of a review of a leader's year, the one
place of a sentence."""

from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.discourse.groups import PAIR, UNRESOLVED
from pipeline.events.mention import EventMention


def resolve_pairs(events: list[EventMention]) -> None:
    """An unresolved party is dropped (the event keeps that it has one); "the two countries"
    are the participants of the event before."""
    for e in events:
        for role in ("actors", "recipients"):
            names = getattr(e, role)
            if UNRESOLVED in names:
                setattr(e, role, [n for n in names if n != UNRESOLVED])
                e.pair = True  # a party the text has, not named
    for i, e in enumerate(events):
        for role in ("actors", "recipients"):
            names = getattr(e, role)
            if PAIR not in names:
                continue
            e.pair = True  # "the two countries signed": parties the text has, named or not
            found: list[str] = []
            # the event just before, if it is at most 200 sentences back (events are in
            # text order, so no earlier one is nearer)
            if i and events[i - 1].sent >= e.sent - 200:
                prev = events[i - 1]
                found = [n for n in prev.actors + prev.recipients if n != PAIR]
            setattr(
                e,
                role,
                list(dict.fromkeys(n for n in names if n != PAIR)) + [n for n in found if n not in names],
            )
        e.recipients = [n for n in e.recipients if n not in e.actors]


UNDOING = frozenset({"RETREAT", "CONCEDE"})  # "lifted the sanctions", "dropped the charges"


def undone_measures(events: list[EventMention]) -> None:
    """Lifting a measure told before ("Washington imposed sanctions on Moscow ... if the
    sanctions are lifted", "the tariffs on Canada ... delayed the tariffs") is undone between
    the parties it was imposed between: the recipients of the latest earlier mention that
    imposed it, and its actors where the lifting names none."""
    latest: dict[str, EventMention] = {}  # measure -> the latest mention imposing it
    for e in events:
        if e.measure is None:
            continue
        if e.type not in UNDOING:
            if e.actors or e.recipients:
                latest[e.measure] = e
            continue
        imposed = latest.get(e.measure)
        if imposed is None:
            continue
        if not e.actors:
            e.actors = [n for n in imposed.actors if n not in e.recipients]
        e.recipients += [n for n in imposed.recipients if n not in e.recipients and n not in e.actors]


def implicit_actor(events: list[EventMention]) -> None:
    """A nominal event without actors in an article about one actor ('The meetings with
    leaders of India and Japan', in a review of a leader's year) is that actor's."""
    counts = Counter(a for e in events for a in e.actors)
    if not counts:
        return
    main, n = counts.most_common(1)[0]
    if n < 3 or n * 2 < sum(counts.values()):
        return
    for e in events:
        if e.noun and not e.actors and main not in e.recipients and e.recipients:
            e.actors = [main]


def share_locations(events: list[EventMention]) -> None:
    """An event without a place takes the one place of its sentence's other events
    that share a participant with it; a phone call takes none."""
    placed = defaultdict(list)  # sentence -> its events with a place, looked up, not walked
    for e in events:
        if e.location:
            placed[e.sent].append(e)
    for e in events:
        if e.location or e.mode == "phone":
            continue
        mine = set(e.actors + e.recipients)
        places = {
            p.location
            for p in placed[e.sent]
            if p is not e and (not mine or mine & set(p.actors + p.recipients))
        }
        if len(places) == 1:
            e.location = next(iter(places))
            placed[e.sent].append(e)
