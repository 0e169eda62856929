"""The word lists of the discourse layer, and the one title stripper.

>>> DiscourseLexicon().strip_titles("President Xi Jinping")
'Xi Jinping'
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.patterns import PATTERNS_DIR

LEXICON_PATH = PATTERNS_DIR / "discourse.json"


class DiscourseLexicon:
    """Titles, roles, group and institution nouns, pronouns and genders, loaded once."""

    def __init__(self, path: Path = LEXICON_PATH):
        data = json.loads(path.read_text(encoding="utf-8"))
        self.titles = set(data["titles"])
        self.keep_in_names = set(data["keep_in_names"])
        self.roles = set(data["roles"])
        self.speaker_nouns = set(data["speaker_nouns"])
        self.group_people = set(data["groups"]["people"])
        self.group_countries = set(data["groups"]["countries"])
        self.group_markers = set(data["groups"]["markers"])
        self.group_examples = set(data["groups"]["examples"])  # "rights groups, including X"
        self.group_quantifiers = set(data["groups"]["quantifiers"])
        self.institutions = set(data["institutions"])
        self.female_titles = set(data["female_titles"])
        self.male_titles = set(data["male_titles"])
        self.female_names = set(data["female_names"])
        self.male_names = set(data["male_names"])
        self.pronouns = dict(data["pronouns"])
        self.role_equivalents = {k: set(v) for k, v in data["role_equivalents"].items()}
        self.indefinites = set(data["indefinites"])
        self.org_anaphors = dict(data["org_anaphors"])
        self.name_particles = set(data["name_particles"])
        self.name_stop_words = set(data["name_stop_words"])
        self.name_connectors = set(data["name_connectors"])
        self.person_nouns = set(data["person_nouns"])
        self.organisation_nouns = set(data["organisation_nouns"])
        self.spokespeople = set(data["spokespeople"])
        self.governing_bodies = set(data["governing_bodies"])
        self.children_nouns = set(data["children_nouns"])
        self.person_words = self.titles | self.roles | self.keep_in_names  # before a name

    def strip_titles(self, name: str) -> str:
        """``President Xi Jinping`` → ``Xi Jinping``; ``Sultan Ibrahim`` stays."""
        words = name.split()
        while (
            len(words) > 1
            and words[0].lower().rstrip(",") in self.titles
            and words[0].lower() not in self.keep_in_names
        ):
            words = words[1:]
        return " ".join(words)


def country_key(word: str) -> str:
    """A loose key for a country word: ``Chinese`` and ``China`` share ``chin``."""
    w = word.lower().replace(".", "")
    return w[:4] if len(w) >= 4 else w
