"""Keeping a report folder clean: pages a report wrote before and did not write this time
(an article gone from the records, an id renamed) are removed, so the folder holds this
report and nothing stale.

Only the report's own pages are removed: regular ``*.html`` files that carry the report's
``<meta name="generator" content="communique report">``. Symbolic links, folders, other
files and hidden ones (a run in progress writes each page as ``.page-*.html`` first) are
left alone, and nothing is read or removed through a link.

>>> remove_stale_pages(Path("outputs/report/articles"), set())   # doctest: +SKIP
[PosixPath('outputs/report/articles/old-article.html')]
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

GENERATOR = b'<meta name="generator" content="communique report">'
HEAD_BYTES = 4096  # the generator meta is in the <head>, well within this


def is_report_page(path: Path) -> bool:
    """Whether ``path`` is a regular file (not a link) written by the report."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # a link (ELOOP with O_NOFOLLOW), gone, unreadable: not ours to remove
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return GENERATOR in os.read(fd, HEAD_BYTES)
    finally:
        os.close(fd)


def remove_stale_pages(folder: Path, written: Iterable[Path]) -> list[Path]:
    """Remove from ``folder`` the report's own pages that are not in ``written``; return them."""
    keep = {Path(p).name for p in written}
    removed = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name in keep or entry.name.startswith(".") or not entry.name.endswith(".html"):
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            path = Path(entry.path)
            if is_report_page(path):
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    continue
                removed.append(path)
    return removed
