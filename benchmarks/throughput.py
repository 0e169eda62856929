"""Throughput of the full extraction against plain spaCy, per-component costs, memory.

    python benchmarks/throughput.py                      # 400 articles, 1 and 2 processes
    python benchmarks/throughput.py --articles 1000 --memory-articles 10000

* Plain spaCy: ``spacy.load`` of the same model, ``nlp.pipe`` over the same texts.
* The model as communique runs it: the same, with the faster stand-ins for its
  attribute ruler and lemmatizer (identical annotations); full extraction against it
  is the cost of communique's own work (rules, dateparser, records).
* Full extraction: communique's engine (``pipeline.run.engines.local_batches``: reading
  context, every component, pydantic records, JSON lines), 1 process and N processes.
* Per component: each pipe of our pipeline timed on the same docs, plus record building.
* Peak memory: a separate process extracts ``--memory-articles`` articles to a JSONL
  file, printing its RSS as it goes (flat = no leak) and its peak.

The corpus is built from the bundled articles in ``corpus/articles``: windows of
paragraphs, with years and numbers varied so that caches do not see one text only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.io.reading import Article  # noqa: E402

_NUMBER = re.compile(r"\b\d+\b")
SPACY_PIPES = {"tokenizer", "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}


def build_corpus(n: int, articles_dir: Path = ROOT / "corpus" / "articles") -> list[Article]:
    """``n`` article-like texts made from the bundled articles' paragraphs."""
    return list(iter_corpus(n, articles_dir))


def iter_corpus(n: int, articles_dir: Path = ROOT / "corpus" / "articles") -> Iterator[Article]:
    """The same articles as :func:`build_corpus`, made lazily."""
    paragraphs: list[str] = []
    heads: list[str] = []
    for path in sorted(articles_dir.glob("*.txt")):
        parts = [p for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
        heads.append(parts[0])
        paragraphs.extend(parts[1:])
    for i in range(n):
        size = 3 + i % 6
        start = (i * 7) % max(len(paragraphs), 1)
        body = [paragraphs[(start + k) % len(paragraphs)] for k in range(size)]
        shift = i % 9

        def vary(m: re.Match, shift=shift) -> str:
            value = int(m.group())
            if 1990 <= value <= 2030:
                return str(value - shift)
            return str(value + shift * (1 + value // 10)) if value > 31 else m.group()

        text = "\n\n".join([heads[i % len(heads)]] + body) if i % 2 == 0 else "\n\n".join(body)
        yield Article(id=f"bench-{i}", text=_NUMBER.sub(vary, text))


def _cpu() -> float:
    """CPU seconds of this process and its finished children (worker processes)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class _Clock:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu


def _rate(label: str, seconds: float, cpu: float, docs: int, tokens: int) -> dict:
    row = {
        "run": label,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "docs_per_s": round(docs / seconds, 2),
        "tokens_per_s": round(tokens / seconds),
        "docs_per_cpu_s": round(docs / cpu, 2),
    }
    print(
        f"  {label:<28} {seconds:7.2f}s  {row['docs_per_s']:8.2f} docs/s  "
        f"{row['tokens_per_s']:8d} tokens/s   {cpu:7.2f} CPU s  "
        f"{row['docs_per_cpu_s']:7.2f} docs/CPU s",
        flush=True,
    )
    return row


def plain_spacy(
    model: str, texts: list[str], n_process: int, batch_size: int, stand_ins: bool = False
) -> tuple[_Clock, int]:
    """``nlp.pipe`` of the model as spaCy loads it, or (``stand_ins``) with communique's
    faster equivalents of its attribute ruler and lemmatizer, as communique runs it."""
    import spacy

    nlp = spacy.load(model)
    if stand_ins:
        from pipeline.model.loading import use_stand_ins

        use_stand_ins(nlp)
    list(nlp.pipe(texts[:8]))  # warm up
    tokens = 0
    with _Clock() as clock, nlp.memory_zone():
        for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            tokens += len(doc)
    return clock, tokens


def full_extraction(model: str, articles: list[Article], jobs: int, batch_size: int) -> _Clock:
    from pipeline.model.loading import load
    from pipeline.run.engines import local_batches

    nlp = load(model)
    list(local_batches(build_corpus(8), nlp=nlp))  # warm up (and load the pipeline)
    records = 0
    with _Clock() as clock:
        for batch in local_batches(articles, jobs=jobs, model=model, nlp=nlp, batch_size=batch_size):
            records += len(batch)
    assert records == len(articles)
    return clock


def component_costs(model: str, articles: list[Article], batch_size: int) -> list[tuple[str, float]]:
    """Seconds per pipe of the full pipeline (and record building) over the same docs."""
    from pipeline.model.loading import load
    from pipeline.run.records import to_record

    nlp = load(model)
    from pipeline.run.records import attach_reading_context

    costs: dict[str, float] = {}
    with nlp.memory_zone():
        started = time.perf_counter()
        docs = [nlp.make_doc(a.text) for a in articles]
        costs["tokenizer"] = time.perf_counter() - started
        started = time.perf_counter()
        for article, doc in zip(articles, docs):
            attach_reading_context(doc, article)
        costs["reading context (dateline, text)"] = time.perf_counter() - started
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(doc) for doc in docs]
            costs[name] = time.perf_counter() - started
        started = time.perf_counter()
        for article, doc in zip(articles, docs):
            to_record(article, doc).model_dump_json()
        costs["records (pydantic + JSON)"] = time.perf_counter() - started
    return list(costs.items())


_MEMORY_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from benchmarks.throughput import iter_corpus
from pipeline.run.engines import run_extraction

n, jobs, batch_size, out = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20

samples = []
def on_batch(summary):
    if summary.articles % max(n // 10, batch_size) < batch_size:
        samples.append((summary.articles, round(rss_mb())))
started = time.perf_counter()
summary = run_extraction(iter_corpus(n), __import__("pathlib").Path(out), jobs=jobs,
                         batch_size=batch_size, force=True, on_batch=on_batch)
print(json.dumps({"articles": summary.articles, "seconds": round(time.perf_counter() - started, 1),
                  "rss_samples_mb": samples,
                  "peak_rss_mb_self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "peak_rss_mb_children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}))
"""


def memory_run(n: int, jobs: int, batch_size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                _MEMORY_CHILD,
                str(ROOT),
                str(n),
                str(jobs),
                str(batch_size),
                str(Path(tmp) / "out.jsonl"),
            ],
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="articles for the throughput runs")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts")
    parser.add_argument(
        "--memory-articles",
        type=int,
        default=2000,
        help="articles for the peak-memory run (10000 for the full check; 0 skips)",
    )
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, best kept")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--skip-components", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    from pipeline.model.loading import resolve_model_name

    model = resolve_model_name(args.model)
    articles = build_corpus(args.articles)
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    print(
        f"model {model}; {len(articles)} articles, {chars / len(articles):.0f} chars each "
        f"on average; batch size {args.batch_size}; {os.cpu_count()} CPUs",
        flush=True,
    )
    figures: dict = {"model": model, "articles": len(articles), "throughput": []}
    for jobs in args.jobs:
        print(
            f"{jobs} process{'es' if jobs > 1 else ''} (best of {args.repeat}, runs interleaved):", flush=True
        )
        plain_runs, model_runs, full_runs = [], [], []
        for _ in range(args.repeat):  # interleaved, so load from other programs hits all
            clock, tokens = plain_spacy(model, texts, jobs, args.batch_size)
            plain_runs.append(clock)
            model_runs.append(plain_spacy(model, texts, jobs, args.batch_size, stand_ins=True)[0])
            full_runs.append(full_extraction(model, articles, jobs, args.batch_size))
        rows = {}
        for key, label, runs in [
            ("plain", "plain spaCy", plain_runs),
            ("model", "spaCy as communique runs it", model_runs),
            ("full", "full extraction", full_runs),
        ]:
            best = min(runs, key=lambda c: c.wall)
            rows[key] = _rate(label, best.wall, min(c.cpu for c in runs), len(texts), tokens)
        ratio = rows["full"]["docs_per_s"] / rows["plain"]["docs_per_s"]
        cpu_ratio = rows["plain"]["cpu_seconds"] / rows["full"]["cpu_seconds"]
        own_ratio = rows["full"]["docs_per_s"] / rows["model"]["docs_per_s"]
        own_cpu_ratio = rows["model"]["cpu_seconds"] / rows["full"]["cpu_seconds"]
        print(
            f"  ratio full/plain            {ratio:.3f} by wall clock, {cpu_ratio:.3f} by CPU time "
            f"(target >= 0.9; CPU time is the steadier figure on a busy machine)",
            flush=True,
        )
        print(
            f"  ratio full/model as run     {own_ratio:.3f} by wall clock, {own_cpu_ratio:.3f} by CPU "
            f"time (communique's own work alone: rules, dateparser, records)",
            flush=True,
        )
        figures["throughput"].append(
            {
                "jobs": jobs,
                **rows,
                "ratio": round(ratio, 3),
                "cpu_ratio": round(cpu_ratio, 3),
                "own_ratio": round(own_ratio, 3),
                "own_cpu_ratio": round(own_cpu_ratio, 3),
            }
        )
    if not args.skip_components:
        print("per component (1 process, same docs):", flush=True)
        costs = component_costs(model, articles, args.batch_size)
        total = sum(s for _, s in costs)
        for name, secs in costs:
            print(
                f"  {name:<28} {secs:7.2f}s  {100 * secs / total:5.1f}%  "
                f"{1000 * secs / len(articles):7.2f} ms/article",
                flush=True,
            )
        spacy_part = sum(s for name, s in costs if name in SPACY_PIPES)
        ours = total - spacy_part
        print(
            f"  communique's own work: {100 * ours / spacy_part:.1f}% on top of spaCy's "
            f"components (ratio {spacy_part / total:.3f})",
            flush=True,
        )
        figures["components"] = {name: round(secs, 3) for name, secs in costs}
    if args.memory_articles:
        print(f"peak memory, {args.memory_articles} articles, 1 process:", flush=True)
        mem = memory_run(args.memory_articles, 1, args.batch_size)
        print(
            f"  peak RSS {mem['peak_rss_mb_self']} MB in {mem['seconds']}s; RSS (MB) along the "
            f"run: {mem['rss_samples_mb']}",
            flush=True,
        )
        figures["memory"] = mem
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
