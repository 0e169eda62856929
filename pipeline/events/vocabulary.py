"""The word lists the events steps share: the trigger lexicon, its cue sets and the sense rules."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.events.lexicon import Lexicon, lexicon
from pipeline.events.senses import SenseRules


@dataclass(frozen=True)
class Vocabulary:
    lex: Lexicon
    cues: dict  # the cue word lists as sets (membership tests only; refinement tables stay dicts)
    light_verbs: frozenset
    allegation_verbs: frozenset
    on_targets: frozenset
    measure_nouns: frozenset
    appeal_carriers: frozenset
    senses: SenseRules

    @classmethod
    def load(cls) -> "Vocabulary":
        lex = lexicon()
        cues = {k: frozenset(v) if isinstance(v, list) else v for k, v in lex.cameo.items()}
        return cls(
            lex,
            cues,
            frozenset(cues["light_verbs"]),
            frozenset(cues["allegation_verbs"]),
            frozenset(cues["on_recipient_nouns"]),
            frozenset(cues["measure_nouns"]),
            frozenset(cues["appeal_carriers"]),
            SenseRules.load(),
        )
