"""Cue frames: a verb of saying, its speaker and the content it reports, from the parse.

A :class:`Frame` is one act of saying found by its cue (lexicon in
``patterns/quote_cues.json``):

- a clause verb with a clausal complement, content after (``X stated that ...``,
  ``X told Y ...``) or before (``..., X said during his talks with Y``);
- a parenthetical (``Just as X noted, ...``, ``..., the ministry said.``, ``..., lawyer
  Linda Dakin-Grimm told VOA.``);
- a frame verb with its particle or object (``X called for ...``, ``X urged Y to ...``,
  ``Calling on Y to ...``);
- a nominal cue (``X expressed the hope that ...``);
- ``according to X, ...``.

:mod:`pipeline.quotes.component` then decides whether a frame is indirect speech or carries a
quotation (direct when the quotation is the whole content, mixed when it is a part).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.tokens import Doc, Token

from pipeline.document.access import doc_text, in_table, sent_bounds, sorted_ids
from pipeline.patterns import PATTERNS_DIR
from pipeline.quotes.according import according_to
from pipeline.quotes.bounds import (
    after_fronted_adverbial,
    clause_end,
    fronted_start,
    modal_conjuncts_end,
    relative_that_clause,
)
from pipeline.quotes.objects import (
    characterized,
    infinitive_content,
    misattached_content,
    nominal_content,
    noun_frame,
    object_clause,
    object_content,
)
from pipeline.quotes.runon import run_on
from pipeline.quotes.subjects import (
    apposition_verb,
    clause_before,
    closes_sentence,
    higher_coordination,
    reduced_relative,
    subject_of,
    tail_speaker,
)

__all__ = ["CueLexicon", "Frame", "FrameFinder", "subject_of"]

CUES_PATH = PATTERNS_DIR / "quote_cues.json"
_TRIM = {".", ",", ";", ":", "—", "–", "-", "“", "”", '"', "‘", "’", "'", "«", "»", "(", ")"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_LEAD = {"that", ",", ":", "—", "–"}
_SKIP_DEPS = {"amod", "compound", "nmod", "acl", "pobj", "dobj", "nsubj", "nsubjpass", "attr"}


@dataclass
class Frame:
    cue_start: int  # token index of the cue (first token)
    cue_end: int  # token index after the cue (particle included)
    speaker: Optional[Token]
    start: int  # content, char offsets, trimmed
    end: int
    content_first: bool = False
    cue_inside: bool = False  # "The talks, he said, were productive"


class CueLexicon:
    """Cue words, loaded once; hashes for a vectorised first pass over the Doc."""

    def __init__(self, vocab, path: Path = CUES_PATH):
        data = json.loads(path.read_text(encoding="utf-8"))
        self.clause = set(data["clause"])
        self.direct = set(data["direct"])
        self.particles = {k: set(v) for k, v in data["particles"].items()}
        self.frames = data["frames"]
        self.nominal = set(data["nominal"])
        self.nominal_verbs = set(data["nominal_verbs"])
        self.documents = set(data["documents"])
        self.strong = set(data["strong"])
        self.weak = set(data["weak"])
        self.nominal_preps = set(data["nominal_preps"])
        self.characterize = set(data["characterize"])
        self.object_speech = set(data["object_speech"])
        self.infinitive_claims = set(data["infinitive_claims"])
        self.speech_nouns = set(data["speech_nouns"])
        self.gerund_speech = set(data["gerund_speech"])
        self.speech_acts = set(data["speech_acts"])
        self.question_verbs = set(data["question_verbs"])
        self.mandative = set(data["mandative"])
        words = self.clause | self.direct | set(self.frames) | self.nominal_verbs | {"put"}
        words |= self.characterize | self.object_speech | self.infinitive_claims | self.speech_nouns
        words |= self.gerund_speech
        self.lemma_hashes = sorted_ids(vocab.strings.add(w) for w in words)
        self.according_hash = vocab.strings.add("according")
        self.gerund_hash = vocab.strings.add("VBG")

    def candidates(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Token indices that may be cues (lemma in the lexicon or ``according``), and
        those tagged ``VBG`` (where an "..., adding that" clause may start a new frame)."""
        if len(doc) == 0:
            return [], []
        arr = doc.to_array([LEMMA, LOWER, TAG])
        hit = in_table(arr[:, 0], self.lemma_hashes) | (arr[:, 1] == self.according_hash)
        return numpy.flatnonzero(hit).tolist(), numpy.flatnonzero(arr[:, 2] == self.gerund_hash).tolist()


def _speaking_participle(tok: Token) -> bool:
    """``Western nations alleging that ...``: a participle that modifies its speaker and
    reports a clause."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and tok.head.i < tok.i
        and any(c.dep_ == "ccomp" or c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def _participle(tok: Token) -> bool:
    """``..., calling for joint efforts``: a participle without auxiliary, not a clause verb."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ != "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    )


def _after_quotation(doc: Doc, lo: int, cue: int) -> bool:
    """The cue's phrase (from token ``lo``) follows a closing quotation mark."""
    j = lo
    while j < cue and doc[j].is_punct:
        j += 1
    return any(doc[k].is_quote for k in range(max(0, lo - 1), j))


def _first_conjoined(doc: Doc, clauses: list[Token]) -> int:
    """The first token of the clauses before a cue that follow one another joined by
    ``and`` or punctuation only (``"Roads have complicated access," and "significant amounts"
    of money have gone to repairs, Jusnes said``: both are said)."""
    lo = clauses[-1].left_edge.i
    for earlier in reversed(clauses[:-1]):
        if not all(doc[j].is_punct or doc[j].dep_ == "cc" for j in range(earlier.right_edge.i + 1, lo)):
            break
        lo = earlier.left_edge.i
    return lo


def _indicative_without_that(clause: Token) -> bool:
    """``Chinese demand The changes ... have come with consequences`` (a run-in heading): a
    verb of demanding takes a clause in the subjunctive (``demanded the troops leave``) or
    after ``that``; an indicative clause without ``that`` is not what is demanded."""
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        g.dep_ in ("aux", "auxpass") and g.tag_ in ("VBD", "VBZ", "VBP", "MD") for g in clause.children
    )


def _comma_at(doc: Doc, positions: tuple[int, ...], start: int, end: int) -> bool:
    """A comma at one of ``positions`` inside the sentence ``start:end``."""
    return any(start <= j < end and doc[j].text == "," for j in positions)


class FrameFinder:
    def __init__(self, lexicon: CueLexicon):
        self.lex = lexicon

    def find(
        self, doc: Doc, candidates: list[int], gerunds: list[int], is_speaker_like, inside_quote
    ) -> list[Frame]:
        """The frames of the cue ``candidates`` outside quotations (``gerunds``: see
        :meth:`CueLexicon.candidates`)."""
        frames = []
        for i in candidates:
            tok = doc[i]
            if inside_quote(tok.idx) or tok.ent_type_ in _NAME_ENTS:
                continue  # "Sayed Abdul Wajeed Sadat told VOA": a name, not "say"
            frame = self._frame(doc, tok, is_speaker_like, gerunds)
            if (
                frame is not None
                and not frame.cue_inside
                and frame.speaker is not None
                and frame.speaker.i > tok.i
                and (
                    frame.start < frame.speaker.idx < frame.end
                    or tok.dep_ == "advcl"
                    and frame.speaker.head.i == tok.head.i
                )
            ):
                frame = self._clamp(doc, frame)  # "Calling on X to ..., Xi elaborated"
            if frame is not None and frame.end - frame.start >= 3:
                frames.append(self._colon_run_on(doc, frame))
        return frames

    def _colon_run_on(self, doc: Doc, frame: Frame) -> Frame:
        """``said: The talks were frank. Both sides agreed ...``: see :mod:`runon`."""
        first = doc.char_span(frame.start, frame.end, alignment_mode="expand")
        if first is None or first.start == 0 or frame.content_first:
            return frame
        last = run_on(doc, first.end - 1, doc[first.start - 1], self.lex.strong)
        if last == first.end - 1:
            return frame
        found = self._make(doc, frame.cue_start, frame.cue_end, frame.speaker, first.start, last)
        return found if found is not None else frame

    # ------------------------------------------------------------------ one cue

    def _frame(self, doc: Doc, tok: Token, is_speaker_like, gerunds: list[int]) -> Optional[Frame]:
        if tok.lower_ == "according":
            return self._according(doc, tok)
        if tok.pos_ == "NOUN":
            found = noun_frame(self.lex, tok, is_speaker_like)  # "Trump's announcement that ..."
            return self._make(doc, tok.i, tok.i + 1, *found) if found is not None else None
        if (
            tok.pos_ not in ("VERB",)
            or tok.dep_ in _SKIP_DEPS
            and not _speaking_participle(tok)
            and apposition_verb(tok) is None
        ):
            return None
        lemma = tok.lemma_.lower()
        if lemma == "put" and not any(c.lower_ == "it" and c.dep_ == "dobj" for c in tok.children):
            return None
        if lemma in self.lex.clause and any(c.dep_ == "neg" for c in tok.children):
            return None  # "The minister did not say when the plan would be released": nothing said
        speaker = subject_of(tok)
        misattached = None
        if speaker is not None and lemma in self.lex.clause and not is_speaker_like(speaker):
            misattached = misattached_content(doc, tok, speaker)  # "but also said the base's ..."
            if misattached is not None:
                speaker = subject_of(tok.head) if tok.dep_ == "conj" else None
        if speaker is not None and not is_speaker_like(speaker) and lemma in self.lex.clause:
            speaker = higher_coordination(tok, is_speaker_like) or speaker  # "... and maintain that"
        if (speaker is None or not is_speaker_like(speaker)) and lemma in self.lex.clause:
            tail = tail_speaker(tok, is_speaker_like)  # "..., Glenn Jusnes, a spokesperson, told VOA."
            if tail is not None:
                return self._make(doc, tok.i, tok.i + 1, tail[0], sent_bounds(doc, tok.i)[0], tail[1], True)
        if speaker is None or not (is_speaker_like(speaker) or self.nominal_speaker(lemma, speaker)):
            return None
        if speaker.lemma_.lower() in self.lex.documents and (
            lemma in self.lex.weak or tok.dep_ == "relcl" and lemma not in self.lex.strong
        ):
            return None  # "a report that suggested ...", "a declaration which calls for ...":
            # what a text says, described, not reported
        cue_end = tok.i + 1
        kids = list(tok.children)
        for child in kids:
            if child.dep_ == "prt" and child.lower_ in self.lex.particles.get(lemma, ()):
                cue_end = max(cue_end, child.i + 1)
        if misattached is not None:
            return self._make(doc, tok.i, cue_end, speaker, *misattached)
        if lemma in self.lex.clause:
            comps = [
                c
                for c in kids
                if self._is_clause(c, tok, lemma in self.lex.speech_acts, lemma in self.lex.question_verbs)
                and not (lemma in self.lex.mandative and _indicative_without_that(c))
            ]
            relative = relative_that_clause(tok)  # "told a radio station that Joseph had ..."
            right = sorted([c for c in comps if c.i > tok.i] + ([relative] if relative is not None else []))
            left = [c for c in comps if c.i < tok.i]
            if right:
                first = right[0]
                hi = clause_end(doc, self.lex, first, right[-1], gerunds)
                hi = modal_conjuncts_end(doc, tok, hi)
                return self._make(doc, tok.i, cue_end, speaker, fronted_start(doc, tok, first), hi)
            if (
                left
                and speaker.i > left[-1].right_edge.i
                and not reduced_relative(speaker)
                and not any(doc[j].text in (":", ";") for j in range(left[-1].right_edge.i + 1, speaker.i))
            ):  # "..., there is one area where they score high: 91 percent reported ...": not what they said
                comp = left[-1]
                sent_start = sent_bounds(doc, tok.i)[0]
                lo = _first_conjoined(doc, left)  # '"...," and "..." of money have gone ..., Jusnes said
                if all(doc[j].is_punct or doc[j].is_space for j in range(sent_start, lo)):
                    lo = sent_start
                return self._make(doc, tok.i, cue_end, speaker, lo, comp.right_edge.i, True)
        content = characterized(self.lex, doc, tok)  # 'described the jailbreak as "deplorable"'
        if (
            content is None
            and lemma in self.lex.frames
            and (not _participle(tok) or self.lex.frames[lemma].get("participle"))
        ):
            frame = self._object_frame(doc, tok, lemma, speaker)
            if frame is not None:
                return frame
        for find in (object_content, infinitive_content, nominal_content, object_clause):
            if content is None:
                content = find(self.lex, tok)
        if content is not None:
            return self._make(doc, tok.i, cue_end, speaker, *content)
        if lemma in self.lex.clause or lemma == "put":
            return self._parenthetical(doc, tok, cue_end, speaker, is_speaker_like)
        return None

    def nominal_speaker(self, lemma: str, subject: Token) -> bool:
        """Any noun phrase that ``said`` something speaks (``The online retailer said``)."""
        return lemma in self.lex.strong and subject.pos_ in ("NOUN", "PROPN")

    @staticmethod
    def _is_clause(c: Token, head: Token, needs_that: bool = False, question: bool = False) -> bool:
        """A clausal complement; ``needs_that``: only with ``that`` (a speech act:
        "criticized that ...", not "rejected the idea migration can ..."); ``question``: an
        indirect question too ("asked the nominee if ...")."""
        if (
            question
            and c.i > head.i
            and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)
        ):
            return True
        if needs_that:
            return c.i > head.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        if c.dep_ == "ccomp":  # "noted that underfunding cuts into ...": "cuts" read as a noun
            return c.pos_ in ("VERB", "AUX") or any(
                g.dep_ in ("nsubj", "nsubjpass") or g.dep_ == "mark" and g.lower_ == "that"
                for g in c.children
            )
        if c.dep_ in ("advcl", "dobj", "xcomp", "parataxis", "conj") and c.i > head.i:
            return any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        return False

    def _object_frame(self, doc: Doc, tok: Token, lemma: str, speaker: Token) -> Optional[Frame]:
        spec = self.lex.frames[lemma]
        kids = list(tok.children)
        xcomps = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i]
        with_inf = spec.get("preps_with_infinitive", [])
        for prep in kids:
            if prep.dep_ not in ("prep", "prt") or prep.i <= tok.i:
                continue
            if spec.get("adjacent") and prep.i != tok.i + 1:
                continue
            later = [x for x in xcomps if x.i > prep.i]
            if not (prep.lower_ in spec["preps"] or prep.lower_ in with_inf and later):
                continue
            if not any(c.dep_ == "pobj" for c in prep.children):
                continue
            end = max(
                [prep.right_edge.i]
                + [x.right_edge.i for x in later]
                + [
                    c.right_edge.i
                    for c in kids
                    if c.i > prep.i and c.dep_ == "prep" and c.lower_ in ("as", "of", "with", "to", "between")
                ]
            )
            cue_end = prep.i + 1 if prep.i == tok.i + 1 else tok.i + 1  # "called for"
            return self._make(doc, tok.i, cue_end, speaker, prep.i + 1, end)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "dative") and c.i > tok.i), None)
        if dobj is not None and xcomps and spec["infinitive"]:
            return self._make(doc, tok.i, tok.i + 1, speaker, dobj.left_edge.i, xcomps[-1].right_edge.i)
        if (
            xcomps
            and spec["infinitive"]
            and not spec.get("infinitive_needs_object")  # "who asked not to be named": no quote
            and any(g.lower_ == "to" for g in xcomps[0].lefts)
        ):
            return self._make(doc, tok.i, tok.i + 1, speaker, xcomps[0].left_edge.i, xcomps[-1].right_edge.i)
        if dobj is not None and spec["object"]:
            return self._make(doc, tok.i, tok.i + 1, speaker, dobj.left_edge.i, dobj.right_edge.i)
        return None

    def _parenthetical(
        self, doc: Doc, tok: Token, cue_end: int, speaker: Token, is_speaker_like
    ) -> Optional[Frame]:
        """``Just as X noted, <content>``; ``<content>, X said.``; ``X noted, <content>``."""
        sent_start, sent_end = sent_bounds(doc, tok.i)
        sub_lo, sub_hi = tok.left_edge.i, tok.right_edge.i
        has_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        if (
            tok.dep_ == "advcl"
            and has_as
            or (tok.dep_ == "ROOT" and sub_hi + 1 < sent_end and doc[sub_hi + 1].text in (",", ":"))
            or (tok.dep_ in ("ccomp", "parataxis") and sub_hi + 1 < sent_end and doc[sub_hi + 1].text == ":")
        ):
            lo = sub_hi + 1
            while lo < sent_end and doc[lo].is_punct:
                lo += 1
            if tok.dep_ != "advcl" and sub_lo != sent_start:
                return None  # "He summarized the meeting in the following words: ..." opens it
            return self._make(doc, tok.i, cue_end, speaker, lo, sent_end - 1, needs_verb=True)
        if tok.dep_ == "parataxis" and sub_hi >= sent_end - 2 and sub_lo > sent_start:
            hi = sub_lo - 1
            return self._make(doc, tok.i, cue_end, speaker, sent_start, hi, True, needs_verb=True)
        if (
            tok.dep_ == "parataxis"
            and sub_lo > sent_start
            and sub_hi + 2 < sent_end
            and not _after_quotation(doc, sub_lo, tok.i)  # '"...," the spokesperson added, further'
            and _comma_at(doc, (sub_lo, sub_lo - 1), sent_start, sent_end)
            and _comma_at(doc, (sub_hi, sub_hi + 1), sent_start, sent_end)
        ):
            if after_fronted_adverbial(doc, tok, sub_hi):  # "Still, Neth says, opinions remain ..."
                lo = sub_hi + 1
                while lo < sent_end and doc[lo].is_punct:
                    lo += 1
                return self._make(doc, tok.i, cue_end, speaker, lo, sent_end - 1, needs_verb=True)
            # "The talks, he said, were productive": the sentence around the parenthetical
            return self._make(
                doc, tok.i, cue_end, speaker, sent_start, sent_end - 1, needs_verb=True, cue_inside=True
            )
        comma = speaker.left_edge.i - 1
        if (
            tok.dep_ == "ROOT"
            and sent_start + 1 < comma < speaker.i < tok.i
            and not reduced_relative(speaker)  # "..., a charge Kigali denies."
            and doc[comma].text == ","
            and not _after_quotation(doc, comma, speaker.i)
            and closes_sentence(tok, is_speaker_like)
            and clause_before(doc, sent_start, comma - 1)
        ):  # "Green cards can be revoked, immigration lawyer Linda Dakin-Grimm told VOA.": the
            # clause before the speaker, which the parser hung on something else
            return self._make(doc, tok.i, cue_end, speaker, sent_start, comma - 1, True, needs_verb=True)
        return None

    def _according(self, doc: Doc, tok: Token) -> Optional[Frame]:
        found = according_to(doc, tok)
        if found is None:
            return None
        source, cue_end, lo, hi, first, inside = found
        return self._make(doc, tok.i, cue_end, source, lo, hi, first, needs_verb=True, cue_inside=inside)

    # ------------------------------------------------------------------ spans

    def _clamp(self, doc: Doc, frame: Frame) -> Optional[Frame]:
        hi = frame.speaker.left_edge.i - 1
        lo = doc.char_span(frame.start, frame.end, alignment_mode="expand").start
        return self._make(doc, frame.cue_start, frame.cue_end, frame.speaker, lo, hi)

    @staticmethod
    def _make(
        doc: Doc,
        cue_start: int,
        cue_end: int,
        speaker: Token,
        lo: int,
        hi: int,
        content_first: bool = False,
        needs_verb: bool = False,
        cue_inside: bool = False,
    ) -> Optional[Frame]:
        while lo <= hi:
            first = doc[lo]
            if first.lower_ not in _LEAD and not first.is_space:
                break
            lo += 1
        if lo < hi and "according" in doc_text(doc)[doc[lo].idx : doc[hi].idx].lower():
            for j in range(lo + 1, hi):  # "..., according to a readout" is not content
                prev = doc[j - 2] if doc[j - 1].is_quote and j >= 2 else doc[j - 1]
                if doc[j].lower_ == "according" and prev.text == "," and cue_start < j:
                    hi = j - 1
                    break
        if cue_start < lo:  # 'urged nations to take a stand: “Short-term interests ...”': the
            for j in range(lo + 1, hi):  # quotation after the colon is a quote of its own
                if doc[j].text == ":" and doc[j + 1].is_quote:
                    hi = j - 1
                    break
        while hi >= lo:
            last = doc[hi]
            if last.text not in _TRIM and not last.is_space:
                break
            hi -= 1
        if hi < lo or (lo <= cue_start <= hi and not cue_inside):
            return None
        if needs_verb and not any(doc[j].pos_ in ("VERB", "AUX") for j in range(lo, hi + 1)):
            return None
        return Frame(
            cue_start, cue_end, speaker, doc[lo].idx, last.idx + len(last), content_first, cue_inside
        )
