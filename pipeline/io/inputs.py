"""What the inputs name: files, directories searched recursively, globs, ``-`` (stdin).

>>> [str(p) for p, error in expand_inputs(["-"])]
['-']
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator, Optional

ARTICLE_SUFFIXES = (".txt", ".jsonl")


def expand_inputs(
    inputs: Iterable[str], *, follow_symlinks: bool = False
) -> Iterator[tuple[Path, Optional[str]]]:
    """Yield ``(path, None)`` per article file, or ``(path, error)`` for a bad input.

    Directories are searched recursively for ``*.txt`` and ``*.jsonl`` in sorted order;
    globs are expanded; ``-`` stands for stdin (yielded as ``Path("-")``). A symbolic link
    in a directory that points out of it is an error unless ``follow_symlinks``; what a
    link leads to must be a regular file either way (never a FIFO or ``/dev/zero``).
    """
    for item in inputs:
        if item == "-":
            yield Path("-"), None
            continue
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield Path(item), f"{item}: no files match this pattern"
            for match in matches:
                yield from expand_inputs([match], follow_symlinks=follow_symlinks)
            continue
        path = Path(item)
        if path.is_symlink() and not path.exists():
            yield path, f"{item}: {_link_problem(path)}"
        elif not path.exists():
            yield path, f"{item}: no such file or directory"
        elif path.is_dir():
            found = sorted(_walk(path))
            if not found:
                yield path, f"{item}: directory holds no *.txt or *.jsonl articles"
            root = os.path.realpath(path)
            for file in found:
                if file.is_symlink() and not file.exists():
                    yield file, f"{file}: {_link_problem(file)}"
                elif not follow_symlinks and not _inside(os.path.realpath(file), root):
                    yield (
                        file,
                        f"{file}: symbolic link out of the input folder (to {os.path.realpath(file)}); "
                        "not followed (--follow-symlinks follows it)",
                    )
                else:
                    yield file, _not_regular(file)
        else:
            yield path, _not_regular(path)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _not_regular(path: Path) -> Optional[str]:
    """Why a path that exists is not read: a FIFO, device or socket would hang or never end
    ("x.txt" as a named pipe, a link to /dev/zero)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"{path}: cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = (
        "named pipe"
        if stat.S_ISFIFO(mode)
        else "device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "socket"
    )
    return f"{path}: not a regular file (a {kind}); not read"


def _link_problem(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link (its target does not exist)"


def _walk(root: Path) -> Iterator[Path]:
    seen = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:  # symlink loop
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames.sort()
        for name in filenames:
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield Path(dirpath) / name
