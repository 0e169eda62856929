"""Events on the VOA development gold, scored as happenings (``pipeline.event_scoring``).

    python benchmarks/voa_events.py                    # extract the gold's stories, then score
    python benchmarks/voa_events.py --pred run.jsonl   # score records already extracted
    python benchmarks/voa_events.py --errors           # also list misses and false alarms

``_splits.json`` in the gold folder says which stories were read while writing rules
("analysis") and which are kept out as a check ("check"); the scores of each are printed too.

The gold (``corpus/voa_gold/*.json``, labelled by reading) holds offsets into the stories of
``../shared/corpus/voa/voa_dev.jsonl``, which are not copied here: the script skips cleanly
when that file is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the shared folder beside the project (../shared), or $COMMUNIQUE_SHARED
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))

from pipeline.evaluation import load_splits  # noqa: E402
from pipeline.event_scoring import format_happenings, load_happening_gold, score_records  # noqa: E402

STORIES = SHARED / "corpus" / "voa" / "voa_dev.jsonl"
GOLD = ROOT / "corpus" / "voa_gold"


def load_gold(folder: Path = GOLD) -> dict[str, dict]:
    return load_happening_gold(folder)


def predict(ids: set[str]) -> dict[str, list[dict]]:
    from pipeline import extract_many
    from pipeline.io.reading import Article

    stories = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()]
    items = [
        Article(
            id=s["id"], text=s["text"], title=s.get("title"), date=(s.get("published") or "")[:10] or None
        )
        for s in stories
        if s["id"] in ids
    ]
    return {r.id: [e.model_dump() for e in r.events] for r in extract_many(items)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pred", type=Path, help="records (JSONL) already extracted")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not STORIES.exists():
        print(f"skipped: {STORIES} is absent")
        return 0
    gold = load_gold()
    if args.pred:
        records = [json.loads(line) for line in args.pred.read_text(encoding="utf-8").splitlines()]
        pred = {r["id"]: r["events"] for r in records}
    else:
        pred = predict(set(gold))
    total = score_records(gold, pred)
    result = total.as_dict()
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_happenings(result))
        for name, ids in load_splits(GOLD).items():  # the check split is scored, never debugged
            part = score_records({i: gold[i] for i in ids if i in gold}, pred).as_dict()
            print(f"-- {name} ({part['stories']} stories):", format_happenings(part).split(": ", 1)[1])
    if args.errors:
        print("misses:", *total.misses, sep="\n  ")
        print("false alarms:", *total.false_alarms, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
