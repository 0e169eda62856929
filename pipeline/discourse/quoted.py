"""Who says what is said at a character: the quote contents of a doc, for events to tell
the narrator's facts from claims (``reported_by``) and for "we" inside a quotation to be
its speaker.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional


class QuoteIndex:
    """The quote contents of a doc, to ask who reports what is said at a character.

    >>> QuoteIndex([{"start": 10, "end": 20, "speaker": "Xi Jinping"}]).reporter(12, 15)
    'Xi Jinping'
    """

    def __init__(self, quotes: list[dict]):
        spans = sorted((q["start"], q["end"], q.get("speaker") or q.get("speaker_text")) for q in quotes)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.named = {(q["start"], q["end"]): q["speaker"] for q in quotes if q.get("speaker")}

    def named_speaker(self, start: int, end: int) -> Optional[str]:
        """The resolved speaker (a name, never "he") of the quote that holds ``[start, end)``."""
        i = bisect_right(self.starts, start)
        for s, e, _ in reversed(self.spans[max(0, i - 4) : i]):
            if s <= start and end <= e:
                return self.named.get((s, e))
        return None

    def reporter(self, start: int, end: int) -> Optional[str]:
        """The speaker of the quote whose content holds ``[start, end)`` (None: the narrator)."""
        i = bisect_right(self.starts, start)
        for s, e, speaker in reversed(self.spans[max(0, i - 4) : i]):
            if s <= start and end <= e:
                return speaker or "unnamed source"
        return None
