"""spaCy's tokenizer, kept linear on long runs of characters without a space.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one at a time,
copying the rest of the chunk at each step, so a chunk that splits into many tokens costs
the square of its length: 20,000 commas in a row take ~45 s (this, not the parser, is
what made runs of punctuation slow in plain spaCy). :class:`PiecewiseTokenizer` hands
such a chunk, when it is longer than ``max_run`` characters, to spaCy's tokenizer in
pieces of at most ``max_run`` characters (cut after a punctuation mark when one is near)
and joins the pieces' Docs; every other text is tokenized by spaCy's tokenizer as it
is, so the tokens of normal text are identical. No word or address in news prose runs
to 250 characters without a space.

>>> nlp = spacy.blank("en"); bound_tokenizer(nlp)               # doctest: +SKIP
True
>>> len(nlp.make_doc("," * 20_000))                               # doctest: +SKIP
20000
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 250  # characters without a space that spaCy's tokenizer is given at once
_NEAR = 50  # how far back from a piece's limit a cut after punctuation is looked for


class PiecewiseTokenizer:
    """spaCy's tokenizer, given long whitespace-free runs in pieces; the rest is
    delegated (``vocab``, ``explain``, ``memory_zone``, serialization ...)."""

    def __init__(self, tokenizer, max_run: int = MAX_RUN):
        self.tokenizer = tokenizer
        self.max_run = max_run
        self._long = re.compile(r"\S{%d,}" % (max_run + 1))

    def __call__(self, text: str) -> Doc:
        cuts = self.cuts(text)
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:])]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def cuts(self, text: str) -> list[int]:
        """Where ``text`` is cut: inside each run longer than ``max_run``, every
        ``max_run`` characters or just after the last punctuation mark before that."""
        cuts = []
        for match in self._long.finditer(text):
            start, end = match.span()
            while end - start > self.max_run:
                limit = start + self.max_run
                cut = next(
                    (i + 1 for i in range(limit - 1, max(start, limit - _NEAR), -1) if _is_punct(text[i])),
                    limit,
                )
                cuts.append(cut)
                start = cut
        return cuts

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (a copy being made): no endless lookup
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def bound_tokenizer(nlp: Language, max_run: int = MAX_RUN) -> bool:
    """Give ``nlp`` the piecewise tokenizer (once); True when it has it."""
    if not isinstance(nlp.tokenizer, PiecewiseTokenizer):
        nlp.tokenizer = PiecewiseTokenizer(nlp.tokenizer, max_run)
    return True
