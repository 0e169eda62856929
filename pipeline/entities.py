"""Entities: spaCy NER, corrected, with canonical names inside the article.

First version: NER spans minus headings and the dateline, possessive ``’s`` trimmed off
people, and the in-article alias chain for people ("Xi" → "Xi Jinping"). The gazetteer
of countries, titles and organisations deepens this (see issue 6).

>>> canonical_person("Xi", ["Xi Jinping", "Vladimir Putin"])
'Xi Jinping'
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components import blocked_char_ranges, overlaps, set_results

TITLE_WORDS = {
    "president", "president-elect", "king", "queen", "prime", "minister", "premier",
    "chancellor", "secretary", "general", "secretary-general", "foreign", "vice",
    "mr.", "mrs.", "ms.", "dr.", "sultan", "emir", "crown", "prince",
}


def canonical_person(mention: str, full_names: Iterable[str]) -> str:
    """The longest earlier full name that ends with (or contains) the mention's name."""
    words = mention.split()
    while words and words[0].lower() in TITLE_WORDS and len(words) > 1:
        words = words[1:]
    name = " ".join(words)
    best = name
    for full in full_names:
        parts = full.split()
        if len(parts) > len(best.split()) and (
            parts[-1] == words[-1] or parts[0] == words[0] and len(words) == 1
        ):
            best = full
    return best


def _trim(doc: Doc, ent: Span) -> Optional[Span]:
    start, end = ent.start, ent.end
    while end > start and doc[end - 1].text in {"’s", "'s", "’", "'"}:
        end -= 1
    while end > start and doc[end - 1].text.endswith(("’s", "'s")) and doc[end - 1].text in {"’s", "'s"}:
        end -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label=ent.label_)


class EntityExtractor:
    def __init__(self, nlp: Language, name: str = "communique_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        kept = []
        for ent in doc.ents:
            span = _trim(doc, ent)
            if span is None or overlaps(span.start_char, span.end_char, blocked):
                continue
            kept.append(span)
        doc.ents = kept
        items = []
        full_names: list[str] = []
        for ent in kept:
            if ent.label_ not in {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT"}:
                continue
            canonical = ent.text
            if ent.label_ == "PERSON":
                canonical = canonical_person(ent.text, full_names)
                if len(canonical.split()) > 1 and canonical not in full_names:
                    full_names.append(canonical)
            elif canonical.lower().startswith("the "):
                canonical = canonical[4:]
            items.append({
                "text": ent.text, "start": ent.start_char, "end": ent.end_char,
                "label": ent.label_, "canonical": canonical, "country": None,
            })
        set_results(doc, "entities", items, label=None)
        return doc


@Language.factory("communique_entities", assigns=["doc.ents", "doc._.communique_entities"])
def make_entities(nlp: Language, name: str) -> EntityExtractor:
    return EntityExtractor(nlp, name)
