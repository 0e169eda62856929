"""The inputs a command line names, checked before a run: a path that does not exist or
cannot be read is a usage error naming it, not an article.

Only what is named is checked (a file, a folder, a glob); what a folder holds is read by
:func:`pipeline.io.inputs.expand_inputs`, where a bad file is one article's error and the
batch goes on.

>>> unreadable_inputs(["-", "no/such/file.txt"])
['no/such/file.txt: no such file or directory']
"""

from __future__ import annotations

import glob
import os
from typing import Iterable


def unreadable_inputs(inputs: Iterable[str]) -> list[str]:
    """One message per named input that does not exist or cannot be read (``-`` is stdin)."""
    problems = []
    for item in inputs:
        if item == "-":
            continue
        if any(ch in item for ch in "*?[") and not os.path.lexists(item):
            if not glob.glob(item, recursive=True):
                problems.append(f"{item}: no files match this pattern")
            continue
        if not os.path.exists(item):
            problems.append(
                f"{item}: broken symbolic link (its target does not exist, or a link loop)"
                if os.path.islink(item)
                else f"{item}: no such file or directory"
            )
        elif not os.access(item, os.R_OK | (os.X_OK if os.path.isdir(item) else 0)):
            problems.append(f"{item}: permission denied")
    return problems
