"""The Ray engine: the same extraction on Ray Data, on one machine or a cluster.

Articles are read here by the same reader as a local run, processed by Ray workers
(:mod:`pipeline.run.ray_data`: each loads the pipeline once), and the finished records
come back in input order to the same writer as a local run (append and flush per
batch, ``--resume``, CSV tables): the records are those of a local run.

Needs ``pip install 'communique[ray]'`` here and on every node of a cluster.

    communique extract articles/ -o out.jsonl --engine ray -j 4            # local Ray
    communique extract articles/ -o out.jsonl --engine ray --address auto  # a running cluster
    communique extract articles/ -o out.jsonl --engine ray --address ray://head:10001

>>> extract_with_ray(["corpus/articles"], "out/ray.jsonl", num_workers=2)  # doctest: +SKIP
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional, Union

from pipeline.io.reading import Article
from pipeline.io.results import Summary
from pipeline.run.batch import DEFAULT_BATCH_SIZE
from pipeline.run.engines import run_extraction


def extract_with_ray(
    inputs: Iterable[Union[str, Article]],
    output: Union[str, os.PathLike],
    *,
    model: Optional[str] = None,
    reference_date: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    address: Optional[str] = None,
    num_workers: int = 2,
    force: bool = False,
    resume: bool = False,
    formats: Iterable[str] = ("jsonl",),
) -> Summary:
    """Run the extraction of ``inputs`` (paths, globs or Articles) on Ray Data and write
    the JSONL ``output``; the records are those of a local run."""
    return run_extraction(
        inputs,
        Path(output),
        engine="ray",
        jobs=num_workers,
        model=model,
        reference_date=reference_date,
        batch_size=batch_size,
        address=address,
        force=force,
        resume=resume,
        formats=formats,
    )
