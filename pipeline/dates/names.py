"""Is a month word a person's name here ("Theresa May", "April Ryan", "Mrs May")?

Read by the dates component before it takes "May" or "April" for a month.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from pipeline.dates.grammar import LEXICON_FILE, date_lexicon
from pipeline.document.access import overlaps, results
from pipeline.patterns import path, read_tsv

TITLES_FILE = "titles.tsv"


@functools.lru_cache(maxsize=None)
def title_words(titles_file: str = TITLES_FILE, lexicon_file: str = LEXICON_FILE) -> frozenset:
    """Words that stand before a surname: the last word of each title of ``titles.tsv``
    ("minister", "president" ...) and honorifics ("Mrs", "Dr")."""
    words = set(date_lexicon(lexicon_file)["name_titles_extra"])
    if path(titles_file).exists():
        for row in read_tsv(titles_file):
            words.add(row[0].split()[-1].lower())
    return frozenset(words)


class PersonNames:
    """Is a month word a person's name here? Inside a PERSON entity ("Theresa May"), after a
    title or first name ("Prime Minister May", "Mrs May"), or bare (no preposition, day,
    year or modifier: "surprised May") in a text that names a person so."""

    def __init__(self, doc: Doc, titles: frozenset, months: frozenset):
        self._doc, self._titles, self._months = doc, titles, months
        self._ranges: list[tuple[int, int]] = []
        self._surnames: set[str] = set()
        self._ready = False

    def _read(self) -> None:
        """The PERSON entities, read once and only when a bare month is checked."""
        self._ready = True
        doc, months = self._doc, self._months
        for ent in results(doc, "entities"):
            if ent.get("label") == "PERSON":
                self._ranges.append((ent["start"], ent["end"]))
                last = ent["text"].split()[-1].lower() if ent["text"].split() else ""
                if last in months and len(ent["text"].split()) > 1:
                    self._surnames.add(last)
        # (spaCy's PERSON entities need no ranges: a token overlaps one exactly when its
        # ent_type_ is PERSON, which is_name tests first)

    def is_name(self, tok) -> bool:
        if tok.ent_type_ == "PERSON":
            return True
        if not self._ready:
            self._read()
        if overlaps(tok.idx, tok.idx + len(tok.text), self._ranges):
            return True
        prev = tok.nbor(-1) if tok.i > 0 else None
        if prev is not None and (
            prev.lower_ in self._titles
            or (
                prev.pos_ == "PROPN"
                and prev.dep_ == "compound"
                and prev.head.i == tok.i
                and prev.ent_type_ != "DATE"
            )
        ):
            return True
        if (
            tok.lower_ in self._surnames
            and tok.dep_ != "pobj"
            and not (tok.i > 0 and tok.nbor(-1).lower_ in ("of", "to", "and", "or", "-", "–"))
        ):
            return True  # a bare month word, no preposition, in a text naming a Mrs May
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return tok.lower_ in self._surnames and nxt is not None and nxt.tag_ == "POS"
