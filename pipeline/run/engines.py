"""Engines: where the batches run (this process, N worker processes, a Ray cluster),
and the run around them (skip what is done, write, count, CSV tables).

Every engine turns an iterable of :class:`~pipeline.io.reading.Article` into lists of
:class:`~pipeline.io.results.Done` in input order; :func:`run_extraction` writes them.

* ``local`` with ``jobs=1``: ``nlp.pipe`` in this process.
* ``local`` with ``jobs=N``: N worker processes, each loading the pipeline once and
  running the single-process path on whole chunks of articles (so nothing but
  articles and finished JSON lines cross process boundaries; ``nlp`` is never
  pickled). At most ``2 * N`` chunks are in flight, so memory stays flat on any
  number of articles.
* ``ray``: Ray Data (:mod:`pipeline.run.ray_data`; :mod:`pipeline.run.ray_engine`).

>>> summary = run_extraction(["corpus/articles"], Path("out/x.jsonl"), jobs=2)  # doctest: +SKIP
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional

from pipeline.io.output import JsonlWriter, check_output, write_side_tables
from pipeline.io.reading import Article, read_inputs
from pipeline.io.results import Done, Summary
from pipeline.run.batch import DEFAULT_BATCH_SIZE, chunks, extract_chunk, extract_done_batches
from pipeline.run.errors import EngineError

ENGINES = ("local", "ray")


# ---------------------------------------------------------------------------- processes

_WORKER_NLP = None


def _init_worker(model: Optional[str]) -> None:
    global _WORKER_NLP
    from pipeline.model.loading import load

    _end_with_parent()
    _WORKER_NLP = load(model)


def _end_with_parent() -> None:
    """A worker ends when the main process dies, even by SIGKILL (Linux: the kernel sends it
    SIGTERM); elsewhere it ends when the pool's call queue closes, as before."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return
    if os.getppid() == 1:  # the parent died before the call: end now
        os._exit(1)


def _work(chunk: list[Article], reference_date: Optional[str], batch_size: int) -> list[Done]:
    return [Done.of(r) for r in extract_chunk(_WORKER_NLP, chunk, reference_date, batch_size)]


def _mp_context():
    # fork is cheap on Linux and shares an already-loaded pipeline copy-on-write;
    # elsewhere spawn (each worker imports and loads once).
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def process_batches(
    articles: Iterable[Article],
    *,
    jobs: int,
    model: Optional[str] = None,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[list[Done]]:
    """Serialized records per chunk of ``batch_size`` articles, in input order, computed
    by ``jobs`` worker processes."""
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_mp_context(), initializer=_init_worker, initargs=(model,)
    ) as pool:
        pending: deque = deque()
        try:
            for chunk in chunks(articles, batch_size):
                pending.append(pool.submit(_work, chunk, reference_date, batch_size))
                if len(pending) >= 2 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise EngineError(
                f"a worker process died ({exc}); the records written so far "
                f"are kept: rerun with --resume to complete the run"
            ) from None
        finally:
            for future in pending:
                future.cancel()


def local_batches(
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    model: Optional[str] = None,
    nlp=None,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[list[Done]]:
    """The local engine: this process (``jobs=1``) or ``jobs`` worker processes."""
    if jobs > 1:
        return process_batches(
            articles, jobs=jobs, model=model, reference_date=reference_date, batch_size=batch_size
        )
    if nlp is None:
        from pipeline.model.loading import load

        nlp = load(model)
    return extract_done_batches(articles, nlp, reference_date=reference_date, batch_size=batch_size)


# ---------------------------------------------------------------------------- the run


def run_extraction(
    inputs: Iterable[str] | Iterable[Article],
    output: Optional[Path],
    *,
    engine: str = "local",
    jobs: int = 1,
    model: Optional[str] = None,
    nlp=None,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    force: bool = False,
    resume: bool = False,
    formats: Iterable[str] = ("jsonl",),
    address: Optional[str] = None,
    stream: Optional[IO[str]] = None,
    on_batch: Optional[Callable[[Summary], None]] = None,
    follow_symlinks: bool = False,
) -> Summary:
    """Extract every article named by ``inputs`` into the JSONL ``output`` (None: ``stream``).

    ``inputs`` are paths/globs/``-`` (read lazily) or Article objects. With ``resume``,
    ids already in ``output`` are skipped; ``formats`` containing ``"csv"`` adds CSV
    tables per kind next to the output, ``"parquet"`` the events table as Parquet;
    ``follow_symlinks`` follows links out of an input folder (refused by default). Raises
    :class:`~pipeline.io.output.OutputError`
    for a usage problem and :class:`EngineError` when the run stops part way.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    formats = tuple(formats)
    check_output(output, force=force, resume=resume, formats=formats)
    summary = Summary()
    with JsonlWriter(output, resume=resume, force=force, stream=stream) as writer:
        summary.notes += writer.dropped
        articles = _articles(inputs, follow_symlinks)
        if writer.done_ids:
            articles = _skip_done(articles, set(writer.done_ids), summary)
        if engine == "ray":
            from pipeline.run.ray_data import ray_batches

            batches = ray_batches(
                articles,
                model=model,
                reference_date=reference_date,
                batch_size=batch_size,
                address=address,
                concurrency=jobs,
            )
        else:
            batches = local_batches(
                articles,
                jobs=jobs,
                model=model,
                nlp=nlp,
                reference_date=reference_date,
                batch_size=batch_size,
            )
        for batch in batches:
            writer.write_batch(batch, summary)
            if on_batch is not None:
                on_batch(summary)
    if output is not None:
        write_side_tables(output, formats)
    return summary


def _articles(inputs, follow_symlinks: bool = False) -> Iterator[Article]:
    items = iter(inputs)
    first = next(items, None)
    if first is None:
        return iter(())
    rest = _chain(first, items)
    return rest if isinstance(first, Article) else read_inputs(rest, follow_symlinks=follow_symlinks)


def _chain(first, rest):
    yield first
    yield from rest


def _skip_done(articles: Iterable[Article], done: set[str], summary: Summary) -> Iterator[Article]:
    for article in articles:
        if article.id in done:
            summary.skipped += 1
            continue
        yield article
