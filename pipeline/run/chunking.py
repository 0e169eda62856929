"""Long articles: split on paragraph boundaries, process the parts, merge the records.

spaCy refuses texts past ``nlp.max_length`` and the parser's memory grows with length, so
an article longer than ``CHUNK_CHARS`` is cut at paragraph breaks (else line breaks, else
sentence ends, else spaces) into parts, each processed as its own Doc; the parts' records
are shifted back by their offset and merged, so offsets stay exact into the full text.

>>> split_points("One.\\n\\nTwo.\\n\\nThree.", limit=8)
[(0, 6), (6, 12), (12, 18)]
"""

from __future__ import annotations

import re
from typing import Iterable

from models import RECORD_KINDS, ArticleExtraction

CHUNK_CHARS = 100_000

_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"”’)]?\s+"),
    re.compile(r"\s+"),
)


def split_points(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` parts of ``text``, each at most ``limit`` characters, cut at the
    strongest boundary available in the part's window; the parts cover the text exactly."""
    parts, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = None
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        parts.append((start, start + cut))
        start += cut
    parts.append((start, len(text)))
    return parts


_SHIFTED = (
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "sentence_start",
    "sentence_end",
)


def merge_records(
    full: ArticleExtraction, parts: Iterable[tuple[int, ArticleExtraction]]
) -> ArticleExtraction:
    """Add each part's items, shifted by the part's offset, to ``full`` (the record that
    holds the whole text and the article-level context)."""
    data = full.model_dump()
    for kind in RECORD_KINDS:
        data[kind] = list(data[kind])
    for offset, part in parts:
        for kind in RECORD_KINDS:
            for item in getattr(part, kind):
                shifted = item.model_dump()
                for key in _SHIFTED:
                    if shifted.get(key) is not None:
                        shifted[key] += offset
                for mention in shifted.get("mentions") or ():  # an event's every mention
                    mention["start"] += offset
                    mention["end"] += offset
                data[kind].append(shifted)
        data["warnings"].extend(w for w in part.warnings if w not in data["warnings"])
        data["errors"].extend(e for e in part.errors if e not in data["errors"])
        if data.get("narrative_date") is None:
            data["narrative_date"] = part.narrative_date
    return ArticleExtraction.model_validate(data)
