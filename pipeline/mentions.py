"""Who a noun phrase in the parse refers to: the canonical names of event participants.

Named mentions take the entities component's canonical names ("Xi" → "Xi Jinping",
"Britain" → "United Kingdom"); nominal ones are resolved in the article: "the Chinese
president" → the person the text titled so, "Chinese officials" → "China", "leaders of
India and Japan" → India, Japan; "he"/"his" → the last person who was the subject of a
sentence, else the last person named. "the two heads of state" → ``PAIR`` (the caller
takes the participants of the event in context).

>>> Mentions(doc).of(token)             # doctest: +SKIP
['Xi Jinping']
"""
from __future__ import annotations

import bisect
import json
import functools
from pathlib import Path

from spacy.tokens import Doc, Token

from pipeline.components import results
from pipeline.gazetteer import gazetteer

PAIR = "__pair__"
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PAIR_WORDS = {"two", "both"}
PATTERNS = Path(__file__).resolve().parent / "patterns"


@functools.lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset, frozenset, frozenset]:
    data = json.loads((PATTERNS / "events_cameo.json").read_text(encoding="utf-8"))
    return frozenset(data["group_nouns"]), frozenset(data["actor_nouns"]), frozenset(data["partitive_nouns"])


class Mentions:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.g = gazetteer()
        self.group_nouns, self.actor_nouns, self.partitives = _nouns()
        self.by_token: dict[int, dict] = {}
        self.persons = doc.user_data.get("communique_persons", {})
        self._person_at: list[int] = []
        self._person_name: list[str] = []
        self._subject_at: list[int] = []
        self._subject_name: list[str] = []
        for ent in results(doc, "entities"):
            span = doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token[tok.i] = ent
            if ent["label"] == "PERSON":
                self._person_at.append(span.start)
                self._person_name.append(ent["canonical"])
                if span.root.dep_ in {"nsubj", "nsubjpass"}:
                    self._subject_at.append(span.start)
                    self._subject_name.append(ent["canonical"])

    def label(self, token: Token):
        ent = self.by_token.get(token.i)
        return ent["label"] if ent else None

    def entity(self, token: Token):
        return self.by_token.get(token.i)

    def name(self, ent: dict) -> str:
        if ent["label"] == "NORP" and ent.get("country"):
            return self.g.country_names.get(ent["country"], ent["canonical"])
        return ent["canonical"]

    def last_person(self, before: int) -> list[str]:
        for at, names in ((self._subject_at, self._subject_name), (self._person_at, self._person_name)):
            i = bisect.bisect_left(at, before)
            if i:
                return [names[i - 1]]
        return []

    def titled_person(self, country: str | None, role: str, before: int) -> list[str]:
        best = None
        for at, name in zip(self._person_at, self._person_name):
            if at >= before:
                break
            info = self.persons.get(name, {})
            if role in info.get("titles", ()) and (country is None or info.get("country") == country):
                best = name
        return [best] if best else []

    def of(self, token: Token) -> list[str]:
        """Participants named by the noun phrase headed by ``token`` (conjuncts not included)."""
        ent = self.by_token.get(token.i)
        if ent is not None:
            return [self.name(ent)]
        low = token.lower_
        if token.pos_ == "PRON":
            return self.last_person(token.i) if low in PRONOUNS else []
        children = list(token.children)
        if token.pos_ not in {"NOUN", "PROPN"} and not (token.pos_ in {"NUM", "PRON", "ADJ"} and low in self.partitives):
            return []
        for child in children:      # "Russian President Vladimir Putin" headed by "President"
            ent = self.by_token.get(child.i)
            if ent and ent["label"] == "PERSON" and child.dep_ in {"compound", "appos", "flat", "npadvmod"}:
                return [ent["canonical"]]
        if low in self.partitives or token.lemma_.lower() in self.partitives:
            for child in children:  # "Thousands of Iraqi Kurds", "a group of Moroccan diplomats"
                if child.dep_ == "prep" and child.lower_ == "of":
                    found = [n for p in child.children if p.dep_ == "pobj" for n in self.of_phrase(p)]
                    if found:
                        return found
        if token.i + 1 < len(self.doc) and token.lower_ in self.g.title_words:
            ent = self.by_token.get(token.i + 1)     # "Russian President" + conj "Vladimir Putin"
            if ent and ent["label"] == "PERSON":
                return [ent["canonical"]]
        if any(c.lower_ in PAIR_WORDS for c in children):
            return [PAIR]
        lemma = token.lemma_.lower()
        mods = [c for c in children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i in self.by_token]
        for mod in mods:
            ent = self.by_token[mod.i]
            if ent["label"] == "PERSON" and mod.dep_ == "poss":
                return [ent["canonical"]]
            if ent["label"] in {"GPE", "NORP"}:
                if lemma in self.g.title_words:
                    person = self.titled_person(ent.get("country"), lemma, token.i)
                    if person:
                        return person
                if lemma in self.group_nouns or ent["label"] == "GPE":
                    # "Senior Hungarian and Romanian officials": the demonym's conjuncts too
                    names = [self.name(ent)] + [self.name(self.by_token[c.i]) for c in mod.conjuncts
                                                if c.i in self.by_token and self.by_token[c.i]["label"] in {"GPE", "NORP"}]
                    return list(dict.fromkeys(names))
                if token.tag_ in {"NNS", "NNPS"}:      # "Palestinian factions"
                    return [self.doc[min(mod.i, token.i):token.i + 1].text]
            if ent["label"] == "ORG" and lemma in self.group_nouns:
                return [ent["canonical"]]
        if lemma in self.group_nouns or lemma in self.g.title_words:
            found = []
            for child in children:
                if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                    found += [self.name(self.by_token[t.i]) for t in child.subtree
                              if t.i in self.by_token and self.by_token[t.i]["label"] in {"GPE", "ORG", "NORP"}
                              and (t.i == 0 or t.i - 1 not in self.by_token
                                   or self.by_token[t.i - 1] is not self.by_token[t.i])]
            if found:
                return list(dict.fromkeys(found))
            if lemma in self.g.title_words and any(c.lower_ == "the" for c in children):
                return self.titled_person(None, lemma, token.i)
        if lemma in self.actor_nouns or (low.endswith("s") and low[:-1] in self.actor_nouns):
            # unnamed groups: "Palestinian police", "rebels" (also a sentence-initial "Rebels")
            start = token.i
            while start > token.left_edge.i and self.doc[start - 1].dep_ in {"amod", "compound"} \
                    and self.doc[start - 1].head.i >= start:
                start -= 1
            end = token.i + 1
            for child in children:  # "rebels in Darfur", "opposition parties in Nepal"
                if child.dep_ == "prep" and child.lower_ in {"in", "from", "throughout", "of"} and child.i == end:
                    place = next((p for p in child.children if p.dep_ == "pobj"), None)
                    ent = self.by_token.get(place.i) if place is not None else None
                    if ent and ent["label"] in {"GPE", "LOC"}:
                        span = self.doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
                        end = max(end, span.end if span is not None else place.i + 1)
            return [self.doc[start:end].text]
        return []

    def of_phrase(self, token: Token) -> list[str]:
        """Participants of a noun phrase and its conjuncts, in order."""
        out: list[str] = []
        for tok in (token, *token.conjuncts):
            if tok is not token and tok.pos_ in {"VERB", "AUX"}:
                continue
            for name in self.of(tok):
                if name not in out:
                    out.append(name)
        return out
