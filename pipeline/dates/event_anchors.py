"""Expressions that count from a named happening: "a day before the G20 summit", "the
day after the election", "two weeks prior to the vote".

The happening is the object of the direction word ("before the G20 summit" → "summit",
with its compound "G20"). Its date is the one the article attaches to the same noun
elsewhere: "the summit on Nov. 18", "the Nov. 18 summit", "the summit, held on Nov. 18",
"the summit opens Nov. 18". When the article gives it exactly one date, the expression is
counted from it (anchor ``event``); otherwise it is left unanchored rather than counted
from whatever date came before.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from pipeline.dates.anchored import counts_from_event, moved
from pipeline.dates.calendar import UNIT_GRAIN, Context, Point, fine_enough, fmt, unit_code
from pipeline.dates.grammar import Candidate

_NOUNS = {"NOUN", "PROPN"}
_VERBS = {"VERB", "AUX"}
_MODIFIER_DEPS = {"compound", "nmod", "npadvmod", "amod", "poss", "nummod"}
_EVENT_KINDS = frozenset({"anchored", "anchored_multi", "rel_anchor"})
_DAY_OR_MONTH = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?$")


def _key(noun: Token) -> tuple[str, frozenset]:
    return noun.lemma_.lower(), frozenset(c.lower_ for c in noun.children if c.dep_ == "compound")


class _DatedNouns:
    """The dates the article attaches to each noun, looked up as :meth:`values` asks: the
    same head word, and the same compounds where both have some ("G20 summit"). Sets hold
    at most two values (one is all a lookup needs to tell), so each lookup is constant work."""

    def __init__(self):
        self._all: dict[str, set] = {}
        self._plain: dict[str, set] = {}
        self._with: dict[tuple[str, frozenset], set] = {}

    @staticmethod
    def _add(table: dict, key, value: str) -> None:
        values = table.setdefault(key, set())
        if len(values) < 2:
            values.add(value)

    def add(self, key: tuple[str, frozenset], value: str) -> None:
        self._add(self._all, key[0], value)
        self._add(self._plain if not key[1] else self._with, key[0] if not key[1] else key, value)

    def values(self, key: tuple[str, frozenset]) -> set:
        if not key[1]:
            return self._all.get(key[0], set())
        return self._with.get(key, set()) | self._plain.get(key[0], set())


def _nouns_dated_by(root: Token) -> Iterable[Token]:
    """The nouns a date hangs from: "the Nov. 18 summit", "the summit on Nov. 18", "the
    summit, held on Nov. 18", "the summit opens on Nov. 18"."""
    head = root.head
    verb = None
    if root.dep_ in _MODIFIER_DEPS and head.pos_ in _NOUNS:
        yield head
    elif root.dep_ == "pobj" and head.dep_ == "prep":
        if head.head.pos_ in _NOUNS:
            yield head.head
        elif head.head.pos_ in _VERBS:
            verb = head.head
    elif head.pos_ in _VERBS and head.i != root.i:
        verb = head
    if verb is not None:
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _NOUNS:
            yield verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in _NOUNS:
                yield child


def _happening(doc: Doc, dir_token: Token) -> Optional[Token]:
    """The noun a direction word governs: "before the summit", "prior to the vote"."""
    for child in dir_token.children:
        if child.dep_ == "pobj" and child.pos_ in _NOUNS:
            return child
        if child.dep_ == "prep" and child.lower_ == "to":  # "prior to"
            return next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in _NOUNS), None)
    return None


def _point_of(value: str) -> Optional[Point]:
    m = _DAY_OR_MONTH.match(value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        return Point(dt.date(year, month, day), "D" if m.group(3) else "M")
    except ValueError:
        return None


def anchor_on_events(doc: Doc, ctx: Context, candidates: list[Candidate], items: list[dict], chars) -> None:
    """Count the expressions tied to a named happening from its date (in place)."""
    waiting = [i for i, c in enumerate(candidates) if c.kind in _EVENT_KINDS and counts_from_event(c.groups)]
    if not waiting:
        return
    dated = _DatedNouns()
    for c, item in zip(candidates, items):
        if c.kind in _EVENT_KINDS or item["type"] not in ("DATE", "TIME") or _point_of(item["value"]) is None:
            continue
        bounds = chars.bounds(item["start"], item["end"])
        if bounds is None:
            continue
        for noun in _nouns_dated_by(doc[bounds[0] : bounds[1]].root):
            dated.add(_key(noun), item["value"][:10])
    for i in waiting:
        c, item = candidates[i], items[i]
        bounds = chars.bounds(c.start, c.end)
        if bounds is None:
            continue
        at = bounds[1] - 1 if c.kind == "rel_anchor" else bounds[1]
        if at >= len(doc):
            continue
        noun = _happening(doc, doc[at])
        if noun is None:
            continue
        values = dated.values(_key(noun))
        if len(values) != 1:
            continue  # not dated, or dated twice: left open
        _count_from(c, item, _point_of(next(iter(values))), ctx)


def _count_from(c: Candidate, item: dict, event: Optional[Point], ctx: Context) -> None:
    direction = c.groups["dir"].lower()
    sign = 1 if direction == "after" else -1
    if c.kind == "rel_anchor":
        unit = "D" if c.groups["unit"].lower() == "night" else unit_code(c.groups["unit"])
        if event is None or not fine_enough(event.grain, unit):
            return
        day = ctx.shift(event.day, unit, sign)
        grain = "WE" if unit == "WE" else UNIT_GRAIN.get(unit, "D")
        item["value"] = f"{day.isoformat()}TNI" if c.groups["unit"].lower() == "night" else fmt(day, grain)
        item["anchor"] = "event"
        return
    parts = tuple(c.groups.get("parts") or ((c.groups["num"], c.groups["unit"]),))
    point = moved(event.day, parts, sign, ctx) if event is not None else None
    if point is None or not fine_enough(event.grain, point.grain):
        return
    item["point"] = fmt(point.day, point.grain)
    item["anchor"] = "event"
