"""What ``communique extract`` shows on the terminal: a progress bar (rich's, on a terminal
only), each article's warnings and errors with ``--verbose``, and the library's log.

The library logs through the ``pipeline`` logger (``logging.getLogger("pipeline")``),
which has a ``NullHandler``: an application that configures no logging sees nothing of
it; ``--verbose`` sends it to stderr.

>>> verbosity_level(0), verbosity_level(2)
(30, 10)
"""

from __future__ import annotations

import logging
import sys
from typing import List, Optional

LOGGER = "pipeline"


def verbosity_level(verbose: int) -> int:
    """The log level of ``-v`` given ``verbose`` times: warnings; -v info; -vv debug."""
    return {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)


def log_to_stderr(verbose: int) -> None:
    """Send the library's log to stderr at the level ``--verbose`` asks for."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("communique: %(levelname)s: %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    logger.setLevel(verbosity_level(verbose))


def print_problems(batch, stream=None) -> None:
    """Each warning and error of the records of ``batch`` (finished ``Done`` records), one
    line each, naming the article."""
    stream = stream or sys.stderr
    for done in batch:
        if not done.warned and not done.failed:
            continue
        warnings, errors = done.problems()
        for kind, messages in (("error", errors), ("warning", warnings)):
            for message in messages:
                stream.write(f"communique: {kind}: [{done.id}] {message}\n")
    stream.flush()


def count_articles(inputs: List[str]) -> Optional[int]:
    """How many articles ``inputs`` hold (for the ETA); None when unknown (stdin)."""
    from pipeline.io.inputs import expand_inputs

    total = 0
    for path, error in expand_inputs(inputs):
        if error or path is None:
            total += 1
        elif str(path) == "-":
            return None
        elif path.suffix == ".jsonl":
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


class Progress:
    """rich's progress bar for a run: articles done (of how many, when known), rate, time
    left, failures. Silent unless ``enabled`` (stderr is a terminal)."""

    def __init__(self, enabled: bool, total: Optional[int] = None, verbose: bool = False):
        self.enabled, self.verbose = enabled, verbose
        self._bar = self._task = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        self._bar = Bar(
            BarColumn(),
            MofNCompleteColumn() if total else TextColumn("{task.completed} articles"),
            TextColumn("{task.fields[rate]:.1f}/s"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._bar.add_task("extract", total=total, rate=0.0, failed=0)
        self._bar.start()

    def __call__(self, summary) -> None:
        if self.verbose:
            self._print(summary.batch)
        if self._bar is None:
            return
        rate = summary.articles / max(summary.seconds, 1e-6)
        self._bar.update(
            self._task, completed=summary.articles + summary.skipped, rate=rate, failed=summary.failed
        )

    def _print(self, batch) -> None:
        if self._bar is not None:  # above the bar, which redraws below
            import io

            buffer = io.StringIO()
            print_problems(batch, buffer)
            if buffer.getvalue():
                self._bar.console.print(
                    buffer.getvalue().rstrip("\n"), markup=False, highlight=False, soft_wrap=True
                )
        else:
            print_problems(batch)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
