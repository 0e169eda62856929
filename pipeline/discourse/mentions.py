"""Who a noun phrase in the parse refers to: the canonical names of event participants.

Named mentions take the entities component's canonical names ("Xi" → "Xi Jinping",
"Britain" → "United Kingdom"); nominal ones are resolved in the article: "the Chinese
president" → the person the text titled so, "Chinese officials" → "China", "leaders of
India and Japan" → India, Japan; "he"/"his" → the last person who was the subject of a
sentence, else the last person named; "who"/"whom"/"which" → the noun its relative clause
modifies; "we", "I", "you" in an interview's turns → its speaker, whom it asks. "the two heads of state" → ``PAIR`` (the caller takes the participants of the
event in context).

>>> Mentions(doc).of(token)             # doctest: +SKIP
['Xi Jinping']
"""

from __future__ import annotations

import functools
import json
from collections import namedtuple
from typing import Optional

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from pipeline.discourse.actors import agent_types
from pipeline.discourse.article import Discourse
from pipeline.discourse.groups import (
    PAIR,
    SUBJECT_DEPS,
    UNRESOLVED,
    GroupMentions,
)
from pipeline.discourse.quoted import QuoteIndex
from pipeline.discourse.tree import Tree, relative_antecedent
from pipeline.document.access import entity_spans, results, sent_bounds
from pipeline.entities.gazetteer import gazetteer
from pipeline.patterns import PATTERNS_DIR, read_json

Sentence = namedtuple("Sentence", "start end")
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}
SECOND_PERSON = {"you", "your", "yours"}
FORMER_LATTER = {"former", "latter"}
ANY_PRONOUN = PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | {"it", "its"}
PAIR_WORDS = {"two", "both"}
PLACES = {"GPE", "LOC", "FAC"}
NOT_PARTICIPANTS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "EVENT",
    "LAW",
    "LANGUAGE",
    "WORK_OF_ART",
    "PRODUCT",
}
PATTERNS = PATTERNS_DIR


@functools.lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset, ...]:
    data = json.loads((PATTERNS / "events_cameo.json").read_text(encoding="utf-8"))
    people = read_json("agent_types.json")["nouns"]  # every group noun with a sector is an actor noun
    return (
        frozenset(data["group_nouns"]),
        frozenset(data["actor_nouns"]) | frozenset(w for w in people if " " not in w),
        frozenset(data["partitive_nouns"]),
        frozenset(data["pair_person_nouns"]),
        frozenset(data["pair_country_nouns"]),
        frozenset(data["plural_actor_nouns"]),
        # group nouns of a state's armed or police forces ("army", "police", "troops"): their
        # sector is not the government's
        frozenset(n for n in data["group_nouns"] if agent_types().of_noun(n) in {"MIL", "COP"}),
    )


class Mentions(GroupMentions):
    def __init__(self, doc: Doc):
        self.doc = doc
        self.tree = Tree(doc)
        self.g = gazetteer()
        (
            self.group_nouns,
            self.actor_nouns,
            self.partitives,
            self.pair_people,
            self.pair_countries,
            self.plural_actors,
            self.service_nouns,
        ) = _nouns()
        self.by_token: dict[int, dict] = {}
        self.persons = doc.user_data.get("communique_persons", {})
        self._person_at: list[int] = []
        self._person_name: list[str] = []
        self._subject_at: list[int] = []
        self._subject_name: list[str] = []
        self._person_country: list = []
        self._person_subject: list[bool] = []
        self._country_at: list[int] = []
        self._country_name: list[str] = []
        self.bounds_at: dict[int, tuple[int, int]] = {}  # an entity's start character -> its tokens
        entities = results(doc, "entities")
        for ent, span in zip(entities, entity_spans(doc, entities)):
            if span is None:
                continue
            self.bounds_at[ent["start"]] = start, end = span.start, span.end
            for i in range(start, end):
                self.by_token[i] = ent
            if ent["label"] == "PERSON":
                self._person_at.append(start)
                self._person_name.append(ent["canonical"])
                self._person_country.append(ent.get("country"))
                root = span.root  # "Philippine President Rodrigo Duterte said": the NP is the subject
                subject = root.dep_ in SUBJECT_DEPS or (
                    root.dep_ in {"appos", "compound"} and root.head.dep_ in SUBJECT_DEPS
                )
                self._person_subject.append(subject)
                if subject:
                    self._subject_at.append(start)
                    self._subject_name.append(ent["canonical"])
            elif ent["label"] == "GPE" and ent.get("country"):
                self._country_at.append(start)
                self._country_name.append(self.g.country_names.get(ent["country"], ent["canonical"]))

    @functools.cached_property
    def quoted(self) -> QuoteIndex:
        """Who says what is said at a character (the quotes component's records)."""
        return QuoteIndex(results(self.doc, "quotes"))

    @functools.cached_property
    def discourse(self) -> Discourse:
        """The article's one resolver of pronouns, roles and institutions (shared with quotes)."""
        return Discourse.of(self.doc)

    # Which tokens' subtrees hold a token of a kind, worked out once per doc, so that the
    # argument finders walk a subtree only where it can find something.
    @functools.cached_property
    def above_places(self) -> set[int]:
        """Tokens above a place name."""
        return self.tree.above(i for i, ent in self.by_token.items() if ent["label"] in PLACES)

    @functools.cached_property
    def above_places_with_people(self) -> set[int]:
        """Tokens above a place name conjoined to a person or organisation ("in Moscow and
        Zelenskiy in Kyiv")."""
        conj = self.tree.with_conjuncts
        if not any(i in conj and ent["label"] in {"PERSON", "ORG"} for i, ent in self.by_token.items()):
            return set()
        return self.tree.above(i for i, ent in self.by_token.items() if i in conj and ent["label"] in PLACES)

    @functools.cached_property
    def above_by(self) -> set[int]:
        """Tokens above a "by"."""
        by = numpy.uint64(self.doc.vocab.strings["by"])
        return self.tree.above(numpy.flatnonzero(self.tree.column(LOWER) == by).tolist())

    def sent_of(self, i: int) -> Sentence:
        """The token bounds of the sentence of token ``i`` (no Span made)."""
        return Sentence(*sent_bounds(self.doc, i))

    def label(self, token: Token):
        ent = self.by_token.get(token.i)
        return ent["label"] if ent else None

    def entity(self, token: Token):
        return self.by_token.get(token.i)

    def name(self, ent: dict) -> str:
        """A participant's name: demonyms and capitals stand for their country ("Chinese
        officials", "Washington urged")."""
        if ent.get("country") and (
            ent["label"] == "NORP"
            or (ent["label"] == "GPE" and self.g.capitals.get(ent["text"]) == ent["country"])
        ):
            return self.g.country_names.get(ent["country"], ent["canonical"])
        if ent["label"] == "ORG" and ent["canonical"].isupper():
            return self.acronyms.get(ent["canonical"], ent["canonical"])  # "BLA" → "Baloch Liberation Army"
        return ent["canonical"]

    @property
    def acronyms(self) -> dict[str, str]:
        """The article's organisations by their initials ("DHS" is the Department of
        Homeland Security): the discourse layer's one table, which quotes ask too."""
        return self.discourse.acronyms

    def of(self, token: Token) -> list[str]:
        """Participants named by the noun phrase headed by ``token`` (conjuncts not included)."""
        if self.discourse.turns.in_label(token.i):
            return self._label_subject(token)
        whole = self.discourse.name_of(token.i)
        if whole is not None:  # "Cambodian League" + "for the Promotion and ...": the whole name
            return [whole[2]]
        ent = self.by_token.get(token.i)
        if ent is not None:
            return [self.name(ent)]
        low = token.lower_
        antecedent = relative_antecedent(token)
        if antecedent is not None:  # "Gachagua, who was impeached": Gachagua
            return self.of_phrase(antecedent)
        if token.pos_ == "PRON":
            return self._pronoun(token, low)
        if low in FORMER_LATTER and (token.dep_ != "amod" or self.tree.is_possessor(token)):
            return self._former_or_latter(token, low == "latter")  # "for the latter's refusal"
        pos = token.pos_
        if pos not in {"NOUN", "PROPN"} and not (pos in {"NUM", "PRON", "ADJ"} and low in self.partitives):
            return []
        children = self.tree.children(token)
        found = self._person_in_head(children)
        if found is None and (low in self.partitives or token.lemma_.lower() in self.partitives):
            found = self._partitive(children)
        if found is None:
            found = self._title_before_name(token)
        if found is not None:
            return found
        lemma = token.lemma_.lower()
        if any(c.lower_ in PAIR_WORDS for c in children) and (
            lemma in self.pair_people or lemma in self.pair_countries
        ):
            return self._pair(token)  # "the two leaders", not "two Iraqi youths"
        many = self._counted_countries(token, lemma, children)
        if many:
            return many  # "the three military-led nations": the last three countries named
        mods = [
            c for c in children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i in self.by_token
        ]
        others = self._and_others(mods)  # "Orban and other Central European populists"
        mods = [c for c in mods if c.i not in others]
        found = self._modifiers(token, lemma, mods)
        if found is None and (lemma in self.group_nouns or lemma in self.g.title_words):
            found = self._group_noun(token, lemma, children, mods)
        if found is None and others:
            found = self._actor_noun(token, children)
        if found is not None:
            return list(dict.fromkeys(list(others.values()) + found))
        named = self._apposed_name(token)
        if named:
            return named  # "Blessed Geza, a war veteran-turned-politician who criticized ..."
        named = (
            self.discourse.organisation_description(token)
            if lemma in self.discourse.lex.organisation_nouns
            else None
        )
        if named:
            return [named]  # "the organization", "the regional bloc", "the banned outfit"
        if (
            lemma in self.actor_nouns
            or (low.endswith("s") and low[:-1] in self.actor_nouns)
            or (token.tag_ == "NNS" and lemma in self.plural_actors)  # "democratic nations"
        ):
            return self._members_of(children) or self._actor_noun(token, children)
        return self._unnamed(token, children)

    def _label_subject(self, token: Token) -> list[str]:
        """A turn's label is no participant of its sentence; a name the parser hung on it
        is ("VOA: Russia's President Vladimir Putin visited China": Putin)."""
        return [
            n
            for c in self.tree.children(token)
            if c.dep_ == "appos"
            and self.label(c) in {"PERSON", "ORG", "GPE", "NORP"}
            and not self.discourse.turns.in_label(c.i)
            for n in self.of_phrase(c)
        ]

    def _and_others(self, mods) -> dict[int, str]:
        """Named modifiers the parser hung on a group they are listed with ("Orban and other
        populists", "Hamas and other groups"): by token, their names."""
        out = {}
        for mod in mods:
            ent = self.by_token[mod.i]
            end = self.bounds_at[ent["start"]][1]
            if (
                ent["label"] in {"PERSON", "ORG", "GPE"}
                and end + 1 < len(self.doc)
                and self.doc[end].lower_ == "and"
                and self.doc[end + 1].lower_ in {"other", "others"}
            ):
                out[mod.i] = self.name(ent)
        return out

    def _members_of(self, children) -> list[str]:
        """People of an organisation are the organisation ("activists from the Fatah Party",
        "leaders of the opposition coalition"), as its named fighters are ("Hamas militants")."""
        for child in children:
            if child.dep_ != "prep" or child.lower_ not in {"of", "from"}:
                continue
            for obj in self.tree.children(child):
                if obj.dep_ != "pobj":
                    continue
                ent = self.by_token.get(obj.i)
                if ent is not None and ent["label"] == "ORG":
                    return self.of_phrase(obj)
                if ent is None and obj.lemma_.lower() in self.discourse.lex.organisation_nouns:
                    return self.of_phrase(obj)  # "the Azadliq opposition coalition"
        return []

    def _apposed_name(self, token: Token) -> list[str]:
        """A description in apposition to a named person or organisation names it."""
        if token.dep_ != "appos":
            return []
        ent = self.by_token.get(token.head.i)
        return [self.name(ent)] if ent is not None and ent["label"] in {"PERSON", "ORG"} else []

    def _pronoun(self, token: Token, low: str) -> list[str]:
        """'they' → the plural antecedent or ``PAIR``; 'he', 'it' → the discourse's referent;
        'we', 'I' inside a quotation → its speaker ('"We condemn the jailbreak," Moise wrote')."""
        if low in FIRST_PERSON:
            speaker = self.quoted.reporter(token.idx, token.idx + len(token))
            if speaker is None:  # "Armitage: ... the message we brought": the turn's speaker
                speaker = self.discourse.turns.speaker(token.i)
            unnamed = not speaker or speaker == "unnamed source" or speaker.lower() in ANY_PRONOUN
            return [] if unnamed else [speaker]  # '"We urge ...," they said': no name to give
        if low in SECOND_PERSON:  # "VOA: During your visit, you met ...": whom it asks
            found = self.discourse.turns.addressee(token.i)
            return [found] if found else []
        if low in PLURAL_PRONOUNS:
            return self._plural_antecedent(token) or [PAIR]  # else: the participants in context
        if low in PRONOUNS or low in {"it", "its"}:  # asked of the discourse, as for a speaker
            found = self.discourse.pronoun(token, things_as_subjects=True)
            if found:
                return [found]
        if low in PRONOUNS:
            return self.last_person(token.i)
        return [UNRESOLVED] if low in {"it", "its"} else []  # a party the text has, not named

    def _person_in_head(self, children) -> Optional[list[str]]:
        """ "Russian President Vladimir Putin" headed by "President": the person; "three
        senators — Chuck Grassley, Jeanne Shaheen and Jim Risch": the people apposed."""
        for child in children:
            ent = self.by_token.get(child.i)
            if ent and ent["label"] == "PERSON" and child.dep_ in {"compound", "appos", "flat", "npadvmod"}:
                if child.dep_ == "appos":
                    return [ent["canonical"]] + [
                        self.by_token[c.i]["canonical"]
                        for c in self.tree.conjuncts(child)
                        if c.i in self.by_token and self.by_token[c.i]["label"] == "PERSON"
                    ]
                return [ent["canonical"]]
        return None

    def _partitive(self, children) -> Optional[list[str]]:
        """ "Thousands of Iraqi Kurds", "a group of Moroccan diplomats": the of-phrase's participants."""
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                found = self.of_objects(child)
                if found:
                    return found
        return None

    def _title_before_name(self, token: Token) -> Optional[list[str]]:
        """ "Russian President" + conj "Vladimir Putin": the person named next."""
        if token.i + 1 < len(self.doc) and token.lower_ in self.g.title_words:
            ent = self.by_token.get(token.i + 1)
            if ent and ent["label"] == "PERSON":
                return [ent["canonical"]]
        return None

    def _actor_noun(self, token: Token, children) -> list[str]:
        """Unnamed groups: "Palestinian police", "rebels in Darfur" (the phrase's words)."""
        start = token.i
        while (
            start > token.left_edge.i
            and self.doc[start - 1].dep_ in {"amod", "compound"}
            and self.doc[start - 1].head.i >= start
        ):
            start -= 1
        end = token.i + 1
        for child in children:  # "rebels in Darfur", "opposition parties in Nepal"
            if child.dep_ == "prep" and child.lower_ in {"in", "from", "throughout", "of"} and child.i == end:
                place = next((p for p in self.tree.children(child) if p.dep_ == "pobj"), None)
                ent = self.by_token.get(place.i) if place is not None else None
                if ent and ent["label"] in {"GPE", "LOC"}:
                    end = max(end, self.bounds_at[ent["start"]][1])
        return [self.tree.text(start, end)]

    def _unnamed(self, token: Token, children) -> list[str]:
        """A name the NER missed ("Ethopia has agreed", a sentence-initial "Xi Jinping"):
        the proper nouns of the phrase, never a date or number the model tagged."""
        if token.pos_ != "PROPN" or token.ent_type_ in NOT_PARTICIPANTS or token.dep_ == "compound":
            return []
        start = token.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].head.i == token.i:
            start -= 1
        if any(self.doc[k].ent_type_ in NOT_PARTICIPANTS for k in range(start, token.i + 1)):
            return []
        return [self.tree.text(start, token.i + 1)]

    def of_objects(self, prep: Token) -> list[str]:
        """Participants named by a preposition's objects ("with Putin", "by the ACLU")."""
        return [n for p in self.tree.children(prep) if p.dep_ == "pobj" for n in self.of_phrase(p)]

    def of_phrase(self, token: Token) -> list[str]:
        """Participants of a noun phrase and its conjuncts, in order, with the members a
        group's "including" names ("Rights groups, including Amnesty International")."""
        out: list[str] = []
        for tok in (token, *self.tree.conjuncts(token)):
            if tok is not token and tok.pos_ in {"VERB", "AUX"}:
                continue
            names = self.of(tok)
            if names and tok.tag_ in {"NNS", "NNPS"}:
                names = names + [
                    n
                    for c in self.tree.children(tok)
                    if c.dep_ == "prep" and c.lower_ == "including"
                    for n in self.of_objects(c)
                ]
            for name in names:
                if name not in out:
                    out.append(name)
        return out
