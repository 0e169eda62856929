"""The gazetteer: countries (ISO 3166-1 alpha-3), their names, demonyms and cities,
international organisations and forums, and titles, read from ``pipeline/patterns``.

Loaded once per process (``gazetteer()`` is cached) and shared by the entities and events
components.

>>> g = gazetteer()
>>> g.country_of("Britain"), g.country_of("Gambian"), g.country_of("Kazan")
('GBR', 'GMB', 'RUS')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Optional

from pipeline.patterns import read_tsv

COUNTRIES_FILE = "countries.tsv"
ORGANISATIONS_FILE = "organisations.tsv"
TITLES_FILE = "titles.tsv"


def _rows(name: str):
    """The rows of a gazetteer file, padded so that optional columns unpack as ``""``."""
    for row in read_tsv(name):
        yield row + [""] * 5


def _names(cell: str) -> list[str]:
    out = []
    for name in cell.split("|"):
        name = name.strip()
        if name.startswith("the "):
            name = name[4:]
        if name:
            out.append(name)
    return out


@dataclass
class Gazetteer:
    country_names: dict = field(default_factory=dict)  # ISO3 -> canonical name
    countries: dict = field(default_factory=dict)  # name or alias -> ISO3
    demonyms: dict = field(default_factory=dict)  # demonym -> ISO3
    cities: dict = field(default_factory=dict)  # city -> ISO3
    capitals: dict = field(default_factory=dict)  # capital -> ISO3
    orgs: dict = field(default_factory=dict)  # name or alias -> (canonical, label, kind)
    titles: dict = field(default_factory=dict)  # lower-case title -> (kind, role)
    title_words: set = field(default_factory=set)  # every word of every title

    def country_of(self, text: str) -> Optional[str]:
        """ISO3 of a country name, alias, demonym or city (exact spelling, then plain)."""
        for table in (self.countries, self.demonyms, self.cities):
            if text in table:
                return table[text]
        stripped = text[4:] if text.lower().startswith("the ") else text
        if stripped.endswith(("'s", "’s")):
            stripped = stripped[:-2]
        for table in (self.countries, self.demonyms, self.cities):
            if stripped in table:
                return table[stripped]
        return None

    def is_title(self, words: str) -> bool:
        return words.lower() in self.titles


def gazetteer(
    countries_file: str = COUNTRIES_FILE,
    organisations_file: str = ORGANISATIONS_FILE,
    titles_file: str = TITLES_FILE,
) -> Gazetteer:
    """The gazetteer of these files of ``pipeline/patterns``, read once."""
    return _load(countries_file, organisations_file, titles_file)


@functools.lru_cache(maxsize=None)
def _load(countries_file: str, organisations_file: str, titles_file: str) -> Gazetteer:
    g = Gazetteer()
    for iso3, canonical, aliases, demonyms, cities, *_ in _rows(countries_file):
        g.country_names[iso3] = canonical
        g.countries[canonical] = iso3
        for alias in _names(aliases):
            g.countries.setdefault(alias, iso3)
        for demonym in _names(demonyms):
            g.demonyms.setdefault(demonym, iso3)
        for i, city in enumerate(_names(cities)):
            g.cities.setdefault(city, iso3)
            if i == 0:
                g.capitals.setdefault(city, iso3)
    for canonical, aliases, label, kind, *_ in _rows(organisations_file):
        entry = (canonical, label or "ORG", kind)
        g.orgs[canonical] = entry
        for alias in _names(aliases):
            g.orgs.setdefault(alias, entry)
    for title, kind, role, *_ in _rows(titles_file):
        g.titles[title.strip().lower()] = (kind, role or title)
        g.title_words.update(title.lower().split())
    return g
