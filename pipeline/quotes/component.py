"""Quotes: direct, mixed (partial) and indirect speech, with the speaker's full name.

Data flow for one article:

1. :mod:`pipeline.quotes.marks` pairs the quotation marks (apostrophes never pair,
   unbalanced marks warn, a quotation may run over paragraphs);
2. :mod:`pipeline.quotes.cues` finds cue frames from the parse: a verb of saying (or
   ``according to``), its subject and the content it reports;
3. here each quotation is matched to the frame whose content holds it (the whole
   content: ``direct``; a part of it: ``mixed``), else to a cue next to it
   (``"...," said Xi``, ``Xi said: "..."``), else to the previous speaker when it is a
   paragraph of its own after what was said (:mod:`pipeline.quotes.adjacent`);
   quotations with no cue (terms, titles, slogans) are not speech. Frames left without a
   quotation are ``indirect``;
4. :mod:`pipeline.discourse.speakers` turns the speaker token into ``speaker_text`` and the
   canonical ``speaker`` (names, pronouns, roles, groups, institutions).

>>> doc = nlp("“We are ready,” said Xi.")            # doctest: +SKIP
>>> results(doc, "quotes")[0]["kind"], results(doc, "quotes")[0]["speaker"]  # doctest: +SKIP
('direct', 'Xi')
"""

from __future__ import annotations

import bisect
import logging
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.discourse.article import Discourse, discourse_lexicon
from pipeline.document.access import (
    blocked_char_ranges,
    doc_text,
    overlaps,
    register_extensions,
    results,
    sent_bounds,
    set_results,
)
from pipeline.quotes.adjacent import (
    colon_speaker,
    continuation,
    manner_of_speaking,
    part_of_a_phrase,
    says_more,
    short_tail,
    speaker_near,
    verbless_lead,
)
from pipeline.quotes.cues import CueLexicon, Frame, FrameFinder, subject_of
from pipeline.quotes.frame_index import FrameIndex
from pipeline.quotes.marks import QuotePair, pair_quotes
from pipeline.quotes.nesting import outermost
from pipeline.quotes.predicates import predicate_quotes
from pipeline.quotes.speakers import ArticleSpeakers

log = logging.getLogger(__name__)
AFTER_WINDOW = 12  # tokens after a closing mark in which its cue ("..." said Xi) is looked for
MAX_MARK_WARNINGS = 5  # unbalanced-mark warnings listed on a record, then a count
_BEFORE_WINDOW = {":": 30, ",": 8, "": 3, "that": 14}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_OPENING_MARKS = ("“", '"', "«")
_BETWEEN_POS = {
    "PROPN",
    "NOUN",
    "DET",
    "ADJ",
    "PRON",
    "ADP",
    "AUX",
    "PART",
    "ADV",
    "PUNCT",
    "NUM",
    "CCONJ",
    "SPACE",
}


class QuoteExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str = "communique_quotes",
        *,
        after_window: int = AFTER_WINDOW,
        max_mark_warnings: int = MAX_MARK_WARNINGS,
    ):
        self.name = name
        self.after_window, self.max_mark_warnings = after_window, max_mark_warnings
        self.cues = CueLexicon(nlp.vocab)
        self.frames = FrameFinder(self.cues)
        self.speaker_lexicon = discourse_lexicon()
        self.cue_lemmas = frozenset(self.cues.clause | self.cues.direct)

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._extract(doc)
        except Exception:  # the events component, which forgets the discourse, will not run
            Discourse.forget(doc)
            raise

    def _extract(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        blocked = blocked_char_ranges(doc)
        pairs, warnings = pair_quotes(text)
        pairs = [p for p in pairs if not overlaps(p.open, p.close + 1, blocked)]
        if warnings:
            _warn(doc, warnings, self.max_mark_warnings)
        speakers = ArticleSpeakers(doc, results(doc, "entities"), self.speaker_lexicon, text, self.cue_lemmas)
        Discourse.remember(doc, speakers)  # events ask the same discourse who someone is
        opens = [p.open for p in pairs]

        def inside_quote(pos: int) -> bool:
            k = bisect.bisect_right(opens, pos) - 1
            return k >= 0 and pairs[k].open < pos < pairs[k].close

        cues, gerunds = self.cues.candidates(doc)
        frames = self.frames.find(doc, cues, gerunds, speakers.is_speaker_like, inside_quote)
        speakers.set_speech([(p.start, p.end) for p in pairs] + [(f.start, f.end) for f in frames])
        frames = [f for f in outermost(doc, frames, speakers) if not overlaps(f.start, f.end, blocked)]
        items = []
        frame_ends = sorted((f.end, k) for k, f in enumerate(frames))
        used: set[int] = set()
        last: Optional[dict] = None
        unattributed: list[QuotePair] = []
        index = FrameIndex(frames)
        for pair in pairs:
            near = index.overlapping(pair.open, pair.close)
            item = self._from_frames(doc, pair, frames, near, used, speakers)
            while item is not None:  # "CCTV said Xi urged Washington to "..."": both speak
                inner = self._from_frames(doc, pair, frames, near, used, speakers, nested_in=item)
                if inner is None:
                    break
                items.append(inner)
            used.update(index.within(pair.open, pair.close + 1))  # cues inside the quotation's reach
            if item is None:
                item = self._adjacent(doc, pair, speakers)
            if item is None:
                previous = self._last_said(doc, pair, frames, frame_ends, used, last, speakers)
                item = continuation(text, pair, previous) if previous is not None else None
            if item is not None:
                items.append(item)
                last = item
            else:
                unattributed.append(pair)
        items += predicate_quotes(doc, unattributed, items, speakers)
        for k, frame in enumerate(frames):
            if k not in used:
                items.append(
                    _record(
                        doc,
                        "indirect",
                        frame.start,
                        frame.end,
                        frame.cue_start,
                        frame.cue_end,
                        frame.speaker,
                        speakers,
                    )
                )
        items.sort(key=lambda q: (q["start"], q["end"]))
        items = _dedupe(items)
        speakers.set_quoted(items)  # events then ask who "he" inside a quotation is
        set_results(doc, "quotes", items, label="quote")
        return doc

    # ------------------------------------------------------------------ attribution

    def _from_frames(
        self,
        doc: Doc,
        pair: QuotePair,
        frames: list[Frame],
        near: list[int],
        used: set[int],
        speakers: ArticleSpeakers,
        nested_in: Optional[dict] = None,
    ) -> Optional[dict]:
        """The record of ``pair`` from the first frame of ``near`` (the frames that overlap
        it, ascending) not used up, or None."""
        for k in near:
            f = frames[k]
            if k in used and (f.start >= pair.open or nested_in is not None):
                continue
            if nested_in is not None and not (
                nested_in["start"] <= doc[f.cue_start].idx < nested_in["end"]
                or f.start <= nested_in["cue_start"] < f.end
            ):
                continue
            used.add(k)
            text = doc_text(doc)
            said = text[pair.open : pair.close].rstrip()
            quoted_first = f.start >= pair.open and (
                f.end <= pair.close + 1
                or (f.content_first or said.endswith(","))
                and said.endswith((",", ".", "!", "?", "…"))
                and not any(m in text[pair.close + 1 : f.end] for m in _OPENING_MARKS)
            )  # '"...," not in another country, Hassett said': the quotation is what he said
            # ('"Operation Sindoor" was launched on Wednesday, the army said': a name in it)
            # ('"...," and "large sums" of money have gone to repairs, Smith said': a part)
            if quoted_first or verbless_lead(doc, f, pair):
                return _record(  # the quotation is the content
                    doc, "direct", pair.start, pair.end, f.cue_start, f.cue_end, f.speaker, speakers
                )
            start = min(f.start, pair.open)  # '“less bureaucracy” is needed': from the mark
            end = pair.close if pair.close >= f.end else f.end
            return _record(doc, "mixed", start, end, f.cue_start, f.cue_end, f.speaker, speakers)
        return None

    @staticmethod
    def _last_said(doc, pair, frames, frame_ends, used, last, speakers) -> Optional[dict]:
        """What was said last before the quotation: the last quote record, or an indirect
        frame that ends after it ("X told VOA the song is shared ... “He’s combined ...”")."""
        k = bisect.bisect_right(frame_ends, (pair.open, len(frames))) - 1
        if k < 0 or frame_ends[k][1] in used or last is not None and frame_ends[k][0] <= last["end"]:
            return last
        f = frames[frame_ends[k][1]]
        return _record(doc, "indirect", f.start, f.end, f.cue_start, f.cue_end, f.speaker, speakers)

    def _adjacent(self, doc: Doc, pair: QuotePair, speakers: ArticleSpeakers) -> Optional[dict]:
        """A cue right after the closing mark or right before the opening one."""
        close_tok = _token_at(doc, pair.close)
        open_tok = _token_at(doc, pair.open)
        if close_tok is None or open_tok is None:
            return None
        found = self._cue_after(doc, pair, close_tok, speakers) or self._cue_before(
            doc, pair, open_tok, speakers
        )
        if found is None:
            return None
        cue, speaker = found
        cue_end = cue.i + 1
        for child in cue.children:
            if child.dep_ == "prt" and child.i == cue_end:
                cue_end += 1
        return _record(doc, "direct", pair.start, pair.end, cue.i, cue_end, speaker, speakers)

    def _cue_after(self, doc: Doc, pair: QuotePair, close_tok: Token, speakers):
        content = speakers.text[pair.start : pair.end].rstrip()
        ends_sentence = content.endswith((".", "。"))
        between: list[Token] = []
        for j in range(close_tok.i + 1, min(len(doc), close_tok.i + 1 + self.after_window)):
            tok = doc[j]
            if tok.text in ("“", '"', "‘", "«") or "\n" in tok.text:
                return None
            if tok.lemma_.lower() in self.cues.direct and tok.pos_ == "VERB" and not tok.ent_type_:
                if (
                    ends_sentence
                    and not (
                        short_tail(doc, j)
                        or close_tok.i + 1 < len(doc)
                        and doc[close_tok.i + 1].is_lower
                        or self._then_adding(doc, j)
                    )
                    or says_more(tok)
                ):
                    return None  # "'It reflects the fear' Lewal told VOA the Taliban's ...": its own
                speaker = speaker_near(tok, between, speakers, doc, tok.lemma_.lower() in self.cues.strong)
                return (tok, speaker) if speaker is not None else None
            if tok.text == "According" and ends_sentence:
                return None  # '"...." According to the factbook, ...': a new sentence, its own source
            if tok.lower_ == "according" and j + 1 < len(doc) and doc[j + 1].lower_ == "to":
                obj = next((c for c in doc[j + 1].children if c.dep_ == "pobj"), None)
                if obj is not None and speakers.is_speaker_like(obj):
                    return tok, obj
                return None
            if tok.pos_ == "VERB" and content.endswith((",", "?", "!")):
                subject = manner_of_speaking(doc, close_tok, tok, speakers)
                return (tok, subject) if subject is not None else None
            if tok.pos_ not in _BETWEEN_POS or tok.text in (".", "!", "?", ";"):
                return None
            between.append(tok)
        return None

    def _then_adding(self, doc: Doc, j: int) -> bool:
        """``"...." Chao said, adding that ...``: the cue says nothing of its own before a
        participle cue takes the next content, so the quotation before is what it says."""
        return (
            j + 2 < len(doc)
            and doc[j + 1].text == ","
            and doc[j + 2].tag_ == "VBG"
            and doc[j + 2].lemma_.lower() in self.cues.clause
        )

    def _cue_before(self, doc: Doc, pair: QuotePair, open_tok: Token, speakers):
        before = speakers.text[max(0, pair.open - 20) : pair.open].rstrip()
        if before.endswith((", but", ", and")):  # '"...," said Khoshbo, but "..."': one quote split
            before = before[:-4].rstrip()
        punct = before[-1:] if before[-1:] in (":", ",") else ""
        if punct == "" and before[-1:] and not before[-1:].isalpha():
            return None
        if punct == "" and (before == "that" or before.endswith((" that", "\nthat"))):
            punct = "that"  # 'assured visiting Foreign Minister Payne that “...”': a clause cue
        window = _BEFORE_WINDOW[punct]
        cues = self.cues.clause if punct == "that" else self.cues.direct
        sent_start = sent_bounds(doc, open_tok.i)[0]
        lo = max(sent_start, open_tok.i - window)
        for j in range(open_tok.i - 1, lo - 1, -1):
            tok = doc[j]
            if tok.text in ("”", '"', "’", "»") or "\n" in tok.text:
                return None
            if punct == "that" and tok.tag_ in _FINITE and tok.lemma_.lower() not in cues:
                return None  # "said the plan that Congress passed “...”": another clause between
            if tok.lemma_.lower() in cues and tok.pos_ == "VERB" and not tok.ent_type_:
                speaker = subject_of(tok)
                if speaker is None or not (
                    speakers.is_speaker_like(speaker)
                    or self.frames.nominal_speaker(tok.lemma_.lower(), speaker)
                ):
                    return None
                if punct == "" and part_of_a_phrase(doc, pair, tok):
                    return None  # 'told NBC's "Meet the Press"': a title, not what is said
                if (
                    punct == ""
                    and tok.lemma_.lower() in self.cues.characterize
                    and any(doc[k].dep_ == "dobj" and doc[k].head.i == j for k in range(j + 1, open_tok.i))
                ):
                    return None  # 'calls itself "Friends of the Earth"': a name, or a characterisation
                return tok, speaker
        if punct == ":":
            return colon_speaker(doc, sent_start, open_tok.i - 1, speakers)
        return None


# ---------------------------------------------------------------------- helpers


def _token_at(doc: Doc, char: int) -> Optional[Token]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[span.start] if span is not None and len(span) else None


def _record(
    doc: Doc,
    kind: str,
    start: int,
    end: int,
    cue_start: int,
    cue_end: int,
    speaker_tok: Optional[Token],
    speakers: ArticleSpeakers,
) -> dict:
    text = speakers.text
    first, last = doc[cue_start], doc[cue_end - 1]  # the cue's tokens (cue_end > cue_start)
    cue_chars = first.idx, last.idx + len(last)
    item = {
        "text": text[start:end],
        "start": start,
        "end": end,
        "kind": kind,
        "speaker": None,
        "speaker_text": None,
        "speaker_start": None,
        "speaker_end": None,
        "cue": text[cue_chars[0] : cue_chars[1]],
        "cue_start": cue_chars[0],
        "cue_end": cue_chars[1],
    }
    if speaker_tok is not None:
        mention = speakers.mention(speaker_tok)
        item.update(
            speaker=mention.speaker,
            speaker_text=mention.text,
            speaker_start=mention.start,
            speaker_end=mention.end,
        )
    return item


def _dedupe(items: list[dict]) -> list[dict]:
    """One record per span; the quotations of one frame's content make one mixed record
    (the longest), not one per quotation."""
    out = []
    for item in items:
        if out and (out[-1]["start"], out[-1]["end"]) == (item["start"], item["end"]):
            continue
        if (
            out
            and out[-1]["kind"] == item["kind"] == "mixed"
            and (out[-1]["start"], out[-1]["cue_start"]) == (item["start"], item["cue_start"])
        ):
            out[-1] = item if item["end"] > out[-1]["end"] else out[-1]
            continue
        out.append(item)
    return out


def _warn(doc: Doc, warnings: list[str], most: int) -> None:
    """Record unbalanced-mark warnings on the article (the first ``most``, then a count)."""
    shown = [f"quotes: {w}" for w in warnings[:most]]
    if len(warnings) > most:
        shown.append(f"quotes: ... and {len(warnings) - most} more unbalanced quotation marks")
    log.debug("%s", "; ".join(shown))
    meta = doc._.communique_meta
    if isinstance(meta, dict):
        meta.setdefault("warnings", []).extend(shown)


@Language.factory(
    "communique_quotes",
    assigns=["doc._.communique_quotes", "doc.spans"],
    requires=[
        "doc._.communique_entities",
        "token.dep",
        "token.pos",
        "token.lemma",
        "token.tag",
        "token.is_sent_start",
    ],
    default_config={"after_window": AFTER_WINDOW, "max_mark_warnings": MAX_MARK_WARNINGS},
)
def make_quotes(nlp: Language, name: str, after_window: int, max_mark_warnings: int) -> QuoteExtractor:
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return QuoteExtractor(nlp, name, after_window=after_window, max_mark_warnings=max_mark_warnings)
