"""Entities: spaCy NER corrected by the gazetteer, with canonical names and countries.

``doc.ents`` is the model's NER corrected by phrase matches from the gazetteer
(``pipeline/patterns/countries.tsv``, ``organisations.tsv``, ``titles.tsv``): a country
the model tagged ORG becomes GPE, a news agency tagged GPE or PERSON becomes ORG, an
organisation's full name wins over a summit-name span around it, possessives and titles
are trimmed off people, and nothing is reported inside headings or the dateline.

``results(doc, "entities")`` lists every named mention as ``{text, start, end, label,
canonical, country}``: people carry their full name found anywhere in the article
("Xi" → "Xi Jinping", titles stripped) and the country the text gives them ("Russian
President Vladimir Putin" → RUS); countries, demonyms and known cities carry ISO3 codes.
Per-person titles and countries also go to ``doc.user_data["communique_persons"]`` for
the resolution of nominal mentions ("the Chinese president") by ``pipeline.mentions``.

>>> canonical_person("Xi", ["Xi Jinping", "Vladimir Putin"])
'Xi Jinping'
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import numpy
from spacy.attrs import IS_TITLE, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import ADP, CCONJ, DET, PROPN, SCONJ, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components import blocked_char_ranges, doc_text, in_table, overlaps, set_results, sorted_ids
from pipeline.gazetteer import Gazetteer, gazetteer

_CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december", "monday", "tuesday",
                   "wednesday", "thursday", "friday", "saturday", "sunday"}
NAMED = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT"}
POSSESSIVE = {"’s", "'s", "’", "'"}
TRAILING_POS = {"ADP", "CCONJ", "DET", "SCONJ"}
_TRAILING_POS_IDS = {ADP, CCONJ, DET, SCONJ}
# royal and religious titles that are often part of the name itself
NAME_TITLES = {"sultan", "sheikh", "emir", "amir"}
# words after an organisation's name that make a summit or meeting of it
MEETING_WORDS = {"summit", "meeting", "conference", "forum", "session", "plus", "dialogue",
                 "ministerial", "leaders", "leaders’", "leaders'", "economic", "week"}
NAME_PARTICLES = {"bin", "al", "el", "de", "da", "van", "von", "der", "la", "le", "du", "di", "ibn"}
PERSONS_KEY = "communique_persons"


def _strip_titles(words: list[str], g: Optional[Gazetteer] = None) -> list[str]:
    g = g or gazetteer()
    out = list(words)
    while len(out) > 1 and out[0].lower().strip(".,") in g.title_words | {"mr", "mrs", "ms", "dr"} \
            and out[0].lower() not in NAME_TITLES:
        out = out[1:]
    return out


def canonical_person(mention: str, full_names: Iterable[str]) -> str:
    """The first full name in the article whose first or last word is the (one-word)
    mention; a longer mention is its own canonical name, titles stripped."""
    words = _strip_titles(mention.split())
    name = " ".join(words)
    if len(words) != 1:
        return name
    for full in full_names:
        parts = full.split()
        if len(parts) > 1 and (parts[-1] == name or parts[0] == name):
            return full
    return name


class _Tokens:
    """ORTH, LOWER and POS of a doc's tokens as lists (a Token object per test costs more)."""

    __slots__ = ("orth", "lower", "pos")

    def __init__(self, doc: Doc):
        if len(doc):
            arr = doc.to_array([ORTH, LOWER, POS])
            self.orth, self.lower, self.pos = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
        else:
            self.orth, self.lower, self.pos = [], [], []


class EntityExtractor:
    def __init__(self, nlp: Language, name: str = "communique_entities"):
        self.name = name
        self.g = g = gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tables = {"GPE": g.countries, "NORP": g.demonyms, "CITY": g.cities, "ORG": g.orgs}
        for key, table in tables.items():
            self.matcher.add(key, [nlp.make_doc(text) for text in table])
        self._label_ids = {nlp.vocab.strings[key]: key for key in tables}
        # a capitalised title before proper nouns the model left untagged: "King Sultan Ibrahim"
        words = {w for w in g.title_words if w.isalpha()} - {"of", "the"}
        self._title_ids = sorted_ids(nlp.vocab.strings.add(w) for w in words)
        # token tests of _clean from hashes: no Token object per test
        self._strings = nlp.vocab.strings
        self._title_cache: dict[int, bool] = {}
        self._possessive_ids = {hash_string(w) for w in POSSESSIVE}
        self._place_word_ids = {hash_string(w) for w in (*g.demonyms, *g.countries)}
        self._the_id = hash_string("the")
        self._of_the_ids = {hash_string("of"), self._the_id}

    # -- spans ---------------------------------------------------------------------------
    def _clean(self, doc: Doc, ent: Span, v: "_Tokens") -> Optional[Span]:
        start, end = ent.start, ent.end
        # possessives and a trailing function word: "the Great Hall of the People on"
        while end > start and (v.orth[end - 1] in self._possessive_ids or v.pos[end - 1] in _TRAILING_POS_IDS):
            end -= 1
        label = ent.label_
        if label != "PERSON":
            label, start = self._titled_name(doc, start, end, label, v)
        if label == "PERSON":
            for i in range(end - 1, start, -1):     # "Nauru's President David Adeang"
                if v.orth[i] in self._possessive_ids:
                    start = i + 1
                    break
            while end - start > 1 and (self._title_at(v, start) or v.orth[start] in self._place_word_ids):
                start += 1
        while end - start > 1 and v.lower[start] == self._the_id and label != "PERSON":
            start += 1
        if end <= start:
            return None
        if all(self._title_at(v, i) or v.lower[i] in self._of_the_ids for i in range(start, end)):
            text = doc[start:end].text
            if text not in self.g.orgs and text not in self.g.countries:
                return None               # a title alone is no name: "Secretary of State", "State Councilor"
        return Span(doc, start, end, label=label)

    def _titled_name(self, doc: Doc, start: int, end: int, label: str, v: "_Tokens") -> tuple[str, int]:
        """'Kazakh President Kassym-Jomart Tokayev' tagged ORG: a demonym or country and a
        title before proper names make a person (the name starts after the last title)."""
        k = start
        titled = False
        while k < end and (self._title_at(v, k) or v.orth[k] in self._place_word_ids):
            titled = titled or self._title_at(v, k)
            k += 1
        if titled and k > start and k < end:
            rest = doc[k:end]
            if all(t.pos_ == "PROPN" and (t.is_title or t.text == "-") or t.text == "-" for t in rest) \
                    and rest.text not in self.g.orgs and rest.text not in self.g.countries \
                    and not any(t.lower_ in MEETING_WORDS for t in rest):
                return "PERSON", k
        return label, start

    def _title_at(self, v: "_Tokens", i: int) -> bool:
        """:meth:`_is_title` of token ``i`` from the doc's arrays."""
        return v.pos[i] != VERB and self._title_lower(v.lower[i])

    def _title_lower(self, lower_id: int) -> bool:
        known = self._title_cache.get(lower_id)
        if known is None:
            low = self._strings[lower_id].strip(".")
            known = self._title_cache[lower_id] = (
                (low in self.g.title_words or low in {"mr", "mrs", "ms", "dr", "-", "elect"})
                and low not in NAME_TITLES)
        return known

    def _is_title(self, token) -> bool:
        low = token.lower_.strip(".")
        return (low in self.g.title_words or low in {"mr", "mrs", "ms", "dr", "-", "elect"}) \
            and low not in NAME_TITLES and token.pos_ != "VERB"

    def _merge(self, doc: Doc, model: list[Span], gaz: list[Span]) -> list[Span]:
        spans = list(model)
        bounds = [(s.start, s.end) for s in spans]      # kept in step with spans
        for g in gaz:
            label = g.label_
            g_start, g_end = g.start, g.end
            hits = [spans[k] for k, (start, end) in enumerate(bounds) if start < g_end and g_start < end]
            if not hits:
                if label != "CITY" or g.root.pos_ == "PROPN":
                    spans.append(Span(doc, g.start, g.end, label="GPE" if label == "CITY" else label))
                    bounds.append((g_start, g_end))
                continue
            same = [s for s in hits if (s.start, s.end) == (g_start, g_end)]
            if same:
                s = same[0]
                new = label
                if label == "CITY":
                    new = "GPE" if s.label_ in {"ORG", "PERSON", "NORP"} else s.label_
                elif label == "GPE" and s.label_ == "LOC":
                    new = "GPE"
                elif label == "NORP" and s.label_ == "PERSON" and len(g) == 1:
                    new = "NORP"
                spans[spans.index(s)] = Span(doc, s.start, s.end, label=new)
                continue
            if label == "ORG" and all(self._org_wins(g, s) for s in hits):
                spans = [s for s in spans if s not in hits]
                spans.append(Span(doc, g.start, g.end, label=self.g.orgs[g.text][1]))
                bounds = [(s.start, s.end) for s in spans]
        return spans

    def _org_wins(self, g: Span, s: Span) -> bool:
        if s.label_ == "PERSON" and len(s) > len(g):
            return False
        if s.start <= g.start and g.end <= s.end and s.label_ == "ORG":
            extra = [t for t in s if t.i < g.start or t.i >= g.end]
            return all(t.lower_ in MEETING_WORDS or t.lower_ == "the" or not t.is_alpha
                       or t.like_num or t.tag_ == "JJ" or t.text in self.g.cities
                       or t.text in self.g.countries for t in extra)
        return True

    # -- people --------------------------------------------------------------------------
    def _titled_people(self, doc: Doc, model: list[Span], blocked) -> list[Span]:
        taken = {i for s in model for i in range(s.start, s.end)}
        out = []
        for start, end in self._titled_matches(doc):
            while end - start > 1 and self._is_title(doc[start]):
                start += 1
            span = Span(doc, start, end, label="PERSON")
            if all(self._is_title(t) for t in span):
                continue                  # "State Councilor and Foreign Minister Qin Gang"
            if taken.intersection(range(start, end)) or overlaps(span.start_char, span.end_char, blocked):
                continue
            if any(t.text in self.g.countries or t.text in self.g.cities or t.text in self.g.orgs
                   or t.lower_ in MEETING_WORDS for t in span):
                continue
            out.append(span)
        return out

    def _titled_matches(self, doc: Doc) -> list[tuple[int, int]]:
        """What the Matcher pattern ``[{LOWER in titles, IS_TITLE}, {POS PROPN, IS_TITLE, OP +}]``
        with ``greedy="LONGEST"`` finds, in its order, from the token arrays (a Matcher
        with POS predicates steps through every token)."""
        if len(doc) < 2:
            return []
        arr = doc.to_array([LOWER, IS_TITLE, POS])
        is_title = arr[:, 1] == 1
        name = is_title & (arr[:, 2] == PROPN)
        first = is_title & in_table(arr[:, 0], self._title_ids)
        first[-1] = False
        first[:-1] &= name[1:]
        starts = numpy.flatnonzero(first).tolist()
        if not starts:
            return []
        name_list = name.tolist()
        pairs = []
        for i in starts:
            j = i + 1
            while j < len(name_list) and name_list[j]:
                j += 1
            pairs.extend((i, end) for end in range(i + 2, j + 1))
        pairs.sort(key=lambda x: (x[1] - x[0], -x[0]), reverse=True)
        taken = bytearray(len(doc))
        out = []
        for start, end in pairs:
            if not any(taken[start:end]):
                out.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
        return out

    def _person_country(self, doc: Doc, span: Span, by_end: dict, v: "_Tokens") -> tuple[Optional[str], list[str]]:
        i = span.start - 1
        titles: list[str] = []
        while i >= 0 and self._title_at(v, i):
            titles.insert(0, self._strings[v.lower[i]])
            i -= 1
        if i >= 0 and v.orth[i] in self._possessive_ids:
            i -= 1
        ent = by_end.get(i + 1)
        if ent is not None and ent.label_ in {"GPE", "NORP"}:
            return self.g.country_of(ent.text), titles
        return None, titles

    def _find_people(self, doc: Doc, spans: list[Span], names: list[str]) -> list[Span]:
        parts = {n.split()[-1] for n in names}
        # family name first ("Wang Yi" ... "said Wang"): first words of two-word names
        parts |= {n.split()[0] for n in names if len(n.split()) == 2
                  and n.split()[0].lower() not in self.g.title_words | NAME_TITLES
                  and n.split()[0] not in self.g.demonyms}
        parts |= {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1
                  and canonical_person(s.text, names) != s.text}
        parts = {p for p in parts if len(p) > 1 and p[0].isupper() and p.lower() not in NAME_PARTICLES
                 and p not in self.g.countries and p not in self.g.orgs}
        if not parts:
            return spans
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
                             + r")(?![\w-])")
        by_start = {s.start_char: s for s in spans}
        for m in pattern.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end())
            if span is None:
                continue
            hit = [s for s in spans if s.start < span.end and span.start < s.end]
            if not hit:
                spans.append(Span(doc, span.start, span.end, label="PERSON"))
            elif len(hit) == 1 and (hit[0].start, hit[0].end) == (span.start, span.end) \
                    and hit[0].label_ in {"ORG", "GPE", "NORP"} and m.group() not in self.g.countries:
                spans[spans.index(by_start.get(hit[0].start_char, hit[0]))] = \
                    Span(doc, span.start, span.end, label="PERSON")
        return spans

    def _complete_names(self, doc: Doc, spans: list[Span], blocked) -> list[Span]:
        """Full names the model missed, found from a surname it did tag.

        The small model often misses an untitled full name that opens a sentence ("Xi
        Jinping held talks ...") yet tags the later "Xi": any capitalized proper-noun pair
        containing such a one-word name ("Xi Jinping", "Vladimir Putin") becomes a PERSON.
        """
        singles = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1
                   and s.text[:1].isupper() and s.text.isalpha()}
        singles -= {w for s in spans if s.label_ == "PERSON" and len(s) > 1 for w in s.text.split()}
        if not singles:
            return spans
        alt = "|".join(map(re.escape, sorted(singles, key=len, reverse=True)))
        word = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
        pattern = re.compile(rf"(?<![\w-])(?:(?:{alt})[ ]{word}|{word}[ ](?:{alt}))(?![\w-])")
        taken = {i: s for s in spans for i in range(s.start, s.end)}
        added: list[Span] = []
        for m in pattern.finditer(doc_text(doc)):
            cand = doc.char_span(m.start(), m.end())
            if cand is None or len(cand) != 2 or overlaps(cand.start_char, cand.end_char, blocked):
                continue
            if any(t.tag_ != "NNP" or self._is_title(t) or t.text in self.g.countries
                   or t.text in self.g.cities or t.text in self.g.orgs or t.text in self.g.demonyms
                   or t.lower_ in _CALENDAR_WORDS for t in cand):
                continue
            hit = {id(taken[i]): taken[i] for i in range(cand.start, cand.end) if i in taken}
            if any(h.label_ != "PERSON" or len(h) > 1 for h in hit.values()):
                continue
            added.append(Span(doc, cand.start, cand.end, label="PERSON"))
            for h in hit.values():
                if h in spans:
                    spans.remove(h)
        return spans + added

    # -- the component -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        model = []
        v = _Tokens(doc)
        for ent in doc.ents:
            span = self._clean(doc, ent, v)
            if span is None or overlaps(span.start_char, span.end_char, blocked):
                continue
            if span.label_ == "GPE" and span.start > 1 and doc[span.start - 1].text == "-" \
                    and doc[span.start - 2].is_lower:       # "the one-China principle"
                continue
            model.append(span)
        model += self._titled_people(doc, model, blocked)
        gaz = filter_spans([Span(doc, s, e, label=self._label_ids[k]) for k, s, e in self.matcher(doc)])
        gaz = [s for s in gaz if not overlaps(s.start_char, s.end_char, blocked)
               and not (s.start > 1 and doc[s.start - 1].text == "-" and doc[s.start - 2].is_lower)]
        spans = self._complete_names(doc, self._merge(doc, model, gaz), blocked)
        names: list[str] = []
        for s in sorted(spans, key=lambda s: s.start):
            if s.label_ == "PERSON":
                words = _strip_titles(s.text.split(), self.g)
                if len(words) > 1 and " ".join(words) not in names:
                    names.append(" ".join(words))
        spans = filter_spans(self._find_people(doc, spans, names))
        doc.ents = spans
        set_results(doc, "entities", self._items(doc, spans, names, v), label=None)
        return doc

    def _items(self, doc: Doc, spans: list[Span], names: list[str], v: "_Tokens") -> list[dict]:
        by_end = {s.end: s for s in spans}
        persons: dict[str, dict] = {}
        items = []
        for ent in spans:
            if ent.label_ not in NAMED:
                continue
            text, country = ent.text, None
            if ent.label_ == "PERSON":
                canonical = canonical_person(text, names)
                country, titles = self._person_country(doc, ent, by_end, v)
                info = persons.setdefault(canonical, {"country": None, "titles": []})
                info["country"] = info["country"] or country
                info["titles"] += [t for t in titles if t not in info["titles"]]
            elif ent.label_ == "ORG" and text in self.g.orgs:
                canonical = self.g.orgs[text][0]
            elif ent.label_ in {"GPE", "NORP", "LOC"}:
                country = self.g.country_of(text)
                canonical = text
                if ent.label_ == "GPE" and text in self.g.countries:
                    canonical = self.g.country_names[country]
                elif text.isupper() and len(text) > 3:
                    canonical = text.title()
            else:
                canonical = text
            items.append({"text": text, "start": ent.start_char, "end": ent.end_char,
                          "label": ent.label_, "canonical": canonical, "country": country})
        for item in items:
            if item["label"] == "PERSON":
                item["country"] = persons[item["canonical"]]["country"]
        doc.user_data[PERSONS_KEY] = persons
        return items


@Language.factory("communique_entities", assigns=["doc.ents", "doc._.communique_entities"])
def make_entities(nlp: Language, name: str) -> EntityExtractor:
    return EntityExtractor(nlp, name)
