"""Temporal expressions (first version): spaCy DATE entities normalized by dateparser.

Issue 3 replaces this with rule-found spans, TIMEX3 granularity and anchoring.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import blocked_char_ranges, overlaps, reference_date_of, set_results

_LEADING_PREP = re.compile(r"^(?:in|on|at|during|over|since|by|until|throughout)\s+", re.I)


@functools.lru_cache(maxsize=4096)
def _parse(text: str, base: str):
    import dateparser

    return dateparser.parse(text, languages=["en"],
                            settings={"RELATIVE_BASE": dt.datetime.fromisoformat(base)})


def _value(text: str, base: str | None) -> str | None:
    if re.fullmatch(r"(?:the year )?\d{4}", text, re.I):
        return text[-4:]
    if base is None:
        return None
    parsed = _parse(text, base)
    return parsed.date().isoformat() if parsed else None


class DateExtractor:
    def __init__(self, nlp: Language, name: str = "communique_dates"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        base = reference_date_of(doc)
        items = []
        for ent in doc.ents:
            if ent.label_ not in {"DATE", "TIME"} or overlaps(ent.start_char, ent.end_char, blocked):
                continue
            m = _LEADING_PREP.match(ent.text)
            start = ent.start_char + (m.end() if m else 0)
            text = doc.text[start:ent.end_char]
            items.append({"text": text, "start": start, "end": ent.end_char, "type": "DATE",
                          "value": _value(text, base), "anchor": "document" if base else "none"})
        set_results(doc, "dates", items)
        return doc


@Language.factory("communique_dates", assigns=["doc._.communique_dates"])
def make_dates(nlp: Language, name: str) -> DateExtractor:
    return DateExtractor(nlp, name)
