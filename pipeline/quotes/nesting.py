"""Reported speech inside reported speech: which frames speak for themselves.

``the retailer said it pledged that ...``: the inner cue belongs to the outer speaker, one
quote; ``CCTV said Xi urged Washington to ...``: someone else, named, speaks inside, two.
"""

from __future__ import annotations

import bisect
import heapq
from typing import Optional

from spacy.tokens import Doc, Token

from pipeline.quotes.cues import Frame
from pipeline.quotes.speakers import ArticleSpeakers


def outermost(doc: Doc, frames: list[Frame], speakers: ArticleSpeakers) -> list[Frame]:
    """Drop frames whose cue lies inside another frame's content (reported speech inside
    reported speech belongs to the outer speaker: ``the retailer said it pledged that``),
    unless someone else, named, speaks inside (``CCTV said Xi urged Washington to``)."""
    cues = [doc[f.cue_start].idx for f in frames]
    according = [doc[f.cue_start].lower_ == "according" for f in frames]
    sorted_cues = sorted(cues)
    outers = _containing(frames, cues)
    speaker_of = _SpeakerMemo(speakers)
    kept = []
    for k, f in enumerate(frames):
        outer = [j for j in outers[k] if j != k]
        if any(not according[j] and not _embedded(f, frames[j], speakers, speaker_of) for j in outer):
            continue
        if according[k] and _cues_within(sorted_cues, f.start, f.end) > (f.start <= cues[k] < f.end):
            continue  # "She said ..., according to a readout": the inner cue speaks
        kept.append(f)
    return kept


def _containing(frames: list[Frame], points: list[int]) -> list[list[int]]:
    """For each point, the indices (ascending) of the frames whose content holds it
    (``start <= point < end``): one sweep, not a walk over every frame per point."""
    order = sorted(range(len(frames)), key=lambda j: frames[j].start)
    found: list[list[int]] = [[] for _ in points]
    active: set[int] = set()
    ends: list[tuple[int, int]] = []  # heap of (end, frame) of the active frames
    i = 0
    for q in sorted(range(len(points)), key=points.__getitem__):
        point = points[q]
        while i < len(order) and frames[order[i]].start <= point:
            heapq.heappush(ends, (frames[order[i]].end, order[i]))
            active.add(order[i])
            i += 1
        while ends and ends[0][0] <= point:
            active.discard(heapq.heappop(ends)[1])
        found[q] = sorted(active)
    return found


def _cues_within(sorted_cues: list[int], start: int, end: int) -> int:
    """How many cues lie in ``[start, end)``."""
    return bisect.bisect_left(sorted_cues, end) - bisect.bisect_left(sorted_cues, start)


class _SpeakerMemo:
    """``speakers.mention(tok).speaker`` per token, remembered when finding it resolved no
    pronoun (resolving one may learn a person's gender, which later pronouns read, so
    those are asked again, as before): a frame nested in many others is compared with
    each of them, and would be resolved again every time."""

    def __init__(self, speakers: ArticleSpeakers):
        self.speakers, self.known = speakers, {}

    def __call__(self, tok: Token) -> Optional[str]:
        if tok.i in self.known:
            return self.known[tok.i]
        calls = self.speakers.pronoun_calls
        speaker = self.speakers.mention(tok).speaker
        if self.speakers.pronoun_calls == calls:
            self.known[tok.i] = speaker
        return speaker


def _embedded(
    inner: Frame, outer: Frame, speakers: ArticleSpeakers, speaker_of: Optional[_SpeakerMemo] = None
) -> bool:
    """The inner cue has a named speaker of its own, another than the outer one."""
    tok = inner.speaker
    if tok is None or outer.speaker is None or tok.i not in speakers.ent_at:
        return False
    if speakers.ent_at[tok.i]["label"] not in ("PERSON", "ORG"):
        return False
    speaker_of = speaker_of or _SpeakerMemo(speakers)
    return speaker_of(tok) != speaker_of(outer.speaker)
