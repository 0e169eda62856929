"""Definite descriptions of organisations: "the organization", "the bloc", "the outfit"
stand for the last organisation named before them whose sector fits the noun (the nouns
and their sectors are ``org_anaphors`` in ``patterns/discourse.json``; ``"*"`` is any
sector, an unknown one included, but never the media).

>>> OrganisationAnaphora([(3, "Alliance of Democracies", None)], {"organization": ["*"]}).before(9, "organization")
'Alliance of Democracies'
>>> OrganisationAnaphora([(3, "Reuters", "MED")], {"organization": ["*"]}).before(9, "organization") is None
True
"""

from __future__ import annotations

import bisect
from typing import Optional

WINDOW = 300  # tokens back in which "the organization" finds the organisation it stands for
NEVER = frozenset({"MED"})  # "the agency said" after Reuters reported is not Reuters


class OrganisationAnaphora:
    def __init__(self, named: list[tuple[int, str, Optional[str]]], nouns: dict[str, list[str]]):
        """``named``: (token index, canonical name, sector) of each organisation, in text order."""
        self.at = [i for i, _, _ in named]
        self.named = named
        self.nouns = {noun: frozenset(sectors) for noun, sectors in nouns.items()}

    def before(self, i: int, lemma: str) -> Optional[str]:
        """The organisation ``the <lemma>`` at token ``i`` stands for, or None."""
        sectors = self.nouns.get(lemma)
        if sectors is None:
            return None
        k = bisect.bisect_left(self.at, i) - 1
        while k >= 0 and self.at[k] >= i - WINDOW:
            _, name, sector = self.named[k]
            if sector not in NEVER and ("*" in sectors or sector in sectors):
                return name
            k -= 1
        return None
