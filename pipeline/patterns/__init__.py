"""The rules as data: gazetteers, lexicons and grammars, and the one loader for them.

>>> read_json("dates_lexicon.json")["months"]["january"]
1
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

PATTERNS_DIR = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The path of a data file of this folder."""
    return PATTERNS_DIR / name


def read_json(name: str):
    """A JSON data file, parsed."""
    return json.loads(path(name).read_text(encoding="utf-8"))


def read_jsonl(name: str) -> Iterator[dict]:
    """The rows of a JSON-lines data file, without ``_comment`` rows and blank lines."""
    for line in path(name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if "_comment" not in row:
                yield row


def read_tsv(name: str) -> Iterator[list[str]]:
    """The rows of a tab-separated data file, without ``#`` comment lines."""
    with path(name).open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row
