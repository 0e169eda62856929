"""Peak memory of one long article: bounded by the part size, not the article size.

Articles past ``CHUNK_CHARS`` (100,000 characters) are processed in parts; this script
measures the peak resident memory (``ru_maxrss``) of a fresh process extracting one
article of prose (the corpus articles' paragraphs, repeated) at each size, against plain
spaCy on one part of the same prose, and fails (exit 1) when memory grows with the
article more than the records themselves can explain.

    python benchmarks/memory.py                      # 0.27, 0.55, 1.1, 2.2 M characters
    python benchmarks/memory.py --sizes 270000 550000

The bound: at every size, peak memory may be at most ``--max-ratio`` (default 2) times
plain spaCy's peak on one part. The records, the text and its parts' copies grow with the
article (about 50 MB per million characters of news); the Docs, their arrays and the
parser's work must not. The peak of one run varies by up to ~100 MB with how the C
allocator reuses freed memory, hence a ratio with room rather than a slope.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (270_000, 550_000, 1_100_000, 2_200_000)
PART = 100_000


def prose(size: int) -> str:
    """``size`` characters of news prose: the corpus articles' paragraphs, repeated."""
    paragraphs = []
    for path in sorted((ROOT / "corpus" / "articles").iterdir()):
        if path.suffix == ".txt":
            texts = [path.read_text(encoding="utf-8")]
        elif path.suffix == ".jsonl":
            texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
        else:
            continue
        for text in texts:
            paragraphs += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    out, n = [], 0
    while n < size:
        for paragraph in paragraphs:
            out.append(paragraph)
            n += len(paragraph) + 2
            if n >= size:
                break
    return "\n\n".join(out)[:size]


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def child(mode: str, size: int) -> None:
    """Run in a fresh process: load, process, print the loaded and peak memory as JSON."""
    text = prose(size)
    if mode == "plain":
        import spacy

        from pipeline.model.loading import resolve_model_name

        nlp = spacy.load(resolve_model_name(None))
        nlp.max_length = max(nlp.max_length, size + 1)
        loaded = _rss_mb()
        doc = nlp(text)
        counts = {"entities": len(doc.ents)}
    else:
        from pipeline.io.reading import Article
        from pipeline.model.loading import load
        from pipeline.run.batch import extract_articles

        nlp = load()
        loaded = _rss_mb()
        (record,) = extract_articles([Article(id="long", text=text)], nlp, reference_date="2024-05-16")
        counts = {"entities": len(record.entities), "events": len(record.events), "errors": record.errors}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"loaded": loaded, "peak": peak, **counts}))


def measure(mode: str, size: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(size)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="article sizes (characters)"
    )
    parser.add_argument("--max-ratio", type=float, default=2.0, help="see the bound above")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    plain = measure("plain", PART)
    print(
        f"plain spaCy, one {PART:,}-character part: peak {plain['peak']:.0f} MB (model {plain['loaded']:.0f} MB)"
    )
    print(f"{'characters':>10} {'parts':>5} {'peak MB':>8} {'/ plain part':>12} {'entities':>8}")
    peaks, over = {}, []
    for size in sorted(args.sizes):
        got = measure("full", size)
        peaks[size] = got["peak"]
        ratio = got["peak"] / plain["peak"]
        if ratio > args.max_ratio:
            over.append(size)
        print(
            f"{size:>10,} {-(-size // PART):>5} {got['peak']:>8.0f} {ratio:>12.2f} {got['entities']:>8}"
            + (f"  errors: {got['errors']}" if got.get("errors") else "")
            + ("  OVER" if ratio > args.max_ratio else ""),
            flush=True,
        )
    small, large = min(peaks), max(peaks)
    slope = (peaks[large] - peaks[small]) / max((large - small) / 1e6, 1e-9)
    print(f"growth {small:,} -> {large:,} characters: {slope:.0f} MB per million characters")
    if over:
        print(f"FAIL: above {args.max_ratio} x plain spaCy's peak on one part at {over}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
