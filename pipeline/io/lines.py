"""JSONL lines read with a bound: a "line" of gigabytes (a binary file named ``.jsonl``, a
stream with no newline) is skipped in pieces, never held in memory.

Lines end at ``\\n`` only (as JSON Lines defines them). UTF-8 files and stdin are read
as bytes, UTF-16 files (with a byte order mark) through a decoder, both line by line.

>>> import io
>>> list(bounded_lines(io.BytesIO(b'{"a": 1}\\n' + b"x" * 50 + b"\\n{}"), limit=20))
[b'{"a": 1}\\n', TooLong(20), b'{}']
"""

from __future__ import annotations

import io
from typing import IO, Iterator, Optional, Union

# the longest line read: 8 bytes per character of the longest article (JSON's \uXXXX
# escapes take 6), so any article under the size limit fits on its line
MAX_LINE = 40_000_000
_SKIP = 1 << 20  # piece size when reading through a line that is too long


class TooLong:
    """In place of a line longer than ``limit`` (read through and dropped)."""

    def __init__(self, limit: int):
        self.limit = limit

    def __repr__(self) -> str:
        return f"TooLong({self.limit})"


def bounded_lines(handle: IO, limit: Optional[int] = None) -> Iterator[Union[bytes, str, TooLong]]:
    """The lines of ``handle`` (bytes or text), each with its newline; a :class:`TooLong`
    in place of a line longer than ``limit`` (default :data:`MAX_LINE`) bytes or characters."""
    limit = MAX_LINE if limit is None else limit
    newline = "\n" if isinstance(handle, io.TextIOBase) else b"\n"
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(newline):
            while line and not line.endswith(newline):
                line = handle.readline(_SKIP)
            yield TooLong(limit)
            continue
        yield line


class Prefixed(io.RawIOBase):
    """A raw stream of ``head`` then the rest of ``rest``: stdin after its first bytes
    were read to see what it holds."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
