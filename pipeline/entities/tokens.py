"""A doc's tokens as plain lists, read once per doc for the entities component's tests."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_TITLE, LOWER, ORTH, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span

from pipeline.document.access import doc_text
from pipeline.entities.aliases import TitleWords


class TokenArrays:
    """A doc's text and its tokens' ORTH, LOWER, POS and IS_TITLE, read once as lists (a
    Token object per test costs more): ``self.pos[i]`` is ``doc[i].pos``; ``self.title[i]``
    is :meth:`EntityExtractor._is_title` of ``doc[i]``."""

    __slots__ = ("text", "array", "orth", "lower", "pos", "is_title", "title")

    def __init__(self, doc: Doc, title_words: TitleWords):
        self.text = doc_text(doc)
        self.array = (
            doc.to_array([ORTH, LOWER, POS, IS_TITLE])
            if len(doc)
            else numpy.zeros((0, 4), dtype=numpy.uint64)
        )
        self.orth, self.lower, self.pos, self.is_title = self.array.T.tolist()
        self.title = [pos != VERB and title_words[lower] for lower, pos in zip(self.lower, self.pos)]

    def text_of(self, span: Span) -> str:
        """``span.text`` (which joins its tokens)."""
        return self.text[span.start_char : span.end_char]
