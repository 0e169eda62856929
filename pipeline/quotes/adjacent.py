"""Quotations attributed without a frame around them: the cue next to the marks, a
speaker after a colon, and quotations that go on with the last speaker.

- ``"...," said Xi`` / ``Xi said: "..."``: :func:`speaker_near` finds the speaker of a cue
  after the closing mark; any verb there with a person next to it tells how it was said
  (``"...," fretted Abdullahi``: :func:`manner_of_speaking`); a cue that reports a clause of its own (:func:`says_more`) or a
  title in marks (``told NBC's "Meet the Press"``: :func:`part_of_a_phrase`) is not the
  quotation's; ``Sergei Ryabkov, RIA Novosti: "..."``: :func:`colon_speaker`;
- :func:`continuation`: a quotation that is its own paragraph or sentence right after what
  someone said (a quotation, or an indirect quote just before), or that opens a sentence in
  the first person, goes on with that speaker;
- :func:`verbless_lead`: a run-in heading before a quotation does not make it mixed.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from pipeline.quotes.cues import Frame, subject_of
from pipeline.quotes.marks import QuotePair
from pipeline.quotes.speakers import ArticleSpeakers
from pipeline.quotes.subjects import fronted_participle

_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_CONNECTIVE = re.compile(r"(?<=[.!?”\"])\s+(?:But|And|Still|Yet|So)$")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s|[Mm]e)\b")


def speaker_near(cue: Token, between: list[Token], speakers: ArticleSpeakers, doc: Doc, strong: bool = False):
    subject = subject_of(cue)
    if (
        subject is not None
        and subject.i > cue.i - 12
        and (speakers.is_speaker_like(subject) or strong and subject.pos_ in ("NOUN", "PROPN"))
    ):
        return subject
    nouns = [t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON") and speakers.is_speaker_like(t)]
    if nouns:
        return nouns[-1]
    j = cue.i + 1
    head = None
    while j < len(doc) and j <= cue.i + 6 and doc[j].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
        if speakers.is_speaker_like(doc[j]):
            head = doc[j]
        j += 1
    return head


_PERSONAL = {"he", "she", "they"}
_OBJECTS = {"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "acomp"}


def manner_of_speaking(doc: Doc, close_tok: Token, verb: Token, speakers: ArticleSpeakers) -> Optional[Token]:
    """``"I am not ready to leave," fretted Muslima Abdullahi``, ``"...," she sighed``: any
    verb right after the closing mark of a quotation that ends with a comma (or ``?``, ``!``),
    with a person for its subject next to it and no object of its own, tells how the
    quotation was said: its subject speaks."""
    gap = verb.i - close_tok.i - 1
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or gap > 2 or any(c.i > verb.i and c.dep_ in _OBJECTS for c in verb.children):
        return None  # '"...," the protesters burned the flag': an act of its own
    subject = subjects[0]
    if gap and not (subject.i < verb.i and subject.left_edge.i == close_tok.i + 1):
        return None  # '"...," she fretted': the subject between, and only it
    if not gap and not (subject.i > verb.i and doc[verb.i + 1].pos_ in ("PROPN", "PRON", "DET")):
        return None  # '"...," fretted Abdullahi': the subject right after
    ent = speakers.ent_at.get(subject.i)
    lemma = subject.lemma_.lower()
    person = (
        ent is not None
        and ent["label"] == "PERSON"
        or subject.lower_ in _PERSONAL
        or ent is None
        and (lemma in speakers.lex.person_nouns or lemma in speakers.lex.roles)
    )
    return subject if person else None


def says_more(cue: Token) -> bool:
    """The cue reports a clause after it, with a subject of its own (not the cue's
    inverted one, ``said Kristian, who ...``), outside marks (not the rest of a split
    quotation): the quotation before is not what it says."""
    doc = cue.doc
    return any(
        c.dep_ == "ccomp"
        and c.i > cue.i
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in ("nsubj", "nsubjpass") and g.i > cue.i + 1 for g in c.children)
        and not any(doc[j].is_quote for j in range(cue.i + 1, c.left_edge.i + 1))
        for c in cue.children
    )  # '"I don't think," Smith said, "that the plan will work."': the quotation goes on


def part_of_a_phrase(doc: Doc, pair: QuotePair, cue: Token) -> bool:
    """The quotation is a name in a noun phrase (``told NBC's "Meet the Press"``: after a
    possessive) or hangs on a word other than the cue."""
    span = doc.char_span(pair.start, pair.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span.start >= 2 and (
        doc[span.start - 2].tag_ == "POS" or doc[span.start - 2].text in ("’s", "'s", "’")
    ):
        return True
    heads = {t.head.i for t in span if not (span.start <= t.head.i < span.end)}
    if fronted_participle(cue):  # 'While noting “...,” Rasmussen expressed': hung on the main verb
        heads.discard(cue.sent.root.i)
    return bool(heads) and cue.i not in heads


def colon_speaker(doc: Doc, start: int, colon: int, speakers: ArticleSpeakers):
    """``Sergei Ryabkov, RIA Novosti: "..."``: a name (and its outlet or title) without a
    verb opens the sentence, then a colon: the name speaks, the colon is the cue."""
    if colon - start > 12 or doc[colon].text != ":" or colon == start:
        return None
    if any(doc[j].pos_ in ("VERB", "AUX") for j in range(start, colon)):
        return None
    first = doc[start]
    ent = speakers.ent_at.get(first.i)
    if ent is None or ent["label"] != "PERSON":
        return None
    end = start
    while end + 1 < colon and speakers.ent_at.get(end + 1) is ent:
        end += 1
    return doc[colon], doc[end]  # the name's last word


def short_tail(doc: Doc, j: int) -> bool:
    """``"...." Xi said.``: the cue clause closes the sentence within a few tokens."""
    for k in range(j + 1, min(len(doc), j + 4)):
        if doc[k].text == ".":
            return True
    return False


def continuation(text: str, pair: QuotePair, last: dict) -> Optional[dict]:
    """A quotation that is its own paragraph or sentence right after a quotation, or that
    opens a sentence and speaks in the first person ("“We hope we’ll round up the cartels”
    while there is a pause"): the same speaker goes on."""
    if (
        last.get("speaker_text") is None
        or last["kind"] == "indirect"
        and not _next_sentence(text, last, pair)
    ):
        return None
    gap = text[last["end"] : pair.open]
    if len(gap) > 400 or gap.count("\n") > 4:
        return None
    before = text[max(0, pair.open - 40) : pair.open].rstrip(" \t")
    before = before if before or pair.open <= 40 else " "
    before = _CONNECTIVE.sub("", before)  # 'But “President Trump ... is the most prominent dissenter.”'
    after = text[pair.close + 1 : pair.close + 41].lstrip(" \t")
    closed = after[:1] in (".", "!", "?")  # '..."."': the full stop after the closing mark
    if closed:
        after = after[1:].lstrip(" \t")
    starts_unit = before == "" or before.endswith(("\n", ".", "!", "?", "”", '"'))
    ends_unit = (
        after == ""
        or after.startswith("\n")
        or (closed or text[pair.start : pair.end].rstrip().endswith((".", "!", "?")))
        and (after[:1].isupper() or after[:1] in ("“", '"'))
    )
    content = text[pair.start : pair.end]
    if not (starts_unit and (ends_unit or _FIRST_PERSON.search(content))) or len(content.split()) < 4:
        return None
    item = dict(last)
    item.update(
        text=text[pair.start : pair.end],
        start=pair.start,
        end=pair.end,
        kind="direct",
        cue=None,
        cue_start=None,
        cue_end=None,
    )
    return item


def _next_sentence(text: str, last: dict, pair: QuotePair) -> bool:
    """The quotation opens the sentence right after the one an indirect quote ends
    ("X told VOA that the song is shared with the report. “He’s combined all ...”")."""
    gap = text[last["end"] : pair.open]
    return len(gap) < 150 and len(_SENTENCE_BREAK.findall(gap)) == 1 and gap.rstrip().endswith(".")


def verbless_lead(doc: Doc, frame: Frame, pair: QuotePair) -> bool:
    """``Emergency situation "So far, it's no foot on the ground," Hayat told VOA``: before
    the quotation the content has no verb, and the quoted clause has a subject of its own
    (a heading the text runs into; ``Mhlanga's arrest "has had ..."`` is mixed)."""
    if not frame.content_first or frame.start >= pair.open or pair.close + 1 < frame.end:
        return False
    lead = doc.char_span(frame.start, pair.open, alignment_mode="contract")
    if lead is None or not len(lead) or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return False
    head = lead.root.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and pair.open < c.idx < pair.close and c.i != lead.root.i
        for c in head.children
    )
