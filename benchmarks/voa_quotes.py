"""Quotes on the VOA development gold: recall by kind, precision, F1 and speakers.

    python benchmarks/voa_quotes.py                  # extract the gold's stories, then score
    python benchmarks/voa_quotes.py --errors         # also list misses, false alarms, speakers
    python benchmarks/voa_quotes.py --ids 6202623,8004380

The gold (``corpus/voa_quotes_gold/<story id>.json``, labelled by reading) holds offsets into
the stories of ``../shared/corpus/voa/voa_dev.jsonl`` (or ``$COMMUNIQUE_SHARED``), which are
not copied here: the script skips cleanly when that file is absent. Scoring is
:mod:`pipeline.quotes.scoring`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))

from pipeline.evaluation import load_splits  # noqa: E402
from pipeline.quotes.scoring import format_scores, load_quote_gold, score_stories  # noqa: E402

STORIES = SHARED / "corpus" / "voa" / "voa_dev.jsonl"
GOLD = ROOT / "corpus" / "voa_quotes_gold"


def load_stories(path: Path = STORIES) -> dict[str, dict]:
    return {s["id"]: s for s in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def predict(stories: dict[str, dict], ids: list[str], nlp=None) -> dict[str, list[dict]]:
    """The pipeline's quotes of each story, its reference date from ``published``."""
    from pipeline import extract_many
    from pipeline.io.reading import Article

    items = [
        Article(id=i, text=stories[i]["text"], date=(stories[i].get("published") or "")[:10] or None)
        for i in ids
    ]
    if nlp is not None:
        from pipeline.run.batch import extract_articles

        records = extract_articles(iter(items), nlp)
    else:
        records = extract_many(items)
    return {r.id: [q.model_dump() for q in r.quotes] for r in records}


def score(stories: dict[str, dict], gold: dict[str, list[dict]], nlp=None, details: bool = False):
    pred = predict(stories, sorted(gold), nlp)
    return score_stories({i: (stories[i]["text"], gold[i], pred[i]) for i in gold}, details=details)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ids", help="comma-separated story ids (default: every gold story)")
    parser.add_argument("--errors", action="store_true", help="list misses, false alarms, speakers")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not STORIES.exists():
        print(f"skipped: {STORIES} is absent")
        return 0
    gold = load_quote_gold(GOLD)
    if args.ids:
        wanted = set(args.ids.split(","))
        gold = {k: v for k, v in gold.items() if k in wanted}
    if not gold:
        print(f"skipped: no gold in {GOLD}")
        return 0
    stories = load_stories()
    result = score(stories, gold, details=args.errors)
    print(json.dumps(result, indent=1) if args.json else format_scores(result))
    if not args.json and not args.ids:  # the check split is scored, never debugged
        for name, ids in load_splits(GOLD).items():
            print(f"-- {name}:")
            print(format_scores(score(stories, {i: gold[i] for i in ids if i in gold})))
    if args.errors:
        for name in ("misses", "false_alarms", "wrong_speakers"):
            print(f"{name}:", *(" | ".join(map(str, row)) for row in result[name]), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
