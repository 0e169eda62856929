"""The offline HTML report: :func:`write_report_file` writes it for a records JSONL.

>>> write_report_file("outputs/extractions.jsonl", "outputs/report").line()  # doctest: +SKIP
'report: 4 article(s) (0 with errors) -> outputs/report/index.html'
"""

from pipeline.report.writer import write_report_file

__all__ = ["write_report_file"]
