"""Pathological inputs cost time in proportion to their size, never its square.

Each hostile text is run through the full pipeline at ``--size`` characters and at twice
that, and compared in the same run with plain spaCy (the same model, with communique's
piecewise tokenizer so that it finishes) on plain prose of the same size. The script
fails (exit 1) when a case takes more than ``--max-ratio`` times plain spaCy's time on
prose of its size, or grows more than ``--max-growth`` times from ``--size`` to twice
it (linear work takes about x2, quadratic x4). Times are CPU seconds of this process
(the pipeline runs on one thread), and ratios, not seconds, are what to read: the
machine is shared and noisy. Texts made of punctuation alone hold one token per
character, about five times as many as prose: plain spaCy's own components cost that
much more on them too (the ``spaCy same text`` column).

    python benchmarks/pathological.py [--size 50000] [--max-ratio 8] [--max-growth 3]
    python benchmarks/pathological.py --components [--size 20000]

``--components`` times each pipe on its own, on the same Doc (the model's pipes and then
each communique component), for the families that once made a component quadratic, at
``--size`` and twice that: a linear component takes about x2 for the double size, a
quadratic one x4.
"""

from __future__ import annotations

import argparse
import sys
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
    """Hostile texts of ``size`` characters (plain prose first: the baseline)."""

    def rep(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "plain prose (baseline)": rep(PROSE),
        "commas, no spaces": "," * size,
        "commas and spaces": rep(", "),
        "thousands of quotation marks": ("“" * (size // 2) + "”" * (size // 2)),
        "alternating straight quotes": rep('"a" '),
        "100,000-digit number": "7" * size,
        "'5 to ' repeated": rep("5 to "),
        "'that Putin said ' repeated": rep("that Putin said "),
        "'Xi Jinping and ' repeated": rep("Xi Jinping and "),
        "'he said ' repeated (pronouns)": rep("he said "),
        "'They met them. ' (events)": rep("They met them. "),
        "'\"We agree,\" he said. ' (quotes)": rep('"We agree," he said. '),
        "more than more than ...": rep("more than "),
        "one 50,000-word sentence": rep("word "),
        "repeated dateline patterns": rep("BEIJING, Feb. 11 (Xinhua) -- "),
        "all-caps heading lines": rep("HEAD-OF-STATE DIPLOMACY\n"),
        "digits and commas": rep("1,000,"),
        "apostrophes": rep("China’s Xi’s leaders’ "),
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
    started = time.process_time()
    doc = nlp.make_doc(text)
    costs["tokenizer"] = time.process_time() - started
    started = time.process_time()
    attach_reading_context(doc, article, "2024-05-16")
    costs["reading context"] = time.process_time() - started
    for name, proc in nlp.pipeline:
        started = time.process_time()
        doc = proc(doc)
        costs[name] = time.process_time() - started
    started = time.process_time()
    to_record(article, doc)
    costs["records"] = time.process_time() - started
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
    start = time.process_time()
    plain(text)
    return time.process_time() - start


def time_one(nlp, text: str) -> float:
    article = Article(id="x", text=text)
    start = time.process_time()
    to_record(article, nlp(prepare_doc(nlp, article, "2024-05-16")))
    return time.process_time() - start


def main_cases(nlp, plain, size: int, max_ratio: float, max_growth: float) -> int:
    """Time every case at ``size`` and ``2 * size``; the number of cases over a bound."""
    small, large = cases(size), cases(2 * size)
    prose = min(time_plain(plain, small["plain prose (baseline)"]) for _ in range(2))
    print(f"plain spaCy on {size:,} characters of prose: {prose:.2f} s")
    print(
        f"{'case':<32} {'ours s':>7} {'/ prose':>8} {'spaCy same text':>15} {'x at 2n':>8}  "
        f"(bounds: {max_ratio} x prose, x{max_growth} at 2n)"
    )
    over = 0
    for name, text in small.items():
        ours, theirs = time_one(nlp, text), time_plain(plain, text)
        growth = time_one(nlp, large[name]) / max(ours, 1e-3)
        ratio = ours / prose
        failed = ratio > max_ratio or growth > max_growth
        over += failed
        print(
            f"{name:<32} {ours:>7.2f} {ratio:>8.2f} {ours / theirs:>15.2f} {growth:>8.2f}"
            + ("  OVER" if failed else ""),
            flush=True,
        )
    # the readers' regexes on their own, at 10x the size
    big = "BEIJING, Feb. 11 (Xinhua) -- " * (size // 3)
    start = time.process_time()
    parse_dateline(big)
    find_headings(big)
    print(f"{'dateline+heading regex, 10x':<32} {time.process_time() - start:>7.2f}")
    return over


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=50000, help="characters per case (and twice that)")
    parser.add_argument("--max-ratio", type=float, default=8.0, help="bound on ours / plain spaCy on prose")
    parser.add_argument("--max-growth", type=float, default=3.0, help="bound on the growth from n to 2n")
    parser.add_argument("--components", action="store_true", help="per-component times at n and 2n")
    args = parser.parse_args()
    import spacy

    from pipeline.model.tokenizer import bound_tokenizer

    nlp = load()
    nlp.max_length = max(nlp.max_length, args.size * 4)
    if args.components:
        time_components(nlp, PROSE * 20)  # warm up
        main_components(nlp, args.size)
        return 0
    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    bound_tokenizer(plain)  # spaCy's own tokenizer takes minutes on long runs of punctuation
    plain.max_length = nlp.max_length
    time_one(nlp, PROSE * 20)  # warm up
    time_plain(plain, PROSE * 20)
    over = main_cases(nlp, plain, args.size, args.max_ratio, args.max_growth)
    if over:
        print(f"FAIL: {over} case(s) over a bound")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
