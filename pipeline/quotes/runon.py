"""Unquoted speech after a colon that runs over several sentences.

``The minister said: The talks were frank. Both sides agreed to meet again.`` The parse
ends the content with its first sentence; the speech goes on while the sentences after it
stay in the paragraph and none has a quotation mark or a verb of saying of its own
("said", "told": a new attribution): to the paragraph's end when it ends within
``MAX_SENTENCES``, or, after an announcing phrase ("in the following words:", "as
follows:"), for ``MAX_SENTENCES`` at most.

>>> run_on(doc, frame_end_token, colon_token, cue_lemmas)   # doctest: +SKIP
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.document.access import doc_text, sent_bounds

MAX_SENTENCES = 4
_ANNOUNCING = {"following", "follows"}


def _speaks(doc: Doc, lo: int, hi: int, cue_lemmas: set[str]) -> bool:
    """The sentence ``lo:hi`` has a quotation mark or a verb of saying of its own."""
    return any(
        doc[j].is_quote
        and doc[j].text not in ("'", "’")
        or doc[j].pos_ == "VERB"
        and doc[j].lemma_.lower() in cue_lemmas
        for j in range(lo, hi)
    )


def run_on(doc: Doc, last: int, colon: Token, cue_lemmas: set[str]) -> int:
    """The last token of colon-introduced content whose parse ends at token ``last``
    (``cue_lemmas``: the verbs that start an attribution of their own)."""
    if colon.text != ":" or any(doc[j].is_quote for j in range(colon.i + 1, min(len(doc), colon.i + 3))):
        return last
    text = doc_text(doc)
    start = sent_bounds(doc, colon.i)[0]
    announced = any(doc[j].lower_ in _ANNOUNCING for j in range(start, colon.i))
    _lo, end = sent_bounds(doc, last)
    if end - last > 2:  # the content stops before its sentence does
        return last
    ends: list[int] = []
    while end < len(doc) and len(ends) < MAX_SENTENCES:
        lo, hi = sent_bounds(doc, end)
        if "\n" in text[doc[end - 1].idx : doc[lo].idx] or _speaks(doc, lo, hi, cue_lemmas):
            break
        ends.append(hi - 1)
        end = hi
    if not ends:
        return last
    paragraph_ends = end >= len(doc) or "\n" in text[doc[end - 1].idx : doc[end].idx]
    if announced or paragraph_ends:
        return ends[-1]
    return last
