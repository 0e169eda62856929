"""Coded actors: a participant's name with its country and agent type, as event data needs.

The country comes from the text: a state is its own ("Washington" stands for the United
States, read as a country name by the discourse layer), a person has the one the entities
component read ("Russian President Vladimir Putin" → RUS), an organisation or group the
country or demonym in its name ("Pakistani police" → PAK). The agent type (PLOVER/CAMEO
sector: GOV, MIL, JUD, COP, REB ...) comes from the person's titles, the organisation's kind
or name, or the group's head noun, all kept in ``patterns/agent_types.json``. A group of
a state's institutions named by its noun alone ("police", "the court") in a story about one
country is that country's.

>>> coder = ActorCoder.for_article(entities=[], persons={})
>>> coder.code("Russia")
{'name': 'Russia', 'country': 'RUS', 'agent_type': 'GOV'}
>>> coder.code("Pakistani police")
{'name': 'Pakistani police', 'country': 'PAK', 'agent_type': 'COP'}
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from pipeline.entities.gazetteer import Gazetteer, gazetteer
from pipeline.patterns import read_json

_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class AgentTypes:
    """The agent-type tables of ``patterns/agent_types.json``."""

    title_kinds: dict
    titles: dict
    organisation_kinds: dict
    name_words: dict
    nouns: dict

    def of_noun(self, word: str) -> Optional[str]:
        """The sector of a group noun, singular or plural ("militants", "authorities")."""
        low = word.lower()
        for form in (
            low,
            low[:-1] if low.endswith("s") else None,
            low[:-3] + "y" if low.endswith("ies") else None,
        ):
            if form and form in self.nouns:
                return self.nouns[form]
        return None


@functools.lru_cache(maxsize=1)
def agent_types() -> AgentTypes:
    data = read_json("agent_types.json")
    return AgentTypes(
        data["title_kinds"], data["titles"], data["organisation_kinds"], data["name_words"], data["nouns"]
    )


# sectors of a state's own institutions and people: "police", "the court", "protesters" in a story
# about one country are that country's
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "CVL"})


class ActorCoder:
    """Codes the participants of one article (names as the discourse layer gives them);
    ``home``: the country the article is about, whose the state's unnamed institutions are."""

    def __init__(
        self,
        labels: dict[str, tuple[str, Optional[str]]],
        persons: dict,
        g: Gazetteer,
        home: Optional[str] = None,
        person: Optional[Callable[[str], tuple[Optional[str], Optional[str]]]] = None,
    ):
        self.labels = labels  # canonical name -> (entity label, country)
        self.persons = persons
        self.g = g
        self.home = home
        self.person = person  # the discourse's (country, role word), where the titles give none
        self.homed: set[str] = set()  # names whose country is only the article's
        self.described: dict[str, str] = {}  # an organisation -> the noun that announced it
        self.types = agent_types()

    @classmethod
    def for_article(
        cls,
        entities: list[dict],
        persons: dict,
        home: Optional[str] = None,
        person: Optional[Callable[[str], tuple[Optional[str], Optional[str]]]] = None,
    ) -> "ActorCoder":
        labels: dict[str, tuple[str, Optional[str]]] = {}
        described: dict[str, str] = {}
        for ent in entities:
            name = ent.get("canonical") or ent["text"]
            if name not in labels or (ent.get("country") and not labels[name][1]):
                labels[name] = (ent["label"], ent.get("country"))
            if ent.get("described"):
                described[name] = ent["described"]
        coder = cls(labels, persons, gazetteer(), home, person)
        coder.described = described
        return coder

    def code(self, name: str) -> dict:
        """``{"name", "country", "agent_type"}`` for one participant name."""
        country, agent = self._state(name)
        if country is None:
            label, country = self.labels.get(name, (None, None))
            if label == "PERSON":
                country = self.persons.get(name, {}).get("country") or country
                said, role = self.person(name) if self.person is not None else (None, None)
                country = country or said  # "Cambodian journalist Mech Dara"
                agent = self._person_type(name) or self._role_type(role)
            elif label == "ORG" or name in self.g.orgs:
                agent = self._organisation_type(name)
                country = country or self._country_in(name)
            else:
                agent = self._group_type(name)
                country = country or self._country_in(name) or self._owner_country(name)
                if country is None and agent in STATE_SECTORS and self.home:
                    country = self.home  # "police" in a story about Pakistan: Pakistan's
                    self.homed.add(name)
        return {"name": name, "country": country, "agent_type": agent}

    def named(self, name: str, coded: dict) -> bool:
        """The text names the participant: an entity, or a group whose words give its
        country ("Pakistani police"), not one that has it from the article ("police")."""
        return name in self.labels or bool(coded["country"]) and name not in self.homed

    def _state(self, name: str) -> tuple[Optional[str], Optional[str]]:
        code = self.g.countries.get(name)
        if code is None and self.labels.get(name, ("",))[0] in {"GPE", "NORP"}:
            code = self.labels[name][1]
        return (code, "GOV") if code else (None, None)

    def _person_type(self, name: str) -> Optional[str]:
        for title in reversed(self.persons.get(name, {}).get("titles", [])):
            low = title.lower()
            if low in self.types.titles:
                return self.types.titles[low]  # "attorney general": a prosecutor, no general
            last = low.split()[-1] if low.split() else low
            if last in self.types.titles:
                return self.types.titles[last]
            kind = self.g.titles.get(low, (None,))[0]
            if kind in self.types.title_kinds:
                return self.types.title_kinds[kind]
        return None

    def _role_type(self, word: Optional[str]) -> Optional[str]:
        """The sector a title or description word gives ("congressman", "secretary",
        "journalist")."""
        if not word:
            return None
        if word in self.types.titles:
            return self.types.titles[word]  # "attorney general"
        word = word.split()[-1]
        kind = self.g.titles.get(word, (None,))[0]
        return self.types.titles.get(word) or self.types.title_kinds.get(kind) or self.types.of_noun(word)

    def _organisation_type(self, name: str) -> Optional[str]:
        entry = self.g.orgs.get(name)
        if entry is None:  # "United Nations Working Group on ...": a body of a known one
            words = name.split()
            entry = next(
                (
                    self.g.orgs[" ".join(words[:k])]
                    for k in range(len(words) - 1, 0, -1)
                    if " ".join(words[:k]) in self.g.orgs
                ),
                None,
            )
            if entry is not None and entry[2] != "igo":
                entry = None  # "Hamas Political Bureau" may be; a company's unit is not its kind
        if entry is not None and entry[2] in self.types.organisation_kinds:
            return self.types.organisation_kinds[entry[2]]
        described = self.described.get(name)
        if described is not None and self.types.of_noun(described):
            return self.types.of_noun(described)  # "Media watchdog Reporters Without Borders"
        words = _WORD.findall(name.lower())
        if any(self.types.name_words.get(w) == "REB" for w in words):
            return "REB"  # "Baloch Liberation Army", "Popular Front": rebels, though an army by name
        for word in reversed(words):
            if word in self.types.name_words:
                return self.types.name_words[word]
        return None

    def _group_type(self, name: str) -> Optional[str]:
        words = _WORD.findall(name)
        for word in reversed(words):
            agent = self.types.of_noun(word)
            if agent:
                return agent
        return self._organisation_type(name) if words else None

    def _owner_country(self, name: str) -> Optional[str]:
        """The country of the person whose people a group is ("Vladimir Putin's spokesman")."""
        owner = _POSSESSIVE.split(name, maxsplit=1)[0]
        if owner == name or self.labels.get(owner, ("",))[0] != "PERSON":
            return None
        return self.code(owner)["country"]

    def _country_in(self, name: str) -> Optional[str]:
        """The country a demonym or country name inside a group's name gives it ("U.S.
        Treasury Department", "Hong Kong authorities", "Pakistani police")."""
        words = [w.rstrip(",") for w in name.split()]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        for gram in [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] + words + _WORD.findall(name):
            code = self.g.demonyms.get(gram) or self.g.countries.get(gram)
            if code:
                return code
        return None
