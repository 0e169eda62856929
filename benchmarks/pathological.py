"""Pathological inputs finish in time proportional to their size.

Each adversarial text is timed through the full pipeline and compared, in the same run,
with plain spaCy on the same text (our overhead) and with the full pipeline on plain
prose of the same length (size-normalized cost). Ratios, not seconds, are what to watch,
since the machine is shared and noisy. A ratio far above ~3 means super-linear work
somewhere (catastrophic regex backtracking, quadratic loops).

    python benchmarks/pathological.py [--size 20000]
    python benchmarks/pathological.py --components [--size 20000]

``--components`` times each pipe on its own, on the same Doc (the model's pipes and then
each communique component), for the families that once made a component quadratic, at
``--size`` and twice that: a linear component takes about x2 for the double size, a
quadratic one x4.
"""

from __future__ import annotations

import argparse
import time

from pipeline.document.front_matter import find_headings, parse_dateline
from pipeline.io.reading import Article
from pipeline.model.loading import load
from pipeline.run.records import prepare_doc, to_record

PROSE = (
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Kazan on "
    "Tuesday, and the two sides signed 14 agreements worth more than $3 billion. "
)


def cases(size: int) -> dict[str, str]:
    words = max(size // 6, 10)
    return {
        "plain prose (baseline)": (PROSE * (size // len(PROSE) + 1))[:size],
        "thousands of quotation marks": ("“" * (size // 2) + "”" * (size // 2)),
        "alternating straight quotes": ('"a" ' * (size // 4))[:size],
        "100,000-digit number": "7" * size,
        "more than more than ...": ("more than " * (size // 10))[:size],
        "one 50,000-word sentence": " ".join(["word"] * words)[:size],
        "repeated dateline patterns": ("BEIJING, Feb. 11 (Xinhua) -- " * (size // 29 + 1))[:size],
        "all-caps lines": ("HEAD-OF-STATE DIPLOMACY\n" * (size // 24 + 1))[:size],
        "digits and commas": ("1,000," * (size // 6 + 1))[:size],
        "apostrophes": ("China’s Xi’s leaders’ " * (size // 22 + 1))[:size],
    }


def component_cases(size: int) -> dict[str, str]:
    """Adversarial families that once made one communique component quadratic."""
    return {
        "'5 to ' repeated (figures)": ("5 to " * (size // 5 + 1))[:size],
        "'that Putin said ' (quotes)": ("that Putin said " * (size // 16 + 1))[:size],
        "all-caps heading lines (structure)": ("HEAD-OF-STATE DIPLOMACY\n" * (size // 24 + 1))[:size],
        "'Xi Jinping and ' (entities)": ("Xi Jinping and " * (size // 15 + 1))[:size],
    }


def time_components(nlp, text: str) -> dict[str, float]:
    """Seconds per pipe of ``nlp`` on one Doc of ``text``, each pipe timed on its own."""
    from pipeline.run.records import attach_reading_context

    article = Article(id="x", text=text)
    costs: dict[str, float] = {}
    started = time.perf_counter()
    doc = nlp.make_doc(text)
    costs["tokenizer"] = time.perf_counter() - started
    started = time.perf_counter()
    attach_reading_context(doc, article, "2024-05-16")
    costs["reading context"] = time.perf_counter() - started
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        doc = proc(doc)
        costs[name] = time.perf_counter() - started
    started = time.perf_counter()
    to_record(article, doc)
    costs["records"] = time.perf_counter() - started
    return costs


def main_components(nlp, size: int) -> None:
    shown = ("reading context",) + tuple(n for n in nlp.pipe_names if n.startswith("communique_"))
    for name in component_cases(size):
        small, large = (time_components(nlp, component_cases(n)[name]) for n in (size, size * 2))
        print(f"\n{name}: {size} -> {size * 2} chars")
        print(f"  {'pipe':<24} {'s @n':>7} {'s @2n':>7} {'x':>6}")
        for pipe in shown + ("(total)",):
            a = sum(small.values()) if pipe == "(total)" else small[pipe]
            b = sum(large.values()) if pipe == "(total)" else large[pipe]
            print(f"  {pipe:<24} {a:>7.3f} {b:>7.3f} {b / max(a, 1e-4):>6.1f}", flush=True)


def time_plain(plain, text: str) -> float:
    start = time.perf_counter()
    plain(text)
    return time.perf_counter() - start


def time_one(nlp, text: str) -> float:
    article = Article(id="x", text=text)
    start = time.perf_counter()
    to_record(article, nlp(prepare_doc(nlp, article, "2024-05-16")))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=20000, help="characters per case")
    parser.add_argument("--components", action="store_true", help="per-component times at n and 2n")
    args = parser.parse_args()
    import spacy

    nlp = load()
    if args.components:
        nlp.max_length = max(nlp.max_length, args.size * 4)
        time_components(nlp, PROSE * 20)  # warm up
        main_components(nlp, args.size)
        return
    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    for pipeline in (nlp, plain):
        pipeline.max_length = max(pipeline.max_length, args.size * 2)
    texts = cases(args.size)
    base = min(time_one(nlp, texts["plain prose (baseline)"]) for _ in range(2))
    print(f"{'case':<32} {'chars':>7} {'ours s':>7} {'spaCy s':>8} {'ours/spaCy':>10} {'ours/prose':>10}")
    for name, text in texts.items():
        ours, theirs = time_one(nlp, text), time_plain(plain, text)
        print(
            f"{name:<32} {len(text):>7} {ours:>7.2f} {theirs:>8.2f} {ours / theirs:>10.2f} "
            f"{ours / base:>10.2f}"
        )
    # the readers' regexes on their own, at 10x the size
    big = "BEIJING, Feb. 11 (Xinhua) -- " * (args.size // 3)
    start = time.perf_counter()
    parse_dateline(big)
    find_headings(big)
    print(f"{'dateline+heading regex, 10x':<32} {len(big):>8} {time.perf_counter() - start:>8.2f}")


if __name__ == "__main__":
    main()
