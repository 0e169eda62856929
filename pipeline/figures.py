"""Figures (first version): spaCy CARDINAL/MONEY/PERCENT entities with a qualifier.

Issue 5 replaces this with rule-found numbers, scales, ranges and what is counted.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import blocked_char_ranges, overlaps, set_results

_QUALIFIERS = {"more than": "more_than", "over": "more_than", "nearly": "about",
               "about": "about", "around": "about", "almost": "about", "some": "about",
               "at least": "at_least", "up to": "at_most", "less than": "less_than"}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3}


def _number(text: str) -> float | None:
    words = text.lower().replace(",", "").split()
    value = None
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            value = float(word)
        elif word in _WORDS:
            value = float(_WORDS[word])
        elif word in _SCALES and value is not None:
            value *= _SCALES[word]
    return value


class FigureExtractor:
    def __init__(self, nlp: Language, name: str = "communique_figures"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        items = []
        for ent in doc.ents:
            if ent.label_ not in {"CARDINAL", "MONEY", "PERCENT"}:
                continue
            if overlaps(ent.start_char, ent.end_char, blocked) or "-" in doc.text[ent.end_char:ent.end_char + 1]:
                continue
            value = _number(ent.text)
            if value is None:
                continue
            qualifier = "exact"
            for phrase, name in _QUALIFIERS.items():
                if ent.text.lower().startswith(phrase + " "):
                    qualifier = name
            head = ent.root.head if ent.root.dep_ == "nummod" else None
            items.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                          "value": value, "qualifier": qualifier,
                          "counted": head.text if head is not None else None,
                          "kind": {"MONEY": "money", "PERCENT": "percent"}.get(ent.label_, "count"),
                          "unit": None})
        set_results(doc, "figures", items)
        return doc


@Language.factory("communique_figures", assigns=["doc._.communique_figures"])
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor(nlp, name)
