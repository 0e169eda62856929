"""``according to X``: X is the source of the clause before, after or around the phrase.

- before: ``According to the ministry, the talks will resume`` (capitalised, it opens the
  sentence even after a heading the text runs into it);
- after: ``The talks will resume, according to the Global Terrorism Index 2025.``;
- inside a main clause, set off by commas: ``The deal, according to two officials, is close
  to being signed`` (the sentence, the phrase inside it, as with ``The talks, he said, were
  productive``);
- inside a relative clause: ``Barnier, who according to some French media outlets is
  considering challenging Macron, ...``: the rest of the clause (``is considering ...``).

Any noun phrase is a source (a person, an institution, a report, an index, "data").
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from pipeline.document.access import sent_bounds

Found = tuple[Token, int, int, int, bool, bool]  # source, cue end, content bounds, first, inside


def according_to(doc: Doc, tok: Token) -> Optional[Found]:
    """The source, the cue's end and the content of ``according`` at ``tok`` (see the module)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or source.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    sent_start, sent_end = sent_bounds(doc, tok.i)
    lo, hi = tok.i, max(tok.right_edge.i, to.right_edge.i)
    if tok.text == "According" or all(doc[j].is_punct for j in range(sent_start, lo)):  # a heading
        # the sentence splitter joined to it ("BLA surges According to ...") starts no content
        start = hi + 1
        while start < sent_end and doc[start].is_punct:
            start += 1
        return source, to.i + 1, start, sent_end - 1, False, False
    if all(doc[j].is_punct or doc[j].is_space for j in range(hi + 1, sent_end)):
        return source, to.i + 1, sent_start, lo - 1, True, False
    head = tok.head
    if head.dep_ == "relcl" and head.i > hi:  # "who according to some outlets is considering ..."
        return source, to.i + 1, hi + 1, head.right_edge.i, False, False
    if doc[lo - 1].text == "," and hi + 1 < sent_end and doc[hi + 1].text == ",":
        return source, to.i + 1, sent_start, sent_end - 1, False, True
    return None
