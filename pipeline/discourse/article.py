"""Who is who in an article: the one resolver that quotes and events both ask.

Built once per doc from the entities component's results (``Discourse.of(doc)``):

- a named entity: its canonical name, titles stripped (``President Xi`` → ``Xi Jinping``);
- a pronoun (``he``, ``she``, ``it``, ``they``): the nearest earlier compatible person (or
  organisation, or pair), preferring the subject of the nearest sentence that has one;
- a role (``the Chinese president``, ``Malaysia's King``, ``the minister``): the nearest
  person whose title words and country match;
- a group (``the two leaders``, ``both sides``, ``the Chinese side``): the last pair of
  people or countries, or the country;
- an institution (``the ministry``): the nearest organisation with that word in its name;
- a bare name (``Wang``): the full name of the article person it ends or starts;
- a name the model split or cut (``Ursula von`` + ``Leyen``): the whole name (``names.py``);
- a speaker's ``he``, a description (``the French politician``, ``the railway official``), a
  spokesperson (``a DHS spokesperson``), the visitor and the host: ``descriptions.py``;
- ``I``, ``we`` and ``you`` in an interview's turns (``VOA: ... you met ...``): ``turns.py``;
- the country a story is about (``the government``, ``police`` in it): :meth:`salient_country`.

>>> Discourse.of(doc).pronoun(doc[7])      # doctest: +SKIP
'Xi Jinping'
"""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Span, Token

from pipeline.discourse.descriptions import Descriptions
from pipeline.discourse.lexicon import DiscourseLexicon, country_key
from pipeline.discourse.names import (
    acronyms,
    described_organisations,
    name_bounds,
    surname_person,
    titled_person,
    unlabelled_speakers,
)
from pipeline.discourse.turns import Turns
from pipeline.document.access import doc_text, entity_spans, results, sent_starts

SUBJECTS = {"nsubj", "nsubjpass"}
# id(doc) -> (doc, its discourse): docs stream through the components one at a time, and
# each entry holds its Doc alive, so the cache keeps a few (a pipeline without the events
# component, which forgets each doc, holds at most _CACHE_SIZE Docs)
_CACHE: dict[int, tuple[Doc, "Discourse"]] = {}
_CACHE_SIZE = 8
_LEXICON: list[DiscourseLexicon] = []


def discourse_lexicon() -> DiscourseLexicon:
    if not _LEXICON:
        _LEXICON.append(DiscourseLexicon())
    return _LEXICON[0]


class Discourse(Descriptions):
    """Per-article state (the entities by token, people's titles, countries and genders)
    and the resolution of pronouns, roles, groups, institutions and bare names."""

    @classmethod
    def of(cls, doc: Doc) -> "Discourse":
        """The doc's discourse, built once and shared by the components that ask."""
        hit = _CACHE.get(id(doc))
        if hit is not None and hit[0] is doc:
            return hit[1]
        return cls.remember(doc, cls(doc, results(doc, "entities"), discourse_lexicon()))

    @staticmethod
    def remember(doc: Doc, discourse: "Discourse") -> "Discourse":
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(doc)] = (doc, discourse)
        return discourse

    @staticmethod
    def forget(doc: Doc) -> None:
        """Drop the doc's discourse (the last component that asks calls this)."""
        _CACHE.pop(id(doc), None)

    def __init__(
        self,
        doc: Doc,
        entities: list[dict],
        lexicon: DiscourseLexicon,
        text: Optional[str] = None,
        cue_lemmas: frozenset = frozenset(),
    ):
        self.doc = doc
        self.entities = entities
        self._org_sectors: Optional[dict[str, Optional[str]]] = None  # see Descriptions._fits
        self.cue_lemmas = cue_lemmas
        self.text = doc_text(doc) if text is None else text
        self.lex = lexicon
        self.ent_at: dict[int, dict] = {}
        self.persons: list[tuple[int, int, str]] = []  # token start, end, canonical
        self.orgs: list[tuple[int, int, str]] = []
        self.places: list[tuple[int, int, str]] = []
        self._info: Optional[dict[str, dict]] = None  # see info
        self._person_spans: list[tuple[Span, str, dict]] = []
        self.described: list[tuple[int, str, str]] = []  # token, noun lemma, canonical
        self._acronyms: Optional[dict[str, str]] = None
        self._turns: Optional[Turns] = None  # see turns
        self.sent_starts = sent_starts(doc)
        self.names: dict[int, tuple[int, int, str]] = {}  # token → its whole name (see names.py)
        self.name_labels: dict[str, str] = {}  # a whole name → PERSON or ORG
        self.announced: dict[str, str] = {}  # an organisation → the noun that announced it
        spans = [(ent, span) for ent, span in zip(entities, entity_spans(doc, entities)) if span is not None]
        for ent, span in spans:
            for i in range(span.start, span.end):
                self.ent_at[i] = ent
        covered = 0  # the end of the last whole name: entities inside it were parts of it
        surnames = {e["text"] for e in entities if e["label"] == "PERSON" and " " not in e["text"]}
        for ent, span in spans:
            person = titled_person(doc, span, ent, lexicon) or surname_person(span, ent, surnames, lexicon)
            label = "PERSON" if person else ent["label"]
            if span.end <= covered:
                continue
            start, end = span.start, span.end
            canonical = self.canonical(ent)
            if label in ("PERSON", "ORG"):
                start, end = name_bounds(doc, start, end, label, self.ent_at, lexicon)
                if (start, end) != (span.start, span.end):
                    span = doc[start:end]
                    canonical = self.canonical({"label": label, "text": span.text})
                    for i in range(start, end):
                        self.names[i] = (start, end, canonical)
                    self.name_labels[canonical] = label
                covered = end
            if label == "PERSON":
                self.persons.append((start, end, canonical))
                self._person_spans.append((span, canonical, ent))
            elif label == "ORG":
                self.orgs.append((start, end, canonical))
                self._learn_description(span, canonical)
            elif label in ("GPE", "NORP"):
                self.places.append((start, end, canonical))
        self._add_described_organisations()
        if cue_lemmas:
            self._add_unlabelled_speakers()
        self._whole_person_names()

    def _whole_person_names(self) -> None:
        """Each mention of a person by part of a name takes the article's whole name:
        ``Rasmussen`` (that the model tagged ``Fogh Rasmussen`` throughout) is the
        ``Anders Fogh Rasmussen`` named first, when one longer name ends with its words;
        ``Aden``, which the entities read as the first name of ``Aden Barre Duale``, is
        ``Shamsa Mohamed Aden`` when she ends with it and was named last before it (a
        bare name is more often a surname)."""
        by_tail: dict[tuple[str, ...], list[tuple[int, str]]] = {}  # a name's last words → (mention, name)
        named_at: dict[str, list[int]] = {}  # a name → where it is written whole
        surfaces = []
        for s, e, name in self.persons:
            parts = tuple(name.split())
            surface = tuple(self.lex.strip_titles(self.doc[s:e].text).split())
            surfaces.append(surface)
            if len(surface) > 1:
                named_at.setdefault(name, []).append(s)
            for k in range(1, len(parts)):
                by_tail.setdefault(parts[k:], []).append((s, name))
        self.renamed: dict[int, str] = {}  # a person mention's tokens → its whole name
        longest: dict[tuple[str, ...], Optional[str]] = {}  # last words → the one longest name
        for n, (s, e, name) in enumerate(self.persons):
            words = tuple(name.split())
            if words not in longest:
                longer = {c for _p, c in by_tail.get(words, ())}
                longer = {c for c in longer if not any(o != c and o.endswith(" " + c) for o in longer)}
                longest[words] = next(iter(longer)) if len(longer) == 1 else None
            whole = longest[words]
            surface = surfaces[n]
            if whole is None and len(surface) == 1 and len(words) > 1 and words[0] == surface[0]:
                ending = by_tail.get(surface, [])  # the names it is the surname of, in text order
                k = bisect.bisect_left(ending, (s, ""))
                named = named_at.get(name, [])  # where the first-name reading was written whole
                j = bisect.bisect_left(named, s)
                if k and ending[k - 1][0] > (named[j - 1] if j else -1):
                    whole = ending[k - 1][1]
            if whole is not None:
                self.persons[n] = (s, e, whole)
                self.renamed.update(dict.fromkeys(range(s, e), whole))
        if self.renamed:
            self._person_spans = [
                (span, self.renamed.get(span.start, name), ent) for span, name, ent in self._person_spans
            ]

    def _add_described_organisations(self) -> None:
        """Organisations the model left out after a noun that announces them
        (:func:`described_organisations`); their description is their name too."""
        found = described_organisations(self.doc, self.ent_at, self.lex)
        for first, start, end in found:
            canonical = self.doc[start:end].text
            # "Media" of "Media watchdog" tagged an organisation: the description's word
            self.orgs = [o for o in self.orgs if not (first <= o[0] and o[1] <= start)]
            self.orgs.append((first, end, canonical))  # with its description: the subject's words
            self.name_labels[canonical] = "ORG"
            self.announced[canonical] = self.doc[start - 1].lower_
            for i in range(first, end):
                self.names[i] = (start, end, canonical)
        if found:
            self.orgs.sort()

    def _add_unlabelled_speakers(self) -> None:
        """People the model left out who speak (:func:`unlabelled_speakers`)."""
        found = unlabelled_speakers(self.doc, self._subject_tokens, self.ent_at, self.cue_lemmas, self.lex)
        for span in found:
            self.persons.append((span.start, span.end, span.text))
            self._person_spans.append((span, span.text, {"label": "PERSON", "text": span.text}))
        if found:
            self.persons.sort()
            self._person_spans.sort(key=lambda p: p[0].start)

    @property
    def turns(self) -> Turns:
        """The turns of an interview transcript and who speaks each (``turns.py``)."""
        if self._turns is None:
            self._turns = Turns.read(self.doc, self.sent_starts, self.ent_at, self._speaker_name)
        return self._turns

    def _speaker_name(self, ent: Optional[dict], start: int, end: int) -> Optional[str]:
        """Who a turn's label names: its entity, or the article person whose name its
        untagged proper nouns are part of (none: no one)."""
        if ent is None:
            text = self.doc[start:end].text
            found = self.full_name(text)
            return found if found != text else None
        whole = self.name_of(start)
        name = whole[2] if whole is not None else self.canonical(ent)
        return self.full_name(name) if ent["label"] == "PERSON" else name

    def salient_country(self, before: int) -> Optional[str]:
        """The country the article is about up to token ``before``: the state named at
        least twice there, by its name or a demonym ("Kenya", "Kenyan troops"), more often
        than any other (a tie is no answer); its short English name."""
        code = self.salient_country_code(before)
        return country_name({"country": code}) if code else None

    def salient_country_code(self, before: int) -> Optional[str]:
        """The ISO code of :meth:`salient_country`."""
        counts: dict[str, int] = {}
        for s, _e, _c in self.places:
            if s >= before:
                break
            code = self.ent_at[s].get("country")
            if code:
                counts[code] = counts.get(code, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def name_of(self, i: int) -> Optional[tuple[int, int, str]]:
        """The whole name token ``i`` is part of, when the model split or cut it."""
        return self.names.get(i)

    @property
    def acronyms(self) -> dict[str, str]:
        """Initials → the organisation spelled out in the article (``ICE``, ``DHS``)."""
        if self._acronyms is None:
            self._acronyms = acronyms(self.text, [c for _s, _e, c in self.orgs])
        return self._acronyms

    # ------------------------------------------------------------------ people

    @property
    def info(self) -> dict[str, dict]:
        """Per person (canonical name): title words, countries, country codes, gender.
        Read from the text around each mention the first time a pronoun or a role needs
        it (most articles never do). The entities come in text order, so every entity
        before a person is known by then, as when read mention by mention."""
        if self._info is None:
            self._info = {}
            for span, canonical, ent in self._person_spans:
                self._learn_person(span, canonical)
                if ent.get("country"):
                    self._info[canonical]["codes"].add(ent["country"])
        return self._info

    def canonical(self, ent: dict) -> str:
        name = ent.get("canonical") or ent["text"]
        if ent["label"] == "PERSON":
            return self.lex.strip_titles(name)
        return name[4:] if name.lower().startswith("the ") else name

    def _learn_description(self, span, canonical: str) -> None:
        """``the British newspaper Guardian``, ``CCTV, the state broadcaster``: the noun
        that ``the newspaper`` later refers back with."""
        nouns = [span.root.head] if span.root.dep_ == "appos" else []
        nouns += [c for c in span.root.children if c.dep_ == "appos"]
        if span.start > 0:
            nouns.append(self.doc[span.start - 1])
        for noun in nouns:
            if noun.pos_ == "NOUN" and noun.is_lower and noun.i not in self.ent_at:
                self.described.append((span.start, noun.lemma_.lower(), canonical))

    def described_as(self, tok: Token) -> Optional[str]:
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        found = [c for i, w, c in self.described if w == lemma and i < tok.i]
        return found[-1] if found else None

    def _learn_person(self, span: Span, canonical: str) -> None:
        info = self._info.setdefault(
            canonical,
            {
                "words": set(),
                "countries": set(),
                "codes": set(),
                "apposed": set(),
                "role": None,
                "gender": None,
            },
        )
        doc = self.doc
        words = []
        start = span.start
        i = start - 1
        while i >= 0 and start - i <= 6:
            tok = doc[i]
            low = tok.lower_
            ent = self.ent_at.get(i)
            if low in self.lex.person_words:
                words.append(low)
            elif ent is not None and ent["label"] in ("GPE", "NORP", "ORG"):
                info["countries"].add(country_key(ent["text"]))
                if ent.get("country"):
                    info["codes"].add(ent["country"])
            elif low in ("’s", "'s", "of", "-") or (tok.pos_ == "PROPN" and tok.is_title):
                if tok.pos_ == "PROPN":
                    info["countries"].add(country_key(tok.text))
            else:
                break
            i -= 1
        root = span.root
        for child in root.children:
            if child.dep_ == "appos":
                for tok in child.subtree:
                    if tok.lower_ in self.lex.titles or tok.lower_ in self.lex.roles:
                        words.append(tok.lower_)
                    elif tok.ent_type_ in ("GPE", "NORP"):
                        info["countries"].add(country_key(tok.text))
        if root.dep_ == "appos" and root.head.lower_ in self.lex.roles:
            words.append(root.head.lower_)
        info["words"].update(words)
        described = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        info["apposed"].update(  # "Prime Minister Hun Manet of Cambodia"
            ent["country"]
            for p in root.children
            if p.dep_ == "prep" and p.lower_ == "of" and p.i == span.end
            for o in p.children
            if o.dep_ == "pobj"
            for ent in [self.ent_at.get(o.i)]
            if ent is not None and ent["label"] == "GPE" and ent.get("country")
        )
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            described.append(root.head)  # "Somalia's ambassador to Kenya, Mohamud Ahmed Nur"
        info["apposed"].update(code for noun in described for code in self._description_countries(noun))
        if info["role"] is None:  # the title or description word nearest the name
            before = doc[start - 1].lower_ if start else ""
            if before in self.lex.person_words or before in self.lex.person_nouns:
                info["role"] = before  # "Cambodian journalist Mech Dara"
            elif described:  # "Frantz Exantus, Haiti's secretary of state", "its attorney general"
                noun = described[0]
                info["role"] = " ".join(
                    [c.lower_ for c in noun.lefts if c.dep_ == "compound"] + [noun.lemma_.lower()]
                )
        first = canonical.split()[0].lower() if canonical else ""
        if info["gender"] is None:
            if any(w in self.lex.female_titles for w in words) or first in self.lex.female_names:
                info["gender"] = "f"
            elif any(w in self.lex.male_titles for w in words) or first in self.lex.male_names:
                info["gender"] = "m"

    def _description_countries(self, noun: Token) -> set[str]:
        """The countries a description in apposition gives its person: its modifiers and
        its of-phrase ("Haiti's secretary of state", "Cambodian journalist", "members of the
        U.S. Senate"), not its other phrases ("ambassador to Kenya")."""
        found = set()
        heads = [noun] + [
            o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
        ]
        for head in heads:
            for tok in head.subtree if head is not noun else noun.lefts:
                if head is not noun and tok.dep_ == "prep" and tok.lower_ != "of":
                    break
                ent = self.ent_at.get(tok.i)
                if ent is not None and ent["label"] in ("GPE", "NORP") and ent.get("country"):
                    found.add(ent["country"])
        return found

    def person_code(self, name: str) -> tuple[Optional[str], Optional[str]]:
        """What the article says a person is: the one country it gives them (a country
        word or demonym before their name or titles, "Cambodian journalist Mech Dara", or in
        a description apposed to it, "Frantz Exantus, Haiti's secretary of state"; None for
        none or more than one) and the title or description word nearest their name."""
        info = self.info.get(self.lex.strip_titles(name))
        if info is None:
            return None, None
        codes = info["codes"] | info["apposed"]
        return (next(iter(codes)) if len(codes) == 1 else None), info["role"]

    def sentence_of(self, i: int) -> int:
        lo, hi = 0, len(self.sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sent_starts[mid] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _sentence_bounds(self, k: int) -> tuple[int, int]:
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[k], end

    def pronoun(self, tok: Token, things_as_subjects: bool = False, narrative: bool = False) -> Optional[str]:
        """The person (``he``, ``she``), organisation or state (``it``) or pair (``they``) a
        pronoun stands for; ``things_as_subjects``: ``it`` only for an organisation or state
        that was a subject (else it is likely a thing: "the resolution ... It imposes");
        ``narrative``: a speaker's ``he``/``she``, read past quotations and reported speech
        (:meth:`Descriptions.narrative_pronoun`)."""
        kind = self.lex.pronouns[tok.lower_]
        if narrative and kind in ("m", "f"):
            return self.narrative_pronoun(tok, kind)
        if kind == "p":
            return self.last_pair(tok.i, self.persons, 3)
        if kind == "o" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.cue_lemmas:
            previous = self._previous_institution_speaker(tok)
            if previous is not None:
                return previous
        pool = self.orgs + self.places if kind == "o" else self.persons
        k0 = self.sentence_of(tok.i)
        for k in range(k0, max(-1, k0 - 6), -1):
            lo, hi = self._sentence_bounds(k)
            hi = min(hi, tok.i)
            found = [
                (s, e, c)
                for s, e, c in pool
                if lo <= s and e <= hi and not (narrative and self.in_other_speech(s, tok))
            ]
            if kind != "o":
                found = [f for f in found if self._gender_ok(f[2], kind)]
            if not found:
                continue
            subjects = [f for f in found if self._in_subject(f[0], f[1])]
            if kind == "o" and things_as_subjects and not subjects:
                return None
            best = (subjects or found)[0][2]
            if kind in ("m", "f") and self.info.get(best, {}).get("gender") is None:
                self.info[best]["gender"] = kind
            return best
        return None

    def _previous_institution_speaker(self, tok: Token) -> Optional[str]:
        """A hook for speaker finding: who spoke last when ``it`` speaks (none here)."""
        return None

    def _indefinite(self, tok: Token) -> bool:
        """``another spokesman``, ``a minister``: not the one named before."""
        return any(c.dep_ == "det" and c.lower_ in self.lex.indefinites for c in tok.children)

    def _gender_ok(self, canonical: str, kind: str) -> bool:
        gender = self.info.get(canonical, {}).get("gender")
        return gender is None or gender == kind

    def _in_subject(self, start: int, end: int) -> bool:
        tok = self.doc[start:end].root
        while tok.dep_ in ("compound", "appos", "conj", "poss") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in SUBJECTS

    def role(self, tok: Token) -> Optional[str]:
        if self._indefinite(tok):
            return None  # "another White House spokesman": not the one named before
        role = tok.lemma_.lower() if tok.lemma_.lower() in self.lex.roles else tok.lower_
        fills = self.lex.role_equivalents.get(role, {role})
        required = set()
        countries, codes = set(), set()
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            ent = self.ent_at.get(t.i)
            if ent is not None and ent["label"] == "PERSON" and t.dep_ == "poss":
                return None  # "Duterte's spokesman" is not Duterte
            if ent is not None and ent["label"] in ("GPE", "NORP", "ORG"):
                countries.add(country_key(ent["text"]))
                if ent.get("country"):
                    codes.add(ent["country"])
            elif t.lower_ in self.lex.titles and t.lower_ not in ("his", "her", "the"):
                required.add(t.lower_)
            elif t.pos_ in ("PROPN", "ADJ") and t.is_title:
                countries.add(country_key(t.text))
        candidates, unplaced = [], []
        for s, _e, canonical in self.persons:
            info = self.info.get(canonical)
            if info is None or not required <= info["words"] or not _fills(fills, info["words"]):
                continue
            if countries and not (countries & info["countries"] or codes & info["codes"]):
                if not (info["countries"] or info["codes"]):
                    unplaced.append((s, canonical))  # "the UN chief" → Secretary-General X
                continue
            candidates.append((s, canonical))
        candidates = candidates or unplaced
        if not candidates and (countries or codes):  # titles unseen: a person of that country
            candidates = [
                (s, c)
                for s, e, c in self.persons
                if codes & self.info[c]["codes"] and not self.info[c]["words"] - {"his", "her"}
            ]
        before = [c for c in candidates if c[0] < tok.i]
        if before:
            return before[-1][1]
        next_sentence = self.sentence_of(tok.i) + 1  # "The UN chief welcomed ... . "...," said X"
        after = [
            c
            for c in candidates
            if c[0] > tok.i and (c[0] - tok.i < 60 or self.sentence_of(c[0]) <= next_sentence)
        ]
        return after[0][1] if after else None

    def group(self, tok: Token, lemma: str) -> Optional[str]:
        for c in tok.lefts:  # "the Chinese side" → China
            ent = self.ent_at.get(c.i)
            if ent is not None and ent["label"] in ("NORP", "GPE") and lemma in self.lex.group_countries:
                return country_name(ent) or self.canonical(ent)
        markers = {c.lower_ for c in tok.children}
        if not markers & self.lex.group_markers:
            return None
        pool = self.persons if lemma in self.lex.group_people else self.places
        return self.last_pair(tok.i, pool, 3)

    def last_pair(self, i: int, pool: list, window: int) -> Optional[str]:
        k0 = self.sentence_of(i)
        for k in range(k0, max(-1, k0 - window), -1):
            lo, hi = self._sentence_bounds(k)
            names = list(dict.fromkeys(c for s, e, c in pool if lo <= s and e <= min(hi, i)))
            if len(names) >= 2:
                return " and ".join(names[:2])
        return None

    def institution(self, tok: Token) -> Optional[str]:
        word = tok.lemma_.lower()
        for s, _e, canonical in reversed(self.orgs):
            if s < tok.i and word in canonical.lower():
                return canonical
        if tok.is_title:
            return None
        return None

    def full_name(self, text: str) -> str:
        """A bare name → the full name of an article person it ends (or, alone, starts)."""
        name = self.lex.strip_titles(text)
        words = name.split()
        for _s, _e, canonical in reversed(self.persons):
            parts = canonical.split()
            if len(parts) > len(words) and (
                parts[-1] == words[-1] or len(words) == 1 and parts[0] == words[0]
            ):
                return canonical
        return name


def _fills(fills: set, words: set) -> bool:
    """A person's title words fill the role (``secretary`` + ``general`` → secretary-general)."""
    return any(f in words or "-" in f and set(f.split("-")) <= words for f in fills)


def country_name(ent: dict) -> Optional[str]:
    code = ent.get("country")
    if not code:
        return None
    try:
        from pipeline.entities.gazetteer import gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the entities component
        return None
    return gazetteer().country_names.get(code)
