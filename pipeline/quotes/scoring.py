"""Scoring quotes against gold labelled by reading: recall by kind, precision, F1, speakers.

A gold quote is **found** (relaxed) when a predicted quote overlaps it, **exactly** (strict)
when one has the same span, give or take the punctuation and quotation marks at its edges
(``We are ready,`` and ``We are ready``). A prediction is **right** (relaxed) when it
overlaps a scored gold quote, so each piece of a split quote (``"...," he said, "..."``)
counts, or (strict) when its span is that of one; a prediction that overlaps only optional
gold quotes is neither right nor wrong, and optional gold quotes are never missed.

The speaker of a found gold quote is right when the prediction that overlaps it most (or
the exact one, strict) names the same speaker (case, accents, punctuation and a leading
"the" aside, and an alias of the gazetteer as its canonical name: "U.S. State
Department" is "State Department"; ``null`` matches ``null``: the article never names one).

>>> gold = [{"start": 0, "end": 12, "kind": "direct", "speaker": "Xi Jinping"}]
>>> pred = [{"start": 0, "end": 13, "kind": "direct", "speaker": "Xi Jinping"}]
>>> s = score_stories({"a": ("We are ready, said Xi.", gold, pred)})
>>> s["strict"]["recall"]["direct"], s["strict"]["speaker"]
(1.0, 1.0)
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

KINDS = ("direct", "mixed", "indirect")
MODES = ("strict", "relaxed")
_EDGE = " \t\r\n.,;:!?\"'“”‘’«»—–-()"

Quote = dict[str, Any]


def fold_speaker(name: Optional[str]) -> Optional[str]:
    """A speaker name for comparison: ``The U.S. State Department`` → ``state department``."""
    if not name:
        return None
    name = _gazetteer_name(name.strip())
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"^the\s+", "", name.strip())
    name = re.sub(r"[.’']", "", name)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split()) or None


def _gazetteer_name(name: str) -> str:
    from pipeline.entities.gazetteer import gazetteer

    g = gazetteer()
    bare = name[4:] if name.lower().startswith("the ") else name
    if bare in g.orgs:
        return g.orgs[bare][0]
    if bare in g.countries:
        return g.country_names.get(g.countries[bare], bare)
    return name


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _overlap(a: Quote, b: Quote) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


@dataclass
class QuoteScore:
    found: dict = field(default_factory=lambda: {m: dict.fromkeys(KINDS, 0) for m in MODES})
    gold: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    right: dict = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    predicted: int = 0
    ignored: int = 0
    speaker_right: dict = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    kind_right: int = 0
    merged: int = 0  # predictions that overlap two scored gold quotes or more
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    wrong_speakers: list = field(default_factory=list)

    def as_dict(self) -> dict:
        out: dict = {"stories": 0, "gold": dict(self.gold), "predicted": self.predicted - self.ignored}
        n_gold = sum(self.gold.values())
        for mode in MODES:
            found = self.found[mode]
            n_found = sum(found.values())
            scored = self.predicted - self.ignored
            p = self.right[mode] / scored if scored else 0.0
            r = n_found / n_gold if n_gold else 0.0
            out[mode] = {
                "recall": {k: _ratio(found[k], self.gold[k]) for k in KINDS},
                "recall_all": round(r, 4),
                "precision": round(p, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "speaker": _ratio(self.speaker_right[mode], n_found),
            }
        out["relaxed"]["kind"] = _ratio(self.kind_right, sum(self.found["relaxed"].values()))
        out["merged"] = self.merged
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score_story(score: QuoteScore, story: str, text: str, gold: list[Quote], pred: list[Quote]) -> None:
    scored = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    spans = {id(q): _trimmed(text, q["start"], q["end"]) for q in scored + optional + pred}
    for g in scored:
        kind = g["kind"]
        score.gold[kind] += 1
        touching = [p for p in pred if _overlap(p, g) > 0]
        exact = [p for p in touching if spans[id(p)] == spans[id(g)]]
        for mode, matches in (("strict", exact), ("relaxed", touching)):
            if not matches:
                if mode == "relaxed":
                    score.misses.append((story, kind, text[g["start"] : g["end"]]))
                continue
            score.found[mode][kind] += 1
            best = max(matches, key=lambda p: _overlap(p, g))
            if fold_speaker(best.get("speaker")) == fold_speaker(g.get("speaker")):
                score.speaker_right[mode] += 1
            elif mode == "relaxed":
                score.wrong_speakers.append((story, g.get("speaker"), best.get("speaker"), g["text"][:60]))
            if mode == "relaxed" and best["kind"] == kind:
                score.kind_right += 1
    for p in pred:
        score.predicted += 1
        touching = [g for g in scored if _overlap(p, g) > 0]
        if not touching:
            if any(_overlap(p, g) > 0 for g in optional):
                score.ignored += 1
            else:
                score.false_alarms.append((story, p["kind"], text[p["start"] : p["end"]]))
            continue
        score.right["relaxed"] += 1
        score.merged += len(touching) > 1
        if any(spans[id(p)] == spans[id(g)] for g in touching):
            score.right["strict"] += 1


def score_stories(stories: dict[str, tuple[str, list[Quote], list[Quote]]], details: bool = False) -> dict:
    """``{story: (text, gold quotes, predicted quotes)}`` → the scores (see the module);
    ``details``: with the misses, false alarms and wrong speakers."""
    total = QuoteScore()
    for story, (text, gold, pred) in sorted(stories.items()):
        score_story(total, story, text, gold, pred)
    out = total.as_dict()
    out["stories"] = len(stories)
    if details:
        out.update(misses=total.misses, false_alarms=total.false_alarms, wrong_speakers=total.wrong_speakers)
    return out


def load_quote_gold(folder: Path) -> dict[str, list[Quote]]:
    """``<folder>/<story id>.json`` → ``{story id: gold quotes}`` (a file holds an object
    with ``quotes``, or the list of quotes itself); files whose name starts with ``_``
    (``_splits.json``) are about the gold, not gold."""
    gold = {}
    for path in sorted(Path(folder).glob("[!_]*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        quotes = data.get("quotes", []) if isinstance(data, dict) else data
        story = str(data.get("id", path.stem)) if isinstance(data, dict) else path.stem
        gold[story] = quotes
    return gold


def format_scores(result: dict) -> str:
    lines = [
        f"{result['stories']} stories, gold {result['gold']}, predicted {result['predicted']}"
        f" (merged {result['merged']})",
        "mode      direct  mixed  indirect  all    precision  F1     speaker",
    ]
    for mode in MODES:
        s = result[mode]
        r = s["recall"]
        lines.append(
            f"{mode:<9} {r['direct']:<7.3f} {r['mixed']:<6.3f} {r['indirect']:<9.3f} "
            f"{s['recall_all']:<6.3f} {s['precision']:<10.3f} {s['f1']:<6.3f} {s['speaker']:.3f}"
        )
    lines.append(f"kind accuracy (relaxed matches): {result['relaxed']['kind']:.3f}")
    return "\n".join(lines)
