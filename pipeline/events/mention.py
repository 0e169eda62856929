"""The working event mention: the fields of the stored record, then what the steps
share about it (its tokens, sentence, how it reads) until ``record`` drops them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Token


@dataclass(eq=False)  # mentions are told apart by identity, not by their fields
class EventMention:
    text: str
    start: int
    end: int
    type: str
    mode: Optional[str]
    cameo: Optional[str]
    trigger: str
    actors: list
    recipients: list
    location: Optional[str]
    date: Optional[str]
    status: str
    sentence_start: int
    sentence_end: int
    reported_by: Any = None  # the quote's speaker when a quote tells of it
    mentions: list = field(default_factory=list)  # once merged: every mention's text and span
    tok: Optional[Token] = None  # the trigger token
    verb: Optional[Token] = None  # the trigger's clause verb
    noun: bool = False  # a nominal trigger
    sent: int = 0  # the token where its sentence starts
    light: Optional[str] = None  # the light verb's lemma ("held talks")
    counted: bool = False  # "four visits": many happenings
    definite: bool = False  # "the meeting": may refer back
    own: bool = False  # dated by its own clause
    inherited: bool = False  # dated by an earlier event with a shared participant
    pair: bool = False  # has a party the text has, named or not
    sent_index: int = 0  # the sentence's number in the doc
    last_sent_index: int = 0  # once merged: the sentence of its latest mention
    coded: dict = field(default_factory=dict)  # participant name -> actor code
    named: frozenset = frozenset()  # the participants the text names (entities, states), not groups
    measure: Optional[str] = None  # the measure it imposes or lifts ("sanction", "tariff"), by lemma

    def record(self) -> dict:
        """The stored record (its keys in this order)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "trigger": self.trigger,
            "actors": self.actors,
            "recipients": self.recipients,
            "location": self.location,
            "date": self.date,
            "status": self.status,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "reported_by": self.reported_by,
            "mentions": self.mentions,
        }
