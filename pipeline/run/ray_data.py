"""Ray Data under the ``ray`` engine: batches of articles processed by Ray workers.

Articles are read by the driver (by the same reader as a local run, so ids, errors and
line numbers are identical), shipped to Ray as JSON rows, and processed by
``Dataset.map_batches`` with a callable class: each Ray worker builds
:class:`RayExtractor` once, which loads the pipeline once (``nlp`` is never pickled),
and runs the single-process path on each batch. Finished records come back as JSON
lines in input order, for the writer of :func:`pipeline.run.engines.run_extraction`.
The entry point is :func:`pipeline.run.ray_engine.extract_with_ray` (or ``--engine ray``).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Iterable, Iterator, Optional

from pipeline.io.reading import Article
from pipeline.io.results import Done
from pipeline.run.batch import DEFAULT_BATCH_SIZE, chunks, extract_chunk
from pipeline.run.errors import EngineError

WINDOW = 5000  # articles handed to Ray at a time


class RayExtractor:
    """The ``map_batches`` callable: loads the pipeline once per Ray worker."""

    def __init__(
        self,
        model: Optional[str] = None,
        reference_date: Optional[str] = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ):
        from pipeline.model.loading import load

        self.nlp = load(model)
        self.reference_date = reference_date
        self.batch_size = batch_size

    def __call__(self, batch: dict) -> dict:
        articles = [Article(**json.loads(row)) for row in batch["article"]]
        done = [Done.of(r) for r in extract_chunk(self.nlp, articles, self.reference_date, self.batch_size)]
        return {
            "id": [d.id for d in done],
            "line": [d.line for d in done],
            "failed": [d.failed for d in done],
            "counts": [json.dumps(d.counts) for d in done],
        }


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a ``host:port`` nobody listens on (``ray.init`` would retry at length)."""
    import socket

    if address in ("auto", "local"):
        return
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"--address {address!r}: want auto, HOST:PORT or ray://HOST:PORT")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise EngineError(f"cannot reach the Ray cluster at {address}: {exc}") from None


def _connect(address: Optional[str], num_cpus: Optional[int]) -> None:
    import ray

    if address:
        _check_reachable(address)
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus, log_to_driver=False, include_dashboard=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        raise EngineError(f"cannot start or reach {where}: {exc}") from None


def ray_batches(
    articles: Iterable[Article],
    *,
    model: Optional[str] = None,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    address: Optional[str] = None,
    concurrency: int = 1,
    window: int = WINDOW,
) -> Iterator[list[Done]]:
    """Serialized records in input order, computed by ``concurrency`` Ray workers.

    Articles go to Ray ``window`` at a time, so the driver's memory stays bounded on any
    number of articles (each window starts its worker pool afresh: one pipeline load
    per worker per window).

    Joins the cluster at ``address`` (``auto``, ``host:6379``, ``ray://host:10001``), or
    starts a local Ray with ``concurrency`` CPUs when none is running.
    """
    import ray
    import ray.data

    if address:
        _check_reachable(address)  # before anything else, whatever Ray state this process has
    started_here = False
    try:
        for part in chunks(articles, window):
            if not ray.is_initialized():
                _connect(address, None if address else max(concurrency, 1))
                started_here = True
            ctx = ray.data.DataContext.get_current()
            ctx.execution_options.preserve_order = True
            ctx.enable_progress_bars = False
            rows = [{"article": json.dumps(dataclasses.asdict(a))} for a in part]
            # enough blocks to keep every worker busy, about one batch each
            blocks = min(len(rows), max(-(-len(rows) // batch_size), 2 * max(concurrency, 1)))
            dataset = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
                RayExtractor,
                fn_constructor_kwargs={
                    "model": model,
                    "reference_date": reference_date,
                    "batch_size": batch_size,
                },
                batch_size=batch_size,
                batch_format="numpy",
                concurrency=max(concurrency, 1),
                num_cpus=1,
            )
            for batch in dataset.iter_batches(batch_size=batch_size, batch_format="numpy"):
                yield [
                    Done(id=str(i), line=str(line), failed=bool(failed), counts=json.loads(counts))
                    for i, line, failed, counts in zip(
                        batch["id"], batch["line"], batch["failed"], batch["counts"]
                    )
                ]
    finally:
        if started_here:
            ray.shutdown()
