"""Document structure before parsing: dateline, headings and paragraphs.

Runs before the parser and presets sentence boundaries, which spaCy's parser respects:
a paragraph break always starts a sentence, a dateline is its own sentence, and an
all-caps heading (``HEAD-OF-STATE DIPLOMACY``) is a sentence of its own that no
neighbouring sentence runs into. Heading and dateline spans go to
``doc.spans["communique_headings"]`` and ``doc.spans["communique_dateline"]`` so that
later components can skip them.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.document.access import doc_text, register_extensions
from pipeline.document.front_matter import find_headings, parse_front_matter

_LINE_BREAK = re.compile(r"[\r\n]+")
MAX_SENTENCE_TOKENS = 250  # longer runs get a preset break: keeps the parser linear
HEADINGS_KEY = "communique_headings"
DATELINE_KEY = "communique_dateline"


class DocumentStructure:
    """Presets sentence starts (line breaks, front matter, headings, long runs) and stores
    the heading and dateline spans."""

    def __init__(
        self,
        nlp: Language,
        name: str = "communique_structure",
        max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    ):
        self.name = name
        self.max_sentence_tokens = max_sentence_tokens

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cuts: set[int] = set()
        inside: set[int] = set()
        if "\n" in text or "\r" in text:
            starts = doc.to_array([IDX])
            breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
            # the token holding each line break (whitespace tokens hold them) ends a sentence
            cuts.update((numpy.searchsorted(starts, breaks, side="right")).tolist())
        title_spans, dateline_spans = _front_matter_spans(doc, text)
        heading_spans = self._spans(doc, find_headings(text) + title_spans, cuts, inside)
        doc.spans[HEADINGS_KEY] = heading_spans
        doc.spans[DATELINE_KEY] = self._spans(doc, dateline_spans, cuts, inside)
        cuts |= _long_run_cuts(doc, cuts, self.max_sentence_tokens)
        _preset_sentence_starts(doc, [i for i in cuts - inside if 0 < i < len(doc)], list(inside))
        return doc

    @staticmethod
    def _spans(doc: Doc, char_spans, cuts: set[int], inside: set[int]) -> list:
        """Token spans for ``char_spans``, each made a sentence of its own."""
        spans = []
        for start, end in char_spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
                cuts.update((span.start, span.end))
                inside.update(range(span.start + 1, span.end))
        return spans


def _preset_sentence_starts(doc: Doc, starts: list[int], inside: list[int]) -> None:
    """``doc[i].is_sent_start = True`` for ``starts`` and ``= False`` for ``inside``, in
    one array write: spaCy's setter checks the whole doc for a parse on every call, which
    is quadratic in a text of many lines or headings."""
    if not starts and not inside:
        return
    first = starts[0] if starts else inside[0]
    doc[first].is_sent_start = bool(starts)  # spaCy's check (no parse yet), once
    flags = doc.to_array([SENT_START])
    flags[starts] = 1
    flags[inside] = numpy.uint64(2**64 - 1)  # -1, not a start, as spaCy stores it
    doc.from_array([SENT_START], flags)


def _front_matter_spans(doc: Doc, text: str) -> tuple[list, list]:
    """Title and dateline spans: from the reading context when the reader set one
    (``pipeline.run.records.prepare_doc``), else parsed here (a Doc made by ``nlp(text)``)."""
    meta = doc._.communique_meta if Doc.has_extension("communique_meta") else None
    if meta and "title_spans" in meta:
        return meta["title_spans"], meta["dateline_spans"]
    front = parse_front_matter(text)
    return front.title_spans, front.dateline_spans


_SENTENCE_END = {".", "!", "?", "…"}
_CLOSING = {"”", '"', "’", "»", ")"}


def _long_run_cuts(doc: Doc, cuts: set[int], limit: int) -> set[int]:
    """Extra sentence starts so that no run between breaks exceeds ``limit`` tokens: after
    the last full stop in the second half of each window (a text whose paragraphs were
    joined in one line keeps its sentences whole), else at the limit.

    spaCy's parser slows down badly on very long "sentences" (a 20,000-token run of
    quotation marks takes minutes); real sentences are far shorter than ``limit``.
    """
    extra, last = set(), 0
    for cut in sorted(cuts | {len(doc)}):
        while cut - last > limit:
            last = _sentence_end_before(doc, last + limit, last + limit // 2)
            extra.add(last)
        last = max(last, cut)
    return extra


def _sentence_end_before(doc: Doc, hi: int, lo: int) -> int:
    """The start of a sentence at or before token ``hi`` and after ``lo``: the token after
    a full stop (and its closing mark) followed by a capital; else ``hi``."""
    for i in range(hi, lo, -1):
        prev = doc[i - 1].text
        j = i - 2 if prev in _CLOSING else i - 1
        if j >= 0 and doc[j].text in _SENTENCE_END and doc[i].text[:1].isupper():
            return i
    return hi


@Language.factory(
    "communique_structure",
    # doc.spans: HEADINGS_KEY and DATELINE_KEY. Nothing is required from an earlier
    # component: it reads only the tokens, and doc._.communique_meta when the reader set it.
    assigns=["token.is_sent_start", "doc.spans"],
    requires=[],
    default_config={"max_sentence_tokens": MAX_SENTENCE_TOKENS},
)
def make_structure(nlp: Language, name: str, max_sentence_tokens: int) -> DocumentStructure:
    """``max_sentence_tokens``: the longest run of tokens left without a preset sentence start."""
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return DocumentStructure(nlp, name, max_sentence_tokens=max_sentence_tokens)
