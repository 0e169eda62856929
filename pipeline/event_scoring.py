"""Scoring events as happenings: one gold record per happening, however often it is told.

A prediction matches a gold event when their types agree and one of its mentions overlaps
one of the gold event's mentions (one-to-one, the largest overlap first). A second
prediction of a happening already matched is a **duplicate**: it counts against precision.
Predictions that match an optional gold event are neither right nor wrong.

On matched events: participants (at least one gold participant found; and the share of all
gold participants found), date (the value, where gold or prediction has one), status, and
type accuracy on the untyped matching (mentions overlap, types may differ).

>>> gold = [{"type": "CONSULT", "mentions": [{"start": 0, "end": 3}], "actors": ["Xi Jinping"]}]
>>> pred = [{"type": "CONSULT", "mentions": [{"start": 0, "end": 3}], "actors": ["Xi"]}]
>>> score_happenings([(gold, pred)])["f1"]
1.0
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from pipeline.evaluation import prf

Event = dict[str, Any]


def _mentions(event: Event) -> list[tuple[int, int]]:
    spans = [(m["start"], m["end"]) for m in event.get("mentions") or ()]
    if not spans and event.get("start") is not None:
        spans = [(event["start"], event["end"])]
    return spans


def _overlap(a: Event, b: Event) -> int:
    """The largest character overlap between a mention of ``a`` and one of ``b`` (0: none)."""
    best = 0
    for s1, e1 in _mentions(a):
        for s2, e2 in _mentions(b):
            best = max(best, min(e1, e2) - max(s1, s2))
    return best


def _fold(name: str) -> str:
    name = name.replace("\u2019", "'")  # "Zamora’s" is "Zamora's"
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"\b(the|of|and)\b", " ", name.lower())
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name).split())


@dataclass(frozen=True)
class Participant:
    name: str
    country: Optional[str] = None

    @classmethod
    def of(cls, value) -> "Participant":
        if isinstance(value, str):
            return cls(value)
        return cls(value.get("name") or "", value.get("country"))

    def same_as(self, other: "Participant") -> bool:
        """Same name (folded), one name's words within the other's ("al-Sharaa" for
        "Ahmed al-Sharaa"), an acronym of the other ("ECOWAS"), or the same state
        ("Washington" for "United States")."""
        a, b = _fold(self.name), _fold(other.name)
        if not a or not b:
            return False
        if a == b:
            return True
        wa, wb = set(a.split()), set(b.split())
        if wa <= wb or wb <= wa:
            return True
        if _initials_of(self.name, other.name) or _initials_of(other.name, self.name):
            return True  # "ECOWAS" is the Economic Community of West African States
        return bool(self.country and self.country == other.country and _state_like(a, b, self.country))


def _initials_of(acronym: str, name: str) -> bool:
    """``acronym`` is written in capitals and spells the initials of ``name``'s words, with
    or without its small words ("DHS": Department of Homeland Security, "ECOWAS")."""
    letters = acronym.replace(".", "")
    if len(letters) < 2 or not letters.isupper() or not letters.isalpha():
        return False
    words = name.replace("-", " ").split()
    return letters.lower() in {
        "".join(w[0] for w in words).lower(),
        "".join(w[0] for w in words if w[:1].isupper()).lower(),
    }


def _state_like(a: str, b: str, country: str) -> bool:
    """One name is the state's own ("United States") and the other a short one standing
    for it ("Washington", "the Kremlin", "the government"); two other short names of one
    country ("police", "prisoners") are two parties."""
    if len(a.split()) > 3 or len(b.split()) > 3:
        return False
    names = _state_names().get(country, frozenset())
    return a in names or b in names


@functools.lru_cache(maxsize=1)
def _state_names() -> dict[str, frozenset]:
    """Folded names and aliases of each state, by ISO 3166-1 alpha-3 code (the gazetteer's)."""
    from pipeline.entities.gazetteer import gazetteer

    out: dict[str, set] = {}
    for name, iso3 in gazetteer().countries.items():
        out.setdefault(iso3, set()).add(_fold(name))
    return {iso3: frozenset(names) for iso3, names in out.items()}


def participants(event: Event) -> list[Participant]:
    return [Participant.of(p) for p in (event.get("actors") or []) + (event.get("recipients") or [])]


@dataclass
class HappeningScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    stories: int = 0
    counts: dict = field(default_factory=dict)  # attribute -> [right, total]
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    def add(self, attribute: str, right: bool) -> None:
        cell = self.counts.setdefault(attribute, [0, 0])
        cell[0] += bool(right)
        cell[1] += 1

    def as_dict(self) -> dict:
        p, r, f = prf(self.tp, self.fp, self.fn)
        out = {
            "precision": p,
            "recall": r,
            "f1": f,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "duplicates": self.duplicates,
            "stories": self.stories,
        }
        out["attributes"] = {k: round(a / n, 4) for k, (a, n) in self.counts.items() if n}
        return out


def _pairs(gold: list[Event], pred: list[Event], typed: bool) -> list[tuple[int, int]]:
    candidates = sorted(
        (
            (_overlap(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if (not typed or g["type"] == p["type"]) and _overlap(g, p) > 0
        ),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            out.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return out


def _score_attributes(score: HappeningScore, g: Event, p: Event) -> None:
    gold_people, found = participants(g), participants(p)
    if gold_people:
        hits = [q for q in gold_people if any(q.same_as(f) for f in found)]
        score.add("one_participant", bool(hits))
        for q in gold_people:
            score.add("participants", q in hits)
    if g.get("date") or p.get("date"):
        score.add("date", (g.get("date") or None) == (p.get("date") or None))
    score.add("status", g.get("status", "occurred") == p.get("status", "occurred"))
    if "reported_by" in g:
        score.add("reported", bool(g.get("reported_by")) == bool(p.get("reported_by")))


def score_story(score: HappeningScore, story: str, gold: list[Event], pred: list[Event]) -> None:
    """Add one story's gold and predicted events to ``score``."""
    score.stories += 1
    matched = _pairs(gold, pred, typed=True)
    used_g = {gi for gi, _ in matched}
    used_p = {pi for _, pi in matched}
    for gi, pi in matched:
        if gold[gi].get("optional"):
            continue
        score.tp += 1
        _score_attributes(score, gold[gi], pred[pi])
    for gi, pi in _pairs(gold, pred, typed=False):
        if not gold[gi].get("optional"):
            score.add("type", gold[gi]["type"] == pred[pi]["type"])
    for pi, p in enumerate(pred):
        if pi in used_p:
            continue
        same = [gi for gi in used_g if gold[gi]["type"] == p["type"] and _overlap(gold[gi], p)]
        optional = any(g.get("optional") and g["type"] == p["type"] and _overlap(g, p) for g in gold)
        if same and not all(gold[gi].get("optional") for gi in same):
            score.duplicates += 1
            score.fp += 1
            score.false_alarms.append(f"{story}: duplicate {p['type']} {p.get('text')!r} @{p.get('start')}")
        elif not optional and not same:
            score.fp += 1
            score.false_alarms.append(f"{story}: {p['type']} {p.get('text')!r} @{p.get('start')}")
    for gi, g in enumerate(gold):
        if gi not in used_g and not g.get("optional"):
            score.fn += 1
            score.misses.append(f"{story}: {g['type']} {g.get('text')!r} @{g.get('start')}")


def score_happenings(stories: Iterable[tuple[list[Event], list[Event]]]) -> dict:
    """P/R/F1 and the attributes over ``(gold events, predicted events)`` per story."""
    score = HappeningScore()
    for i, (gold, pred) in enumerate(stories):
        score_story(score, str(i), gold, pred)
    return score.as_dict()


def load_happening_gold(folder) -> dict[str, dict]:
    """Happening gold files (``{"id", "events": [...]}`` each, as in ``corpus/voa_gold``) by id;
    files whose name starts with ``_`` (``_splits.json``) are about the gold, not gold."""
    import json
    from pathlib import Path

    out = {}
    for path in sorted(Path(folder).glob("[!_]*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[str(data["id"])] = data
    return out


def score_records(gold: dict[str, dict], predicted: dict[str, list[Event]]) -> HappeningScore:
    """Score predicted events (by article id) against happening gold; a gold story with
    no prediction counts all its events as misses."""
    total = HappeningScore()
    for story, g in sorted(gold.items()):
        score_story(total, story, g["events"], predicted.get(story, []))
    return total


def format_happenings(result: dict) -> str:
    """One line of P/R/F1 and duplicates, one of the attributes."""
    head = (
        f"events as happenings, {result['stories']} stories: P {result['precision']:.3f} "
        f"R {result['recall']:.3f} F1 {result['f1']:.3f} (tp {result['tp']}, fp {result['fp']}, "
        f"fn {result['fn']}); duplicates {result['duplicates']}"
    )
    return head + "\n  " + ", ".join(f"{k} {v:.3f}" for k, v in result["attributes"].items())
