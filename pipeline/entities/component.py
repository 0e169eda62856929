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
the resolution of nominal mentions ("the Chinese president") by ``pipeline.discourse.mentions``.

>>> canonical_person("Xi", ["Xi Jinping", "Vladimir Putin"])
'Xi Jinping'
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Iterable, Optional

import numpy
from spacy.attrs import IS_TITLE, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import ADP, CCONJ, DET, PROPN, SCONJ, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.document.access import blocked_char_ranges, doc_text, overlaps, register_extensions, set_results
from pipeline.entities.gazetteer import Gazetteer, gazetteer

_CALENDAR_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
NAMED = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT"}
POSSESSIVE = {"’s", "'s", "’", "'"}
TRAILING_POS = {"ADP", "CCONJ", "DET", "SCONJ"}
_TRAILING_POS_IDS = {ADP, CCONJ, DET, SCONJ}
# royal and religious titles that are often part of the name itself
NAME_TITLES = {"sultan", "sheikh", "emir", "amir"}
# words after an organisation's name that make a summit or meeting of it
MEETING_WORDS = {
    "summit",
    "meeting",
    "conference",
    "forum",
    "session",
    "plus",
    "dialogue",
    "ministerial",
    "leaders",
    "leaders’",
    "leaders'",
    "economic",
    "week",
}
NAME_PARTICLES = {"bin", "al", "el", "de", "da", "van", "von", "der", "la", "le", "du", "di", "ibn"}
HONORIFICS = {"mr", "mrs", "ms", "dr"}
PERSONS_KEY = "communique_persons"

# Names are looked up in the text as whole words, which no word character or hyphen
# touches: the regex ``(?<![\w-])NAME(?![\w-])``. The names change with every article and
# compiling a pattern of them costs more than the rest of the component, so the finders
# below locate the names with ``str.find`` and test the rest with patterns compiled once.
_WORD_CHAR = re.compile(r"[\w-]")
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"  # "Jinping", "Kassym-Jomart"
_NAME_WORD_SPACE = re.compile(_NAME_WORD + "[ ]")
_NAME_WORD_END = re.compile(_NAME_WORD + r"(?![\w-])")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """No word character or hyphen right before ``start`` or at ``end``."""
    return not (start and _WORD_CHAR.match(text, start - 1)) and not _WORD_CHAR.match(text, end)


def _find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Character offsets of the matches of ``(?<![\\w-])(?:W1|W2|...)(?![\\w-])`` in
    ``text``, the words tried longest first, as ``re.finditer`` finds them."""
    longest: dict[int, int] = {}  # start -> end of the longest word standing alone there
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if end > longest.get(at, -1) and _stands_alone(text, at, end):
                longest[at] = end
            at = text.find(word, at + 1)
    return _left_to_right(longest)


def _find_name_pairs(text: str, singles: set[str]) -> list[tuple[int, int]]:
    """Character offsets of the matches of ``(?<![\\w-])(?:S[ ]W|W[ ]S)(?![\\w-])`` in
    ``text``, as ``re.finditer`` finds them: ``S`` any of the (alphabetic) ``singles``,
    ``W`` a capitalised word. Every match holds a single, at its start or after the
    first word."""
    candidates = set()
    for single in singles:
        at = text.find(single)
        while at != -1:
            candidates.add(at)
            if at > 1 and text[at - 1] == " ":  # the word before: back to its start
                start = at - 1
                while start and _WORD_CHAR.match(text, start - 1):
                    start -= 1
                candidates.add(start)
            at = text.find(single, at + 1)
    ends = {}
    for start in candidates:
        if start and _WORD_CHAR.match(text, start - 1):
            continue
        space = text.find(" ", start)
        if space > start and text[start:space] in singles:  # S W
            word = _NAME_WORD_END.match(text, space + 1)
            if word:
                ends[start] = word.end()
                continue
        word = _NAME_WORD_SPACE.match(text, start)  # W S
        if word:
            at = word.end()
            for single in singles:
                if text.startswith(single, at) and not _WORD_CHAR.match(text, at + len(single)):
                    ends[start] = at + len(single)
                    break
    return _left_to_right(ends)


def _left_to_right(ends: dict[int, int]) -> list[tuple[int, int]]:
    """The matches a left-to-right scan keeps from the possible ``start -> end``: each
    starts after the previous one ends."""
    out = []
    last = 0
    for start in sorted(ends):
        if start >= last:
            out.append((start, ends[start]))
            last = ends[start]
    return out


def _strip_titles(words: list[str], g: Optional[Gazetteer] = None) -> list[str]:
    g = g or gazetteer()
    start = 0
    while len(words) - start > 1:
        word = words[start].lower()
        if word in NAME_TITLES or (
            word.strip(".,") not in g.title_words and word.strip(".,") not in HONORIFICS
        ):
            break
        start += 1
    return words[start:]


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
    """A doc's text and its tokens' ORTH, LOWER, POS and IS_TITLE, read once as lists (a
    Token object per test costs more): ``self.pos[i]`` is ``doc[i].pos``; ``self.title[i]``
    is :meth:`EntityExtractor._is_title` of ``doc[i]``."""

    __slots__ = ("text", "array", "orth", "lower", "pos", "is_title", "title")

    def __init__(self, doc: Doc, title_words: _TitleWords):
        self.text = doc_text(doc)
        self.array = (
            doc.to_array([ORTH, LOWER, POS, IS_TITLE])
            if len(doc)
            else numpy.zeros((0, 4), dtype=numpy.uint64)
        )
        self.orth, self.lower, self.pos, self.is_title = self.array.T.tolist()
        self.title = [pos != VERB and title_words[lower] for lower, pos in zip(self.lower, self.pos)]

    def text_of(self, span: Span) -> str:
        """``span.text`` (which joins its tokens)."""
        return self.text[span.start_char : span.end_char]


class EntityExtractor:
    def __init__(self, nlp: Language, name: str = "communique_entities"):
        self.name = name
        self.g = g = gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tables = {"GPE": g.countries, "NORP": g.demonyms, "CITY": g.cities, "ORG": g.orgs}
        for key, table in tables.items():
            self.matcher.add(key, [nlp.make_doc(text) for text in table])
        # a capitalised title before proper nouns the model left untagged: "King Sultan Ibrahim"
        words = {w for w in g.title_words if w.isalpha()} - {"of", "the"}
        self._title_ids = {nlp.vocab.strings.add(w) for w in words}
        # token tests from the ORTH and LOWER hashes of _Tokens: no Token object per test
        self._strings = nlp.vocab.strings
        self._title_words = _TitleWords(nlp.vocab.strings, g)
        self._possessive_ids = {hash_string(w) for w in POSSESSIVE}
        self._place_word_ids = {hash_string(w) for w in (*g.demonyms, *g.countries)}
        self._known_name_ids = {hash_string(w) for w in (*g.countries, *g.cities, *g.orgs)}
        self._meeting_ids = {hash_string(w) for w in MEETING_WORDS}
        self._hyphen_id = hash_string("-")
        self._the_id = hash_string("the")
        self._of_the_ids = {hash_string("of"), self._the_id}

    # -- spans ---------------------------------------------------------------------------
    def _clean(self, doc: Doc, ent: Span, v: _Tokens) -> Optional[Span]:
        start, end = ent.start, ent.end
        # possessives and a trailing function word: "the Great Hall of the People on"
        while end > start and (
            v.orth[end - 1] in self._possessive_ids or v.pos[end - 1] in _TRAILING_POS_IDS
        ):
            end -= 1
        label = ent.label_
        if label != "PERSON":
            label, start = self._titled_name(doc, start, end, label, v)
        if label == "PERSON":
            for i in range(end - 1, start, -1):  # "Nauru's President David Adeang"
                if v.orth[i] in self._possessive_ids:
                    start = i + 1
                    break
            while end - start > 1 and (v.title[start] or v.orth[start] in self._place_word_ids):
                start += 1
        while end - start > 1 and v.lower[start] == self._the_id and label != "PERSON":
            start += 1
        if end <= start:
            return None
        if all(v.title[i] or v.lower[i] in self._of_the_ids for i in range(start, end)):
            text = doc[start:end].text
            if text not in self.g.orgs and text not in self.g.countries:
                return None  # a title alone is no name: "Secretary of State", "State Councilor"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent  # as the model found it (it sets no kb_id or id)
        return Span(doc, start, end, label=label)

    def _titled_name(self, doc: Doc, start: int, end: int, label: str, v: _Tokens) -> tuple[str, int]:
        """'Kazakh President Kassym-Jomart Tokayev' tagged ORG: a demonym or country and a
        title before proper names make a person (the name starts after the last title)."""
        k = start
        titled = False
        while k < end and (v.title[k] or v.orth[k] in self._place_word_ids):
            titled = titled or v.title[k]
            k += 1
        if titled and k > start and k < end:
            rest = range(k, end)
            if all(
                v.pos[i] == PROPN
                and (v.is_title[i] or v.orth[i] == self._hyphen_id)
                or v.orth[i] == self._hyphen_id
                for i in rest
            ) and not any(v.lower[i] in self._meeting_ids for i in rest):
                text = doc[k:end].text
                if text not in self.g.orgs and text not in self.g.countries:
                    return "PERSON", k
        return label, start

    def _is_title(self, token) -> bool:
        return _is_title_word(token.lower_, self.g) and token.pos_ != "VERB"

    def _merge(self, doc: Doc, model: list[Span], gaz: list[Span], v: _Tokens) -> list[Span]:
        """The model's spans corrected by the gazetteer's. Spans never overlap here (the
        model's do not, and a gazetteer span joins where no span is or replaces all those
        it overlaps), so each token has at most one span: ``owner`` maps tokens to their
        span's place in ``spans``, where a removed span leaves None."""
        spans: list[Optional[Span]] = list(model)
        owner = {i: k for k, s in enumerate(spans) for i in range(s.start, s.end)}
        for g in gaz:
            label = g.label_
            g_start, g_end = g.start, g.end
            hits = sorted({owner[i] for i in range(g_start, g_end) if i in owner})
            if not hits:
                if label != "CITY" or g.root.pos_ == "PROPN":
                    owner.update((i, len(spans)) for i in range(g_start, g_end))
                    spans.append(Span(doc, g_start, g_end, label="GPE" if label == "CITY" else label))
                continue
            same = [k for k in hits if spans[k].start == g_start and spans[k].end == g_end]
            if same:
                s = spans[same[0]]
                new = label
                if label == "CITY":
                    new = "GPE" if s.label_ in {"ORG", "PERSON", "NORP"} else s.label_
                elif label == "GPE" and s.label_ == "LOC":
                    new = "GPE"
                elif label == "NORP" and s.label_ == "PERSON" and len(g) == 1:
                    new = "NORP"
                if new != s.label_:
                    spans[same[0]] = Span(doc, g_start, g_end, label=new)
                continue
            if label == "ORG" and all(self._org_wins(g, spans[k]) for k in hits):
                for k in hits:
                    for i in range(spans[k].start, spans[k].end):
                        del owner[i]
                    spans[k] = None
                owner.update((i, len(spans)) for i in range(g_start, g_end))
                spans.append(Span(doc, g_start, g_end, label=self.g.orgs[v.text_of(g)][1]))
        return [s for s in spans if s is not None]

    def _org_wins(self, g: Span, s: Span) -> bool:
        if s.label_ == "PERSON" and len(s) > len(g):
            return False
        if s.start <= g.start and g.end <= s.end and s.label_ == "ORG":
            extra = [t for t in s if t.i < g.start or t.i >= g.end]
            return all(
                t.lower_ in MEETING_WORDS
                or t.lower_ == "the"
                or not t.is_alpha
                or t.like_num
                or t.tag_ == "JJ"
                or t.text in self.g.cities
                or t.text in self.g.countries
                for t in extra
            )
        return True

    # -- people --------------------------------------------------------------------------
    def _titled_people(self, doc: Doc, model: list[Span], blocked, v: _Tokens) -> list[Span]:
        taken = {i for s in model for i in range(s.start, s.end)}
        out = []
        for start, end in self._titled_matches(v):
            while end - start > 1 and v.title[start]:
                start += 1
            if all(v.title[i] for i in range(start, end)):
                continue  # "State Councilor and Foreign Minister Qin Gang"
            if taken.intersection(range(start, end)):
                continue
            if any(
                v.orth[i] in self._known_name_ids or v.lower[i] in self._meeting_ids
                for i in range(start, end)
            ):
                continue
            span = Span(doc, start, end, label="PERSON")
            if not overlaps(span.start_char, span.end_char, blocked):
                out.append(span)
        return out

    def _titled_matches(self, v: _Tokens) -> list[tuple[int, int]]:
        """What the Matcher pattern ``[{LOWER in titles, IS_TITLE}, {POS PROPN, IS_TITLE, OP +}]``
        with ``greedy="LONGEST"`` finds, in its order, from the token arrays (a Matcher
        with POS predicates steps through every token)."""
        n = len(v.orth)
        if n < 2:
            return []
        is_title = v.array[:, 3] == 1
        name = is_title & (v.array[:, 2] == PROPN)
        # capitalised words before a capitalised proper noun, then the titles among them
        starts = [
            i for i in numpy.flatnonzero(is_title[:-1] & name[1:]).tolist() if v.lower[i] in self._title_ids
        ]
        if not starts:
            return []
        name_list = name.tolist()
        pairs = []
        for i in starts:
            j = i + 1
            while j < n and name_list[j]:
                j += 1
            pairs.extend((i, end) for end in range(i + 2, j + 1))
        pairs.sort(key=lambda x: (x[1] - x[0], -x[0]), reverse=True)
        taken = bytearray(n)
        out = []
        for start, end in pairs:
            if not any(taken[start:end]):
                out.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
        return out

    def _person_country(self, span: Span, by_end: dict, v: _Tokens) -> tuple[Optional[str], list[str]]:
        i = span.start - 1
        titles: list[str] = []
        while i >= 0 and v.title[i]:
            titles.insert(0, self._strings[v.lower[i]])
            i -= 1
        if i >= 0 and v.orth[i] in self._possessive_ids:
            i -= 1
        ent = by_end.get(i + 1)
        if ent is not None and ent.label_ in {"GPE", "NORP"}:
            return self.g.country_of(v.text_of(ent)), titles
        return None, titles

    def _find_people(
        self, doc: Doc, spans: list[Span], names: list[str], canonical: _Canonical, v: _Tokens
    ) -> list[Span]:
        parts = {n.split()[-1] for n in names}
        # family name first ("Wang Yi" ... "said Wang"): first words of two-word names
        for words in (n.split() for n in names):
            if (
                len(words) == 2
                and words[0].lower() not in self.g.title_words
                and words[0].lower() not in NAME_TITLES
                and words[0] not in self.g.demonyms
            ):
                parts.add(words[0])
        for s in spans:
            if s.label_ == "PERSON" and len(s) == 1:
                text = v.text_of(s)
                if canonical(text) != text:
                    parts.add(text)
        parts = {
            p
            for p in parts
            if len(p) > 1
            and p[0].isupper()
            and p.lower() not in NAME_PARTICLES
            and p not in self.g.countries
            and p not in self.g.orgs
        }
        if not parts:
            return spans
        bounds = [(s.start, s.end) for s in spans]  # kept in step with spans
        for start_char, end_char in _find_words(v.text, parts):
            span = doc.char_span(start_char, end_char)
            if span is None:
                continue
            start, end = span.start, span.end
            hit = [k for k, (s_start, s_end) in enumerate(bounds) if s_start < end and start < s_end]
            if not hit:
                spans.append(Span(doc, start, end, label="PERSON"))
                bounds.append((start, end))
            elif (
                len(hit) == 1
                and bounds[hit[0]] == (start, end)
                and spans[hit[0]].label_ in {"ORG", "GPE", "NORP"}
                and v.text[start_char:end_char] not in self.g.countries
            ):
                spans[hit[0]] = Span(doc, start, end, label="PERSON")
        return spans

    def _complete_names(self, doc: Doc, spans: list[Span], blocked, v: _Tokens) -> list[Span]:
        """Full names the model missed, found from a surname it did tag.

        The small model often misses an untitled full name that opens a sentence ("Xi
        Jinping held talks ...") yet tags the later "Xi": any capitalized proper-noun pair
        containing such a one-word name ("Xi Jinping", "Vladimir Putin") becomes a PERSON.
        """
        people = [(s, v.text_of(s)) for s in spans if s.label_ == "PERSON"]
        singles = {text for s, text in people if len(s) == 1 and text[:1].isupper() and text.isalpha()}
        if not singles:
            return spans
        singles -= {w for s, text in people if len(s) > 1 for w in text.split()}
        if not singles:
            return spans
        taken = {i: s for s in spans for i in range(s.start, s.end)}
        added: list[Span] = []
        for start_char, end_char in _find_name_pairs(v.text, singles):
            cand = doc.char_span(start_char, end_char)
            if cand is None or len(cand) != 2 or overlaps(cand.start_char, cand.end_char, blocked):
                continue
            if any(
                t.tag_ != "NNP"
                or self._is_title(t)
                or t.text in self.g.countries
                or t.text in self.g.cities
                or t.text in self.g.orgs
                or t.text in self.g.demonyms
                or t.lower_ in _CALENDAR_WORDS
                for t in cand
            ):
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
        v = _Tokens(doc, self._title_words)
        model = []
        for ent in doc.ents:
            span = self._clean(doc, ent, v)
            if span is None or blocked and overlaps(span.start_char, span.end_char, blocked):
                continue
            if span.label_ == "GPE" and self._after_lower_hyphen(
                doc, span.start, v
            ):  # "the one-China principle"
                continue
            model.append(span)
        model += self._titled_people(doc, model, blocked, v)
        gaz = filter_spans(self.matcher(doc, as_spans=True))
        gaz = [
            s
            for s in gaz
            if not self._after_lower_hyphen(doc, s.start, v)
            and not (blocked and overlaps(s.start_char, s.end_char, blocked))
        ]
        spans = self._complete_names(doc, self._merge(doc, model, gaz, v), blocked, v)
        names: list[str] = []
        for s in sorted(spans, key=attrgetter("start")):
            if s.label_ == "PERSON":
                words = _strip_titles(v.text_of(s).split(), self.g)
                if len(words) > 1 and " ".join(words) not in names:
                    names.append(" ".join(words))
        canonical = _Canonical(names)
        # spans never overlap (see _merge; Doc.ents would refuse them): sorting them is
        # what filter_spans would do
        spans = sorted(self._find_people(doc, spans, names, canonical, v), key=attrgetter("start"))
        doc.set_ents(spans, default="outside")
        # the items' spans are the named entities themselves
        set_results(
            doc,
            "entities",
            self._items(doc, spans, canonical, v),
            spans=[s for s in spans if s.label_ in NAMED],
        )
        return doc

    def _after_lower_hyphen(self, doc: Doc, start: int, v: _Tokens) -> bool:
        """A hyphen and a lower-case word before token ``start``: "the one-China principle"."""
        return start > 1 and v.orth[start - 1] == self._hyphen_id and doc[start - 2].is_lower

    def _items(self, doc: Doc, spans: list[Span], canonical: _Canonical, v: _Tokens) -> list[dict]:
        by_end = {s.end: s for s in spans}
        persons: dict[str, dict] = {}
        items = []
        for ent in spans:
            label = ent.label_
            if label not in NAMED:
                continue
            start_char, end_char = ent.start_char, ent.end_char
            text, country = v.text[start_char:end_char], None
            if label == "PERSON":
                name = canonical(text)
                country, titles = self._person_country(ent, by_end, v)
                info = persons.setdefault(name, {"country": None, "titles": []})
                info["country"] = info["country"] or country
                info["titles"] += [t for t in titles if t not in info["titles"]]
            elif label == "ORG" and text in self.g.orgs:
                name = self.g.orgs[text][0]
            elif label in {"GPE", "NORP", "LOC"}:
                country = self.g.country_of(text)
                name = text
                if label == "GPE" and text in self.g.countries:
                    name = self.g.country_names[country]
                elif text.isupper() and len(text) > 3:
                    name = text.title()
            else:
                name = text
            items.append(
                {
                    "text": text,
                    "start": start_char,
                    "end": end_char,
                    "label": label,
                    "canonical": name,
                    "country": country,
                }
            )
        for item in items:
            if item["label"] == "PERSON":
                item["country"] = persons[item["canonical"]]["country"]
        doc.user_data[PERSONS_KEY] = persons
        return items


def _is_title_word(lower: str, g: Gazetteer) -> bool:
    """A word of a title that is not part of the name itself ("President", "Mr.")."""
    low = lower.strip(".")
    return (low in g.title_words or low in {"mr", "mrs", "ms", "dr", "-", "elect"}) and low not in NAME_TITLES


class _TitleWords(dict):
    """:func:`_is_title_word` by LOWER hash, filled on first use (``titles[lower_id]``)."""

    def __init__(self, strings, g: Gazetteer):
        super().__init__()
        self.strings, self.g = strings, g

    def __missing__(self, lower_id: int) -> bool:
        known = self[lower_id] = _is_title_word(self.strings[lower_id], self.g)
        return known


class _Canonical(dict):
    """:func:`canonical_person` of a mention among the article's full ``names``,
    remembered per mention text."""

    def __init__(self, names: list[str]):
        super().__init__()
        self.names = names

    def __call__(self, mention: str) -> str:
        name = self.get(mention)
        if name is None:
            name = self[mention] = canonical_person(mention, self.names)
        return name


@Language.factory("communique_entities", assigns=["doc.ents", "doc._.communique_entities"])
def make_entities(nlp: Language, name: str) -> EntityExtractor:
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return EntityExtractor(nlp, name)
