"""Interview transcripts: who speaks each turn.

A question-and-answer interview labels each turn with its speaker and a colon ("VOA: During
your visit, you met the new president. What did you discuss?" "Richard Armitage, former
deputy secretary of state: The message we brought was ..."). In a turn, "I" and "we" are its
speaker, "you" in a question is the one the question is put to, what the interviewee says is
told by them (the interviewer, who speaks first, tells as the article does), and the label is
no part of the sentence it opens ("VOA: Russia's President Vladimir Putin recently visited China": Putin
visited, not VOA).

An article is an interview when at least two labels of two different speakers open its
sentences; a label is a name (a person or an organisation, with its title after a comma; or a
name the model did not tag that is an article person's, "Costa:" for Maria Costa) before a
colon, with no verb, that opens a sentence and is not followed by a quotation mark
(``Sergei Ryabkov, RIA Novosti: "..."`` is a quotation, which the quotes component reads).

>>> Turns.of(doc).speaker(12)   # doctest: +SKIP
'Richard Armitage'
"""

from __future__ import annotations

import bisect
from typing import Callable, NamedTuple, Optional

from spacy.tokens import Doc

MAX_LABEL = 14  # tokens from a sentence's start to the colon of its label
LABEL_LABELS = {"PERSON", "ORG"}
QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’", "``", "''"}


class Turn(NamedTuple):
    start: int  # the label's first token
    colon: int  # the colon that closes it
    speaker: str
    question: bool  # the turn asks ("... What did you discuss?")


class Turns:
    """The turns of an interview, in text order (none in an article that is not one)."""

    def __init__(self, turns: list[Turn], ends: list[int]):
        self.turns = turns
        self.ends = ends  # the token after each turn
        self.starts = [t.start for t in turns]

    @classmethod
    def read(
        cls, doc: Doc, sent_starts: list[int], ent_at: dict, name: Callable[[dict, int, int], str]
    ) -> "Turns":
        """The turns of ``doc``: ``ent_at`` the entity at each token, ``name`` the full
        name of the entity (or, None, the untagged proper nouns) at tokens ``[start, end)``,
        None when it names no one."""
        found: list[tuple[int, int, str]] = []
        for start in sent_starts:
            label = _label(doc, start, ent_at, name)
            if label is not None:
                found.append((start, *label))
        if len(found) < 2 or len({s for _, _, s in found}) < 2:
            return cls([], [])
        ends = [s for s, _, _ in found[1:]] + [len(doc)]
        turns = [
            Turn(start, colon, speaker, any(doc[j].text == "?" for j in range(colon, end)))
            for (start, colon, speaker), end in zip(found, ends)
        ]
        return cls(turns, ends)

    def _at(self, i: int) -> int:
        k = bisect.bisect_right(self.starts, i) - 1
        return k if k >= 0 and i < self.ends[k] else -1

    def in_label(self, i: int) -> bool:
        """Token ``i`` is part of a turn's label ("VOA", "Richard Armitage, former ...")."""
        k = self._at(i)
        return k >= 0 and i <= self.turns[k].colon

    def speaker(self, i: int) -> Optional[str]:
        """Who speaks the turn that holds token ``i``."""
        k = self._at(i)
        return self.turns[k].speaker if k >= 0 and i > self.turns[k].colon else None

    def reporter(self, i: int) -> Optional[str]:
        """Who tells what token ``i`` says: the speaker of its turn, unless that is the
        interviewer (who speaks first), whose words are the article's own."""
        found = self.speaker(i)
        return found if found is not None and found != self.turns[0].speaker else None

    def addressee(self, i: int) -> Optional[str]:
        """Whom a question that holds token ``i`` is put to: the speaker of the nearest
        turn with another speaker (the answer after it, else the turn before); None outside
        a question (a generic "if you look around the world")."""
        k = self._at(i)
        if k < 0 or i <= self.turns[k].colon or not self.turns[k].question:
            return None
        own = self.turns[k].speaker
        for j in (*range(k + 1, len(self.turns)), *range(k - 1, -1, -1)):
            if self.turns[j].speaker != own:
                return self.turns[j].speaker
        return None


def _label(doc: Doc, start: int, ent_at: dict, name) -> Optional[tuple[int, str]]:
    """(colon, speaker) of a label opening the sentence at ``start``, or None."""
    first = ent_at.get(start)
    if first is not None and first["label"] not in LABEL_LABELS:
        return None
    if first is None and not (doc[start].pos_ == "PROPN" and doc[start].is_title):
        return None
    for j in range(start + 1, min(len(doc) - 1, start + MAX_LABEL)):
        tok = doc[j]
        if tok.pos_ in {"VERB", "AUX"} or tok.text in {".", "?", "!"} or tok.is_sent_start:
            return None
        if tok.text == ":":
            if doc[j + 1].text in QUOTE_MARKS:
                return None  # a quotation after a colon: the quotes component's
            end = start + 1
            while end < j and (ent_at.get(end) is first if first is not None else doc[end].pos_ == "PROPN"):
                end += 1
            speaker = name(first, start, end)
            return (j, speaker) if speaker else None
    return None
