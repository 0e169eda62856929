"""Which cue frames meet a quotation, looked up by position.

A quotation is attributed to the first frame (in the frames' order) that overlaps it,
and the frames inside it are used up; walking every frame for every quotation was
quadratic in a text of many quotes and cues. :class:`FrameIndex` sorts the frames by
start once and answers both questions by bisection, in the frames' order.

>>> from pipeline.quotes.cues import Frame
>>> index = FrameIndex([Frame(0, 1, None, 10, 20), Frame(2, 3, None, 30, 40)])
>>> index.overlapping(15, 35), index.within(28, 41)
([0, 1], [1])
"""

from __future__ import annotations

import bisect

from pipeline.quotes.cues import Frame


class FrameIndex:
    """The frames of a doc by the start of their content."""

    def __init__(self, frames: list[Frame]):
        self.frames = frames
        self._order = sorted(range(len(frames)), key=lambda k: frames[k].start)
        self._starts = [frames[k].start for k in self._order]
        self._reach = max((f.end - f.start for f in frames), default=0)  # the longest content

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """The frames, ascending, with ``start < hi`` and ``lo < end`` (none that starts
        before ``lo - reach`` can end after ``lo``)."""
        a = bisect.bisect_left(self._starts, lo - self._reach)
        b = bisect.bisect_left(self._starts, hi)
        return sorted(k for k in self._order[a:b] if self.frames[k].end > lo)

    def within(self, lo: int, hi: int) -> list[int]:
        """The frames, ascending, with ``lo <= start`` and ``end <= hi``."""
        a = bisect.bisect_left(self._starts, lo)
        b = bisect.bisect_right(self._starts, hi)
        return sorted(k for k in self._order[a:b] if self.frames[k].end <= hi)
