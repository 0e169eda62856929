"""Scoring predictions against the hand-labelled gold.

Per kind: precision, recall and F1, strict (exact span) and relaxed (overlapping span),
with one-to-one matching; optional gold items are neither misses nor false alarms (a
prediction that matches one is ignored). On relaxed matches, the accuracy of what matters
for the kind (date value, figure value/qualifier/counted, quote kind/speaker, event
type/participants/date, entity label/canonical).

>>> prf(tp=8, fp=2, fn=2)
(0.8, 0.8, 0.8)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from models import RECORD_KINDS as KINDS
from models import ArticleExtraction
from pipeline.io.reading import jsonl_lines


def _norm(value):
    if isinstance(value, str):
        return " ".join(value.lower().split())
    if isinstance(value, float):
        return round(value, 6)
    return value


def _participants(item) -> tuple:
    """Who takes part, by name, whichever side: "the two leaders met" has no order."""
    return frozenset(_norm(p.name) for p in item.actors + item.recipients)


ATTRIBUTES: dict[str, dict[str, Callable]] = {
    "entities": {"label": lambda x: x.label, "canonical": lambda x: _norm(x.canonical)},
    "dates": {"type": lambda x: x.type, "value": lambda x: x.value},
    "quotes": {"kind": lambda x: x.kind, "speaker": lambda x: _norm(x.speaker)},
    "figures": {
        "value": lambda x: _norm(x.value),
        "qualifier": lambda x: x.qualifier,
        "counted": lambda x: _norm(x.counted),
    },
    "events": {"type": lambda x: x.type, "participants": _participants, "date": lambda x: x.date},
}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


@dataclass
class KindScore:
    tp: dict = field(default_factory=lambda: {"strict": 0, "relaxed": 0})
    fp: dict = field(default_factory=lambda: {"strict": 0, "relaxed": 0})
    fn: dict = field(default_factory=lambda: {"strict": 0, "relaxed": 0})
    attr_right: dict = field(default_factory=dict)
    attr_total: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {}
        for mode in ("strict", "relaxed"):
            p, r, f = prf(self.tp[mode], self.fp[mode], self.fn[mode])
            out[mode] = {
                "precision": p,
                "recall": r,
                "f1": f,
                "tp": self.tp[mode],
                "fp": self.fp[mode],
                "fn": self.fn[mode],
            }
        out["attributes"] = {
            name: round(self.attr_right[name] / self.attr_total[name], 4)
            for name in self.attr_total
            if self.attr_total[name]
        }
        return out


def _spans(item) -> list:
    """An item's spans: its own, and for an event every mention of the happening."""
    return [item] + list(getattr(item, "mentions", None) or ())


def _overlap(a, b) -> bool:
    return any(
        x.start < y.end and y.start < x.end or (x.start == x.end == y.start == y.end)
        for x in _spans(a)
        for y in _spans(b)
    )


def match(gold: list, pred: list, strict: bool) -> tuple[list[tuple], list, list]:
    """One-to-one matches ``(gold, pred)``, unmatched gold, unmatched predictions.

    Exact spans pair first, then (relaxed) the largest overlaps.
    """
    pairs, used_g, used_p = [], set(), set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and gi not in used_g and (g.start, g.end) == (p.start, p.end):
                pairs.append((g, p))
                used_g.add(gi)
                used_p.add(pi)
    if not strict:
        candidates = sorted(
            (
                (min(g.end, p.end) - max(g.start, p.start), gi, pi)
                for gi, g in enumerate(gold)
                if gi not in used_g
                for pi, p in enumerate(pred)
                if pi not in used_p and _overlap(g, p)
            ),
            reverse=True,
        )
        for _, gi, pi in candidates:
            if gi not in used_g and pi not in used_p:
                pairs.append((gold[gi], pred[pi]))
                used_g.add(gi)
                used_p.add(pi)
    return (
        pairs,
        [g for i, g in enumerate(gold) if i not in used_g],
        [p for i, p in enumerate(pred) if i not in used_p],
    )


def score_article(
    gold: ArticleExtraction, pred: ArticleExtraction, scores: Optional[dict[str, KindScore]] = None
) -> dict[str, KindScore]:
    scores = scores if scores is not None else {k: KindScore() for k in KINDS}
    for kind in KINDS:
        s = scores[kind]
        gold_items = getattr(gold, kind)
        pred_items = getattr(pred, kind)
        for mode in ("strict", "relaxed"):
            pairs, missed, extra = match(gold_items, pred_items, strict=(mode == "strict"))
            tp = sum(not g.optional for g, _ in pairs)
            s.tp[mode] += tp
            s.fn[mode] += sum(not g.optional for g in missed)
            s.fp[mode] += len(extra)
            if mode == "relaxed":
                s.misses += [f"{gold.id}: {g.text!r} @{g.start}" for g in missed if not g.optional]
                s.false_alarms += [f"{gold.id}: {p.text!r} @{p.start}" for p in extra]
                for g, p in pairs:
                    if g.optional:
                        continue
                    for name, get in ATTRIBUTES[kind].items():
                        s.attr_total[name] = s.attr_total.get(name, 0) + 1
                        s.attr_right[name] = s.attr_right.get(name, 0) + (get(g) == get(p))
    return scores


def load_records(path: Path) -> list[ArticleExtraction]:
    """Records from a ``.json`` file (one record), a ``.jsonl`` file, or a directory of them."""
    path = Path(path)
    if path.is_dir():
        out = []
        for file in sorted(path.iterdir()):
            if file.suffix in (".json", ".jsonl"):
                out.extend(load_records(file))
        return out
    if path.suffix == ".jsonl":
        return [
            ArticleExtraction.model_validate_json(line)
            for line in jsonl_lines(path.read_text(encoding="utf-8"))
            if line.strip()
        ]
    return [ArticleExtraction.model_validate(json.loads(path.read_text(encoding="utf-8")))]


def load_splits(folder: Path) -> dict[str, list[str]]:
    """``{split name: story ids}`` from a gold folder's ``_splits.json``: the stories read
    while rules were written ("analysis") and those kept out as a check (none when absent)."""
    path = Path(folder) / "_splits.json"
    if not path.exists():
        return {}
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def evaluate(gold: Iterable[ArticleExtraction], predictions: Iterable[ArticleExtraction]) -> dict:
    """Scores per kind, over the gold articles (matched to predictions by id)."""
    by_id = {p.id: p for p in predictions}
    scores = {k: KindScore() for k in KINDS}
    missing = []
    for g in gold:
        p = by_id.get(g.id)
        if p is None:
            missing.append(g.id)
            p = ArticleExtraction(id=g.id, text=g.text)
        score_article(g, p, scores)
    result = {kind: scores[kind].as_dict() for kind in KINDS}
    result["_missing_predictions"] = missing
    result["_errors"] = {
        k: {"misses": scores[k].misses, "false_alarms": scores[k].false_alarms} for k in KINDS
    }
    return result


def format_table(result: dict) -> str:
    """A plain-text table of the scores."""
    lines = [
        f"{'kind':<9} {'strict P':>8} {'R':>6} {'F1':>6}   {'relaxed P':>9} {'R':>6} {'F1':>6}"
        f"   attributes (accuracy on relaxed matches)"
    ]
    for kind in KINDS:
        s, r = result[kind]["strict"], result[kind]["relaxed"]
        attrs = ", ".join(f"{k} {v:.2f}" for k, v in result[kind]["attributes"].items())
        lines.append(
            f"{kind:<9} {s['precision']:>8.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}   "
            f"{r['precision']:>9.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}   {attrs}"
        )
    return "\n".join(lines)


def predict_gold_articles(gold_records: Iterable[ArticleExtraction], nlp) -> Iterable[ArticleExtraction]:
    """Run the pipeline on the articles the gold holds (same id, text and dates)."""
    from pipeline.io.reading import Article
    from pipeline.run.batch import extract_articles

    articles = [
        Article(
            id=g.id,
            text=g.text,
            source_path=g.source_path,
            title=g.title,
            date=g.reference_date if g.reference_date_source == "jsonl" else None,
        )
        for g in gold_records
    ]
    option_dates = {g.id: g.reference_date for g in gold_records if g.reference_date_source == "option"}
    for article in articles:
        yield from extract_articles([article], nlp, reference_date=option_dates.get(article.id))
