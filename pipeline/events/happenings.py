"""Happenings, not mentions: the mentions of one happening merged into one event.

An article tells of one phone call many times ("held a phone call", "the call", "during
their talks", "the two leaders discussed"). Each mention found by the trigger finder is
merged into the latest earlier happening it is compatible with:

- the same type and mode (a missing mode agrees with any) and the same status, unless the
  same word names the same parties again, or one person's arrest or release is told again,
  or a plan is told again as a possibility ("will deport", "could deport"); a plan and a
  happening still stay two;
- the same speaker, unless the mention is a noun or a deed (not a speech act) is told by
  two speakers with the same word of the same named party ("Joseph was killed");
- dates that do not conflict (equal, one missing, or one within the other: 2025-03 and
  2025-03-11); two meetings of a pair on different days stay two events;
- one of them a noun ("the talks", "a phone call") or both the same word: two different
  verbs are two acts ("met" and "attended"); a counted noun ("four visits") is many, a
  dated one ("the 2004 bombing") is one. Words that name one act are the same word
  ("freed", "released"; ``same_act_words`` in ``patterns/events_merging.json``);
- participants that do not conflict: they share someone and neither side adds a second
  party the other lacks ("Putin met Xi" and "Putin met Modi" are two meetings); a mention
  without participants joins only a happening told in the same or the previous
  ``BARE_WINDOW`` sentences.

The merged event keeps the first mention's span and trigger, lists every mention, joins the
participants (actors first), and takes the clause date of the mention that has one.

>>> compatible_dates("2025-03", "2025-03-11"), compatible_dates("2025-03-10", "2025-03-11")
(True, False)
"""

from __future__ import annotations

import bisect
import functools
import itertools
from typing import NamedTuple, Optional

from pipeline.events.mention import EventMention
from pipeline.patterns import read_json

RETELLING_WINDOW = 12  # sentences back in which "the talks" finds the talks it tells of
MAX_CANDIDATES = 64  # earlier happenings of a type a mention is compared with (bounds the work)
BARE_WINDOW = 2  # sentences back in which a mention without participants joins a happening
ONE_ACT_WHEN_CONJOINED = frozenset({"ASSAULT"})  # "killed two and wounded five": one attack
UNDERGONE = frozenset({"COERCE", "RETREAT"})  # "Lai's trial", "his release": told by who undergoes them
# Acts of speech (an appeal, an accusation, praise): each is its own happening unless it is
# told again with the same parties on both sides and the same word, or as a noun
SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "STATEMENT", "AGREE"})
PROSPECTIVE = frozenset({"planned", "hypothetical"})  # "will deport" and "could deport": one prospect


@functools.lru_cache(maxsize=1)
def _act_groups() -> dict[str, int]:
    """Each word of ``same_act_words`` (``patterns/events_merging.json``) -> its group."""
    groups = read_json("events_merging.json")["same_act_words"]
    return {word: n for n, words in enumerate(groups) for word in words}


def _act(trigger: str):
    """What act a trigger names: its group of same-act words, else the trigger itself (an
    entry's word and preposition, then its object: "hold migrant", "call on")."""
    groups = _act_groups()
    words = trigger.split()
    for n in (2, 1):
        if " ".join(words[:n]) in groups:
            return groups[" ".join(words[:n])]
    return trigger


def same_word(a: EventMention, b: EventMention) -> bool:
    """Told with the same word, or with words that name one act ("freed", "released")."""
    return a.trigger == b.trigger or _act(a.trigger) == _act(b.trigger)


def compatible_dates(a: Optional[str], b: Optional[str]) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _people(event: EventMention) -> list[str]:
    return list(dict.fromkeys(event.actors + event.recipients))


def compatible_people(a: list[str], b: list[str]) -> Optional[bool]:
    """True: the same parties; False: a conflict; None: one side names nobody."""
    if not a or not b:
        return None
    sa, sb = set(a), set(b)
    if not sa & sb:
        return False
    return not (sa - sb and sb - sa)


def _joins(happening: EventMention, mention: EventMention) -> bool:
    if happening.type != mention.type:
        return False
    if happening.status != mention.status and not (
        _same_act(happening, mention)
        or _same_patient(happening, mention)
        or _one_prospect(happening, mention)
    ):
        return False
    if happening.mode and mention.mode and happening.mode != mention.mode:
        return False
    if happening.reported_by != mention.reported_by and not (
        happening.reported_by is None
        or mention.reported_by is None
        or mention.noun
        or _retold_act(happening, mention)
    ):
        return False  # two speakers' claims; but "Mhlanga's arrest" is the arrest whoever tells of it
    if not compatible_dates(happening.date, mention.date):
        return False
    if _conjoined_result(happening, mention):
        return True  # "detonated explosives, killing one soldier and injuring four others"
    if _same_patient(happening, mention) and not (happening.counted or mention.counted):
        return True  # "Trump vowed to secure Lai's release" ... "calls for Lai's release"
    near = mention.sent_index - happening.last_sent_index <= BARE_WINDOW
    same_named = len(happening.named) >= 2 and happening.named == mention.named
    if mention.own and not happening.date and not near and not same_named:
        return False  # "in 2022, authorities arrested Zamora": not the undated arrest told before
    mine, theirs = _as_named(happening, mention), _as_named(mention, happening)
    people = compatible_people(mine, theirs)
    if (
        people is False
        and near
        and compatible_people(sorted(happening.named), sorted(mention.named)) is not False
    ):
        people = None  # told again in the next breath: groups ("officials", "police") named otherwise
    if people is False or happening.counted or mention.counted:
        return False  # "four overseas visits", "130 talks and meetings": many happenings
    if happening.type in SPEECH_ACTS:
        return _told_again(happening, mention)
    if not (mention.noun or happening.noun or same_word(happening, mention)):
        return False  # "met" and "attended": two acts, unless a noun tells of one again
    if mention.noun and not mention.definite and not near:
        return False  # far on, "meetings with leaders of India" is news, "the meeting" refers back
    if people is None or not near:
        # far from it, only the same parties tell of a happening again ("Xi attended the
        # summit" ... "his talks with Adeang" are two happenings)
        return near or set(mine) == set(theirs)
    return True


def _as_named(event: EventMention, other: EventMention) -> list[str]:
    """The event's parties, each unnamed group ("militants", "police") read as the one party
    the other mention names of its kind ("the Baloch Liberation Army", "Haitian National
    Police"): the same agent type and no other country."""
    out = []
    for name in _people(event):
        code = event.coded.get(name) or {}
        kind = code.get("agent_type")
        if name not in event.named and kind:
            same = [
                n
                for n in other.named
                if (other.coded.get(n) or {}).get("agent_type") == kind
                and (other.coded.get(n) or {}).get("country") in {None, code.get("country")}
            ]
            if len(same) == 1:
                name = same[0]
        out.append(name)
    return list(dict.fromkeys(out))


def _retold_act(happening: EventMention, mention: EventMention) -> bool:
    """A deed (not a speech act) two speakers tell with the same word of the same named
    party ("Joseph was killed, officials said" ... "Joseph was killed," the minister told
    reporters) is one deed; two speakers' appeals or accusations stay two claims."""
    return (
        happening.type not in SPEECH_ACTS
        and same_word(happening, mention)
        and bool(happening.named & mention.named)
    )


def _conjoined_result(happening: EventMention, mention: EventMention) -> bool:
    """An attack's verbs conjoined in one clause are one attack ("killing one and injuring
    four", "killed two and wounded five"); other acts so conjoined stay two ("arrested
    and sentenced")."""
    tok, first = mention.tok, happening.tok
    return (
        happening.type in ONE_ACT_WHEN_CONJOINED
        and tok is not None
        and first is not None
        and not mention.noun
        and not happening.noun
        and tok.dep_ == "conj"
        and tok.head.i == first.i
    )


def _same_patient(happening: EventMention, mention: EventMention) -> bool:
    """Acts someone undergoes (an arrest, a trial, a release), told as nouns or with the
    same word, are one happening for the one who undergoes them, whoever does, demands or
    promises them, and whoever tells of them ("was released on bail" ... "was released
    after apologizing")."""
    return (
        ((happening.noun and mention.noun) or same_word(happening, mention))
        and happening.type in UNDERGONE
        and bool(happening.recipients)
        and set(happening.recipients) == set(mention.recipients)
        and bool(happening.named & set(happening.recipients))
    )


def _one_prospect(happening: EventMention, mention: EventMention) -> bool:
    """A plan told again as a possibility ("plans for mass deportations" ... "could hold
    migrants awaiting deportation") with the same word or as a noun: one prospect, whose
    parties are then compared as any mention's are."""
    return {happening.status, mention.status} <= PROSPECTIVE and (
        mention.noun or same_word(happening, mention)
    )


def _same_act(happening: EventMention, mention: EventMention) -> bool:
    """Told again with another status ("Mhlanga's arrest" ... "did not justify the arrest",
    "his release" ... "called for Lai's release"): the same word or a noun, and the same
    named parties on record. A plan and a happening stay two ("will visit" ... "visited")."""
    if {happening.status, mention.status} == {"planned", "occurred"}:
        return False
    return (
        (same_word(happening, mention) or mention.noun)
        and bool(happening.named)
        and happening.named == mention.named
        and set(_people(happening)) == set(_people(mention))
    )


def _told_again(happening: EventMention, mention: EventMention) -> bool:
    """A speech act told again: the same word (or a noun) with the same parties, where a
    retelling that names no actor ("the charter calls on democratic nations") takes the
    one told before."""
    same_parties = (
        bool(happening.recipients)
        and (not mention.actors or set(happening.actors) == set(mention.actors))
        and set(happening.recipients) == set(mention.recipients)
    )
    return same_parties and (same_word(happening, mention) or mention.noun)


def _absorb(happening: EventMention, mention: EventMention) -> None:
    happening.mentions += mention.mentions
    happening.named = happening.named | mention.named
    happening.coded = {**mention.coded, **happening.coded}
    for role in ("actors", "recipients"):
        for name in getattr(mention, role):
            if name not in happening.actors and name not in happening.recipients:
                getattr(happening, role).append(name)
    if mention.date and (not happening.date or len(mention.date) > len(happening.date)):
        if mention.own or not happening.own:
            happening.date = mention.date
            happening.own = happening.own or mention.own
    happening.location = happening.location or mention.location
    if mention.reported_by is None:
        happening.reported_by = None  # the narrator tells it somewhere: a fact of the article
    if len(mention.cameo or "") > len(happening.cameo or ""):
        happening.cameo = mention.cameo
    happening.last_sent_index = mention.sent_index


def merge_mentions(events: list[EventMention]) -> list[EventMention]:
    """The happenings of an article from its event mentions (in text order)."""
    happenings: list[EventMention] = []
    by_type: dict[str, list[EventMention]] = {}
    for event in events:
        if not event.mentions:
            event.mentions = [{"text": event.text, "start": event.start, "end": event.end}]
        event.last_sent_index = event.sent_index
        same_type = by_type.setdefault(event.type, [])
        candidates = itertools.islice(reversed(same_type), MAX_CANDIDATES)  # linear on any input
        target = next((h for h in candidates if _joins(h, event)), None)
        if target is None:
            happenings.append(event)
            same_type.append(event)
        else:
            _absorb(target, event)
    for h in happenings:
        h.mentions.sort(key=lambda m: m["start"])
    return happenings


class Retelling(NamedTuple):
    """A definite event noun without arguments of its own ("during the visit", "the talks
    focused on"): no new happening, a mention of one told before."""

    text: str
    start: int
    end: int
    type: str
    mode: Optional[str]
    sentence: int  # the token where its sentence starts


def attach_retellings(
    happenings: list[EventMention], retold: list[Retelling], sentence_starts: list[int]
) -> None:
    """Add each retelling to the latest earlier happening of its type (and mode) within
    ``RETELLING_WINDOW`` sentences; a retelling with none is dropped."""
    by_type: dict[str, list[EventMention]] = {}
    for h in happenings:
        by_type.setdefault(h.type, []).append(h)
    firsts = {t: [h.mentions[0]["start"] for h in hs] for t, hs in by_type.items()}  # text order
    for r in retold:
        at = bisect.bisect_right(sentence_starts, r.sentence)
        same_type = by_type.get(r.type, [])
        before = bisect.bisect_left(firsts.get(r.type, []), r.start)
        for h in itertools.islice(reversed(same_type[:before]), MAX_CANDIDATES):
            if h.mode and r.mode and h.mode != r.mode:
                continue
            if at - h.last_sent_index > RETELLING_WINDOW:
                break
            if all(m["start"] != r.start for m in h.mentions):
                h.mentions.append({"text": r.text, "start": r.start, "end": r.end})
                h.mentions.sort(key=lambda m: m["start"])
            break
