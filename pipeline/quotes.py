"""Quotes (first version): text in double quotation marks with a verb of saying nearby.

Issue 4 replaces this with mixed and indirect speech and speaker resolution.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import results, set_results

_QUOTED = re.compile(r"[“\"]([^“”\"]{2,3000}?)[”\"]")
_CUES = {"say", "tell", "state", "note", "stress", "add", "emphasize", "declare"}


class QuoteExtractor:
    def __init__(self, nlp: Language, name: str = "communique_quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        people = [e for e in results(doc, "entities") if e["label"] == "PERSON"]
        items = []
        for m in _QUOTED.finditer(doc.text):
            span = doc.char_span(m.end(), min(len(doc.text), m.end() + 60), alignment_mode="contract")
            cue = next((t for t in (span or []) if t.lemma_ in _CUES), None)
            if cue is None:
                continue
            speaker = next((e for e in people if cue.idx < e["start"] < cue.idx + 40), None)
            items.append({
                "text": m.group(1), "start": m.start(1), "end": m.end(1), "kind": "direct",
                "speaker": speaker["canonical"] if speaker else None,
                "speaker_text": speaker["text"] if speaker else None,
                "speaker_start": speaker["start"] if speaker else None,
                "speaker_end": speaker["end"] if speaker else None,
                "cue": cue.text, "cue_start": cue.idx, "cue_end": cue.idx + len(cue.text),
            })
        set_results(doc, "quotes", items, label="quote")
        return doc


@Language.factory("communique_quotes", assigns=["doc._.communique_quotes"])
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)
