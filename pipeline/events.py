"""Events (first version): verbs of meeting, visiting and agreeing with their subject.

Issue 6 replaces this with PLOVER/CAMEO triggers from data, nominal triggers and
arguments from the parse.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import blocked_char_ranges, overlaps, results, set_results

_TRIGGERS = {  # lemma: (type, mode, cameo)
    "meet": ("CONSULT", None, "040"), "visit": ("CONSULT", "visit", "042"),
    "attend": ("CONSULT", "multilateral", "043"), "agree": ("AGREE", None, "030"),
    "sign": ("AGREE", None, "057"), "announce": ("STATEMENT", None, "010"),
    "praise": ("SUPPORT", None, "051"),
}


class EventExtractor:
    def __init__(self, nlp: Language, name: str = "communique_events"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        by_start = {e["start"]: e for e in results(doc, "entities")}
        items = []
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_ not in _TRIGGERS:
                continue
            if overlaps(token.idx, token.idx + len(token), blocked):
                continue
            etype, mode, cameo = _TRIGGERS[token.lemma_]
            actors = [by_start[c.idx]["canonical"] for c in token.children
                      if c.dep_ == "nsubj" and c.idx in by_start]
            sent = token.sent
            items.append({"text": token.text, "start": token.idx, "end": token.idx + len(token),
                          "type": etype, "mode": mode, "cameo": cameo, "trigger": token.lemma_,
                          "actors": actors, "recipients": [], "location": None, "date": None,
                          "status": "occurred", "sentence_start": sent.start_char,
                          "sentence_end": sent.end_char})
        set_results(doc, "events", items)
        return doc


@Language.factory("communique_events", assigns=["doc._.communique_events"])
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)
