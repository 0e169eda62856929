"""Quotations with no cue that are a person's own predicate, said by that person.

``"This case is not legal," Duale said. He represents the area. His constituents and
"their leaders ... do not have any problems with the Somali community."``: a quotation that
holds the main verb of its sentence, after a subject outside the marks that is (or belongs
to) a person who speaks within two sentences, is that person's words, a mixed quote from
the subject. Without a speaker near, such a quotation is someone else's words about the
subject (``The minister "has no idea what he is doing."``) and stays unattributed.
"""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc

from pipeline.document.access import sent_bounds
from pipeline.quotes.marks import QuotePair
from pipeline.quotes.speakers import ArticleSpeakers

NEAR = 2  # sentences before or after in which the person speaks
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def quoted_predicate(doc: Doc, pair: QuotePair, speakers: ArticleSpeakers) -> Optional[tuple[int, str, int]]:
    """The content's first character, the person and the sentence's first token, when the
    quotation is the predicate of a person's subject (see the module), else None."""
    span = doc.char_span(pair.open, pair.close + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lo, hi = sent_bounds(doc, span.start)
    if span.start == lo or any(not doc[j].is_punct for j in range(span.end, hi)):
        return None  # it opens its sentence, or the sentence goes on after it
    root = doc[span.start].sent.root
    if not span.start <= root.i < span.end:
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < span.start]
    if not subjects or any(doc[j].tag_ in _FINITE for j in range(lo, span.start)):
        return None
    subject = subjects[0]
    persons = {name for _s, _e, name in speakers.persons}
    for tok in [subject] + [c for c in subject.children if c.dep_ == "poss"]:
        name = speakers.mention(tok).speaker
        if name is not None and (name in persons or tok.pos_ in ("PRON", "PROPN")):
            return doc[subject.left_edge.i].idx, name, lo  # a person, not "the plan" or a law
    return None


def predicate_record(text: str, start: int, pair: QuotePair, speaker: str) -> dict:
    return {
        "text": text[start : pair.end],
        "start": start,
        "end": pair.end,
        "kind": "mixed",
        "speaker": speaker,
        "speaker_text": None,
        "speaker_start": None,
        "speaker_end": None,
        "cue": None,
        "cue_start": None,
        "cue_end": None,
    }


def predicate_quotes(
    doc: Doc, pairs: list[QuotePair], items: list[dict], speakers: ArticleSpeakers
) -> list[dict]:
    """The records of the quotations ``pairs`` (left without a cue) that are the predicate
    of a person who speaks (in ``items``) within :data:`NEAR` sentences."""
    said: dict[str, list[int]] = {}  # speaker → the sentences they speak in, in order
    for q in items:
        span = doc.char_span(q["start"], q["start"] + 1, alignment_mode="expand")
        if q["speaker"] and span is not None and len(span):
            said.setdefault(q["speaker"], []).append(speakers.sentence_of(span.start))
    for sentences in said.values():
        sentences.sort()
    out = []
    for pair in pairs:
        found = quoted_predicate(doc, pair, speakers) if said else None
        if found is None:
            continue
        start, name, sent_start = found
        here = speakers.sentence_of(sent_start)
        sentences = said.get(name, [])
        k = bisect.bisect_left(sentences, here - NEAR)
        if k < len(sentences) and sentences[k] <= here + NEAR:
            out.append(predicate_record(speakers.text, start, pair, name))
    return out
